/* The content words of a text of ASCII letters, in C (the compiled path).

``core.flags.pooled.content_words`` finds a text's words with ``WORD`` on the text
folded, drops the function words and single letters, and keeps each word's first
five letters (a month's or a verb of saying's own form). The flags ask it of both
sides of most changed blocks: 2,700 texts for a heavily edited 1 MB pair, 22 ms in
the compiled Python, half of it the expression's search.

``content_words(text, function, months, saying)`` does the same for a text whose
letters and digits are all ASCII (beyond it, punctuation alone: curly quotes, dashes,
ellipses), where folding is lower-casing and ``WORD`` reads simply: a word is a run
of letters, digits and underscores joined by apostrophes or hyphens, or a number
whose groups are joined by ``.``, ``,`` or ``:`` (``1,500.25``). A number joined to
another by a hyphen or a dash (``1990-91``, ``3-2`` with an en dash) is where the
expression's first branch and its look-ahead decide: there, and for any other text,
it answers None, and the Python reads the text. ``tests/test_content_scan.py``
compares the sets with the Python's.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* What a character is to ``WORD``, for a text whose characters beyond ASCII are
   none of them letters or digits (else the Python reads it). */
static int
is_word(Py_UCS4 c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

static int
is_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

static int
is_joiner(Py_UCS4 c) /* (between a number's groups) */
{
    return c == '.' || c == ',' || c == ':';
}

static int
joins_words(Py_UCS4 c) /* (the last branch's ['\u2019\-\u2010\u2011']) */
{
    return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

static int
joins_numbers(Py_UCS4 c) /* (the first branch's [\-\u2010-\u2013\u2212]) */
{
    return c == '-' || (c >= 0x2010 && c <= 0x2013) || c == 0x2212;
}

/* The end of the number's groups in ``s`` from ``at`` (digits, then any of ``.,:``
   and digits). */
static Py_ssize_t
number_end(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t at)
{
    while (at < n && is_digit(s[at])) {
        at++;
    }
    while (at + 1 < n && is_joiner(s[at]) && is_digit(s[at + 1])) {
        at += 2;
        while (at < n && is_digit(s[at])) {
            at++;
        }
    }
    return at;
}

/* One word (``length`` characters of the lower-cased ``s``) into ``found``, as the
   Python's comprehension keeps it. */
static int
keep(PyObject *found, const Py_UCS4 *s, Py_ssize_t length, PyObject *function,
     PyObject *months, PyObject *saying)
{
    if (length < 2) {
        return 0;
    }
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s, length);
    if (word == NULL) {
        return -1;
    }
    int dropped = PySet_Contains(function, word);
    if (dropped != 0) {
        Py_DECREF(word);
        return dropped < 0 ? -1 : 0;
    }
    PyObject *kept = PyDict_GetItemWithError(months, word); /* borrowed */
    if (kept == NULL && !PyErr_Occurred()) {
        kept = PyDict_GetItemWithError(saying, word);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(word);
        return -1;
    }
    int added;
    if (kept != NULL) {
        added = PySet_Add(found, kept);
    }
    else if (length <= 5) {
        added = PySet_Add(found, word);
    }
    else {
        PyObject *head = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s, 5);
        added = head == NULL ? -1 : PySet_Add(found, head);
        Py_XDECREF(head);
    }
    Py_DECREF(word);
    return added;
}

/* Whether the Python must read the text: a letter or digit beyond ASCII (folded
   otherwise, or a clause of Han characters), or a character from U+3000 on. */
static int
beyond(int kind, const void *s, Py_ssize_t n)
{
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, s, k);
        if (c >= 0x80 && (c >= 0x3000 || Py_UNICODE_ISALNUM(c))) {
            return 1;
        }
    }
    return 0;
}

static PyObject *
content_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyAnySet_Check(args[1]) ||
        !PyDict_Check(args[2]) || !PyDict_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "content_words(text, function, months, saying)");
        return NULL;
    }
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *s = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (!PyUnicode_IS_ASCII(text) && beyond(kind, s, n)) {
        Py_RETURN_NONE;
    }
    Py_UCS4 small[256];
    Py_UCS4 *lower = n <= 256 ? small : PyMem_Malloc((size_t)n * sizeof(Py_UCS4));
    if (lower == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, s, k);
        lower[k] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    PyObject *found = PySet_New(NULL);
    int failed = found == NULL, python = 0;
    Py_ssize_t at = 0;
    while (at < n && !failed) {
        if (!is_word(lower[at])) {
            at++;
            continue;
        }
        if (is_digit(lower[at])) {
            Py_ssize_t groups = number_end(lower, n, at);
            if (groups + 1 < n && joins_numbers(lower[groups]) && is_digit(lower[groups + 1])) {
                python = 1; /* (numbers joined by a hyphen or a dash: the Python reads them) */
                break;
            }
            Py_ssize_t digits = at;
            while (digits < n && is_digit(lower[digits])) {
                digits++;
            }
            if (groups > digits) { /* a number of groups ("1,500.25") */
                failed = keep(found, lower + at, groups - at, args[1], args[2], args[3]) < 0;
                at = groups;
                continue;
            }
        }
        /* letters, digits and underscores, joined by apostrophes or hyphens */
        Py_ssize_t end = at;
        for (;;) {
            while (end < n && is_word(lower[end])) {
                end++;
            }
            if (end + 1 < n && joins_words(lower[end]) && is_word(lower[end + 1])) {
                end++;
                continue;
            }
            break;
        }
        failed = keep(found, lower + at, end - at, args[1], args[2], args[3]) < 0;
        at = end;
    }
    if (lower != small) {
        PyMem_Free(lower);
    }
    if (failed || python) {
        Py_XDECREF(found);
        if (failed) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return found;
}

static PyMethodDef methods[] = {
    {"content_words", (PyCFunction)(void (*)(void))content_words, METH_FASTCALL,
     "content_words(text, function, months, saying): the content words of a text of ASCII "
     "letters and digits, "
     "or None where the Python must read it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "content_scan", "Content words of texts of ASCII letters (compiled path).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_content_scan(void)
{
    return PyModule_Create(&module_def);
}
