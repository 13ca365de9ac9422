"""Bytes to text, with the encoding and how sure we are of it recorded.

The only module that imports chardet. The order of the checks, each of which ends
the search when it applies:

1. an encoding the caller names (the GUI's "reopen with encoding");
2. a byte-order mark (UTF-32 before UTF-16, then UTF-8); the mark is not text;
3. UTF-16/32 without a mark, in any script: NULs in either lane, then a decoding
   check of both byte orders;
4. ISO-2022-JP/KR, 7-bit text recognised by its escape sequences and a strict decode
   (it would otherwise pass for UTF-8 with its escapes shown);
5. strict UTF-8 (pure ASCII is reported as ``utf-8``);
6. UTF-8 with a little damage: more valid multi-byte sequences than invalid bytes
   means UTF-8 whose bad bytes are replaced and reported, never a code-page guess;
7. chardet over the whole data (a spread sample when huge): its own answer under
   its own names, with a confidence floor, its runner-up and the bytes outside
   ASCII the guess rests on (``Decoded.guess``).

Nothing is replaced silently: every byte that does not decode becomes U+FFFD and is
counted in ``Decoded.decode_warning``. A guess below ``LOW_CONFIDENCE`` is still
decoded, but flagged so the user can be offered another encoding. On 1,012 real
translated files in 41 encodings this is right on 997, chardet alone on 987
(``bench/encodings.py``).
"""

from __future__ import annotations

import codecs
import re
from _thread import _local as _ThreadLocal  # threading.local, without threading (start-up)
from dataclasses import dataclass

from core.errors import UnknownEncodingError
from core.model import DecodeWarning, EncodingGuess, LineEnding

# chardet 7 reports confidences that grow with the length of the sample rather than
# with correctness. Measured on news paragraphs in 11 languages and 14 legacy code
# pages: right guesses on 600-900 byte articles scored 0.41-0.94, while every wrong
# guess on Western text (1,500 slices of 20-640 bytes) scored at most 0.42 and all
# but two under 0.30. Below this, a guess is shown as uncertain.
LOW_CONFIDENCE = 0.3
# What a file that mixes encodings is given: well under the floor.
MIXED_CONFIDENCE = 0.2
# UTF-16/32 recognised by its NUL lane (no BOM): strong evidence, not a declaration.
WIDE_CONFIDENCE = 0.95
# One damaged UTF-8 character leaves at most 3 stray bytes (a 4-byte sequence that
# lost its lead byte). More than that looks like a file mixing encodings: it is still
# decoded as UTF-8 (its bad bytes reported), but flagged.
FEW_BAD_BYTES = 3

