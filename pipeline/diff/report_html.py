"""The diff as one self-contained HTML page for reviewers (Chinese labels by default).

Side navigation by part or chapter; the document's title; a warning when the versions look
newest-first; the changes at a glance (money, lead units, deadlines and dates, clauses added
and deleted), each row linking to its clause's card; the counts; then the cards in reading
order under their part or chapter, each headed by the clause's number and the measure's
title. Cards only renumbered or only changed in formatting are hidden behind a count and a
toggle; filters by change kind and for money only; a print style sheet.
"""
from __future__ import annotations

from html import escape

from . import ChainDiff
from .compare import STATUSES, Change, DocumentDiff
from .glance import Glance, Row, change_kinds, entries, glance, minor, newest_first, stated_title, touches_money
from .labels import Words
from .report_md import similarity
from .report_page import CSS, JS

KINDS = ("modified", "added", "deleted", "split", "merged", "moved", "fields", "renumbered", "formatting")


def to_html(chain: ChainDiff, lang: str = "zh") -> str:
    """The page, labels in `lang` (zh or en)."""
    w = Words(lang)
    docs = [chain.steps[0].old] + [s.new for s in chain.steps]
    named = next((d for d in reversed(docs) if stated_title(d)), docs[-1])
    title = f"{w.doc_title(named)}{w['report']}" if lang == "zh" else f"{w['report']}: {w.doc_title(named)}"
    if len(chain.steps) > 1:
        sections = [(chain.overall, w.fmt("overall", len(docs)), "overall-")]
        sections += [(step, w.fmt("step", k, k, k + 1) if lang == "zh" else w.fmt("step", k, k + 1), f"step{k}-")
                     for k, step in enumerate(chain.steps, 1)]
    else:
        sections = [(chain.overall, None, "")]
    body = [f"<h1>{escape(title)}</h1>", f'<ol class="docs" aria-label="{escape(w["versions"])}">']
    for d in docs:
        facts = " · ".join(escape(x) for x in (d.date, d.issuer) if x)
        body.append(f"<li>{escape(w.doc_title(d))}{' · ' + facts if facts else ''} "
                    f'<span class="file">{escape(d.source.name)}</span></li>')
    body.append("</ol>")
    body += [f'<p class="warning" role="alert">{escape(w.fmt("order_" + why, k + 2, k + 1))}</p>'
             for k, why in newest_first(docs)]
    minor_count = sum(1 for d, _, _ in sections for c in d.changes if c.changed and minor(c))
    body += _filters(w, minor_count)
    nav = [f'<nav class="side" aria-label="{escape(w["contents"])}"><h2>{escape(w["contents"])}</h2><ul>']
    for d, heading, prefix in sections:
        section, groups = _diff(d, heading, prefix, w)
        body += section
        if heading:
            nav.append(f'<li><a href="#{prefix}top">{escape(heading)}</a></li>')
        nav.append(f'<li class="sub"><a href="#{prefix}glance">{escape(w["glance"])}</a></li>')
        nav += [f'<li class="sub"><a href="#{gid}">{escape(label)}</a><span class="n">{n}</span></li>'
                for gid, label, n in groups]
    nav.append("</ul></nav>")
    return ("<!DOCTYPE html>\n<html lang=\"" + ("zh-CN" if lang == "zh" else "en") + "\">\n<head>\n"
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(nav)
            + "\n<main>\n" + "\n".join(body) + f"\n</main>\n<script>{JS}</script>\n</body>\n</html>\n")


def _filters(w: Words, minor_count: int) -> list[str]:
    out = [f'<div class="filters" role="group" aria-label="{escape(w["show"])}">{escape(w["show"])} ']
    out += [f'<label><input type="checkbox" data-kind value="{k}" checked> {escape(w[k])}</label>' for k in KINDS]
    out.append(f'<label><input type="checkbox" id="money-only"> {escape(w["money_only"])}</label>')
    out.append(f'<span class="minor-note">{escape(w.fmt("minor", minor_count))} '
               f'<label><input type="checkbox" id="show-minor"> {escape(w["show_minor"])}</label></span>')
    return out + ["</div>"]


