"""The words of the command line: the ``redline`` parser and its help (``parser``), the
manual page and shell completions generated from it (``generate``), and the page as
shipped in the package (``redline.1``, ``make man`` writes it).

May import: the shared leaves, ``core.text`` (printable names) and ``core.report``
(page sizes, the default context); ``core.cli`` runs what the parser reads.
"""
