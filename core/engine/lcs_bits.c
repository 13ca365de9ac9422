/* Longest-common-subsequence alignments of two id lists, in C (the compiled path).

``core.engine.lcs`` aligns the lists of ids of sentences and gaps: a 1 MB pair every
paragraph of which was edited asks for 13,000 alignments, a few dozen ids each.
rapidfuzz takes a microsecond a call, most of it turning the lists and its answer
into and out of Python objects, and 10 ms to load; the Python here takes 3 to 7.
This is the same bit-parallel LCS (Hyyro's rows: a row per element of ``b``, a bit per
element of ``a``, ``row = (row + (row & match)) | (row & ~match)``) and the same walk
back through the rows as rapidfuzz's ``Indel.opcodes``: the common head and tail
matched first; then from the ends, a deletion where the row's bit is set, else an
insertion where the row above has it clear, else a match.

``runs(a, b, a_offset, b_offset) -> list[(i, j, n)] | None``: the equal runs
(``core.engine.lcs.equal_runs``); ``length(a, b) -> int | None``: the LCS's length.
None where this does not align them: an id that is no C ``long long``, or more than
``MAX_WIDTH`` ids of ``a`` between the common head and tail (rapidfuzz aligns those).
``tests/test_lcs.py`` checks both against rapidfuzz and the Python.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "lcs_rows.h"

#define MAX_WIDTH 1024 /* ids of a's middle: 16 words a row */

typedef struct {
    long long *a, *b;
    Py_ssize_t n1, n2, head, tail;
} Lists;

/* The ids of ``sequence`` as C integers in a new array (NULL with no error set: an
   id is no long long; NULL with an error set: another failure). */
static long long *
ids_of(PyObject *sequence, Py_ssize_t *count)
{
    PyObject *fast = PySequence_Fast(sequence, "ids must be a sequence");
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    long long *out = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(long long));
    if (out == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t k = 0; k < n; k++) {
        int overflow = 0;
        long long value = PyLong_Check(items[k])
                              ? PyLong_AsLongLongAndOverflow(items[k], &overflow)
                              : -1;
        if (!PyLong_Check(items[k]) || overflow || (value == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            PyMem_Free(out);
            Py_DECREF(fast);
            return NULL;
        }
        out[k] = value;
    }
    Py_DECREF(fast);
    *count = n;
    return out;
}

/* Reads both lists and their common head and tail: 1 done, 0 not for this kernel
   (an id too wide, or more than ``MAX_WIDTH`` ids of a between them), -1 error. */
