"""Real English prose for the benchmark, obtained reproducibly from Debian packages.

Sources, in order of preference (each one is optional; the loader says what it used):

1. ``python3-doc`` (resolved to ``python3.X-doc``): the whole Python documentation as one
   GNU info file (``/usr/share/info/python3.X.info.gz``, ~19 MB). Each info node (a
   chapter or section: the tutorial, the HOWTOs, "What's New", the library reference)
   belongs to one document (consecutive nodes grouped into ~8 KB docs); code listings,
   tables, menus, link footnotes and changelog entries are dropped and only paragraphs
   that read as sentences are kept (~5.2 MB of prose).
2. ``jargon-text``: The Jargon File 4.4.7 (Eric S. Raymond et al.), ~1.6 MB of essay and
   dictionary prose; one document per introductory chapter and per letter of the lexicon.
3. The real news articles bundled in ``resources/samples/`` (~13 KB).
4. Fallback when no Debian package can be had: the Python Language Reference topics
   that ship with every CPython (``pydoc_data.topics``, ~0.45 MB).

The ``.deb`` files are fetched with ``apt-get download`` (no install, no root needed when
the package lists are present; as root an ``apt-get update`` is tried once if the
download fails) and unpacked with ``dpkg-deb -x`` into ``bench/corpus/`` (git-ignored).
Files already installed under ``/usr/share`` are used directly.

Importing this module has no side effects; call :func:`load_corpus`.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS_DIR = BENCH / "corpus"
SAMPLES_DIR = REPO / "resources" / "samples"
CACHE_VERSION = 6


@dataclass
class Doc:
    """One real document: a chapter, an info node, an article.

    ``paragraphs`` hold single-line paragraphs (internal whitespace collapsed).
    """

    source: str
    title: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(p.encode("utf-8")) + 2 for p in self.paragraphs)


@dataclass
class Corpus:
    docs: list[Doc]
    sources: list[str]  # human-readable provenance lines
    notes: list[str]  # warnings (missing sources, fallbacks)

    @property
    def size(self) -> int:
        return sum(d.size for d in self.docs)


def _log(msg: str) -> None:
    print(f"[prose] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- packages


def _run(
    cmd: list[str], cwd: Path | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive", "LC_ALL": "C"},
    )


def _resolve_doc_package(name: str) -> str:
    """``python3-doc`` is a metapackage: return the ``python3.X-doc`` it depends on."""
    if not shutil.which("apt-cache"):
        return name
    out = _run(["apt-cache", "depends", name]).stdout
    m = re.search(r"Depends:\s*(python3\.\d+-doc)", out)
    return m.group(1) if m else name


def _package_version(deb: Path) -> str:
    if not shutil.which("dpkg-deb"):
        return deb.name
    out = _run(["dpkg-deb", "-f", str(deb), "Package", "Version"]).stdout.split()
    return " ".join(out) if out else deb.name


def fetch_deb(package: str, dest: Path) -> Path | None:
    """Download and unpack ``package`` into ``dest/<package>/``; return the unpack root."""
    root = dest / package
    stamp = root / ".unpacked"
    if stamp.exists():
        return root
    if not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
        _log(f"no apt-get/dpkg-deb on this machine: cannot fetch {package}")
        return None
    dest.mkdir(parents=True, exist_ok=True)
    debs = sorted(dest.glob(f"{package}_*.deb"))
    if not debs:
        _log(f"apt-get download {package} ...")
        res = _run(["apt-get", "download", package], cwd=dest)
        if res.returncode != 0 and os.geteuid() == 0:
            _log("download failed; trying 'apt-get update' once")
            _run(["apt-get", "update", "-qq"])
            res = _run(["apt-get", "download", package], cwd=dest)
        debs = sorted(dest.glob(f"{package}_*.deb"))
        if res.returncode != 0 or not debs:
            msg = (res.stderr or res.stdout).strip().splitlines()
            _log(f"could not download {package}: {msg[-1] if msg else 'unknown error'}")
            return None
    root.mkdir(parents=True, exist_ok=True)
    res = _run(["dpkg-deb", "-x", str(debs[-1]), str(root)])
    if res.returncode != 0:
        _log(f"could not unpack {debs[-1].name}: {res.stderr.strip()}")
        return None
    (root / ".version").write_text(_package_version(debs[-1]) + "\n")
    stamp.write_text("ok\n")
    return root


def _find(patterns: list[str]) -> Path | None:
    for pat in patterns:
        hits = sorted(glob.glob(pat))
        if hits:
            return Path(hits[-1])
    return None


# --------------------------------------------------------------------------- cleaning

_WS = re.compile(r"\s+")
_NOTE = re.compile(r"\*[Nn]ote\s+([^:*]{1,80}?):\s*[0-9a-f]+([.,])?")
_NOTE_NAMED = re.compile(r"\*[Nn]ote\s+([^:*]+?)::", re.S)
_FOOTNOTE_MARK = re.compile(r"(?<=[\w)’”])\((\d{1,3})\)")
_CODEY = set("{}[]=<>_#\\|`$@^~")


def _prose_paragraph(text: str, min_words: int = 6) -> str | None:
    """Collapse whitespace and return the paragraph if it reads as prose, else None."""
    t = _WS.sub(" ", text).strip()
    if len(t) < 40:
        return None
    words = t.split(" ")
    if len(words) < min_words:
        return None
    if t[-1] not in '.!?:;)"’”':
        return None
    letters = sum(c.isalpha() for c in t)
    if letters < 0.72 * len(t.replace(" ", "")):
        return None
    if sum(c in _CODEY for c in t) > 0.01 * len(t) + 1:
        return None
    if not any(t.count(p) for p in (". ", "? ", "! ")) and not t.endswith((".", "!", "?")):
        return None
    if "http://" in t or "https://" in t or "::" in t or ">>>" in t:
        return None
    return t


def _split_paragraphs(block: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", block) if p.strip()]


def _note_label(m: re.Match[str]) -> str:
    """``*note label: 1c.`` -> ``label``; keep the dot when it also ends the sentence."""
    label, punct = m.group(1), m.group(2) or ""
    if punct == ".":
        rest = m.string[m.end() : m.end() + 3]
        if rest.strip() and not re.match(r"\s+[A-Z(“‘\"]", rest):
            punct = ""
    return label + punct


def parse_python_info(path: Path, group_bytes: int = 8000) -> list[Doc]:
    """The Python documentation's prose, consecutive info nodes grouped into ~8 KB docs."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        raw = fh.read()
    docs: list[Doc] = []
    for node in raw.split("\x1f\n"):
        head, _, body = node.partition("\n")
        m = re.match(r"File: [^,]+,\s+Node: ([^,]+)", head)
        if not m:
            continue
        title = m.group(1).strip()
        if title in {"Top"} or "Index" in title:
            continue
        body = _NOTE_NAMED.sub(r"\1", body)
        body = _NOTE.sub(_note_label, body)
        paras: list[str] = []
        for block in _split_paragraphs(body):
            lines = block.split("\n")
            first = lines[0]
            indent = len(first) - len(first.lstrip(" "))
            stripped = first.strip()
            if indent >= 8 or stripped.startswith(
                ("* Menu", "-- ", "(", "File:", "|", "+--", "===")
            ):
                continue
            if len(lines) >= 2 and re.fullmatch(r"[-=*.]{3,}", lines[-1].strip() or "x"):
                continue  # a heading with its underline
            if any(ln.strip().startswith((">>>", "...", "$ ", "-- ")) for ln in lines):
                continue
            text = block
            text = re.sub(r"^\s*(\*|\d+\.)\s+", "", text)  # bullet or item number
            text = _FOOTNOTE_MARK.sub("", text)
            para = _prose_paragraph(text)
            if para and not re.match(r"- (bpo|gh)-\d+", para):  # changelog entries
                paras.append(para)
        if not paras:
            continue
        # Consecutive nodes belong to one chapter: group them into article-sized docs.
        if docs and docs[-1].size < group_bytes:
            docs[-1].paragraphs += paras
        else:
            docs.append(Doc("python-doc", title, paras))
    return docs


