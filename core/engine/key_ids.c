/* Units' keys numbered in C (the compiled path).

``core.engine.compare`` aligns numbers, not strings: each distinct key gets an id in the
order keys first occur, the old text's then the new one's, and every unit is replaced
by its key's id. In Python that is a dict of the distinct keys, a dict from them to
counted ids, and a map of every unit through it: three passes over the units and
a method call a unit. ``ids_of(keys, table)`` numbers the keys not yet in ``table`` as
it meets them (the next id is ``len(table)``) and returns every unit's id, in one pass
and one look-up a unit; the ids are the table's own int objects.

``word_counts(a, words_a, b, words_b, size)`` counts, for each id below ``size``, the
units of both sides that are words (their weight true): ``Counter(compress(ids,
words))`` of each side added, a dict update a unit, in one pass into an array.

``running_totals(words) -> bytes``: the running totals of the units' weights, from 0,
as signed 64-bit integers (``array("q")``'s bytes): ``totals[j] - totals[i]`` is
``sum(words[i:j])``, which the engine asks for every draft and every op (moves,
statistics) and Python answered with a slice copied and summed each time.

``packed_keys(keys) -> (vocabulary, ids)`` and ``unpacked_keys(vocabulary, ids)``: a
side's units as the units child sends them (``core.engine.tokens.Tokens.__reduce__``).
The keys of a side are a few thousand strings, each shared by the units it keys;
pickled, each of the 200,000 units of a 1 MB side costs the pickler a look-up in its
memo, and the unpickler one more. Packed, the distinct key objects are listed once (by
identity, as the memo tells them apart: the same sharing comes back) and each unit is
its key's index, 4 bytes. ``packed_weights(words)``: the units' weights as one byte
each (None when one is not an int in 0-255), ``unpacked_weights`` the tuple again.

``ids_through(vocabulary, ids, table)``: ``ids_of`` of the keys ``unpacked_keys`` makes
of them, without the keys: each distinct key object is looked up in the table once,
when its first unit is met, and the others take its id (the new side's units, as they
come from the child: 180,000 look-ups, 3.7 ms, become 13,500).

``tests/test_key_ids.py`` checks them against ``compare.ids_in_python`` and
``compare.word_tally_in_python``, and the packing against its Python
(``core.engine.tokens``).
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* ``key``'s id in ``table`` (borrowed: the table holds it), numbered on from
   ``len(table)`` when it is not there yet; NULL on an error. */
static PyObject *
table_id(PyObject *table, PyObject *key)
{
    PyObject *id = PyDict_GetItemWithError(table, key);
    if (id != NULL || PyErr_Occurred()) {
        return id;
    }
    PyObject *fresh = PyLong_FromSsize_t(PyDict_GET_SIZE(table));
    if (fresh == NULL) {
        return NULL;
    }
    int stored = PyDict_SetItem(table, key, fresh);
    Py_DECREF(fresh); /* (the table holds it) */
    return stored < 0 ? NULL : fresh;
}

static PyObject *
ids_of(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyDict_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "ids_of(keys, table: dict)");
        return NULL;
    }
    PyObject *table = args[1];
    PyObject *keys = PySequence_Fast(args[0], "keys must be a sequence");
    if (keys == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(keys);
    PyObject **items = PySequence_Fast_ITEMS(keys);
    PyObject *ids = PyList_New(n);
    if (ids == NULL) {
        Py_DECREF(keys);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *id = table_id(table, items[k]);
        if (id == NULL) {
            goto failed;
        }
        Py_INCREF(id);
        PyList_SET_ITEM(ids, k, id);
    }
    Py_DECREF(keys);
    return ids;

failed:
    Py_DECREF(keys);
    Py_DECREF(ids);
    return NULL;
}

/* The units of one side counted as words into counts[id] (a unit whose weight is
   true counts once for its id). */