def _diff(d: DocumentDiff, heading: str | None, prefix: str, w: Words) -> tuple[list[str], list[tuple[str, str, int]]]:
    out = [f'<section id="{prefix}top" class="diff">']
    if heading:
        out += [f"<h2>{escape(heading)}</h2>",
                f"<p><code>{escape(d.old.source.name)}</code> → <code>{escape(d.new.source.name)}</code></p>"]
    out += _glance(glance(d), prefix, w)
    out += [f"<h2>{escape(w['counts'])}</h2>"] + _counts(d, w)
    groups: list[tuple[str, str, int]] = []
    if not d.changed:
        return out + [f'<p class="nochange">{escape(w["no_change"])}</p>', "</section>"], groups
    out.append(f"<h2>{escape(w['changes'])}</h2>")
    if d.fields:
        out.append(f'<div class="change fields" id="{prefix}doc" data-kinds="fields"><h4>'
                   f'{escape(w["document_fields"])}</h4><ul class="fields">')
        out += [f"<li>{escape(w.field_line(f))}</li>" for f in d.fields]
        out.append("</ul></div>")
    titles = _container_titles(d)
    key: tuple[str, ...] | None = None
    shown = entries(d)
    for (k, c, items), here in zip(shown, _groups(shown)):
        if here != key or not groups:
            if groups:
                out.append("</section>")
            key = here
            gid = f"{prefix}g{len(groups) + 1}"
            label = _group_label(key, titles)
            groups.append((gid, label, 0))
            out.append(f'<section class="group" id="{gid}"><h3 class="group">{escape(label)}</h3>')
        gid, label, n = groups[-1]
        groups[-1] = (gid, label, n + (0 if minor(c) else 1))
        out += _card(k, c, items, prefix, key, w)
    if groups:
        out.append("</section>")
    return out + ["</section>"], groups


def _glance(g: Glance, prefix: str, w: Words) -> list[str]:
    out = [f'<div class="glance" id="{prefix}glance"><h2>{escape(w["glance"])}</h2>']
    if g.empty:
        return out + [f"<p>{escape(w['nothing_at_a_glance'])}</p></div>"]
    tables = (
        ("money_table", g.money, ("clause", "old", "new", "object", "nature"),
         lambda r: [w.money_cell(r, "old"), w.money_cell(r, "new"), r.recipient or "—", w[r.role] if r.role else "—"]),
        ("lead_table", g.leads, ("clause", "old", "new"), lambda r: [r.old or "—", r.new or "—"]),
        ("deadline_table", g.deadlines, ("clause", "what", "old", "new"),
         lambda r: [w[r.key or r.field], r.old or "—", r.new or "—"]),
    )
    for name, rows, heads, cells in tables:
        if not rows:
            continue
        out.append(f'<table class="glance {name}"><caption>{escape(w[name])}</caption><thead><tr>'
                   + "".join(f'<th class="{h}">{escape(w[h])}</th>' for h in heads) + "</tr></thead><tbody>")
        for k, r in enumerate(rows):
            span = 1
            while k + span < len(rows) and rows[k + span].entry == r.entry:
                span += 1
            first = k == 0 or rows[k - 1].entry != r.entry
            place = (f'<td class="clause"{f" rowspan={span}" if span > 1 else ""}>{_link(r, prefix, w)}</td>'
                     if first else "")
            out.append(f"<tr>{place}" + "".join(f'<td class="{h}">{escape(v)}</td>' for h, v in zip(heads[1:], cells(r)))
                       + "</tr>")
        out.append("</tbody></table>")
    for name, rows in (("added_list", g.added), ("deleted_list", g.deleted)):
        if rows:
            out.append(f'<h3>{escape(w[name])}</h3><ul class="glance {name}">')
            out += [f"<li>{_link(r, prefix, w)}{'：' if w.lang == 'zh' else ': '}{escape(r.new or r.old or '')}</li>"
                    for r in rows]
            out.append("</ul>")
    return out + ["</div>"]


def _link(r: Row, prefix: str, w: Words) -> str:
    target = f"{prefix}c{r.entry}" if r.entry is not None else f"{prefix}doc"
    return f'<a href="#{target}">{escape(w.place(r, r.field != "clause"))}</a>'


def _counts(d: DocumentDiff, w: Words) -> list[str]:
    summary = d.summary()
    keys = list(STATUSES) + ["renumbered", "moved", "field_changes"]
    out = ['<table class="counts"><thead><tr>' + "".join(f"<th>{escape(w[k])}</th>" for k in ["level"] + keys)
           + "</tr></thead><tbody>"]
    for level in ("containers", "clauses", "items"):
        out.append(f"<tr><td>{escape(w[level])}</td>" + "".join(f"<td>{summary[level][k]}</td>" for k in keys)
                   + "</tr>")
    return out + ["</tbody></table>"]


