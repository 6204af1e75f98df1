"""`policy diff`: what changed between versions of a document."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli, format_option, lazy_module, out_option

api = lazy_module("pipeline.api")
FORMATS = ("md", "html", "json", "docx")
LANGS = ("zh", "en")
AUTHOR = "policy-pipeline"


@cli.command()
@click.argument("old")
@click.argument("new")
@click.argument("newer", nargs=-1)
@out_option("Folder for the reports (default: print one report to stdout).", default=None)
@format_option(FORMATS + ("all",), "md",
               "Report format: docx is a Word file with tracked changes; `all` writes every format. docx and all need -o.")
@click.option("--author", default=AUTHOR, show_default=True,
              help="Reviser named on the Word file's tracked changes.")
@click.option("--date", "when", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="Date of the Word file's tracked changes (default: the new version's date, else 2000-01-01).")
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True,
              help="Language of the Markdown and HTML reports' labels (the JSON holds codes; the Word file is Chinese).")
@click.option("--db", default="policy.db", envvar="POLICY_DB", show_default=True, type=click.Path(dir_okay=False),
              help="The library that numeric versions are read from (or $POLICY_DB).")
def diff(old: str, new: str, newer: tuple[str, ...], out: str | None, fmt: str, author: str, when, lang: str,
         db: str) -> None:
    """Compare versions OLD -> NEW [-> NEWER...]: each clause paired, redlined, field changes.

    Each version is a source text, a document JSON written by `policy ingest`, or
    the id of a document in the library (`policy history` lists them; see --db).
    With three or more versions the report has each step and the overall change
    (the Word file: the overall change). With -o, writes
    <first>--<last>.diff.<ext> atomically into OUT.
    """
    from ..diff import diff_chain
    from ..diff.report import render, write_reports

    if fmt in ("all", "docx") and not out:
        raise click.UsageError(f"--format {fmt} needs -o/--out")
    if not author.strip():
        raise click.BadParameter("must name someone", param_hint="--author")
    paths = (old, new) + newer
    docs = _documents(paths, db)
    chain = diff_chain(docs)
    if not out:
        click.echo(render(chain, fmt, lang), nl=False)
        return
    stem = f"{_stem(paths[0], docs[0])}--{_stem(paths[-1], docs[-1])}"
    formats = FORMATS if fmt == "all" else (fmt,)
    for target in write_reports(chain, out, stem, formats, author=author.strip(), date=when, lang=lang):
        click.echo(str(target))


def _documents(paths: tuple[str, ...], db: str) -> list:
    """Each version: a file, or (a number naming no file) a document of the library."""
    ids = [p for p in paths if p.isdigit() and not Path(p).exists()]
    if not ids:
        return [api.load_document(p) for p in paths]
    from ..library import history, schema, store

    conn = schema.connect(db, create=False)
    try:
        return [store.load_document(conn, history.resolve_document(conn, p)) if p in ids else api.load_document(p)
                for p in paths]
    finally:
        conn.close()


def _stem(path: str, doc) -> str:
    if path.isdigit() and not Path(path).exists():
        return doc.doc_id
    name = Path(path).name
    for suffix in (".json", ".html", ".htm", ".txt", ".md"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name
