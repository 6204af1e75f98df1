"""Diff reports: JSON (validated against `schemas/diff.schema.json`), Markdown, HTML,
and Word with tracked changes (`docx_report`).

All read the same `ChainDiff`: the overall change first -> last and, for a
chain of three or more versions, each step (the Word file shows the overall
change only). Only changed entries are listed in Markdown and HTML; JSON lists
every entry. The HTML page is self-contained (inline CSS and script, no
network), filters by change kind and prints well.
"""
from __future__ import annotations

from html import escape
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import validate
from ..emit import dumps, write_atomic
from ..model import Document
from . import ChainDiff
from .compare import STATUSES, Change, DocumentDiff
from .docx_report import AUTHOR, to_docx
from .fields import FieldChange

SCHEMA_VERSION = "2.0.0"
FORMATS = ("md", "html", "json", "docx")
KINDS = ("modified", "added", "deleted", "split", "merged", "renumbered", "moved", "fields", "formatting")


def to_json(chain: ChainDiff) -> dict[str, Any]:
    """The diff as a JSON-ready dict, validated against the diff schema."""
    obj = {"schema_version": SCHEMA_VERSION, **_diff_dict(chain.overall)}
    obj["steps"] = [_diff_dict(step) for step in chain.steps] if len(chain.steps) > 1 else []
    validate.check(obj, "diff")
    return obj


def _diff_dict(d: DocumentDiff) -> dict[str, Any]:
    return {
        "old": _doc(d.old),
        "new": _doc(d.new),
        "summary": d.summary(),
        "fields": [f.to_dict() for f in d.fields],
        "clauses": [c.to_dict() for c in d.changes],
    }


def _doc(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "name": doc.source.name, "sha256": doc.source.sha256,
            "title": doc.title, "status": doc.status}


def _doc_label(doc: Document) -> str:
    title = doc.title or doc.doc_id
    return f"{title}（{doc.status}）" if doc.status else title


def change_label(units) -> str:
    """A unit's place as printed: the numbers on its path (第三章 第十九条)."""
    return " / ".join(" ".join(u.path) or u.node.id for u in units)


def change_kinds(c: Change) -> list[str]:
    kinds = [c.status] if c.status != "unchanged" else []
    kinds += [k for k, on in (("renumbered", c.renumbered), ("moved", c.moved), ("fields", bool(c.fields))) if on]
    return kinds


# ---- Markdown -------------------------------------------------------------------

def to_markdown(chain: ChainDiff) -> str:
    """Summary counts, then each changed entry with old and new numbers and its redline."""
    docs = [chain.steps[0].old] + [s.new for s in chain.steps]
    lines = ["# Version diff", ""]
    lines += [f"{k}. `{d.source.name}`: {_md_escape(_doc_label(d))}" for k, d in enumerate(docs, 1)]
    lines.append("")
    if len(chain.steps) > 1:
        lines += _md_diff(chain.overall, f"## Overall: 1 → {len(docs)}")
        for k, step in enumerate(chain.steps, 1):
            lines += _md_diff(step, f"## Step {k} → {k + 1}")
    else:
        lines += _md_diff(chain.overall, "## Changes")
    return "\n".join(lines).rstrip() + "\n"


def _md_diff(d: DocumentDiff, heading: str) -> list[str]:
    summary = d.summary()
    lines = [heading, "", f"`{d.old.source.name}` → `{d.new.source.name}`", ""]
    lines += ["| level | " + " | ".join(STATUSES) + " | renumbered | moved | field changes |",
              "|---" * (len(STATUSES) + 4) + "|"]
    for level in ("containers", "clauses", "items"):
        counts = summary[level]
        row = [str(counts[s]) for s in STATUSES] + [str(counts["renumbered"]), str(counts["moved"]),
                                                    str(counts["field_changes"])]
        lines.append(f"| {level} | " + " | ".join(row) + " |")
    lines.append("")
    if not d.changed:
        return lines + ["No change.", ""]
    if d.fields:
        lines += ["### Document", ""] + [f"- {_md_field(f)}" for f in d.fields] + [""]
    cosmetic = [c for c in d.changes if _cosmetic(c)]
    for c in d.changes:
        if not c.changed or _cosmetic(c):
            continue
        if c.level == "item":
            lines += [f"- item {_md_escape(_item_label(c))}: {' · '.join(change_kinds(c))}", ""]
            continue
        old, new = change_label(c.old) or "—", change_label(c.new) or "—"
        flags = " · ".join(change_kinds(c))
        sim = f" · similarity {_sim(c.similarity)}" if c.old and c.new else ""
        lines += [f"### {_md_escape(old)} → {_md_escape(new)} · {flags}{sim}", ""]
        if c.redline is not None:
            lines += [_md_redline(c), ""]
        elif c.status in ("added", "deleted"):
            unit = (c.new or c.old)[0]
            lines += ["> " + _md_escape(unit.text), ""]
        lines += [f"- {_md_field(f)}" for f in c.fields]
        if c.fields:
            lines.append("")
    shown = [change_label(c.new) for c in cosmetic if c.level != "item"]
    if shown:
        lines += ["### Formatting only (whitespace, width or punctuation variants)", "",
                  _md_escape(", ".join(shown)), ""]
    return lines


