"""`policy tasks` (the 任务分工表) and `policy units` (who leads and joins how much)."""
from __future__ import annotations

import click

from ..extract.aliases import load_aliases
from ..tasks import FORMATS, UNIT_HEADERS, task_rows, to_csv, to_markdown, unit_counts, write_tasks
from . import cli, lazy_module, reports_errors
from .ingest import ALIASES_HELP

api = lazy_module("pipeline.api")


def _load(path: str, aliases: str | None):
    return api.load_document(path, load_aliases(aliases) if aliases else None)


@cli.command()
@click.argument("file")
@click.option("-o", "--out", "out_dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the table files.")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "all"]), default="all", show_default=True,
              help="Which table files to write.")
@click.option("--aliases", type=click.Path(dir_okay=False), help=ALIASES_HELP)
@reports_errors
def tasks(file: str, out_dir: str, fmt: str, aliases: str | None) -> None:
    """Write the 任务分工表 of FILE: one row per measure with its lead and co-units.

    FILE is a source text or a document JSON. Writes <doc_id>.tasks.csv / .md /
    .xlsx into OUT (atomically) and prints the paths written.
    """
    doc = _load(file, aliases)
    for path in write_tasks(doc, out_dir, FORMATS if fmt == "all" else (fmt,)):
        click.echo(str(path))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "csv"]), default="md", show_default=True,
              help="Table format on standard output.")
@click.option("--aliases", type=click.Path(dir_okay=False), help=ALIASES_HELP)
@reports_errors
def units(files: tuple[str, ...], fmt: str, aliases: str | None) -> None:
    """List each responsible unit with how many measures it leads and joins, over all FILES."""
    rows = [row for path in files for row in task_rows(_load(path, aliases))]
    table = [(c.name, str(c.leads), str(c.joins)) for c in unit_counts(rows)]
    click.echo(to_markdown(table, UNIT_HEADERS) if fmt == "md" else to_csv(table, UNIT_HEADERS), nl=False)
