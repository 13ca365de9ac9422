"""The window shell: the main window (layout, docks, wiring), its actions and menus,
starting the application (``app``, ``launcher``) and ``--screenshot``.

May import: every other package of ``gui`` (and ``core``). It is the only package
that may import ``gui.shell.main_window``, and no other package imports it.
"""
