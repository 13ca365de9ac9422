# The compiled path's scanner (core/engine/unit_scan.c, built by ``make native``).

from typing import Any

def configure(
    joins: str,
    points: str,
    commas: str,
    dashes: str,
    runs: tuple[str, ...],
    ranges: str,
    voicing: str,
    /,
) -> None: ...
def units(
    text: str,
    lo: int,
    hi: int,
    marks: str,
    cjk: bool,
    key_of: dict[str, str],
    words_of: dict[str, int],
    table: dict[str, str] = ...,
    fold: bool = ...,
    /,
) -> tuple[bytes, bytes, list[str], list[int | None], list[str], list[int]]: ...
def drop(units: list[Any], dropped: list[int], /) -> None: ...
def where(units: list[Any], item: object, /) -> list[int]: ...
