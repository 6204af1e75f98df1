"""The two pages the library adds to Datasette: a document and a version.

The document page is the outline of one version: each node's number, heading and
own text, with its responsibility notes (lead and co units), money terms, and the
records of every other layer, then the warnings; the policy's versions link to
each other. The version page is the HTML diff report (`pipeline.diff.report`) of a
version against the one before it (or any other, `against`), under a bar of links.
Both are plain functions of a read-only connection; `web` serves them.
"""
from __future__ import annotations

import re
import sqlite3
from html import escape
from typing import Any

from ..diff import ChainDiff, diff
from ..diff.report import to_html
from ..kinds import SKIP_KINDS
from ..model import Document, Node
from . import history, labels, store, tables

_BLANK_LINES = re.compile(r"\s*\n\s*")
CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;
 color:#1a1a1a;line-height:1.6}
nav.library{background:#276890;color:#fff;padding:.5em 1.5em;font-size:.95em}
nav.library a{color:#fff;margin-right:1.2em}
main{max-width:1100px;margin:0 auto;padding:1em 1.5em}
h1{font-size:1.45em;margin:.3em 0}dl.front{display:grid;grid-template-columns:8em 1fr;gap:.1em 1em;margin:.5em 0}
dl.front dt{color:#555}dl.front dd{margin:0}
table.versions{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em}
table.versions td,table.versions th{border:1px solid #bbb;padding:.15em .6em}
tr.current{background:#fff6d6}
ul.outline,ul.outline ul{list-style:none;padding-left:1.4em;margin:0}ul.outline{padding-left:0}
li.node{margin:.35em 0;border-left:3px solid #d8d8d8;padding-left:.6em}
li.kind-part,li.kind-chapter,li.kind-action{border-left-color:#276890}
li.kind-measure,li.kind-article{border-left-color:#7aa6c2}
.head .num{font-weight:bold;color:#276890;margin-right:.3em}.head .kind{font-size:.75em;color:#777;margin-left:.4em}
p.text{margin:.1em 0;color:#333;font-size:.93em;white-space:pre-line}
.ann{font-size:.88em;margin:.15em 0}.ann .layer{color:#555;margin-right:.3em}
.chip{display:inline-block;border:1px solid #bbb;border-radius:3px;padding:0 .35em;margin:0 .3em .2em 0;background:#fafafa}
.chip.lead{background:#e3f0fa;border-color:#276890;font-weight:bold}.chip.money{background:#eef8e6;border-color:#5a9a3a}
.chip small{color:#555;font-weight:normal}ul.warnings{font-size:.9em;color:#8a4b00}
details.front-node{margin:.2em 0;color:#555;font-size:.9em}details.front-node summary{cursor:pointer}
"""


def nav(base: str, db: str, doc_row: int, policy_id: int) -> str:
    """The bar of links back into Datasette."""
    return (f'<nav class="library"><a href="{base}">首页</a><a href="{base}{db}">数据库</a>'
            f'<a href="{base}{db}/documents/{doc_row}">文件 {doc_row}</a>'
            f'<a href="{base}{db}/history?policy_id={policy_id}">政策 {policy_id} 版本历史</a>'
            f'<a href="{base}-/policy/document/{doc_row}">大纲</a></nav>')


def document_page(conn: sqlite3.Connection, doc_row: int, base: str = "/", db: str = "policy") -> str | None:
    """The outline page of a stored document, or None if there is none."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_row,)).fetchone()
    if row is None:
        return None
    doc = store.load_document(conn, doc_row)
    title = row["title"] or row["letter_title"] or row["doc_id"]
    body = [nav(base, db, doc_row, row["policy_id"]), "<main>",
            f"<h1>{escape(title)}{'（' + escape(row['status']) + '）' if row['status'] and row['status'] not in title else ''}</h1>",
            _front(row), _versions(conn, row, base)]
    counts = {name: len(layer) for name, layer in doc.layers.items() if len(layer)}
    shown = "，".join(f"{labels.LAYER_NAMES.get(k, k)} {n}" for k, n in counts.items())
    body.append(f'<h2>大纲</h2><p class="counts">{sum(1 for _ in doc.nodes()) - 1} 个节点；{escape(shown)}</p>'
                '<ul class="outline">')
    body += [_node(doc, child) for child in doc.root.children]
    body.append("</ul>")
    found = doc.all_warnings()
    if found:
        body.append("<h2>提示</h2><ul class=\"warnings\">")
        body += [f"<li><code>{w.code}</code> {escape(w.message)}</li>" for w in found]
        body.append("</ul>")
    body.append("</main>")
    return _page(f"{title} — 大纲", body)


def _front(row: sqlite3.Row) -> str:
    fields = [("发布机关", row["issuer"]), ("发文字号", row["doc_number"]), ("日期", row["date"] or row["letter_date"]),
              ("状态", row["status"] or "正式文本"), ("意见反馈截止", (row["comment_deadline"] or "").replace("T", " ")),
              ("联系人", " ".join(x for x in (row["contact_name"], row["contact_phone"]) if x)),
              ("反馈渠道", row["feedback"]), ("文件", row["source_path"] or row["source_name"])]
    items = "".join(f"<dt>{k}</dt><dd>{escape(str(v)).replace(chr(10), '<br>')}</dd>" for k, v in fields if v)
    return f'<dl class="front">{items}</dl>'


def _versions(conn: sqlite3.Connection, row: sqlite3.Row, base: str) -> str:
    rows = conn.execute("SELECT document_id, version, title, status, date, modified, added, deleted, money_changes "
                        "FROM history WHERE policy_id = ? ORDER BY version", (row["policy_id"],)).fetchall()
    out = ['<table class="versions"><tr><th>版本</th><th>日期</th><th>状态</th><th>标题</th><th>与上一版相比</th></tr>']
    for v in rows:
        current = ' class="current"' if v["document_id"] == row["id"] else ""
        change = (f'<a href="{base}-/policy/version/{v["document_id"]}">修改 {v["modified"]}，新增 {v["added"]}，'
                  f'删除 {v["deleted"]}，资金变化 {v["money_changes"]}</a>') if v["version"] > 1 else ""
        out.append(f'<tr{current}><td><a href="{base}-/policy/document/{v["document_id"]}">{v["version"]}</a></td>'
                   f'<td>{escape(v["date"] or "")}</td><td>{escape(v["status"] or "")}</td>'
                   f'<td>{escape(v["title"] or "")}</td><td>{change}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _node(doc: Document, node: Node) -> str:
    own = _BLANK_LINES.sub("\n", doc.text[node.start:node.own_end].strip())
    head = f'<span class="num">{escape(node.marker or node.num or "")}</span>' if (node.marker or node.num) else ""
    head += f"<b>{escape(node.title)}</b>" if node.title else ""
    head += f'<span class="kind">{escape(node.kind)} · {escape(node.id)}</span>'
    parts = [f'<li class="node kind-{node.kind}" id="{escape(node.id)}"><div class="head">{head}</div>']
    if own and node.kind not in ("toc",):
        parts.append(f'<p class="text">{escape(own)}</p>')
    for name, layer in doc.layers.items():
        records = layer.of(node.id)
        if records:
            chips = "".join(_chip(name, r) for r in records)
            parts.append(f'<div class="ann {escape(name)}"><span class="layer">'
                         f'{escape(labels.LAYER_NAMES.get(name, name))}</span>{chips}</div>')
    if node.children:
        parts.append("<ul>" + "".join(_node(doc, c) for c in node.children) + "</ul>")
    parts.append("</li>")
    if node.kind in SKIP_KINDS:  # front matter: folded, the body comes first to the eye
        return f'<details class="front-node"><summary>{escape(node.kind)}：{escape((node.title or own)[:60])}' \
               f'</summary><ul class="outline">{"".join(parts)}</ul></details>'
    return "".join(parts)


def _chip(layer: str, record: Any) -> str:
    if layer == "responsibilities" and getattr(record, "units", None):
        return "".join(f'<span class="chip {escape(u.role)}">{escape(labels.UNIT_ROLES.get(u.role, u.role))} '
                       f'{escape(u.normalized)}</span>' for u in record.units) \
            + (f'<span class="chip">时限 {escape(record.deadline)}</span>' if record.deadline else "")
    if layer == "money":
        role = labels.MONEY_ROLES.get(record.role, record.role)
        qualifier = labels.QUALIFIERS.get(record.qualifier, "") if record.qualifier != "exact" else ""
        amount = next((v for v in (record.amount_yuan, record.amount_min_yuan, record.amount_max_yuan) if v), None)
        extra = " · ".join(x for x in (role, qualifier, f"{amount:,.0f} 元" if amount else "", record.per or "") if x)
        return f'<span class="chip money">{escape(record.text)} <small>{escape(extra)}</small></span>'
    return f'<span class="chip">{escape(tables.label(record))}</span>'


def version_page(conn: sqlite3.Connection, doc_row: int, against: int | None = None, base: str = "/",
                 db: str = "policy") -> str | None:
    """The diff report of a version against the one before it (or `against`); None if there is none."""
    row = conn.execute("SELECT policy_id FROM documents WHERE id = ?", (doc_row,)).fetchone()
    old = against if against is not None else history.previous(conn, doc_row)
    if row is None or old is None or not conn.execute("SELECT 1 FROM documents WHERE id = ?", (old,)).fetchone():
        return None
    d = diff(store.load_document(conn, old), store.load_document(conn, doc_row))
    page = to_html(ChainDiff((d,), d))
    bar = nav(base, db, doc_row, row["policy_id"]).replace(
        "</nav>", f'<a href="{base}-/policy/document/{old}">旧版本大纲</a></nav>')
    style = "<style>nav.library{background:#276890;color:#fff;padding:.5em 1.5em;margin:-1em -1.5em 1em}" \
            "nav.library a{color:#fff;margin-right:1.2em}</style>"
    return page.replace("</head>", style + "</head>", 1).replace("<body>\n", "<body>\n" + bar + "\n", 1)


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")
