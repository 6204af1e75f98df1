"""`policy build`: the main job over a corpus folder."""
from __future__ import annotations

import sys

import click

from . import Stages, cli, jobs_option, lazy_module, out_option

job = lazy_module("pipeline.build")


@cli.command()
@click.argument("corpus", default="corpus", type=click.Path(exists=True, file_okay=False))
@out_option("Folder for everything the job writes.")
@jobs_option
@click.option("--include", "include", multiple=True, type=click.Path(exists=True),
              help="Also read this subfolder or file (e.g. corpus/wild); repeatable.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
def build(corpus: str, out: str, jobs: int | None, include: tuple[str, ...], quiet: bool) -> None:
    """Run the main job on CORPUS (default: corpus/): every output the tool makes.

    Only the files at the top of CORPUS are read; a subfolder such as the
    breadth corpus corpus/wild is read only when given with --include.

    Writes OUT/index.html (open it first: every document with its files),
    OUT/feed.jsonl for the corpus, a folder per document (its JSON, annotated
    page, 任务分工表 and money table), OUT/diffs/ with the comparisons of the
    version chains listed in CORPUS/VERSIONS, and the library of it all,
    OUT/policy.db (browse it with `policy serve --db OUT/policy.db`). Progress
    goes to stderr; exit 1 if anything failed.
    """
    with Stages(quiet) as step:
        report = job.build(corpus, out, jobs, step, include=include)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    done = len(report.outcomes) - sum(1 for o in report.outcomes if not o.ok)
    click.echo(f"wrote {done} documents, {report.tables} 任务分工表 and {report.comparisons} version comparisons "
               f"into {out}/"
               + (f"; {len(report.failures)} failed (see above)" if report.failures else ""))
    click.echo(f"open {report.index}")
    if report.library:
        click.echo(f"browse the library ({report.library}): policy serve --db {report.library}")
    if report.failures:
        sys.exit(1)