static int
count_side(PyObject *ids_arg, PyObject *words_arg, Py_ssize_t *counts, Py_ssize_t size)
{
    PyObject *ids = PySequence_Fast(ids_arg, "ids must be a sequence");
    if (ids == NULL) {
        return -1;
    }
    PyObject *words = PySequence_Fast(words_arg, "words must be a sequence");
    if (words == NULL) {
        Py_DECREF(ids);
        return -1;
    }
    int failed = 0;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(ids);
    if (PySequence_Fast_GET_SIZE(words) != n) {
        PyErr_SetString(PyExc_ValueError, "ids and words differ in length");
        failed = 1;
    }
    PyObject **id_items = PySequence_Fast_ITEMS(ids);
    PyObject **word_items = PySequence_Fast_ITEMS(words);
    for (Py_ssize_t k = 0; k < n && !failed; k++) {
        int is_word = PyObject_IsTrue(word_items[k]);
        if (is_word < 0) {
            failed = 1;
            break;
        }
        if (!is_word) {
            continue;
        }
        Py_ssize_t id = PyLong_AsSsize_t(id_items[k]);
        if (id == -1 && PyErr_Occurred()) {
            failed = 1;
            break;
        }
        if (id < 0 || id >= size) {
            PyErr_SetString(PyExc_IndexError, "an id beyond the size given");
            failed = 1;
            break;
        }
        counts[id] += 1;
    }
    Py_DECREF(ids);
    Py_DECREF(words);
    return failed ? -1 : 0;
}

static PyObject *
word_counts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "word_counts(a, words_a, b, words_b, size)");
        return NULL;
    }
    Py_ssize_t size = PyLong_AsSsize_t(args[4]);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "a negative size");
        return NULL;
    }
    Py_ssize_t *counts = PyMem_Calloc((size_t)(size ? size : 1), sizeof(Py_ssize_t));
    if (counts == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *out = NULL;
    if (count_side(args[0], args[1], counts, size) == 0
        && count_side(args[2], args[3], counts, size) == 0) {
        out = PyList_New(size);
        for (Py_ssize_t k = 0; out != NULL && k < size; k++) {
            PyObject *value = PyLong_FromSsize_t(counts[k]);
            if (value == NULL) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, k, value);
        }
    }
    PyMem_Free(counts);
    return out;
}

static PyObject *
running_totals(PyObject *module, PyObject *words)
{
    (void)module;
    PyObject *items = PySequence_Fast(words, "words must be a sequence");
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    PyObject *out = PyBytes_FromStringAndSize(NULL, (n + 1) * (Py_ssize_t)sizeof(long long));
    if (out == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    long long *totals = (long long *)PyBytes_AS_STRING(out);
    PyObject **weights = PySequence_Fast_ITEMS(items);
    long long total = 0;
    totals[0] = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        long long weight = PyLong_AsLongLong(weights[k]);
        if (weight == -1 && PyErr_Occurred()) {
            Py_DECREF(items);
            Py_DECREF(out);
            return NULL;
        }
        total += weight;
        totals[k + 1] = total;
    }
    Py_DECREF(items);
    return out;
}

/* An open-addressed table of objects by identity: each one's index in ``listed``. */
typedef struct {
    PyObject **objects;
    uint32_t *indices;
    size_t mask;
    size_t used;
} Identities;

static size_t
identity_slot(const Identities *table, PyObject *object)
{
    size_t slot = (size_t)(((uintptr_t)object >> 4) * (uintptr_t)0x9E3779B97F4A7C15ULL) & table->mask;
    while (table->objects[slot] != NULL && table->objects[slot] != object) {
        slot = (slot + 1) & table->mask;
    }
    return slot;
}

static int
identities_grow(Identities *table)
{
    Identities wider = {NULL, NULL, table->mask * 2 + 1, table->used};
    wider.objects = PyMem_Calloc(wider.mask + 1, sizeof(PyObject *));
    wider.indices = PyMem_Malloc((wider.mask + 1) * sizeof(uint32_t));
    if (wider.objects == NULL || wider.indices == NULL) {
        PyMem_Free(wider.objects);
        PyMem_Free(wider.indices);
        PyErr_NoMemory();
        return -1;
    }
    for (size_t k = 0; k <= table->mask; k++) {
        if (table->objects[k] != NULL) {
            size_t slot = identity_slot(&wider, table->objects[k]);
            wider.objects[slot] = table->objects[k];
            wider.indices[slot] = table->indices[k];
        }
    }
    PyMem_Free(table->objects);
    PyMem_Free(table->indices);
    *table = wider;
    return 0;
}

