"""``make run``'s check of the system libraries Qt's platform plugin needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.shell import system_libs

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd6b1f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c1e000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-cursor.so.0 => not found
\tlibstrange.so.3 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1dc00000)
"""


def test_ldd_not_found_lines_are_the_missing_libraries() -> None:
    missing = system_libs.missing_in(LDD)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libstrange.so.3"]
    assert system_libs.packages_for(missing) == (
        ["libxcb-cursor0", "libxcb-icccm4"],
        ["libstrange.so.3"],
    )


def test_the_offscreen_plugin_loads_here() -> None:
    """``make test`` made sure of that; the xcb plugin is found (its libraries are
    ``make run``'s business)."""
    xcb = system_libs.platform_plugin("xcb")
    assert xcb is not None and xcb.name == "libqxcb.so"
    offscreen = system_libs.platform_plugin("offscreen")
    assert offscreen is not None and system_libs.missing_libraries(offscreen) == []
    assert system_libs.platform_plugin("no-such-platform") is None


def _missing(monkeypatch: pytest.MonkeyPatch, libraries: list[str], fonts: bool = True) -> None:
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: list(libraries))
    monkeypatch.setattr(system_libs, "has_fonts", lambda: fonts)


def test_without_root_it_prints_the_one_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _missing(monkeypatch, ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"], fonts=False)
    monkeypatch.setattr(system_libs, "_can_apt_install", lambda: False)
    assert system_libs.main(["--install"]) == 1
    err = capsys.readouterr().err
    assert "missing libxcb-cursor.so.0, libxkbcommon-x11.so.0" in err
    assert "apt-get install fonts-dejavu-core libxcb-cursor0 libxkbcommon-x11-0\n" in err


def test_as_root_on_debian_it_installs_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    state = {"missing": ["libxcb-keysyms.so.1"]}
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: state["missing"])
    monkeypatch.setattr(system_libs, "has_fonts", lambda: True)
    monkeypatch.setattr(system_libs, "_can_apt_install", lambda: True)
    installed: list[list[str]] = []

    def apt(packages: list[str]) -> bool:
        installed.append(packages)
        state["missing"] = []
        return True

    monkeypatch.setattr(system_libs, "_apt_install", apt)
    assert system_libs.main(["--install"]) == 0
    assert installed == [["libxcb-keysyms1"]]
    assert "installing libxcb-keysyms1" in capsys.readouterr().out


def test_an_unknown_library_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _missing(monkeypatch, ["libstrange.so.3"])
    assert system_libs.main([]) == 1
    assert "provide libstrange.so.3" in capsys.readouterr().err


def test_fonts_are_found_by_suffix(tmp_path: Path) -> None:
    assert not system_libs.has_fonts((str(tmp_path),))
    (tmp_path / "truetype").mkdir()
    (tmp_path / "truetype" / "DejaVuSans.ttf").write_bytes(b"\0")
    assert system_libs.has_fonts((str(tmp_path),))


def test_other_systems_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    _missing(monkeypatch, ["libxcb-cursor.so.0"])
    monkeypatch.setattr(system_libs.sys, "platform", "darwin")
    assert system_libs.main([]) == 0
    monkeypatch.setattr(system_libs.sys, "platform", "linux")
    assert system_libs.main([]) == 1
