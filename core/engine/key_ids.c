/* Units' keys numbered in C (the compiled path).

``core.engine.compare`` aligns numbers, not strings: each distinct key gets an id in the
order keys first occur, the old text's then the new one's, and every unit is replaced
by its key's id. In Python that is a dict of the distinct keys, a dict from them to
counted ids, and a map of every unit through it: three passes over the units and
a method call a unit. ``ids_of(keys, table)`` numbers the keys not yet in ``table`` as
it meets them (the next id is ``len(table)``) and returns every unit's id, in one pass
and one look-up a unit; the ids are the table's own int objects.

``tests/test_key_ids.py`` checks it against ``compare.ids_in_python``.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

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
        PyObject *id = PyDict_GetItemWithError(table, items[k]); /* borrowed */
        if (id == NULL) {
            if (PyErr_Occurred()) {
                goto failed;
            }
            PyObject *fresh = PyLong_FromSsize_t(PyDict_GET_SIZE(table));
            if (fresh == NULL) {
                goto failed;
            }
            int stored = PyDict_SetItem(table, items[k], fresh);
            Py_DECREF(fresh); /* (the table holds it) */
            if (stored < 0) {
                goto failed;
            }
            id = fresh;
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

static PyMethodDef methods[] = {
    {"ids_of", (PyCFunction)(void (*)(void))ids_of, METH_FASTCALL,
     "Each key's id in table (new keys numbered on as met); the table grows."},
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
