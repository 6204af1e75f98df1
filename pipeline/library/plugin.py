"""The Datasette plugin of `policy serve`: search functions, links from rows, column labels, two pages.

- SQL functions on the library's connections: `policy_match(q)` (the FTS5 expression
  that finds two-character words, see `search`) and `policy_snippet(text, q)`;
- links: a document's title opens its outline page, a version number and a change's
  status open the diff against the version before; `document_id` in query results;
- the Chinese label of each column under its header;
- `/-/policy/document/ID` and `/-/policy/version/ID[?against=ID]` (`pages`).
"""
from __future__ import annotations

import asyncio
import json
import re

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from ..errors import InputError
from . import labels, pages, schema, search
from .labels import PLUGIN


_MARKED = re.compile(r"\*\*(.+?)\*\*")


def _config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN) or {}


def _match(query: str | None) -> str:
    try:
        return search.match_expression(query or "")
    except InputError:
        return '"x" NOT "x"'  # matches no row: an empty query finds nothing


def _snippet(text: str | None, query: str | None) -> str | None:
    return search.snippet(text, search.terms(query or "")) if text else text


@hookimpl
def prepare_connection(conn, database, datasette):
    if database == _config(datasette).get("database"):
        conn.create_function("policy_match", 1, _match, deterministic=True)
        conn.create_function("policy_snippet", 2, _snippet, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != _config(datasette).get("database") or value is None:
        return None
    base = datasette.urls.path("/-/policy/")
    keys = row.keys() if hasattr(row, "keys") else []
    if table == "documents" and column == "title":
        return Markup(f'<a href="{base}document/{row["id"]}">{escape(value)}</a>')
    if table in ("documents", "history") and column == "version" and value > 1:
        doc = row["id"] if table == "documents" else row["document_id"]
        return Markup(f'<a href="{base}version/{doc}" title="与上一版本对比">{value} ⇄</a>')
    if table == "history" and column == "title":
        return Markup(f'<a href="{base}document/{row["document_id"]}">{escape(value)}</a>')
    if table == "policies" and column == "title" and row["latest_document_id"]:
        return Markup(f'<a href="{base}document/{row["latest_document_id"]}">{escape(value)}</a>')
    if table == "changes" and column == "status":
        return Markup(f'<a href="{base}version/{row["new_document_id"]}?against={row["old_document_id"]}">'
                      f'{escape(value)}</a>')
    if table is None and column == "document_id" and "document_id" in keys:
        return Markup(f'<a href="{base}document/{value}">{value}</a>')
    if table is None and column == "snippet":
        return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(value))))
    return None


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    if database != _config(datasette).get("database"):
        return None
    if view_name == "database":
        names = {name: f"{lab}（{name}）" for name, (lab, _, _) in labels.TABLES.items()}
        return (f"(function(){{var L={json.dumps(names, ensure_ascii=False)};"
                "document.querySelectorAll('h3 > a').forEach(function(a){var n=a.textContent.trim();"
                "if(L[n]){a.textContent=L[n];}});})();")
    if table not in labels.TABLES:
        return None
    names = {col: lab for col, (lab, _) in labels.TABLES[table][2].items()}
    return (f"(function(){{var L={json.dumps(names, ensure_ascii=False)};"
            "document.querySelectorAll('th[data-column]').forEach(function(th){var l=L[th.dataset.column];"
            "if(l){var s=document.createElement('div');s.className='zh-label';s.textContent=l;"
            "s.style.cssText='font-weight:normal;font-size:.8em;color:#555';th.appendChild(s);}"
            "if(th.dataset.columnDescription){th.title=th.dataset.columnDescription;}});"
            "var dl=document.querySelector('dl.column-descriptions');if(dl){var d=document.createElement('details');"
            "var s=document.createElement('summary');s.textContent='字段说明';d.appendChild(s);"
            "dl.parentNode.insertBefore(d,dl);d.appendChild(dl);}})();")


@hookimpl
def register_routes():
    return [(r"^/-/policy/document/(?P<id>\d+)$", _document), (r"^/-/policy/version/(?P<id>\d+)$", _version)]


async def _render(datasette, make) -> Response:
    config = _config(datasette)
    base, name = datasette.urls.path("/"), config["database"]

    def work():
        conn = schema.open_readonly(config["path"])
        try:
            return make(conn, base, name)
        finally:
            conn.close()

    page = await asyncio.to_thread(work)
    if page is None:
        return Response.html("<h1>404</h1><p>没有这个文件或版本。</p>", status=404)
    return Response.html(page)


async def _document(datasette, request):
    doc = int(request.url_vars["id"])
    return await _render(datasette, lambda conn, base, db: pages.document_page(conn, doc, base, db))


async def _version(datasette, request):
    doc = int(request.url_vars["id"])
    against = request.args.get("against")
    other = int(against) if against and against.isdigit() else None
    return await _render(datasette, lambda conn, base, db: pages.version_page(conn, doc, other, base, db))
