"""Layers: annotations beside the tree, declared once, read back typed, and open to a new extractor.

The toy extractor here ("years mentioned in a clause") is one record type, one
`run`, and one entry in the list of extractors: it must show in the document
JSON, the feed, the schemas rendered from the declarations and the diff.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import ClassVar

import jsonschema
import pytest
from conftest import CORPUS, HOHHOT, ROOT

from pipeline import api, contract
from pipeline.diff import diff
from pipeline.extract.money import MoneyTerm
from pipeline.extract.units import Responsibility, Unit
from pipeline.load import load, load_bytes
from pipeline.model import Document, Layer
from pipeline.model_io import document_from_dict
from pipeline.records import from_json, schema, to_json
from pipeline.validate import errors

YEAR = re.compile(r"(\d{4})年")


@dataclass(frozen=True)
class YearMention:
    """A year written in a clause (到2027年)."""

    text: str
    start: int
    end: int
    year: int


@dataclass(frozen=True)
class Years:
    name: ClassVar[str] = "years"
    record: ClassVar[type] = YearMention

    def run(self, doc: Document) -> Layer:
        found = [YearMention(m.group(0), m.start(), m.end(), int(m[1])) for m in YEAR.finditer(doc.text)]
        return Layer(self.name, doc.index.keyed((doc.index.owner(y.start, y.end).id, y) for y in found))


def with_years(source) -> Document:
    return api.annotate(api.parse(source), using=[*api.extractors(), Years()])


def rendered(extra: tuple[str, type] | None = None):
    layers = [(e.name, e.record) for e in api.extractors()] + ([extra] if extra else [])
    schemas = contract.render(layers)
    diff_schema = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    registry = {s["$id"]: s for s in [*schemas.values(), diff_schema]}
    from referencing import Registry, Resource

    reg = Registry().with_resources((k, Resource.from_contents(v)) for k, v in registry.items())

    def validator(name: str):
        return jsonschema.Draft202012Validator(schemas[f"{name}.schema.json"], registry=reg)
    return validator


# --- the toy extractor -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def years_doc():
    # The Hohhot letter is dated 2024年10月13日; the preamble and goals say 到2027年 and 较2024年.
    return with_years(load(HOHHOT))


def test_a_new_extractor_shows_in_the_document_json(years_doc):
    obj = json.loads(api.document_json(years_doc))      # validated against the committed schema
    years = [y for records in obj["layers"]["years"]["records"].values() for y in records]
    assert {y["year"] for y in years} == {2024, 2027}
    assert all(obj["text"][y["start"]:y["end"]] == y["text"] for y in years)
    assert list(rendered(("years", YearMention))("document").iter_errors(obj)) == []


def test_a_new_extractor_shows_in_the_feed(years_doc):
    validator = rendered(("years", YearMention))("feed-record")
    lines = [json.loads(line) for line in api.feed_lines(years_doc)]
    assert all("years" in r for r in lines)
    assert sum(len(r["years"]) for r in lines) == len(years_doc.layer("years"))
    assert all(list(validator.iter_errors(r)) == [] for r in lines)


def test_a_new_extractors_schema_fragment_comes_from_its_declaration():
    frag = schema(YearMention)
    assert frag["required"] == ["text", "start", "end", "year"]
    assert frag["properties"]["year"] == {"type": "integer"}
    bad = {"text": "2024年", "start": 0, "end": 5, "year": "2024"}
    assert list(jsonschema.Draft202012Validator(frag).iter_errors(bad))


def test_a_new_extractors_records_read_back_typed(years_doc):
    obj = json.loads(api.document_json(years_doc))
    back = document_from_dict(obj, {**api.record_types(), "years": YearMention})
    assert back.layer("years") == years_doc.layer("years")
    assert all(type(r) is YearMention for r in back.layer("years").all())


def test_a_new_extractor_shows_in_the_diff_fields(years_doc):
    text = HOHHOT.read_text(encoding="utf-8")
    assert text.count("九大行动”,到2027年") == 1      # in the preamble
    edited = with_years(load_bytes(text.replace("九大行动”,到2027年", "九大行动”,到2028年").encode("utf-8"), "edited.txt"))
    changes = [f for c in diff(years_doc, edited).changes for f in c.fields if f.field == "years"]
    # the new year stands where the old one stood: one record changed, read from its declared fields
    assert [(f.change, f.label, f.details) for f in changes] == [("changed", "2027年 → 2028年", (("year", 2027, 2028),))]


# --- the built-in layers --------------------------------------------------------------------

def test_committed_schemas_are_the_ones_the_declarations_render():
    for name, body in contract.render([(e.name, e.record) for e in api.extractors()]).items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == body, f"schemas/{name} is stale: run `policy schemas`"


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.glob("*.*") if p.suffix in (".txt", ".html")),
                         ids=lambda p: p.name)
def test_every_layer_reads_back_typed_and_writes_the_same_bytes(path):
    doc = api.ingest_file(path)
    text = api.document_json(doc)
    back = document_from_dict(json.loads(text), api.record_types())
    assert api.document_json(back) == text
    for name, layer in doc.layers.items():
        assert back.layer(name) == layer
        assert {type(r) for r in back.layer(name).all()} <= {api.record_types()[name]}


def test_records_are_standoff_inside_their_node():
    doc = api.ingest_file(HOHHOT)
    nodes = {n.id: n for n in doc.nodes()}
    for name, layer in doc.layers.items():
        for node_id, record in layer.items():
            node = nodes[node_id]
            assert node.start <= record.start < record.end <= node.end, (name, node_id)
            assert doc.index.owner(record.start, record.end) is node or name == "responsibilities"


def test_nested_records_round_trip_through_json():
    note = Responsibility("（A负责）", 3, 9, "A", "A局", False, None, (Unit("A", "A局", "lead", 4, 5),),
                          deadline="2025年底前", source="text")
    assert from_json(Responsibility, json.loads(json.dumps(to_json(note)))) == note
    term = MoneyTerm("最高300万元", 0, 7, "cap", "at_most", amount_yuan=3e6, linked=(1, 2))
    assert from_json(MoneyTerm, to_json(term)) == term


def test_a_document_without_layers_is_valid_and_has_no_warnings_from_them():
    doc = api.parse(load(HOHHOT))
    assert doc.layers == {} and doc.all_warnings() == doc.warnings
    assert list(errors(doc.to_dict(), "document")) == []