static PyObject *
packed_keys(PyObject *module, PyObject *keys_arg)
{
    (void)module;
    PyObject *keys = PySequence_Fast(keys_arg, "keys must be a sequence");
    if (keys == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(keys);
    PyObject **items = PySequence_Fast_ITEMS(keys);
    PyObject *listed = PyList_New(0);
    PyObject *ids = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(uint32_t));
    Identities table = {PyMem_Calloc(1024, sizeof(PyObject *)), PyMem_Malloc(1024 * sizeof(uint32_t)), 1023, 0};
    PyObject *result = NULL;
    if (listed == NULL || ids == NULL || table.objects == NULL || table.indices == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        goto done;
    }
    uint32_t *out = (uint32_t *)PyBytes_AS_STRING(ids);
    for (Py_ssize_t k = 0; k < n; k++) {
        size_t slot = identity_slot(&table, items[k]);
        if (table.objects[slot] == NULL) {
            if (table.used >= UINT32_MAX) {
                PyErr_SetString(PyExc_OverflowError, "too many distinct keys");
                goto done;
            }
            if (PyList_Append(listed, items[k]) < 0) {
                goto done;
            }
            table.objects[slot] = items[k]; /* (the list holds it) */
            table.indices[slot] = (uint32_t)table.used++;
            out[k] = table.indices[slot];
            if (table.used * 2 > table.mask && identities_grow(&table) < 0) {
                goto done;
            }
        }
        else {
            out[k] = table.indices[slot];
        }
    }
    result = PyTuple_Pack(2, listed, ids);

done:
    PyMem_Free(table.objects);
    PyMem_Free(table.indices);
    Py_XDECREF(listed);
    Py_XDECREF(ids);
    Py_DECREF(keys);
    return result;
}

static PyObject *
unpacked_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyList_CheckExact(args[0]) || !PyBytes_CheckExact(args[1]) ||
        PyBytes_GET_SIZE(args[1]) % (Py_ssize_t)sizeof(uint32_t) != 0) {
        PyErr_SetString(PyExc_TypeError, "unpacked_keys(vocabulary: list, ids: bytes of 4-byte ids)");
        return NULL;
    }
    PyObject *listed = args[0];
    Py_ssize_t size = PyList_GET_SIZE(listed);
    Py_ssize_t n = PyBytes_GET_SIZE(args[1]) / (Py_ssize_t)sizeof(uint32_t);
    const uint32_t *ids = (const uint32_t *)PyBytes_AS_STRING(args[1]);
    PyObject *keys = PyTuple_New(n);
    if (keys == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if ((Py_ssize_t)ids[k] >= size) {
            Py_DECREF(keys);
            PyErr_SetString(PyExc_ValueError, "an id beyond the vocabulary");
            return NULL;
        }
        PyObject *key = PyList_GET_ITEM(listed, ids[k]);
        Py_INCREF(key);
        PyTuple_SET_ITEM(keys, k, key);
    }
    return keys;
}

/* ``ids_of(unpacked_keys(vocabulary, ids), table)``, without the keys: each distinct
   key looked up once, when its first unit is met, and every unit given its key's id
   (the ids are the table's own int objects). */
