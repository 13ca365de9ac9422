/* A text's paragraphs and their layout-free spellings' hashes in one pass, in C (the
compiled path).

``core.engine.paragraph_anchors._paragraphs`` splits a text at its blank lines with a
regular expression, then strips each paragraph, joins its lines and, where more than
single spaces separate its words, splits and joins it again: at 5 MB about 75 ms a
text, before the comparison can start on both cores. ``paragraphs`` walks the text
once instead and gives the same three lists.

A paragraph break (``_PARAGRAPH_BREAK``) starts at a line break (CR, LF, U+0085,
U+2028, U+2029; a CR and the LF after it are one break), and the run of whitespace
after it must hold another line break: a CR or LF, or U+0085, U+2028 or U+2029 among
the other whitespace. It then takes the whole run. What lies between two breaks,
stripped of whitespace (``str.isspace``), is a paragraph unless it is empty; its
spelling is its words joined by single spaces (``" ".join(content.split())``, which
is what the Python's quicker tests give too). A paragraph holding a hyphen before a
space in that spelling (``-``, U+2010, U+2011) is marked: its spelling is then
``layout_free``'s, which the Python computes.

The spellings themselves are not made: ``find_paragraph_anchors`` only counts and
matches them, and checks the pairs it keeps span against span. Each is given as its
hash (``span_table.h``'s FNV-1a over its code points: ``spelling_hash`` of the string), its
length and its words (its spaces and one).

``paragraphs(text) -> (spans, hashes, lengths, words, hyphenated)``;
``spelling_hash(text) -> int``. ``tests/test_paragraph_scan.py`` checks them against
the Python on random and real text.

``words_in(text, spans, joiners) -> counts``: the contract words of each unchanged
paragraph (``core.engine.compare._paragraph_words``), which ``len(CONTRACT_WORD.findall(
text, start, end))`` counts in Python (a list of every word, made to be counted).

``line_lengths(text) -> lengths``: ``list(map(len, text.splitlines()))`` without a
string per line (the width a text is hard-wrapped at: ``core.engine.segment``).
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "span_table.h"

static int
is_break(Py_UCS4 c)
{
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static int
is_hyphen(Py_UCS4 c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Where the paragraph break starting at ``at`` (a line break) ends, or -1 if none
   starts there. */
static Py_ssize_t
break_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t at)
{
    Py_UCS4 first = PyUnicode_READ(kind, data, at);
    Py_ssize_t j = at + 1;
    if (first == '\r' && j < length && PyUnicode_READ(kind, data, j) == '\n') {
        j++;
    }
    int found = 0;
    Py_ssize_t k = j;
    while (k < length) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (!Py_UNICODE_ISSPACE(c)) {
            break;
        }
        if (!found && is_break(c)) {
            found = 1;  /* a CR or LF ends the run of other whitespace; U+0085,
                           U+2028, U+2029 are in it and serve as well */
        }
        k++;
    }
    return found ? k : -1;
}

typedef struct {
    PyObject *spans, *hashes, *lengths, *words, *hyphens;
} Found;

/* Append ``number`` to ``list``; -1 on an error. */
static int
append_number(PyObject *list, PyObject *number)
{
    if (number == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, number);
    Py_DECREF(number);
    return failed;
}

/* Appends the paragraph ``text[lo:hi]`` (not yet stripped) to the lists of ``found``. */
static int
add_paragraph(int kind, const void *data, Py_ssize_t lo, Py_ssize_t hi, Found *found)
{
    while (lo < hi && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, lo))) {
        lo++;
    }
    while (hi > lo && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, hi - 1))) {
        hi--;
    }
    if (lo == hi) {
        return 0;
    }
    /* The words joined by single spaces, hashed as they would be written. */
    uint64_t hash = SPAN_HASH_START;
    Py_ssize_t n = 0;
    Py_ssize_t spaces = 0;
    int in_space = 0;
    int hyphen = 0;
    Py_UCS4 last = 0;
    for (Py_ssize_t k = lo; k < hi; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (Py_UNICODE_ISSPACE(c)) {
            in_space = 1;
            continue;
        }
        if (in_space) {
            if (is_hyphen(last)) {
                hyphen = 1;
            }
            hash = span_hash_step(hash, ' ');
            n++;
            spaces++;
            in_space = 0;
        }
        hash = span_hash_step(hash, c);
        n++;
        last = c;
    }
    PyObject *span = Py_BuildValue("(nn)", lo, hi);
    if (span == NULL || PyList_Append(found->spans, span) < 0) {
        Py_XDECREF(span);
        return -1;
    }
    Py_DECREF(span);
    if (append_number(found->hashes, PyLong_FromUnsignedLongLong(hash)) < 0 ||
        append_number(found->lengths, PyLong_FromSsize_t(n)) < 0 ||
        append_number(found->words, PyLong_FromSsize_t(spaces + 1)) < 0) {
        return -1;
    }
    return PyList_Append(found->hyphens, hyphen ? Py_True : Py_False);
}

