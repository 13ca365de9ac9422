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

``interleaved(units, paragraphs, edges)``: the units of each region (``edges[k]`` to
``edges[k + 1]``) with paragraph ``k``'s own after region ``k``, as one tuple: the keys
and weights of a side (``compare._with_paragraphs``, whose region slices, list and
tuple copied 180,000 items three times: 4 ms a side).

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

/* A list of ``(a, b, c)`` tuples of integers (``runs``) or of pairs (``cuts``,
   ``ranges``: ``width`` 2) read into one array, ``width`` items a row: the rows, or
   NULL with an error set (the caller frees it with PyMem_Free). */
static int64_t *
rows_of(PyObject *list, Py_ssize_t width, const char *what)
{
    if (!PyList_Check(list)) {
        PyErr_Format(PyExc_TypeError, "drafts: %s must be a list", what);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    int64_t *rows = PyMem_Malloc((size_t)(n * width + 1) * sizeof(int64_t));
    if (rows == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *row = PyList_GET_ITEM(list, k);
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != width) {
            PyMem_Free(rows);
            PyErr_Format(PyExc_TypeError, "drafts: each of %s is a tuple of %zd integers", what,
                         width);
            return NULL;
        }
        for (Py_ssize_t c = 0; c < width; c++) {
            int64_t value = PyLong_AsLongLong(PyTuple_GET_ITEM(row, c));
            if (value == -1 && PyErr_Occurred()) {
                PyMem_Free(rows);
                return NULL;
            }
            rows[k * width + c] = value;
        }
    }
    return rows;
}

/* The code (tag, i1, i2, j1, j2) appended to ``codes``: 0, or -1. */
static int
add_code(PyObject *codes, PyObject *tag, int64_t i1, int64_t i2, int64_t j1, int64_t j2)
{
    PyObject *code = PyTuple_New(5);
    if (code == NULL) {
        return -1;
    }
    PyTuple_SET_ITEM(code, 0, Py_NewRef(tag));
    int64_t ends[4] = {i1, i2, j1, j2};
    for (int e = 0; e < 4; e++) {
        PyObject *at = PyLong_FromLongLong(ends[e]);
        if (at == NULL) {
            Py_DECREF(code);
            return -1;
        }
        PyTuple_SET_ITEM(code, 1 + e, at);
    }
    int appended = PyList_Append(codes, code);
    Py_DECREF(code);
    return appended;
}

/* The delete and insert codes of a replaced gap (``blocks.gap_codes``): 0, or -1. */
static int
add_gap(PyObject *codes, PyObject *const tags[3], int64_t i1, int64_t i2, int64_t j1,
        int64_t j2)
{
    if (i2 > i1 && add_code(codes, tags[1], i1, i2, j1, j1) < 0) {
        return -1;
    }
    if (j2 > j1 && add_code(codes, tags[2], i2, i2, j1, j2) < 0) {
        return -1;
    }
    return 0;
}

/* drafts(runs, cuts, ranges, make): ``blocks.drafts_in_python`` in one pass. ``runs``:
   the alignment's equal runs (i, j, n), in order; ``cuts``: the (old, new) unit
   indices where drafts meet, in order; ``ranges``: the approximate gaps (lo, hi),
   sorted; ``make``: what makes a draft from its kind, a1, a2, b1, b2, codes and
   whether it is approximate (``blocks.Draft``). Between each two cuts that differ, a
   draft: the runs' parts inside it as equal codes, the gaps between as delete and
   insert codes, its kind from them. */
