/* The tokenizer's units found in one pass over the text, in C (the compiled path).

``core.engine.tokens`` splits a text into units with one regular expression (its
``_unit_pattern``); ``make native`` builds this module beside the compiled engine, and
``tokens`` then calls ``units`` instead of ``pattern.split``: the same units, their
offsets written straight into arrays, without the regular expression's engine or the
gaps' strings, and each unit keyed in the same pass where its spelling was seen before
(``tokens`` learns the others and fills them in). Without a build the expression does
the work (the pure path).

What counts as a unit is the expression's, character for character, with the same
character tests as Python's ``re`` for ``str`` patterns (``\w``: alphanumeric or
``_``; ``\s``: whitespace; ``\d``: decimal). The character sets (the joiners, the
marks that come in runs, the Han and kana ranges) are not written here: ``configure``
takes them from ``tokens``, which builds its expression from the same values.
``tests/test_native.py`` compares the two on every real text the suite holds and on
random text.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "span_table.h"

#define MAX_SET 64
#define MAX_RANGES 64

typedef struct {
    Py_UCS4 chars[MAX_SET];
    int n;
} CharSet;

static CharSet joins, points, commas, dashes, voicing;
/* A mark that comes in runs, and its class (1, 2, ...): a run is one class. */
static Py_UCS4 run_chars[MAX_SET];
static int run_class_of[MAX_SET];
static int n_runs;
static Py_UCS4 cjk_lo[MAX_RANGES], cjk_hi[MAX_RANGES];
static int n_cjk;
static Py_UCS4 cjk_from; /* the lowest character of the ranges */
static int configured;

static int
in_set(const CharSet *set, Py_UCS4 c)
{
    for (int k = 0; k < set->n; k++) {
        if (set->chars[k] == c) {
            return 1;
        }
    }
    return 0;
}

static int
fill_set(CharSet *set, PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > MAX_SET) {
        PyErr_SetString(PyExc_ValueError, "unit_scan: too many characters in a set");
        return -1;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < n; k++) {
        set->chars[k] = PyUnicode_READ(kind, data, k);
    }
    set->n = (int)n;
    return 0;
}

static int
run_class(Py_UCS4 c)
{
    for (int k = 0; k < n_runs; k++) {
        if (run_chars[k] == c) {
            return run_class_of[k];
        }
    }
    return 0;
}

static int
in_cjk(Py_UCS4 c)
{
    for (int k = 0; k < n_cjk; k++) {
        if (c >= cjk_lo[k] && c <= cjk_hi[k]) {
            return 1;
        }
    }
    return 0;
}

/* The text's combining marks and format characters: sorted, any number. */
typedef struct {
    Py_UCS4 *chars;
    Py_ssize_t n;
} Marks;

static int
is_mark(const Marks *marks, Py_UCS4 c)
{
    Py_ssize_t lo = 0, hi = marks->n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (marks->chars[mid] < c) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return lo < marks->n && marks->chars[lo] == c;
}

static inline int
is_word(Py_UCS4 c)
{
    return c == '_' || Py_UNICODE_ISALNUM(c);
}

/* A character of a word: \w (less Han and kana when they are units of their own), or
   one of the text's combining marks and format characters. */
static inline int
word_char(Py_UCS4 c, int cjk, const Marks *marks)
{
    if (c < 128) {
        return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    }
    if (is_word(c) && !(cjk && c >= cjk_from && in_cjk(c))) {
        return 1;
    }
    return marks->n && is_mark(marks, c);
}

#define READ(k) PyUnicode_READ(kind, data, (k))
#define DECIMAL(c) Py_UNICODE_ISDECIMAL(c)

/* The end of the word that starts at ``at`` (a word character):
   ``w+(?:[joins]w+|(?<=\d)(?:[points]\d+|[commas]\d{1,3}(?!\d)|[dashes]\d+))*`` */