static PyObject *
paragraphs(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "paragraphs() needs a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Found found = {PyList_New(0), PyList_New(0), PyList_New(0), PyList_New(0), PyList_New(0)};
    PyObject *result = NULL;
    if (found.spans == NULL || found.hashes == NULL || found.lengths == NULL ||
        found.words == NULL || found.hyphens == NULL) {
        goto done;
    }
    Py_ssize_t start = 0;
    Py_ssize_t at = 0;
    while (at < length) {
        if (!is_break(PyUnicode_READ(kind, data, at))) {
            at++;
            continue;
        }
        Py_ssize_t end = break_end(kind, data, length, at);
        if (end < 0) {
            at++;
            continue;
        }
        if (add_paragraph(kind, data, start, at, &found) < 0) {
            goto done;
        }
        start = at = end;
    }
    if (add_paragraph(kind, data, start, length, &found) < 0) {
        goto done;
    }
    result = PyTuple_Pack(5, found.spans, found.hashes, found.lengths, found.words, found.hyphens);

done:
    Py_XDECREF(found.spans);
    Py_XDECREF(found.hashes);
    Py_XDECREF(found.lengths);
    Py_XDECREF(found.words);
    Py_XDECREF(found.hyphens);
    return result;
}

static PyObject *
spelling_hash(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "spelling_hash() needs a str");
        return NULL;
    }
    return PyLong_FromUnsignedLongLong(
        span_hash(PyUnicode_KIND(text), PyUnicode_DATA(text), 0, PyUnicode_GET_LENGTH(text)));
}

static int
is_word(Py_UCS4 c)
{
    if (c < 128) {  /* (most characters: no look-up in the Unicode tables) */
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    return Py_UNICODE_ISALNUM(c);  /* ``\w`` as ``re`` has it for str */
}

/* How many contract words (``tokens.CONTRACT_WORD``: runs of ``\w`` joined by one of
   ``joiners`` between two of them) each span of ``text`` holds: what
   ``len(CONTRACT_WORD.findall(text, start, end))`` counts. */
static PyObject *
words_in(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "words_in(text, spans, joiners)");
        return NULL;
    }
    PyObject *text = args[0], *joiners = args[2];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *spans = PySequence_Fast(args[1], "spans must be a sequence");
    if (spans == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(spans);
    PyObject *counts = PyList_New(count);
    if (counts == NULL) {
        Py_DECREF(spans);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *span = PySequence_Fast_GET_ITEM(spans, k);
        Py_ssize_t lo, hi;
        if (!PyTuple_Check(span) || !PyArg_ParseTuple(span, "nn", &lo, &hi)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "each span is a (start, end) pair");
            }
            goto failed;
        }
        if (lo < 0) {
            lo = 0;
        }
        if (hi > length) {
            hi = length;
        }
        Py_ssize_t words = 0;
        Py_ssize_t at = lo;
        while (at < hi) {
            if (!is_word(PyUnicode_READ(kind, data, at))) {
                at++;
                continue;
            }
            words++;
            for (;;) {
                while (at < hi && is_word(PyUnicode_READ(kind, data, at))) {
                    at++;
                }
                if (at + 1 < hi && is_word(PyUnicode_READ(kind, data, at + 1)) &&
                    PyUnicode_FindChar(joiners, PyUnicode_READ(kind, data, at), 0,
                                       PyUnicode_GET_LENGTH(joiners), 1) >= 0) {
                    at++;  /* a joiner between two runs: the word goes on */
                    continue;
                }
                break;
            }
        }
        PyObject *number = PyLong_FromSsize_t(words);
        if (number == NULL) {
            goto failed;
        }
        PyList_SET_ITEM(counts, k, number);
    }
    Py_DECREF(spans);
    return counts;

