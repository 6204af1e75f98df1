"""`policy tasks` (the 任务分工表) and `policy units` (who leads and joins how much)."""
from __future__ import annotations

import click

from ..errors import InputError
from ..tasks import FORMATS, task_rows, to_csv, to_markdown, unit_counts, unit_table, write_tasks
from . import aliases_option, cli, format_option, lazy_module, out_option

api = lazy_module("pipeline.api")


@cli.command()
@click.argument("file")
@out_option("Folder for the table files.")
@format_option([*FORMATS, "all"], "all", "Which table files to write.")
@aliases_option
def tasks(file: str, out: str, fmt: str, aliases) -> None:
    """Write the 任务分工表 of FILE: one row per measure with its lead and co-units.

    FILE is a source text or a document JSON. Writes <doc_id>.tasks.xlsx / .docx
    (to print and hand out: title, rows grouped by part and action, A4 landscape),
    .csv and .md into OUT (atomically) and prints the paths written. A document
    whose measures name no responsible unit has no table (exit 1).
    """
    doc = api.load_document(file, aliases)
    written = write_tasks(doc, out, FORMATS if fmt == "all" else (fmt,))
    if not written:
        raise InputError("no measure names a responsible unit, so there is no 任务分工表 to write", file)
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@format_option(["md", "csv"], "md", "Table format on standard output.")
@aliases_option
def units(files: tuple[str, ...], fmt: str, aliases) -> None:
    """List each responsible unit with how many measures it leads and joins, over all FILES.

    A unit that only guides a measure (A指导) is counted under 指导任务数, a column shown
    when some unit guides one.
    """
    rows = [row for path in files for row in task_rows(api.load_document(path, aliases))]
    headers, table = unit_table(unit_counts(rows))
    click.echo(to_markdown(table, headers) if fmt == "md" else to_csv(table, headers), nl=False)
