"""The library's tables: plain rows made generically from the record types, one document per transaction."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import ClassVar

import pytest
from conftest import CORPUS, HOHHOT, ingested
from library_corpus import connect, corpus_library

from pipeline import api
from pipeline.errors import InputError
from pipeline.library import add, schema, store, tables
from pipeline.load import load
from pipeline.model import Document, Layer


@pytest.fixture(scope="module")
def lib():
    conn = connect(corpus_library())
    yield conn
    conn.close()


def test_every_documents_own_texts_tile_its_text(lib):
    for doc_row, chars in lib.execute("SELECT id, chars FROM documents").fetchall():
        doc = store.load_document(lib, doc_row)
        own = [r[0] for r in lib.execute("SELECT text FROM nodes WHERE document_id = ? ORDER BY position", (doc_row,))]
        assert "".join(own) == doc.text and chars == len(doc.text)
        offsets = lib.execute("SELECT start, own_end, end FROM nodes WHERE document_id = ? AND parent IS NULL",
                              (doc_row,)).fetchone()
        assert (offsets[0], offsets[2]) == (0, len(doc.text))


def test_a_stored_document_reads_back_as_it_was_written(lib):
    row = lib.execute("SELECT id FROM documents WHERE source_name = ?", (HOHHOT.name,)).fetchone()[0]
    assert api.document_json(store.load_document(lib, row)) == api.document_json(ingested(HOHHOT.name))


def test_responsibilities_have_one_row_per_unit_and_its_role(lib):
    # 二（一）1. closes with (责任单位:市科学技术局、发展和改革委员会、大数据管理局、工业和信息化局、各旗县区、
    # 经济技术开发区、金山高新区、和林格尔新区。列第一位的为牵头单位,下同。)
    rows = lib.execute("SELECT r.* FROM responsibilities r JOIN nodes n ON n.id = r.node JOIN documents d "
                       "ON d.id = r.document_id WHERE d.source_name = ? AND n.node_id = 'p2.a1.m1' ORDER BY unit_seq",
                       (HOHHOT.name,)).fetchall()
    assert [r["unit_name"] for r in rows] == ["市科学技术局", "发展和改革委员会", "大数据管理局", "工业和信息化局", "各旗县区",
                                              "经济技术开发区", "金山高新区", "和林格尔新区"]
    assert [r["unit_seq"] for r in rows] == list(range(8))
    assert rows[0]["unit_role"] == "lead" and rows[0]["unit_normalized"] == "呼和浩特市科学技术局"
    assert {r["unit_role"] for r in rows[1:4]} == {"co"}
    assert rows[1]["unit_normalized"] == "呼和浩特市发展和改革委员会"
    assert all(r["text"].startswith("(责任单位:市科学技术局") and r["lead"] == "市科学技术局" for r in rows)
    assert all(r["convention"] == "列第一位的为牵头单位" and r["seq"] == 0 for r in rows)


def test_money_rows_hold_amounts_in_yuan(lib):
    # 二（一）3.: 连续3年每年给予不低于300万元科技经费支持
    row = lib.execute("SELECT m.* FROM money m JOIN nodes n ON n.id = m.node JOIN documents d ON d.id = m.document_id "
                      "WHERE d.source_name = ? AND n.node_id = 'p2.a1.m3'", (HOHHOT.name,)).fetchone()
    assert (row["text"], row["qualifier"], row["amount_yuan"], row["duration_years"]) == ("不低于300万元", "at_least",
                                                                                          3_000_000, 3)
    assert row["one_time"] == 0 and row["linked"] is None


def test_each_layer_has_its_rows_and_the_warnings_theirs(lib):
    doc = ingested(HOHHOT.name)
    row = lib.execute("SELECT id FROM documents WHERE source_name = ?", (HOHHOT.name,)).fetchone()[0]
    for layer in doc.layers.values():
        count = lib.execute(f'SELECT count(DISTINCT node || "." || seq) FROM "{layer.name}" WHERE document_id = ?',
                            (row,)).fetchone()[0]
        assert count == len(layer), layer.name
    codes = [r[0] for r in lib.execute("SELECT code FROM warnings WHERE document_id = ? ORDER BY start, code", (row,))]
    assert codes == [w.code for w in doc.all_warnings()]


# --- a new extractor gets its table with no change to the library -----------------------------

@dataclass(frozen=True)
class Mention:
    """A year and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class YearNote:
    """A toy record: a scalar, a nested record, a tuple of plain values and two tuples of records."""

    year: int
    first: Mention
    spellings: tuple[str, ...]
    mentions: tuple[Mention, ...]
    echoes: tuple[Mention, ...]
    id: str | None = None


