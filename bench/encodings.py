"""Encoding detection on real multilingual text: Redline's loader against chardet alone.

Usage::

    .venv/bin/python bench/encodings.py            # table on standard output
    .venv/bin/python bench/encodings.py --misses   # also list every file either one got wrong

The text is real translated prose that Debian installs: the message catalogues under
``/usr/share/locale/<lang>/LC_MESSAGES/*.mo`` (the translated sentences of apt, dpkg,
coreutils, glib, gtk, bash, ... read with :mod:`gettext`) and the translated manual
pages under ``/usr/share/man/<lang>/`` (groff source, mostly ASCII markup around the
prose, as a file a newsroom might get). Each language's text is cut into "files" of
several sizes, then encoded into the legacy encodings that language was written in
(ISO-8859-x, windows-125x, KOI8, DOS code pages, TIS-620, Shift_JIS, EUC-JP,
ISO-2022-JP, GB2312, GBK, Big5, EUC-KR, ISO-2022-KR) and into UTF-16/32 without a
byte-order mark. A file whose text the encoding cannot hold is skipped, never
approximated.

A decoding is *right* when the decoded text equals the original text exactly (so
ISO-8859-1 read as windows-1252 is right when the text has no C1 character). chardet
alone means what a program using chardet would do: ``chardet.detect(data)`` with its
defaults, then ``data.decode(encoding, "replace")``; no answer is wrong. The loader is
``core.text.encoding.decode_bytes`` (BOM, wide Unicode, strict UTF-8, then chardet).

More language packs give more text: ``apt-get install manpages-<lang>`` for instance.
A language with no text on the machine is left out and named in the output.
"""

from __future__ import annotations

import argparse
import gettext
import glob
import gzip
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import chardet  # noqa: E402

from core.text.encoding import decode_bytes  # noqa: E402

# Language (locale folder) -> the encodings its files were, or are, written in.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "ru": ("koi8-r", "cp1251", "iso8859-5", "cp866", "mac-cyrillic", "utf-16-le", "utf-16-be"),
    "uk": ("koi8-u", "cp1251", "utf-32-le"),
    "bg": ("cp1251", "iso8859-5"),
    "cs": ("iso8859-2", "cp1250"),
    "pl": ("iso8859-2", "cp1250"),
    "hu": ("iso8859-2", "cp1250"),
    "sk": ("iso8859-2", "cp1250"),
    "el": ("iso8859-7", "cp1253", "utf-16-le"),
    "ar": ("iso8859-6", "cp1256", "utf-16-le"),
    "he": ("iso8859-8", "cp1255"),
    "th": ("tis-620", "cp874", "utf-16-be"),
    "tr": ("iso8859-9", "cp1254"),
    "fr": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman", "cp850"),
    "de": ("cp1252", "iso8859-1", "cp437", "mac-roman"),
    "ja": ("shift_jis", "euc-jp", "iso2022-jp", "cp932", "utf-16-le", "utf-16-be"),
    "ko": ("euc-kr", "iso2022-kr", "cp949", "utf-16-le"),
    "zh_CN": ("gb2312", "gbk", "gb18030", "utf-16-le", "utf-16-be", "utf-32-be"),
    "zh_TW": ("big5", "cp950", "utf-16-le"),
}
SIZES = (300, 1_000, 4_000, 16_000)  # characters of text per file
FILES_PER_SIZE = 3
MAN_PAGES = 4  # real manual pages per language, when it has any
_PRINTF = re.compile(r"%[-+ #0-9.]*[a-zA-Z]|\{[0-9a-z_]*\}|<[a-z/]|&[a-z]+;|_[A-Za-z]")


@dataclass(frozen=True)
class Sample:
    language: str
    source: str  # "catalogues" or "man:<page>"
    text: str


def _catalogue_sentences(language: str) -> list[str]:
    """Translated messages that read as prose (no format strings, no markup)."""
    seen: set[str] = set()
    out: list[str] = []
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as stream:
                catalogue = gettext.GNUTranslations(stream)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for key, value in catalogue._catalog.items():  # type: ignore[attr-defined]
            if not isinstance(value, str) or not isinstance(key, str) or value == key:
                continue
            value = value.strip()
            if len(value) < 25 or " " not in value or _PRINTF.search(value) or value in seen:
                continue
            seen.add(value)
            out.append(value)
    return out


