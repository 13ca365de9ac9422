/* The units of the text between unchanged paragraphs put back in place, in C (the
compiled path).

``core.engine.compare`` tokenizes the regions between unchanged paragraphs joined into
one string, then moves every unit's offsets back to the text's (one shift per region)
and puts each paragraph's own unit between the regions' units. In Python that is two
new integers per unit and lists of them packed into arrays: at 5 MB, 850,000 units and
about 160 ms a side. ``placed`` writes the two arrays in one pass instead.

``placed(starts, ends, edges, shifts, paragraphs)``: ``starts`` and ``ends`` are the
units' offsets in the joined string (buffers of signed 64-bit integers, as
``array("q")``); region ``k`` holds the units ``edges[k]`` to ``edges[k + 1]`` and its
offsets move by ``shifts[k]``; after region ``k`` (but the last) comes paragraph ``k``,
``paragraphs[k]`` a ``(start, end)`` pair already in the text's offsets. Returns the
placed starts and ends as bytes of signed 64-bit integers. ``tests/test_unit_place.py``
checks it against the Python it stands in for.

``boundaries(starts, sentence_starts)``: the unit indices at which a sentence starts,
never 0 nor the end (``core.engine.blocks.unit_boundaries``: each sentence start's
``bisect_left`` among the units' starts, a buffer as above, distinct and sorted). In
Python each probe of the array made an integer: 5 ms for a 1 MB side's 10,000
sentences among 200,000 units.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* The int64 buffer of ``object`` (as ``array("q")`` has it), or -1 with an error set. */
static int
int64_buffer(PyObject *object, Py_buffer *view, const char *name)
{
    if (PyObject_GetBuffer(object, view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
        return -1;
    }
    if (view->itemsize != 8 || view->format == NULL ||
        (strcmp(view->format, "q") != 0 && strcmp(view->format, "l") != 0 &&
         strcmp(view->format, "=q") != 0 && strcmp(view->format, "<q") != 0)) {
        PyBuffer_Release(view);
        PyErr_Format(PyExc_TypeError, "%s: a buffer of signed 64-bit integers is needed", name);
        return -1;
    }
    return 0;
}

/* ``sequence[k]`` as a Py_ssize_t (the sequence is a list or tuple). */
static int
item_at(PyObject *sequence, Py_ssize_t k, Py_ssize_t *out)
{
    PyObject *item = PySequence_Fast_GET_ITEM(sequence, k);
    Py_ssize_t value = PyLong_AsSsize_t(item);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = value;
    return 0;
}

static PyObject *
placed(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "placed() takes 5 arguments");
        return NULL;
    }
    Py_buffer starts_view, ends_view;
    PyObject *edges = NULL, *shifts = NULL, *paragraphs = NULL;
    PyObject *out_starts = NULL, *out_ends = NULL, *result = NULL;
    if (int64_buffer(args[0], &starts_view, "starts") < 0) {
        return NULL;
    }
    if (int64_buffer(args[1], &ends_view, "ends") < 0) {
        PyBuffer_Release(&starts_view);
        return NULL;
    }
    Py_ssize_t n = starts_view.len / 8;
    if (ends_view.len / 8 != n) {
        PyErr_SetString(PyExc_ValueError, "starts and ends differ in length");
        goto done;
    }
    edges = PySequence_Fast(args[2], "edges must be a sequence");
    shifts = PySequence_Fast(args[3], "shifts must be a sequence");
    paragraphs = PySequence_Fast(args[4], "paragraphs must be a sequence");
    if (edges == NULL || shifts == NULL || paragraphs == NULL) {
        goto done;
    }
    Py_ssize_t regions = PySequence_Fast_GET_SIZE(shifts);
    Py_ssize_t count = PySequence_Fast_GET_SIZE(paragraphs);
    if (regions != count + 1 || PySequence_Fast_GET_SIZE(edges) != regions + 1) {
        PyErr_SetString(PyExc_ValueError, "one shift a region and one edge more are needed");
        goto done;
    }
    Py_ssize_t total = n + count;
    out_starts = PyBytes_FromStringAndSize(NULL, total * 8);
    out_ends = PyBytes_FromStringAndSize(NULL, total * 8);
    if (out_starts == NULL || out_ends == NULL) {
        goto done;
    }
    const int64_t *in_starts = (const int64_t *)starts_view.buf;
    const int64_t *in_ends = (const int64_t *)ends_view.buf;
    int64_t *to_starts = (int64_t *)PyBytes_AS_STRING(out_starts);
    int64_t *to_ends = (int64_t *)PyBytes_AS_STRING(out_ends);
    Py_ssize_t written = 0;
    Py_ssize_t lo;
    if (item_at(edges, 0, &lo) < 0) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < regions; k++) {
        Py_ssize_t hi, shift;
        if (item_at(edges, k + 1, &hi) < 0 || item_at(shifts, k, &shift) < 0) {
            goto done;
        }
        if (lo < 0 || hi < lo || hi > n || written + (hi - lo) > total) {
            PyErr_SetString(PyExc_ValueError, "edges out of order or out of range");
            goto done;
        }
        for (Py_ssize_t u = lo; u < hi; u++) {
            to_starts[written] = in_starts[u] + shift;
            to_ends[written] = in_ends[u] + shift;
            written++;
        }
        if (k < count) {
            PyObject *pair = PySequence_Fast_GET_ITEM(paragraphs, k);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || written >= total) {
                PyErr_SetString(PyExc_ValueError, "each paragraph is a (start, end) pair");
                goto done;
            }
            Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 0));
            Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 1));
            if ((start == -1 || end == -1) && PyErr_Occurred()) {
                goto done;
            }
            to_starts[written] = start;
            to_ends[written] = end;
            written++;
        }
        lo = hi;
    }
    if (written != total) {
        PyErr_SetString(PyExc_ValueError, "the regions do not cover the units");
        goto done;
    }
    result = PyTuple_Pack(2, out_starts, out_ends);

