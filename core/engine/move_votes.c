/* The candidates each unmatched old side proposes for a move, counted in C (the
compiled path).

``core.engine.moves.find_moves`` looks for the new side an old one may have moved to
among the inserted sides that share its rarer ids: every distinct id of the old side
votes for each new side that holds it, the old side itself aside, and the most voted
are proposed (ties in the order their first vote came). In Python that is a ``Counter``
over a chain of the voters' lists, a dict item a vote, then a sort of its items.
``proposals(a, spans, olds, voters, limit, size)`` counts each old side's votes in an
array indexed by draft (``size`` drafts), keeps the order the votes first came in, and
picks the ``limit`` most voted, stably. The distinct ids are visited in the order of
Python's own ``set`` of them (built here), so ties fall exactly as in the Python.

``tests/test_move_votes.py`` checks it against ``moves.proposals_in_python``.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
count_votes(PyObject *ids, PyObject *voters, Py_ssize_t *counts, Py_ssize_t *order,
            Py_ssize_t *seen, Py_ssize_t size)
{
    PyObject *distinct = PySet_New(ids);
    if (distinct == NULL) {
        return -1;
    }
    PyObject *iterator = PyObject_GetIter(distinct);
    if (iterator == NULL) {
        Py_DECREF(distinct);
        return -1;
    }
    int failed = 0;
    PyObject *id;
    while (!failed && (id = PyIter_Next(iterator)) != NULL) {
        PyObject *hits = PyDict_GetItemWithError(voters, id); /* borrowed */
        Py_DECREF(id);
        if (hits == NULL) {
            failed = PyErr_Occurred() != NULL;
            continue;
        }
        if (!PyList_Check(hits)) {
            PyErr_SetString(PyExc_TypeError, "a voter's hits must be a list");
            failed = 1;
            break;
        }
        for (Py_ssize_t h = 0; h < PyList_GET_SIZE(hits); h++) {
            Py_ssize_t m = PyLong_AsSsize_t(PyList_GET_ITEM(hits, h));
            if (m == -1 && PyErr_Occurred()) {
                failed = 1;
                break;
            }
            if (m < 0 || m >= size) {
                PyErr_SetString(PyExc_IndexError, "a draft beyond the size given");
                failed = 1;
                break;
            }
            if (counts[m]++ == 0) {
                order[(*seen)++] = m;
            }
        }
    }
    Py_DECREF(iterator);
    Py_DECREF(distinct);
    if (!failed && PyErr_Occurred()) {
        failed = 1;
    }
    return failed ? -1 : 0;
}

/* The ``limit`` most voted of ``order[:seen]`` but ``own``, stably, as a list. */
static PyObject *
most_voted(const Py_ssize_t *counts, const Py_ssize_t *order, Py_ssize_t seen,
           Py_ssize_t own, Py_ssize_t limit, Py_ssize_t *top)
{
    Py_ssize_t kept = 0;
    for (Py_ssize_t s = 0; s < seen; s++) {
        Py_ssize_t m = order[s];
        if (m == own) {
            continue;
        }
        /* after every kept one voted as often or more (ties keep their order) */
        Py_ssize_t at = kept;
        while (at > 0 && counts[top[at - 1]] < counts[m]) {
            at--;
        }
        if (at >= limit) {
            continue;
        }
        Py_ssize_t end = kept < limit ? kept : limit - 1;
        for (Py_ssize_t j = end; j > at; j--) {
            top[j] = top[j - 1];
        }
        top[at] = m;
        if (kept < limit) {
            kept++;
        }
    }
    PyObject *out = PyList_New(kept);
    for (Py_ssize_t j = 0; out != NULL && j < kept; j++) {
        PyObject *value = PyLong_FromSsize_t(top[j]);
        if (value == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, j, value);
    }
    return out;
}

static PyObject *
proposals(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyList_Check(args[0]) || !PyDict_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError,
                        "proposals(a: list, spans, olds, voters: dict, limit, size)");
        return NULL;
    }
    PyObject *a = args[0], *voters = args[3];
    Py_ssize_t limit = PyLong_AsSsize_t(args[4]);
    Py_ssize_t size = PyLong_AsSsize_t(args[5]);
    if ((limit == -1 || size == -1) && PyErr_Occurred()) {
        return NULL;
    }
    if (limit < 0 || size < 0) {
        PyErr_SetString(PyExc_ValueError, "a negative limit or size");
        return NULL;
    }
    PyObject *spans = PySequence_Fast(args[1], "spans must be a sequence");
    if (spans == NULL) {
        return NULL;
    }
    PyObject *olds = PySequence_Fast(args[2], "olds must be a sequence");
    if (olds == NULL) {
        Py_DECREF(spans);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(olds);
    PyObject *out = NULL;
    Py_ssize_t *counts = PyMem_Calloc((size_t)(size + 1), sizeof(Py_ssize_t));
    Py_ssize_t *order = PyMem_Malloc((size_t)(size + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *top = PyMem_Malloc((size_t)(limit + 1) * sizeof(Py_ssize_t));
    if (counts == NULL || order == NULL || top == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (PySequence_Fast_GET_SIZE(spans) != n) {
        PyErr_SetString(PyExc_ValueError, "spans and olds differ in length");
        goto done;
    }
    out = PyList_New(n);
    if (out == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t lo, hi, seen = 0;
        PyObject *span = PySequence_Fast_GET_ITEM(spans, k);
        if (!PyArg_ParseTuple(span, "nn", &lo, &hi)) {
            Py_CLEAR(out);
            goto done;
        }
        Py_ssize_t own = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(olds, k));
        if (own == -1 && PyErr_Occurred()) {
            Py_CLEAR(out);
            goto done;
        }
        PyObject *ids = PyList_GetSlice(a, lo, hi);
        if (ids == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        int counted = count_votes(ids, voters, counts, order, &seen, size);
        Py_DECREF(ids);
        PyObject *found = counted < 0 ? NULL : most_voted(counts, order, seen, own, limit, top);
        for (Py_ssize_t s = 0; s < seen; s++) {
            counts[order[s]] = 0; /* (only the drafts it touched) */
        }
        if (found == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, k, found);
    }

done:
    PyMem_Free(counts);
    PyMem_Free(order);
    PyMem_Free(top);
    Py_DECREF(spans);
    Py_DECREF(olds);
    return out;
}

static PyMethodDef methods[] = {
    {"proposals", (PyCFunction)(void (*)(void))proposals, METH_FASTCALL,
     "For each old side, the limit new sides most voted for by its distinct ids."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "move_votes", "Move candidates voted for (compiled path).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_move_votes(void)
{
    return PyModule_Create(&module_def);
}
