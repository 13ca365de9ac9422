"""Tests of the GUI's pure core helpers: paths, atomic writes, settings, position map."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import atomic
from core.engine.position_map import map_from_blocks
from core.model import Block, Op
from core.paths import app_paths
from core.settings import (
    MAX_RECENT,
    Settings,
    load_settings,
    save_settings,
    with_recent_folder,
)


def test_paths_follow_redline_home(tmp_path: Path) -> None:
    paths = app_paths({"REDLINE_HOME": str(tmp_path)})
    assert paths.config == tmp_path / "config"
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert (paths.samples / "000_a1d9523b8511cf93.txt").is_file()


def test_paths_default_under_test_home() -> None:
    assert str(app_paths().config).startswith(os.environ["REDLINE_HOME"])


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.json"
    atomic.atomic_write_text(target, "one")
    atomic.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["f.json"]


def test_atomic_write_failure_leaves_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError):
        atomic.atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path).settings == Settings()
    s = with_recent_folder(Settings(ignore_case=False, font_size=14), "/a")
    save_settings(path, s)
    loaded = load_settings(path)
    assert loaded.settings == s and loaded.message is None


def test_recent_folders_unique_and_bounded() -> None:
    s = Settings()
    for i in range(MAX_RECENT + 5):
        s = with_recent_folder(s, f"/f{i % 12}")
    s = with_recent_folder(s, "/f3")
    assert s.recent_folders[0] == "/f3"
    assert len(s.recent_folders) == MAX_RECENT == len(set(s.recent_folders))


@pytest.mark.parametrize("content", [b'{"recent_folders": ["/a"', b"[1, 2]", b"\xff\xfe\x00"])
def test_corrupt_settings_set_aside(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.message and "Default settings" in loaded.message
    assert not path.exists()
    assert len(list(tmp_path.glob("settings.json.corrupt-*"))) == 1


def test_wrong_typed_field_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ignore_case": "yes", "font_size": 99, "recent_folders": ["/x"]}))
    loaded = load_settings(path)
    assert loaded.settings.ignore_case is True
    assert loaded.settings.font_size == 40
    assert loaded.settings.recent_folders == ("/x",)
    assert loaded.problems == ("ignore_case",)


def _block(kind: str, old, new) -> Block:
    ops: tuple[Op, ...] = ()
    if old and new:
        ops = (Op("equal", old, new),)
    return Block(kind, old, new, ops)  # type: ignore[arg-type]


def test_position_map_anchors_and_gaps() -> None:
    blocks = [
        _block("equal", (0, 10), (0, 10)),
        _block("deleted", (11, 30), None),
        _block("inserted", None, (11, 20)),
        _block("changed", (31, 50), (21, 60)),
        _block("moved", (60, 70), (0, 5)),
    ]
    m = map_from_blocks(blocks, 70, 60)
    assert m.old_to_new(5) == 5
    assert m.old_to_new(31) == 21
    assert m.new_to_old(21) == 31
    assert m.old_to_new(50) == 60 and m.old_to_new(70) == 60
    assert m.new_to_old(60) == 70
    assert 10 <= m.old_to_new(20) <= 21


@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=30),
    st.integers(0, 600),
)
def test_position_map_is_monotone(pairs, probe) -> None:
    blocks = [_block("equal", (o, o + 1), (n, n + 1)) for o, n in pairs]
    m = map_from_blocks(blocks, 501, 501)
    assert list(m.old_anchors) == sorted(m.old_anchors)
    assert list(m.new_anchors) == sorted(m.new_anchors)
    assert m.old_to_new(probe) <= m.old_to_new(probe + 1)
    assert m.new_to_old(probe) <= m.new_to_old(probe + 1)
    assert 0 <= m.old_to_new(probe) <= 501
