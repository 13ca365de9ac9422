"""The window shell: the main window (layout, docks, wiring), its actions and menus,
starting the application (``app``, ``launcher``) and ``--screenshot``.

The only package that may import ``gui.shell.main_window``; it may import every other
package of ``gui``, and none of them imports it.
"""
