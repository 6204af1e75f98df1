"""The money terms of a document as a table: one row per term, for people and spreadsheets.

Columns: measure, role, amount, bound, rate, per, duration, recipient. The CSV
keeps raw numbers (yuan, fractions) so it sorts and sums; the Markdown and the
printed table show amounts in the unit the text wrote them in, exactly
(500万元, 1.5亿元, 32.5元; 10%, 0.5%, 5%–20%).
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal

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
            "amount": _amounts(t),
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


def _span(value, low, high, qualifier: str, show) -> str:
    if qualifier == "range" and low is not None and high is not None:
        return f"{show(low)}–{show(high)}"
    return show(value) if value is not None else ""


def _amounts(t) -> str:
    return _span(t.amount_yuan, t.amount_min_yuan, t.amount_max_yuan, t.qualifier,
                 lambda v: yuan(v, written_unit(v, t.text)))


_SCALES = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def written_unit(value: float, text: str) -> str:
    """The unit `text` writes `value` in: `5000万元以上至1亿元` writes 5e7 in 万元 and 1e8 in 亿元;
    for numbers not written in digits, the largest unit the text uses that leaves a whole part."""
    plain = "".join(text.split())
    units = [u for u in ("亿元", "万元") if u[0] in plain] + ["元"]
    for unit in units:
        if f"{_exact(Decimal(repr(value)) / _SCALES[unit])}{unit[0]}" in plain:
            return unit
    return next((u for u in units if value >= _SCALES[u]), "元")


def yuan(value: float, unit: str = "元") -> str:
    """An amount in yuan shown in `unit` (元, 万元, 亿元), exactly: 5000000 -> 500万元, 32.5 -> 32.5元."""
    return f"{_exact(Decimal(repr(value)) / _SCALES[unit])}{unit}"


def _exact(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 500, 32.5, 0.005."""
    text = f"{number.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rate(t) -> str:
    if t.role == "fine" and (t.rate is not None or t.rate_min is not None):
        return _span(t.rate, t.rate_min, t.rate_max, t.qualifier, lambda v: f"{_exact(Decimal(repr(v)))}倍")
    return _span(t.rate, t.rate_min, t.rate_max, t.qualifier, lambda v: f"{_exact(Decimal(repr(v)) * 100)}%")
