/* The blocks and rows of a comparison as the contract's compact JSON, in C (the
compiled path).

``core.report.comparison_json._blocks_and_rows`` writes every block, op and row with
an f-string each: 33 ms of a 1 MB pair's 10,000 blocks, 18,600 ops and 10,000 rows,
on the one core that writes the report while the flags are checked on the other.
``blocks_and_rows(blocks, rows)`` gives the same text in one pass over the objects.

The text is the Python's, character for character: a span is ``null`` or
``[start,end]``; a block ``{"kind":K,"old":S,"new":S,"ops":[...]}`` with
``,"approximate":true`` before its closing brace when it is approximate; an op
``{"op":"equal","old":S,"new":S,"exact":true}`` (or ``false``) when equal, else
``{"op":O,"old":S,"new":S}``; a row ``{"old":S,"new":S,"blocks":[...]}`` with the
indices of ``SentenceRow.blocks`` (its old and new blocks, sorted, each once). Kinds
and ops are written as they are (the engine's fixed words: the Python does not
escape them either); a number that is not an ``int`` is written as ``str`` writes it.

``tests/test_contract_json.py`` checks it against the Python.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

#include "slot_read.h"

typedef struct {
    char *data;
    Py_ssize_t size;
    Py_ssize_t capacity;
} Buffer;

static int
reserve(Buffer *out, Py_ssize_t more)
{
    if (out->size + more <= out->capacity) {
        return 0;
    }
    Py_ssize_t capacity = out->capacity ? out->capacity : 1 << 16;
    while (capacity < out->size + more) {
        capacity *= 2;
    }
    char *grown = PyMem_Realloc(out->data, (size_t)capacity);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    out->data = grown;
    out->capacity = capacity;
    return 0;
}

static int
append(Buffer *out, const char *text, Py_ssize_t length)
{
    if (reserve(out, length) < 0) {
        return -1;
    }
    memcpy(out->data + out->size, text, (size_t)length);
    out->size += length;
    return 0;
}

#define APPEND_LITERAL(out, literal) append((out), (literal), (Py_ssize_t)sizeof(literal) - 1)

static int
append_long(Buffer *out, long long value)
{
    char digits[24];
    int n = 0;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
                                             : (unsigned long long)value;
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (reserve(out, n + 1) < 0) {
        return -1;
    }
    if (value < 0) {
        out->data[out->size++] = '-';
    }
    while (n) {
        out->data[out->size++] = digits[--n];
    }
    return 0;
}

/* ``str(value)``'s text: an exact int written directly, anything else through str. */
static int
append_str(Buffer *out, PyObject *value)
{
    if (PyLong_CheckExact(value)) {
        int overflow = 0;
        long long n = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (!overflow && !(n == -1 && PyErr_Occurred())) {
            return append_long(out, n);
        }
        PyErr_Clear();
    }
    if (PyUnicode_CheckExact(value)) {  // (its own text: no reference taken)
        Py_ssize_t length;
        const char *utf8 = PyUnicode_AsUTF8AndSize(value, &length);
        return utf8 == NULL ? -1 : append(out, utf8, length);
    }
    PyObject *text = PyObject_Str(value);
    if (text == NULL) {
        return -1;
    }
    Py_ssize_t length;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &length);
    int done = utf8 == NULL ? -1 : append(out, utf8, length);
    Py_DECREF(text);
    return done;
}

static int
append_span(Buffer *out, PyObject *span)
{
    if (span == Py_None) {
        return APPEND_LITERAL(out, "null");
    }
    long long ends[2];
    if (span_ends(span, &ends[0], &ends[1])) {  // (read in place: ``slot_read.h``)
        return APPEND_LITERAL(out, "[") < 0 || append_long(out, ends[0]) < 0 ||
                       APPEND_LITERAL(out, ",") < 0 || append_long(out, ends[1]) < 0 ||
                       APPEND_LITERAL(out, "]") < 0
                   ? -1
                   : 0;
    }
    PyObject *first = PySequence_GetItem(span, 0);
    if (first == NULL) {
        return -1;
    }
    PyObject *second = PySequence_GetItem(span, 1);
    if (second == NULL) {
        Py_DECREF(first);
        return -1;
    }
    int done = APPEND_LITERAL(out, "[") < 0 || append_str(out, first) < 0 ||
                       APPEND_LITERAL(out, ",") < 0 || append_str(out, second) < 0 ||
                       APPEND_LITERAL(out, "]") < 0
                   ? -1
                   : 0;
    Py_DECREF(first);
    Py_DECREF(second);
    return done;
}

