"""A bad Qt release (6.12.0 on Python 3.11) aborts with ``none_dealloc`` after many
calls to methods returning None: make the suite crash loudly on such a release."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint


def test_many_calls_returning_none() -> None:
    point = QPoint()
    obj = QObject()
    for i in range(200_000):
        point.setX(i)
        obj.setObjectName("x")
    assert point.x() == 199_999
