/* The distinct words a text spells, in C (the compiled path).

``core.flags.names`` tells a capitalised word from a name by whether the text also
spells it in lower case somewhere: it needs the set of the text's tokens (split at
white space, as ``str.split``), each with its edges' punctuation stripped (as
``str.strip(edges)``). In Python that is a string made and hashed for every token
of the text, most of them repeats (117,000 tokens, 19,500 distinct, in 750 KB of
prose): 13 ms. Here the tokens are hashed where they stand (``core/engine/span_table.h``)
and only the first of each spelling becomes a string.

``spelled(text, edges) -> set[str]``: ``set(map(str.strip, text.split(),
repeat(edges)))``, the empty string included when a token is all edges.

``tests/test_spelled_words.py`` checks it against that expression.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../engine/span_table.h"

/* Whether ``c`` is one of the edge characters (an ASCII table, then the others). */
static inline int
is_edge(Py_UCS4 c, const unsigned char *ascii, const Py_UCS4 *others, Py_ssize_t n_others)
{
    if (c < 128) {
        return ascii[c];
    }
    for (Py_ssize_t k = 0; k < n_others; k++) {
        if (others[k] == c) {
            return 1;
        }
    }
    return 0;
}

static PyObject *
spelled(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "spelled(text: str, edges: str)");
        return NULL;
    }
    PyObject *text = args[0];
    PyObject *edges = args[1];
    unsigned char ascii[128] = {0};
    Py_ssize_t n_edges = PyUnicode_GET_LENGTH(edges);
    Py_UCS4 *others = PyMem_New(Py_UCS4, n_edges + 1);
    if (others == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n_others = 0;
    for (Py_ssize_t k = 0; k < n_edges; k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(edges, k);
        if (c < 128) {
            ascii[c] = 1;
        }
        else {
            others[n_others++] = c;
        }
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *found = PySet_New(NULL);
    SpanTable table = {NULL, 0, 0};
    if (found == NULL || span_table_init(&table, 1024) < 0) {
        goto fail;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (i >= n) {
            break;
        }
        Py_ssize_t start = i;
        while (i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t end = i;
        while (start < end && is_edge(PyUnicode_READ(kind, data, start), ascii, others, n_others)) {
            start++;
        }
        while (end > start && is_edge(PyUnicode_READ(kind, data, end - 1), ascii, others, n_others)) {
            end--;
        }
        uint64_t hash = span_hash(kind, data, start, end);
        int seen;
        SpanSlot *slot = span_table_slot(&table, kind, data, start, end - start, hash, &seen);
        if (seen) {
            continue;
        }
        PyObject *word = PyUnicode_Substring(text, start, end);
        if (word == NULL || PySet_Add(found, word) < 0) {
            Py_XDECREF(word);
            goto fail;
        }
        Py_DECREF(word); /* (the set holds it) */
        *slot = (SpanSlot){start, end - start, hash, NULL, NULL};
        if (span_table_filed(&table) < 0) {
            goto fail;
        }
    }
    span_table_free(&table);
    PyMem_Free(others);
    return found;
fail:
    span_table_free(&table);
    PyMem_Free(others);
    Py_XDECREF(found);
    return NULL;
}

static PyMethodDef methods[] = {
    {"spelled", (PyCFunction)(void (*)(void))spelled, METH_FASTCALL,
     "spelled(text, edges): set(map(str.strip, text.split(), repeat(edges)))."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "spelled_words", "The distinct words a text spells (compiled path).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit_spelled_words(void)
{
    return PyModule_Create(&module_def);
}