def _cosmetic(c: Change) -> bool:
    """Only whitespace, width or punctuation changed, nothing else."""
    return c.status == "formatting" and not (c.renumbered or c.moved or c.fields)


def _item_label(c: Change) -> str:
    """An item's own numbers, old -> new (the clause's redline above shows its text)."""
    old = c.old[0].path[-1] if c.old else "—"
    new = c.new[0].path[-1] if c.new else "—"
    return f"{old} → {new}"


def _sim(value: float) -> str:
    """Two decimals, never rounding a changed text up to 1.00."""
    return f"{min(value, 0.99) if value < 1 else value:.2f}"


def _md_redline(c: Change) -> str:
    out = []
    for op in c.redline:
        if op.op == "equal":
            out.append(_md_escape(op.new))
        if op.op in ("delete", "replace"):
            out.append(f"~~{_md_escape(op.old)}~~")
        if op.op in ("insert", "replace"):
            out.append(f"**{_md_escape(op.new)}**")
    return "".join(out)


def field_text(f: FieldChange) -> str:
    """One line for a field change: what, how, old -> new."""
    head = f"{f.field} {f.change.replace('_', ' ')}"
    if f.details:
        parts = "; ".join(f"{k}: {_short(o)} → {_short(n)}" for k, o, n in f.details)
        return f"{head}: {f.label or ''} ({parts})".replace(":  (", ": (")
    if f.change == "changed" or f.change == "lead_changed":
        return f"{head}: {_short(f.old)} → {_short(f.new)}"
    return f"{head}: {f.label or _short(f.old if f.new is None else f.new)}"


def _md_field(f: FieldChange) -> str:
    return _md_escape(field_text(f))


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        text = value.get("text") or value.get("name")
        return str(text) if text else ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)


def _md_escape(text: str) -> str:
    for ch in "\\`*~[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


