"""`policy check`: the corpus health report."""
from __future__ import annotations

import click

from . import cli, lazy_module

report = lazy_module("pipeline.check")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "md", "csv", "json"]), default="table",
              show_default=True, help="Terminal table, Markdown, CSV or JSON.")
def check(paths: tuple[str, ...], fmt: str) -> None:
    """Report on every document in PATHS (files or folders): refused or not and why, title,
    issuer, date, number, status, comment deadline, counts of parts, actions, measures,
    chapters, articles and items, notes (and notes with a lead), money terms, targets,
    warnings by code, and the time taken; then a summary line. Nothing is written.
    """
    click.echo(report.FORMATS[fmt](report.check(paths)), nl=False)
