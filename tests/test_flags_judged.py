"""The flags judged by hand on real pairs (``bench/flags_judged.jsonl``, see bench/README.md):
re-run the flags on those pairs and fail when a flag judged wrong that is no longer raised
comes back, or one judged right that is raised disappears. The scripture pair is in the
repository (``bench/real/``, public domain), so that part always runs; the licences and the
revision corpora are used when present, and skipped otherwise."""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import REPO

sys.path[:0] = [str(REPO / "bench"), str(REPO / "tests")]

from measure_flags import JUDGED, real_flag_records  # noqa: E402
from real_pairs import IN_REPO, SOURCES, real_pairs  # noqa: E402

RECORDS = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line]


def _check(source: str) -> int:
    mine = [r for r in RECORDS if r["source"] == source]
    pairs = {r["pair"] for r in mine}
    raised: set[str] = set()
    seen = set()
    for pair in real_pairs((source,)):
        if pair.pair in pairs:
            seen.add(pair.pair)
            raised.update(r["key"] for r in real_flag_records(pair))
    checked = [r for r in mine if r["pair"] in seen]
    back = [
        r for r in checked if r["verdict"] == "wrong" and not r["raised"] and r["key"] in raised
    ]
    lost = [
        r for r in checked if r["verdict"] == "right" and r["raised"] and r["key"] not in raised
    ]
    assert not back, [(r["kind"], r["reason"]) for r in back]
    assert not lost, [(r["kind"], r["reason"]) for r in lost]
    return len(checked)


def test_the_judged_list_is_well_formed() -> None:
    assert len(RECORDS) >= 140
    for record in RECORDS:
        assert record["verdict"] in ("right", "wrong") and record["reason"]
        assert record["source"] in SOURCES and record["old"] is not None


def test_judged_flags_of_the_pairs_in_the_repository() -> None:
    assert sum(_check(source) for source in IN_REPO) >= 20


@pytest.mark.parametrize("source", [s for s in SOURCES if s not in IN_REPO])
def test_judged_flags_of_the_corpora_when_present(source: str) -> None:
    if not any(True for _ in real_pairs((source,))):
        pytest.skip(f"{source}: files not present")
    _check(source)
