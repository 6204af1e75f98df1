"""The money terms of a document as a table: one row per term, for people and spreadsheets.

Columns: measure, role, amount, bound, rate, per, duration, recipient. The CSV
keeps raw numbers (yuan, fractions) so it sorts and sums; the Markdown and the
printed table format them (3,000,000; 32.5; 10%; 5%–20%): an amount keeps its decimals.
"""
from __future__ import annotations

import csv
import io

from .model import Document
from .records import to_json

COLUMNS = ("measure", "role", "amount", "bound", "rate", "per", "duration", "recipient")


def money_rows(doc: Document) -> list[dict[str, str]]:
    """One row per money term in document order, formatted for reading."""
    rows = []
    titles = {n.id: n.title for n in doc.nodes()}
    for node_id, t in doc.layer("money").items():
        rows.append({
            "measure": f"{node_id} {titles[node_id] or ''}".strip(),
            "role": t.role,
            "amount": _span(t.amount_yuan, t.amount_min_yuan, t.amount_max_yuan, t.qualifier, _yuan),
            "bound": t.qualifier,
            "rate": _rate(t),
            "per": t.per or "",
            "duration": f"{t.duration_years}年" if t.duration_years else ("一次性" if t.one_time else ""),
            "recipient": t.recipient or "",
        })
    return rows


def money_csv(doc: Document) -> str:
    """CSV of every term with all fields raw (numbers unformatted), plus the node id and title."""
    out = io.StringIO()
    fields = ("node", "title", "text", "start", "end", "role", "qualifier", "amount_yuan", "amount_min_yuan",
              "amount_max_yuan", "rate", "rate_min", "rate_max", "base", "per", "duration_years", "one_time",
              "recipient", "condition", "purpose")
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    titles = {n.id: n.title for n in doc.nodes()}
    for node_id, t in doc.layer("money").items():
        d = to_json(t)
        writer.writerow({"node": node_id, "title": titles[node_id] or "", **{k: _raw(d[k]) for k in fields[2:]}})
    return out.getvalue()


def money_markdown(doc: Document) -> str:
    """A Markdown table of `money_rows`, headed by the document title."""
    rows = money_rows(doc)
    lines = [f"# {doc.title or doc.doc_id}: money terms", "", f"{len(rows)} terms.", "",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        lines.append("| " + " | ".join(r[c].replace("|", "\\|") for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def _raw(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _yuan(value: float) -> str:
    """Thousands separated, decimals kept as far as they go: 3000000 → 3,000,000; 32.5 → 32.5."""
    whole = f"{value:,.0f}"
    if value == round(value):
        return whole
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def _span(value, low, high, qualifier: str, fmt) -> str:
    show = fmt if callable(fmt) else fmt.format
    if qualifier == "range" and low is not None and high is not None:
        return f"{show(low)}–{show(high)}"
    return show(value) if value is not None else ""


def _rate(t) -> str:
    if t.role == "fine" and (t.rate is not None or t.rate_min is not None):
        return _span(t.rate, t.rate_min, t.rate_max, t.qualifier, "{:g}倍")
    pct = "{:.4g}%"
    scale = lambda x: None if x is None else x * 100  # noqa: E731
    return _span(scale(t.rate), scale(t.rate_min), scale(t.rate_max), t.qualifier, pct)
