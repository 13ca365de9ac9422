/* Whether two spans of text are spelled the same, layout aside, in C (the compiled path).

``core.engine.opspans`` asks this of every equal stretch of a block and, where the
answer is no, of each unit in it: ``layout_free(old[a1:a2]) == layout_free(new[b1:b2])``,
which in Python slices both spans and runs two regular expressions over each.
``same_spelling`` walks the two spans side by side instead and copies nothing.

``layout_free`` (``opspans``) does two things, and so does the walk:
- a line broken after a hyphen is joined: a hyphen (``-``, U+2010, U+2011) followed by
  a run of whitespace holding a line break (``\r``, ``\n``, U+0085, U+2028) keeps the
  hyphen and drops the run;
- every other run of whitespace (``str.isspace``) reads as one space.
``tests/test_layout_compare.py`` compares the two on random text and real spans.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t at;
    Py_ssize_t end;
} Cursor;

static int
is_hyphen(Py_UCS4 c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

static int
is_break(Py_UCS4 c)
{
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028;
}

/* The next character of the span as ``layout_free`` spells it (a run of whitespace as
   one space, or nothing after a hyphen at a line's end), -1 at the end. ``last`` is
   the character before (0 at the start of the span). */
static long
next_char(Cursor *cursor, Py_UCS4 *last)
{
    while (cursor->at < cursor->end) {
        Py_UCS4 c = PyUnicode_READ(cursor->kind, cursor->data, cursor->at);
        if (!Py_UNICODE_ISSPACE(c)) {
            cursor->at++;
            *last = c;
            return (long)c;
        }
        int broken = 0;
        while (cursor->at < cursor->end) {
            c = PyUnicode_READ(cursor->kind, cursor->data, cursor->at);
            if (!Py_UNICODE_ISSPACE(c)) {
                break;
            }
            broken |= is_break(c);
            cursor->at++;
        }
        if (!(broken && is_hyphen(*last))) {
            *last = ' ';
            return ' ';
        }
        /* (the run is gone: the hyphen stands before what follows) */
    }
    return -1;
}

static int
span_of(PyObject *text, Py_ssize_t start, Py_ssize_t end, Cursor *cursor)
{
    if (start < 0 || end > PyUnicode_GET_LENGTH(text) || start > end) {
        PyErr_SetString(PyExc_IndexError, "layout_compare: span outside the text");
        return -1;
    }
    cursor->kind = PyUnicode_KIND(text);
    cursor->data = PyUnicode_DATA(text);
    cursor->at = start;
    cursor->end = end;
    return 0;
}

static PyObject *
layout_compare_same_spelling(PyObject *self, PyObject *args)
{
    PyObject *old, *new;
    Py_ssize_t a1, a2, b1, b2;
    Cursor a, b;
    if (!PyArg_ParseTuple(args, "UnnUnn", &old, &a1, &a2, &new, &b1, &b2) ||
        span_of(old, a1, a2, &a) < 0 || span_of(new, b1, b2, &b) < 0) {
        return NULL;
    }
    Py_UCS4 last_a = 0, last_b = 0;
    for (;;) {
        long x = next_char(&a, &last_a);
        long y = next_char(&b, &last_b);
        if (x != y) {
            Py_RETURN_FALSE;
        }
        if (x < 0) {
            Py_RETURN_TRUE;
        }
    }
}

static PyMethodDef layout_compare_methods[] = {
    {"same_spelling", layout_compare_same_spelling, METH_VARARGS,
     "same_spelling(old, a1, a2, new, b1, b2) -> bool: layout_free(old[a1:a2]) == "
     "layout_free(new[b1:b2])"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef layout_compare_module = {
    PyModuleDef_HEAD_INIT,
    "layout_compare",
    "Spans spelled the same, layout aside (compiled path).",
    -1,
    layout_compare_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_layout_compare(void)
{
    return PyModule_Create(&layout_compare_module);
}
