"""What every part of the window shares: the application context (settings, paths,
thread pool, annotation store), the status line (messages and progress), the user's
reading choices (encodings, files read as text), the child process that compares
large pairs, the one-shot runnable, the table-model base, UTF-16 positions, styles
and colours, and plain-text helpers.

May import: ``core`` only; no other package of ``gui``.
"""
