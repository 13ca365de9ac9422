/* Where sentences start after a full stop, a question or an exclamation mark, in C
(the compiled path).

``core.engine.segment._punctuation_boundaries`` finds every stop with ``_TERMINATOR``
and asks ``_ends_sentence`` whether it ends a sentence: the word before it (sliced,
its opening quotes and dots stripped, lowered), the character after, a few word
lists. On a 1 MB text that is 9,800 stops and 17-20 ms of the compiled path's 22-25,
in the parent and in the first child. This walks the text once and decides the same.

``stop_starts(text, abbreviations, states, continues, dateline_after, dotted, month)
-> list[int]``: the offsets where a sentence starts after a stop, as the Python finds
them (its Latin stops only; the CJK ones stay in Python). The word lists and the two
rare expressions (``dotted``: ``_DOTTED_LETTERS.fullmatch``; ``month``: the German
month's ``match(text, pos)``) come from ``segment`` itself. ``tests/test_sentence_stops.py``
checks it against the Python on random and real text.

``_TERMINATOR`` is ``([.!?…](?<![.!?…]{2})[.!?…]*["'”’)\]]*)\s+(?=\S)``: a stop not
right after another, more stops, closing quotes and brackets, white space, and a
visible character (where the next match is looked for).
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define WORD_REACH 40 /* segment._WORD_REACH */

static int
is_stop(Py_UCS4 c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static int
is_closer(Py_UCS4 c)
{
    return c == '"' || c == '\'' || c == 0x201d || c == 0x2019 || c == ')' || c == ']';
}

static int
is_opener(Py_UCS4 c) /* segment._OPENERS */
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201c || c == 0x2018;
}

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
    Py_ssize_t opening_start; /* segment._Opening */
    Py_ssize_t first_dot;
    int other_spaces;
} Text;

/* The last of ``c`` in [lo, hi), or -1. */
static Py_ssize_t
last_of(const Text *t, Py_UCS4 c, Py_ssize_t lo, Py_ssize_t hi)
{
    for (Py_ssize_t k = hi - 1; k >= lo; k--) {
        if (PyUnicode_READ(t->kind, t->data, k) == c) {
            return k;
        }
    }
    return -1;
}

/* ``text[a:b]`` lowered and its dots stripped at both ends (``strip_dots``), as
   ``str.lower`` and ``str.strip(".")`` make it. */
