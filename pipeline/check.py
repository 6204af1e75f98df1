"""The corpus health report: what the tool found in each document of a folder, at a glance.

One row per input file: refused or not (and why), the front matter (title, issuer, date,
number, status, comment deadline), how many nodes of each counted kind, how many records
each layer holds (notes, money terms, targets… and notes with a lead), warnings by code, and
the time taken. It reads the document generically (node kinds from `kinds`, every layer of
`doc.layers`, `all_warnings()`), so a new layer or warning code needs no change here. A summary counts the gaps a reader cares
about: documents without a title, issuer or date, without measures or articles, with warnings.
"""
from __future__ import annotations

import csv
import io
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import api
from .errors import PipelineError
from .kinds import CLAUSE_KINDS, COUNTED_KINDS
from .model import Document


@dataclass(frozen=True)
class Health:
    """One document's row of the report; `refused` is the one-line reason a file was refused."""

    file: str
    refused: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_number: str | None = None
    status: str | None = None
    deadline: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    layers: dict[str, int] = field(default_factory=dict)
    notes_with_lead: int = 0
    warnings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def notes(self) -> int:
        return self.layers.get("responsibilities", 0)

    @property
    def money(self) -> int:
        return self.layers.get("money", 0)

    @property
    def targets(self) -> int:
        return self.layers.get("targets", 0)

    @property
    def clauses(self) -> int:
        """Measures and articles: the numbered units a task table or a diff lists."""
        return sum(self.counts.get(k, 0) for k in CLAUSE_KINDS)


@dataclass(frozen=True)
class Summary:
    """How many documents were read, refused, and lack each thing the report looks for."""

    documents: int
    refused: int
    no_title: int
    no_issuer: int
    no_date: int
    no_clauses: int
    with_warnings: int

    def line(self) -> str:
        """`158 documents: 3 refused; of 155 read, 0 without a title, …`."""
        read = self.documents - self.refused
        return (f"{self.documents} documents: {self.refused} refused; of {read} read, {self.no_title} without a title, "
                f"{self.no_issuer} without an issuer, {self.no_date} without a date, {self.no_clauses} without "
                f"measures or articles, {self.with_warnings} with warnings")


def health(doc: Document, file: str, seconds: float = 0.0) -> Health:
    """The report's row for an ingested document."""
    kinds = Counter(node.kind for node in doc.nodes())
    return Health(
        file=file, title=doc.title, issuer=doc.issuer, date=doc.date, doc_number=doc.doc_number,
        status=doc.status, deadline=doc.letter.deadline if doc.letter else None,
        counts={k: kinds.get(k, 0) for k in COUNTED_KINDS},
        layers={name: len(layer) for name, layer in doc.layers.items()},
        notes_with_lead=sum(1 for note in doc.layer("responsibilities").all() if getattr(note, "lead", None)),
        warnings=dict(sorted(Counter(w.code for w in doc.all_warnings()).items())),
        seconds=round(seconds, 3),
    )


def refused(file: str, error: PipelineError, seconds: float = 0.0) -> Health:
    """The report's row for a file the tool refused: the one-line reason, nothing else."""
    return Health(file=file, refused=error.message, seconds=round(seconds, 3))


def check_file(path: str | Path) -> Health:
    """Ingest one file and report on it; a refusal is a row, never an exception."""
    began = time.perf_counter()
    try:
        doc = api.ingest_file(path)
    except PipelineError as error:
        return refused(str(path), error, time.perf_counter() - began)
    return health(doc, str(path), time.perf_counter() - began)


def check(paths: Iterable[str | Path]) -> list[Health]:
    """A row for every supported file named or found under a named folder, in order."""
    return [check_file(item.path) for item in api.expand_inputs(paths) if not item.skipped]


def summarize(rows: Sequence[Health]) -> Summary:
    read = [r for r in rows if r.refused is None]
    return Summary(
        documents=len(rows), refused=len(rows) - len(read),
        no_title=sum(1 for r in read if not r.title), no_issuer=sum(1 for r in read if not r.issuer),
        no_date=sum(1 for r in read if not r.date), no_clauses=sum(1 for r in read if not r.clauses),
        with_warnings=sum(1 for r in read if r.warnings),
    )


# Columns of the flat formats (table, Markdown, CSV): header and how a row shows it.
COLUMNS: tuple[tuple[str, object], ...] = (
    ("file", lambda r: Path(r.file).name),
    ("refused", lambda r: r.refused or ""),
    ("title", lambda r: r.title or ""),
    ("issuer", lambda r: r.issuer or ""),
    ("date", lambda r: r.date or ""),
    ("number", lambda r: r.doc_number or ""),
    ("status", lambda r: r.status or ""),
    ("deadline", lambda r: r.deadline or ""),
    *((kind + "s", (lambda k: lambda r: _count(r, r.counts.get(k, 0)))(kind)) for kind in COUNTED_KINDS),
    ("notes", lambda r: _count(r, r.notes)),
    ("led", lambda r: _count(r, r.notes_with_lead)),
    ("money", lambda r: _count(r, r.money)),
    ("targets", lambda r: _count(r, r.targets)),
    ("warnings", lambda r: " ".join(f"{code}×{n}" for code, n in r.warnings.items())),
    ("ms", lambda r: str(round(r.seconds * 1000))),
)
# Free text cut to this many display columns in the terminal table (the other formats keep it whole).
_CUT = {"refused": 28, "title": 28, "issuer": 16, "number": 18}


def _count(row: Health, n: int) -> str:
    return "" if row.refused else str(n)


def cells(row: Health) -> list[str]:
    return [show(row) for _, show in COLUMNS]


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: wide and full-width characters (CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def as_table(rows: Sequence[Health]) -> str:
    """Aligned columns for a terminal (CJK counted two columns wide), then the summary line."""
    heads = [name for name, _ in COLUMNS]
    body = [[_cut(c, _CUT[h]) if h in _CUT else c for h, c in zip(heads, cells(r))] for r in rows]
    widths = [max(display_width(x) for x in [h, *(b[i] for b in body)]) for i, h in enumerate(heads)]
    lines = ["  ".join(_pad(x, w) for x, w in zip(line, widths)).rstrip() for line in [heads, *body]]
    return "\n".join(lines + ["", summarize(rows).line()]) + "\n"


def as_markdown(rows: Sequence[Health]) -> str:
    heads = [name for name, _ in COLUMNS]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    return "\n".join(lines + ["", summarize(rows).line()]) + "\n"


def as_csv(rows: Sequence[Health]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS])
    writer.writerows(cells(r) for r in rows)
    return out.getvalue()


def as_json(rows: Sequence[Health]) -> str:
    """Every field of every row, and the summary, as one JSON object."""
    obj = {"documents": [asdict(r) for r in rows], "summary": asdict(summarize(rows))}
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"table": as_table, "md": as_markdown, "csv": as_csv, "json": as_json}
