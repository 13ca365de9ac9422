/* The signal a child gets when its parent goes, set without ctypes (the compiled path).

``core.engine.aside`` has each child it forks stopped by the system when the process
that forked it goes (a window's engine child killed on cancel): Linux's ``prctl``
with ``PR_SET_PDEATHSIG``. Through ``ctypes`` that is an import of 3 ms in every
child, the flags child's first 3 ms; this is the same call without it.

``set_parent_death_signal(signal) -> bool``: whether it was set (False off Linux).
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

static PyObject *
set_parent_death_signal(PyObject *module, PyObject *signal_number)
{
    (void)module;
    long number = PyLong_AsLong(signal_number);
    if (number == -1 && PyErr_Occurred()) {
        return NULL;
    }
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, (unsigned long)number, 0, 0, 0) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_TRUE;
#else
    Py_RETURN_FALSE;
#endif
}

static PyMethodDef methods[] = {
    {"set_parent_death_signal", set_parent_death_signal, METH_O,
     "prctl(PR_SET_PDEATHSIG, signal): True when set, False where there is no such call."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "parent_death", "A child's signal when its parent goes (compiled path).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit_parent_death(void)
{
    return PyModule_Create(&module_def);
}