def parse_jargon(path: Path) -> list[Doc]:
    """The Jargon File: introduction chapters and one Doc per lexicon letter."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        raw = fh.read()
    start = raw.find("Welcome to the Jargon File", raw.find("Welcome to the Jargon File") + 10)
    text = raw[max(start, 0) :]
    docs: list[Doc] = []
    current = Doc("jargon-file", "Welcome to the Jargon File")
    for block in _split_paragraphs(text):
        s = block.strip()
        one_line = "\n" not in s
        # Chapter titles of the introduction, and the letters of the lexicon.
        if one_line and (re.fullmatch(r"\d+\. [A-Z][^.]{2,60}", s) or re.fullmatch(r"[A-Z]", s)):
            if current.paragraphs:
                docs.append(current)
            current = Doc("jargon-file", s if len(s) > 1 else f"Lexicon: {s}")
            continue
        if s.startswith(":") and one_line:
            continue  # the headword line ":baroque: adj."
        s = re.sub(r"\{([^{}]{1,60})\}", r"\1", s)
        para = _prose_paragraph(s)
        if para:
            current.paragraphs.append(para)
    if current.paragraphs:
        docs.append(current)
    return [d for d in docs if d.size > 2000]


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    w = text.lower().split()
    return {tuple(w[i : i + n]) for i in range(max(len(w) - n + 1, 0))}


def parse_samples(folder: Path) -> list[Doc]:
    """The bundled news articles (one sentence a line).

    An article that is mostly a version of an earlier one (one sample is a condensed
    copy of another) is skipped, so that the corpus holds each text once.
    """
    docs: list[Doc] = []
    seen: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.txt"), key=lambda p: -p.stat().st_size):
        lines = [ln.strip() for ln in path.read_text("utf-8", errors="replace").splitlines()]
        paras = []
        for ln in lines:
            # Some samples hold the whole article on one line ("... fighters . the video
            # ..."): cut such a line into paragraphs of three sentences, as printed.
            sents = re.split(r"(?<= \.) ", ln) if len(ln) > 1500 else [ln]
            for i in range(0, len(sents), 3):
                para = " ".join(sents[i : i + 3])
                if len(para.split()) >= 5:
                    paras.append(para)
        sh = _shingles(" ".join(paras))
        if not sh or len(sh & seen) > 0.3 * len(sh):
            continue
        seen |= sh
        docs.append(Doc("news-sample", path.stem, paras))
    return docs


def parse_pydoc_topics() -> list[Doc]:
    try:
        from pydoc_data.topics import topics
    except ImportError:
        return []
    docs = []
    for name in sorted(topics):
        paras = [p for p in (_prose_paragraph(b) for b in _split_paragraphs(topics[name])) if p]
        if paras:
            docs.append(Doc("pydoc-topics", name, paras))
    return docs


# --------------------------------------------------------------------------- loading


def _cache_path(cache_dir: Path) -> Path:
    return cache_dir / f"prose-v{CACHE_VERSION}.jsonl"


def load_corpus(cache_dir: Path = CORPUS_DIR, *, offline: bool = False) -> Corpus:
    """Obtain the prose (downloading Debian packages if needed) and return all documents.

    The parsed corpus is cached as ``cache_dir/prose-vN.jsonl``. With ``offline`` no
    package is downloaded: only installed files, the cache and the fallbacks are used.
    """
    cache = _cache_path(cache_dir)
    if cache.exists():
        docs, sources, notes = [], [], []
        with cache.open(encoding="utf-8") as fh:
            meta = json.loads(fh.readline())
            sources, notes = meta["sources"], meta["notes"]
            for line in fh:
                d = json.loads(line)
                docs.append(Doc(d["source"], d["title"], d["paragraphs"]))
        return Corpus(docs, sources, notes)

    docs: list[Doc] = []
    sources: list[str] = []
    notes: list[str] = []
    pkg_dir = cache_dir / "debs"

    # 1. The Python documentation (GNU info).
    info = _find(["/usr/share/info/python3.*.info.gz"])
    origin = "installed"
    if info is None and not offline:
        pkg = _resolve_doc_package("python3-doc")
        root = fetch_deb(pkg, pkg_dir)
        if root:
            info = _find([str(root / "usr/share/info/python3.*.info.gz")])
            origin = (root / ".version").read_text().strip()
    if info is not None:
        got = parse_python_info(info)
        docs += got
        sources.append(
            f"Python documentation, GNU info ({origin}: {info.name}): "
            f"{len(got)} docs of grouped nodes, {sum(d.size for d in got) / 1e6:.1f} MB prose"
        )
    else:
        notes.append("Debian package python3-doc not available: Python documentation skipped")

    # 2. The Jargon File.
    jargon = _find(["/usr/share/doc/jargon-text/jargon.txt.gz"])
    origin = "installed"
    if jargon is None and not offline:
        root = fetch_deb("jargon-text", pkg_dir)
        if root:
            jargon = _find([str(root / "usr/share/doc/jargon-text/jargon.txt.gz")])
            origin = (root / ".version").read_text().strip()
    if jargon is not None:
        got = parse_jargon(jargon)
        docs += got
        sources.append(
            f"The Jargon File 4.4.7 ({origin}): {len(got)} chapters, "
            f"{sum(d.size for d in got) / 1e6:.1f} MB prose"
        )
    else:
        notes.append("Debian package jargon-text not available: Jargon File skipped")

    # 3. The bundled news samples.
    got = parse_samples(SAMPLES_DIR)
    docs += got
    sources.append(
        f"news samples in resources/samples: {len(got)} articles, "
        f"{sum(d.size for d in got) / 1e3:.0f} KB"
    )

    # 4. Fallback.
    if sum(d.size for d in docs) < 2_000_000:
        got = parse_pydoc_topics()
        docs += got
        notes.append(
            "FALLBACK: fewer than 2 MB of prose from Debian packages; added the Python "
            f"Language Reference topics from pydoc_data ({sum(d.size for d in got) / 1e6:.2f} MB)"
        )

    if notes:  # something was missing: do not keep this corpus, try again next time
        return Corpus(docs, sources, notes)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"sources": sources, "notes": notes}) + "\n")
        for d in docs:
            fh.write(
                json.dumps(
                    {"source": d.source, "title": d.title, "paragraphs": d.paragraphs},
                    ensure_ascii=False,
                )
                + "\n"
            )
    tmp.replace(cache)
    return Corpus(docs, sources, notes)


if __name__ == "__main__":
    c = load_corpus()
    for s in c.sources:
        print(s)
    for n in c.notes:
        print("NOTE:", n)
    print(f"{len(c.docs)} documents, {c.size / 1e6:.2f} MB")
