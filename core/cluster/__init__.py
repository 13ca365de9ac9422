"""Story families on a Dask cluster: ``redline scan PATH --cluster ADDRESS``.

``stages`` (what runs on the workers: reading, fingerprinting, candidate pairs,
verification, originals and closest documents, each a function of plain lists that
calls the local scan's own per-document and per-pair functions), ``join`` (the
families joined from the verified links, numbered in the local scan's order, in
integer arrays: the client's only share that grows with the archive), ``sources`` (the
documents of a local folder or of an fsspec URL, listed on a worker), ``report``
(the report's rows, kept on the workers and written a partition at a time) and
``run`` (the Dask driver: the shuffles, progress, cancelling). The results are the
local scan's, identical; the client never holds a row per document.

Dask, distributed and fsspec are the optional ``cluster`` extra: only ``run`` imports
Dask and only ``sources`` imports fsspec, both when called.

May import: ``core.families``, ``core.text`` and the shared leaves.
"""
