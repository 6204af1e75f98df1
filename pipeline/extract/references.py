"""Documents a text cites: 《titles》 and numbers like 国发〔2023〕16号."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from ..model import Document, Layer
from ..records import describe
from ..segment.vocab import DOC_NUMBER, order_number



@dataclass(frozen=True)
class Reference:
    """A document the text cites, by title (《…》) and/or number (国发〔2023〕16号), at its first mention."""

    title: str | None = field(metadata=describe("the cited title without its 《》"))
    doc_number: str | None = field(metadata=describe("the cited document number, spaces removed"))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))
    # A citation changes with the words around it, which the redline shows: no field change of its own.
    in_diff: ClassVar[bool] = False

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        """Citations are not highlighted in the spaCy view."""
        return ()


@dataclass(frozen=True)
class References:
    """The documents a text cites (the document's own title and number excluded)."""

    name: ClassVar[str] = "references"
    record: ClassVar[type] = Reference

    def run(self, doc: Document) -> Layer:
        found = find_references(doc.text, doc.title, doc.doc_number)
        return Layer(self.name, doc.index.keyed((doc.index.owner(r.start, r.end).id, r) for r in found))


_TITLE = re.compile(r"《([^《》\n]{2,80})》")
# the month and day of a date: 3月4日, 十二月十九日
_DAY = re.compile(r"月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_NUMBER_AFTER = re.compile(r"\s*[（(]\s*(" + DOC_NUMBER.pattern + r")\s*[)）]")


def find_references(text: str, own_title: str | None = None, own_number: str | None = None) -> tuple[Reference, ...]:
    """Every cited document once, in order of first mention; the document itself (by its
    title or its own number) excluded.

    `《国务院关于…的意见》（国发〔2023〕16号）` gives one reference with both title and number;
    a bare number gives a reference with `title` None.
    """
    refs: dict[str, Reference] = {}
    covered: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if own_title and _same(title, own_title):
            continue
        after = _NUMBER_AFTER.match(text, m.end())
        number = re.sub(r"\s", "", after.group(1)) if after else None
        end = after.end() if after else m.end()
        covered.append((m.start(), end))
        if title not in refs:
            refs[title] = Reference(title=title, doc_number=number, start=m.start(), end=end)
    own = order_number(re.sub(r"\s", "", own_number)) if own_number else None
    for m in DOC_NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        start = _after_date(text, m.start(), m.end())
        number = re.sub(r"\s", "", text[start:m.end()])
        if own and order_number(number) == own:
            continue
        if number not in refs and not any(r.doc_number == number for r in refs.values()):
            refs[number] = Reference(title=None, doc_number=number, start=start, end=m.end())
    return tuple(sorted(refs.values(), key=lambda r: r.start))


def _after_date(text: str, start: int, end: int) -> int:
    """Where a number matched over `[start, end)` really begins: after the 日 of a date it is
    glued to (`1991年3月4日中华人民共和国国务院令第76号发布` -> `中华人民共和国国务院令第76号`,
    `二〇〇五年十二月十九日国发〔2005〕1号` -> `国发〔2005〕1号`), and after 原 there
    (`日原国家质量监督检验检疫总局令第150号`: the organ's former name, not part of the number)."""
    window = max(0, start - 8)
    days = [m for m in _DAY.finditer(text, window, end) if m.end() > start]
    if not days:
        return start
    start = days[-1].end()
    return start + 1 if text.startswith("原", start) else start


def _same(cited: str, own: str) -> bool:
    core = re.sub(r"[(（][^()（）]*[)）]$", "", cited).replace(" ", "")
    return core == own.replace(" ", "")
