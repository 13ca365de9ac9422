# Slotted dataclass objects made in C on the compiled path
# (core/engine/slot_objects.c, built by ``make native``).
from collections.abc import Callable

def maker(cls: type, fields: tuple[str, ...], /) -> Callable[..., object]: ...
