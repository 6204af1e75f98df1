"""The breadth corpus `corpus/wild/` (issue 14): its manifest, its sources, and that every file ingests.

MANIFEST.tsv says, for every file, who published it and what a reader sees in its text (flags
filled by reading the text, never from the tool's output). These tests hold the folder to the
manifest and to the issue's targets, and run the tool over every file: a refusal is acceptable
only for a file the manifest marks as not a policy text.
"""
from __future__ import annotations

import csv
from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline import api, validate
from pipeline.errors import PipelineError

WILD = CORPUS / "wild"
FLAGS = ("has_letter", "has_task_table", "has_notes", "has_money", "has_sublevels", "is_regulation", "is_policy", "states_issuer")
LEVELS = {"national", "provincial", "city", "county", "town"}
STATUSES = {"征求意见稿", "草案", "试行", "暂行", "none"}


def manifest() -> list[dict]:
    with open(WILD / "MANIFEST.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        for flag in FLAGS:
            assert row[flag] in ("true", "false"), (row["file"], flag, row[flag])
            row[flag] = row[flag] == "true"
    return rows


ROWS = manifest()
NAMES = [row["file"] for row in ROWS]
POLICY = [row for row in ROWS if row["is_policy"]]


def count(flag: str) -> int:
    return sum(row[flag] for row in POLICY)


@lru_cache(maxsize=None)
def outcome(name: str):
    """The ingested document, or the PipelineError that refused the file."""
    try:
        return api.ingest_file(WILD / name)
    except PipelineError as refusal:
        return refusal


def test_manifest_and_folder_list_the_same_files():
    on_disk = sorted(p.name for p in WILD.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(NAMES) == on_disk
    assert len(NAMES) == len(set(NAMES))


def test_every_file_is_recorded_in_sources_with_its_origin():
    sources = (WILD / "SOURCES.md").read_text(encoding="utf-8")
    assert not [name for name in NAMES if f"`{name}`" not in sources]


def test_manifest_fields_are_filled():
    for row in ROWS:
        assert row["title"] and row["publisher"] and row["kind"], row["file"]
        assert row["level"] in LEVELS, row["file"]
        assert row["status"] in STATUSES, row["file"]
        assert row["is_policy"] or row["reason"], f"{row['file']}: not a policy text needs a reason"


def test_no_document_repeats_one_of_the_main_corpus():
    main = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html")}
    texts = {p.read_bytes() for p in CORPUS.iterdir() if p.name in main}
    assert not [name for name in NAMES if (WILD / name).read_bytes() in texts]


def test_breadth_targets_that_the_corpus_meets():
    assert len(POLICY) >= 150
    assert len({row["publisher"] for row in POLICY}) >= 15
    assert {row["level"] for row in POLICY} == LEVELS
    assert count("has_money") >= 50
    assert count("is_regulation") >= 20


def test_breadth_targets_that_the_corpus_meets_for_notes_and_levels():
    assert count("has_notes") >= 30
    assert count("has_sublevels") >= 20


def test_breadth_counts_reached_so_far_do_not_drop():
    """What the corpus holds today for the targets still short below; a floor, so losing a file fails."""
    assert sum(row["status"] == "征求意见稿" for row in POLICY) >= 9
    assert count("has_letter") >= 63


@pytest.mark.xfail(strict=True, reason="corpus short of two of the issue's targets: 9 comment drafts "
                   "(征求意见稿 in the title; 20 wanted), 0 files with a 任务分工 table with a lead-unit column (10 "
                   "wanted); see /work/notes/wild-survey.md")
def test_breadth_targets_for_drafts_and_task_tables():
    assert sum(row["status"] == "征求意见稿" for row in POLICY) >= 20
    assert count("has_task_table") >= 10


@pytest.mark.parametrize("name", NAMES)
def test_every_file_ingests_without_an_internal_error(name):
    """The tool either reads the file or refuses it with a PipelineError, never crashes."""
    result = outcome(name)
    if isinstance(result, PipelineError):
        assert str(result)
        return
    assert result.text
    assert list(validate.errors(result.to_dict(), "document")) == []


def test_no_policy_page_is_refused():
    """Only the files the manifest marks as not policy texts (with the reason) may be refused."""
    assert [row["file"] for row in POLICY if isinstance(outcome(row["file"]), PipelineError)] == []
