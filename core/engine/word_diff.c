/* The word diff of a changed block, in C (the compiled path).

``core.engine.dmp_adapter.diff_runs`` diffs two lists of token ids as diff-match-patch
would diff two strings of one character an id (``Diff_Timeout = 0``, no line mode):
the answer from the common start and end alone where it follows from them
(``_trimmed_runs``), else the library's ``diff_main`` (``core.engine.dmp_diff``, its
algorithm typed) and its merge. Compiled by mypyc, a heavily edited 1 MB pair's 4,200
word diffs took 17 ms: each step of the bisection and of the merge makes Python
objects (a string a slice, a tuple a diff).

``runs(a, b, a_offset, b_offset)`` is the same diff on arrays of ids: the texts are
views into them (a slice moves a pointer), the texts a merge joins are copied into an
arena freed when the diff is done. Every step is the Python's, in its order, down to
the empty edits ``_compute`` makes and the merge counts; the diff only ever compares
ids for equality, as the library compares characters. Where the Python would index a
text out of its bounds (it never does: the library's bisection keeps its indices in
range), this gives None and the caller diffs in Python.

``tests/test_word_diff.py`` compares the runs with the Python's on random texts of few
ids, where the bisection and the merge have the most to do.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

typedef long long Id;

typedef struct {
    const Id *p;
    Py_ssize_t n;
} Text;

enum { DELETE = -1, EQUAL = 0, INSERT = 1 };

typedef struct {
    int op;
    Text t;
} Diff;

typedef struct {
    Diff *items;
    Py_ssize_t n;
    Py_ssize_t cap;
} Diffs;

typedef struct Chunk {
    struct Chunk *next;
    Py_ssize_t used;
    Py_ssize_t cap;
    Id data[];
} Chunk;

/* What one diff allocates (joined texts, the bisection's arrays), freed at its end;
   ``failed``: out of memory, or a step the Python would not take (then None). */
typedef struct {
    Chunk *head;
    int failed;
} Work;

static Id *
arena_alloc(Work *w, Py_ssize_t n)
{
    if (n <= 0) {
        n = 1;
    }
    Chunk *c = w->head;
    if (c == NULL || c->cap - c->used < n) {
        Py_ssize_t cap = n > 4096 ? n : 4096;
        c = PyMem_Malloc(sizeof(Chunk) + (size_t)cap * sizeof(Id));
        if (c == NULL) {
            w->failed = 1;
            return NULL;
        }
        c->next = w->head;
        c->used = 0;
        c->cap = cap;
        w->head = c;
    }
    Id *out = c->data + c->used;
    c->used += n;
    return out;
}

static void
arena_free(Work *w)
{
    Chunk *c = w->head;
    while (c != NULL) {
        Chunk *next = c->next;
        PyMem_Free(c);
        c = next;
    }
    w->head = NULL;
}

static const Text EMPTY = {NULL, 0};

/* ``t[lo:hi]`` for 0 <= lo, as Python clamps a slice past the end. */
static Text
slice(Work *w, Text t, Py_ssize_t lo, Py_ssize_t hi)
{
    if (lo < 0 || hi < 0) {
        w->failed = 1; /* (never asked: the Python's indices stay in range) */
        return EMPTY;
    }
    if (hi > t.n) {
        hi = t.n;
    }
    if (lo >= hi) {
        return EMPTY;
    }
    Text out = {t.p + lo, hi - lo};
    return out;
}

static Text
join(Work *w, Text x, Text y)
{
    if (y.n == 0) {
        return x;
    }
    if (x.n == 0) {
        return y;
    }
    Id *p = arena_alloc(w, x.n + y.n);
    if (p == NULL) {
        return EMPTY;
    }
    memcpy(p, x.p, (size_t)x.n * sizeof(Id));
    memcpy(p + x.n, y.p, (size_t)y.n * sizeof(Id));
    Text out = {p, x.n + y.n};
    return out;
}

