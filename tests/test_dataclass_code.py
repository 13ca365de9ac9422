"""The code of the methods ``dataclasses`` writes, recorded by ``make native`` and run at
start-up (``core.engine.dataclass_code``): a class defined with the recorded code has
the methods it has without, a source not recorded is compiled as before, and a file
for another Python, or a damaged one, is not used."""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.engine import dataclass_code, native
from core.model import Block, Comparison, Document

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


@pytest.fixture
def own_exec() -> Iterator[None]:
    """``dataclasses`` without an ``exec`` of its own for the test, given back after
    (the compiled path's start-up gives it one)."""
    saved = vars(dataclasses).get("exec")
    dataclasses_code_unloaded()
    yield
    dataclasses_code_unloaded()
    if saved is not None:
        dataclasses.exec = saved  # type: ignore[attr-defined]


def dataclasses_code_unloaded() -> None:
    dataclass_code.unload()
    assert "exec" not in vars(dataclasses)


def _define(name: str = "Point", frozen: bool = True) -> type:
    """A class like the model's: frozen, with slots, a default and a factory."""
    namespace = {
        "__annotations__": {"x": "int", "y": "int", "tags": "list[str]"},
        "__doc__": "A point.",
        "y": 0,
        "tags": dataclasses.field(default_factory=list),
    }
    return dataclasses.dataclass(frozen=frozen, slots=True)(type(name, (), namespace))


def _codes(cls: type) -> dict[str, object]:
    return {m: vars(cls)[m].__code__ for m in METHODS if m in vars(cls) and vars(cls)[m]}


def _recorded(tmp_path: Path) -> Path:
    codes = dataclass_code.recording()
    _define()
    dataclass_code.unload()
    assert len(codes) >= 5  # __init__, __repr__, __eq__, __setattr__, __delattr__ (+ hash)
    path = tmp_path / dataclass_code.FILE
    path.write_bytes(dataclass_code.record(codes))
    return path


def test_a_class_made_with_the_recorded_code_has_the_same_methods(
    own_exec: None, tmp_path: Path
) -> None:
    path = _recorded(tmp_path)
    without = _define()
    ran: list[object] = []
    assert dataclass_code.load(str(path)) >= 5
    wrapped = dataclasses.exec  # type: ignore[attr-defined]

    def counting(source: object, *args: object) -> None:
        ran.append(source)
        wrapped(source, *args)

    dataclasses.exec = counting  # type: ignore[attr-defined]
    with_code = _define()
    assert ran and _codes(with_code) == _codes(without)
    point = with_code(1, tags=["a"])
    assert (point.x, point.y, point.tags) == (1, 0, ["a"])
    assert repr(point) == "Point(x=1, y=0, tags=['a'])"
    assert point == with_code(1, 0, ["a"]) and point != with_code(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]


def test_the_recorded_code_is_run_not_compiled(
    own_exec: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _recorded(tmp_path)
    dataclass_code.load(str(path))
    compiled: list[object] = []
    real_exec = exec

    def watching(source: object, *args: object) -> None:
        if isinstance(source, str):
            compiled.append(source)
        real_exec(source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("builtins.exec", watching)
    _define()
    assert compiled == []  # (every source was known: its code ran)
    _define(frozen=False)  # (another class's sources: compiled as before)
    assert compiled


def test_a_source_not_recorded_is_compiled_as_before(own_exec: None, tmp_path: Path) -> None:
    dataclass_code.load(str(_recorded(tmp_path)))
    other = dataclasses.dataclass(type("Other", (), {"__annotations__": {"name": "str"}}))
    assert other("a") == other("a") and repr(other("b")) == "Other(name='b')"


def test_a_file_for_another_python_or_damaged_is_not_used(own_exec: None, tmp_path: Path) -> None:
    path = _recorded(tmp_path)
    header = marshal.dumps((dataclass_code.FORMAT, dataclass_code.python_key()))
    codes = marshal.loads(path.read_bytes()[len(header) :])
    other = tmp_path / "other"
    other.write_bytes(marshal.dumps((dataclass_code.FORMAT, ("2.7.18", 0))) + marshal.dumps(codes))
    assert dataclass_code.load(str(other)) == 0 and "exec" not in vars(dataclasses)
    for damaged in (b"", b"\x00garbage", path.read_bytes()[:40]):
        other.write_bytes(damaged)
        assert dataclass_code.load(str(other)) == 0 and "exec" not in vars(dataclasses)
    assert dataclass_code.load(str(tmp_path / "missing")) == 0


def test_a_damaged_entry_is_compiled_from_its_source(own_exec: None, tmp_path: Path) -> None:
    path = _recorded(tmp_path)
    header = marshal.dumps((dataclass_code.FORMAT, dataclass_code.python_key()))
    codes = marshal.loads(path.read_bytes()[len(header) :])
    path.write_bytes(header + marshal.dumps({k: b"\x00bad" for k in codes}))
    assert dataclass_code.load(str(path)) == len(codes)
    point = _define()(3)
    assert (point.x, point.y) == (3, 0)


def test_it_is_loaded_once(own_exec: None, tmp_path: Path) -> None:
    path = _recorded(tmp_path)
    assert dataclass_code.load(str(path)) > 0
    installed = dataclasses.exec  # type: ignore[attr-defined]
    assert dataclass_code.load(str(path)) == 0 and dataclasses.exec is installed  # type: ignore[attr-defined]


def test_the_compiled_path_runs_the_builds_code_for_the_models_classes() -> None:
    if not native.status()[0]:
        pytest.skip("no compiled build (make native): every class is compiled as before")
    assert "exec" in vars(dataclasses)
    path = Path(native.BUILD) / dataclass_code.FILE
    with open(path, "rb") as handle:
        assert marshal.load(handle) == (dataclass_code.FORMAT, dataclass_code.python_key())
        sources = marshal.load(handle)
    # (each class of the model writes its __init__ from its fields)
    for cls in (Block, Document, Comparison):
        fields = [f.name for f in dataclasses.fields(cls)]
        assert any("__init__(" in s and all(f in s for f in fields) for s in sources), cls
