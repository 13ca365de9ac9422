/* Whether two spans of text are spelled the same, layout aside, in C (the compiled path).

``core.engine.opspans`` asks this of every equal stretch of a block and, where the
answer is no, of each unit in it: ``layout_free(old[a1:a2]) == layout_free(new[b1:b2])``,
which in Python slices both spans and runs two regular expressions over each.
``same_spelling`` walks the two spans side by side instead and copies nothing; where
both read alike from a point on, it skips what the two hold written the same, compared
as bytes (most of an equal run, between the places where its layout differs).

``layout_free`` (``opspans``) does two things, and so does the walk:
- a line broken after a hyphen is joined: a hyphen (``-``, U+2010, U+2011) followed by
  a run of whitespace holding a line break (``\r``, ``\n``, U+0085, U+2028) keeps the
  hyphen and drops the run;
- every other run of whitespace (``str.isspace``) reads as one space.
``same_units`` asks it of each unit pair of an equal stretch whose spans as a whole
are not spelled alike, with whether a space stands before the unit in both texts or in
neither (``opspans.units_alike``): one call for the stretch instead of one a unit.
``tests/test_layout_compare.py`` compares the two on random text and real spans.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

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

/* How many characters from each cursor on are the same characters in both texts
   (stored alike), at most ``limit``: compared as bytes, a block at a time. */
static Py_ssize_t
same_run(const Cursor *a, const Cursor *b, Py_ssize_t limit)
{
    const unsigned char *x = (const unsigned char *)a->data + a->at * a->kind;
    const unsigned char *y = (const unsigned char *)b->data + b->at * b->kind;
    Py_ssize_t bytes = limit * a->kind, done = 0;
    while (done < bytes) {
        Py_ssize_t block = bytes - done < 64 ? bytes - done : 64;
        if (memcmp(x + done, y + done, (size_t)block) != 0) {
            while (x[done] == y[done]) {
                done++;
            }
            break;
        }
        done += block;
    }
    return done / a->kind;
}

/* Both cursors moved past the characters they share from here on, up to the last one
   that is not whitespace (a run of whitespace is never cut: what follows it decides
   how it reads), when the two walks stand alike (the same character before): those
   characters read the same on both sides. Compared as bytes, it skips the walk over
   the stretches of an equal run that are written alike, between its layout marks. */
static void
skip_same(Cursor *a, Cursor *b, Py_UCS4 *last_a, Py_UCS4 *last_b)
{
    Py_ssize_t limit = a->end - a->at < b->end - b->at ? a->end - a->at : b->end - b->at;
    if (a->kind != b->kind || *last_a != *last_b || limit < 8) {
        return;
    }
    Py_ssize_t run = same_run(a, b, limit);
    while (run > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(a->kind, a->data, a->at + run - 1))) {
        run--;
    }
    if (run > 0) {
        *last_a = *last_b = PyUnicode_READ(a->kind, a->data, a->at + run - 1);
        a->at += run;
        b->at += run;
    }
}

/* Whether the spans ``old[a1:a2]`` and ``new[b1:b2]`` are spelled the same, layout
   aside: 1, 0, or -1 with an error set. */
static int
spans_alike(PyObject *old, Py_ssize_t a1, Py_ssize_t a2, PyObject *new, Py_ssize_t b1,
            Py_ssize_t b2)
{
    Cursor a, b;
    if (span_of(old, a1, a2, &a) < 0 || span_of(new, b1, b2, &b) < 0) {
        return -1;
    }
    Py_UCS4 last_a = 0, last_b = 0;
    long x = ' ';
    for (;;) {
        if (x == ' ') {  /* (at the start, and where the two may meet again after layout) */
            skip_same(&a, &b, &last_a, &last_b);
        }
        x = next_char(&a, &last_a);
        long y = next_char(&b, &last_b);
        if (x != y) {
            return 0;
        }
        if (x < 0) {
            return 1;
        }
    }
}

static PyObject *
layout_compare_same_spelling(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *old, *new;
    Py_ssize_t a1, a2, b1, b2;
    if (!PyArg_ParseTuple(args, "UnnUnn", &old, &a1, &a2, &new, &b1, &b2)) {
        return NULL;
    }
    int same = spans_alike(old, a1, a2, new, b1, b2);
    if (same < 0) {
        return NULL;
    }
    return PyBool_FromLong(same);
}

/* The int64 items of a buffer (``array("q")``), or -1 with an error set. */
static int
offsets_of(PyObject *object, Py_buffer *view)
{
    if (PyObject_GetBuffer(object, view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
        return -1;
    }
    if (view->itemsize != 8 || view->format == NULL ||
        (strcmp(view->format, "q") != 0 && strcmp(view->format, "l") != 0)) {
        PyBuffer_Release(view);
        PyErr_SetString(PyExc_TypeError, "same_units: offsets must be int64 arrays");
        return -1;
    }
    return 0;
}

/* ``same_units(old, new, old_starts, old_ends, new_starts, new_ends, i1, i2, j1)``:
   for each unit pair (i, j) of an equal stretch (i from i1 to i2, j from j1), whether
   it is spelled the same, layout aside, and (but the first) has a space before it in
   both texts or in neither; what ``opspans._equal_ops`` asks of each unit. */
static PyObject *
layout_compare_same_units(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 9 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError,
                        "same_units(old, new, old_starts, old_ends, new_starts, new_ends, i1, "
                        "i2, j1)");
        return NULL;
    }
    Py_ssize_t i1 = PyLong_AsSsize_t(args[6]);
    Py_ssize_t i2 = PyLong_AsSsize_t(args[7]);
    Py_ssize_t j1 = PyLong_AsSsize_t(args[8]);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_buffer views[4];
    int held = 0;
    PyObject *result = NULL;
    for (; held < 4; held++) {
        if (offsets_of(args[2 + held], &views[held]) < 0) {
            goto done;
        }
    }
    const int64_t *os = views[0].buf, *oe = views[1].buf, *ns = views[2].buf, *ne = views[3].buf;
    Py_ssize_t old_units = views[0].len / 8, new_units = views[2].len / 8;
    Py_ssize_t n = i2 - i1;
    if (views[1].len / 8 != old_units || views[3].len / 8 != new_units || i1 < 0 || n < 0 ||
        i2 > old_units || j1 < 0 || j1 + n > new_units) {
        PyErr_SetString(PyExc_IndexError, "same_units: units outside the offsets");
        goto done;
    }
    result = PyList_New(n);
    if (result == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t i = i1 + k, j = j1 + k;
        int same = spans_alike(args[0], os[i], oe[i], args[1], ns[j], ne[j]);
        if (same < 0) {
            Py_CLEAR(result);
            goto done;
        }
        if (same && k > 0) {
            same = (oe[i - 1] == os[i]) == (ne[j - 1] == ns[j]);
        }
        PyList_SET_ITEM(result, k, Py_NewRef(same ? Py_True : Py_False));
    }

done:
    for (int k = 0; k < held; k++) {
        PyBuffer_Release(&views[k]);
    }
    return result;
}

static PyMethodDef layout_compare_methods[] = {
    {"same_units", (PyCFunction)(void (*)(void))layout_compare_same_units, METH_FASTCALL,
     "same_units(old, new, old_starts, old_ends, new_starts, new_ends, i1, i2, j1) -> "
     "list[bool]: each unit pair of an equal stretch spelled alike, spaced alike"},
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
