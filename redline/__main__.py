"""``python -m redline``: the same as the ``redline`` command."""

from redline import run

run()
