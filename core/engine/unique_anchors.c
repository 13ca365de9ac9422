/* The alignment's anchors in C (the compiled path): the ids that occur once in each of
two ranges, paired, and the longest chain of them in the same order on both sides.

``core.engine.anchors`` aligns two id sequences patience-style: in each gap it pairs
the ids found exactly once in the old range and once in the new one, keeps a longest
subsequence of the pairs increasing on the new side, and recurses between them. In
Python each call counts both ranges with a ``Counter``, builds sets and a dict, then
runs the bisection loop: about a tenth of a heavily edited comparison's time in the
engine. ``unique_anchors`` does the same in three passes over the two ranges and one
over the pairs, with counts kept in arrays indexed by id.

``unique_anchors(a, b, alo, ahi, blo, bhi)``: ``a`` and ``b`` are lists of ids (small
non-negative integers: the engine numbers the distinct keys from 0). Returns the pairs
``(i, j)`` that ``anchors.unique_anchors_in_python`` returns, or None when an id is
negative or too large for the arrays (the Python then answers).
``tests/test_unique_anchors.py`` checks the two against each other.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MOST_IDS (1 << 24) /* ids beyond this are left to the Python */

/* Per id: how often it occurs in the old and in the new range (0, 1, 2 = more), and
   where it was last seen in the new one. Kept between calls (grown as needed) and
   cleared after each call over the ids it touched, so a call costs its ranges only. */
static uint8_t *seen_old = NULL;
static uint8_t *seen_new = NULL;
static Py_ssize_t *where_new = NULL;
static Py_ssize_t room = 0;

static int
grow(Py_ssize_t needed)
{
    if (needed <= room) {
        return 0;
    }
    Py_ssize_t size = room ? room : 1024;
    while (size < needed) {
        size *= 2;
    }
    uint8_t *old_counts = PyMem_Realloc(seen_old, (size_t)size);
    if (old_counts == NULL) {
        return -1;
    }
    seen_old = old_counts;
    uint8_t *new_counts = PyMem_Realloc(seen_new, (size_t)size);
    if (new_counts == NULL) {
        return -1;
    }
    seen_new = new_counts;
    Py_ssize_t *places = PyMem_Realloc(where_new, sizeof(Py_ssize_t) * (size_t)size);
    if (places == NULL) {
        return -1;
    }
    where_new = places;
    memset(seen_old + room, 0, (size_t)(size - room));
    memset(seen_new + room, 0, (size_t)(size - room));
    room = size;
    return 0;
}

/* The ids of ``items[lo:hi]`` into ``out``; the largest into ``*largest``. 0, or 1
   when one is not a small non-negative int, or -1 with an error set. */
