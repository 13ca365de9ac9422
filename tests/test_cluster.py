"""``redline scan --cluster``: the same scan result on a Dask cluster as on one machine.

The cluster tests need the optional ``cluster`` extra (Dask, distributed, fsspec) and
are skipped with that reason without it (CI installs it: ``.ci/run``). The message
for ``--cluster`` without the extra is tested either way.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.errors import RedlineError
from core.families import scan as families
from core.families.scan import ScanOptions, scan_folder
from core.families.scan_report import scan_to_dict, scan_to_json, scan_to_text
from core.figures import similarity_text
from tests.family_folders import build_folder

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def _dask() -> Any:
    pytest.importorskip("dask.bag", reason="the cluster extra (dask) is not installed")
    return pytest.importorskip(
        "distributed", reason="the cluster extra (distributed) is not installed"
    )


@pytest.fixture(scope="module")
def client() -> Any:
    """An in-process cluster of two workers (threads, so it starts in a second)."""
    distributed = _dask()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as made,
    ):
        yield made


def _folder(root: Path) -> Path:
    """Two story folders, a binary file, one that is too large and one like no other:
    families, singles and files listed under "not read"."""
    build_folder(root / "one", seed=7)
    build_folder(root / "two", seed=8)
    (root / "bad.txt").write_bytes(PNG)
    (root / "one" / "huge.txt").write_text("word " * 5000, encoding="utf-8")
    (root / "two" / "alone.txt").write_text(" ".join(f"q{i}z" for i in range(300)), "utf-8")
    return root


def _same(local: Any, cluster: Any) -> None:
    """The cluster's report (written piece by piece) is the local scan's, byte for byte."""
    assert "".join(cluster.json_parts()) == scan_to_json(local)
    assert "".join(cluster.text_parts()) == scan_to_text(local)


@pytest.mark.parametrize("all_pairs_limit", [300, 0], ids=["all-pairs", "bands-and-index"])
@pytest.mark.parametrize("chunk_size", [3, 1000])
def test_cluster_scan_is_the_local_scan(
    client: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk_size: int,
    all_pairs_limit: int,
) -> None:
    from core.cluster.run import scan_with_client

    monkeypatch.setattr(families, "ALL_PAIRS_LIMIT", all_pairs_limit)
    folder = _folder(tmp_path)
    options = ScanOptions(max_bytes=20_000, use_cache=False)
    local = scan_folder(folder, options)
    assert local.families and len(local.errors) == 2  # the test means something
    _same(local, scan_with_client(client, str(folder), options, chunk_size=chunk_size))


def _listing_in_one(result: Any) -> str:
    """``scan_to_text`` as it was before it was made of pieces (one join)."""
    by_path = {d.relpath: d for d in result.documents}
    n_docs, n_fams = len(result.documents), len(result.families)
    lines = [
        f"{result.root}: {n_docs} document{'s' * (n_docs != 1)}, "
        f"{n_fams} famil{'ies' if n_fams != 1 else 'y'}, {len(result.errors)} error(s)"
    ]
    for family in result.families:
        lines += ["", f"family {family.id + 1} ({len(family.members)} versions)"]
        for path in [family.original] + [m for m in family.members if m != family.original]:
            mark = "original" if path == family.original else "version "
            lines.append(f"  {mark}  {path}  {by_path[path].words} words, {_near(by_path[path])}")
    alone = [d for d in result.documents if d.family is None]
    if alone:
        lines += ["", "in no family"] + [
            f"  {d.relpath}  {d.words} words, {_near(d)}" for d in alone
        ]
    if result.errors:
        lines += ["", "not read"] + [f"  {e.relpath}: {e.reason}" for e in result.errors]
    return "\n".join(lines) + "\n"


def _near(doc: Any) -> str:
    if doc.closest is None:
        return "no similar document"
    return f"closest {doc.closest} ({similarity_text(doc.similarity, estimate=True)})"


@pytest.mark.parametrize("kind", ["whole", "empty"])
def test_the_report_in_pieces_is_the_report_in_one(tmp_path: Path, kind: str) -> None:
    # The pieces the cluster writes (scan_report.json_parts, text_parts) against the
    # one-piece JSON and listing they replaced.
    folder = _folder(tmp_path) if kind == "whole" else tmp_path
    result = scan_folder(folder, ScanOptions(max_bytes=20_000, use_cache=False))
    if kind == "whole":  # every section of the listing is there
        assert result.families and result.errors
        assert any(d.family is None and d.closest is None for d in result.documents)
    assert scan_to_json(result) == json.dumps(scan_to_dict(result), ensure_ascii=False) + "\n"
    assert scan_to_text(result) == _listing_in_one(result)


def test_the_client_lists_nothing_and_makes_no_document_row(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder is listed and each document's row made on a worker: the client holds
    # counts and the family structure, not a path or a row per document.
    distributed = _dask()
    from core.cluster import report, run, sources

    def on_a_worker(made: Any) -> Any:
        def checked(*args: Any, **kwargs: Any) -> Any:
            distributed.get_worker()  # raises ValueError on the client
            return made(*args, **kwargs)

        return checked

    monkeypatch.setattr(sources, "list_sources", on_a_worker(sources.list_sources))
    monkeypatch.setattr(report, "ScannedDocument", on_a_worker(report.ScannedDocument))
    folder = _folder(tmp_path)
    options = ScanOptions(max_bytes=20_000, use_cache=False)
    made = run.scan_with_client(client, str(folder), options, chunk_size=3)
    _same(scan_folder(folder, options), made)
    assert made.counts.documents == 17 and made.counts.errors == 2


def test_the_client_holds_the_families_as_numbers_in_arrays(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the client fetches for the families is flat arrays of document numbers
    # (the links, each group's first member and original), never a path or a tuple
    # per document; each document's family is one array of 4-byte numbers.
    from array import array

    from core.cluster import join, run

    fetched: list[Any] = []
    families: list[array[int]] = []
    pieces, numbered = run._Scan.pieces, run.family_numbers

    def recorded(self: Any, collection: Any) -> Any:
        for item in pieces(self, collection):
            fetched.append(item)
            yield item

    def kept(group_of: array[int], order: Any) -> array[int]:
        families.append(numbered(group_of, order))
        return families[-1]

    monkeypatch.setattr(run._Scan, "pieces", recorded)
    monkeypatch.setattr(run, "family_numbers", kept)
    folder = _folder(tmp_path)
    options = ScanOptions(max_bytes=20_000, use_cache=False)
    local = scan_folder(folder, options)
    _same(local, run.scan_with_client(client, str(folder), options, chunk_size=3))
    links = [item for item in fetched if isinstance(item, array)]
    found = [item for item in fetched if isinstance(item, join.Originals)]
    assert len(links) + len(found) == len(fetched) and links and found
    assert all(isinstance(a, array) for f in found for a in (f.groups, f.firsts, f.originals))
    (family_of,) = families
    assert family_of.itemsize == 4 and len(family_of) == len(local.documents) + len(local.errors)
    assert max(family_of) == len(local.families) - 1 and family_of.count(-1) > 0


def test_waiting_for_a_stage_leaves_no_pending_tasks_behind(client: Any) -> None:
    # distributed.wait(futures, timeout) left a task per future in the client's
    # loop each time it timed out: the client's memory grew with the stage's length
    # times its partitions (~150 MB while 100,000 articles were verified).
    import asyncio
    import time

    import dask

    from core.cluster import run

    pending: list[int] = []
    loop = client.loop.asyncio_loop

    def progress(stage: str, done: int, total: int) -> None:
        pending.append(len(asyncio.all_tasks(loop)))

    scan = run._Scan(client, "/nowhere", ScanOptions(), progress)
    # 24 tasks waiting on one that takes 1.5 s: 24 unfinished futures at every look.
    slow = dask.delayed(time.sleep, pure=False)(1.5)
    scan.wait("sleeping", *(dask.delayed(str, pure=False)(slow) for _ in range(24)))
    assert len(pending) >= 3 and max(pending) < pending[0] + 24


def test_a_shuffle_of_two_stages_keeps_each_bucket_in_its_partition(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.cluster import run

    # 18 files in 6 chunks: three shuffle stages of two ways, 8 partitions.
    monkeypatch.setattr(run, "MAX_BRANCH", 2)
    assert run.shuffle_width(6) == 8
    folder = _folder(tmp_path)
    local = scan_folder(folder, ScanOptions(max_bytes=20_000, use_cache=False))
    url = f"file://{folder}"  # a file:// URL is the folder itself
    result = run.scan_with_client(client, url, ScanOptions(max_bytes=20_000), chunk_size=3)
    _same(local, result)


def test_an_fsspec_url_is_read_as_the_folder_is(client: Any, tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec", reason="the cluster extra (fsspec) is not installed")
    from core.cluster.run import scan_with_client

    folder = _folder(tmp_path)
    memory = fsspec.filesystem("memory")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            memory.pipe(f"/redline-test/{path.relative_to(folder).as_posix()}", path.read_bytes())
    try:
        options = ScanOptions(max_bytes=20_000, use_cache=False)
        local = scan_folder(folder, options)
        remote = scan_with_client(client, "memory://redline-test/", options, chunk_size=4)
    finally:
        memory.rm("/redline-test", recursive=True)
    assert remote.root == "memory://redline-test"
    expected, found = scan_to_dict(local), json.loads("".join(remote.json_parts()))
    assert found.pop("root") == "memory://redline-test"
    del expected["root"]
    assert found == expected
    text = "".join(remote.text_parts())
    assert text.split("\n")[1:] == scan_to_text(local).split("\n")[1:]


def test_an_empty_folder_and_a_missing_one_are_the_local_scan(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cluster.run import scan_with_client

    _same(
        scan_folder(tmp_path, ScanOptions(use_cache=False)), scan_with_client(client, str(tmp_path))
    )
    missing = str(tmp_path / "gone")
    assert main(["scan", missing]) == 2
    local = capsys.readouterr().err
    with pytest.raises(RedlineError) as raised:
        scan_with_client(client, missing)
    assert f"redline: {raised.value}\n" == local


def test_a_worker_killed_mid_scan_leaves_the_result_unchanged(tmp_path: Path) -> None:
    distributed = _dask()
    from core.cluster.run import scan_with_client

    folder = _folder(tmp_path)
    local = scan_folder(folder, ScanOptions(use_cache=False))
    killed: list[str] = []
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as made,
    ):

        def kill_one(stage: str, done: int, total: int) -> None:
            # Once every chunk is read and held by the workers, one of them dies.
            if not killed and stage == "reading" and done >= total:
                worker, pid = sorted(made.run(os.getpid).items())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(worker)

        report = scan_with_client(made, str(folder), progress=kill_one, chunk_size=2)
        lost = made.run_on_scheduler(_removed_workers)
        assert killed and killed[0] in lost
        _same(local, report)


def _removed_workers(dask_scheduler: Any) -> list[str]:
    """Workers the scheduler saw leave (run on the scheduler)."""
    return [
        str(event[1]["worker"])
        for event in dask_scheduler.get_events("all")
        if isinstance(event[1], dict) and event[1].get("action") == "remove-worker"
    ]


def test_the_command_on_a_local_cluster_prints_the_local_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dask()
    folder = _folder(tmp_path / "in")
    assert main(["scan", str(folder), "--format", "json"]) == 0
    local = capsys.readouterr().out
    cluster = ["--cluster", "local", "--workers", "1"]
    code = main(["scan", str(folder), "--format", "json", *cluster])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == local
    assert "tasks" in err and "Traceback" not in err
    # A listing written to a file piece by piece (atomically) is the local one too.
    written = {}
    (tmp_path / "out").mkdir()
    for label, extra in (("local", []), ("cluster", cluster)):
        target = tmp_path / "out" / f"{label}.txt"
        assert main(["scan", str(folder), "-o", str(target), *extra]) == 0
        written[label] = target.read_bytes()
    assert written["cluster"] == written["local"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cluster.txt", "local.txt"]


def test_several_paths_are_refused_as_the_local_scan_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The scan contract has one root: the local scan takes one folder, and so does
    # --cluster (the same words, before anything is listed or a cluster started).
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    said = []
    for extra in ([], ["--cluster", "local"], ["--cluster", "tcp://127.0.0.1:1"]):
        with pytest.raises(SystemExit) as stopped:
            main(["scan", str(one), str(two), *extra])
        said.append((stopped.value.code, capsys.readouterr()))
    assert said[0][0] == 2 and "unrecognized arguments" in said[0][1].err
    assert said[1] == said[0] and said[2] == said[0]


def test_ctrl_c_cancels_with_one_line_and_closes_the_cluster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = _dask()
    from core import cli

    clusters: list[Any] = []
    made = distributed.LocalCluster

    def recorded(*args: Any, **kwargs: Any) -> Any:
        clusters.append(made(*args, **kwargs))
        return clusters[-1]

    def interrupt(self: Any, stage: str, done: int, total: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(distributed, "LocalCluster", recorded)
    monkeypatch.setattr(cli._ClusterProgress, "__call__", interrupt)
    folder = _folder(tmp_path)
    assert main(["scan", str(folder), "--cluster", "local", "--workers", "1"]) == 130
    out, err = capsys.readouterr()
    assert out == "" and err == "redline: interrupted\n"
    assert len(clusters) == 1 and clusters[0].status.name == "closed"


def test_cluster_without_the_extra_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if absent
    folder = _folder(tmp_path)
    assert main(["scan", str(folder), "--cluster", "local"]) == 2
    assert capsys.readouterr().err == (
        "redline: --cluster needs Dask: pip install 'redline[cluster]'\n"
    )


def test_workers_need_a_local_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(tmp_path), "--workers", "2"]) == 2
    assert capsys.readouterr().err == "redline: --workers needs --cluster local\n"


def test_chunks_grow_so_that_a_shuffle_keeps_two_stages() -> None:
    from core.cluster import run

    assert run.chunk_size_for(8) == run.CHUNK_SIZE
    assert run.chunk_size_for(10_000_000) == 9766
    assert run.shuffle_width(10_000_000 // 9766 + 1) == 1024
