"""`policy build`: the main job over a corpus folder."""
from __future__ import annotations

import sys

import click

from . import cli, lazy_module, reports_errors

job = lazy_module("pipeline.build")


@cli.command()
@click.argument("corpus", default="corpus", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder for everything the job writes.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel worker processes for ingestion (default: the number of cores).")
@click.option("--include", "include", multiple=True, type=click.Path(exists=True),
              help="Also read this subfolder or file (e.g. corpus/wild); repeatable.")
@reports_errors
def build(corpus: str, out_dir: str, jobs: int | None, include: tuple[str, ...]) -> None:
    """Run the main job on CORPUS (default: corpus/): every output the tool makes.

    Only the files at the top of CORPUS are read; a subfolder such as the
    breadth corpus corpus/wild is read only when given with --include.

    Document JSON for every file, feed.jsonl for the corpus, the 任务分工表, money
    table and annotated page of each policy document, and the diff reports of
    the version chains listed in CORPUS/VERSIONS. Exit 1 if anything failed.
    """
    report = job.build(corpus, out_dir, jobs, include=include)
    for o in report.outcomes:
        if o.ok:
            click.echo(f"{o.doc_id}: {o.summary}")
    click.echo(f"wrote {len(report.outcomes) - len(report.failures)} documents and {len(report.written)} "
               f"other files into {out_dir}/")
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    if report.failures:
        sys.exit(1)
