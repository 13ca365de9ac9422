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

/* ``OpsBuilder(old, new, old_starts, old_ends, new_starts, new_ends, old_keys, new_keys,
   old_sentences, new_sentences, new_op)``: what ``opspans.build_ops`` makes of a
   block's unit opcodes, for one comparison's texts and units (the offsets int64
   arrays, the keys tuples, the sentences frozensets of the unit indices where they
   start, ``new_op`` what makes an op). Called with a block's ``codes`` and whether
   layout marks may be split off (``build_ops``' ``starts`` given), it gives the ops:
   each equal stretch spelled alike one op, else split where its units stop (or start)
   being spelled alike; each replaced gap a delete and an insert, a sentence-final
   mark against a line break split off as an equal op, not exact. The same ops as
   ``build_ops`` (``tests/test_layout_compare.py``), without a Python frame, a tuple
   or an integer made for each unit. */
typedef struct {
    PyObject_HEAD
    PyObject *texts[2];     /* old, new */
    Py_buffer views[4];     /* old starts, old ends, new starts, new ends */
    int held;
    Py_ssize_t units[2];    /* old and new units */
    PyObject *keys[2];      /* tuples */
    PyObject *sentences[2]; /* frozensets */
    PyObject *new_op;
    PyObject *tags[3];      /* "equal", "delete", "insert" */
} OpsBuilder;