static PyObject *
lowered(PyObject *text, const Text *t, Py_ssize_t a, Py_ssize_t b, int strip_dots)
{
    int ascii = 1;
    for (Py_ssize_t k = a; k < b && ascii; k++) {
        ascii = PyUnicode_READ(t->kind, t->data, k) < 128;
    }
    if (!ascii) {
        PyObject *part = PyUnicode_Substring(text, a, b);
        if (part == NULL) {
            return NULL;
        }
        PyObject *low = PyObject_CallMethod(part, "lower", NULL);
        Py_DECREF(part);
        if (low == NULL || !strip_dots) {
            return low;
        }
        PyObject *stripped = PyObject_CallMethod(low, "strip", "s", ".");
        Py_DECREF(low);
        return stripped;
    }
    if (strip_dots) {
        while (a < b && PyUnicode_READ(t->kind, t->data, a) == '.') {
            a++;
        }
        while (b > a && PyUnicode_READ(t->kind, t->data, b - 1) == '.') {
            b--;
        }
    }
    PyObject *out = PyUnicode_New(b - a, 127);
    if (out == NULL) {
        return NULL;
    }
    Py_UCS1 *chars = PyUnicode_1BYTE_DATA(out);
    for (Py_ssize_t k = a; k < b; k++) {
        Py_UCS4 c = PyUnicode_READ(t->kind, t->data, k);
        chars[k - a] = (Py_UCS1)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return out;
}

/* ``segment._word_before``: the word before the stop at ``at``. A new reference. */
static PyObject *
word_before(PyObject *text, const Text *t, Py_ssize_t at)
{
    Py_ssize_t lo = at - WORD_REACH > 0 ? at - WORD_REACH : 0;
    Py_ssize_t space = last_of(t, ' ', lo, at);
    Py_ssize_t newline = last_of(t, '\n', lo, at);
    if (newline > space) {
        space = newline;
    }
    if (t->other_spaces) {
        Py_ssize_t cr = last_of(t, '\r', lo, at), tab = last_of(t, '\t', lo, at);
        if (cr > space) {
            space = cr;
        }
        if (tab > space) {
            space = tab;
        }
    }
    if (space >= 0 || lo == 0) {
        Py_ssize_t a = space + 1;
        while (a < at && is_opener(PyUnicode_READ(t->kind, t->data, a))) {
            a++;
        }
        return lowered(text, t, a, at, 1);
    }
    Py_ssize_t start = t->opening_start;
    if (at - start <= WORD_REACH) {
        return at > start ? lowered(text, t, start, at, 0) : PyUnicode_New(0, 127);
    }
    /* segment._LONG_DOTTED_WORD, _LONG_WORD: stand-ins for a long word */
    return PyUnicode_FromString((0 <= t->first_dot && t->first_dot < at) ? "--------." : "--------");
}

/* ``segment._ends_sentence`` for the stop at ``at`` whose marks and closers run to
   ``marks_end``, the next visible character being ``next``: 1, 0, or -1 on error. */
static int
ends_sentence(PyObject *text, const Text *t, Py_ssize_t at, Py_ssize_t marks_end,
              Py_UCS4 next, PyObject *const *lists)
{
    PyObject *abbreviations = lists[0], *states = lists[1], *continues = lists[2];
    PyObject *dateline_after = lists[3], *dotted = lists[4], *month = lists[5];
    /* single_stop: the marks, their closers stripped, are one full stop */
    Py_ssize_t bare = marks_end;
    while (bare > at && is_closer(PyUnicode_READ(t->kind, t->data, bare - 1))) {
        bare--;
    }
    int single_stop = bare - at == 1 && PyUnicode_READ(t->kind, t->data, at) == '.';
    Py_UCS4 last_mark = PyUnicode_READ(t->kind, t->data, marks_end - 1);
    PyObject *word = word_before(text, t, at);
    if (word == NULL) {
        return -1;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(word);
    int answer;
    int capital = Py_UNICODE_ISUPPER(next) || Py_UNICODE_ISDIGIT(next) || next == '"' ||
                  next == '\'' || next == 0x201c || next == 0x2018 || next == '(' ||
                  next == '[' || next == '-' || next == 0x2022;
    if (!capital) {
        if (last_mark == '!' || last_mark == '?') {
            answer = 1;
        }
        else if (!single_stop || size <= 1) {
            answer = 0;
        }
        else {
            int listed = PySet_Contains(abbreviations, word);
            if (listed == 0) {
                listed = PySet_Contains(states, word);
            }
            if (listed == 0) {
                listed = PySet_Contains(continues, word);
            }
            if (listed != 0) {
                answer = listed < 0 ? -1 : 0;
            }
            else { /* the sentence ends unless the word holds a dot (-2: an error) */
                Py_ssize_t dot = PyUnicode_FindChar(word, '.', 0, size, 1);
                answer = dot == -2 ? -1 : dot == -1;
            }
        }
        Py_DECREF(word);
        return answer;
    }
    if (!single_stop || size == 0) {
        Py_DECREF(word);
        return 1;
    }
    int listed = PySet_Contains(abbreviations, word);
    if (listed != 0) {
        Py_DECREF(word);
        return listed < 0 ? -1 : 0;
    }
    if (next == '(') {
        PyObject *found = PyObject_CallOneArg(dotted, word);
        if (found == NULL) {
            Py_DECREF(word);
            return -1;
        }
        int dotted_word = found != Py_None;
        Py_DECREF(found);
        int continued = dotted_word ? 1 : PySet_Contains(continues, word);
        if (continued != 0) {
            Py_DECREF(word);
            return continued < 0 ? -1 : 0;
        }
    }
    listed = PySet_Contains(states, word);
    if (listed != 0) {
        Py_DECREF(word);
        if (listed < 0) {
            return -1;
        }
        PyObject *after = PyUnicode_FromOrdinal((int)next);
        if (after == NULL) {
            return -1;
        }
        int dateline = PySet_Contains(dateline_after, after);
        Py_DECREF(after);
        return dateline < 0 ? -1 : !dateline;
    }
    int digits = size <= 2;
    for (Py_ssize_t k = 0; k < size && digits; k++) {
        digits = Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(word, k));
    }
    if (digits) { /* a German day before its month: "am 10. November 2025" */
        PyObject *found = PyObject_CallFunction(month, "On", text, at + 1);
        if (found == NULL) {
            Py_DECREF(word);
            return -1;
        }
        int day = found != Py_None;
        Py_DECREF(found);
        if (day) {
            Py_DECREF(word);
            return 0;
        }
    }
    /* a single letter before the stop is an initial ("J. Smith") */
    answer = !(size == 1 && Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(word, 0)));
    Py_DECREF(word);
    return answer;
}

