"""The library API, composing the stages in order:
load -> normalize -> segment -> extract -> assemble -> validate -> emit.

    doc = ingest_file("corpus/hohhot-2024-keji-qiangshi-draft.txt")
    write_document(doc, "outputs")
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from . import validate
from .assemble import attach, build_document
from .emit import dumps, write_atomic
from .errors import InputError, PipelineError
from .extract.aliases import Aliases
from .extract.money import extract_money
from .extract.tasktable import table_responsibilities
from .extract.units import extract_responsibilities, missing_notes, renormalize
from .feed import feed_records
from .load import SUPPORTED_SUFFIXES, load, load_stream
from .load.provenance import with_provenance
from .model import Document, Source
from .segment import segment

SKIP_NAMES = ("readme", "sources", "license", "changelog", "notice")


def parse(source: Source) -> Document:
    """Segment a loaded source into an unannotated document."""
    doc = build_document(source, segment(source.text, source.name))
    return replace(doc, root=with_provenance(doc.root, source.text, source.blocks))


def annotate(doc: Document, aliases: Aliases | None = None) -> Document:
    """Run the extractors and attach their results to the nodes.

    `aliases` replaces the built-in unit-name table (pass `load_aliases(path)`, which
    extends it with a user's file)."""
    notes, warnings = extract_responsibilities(doc, aliases)
    doc = attach(doc, "responsibilities", notes, warnings)
    doc = attach(doc, "responsibilities", *table_responsibilities(doc, aliases))
    doc = attach(doc, "responsibilities", {}, missing_notes(doc.root))
    money, support, targets, warnings = extract_money(doc)
    doc = attach(attach(doc, "money", money, warnings), "support", support)
    return replace(doc, targets=targets)


def ingest_source(source: Source, aliases: Aliases | None = None) -> Document:
    return annotate(parse(source), aliases)


def ingest_file(path: str | Path, aliases: Aliases | None = None) -> Document:
    """Load, segment and annotate one file (`-` reads standard input)."""
    if str(path) == "-":
        return ingest_source(load_stream(sys.stdin.buffer), aliases)
    return ingest_source(load(path), aliases)


def load_document(path: str | Path, aliases: Aliases | None = None) -> Document:
    """A document from a source file or from a document JSON written by `ingest`
    (whose notes are read again when `aliases` is given)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        from .model_io import read_document

        doc = read_document(p)
        return renormalize(doc, aliases) if aliases is not None else doc
    return ingest_file(path, aliases)


def document_json(doc: Document) -> str:
    """The document as validated, deterministic JSON text."""
    obj = doc.to_dict()
    validate.check(obj, "document")
    return dumps(obj)


def write_document(doc: Document, out_dir: str | Path) -> Path:
    """Validate and atomically write `<out_dir>/<doc_id>.json`."""
    return write_atomic(Path(out_dir) / f"{doc.doc_id}.json", document_json(doc))


def feed_lines(doc: Document) -> Iterator[str]:
    """The feed of one document as validated JSON Lines."""
    for record in feed_records(doc):
        validate.check(record, "feed-record")
        yield json.dumps(record, ensure_ascii=False)


@dataclass(frozen=True)
class Input:
    """One file to ingest, or one that a folder scan skipped (with the reason)."""

    path: str
    skipped: str | None = None


def expand_inputs(paths: Iterable[str | Path]) -> list[Input]:
    """Files named directly, and every supported file under named folders (sorted)."""
    found: list[Input] = []
    for raw in paths:
        if str(raw) == "-":
            found.append(Input("-"))
            continue
        p = Path(raw)
        if not p.exists():
            raise InputError("no such file or folder", str(raw))
        if p.is_file():
            found.append(Input(str(p)))
            continue
        files = sorted(f for f in p.rglob("*") if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        supported = []
        for f in files:
            if f.suffix.lower() not in SUPPORTED_SUFFIXES or f.suffix == "":
                found.append(Input(str(f), "not a supported file type"))
            elif f.stem.lower().startswith(SKIP_NAMES):
                found.append(Input(str(f), "documentation file of the folder"))
            else:
                supported.append(Input(str(f)))
        if not supported:
            raise InputError("folder holds no supported texts (.txt .md .html …)", str(raw))
        found.extend(supported)
    return found


def summary(doc: Document) -> str:
    """One line: what was found in the document."""
    counts: dict[str, int] = {}
    for node in doc.nodes():
        counts[node.kind] = counts.get(node.kind, 0) + 1
    shown = [f"{counts[k]} {k}s" for k in ("part", "action", "measure", "chapter", "article", "item") if counts.get(k)]
    notes = sum(len(n.responsibilities) for n in doc.nodes())
    money = sum(len(n.money) for n in doc.nodes())
    shown += [f"{notes} notes", f"{money} money terms", f"{len(doc.warnings)} warnings"]
    return ", ".join(shown)


__all__ = [
    "PipelineError", "parse", "annotate", "ingest_file", "ingest_source", "load_document", "document_json",
    "write_document", "feed_lines", "expand_inputs", "summary", "attach",
]