static PyObject *
drafts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "drafts(runs, cuts, ranges, make)");
        return NULL;
    }
    static const char *names[7] = {"equal", "delete", "insert", "inserted", "deleted",
                                   "changed", NULL};
    PyObject *tags[6] = {NULL};
    int64_t *runs = NULL, *cuts = NULL, *ranges = NULL;
    PyObject *out = NULL;
    for (int k = 0; k < 6; k++) {
        tags[k] = PyUnicode_InternFromString(names[k]);
        if (tags[k] == NULL) {
            goto done;
        }
    }
    runs = rows_of(args[0], 3, "runs");
    cuts = runs ? rows_of(args[1], 2, "cuts") : NULL;
    ranges = cuts ? rows_of(args[2], 2, "ranges") : NULL;
    if (ranges == NULL) {
        goto done;
    }
    Py_ssize_t n_runs = PyList_GET_SIZE(args[0]), n_cuts = PyList_GET_SIZE(args[1]);
    Py_ssize_t n_ranges = PyList_GET_SIZE(args[2]);
    out = PyList_New(0);
    if (out == NULL) {
        goto done;
    }
    for (Py_ssize_t c = 0; c + 1 < n_cuts; c++) {
        int64_t p = cuts[2 * c], q = cuts[2 * c + 1], p2 = cuts[2 * c + 2], q2 = cuts[2 * c + 3];
        if (p == p2 && q == q2) {
            continue;
        }
        PyObject *codes = PyList_New(0);
        if (codes == NULL) {
            goto fail;
        }
        /* the last run starting at or before p (bisect_right - 1), or the first */
        Py_ssize_t lo_k = 0, hi_k = n_runs;
        while (lo_k < hi_k) {
            Py_ssize_t mid = (lo_k + hi_k) / 2;
            if (p < runs[3 * mid]) {
                hi_k = mid;
            }
            else {
                lo_k = mid + 1;
            }
        }
        Py_ssize_t k = lo_k > 0 ? lo_k - 1 : 0;
        int64_t i = p, j = q;
        int all_equal = 1;
        for (; k < n_runs && runs[3 * k] < p2; k++) {
            int64_t ri = runs[3 * k], rj = runs[3 * k + 1], n = runs[3 * k + 2];
            int64_t lo = ri > p ? ri : p;
            int64_t hi = ri + n < p2 ? ri + n : p2;
            if (hi <= lo) {
                continue;
            }
            int64_t lo_j = rj + lo - ri;
            if (lo_j < q || lo_j >= q2) {
                continue;
            }
            all_equal &= !(lo > i || lo_j > j);
            if (add_gap(codes, tags, i, lo, j, lo_j) < 0 ||
                add_code(codes, tags[0], lo, hi, lo_j, lo_j + hi - lo) < 0) {
                Py_DECREF(codes);
                goto fail;
            }
            i = hi;
            j = lo_j + hi - lo;
        }
        all_equal &= !(p2 > i || q2 > j);
        if (add_gap(codes, tags, i, p2, j, q2) < 0) {
            Py_DECREF(codes);
            goto fail;
        }
        PyObject *kind = p == p2 ? tags[3] : q == q2 ? tags[4] : all_equal ? tags[0] : tags[5];
        /* approximate: the last range starting before p2 reaches past p */
        Py_ssize_t lo_r = 0, hi_r = n_ranges;
        while (lo_r < hi_r) {
            Py_ssize_t mid = (lo_r + hi_r) / 2;
            if (ranges[2 * mid] < p2) {
                lo_r = mid + 1;
            }
            else {
                hi_r = mid;
            }
        }
        int approximate = lo_r > 0 && ranges[2 * (lo_r - 1) + 1] > p;
        PyObject *made[7] = {kind, NULL, NULL, NULL, NULL, codes,
                             approximate ? Py_True : Py_False};
        int64_t ends[4] = {p, p2, q, q2};
        int failed = 0;
        for (int e = 0; e < 4; e++) {
            made[1 + e] = PyLong_FromLongLong(ends[e]);
            failed |= made[1 + e] == NULL;
        }
        PyObject *draft = failed ? NULL : PyObject_Vectorcall(args[3], made, 7, NULL);
        for (int e = 0; e < 4; e++) {
            Py_XDECREF(made[1 + e]);
        }
        Py_DECREF(codes);
        if (draft == NULL || PyList_Append(out, draft) < 0) {
            Py_XDECREF(draft);
            goto fail;
        }
        Py_DECREF(draft);
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyMem_Free(runs);
    PyMem_Free(cuts);
    PyMem_Free(ranges);
    for (int k = 0; k < 6; k++) {
        Py_XDECREF(tags[k]);
    }
    return out;
}

