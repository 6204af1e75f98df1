"""`policy ingest`, `policy show`, `policy feed`, `policy validate`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import validate
from ..emit import write_atomic
from . import aliases_option, cli, dask_option, jobs_option, lazy_module, out_option, progress

api = lazy_module("pipeline.api")
batch = lazy_module("pipeline.batch")



@cli.command()
@click.argument("paths", nargs=-1, required=True)
@out_option("Folder for the document JSON files.")
@click.option("-q", "--quiet", is_flag=True, help="No summary lines and no progress.")
@jobs_option
@dask_option
@aliases_option
def ingest(paths: tuple[str, ...], out: str, quiet: bool, jobs: int | None, dask: str | None, aliases) -> None:
    """Ingest policy texts (files, folders, - for stdin) into validated document JSON.

    Writes one <doc_id>.json per document into OUT (atomically; byte-identical on
    rerun) and prints one summary line per document. A file that fails is
    reported at the end and the others go on (in parallel, see --jobs); the exit
    code is 1 if any failed. Progress goes to stderr. With --dask the files are
    parsed on a Dask cluster and written here, the same bytes as a local run.
    """
    inputs = api.expand_inputs(paths)
    todo = [i for i in inputs if not i.skipped]
    for item in inputs:
        if item.skipped and not quiet:
            click.echo(f"skipped {item.path}: {item.skipped}", err=True)
    with progress(len(todo), "ingesting", quiet) as shown:
        outcomes = batch.run([i.path for i in todo], out, jobs, aliases=aliases, dask=dask,
                             progress=lambda o: shown.advance(o.path, "ok" if o.ok else "failed"))
    if not quiet:
        for o in outcomes:
            if o.ok:
                click.echo(f"{o.doc_id}: {o.summary} -> {o.target}")
    failures = [o.error for o in outcomes if not o.ok]
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        if len(todo) > 1:
            click.echo(f"{len(failures)} of {len(todo)} files failed", err=True)
        sys.exit(1)


@cli.command()
@click.argument("file")
def show(file: str) -> None:
    """Print a document's front matter and its tree as an indented outline.

    The title, issuer and date, and for a comment draft the deadline, contact and
    where to send comments; then one line per node (kind, number, title, lead unit).
    FILE is a source text or a document JSON written by `policy ingest`.
    """
    doc = api.load_document(file)
    click.echo(f"{doc.title or doc.doc_id}" + (f"（{doc.status}）" if doc.status else ""))
    for line in front_lines(doc):
        click.echo(line)
    for line in outline(doc):
        click.echo(line)


def front_lines(doc) -> list[str]:
    """Issuer and date; the comment deadline (as read and as written), contact and feedback channels."""
    letter = doc.letter
    issuer = doc.issuer or (letter.issuer if letter else None)
    date = doc.date or (letter.date if letter else None)
    lines = [f"发文单位：{' '.join(x for x in (issuer, date) if x)}"] if issuer or date else []
    if letter and letter.deadline:
        shown = letter.deadline.replace("T", " ")
        lines.append(f"意见截止：{shown}" + (f"（原文：{letter.deadline_text}）" if letter.deadline_text else ""))
    if letter and (letter.contact_name or letter.contact_phone):
        lines.append("联系人：" + " ".join(x for x in (letter.contact_name, letter.contact_phone) if x))
    if letter and letter.feedback:
        lines.append("反馈渠道：" + "；".join(letter.feedback))
    return lines


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
@aliases_option
def feed(paths: tuple[str, ...], aliases) -> None:
    """Write JSON Lines to stdout: one validated record per node of each document."""
    for item in api.expand_inputs(paths):
        if item.skipped:
            continue
        doc = api.load_document(item.path, aliases)
        for line in api.feed_lines(doc):
            click.echo(line)


@cli.command(name="validate")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate_cmd(files: tuple[str, ...]) -> None:
    """Check JSON or JSON Lines files against the matching schema in schemas/.

    Prints each error as `file: path: message`; exit 1 if any file is invalid.
    """
    failed = 0
    for name in files:
        if not _validate_file(name):
            failed += 1
    if failed:
        if len(files) > 1:
            click.echo(f"{failed} of {len(files)} files invalid", err=True)
        sys.exit(1)


def _validate_file(name: str) -> bool:
    """Report one file: `name: ok (N valid)` on stdout, or each error on stderr."""
    try:
        raw = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"Error: {name}: cannot read ({exc})", err=True)
        return False
    values = _json_values(name, raw)
    if values is None:
        return False
    good = True
    for where, obj in values:
        schema = validate.schema_for(obj)
        if schema is None:
            click.echo(f"{name}{where}: (root): not a document, feed record or diff", err=True)
            good = False
            continue
        for message in validate.errors(obj, schema):
            click.echo(f"{name}{where}: {message}", err=True)
            good = False
    if good:
        click.echo(f"{name}: ok ({len(values)} valid)")
    return good


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


@cli.command()
@out_option("Folder to write into (default: the schemas folder of this installation).", default=None)
def schemas(out: str | None) -> None:
    """Write the JSON Schemas of the document, feed record and shared definitions.

    They are built from the record types of the extractors, so they always match
    what `ingest` and `feed` write; the diff's schema is copied as it is.
    """
    from .. import contract

    folder = Path(out) if out else validate.schema_dir()
    written = contract.write([(e.name, e.record) for e in api.extractors()], folder)
    diff_schema = validate.schema_dir() / "diff.schema.json"
    if folder.resolve() != validate.schema_dir().resolve():
        written.append(write_atomic(folder / diff_schema.name, diff_schema.read_bytes()))
    for path in written:
        click.echo(str(path))