static int
same(Text x, Text y)
{
    return x.n == y.n && (x.n == 0 || memcmp(x.p, y.p, (size_t)x.n * sizeof(Id)) == 0);
}

static Py_ssize_t
common_prefix(Text x, Text y)
{
    Py_ssize_t n = x.n < y.n ? x.n : y.n;
    Py_ssize_t k = 0;
    while (k < n && x.p[k] == y.p[k]) {
        k++;
    }
    return k;
}

static Py_ssize_t
common_suffix(Text x, Text y)
{
    Py_ssize_t n = x.n < y.n ? x.n : y.n;
    Py_ssize_t k = 0;
    while (k < n && x.p[x.n - 1 - k] == y.p[y.n - 1 - k]) {
        k++;
    }
    return k;
}

static int
ends_with(Text t, Text end)
{
    return end.n <= t.n &&
           (end.n == 0 || memcmp(t.p + t.n - end.n, end.p, (size_t)end.n * sizeof(Id)) == 0);
}

static int
starts_with(Text t, Text start)
{
    return start.n <= t.n &&
           (start.n == 0 || memcmp(t.p, start.p, (size_t)start.n * sizeof(Id)) == 0);
}

/* Where ``needle`` (not empty) first stands in ``hay``, or -1 (``str.find``). */
static Py_ssize_t
find(Text hay, Text needle)
{
    for (Py_ssize_t i = 0; i + needle.n <= hay.n; i++) {
        if (hay.p[i] == needle.p[0] &&
            memcmp(hay.p + i, needle.p, (size_t)needle.n * sizeof(Id)) == 0) {
            return i;
        }
    }
    return -1;
}

/* The list of diffs ------------------------------------------------------------ */

static int
reserve(Work *w, Diffs *d, Py_ssize_t n)
{
    if (n <= d->cap) {
        return 0;
    }
    Py_ssize_t cap = d->cap ? d->cap * 2 : 8;
    while (cap < n) {
        cap *= 2;
    }
    Diff *items = PyMem_Realloc(d->items, (size_t)cap * sizeof(Diff));
    if (items == NULL) {
        w->failed = 1;
        return -1;
    }
    d->items = items;
    d->cap = cap;
    return 0;
}

static int
push(Work *w, Diffs *d, int op, Text t)
{
    if (reserve(w, d, d->n + 1) < 0) {
        return -1;
    }
    d->items[d->n].op = op;
    d->items[d->n].t = t;
    d->n++;
    return 0;
}

/* ``d[at:at + count] = items`` (``n`` of them). */
static int
replace(Work *w, Diffs *d, Py_ssize_t at, Py_ssize_t count, const Diff *items, Py_ssize_t n)
{
    if (at < 0 || count < 0 || at + count > d->n) {
        w->failed = 1;
        return -1;
    }
    if (n > count && reserve(w, d, d->n + n - count) < 0) {
        return -1;
    }
    memmove(d->items + at + n, d->items + at + count,
            (size_t)(d->n - at - count) * sizeof(Diff));
    if (n) {
        memcpy(d->items + at, items, (size_t)n * sizeof(Diff));
    }
    d->n += n - count;
    return 0;
}

static int
insert_at(Work *w, Diffs *d, Py_ssize_t at, int op, Text t)
{
    Diff one = {op, t};
    return replace(w, d, at, 0, &one, 1);
}

static int
extend(Work *w, Diffs *d, const Diffs *more)
{
    return replace(w, d, d->n, 0, more->items, more->n);
}

/* The diff ----------------------------------------------------------------------- */

static void diff_main(Work *w, Text t1, Text t2, Diffs *out);

