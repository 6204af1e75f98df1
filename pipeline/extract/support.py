"""Support promised without a number: 给予一定经费支持, 给予相应配套经费支持, 等额奖励.

Kept apart from money terms (a reader must not mistake them for amounts). A
clause that also writes an amount or a rate is a money term, not support.
`kind` says what stands in for the number: `discretionary` (一定, 适当),
`matching` (相应, 配套, 等额), `case_by_case` (一事一议), `sought` (争取…资金:
money the issuer asks others for), `one_time` (一次性奖励, no amount), else
`unspecified`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from ..model import Document, Layer
from ..records import describe
from .parties import DUI, split_dui
from .quantity import clause_start, quantities, sentences, view
from .targets import outside_goals

SUPPORT = re.compile(r"(?:给予|予以|争取)(?P<gap>[^,:;。\d%]{0,20})"
                     r"(?:经费|资金|奖励|奖金|补助|补贴|资助|奖补|补偿|贴息|项目支持)(?:支持|激励)?")
CUE = re.compile(r"给予|予以|争取")
KINDS = (("一事一议", "case_by_case"), ("一定", "discretionary"), ("适当", "discretionary"), ("相应", "matching"),
         ("配套", "matching"), ("等额", "matching"), ("一次性", "one_time"))


@dataclass(frozen=True)
class Support:
    """Support promised without a number (给予一定经费支持): `kind` says what stands in for it."""

    text: str = field(metadata=describe(min_length=1))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))
    kind: Literal["discretionary", "matching", "case_by_case", "sought", "one_time", "unspecified"]
    cue: str | None = None
    recipient: str | None = None
    # The diff pairs two versions' promises to the same recipient first (diff/fields.py).
    diff_identity: ClassVar[tuple[str, ...]] = ("recipient",)

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        return ((self.start, self.end, "SUPPORT"),)


@dataclass(frozen=True)
class SupportTerms:
    """Unquantified support in every node's own text, outside goal sections."""

    name: ClassVar[str] = "support"
    record: ClassVar[type] = Support

    def run(self, doc: Document) -> Layer:
        text, folded = doc.text, doc.folded
        records = {}
        for node in outside_goals(doc):
            found = find_support(text[node.start:node.own_end], node.start, folded[node.start:node.own_end])
            if found:
                records[node.id] = found
        return Layer(self.name, records)


def find_support(text: str, offset: int = 0, folded: str | None = None) -> tuple[Support, ...]:
    """Unquantified support in `text`, offsets shifted by `offset`; `folded` is `fold(text)` if the caller has it."""
    if "给予" not in text and "予以" not in text and "争取" not in text:
        return ()
    v = view(text, folded)
    s = v.s
    out = []
    for lo, hi in sentences(s):
        if not CUE.search(s, lo, hi):
            continue
        for m in SUPPORT.finditer(s, lo, hi):
            cs = clause_start(s, lo, m.start())
            ce = min([i for i in (s.find(",", m.end(), hi), s.find(":", m.end(), hi)) if i >= 0] or [hi])
            if quantities(s, cs, ce):
                continue
            word = s[m.start():m.start() + 2]
            cue, kind = next(((w, k) for w, k in KINDS if w in m.group("gap")), (None, "unspecified"))
            if word == "争取":
                cue, kind = "争取", "sought"
            dui = None
            for d in DUI.finditer(s, lo, m.end()):
                if d.start() < m.start():
                    dui = d
            recipient = split_dui(dui.group("x"))[1] if dui else None
            a, b = v.span(cs, m.end())
            out.append(Support(text[a:b], a + offset, b + offset, kind, cue, recipient))
    return tuple(out)