static void
builder_dealloc(OpsBuilder *self)
{
    for (int k = 0; k < self->held; k++) {
        PyBuffer_Release(&self->views[k]);
    }
    for (int k = 0; k < 2; k++) {
        Py_XDECREF(self->texts[k]);
        Py_XDECREF(self->keys[k]);
        Py_XDECREF(self->sentences[k]);
    }
    for (int k = 0; k < 3; k++) {
        Py_XDECREF(self->tags[k]);
    }
    Py_XDECREF(self->new_op);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
builder_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *old, *new, *offsets[4], *old_keys, *new_keys, *old_sentences, *new_sentences,
        *new_op;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "OpsBuilder takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "UUOOOOO!O!O!O!O", &old, &new, &offsets[0], &offsets[1],
                          &offsets[2], &offsets[3], &PyTuple_Type, &old_keys, &PyTuple_Type,
                          &new_keys, &PyFrozenSet_Type, &old_sentences, &PyFrozenSet_Type,
                          &new_sentences, &new_op)) {
        return NULL;
    }
    OpsBuilder *self = (OpsBuilder *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    for (; self->held < 4; self->held++) {
        if (offsets_of(offsets[self->held], &self->views[self->held]) < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    self->units[0] = self->views[0].len / 8;
    self->units[1] = self->views[2].len / 8;
    if (self->views[1].len / 8 != self->units[0] || self->views[3].len / 8 != self->units[1] ||
        PyTuple_GET_SIZE(old_keys) != self->units[0] ||
        PyTuple_GET_SIZE(new_keys) != self->units[1]) {
        PyErr_SetString(PyExc_ValueError, "OpsBuilder: offsets and keys of different lengths");
        Py_DECREF(self);
        return NULL;
    }
    self->texts[0] = Py_NewRef(old);
    self->texts[1] = Py_NewRef(new);
    self->keys[0] = Py_NewRef(old_keys);
    self->keys[1] = Py_NewRef(new_keys);
    self->sentences[0] = Py_NewRef(old_sentences);
    self->sentences[1] = Py_NewRef(new_sentences);
    self->new_op = Py_NewRef(new_op);
    static const char *names[3] = {"equal", "delete", "insert"};
    for (int k = 0; k < 3; k++) {
        self->tags[k] = PyUnicode_InternFromString(names[k]);
        if (self->tags[k] == NULL) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

/* The offsets of side ``side`` (0: old, 1: new): starts and ends. */
#define STARTS(self, side) ((const int64_t *)(self)->views[2 * (side)].buf)
#define ENDS(self, side) ((const int64_t *)(self)->views[2 * (side) + 1].buf)

/* Whether unit ``k`` of side ``side`` is a sentence-final mark or a run of them
   (``opspans._is_mark``). */
static int
is_final_mark(const OpsBuilder *self, int side, Py_ssize_t k)
{
    PyObject *key = PyTuple_GET_ITEM(self->keys[side], k);
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    if (n == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    for (Py_ssize_t i = 0; i < n; i++) {
        switch (PyUnicode_READ(kind, data, i)) {
        case '.':
        case '!':
        case '?':
        case 0x2026:
        case 0x3002:
        case 0xff01:
        case 0xff1f:
            continue;
        default:
            return 0;
        }
    }
    return 1;
}

/* Whether a sentence of side ``side`` starts at unit ``k``: 1, 0, -1 with an error. */
static int
starts_sentence(const OpsBuilder *self, int side, Py_ssize_t k)
{
    PyObject *at = PyLong_FromSsize_t(k);
    if (at == NULL) {
        return -1;
    }
    int found = PySet_Contains(self->sentences[side], at);
    Py_DECREF(at);
    return found;
}

/* Whether side ``side``'s sentence ends with a line break (or the text) before unit
   ``k`` (``opspans._ends_line``): 1, 0, -1 with an error. */
static int
ends_line(const OpsBuilder *self, int side, Py_ssize_t k)
{
    Py_ssize_t n = self->units[side];
    if (k == 0 || is_final_mark(self, side, k - 1)) {
        return 0;
    }
    if (k < n) {
        int starts = starts_sentence(self, side, k);
        if (starts <= 0) {
            return starts;
        }
    }
    PyObject *text = self->texts[side];
    Py_ssize_t at = ENDS(self, side)[k - 1];
    Py_ssize_t end = k < n ? STARTS(self, side)[k] : PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int line_break = 0;
    for (Py_ssize_t i = at; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_ISSPACE(c)) {
            return 0;
        }
        line_break |= c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
    return k >= n || line_break;
}

/* Whether units [m1, m2) of side ``marked`` end with a sentence-final mark where the
   other side (units [o1, o2) replaced) ends the same sentence with a line break, no
   sentence starting inside the gap (``opspans._layout_end``): 1, 0, -1. */
static int
layout_end(const OpsBuilder *self, int marked, Py_ssize_t m1, Py_ssize_t m2, Py_ssize_t o1,
           Py_ssize_t o2)
{
    if (!(m2 > m1 && o1 > 0 && is_final_mark(self, marked, m2 - 1))) {
        return 0;
    }
    for (Py_ssize_t k = m1; k < m2; k++) {
        int starts = starts_sentence(self, marked, k);
        if (starts != 0) {
            return starts < 0 ? -1 : 0;
        }
    }
    return ends_line(self, 1 - marked, o2);
}

/* A span (start, end) (new reference), NULL with an error set. */
static PyObject *
span(Py_ssize_t start, Py_ssize_t end)
{
    return Py_BuildValue("(nn)", start, end);
}

/* The op ``tag`` (old span, new span, exact) appended to ``ops``: 0, or -1. The spans'
   references are taken (either may be None, given as NULL). */
static int
add_op(const OpsBuilder *self, PyObject *ops, int tag, PyObject *old_span, PyObject *new_span,
       int exact, int failed)
{
    if (failed) {
        Py_XDECREF(old_span);
        Py_XDECREF(new_span);
        return -1;
    }
    PyObject *args[4] = {self->tags[tag], old_span ? old_span : Py_None,
                         new_span ? new_span : Py_None, exact ? Py_True : Py_False};
    PyObject *op = PyObject_Vectorcall(self->new_op, args, 4, NULL);
    Py_XDECREF(old_span);
    Py_XDECREF(new_span);
    if (op == NULL) {
        return -1;
    }
    int appended = PyList_Append(ops, op);
    Py_DECREF(op);
    return appended;
}

/* The equal ops of units [i1, i2) against [j1, j1 + i2 - i1) (``opspans._equal_ops``). */
static int
equal_ops(const OpsBuilder *self, PyObject *ops, Py_ssize_t i1, Py_ssize_t i2, Py_ssize_t j1)
{
    Py_ssize_t n = i2 - i1;
    const int64_t *os = STARTS(self, 0), *oe = ENDS(self, 0);
    const int64_t *ns = STARTS(self, 1), *ne = ENDS(self, 1);
    if (n <= 0 || i1 < 0 || i2 > self->units[0] || j1 < 0 || j1 + n > self->units[1]) {
        PyErr_SetString(PyExc_IndexError, "OpsBuilder: an equal code outside the units");
        return -1;
    }
    Py_ssize_t j2 = j1 + n;
    int same = spans_alike(self->texts[0], os[i1], oe[i2 - 1], self->texts[1], ns[j1],
                           ne[j2 - 1]);
    if (same != 0) {
        if (same < 0) {
            return -1;
        }
        PyObject *a = span(os[i1], oe[i2 - 1]), *b = span(ns[j1], ne[j2 - 1]);
        return add_op(self, ops, 0, a, b, 1, a == NULL || b == NULL);
    }
    char *flags = PyMem_Malloc((size_t)n);
    if (flags == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t i = i1 + k, j = j1 + k;
        int alike = spans_alike(self->texts[0], os[i], oe[i], self->texts[1], ns[j], ne[j]);
        if (alike < 0) {
            PyMem_Free(flags);
            return -1;
        }
        if (alike && k > 0) {
            alike = (oe[i - 1] == os[i]) == (ne[j - 1] == ns[j]);
        }
        flags[k] = (char)alike;
    }
    Py_ssize_t start = 0;
    for (Py_ssize_t k = 1; k <= n; k++) {
        if (k == n || flags[k] != flags[start]) {
            Py_ssize_t a = i1 + start, b = i1 + k - 1, c = j1 + start, d = j1 + k - 1;
            PyObject *x = span(os[a], oe[b]), *y = span(ns[c], ne[d]);
            if (add_op(self, ops, 0, x, y, flags[start], x == NULL || y == NULL) < 0) {
                PyMem_Free(flags);
                return -1;
            }
            start = k;
        }
    }
    PyMem_Free(flags);
    return 0;
}

/* The ops of a replaced gap, old units [a1, a2) and new [b1, b2), its layout mark
   split off when ``layout`` (``opspans._replaced``). */
static int
replaced_ops(const OpsBuilder *self, PyObject *ops, Py_ssize_t a1, Py_ssize_t a2,
             Py_ssize_t b1, Py_ssize_t b2, int layout)
{
    const int64_t *os = STARTS(self, 0), *oe = ENDS(self, 0);
    const int64_t *ns = STARTS(self, 1), *ne = ENDS(self, 1);
    if (a1 < 0 || a2 < a1 || a2 > self->units[0] || b1 < 0 || b2 < b1 || b2 > self->units[1]) {
        PyErr_SetString(PyExc_IndexError, "OpsBuilder: a replaced code outside the units");
        return -1;
    }
    PyObject *mark_old = NULL, *mark_new = NULL; /* the layout op's spans */
    int marked = 0;
    if (layout) {
        int found = layout_end(self, 1, b1, b2, a1, a2);
        if (found < 0) {
            return -1;
        }
        if (found) {
            Py_ssize_t at = oe[a2 - 1];
            mark_old = span(at, at);
            mark_new = span(ns[b2 - 1], ne[b2 - 1]);
            b2--;
            marked = 1;
        }
        else {
            found = layout_end(self, 0, a1, a2, b1, b2);
            if (found < 0) {
                return -1;
            }
            if (found) {
                Py_ssize_t at = ne[b2 - 1];
                mark_old = span(os[a2 - 1], oe[a2 - 1]);
                mark_new = span(at, at);
                a2--;
                marked = 1;
            }
        }
        if (marked && (mark_old == NULL || mark_new == NULL)) {
            Py_XDECREF(mark_old);
            Py_XDECREF(mark_new);
            return -1;
        }
    }
    if (a2 > a1) {
        PyObject *a = span(os[a1], oe[a2 - 1]);
        if (add_op(self, ops, 1, a, NULL, 1, a == NULL) < 0) {
            goto error;
        }
    }
    if (b2 > b1) {
        PyObject *b = span(ns[b1], ne[b2 - 1]);
        if (add_op(self, ops, 2, NULL, b, 1, b == NULL) < 0) {
            goto error;
        }
    }
    if (marked) {
        return add_op(self, ops, 0, mark_old, mark_new, 0, 0);
    }
    return 0;
error:
    Py_XDECREF(mark_old);
    Py_XDECREF(mark_new);
    return -1;
}

/* A code's tag, i1, i2, j1 and j2: 0, or -1 with an error set. */
static int
read_code(PyObject *code, PyObject **tag, Py_ssize_t ends[4])
{
    if (!PyTuple_Check(code) || PyTuple_GET_SIZE(code) != 5) {
        PyErr_SetString(PyExc_TypeError, "OpsBuilder: a code is (tag, i1, i2, j1, j2)");
        return -1;
    }
    *tag = PyTuple_GET_ITEM(code, 0);
    for (int k = 0; k < 4; k++) {
        ends[k] = PyLong_AsSsize_t(PyTuple_GET_ITEM(code, k + 1));
        if (ends[k] == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

static int
is_tag(PyObject *tag, PyObject *name)
{
    return tag == name || (PyUnicode_Check(tag) && PyUnicode_Compare(tag, name) == 0);
}

static PyObject *
builder_call(OpsBuilder *self, PyObject *args, PyObject *kwargs)
{
    PyObject *codes;
    int layout;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "OpsBuilder() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "Op", &codes, &layout)) {
        return NULL;
    }
    PyObject *seq = PySequence_Fast(codes, "OpsBuilder: codes must be a sequence");
    if (seq == NULL) {
        return NULL;
    }
    PyObject *ops = PyList_New(0);
    if (ops == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    Py_ssize_t k = 0;
    while (k < n) {
        PyObject *tag;
        Py_ssize_t at[4];
        if (read_code(items[k], &tag, at) < 0) {
            goto error;
        }
        k++;
        if (is_tag(tag, self->tags[0])) {
            if (equal_ops(self, ops, at[0], at[1], at[2]) < 0) {
                goto error;
            }
            continue;
        }
        Py_ssize_t a1 = at[0], a2 = at[1], b1 = at[2], b2 = at[3];
        if (is_tag(tag, self->tags[1]) && k < n) {
            PyObject *next_tag;
            Py_ssize_t next[4];
            if (read_code(items[k], &next_tag, next) < 0) {
                goto error;
            }
            if (is_tag(next_tag, self->tags[2])) {
                b1 = next[2];
                b2 = next[3];
                k++;
            }
        }
        if (replaced_ops(self, ops, a1, a2, b1, b2, layout) < 0) {
            goto error;
        }
    }
    Py_DECREF(seq);
    PyObject *out = PyList_AsTuple(ops);
    Py_DECREF(ops);
    return out;
error:
    Py_DECREF(seq);
    Py_DECREF(ops);
    return NULL;
}

static PyTypeObject OpsBuilderType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "layout_compare.OpsBuilder",
    .tp_basicsize = sizeof(OpsBuilder),
    .tp_dealloc = (destructor)builder_dealloc,
    .tp_call = (ternaryfunc)builder_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "OpsBuilder(old, new, old_starts, old_ends, new_starts, new_ends, old_keys, "
              "new_keys, old_sentences, new_sentences, new_op)(codes, layout) -> ops",
    .tp_new = builder_new,
};

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
    if (PyType_Ready(&OpsBuilderType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&layout_compare_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&OpsBuilderType);
    if (PyModule_AddObject(module, "OpsBuilder", (PyObject *)&OpsBuilderType) < 0) {
        Py_DECREF(&OpsBuilderType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
