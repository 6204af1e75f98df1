"""`policy annotate`: the document with money terms, support and targets highlighted (displaCy HTML)."""
from __future__ import annotations

import click

from ..emit import write_atomic
from . import cli, lazy_module, reports_errors

api = lazy_module("pipeline.api")


@cli.command()
@click.argument("file")
@click.option("-o", "--out", "out_file", required=True, type=click.Path(dir_okay=False),
              help="The HTML page to write.")
@reports_errors
def annotate(file: str, out_file: str) -> None:
    """Write FILE as one self-contained HTML page with money terms, support and targets highlighted."""
    from ..spacy_view import entities, non_overlapping, render_html

    doc = api.load_document(file)
    path = write_atomic(out_file, render_html(doc))
    click.echo(f"{len(non_overlapping(entities(doc)))} highlighted spans -> {path}", err=True)
