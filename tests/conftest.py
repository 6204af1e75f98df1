"""Shared fixtures: the real corpus, ingested once per session, and the Hohhot gold."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold" / "hohhot-2024-keji-qiangshi-draft.gold.json"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))


@lru_cache(maxsize=None)
def ingested(name: str):
    from pipeline.api import ingest_file

    return ingest_file(CORPUS / name)


@pytest.fixture(scope="session")
def hohhot():
    return ingested(HOHHOT.name)


@pytest.fixture(scope="session")
def gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))


def kinds(doc, kind):
    return [n for n in doc.nodes() if n.kind == kind]
