"""The JSON report's text: the directly written blocks are exactly what the encoder gives."""

from __future__ import annotations

import dataclasses
import json

from core.engine.compare import compare
from core.model import DecodeWarning
from core.notes.annotation import Annotation, make_anchor
from core.report.comparison_json import comparison_to_dict, comparison_to_json
from core.text.document import load_document
from tests.conftest import CONDENSED, FULL, UNRELATED


def _encoded(result, annotations=None) -> str:
    data = comparison_to_dict(result, annotations)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_json_text_is_the_encoders_for_the_samples() -> None:
    for old, new in ((CONDENSED, FULL), (UNRELATED, FULL), (FULL, FULL)):
        result = compare(load_document(str(old)), load_document(str(new)))
        assert comparison_to_json(result) == _encoded(result)


def test_json_text_is_the_encoders_for_every_field_variant() -> None:
    old, new = load_document(str(CONDENSED)), load_document(str(FULL))
    result = compare(old, new)
    # (the reverse comparison's blocks bring deletions: spans need not fit here)
    blocks = result.blocks + compare(new, old).blocks
    odd_blocks = tuple(
        dataclasses.replace(
            b,
            approximate=k % 2 == 0,
            ops=tuple(dataclasses.replace(op, exact=k % 3 != 0) for op in b.ops),
        )
        for k, b in enumerate(blocks)
    )
    odd = dataclasses.replace(
        result,
        blocks=odd_blocks,
        approximate=True,
        old=dataclasses.replace(
            old, path='odd "name"\\\u2028é.txt', decode_warning=DecodeWarning(3, 17)
        ),
    )
    assert any(b.old is None for b in odd.blocks) and any(b.new is None for b in odd.blocks)
    note = Annotation(
        id=7,
        note='"quoted" \x00 \U0001f600',
        tag="figure changed",
        status="open",
        old=make_anchor(old.path, old.sha256, old.text, 0, 4),
        new=None,
        created=1.5,
        modified=2.5,
    )
    for notes in (None, [], [note]):
        text = comparison_to_json(odd, notes)
        assert text == _encoded(odd, notes)
        assert json.loads(text)["blocks"][0]["approximate"] is True


def test_json_parts_are_the_text_in_utf8_up_to_the_rows_then_the_flags() -> None:
    from core.report.comparison_json import comparison_json_parts

    result = compare(load_document(str(CONDENSED)), load_document(str(FULL)))
    for flags in (True, False):
        parts = list(comparison_json_parts(result, None, flags, context=1 if flags else None))
        text = comparison_to_json(result, None, flags, context=1 if flags else None)
        assert len(parts) == 2 and b"".join(parts) == text.encode("utf-8")
        assert parts[0].endswith(b"]") and b'"rows":[' in parts[0]
        assert (b'"flags":' in parts[1]) == flags


def test_the_command_writes_the_json_report_in_parts_the_same(tmp_path, capsys) -> None:
    from core.cli import main

    out = tmp_path / "report.json"
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "json", "-o", str(out)]) == 1
    result = compare(load_document(str(CONDENSED)), load_document(str(FULL)))
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["blocks"] == json.loads(comparison_to_json(result))["blocks"]
    assert "flags" in written and written["rows"]
    main(["compare", str(CONDENSED), str(FULL), "--format", "json"])
    assert json.loads(capsys.readouterr().out) == written