static PyObject *
ids_through(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyList_CheckExact(args[0]) || !PyBytes_CheckExact(args[1]) ||
        PyBytes_GET_SIZE(args[1]) % (Py_ssize_t)sizeof(uint32_t) != 0 ||
        !PyDict_CheckExact(args[2])) {
        PyErr_SetString(PyExc_TypeError,
                        "ids_through(vocabulary: list, ids: bytes of 4-byte ids, table: dict)");
        return NULL;
    }
    PyObject *listed = args[0], *table = args[2];
    Py_ssize_t size = PyList_GET_SIZE(listed);
    Py_ssize_t n = PyBytes_GET_SIZE(args[1]) / (Py_ssize_t)sizeof(uint32_t);
    const uint32_t *ids = (const uint32_t *)PyBytes_AS_STRING(args[1]);
    PyObject **found = PyMem_Calloc((size_t)(size ? size : 1), sizeof(PyObject *));
    if (found == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        PyMem_Free(found);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if ((Py_ssize_t)ids[k] >= size) {
            PyErr_SetString(PyExc_ValueError, "an id beyond the vocabulary");
            goto failed;
        }
        PyObject *id = found[ids[k]]; /* borrowed: the table holds it */
        if (id == NULL) {
            id = found[ids[k]] = table_id(table, PyList_GET_ITEM(listed, ids[k]));
            if (id == NULL) {
                goto failed;
            }
        }
        Py_INCREF(id);
        PyList_SET_ITEM(out, k, id);
    }
    PyMem_Free(found);
    return out;

failed:
    PyMem_Free(found);
    Py_DECREF(out);
    return NULL;
}

static PyObject *
packed_weights(PyObject *module, PyObject *words)
{
    (void)module;
    PyObject *items = PySequence_Fast(words, "words must be a sequence");
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    unsigned char *bytes = (unsigned char *)PyBytes_AS_STRING(out);
    PyObject **weights = PySequence_Fast_ITEMS(items);
    for (Py_ssize_t k = 0; k < n; k++) {
        int overflow = 0;
        long weight = PyLong_CheckExact(weights[k]) ? PyLong_AsLongAndOverflow(weights[k], &overflow) : -1;
        if (weight < 0 || weight > 255 || overflow) {
            PyErr_Clear();
            Py_DECREF(items);
            Py_DECREF(out);
            Py_RETURN_NONE; /* (not all bytes: the caller keeps the tuple) */
        }
        bytes[k] = (unsigned char)weight;
    }
    Py_DECREF(items);
    return out;
}

static PyObject *
unpacked_weights(PyObject *module, PyObject *data)
{
    (void)module;
    if (!PyBytes_CheckExact(data)) {
        PyErr_SetString(PyExc_TypeError, "unpacked_weights(data: bytes)");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(data);
    const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(data);
    PyObject *words = PyTuple_New(n);
    if (words == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *weight = PyLong_FromLong(bytes[k]); /* (small ints: shared) */
        if (weight == NULL) {
            Py_DECREF(words);
            return NULL;
        }
        PyTuple_SET_ITEM(words, k, weight);
    }
    return words;
}

static PyMethodDef methods[] = {
    {"ids_of", (PyCFunction)(void (*)(void))ids_of, METH_FASTCALL,
     "Each key's id in table (new keys numbered on as met); the table grows."},
    {"word_counts", (PyCFunction)(void (*)(void))word_counts, METH_FASTCALL,
     "How often each id 0 .. size - 1 is a word in a and in b (by their weights)."},
    {"running_totals", running_totals, METH_O,
     "The running totals of the weights, from 0, as bytes of signed 64-bit integers."},
    {"packed_keys", packed_keys, METH_O,
     "(vocabulary, ids): the distinct key objects in order met, each key's index (4 bytes)."},
    {"unpacked_keys", (PyCFunction)(void (*)(void))unpacked_keys, METH_FASTCALL,
     "The keys again, a tuple, from the vocabulary and the ids of packed_keys."},
    {"ids_through", (PyCFunction)(void (*)(void))ids_through, METH_FASTCALL,
     "ids_of(unpacked_keys(vocabulary, ids), table), each distinct key looked up once."},
    {"packed_weights", packed_weights, METH_O,
     "The weights as one byte each, or None when one is not an int in 0-255."},
    {"unpacked_weights", unpacked_weights, METH_O, "The weights again, a tuple of ints."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "key_ids", "Units' keys numbered (compiled path).", -1, methods,
};

PyMODINIT_FUNC
PyInit_key_ids(void)
{
    return PyModule_Create(&module_def);
}
