"""Rich Text Format (``.rtf``): the text of the document body, as paragraphs.

A small tokenizer over control words, control symbols, groups and text, in one
pass, with an explicit stack of group states (RTF nests without limit). Text in
the document's code page (``\\ansicpg``, Windows-1252 by default) and ``\\uN``
characters (their ``\\ucN`` fallback characters skipped) are decoded; ``\\par`` ends
a paragraph, ``\\line`` breaks a line, ``\\tab`` is a tab. Destinations that are not
text are skipped: font and colour tables, style sheets, ``\\*`` destinations, and
pictures and embedded objects (``\\pict``, ``\\object``), whose number is a warning;
``\\bin N`` skips N raw bytes. The ``\\info`` group gives title, author and date.
Table cells (``\\cell``) are paragraphs of their own.
A ``\\bin`` running past the end of the file is refused as damaged.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from core.model import Metadata
from core.text.formats.base import Extracted, FormatError, join_paragraphs

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word and its number
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z])"  # a control symbol
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"  # text
    rb"|[\r\n]+"  # line ends are not text in RTF
)
_SKIP_DESTINATIONS = frozenset(
    b"fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl generator "
    b"header footer headerl headerr headerf footerl footerr footerf xmlnstbl latentstyles "
    b"themedata colorschememapping datastore fldinst pgdsctbl".split()
)
_OBJECTS = frozenset({b"pict", b"object", b"objdata", b"shppict", b"nonshppict"})
_INFO_FIELDS = {b"title": "title", b"author": "author", b"creatim": "date"}
_DATE_PARTS = {b"yr": 0, b"mo": 1, b"dy": 2, b"hr": 3, b"min": 4}
_SYMBOLS = {
    b"emdash": "\u2014",
    b"endash": "\u2013",
    b"lquote": "\u2018",
    b"rquote": "\u2019",
    b"ldblquote": "\u201c",
    b"rdblquote": "\u201d",
    b"bullet": "\u2022",
    b"tab": "\t",
    b"line": "\n",
    b"emspace": " ",
    b"enspace": " ",
    b"qmspace": " ",
}
# Paragraph ends; table cells are paragraphs of their own, as in the other readers.
_BREAKS = frozenset({b"par", b"sect", b"page", b"cell", b"row", b"nestcell", b"nestrow"})
_ESCAPED = {b"~": "\u00a0", b"-": "", b"_": "-", b"\\": "\\", b"{": "{", b"}": "}"}


@dataclass(slots=True)
class _Group:
    skip: bool = False
    info: str = ""  # the \info field this group holds, if any
    unicode_skip: int = 1


@dataclass(slots=True)
class _State:
    codec: str = "cp1252"
    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    info: dict[str, list[str]] = field(default_factory=dict)
    objects: int = 0
    date: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])
    pending_skip: int = 0  # fallback characters still to skip after a \\u


def _emit(state: _State, group: _Group, text: str) -> None:
    if state.pending_skip:
        dropped = min(len(text), state.pending_skip)
        state.pending_skip -= dropped
        text = text[dropped:]
    if not text or group.skip:
        return
    if group.info:
        state.info.setdefault(group.info, []).append(text)
    else:
        state.current.append(text)


def _control(state: _State, group: _Group, word: bytes, number: int | None, first: bool) -> None:
    if first and (word in _SKIP_DESTINATIONS or word in _OBJECTS):
        group.skip = True
        state.objects += word in (b"pict", b"object")
    elif first and word in _INFO_FIELDS:
        group.info, group.skip = _INFO_FIELDS[word], False
    elif first and word == b"info":
        group.skip = True  # only its title, author and creation time are read
    elif group.info == "date" and word in _DATE_PARTS and number is not None:
        state.date[_DATE_PARTS[word]] = number
    elif word == b"ansicpg" and number is not None:
        name = f"cp{number}"
        try:
            codecs.lookup(name)
            state.codec = name
        except LookupError:
            pass
    elif word == b"uc" and number is not None:
        group.unicode_skip = max(0, number)
    elif word == b"u" and number is not None:
        _emit(state, group, chr(number % 65536 if number >= 0 else number + 65536))
        state.pending_skip = group.unicode_skip
    elif word in _BREAKS and not group.skip and not group.info:
        state.paragraphs.append("".join(state.current))
        state.current = []
    elif word in _SYMBOLS:
        _emit(state, group, _SYMBOLS[word])


def read_rtf(data: bytes) -> Extracted:
    """The text of an RTF document.

    Raises:
        FormatError: not RTF, or damaged (a ``\\bin`` past the end of the file).
    """
    if not data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        raise FormatError("not an RTF document (it does not start with {\\rtf)")
    state = _State()
    stack = [_Group()]
    first = False  # the next control word is the first of its group (a destination)
    position = 0
    while position < len(data):
        match = _TOKEN.match(data, position)
        if match is None:  # a lone backslash at the end
            break
        position = match.end()
        word, number, hexa, symbol, brace, text = match.groups()
        group = stack[-1]
        if brace == b"{":
            stack.append(_Group(group.skip, group.info, group.unicode_skip))
            first = True
            continue
        if brace == b"}":
            if len(stack) > 1:
                stack.pop()
            first = False
            continue
        if word is not None:
            value = int(number) if number is not None else None
            if word == b"bin" and value:
                if position + value > len(data):
                    raise FormatError("damaged RTF (binary data runs past the end of the file)")
                position += value
            else:
                _control(state, group, word, value, first)
        elif symbol == b"*" and first:
            group.skip = True
        elif hexa is not None:
            _emit(state, group, bytes.fromhex(hexa.decode()).decode(state.codec, "replace"))
        elif symbol is not None:
            _emit(state, group, _ESCAPED.get(symbol, ""))
        elif text is not None:
            _emit(state, group, text.decode(state.codec, "replace"))
        first = False
    state.paragraphs.append("".join(state.current))
    info = {key: "".join(parts).strip() for key, parts in state.info.items()}
    warnings = (
        (f"{state.objects} embedded picture(s) or object(s) skipped",) if state.objects else ()
    )
    year, month, day, hour, minute = state.date
    date = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}" if year else ""
    metadata = Metadata(info.get("title", ""), info.get("author", ""), date)
    return Extracted(join_paragraphs(state.paragraphs), "rtf", metadata, warnings, state.codec)
