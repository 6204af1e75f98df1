"""`policy diff`: what changed between versions of a document."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli, lazy_module, reports_errors

api = lazy_module("pipeline.api")
FORMATS = ("md", "html", "json")


@cli.command()
@click.argument("old")
@click.argument("new")
@click.argument("newer", nargs=-1)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the reports (default: print one report to stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS + ("all",)), default="md", show_default=True,
              help="Report format; `all` writes md, html and json (needs -o).")
@reports_errors
def diff(old: str, new: str, newer: tuple[str, ...], out_dir: str | None, fmt: str) -> None:
    """Compare versions OLD -> NEW [-> NEWER...]: each clause paired, redlined, field changes.

    Each version is a source text or a document JSON written by `policy ingest`.
    With three or more versions the report has each step and the overall change.
    With -o, writes <first>--<last>.diff.<ext> atomically into OUT.
    """
    from ..diff import diff_chain
    from ..diff.report import render, write_reports

    if fmt == "all" and not out_dir:
        raise click.UsageError("--format all needs -o/--out")
    paths = (old, new) + newer
    chain = diff_chain([api.load_document(p) for p in paths])
    if not out_dir:
        click.echo(render(chain, fmt), nl=False)
        return
    stem = f"{_stem(paths[0])}--{_stem(paths[-1])}"
    for target in write_reports(chain, out_dir, stem, FORMATS if fmt == "all" else (fmt,)):
        click.echo(str(target))


def _stem(path: str) -> str:
    name = Path(path).name
    for suffix in (".json", ".html", ".htm", ".txt", ".md"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name
