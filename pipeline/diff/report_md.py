"""The diff as Markdown: the versions, the changes at a glance, the counts, then each changed
clause with its redline and field changes.

Each row at a glance links to its clause's card (`<a id>` anchors, which Markdown renderers
keep). Entries only renumbered, or only changed in whitespace, width or punctuation, are
listed together at the end of their section rather than as cards.
"""
from __future__ import annotations

from . import ChainDiff
from .compare import STATUSES, Change, DocumentDiff
from .glance import Glance, Row, change_kinds, entries, glance, minor, newest_first, stated_title
from .labels import Words


def to_markdown(chain: ChainDiff, lang: str = "zh") -> str:
    """The report in Markdown, labels in `lang` (zh or en)."""
    w = Words(lang)
    docs = [chain.steps[0].old] + [s.new for s in chain.steps]
    title = w.doc_title(next((d for d in reversed(docs) if stated_title(d)), docs[-1]))
    head = f"# {esc(title)}{w['report']}" if lang == "zh" else f"# {w['report']}: {esc(title)}"
    lines = [head, "", f"{w['versions']}:" if lang == "en" else f"{w['versions']}：", ""]
    for k, d in enumerate(docs, 1):
        facts = " · ".join(x for x in (d.date, f"`{d.source.name}`") if x)
        lines.append(f"{k}. {esc(w.doc_title(d))} · {facts}")
    lines.append("")
    for k, why in newest_first(docs):
        lines += [f"> **{esc(w.fmt('order_' + why, k + 2, k + 1))}**", ""]
    if len(chain.steps) > 1:
        lines += _diff(chain.overall, w.fmt("overall", len(docs)), "overall-", w)
        for k, step in enumerate(chain.steps, 1):
            lines += _diff(step, w.fmt("step", k, k, k + 1) if lang == "zh" else w.fmt("step", k, k + 1),
                           f"step{k}-", w)
    else:
        lines += _diff(chain.overall, None, "", w)
    return "\n".join(lines).rstrip() + "\n"


def _diff(d: DocumentDiff, heading: str | None, prefix: str, w: Words) -> list[str]:
    """One diff's part of the report: under `heading` (one step of a chain) or at the top."""
    h = "###" if heading else "##"
    lines = [f"## {heading}", "", f"`{d.old.source.name}` → `{d.new.source.name}`", ""] if heading else []
    lines += _glance(glance(d), prefix, w, h)
    lines += [f"{h} {w['counts']}", ""] + _counts(d, w)
    if not d.changed:
        return lines + [w["no_change"], ""]
    lines += [f"{h} {w['changes']}", ""]
    if d.fields:
        lines += [f'<a id="{prefix}doc"></a>', "", f"{h}# {w['document_fields']}", ""]
        lines += [f"- {esc(w.field_line(f))}" for f in d.fields] + [""]
    for k, c, items in entries(d):
        if not minor(c):
            lines += _card(k, c, items, prefix, w, h + "#")
    shown = [_label(c) for c in d.changes if c.changed and minor(c) and c.level != "item"]
    if shown:
        lines += [f"{h}# {w['minor_list']}", "", esc(", ".join(shown) if w.lang == "en" else "、".join(shown)), ""]
    return lines


