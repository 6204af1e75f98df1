"""The main job: everything the tool makes for a corpus, written into one folder.

For every document: `<doc_id>.json` (validated). For the corpus: `feed.jsonl`,
one validated record per node. For each document with responsibility notes or
money terms: the 任务分工表 (`.tasks.csv/.md/.xlsx`), the money table
(`.money.csv/.md`) and the annotated page (`.annotated.html`). For each version
chain listed in the corpus's `VERSIONS` file: the diff reports. Every file is
written atomically, so an interrupted run leaves no half-written file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import api, batch
from .emit import write_atomic
from .model import Document

VERSIONS_FILE = "VERSIONS"


@dataclass
class BuildReport:
    """What the build wrote and what failed (one line each)."""

    outcomes: list[batch.Outcome] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def build(corpus: str | Path, out_dir: str | Path, jobs: int | None = None,
          progress: Callable[[batch.Outcome], None] | None = None,
          include: Sequence[str | Path] = ()) -> BuildReport:
    """Run the main job over the supported files in `corpus` into `out_dir`.

    Only the files at the top of `corpus` are read: its subfolders (the breadth
    set `corpus/wild/`) are read only when named in `include`, so the main job
    stays fast.
    """
    out = Path(out_dir)
    report = BuildReport()
    inputs = [i.path for i in api.expand_inputs([corpus]) if not i.skipped and Path(i.path).parent == Path(corpus)]
    inputs += [i.path for i in api.expand_inputs(include) if not i.skipped]
    report.outcomes = batch.run(inputs, str(out), jobs, progress)
    report.failures += [o.error for o in report.outcomes if not o.ok]
    docs = [api.load_document(o.target) for o in report.outcomes if o.ok]
    feed = "".join(line + "\n" for doc in docs for line in api.feed_lines(doc))
    report.written.append(write_atomic(out / "feed.jsonl", feed))
    for doc in docs:
        if doc.layer("responsibilities") or doc.layer("money"):
            report.written += write_tables(doc, out)
    versions = Path(corpus) / VERSIONS_FILE
    if versions.is_file():
        report.written += write_version_diffs(versions, {d.source.name: d for d in docs}, out, report.failures)
    return report


def write_tables(doc: Document, out: str | Path) -> list[Path]:
    """The task table, the money table and the annotated page of one document."""
    from .money_table import money_csv, money_markdown
    from .spacy_view import render_html
    from .tasks import write_tasks

    out = Path(out)
    paths = write_tasks(doc, out)
    paths.append(write_atomic(out / f"{doc.doc_id}.money.csv", money_csv(doc)))
    paths.append(write_atomic(out / f"{doc.doc_id}.money.md", money_markdown(doc)))
    paths.append(write_atomic(out / f"{doc.doc_id}.annotated.html", render_html(doc)))
    return paths


def read_chains(path: Path) -> list[list[str]]:
    """Version chains: one per line, file names oldest first, `#` starts a comment."""
    chains = []
    for line in path.read_text(encoding="utf-8").splitlines():
        names = line.split("#", 1)[0].split()
        if len(names) >= 2:
            chains.append(names)
    return chains


def write_version_diffs(versions: Path, docs: dict[str, Document], out: Path, failures: list[str]) -> list[Path]:
    """Diff reports for each chain in the VERSIONS file whose documents all ingested."""
    from .diff import diff_chain
    from .diff.report import write_reports

    written: list[Path] = []
    for names in read_chains(versions):
        missing = [name for name in names if name not in docs]
        if missing:
            failures.append(f"{versions.name}: {', '.join(missing)} not ingested; chain skipped")
            continue
        chain = [docs[name] for name in names]
        written += write_reports(diff_chain(chain), out, f"{chain[0].doc_id}--{chain[-1].doc_id}")
    return written
