/* Rows of whole sentences found in C (the compiled path).

``core.engine.sentence_rows.sentence_rows`` groups a comparison's blocks into rows whose
two sides are whole sentences: the equal and changed blocks of the longest chain whose
order agrees in both texts are anchors, each side's pieces are sorted by place, a row
may end between two pieces where a sentence starts between them, and between two
anchors the places where rows may end are paired in order. In Python that is a list,
a dict and a tuple of every piece, and of every row: 38 ms for a 1 MB pair's 10,000
blocks, while the flags wait on the other core. ``rows(blocks, old_sentences,
new_sentences)`` walks the same steps over arrays of numbers.

It returns ``(old_spans, new_spans, old_blocks, new_blocks)``, the four lists the Python
makes ``SentenceRow``s of: each row's span on a side (``None`` when the row has nothing
there) and the indices of its blocks there, in text order. A span is read as its two
numbers (``span[0]``, ``span[1]``); a block's ``kind`` is compared with ``"equal"`` and
``"changed"``. ``tests/test_row_bounds.py`` checks it against the Python.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

#include "slot_read.h"

typedef struct {
    long long start;
    long long end;
    Py_ssize_t block;
} Piece;

typedef struct {
    Piece *pieces;
    Py_ssize_t count;
    Py_ssize_t *position; /* each block's place among the pieces, or -1 */
    char *open;           /* count + 1: whether a row may end before piece k */
} Side;

typedef struct {
    Py_ssize_t *old;
    Py_ssize_t *new;
    Py_ssize_t count;
    Py_ssize_t capacity;
} Cuts;

static PyObject *KIND, *OLD, *NEW, *EQUAL, *CHANGED;
static SlotAt AT_OLD, AT_NEW, AT_KIND; /* a block's fields */

