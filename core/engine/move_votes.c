/* The candidates each unmatched old side proposes for a move, and how much each shares
with it, counted in C (the compiled path).

``core.engine.moves.find_moves`` looks for the new side an old one may have moved to
among the inserted sides that share its rarer ids: every distinct id of the old side
votes for each new side that holds it (an id held by more than ``too_common`` new
sides does not vote), the old side itself aside, and the ``limit`` most voted are
proposed (ties in the order their first vote came); then the LCS of each proposed pair
decides. In Python that is a dict of lists (the index), a ``Counter`` over a chain of
the voters' lists, a sort of its items, and an LCS call a pair, each with its slices.

``scored(a, b, olds, old_spans, news, new_spans, too_common, limit, size)`` builds the
index in an open-addressed table (each new side's ids once, the sides in the order
given), counts each old side's votes in an array indexed by draft (``size`` drafts),
keeps the order the votes first came in, picks the most voted stably, and counts the
LCS of each pick with the bit-parallel rows of ``lcs_rows.h``: the old side's masks
built once for all its picks. The distinct ids of an old side are visited in the
order of Python's own ``set`` of them (built here), so ties fall exactly as in the
Python. It returns ``(proposals, lengths)``, a list of each per old side, or None when
an id is no C ``long long`` (the Python counts those).

``tests/test_move_votes.py`` checks it against ``moves.scored_in_python``.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "lcs_rows.h"

/* The new sides holding each id: ``hits[first[s] : first[s] + count[s]]`` for the id
   in slot ``s`` (``count[s] < 0``: an empty slot). */
typedef struct {
    long long *keys;
    Py_ssize_t *count, *first, *stamp, *hits;
    Py_ssize_t slots;
} Index;

static Py_ssize_t
index_slot(const Index *x, long long key)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ULL;
    Py_ssize_t s = (Py_ssize_t)(h >> 32) & (x->slots - 1);
    while (x->count[s] >= 0 && x->keys[s] != key) {
        s = (s + 1) & (x->slots - 1);
    }
    return s;
}

static void
free_index(Index *x)
{
    PyMem_Free(x->keys);
    PyMem_Free(x->count);
    PyMem_Free(x->first);
    PyMem_Free(x->stamp);
    PyMem_Free(x->hits);
}

/* The index of the ``sides`` new sides (side j: ``ids[offsets[j] : offsets[j + 1]]``,
   draft ``drafts[j]``), each side once under each id it holds, in the order of j. */