# ---- HTML -----------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 margin:0 auto;max-width:1200px;padding:1em 1.5em;color:#1a1a1a;line-height:1.6}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;border-bottom:2px solid #444;margin-top:1.6em}
h3{font-size:1em;margin:0 0 .4em}
table.summary{border-collapse:collapse;margin:.5em 0;font-size:.9em}
table.summary th,table.summary td{border:1px solid #999;padding:.2em .6em;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left}
ol.docs{margin:.3em 0}
.filters{position:sticky;top:0;background:#f4f4f4;border:1px solid #ccc;padding:.4em .8em;margin:1em 0;z-index:1}
.filters label{margin-right:1em;white-space:nowrap}
.change{border:1px solid #bbb;border-left:6px solid #888;margin:.8em 0;padding:.6em .8em;break-inside:avoid}
.change.modified{border-left-color:#c68a00}.change.added{border-left-color:#2a7d2a}
.change.deleted{border-left-color:#b22}.change.split,.change.merged{border-left-color:#6a3d9a}
.tag{display:inline-block;font-size:.75em;border:1px solid #666;border-radius:3px;padding:0 .3em;margin-left:.3em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.sides>div{background:#fafafa;padding:.3em .6em;min-height:1.5em;white-space:pre-line}
.sides h4{margin:0;font-size:.8em;color:#555}
ins{background:#d4f7d4;color:#0b5d0b;text-decoration:underline}
del{background:#fbd5d5;color:#8a1010;text-decoration:line-through}
ul.fields{margin:.4em 0 0;font-size:.9em}
.nochange{font-style:italic}
.change.item{margin:-.5em 0 .8em 2em;padding:.1em .8em;font-size:.9em}p.item{margin:0}
p.same{margin:0;font-size:.85em;color:#444;max-height:3.2em;overflow:hidden}.note{font-style:italic}
.hidden{display:none}
@media print{.filters{display:none}body{max-width:none;padding:0;font-size:10.5pt}p.same{max-height:none}
 .change{border-left-width:3px}ins,del{background:none}h2{break-after:avoid}}
"""

_JS = """
var hide=(location.hash.match(/^#hide=([a-z,]+)$/)||[,''])[1].split(',');
document.querySelectorAll('.filters input').forEach(function(box){
  if(hide.indexOf(box.value)>=0){box.checked=false;}box.addEventListener('change',apply);});
function apply(){
  var on={};document.querySelectorAll('.filters input').forEach(function(b){on[b.value]=b.checked;});
  document.querySelectorAll('.change').forEach(function(el){
    var show=el.dataset.kinds.split(' ').some(function(k){return on[k];});
    el.classList.toggle('hidden',!show);});
}
apply();
"""


def to_html(chain: ChainDiff) -> str:
    """A self-contained page: summary, filters, each changed entry side by side."""
    docs = [chain.steps[0].old] + [s.new for s in chain.steps]
    title = f"Version diff: {_doc_label(docs[0])}"
    body = [f"<h1>{escape(title)}</h1>", '<ol class="docs">']
    body += [f"<li><code>{escape(d.source.name)}</code> {escape(_doc_label(d))}</li>" for d in docs]
    body.append("</ol>")
    body.append('<div class="filters" role="group" aria-label="Show change kinds">Show: ')
    body += [f'<label><input type="checkbox" value="{k}" checked> {k}</label>' for k in KINDS]
    body.append("</div>")
    if len(chain.steps) > 1:
        body += _html_diff(chain.overall, f"Overall: 1 → {len(docs)}", "overall")
        for k, step in enumerate(chain.steps, 1):
            body += _html_diff(step, f"Step {k} → {k + 1}", f"step{k}")
    else:
        body += _html_diff(chain.overall, "Changes", "changes")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{escape(title)}</title>\n"
            f"<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + f"\n<script>{_JS}</script>\n</body>\n</html>\n")


def _html_diff(d: DocumentDiff, heading: str, anchor: str) -> list[str]:
    summary = d.summary()
    out = [f'<section id="{anchor}">', f"<h2>{escape(heading)}</h2>",
           f"<p><code>{escape(d.old.source.name)}</code> → <code>{escape(d.new.source.name)}</code></p>",
           '<table class="summary"><thead><tr><th>level</th>'
           + "".join(f"<th>{s}</th>" for s in STATUSES)
           + "<th>renumbered</th><th>moved</th><th>field changes</th></tr></thead><tbody>"]
    for level in ("containers", "clauses", "items"):
        counts = summary[level]
        cells = [counts[s] for s in STATUSES] + [counts["renumbered"], counts["moved"], counts["field_changes"]]
        out.append(f"<tr><td>{level}</td>" + "".join(f"<td>{n}</td>" for n in cells) + "</tr>")
    out.append("</tbody></table>")
    if not d.changed:
        out += ['<p class="nochange">No change.</p>', "</section>"]
        return out
    if d.fields:
        out.append('<div class="change fields" data-kinds="fields"><h3>Document</h3><ul class="fields">')
        out += [f"<li>{escape(field_text(f))}</li>" for f in d.fields]
        out.append("</ul></div>")
    for c in d.changes:
        if c.changed and not (c.level == "item" and _cosmetic(c)):
            out += _html_change(c)
    out.append("</section>")
    return out


def _html_change(c: Change) -> list[str]:
    kinds = change_kinds(c)
    if c.level == "item":
        tags = "".join(f'<span class="tag">{k}</span>' for k in kinds)
        return [f'<div class="change item {" ".join(kinds)}" data-kinds="{" ".join(kinds)}">'
                + f'<p class="item">item {escape(_item_label(c))}{tags}</p></div>']
    old, new = change_label(c.old) or "—", change_label(c.new) or "—"
    tags = "".join(f'<span class="tag">{k}</span>' for k in kinds)
    sim = f' <span class="tag">similarity {_sim(c.similarity)}</span>' if c.old and c.new else ""
    out = [f'<div class="change {" ".join(kinds)}" data-kinds="{" ".join(kinds)}">',
           f"<h3>{escape(old)} → {escape(new)}{tags}{sim}</h3>"]
    if c.status == "unchanged":
        out.append(f'<p class="same"><span class="note">text unchanged:</span> {escape(c.new[0].text)}</p>')
    else:
        old_html, new_html = _sides(c)
        out.append(f'<div class="sides"><div class="old"><h4>old {escape(old)}</h4>{old_html}</div>'
                   f'<div class="new"><h4>new {escape(new)}</h4>{new_html}</div></div>')
    if c.fields:
        out.append('<ul class="fields">' + "".join(f"<li>{escape(field_text(f))}</li>" for f in c.fields) + "</ul>")
    out.append("</div>")
    return out


def _sides(c: Change) -> tuple[str, str]:
    if c.redline is not None:
        old = "".join(escape(op.old) if op.op == "equal" else f"<del>{escape(op.old)}</del>"
                      for op in c.redline if op.old)
        new = "".join(escape(op.new) if op.op == "equal" else f"<ins>{escape(op.new)}</ins>"
                      for op in c.redline if op.new)
        return old, new
    old = "".join(escape(u.text) for u in c.old)
    new = "".join(escape(u.text) for u in c.new)
    if c.status == "deleted":
        return f"<del>{old}</del>", ""
    if c.status == "added":
        return "", f"<ins>{new}</ins>"
    return old, new


def render(chain: ChainDiff, fmt: str) -> str:
    """The report in one text format: `md`, `html` or `json`."""
    if fmt == "json":
        return dumps(to_json(chain))
    return to_markdown(chain) if fmt == "md" else to_html(chain)


def write_reports(chain: ChainDiff, out_dir: str | Path, stem: str, formats=FORMATS, *,
                  author: str = AUTHOR, date: datetime | None = None) -> list[Path]:
    """Write `<stem>.diff.<ext>` for each format into `out_dir`, atomically; `author` and
    `date` are the Word file's reviser and revision date (see `docx_report`)."""
    return [write_atomic(Path(out_dir) / f"{stem}.diff.{ext}",
                         to_docx(chain, author, date) if ext == "docx" else render(chain, ext))
            for ext in formats]
