"""Which of two listed versions is old (``DocumentListModel.ordered``).

An editor's first use (session 18): wire copy and its edited version, unpacked
together, were shown the wrong way round (the shorter, edited copy as old), every
figure read backwards and every cut as an addition.
"""

from __future__ import annotations

from gui.documents.document_list import DocumentListModel
from gui.work.loading import DocumentRow


def _model(*rows: tuple[str, int, float]) -> DocumentListModel:
    model = DocumentListModel()
    model.add_rows([DocumentRow(f"/s/{name}", name, size, mtime) for name, size, mtime in rows])
    return model


def test_the_older_file_is_old() -> None:
    model = _model(("b.txt", 10, 100.0), ("a.txt", 900, 200.0))
    assert model.ordered("/s/a.txt", "/s/b.txt") == ("/s/b.txt", "/s/a.txt")


def test_files_of_the_same_time_go_by_name_not_by_size() -> None:
    model = _model(("1-wire.txt", 5000, 100.0), ("2-edited.txt", 3000, 101.0))
    assert model.ordered("/s/2-edited.txt", "/s/1-wire.txt") == ("/s/1-wire.txt", "/s/2-edited.txt")
    assert model.ordered("/s/1-wire.txt", "/s/2-edited.txt") == ("/s/1-wire.txt", "/s/2-edited.txt")


def test_numbers_in_names_are_read_as_numbers() -> None:
    model = _model(("story v10.txt", 10, 100.0), ("Story v9.txt", 10, 100.0))
    assert model.ordered("/s/story v10.txt", "/s/Story v9.txt") == (
        "/s/Story v9.txt",
        "/s/story v10.txt",
    )


def test_the_same_name_and_time_keeps_the_order_chosen() -> None:
    model = DocumentListModel()
    model.add_rows(
        [DocumentRow("/a/x.txt", "a/x.txt", 5, 1.0), DocumentRow("/b/x.txt", "b/x.txt", 9, 1.0)]
    )
    assert model.ordered("/b/x.txt", "/a/x.txt") == ("/b/x.txt", "/a/x.txt")
