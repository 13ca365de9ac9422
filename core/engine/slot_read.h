/* Reading the engine's objects in C without writing to them (the compiled path's kernels).

A field read with ``PyObject_GetAttr`` comes back as a new reference: its reference
count is written, and written back when it is released. Once the command line has
forked the child that checks the flags (``core.engine.aside.shared``), every page the
two processes share is copied the first time either writes to it, about 3 us a page:
the rows and the JSON of a 1 MB pair's blocks, made in the parent after the fork, read
every block's and op's spans, and copied some 5,000 pages that way (24 ms for rows
that take 9 ms without a child, 16 ms for JSON that takes 8).

``field`` reads a slot of a slotted class (``@dataclass(slots=True)``: ``Block``,
``Op``, ``SentenceRow``) where the object keeps it, as a borrowed reference, and falls
back to ``PyObject_GetAttr`` for anything else (a property, a class without slots).
``span_ends`` reads the two ints of a span tuple the same way. Neither runs Python
code on the fast path, so what they read stays alive while the caller uses it: its
owner holds it.
*/

#ifndef REDLINE_SLOT_READ_H
#define REDLINE_SLOT_READ_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* Where one attribute sits in the objects of the type last seen at a call site. */
typedef struct {
    PyTypeObject *type; /* held: a freed type's address reused would mislead */
    Py_ssize_t offset;  /* -1: not a plain slot of that type (read with getattr) */
} SlotAt;

static Py_ssize_t
slot_offset(PyTypeObject *type, PyObject *name)
{
    PyObject *found = _PyType_Lookup(type, name);
    if (found == NULL || !Py_IS_TYPE(found, &PyMemberDescr_Type)) {
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)found)->d_member;
    return member->type == T_OBJECT_EX ? member->offset : -1;
}

/* ``name`` of ``owner``: borrowed where ``owner``'s type keeps it in a slot; else a new
   reference, also put in ``*held`` for the caller to release (``Py_XDECREF``).
   NULL on an error. */
static inline PyObject *
field(PyObject *owner, PyObject *name, SlotAt *at, PyObject **held)
{
    *held = NULL;
    PyTypeObject *type = Py_TYPE(owner);
    if (at->type != type) {
        Py_INCREF(type);
        Py_XDECREF(at->type);
        at->type = type;
        at->offset = slot_offset(type, name);
    }
    if (at->offset >= 0) {
        PyObject *value = *(PyObject **)((char *)owner + at->offset);
        if (value != NULL) {
            return value;
        }
    }
    *held = PyObject_GetAttr(owner, name);
    return *held;
}

/* The two ints of ``span`` when it is a tuple of two exact ints that fit: 1, with
   ``*start`` and ``*end`` set; 0 when it is not (the caller reads it otherwise). No
   reference is taken and no error is left. */
static inline int
span_ends(PyObject *span, long long *start, long long *end)
{
    if (!PyTuple_CheckExact(span) || PyTuple_GET_SIZE(span) != 2) {
        return 0;
    }
    PyObject *ends[2] = {PyTuple_GET_ITEM(span, 0), PyTuple_GET_ITEM(span, 1)};
    long long values[2];
    for (int k = 0; k < 2; k++) {
        if (!PyLong_CheckExact(ends[k])) {
            return 0;
        }
        int overflow = 0;
        values[k] = PyLong_AsLongLongAndOverflow(ends[k], &overflow);
        if (overflow || (values[k] == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            return 0;
        }
    }
    *start = values[0];
    *end = values[1];
    return 1;
}

#endif