static int
push(Cuts *cuts, Py_ssize_t o, Py_ssize_t n)
{
    if (cuts->count == cuts->capacity) {
        Py_ssize_t capacity = cuts->capacity ? cuts->capacity * 2 : 256;
        Py_ssize_t *old = PyMem_Realloc(cuts->old, (size_t)capacity * sizeof(Py_ssize_t));
        if (old == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        cuts->old = old;
        Py_ssize_t *new = PyMem_Realloc(cuts->new, (size_t)capacity * sizeof(Py_ssize_t));
        if (new == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        cuts->new = new;
        cuts->capacity = capacity;
    }
    cuts->old[cuts->count] = o;
    cuts->new[cuts->count] = n;
    cuts->count++;
    return 0;
}

/* ``span``'s two numbers; 0 when it is None, 1 when read, -1 on an error. */
static int
read_span(PyObject *span, long long *start, long long *end)
{
    if (span == Py_None) {
        return 0;
    }
    if (span_ends(span, start, end)) {
        return 1;  /* (read in place: ``slot_read.h``) */
    }
    long long values[2];
    for (int k = 0; k < 2; k++) {
        PyObject *item = PySequence_GetItem(span, k);
        if (item == NULL) {
            return -1;
        }
        values[k] = PyLong_AsLongLong(item);
        Py_DECREF(item);
        if (values[k] == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    *start = values[0];
    *end = values[1];
    return 1;
}

static int
by_place(const void *a, const void *b)
{
    const Piece *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end < y->end ? -1 : 1;
    }
    return (x->block > y->block) - (x->block < y->block);
}

/* The sentence starts ``sequence`` holds (sorted), or NULL with *count -1 for None. */
static long long *
read_starts(PyObject *sequence, Py_ssize_t *count)
{
    *count = -1;
    if (sequence == Py_None) {
        return NULL;
    }
    PyObject *items = PySequence_Fast(sequence, "sentence starts must be a sequence");
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    long long *starts = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(long long));
    if (starts == NULL) {
        Py_DECREF(items);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        starts[k] = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(items, k));
        if (starts[k] == -1 && PyErr_Occurred()) {
            Py_DECREF(items);
            PyMem_Free(starts);
            return NULL;
        }
    }
    Py_DECREF(items);
    *count = n;
    return starts;
}

static Py_ssize_t
bisect_right_ll(const long long *values, Py_ssize_t count, long long value)
{
    Py_ssize_t lo = 0, hi = count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (value < values[mid]) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* ``_Side``: the pieces sorted by place, each block's position, and where a row may
   end (``_sentence_between``). */
static int
make_side(Side *side, Py_ssize_t blocks, const long long *starts, Py_ssize_t nstarts)
{
    qsort(side->pieces, (size_t)side->count, sizeof(Piece), by_place);
    side->position = PyMem_Malloc((size_t)(blocks ? blocks : 1) * sizeof(Py_ssize_t));
    side->open = PyMem_Malloc((size_t)side->count + 1);
    if (side->position == NULL || side->open == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < blocks; i++) {
        side->position[i] = -1;
    }
    for (Py_ssize_t k = 0; k < side->count; k++) {
        side->position[side->pieces[k].block] = k;
    }
    Py_ssize_t n = side->count;
    side->open[0] = 1;
    side->open[n] = 1;
    if (nstarts < 0) {
        memset(side->open, 1, (size_t)n + 1);
        return 0;
    }
    Py_ssize_t k = 0;
    long long last = -1;
    for (Py_ssize_t p = 1; p < n; p++) {
        long long after = side->pieces[p - 1].end - 1;
        if (after < last) {
            k = bisect_right_ll(starts, nstarts, after);
        }
        else {
            while (k < nstarts && starts[k] <= after) {
                k++;
            }
        }
        last = after;
        long long start = side->pieces[p].start;
        if (start >= after) {
            side->open[p] = k < nstarts && starts[k] <= start;
        }
        else {
            side->open[p] = k > 0 && starts[k - 1] > start;
        }
    }
    return 0;
}

/* ``_gap_cuts``: row boundaries between two anchors. */
static int
gap_cuts(Cuts *cuts, const Side *old, const Side *new, Py_ssize_t o1, Py_ssize_t o2,
         Py_ssize_t n1, Py_ssize_t n2)
{
    Py_ssize_t count_old = 0, count_new = 0;
    for (Py_ssize_t p = o1; p <= o2; p++) {
        count_old += old->open[p];
    }
    for (Py_ssize_t q = n1; q <= n2; q++) {
        count_new += new->open[q];
    }
    if (!count_old || !count_new) {
        return 0;
    }
    Py_ssize_t common = count_old < count_new ? count_old : count_new;
    Py_ssize_t p = o1, q = n1, last_new = -1, last_old = -1;
    for (Py_ssize_t k = 0; k < common; k++) {
        while (!old->open[p]) {
            p++;
        }
        while (!new->open[q]) {
            q++;
        }
        if (push(cuts, p, q) < 0) {
            return -1;
        }
        last_old = p++;
        last_new = q++;
    }
    for (; p <= o2; p++) {  /* the old side's extras beside the last new place */
        if (old->open[p]) {
            if (push(cuts, p, last_new) < 0) {
                return -1;
            }
            last_old = p;
        }
    }
    for (; q <= n2; q++) {  /* the new side's extras beside the last old place */
        if (new->open[q] && push(cuts, last_old, q) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ``longest_increasing`` (strict): the indices into ``values`` of the chain kept. */
static Py_ssize_t
longest_increasing(const long long *values, Py_ssize_t count, Py_ssize_t *out)
{
    long long *tails = PyMem_Malloc((size_t)(count ? count : 1) * sizeof(long long));
    Py_ssize_t *tail_index = PyMem_Malloc((size_t)(count ? count : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *previous = PyMem_Malloc((size_t)(count ? count : 1) * sizeof(Py_ssize_t));
    if (tails == NULL || tail_index == NULL || previous == NULL) {
        PyMem_Free(tails);
        PyMem_Free(tail_index);
        PyMem_Free(previous);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t length = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t lo = 0, hi = length;  /* bisect_left */
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (tails[mid] < values[k]) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        tails[lo] = values[k];
        tail_index[lo] = k;
        if (lo == length) {
            length++;
        }
        previous[k] = lo ? tail_index[lo - 1] : -1;
    }
    Py_ssize_t k = length ? tail_index[length - 1] : -1;
    for (Py_ssize_t at = length - 1; k >= 0; at--) {
        out[at] = k;
        k = previous[k];
    }
    PyMem_Free(tails);
    PyMem_Free(tail_index);
    PyMem_Free(previous);
    return length;
}

static PyObject *
new_span(long long start, long long end)
{
    PyObject *a = PyLong_FromLongLong(start);
    PyObject *b = a == NULL ? NULL : PyLong_FromLongLong(end);
    if (b == NULL) {
        Py_XDECREF(a);
        return NULL;
    }
    PyObject *span = PyTuple_New(2);
    if (span == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(span, 0, a);
    PyTuple_SET_ITEM(span, 1, b);
    return span;
}

/* ``_Side.rows``: each row's span and blocks on one side, for rows ending at
   ``points`` (``count`` + 1 of them). */
static int
side_rows(const Side *side, const Py_ssize_t *points, Py_ssize_t count, PyObject *spans,
          PyObject *blocks)
{
    for (Py_ssize_t r = 0; r < count; r++) {
        Py_ssize_t lo = points[r], hi = points[r + 1];
        PyObject *span;
        if (lo == hi || side->count == 0) {
            span = Py_NewRef(Py_None);
        }
        else {
            Py_ssize_t first = lo < side->count - 1 ? lo : side->count - 1;
            span = new_span(side->pieces[first].start, side->pieces[hi - 1].end);
            if (span == NULL) {
                return -1;
            }
        }
        PyList_SET_ITEM(spans, r, span);
        PyObject *indices = PyTuple_New(hi > lo ? hi - lo : 0);
        if (indices == NULL) {
            return -1;
        }
        for (Py_ssize_t k = lo; k < hi; k++) {
            PyObject *index = PyLong_FromSsize_t(side->pieces[k].block);
            if (index == NULL) {
                Py_DECREF(indices);
                return -1;
            }
            PyTuple_SET_ITEM(indices, k - lo, index);
        }
        PyList_SET_ITEM(blocks, r, indices);
    }
    return 0;
}

/* Reads the blocks: both sides' pieces, and the anchors' candidates (their index and
   old start). Returns the number of candidates, or -1 on an error. */
static Py_ssize_t
read_blocks(PyObject *items, Side *old, Side *new, Py_ssize_t *candidates, long long *cstarts)
{
    Py_ssize_t blocks = PySequence_Fast_GET_SIZE(items);
    Py_ssize_t found = 0;
    for (Py_ssize_t i = 0; i < blocks; i++) {
        PyObject *block = PySequence_Fast_GET_ITEM(items, i);
        PyObject *held[2] = {NULL, NULL};
        PyObject *sides[2] = {field(block, OLD, &AT_OLD, &held[0]), NULL};
        if (sides[0] == NULL) {
            return -1;
        }
        sides[1] = field(block, NEW, &AT_NEW, &held[1]);
        if (sides[1] == NULL) {
            Py_XDECREF(held[0]);
            return -1;
        }
        Side *each[2] = {old, new};
        int present[2];
        for (int s = 0; s < 2; s++) {
            long long start = 0, end = 0;
            present[s] = read_span(sides[s], &start, &end);
            if (present[s] == 1) {
                Piece *piece = &each[s]->pieces[each[s]->count++];
                piece->start = start;
                piece->end = end;
                piece->block = i;
            }
        }
        Py_XDECREF(held[0]);
        Py_XDECREF(held[1]);
        if (present[0] < 0 || present[1] < 0) {
            return -1;
        }
        if (present[0] && present[1]) {
            PyObject *owned;
            PyObject *kind = field(block, KIND, &AT_KIND, &owned);
            if (kind == NULL) {
                return -1;
            }
            int anchor = PyObject_RichCompareBool(kind, EQUAL, Py_EQ);
            if (anchor == 0) {
                anchor = PyObject_RichCompareBool(kind, CHANGED, Py_EQ);
            }
            Py_XDECREF(owned);
            if (anchor < 0) {
                return -1;
            }
            if (anchor) {
                candidates[found] = i;
                cstarts[found] = old->pieces[old->count - 1].start;
                found++;
            }
        }
    }
    return found;
}

static PyObject *
rows(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "rows(blocks, old_sentences, new_sentences)");
        return NULL;
    }
    PyObject *items = PySequence_Fast(args[0], "blocks must be a sequence");
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t blocks = PySequence_Fast_GET_SIZE(items);
    size_t room = (size_t)(blocks ? blocks : 1);
    Side old = {PyMem_Malloc(room * sizeof(Piece)), 0, NULL, NULL};
    Side new = {PyMem_Malloc(room * sizeof(Piece)), 0, NULL, NULL};
    Py_ssize_t *candidates = PyMem_Malloc(room * sizeof(Py_ssize_t));
    long long *cstarts = PyMem_Malloc(room * sizeof(long long));
    Py_ssize_t *chain = PyMem_Malloc(room * sizeof(Py_ssize_t));
    long long *old_starts = NULL, *new_starts = NULL;
    Py_ssize_t old_count = -1, new_count = -1;
    Cuts cuts = {NULL, NULL, 0, 0};
    Py_ssize_t *points[2] = {NULL, NULL};
    PyObject *result = NULL;
    PyObject *lists[4] = {NULL, NULL, NULL, NULL};
    if (old.pieces == NULL || new.pieces == NULL || candidates == NULL || cstarts == NULL ||
        chain == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    old_starts = read_starts(args[1], &old_count);
    if (old_starts == NULL && PyErr_Occurred()) {
        goto done;
    }
    new_starts = read_starts(args[2], &new_count);
    if (new_starts == NULL && PyErr_Occurred()) {
        goto done;
    }
    Py_ssize_t found = read_blocks(items, &old, &new, candidates, cstarts);
    if (found < 0) {
        goto done;
    }
    Py_ssize_t anchors = longest_increasing(cstarts, found, chain);
    if (anchors < 0 || make_side(&old, blocks, old_starts, old_count) < 0 ||
        make_side(&new, blocks, new_starts, new_count) < 0 || push(&cuts, 0, 0) < 0) {
        goto done;
    }
    Py_ssize_t prev_o = -1, prev_n = -1;
    for (Py_ssize_t a = 0; a <= anchors; a++) {
        Py_ssize_t o, n;
        if (a < anchors) {
            Py_ssize_t block = candidates[chain[a]];
            o = old.position[block];
            n = new.position[block];
        }
        else {
            o = old.count;
            n = new.count;
        }
        if (o == prev_o + 1 && n == prev_n + 1) {  /* two anchors in a row */
            if (old.open[o] && new.open[n] && push(&cuts, o, n) < 0) {
                goto done;
            }
        }
        else if (gap_cuts(&cuts, &old, &new, prev_o + 1, o, prev_n + 1, n) < 0) {
            goto done;
        }
        prev_o = o;
        prev_n = n;
    }
    if (push(&cuts, old.count, new.count) < 0) {
        goto done;
    }
    /* ``_rising``: the cuts that move forward on both sides, from (0, 0). */
    points[0] = PyMem_Malloc((size_t)cuts.count * sizeof(Py_ssize_t));
    points[1] = PyMem_Malloc((size_t)cuts.count * sizeof(Py_ssize_t));
    if (points[0] == NULL || points[1] == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t kept = 1;
    points[0][0] = cuts.old[0];
    points[1][0] = cuts.new[0];
    for (Py_ssize_t k = 1; k < cuts.count; k++) {
        Py_ssize_t o = cuts.old[k], n = cuts.new[k];
        Py_ssize_t lo = points[0][kept - 1], ln = points[1][kept - 1];
        if (o < lo || n < ln || (o == lo && n == ln)) {
            continue;
        }
        points[0][kept] = o;
        points[1][kept] = n;
        kept++;
    }
    for (int k = 0; k < 4; k++) {
        lists[k] = PyList_New(kept - 1);
        if (lists[k] == NULL) {
            goto done;
        }
    }
    if (side_rows(&old, points[0], kept - 1, lists[0], lists[2]) < 0 ||
        side_rows(&new, points[1], kept - 1, lists[1], lists[3]) < 0) {
        goto done;
    }
    result = PyTuple_Pack(4, lists[0], lists[1], lists[2], lists[3]);
done:
    for (int k = 0; k < 4; k++) {
        Py_XDECREF(lists[k]);
    }
    PyMem_Free(points[0]);
    PyMem_Free(points[1]);
    PyMem_Free(cuts.old);
    PyMem_Free(cuts.new);
    PyMem_Free(old.pieces);
    PyMem_Free(new.pieces);
    PyMem_Free(old.position);
    PyMem_Free(new.position);
    PyMem_Free(old.open);
    PyMem_Free(new.open);
    PyMem_Free(candidates);
    PyMem_Free(cstarts);
    PyMem_Free(chain);
    PyMem_Free(old_starts);
    PyMem_Free(new_starts);
    Py_DECREF(items);
    return result;
}

static PyMethodDef methods[] = {
    {"rows", (PyCFunction)(void (*)(void))rows, METH_FASTCALL,
     "rows(blocks, old_sentences, new_sentences) -> (old_spans, new_spans, old_blocks, "
     "new_blocks): the rows of whole sentences, as sentence_rows finds them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "row_bounds", "Rows of whole sentences (compiled path).", -1, methods,
};

static int
intern(PyObject **slot, const char *name)
{
    *slot = PyUnicode_InternFromString(name);
    return *slot == NULL ? -1 : 0;
}

PyMODINIT_FUNC
PyInit_row_bounds(void)
{
    if (intern(&KIND, "kind") < 0 || intern(&OLD, "old") < 0 || intern(&NEW, "new") < 0 ||
        intern(&EQUAL, "equal") < 0 || intern(&CHANGED, "changed") < 0) {
        return NULL;
    }
    return PyModule_Create(&module_def);
}
