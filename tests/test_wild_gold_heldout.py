"""The tool against the held-out hand gold of 6 breadth-corpus documents (tests/gold/wild_heldout).

These documents were annotated by reading them after the rules were fixed on the 34-document gold, and
scored before any rule was changed for them (see tests/gold/wild_heldout/README.md): the figures BEFORE
any fix below are the held-out ones.
Same checks of the gold files and same scorer as tests/test_wild_gold.py. The floors sit a little under
what the tool achieves today (the figure in the comment beside each); a miss here is reported, not fixed
against this folder.

Held-out figures BEFORE any fix: notes units 0.909 (30 of 33), money recall 0.885 (23 of 26), counts
0.967, front 0.972. The classes of those misses were since fixed in general form, so for them the set
is no longer held out (floors raised to what the fixes reach): a closing 以下均需…，不再一一列出 remark read
as units; A和…其他成员单位 kept as one unit; a share of money that is its clause's subject
(竞买保证金由现行的20%提高到30%); a dash printed for 一 in an article marker (`第三十－条`); a 文号 a web
page prints alone under the title, outside the main text (`榕政办〔2016〕180号`).
"""
from __future__ import annotations

import pytest

from wild_gold import (HELDOUT_DIR, WILD, check_spans_in_source, check_well_formed, gold_files, load_gold, locate,
                       outcome, score_all, table)

GOLDS = [load_gold(p) for p in gold_files(HELDOUT_DIR)]
IDS = [g["file"] for g in GOLDS]


@pytest.fixture(scope="module")
def scores():
    total, each = score_all(HELDOUT_DIR)
    print("\n" + table(total, each))
    return total.figures()


def test_six_documents_of_the_breadth_corpus_none_of_them_in_the_tuning_gold():
    tuned = {load_gold(p)["file"] for p in gold_files()}
    assert len(GOLDS) >= 6 and (HELDOUT_DIR / "README.md").exists()
    assert all((WILD / g["file"]).exists() for g in GOLDS)
    assert not tuned & set(IDS)
    assert sum(bool(g["notes"]) for g in GOLDS) >= 3 and sum(bool(g["money"]) for g in GOLDS) >= 3


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_gold_file_is_well_formed(gold):
    check_well_formed(gold)


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_every_gold_span_is_in_the_source_in_document_order(gold):
    """Gold strings are copied from the source: each is found, in order, in the raw file's text."""
    check_spans_in_source(gold)


@pytest.mark.parametrize("gold", [g for g in GOLDS if g["notes"] or g["money"]],
                         ids=[g["file"] for g in GOLDS if g["notes"] or g["money"]])
def test_gold_spans_are_in_the_ingested_text(gold):
    doc = outcome(gold["file"])
    assert doc is not None
    for key in ("notes", "money"):
        assert None not in locate(doc.text, [x["text"] for x in gold[key]]), key


# Floors: the held-out figure measured when the gold was first scored in the comment, the floor under it.
def test_measures_recall(scores):
    assert scores["measures_recall"] >= 0.99  # held-out 1.000 (33 of 33; titles as well: 1.000)
    assert scores["measures_with_title"] >= 0.99  # held-out 1.000


def test_notes_recall_lead_and_units(scores):
    assert scores["notes_recall"] >= 0.99  # held-out 1.000 (33 of 33)
    assert scores["notes_lead"] >= 0.99  # held-out 1.000
    assert scores["notes_units"] >= 0.99  # 1.000 (33 of 33) after the fixes; held-out 0.909 (30 of 33)


def test_money_precision_and_recall(scores):
    assert scores["money_precision"] >= 0.99  # held-out 1.000 (23 of 23)
    assert scores["money_recall"] >= 0.99  # 1.000 (26 of 26) after the fixes; held-out 0.885 (23 of 26)
    assert scores["money_value"] >= 0.99  # 1.000 (26 of 26) after the fixes; held-out 0.885 (23 of 26)


def test_structure_counts_and_front_matter(scores):
    assert scores["counts_exact"] >= 0.99  # 1.000 (30 of 30) since the dash for 一 (held-out 0.967, 29 of 30)
    assert scores["front_right"] >= 0.99  # 1.000 (36 of 36) since the number under the title (held-out 0.972, 35 of 36)