def _groups(shown: list[tuple[int, Change, list[Change]]]) -> list[tuple[str, ...]]:
    """The part or chapter path each card sits under. A deleted clause stands where the reading
    is, under the part before it, unless it opens the part it was in (the next card's)."""
    def own(c: Change) -> tuple[str, ...]:
        unit = (c.new or c.old)[0]
        return unit.path[:len(unit.path) - {"container": 0, "clause": 1, "item": 2}[c.level]]

    keys: list[tuple[str, ...]] = []
    for n, (_, c, _) in enumerate(shown):
        if c.new or not keys:
            keys.append(own(c))
            continue
        following = next((own(x) for _, x, _ in shown[n + 1:] if x.new), None)
        keys.append(own(c) if own(c) == following else keys[-1])
    return keys


def _container_titles(d: DocumentDiff) -> dict[tuple[str, ...], str]:
    titles: dict[tuple[str, ...], str] = {}
    for c in d.changes:
        if c.level == "container":
            for u in c.old + c.new:
                if u.node.title:
                    titles[u.path] = u.node.title
    return titles


def _group_label(key: tuple[str, ...], titles: dict[tuple[str, ...], str]) -> str:
    if not key:
        return "—"
    title = titles.get(key)
    return " ".join(key) + (f" {title}" if title else "")


def _card(k: int, c: Change, items: list[Change], prefix: str, group: tuple[str, ...] | None,
          w: Words) -> list[str]:
    kinds = change_kinds(c)
    classes = " ".join(kinds + (["minor"] if minor(c) else []))
    attrs = f'id="{prefix}c{k}" data-kinds="{" ".join(kinds)}"' + (' data-money="1"' if touches_money(c) else "")
    tags = "".join(f'<span class="tag">{escape(w[kind])}</span>' for kind in kinds)
    old, new = _path(c.old, group), _path(c.new, group)
    if c.level == "item":
        return [f'<div class="change item {classes}" {attrs}><p class="item">{escape(w["item"])} '
                f"{escape(old)} → {escape(new)}{tags}</p></div>"]
    title = (c.new or c.old)[0].node.title
    heading = escape(new if old == new or not c.old else old if not c.new else f"{old} → {new}")
    heading += f'<span class="title">{escape(title)}</span>' if title else ""
    sim = (f' <span class="tag">{escape(w.fmt("similarity", similarity(c.similarity)))}</span>'
           if c.old and c.new else "")
    out = [f'<div class="change {classes}" {attrs}>', f"<h4>{heading}{tags}{sim}</h4>"]
    if c.status == "unchanged":
        out.append(f'<p class="same"><span class="note">{escape(w["text_unchanged"])}</span> '
                   f"{escape(c.new[0].text)}</p>")
    elif c.status in ("added", "deleted"):
        side, text = ("new_side", f"<ins>{escape(c.new[0].text)}</ins>") if c.new else (
            "old_side", f"<del>{escape(c.old[0].text)}</del>")
        out.append(f'<div class="sides one"><div class="{side[:3]}"><h5>{escape(w[side])} '
                   f"{escape(new if c.new else old)}</h5>{text}</div></div>")
    else:
        old_html, new_html = _sides(c)
        out.append(f'<div class="sides"><div class="old"><h5>{escape(w["old_side"])} {escape(old)}</h5>{old_html}</div>'
                   f'<div class="new"><h5>{escape(w["new_side"])} {escape(new)}</h5>{new_html}</div></div>')
    if items:
        sep = "；" if w.lang == "zh" else "; "
        out.append(f'<p class="items">{escape(w["items_changed"])}{escape(sep.join(w.item_note(i) for i in items))}</p>')
    if c.fields:
        out.append('<ul class="fields">' + "".join(f"<li>{escape(w.field_line(f))}</li>" for f in c.fields) + "</ul>")
    return out + ["</div>"]


def _path(units, group: tuple[str, ...] | None) -> str:
    """The units' numbers on their path, without the part or chapter the card sits under."""
    shown = []
    for u in units:
        path = u.path[len(group):] if group and u.path[:len(group)] == group else u.path
        shown.append(" ".join(path) or u.node.id)
    return " / ".join(shown) or "—"


def _sides(c: Change) -> tuple[str, str]:
    if c.redline is not None:
        old = "".join(escape(op.old) if op.op == "equal" else f"<del>{escape(op.old)}</del>"
                      for op in c.redline if op.old)
        new = "".join(escape(op.new) if op.op == "equal" else f"<ins>{escape(op.new)}</ins>"
                      for op in c.redline if op.new)
        return old, new
    return "".join(escape(u.text) for u in c.old), "".join(escape(u.text) for u in c.new)