/* ``tuple(_with_paragraphs(units, paragraphs, slices))`` of ``core.engine.compare``:
   region ``k``'s units (``units[edges[k]:edges[k + 1]]``) then paragraph ``k``, for as
   many regions as there are paragraphs (and regions), then the last region's units,
   into one tuple: no slice, list or second copy made on the way. */
static PyObject *
interleaved(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "interleaved(units, paragraphs, edges)");
        return NULL;
    }
    PyObject *units = PySequence_Fast(args[0], "units must be a sequence");
    if (units == NULL) {
        return NULL;
    }
    PyObject *paragraphs = PySequence_Fast(args[1], "paragraphs must be a sequence");
    if (paragraphs == NULL) {
        Py_DECREF(units);
        return NULL;
    }
    PyObject *edges = PySequence_Fast(args[2], "edges must be a sequence");
    if (edges == NULL) {
        Py_DECREF(units);
        Py_DECREF(paragraphs);
        return NULL;
    }
    PyObject *out = NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(units);
    Py_ssize_t regions = PySequence_Fast_GET_SIZE(edges) - 1;
    Py_ssize_t *bounds = NULL;
    if (regions < 1) {
        PyErr_SetString(PyExc_ValueError, "edges must hold a region's two ends at least");
        goto done;
    }
    bounds = PyMem_Malloc((size_t)(regions + 1) * sizeof(Py_ssize_t));
    if (bounds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k <= regions; k++) {
        Py_ssize_t at = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(edges, k), PyExc_OverflowError);
        if (at == -1 && PyErr_Occurred()) {
            goto done;
        }
        bounds[k] = at < 0 ? 0 : at > n ? n : at; /* (as a slice clamps) */
    }
    Py_ssize_t joined = PySequence_Fast_GET_SIZE(paragraphs);
    if (joined > regions) {
        joined = regions; /* (zip stops at the shorter) */
    }
    /* Region k for k < joined, each with its paragraph, then the last region. */
    Py_ssize_t size = joined;
    for (Py_ssize_t k = 0; k < joined; k++) {
        size += bounds[k + 1] > bounds[k] ? bounds[k + 1] - bounds[k] : 0;
    }
    size += bounds[regions] > bounds[regions - 1] ? bounds[regions] - bounds[regions - 1] : 0;
    out = PyTuple_New(size);
    if (out == NULL) {
        goto done;
    }
    PyObject **from = PySequence_Fast_ITEMS(units);
    Py_ssize_t at = 0;
    for (Py_ssize_t k = 0; k <= joined; k++) {
        Py_ssize_t region = k < joined ? k : regions - 1;
        for (Py_ssize_t u = bounds[region]; u < bounds[region + 1]; u++) {
            Py_INCREF(from[u]);
            PyTuple_SET_ITEM(out, at++, from[u]);
        }
        if (k < joined) {
            PyObject *paragraph = PySequence_Fast_GET_ITEM(paragraphs, k);
            Py_INCREF(paragraph);
            PyTuple_SET_ITEM(out, at++, paragraph);
        }
    }
done:
    PyMem_Free(bounds);
    Py_DECREF(units);
    Py_DECREF(paragraphs);
    Py_DECREF(edges);
    return out;
}

static PyMethodDef methods[] = {
    {"interleaved", (PyCFunction)(void (*)(void))interleaved, METH_FASTCALL,
     "Each region's units, each followed by its paragraph, then the last region's, a tuple."},
    {"placed", (PyCFunction)(void (*)(void))placed, METH_FASTCALL,
     "The units' starts and ends moved back to the text, each paragraph's between."},
    {"drafts", (PyCFunction)(void (*)(void))drafts, METH_FASTCALL,
     "The drafts between each two cuts, with their codes, kinds and approximations."},
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
