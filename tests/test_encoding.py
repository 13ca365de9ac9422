"""Decoding bytes: the encoding a user would expect, the text they would read."""

from __future__ import annotations

import codecs

import pytest

from core.errors import LoadError, UnknownEncodingError
from core.model import DecodeWarning
from core.text.encoding import LOW_CONFIDENCE, decode_bytes, detect_line_ending, normalize_encoding

FRENCH = (
    "Le gouvernement a annoncé mardi une série de mesures destinées à soutenir les "
    "ménages les plus modestes face à la hausse des prix de l'énergie. « Nous ne "
    "laisserons personne de côté », a déclaré la Première ministre. Le dispositif, "
    "qui coûtera près de 8 milliards d'euros, prévoit un chèque énergie exceptionnel "
    "et un bouclier tarifaire prolongé jusqu'à la fin de l'année. Les syndicats ont "
    "salué un « premier pas », tout en réclamant une revalorisation des salaires."
)
ENGLISH = (
    "The government announced on Tuesday a series of measures intended to help the "
    "poorest households cope with rising energy prices. “We will leave no one "
    "behind,” the prime minister told reporters — a pledge critics said was hollow. "
    "The package, worth about £15bn, includes a one-off payment to eight million "
    "families on benefits. “It’s a start,” said one charity director."
)
RUSSIAN = (
    "Правительство во вторник объявило о новом пакете мер поддержки населения в "
    "связи с ростом цен на энергоносители. Программа предусматривает единовременные "
    "выплаты семьям с детьми, индексацию пенсий и заморозку тарифов на коммунальные "
    "услуги. Оппозиция назвала эти меры запоздалыми и недостаточными."
)
JAPANESE = (
    "政府は火曜日、エネルギー価格の高騰に対応するための新たな経済対策を発表した。"
    "首相は記者会見で「誰一人取り残さない」と述べた。対策の規模は約六兆円で、"
    "低所得世帯への給付金、電気料金の負担軽減策などが盛り込まれた。"
)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"", "utf-8", ""),
        (b"plain ascii\n", "utf-8", "plain ascii\n"),
        (FRENCH.encode("utf-8"), "utf-8", FRENCH),
        (FRENCH.encode("cp1252"), None, FRENCH),  # windows-1252 or a Latin-9 twin
        (ENGLISH.encode("cp1252"), "cp1252", ENGLISH),
        (RUSSIAN.encode("cp1251"), "cp1251", RUSSIAN),
        (RUSSIAN.encode("koi8-r"), "koi8-r", RUSSIAN),
        (JAPANESE.encode("shift_jis"), "cp932", JAPANESE),
    ],
)
def test_detects_common_encodings(data: bytes, encoding: str | None, text: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == text
    if encoding is not None:
        assert decoded.encoding == encoding
    assert decoded.decode_warning is None
    assert not decoded.bom


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_bom_is_stripped_and_recorded(codec: str, bom: bytes) -> None:
    decoded = decode_bytes(bom + FRENCH.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.bom) == (FRENCH, codec, True)
    assert decoded.confidence == 1.0
    only_bom = decode_bytes(bom)
    assert (only_bom.text, only_bom.bom, only_bom.decode_warning) == ("", True, None)


def test_same_text_with_and_without_utf8_bom() -> None:
    with_bom = decode_bytes(codecs.BOM_UTF8 + FRENCH.encode())
    without = decode_bytes(FRENCH.encode())
    assert with_bom.text == without.text
    assert with_bom.encoding == without.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, "Hi\n", ENGLISH])
def test_utf16_and_utf32_without_bom(codec: str, text: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, codec, False)
    assert not decoded.uncertain


def test_utf16_with_odd_byte_count_reports_the_dangling_byte() -> None:
    data = codecs.BOM_UTF16_LE + "Zoë écrit".encode("utf-16-le") + b"!"
    decoded = decode_bytes(data)
    assert decoded.text == "Zoë écrit\ufffd"
    assert decoded.decode_warning == DecodeWarning(count=1, first_offset=len(data) - 1)
    no_bom = decode_bytes("Zoë écrit".encode("utf-16-le") + b"!")
    assert no_bom.encoding == "utf-16-le"
    assert no_bom.decode_warning == DecodeWarning(count=1, first_offset=len(no_bom.text) * 2 - 2)


