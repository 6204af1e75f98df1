"""Every warning code with its message, and the record that carries one.

Warnings are data: non-fatal findings with a stable code and the span they
concern, written into the document JSON beside the tree. Codes by stage:
W1xx structure (segment), W3xx responsibility notes, W4xx money.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .records import describe

CODES: dict[str, str] = {
    "W101": "numbering gap",
    "W102": "duplicate number",
    "W103": "number out of sequence",
    "W104": "heading level skipped",
    "W201": "no title in the text; the file name stands in",
    "W301": "no responsible unit, unlike its siblings",
    "W302": "lead assumed to be the first unit listed",
    "W303": "task-table row names no measure",
    "W401": "amount without a currency unit",
}


@dataclass(frozen=True)
class Finding:
    """A non-fatal finding: a code of `CODES`, its message with detail, and its span."""

    code: str = field(metadata=describe("a key of the warning vocabulary (W1xx structure, W3xx notes, W4xx money)",
                                        pattern="^W[0-9]{3}$"))
    message: str = field(metadata=describe(min_length=1))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))


def finding(code: str, detail: str, start: int, end: int) -> Finding:
    """`W302`, `某局` -> message `lead assumed to be the first unit listed: 某局`."""
    return Finding(code, f"{CODES[code]}: {detail}", start, end)


def merged(*groups: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """All findings in one tuple, in text order (then code, then end)."""
    return tuple(sorted((f for g in groups for f in g), key=lambda f: (f.start, f.code, f.end)))
