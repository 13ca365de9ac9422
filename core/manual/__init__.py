"""The manual page and the shell completions of ``redline``, generated from its
argument parser (``generate``), and the page itself as shipped (``redline.1``).

May import: the standard library only (the parser is passed in by ``core.cli``).
"""
