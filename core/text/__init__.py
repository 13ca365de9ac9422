"""Reading documents: bytes on disk to a decoded ``Document``.

Holds encoding detection (``encoding``), the visible text of HTML (``html_text``), which
file names Redline reads and how any name is shown safely (``names``), walking a folder
(``folder``) and loading one file (``document``, its digest ``digest``); the readers
of other document formats (Word, ...) are the subpackage ``formats``.

May import: the shared leaves (``core.model``, ``core.errors``, ``core.atomic``,
``core.paths``, ``core.gcpause``) and its own subpackage ``core.text.formats``;
nothing else of ``core``.
"""
