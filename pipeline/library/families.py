"""Which policy a document belongs to, and where it stands among the policy's versions.

A family is the same title once the status words are removed (（征求意见稿）,
（草案）, （送审稿）, （修订草案）, （二次审议稿）…), compared width- and
space-folded, from 关于 on when an issuer is named before it, and a 印发 notice
read as the title it issues:

    family_key("关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）")
        == family_key("呼和浩特市人民政府关于建设科技强市促进首府高质量发展的实施意见")

and a compatible issuer: the same place (呼和浩特市科学技术局 and 呼和浩特市人民政府),
both central (国务院, 交通运输部), or one unknown. A title that is only a heading
(第一章 总则) names no family, nor does a file name standing in for a missing title.

Versions are ordered by an order the user declared (a VERSIONS file), then by date
(the document's, else its cover letter's; undated first), then by status (drafts
before the final text), then by file name.
"""
from __future__ import annotations

import re
from typing import Any

from ..extract.unitnames import jurisdiction_of
from ..normalize import fold

# Draft statuses in the order a text passes through them; a final text (status null,
# or 试行 / 暂行, which are in force) comes after all of them.
DRAFT_ORDER = ("讨论稿", "代拟稿", "征求意见稿", "公开征求意见稿", "修改稿", "送审稿", "报批稿", "草案",
               "修订草案", "审议稿", "修订草案第二次审议稿")
_STATUS_WORD = r"(?:" + "|".join(sorted(DRAFT_ORDER + ("试行", "暂行"), key=len, reverse=True)) \
    + r"|[一二三四五六七八九十第]+次审议稿)"
# A bracketed status: （征求意见稿） (修订草案第二次审议稿) （草案·二次审议稿）
_STATUS = re.compile(r"\s*[(（]\s*[^()（）]{0,12}?" + _STATUS_WORD + r"\s*[)）]\s*")
# …关于印发《X》的通知 / …关于印发X的通知: the notice's family is X's.
_ISSUING = re.compile(r"^.*?关于印发[《“\"]?(?P<inner>.+?)[》”\"]?的(?:通知|通告|决定)$")
_HEADING = re.compile(r"^[#\s]*第[一二三四五六七八九十百零〇\d]+[编章节条]")
_SPACE = re.compile(r"[\s\u3000]+")
_QUOTES = str.maketrans("", "", "《》“”\"'")


def stated_title(doc) -> str | None:
    """The title the text states: a file name standing in for a missing one (warning W201) is none."""
    return None if any(w.code == "W201" for w in doc.warnings) else doc.title


def display_title(title: str | None) -> str | None:
    """The title without its status words (the name of the policy)."""
    if not title:
        return None
    return _STATUS.sub("", title).strip() or title


def family_key(title: str | None) -> str | None:
    """What two versions' titles share; None when the title cannot name a family."""
    if not title or _HEADING.match(title):
        return None
    t = _STATUS.sub("", fold(title))
    issued = _ISSUING.match(_SPACE.sub("", t))
    t = issued.group("inner") if issued else t
    t = _SPACE.sub("", _STATUS.sub("", t)).translate(_QUOTES)
    cut = t.find("关于")
    if cut > 0 and "《" not in title[:cut]:
        t = t[cut:]
    return t or None


def compatible(a: str | None, b: str | None) -> bool:
    """True when two issuers could issue versions of one policy: one unknown, both central,
    or the same place (the narrowest place one names is among the other's)."""
    if not a or not b:
        return True
    pa, pb = jurisdiction_of(a).places, jurisdiction_of(b).places
    if not pa or not pb:
        return not pa and not pb
    names_a, names_b = {name for _, name in pa}, {name for _, name in pb}
    return pa[-1][1] in names_b or pb[-1][1] in names_a


def status_rank(status: str | None) -> int:
    """Drafts in the order they are made, the final text (or 试行, 暂行) last."""
    if status in DRAFT_ORDER:
        return DRAFT_ORDER.index(status)
    if status and re.fullmatch(r"[一二三四五六七八九十第]+次审议稿", status):
        return DRAFT_ORDER.index("审议稿")
    return len(DRAFT_ORDER)


def order_key(row: Any) -> tuple:
    """The sort key of a version: declared place, date, status, file name, content hash.

    `row` has the columns `declared` (position in a declared chain, or None), `date`,
    `letter_date`, `status`, `source_name`, `content_hash`.
    """
    declared = row["declared"]
    return (declared is None, declared if declared is not None else 0, row["date"] or row["letter_date"] or "",
            status_rank(row["status"]), row["source_name"], row["content_hash"])
