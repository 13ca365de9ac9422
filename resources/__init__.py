"""Files Redline reads at run time and ships in the wheel: the sample folder, the
application icon, the desktop entry and the AppStream metainfo. No code; found with
``importlib.resources`` (``core.paths.resources_dir``).

May import: nothing.
"""