class Years:
    name: ClassVar[str] = "years"
    record: ClassVar[type] = YearNote

    def run(self, doc: Document) -> Layer:
        found: dict[int, list] = {}
        import re

        for m in re.finditer(r"(\d{4})年", doc.text):
            found.setdefault(int(m[1]), []).append(Mention(m[0], m.start(), m.end()))
        notes = [YearNote(y, ms[0], (f"{y}年", str(y)), tuple(ms), tuple(ms[:1]), "x") for y, ms in found.items()]
        return Layer(self.name, doc.index.keyed((doc.index.owner(n.first.start, n.first.end).id, n) for n in notes))


def test_a_new_extractors_layer_gets_its_table(tmp_path):
    doc = api.annotate(api.parse(load(HOHHOT)), using=[*api.extractors(), Years()])
    conn = schema.connect(tmp_path / "lib.db")
    added = add.add_documents(conn, [(doc, str(HOHHOT))])
    assert added[0].ok
    columns = [r[1] for r in conn.execute('PRAGMA table_info("years")')]
    assert columns == ["id", "document_id", "node", "seq", "year", "first_text", "first_start", "first_end",
                       "spellings", "record_id", "mention_seq", "mention_text", "mention_start", "mention_end"]
    # The Hohhot letter is dated 2024年10月13日; the goals say 到2027年 and 较2024年 (three times).
    rows = conn.execute("SELECT year, spellings, mention_text, mention_seq FROM years ORDER BY year, mention_seq")
    rows = [tuple(r) for r in rows]
    assert {r[0] for r in rows} == {2024, 2027}
    assert all(r[1] == f"{r[0]}年\n{r[0]}" and r[2] == f"{r[0]}年" for r in rows)
    assert len([r for r in rows if r[0] == 2024]) == doc.text.count("2024年")
    echoes = conn.execute("SELECT item_seq, text FROM years_echoes").fetchall()
    assert sorted(tuple(r) for r in echoes) == [(0, "2024年"), (0, "2027年")]
    conn.close()


def test_table_of_a_record_type_is_made_from_its_fields():
    from pipeline.extract.units import Responsibility

    t = tables.table_for("responsibilities", Responsibility)
    assert [c.name for c in t.all_columns][-6:] == ["unit_seq", "unit_name", "unit_normalized", "unit_role",
                                                     "unit_start", "unit_end"]
    assert tables.singular("parties") == "party" and tables.singular("units") == "unit"


# --- transactions, no-ops, refusals ------------------------------------------------------------

def _dump(conn) -> dict:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                        "'clauses_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {n: sorted(map(tuple, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    out["fts"] = conn.execute("SELECT count(*) FROM clauses_fts").fetchone()[0]
    return out


def test_adding_a_file_twice_changes_nothing(tmp_path):
    db = tmp_path / "lib.db"
    first = add.add(db, [HOHHOT], jobs=1)
    conn = schema.connect(db)
    before = _dump(conn)
    conn.close()
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(HOHHOT.read_bytes())
    again = add.add(db, [HOHHOT, copy], jobs=1)
    conn = schema.connect(db)
    assert _dump(conn) == before
    conn.close()
    assert first[0].status == "added" and [a.status for a in again] == ["unchanged", "unchanged"]
    assert again[0].message.startswith(f"unchanged: {HOHHOT} is document 1 (version 1/1 of policy 1 ")


def test_a_document_that_fails_while_written_leaves_nothing_and_the_batch_goes_on(tmp_path, monkeypatch):
    db = tmp_path / "lib.db"
    target = "law-guojia-keji-jiangli-tiaoli-2020.txt"
    real = store._insert_warnings

    def failing(conn, doc, doc_row, node_rows):
        if doc.source.name == target:
            raise RuntimeError("disk on fire")
        return real(conn, doc, doc_row, node_rows)

    monkeypatch.setattr(store, "_insert_warnings", failing)
    results = add.add(db, [CORPUS / target, HOHHOT], jobs=1)
    assert [r.status for r in results] == ["failed", "added"]
    assert "internal error (RuntimeError: disk on fire)" in results[0].message
    conn = schema.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(DISTINCT document_id) FROM nodes").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM policies").fetchone()[0] == 1
    with_text = conn.execute("SELECT count(*) FROM nodes WHERE trim(text) != ''").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM clauses_fts").fetchone()[0] == with_text
    conn.close()


def test_the_library_carries_its_schema_version(tmp_path):
    conn = schema.connect(tmp_path / "lib.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert {"responsibilities", "money", "targets", "warnings", "changes", "leads"} <= {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()


def test_what_is_not_a_library_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    newer = sqlite3.connect(tmp_path / "newer.db")
    newer.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    for name, words in [("notes.txt", "not a policy library"), ("other.db", "not a policy library"),
                        ("newer.db", "newer than this tool's")]:
        with pytest.raises(InputError, match=words):
            schema.connect(tmp_path / name)
    with pytest.raises(InputError, match="no policy library here"):
        schema.connect(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
