"""`policy serve`: Datasette over the library, with Chinese metadata, facets and canned queries.

Datasette is the `web` extra and is imported only here and in `plugin`. The
metadata (table and column labels and descriptions, facets, label columns, the
canned queries, hidden tables) is built from `labels`; a table `labels` does not
know (a new layer) is still served, described by its record type. The server
listens on 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import labels, schema

from .labels import PLUGIN


def require() -> None:
    """Raise ImportError when Datasette is not installed."""
    import datasette  # noqa: F401
    import uvicorn  # noqa: F401


def database_name(db: str | Path) -> str:
    """The name Datasette gives the library (its file name without the suffix)."""
    return Path(db).stem


def metadata(db: str | Path) -> dict[str, Any]:
    """Datasette metadata for the library at `db`."""
    name = database_name(db)
    conn = schema.open_readonly(db)
    try:
        present = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    finally:
        conn.close()
    tables: dict[str, Any] = {}
    for table in present:
        if table in labels.HIDDEN or table.startswith(labels.HIDDEN):
            tables[table] = {"hidden": True}
            continue
        label, description, columns = labels.TABLES.get(table, (table, "", {}))
        entry: dict[str, Any] = {"title": f"{label}（{table}）" if label != table else table}
        if description:
            entry["description"] = description
        if columns:
            entry["columns"] = {col: f"{lab}：{desc}" if desc else lab for col, (lab, desc) in columns.items()}
        if table in labels.FACETS:
            entry["facets"] = labels.FACETS[table]
        if table in labels.LABEL_COLUMNS:
            entry["label_column"] = labels.LABEL_COLUMNS[table]
        tables[table] = entry
    return {
        "title": "政策库",
        "description": "政策文件的各个版本、逐条变化、责任分工、资金条款与全文检索。"
                       "文件标题链接到大纲页，版本号链接到与上一版本的对比页。",
        "databases": {name: {"title": "政策库", "description": labels.DATABASE, "tables": tables,
                             "queries": labels.QUERIES}},
        "plugins": {PLUGIN: {"database": name, "path": str(Path(db).resolve())}},
    }


def app(db: str | Path):
    """The Datasette instance serving `db`, with the library's plugin registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name=PLUGIN)
    ds = Datasette([str(db)], metadata=metadata(db),
                   settings={"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000, "default_page_size": 50})
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ds.invoke_startup())
    finally:
        loop.close()
    return ds


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8001, echo: Callable[[str], None] = print) -> None:
    """Serve the library until interrupted."""
    import uvicorn

    ds = app(db)
    echo(f"serving {db} at http://{host}:{port}/{database_name(db)} (Ctrl-C to stop)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