@pytest.mark.parametrize(
    "data", [b"caf\xe9", b"Zo\xeb", b"\xe9t\xe9", "Ça va?".encode("latin-1"), b"na\xefve"]
)
def test_very_short_latin1_is_latin_not_utf16(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == data.decode("latin-1")
    assert not decoded.encoding.startswith("utf-16")
    assert decoded.uncertain  # too short to be sure: "reopen with encoding" is offered


@pytest.mark.parametrize("position", [10, 199_999, 200_001, 250_000, -1])
def test_one_bad_byte_in_utf8_is_reported_not_reguessed(position: int) -> None:
    good = (FRENCH + "\n").encode() * 400  # ~300 KB, past chardet's 200 KB window
    offset = position % len(good)
    while good[offset] >= 0x80:  # land on an ASCII byte so one byte is replaced
        offset += 1
    data = good[:offset] + b"\x92" + good[offset + 1 :]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.decode_warning == DecodeWarning(count=1, first_offset=offset)
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", chr(good[offset])) == good.decode()
    assert not decoded.uncertain


def test_windows_1252_file_among_utf8_files() -> None:
    decoded = decode_bytes((ENGLISH + "\n").encode("cp1252") * 3)
    assert decoded.encoding == "cp1252"
    assert decoded.text == (ENGLISH + "\n") * 3
    assert decoded.decode_warning is None


@pytest.mark.parametrize(
    "data",
    [
        FRENCH.encode() + b"\n" + ENGLISH.encode("cp1252"),
        ENGLISH.encode("cp1252") + b"\n" + FRENCH.encode(),
        ENGLISH.encode() + b"\n" + (FRENCH * 2).encode("cp1252"),
    ],
    ids=["utf8-then-cp1252", "cp1252-then-utf8", "more-cp1252"],
)
def test_mixed_encodings_in_one_file_are_flagged(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.uncertain
    assert decoded.confidence < LOW_CONFIDENCE


@pytest.mark.parametrize("codec", ["cp500", "cp037"])
@pytest.mark.parametrize("length", [20, 100, 1000])
def test_ebcdic_is_decoded_right_or_flagged(codec: str, length: int) -> None:
    text = ("The quick brown fox jumps over the lazy dog. News at eleven, " * 20)[:length]
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text or decoded.uncertain


def test_bytes_nothing_fits_are_flagged_and_never_raise() -> None:
    decoded = decode_bytes(bytes(range(0x80, 0x100)) * 4)
    assert decoded.uncertain
    assert len(decoded.text) > 0


@pytest.mark.parametrize(
    ("override", "expected_codec", "text"),
    [
        ("latin-1", "iso8859-1", "caf\xc3\xa9"),
        ("UTF-8", "utf-8", "café"),
        ("windows-1252", "cp1252", "cafÃ©"),
    ],
)
def test_override_encoding(override: str, expected_codec: str, text: str) -> None:
    decoded = decode_bytes("café".encode(), encoding=override)
    assert (decoded.encoding, decoded.text, decoded.confidence) == (expected_codec, text, 1.0)


def test_override_reports_replaced_bytes_and_strips_matching_bom() -> None:
    decoded = decode_bytes(b"ab\xffcd\xfe", encoding="utf-8")
    assert decoded.text == "ab\ufffdcd\ufffd"
    assert decoded.decode_warning == DecodeWarning(count=2, first_offset=2)
    with_bom = decode_bytes(codecs.BOM_UTF8 + b"x", encoding="utf-8")
    assert (with_bom.text, with_bom.bom) == ("x", True)


@pytest.mark.parametrize("name", ["no-such-codec", "rot13", "base64", ""])
def test_unknown_override_is_a_typed_error(name: str) -> None:
    with pytest.raises(UnknownEncodingError) as caught:
        decode_bytes(b"abc", encoding=name)
    assert isinstance(caught.value, LoadError)
    assert caught.value.encoding == name


def test_normalize_encoding_uses_python_names() -> None:
    assert normalize_encoding("Windows-1252") == "cp1252"
    assert normalize_encoding("UTF8") == "utf-8"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "none"),
        ("one line", "none"),
        ("a\nb\n", "lf"),
        ("a\r\nb\r\n", "crlf"),
        ("a\rb\r", "cr"),
        ("a\r\nb\nc", "mixed"),
        ("a\rb\nc", "mixed"),
        ("a\u2028b\x85c\x1ed\x0ce", "none"),  # only CR and LF are line endings
    ],
)
def test_detect_line_ending(text: str, expected: str) -> None:
    assert detect_line_ending(text) == expected