_SNIFF_BYTES = 64 * 1024
_CHARDET_WHOLE_LIMIT = 4 * 1024 * 1024
_CHARDET_CHUNK = 256 * 1024
_CHARDET_CHUNKS = 16

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_CODECS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
# Codecs that handle their own byte-order mark, and the family they belong to.
_BOM_FAMILY = {"utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
# chardet names that Python spells otherwise.
_CHARDET_ALIASES = {"windows-874": "cp874"}
# ISO-2022 escape sequences that announce each family, and its codecs, most common first.
_ISO2022 = (
    (("iso2022_kr",), (b"\x1b$)C",)),
    (
        ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_3"),
        (b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(O", b"\x1b$(Q", b"\x1b(J", b"\x1b(I"),
    ),
)
# ISO code pages whose 0x80-0x9F are invisible C1 controls; a byte there means the
# file is the Windows superset.
_C1_SUPERSETS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "iso8859-15": "cp1252"}
_LATIN_ASCII_SHARE = 0.7
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b\x1c\x1d\x1e\x1f")
# Unassigned, private-use, surrogate, control, format: rare in text (format
# characters such as bidi marks and soft hyphens do occur, but seldom).
_NOT_TEXT_CATEGORIES = frozenset({"Cn", "Co", "Cs", "Cc"})
_WHITE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1b")
_NON_ASCII = bytes(range(0x80, 0x100))
_C1_BYTE = re.compile(b"[\x80-\x9f]")
_REPLACE = "redline-count-replace"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with what was decided on the way.

    Attributes:
        text: the decoded text, without a byte-order mark.
        encoding: Python codec name, e.g. ``"utf-8"``, ``"cp1252"``, ``"utf-16-le"``.
        confidence: 1.0 for a caller's choice, a BOM or clean UTF-8; else an estimate.
        bom: whether the bytes started with a byte-order mark.
        decode_warning: bytes replaced by U+FFFD, if any.
        guess: for an encoding chosen by the detector, its runner-up and the bytes
            outside ASCII it rests on.
    """

    text: str
    encoding: str
    confidence: float
    bom: bool = False
    decode_warning: DecodeWarning | None = None
    guess: EncodingGuess | None = None

    @property
    def uncertain(self) -> bool:
        """Whether the encoding is a guess the user should be able to overrule."""
        return self.confidence < LOW_CONFIDENCE


class _Tally:
    __slots__ = ("count", "first")

    def __init__(self) -> None:
        self.count = 0
        self.first = -1


_local = _ThreadLocal()


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    tally: _Tally = _local.tally
    if tally.first < 0:
        tally.first = error.start
    tally.count += error.end - error.start
    return "\ufffd", error.end


codecs.register_error(_REPLACE, _count_and_replace)


def _decode_counting(data: bytes, codec: str, offset: int = 0) -> tuple[str, DecodeWarning | None]:
    """Decode ``data[offset:]``, replacing and counting the bytes that do not decode."""
    tally = _Tally()
    _local.tally = tally
    try:
        text = codecs.decode(data[offset:] if offset else data, codec, _REPLACE)
    finally:
        _local.tally = None
    if tally.count == 0:
        return text, None
    return text, DecodeWarning(count=tally.count, first_offset=tally.first + offset)


def normalize_encoding(name: str) -> str:
    """Return Python's canonical name for a text encoding.

    Raises:
        UnknownEncodingError: Python has no such codec, or it is not a text codec.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise UnknownEncodingError(name) from None
    if not getattr(info, "_is_text_encoding", True):
        raise UnknownEncodingError(name)
    return info.name


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """Return ``(codec, length of the mark)`` if ``data`` starts with a byte-order mark."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            if codec.startswith("utf-32") and len(data) % 4:
                continue  # FF FE 00 00 opening odd-sized UTF-16-LE text, not UTF-32
            return codec, len(mark)
    return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for char in text if ord(char) < 0x20 and ord(char) not in _ALLOWED_CONTROLS)
    return bad + text.count("\ufffd") <= len(text) // 20


def _not_text_count(text: str) -> int:
    """Unassigned, private-use, surrogate and control (not white space) characters.

    Real text has next to none. Single-byte text with a few stray NULs, or UTF-16
    read in the wrong byte order, read two bytes at a time, soon lands on them.
    """
    import unicodedata  # only for the rare file with NUL bytes

    return sum(
        1
        for char in text
        if unicodedata.category(char) in _NOT_TEXT_CATEGORIES and char not in _WHITE_CONTROLS
    ) + text.count("\ufffd")


def detect_wide_unicode(data: bytes) -> str | None:
    """Recognise UTF-16 or UTF-32 without a byte-order mark, in any script.

    Text in these encodings has NULs in a fixed lane: the high byte of ASCII (and
    of most Latin, Cyrillic or Greek letters); in Chinese, Japanese, Korean or Thai
    text only the spaces, newlines, digits and Latin letters give NULs, and few.
    (and "一", U+4E00, puts them in the other lane). So both byte orders with NULs
    in their high lane are decoded, and the one with fewer characters that text
    does not hold (unpaired surrogates, unassigned, private-use, controls) wins if
    it has next to none of them; with many NULs in one lane (a twentieth of the
    units) text without stray controls is enough. Single-byte
    text has no NULs, however short, so this cannot fire on it; binary data with
    lopsided NULs decodes to control characters and is refused.

    Returns:
        ``"utf-32-le"``, ``"utf-32-be"``, ``"utf-16-le"``, ``"utf-16-be"`` or None.
    """
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 2 or b"\0" not in sample:
        return None
    if len(data) % 4 == 0 and len(sample) >= 4:
        for codec in ("utf-32-le", "utf-32-be"):
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _not_text_count(text) * 500 <= len(text):
                return codec
    sample = sample[: len(sample) - len(sample) % 2]
    units = len(sample) // 2
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    scored: list[tuple[int, str, str, bool]] = []
    for codec, lane, other in (("utf-16-le", nul_odd, nul_even), ("utf-16-be", nul_even, nul_odd)):
        # No NUL in the high lane does not rule this order out: CJK text without
        # ASCII has NULs only in the low lane (U+4E00 "一" is 00 4E in UTF-16-LE).
        dense = lane * 20 >= units and lane >= 4 * other
        text = sample.decode(codec, "replace")
        if len(sample) < len(data) and text.endswith("\ufffd"):
            text = text[:-1]  # a surrogate pair cut by the end of the sample
        scored.append((_not_text_count(text), codec, text, dense))
    if not scored:
        return None
    bad, codec, text, dense = min(scored)
    if bad * 500 <= len(text) or (dense and _looks_like_text(text)):
        return codec
    return None


def unicode_form(data: bytes) -> str | None:
    """The Unicode encoding announced by a BOM or a NUL pattern, if any.

    ``core.text.document`` asks this before its binary checks: UTF-16 text is full of NUL
    bytes and must not be taken for binary data.
    """
    bom = detect_bom(data)
    return bom[0] if bom else detect_wide_unicode(data)


def _utf8_profile(data: bytes) -> tuple[int, int]:
    """Return (valid multi-byte sequences, invalid bytes) of ``data`` read as UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(data) - len(text.encode("utf-8", "ignore"))
    ascii_bytes = len(data.translate(None, _NON_ASCII))
    return len(text) - ascii_bytes - invalid, invalid


def _chardet_sample(data: bytes) -> bytes:
    if len(data) > _CHARDET_WHOLE_LIMIT:
        step = (len(data) - _CHARDET_CHUNK) // (_CHARDET_CHUNKS - 1)
        data = b"".join(data[i * step : i * step + _CHARDET_CHUNK] for i in range(_CHARDET_CHUNKS))
    # chardet calls any NUL binary; loading has already judged that.
    return data.replace(b"\0", b"") if b"\0" in data else data


def _codec(name: str | None) -> str | None:
    """Python's codec for a name chardet gave, or None if Python has none."""
    if name is None:
        return None
    try:
        return normalize_encoding(_CHARDET_ALIASES.get(name.lower(), name))
    except UnknownEncodingError:
        return None


def _non_ascii(data: bytes) -> tuple[int, int]:
    """How many bytes of ``data`` are outside ASCII, and the offset of the first."""
    count = len(data) - len(data.translate(None, _NON_ASCII))
    if not count:
        return 0, -1
    return count, next(i for i, byte in enumerate(data) if byte >= 0x80)


def _guess(data: bytes) -> tuple[str, float, EncodingGuess]:
    """chardet's own answer, under chardet's own names, and its runner-up.

    No superset is preferred: reading ISO-8859-5 as windows-1251 or TIS-620 as
    cp874 changes the text, and chardet's plain answer is right more often
    (``bench/encodings.py``). chardet is given the whole file (a spread sample when
    huge), not its default first 200 KB, so a lone byte late in the file counts.
    """
    import chardet  # most files are UTF-8: chardet loads only when it is needed

    sample = _chardet_sample(data)
    results = chardet.detect_all(
        sample,
        max_bytes=max(len(sample), 1),
        # With NULs (stripped from the sample) the NUL check has spoken on UTF-16/32;
        # without, chardet may still find UTF-16 with no ASCII at all.
        exclude_encodings=_WIDE_CODECS if b"\0" in data else None,
    )
    choices = [
        (codec, float(r["confidence"] or 0.0)) for r in results if (codec := _codec(r["encoding"]))
    ]
    count, first = _non_ascii(data)
    if not choices:  # chardet saw nothing it could name: read it as Western, flagged
        return "cp1252", 0.0, EncodingGuess("", 0.0, count, first)
    codec, confidence = choices[0]
    runner_up = next(((c, conf) for c, conf in choices[1:] if c != codec), ("", 0.0))
    if codec in _C1_SUPERSETS and _C1_BYTE.search(data):
        # C1 controls are not text: those bytes are the Windows superset's punctuation.
        codec = _C1_SUPERSETS[codec]
    return codec, min(confidence, 1.0), EncodingGuess(runner_up[0], runner_up[1], count, first)


def _from_detector(data: bytes, valid_multibyte: int, invalid: int) -> Decoded:
    codec, confidence, guess = _guess(data)
    if codec == "utf-8" or (
        valid_multibyte and valid_multibyte * 20 >= invalid and _mostly_ascii(data)
    ):
        # Bad bytes at least as many as good UTF-8 sequences (chardet still says
        # UTF-8), or a mostly-ASCII file with UTF-8 sequences among code-page bytes:
        # a file that mixes encodings. Decoded as chardet says, but not claimed sure.
        confidence = min(confidence, MIXED_CONFIDENCE)
    text, warning = _decode_counting(data, codec)
    return Decoded(text, codec, confidence, False, warning, guess)


def _mostly_ascii(data: bytes) -> bool:
    return len(data.translate(None, _NON_ASCII)) >= _LATIN_ASCII_SHARE * len(data)


def _with_override(data: bytes, encoding: str) -> Decoded:
    codec = normalize_encoding(encoding)
    bom = detect_bom(data)
    if bom and (codec == bom[0] or bom[0].startswith(_BOM_FAMILY.get(codec, "\0"))):
        text, warning = _decode_counting(data, bom[0], bom[1])
        return Decoded(text, bom[0], 1.0, True, warning)
    text, warning = _decode_counting(data, codec)
    return Decoded(text, "utf-8" if codec == "utf-8-sig" else codec, 1.0, False, warning)


def detect_iso2022(data: bytes) -> str | None:
    """Recognise 7-bit ISO-2022-JP/KR text by its escape sequences and a strict decode.

    Such text is pure ASCII bytes, so it would pass for UTF-8 with its escapes
    shown; and ISO-2022-KR shifts with SO/SI, which are control bytes otherwise.
    """
    if b"\x1b" not in data or not data.isascii():
        return None
    for codecs_to_try, markers in _ISO2022:
        if any(marker in data for marker in markers):
            for codec in codecs_to_try:
                try:
                    data.decode(codec)
                except UnicodeDecodeError:
                    continue
                return codec
    return None


def evident_encoding(data: bytes) -> str | None:
    """The encoding that the bytes announce themselves: BOM, NUL pattern, ISO-2022.

    ``core.text.document`` asks this before its binary checks: UTF-16 text is full of
    NUL bytes and ISO-2022-KR of SO/SI; neither must be taken for binary data.
    """
    return unicode_form(data) or detect_iso2022(data)


def decode_bytes(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode the bytes of a document, choosing the encoding if none is given.

    Args:
        data: the whole file.
        encoding: a codec name chosen by the user; bytes it cannot decode are
            replaced and reported. A matching byte-order mark is still stripped.

    Returns:
        The text, the codec used, the confidence, whether there was a BOM, the
        replaced bytes if any, and for a guess what it rests on.

    Raises:
        UnknownEncodingError: ``encoding`` is not a text codec Python knows.
    """
    if encoding is not None:
        return _with_override(data, encoding)
    bom = detect_bom(data)
    if bom:
        text, warning = _decode_counting(data, bom[0], bom[1])
        return Decoded(text, bom[0], 1.0, True, warning)
    wide = detect_wide_unicode(data)
    if wide:
        text, warning = _decode_counting(data, wide)
        return Decoded(text, wide, WIDE_CONFIDENCE, False, warning)
    iso2022 = detect_iso2022(data)
    if iso2022:
        return Decoded(data.decode(iso2022), iso2022, 1.0)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    valid_multibyte, invalid = _utf8_profile(data)
    if valid_multibyte > invalid:
        text, warning = _decode_counting(data, "utf-8")
        confidence = valid_multibyte / (valid_multibyte + invalid)
        if invalid > FEW_BAD_BYTES:
            confidence = min(confidence, MIXED_CONFIDENCE)
        return Decoded(text, "utf-8", confidence, False, warning)
    return _from_detector(data, valid_multibyte, invalid)


def detect_line_ending(text: str) -> LineEnding:
    """Classify the line breaks of ``text``: only CR, LF and CRLF count.

    Returns:
        ``"lf"``, ``"crlf"`` or ``"cr"`` when one style is used throughout, ``"mixed"``
        when several are, ``"none"`` when the text has no line break.
    """
    if "\r" not in text:  # (found at C speed; counting breaks is 2 ms of a 1 MB text)
        return "lf" if "\n" in text else "none"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts: dict[LineEnding, int] = {"lf": lf, "crlf": crlf, "cr": cr}
    used = [style for style, count in counts.items() if count]
    if not used:
        return "none"
    return used[0] if len(used) == 1 else "mixed"