failed:
    Py_DECREF(spans);
    Py_DECREF(counts);
    return NULL;
}

/* Whether ``c`` ends a line for ``str.splitlines`` (besides CR and LF: VT, FF, the
   file, group and record separators, NEL, and the line and paragraph separators). */
static int
splits_lines(Py_UCS4 c)
{
    return c == '\n' || c == '\r' || (c >= 0x0b && c <= 0x0c) || (c >= 0x1c && c <= 0x1e) ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Appends ``number`` (a length or an offset) to ``list``; -1 on failure. */
static int
append_length(PyObject *list, Py_ssize_t number)
{
    PyObject *value = PyLong_FromSsize_t(number);
    if (value == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, value);
    Py_DECREF(value);
    return failed;
}

/* The lines of ``data`` (``length`` characters of type ``T``) measured into ``lengths``;
   -1 on failure. Most characters are above the separators and below NEL: one test. */
#define MEASURE_LINES(T)                                                        \
    {                                                                           \
        const T *chars = (const T *)data;                                       \
        Py_ssize_t start = 0, at = 0;                                           \
        while (at < length) {                                                   \
            Py_UCS4 c = chars[at];                                              \
            if ((c > 0x1e && c < 0x85) || !splits_lines(c)) {                   \
                at++;                                                           \
                continue;                                                       \
            }                                                                   \
            if (append_length(lengths, at - start) < 0) {                       \
                return -1;                                                      \
            }                                                                   \
            at++;                                                               \
            if (c == '\r' && at < length && chars[at] == '\n') {                \
                at++;                                                           \
            }                                                                   \
            start = at;                                                         \
        }                                                                       \
        if (start < length && append_length(lengths, length - start) < 0) {     \
            return -1;                                                          \
        }                                                                       \
        return 0;                                                               \
    }

static int
measure_lines(int kind, const void *data, Py_ssize_t length, PyObject *lengths)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        MEASURE_LINES(Py_UCS1)
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        MEASURE_LINES(Py_UCS2)
    }
    MEASURE_LINES(Py_UCS4)
}

/* The length of each line's content: ``list(map(len, text.splitlines()))`` without a
   string per line (``core.engine.segment.wrap_width``; a CR and the LF after it end
   one line; no line after a final break). */
static PyObject *
line_lengths(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "line_lengths(text)");
        return NULL;
    }
    PyObject *lengths = PyList_New(0);
    if (lengths == NULL) {
        return NULL;
    }
    if (measure_lines(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text),
                      lengths) < 0) {
        Py_DECREF(lengths);
        return NULL;
    }
    return lengths;
}

/* Whether ``c`` ends a line for ``core.engine.segment``'s ``_LINE`` (CR, LF, NEL, the
   line and paragraph separators; a CR and the LF after it end one line). */
static int
ends_line(Py_UCS4 c)
{
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Whether a bullet starts at ``at`` (``segment._BULLET`` matched at a line start whose
   first visible character is ``at``): a bullet mark, one to three digits and ``.`` or
   ``)``, or hashes, each followed by white space. */
static int
bullet_at(int kind, const void *data, Py_ssize_t length, Py_ssize_t at)
{
    Py_UCS4 c = PyUnicode_READ(kind, data, at);
    Py_ssize_t next;
    if (c == '*' || c == 0x2022 || c == 0x00b7 || c == 0x25aa || c == 0x2023 || c == 0x25e6) {
        next = at + 1;
    }
    else if (Py_UNICODE_ISDECIMAL(c)) {
        Py_ssize_t j = at;
        while (j < length && j - at < 3 && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        if (j >= length) {
            return 0;
        }
        Py_UCS4 mark = PyUnicode_READ(kind, data, j);
        if (mark != '.' && mark != ')') {
            return 0;
        }
        next = j + 1;
    }
    else if (c == '#') {
        next = at;
        while (next < length && PyUnicode_READ(kind, data, next) == '#') {
            next++;
        }
    }
    else {
        return 0;
    }
    return next < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, next));
}

/* ``core.engine.segment._broken_short``: a line of ``previous`` characters broken
   short of the next, whose first visible character is at ``first`` (``room``: what
   the line before it held, the width when it opens a paragraph; that character a
   capital or a digit). */