static PyObject *KIND, *OLD, *NEW, *OPS, *APPROXIMATE, *OP, *EXACT, *OLD_BLOCKS, *NEW_BLOCKS,
    *BLOCKS, *EQUAL;
// Where each field is read from (``slot_read.h``): a block's, an op's, a row's.
static SlotAt AT_KIND, AT_BLOCK_OLD, AT_BLOCK_NEW, AT_OPS, AT_APPROXIMATE, AT_OP, AT_OP_OLD,
    AT_OP_NEW, AT_EXACT, AT_ROW_OLD, AT_ROW_NEW, AT_OLD_BLOCKS, AT_NEW_BLOCKS;

/* ``attribute`` of ``owner`` written with ``write``. */
static int
append_field(Buffer *out, PyObject *owner, PyObject *attribute, SlotAt *at,
             int (*write)(Buffer *, PyObject *))
{
    PyObject *held;
    PyObject *value = field(owner, attribute, at, &held);
    if (value == NULL) {
        return -1;
    }
    int done = write(out, value);
    Py_XDECREF(held);
    return done;
}

/* Whether ``attribute`` of ``owner`` is true: 1, 0, or -1 on an error. */
static int
is_true(PyObject *owner, PyObject *attribute, SlotAt *at)
{
    PyObject *held;
    PyObject *value = field(owner, attribute, at, &held);
    if (value == NULL) {
        return -1;
    }
    int truth = value == Py_True ? 1 : value == Py_False ? 0 : PyObject_IsTrue(value);
    Py_XDECREF(held);
    return truth;
}

static int
append_op(Buffer *out, PyObject *op)
{
    PyObject *held;
    PyObject *kind = field(op, OP, &AT_OP, &held);
    if (kind == NULL) {
        return -1;
    }
    int equal = PyObject_RichCompareBool(kind, EQUAL, Py_EQ);
    int done = equal < 0 || APPEND_LITERAL(out, "{\"op\":\"") < 0 || append_str(out, kind) < 0 ||
                       APPEND_LITERAL(out, "\",\"old\":") < 0 ||
                       append_field(out, op, OLD, &AT_OP_OLD, append_span) < 0 ||
                       APPEND_LITERAL(out, ",\"new\":") < 0 ||
                       append_field(out, op, NEW, &AT_OP_NEW, append_span) < 0
                   ? -1
                   : 0;
    Py_XDECREF(held);
    if (done < 0) {
        return -1;
    }
    if (equal) {
        int exact = is_true(op, EXACT, &AT_EXACT);
        if (exact < 0) {
            return -1;
        }
        if (exact ? APPEND_LITERAL(out, ",\"exact\":true") < 0
                  : APPEND_LITERAL(out, ",\"exact\":false") < 0) {
            return -1;
        }
    }
    return APPEND_LITERAL(out, "}");
}

static int
append_ops(Buffer *out, PyObject *ops)
{
    // (a tuple read in place; anything else as a sequence)
    PyObject *items = PyTuple_CheckExact(ops)
                          ? ops
                          : PySequence_Fast(ops, "a block's ops must be a sequence");
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(items);
    PyObject **each = PySequence_Fast_ITEMS(items);
    int done = 0;
    for (Py_ssize_t k = 0; k < count && done == 0; k++) {
        if (k && APPEND_LITERAL(out, ",") < 0) {
            done = -1;
        }
        else {
            done = append_op(out, each[k]);
        }
    }
    if (items != ops) {
        Py_DECREF(items);
    }
    return done;
}

