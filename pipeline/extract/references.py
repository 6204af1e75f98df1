"""Documents a text cites: 《titles》 and numbers like 国发〔2023〕16号."""
from __future__ import annotations

import re

from ..model import Reference
from ..segment.vocab import DOC_NUMBER

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
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
    for m in DOC_NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        number = re.sub(r"\s", "", m.group(0))
        if own_number and number == re.sub(r"\s", "", own_number):
            continue
        if number not in refs and not any(r.doc_number == number for r in refs.values()):
            refs[number] = Reference(title=None, doc_number=number, start=m.start(), end=m.end())
    return tuple(sorted(refs.values(), key=lambda r: r.start))


def _same(cited: str, own: str) -> bool:
    core = re.sub(r"[(（][^()（）]*[)）]$", "", cited).replace(" ", "")
    return core == own.replace(" ", "")
