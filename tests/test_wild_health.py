"""The health of the breadth corpus `corpus/wild/` against the issue's figures (issue 14).

Every denominator comes from MANIFEST.tsv (filled by reading the texts), so the figures keep
measuring as documents are added: policy texts are the rows with `is_policy`; the expected
title, publisher and status are the manifest's. The rows are `policy check`'s own
(`pipeline.check.health`), so the report and these figures cannot drift apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from pipeline import check
from pipeline.errors import PipelineError
from test_wild_corpus import NAMES, POLICY, outcome

# A numbered clause as a reader sees it: 第X条, or a marker (一、 （一） 1. （1） ①) opening a line
# that goes on to say something (a sentence mark on the same line), not a bare heading (一、总体要求).
_ARTICLE = re.compile(r"^\s*#*\s*第[一二三四五六七八九十百千零〇\d]+条")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,3}[.．、]|[（(]\d{1,3}[）)]|[①-⑳])"
                       r".*[。；;]")


def squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def without_brackets(text: str) -> str:
    """`国家标准局（国务院批准）` -> `国家标准局`: the manifest's notes in brackets."""
    return re.sub(r"（[^（）]*）$", "", text)


def without_stage(title: str) -> str:
    return re.sub(r"[（(](?:征求意见稿|草案|送审稿|修订草案[^（）()]*)[）)]$", "", title)


@lru_cache(maxsize=None)
def rows() -> dict[str, check.Health]:
    out = {}
    for name in NAMES:
        result = outcome(name)
        out[name] = check.refused(name, result) if isinstance(result, PipelineError) else check.health(result, name)
    return out


def share(hits: int, of: int) -> float:
    return hits / of if of else 1.0


def test_no_policy_text_is_refused():
    assert [row["file"] for row in POLICY if rows()[row["file"]].refused] == []


def test_title_found_and_right_for_99_percent():
    found = [row for row in POLICY if rows()[row["file"]].title]
    right = [row for row in found if _title_right(row)]
    assert share(len(found), len(POLICY)) >= 0.99
    assert share(len(right), len(POLICY)) >= 0.99, [(r["file"], rows()[r["file"]].title) for r in POLICY if r not in right]


def _title_right(row: dict) -> bool:
    """The manifest's title (the document's own title line; for a cover letter, the letter's):
    the document's title, or its letter's when the title is the attached text's."""
    doc, expected = outcome(row["file"]), squeeze(without_stage(row["title"]))
    titles = [doc.title] + ([doc.letter.title] if doc.letter else [])
    return any(squeeze(without_stage(t or "")) == expected for t in titles)


def test_issuer_found_and_right_for_95_percent_of_texts_that_state_one():
    """Of the texts that state their issuer (a signature, a letter's or title's organ, a metadata
    row, an order line; `states_issuer` in the manifest, by reading), the issuer is the manifest's
    publisher. A joint document that the manifest names by its lead (`X等9部门`, or X alone) is
    right when the tool's first signer is X: the tool lists every organ that signs."""
    stated = [row for row in POLICY if row["publisher"] and row["states_issuer"]]
    found = [row for row in stated if rows()[row["file"]].issuer]
    right = [row for row in found if _issuer_right(row)]
    assert share(len(found), len(stated)) >= 0.95
    assert share(len(right), len(stated)) >= 0.95, [(r["file"], rows()[r["file"]].issuer) for r in found if r not in right]


def _issuer_right(row: dict) -> bool:
    issuer = squeeze(rows()[row["file"]].issuer)
    expected = squeeze(without_brackets(row["publisher"]))
    lead = re.sub(r"等(?:\d+个?|[一二三四五六七八九十]+)?部门$", "", expected)
    return issuer == expected or issuer.split("、")[0] == lead


def test_date_found_for_95_percent():
    assert share(sum(1 for row in POLICY if rows()[row["file"]].date), len(POLICY)) >= 0.95


def test_status_written_in_the_title_is_read():
    stated = [row for row in POLICY if row["status"] != "none"]
    assert [(r["file"], rows()[r["file"]].status) for r in stated if rows()[r["file"]].status != r["status"]] == []


def test_measures_or_articles_for_98_percent_of_texts_that_number_their_clauses():
    numbered = [row for row in POLICY if _numbers_clauses(outcome(row["file"]).text)]
    clauses = [row for row in numbered if rows()[row["file"]].clauses]
    assert share(len(clauses), len(numbered)) >= 0.98, [r["file"] for r in numbered if r not in clauses]


def _numbers_clauses(text: str) -> bool:
    lines = text.splitlines()
    return sum(1 for line in lines if _ARTICLE.match(line) or _NUMBERED.match(line)) >= 2


def test_every_output_is_lossless():
    for row in POLICY:
        doc = outcome(row["file"])
        if isinstance(doc, PipelineError):
            continue            # a refusal is counted by test_no_policy_text_is_refused
        owner = [False] * len(doc.text)
        for node in doc.nodes():
            assert 0 <= node.start <= node.own_end <= node.end <= len(doc.text), (row["file"], node.id)
            pos = node.end
            for child in reversed(node.children):
                assert child.end == pos, (row["file"], child.id)
                pos = child.start
            for i in range(node.start, node.own_end):
                assert not owner[i], (row["file"], node.id, i)
                owner[i] = True
        assert all(owner), row["file"]


def test_the_summary_line_counts_the_rows():
    summary = check.summarize(list(rows().values()))
    assert summary.documents == len(NAMES)
    assert summary.refused == sum(1 for r in rows().values() if r.refused)
    assert summary.no_title == 0


def test_the_readme_shows_the_summary_of_policy_check_today():
    """The README's Corpus section quotes `policy check corpus/wild`'s summary line as it is now."""
    from conftest import ROOT

    summary = check.summarize(list(rows().values())).line()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.findall(r"^\d+ documents: .*$", readme, flags=re.M)
    assert quoted == [summary], "update the summary line and the table in README.md's Corpus section"