static void
cleanup_merge(Work *w, Diffs *d)
{
    for (;;) {
        if (push(w, d, EQUAL, EMPTY) < 0) {
            return;
        }
        Py_ssize_t pointer = 0;
        Py_ssize_t count_delete = 0, count_insert = 0;
        Text text_delete = EMPTY, text_insert = EMPTY;
        while (pointer < d->n && !w->failed) {
            int op = d->items[pointer].op;
            Text text = d->items[pointer].t;
            if (op == INSERT) {
                count_insert++;
                text_insert = join(w, text_insert, text);
                pointer++;
            }
            else if (op == DELETE) {
                count_delete++;
                text_delete = join(w, text_delete, text);
                pointer++;
            }
            else {
                if (count_delete + count_insert > 1) {
                    if (count_delete != 0 && count_insert != 0) {
                        Py_ssize_t length = common_prefix(text_insert, text_delete);
                        if (length != 0) {
                            Py_ssize_t x = pointer - count_delete - count_insert - 1;
                            Text head = slice(w, text_insert, 0, length);
                            if (x >= 0 && d->items[x].op == EQUAL) {
                                d->items[x].t = join(w, d->items[x].t, head);
                            }
                            else {
                                if (insert_at(w, d, 0, EQUAL, head) < 0) {
                                    return;
                                }
                                pointer++;
                            }
                            text_insert = slice(w, text_insert, length, text_insert.n);
                            text_delete = slice(w, text_delete, length, text_delete.n);
                        }
                        length = common_suffix(text_insert, text_delete);
                        if (length != 0) {
                            Text tail = slice(w, text_insert, text_insert.n - length, text_insert.n);
                            d->items[pointer].t = join(w, tail, d->items[pointer].t);
                            text_insert = slice(w, text_insert, 0, text_insert.n - length);
                            text_delete = slice(w, text_delete, 0, text_delete.n - length);
                        }
                    }
                    Diff merged[2];
                    Py_ssize_t n = 0;
                    if (text_delete.n) {
                        merged[n].op = DELETE;
                        merged[n++].t = text_delete;
                    }
                    if (text_insert.n) {
                        merged[n].op = INSERT;
                        merged[n++].t = text_insert;
                    }
                    pointer -= count_delete + count_insert;
                    if (replace(w, d, pointer, count_delete + count_insert, merged, n) < 0) {
                        return;
                    }
                    pointer += n + 1;
                }
                else if (pointer != 0 && d->items[pointer - 1].op == EQUAL) {
                    d->items[pointer - 1].t = join(w, d->items[pointer - 1].t, text);
                    if (replace(w, d, pointer, 1, NULL, 0) < 0) {
                        return;
                    }
                }
                else {
                    pointer++;
                }
                count_insert = count_delete = 0;
                text_delete = text_insert = EMPTY;
            }
        }
        if (w->failed) {
            return;
        }
        if (d->n == 0) {
            w->failed = 1; /* (the Python's diffs[-1] would fail) */
            return;
        }
        if (d->items[d->n - 1].t.n == 0) {
            d->n--; /* (the dummy, unless an edit's common end went into it) */
        }
        int changes = 0;
        pointer = 1;
        while (pointer < d->n - 1 && !w->failed) {
            Diff before = d->items[pointer - 1];
            Diff here = d->items[pointer];
            Diff after = d->items[pointer + 1];
            if (before.op == EQUAL && after.op == EQUAL) {
                if (ends_with(here.t, before.t)) {
                    if (before.t.n != 0) { /* shift the edit over the equality before it */
                        d->items[pointer].t =
                            join(w, before.t, slice(w, here.t, 0, here.t.n - before.t.n));
                        d->items[pointer + 1].t = join(w, before.t, after.t);
                    }
                    if (replace(w, d, pointer - 1, 1, NULL, 0) < 0) {
                        return;
                    }
                    changes = 1;
                }
                else if (starts_with(here.t, after.t)) { /* over the equality after it */
                    d->items[pointer - 1].t = join(w, before.t, after.t);
                    d->items[pointer].t =
                        join(w, slice(w, here.t, after.t.n, here.t.n), after.t);
                    if (replace(w, d, pointer + 1, 1, NULL, 0) < 0) {
                        return;
                    }
                    changes = 1;
                }
            }
            pointer++;
        }
        if (!changes || w->failed) {
            return;
        }
    }
}

