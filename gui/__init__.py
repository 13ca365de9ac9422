"""Redline's desktop window: a thin Qt layer over the ``core`` engine."""