static Py_ssize_t
word_end(int kind, const void *data, Py_ssize_t at, Py_ssize_t hi, int cjk, const Marks *marks)
{
    Py_ssize_t p = at + 1;
    while (p < hi && word_char(READ(p), cjk, marks)) {
        p++;
    }
    while (p < hi) {
        Py_UCS4 c = READ(p);
        if (in_set(&joins, c) && p + 1 < hi && word_char(READ(p + 1), cjk, marks)) {
            p += 2;
            while (p < hi && word_char(READ(p), cjk, marks)) {
                p++;
            }
            continue;
        }
        if (!DECIMAL(READ(p - 1))) {
            break;
        }
        if (in_set(&points, c) || in_set(&dashes, c)) {
            if (p + 1 < hi && DECIMAL(READ(p + 1))) {
                p += 2;
                while (p < hi && DECIMAL(READ(p))) {
                    p++;
                }
                continue;
            }
            break;
        }
        if (in_set(&commas, c)) {
            Py_ssize_t digits = 0;
            while (digits < 4 && p + 1 + digits < hi && DECIMAL(READ(p + 1 + digits))) {
                digits++;
            }
            if (digits >= 1 && digits <= 3) {
                p += 1 + digits;
                continue;
            }
        }
        break;
    }
    return p;
}

static PyObject *
unit_scan_configure(PyObject *self, PyObject *args)
{
    PyObject *join_text, *point_text, *comma_text, *dash_text, *runs, *ranges, *voicing_text;
    if (!PyArg_ParseTuple(args, "UUUUO!UU", &join_text, &point_text, &comma_text, &dash_text,
                          &PyTuple_Type, &runs, &ranges, &voicing_text)) {
        return NULL;
    }
    configured = 0;
    if (fill_set(&joins, join_text) || fill_set(&points, point_text) ||
        fill_set(&commas, comma_text) || fill_set(&dashes, dash_text) ||
        fill_set(&voicing, voicing_text)) {
        return NULL;
    }
    n_runs = 0;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(runs); k++) {
        PyObject *members = PyTuple_GET_ITEM(runs, k);
        if (!PyUnicode_Check(members)) {
            PyErr_SetString(PyExc_TypeError, "unit_scan: a run's marks must be a str");
            return NULL;
        }
        for (Py_ssize_t m = 0; m < PyUnicode_GET_LENGTH(members); m++) {
            if (n_runs == MAX_SET) {
                PyErr_SetString(PyExc_ValueError, "unit_scan: too many marks in runs");
                return NULL;
            }
            run_chars[n_runs] = PyUnicode_READ_CHAR(members, m);
            run_class_of[n_runs] = (int)k + 1;
            n_runs++;
        }
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(ranges);
    if (n % 2 || n / 2 > MAX_RANGES) {
        PyErr_SetString(PyExc_ValueError, "unit_scan: ranges come in pairs, at most 64");
        return NULL;
    }
    n_cjk = (int)(n / 2);
    cjk_from = 0x110000;
    for (int k = 0; k < n_cjk; k++) {
        cjk_lo[k] = PyUnicode_READ_CHAR(ranges, 2 * k);
        cjk_hi[k] = PyUnicode_READ_CHAR(ranges, 2 * k + 1);
        if (cjk_lo[k] < cjk_from) {
            cjk_from = cjk_lo[k];
        }
    }
    configured = 1;
    Py_RETURN_NONE;
}

/* What the scanner learns itself (``units``' last two arguments): the table of keys
   (NULL: nothing; every spelling not known goes back unseen), whether to fold case,
   and the weight 1. */
typedef struct {
    PyObject *table;
    int fold;
    PyObject *one;
} Learn;

/* Whether ``raw`` is a plain word: ASCII letters and digits only (``str.isalnum``
   and ``str.isascii``), whose key is its lower case (or itself) and weight 1. */
static int
plain_word(PyObject *raw)
{
    if (!PyUnicode_IS_ASCII(raw)) {
        return 0;
    }
    const Py_UCS1 *c = PyUnicode_1BYTE_DATA(raw);
    Py_ssize_t n = PyUnicode_GET_LENGTH(raw);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!Py_ISALNUM(c[k])) {
            return 0;
        }
    }
    return n > 0;
}

/* The key of the plain word ``raw`` (new reference): its lower case when ``fold``,
   as ``str.lower`` makes it (ASCII), else itself. */
