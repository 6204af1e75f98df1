"""The Hohhot draft against a copy with six known edits: each reported as exactly
that kind of change, and nothing else (see tests/hohhot_edits.py)."""
import pytest
from conftest import HOHHOT, ingested
from hohhot_edits import ADDED_NUMBER, RENUMBERING, edited_text

from pipeline import api
from pipeline.diff import diff
from pipeline.load import load_bytes


@pytest.fixture(scope="module")
def result():
    old = ingested(HOHHOT.name)
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-edited.txt"))
    return diff(old, new)


def _measure(units):
    """The measure number of a side, None if empty; other kinds keep their id."""
    if not units:
        return None
    node = units[0].node
    return int(node.num) if node.kind == "measure" else node.id


def reported(result):
    """(level, old measure number, new measure number) -> (status, renumbered, moved) of every change."""
    return {(c.level, _measure(c.old), _measure(c.new)): (c.status, c.renumbered, c.moved)
            for c in result.changes if c.changed}


def test_every_change_is_reported_as_its_kind_and_nothing_else(result):
    expected = {("clause", 3, 3): ("modified", False, False),
                ("clause", 17, 16): ("modified", True, False),
                ("clause", 7, 22): ("unchanged", True, True),
                ("clause", 24, None): ("deleted", False, False),
                ("clause", None, ADDED_NUMBER): ("added", False, False)}
    for old, new in RENUMBERING.items():
        if new is not None and old not in (3, 7, 17):
            expected[("clause", old, new)] = ("unchanged", old != new, False)
    expected = {k: v for k, v in expected.items() if v != ("unchanged", False, False)}
    assert reported(result) == expected
    assert result.fields == ()


def test_every_measure_is_paired_with_its_edited_self(result):
    pairs = {_measure(c.old): _measure(c.new) for c in result.changes if c.old and c.old[0].node.kind == "measure"}
    assert pairs == RENUMBERING


def test_money_change_is_one_replacement_in_the_redline(result):
    change = next(c for c in result.changes if c.old and c.old[0].node.num == "3")
    assert [(op.op, op.old, op.new) for op in change.redline if op.op != "equal"] == [
        ("replace", "300万元", "200万元")]


def test_moved_measure_keeps_its_text_and_changes_its_action(result):
    change = next(c for c in result.changes if c.old and c.old[0].node.num == "7")
    assert change.old[0].node.id == "p2.a2.m7"
    assert change.new[0].node.id == "p2.a8.m22"
    assert change.redline is None and change.similarity == 1.0


def _fields(result):
    return {c.old[0].node.num: c.fields for c in result.changes if c.old and c.new and c.level == "clause"}


def test_lead_unit_change_is_the_only_responsibility_change(result):
    fields = {num: [f for f in fs if f.field == "responsibilities"] for num, fs in _fields(result).items()}
    lead = fields.pop("17")
    assert [(f.change, f.old, f.new) for f in lead] == [
        ("lead_changed", "中共呼和浩特市委组织部", "呼和浩特市人力资源和社会保障局")]
    assert {num: fs for num, fs in fields.items() if fs} == {}


def test_money_change_is_the_only_money_change(result):
    fields = {num: [f for f in fs if f.field == "money"] for num, fs in _fields(result).items()}
    (money,) = fields.pop("3")
    assert money.change == "changed"
    assert any(o == 3_000_000 and n == 2_000_000 for _, o, n in money.details)
    assert {num: fs for num, fs in fields.items() if fs} == {}
