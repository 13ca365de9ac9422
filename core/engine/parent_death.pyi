# A child's signal when its parent goes, on the compiled path (core/engine/parent_death.c,
# built by ``make native``).

def set_parent_death_signal(signal: int, /) -> bool: ...
