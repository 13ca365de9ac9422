/* The bit-parallel LCS rows (Hyyro's) shared by ``lcs_bits.c`` and ``move_votes.c``:
a match mask per distinct id of one list (a bit per element), found through an
open-addressed table, and a row per element of the other list, ``row = (row + u) |
(row & ~match)``, ``u = row & match``, the sum carried across 64-bit words. After the
last row, the LCS's length is the width less the bits still set.
*/

#ifndef REDLINE_LCS_ROWS_H
#define REDLINE_LCS_ROWS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static int
bits_set(uint64_t word)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(word);
#else
    int n = 0;
    for (; word; word &= word - 1) {
        n++;
    }
    return n;
#endif
}

/* The match masks of ``width`` ids: ``words`` words per distinct id, found through an
   open-addressed table of ``slots`` (a power of two). */
typedef struct {
    long long *keys;
    Py_ssize_t *index; /* -1: empty */
    uint64_t *masks;
    Py_ssize_t slots, words;
} Masks;

static Py_ssize_t
slot_of(const Masks *m, long long key)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ULL;
    Py_ssize_t s = (Py_ssize_t)(h >> 32) & (m->slots - 1);
    while (m->index[s] >= 0 && m->keys[s] != key) {
        s = (s + 1) & (m->slots - 1);
    }
    return s;
}

static int
build_masks(Masks *m, const long long *ids, Py_ssize_t width)
{
    m->words = (width + 63) / 64;
    m->slots = 16;
    while (m->slots < 2 * width) {
        m->slots <<= 1;
    }
    m->keys = PyMem_Malloc((size_t)m->slots * sizeof(long long));
    m->index = PyMem_Malloc((size_t)m->slots * sizeof(Py_ssize_t));
    m->masks = PyMem_Calloc((size_t)(width ? width : 1) * (size_t)m->words, sizeof(uint64_t));
    if (m->keys == NULL || m->index == NULL || m->masks == NULL) {
        PyMem_Free(m->keys);
        PyMem_Free(m->index);
        PyMem_Free(m->masks);
        PyErr_NoMemory();
        return -1;
    }
    memset(m->index, 0xff, (size_t)m->slots * sizeof(Py_ssize_t));
    Py_ssize_t distinct = 0;
    for (Py_ssize_t k = 0; k < width; k++) {
        Py_ssize_t s = slot_of(m, ids[k]);
        if (m->index[s] < 0) {
            m->keys[s] = ids[k];
            m->index[s] = distinct++;
        }
        m->masks[m->index[s] * m->words + k / 64] |= (uint64_t)1 << (k % 64);
    }
    return 0;
}

static void
free_masks(Masks *m)
{
    PyMem_Free(m->keys);
    PyMem_Free(m->index);
    PyMem_Free(m->masks);
}

/* One row after ``previous`` for the id ``key``: row = (row + u) | (row & ~match),
   u = row & match, the sum carried across words; bits past ``width`` cleared. */
static void
next_row(const Masks *m, long long key, const uint64_t *previous, uint64_t *row,
         uint64_t top_mask)
{
    Py_ssize_t s = slot_of(m, key);
    const uint64_t *match = m->index[s] >= 0 ? m->masks + m->index[s] * m->words : NULL;
    uint64_t carry = 0;
    for (Py_ssize_t w = 0; w < m->words; w++) {
        uint64_t x = previous[w];
        uint64_t mw = match ? match[w] : 0;
        uint64_t u = x & mw;
        uint64_t sum = x + u;
        uint64_t c1 = sum < x;
        uint64_t total = sum + carry;
        uint64_t c2 = total < sum;
        carry = c1 | c2;
        row[w] = total | (x & ~mw);
    }
    row[m->words - 1] &= top_mask;
}

/* The row before any element of the other list: every bit of the width set. */
static void
first_row(uint64_t *row, Py_ssize_t words, uint64_t top_mask)
{
    for (Py_ssize_t w = 0; w < words; w++) {
        row[w] = ~(uint64_t)0;
    }
    row[words - 1] &= top_mask;
}

/* The bits of the last word a row of ``width`` bits uses. */
static uint64_t
top_mask_of(Py_ssize_t width)
{
    return (width % 64) ? (((uint64_t)1 << (width % 64)) - 1) : ~(uint64_t)0;
}

#endif
