"""Whole-document invariants on every corpus file: lossless, deterministic, schema-valid."""
import json

import pytest

from conftest import CORPUS_FILES, ingested
from pipeline import api, validate
from pipeline.feed import feed_records

NAMES = [p.name for p in CORPUS_FILES]


@pytest.mark.parametrize("name", NAMES)
def test_every_character_belongs_to_exactly_one_node(name):
    doc = ingested(name)
    owner = [None] * len(doc.text)
    for node in doc.nodes():
        assert 0 <= node.start <= node.own_end <= node.end <= len(doc.text)
        for i in range(node.start, node.own_end):
            assert owner[i] is None, f"character {i} in {owner[i]} and {node.id}"
            owner[i] = node.id
    assert None not in owner
    assert doc.root.start == 0 and doc.root.end == len(doc.text)


@pytest.mark.parametrize("name", NAMES)
def test_children_tile_their_parent(name):
    for node in ingested(name).nodes():
        pos = node.end
        for child in reversed(node.children):
            assert child.end == pos
            pos = child.start
        assert node.start <= pos


@pytest.mark.parametrize("name", NAMES)
def test_same_input_gives_byte_identical_json(name):
    first = api.document_json(api.ingest_file(CORPUS_FILES[NAMES.index(name)]))
    second = api.document_json(api.ingest_file(CORPUS_FILES[NAMES.index(name)]))
    assert first == second


@pytest.mark.parametrize("name", NAMES)
def test_document_and_feed_validate(name):
    doc = ingested(name)
    assert list(validate.errors(doc.to_dict(), "document")) == []
    records = list(feed_records(doc))
    for record in records:
        assert list(validate.errors(record, "feed-record")) == []
        assert doc.text[record["start"]:record["own_end"]] == record["own_text"]
    # the own texts tile the text after the root's own text: each character in exactly one record
    assert "".join(r["own_text"] for r in records) == doc.text[doc.root.own_end:]


@pytest.mark.parametrize("name", NAMES)
def test_node_ids_are_unique(name):
    ids = [n.id for n in ingested(name).nodes()]
    assert len(ids) == len(set(ids))


def test_schema_rejects_a_broken_document(hohhot):
    obj = json.loads(api.document_json(hohhot))
    obj["root"]["children"][0]["kind"] = "chapterish"
    del obj["title"]
    problems = list(validate.errors(obj, "document"))
    assert any(p.startswith("(root):") and "'title'" in p for p in problems)
    assert any(p.startswith("root/children/0/kind:") for p in problems)