static int
append_block(Buffer *out, PyObject *block)
{
    if (APPEND_LITERAL(out, "{\"kind\":\"") < 0 ||
        append_field(out, block, KIND, &AT_KIND, append_str) < 0 ||
        APPEND_LITERAL(out, "\",\"old\":") < 0 ||
        append_field(out, block, OLD, &AT_BLOCK_OLD, append_span) < 0 ||
        APPEND_LITERAL(out, ",\"new\":") < 0 ||
        append_field(out, block, NEW, &AT_BLOCK_NEW, append_span) < 0 ||
        APPEND_LITERAL(out, ",\"ops\":[") < 0 ||
        append_field(out, block, OPS, &AT_OPS, append_ops) < 0 || APPEND_LITERAL(out, "]") < 0) {
        return -1;
    }
    int approximate = is_true(block, APPROXIMATE, &AT_APPROXIMATE);
    if (approximate < 0 || (approximate && APPEND_LITERAL(out, ",\"approximate\":true") < 0)) {
        return -1;
    }
    return APPEND_LITERAL(out, "}");
}

static int
compare_long_long(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* Appends the exact ints of ``indices`` to ``found`` (grown as needed); 1 when one is
   not an exact int (the row's own ``blocks`` is then asked), -1 on an error. */
static int
gather(PyObject *indices, long long **found, Py_ssize_t *count, Py_ssize_t *capacity)
{
    // (a tuple read in place; anything else as a sequence)
    PyObject *items = PyTuple_CheckExact(indices)
                          ? indices
                          : PySequence_Fast(indices, "a row's blocks must be a sequence");
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    PyObject **each = PySequence_Fast_ITEMS(items);
    int done = 0;
    if (*count + n > *capacity) {
        Py_ssize_t grown = (*count + n) * 2;
        long long *more = PyMem_Realloc(*found, (size_t)grown * sizeof(long long));
        if (more == NULL) {
            PyErr_NoMemory();
            done = -1;
        }
        else {
            *found = more;
            *capacity = grown;
        }
    }
    for (Py_ssize_t k = 0; k < n && done == 0; k++) {
        if (!PyLong_CheckExact(each[k])) {
            done = 1;
            break;
        }
        int overflow = 0;
        long long value = PyLong_AsLongLongAndOverflow(each[k], &overflow);
        if (overflow || (value == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            done = 1;
            break;
        }
        (*found)[(*count)++] = value;
    }
    if (items != indices) {
        Py_DECREF(items);
    }
    return done;
}

/* The row's block indices, as ``SentenceRow.blocks`` gives them. */
static int
append_row_blocks(Buffer *out, PyObject *row, long long **found, Py_ssize_t *capacity)
{
    Py_ssize_t count = 0;
    int gathered = 0;
    PyObject *sides[2] = {OLD_BLOCKS, NEW_BLOCKS};
    SlotAt *at[2] = {&AT_OLD_BLOCKS, &AT_NEW_BLOCKS};
    for (int side = 0; side < 2 && gathered == 0; side++) {
        PyObject *held;
        PyObject *indices = field(row, sides[side], at[side], &held);
        if (indices == NULL) {
            return -1;
        }
        gathered = gather(indices, found, &count, capacity);
        Py_XDECREF(held);
    }
    if (gathered < 0) {
        return -1;
    }
    if (gathered > 0) {  // not plain ints: the property's own answer, written by str
        PyObject *blocks = PyObject_GetAttr(row, BLOCKS);
        if (blocks == NULL) {
            return -1;
        }
        PyObject *items = PySequence_Fast(blocks, "a row's blocks must be a sequence");
        Py_DECREF(blocks);
        if (items == NULL) {
            return -1;
        }
        int done = 0;
        for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(items) && done == 0; k++) {
            done = (k && APPEND_LITERAL(out, ",") < 0) ||
                           append_str(out, PySequence_Fast_GET_ITEM(items, k)) < 0
                       ? -1
                       : 0;
        }
        Py_DECREF(items);
        return done;
    }
    qsort(*found, (size_t)count, sizeof(long long), compare_long_long);
    for (Py_ssize_t k = 0; k < count; k++) {
        if (k && (*found)[k] == (*found)[k - 1]) {
            continue;
        }
        if ((k && APPEND_LITERAL(out, ",") < 0) || append_long(out, (*found)[k]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
append_row(Buffer *out, PyObject *row, long long **found, Py_ssize_t *capacity)
{
    if (APPEND_LITERAL(out, "{\"old\":") < 0 ||
        append_field(out, row, OLD, &AT_ROW_OLD, append_span) < 0 ||
        APPEND_LITERAL(out, ",\"new\":") < 0 ||
        append_field(out, row, NEW, &AT_ROW_NEW, append_span) < 0 ||
        APPEND_LITERAL(out, ",\"blocks\":[") < 0 ||
        append_row_blocks(out, row, found, capacity) < 0) {
        return -1;
    }
    return APPEND_LITERAL(out, "]}");
}

static PyObject *
blocks_and_rows(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "blocks_and_rows(blocks, rows)");
        return NULL;
    }
    PyObject *blocks = PySequence_Fast(args[0], "blocks must be a sequence");
    if (blocks == NULL) {
        return NULL;
    }
    PyObject *rows = PySequence_Fast(args[1], "rows must be a sequence");
    if (rows == NULL) {
        Py_DECREF(blocks);
        return NULL;
    }
    Buffer out = {NULL, 0, 0};
    long long *found = NULL;
    Py_ssize_t capacity = 0;
    int done = APPEND_LITERAL(&out, "\"blocks\":[");
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(blocks) && done == 0; k++) {
        done = (k && APPEND_LITERAL(&out, ",") < 0) ||
                       append_block(&out, PySequence_Fast_GET_ITEM(blocks, k)) < 0
                   ? -1
                   : 0;
    }
    if (done == 0) {
        done = APPEND_LITERAL(&out, "],\"rows\":[");
    }
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(rows) && done == 0; k++) {
        done = (k && APPEND_LITERAL(&out, ",") < 0) ||
                       append_row(&out, PySequence_Fast_GET_ITEM(rows, k), &found, &capacity) < 0
                   ? -1
                   : 0;
    }
    if (done == 0) {
        done = APPEND_LITERAL(&out, "]");
    }
    PyObject *text = done == 0 ? PyUnicode_DecodeUTF8(out.data, out.size, "strict") : NULL;
    PyMem_Free(out.data);
    PyMem_Free(found);
    Py_DECREF(blocks);
    Py_DECREF(rows);
    return text;
}

static PyMethodDef methods[] = {
    {"blocks_and_rows", (PyCFunction)(void (*)(void))blocks_and_rows, METH_FASTCALL,
     "The contract's \"blocks\":[...],\"rows\":[...] text of a comparison's blocks and rows."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "contract_json", "The blocks and rows as JSON (compiled path).", -1,
    methods,
};

static int
intern(PyObject **slot, const char *name)
{
    *slot = PyUnicode_InternFromString(name);
    return *slot == NULL ? -1 : 0;
}

PyMODINIT_FUNC
PyInit_contract_json(void)
{
    if (intern(&KIND, "kind") < 0 || intern(&OLD, "old") < 0 || intern(&NEW, "new") < 0 ||
        intern(&OPS, "ops") < 0 || intern(&APPROXIMATE, "approximate") < 0 ||
        intern(&OP, "op") < 0 || intern(&EXACT, "exact") < 0 ||
        intern(&OLD_BLOCKS, "old_blocks") < 0 || intern(&NEW_BLOCKS, "new_blocks") < 0 ||
        intern(&BLOCKS, "blocks") < 0 || intern(&EQUAL, "equal") < 0) {
        return NULL;
    }
    return PyModule_Create(&module_def);
}
