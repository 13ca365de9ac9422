"""Walking a folder: every article listed once, every trap reported, nothing blocks."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from core.errors import CancelledError, FileMissingError, NotAFolderError
from core.text.document import load_document
from core.text.folder import FolderEntry, walk_folder


def _touch(root: Path, relpath: str, data: bytes = b"text") -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _listing(root: Path | str, **options: object) -> list[tuple[str, str | None]]:
    return [(entry.relpath, entry.error) for entry in walk_folder(root, **options)]  # type: ignore[arg-type]


def test_empty_folder(tmp_path: Path) -> None:
    assert _listing(tmp_path) == []


def test_one_file(tmp_path: Path) -> None:
    _touch(tmp_path, "story.txt", b"hello")
    (entry,) = walk_folder(tmp_path)
    assert entry == FolderEntry(
        str(tmp_path / "story.txt"), "story.txt", None, 5, os.stat(tmp_path / "story.txt").st_mtime
    )
    assert os.path.isabs(entry.path)
    assert load_document(entry.path).text == "hello"


def test_supported_files_in_stable_order_with_case_twins(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "A.txt", "x.md", "page.HTML", "img.png", "notes", "z/c.htm"]:
        _touch(tmp_path, name)
    _touch(tmp_path, "sub/deeper/d.markdown")
    # "notes" holds text and has no suffix: it is listed ("img.png" is not)
    expected = [
        "A.txt",
        "a.txt",
        "b.txt",
        "notes",
        "page.HTML",
        "sub/deeper/d.markdown",
        "x.md",
        "z/c.htm",
    ]
    assert [relpath for relpath, _ in _listing(tmp_path)] == expected
    assert _listing(tmp_path) == _listing(tmp_path)


def test_not_recursive(tmp_path: Path) -> None:
    _touch(tmp_path, "top.txt")
    _touch(tmp_path, "sub/inner.txt")
    assert _listing(tmp_path, recursive=False) == [("top.txt", None)]


def test_symlink_loop_is_reported_once_and_the_walk_ends(tmp_path: Path) -> None:
    _touch(tmp_path, "a/story.txt")
    os.symlink("..", tmp_path / "a" / "loop")
    os.symlink(".", tmp_path / "self")
    listing = _listing(tmp_path)
    assert listing == [
        ("a/loop", "symbolic link loop, not followed"),
        ("a/story.txt", None),
        ("self", "symbolic link loop, not followed"),
    ]


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path, "real/story.txt")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    os.symlink("/", tmp_path / "disk")
    listing = dict(_listing(tmp_path))
    assert listing["real/story.txt"] is None
    assert "not followed" in (listing["alias"] or "")
    assert "outside" in (listing["disk"] or "")
    assert len(listing) == 3


def test_special_files_and_bad_links_are_error_entries(tmp_path: Path) -> None:
    _touch(tmp_path, "good.txt")
    _touch(tmp_path, "elsewhere/target.txt")
    os.symlink(tmp_path / "elsewhere" / "target.txt", tmp_path / "linked.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe-no-suffix")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.txt"))
        started = time.monotonic()
        listing = dict(_listing(tmp_path))
        assert time.monotonic() - started < 5
    finally:
        server.close()
    assert listing == {
        "dangling.txt": "broken symbolic link",
        "elsewhere/target.txt": None,
        "good.txt": None,
        "linked.txt": None,  # a link to a regular file is fine: loading is bounded
        "pipe.txt": "a FIFO (named pipe), skipped",
        "sock.txt": "a socket, skipped",
        "zero.txt": "link to a device, skipped",
    }


def test_unreadable_subfolder_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _touch(tmp_path, "a/one.txt")
    _touch(tmp_path, "locked/secret.txt")
    _touch(tmp_path, "z/two.txt")
    real_scandir = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert _listing(tmp_path) == [
        ("a/one.txt", None),
        ("locked", "folder could not be read (Permission denied)"),
        ("z/two.txt", None),
    ]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"<b>x<.txt", "<b>x<.txt"),
        (b"a\"b'c&.txt", "a\"b'c&.txt"),
    ],
)
def test_odd_names_are_listed_printable_and_loadable(
    tmp_path: Path, name: bytes, shown: str
) -> None:
    (Path(os.fsencode(tmp_path).decode("utf-8", "surrogateescape")) / "sub").mkdir()
    with open(os.path.join(os.fsencode(tmp_path), b"sub", name), "wb") as handle:
        handle.write(b"body")
    (entry,) = walk_folder(tmp_path)
    assert entry.relpath == f"sub/{shown}"
    assert entry.relpath.isprintable()
    assert load_document(entry.path).text == "body"


def test_file_deleted_after_listing(tmp_path: Path) -> None:
    _touch(tmp_path, "brief.txt")
    (entry,) = walk_folder(tmp_path)
    os.remove(entry.path)
    with pytest.raises(FileMissingError):
        load_document(entry.path)


@pytest.mark.parametrize(
    ("make", "error"),
    [("missing", FileMissingError), ("file", NotAFolderError)],
)
def test_bad_root(tmp_path: Path, make: str, error: type[Exception]) -> None:
    root = tmp_path / "root"
    if make == "file":
        root.write_text("x")
    with pytest.raises(error) as caught:
        list(walk_folder(root))
    assert str(root) in str(caught.value)


def test_cancel_stops_promptly(tmp_path: Path) -> None:
    for index in range(200):
        _touch(tmp_path, f"f{index:03}.txt")
    seen: list[FolderEntry] = []
    with pytest.raises(CancelledError):
        for entry in walk_folder(tmp_path, should_cancel=lambda: len(seen) >= 5):
            seen.append(entry)
    assert len(seen) == 5


def test_walk_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(20):
        _touch(tmp_path, f"d{index:02}/story.txt")
    opened: list[str] = []
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        opened.append(os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    first = next(iter(walk_folder(tmp_path)))
    assert first.relpath == "d00/story.txt"
    assert len(opened) == 2  # the root and the first subfolder, nothing more


def test_ten_thousand_files_fifty_deep(tmp_path: Path) -> None:
    folder = tmp_path
    for depth in range(50):
        folder = folder / f"level{depth:02}"
        folder.mkdir()
        for index in range(200):
            (folder / f"s{index:03}.txt").write_bytes(b"")
    started = time.monotonic()
    entries = list(walk_folder(tmp_path))
    elapsed = time.monotonic() - started
    assert len(entries) == 10_000
    assert all(entry.error is None for entry in entries)
    assert max(entry.relpath.count("/") for entry in entries) == 50
    assert elapsed < 5


def test_files_of_other_types_are_counted_not_listed(tmp_path: Path) -> None:
    from collections import Counter

    from gui.work.loading import FolderRequest, run_folder

    _touch(tmp_path, "story.txt")
    for name in ("a.xlsx", "b.xlsx", "photo.JPG"):
        _touch(tmp_path, name)
    _touch(tmp_path, "core", b"\x7fELF\x02\x01\x01\x00" + bytes(64))  # no suffix, binary
    _touch(tmp_path, ".hidden")  # no suffix, hidden
    skipped: Counter[str] = Counter()
    assert _listing(tmp_path, skipped=skipped) == [("story.txt", None)]
    assert skipped == Counter({".xlsx": 2, ".jpg": 1, "(none)": 2})
    rows: list[object] = []
    message = run_folder(FolderRequest(str(tmp_path)), rows.extend, lambda: False)
    assert len(rows) == 1
    assert (
        message
        == "1 document listed, 5 files of other types not listed ((none) 2, .xlsx 2, .jpg 1)"
    )


def test_text_files_without_a_suffix_are_listed(tmp_path: Path) -> None:
    # A folder of wire copy saved without suffixes listed nothing ("2 files of other
    # types not listed ((none) 2)").
    from gui.work.loading import DocumentRow, FolderRequest, run_folder

    _touch(tmp_path, "AP-BAGHDAD-0611", b"BAGHDAD (AP) - Iraq's prime minister asked ...")
    _touch(tmp_path, "AP-BAGHDAD-0611-update", b"BAGHDAD (AP) - Iraq's prime minister on ...")
    _touch(tmp_path, "core", b"\x7fELF\x02\x01\x01\x00" + bytes(64))
    assert _listing(tmp_path) == [("AP-BAGHDAD-0611", None), ("AP-BAGHDAD-0611-update", None)]
    rows: list[DocumentRow] = []
    message = run_folder(FolderRequest(str(tmp_path)), rows.extend, lambda: False)
    assert [r.error for r in rows] == [None, None]
    assert message.startswith("2 documents listed")


def test_links_to_files_outside_the_folder_are_not_read(tmp_path: Path) -> None:
    root = tmp_path / "drop"
    _touch(root, "story.txt")
    _touch(tmp_path, "private.txt")
    os.symlink("/etc/passwd", root / "passwd.txt")
    os.symlink(tmp_path / "private.txt", root / "private.txt")
    os.symlink(root / "story.txt", root / "alias.txt")  # inside: listed
    listing = dict(_listing(root))
    assert listing["alias.txt"] is None and listing["story.txt"] is None
    assert listing["passwd.txt"] == "link to a file outside this folder (/etc/passwd), not followed"
    assert (listing["private.txt"] or "").startswith("link to a file outside this folder (")
    # a link without a suffix is not opened to look at its first bytes
    os.symlink("/etc/passwd", root / "passwd")
    assert "passwd" not in dict(_listing(root))
