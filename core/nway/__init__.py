"""The N-way grid: which sentences of a base several versions keep (``grid``).

May import: ``core.engine`` and the shared leaves.
"""
