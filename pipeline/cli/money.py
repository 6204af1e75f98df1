"""`policy money`: the money terms of one document as a table, CSV and Markdown."""
from __future__ import annotations

from pathlib import Path

import click

from ..emit import write_atomic
from ..money_table import COLUMNS, money_csv, money_markdown, money_rows
from . import cli, lazy_module, reports_errors

api = lazy_module("pipeline.api")


@cli.command()
@click.argument("file")
@click.option("-o", "--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder for <doc_id>.money.csv and <doc_id>.money.md.")
@reports_errors
def money(file: str, out_dir: str) -> None:
    """Print the money terms of FILE (measure, role, amount, bound, rate, per, duration, recipient).

    Also writes <doc_id>.money.csv (raw numbers, every field) and
    <doc_id>.money.md into OUT, atomically.
    """
    doc = api.load_document(file)
    rows = money_rows(doc)
    widths = {c: max([len(c)] + [len(r[c]) for r in rows]) for c in COLUMNS}
    click.echo("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
    for r in rows:
        click.echo("  ".join(r[c].ljust(widths[c]) for c in COLUMNS).rstrip())
    out = Path(out_dir)
    csv_path = write_atomic(out / f"{doc.doc_id}.money.csv", money_csv(doc))
    md_path = write_atomic(out / f"{doc.doc_id}.money.md", money_markdown(doc))
    click.echo(f"{len(rows)} money terms -> {csv_path}, {md_path}", err=True)