static PyObject *
plain_key(PyObject *raw, int fold)
{
    const Py_UCS1 *c = PyUnicode_1BYTE_DATA(raw);
    Py_ssize_t n = PyUnicode_GET_LENGTH(raw);
    Py_ssize_t k = 0;
    while (fold && k < n && !Py_ISUPPER(c[k])) {
        k++;
    }
    if (!fold || k == n) {
        Py_INCREF(raw);
        return raw;
    }
    PyObject *key = PyUnicode_New(n, 127);
    if (key == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(key);
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = (Py_UCS1)Py_TOLOWER(c[i]);
    }
    return key;
}

/* The plain word ``raw`` keyed here, as ``tokens._Spellings.learn`` keys it: its key
   (one string for equal keys: ``table``'s) in ``key_of``, its weight 1 in
   ``words_of``. Returns the key (borrowed: the dicts hold it), NULL on an error. */
static PyObject *
learn_plain(PyObject *raw, const Learn *learn, PyObject *key_of, PyObject *words_of)
{
    PyObject *key = plain_key(raw, learn->fold);
    if (key == NULL) {
        return NULL;
    }
    PyObject *filed = PyDict_SetDefault(learn->table, key, key); /* (borrowed) */
    Py_DECREF(key);
    if (filed == NULL || PyDict_SetItem(key_of, raw, filed) < 0 ||
        PyDict_SetItem(words_of, raw, learn->one) < 0) {
        return NULL;
    }
    return filed;
}

/* Unit ``at`` spelled ``raw``: its key and weight as a word when ``key_of`` and
   ``words_of`` know the spelling, or (with a ``table`` of keys) when it is a plain
   word, learnt here; else the spelling itself and None, its place in ``fresh``, and
   the spelling among the ``unseen`` ones (for ``tokens`` to learn). What was found
   goes in ``slot`` (borrowed: the dicts hold it), for the unit's spelling met again:
   its key and weight, or the spelling and NULL. */
static int
seen(PyObject *raw, Py_ssize_t at, PyObject *key_of, PyObject *words_of, PyObject *keys,
     PyObject *words, PyObject *unseen, PyObject *fresh, SpanSlot *slot, const Learn *learn)
{
    PyObject *key = PyDict_GetItemWithError(key_of, raw);
    if (key == NULL && !PyErr_Occurred() && learn->table != NULL && plain_word(raw)) {
        key = learn_plain(raw, learn, key_of, words_of);
        if (key == NULL) {
            return -1;
        }
    }
    if (key != NULL) {
        PyObject *weight = PyDict_GetItemWithError(words_of, raw);
        if (weight == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetObject(PyExc_KeyError, raw);
            }
            return -1;
        }
        slot->first = key;
        slot->second = weight;
        return PyList_Append(keys, key) < 0 || PyList_Append(words, weight) < 0 ? -1 : 0;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    slot->first = raw;
    slot->second = NULL;
    PyObject *place = PyLong_FromSsize_t(at);
    if (place == NULL) {
        return -1;
    }
    int failed = PyList_Append(fresh, place) < 0 || PyList_Append(keys, raw) < 0 ||
                 PyList_Append(words, Py_None) < 0 || PyDict_SetItem(unseen, raw, Py_None) < 0;
    Py_DECREF(place);
    return failed ? -1 : 0;
}

/* Unit ``at`` spelled as a unit before it in this span (``slot``): the same key and
   weight, or the same spelling to learn (``unseen`` has it already). */
static int
seen_again(const SpanSlot *slot, Py_ssize_t at, PyObject *keys, PyObject *words, PyObject *fresh)
{
    if (slot->second != NULL) {
        return PyList_Append(keys, slot->first) < 0 || PyList_Append(words, slot->second) < 0
                   ? -1
                   : 0;
    }
    PyObject *place = PyLong_FromSsize_t(at);
    if (place == NULL) {
        return -1;
    }
    int failed = PyList_Append(fresh, place) < 0 || PyList_Append(keys, slot->first) < 0 ||
                 PyList_Append(words, Py_None) < 0;
    Py_DECREF(place);
    return failed ? -1 : 0;
}

