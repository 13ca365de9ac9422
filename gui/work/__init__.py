"""Background work: what the jobs run (``loading``: comparing two files, listing a
folder), the job dispatcher (``jobs``) and the child process for large comparisons
(``engine_process``). Nothing here draws.

May import: ``core``, ``gui.common`` and the view plan of ``gui.compare``.
"""
