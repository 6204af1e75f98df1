"""`policy annotate`: the document as a page with its notes, money, support and targets marked."""
from __future__ import annotations

from pathlib import Path

import click

from ..emit import write_atomic
from . import cli, lazy_module, out_option

api = lazy_module("pipeline.api")


@cli.command()
@click.argument("file")
@out_option("Folder for <doc_id>.annotated.html, or the page itself when it ends in .html.", folder=False)
def annotate(file: str, out: str) -> None:
    """Write FILE as one self-contained HTML page with its annotations marked.

    Responsible units, money terms, unquantified support and targets are
    highlighted with Chinese labels and a legend, under a summary of the
    document; the cover letter is folded away.
    """
    from ..annotated import highlights, render_page

    doc = api.load_document(file)
    target = Path(out)
    if target.suffix.lower() not in (".html", ".htm"):
        target = target / f"{doc.doc_id}.annotated.html"
    path = write_atomic(target, render_page(doc))
    click.echo(f"{len(highlights(doc))} highlighted spans -> {path}", err=True)
