"""The window shell: the main window (layout, docks, wiring), its actions and menus,
the Help menu and the first screen, starting the application (``app``, ``launcher``),
``--screenshot``, and the desktop around it: the icon, ``install-desktop`` and the
check of the system libraries Qt needs (``system_libs``, run by ``make run``).

May import: every other package of ``gui`` (and ``core``). It is the only package
that may import ``gui.shell.main_window``, and no other package imports it.
"""