static int
read_lists(PyObject *first, PyObject *second, Lists *lists)
{
    lists->a = ids_of(first, &lists->n1);
    if (lists->a == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    lists->b = ids_of(second, &lists->n2);
    if (lists->b == NULL) {
        PyMem_Free(lists->a);
        return PyErr_Occurred() ? -1 : 0;
    }
    Py_ssize_t shorter = lists->n1 < lists->n2 ? lists->n1 : lists->n2;
    Py_ssize_t head = 0;
    while (head < shorter && lists->a[head] == lists->b[head]) {
        head++;
    }
    Py_ssize_t tail = 0;
    while (tail < shorter - head &&
           lists->a[lists->n1 - 1 - tail] == lists->b[lists->n2 - 1 - tail]) {
        tail++;
    }
    lists->head = head;
    lists->tail = tail;
    if (lists->n1 - head - tail > MAX_WIDTH) {
        PyMem_Free(lists->a);
        PyMem_Free(lists->b);
        return 0;
    }
    return 1;
}

static void
free_lists(Lists *lists)
{
    PyMem_Free(lists->a);
    PyMem_Free(lists->b);
}

static PyObject *
append_run(PyObject *runs, Py_ssize_t i, Py_ssize_t j, Py_ssize_t n)
{
    PyObject *run = Py_BuildValue("(nnn)", i, j, n);
    if (run == NULL || PyList_Append(runs, run) < 0) {
        Py_XDECREF(run);
        return NULL;
    }
    Py_DECREF(run);
    return runs;
}

static PyObject *
runs(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    Py_ssize_t a_offset, b_offset;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "runs(a, b, a_offset, b_offset)");
        return NULL;
    }
    a_offset = PyLong_AsSsize_t(args[2]);
    b_offset = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Lists lists;
    int read = read_lists(args[0], args[1], &lists);
    if (read <= 0) {
        if (read < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    Py_ssize_t head = lists.head, tail = lists.tail;
    Py_ssize_t width = lists.n1 - head - tail, height = lists.n2 - head - tail;
    PyObject *out = PyList_New(0);
    Masks m = {NULL, NULL, NULL, 0, 0};
    uint64_t *rows = NULL;
    Py_ssize_t *match_i = NULL, *match_j = NULL;
    Py_ssize_t matched = 0;
    if (out == NULL) {
        goto failed;
    }
    if (width > 0 && height > 0) {
        if (build_masks(&m, lists.a + head, width) < 0) {
            goto failed;
        }
        Py_ssize_t words = m.words;
        uint64_t top_mask = top_mask_of(width);
        /* rows[0]: all ones (before any element of b); rows[r + 1] after b's r-th */
        rows = PyMem_Malloc((size_t)(height + 1) * (size_t)words * sizeof(uint64_t));
        Py_ssize_t most = width < height ? width : height;
        match_i = PyMem_Malloc((size_t)most * sizeof(Py_ssize_t));
        match_j = PyMem_Malloc((size_t)most * sizeof(Py_ssize_t));
        if (rows == NULL || match_i == NULL || match_j == NULL) {
            PyErr_NoMemory();
            goto failed;
        }
        first_row(rows, words, top_mask);
        for (Py_ssize_t r = 0; r < height; r++) {
            next_row(&m, lists.b[head + r], rows + r * words, rows + (r + 1) * words, top_mask);
        }
#define BIT(r, c) ((rows[((r) + 1) * words + (c) / 64] >> ((c) % 64)) & 1)
        Py_ssize_t col = width, row = height;
        while (row && col) {
            if (BIT(row - 1, col - 1)) {
                col--; /* a deletion */
            }
            else {
                row--;
                if (!row || BIT(row - 1, col - 1)) {
                    col--;
                    match_i[matched] = col + head;
                    match_j[matched] = row + head;
                    matched++;
                }
                /* else an insertion */
            }
        }
#undef BIT
    }
    /* The runs: the head, the matches from the first, the tail, joined. */
    Py_ssize_t ri = 0, rj = 0, rn = 0; /* the run being joined (rn == 0: none) */
    if (head) {
        ri = a_offset, rj = b_offset, rn = head;
    }
    for (Py_ssize_t k = matched - 1; k >= -1; k--) {
        Py_ssize_t i, j, n;
        if (k >= 0) {
            i = match_i[k] + a_offset, j = match_j[k] + b_offset, n = 1;
        }
        else if (tail) {
            i = lists.n1 - tail + a_offset, j = lists.n2 - tail + b_offset, n = tail;
        }
        else {
            break;
        }
        if (rn && ri + rn == i && rj + rn == j) {
            rn += n;
            continue;
        }
        if (rn && append_run(out, ri, rj, rn) == NULL) {
            goto failed;
        }
        ri = i, rj = j, rn = n;
    }
    if (rn && append_run(out, ri, rj, rn) == NULL) {
        goto failed;
    }
    free_masks(&m);
    PyMem_Free(rows);
    PyMem_Free(match_i);
    PyMem_Free(match_j);
    free_lists(&lists);
    return out;

failed:
    if (m.keys != NULL) {
        free_masks(&m);
    }
    PyMem_Free(rows);
    PyMem_Free(match_i);
    PyMem_Free(match_j);
    free_lists(&lists);
    Py_XDECREF(out);
    return NULL;
}

static PyObject *
length(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "length(a, b)");
        return NULL;
    }
    Lists lists;
    int read = read_lists(args[0], args[1], &lists);
    if (read <= 0) {
        if (read < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    Py_ssize_t head = lists.head, tail = lists.tail;
    Py_ssize_t width = lists.n1 - head - tail, height = lists.n2 - head - tail;
    Py_ssize_t common = head + tail;
    if (width > 0 && height > 0) {
        Masks m;
        if (build_masks(&m, lists.a + head, width) < 0) {
            free_lists(&lists);
            return NULL;
        }
        uint64_t top_mask = top_mask_of(width);
        uint64_t rows[2][MAX_WIDTH / 64] = {{0}};
        first_row(rows[0], m.words, top_mask);
        for (Py_ssize_t r = 0; r < height; r++) {
            next_row(&m, lists.b[head + r], rows[r % 2], rows[(r + 1) % 2], top_mask);
        }
        const uint64_t *last = rows[height % 2];
        Py_ssize_t set = 0;
        for (Py_ssize_t w = 0; w < m.words; w++) {
            set += bits_set(last[w]);
        }
        common += width - set;
        free_masks(&m);
    }
    free_lists(&lists);
    return PyLong_FromSsize_t(common);
}

static PyMethodDef methods[] = {
    {"runs", (PyCFunction)(void (*)(void))runs, METH_FASTCALL,
     "The equal runs (i, j, n) of a's and b's LCS alignment, as rapidfuzz's Indel "
     "opcodes; None where not aligned here."},
    {"length", (PyCFunction)(void (*)(void))length, METH_FASTCALL,
     "The length of a's and b's LCS; None where not counted here."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "lcs_bits", "Bit-parallel LCS alignments (compiled path).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_lcs_bits(void)
{
    return PyModule_Create(&module_def);
}