static int
read_ids(PyObject *items, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t *out, Py_ssize_t *largest)
{
    PyObject **cells = PySequence_Fast_ITEMS(items);
    for (Py_ssize_t k = lo; k < hi; k++) {
        PyObject *item = cells[k];
        if (!PyLong_CheckExact(item)) {
            return 1;
        }
        int overflow = 0;
        long value = PyLong_AsLongAndOverflow(item, &overflow);
        if (value == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (overflow || value < 0 || value >= MOST_IDS) {
            return 1;
        }
        out[k - lo] = (Py_ssize_t)value;
        if (value > *largest) {
            *largest = value;
        }
    }
    return 0;
}

static PyObject *
unique_anchors(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyList_CheckExact(args[0]) || !PyList_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "unique_anchors(a: list, b: list, alo, ahi, blo, bhi)");
        return NULL;
    }
    Py_ssize_t bounds[4];
    for (int k = 0; k < 4; k++) {
        bounds[k] = PyLong_AsSsize_t(args[2 + k]);
        if (bounds[k] == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *a = args[0], *b = args[1];
    Py_ssize_t alo = bounds[0], ahi = bounds[1], blo = bounds[2], bhi = bounds[3];
    if (alo < 0 || blo < 0 || ahi > PyList_GET_SIZE(a) || bhi > PyList_GET_SIZE(b)) {
        PyErr_SetString(PyExc_IndexError, "a range runs past its list");
        return NULL;
    }
    if (ahi < alo) {
        ahi = alo;
    }
    if (bhi < blo) {
        bhi = blo;
    }
    Py_ssize_t na = ahi - alo, nb = bhi - blo;
    Py_ssize_t *ids = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + nb + 1));
    /* The pairs (i, j) in old order, then the chain's bookkeeping. */
    Py_ssize_t *pair_i = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + 1));
    Py_ssize_t *pair_j = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + 1));
    Py_ssize_t *tails = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + 1));
    Py_ssize_t *tail_index = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + 1));
    Py_ssize_t *previous = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(na + 1));
    PyObject *result = NULL;
    if (!ids || !pair_i || !pair_j || !tails || !tail_index || !previous) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t largest = -1;
    int status = read_ids(a, alo, ahi, ids, &largest);
    if (status == 0) {
        status = read_ids(b, blo, bhi, ids + na, &largest);
    }
    if (status != 0) {
        if (status > 0) {
            result = Py_NewRef(Py_None);
        }
        goto done;
    }
    if (grow(largest + 1) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    const Py_ssize_t *old_ids = ids, *new_ids = ids + na;
    for (Py_ssize_t k = 0; k < na; k++) {
        if (seen_old[old_ids[k]] < 2) {
            seen_old[old_ids[k]]++;
        }
    }
    for (Py_ssize_t k = 0; k < nb; k++) {
        Py_ssize_t t = new_ids[k];
        if (seen_new[t] < 2) {
            seen_new[t]++;
        }
        where_new[t] = blo + k;
    }
    Py_ssize_t pairs = 0;
    for (Py_ssize_t k = 0; k < na; k++) {
        Py_ssize_t t = old_ids[k];
        if (seen_old[t] == 1 && seen_new[t] == 1) {
            pair_i[pairs] = alo + k;
            pair_j[pairs] = where_new[t];
            pairs++;
        }
    }
    for (Py_ssize_t k = 0; k < na; k++) {
        seen_old[old_ids[k]] = 0;
    }
    for (Py_ssize_t k = 0; k < nb; k++) {
        seen_new[new_ids[k]] = 0;
    }
    /* A longest strictly increasing chain of the j's, as sequences.longest_increasing
       finds it: each j replaces the first tail not below it (bisect_left). */
    Py_ssize_t length = 0;
    for (Py_ssize_t k = 0; k < pairs; k++) {
        Py_ssize_t value = pair_j[k], lo = 0, hi = length;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (tails[mid] < value) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        tails[lo] = value;
        tail_index[lo] = k;
        if (lo == length) {
            length++;
        }
        previous[k] = lo ? tail_index[lo - 1] : -1;
    }
    result = PyList_New(length);
    if (result == NULL) {
        goto done;
    }
    Py_ssize_t k = length ? tail_index[length - 1] : -1;
    for (Py_ssize_t at = length - 1; at >= 0; at--) {
        PyObject *pair = Py_BuildValue("(nn)", pair_i[k], pair_j[k]);
        if (pair == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, at, pair);
        k = previous[k];
    }

done:
    PyMem_Free(ids);
    PyMem_Free(pair_i);
    PyMem_Free(pair_j);
    PyMem_Free(tails);
    PyMem_Free(tail_index);
    PyMem_Free(previous);
    return result;
}

static PyMethodDef methods[] = {
    {"unique_anchors", (PyCFunction)(void (*)(void))unique_anchors, METH_FASTCALL,
     "The pairs of ids found once in each range, their longest chain in order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "unique_anchors",
    "The alignment's unique anchors (compiled path).", -1, methods,
};

PyMODINIT_FUNC
PyInit_unique_anchors(void)
{
    return PyModule_Create(&module_def);
}