static PyObject *
stop_starts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 7 || !PyUnicode_Check(args[0]) || !PyAnySet_Check(args[1]) ||
        !PyAnySet_Check(args[2]) || !PyAnySet_Check(args[3]) || !PyAnySet_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError,
                        "stop_starts(text, abbreviations, states, continues, dateline_after, "
                        "dotted, month)");
        return NULL;
    }
    PyObject *text = args[0];
    Text t;
    t.kind = PyUnicode_KIND(text);
    t.data = PyUnicode_DATA(text);
    t.length = PyUnicode_GET_LENGTH(text);
    /* segment._Opening: after the opening quotes and brackets, then dots */
    Py_ssize_t start = 0;
    while (start < t.length && is_opener(PyUnicode_READ(t.kind, t.data, start))) {
        start++;
    }
    while (start < t.length && PyUnicode_READ(t.kind, t.data, start) == '.') {
        start++;
    }
    t.opening_start = start;
    t.first_dot = PyUnicode_FindChar(text, '.', start, t.length, 1);
    if (t.first_dot == -2) {
        return NULL;
    }
    t.other_spaces = PyUnicode_FindChar(text, '\r', 0, t.length, 1) >= 0 ||
                     PyUnicode_FindChar(text, '\t', 0, t.length, 1) >= 0;
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t p = 0;
    while (p < t.length) {
        Py_UCS4 c = PyUnicode_READ(t.kind, t.data, p);
        if (!is_stop(c) || (p > 0 && is_stop(PyUnicode_READ(t.kind, t.data, p - 1)))) {
            p++;
            continue;
        }
        Py_ssize_t q = p + 1;
        while (q < t.length && is_stop(PyUnicode_READ(t.kind, t.data, q))) {
            q++;
        }
        while (q < t.length && is_closer(PyUnicode_READ(t.kind, t.data, q))) {
            q++;
        }
        Py_ssize_t next = q;
        while (next < t.length && Py_UNICODE_ISSPACE(PyUnicode_READ(t.kind, t.data, next))) {
            next++;
        }
        if (next == q || next == t.length) { /* no white space, or nothing after it */
            p++;
            continue;
        }
        int spaced = p > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(t.kind, t.data, p - 1));
        int ends = spaced ? 1
                          : ends_sentence(text, &t, p, q, PyUnicode_READ(t.kind, t.data, next),
                                          args + 1);
        if (ends < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (ends) {
            PyObject *offset = PyLong_FromSsize_t(next);
            if (offset == NULL || PyList_Append(out, offset) < 0) {
                Py_XDECREF(offset);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(offset);
        }
        p = next;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"stop_starts", (PyCFunction)(void (*)(void))stop_starts, METH_FASTCALL,
     "Where sentences start after the text's Latin stops (segment's _TERMINATOR and "
     "_ends_sentence)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "sentence_stops", "Sentence ends at stops (compiled path).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_sentence_stops(void)
{
    return PyModule_Create(&module_def);
}