done:
    PyBuffer_Release(&starts_view);
    PyBuffer_Release(&ends_view);
    Py_XDECREF(edges);
    Py_XDECREF(shifts);
    Py_XDECREF(paragraphs);
    Py_XDECREF(out_starts);
    Py_XDECREF(out_ends);
    return result;
}

static int
compare_indices(const void *a, const void *b)
{
    Py_ssize_t x = *(const Py_ssize_t *)a, y = *(const Py_ssize_t *)b;
    return (x > y) - (x < y);
}

static PyObject *
boundaries(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "boundaries(starts, sentence_starts)");
        return NULL;
    }
    Py_buffer view;
    if (int64_buffer(args[0], &view, "boundaries") < 0) {
        return NULL;
    }
    PyObject *sentences = PySequence_Fast(args[1], "sentence starts must be a sequence");
    if (sentences == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const int64_t *starts = (const int64_t *)view.buf;
    Py_ssize_t n = view.len / 8;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sentences);
    Py_ssize_t *found = PyMem_New(Py_ssize_t, count ? count : 1);
    PyObject *result = NULL;
    if (found == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        long long s = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(sentences, i));
        if (s == -1 && PyErr_Occurred()) {
            goto done;
        }
        Py_ssize_t lo = 0, hi = n; /* bisect_left */
        while (lo < hi) {
            Py_ssize_t mid = lo + (hi - lo) / 2;
            if (starts[mid] < s) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        if (0 < lo && lo < n) {
            found[kept++] = lo;
        }
    }
    int sorted = 1;
    for (Py_ssize_t i = 1; i < kept && sorted; i++) {
        sorted = found[i - 1] <= found[i];
    }
    if (!sorted) {
        qsort(found, (size_t)kept, sizeof(Py_ssize_t), compare_indices);
    }
    result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i < kept; i++) {
        if (i > 0 && found[i] == found[i - 1]) {
            continue;
        }
        PyObject *index = PyLong_FromSsize_t(found[i]);
        if (index == NULL || PyList_Append(result, index) < 0) {
            Py_XDECREF(index);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(index);
    }

done:
    PyMem_Free(found);
    Py_DECREF(sentences);
    PyBuffer_Release(&view);
    return result;
}

static PyMethodDef methods[] = {
    {"placed", (PyCFunction)(void (*)(void))placed, METH_FASTCALL,
     "The units' starts and ends moved back to the text, each paragraph's between."},
    {"boundaries", (PyCFunction)(void (*)(void))boundaries, METH_FASTCALL,
     "The unit indices at which a sentence starts (not 0 nor the end), distinct and sorted."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "unit_place",
    "The units between unchanged paragraphs put back in place (compiled path).", -1, methods,
};

PyMODINIT_FUNC
PyInit_unit_place(void)
{
    return PyModule_Create(&module_def);
}
