/* glibc's mallopt, called from C (the compiled path).

``core.engine.heap`` fixes two of glibc's allocator settings for long comparisons.
Without a build it reaches ``mallopt`` through ``ctypes``, whose import is 2-3 ms of
the start of every long comparison (before the work can go on two cores); this
module is the same call without it.

``set_option(parameter, value) -> int``: mallopt's own answer (1 done, 0 not), and 0
where the C library is not glibc (``musl`` has no such settings).
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

static PyObject *
set_option(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "set_option(parameter, value)");
        return NULL;
    }
    long parameter = PyLong_AsLong(args[0]);
    if (parameter == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long value = PyLong_AsLong(args[1]);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (parameter < INT_MIN || parameter > INT_MAX || value < INT_MIN || value > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "mallopt takes C ints");
        return NULL;
    }
#ifdef __GLIBC__
    return PyLong_FromLong(mallopt((int)parameter, (int)value));
#else
    (void)parameter;
    (void)value;
    return PyLong_FromLong(0);
#endif
}

static PyMethodDef methods[] = {
    {"set_option", (PyCFunction)(void (*)(void))set_option, METH_FASTCALL,
     "glibc's mallopt(parameter, value): 1 when set, 0 when not (or not glibc)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "malloc_options", "glibc's mallopt (compiled path).", -1, methods,
};

PyMODINIT_FUNC
PyInit_malloc_options(void)
{
    return PyModule_Create(&module_def);
}
