"""Background work: what the jobs run (``loading``: comparing two files, listing a
folder) and the job dispatcher (``jobs``). Large comparisons run in a child process
(``gui.common.engine_process``, shared with the N-way jobs). Nothing here draws.

May import: ``core``, ``gui.common`` and the view plan of ``gui.compare``.
"""
