"""`policy ingest`, `policy show`, `policy feed`, `policy validate`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import validate
from ..emit import write_atomic
from ..errors import InputError
from ..extract.aliases import load_aliases
from . import cli, lazy_module, reports_errors

api = lazy_module("pipeline.api")
batch = lazy_module("pipeline.batch")

PROGRESS_FROM = 8
ALIASES_HELP = "Extra unit-name aliases: TSV lines alias<TAB>full name<TAB>kind (see pipeline/data/aliases.tsv)."


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the document JSON files.")
@click.option("-q", "--quiet", is_flag=True, help="No summary lines.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel worker processes (default: the number of cores).")
@click.option("--aliases", type=click.Path(dir_okay=False), help=ALIASES_HELP)
@reports_errors
def ingest(paths: tuple[str, ...], out_dir: str, quiet: bool, jobs: int | None, aliases: str | None) -> None:
    """Ingest policy texts (files, folders, - for stdin) into validated document JSON.

    Writes one <doc_id>.json per document into OUT (atomically; byte-identical on
    rerun) and prints one summary line per document. A file that fails is
    reported at the end and the others go on (in parallel, see --jobs); the exit
    code is 1 if any failed.
    """
    table = load_aliases(aliases) if aliases else None
    inputs = api.expand_inputs(paths)
    todo = [i for i in inputs if not i.skipped]
    for item in inputs:
        if item.skipped and not quiet:
            click.echo(f"skipped {item.path}: {item.skipped}", err=True)
    show_bar = len(todo) >= PROGRESS_FROM and not quiet and sys.stderr.isatty()
    with click.progressbar(length=len(todo), label="ingesting", file=sys.stderr) if show_bar else _Plain() as bar:
        outcomes = batch.run([i.path for i in todo], out_dir, jobs, progress=lambda _: bar.update(1), aliases=table)
    if not quiet:
        click.echo("\n".join(f"{o.doc_id}: {o.summary} -> {o.target}" for o in outcomes if o.ok))
    failures = [o.error for o in outcomes if not o.ok]
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        if len(todo) > 1:
            click.echo(f"{len(failures)} of {len(todo)} files failed", err=True)
        sys.exit(1)


class _Plain:
    """Stands in for a progress bar when none is shown."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, steps: int) -> None:
        pass


@cli.command()
@click.argument("file")
@reports_errors
def show(file: str) -> None:
    """Print a document's tree as an indented outline (numbers, titles, lead unit).

    FILE is a source text or a document JSON written by `policy ingest`.
    """
    doc = api.load_document(file)
    click.echo(f"{doc.title or doc.doc_id}" + (f"（{doc.status}）" if doc.status else ""))
    for line in outline(doc):
        click.echo(line)


def outline(doc) -> list[str]:
    """Indented lines, one per node below the root."""
    out: list[str] = []

    def visit(node, depth: int) -> None:
        for child in node.children:
            label = (child.marker or child.num or "").strip()
            if label and label[-1] not in "、.．)）":
                label += " "
            title = child.title or _first_words(doc.text[child.start:child.own_end], child.marker)
            lead = next((r.lead for r in doc.layer("responsibilities").of(child.id) if r.lead), None)
            tail = f"  [牵头: {lead}]" if lead else ""
            out.append(f"{'  ' * depth}{child.kind:<10} {label}{title}{tail}".rstrip())
            visit(child, depth + 1)

    visit(doc.root, 0)
    return out


def _first_words(text: str, marker: str | None, width: int = 30) -> str:
    body = " ".join(text.split())
    if marker and body.startswith(marker):
        body = body[len(marker):].lstrip()
    return body[:width] + ("…" if len(body) > width else "")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--aliases", type=click.Path(dir_okay=False), help=ALIASES_HELP)
@reports_errors
def feed(paths: tuple[str, ...], aliases: str | None) -> None:
    """Write JSON Lines to stdout: one validated record per node of each document."""
    table = load_aliases(aliases) if aliases else None
    for item in api.expand_inputs(paths):
        if item.skipped:
            continue
        doc = api.load_document(item.path, table)
        for line in api.feed_lines(doc):
            click.echo(line)


@cli.command(name="validate")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate_cmd(files: tuple[str, ...]) -> None:
    """Check JSON or JSON Lines files against the matching schema in schemas/.

    Prints each error as `file: path: message`; exit 1 if any file is invalid.
    """
    bad = False
    for name in files:
        try:
            raw = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            click.echo(f"Error: {name}: cannot read ({exc})", err=True)
            bad = True
            continue
        values = _json_values(name, raw)
        if values is None:
            bad = True
            continue
        count = 0
        for where, obj in values:
            schema = validate.schema_for(obj)
            if schema is None:
                click.echo(f"{name}{where}: (root): not a document, feed record or diff", err=True)
                bad = True
                continue
            for message in validate.errors(obj, schema):
                click.echo(f"{name}{where}: {message}", err=True)
                bad = True
            count += 1
        if not bad:
            click.echo(f"{name}: ok ({count} valid)")
    if bad:
        sys.exit(1)


def _json_values(name: str, raw: str):
    try:
        return [("", json.loads(raw))]
    except json.JSONDecodeError:
        pass
    values = []
    # JSON Lines are split at \n only: U+2028, U+0085 and the like may stand raw inside a string
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            values.append((f":{n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            click.echo(f"Error: {name}:{n}: not JSON ({exc.msg})", err=True)
            return None
    return values


__all__ = ["ingest", "show", "feed", "validate_cmd", "InputError"]


@cli.command()
@click.option("-o", "--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Folder to write into (default: the schemas folder of this installation).")
@reports_errors
def schemas(out_dir: str | None) -> None:
    """Write the JSON Schemas of the document, feed record and shared definitions.

    They are built from the record types of the extractors, so they always match
    what `ingest` and `feed` write; the diff's schema is copied as it is.
    """
    from .. import contract

    folder = Path(out_dir) if out_dir else validate.schema_dir()
    written = contract.write([(e.name, e.record) for e in api.extractors()], folder)
    diff_schema = validate.schema_dir() / "diff.schema.json"
    if folder.resolve() != validate.schema_dir().resolve():
        written.append(write_atomic(folder / diff_schema.name, diff_schema.read_bytes()))
    for path in written:
        click.echo(str(path))
