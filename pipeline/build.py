"""The main job: everything the tool makes for a corpus, written into one folder.

    outputs/index.html                       what to open: every document and its files
    outputs/feed.jsonl                       one validated record per node of the corpus
    outputs/<doc_id>/<doc_id>.json           the document (validated)
    outputs/<doc_id>/<doc_id>.annotated.html the text with its annotations marked
    outputs/<doc_id>/<doc_id>.tasks.*        the 任务分工表 (xlsx, docx, csv, md), when a measure names a unit
    outputs/<doc_id>/<doc_id>.money.*        the money table (csv, md), when the text promises money
    outputs/diffs/<old>--<new>.diff.*        the version chains of the corpus's VERSIONS file
    outputs/policy.db                        the library of them all (`policy serve --db outputs/policy.db`)

Every file is written atomically, so an interrupted run leaves no half-written
file (and no temporary one: see `emit.write_atomic` and `batch.run`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import api, batch
from .emit import open_atomic, write_atomic
from .index import Chain, Row, index_pieces
from .library.add import Written, create
from .library.chains import read_chains
from .model import Document

VERSIONS_FILE = "VERSIONS"
DIFFS = "diffs"
INDEX = "index.html"
LIBRARY = "policy.db"
# (stage, items in the stage, the item just finished)
Progress = Callable[[str, int, str], None]


@dataclass
class BuildReport:
    """What the build wrote (counted) and what failed (one line each)."""

    outcomes: list[batch.Outcome] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    files: int = 0
    tables: int = 0
    comparisons: int = 0
    index: Path | None = None
    library: Path | None = None


def build(corpus: str | Path, out_dir: str | Path, jobs: int | None = None, progress: Progress | None = None,
          include: Sequence[str | Path] = ()) -> BuildReport:
    """Run the main job over the supported files in `corpus` into `out_dir` (layout: module docstring).

    Only the files at the top of `corpus` are read: its subfolders (the breadth
    set `corpus/wild/`) are read only when named in `include`, so the main job
    stays fast. `progress` hears of each file ingested, document written and
    chain compared.

    Memory stays bounded whatever the corpus size: each document is read back from
    its JSON, its feed lines and tables written and only a row for the index kept
    (`index.Row`); a version chain and the library read their documents again.
    """
    out = Path(out_dir)
    step = progress or (lambda stage, total, item: None)
    report = BuildReport()
    inputs = [i.path for i in api.expand_inputs([corpus]) if not i.skipped and Path(i.path).parent == Path(corpus)]
    inputs += [i.path for i in api.expand_inputs(include) if not i.skipped]
    report.outcomes = batch.run(inputs, str(out), jobs, lambda o: step("ingesting", len(inputs), o.path),
                                folders=True)
    report.failures += [o.error for o in report.outcomes if not o.ok]
    ok = [o for o in report.outcomes if o.ok]
    rows: list[Row] = []
    stored: list[tuple[Written, str]] = []
    with open_atomic(out / "feed.jsonl") as feed:
        for o in ok:
            doc = api.load_document(o.target)
            for line in api.feed_lines(doc):
                feed.write(line.encode("utf-8") + b"\n")
            names = [p.name for p in write_tables(doc, out / doc.doc_id)]
            report.files += len(names)
            report.tables += sum(1 for name in names if name.endswith(".tasks.xlsx"))
            rows.append(Row.of(doc, names))
            stored.append((Written(doc.source.sha256, o.target, doc.source.name), o.path))
            step("writing tables", len(ok), doc.doc_id)
    report.files += 1
    chains: list[Chain] = []
    diffs: dict = {}
    versions = Path(corpus) / VERSIONS_FILE
    if versions.is_file():
        by_name = {w.name: Path(w.path) for w, _ in stored}
        chains = write_version_diffs(versions, by_name, out / DIFFS, report.failures,
                                     lambda name, total: step("comparing versions", total, name), diffs)
        report.files += sum(len(c.files) for c in chains)
        report.comparisons = sum(1 for c in chains for p in c.files if p.name.endswith(".diff.html"))
        del by_name
    report.library, added = create(out / LIBRARY, stored, versions if versions.is_file() else None, diffs)
    step("writing the library", 1, LIBRARY)
    report.files += 1
    report.failures += [a.message for a in added if not a.ok]
    with open_atomic(out / INDEX) as page:  # a row at a time: 10,000 rows are ~40 MB as one string
        for piece in index_pieces(out, rows, chains, report.failures):
            page.write(piece.encode("utf-8"))
    report.index = out / INDEX
    return report


def write_tables(doc: Document, folder: str | Path, index: str | None = f"../{INDEX}") -> list[Path]:
    """Into `folder`: the task table (when a measure names a unit), the money table (when the text
    has money terms) and the annotated page, which links to the others and to `index`."""
    from .annotated import render_page
    from .money_table import money_csv, money_markdown
    from .tasks import write_tasks

    folder = Path(folder)
    paths = write_tasks(doc, folder)
    if doc.layer("money"):
        paths.append(write_atomic(folder / f"{doc.doc_id}.money.csv", money_csv(doc)))
        paths.append(write_atomic(folder / f"{doc.doc_id}.money.md", money_markdown(doc)))
    links = [("全部文件", index)] if index else []
    links += [(label, name) for label, name in page_links(doc.doc_id, [p.name for p in paths])]
    paths.append(write_atomic(folder / f"{doc.doc_id}.annotated.html", render_page(doc, links)))
    return paths


FILE_LABELS = (("tasks.xlsx", "任务分工表 (Excel)"), ("tasks.docx", "任务分工表 (Word)"), ("money.md", "资金条款表"),
               ("json", "结构化数据 (JSON)"))


def page_links(doc_id: str, names: Sequence[str]) -> list[tuple[str, str]]:
    """The annotated page's links to its siblings (and to the document JSON, always written)."""
    present = set(names) | {f"{doc_id}.json"}
    return [(label, f"{doc_id}.{suffix}") for suffix, label in FILE_LABELS if f"{doc_id}.{suffix}" in present]


def write_version_diffs(versions: Path, docs: dict[str, Path], out: Path, failures: list[str],
                        progress: Callable[[str, int], None] = lambda name, total: None,
                        diffs: dict | None = None) -> list[Chain]:
    """Diff reports, into `out`, for each chain in the VERSIONS file whose documents all ingested
    (`docs`: the document JSON of each source file name, read for its chain only); each step's
    diff is kept in `diffs` (by its versions' content hashes) for the library."""
    from .diff import diff_chain
    from .diff.report import write_reports

    chains = read_chains(versions)
    written: list[Chain] = []
    for names in chains:
        missing = [name for name in names if name not in docs]
        if missing:
            failures.append(f"{versions.name}: {', '.join(missing)} not ingested; chain skipped")
            continue
        chain = [api.load_document(docs[name]) for name in names]
        stem = f"{chain[0].doc_id}--{chain[-1].doc_id}"
        result = diff_chain(chain)
        if diffs is not None:
            diffs.update(((s.old.source.sha256, s.new.source.sha256), s) for s in result.steps)
        files = write_reports(result, out, stem)
        written.append(Chain(tuple(d.doc_id for d in chain), tuple(files)))
        progress(stem, len(chains))
    return written
