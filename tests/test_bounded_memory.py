"""What keeps `ingest`, `add` and `build` in bounded memory: files written piece by piece, a library
Loader that keeps a few documents and reads the others back, documents read back one at a time."""
import sqlite3

import pytest

from conftest import ingested
from pipeline import api
from pipeline.emit import open_atomic
from pipeline.errors import OutputError
from pipeline.index import Row
from pipeline.library import add, versions

CHAIN = ["law-guojia-keji-jiangli-tiaoli-2020.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt"]


def test_a_file_written_piece_by_piece_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "feed.jsonl"
    with open_atomic(target) as fh:
        fh.write(b"{}\n")
        assert not target.exists()
        fh.write(b"[]\n")
    assert target.read_bytes() == b"{}\n[]\n"
    with pytest.raises(RuntimeError):
        with open_atomic(target) as fh:
            fh.write(b"half")
            raise RuntimeError("interrupted")
    assert target.read_bytes() == b"{}\n[]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl"]


def test_a_folder_that_cannot_be_made_is_one_output_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        with open_atomic(tmp_path / "file" / "feed.jsonl"):
            pass


def _changes(db):
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT policy_id, old_document_id, new_document_id, status, similarity, old_node, new_node "
                             "FROM changes ORDER BY id").fetchall(),
                conn.execute("SELECT id, policy_id, version FROM documents ORDER BY id").fetchall())
    finally:
        conn.close()


def test_a_loader_that_keeps_one_document_stores_the_same_versions_and_changes(tmp_path, monkeypatch):
    docs = [(ingested(name), name) for name in [CHAIN[1], "hohhot-2024-keji-qiangshi-draft.txt", CHAIN[0]]]
    add.create(tmp_path / "all.db", docs)
    monkeypatch.setattr(versions.Loader, "KEEP", 1)
    add.create(tmp_path / "one.db", docs)
    changes, documents = _changes(tmp_path / "one.db")
    assert changes and (changes, documents) == _changes(tmp_path / "all.db")
    # the 2020 law, added last, is version 1 of the policy the 2024 law opened
    assert documents[2][1:] == (documents[0][1], 1)


def test_written_documents_are_read_back_when_their_turn_comes(tmp_path):
    written = []
    for name in CHAIN:
        doc = ingested(name)
        path = api.write_document(doc, tmp_path / "json")
        written.append((add.Written(doc.source.sha256, str(path), doc.source.name), name))
    add.create(tmp_path / "written.db", written)
    add.create(tmp_path / "docs.db", [(ingested(name), name) for name in CHAIN])
    assert _changes(tmp_path / "written.db") == _changes(tmp_path / "docs.db")


def test_an_index_row_keeps_what_the_page_shows_not_the_document():
    doc = ingested("hohhot-2024-keji-qiangshi-draft.txt")
    row = Row.of(doc, [f"{doc.doc_id}.tasks.xlsx", f"{doc.doc_id}.annotated.html"])
    assert row.files == ("tasks.xlsx", "annotated.html")
    assert row.title == "关于建设科技强市 促进首府高质量发展的实施意见"
    assert "措施" in row.holds and "处分工" in row.holds
    assert not any(isinstance(v, type(doc)) for v in (getattr(row, f) for f in row.__slots__))