static void
split(Work *w, Text t1, Text t2, Py_ssize_t x, Py_ssize_t y, Diffs *out)
{
    diff_main(w, slice(w, t1, 0, x), slice(w, t2, 0, y), out);
    diff_main(w, slice(w, t1, x, t1.n), slice(w, t2, y, t2.n), out);
}

/* Myers' middle snake, the diff split there and each half diffed (``_bisect``). */
static void
bisect(Work *w, Text t1, Text t2, Diffs *out)
{
    const Id *a = t1.p, *b = t2.p;
    Py_ssize_t n1 = t1.n, n2 = t2.n;
    Py_ssize_t max_d = (n1 + n2 + 1) / 2;
    Py_ssize_t v_offset = max_d, v_length = 2 * max_d;
    Py_ssize_t *v1 = PyMem_Malloc((size_t)(2 * v_length) * sizeof(Py_ssize_t));
    if (v1 == NULL) {
        w->failed = 1;
        return;
    }
    Py_ssize_t *v2 = v1 + v_length;
    for (Py_ssize_t k = 0; k < 2 * v_length; k++) {
        v1[k] = -1;
    }
    v1[v_offset + 1] = 0;
    v2[v_offset + 1] = 0;
    Py_ssize_t delta = n1 - n2;
    int front = delta % 2 != 0;
    Py_ssize_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (Py_ssize_t d = 0; d < max_d; d++) {
        Py_ssize_t stop = d + 1 - k1end; /* (the range is fixed when the loop starts) */
        for (Py_ssize_t k1 = -d + k1start; k1 < stop; k1 += 2) {
            Py_ssize_t k1_offset = v_offset + k1;
            Py_ssize_t x1;
            if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1])) {
                x1 = v1[k1_offset + 1];
            }
            else {
                x1 = v1[k1_offset - 1] + 1;
            }
            Py_ssize_t y1 = x1 - k1;
            if (x1 < 0 || y1 < 0) {
                w->failed = 1; /* (a negative index: never so in the Python) */
                goto done;
            }
            while (x1 < n1 && y1 < n2 && a[x1] == b[y1]) {
                x1++;
                y1++;
            }
            v1[k1_offset] = x1;
            if (x1 > n1) {
                k1end += 2;
            }
            else if (y1 > n2) {
                k1start += 2;
            }
            else if (front) {
                Py_ssize_t k2_offset = v_offset + delta - k1;
                if (0 <= k2_offset && k2_offset < v_length && v2[k2_offset] != -1 &&
                    x1 >= n1 - v2[k2_offset]) {
                    PyMem_Free(v1);
                    split(w, t1, t2, x1, y1, out);
                    return;
                }
            }
        }
        stop = d + 1 - k2end;
        for (Py_ssize_t k2 = -d + k2start; k2 < stop; k2 += 2) {
            Py_ssize_t k2_offset = v_offset + k2;
            Py_ssize_t x2;
            if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1])) {
                x2 = v2[k2_offset + 1];
            }
            else {
                x2 = v2[k2_offset - 1] + 1;
            }
            Py_ssize_t y2 = x2 - k2;
            if (x2 < 0 || y2 < 0) {
                w->failed = 1;
                goto done;
            }
            while (x2 < n1 && y2 < n2 && a[n1 - x2 - 1] == b[n2 - y2 - 1]) {
                x2++;
                y2++;
            }
            v2[k2_offset] = x2;
            if (x2 > n1) {
                k2end += 2;
            }
            else if (y2 > n2) {
                k2start += 2;
            }
            else if (!front) {
                Py_ssize_t k1_offset = v_offset + delta - k2;
                if (0 <= k1_offset && k1_offset < v_length && v1[k1_offset] != -1) {
                    Py_ssize_t x1 = v1[k1_offset];
                    Py_ssize_t y1 = v_offset + x1 - k1_offset;
                    if (x1 >= n1 - x2) {
                        PyMem_Free(v1);
                        split(w, t1, t2, x1, y1, out);
                        return;
                    }
                }
            }
        }
    }
    push(w, out, DELETE, t1);
    push(w, out, INSERT, t2);