def _glance(g: Glance, prefix: str, w: Words, h: str) -> list[str]:
    lines = [f"{h} {w['glance']}", ""]
    if g.empty:
        return lines + [w["nothing_at_a_glance"], ""]
    if g.money:
        lines += [f"{h}# {w['money_table']}", "", _row([w["clause"], w["old"], w["new"], w["object"], w["nature"]]),
                  "|---" * 5 + "|"]
        lines += [_row([_link(r, prefix, w), w.money_cell(r, "old"), w.money_cell(r, "new"), r.recipient or "—",
                        w[r.role] if r.role else "—"]) for r in g.money] + [""]
    if g.leads:
        lines += [f"{h}# {w['lead_table']}", "", _row([w["clause"], w["old"], w["new"]]), "|---" * 3 + "|"]
        lines += [_row([_link(r, prefix, w), r.old or "—", r.new or "—"]) for r in g.leads] + [""]
    if g.deadlines:
        lines += [f"{h}# {w['deadline_table']}", "", _row([w["clause"], w["what"], w["old"], w["new"]]),
                  "|---" * 4 + "|"]
        lines += [_row([_link(r, prefix, w), w[r.key or r.field], r.old or "—", r.new or "—"]) for r in g.deadlines]
        lines.append("")
    for name, rows in (("added_list", g.added), ("deleted_list", g.deleted)):
        if rows:
            lines += [f"{h}# {w[name]}", ""]
            lines += [f"- {_link(r, prefix, w)}：{esc(r.new or r.old or '')}" if w.lang == "zh"
                      else f"- {_link(r, prefix, w)}: {esc(r.new or r.old or '')}" for r in rows] + [""]
    return lines


def _counts(d: DocumentDiff, w: Words) -> list[str]:
    summary = d.summary()
    keys = list(STATUSES) + ["renumbered", "moved", "field_changes"]
    lines = [_row([w["level"]] + [w[k] for k in keys]), "|---" * (len(keys) + 1) + "|"]
    for level in ("containers", "clauses", "items"):
        lines.append(_row([w[level]] + [str(summary[level][k]) for k in keys]))
    return lines + [""]


def _card(k: int, c: Change, items: list[Change], prefix: str, w: Words, h: str) -> list[str]:
    kinds = " · ".join(w[kind] for kind in change_kinds(c))
    if c.level == "item":
        return [f'<a id="{prefix}c{k}"></a>', "", f"- {w['item']} {esc(w.item_note(c))}", ""]
    old, new = _label(c, "old"), _label(c)
    head = esc(new if old == new or not c.old else old if not c.new else f"{old} → {new}")
    title = (c.new or c.old)[0].node.title
    if title:
        head += f" {esc(title)}"
    sim = f" · {w.fmt('similarity', similarity(c.similarity))}" if c.old and c.new else ""
    lines = [f'<a id="{prefix}c{k}"></a>', "", f"{h} {head} · {kinds}{sim}", ""]
    if c.redline is not None:
        lines += [_redline(c), ""]
    elif c.status in ("added", "deleted"):
        lines += ["> " + esc((c.new or c.old)[0].text).replace("\n", "\n> "), ""]
    if items:
        lines += [esc(w["items_changed"] + ("；" if w.lang == "zh" else "; ").join(w.item_note(i) for i in items)), ""]
    lines += [f"- {esc(w.field_line(f))}" for f in c.fields]
    return lines + ([""] if c.fields else [])


def _label(c: Change, side: str = "new") -> str:
    """A unit's place as printed: the numbers on its path (第三章 第十九条)."""
    units = c.old if side == "old" else c.new
    return " / ".join(" ".join(u.path) or u.node.id for u in units) or "—"


def _link(r: Row, prefix: str, w: Words) -> str:
    text = esc(w.place(r, r.field != "clause"))
    return f"[{text}](#{prefix}c{r.entry})" if r.entry is not None else f"[{text}](#{prefix}doc)"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def _redline(c: Change) -> str:
    out = []
    for op in c.redline:
        if op.op == "equal":
            out.append(esc(op.new))
        if op.op in ("delete", "replace"):
            out.append(f"~~{esc(op.old)}~~")
        if op.op in ("insert", "replace"):
            out.append(f"**{esc(op.new)}**")
    return "".join(out)


def similarity(value: float) -> str:
    """Two decimals, never rounding a changed text up to 1.00."""
    return f"{min(value, 0.99) if value < 1 else value:.2f}"


def esc(text: str) -> str:
    """`text` with Markdown's special characters escaped."""
    for ch in "\\`*~[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text
