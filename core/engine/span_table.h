/* A table of a text's spans by their spelling, for the kernels in C that meet the
same few thousand spellings tens of thousands of times (``unit_scan.c``: a unit's key;
``core/flags/spelled_words.c``: a text's distinct words). A span is hashed where it
stands in the text (FNV-1a over its code points, 64 bits: ``span_hash``; built a
character at a time with ``SPAN_HASH_START`` and ``span_hash_step``, as
``paragraph_scan.c`` hashes a spelling it never writes out) and compared with the span already
filed under that hash, so a spelling met again costs no string, no Python hash and no
dict look-up. Each slot holds two objects the caller files with the span (borrowed:
the caller keeps them alive while the table is used).

Open addressing, linear probing, at most half full: linear in the spans filed.
*/

#ifndef REDLINE_SPAN_TABLE_H
#define REDLINE_SPAN_TABLE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

typedef struct {
    Py_ssize_t start; /* -1: an empty slot */
    Py_ssize_t length;
    uint64_t hash;
    PyObject *first;
    PyObject *second;
} SpanSlot;

typedef struct {
    SpanSlot *slots;
    Py_ssize_t size; /* a power of two */
    Py_ssize_t used;
} SpanTable;

static inline int
span_table_init(SpanTable *table, Py_ssize_t size)
{
    table->slots = PyMem_New(SpanSlot, size);
    if (table->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < size; k++) {
        table->slots[k].start = -1;
    }
    table->size = size;
    table->used = 0;
    return 0;
}

static inline void
span_table_free(SpanTable *table)
{
    PyMem_Free(table->slots);
    table->slots = NULL;
}

#define SPAN_HASH_START ((uint64_t)14695981039346656037ULL)

/* The hash so far, one more code point taken in (FNV-1a). */
static inline uint64_t
span_hash_step(uint64_t hash, Py_UCS4 c)
{
    return (hash ^ (uint64_t)c) * (uint64_t)1099511628211ULL;
}

static inline uint64_t
span_hash(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t hash = SPAN_HASH_START;
    for (Py_ssize_t k = start; k < end; k++) {
        hash = span_hash_step(hash, PyUnicode_READ(kind, data, k));
    }
    return hash;
}

/* The slot of the span ``[start, start + length)`` of ``data`` (of ``kind``) hashed
   ``hash``: the one filed with the same spelling (``*found`` 1), or the empty slot
   where it goes (``*found`` 0; fill it, then ``span_table_filed``). */
static inline SpanSlot *
span_table_slot(SpanTable *table, int kind, const void *data, Py_ssize_t start,
                Py_ssize_t length, uint64_t hash, int *found)
{
    Py_ssize_t mask = table->size - 1;
    Py_ssize_t at = (Py_ssize_t)(hash & (uint64_t)mask);
    while (table->slots[at].start >= 0) {
        SpanSlot *slot = &table->slots[at];
        if (slot->hash == hash && slot->length == length &&
            memcmp((const char *)data + slot->start * kind, (const char *)data + start * kind,
                   (size_t)(length * kind)) == 0) {
            *found = 1;
            return slot;
        }
        at = (at + 1) & mask;
    }
    *found = 0;
    return &table->slots[at];
}

/* A slot just filled: counted, and the table doubled when half full. */
static inline int
span_table_filed(SpanTable *table)
{
    table->used++;
    if (table->used * 2 <= table->size) {
        return 0;
    }
    SpanTable bigger;
    if (span_table_init(&bigger, table->size * 2) < 0) {
        return -1;
    }
    Py_ssize_t mask = bigger.size - 1;
    for (Py_ssize_t k = 0; k < table->size; k++) {
        SpanSlot slot = table->slots[k];
        if (slot.start < 0) {
            continue;
        }
        Py_ssize_t at = (Py_ssize_t)(slot.hash & (uint64_t)mask);
        while (bigger.slots[at].start >= 0) {
            at = (at + 1) & mask;
        }
        bigger.slots[at] = slot;
    }
    bigger.used = table->used;
    PyMem_Free(table->slots);
    *table = bigger;
    return 0;
}

#endif