static int
broken_short(int kind, const void *data, Py_ssize_t length, Py_ssize_t previous,
             Py_ssize_t first, Py_ssize_t width, Py_ssize_t room)
{
    Py_UCS4 opening = PyUnicode_READ(kind, data, first);
    if (previous >= width / 2 || !Py_UNICODE_ISALNUM(opening) || Py_UNICODE_ISLOWER(opening)) {
        return 0;
    }
    Py_ssize_t end = first;
    while (end < length && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end))) {
        end++;
    }
    return previous + 1 + (end - first) <= (room < width ? room : width);
}

/* The boundaries ``core.engine.segment`` puts at line starts, in one walk:
   ``_lines`` and ``_line_boundaries`` for a known wrapping ``width`` (0: not
   wrapped). A line's first visible character starts a paragraph after a blank line,
   a paragraph separator or a form feed since the last line with content; else a
   sentence, unless the text is wrapped and the line is no bullet and does not follow
   a line broken short (under half the width, with room left for this line's first
   word in the width and in the line before, that word opening with a capital or a
   digit: ``_broken_short``). Returns (paragraph starts, sentence starts). */
static PyObject *
line_starts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "line_starts(text, width)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t width = PyLong_AsSsize_t(args[1]);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *paragraphs = PyList_New(0), *sentences = PyList_New(0);
    if (paragraphs == NULL || sentences == NULL) {
        goto failed;
    }
    int blank_before = 0, have_previous = 0;
    Py_ssize_t previous_start = 0, previous_end = 0; /* its content */
    Py_ssize_t room = width; /* the previous line's: what the line before it held */
    Py_ssize_t s = 0;
    for (;;) {
        /* the line from s: its content to ce, its break to e */
        Py_ssize_t ce = s;
        while (ce < length && !ends_line(PyUnicode_READ(kind, data, ce))) {
            ce++;
        }
        Py_ssize_t e = ce;
        if (e < length) {
            Py_UCS4 b = PyUnicode_READ(kind, data, e);
            e++;
            if (b == '\r' && e < length && PyUnicode_READ(kind, data, e) == '\n') {
                e++;
            }
        }
        Py_ssize_t first = s;
        while (first < ce && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first))) {
            first++;
        }
        if (first == ce) {
            blank_before = 1;
        }
        else {
            int opens = !have_previous;
            if (have_previous) {
                int paragraph = blank_before || (s > 0 && PyUnicode_READ(kind, data, s - 1) == 0x2029);
                for (Py_ssize_t k = previous_end; !paragraph && k < first; k++) {
                    paragraph = PyUnicode_READ(kind, data, k) == '\f';
                }
                if (paragraph) {
                    opens = 1;
                    if (append_length(paragraphs, first) < 0) {
                        goto failed;
                    }
                }
                else if (!width || bullet_at(kind, data, length, first) ||
                         broken_short(kind, data, length, previous_end - previous_start,
                                      first, width, room)) {
                    if (append_length(sentences, first) < 0) {
                        goto failed;
                    }
                }
            }
            room = opens ? width : previous_end - previous_start;
            blank_before = 0;
            have_previous = 1;
            previous_start = s;
            previous_end = ce;
        }
        if (e >= length) {
            break;
        }
        s = e;
    }
    PyObject *result = PyTuple_Pack(2, paragraphs, sentences);
    Py_DECREF(paragraphs);
    Py_DECREF(sentences);
    return result;

failed:
    Py_XDECREF(paragraphs);
    Py_XDECREF(sentences);
    return NULL;
}

static PyMethodDef methods[] = {
    {"paragraphs", paragraphs, METH_O,
     "The paragraphs' content spans, their spellings' hashes, lengths and words, and "
     "hyphen marks."},
    {"spelling_hash", spelling_hash, METH_O, "FNV-1a (64 bits) over the string's code points."},
    {"words_in", (PyCFunction)(void (*)(void))words_in, METH_FASTCALL,
     "How many contract words each span of the text holds."},
    {"line_starts", (PyCFunction)(void (*)(void))line_starts, METH_FASTCALL,
     "The paragraph and sentence starts at line starts, for a known wrapping width."},
    {"line_lengths", line_lengths, METH_O,
     "The length of each line's content, as str.splitlines splits them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "paragraph_scan",
    "A text's paragraphs in one pass (compiled path).", -1, methods,
};

PyMODINIT_FUNC
PyInit_paragraph_scan(void)
{
    return PyModule_Create(&module_def);
}