static PyObject *
unit_scan_units(PyObject *self, PyObject *args)
{
    PyObject *text, *marks_text, *key_of, *words_of;
    Py_ssize_t lo, hi;
    int cjk;
    Learn learn = {NULL, 0, NULL};
    if (!PyArg_ParseTuple(args, "UnnUpO!O!|O!p", &text, &lo, &hi, &marks_text, &cjk,
                          &PyDict_Type, &key_of, &PyDict_Type, &words_of, &PyDict_Type,
                          &learn.table, &learn.fold)) {
        return NULL;
    }
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "unit_scan: configure() first");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (lo < 0 || hi > length || lo > hi) {
        PyErr_SetString(PyExc_IndexError, "unit_scan: span outside the text");
        return NULL;
    }
    Marks marks = {NULL, PyUnicode_GET_LENGTH(marks_text)};
    if (marks.n) {
        marks.chars = PyMem_New(Py_UCS4, marks.n);
        if (marks.chars == NULL || !PyUnicode_AsUCS4(marks_text, marks.chars, marks.n, 0)) {
            PyMem_Free(marks.chars);
            return marks.chars == NULL ? PyErr_NoMemory() : NULL;
        }
        for (Py_ssize_t k = 1; k < marks.n; k++) {
            if (marks.chars[k - 1] >= marks.chars[k]) {
                PyMem_Free(marks.chars);
                PyErr_SetString(PyExc_ValueError, "unit_scan: marks must be sorted, once each");
                return NULL;
            }
        }
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* At most one unit per character: the offsets' arrays are allocated once. */
    Py_ssize_t most = hi - lo;
    PyObject *starts = PyBytes_FromStringAndSize(NULL, most * (Py_ssize_t)sizeof(int64_t));
    PyObject *ends = PyBytes_FromStringAndSize(NULL, most * (Py_ssize_t)sizeof(int64_t));
    PyObject *keys = PyList_New(0);
    PyObject *words = PyList_New(0);
    PyObject *unseen = PyDict_New(); /* (a dict keeps the order they come in) */
    PyObject *fresh = PyList_New(0);
    learn.one = PyLong_FromLong(1);
    SpanTable memo = {NULL, 0, 0};
    if (learn.one == NULL || starts == NULL || ends == NULL || keys == NULL || words == NULL ||
        unseen == NULL || fresh == NULL || span_table_init(&memo, 4096) < 0) {
        goto error;
    }
    int64_t *start_at = (int64_t *)PyBytes_AS_STRING(starts);
    int64_t *end_at = (int64_t *)PyBytes_AS_STRING(ends);
    Py_ssize_t count = 0;
    Py_ssize_t p = lo;
    while (p < hi) {
        Py_UCS4 c = READ(p);
        if (Py_UNICODE_ISSPACE(c)) {
            p++;
            continue;
        }
        Py_ssize_t end;
        if (cjk && c >= cjk_from && in_cjk(c)) {
            end = p + 1;
            while (end < hi && (in_set(&voicing, READ(end)) || is_mark(&marks, READ(end)))) {
                end++;
            }
        }
        else if (word_char(c, cjk, &marks)) {
            end = word_end(kind, data, p, hi, cjk, &marks);
        }
        else {
            int run = run_class(c);
            end = p + 1;
            if (run) {
                while (end < hi && run_class(READ(end)) == run) {
                    end++;
                }
            }
            while (marks.n && end < hi && is_mark(&marks, READ(end))) {
                end++;
            }
        }
        /* A spelling met before in this span is found where it stands (no string,
           no look-up); the first of each is looked up and filed. */
        uint64_t hash = span_hash(kind, data, p, end);
        int again;
        SpanSlot *slot = span_table_slot(&memo, kind, data, p, end - p, hash, &again);
        if (again) {
            if (seen_again(slot, count, keys, words, fresh) < 0) {
                goto error;
            }
        }
        else {
            PyObject *raw = PyUnicode_Substring(text, p, end);
            *slot = (SpanSlot){p, end - p, hash, NULL, NULL};
            if (raw == NULL ||
                seen(raw, count, key_of, words_of, keys, words, unseen, fresh, slot, &learn) < 0) {
                Py_XDECREF(raw);
                goto error;
            }
            Py_DECREF(raw); /* (the lists and dicts hold it) */
            if (span_table_filed(&memo) < 0) {
                goto error;
            }
        }
        start_at[count] = (int64_t)p;
        end_at[count] = (int64_t)end;
        count++;
        p = end;
    }
    if (_PyBytes_Resize(&starts, count * (Py_ssize_t)sizeof(int64_t)) < 0 ||
        _PyBytes_Resize(&ends, count * (Py_ssize_t)sizeof(int64_t)) < 0) {
        goto error;
    }
    PyMem_Free(marks.chars);
    span_table_free(&memo);
    Py_DECREF(learn.one);
    PyObject *spellings = PyDict_Keys(unseen);
    Py_DECREF(unseen);
    if (spellings == NULL) {
        unseen = NULL;
        goto error;
    }
    return Py_BuildValue("(NNNNNN)", starts, ends, keys, words, spellings, fresh);
error:
    PyMem_Free(marks.chars);
    span_table_free(&memo);
    Py_XDECREF(learn.one);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(keys);
    Py_XDECREF(words);
    Py_XDECREF(unseen);
    Py_XDECREF(fresh);
    return NULL;
}

