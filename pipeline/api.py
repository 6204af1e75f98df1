"""The library API, composing the stages in order:
load -> normalize -> segment -> assemble -> extract (one layer per extractor) -> validate -> emit,
and for versions align -> compare -> report.

    doc = ingest_file("corpus/hohhot-2024-keji-qiangshi-draft.txt")
    doc.layer("responsibilities").of("p2.a1.m1")      # the notes of measure 二（一）1.
    write_document(doc, "outputs")
    report = diff(load_document("old.txt"), load_document("new.txt"))
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import validate
from .assemble import build_document
from .emit import dumps, write_atomic
from .errors import InputError, PipelineError
from .extract import Extractor
from .extract.aliases import Aliases, load_aliases
from .extract.attachments import Attachments
from .extract.money import Money
from .extract.references import References
from .extract.responsibilities import Responsibilities
from .extract.support import SupportTerms
from .extract.targets import Targets
from .extract.word_notes import Comments, Footnotes
from .feed import feed_records
from .kinds import COUNTED_KINDS
from .load import SUPPORTED_SUFFIXES, load, load_stream
from .load.provenance import with_provenance
from .model import Document, Source
from .segment import segment
from .segment.vocab import FIELD_KEYS

if TYPE_CHECKING:
    from .diff import ChainDiff, DocumentDiff, diff, diff_chain

SKIP_NAMES = ("readme", "sources", "license", "changelog", "notice")


def extractors(aliases: Aliases | None = None) -> tuple[Extractor, ...]:
    """The extractors in the order they run; a later one may read the layers of earlier ones
    (targets read money). `aliases` replaces the built-in unit-name table of the notes."""
    return (Responsibilities(aliases), Money(), SupportTerms(), Targets(), References(), Footnotes(), Comments(),
            Attachments())


def record_types() -> dict[str, type]:
    """Each layer's name and its record type, for reading documents back from JSON."""
    return {e.name: e.record for e in extractors()}


def parse(source: Source) -> Document:
    """Segment a loaded source into a document with its tree and front matter, no layers yet."""
    titled = any(label in FIELD_KEYS["title"] and value for label, value in source.metadata)
    doc = build_document(source, segment(source.text, source.name, titled))
    return replace(doc, root=with_provenance(doc.root, source.text, source.blocks))


def annotate(doc: Document, aliases: Aliases | None = None, using: Sequence[Extractor] | None = None) -> Document:
    """`doc` with the layer of each extractor (`using`, default `extractors(aliases)`), in order."""
    for extractor in using if using is not None else extractors(aliases):
        doc = doc.with_layer(extractor.run(doc))
    return doc


def ingest_source(source: Source, aliases: Aliases | None = None) -> Document:
    """Parse and annotate a loaded source."""
    return annotate(parse(source), aliases)


def ingest_file(path: str | Path, aliases: Aliases | None = None) -> Document:
    """Load, segment and annotate one file (`-` reads standard input)."""
    if str(path) == "-":
        return ingest_source(load_stream(sys.stdin.buffer), aliases)
    return ingest_source(load(path), aliases)


def load_document(path: str | Path, aliases: Aliases | None = None) -> Document:
    """A document from a source file or from a document JSON written by `ingest` (whose
    responsibility notes are read again when `aliases` is given)."""
    p = Path(path)
    if p.suffix.lower() in (".json", ".jsonl"):
        from .model_io import read_document

        doc = read_document(p, record_types())
        return annotate(doc, using=[Responsibilities(aliases)]) if aliases is not None else doc
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
    """The feed of one document as JSON Lines (one record per node, its layers' records beside
    it), validated as a whole before the first line."""
    records = list(feed_records(doc))
    validate.check_many(records, "feed-record")
    for record in records:
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Input:
    """One file to ingest, or one that a folder scan skipped (with the reason)."""

    path: str
    skipped: str | None = None


def expand_inputs(paths: Iterable[str | Path]) -> list[Input]:
    """Files named directly, and every supported file under named folders (sorted); each
    file once, however it is reached (named twice, through a symlink or a folder)."""
    found = _expand(paths)
    seen: set[str] = set()
    unique: list[Input] = []
    for item in found:
        key = item.path if item.path == "-" else os.path.realpath(item.path)
        if item.skipped or key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _expand(paths: Iterable[str | Path]) -> list[Input]:
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
        if not p.is_dir():
            raise InputError("not a regular file or folder (a device, socket or pipe)", str(raw))
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
    shown = [f"{counts[k]} {k}s" for k in COUNTED_KINDS if counts.get(k)]
    notes, money = len(doc.layer("responsibilities")), len(doc.layer("money"))
    shown += [f"{notes} notes", f"{money} money terms", f"{len(doc.all_warnings())} warnings"]
    return ", ".join(shown)


__all__ = [
    "PipelineError", "InputError", "Document", "Source", "Extractor", "ChainDiff", "DocumentDiff",
    "extractors", "record_types", "parse", "annotate", "ingest_source", "ingest_file", "load_document",
    "document_json", "write_document", "feed_lines", "Input", "expand_inputs", "summary", "diff", "diff_chain",
    "load_aliases",
]


def __getattr__(name: str):
    """`diff`, `diff_chain`, `ChainDiff` and `DocumentDiff`, imported when first asked for: a
    command that only ingests (`policy feed`) does not pay for the diff's imports (~0.1 s)."""
    if name in ("diff", "diff_chain", "ChainDiff", "DocumentDiff"):
        from . import diff as package

        return getattr(package, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