done:
    PyMem_Free(v1);
}

/* The differences of two texts without a common start or end (``_compute``). */
static void
compute(Work *w, Text t1, Text t2, Diffs *out)
{
    if (t1.n == 0) {
        push(w, out, INSERT, t2);
        return;
    }
    if (t2.n == 0) {
        push(w, out, DELETE, t1);
        return;
    }
    Text longer = t1.n > t2.n ? t1 : t2;
    Text shorter = t1.n > t2.n ? t2 : t1;
    Py_ssize_t i = find(longer, shorter);
    if (i != -1) { /* the shorter text inside the longer */
        int side = t1.n > t2.n ? DELETE : INSERT;
        push(w, out, side, slice(w, longer, 0, i));
        push(w, out, EQUAL, shorter);
        push(w, out, side, slice(w, longer, i + shorter.n, longer.n));
        return;
    }
    if (shorter.n == 1) { /* (a single id, not in the other: no equality) */
        push(w, out, DELETE, t1);
        push(w, out, INSERT, t2);
        return;
    }
    bisect(w, t1, t2, out);
}

/* ``diff_main(t1, t2)``'s diffs appended to ``out``. */
static void
diff_main(Work *w, Text t1, Text t2, Diffs *out)
{
    if (w->failed) {
        return;
    }
    if (same(t1, t2)) {
        if (t1.n) {
            push(w, out, EQUAL, t1);
        }
        return;
    }
    Py_ssize_t length = common_prefix(t1, t2);
    Text prefix = slice(w, t1, 0, length);
    t1 = slice(w, t1, length, t1.n);
    t2 = slice(w, t2, length, t2.n);
    length = common_suffix(t1, t2);
    Text suffix = EMPTY;
    if (length) {
        suffix = slice(w, t1, t1.n - length, t1.n);
        t1 = slice(w, t1, 0, t1.n - length);
        t2 = slice(w, t2, 0, t2.n - length);
    }
    Diffs diffs = {NULL, 0, 0};
    compute(w, t1, t2, &diffs);
    if (!w->failed && prefix.n) {
        insert_at(w, &diffs, 0, EQUAL, prefix);
    }
    if (!w->failed && suffix.n) {
        push(w, &diffs, EQUAL, suffix);
    }
    if (!w->failed) {
        cleanup_merge(w, &diffs);
    }
    if (!w->failed) {
        extend(w, out, &diffs);
    }
    PyMem_Free(diffs.items);
}

/* The module's function ---------------------------------------------------------- */

static PyObject *
new_run(Py_ssize_t i, Py_ssize_t j, Py_ssize_t n)
{
    return Py_BuildValue("(nnn)", i, j, n);
}

static int
append_run(PyObject *runs, Py_ssize_t i, Py_ssize_t j, Py_ssize_t n)
{
    PyObject *run = new_run(i, j, n);
    if (run == NULL) {
        return -1;
    }
    int appended = PyList_Append(runs, run);
    Py_DECREF(run);
    return appended;
}

/* The ids of a sequence of ints as an array (PyMem), or NULL with an error set. */
static Id *
ids_of(PyObject *seq, Py_ssize_t *n)
{
    PyObject *fast = PySequence_Fast(seq, "the ids must be a sequence");
    if (fast == NULL) {
        return NULL;
    }
    *n = PySequence_Fast_GET_SIZE(fast);
    Id *out = PyMem_Malloc((size_t)(*n ? *n : 1) * sizeof(Id));
    if (out == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t k = 0; k < *n; k++) {
        out[k] = PyLong_AsLongLong(items[k]);
        if (out[k] == -1 && PyErr_Occurred()) {
            PyMem_Free(out);
            Py_DECREF(fast);
            return NULL;
        }
    }
    Py_DECREF(fast);
    return out;
}

