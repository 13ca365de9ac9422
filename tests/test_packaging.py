"""What an installed Redline needs: its version from the package metadata, every
command in ``--help``, resources found by import, the wheel's own ``core`` winning
over another distribution's, and ``redline install-desktop``."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import core
import redline
from core.cli import main
from core.paths import app_paths, resources_dir
from gui.shell import desktop
from tests.conftest import REPO


def test_version_is_read_from_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert importlib.metadata.version("redline") == core.__version__
    assert core.installed_version() == importlib.metadata.version("redline")
    # A distribution found first on the path is the one both read.
    info = tmp_path / "Redline-9.8.7.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: Redline\nVersion: 9.8.7\n\nVersion: 1.0 in the text\n",
        encoding="utf-8",
    )
    (tmp_path / "redline_extras-1.0.dist-info").mkdir()  # another project: skipped
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    assert importlib.metadata.version("redline") == "9.8.7"
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == "redline 9.8.7\n"


def test_version_of_an_uninstalled_checkout_is_the_source_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert core.installed_version() == core.__version__


def test_version_does_not_import_package_metadata() -> None:
    # importlib.metadata and the engine cost 30-60 ms of a 10 ms answer.
    code = (
        "import sys; from core.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('importlib.metadata', "
        "'core.engine', 'core.model', 'core.report.comparison_json', 'core.text.document'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"redline {core.__version__}", "[]"]


def test_the_console_script_prints_the_version() -> None:
    script = Path(sys.executable).parent / "redline"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == f"redline {importlib.metadata.version('redline')}\n"


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("open", "install-desktop", "compare", "nway", "scan"):
        assert re.search(rf"^    {command}(?: |$)", out, re.M), command


def test_resources_are_the_resources_package() -> None:
    folder = resources_dir()
    assert folder == REPO / "resources"
    assert sorted(p.suffix for p in folder.glob("redline.*")) == [".desktop", ".svg", ".xml"]
    assert len(list(app_paths().samples.glob("*.txt"))) >= 2


def _wheel_layout(root: Path) -> Path:
    """A site-packages with the wheel's redline/ and, first, another project's core."""
    site = root / "site"
    (site / "redline" / "core").mkdir(parents=True)
    shutil.copy(Path(redline.__file__), site / "redline" / "__init__.py")
    (site / "redline" / "core" / "__init__.py").write_text("OWNER = 'redline'\n")
    (root / "other" / "core").mkdir(parents=True)
    (root / "other" / "core" / "__init__.py").write_text("OWNER = 'other'\n")
    return site


def test_the_wheels_core_wins_over_another_distributions(tmp_path: Path) -> None:
    site = _wheel_layout(tmp_path)
    code = (
        "import sys, os, subprocess; sys.path[:0] = [sys.argv[1], sys.argv[2]]; import redline; "
        "redline.use_bundled_packages(); import core; print(core.OWNER); "
        "sys.stdout.flush(); subprocess.run([sys.executable, '-S', '-c', "
        "'import sys; sys.path.append(sys.argv[1]); import core; print(core.OWNER)', "
        "sys.argv[1]])"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, str(tmp_path / "other"), str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    # ... in this process and in a child Python (the fork server of large comparisons)
    assert done.stdout == "redline\nredline\n", done.stderr


@pytest.mark.parametrize(
    ("arg", "written"),
    [
        ("/usr/bin/redline", "/usr/bin/redline"),
        ("/home/a b/redline", '"/home/a b/redline"'),
        ("/opt/50%/redline", "/opt/50%%/redline"),
        ('/x/"$q"/r', '"/x/\\\\"\\\\$q\\\\"/r"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, written: str) -> None:
    assert desktop.exec_argument(arg) == written


def test_install_desktop_writes_entry_icon_and_metainfo(tmp_path: Path) -> None:
    command = [str(tmp_path / "my venv" / "bin" / "redline")]
    written = desktop.install_desktop(tmp_path / "share", command)
    rel = sorted(str(p.relative_to(tmp_path / "share")) for p in written)
    assert rel == [
        "applications/redline.desktop",
        "icons/hicolor/scalable/apps/redline.svg",
        "metainfo/redline.metainfo.xml",
    ]
    entry = (tmp_path / "share" / "applications" / "redline.desktop").read_text()
    assert f'Exec="{command[0]}" open %F\n' in entry
    assert "MimeType=inode/directory;text/plain;" in entry
    validate = shutil.which("desktop-file-validate")
    if validate:
        done = subprocess.run([validate, written[0]], capture_output=True, text=True)
        assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_install_desktop_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert desktop.main([]) == 0
    assert (tmp_path / "data" / "applications" / "redline.desktop").is_file()
    assert capsys.readouterr().out.count("installed ") == 3
    assert desktop.main(["--user"]) == 2
