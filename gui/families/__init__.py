"""Story families in the window: the background scan (``controller``, ``job``), the
family tree, and the similarity matrix page.

May import: ``core``, ``gui.common``, ``gui.work``, ``gui.documents``.
"""