/* Whether two texts share an id (``not set(x).isdisjoint(y)``). */
static int
share_an_id(Text x, Text y)
{
    for (Py_ssize_t i = 0; i < x.n; i++) {
        for (Py_ssize_t j = 0; j < y.n; j++) {
            if (x.p[i] == y.p[j]) {
                return 1;
            }
        }
    }
    return 0;
}

/* ``_trimmed_runs``: the runs when they follow from the common start and end alone
   (into ``runs``, 1), or 0 (ask the diff). */
static int
trimmed(Text a, Text b, Py_ssize_t a_offset, Py_ssize_t b_offset, PyObject *runs, int *answered)
{
    *answered = 0;
    Py_ssize_t shorter = a.n < b.n ? a.n : b.n;
    Py_ssize_t start = 0;
    while (start < shorter && a.p[start] == b.p[start]) {
        start++;
    }
    if (start == a.n && a.n == b.n) {
        *answered = 1;
        return a.n ? append_run(runs, a_offset, b_offset, a.n) : 0;
    }
    Py_ssize_t rest = shorter - start;
    Py_ssize_t end = 0;
    while (end < rest && a.p[a.n - 1 - end] == b.p[b.n - 1 - end]) {
        end++;
    }
    if (start + end == a.n || start + end == b.n) {
        return 0; /* one middle is empty: a merge may shift it */
    }
    Text middle_a = {a.p + start, a.n - end - start};
    Text middle_b = {b.p + start, b.n - end - start};
    if (share_an_id(middle_a, middle_b)) {
        return 0;
    }
    *answered = 1;
    if (start && append_run(runs, a_offset, b_offset, start) < 0) {
        return -1;
    }
    if (end && append_run(runs, a_offset + a.n - end, b_offset + b.n - end, end) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
runs(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "runs(a, b, a_offset, b_offset)");
        return NULL;
    }
    Py_ssize_t a_offset = PyLong_AsSsize_t(args[2]);
    if (a_offset == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t b_offset = PyLong_AsSsize_t(args[3]);
    if (b_offset == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t n_a, n_b;
    Id *ids_a = ids_of(args[0], &n_a);
    if (ids_a == NULL) {
        return NULL;
    }
    Id *ids_b = ids_of(args[1], &n_b);
    if (ids_b == NULL) {
        PyMem_Free(ids_a);
        return NULL;
    }
    Text a = {ids_a, n_a}, b = {ids_b, n_b};
    PyObject *out = PyList_New(0);
    int answered = 0;
    if (out != NULL && trimmed(a, b, a_offset, b_offset, out, &answered) < 0) {
        Py_CLEAR(out);
    }
    if (out != NULL && !answered) {
        Work w = {NULL, 0};
        Diffs diffs = {NULL, 0, 0};
        diff_main(&w, a, b, &diffs);
        if (w.failed) {
            Py_CLEAR(out);
            if (!PyErr_Occurred()) {
                out = Py_NewRef(Py_None); /* (the caller diffs in Python) */
            }
        }
        else {
            Py_ssize_t i = a_offset, j = b_offset;
            for (Py_ssize_t k = 0; k < diffs.n; k++) {
                Py_ssize_t n = diffs.items[k].t.n;
                if (diffs.items[k].op == EQUAL) {
                    if (append_run(out, i, j, n) < 0) {
                        Py_CLEAR(out);
                        break;
                    }
                    i += n;
                    j += n;
                }
                else if (diffs.items[k].op == DELETE) {
                    i += n;
                }
                else {
                    j += n;
                }
            }
        }
        PyMem_Free(diffs.items);
        arena_free(&w);
    }
    PyMem_Free(ids_a);
    PyMem_Free(ids_b);
    return out;
}

static PyMethodDef methods[] = {
    {"runs", (PyCFunction)(void (*)(void))runs, METH_FASTCALL,
     "runs(a, b, a_offset, b_offset): the equal runs of diff-match-patch's diff of two id "
     "lists, or None where the Python must answer."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "word_diff", "Word diffs of changed blocks (compiled path).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_word_diff(void)
{
    return PyModule_Create(&module_def);
}