def _catalogue_files(language: str) -> list[Sample]:
    sentences = _catalogue_sentences(language)
    samples: list[Sample] = []
    cursor = 0
    for size in SIZES:
        for _ in range(FILES_PER_SIZE):
            parts: list[str] = []
            length = 0
            while length < size and cursor < len(sentences):
                parts.append(sentences[cursor])
                length += len(sentences[cursor]) + 1
                cursor += 1
            if length >= size:
                samples.append(Sample(language, f"catalogues {size}", "\n".join(parts) + "\n"))
    return samples


def _man_files(language: str) -> list[Sample]:
    pages = sorted(glob.glob(f"/usr/share/man/{language}/man*/*.gz"))
    samples: list[Sample] = []
    for path in pages:
        if len(samples) >= MAN_PAGES:
            break
        try:
            text = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text.startswith(".so ") or len(text) < 2_000:
            continue  # a link to another page, or too short to be an article
        samples.append(Sample(language, f"man {os.path.basename(path)}", text))
    return samples


def build_corpus() -> tuple[list[tuple[Sample, str, bytes]], list[str]]:
    """Every (sample, encoding, bytes) of the benchmark, and the languages missing."""
    files: list[tuple[Sample, str, bytes]] = []
    missing: list[str] = []
    for language, encodings in LANGUAGES.items():
        samples = _catalogue_files(language) + _man_files(language)
        if not samples:
            missing.append(language)
            continue
        for encoding in ("utf-8", *encodings):
            for sample in samples:
                try:
                    data = sample.text.encode(encoding)
                except UnicodeEncodeError:
                    continue
                files.append((sample, encoding, data))
    return files, missing


def chardet_alone(data: bytes) -> str:
    """What a program that only uses chardet reads."""
    encoding = chardet.detect(data)["encoding"]
    if encoding is None:
        return "\ufffd"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return "\ufffd"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong decoding")
    args = parser.parse_args()
    files, missing = build_corpus()
    if not files:
        print("no translated text found under /usr/share/locale or /usr/share/man")
        return 1
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # files, loader, chardet
    timing = [0.0, 0.0]
    misses: list[str] = []
    for sample, encoding, data in files:
        start = time.perf_counter()
        decoded = decode_bytes(data)
        timing[0] += time.perf_counter() - start
        start = time.perf_counter()
        alone = chardet_alone(data)
        timing[1] += time.perf_counter() - start
        loader_ok = decoded.text == sample.text
        chardet_ok = alone == sample.text
        row = table[encoding]
        row[0] += 1
        row[1] += loader_ok
        row[2] += chardet_ok
        if not (loader_ok and chardet_ok):
            misses.append(
                f"{encoding:13} {sample.language:6} {sample.source:24} {len(data):7} B  "
                f"loader {'ok' if loader_ok else decoded.encoding:14} "
                f"chardet {'ok' if chardet_ok else chardet.detect(data)['encoding']}"
            )
    print(f"{len(files)} files, {sum(len(d) for _, _, d in files) / 1e6:.1f} MB")
    if missing:
        print(f"no text on this machine for: {', '.join(missing)}")
    print()
    print("| encoding | files | loader right | chardet alone right |")
    print("|---|---:|---:|---:|")
    totals = [0, 0, 0]
    below: list[str] = []
    for encoding, (count, loader_ok, chardet_ok) in sorted(table.items()):
        print(f"| {encoding} | {count} | {loader_ok} | {chardet_ok} |")
        totals = [totals[0] + count, totals[1] + loader_ok, totals[2] + chardet_ok]
        if loader_ok < chardet_ok:
            below.append(encoding)
    print(f"| **all** | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** |")
    print()
    print(f"time: loader {timing[0]:.1f} s, chardet alone {timing[1]:.1f} s")
    if args.misses:
        print()
        print("\n".join(misses))
    if below:
        print(f"loader below chardet alone for: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
