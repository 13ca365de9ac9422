# The compiled path's content words (core/flags/content_scan.c, built by ``make native``).

from collections.abc import Set

def content_words(
    text: str, function: Set[str], months: dict[str, str], saying: dict[str, str], /
) -> set[str] | None: ...
