"""`policy money`: the money terms of one document as a table, CSV and Markdown."""
from __future__ import annotations

from pathlib import Path

import click

from ..emit import write_atomic
from ..money_table import COLUMNS, money_csv, money_markdown, money_rows
from . import cli, echo_table, lazy_module, out_option

api = lazy_module("pipeline.api")


@cli.command()
@click.argument("file")
@out_option("Folder for <doc_id>.money.csv and <doc_id>.money.md.")
def money(file: str, out: str) -> None:
    """Print the money terms of FILE (measure, role, amount, bound, rate, per, duration, recipient).

    Amounts are shown in the unit written (500万元), exactly. Also writes
    <doc_id>.money.csv (raw numbers, every field) and <doc_id>.money.md into
    OUT, atomically.
    """
    doc = api.load_document(file)
    rows = money_rows(doc)
    echo_table(COLUMNS, [[r[c] for c in COLUMNS] for r in rows])
    folder = Path(out)
    csv_path = write_atomic(folder / f"{doc.doc_id}.money.csv", money_csv(doc))
    md_path = write_atomic(folder / f"{doc.doc_id}.money.md", money_markdown(doc))
    click.echo(f"{len(rows)} money terms -> {csv_path}, {md_path}", err=True)
