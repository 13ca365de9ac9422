"""The N-way page: the grid of which sentences several versions keep, its model,
the background job and the controller that shows it.

May import: ``core``, ``gui.common``, ``gui.work``, ``gui.documents``.
"""
