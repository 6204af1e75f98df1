"""`outputs/index.html`: the page that says what the main job made and what to open.

One row per document: its title (opening its annotated page), issuer, date,
status, comment deadline, what it holds (parts, measures, articles, notes, money
terms, targets, warnings) and links to every file written for it, version
comparisons included; then the version chains, the corpus feed and anything
that failed. Links are relative, so the folder can be moved or zipped as a
whole. Self-contained and deterministic (no clock, no script).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
import sys
from html import escape
from pathlib import Path

from .model import Document


@dataclass(frozen=True)
class Chain:
    """One version chain (doc ids, oldest first) and the diff reports written for it."""

    doc_ids: tuple[str, ...]
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """What the index shows of one document, kept instead of the document (a corpus of any size
    fits in memory as rows): its fields as shown and the files written for it, each named by
    what follows `<doc_id>.` (`tasks.xlsx`; shared strings, so a row stays small)."""

    doc_id: str
    title: str | None
    status: str | None
    issuer: str | None
    date: str | None
    deadline: str
    holds: str
    files: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document, files: Sequence[str] = ()) -> Row:
        """The row of `doc`, whose files (names or paths) were written into `<out>/<doc_id>/`."""
        prefix = f"{doc.doc_id}."
        suffixes = (sys.intern(Path(f).name.removeprefix(prefix)) for f in files)
        return cls(doc.doc_id, doc.title, doc.status, _issuer(doc), _date(doc), _deadline(doc), holds(doc),
                   tuple(suffixes))


COUNTED = (("part", "部分"), ("action", "行动"), ("measure", "措施"), ("chapter", "章"), ("article", "条"),
           ("item", "项"))
# (group, files): a group of one file is a link named by the group, else the group's name and a link per format
FILES = (("批注页", ("annotated.html",)), ("任务分工表", ("tasks.xlsx", "tasks.docx", "tasks.csv", "tasks.md")),
         ("资金表", ("money.md", "money.csv")), ("JSON", ("json",)))
DIFF_FILES = (("html", "网页"), ("docx", "Word 修订"), ("md", "md"), ("json", "JSON"))

CSS = """
body{margin:2em;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222}
h1{font-size:22px;margin:0 0 .2em}h2{font-size:17px;margin:1.6em 0 .4em}
p.lead{color:#555;margin:0 0 1em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.35em .6em;vertical-align:top;text-align:left}
th{background:#f3f3f3;font-weight:600;white-space:nowrap}tr:nth-child(even) td{background:#fafafa}
td.title a{font-weight:600}td.num{white-space:nowrap}.id{color:#888;font-size:12px}
.status{display:inline-block;background:#fff3cd;border:1px solid #e8d48b;border-radius:3px;padding:0 .3em;font-size:12px}
td.files{white-space:nowrap}.files a,.diffs a{margin-right:.5em;white-space:nowrap}.none{color:#aaa}
.failed li{color:#a00}
"""


def index_pieces(out: Path, docs: Sequence[Row], chains: Sequence[Chain], failures: Sequence[str]) -> Iterator[str]:
    """The index page of the folder `out`, in pieces (a table row each, so a page of any corpus is
    written as it is made): a row per document (with the files written into `out/<doc_id>/`),
    `chains` the version chains compared, then what failed."""
    def rel(path: Path) -> str:
        return escape(path.relative_to(out).as_posix())

    by_doc: dict[str, list[Chain]] = {}
    for chain in chains:
        for doc_id in chain.doc_ids:
            by_doc.setdefault(doc_id, []).append(chain)
    head = ("<tr><th>文件</th><th>发文单位</th><th>日期</th><th>意见截止</th><th>内容</th><th>输出</th>"
            "<th>版本对比</th></tr>")
    feed = out / "feed.jsonl"
    yield ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>政策文件输出目录</title><style>{CSS}</style></head><body>"
           f"<h1>政策文件输出目录</h1><p class=\"lead\">{len(docs)} 份文件，{len(chains)} 组版本对比。"
           f'全部条款的 JSON Lines：<a href="{rel(feed)}">feed.jsonl</a>。点文件标题打开批注页。</p>'
           f"<table>{head}")
    for doc in docs:
        own = {f"{doc.doc_id}.{suffix}": out / doc.doc_id / f"{doc.doc_id}.{suffix}" for suffix in doc.files}
        own.setdefault(f"{doc.doc_id}.json", out / doc.doc_id / f"{doc.doc_id}.json")
        page = own.get(f"{doc.doc_id}.annotated.html")
        title = escape(doc.title or doc.doc_id)
        title = f'<a href="{rel(page)}">{title}</a>' if page else title
        status = f' <span class="status">{escape(doc.status)}</span>' if doc.status else ""
        links = "<br>".join(_file_links(group, [own.get(f"{doc.doc_id}.{s}") for s in suffixes], rel)
                            for group, suffixes in FILES if any(f"{doc.doc_id}.{s}" in own for s in suffixes))
        diffs = " ".join(_chain_link(chain, doc, rel) for chain in by_doc.get(doc.doc_id, []))
        yield (f'<tr><td class="title">{title}{status}<div class="id">{escape(doc.doc_id)}</div></td>'
               f"<td>{escape(doc.issuer or '')}</td><td class=\"num\">{escape(doc.date or '')}</td>"
               f"<td class=\"num\">{escape(doc.deadline)}</td><td>{escape(doc.holds)}</td>"
               f'<td class="files">{links}</td><td class="diffs">{diffs or _NONE}</td></tr>')
    yield "</table>"
    if chains:
        yield "<h2>版本对比</h2><ul>" + "".join(f"<li>{escape(' → '.join(c.doc_ids))}：" + " ".join(
            f'<a href="{rel(p)}">{label}</a>' for ext, label in DIFF_FILES for p in c.files if p.suffix == f".{ext}")
            + "</li>" for c in chains) + "</ul>"
    if failures:
        yield '<h2>未能处理</h2><ul class="failed">' + "".join(f"<li>{escape(f)}</li>" for f in failures) + "</ul>"
    yield "</body></html>\n"


_NONE = '<span class="none">—</span>'


def holds(doc: Document) -> str:
    """What the document holds, counted: `3部分 9行动 26措施 · 26处分工 · 24处资金 · 9项目标`."""
    counts: dict[str, int] = {}
    for node in doc.nodes():
        counts[node.kind] = counts.get(node.kind, 0) + 1
    parts = [" ".join(f"{counts[k]}{name}" for k, name in COUNTED if counts.get(k))]
    for layer, unit in (("responsibilities", "处分工"), ("money", "处资金"), ("targets", "项目标")):
        if doc.layer(layer):
            parts.append(f"{len(doc.layer(layer))}{unit}")
    warnings = len(doc.all_warnings())
    if warnings:
        parts.append(f"{warnings}条提示")
    return " · ".join(p for p in parts if p)


def _file_links(group: str, paths: list[Path | None], rel) -> str:
    found = [p for p in paths if p is not None]
    if len(paths) == 1:
        return f'<a href="{rel(found[0])}">{group}</a>'
    return f"{group} " + " ".join(f'<a href="{rel(p)}">{p.suffix[1:]}</a>' for p in found)


def _chain_link(chain: Chain, doc: Row, rel) -> str:
    html = next((p for p in chain.files if p.suffix == ".html"), chain.files[0])
    others = [d for d in chain.doc_ids if d != doc.doc_id]
    return f'<a href="{rel(html)}" title="{escape(" → ".join(chain.doc_ids))}">与 {escape("、".join(others))}</a>'


def _issuer(doc: Document) -> str | None:
    return doc.issuer or (doc.letter.issuer if doc.letter else None)


def _date(doc: Document) -> str | None:
    return doc.date or (doc.letter.date if doc.letter else None)


def _deadline(doc: Document) -> str:
    return doc.letter.deadline.replace("T", " ") if doc.letter and doc.letter.deadline else ""
