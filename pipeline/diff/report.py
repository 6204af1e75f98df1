"""Diff reports: JSON (validated against `schemas/diff.schema.json`), Markdown (`report_md`),
HTML (`report_html`) and Word with tracked changes (`docx_report`).

All read the same `ChainDiff`: the overall change first -> last and, for a chain of three
or more versions, each step (the Word file shows the overall change only). Every report
opens with the changes at a glance (`glance.py`); the JSON carries them in each `summary`.
Only changed entries are listed in Markdown and HTML, in Chinese unless `lang="en"`; JSON
lists every entry, in codes.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from .. import validate
from ..emit import dumps, write_atomic
from ..model import Document
from . import ChainDiff
from .compare import DocumentDiff
from .docx_report import AUTHOR, to_docx
from .glance import glance
from .labels import LANGS
from .report_html import to_html
from .report_md import to_markdown

SCHEMA_VERSION = "3.0.0"
FORMATS = ("md", "html", "json", "docx")

__all__ = ["FORMATS", "LANGS", "SCHEMA_VERSION", "render", "to_html", "to_json", "to_markdown", "write_reports"]


def to_json(chain: ChainDiff) -> dict[str, Any]:
    """The diff as a JSON-ready dict, validated against the diff schema."""
    obj = {"schema_version": SCHEMA_VERSION, **_diff_dict(chain.overall)}
    obj["steps"] = [_diff_dict(step) for step in chain.steps] if len(chain.steps) > 1 else []
    validate.check(obj, "diff")
    return obj


def _diff_dict(d: DocumentDiff) -> dict[str, Any]:
    return {
        "old": _doc(d.old),
        "new": _doc(d.new),
        "summary": {**d.summary(), "glance": glance(d).to_dict()},
        "fields": [f.to_dict() for f in d.fields],
        "clauses": [c.to_dict() for c in d.changes],
    }


def _doc(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "name": doc.source.name, "sha256": doc.source.sha256,
            "title": doc.title, "status": doc.status}


def render(chain: ChainDiff, fmt: str, lang: str = "zh") -> str:
    """The report in one text format: `md`, `html` or `json` (codes, whatever `lang`)."""
    if fmt == "json":
        return dumps(to_json(chain))
    return to_markdown(chain, lang) if fmt == "md" else to_html(chain, lang)


def write_reports(chain: ChainDiff, out_dir: str | Path, stem: str, formats=FORMATS, *,
                  author: str = AUTHOR, date: datetime | None = None, lang: str = "zh") -> list[Path]:
    """Write `<stem>.diff.<ext>` for each format into `out_dir`, atomically; `author` and
    `date` are the Word file's reviser and revision date (see `docx_report`)."""
    return [write_atomic(Path(out_dir) / f"{stem}.diff.{ext}",
                         to_docx(chain, author, date) if ext == "docx" else render(chain, ext, lang))
            for ext in formats]