/* where(units, item): the indices of the list ``units`` whose item is ``item`` itself
   (not only equal to it: equal keys are one string, ``tokens._Spellings``). */
static PyObject *
unit_scan_where(PyObject *self, PyObject *args)
{
    PyObject *units, *item;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &units, &item)) {
        return NULL;
    }
    PyObject *found = PyList_New(0);
    if (found == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(units);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(units, i) != item) {
            continue;
        }
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL || PyList_Append(found, at) < 0) {
            Py_XDECREF(at);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(at);
    }
    return found;
}

/* drop(units, dropped): the items of the list ``units`` at the ascending indices
   ``dropped`` (a list of ints) removed in place, in one pass: the others move down,
   and only the dropped lose a reference (``tokens._drop`` copies slices around them,
   a reference taken and given back for every unit kept, three times). */
static PyObject *
unit_scan_drop(PyObject *self, PyObject *args)
{
    PyObject *units, *dropped;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &units, &PyList_Type, &dropped)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(units);
    Py_ssize_t m = PyList_GET_SIZE(dropped);
    Py_ssize_t last = -1;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t at = PyLong_AsSsize_t(PyList_GET_ITEM(dropped, k));
        if (at == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (at <= last || at >= n) {
            PyErr_SetString(PyExc_ValueError, "unit_scan.drop: indices must ascend, in range");
            return NULL;
        }
        last = at;
    }
    if (m == 0) {
        Py_RETURN_NONE;
    }
    PyObject **items = ((PyListObject *)units)->ob_item;
    PyObject **gone = PyMem_New(PyObject *, m);
    if (gone == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t kept = 0, next = 0, drop_at = PyLong_AsSsize_t(PyList_GET_ITEM(dropped, 0));
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i == drop_at) {
            gone[next++] = items[i];
            drop_at = next < m ? PyLong_AsSsize_t(PyList_GET_ITEM(dropped, next)) : -1;
        }
        else {
            items[kept++] = items[i];
        }
    }
    Py_SET_SIZE(units, kept);
    /* (the references given back once the list is whole again: a dropped item's
       finalizer may look at it) */
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_DECREF(gone[k]);
    }
    PyMem_Free(gone);
    Py_RETURN_NONE;
}

static PyMethodDef unit_scan_methods[] = {
    {"configure", unit_scan_configure, METH_VARARGS,
     "configure(joins, points, commas, dashes, runs, ranges, voicing): the character sets"},
    {"where", unit_scan_where, METH_VARARGS,
     "where(units, item): the indices of the list's items that are item itself"},
    {"drop", unit_scan_drop, METH_VARARGS,
     "drop(units, dropped): the list's items at the ascending indices removed in place"},
    {"units", unit_scan_units, METH_VARARGS,
     "units(text, lo, hi, marks, cjk, key_of, words_of[, table, fold]) -> (starts, ends, "
     "keys, words, unseen, fresh): the units of text[lo:hi], keyed where the spelling is "
     "known, or (with a table of keys) is a plain word, learnt into key_of and words_of"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef unit_scan_module = {
    PyModuleDef_HEAD_INIT, "unit_scan", "The tokenizer's units in one pass (compiled path).",
    -1, unit_scan_methods,
};

PyMODINIT_FUNC
PyInit_unit_scan(void)
{
    return PyModule_Create(&unit_scan_module);
}
