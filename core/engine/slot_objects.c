/* Instances of a frozen, slotted dataclass made in C (the compiled path).

``core.model``'s ``Op``, ``Block`` and ``SentenceRow`` are frozen dataclasses with
slots: their generated ``__init__`` is Python that sets each field through
``object.__setattr__``, 0.5-0.6 us an object. A 1 MB pair's comparison makes 18,600 ops,
10,000 blocks and 10,000 rows: 20 ms, most of it before the work can go on two cores.

``maker(cls, fields) -> make``: ``make(*values)`` is a new ``cls`` whose slots
``fields`` (its dataclass fields, in the order of its ``__init__``) hold ``values``: the
object ``cls(*values)`` gives, every field given. ``maker`` refuses a class whose
fields are not all plain object slots of that class (``ValueError``); ``make`` refuses
another number of values (``TypeError``). The class must have no ``__post_init__``
(``core.engine.made`` asks before it uses this).

A named tuple (a subclass of ``tuple`` without a ``__dict__``: ``core.flags.pooled``'s
``Word`` and ``Change``, whose ``__new__`` is Python too) is made the same way, its items
being its fields.

``tests/test_slot_objects.py`` checks it against the classes' own ``__init__``.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyTypeObject *type;
    Py_ssize_t count;
    int items; /* a tuple's: its fields are its items, not slots */
    Py_ssize_t offsets[];
} Layout;

static const char *CAPSULE = "redline.slot_objects.layout";

static void
free_layout(PyObject *capsule)
{
    Layout *layout = PyCapsule_GetPointer(capsule, CAPSULE);
    if (layout != NULL) {
        Py_XDECREF(layout->type);
        PyMem_Free(layout);
    }
}

static PyObject *
make(PyObject *capsule, PyObject *const *args, Py_ssize_t nargs)
{
    Layout *layout = PyCapsule_GetPointer(capsule, CAPSULE);
    if (layout == NULL) {
        return NULL;
    }
    if (nargs != layout->count) {
        PyErr_Format(PyExc_TypeError, "%s takes %zd values here (%zd given)",
                     layout->type->tp_name, layout->count, nargs);
        return NULL;
    }
    PyObject *made = layout->type->tp_alloc(layout->type, layout->items ? nargs : 0);
    if (made == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < nargs; k++) {
        Py_INCREF(args[k]);
        if (layout->items) {
            PyTuple_SET_ITEM(made, k, args[k]);
        }
        else {
            *(PyObject **)((char *)made + layout->offsets[k]) = args[k];
        }
    }
    return made;
}

static PyMethodDef make_def = {
    "make", (PyCFunction)(void (*)(void))make, METH_FASTCALL,
    "A new object of the class, its fields holding the values given (all of them).",
};

static PyObject *
maker(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyType_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "maker(cls, fields: tuple[str, ...])");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[0];
    PyObject *fields = args[1];
    Py_ssize_t count = PyTuple_GET_SIZE(fields);
    if (type->tp_alloc == NULL || type->tp_dictoffset != 0) {
        PyErr_Format(PyExc_ValueError, "%s is not a slotted class", type->tp_name);
        return NULL;
    }
    Layout *layout = PyMem_Malloc(sizeof(Layout) + (size_t)count * sizeof(Py_ssize_t));
    if (layout == NULL) {
        return PyErr_NoMemory();
    }
    layout->type = NULL;
    layout->count = count;
    layout->items = PyType_IsSubtype(type, &PyTuple_Type);
    if (layout->items && type->tp_itemsize != (Py_ssize_t)sizeof(PyObject *)) {
        PyMem_Free(layout);
        PyErr_Format(PyExc_ValueError, "%s is not a plain tuple", type->tp_name);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count && !layout->items; k++) {
        PyObject *name = PyTuple_GET_ITEM(fields, k);
        PyObject *found = PyUnicode_Check(name) ? _PyType_Lookup(type, name) : NULL;
        int plain = found != NULL && Py_IS_TYPE(found, &PyMemberDescr_Type) &&
                    ((PyMemberDescrObject *)found)->d_common.d_type == type &&
                    ((PyMemberDescrObject *)found)->d_member->type == T_OBJECT_EX &&
                    !(((PyMemberDescrObject *)found)->d_member->flags & READONLY);
        if (!plain) {
            PyMem_Free(layout);
            PyErr_Format(PyExc_ValueError, "field %R of %s is not a slot of its own",
                         name, type->tp_name);
            return NULL;
        }
        layout->offsets[k] = ((PyMemberDescrObject *)found)->d_member->offset;
    }
    PyObject *capsule = PyCapsule_New(layout, CAPSULE, free_layout);
    if (capsule == NULL) {
        PyMem_Free(layout);
        return NULL;
    }
    Py_INCREF(type);
    layout->type = type;
    PyObject *bound = PyCFunction_New(&make_def, capsule);
    Py_DECREF(capsule);
    return bound;
}

static PyMethodDef methods[] = {
    {"maker", (PyCFunction)(void (*)(void))maker, METH_FASTCALL,
     "maker(cls, fields): a function making cls objects from all their field values."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "slot_objects", "Slotted dataclass objects made in C (compiled path).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit_slot_objects(void)
{
    return PyModule_Create(&module_def);
}
