"""`policy add`, `policy history`, `policy search`, `policy drafts`, `policy serve`: the library."""
from __future__ import annotations

import sys

import click

from ..errors import InputError
from . import aliases_option, cli, dask_option, format_option, jobs_option, lazy_module

add_mod = lazy_module("pipeline.library.add")
schema = lazy_module("pipeline.library.schema")
history_mod = lazy_module("pipeline.library.history")
search_mod = lazy_module("pipeline.library.search")
drafts_mod = lazy_module("pipeline.library.drafts")

DB_HELP = "The library file (default: policy.db here, or $POLICY_DB)."


def db_option(func):
    return click.option("--db", default="policy.db", envvar="POLICY_DB", show_default=True,
                        type=click.Path(dir_okay=False), help=DB_HELP)(func)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--version-of", "version_of", type=int, metavar="ID",
              help="Attach every file to policy ID (also moves a file already in the library).")
@click.option("--versions", "declared", type=click.Path(exists=True, dir_okay=False),
              help="A VERSIONS file: one chain of file names a line, oldest first; its order wins over dates.")
@jobs_option
@dask_option
@aliases_option
def add(paths: tuple[str, ...], db: str, version_of: int | None, declared: str | None, jobs: int | None,
        dask: str | None, aliases) -> None:
    """Add policy texts (files, folders, - for stdin) to the library.

    Each document is written in one transaction and attached to its policy (same
    title without status words such as （征求意见稿）, compatible issuer; an
    ambiguous match is reported and added apart). A new version is diffed against
    its neighbours and summarised in one line. A file already in the library
    (same content) is left as it is. Exit 1 if any file failed. With --dask the
    files are parsed on a Dask cluster; the library is written here.
    """
    failures = []

    def show(added) -> None:
        if added.ok:
            click.echo(added.message)
        else:
            failures.append(added.message)
            click.echo(f"Error: {added.message}", err=True)

    add_mod.add(db, paths, jobs=jobs, version_of=version_of, declared=declared, aliases=aliases, progress=show,
                dask=dask)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("ref", metavar="ID|TITLE")
@db_option
def history(ref: str, db: str) -> None:
    """The versions of a policy (by id or part of its title): dates, status, changes from the one before."""
    conn = schema.connect(db, create=False)
    try:
        h = history_mod.history(conn, history_mod.resolve_policy(conn, ref))
    finally:
        conn.close()
    click.echo(f"policy {h.policy_id}: {h.title} ({len(h.versions)} version{'s' if len(h.versions) != 1 else ''})")
    click.echo("| version | document | date | status | file | modified | added | deleted | renumbered | money |")
    click.echo("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for v in h.versions:
        counts = [v.modified, v.added, v.deleted, v.renumbered, v.money_changes] if v.version > 1 else [""] * 5
        cells = [v.version, v.document_id, v.date or "", v.status or "", v.source_name, *counts]
        click.echo("| " + " | ".join(map(str, cells)) + " |")


@cli.command()
@click.argument("query")
@db_option
@click.option("--issuer", help="Only documents whose issuer's name contains this.")
@click.option("--status", help="Only this status (征求意见稿, 草案…), or `draft` for any draft, `final` for none.")
@click.option("--since", help="Only documents dated on or after this (2024, 2024-10, 2024-10-13).")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="Show at most this many clauses (0: all).")
def search(query: str, db: str, issuer: str | None, status: str | None, since: str | None, limit: int) -> None:
    """Full-text search of clause text: two-character words (补贴, 人才) and longer, all words must occur.

    Prints each clause found: document id and title, clause path and title, and a
    snippet with the hits marked.
    """
    conn = schema.connect(db, create=False)
    try:
        hits = search_mod.search(conn, query, issuer=issuer, status=status, since=since, mark=_marks())
    finally:
        conn.close()
    shown = hits if limit == 0 else hits[:limit]
    for h in shown:
        place = " ".join(x for x in (h.path, h.title) if x) or h.node_id
        click.echo(f"{h.document_id} {h.document} | {place}")
        click.echo(f"    {h.snippet}")
    more = f" (showing {len(shown)}; --limit 0 for all)" if len(shown) < len(hits) else ""
    click.echo(f"{len(hits)} clause{'s' if len(hits) != 1 else ''} found{more}", err=True)


def _marks() -> tuple[str, str]:
    if sys.stdout.isatty():
        return "\x1b[1;31m", "\x1b[0m"
    return "**", "**"


@cli.command()
@db_option
@click.option("--open", "open_only", is_flag=True, help="Only drafts whose comment deadline has not passed.")
@format_option(("md", "csv", "json"), "md", "Output format.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False),
              help="Also write the deadlines as a calendar file (iCalendar, for Outlook or 日历).")
def drafts(db: str, open_only: bool, fmt: str, ics: str | None) -> None:
    """The comment drafts with deadline, contact and feedback channels, open ones first by deadline."""
    conn = schema.connect(db, create=False)
    try:
        found = drafts_mod.drafts(conn, open_only=open_only)
    finally:
        conn.close()
    render = {"md": drafts_mod.to_markdown, "csv": drafts_mod.to_csv, "json": drafts_mod.to_json}[fmt]
    if ics:
        from ..emit import write_atomic

        write_atomic(ics, drafts_mod.to_ics(found))
    click.echo(render(found), nl=False)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1 lets other machines read the library.")
@click.option("-p", "--port", type=click.IntRange(min=0, max=65535), default=8001, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Browse the library in Datasette: Chinese labels, facets, canned queries, document and version pages.

    Needs the web extra: pip install 'policy-pipeline[web]'.
    """
    try:
        web = lazy_module("pipeline.library.web")
        web.require()
    except ImportError:
        raise InputError("policy serve needs Datasette: pip install 'policy-pipeline[web]'") from None
    schema.connect(db, create=False).close()
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: other machines can read this library", err=True)
    web.serve(db, host, port, echo=lambda line: click.echo(line, err=True))