static int
build_index(Index *x, const long long *ids, const Py_ssize_t *offsets, const Py_ssize_t *drafts,
            Py_ssize_t sides)
{
    Py_ssize_t total = offsets[sides];
    x->slots = 16;
    while (x->slots < 2 * total) {
        x->slots <<= 1;
    }
    size_t slots = (size_t)x->slots;
    x->keys = PyMem_Malloc(slots * sizeof(long long));
    x->count = PyMem_Malloc(slots * sizeof(Py_ssize_t));
    x->first = PyMem_Malloc(slots * sizeof(Py_ssize_t));
    x->stamp = PyMem_Malloc(slots * sizeof(Py_ssize_t));
    x->hits = PyMem_Malloc((size_t)(total ? total : 1) * sizeof(Py_ssize_t));
    if (x->keys == NULL || x->count == NULL || x->first == NULL || x->stamp == NULL ||
        x->hits == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(x->count, 0xff, slots * sizeof(Py_ssize_t));
    memset(x->stamp, 0xff, slots * sizeof(Py_ssize_t));
    for (Py_ssize_t j = 0; j < sides; j++) {
        for (Py_ssize_t i = offsets[j]; i < offsets[j + 1]; i++) {
            Py_ssize_t s = index_slot(x, ids[i]);
            if (x->count[s] < 0) {
                x->keys[s] = ids[i];
                x->count[s] = 0;
            }
            if (x->stamp[s] != j) {
                x->stamp[s] = j;
                x->count[s]++;
            }
        }
    }
    Py_ssize_t running = 0;
    for (Py_ssize_t s = 0; s < x->slots; s++) {
        x->first[s] = running;
        running += x->count[s] > 0 ? x->count[s] : 0;
    }
    /* Filled in a second pass, ``first`` moving past what each id has taken. */
    memset(x->stamp, 0xff, slots * sizeof(Py_ssize_t));
    for (Py_ssize_t j = 0; j < sides; j++) {
        for (Py_ssize_t i = offsets[j]; i < offsets[j + 1]; i++) {
            Py_ssize_t s = index_slot(x, ids[i]);
            if (x->stamp[s] != j) {
                x->stamp[s] = j;
                x->hits[x->first[s]++] = drafts[j];
            }
        }
    }
    for (Py_ssize_t s = 0; s < x->slots; s++) {
        x->first[s] -= x->count[s] > 0 ? x->count[s] : 0;
    }
    return 0;
}

/* ``sequence[lo:hi]``'s ids as C integers into ``out``: 1 done, 0 an id is no long
   long, -1 error. */
static int
read_ids(PyObject *list, Py_ssize_t lo, Py_ssize_t hi, long long *out)
{
    for (Py_ssize_t k = lo; k < hi; k++) {
        PyObject *item = PyList_GET_ITEM(list, k);
        int overflow = 0;
        if (!PyLong_Check(item)) {
            return 0;
        }
        long long value = PyLong_AsLongLongAndOverflow(item, &overflow);
        if (overflow) {
            return 0;
        }
        if (value == -1 && PyErr_Occurred()) {
            return -1;
        }
        out[k - lo] = value;
    }
    return 1;
}

/* A (lo, hi) span of a list of ``length`` items, as Python would slice it whole. */
static int
read_span(PyObject *span, Py_ssize_t length, Py_ssize_t *lo, Py_ssize_t *hi)
{
    if (!PyArg_ParseTuple(span, "nn", lo, hi)) {
        return -1;
    }
    if (*lo < 0 || *hi < *lo || *hi > length) {
        PyErr_SetString(PyExc_ValueError, "a span outside its list");
        return -1;
    }
    return 0;
}

static int
read_draft(PyObject *value, Py_ssize_t size, Py_ssize_t *out)
{
    *out = PyLong_AsSsize_t(value);
    if (*out == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (*out < 0 || *out >= size) {
        PyErr_SetString(PyExc_IndexError, "a draft beyond the size given");
        return -1;
    }
    return 0;
}

/* The votes of ``ids``'s distinct ids (in the order of Python's set of them), each for
   the new sides holding it when they are ``too_common`` or fewer. */
static int
count_votes(PyObject *ids, const Index *x, Py_ssize_t too_common, Py_ssize_t *counts,
            Py_ssize_t *order, Py_ssize_t *seen)
{
    PyObject *distinct = PySet_New(ids);
    if (distinct == NULL) {
        return -1;
    }
    PyObject *iterator = PyObject_GetIter(distinct);
    Py_DECREF(distinct);
    if (iterator == NULL) {
        return -1;
    }
    PyObject *id;
    while ((id = PyIter_Next(iterator)) != NULL) {
        long long key = PyLong_AsLongLong(id); /* (read as one before) */
        Py_DECREF(id);
        Py_ssize_t s = index_slot(x, key);
        if (x->count[s] <= 0 || x->count[s] > too_common) {
            continue;
        }
        const Py_ssize_t *hits = x->hits + x->first[s];
        for (Py_ssize_t h = 0; h < x->count[s]; h++) {
            if (counts[hits[h]]++ == 0) {
                order[(*seen)++] = hits[h];
            }
        }
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

/* The ``limit`` most voted of ``order[:seen]`` but ``own``, stably, into ``top``. */
static Py_ssize_t
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
    return kept;
}

/* The LCS's length of the ``width`` ids whose masks are ``m`` and ``other[:height]``. */
static Py_ssize_t
lcs_length(const Masks *m, Py_ssize_t width, const long long *other, Py_ssize_t height,
           uint64_t *rows)
{
    if (width == 0 || height == 0) {
        return 0;
    }
    uint64_t top_mask = top_mask_of(width);
    uint64_t *previous = rows, *row = rows + m->words;
    first_row(previous, m->words, top_mask);
    for (Py_ssize_t r = 0; r < height; r++) {
        next_row(m, other[r], previous, row, top_mask);
        uint64_t *swap = previous;
        previous = row;
        row = swap;
    }
    Py_ssize_t set = 0;
    for (Py_ssize_t w = 0; w < m->words; w++) {
        set += bits_set(previous[w]);
    }
    return width - set;
}

static PyObject *
list_of(const Py_ssize_t *values, Py_ssize_t n)
{
    PyObject *out = PyList_New(n);
    for (Py_ssize_t j = 0; out != NULL && j < n; j++) {
        PyObject *value = PyLong_FromSsize_t(values[j]);
        if (value == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, j, value);
    }
    return out;
}

typedef struct {
    PyObject *olds, *old_spans, *news, *new_spans;
    long long *b_ids, *a_ids;
    Py_ssize_t *offsets, *sides, *side_of, *counts, *order, *top, *common;
    uint64_t *rows;
    Index index;
} Work;

static void
free_work(Work *w)
{
    Py_XDECREF(w->olds);
    Py_XDECREF(w->old_spans);
    Py_XDECREF(w->news);
    Py_XDECREF(w->new_spans);
    PyMem_Free(w->b_ids);
    PyMem_Free(w->a_ids);
    PyMem_Free(w->offsets);
    PyMem_Free(w->sides);
    PyMem_Free(w->side_of);
    PyMem_Free(w->counts);
    PyMem_Free(w->order);
    PyMem_Free(w->top);
    PyMem_Free(w->common);
    PyMem_Free(w->rows);
    free_index(&w->index);
}

/* Reads the new sides into ``w``: their ids, where each starts, which draft each is
   and which side each draft is (-1: none). 1 done, 0 an id is no long long, -1 error. */
static int
read_news(Work *w, PyObject *b, Py_ssize_t size)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(w->news);
    if (PySequence_Fast_GET_SIZE(w->new_spans) != n) {
        PyErr_SetString(PyExc_ValueError, "new_spans and news differ in length");
        return -1;
    }
    w->offsets = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
    w->sides = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    w->side_of = PyMem_Malloc((size_t)(size ? size : 1) * sizeof(Py_ssize_t));
    if (w->offsets == NULL || w->sides == NULL || w->side_of == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t m = 0; m < size; m++) {
        w->side_of[m] = -1;
    }
    w->offsets[0] = 0;
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t lo, hi;
        PyObject *span = PySequence_Fast_GET_ITEM(w->new_spans, j);
        if (read_span(span, PyList_GET_SIZE(b), &lo, &hi) < 0 ||
            read_draft(PySequence_Fast_GET_ITEM(w->news, j), size, &w->sides[j]) < 0) {
            return -1;
        }
        w->side_of[w->sides[j]] = j;
        w->offsets[j + 1] = w->offsets[j] + (hi - lo);
    }
    w->b_ids = PyMem_Malloc((size_t)(w->offsets[n] ? w->offsets[n] : 1) * sizeof(long long));
    if (w->b_ids == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t lo, hi;
        PyObject *span = PySequence_Fast_GET_ITEM(w->new_spans, j);
        if (read_span(span, PyList_GET_SIZE(b), &lo, &hi) < 0) {
            return -1;
        }
        int read = read_ids(b, lo, hi, w->b_ids + w->offsets[j]);
        if (read <= 0) {
            return read;
        }
    }
    return build_index(&w->index, w->b_ids, w->offsets, w->sides, n) < 0 ? -1 : 1;
}

/* Old side ``n``'s proposals and their LCS lengths, appended to ``voted`` and
   ``lengths``: 1 done, 0 an id is no long long, -1 error. */
static int
score_old(Work *w, PyObject *a, Py_ssize_t n, Py_ssize_t too_common, Py_ssize_t limit,
          Py_ssize_t size, PyObject *voted, PyObject *lengths)
{
    Py_ssize_t lo, hi, own, seen = 0;
    if (read_span(PySequence_Fast_GET_ITEM(w->old_spans, n), PyList_GET_SIZE(a), &lo, &hi) < 0 ||
        read_draft(PySequence_Fast_GET_ITEM(w->olds, n), size, &own) < 0) {
        return -1;
    }
    Py_ssize_t width = hi - lo;
    int read = read_ids(a, lo, hi, w->a_ids);
    if (read <= 0) {
        return read;
    }
    PyObject *ids = PyList_GetSlice(a, lo, hi);
    if (ids == NULL) {
        return -1;
    }
    int counted = count_votes(ids, &w->index, too_common, w->counts, w->order, &seen);
    Py_DECREF(ids);
    Py_ssize_t kept = counted < 0 ? 0 : most_voted(w->counts, w->order, seen, own, limit, w->top);
    for (Py_ssize_t s = 0; s < seen; s++) {
        w->counts[w->order[s]] = 0; /* (only the drafts it touched) */
    }
    if (counted < 0) {
        return -1;
    }
    if (kept && width) {
        Masks m;
        if (build_masks(&m, w->a_ids, width) < 0) {
            return -1;
        }
        for (Py_ssize_t j = 0; j < kept; j++) {
            Py_ssize_t side = w->side_of[w->top[j]];
            Py_ssize_t start = w->offsets[side];
            w->common[j] = lcs_length(&m, width, w->b_ids + start, w->offsets[side + 1] - start,
                                      w->rows);
        }
        free_masks(&m);
    }
    else {
        memset(w->common, 0, (size_t)(limit + 1) * sizeof(Py_ssize_t));
    }
    PyObject *found = list_of(w->top, kept);
    PyObject *shared = list_of(w->common, kept);
    int failed = found == NULL || shared == NULL || PyList_Append(voted, found) < 0 ||
                 PyList_Append(lengths, shared) < 0;
    Py_XDECREF(found);
    Py_XDECREF(shared);
    return failed ? -1 : 1;
}

static PyObject *
scored(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 9 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "scored(a: list, b: list, olds, old_spans, news, "
                                         "new_spans, too_common, limit, size)");
        return NULL;
    }
    PyObject *a = args[0], *b = args[1];
    Py_ssize_t too_common = PyLong_AsSsize_t(args[6]);
    Py_ssize_t limit = PyLong_AsSsize_t(args[7]);
    Py_ssize_t size = PyLong_AsSsize_t(args[8]);
    if ((too_common == -1 || limit == -1 || size == -1) && PyErr_Occurred()) {
        return NULL;
    }
    if (limit < 0 || size < 0) {
        PyErr_SetString(PyExc_ValueError, "a negative limit or size");
        return NULL;
    }
    Work w;
    memset(&w, 0, sizeof(w));
    PyObject *out = NULL, *voted = NULL, *lengths = NULL;
    w.olds = PySequence_Fast(args[2], "olds must be a sequence");
    w.old_spans = w.olds ? PySequence_Fast(args[3], "old_spans must be a sequence") : NULL;
    w.news = w.old_spans ? PySequence_Fast(args[4], "news must be a sequence") : NULL;
    w.new_spans = w.news ? PySequence_Fast(args[5], "new_spans must be a sequence") : NULL;
    if (w.new_spans == NULL) {
        goto done;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(w.olds);
    if (PySequence_Fast_GET_SIZE(w.old_spans) != n) {
        PyErr_SetString(PyExc_ValueError, "old_spans and olds differ in length");
        goto done;
    }
    int read = read_news(&w, b, size);
    if (read <= 0) {
        goto done; /* (0: None) */
    }
    Py_ssize_t widest = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t lo, hi;
        if (read_span(PySequence_Fast_GET_ITEM(w.old_spans, k), PyList_GET_SIZE(a), &lo, &hi) < 0) {
            goto done;
        }
        widest = hi - lo > widest ? hi - lo : widest;
    }
    w.a_ids = PyMem_Malloc((size_t)(widest ? widest : 1) * sizeof(long long));
    w.rows = PyMem_Malloc((size_t)(2 * ((widest + 63) / 64) + 2) * sizeof(uint64_t));
    w.counts = PyMem_Calloc((size_t)(size + 1), sizeof(Py_ssize_t));
    w.order = PyMem_Malloc((size_t)(size + 1) * sizeof(Py_ssize_t));
    w.top = PyMem_Malloc((size_t)(limit + 1) * sizeof(Py_ssize_t));
    w.common = PyMem_Malloc((size_t)(limit + 1) * sizeof(Py_ssize_t));
    voted = PyList_New(0);
    lengths = PyList_New(0);
    if (w.a_ids == NULL || w.rows == NULL || w.counts == NULL || w.order == NULL ||
        w.top == NULL || w.common == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (voted == NULL || lengths == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        read = score_old(&w, a, k, too_common, limit, size, voted, lengths);
        if (read <= 0) {
            goto done;
        }
    }
    out = PyTuple_Pack(2, voted, lengths);

done:
    Py_XDECREF(voted);
    Py_XDECREF(lengths);
    free_work(&w);
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"scored", (PyCFunction)(void (*)(void))scored, METH_FASTCALL,
     "For each old side, the limit new sides most voted for by its distinct ids, and "
     "the LCS's length of each pair; None where an id is no C long long."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "move_votes", "Move candidates voted for and scored (compiled path).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit_move_votes(void)
{
    return PyModule_Create(&module_def);
}
