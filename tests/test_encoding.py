"""Decoding bytes: the encoding a user would expect, the text they would read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from core.errors import LoadError, UnknownEncodingError
from core.model import DecodeWarning
from core.text.document import load_document
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
def test_very_short_latin1_is_read_as_chardet_reads_it_not_utf16(data: bytes) -> None:
    import chardet

    decoded = decode_bytes(data)
    # Too short to be sure ("naïve" is ISO-8859-4 "naīve" to chardet): chardet's own
    # answer is kept, flagged, with its runner-up; "reopen with encoding" is offered.
    assert decoded.text == data.decode(chardet.detect(data)["encoding"])
    assert not decoded.encoding.startswith("utf-16")
    assert decoded.uncertain
    assert decoded.guess is not None and decoded.guess.runner_up
    assert decoded.guess.non_ascii_bytes == len(data) - len(
        data.translate(None, bytes(range(128, 256)))
    )


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


# Issue 14: the loader is right at least as often as chardet alone --------------------

CZECH = (
    "Vláda v úterý oznámila balíček opatření, který má pomoci nejchudším domácnostem "
    "zvládnout růst cen energií. Ministr financí řekl, že stát nenechá nikoho bez pomoci. "
    "Opozice označila opatření za opožděná a nedostatečná; odbory žádají zvýšení mezd."
)
GREEK = (
    "Η κυβέρνηση ανακοίνωσε την Τρίτη μια σειρά μέτρων για τη στήριξη των νοικοκυριών "
    "απέναντι στην αύξηση των τιμών της ενέργειας. Ο πρωθυπουργός δήλωσε ότι κανείς δεν "
    "θα μείνει πίσω. Η αντιπολίτευση χαρακτήρισε τα μέτρα καθυστερημένα και ανεπαρκή."
)
ARABIC = (
    "أعلنت الحكومة يوم الثلاثاء عن سلسلة من الإجراءات لمساعدة الأسر الأكثر فقرا على "
    "مواجهة ارتفاع أسعار الطاقة. وقال رئيس الوزراء إن أحدا لن يترك وحده. ووصفت المعارضة "
    "هذه الإجراءات بأنها متأخرة وغير كافية."
)
THAI = (
    "รัฐบาลประกาศมาตรการใหม่เมื่อวันอังคาร เพื่อช่วยเหลือครัวเรือนที่ยากจนที่สุด "
    "ในการรับมือกับราคาพลังงานที่สูงขึ้น นายกรัฐมนตรีกล่าวว่าจะไม่ทิ้งใครไว้ข้างหลัง "
    "ฝ่ายค้านวิจารณ์ว่ามาตรการดังกล่าวล่าช้าและไม่เพียงพอ"
)
CHINESE = (
    "政府周二宣布了一系列旨在帮助最贫困家庭应对能源价格上涨的措施。总理表示不会让任何人掉队。"
    "这一揽子计划价值约一百五十亿英镑，包括向八百万领取福利的家庭一次性付款。"
)
ASCII_ENGLISH = ENGLISH.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
ASCII_ENGLISH = ASCII_ENGLISH.replace("£", "GBP ")
KOREAN = (
    "정부는 화요일 에너지 가격 상승에 대응하기 위한 새로운 경제 대책을 발표했다. "
    "총리는 기자회견에서 아무도 소외되지 않을 것이라고 말했다."
)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RUSSIAN + " Интернет-версия газеты.", "iso8859-5"),  # not windows-1251 mojibake
        (CZECH, "iso8859-2"),  # "ž" stays "ž" (windows-1250 makes it "ľ")
        (GREEK, "iso8859-7"),
        (ARABIC, "iso8859-6"),
        (THAI, "tis-620"),
        (JAPANESE + " ~/.profile", "shift_jis"),  # "~" stays "~" (shift_jis_2004: "‾")
        (RUSSIAN, "cp866"),
        (ASCII_ENGLISH + " " + RUSSIAN[:120], "cp866"),  # mostly ASCII: not thrown to cp1252
    ],
    ids=[
        "iso8859-5",
        "iso8859-2",
        "iso8859-7",
        "iso8859-6",
        "tis-620",
        "shift_jis",
        "cp866",
        "ascii-cp866",
    ],
)
def test_iso_and_legacy_code_pages_keep_their_text(text: str, codec: str) -> None:
    import chardet

    data = (text + "\n").encode(codec) * 3
    decoded = decode_bytes(data)
    alone = data.decode(chardet.detect(data)["encoding"])
    assert alone == (text + "\n") * 3  # chardet alone is right here ...
    assert decoded.text == alone  # ... and so is the loader: no superset swapped in


@pytest.mark.parametrize(
    ("text", "codec"),
    [(JAPANESE, "iso2022_jp"), (KOREAN, "iso2022_kr"), (JAPANESE + "\nA line.", "iso2022_jp")],
)
def test_iso2022_escapes_are_text(text: str, codec: str, tmp_path: Path) -> None:
    data = text.encode(codec)
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, codec)
    path = tmp_path / "article.txt"
    path.write_bytes(data)  # ISO-2022-KR's SO/SI are not binary control bytes
    assert load_document(path).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [CHINESE, JAPANESE, KOREAN, THAI, ARABIC, GREEK])
@pytest.mark.parametrize("lines", [1, 5])
def test_utf16_without_bom_in_any_script(text: str, codec: str, lines: int, tmp_path: Path) -> None:
    full = "\n".join([text] * lines) + "\n"
    decoded = decode_bytes(full.encode(codec))
    assert (decoded.text, decoded.encoding) == (full, codec)
    path = tmp_path / "article.txt"
    path.write_bytes(full.encode(codec))
    assert load_document(path).text == full  # not refused as binary


@pytest.mark.parametrize("codec", ["cp1252", "cp1251", "shift_jis", "utf-8"])
@pytest.mark.parametrize("nuls", [1, 2, 5])
def test_stray_nuls_in_one_lane_are_not_utf16(codec: str, nuls: int) -> None:
    text = {"cp1252": FRENCH, "cp1251": RUSSIAN, "shift_jis": JAPANESE, "utf-8": FRENCH}[codec]
    data = bytearray((text + "\n").encode(codec) * 4)
    for k in range(nuls):
        data[(k * 2 * 97) % len(data) // 2 * 2 + 1] = 0  # NULs in the odd lane only
    decoded = decode_bytes(bytes(data))
    assert not decoded.encoding.startswith(("utf-16", "utf-32"))


def test_one_latin_byte_late_in_ascii_is_reported() -> None:
    data = b"The council met on Tuesday.\n" * 8000 + b"caf\xe9\n"  # past 200 KB
    offset = len(data) - 2
    decoded = decode_bytes(data)
    assert decoded.text.endswith("café\n")
    assert decoded.guess is not None
    assert (decoded.guess.non_ascii_bytes, decoded.guess.first_non_ascii) == (1, offset)
    assert decoded.uncertain and decoded.guess.runner_up


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [CHINESE * 40, CHINESE.replace("一", "") * 40, CHINESE[:12]])
def test_utf16_chinese_with_no_ascii_at_all(text: str, codec: str) -> None:
    # No newline, no space: the only NULs (if any) are the low bytes of U+4E00 "一".
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, codec)
