"""Quantified targets in 目标 sections: 到2027年…比重达40%以上, 较2024年翻一番.

Values are kept as written (40 with unit %, 20 with unit 亿元); 翻一番 is value 2,
unit 倍, with the year it doubles from in `baseline_year`. A year written in
the same paragraph (到2027年) is `year`; otherwise the section's last earlier
到YYYY年 is used and `year_inferred` is true.

In goal texts only (目标 sections, a 具体指标：/主要目标： paragraph), a count of
things to build is a target too: 建设50所高水平高等职业学校 is metric
高水平高等职业学校, value 50, unit 所.

Outside 目标 sections (in measures, a preamble) a goal counts only when the
sentence commits to it: from a target year (到2027年, 2025年底前) or 确保/力争 to
the end of the sentence, `find_commitments` takes the same goals, leaving out
conditions (…达到25%的).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import ClassVar, Literal

from ..cnnum import parse_int, parse_number
from ..kinds import SKIP_KINDS
from ..model import Document, Layer, Node
from ..normalize import fold
from ..records import describe
from .quantity import sentences, view

_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+"
_UNIT = r"%|[万亿]?(?:元|家|个|项|所|人|名|千瓦|吨|公里|亩|座|件|户|台|套|次|辆|平方米|立方米|倍)|[万亿]"
VERB = (r"(?:达到|达|超过|突破|提高到|提高至|提升到|提升至|增长到|增加到|增长|降至|降低到|降低至|下降到|稳定在|保持在|"
        r"控制在|不低于|不少于|不超过|超)")
TARGET = re.compile(rf"""
      较(?P<base>\d{{4}})年(?:翻(?P<fan>一|两|二|三)番|翻番)      # 较2024年翻一番
    | (?<!较\d{{4}}年)翻(?P<fan2>一|两|二|三)番                   # 翻一番
    | (?P<verb>{VERB})(?P<num>{_NUM})(?P<unit>{_UNIT})(?P<suf>以上|左右|以内|以下)?
""", re.X)
MORE = re.compile(rf"(?:、|和|及)(?P<num>{_NUM})(?P<unit>{_UNIT})")
# In a goal text only: 建设50所高水平高等职业学校和150个骨干专业(群); the thing built is the metric.
# An 和/、/及 ends the thing only where another count follows it.
_THING = r"(?P<thing>(?:(?![,:;。]|[和、及与](?:\d|[一二两三四五六七八九十]))[^,:;。])+)"
_COUNT = r"(?P<num>\d+|[一二两三四五六七八九十百千]+)(?P<unit>所|个|家|项|座|支|条|处)(?P<suf>以上|左右)?"
BUILD = re.compile(rf"(?:建设|建成|新建|创建|培育|打造){_COUNT}{_THING}")
BUILD_MORE = re.compile(rf"[和、及与]{_COUNT}{_THING}")
TREND = re.compile(r"逐年递增|逐年提高|逐年增长|持续提升|持续增长|稳步增长|稳步提升|逐步提高")
YEAR = re.compile(r"到(\d{4})年|(\d{4})年(?:前|底)")
AT_LEAST, AT_MOST = ("超过", "突破", "不低于", "不少于", "超"), ("不超过",)
_LEAD = re.compile(r"(?:到\d{4}年底?|\d{4}年底?前|其中|确保|力争|实现“[^”]*”)*")
# 截至2023年底 reports a state, so a bare YYYY年底 is no anchor.
COMMIT = re.compile(r"到\d{4}年|\d{4}年底?前|确保|力争")


@dataclass(frozen=True)
class Target:
    """A quantified target (到2027年…达到20亿元): `value` as written in `unit` (40 %, 20 亿元;
    翻一番 = 2 倍)."""

    text: str = field(metadata=describe(min_length=1))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))
    metric: str = field(metadata=describe(min_length=1))
    value: float
    unit: str = field(metadata=describe(min_length=1))
    qualifier: Literal["exact", "at_least", "at_most", "range", "about"]
    year: int | None = None
    year_inferred: bool = False
    baseline_year: int | None = None
    trend: str | None = None
    # The diff pairs two versions' targets of the same metric first (diff/fields.py).
    diff_identity: ClassVar[tuple[str, ...]] = ("metric",)

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        return ((self.start, self.end, "TARGET"),)


GOAL_HEADING = re.compile(r"目标(?:任务)?$|^(?:总体|发展|主要|工作)目标")
# A paragraph that states the goals: 具体指标：到2022年，…建设50所….
GOAL_PARAGRAPH = re.compile(r"^[ \t]*(?:具体|主要|总体|发展|工作)?(?:指标|目标)(?:任务)?[:：]", re.M)


def goal_sections(doc: Document) -> list[Node]:
    """The outermost nodes headed by a goal (总体目标, 发展目标), in document order."""
    out: list[Node] = []
    for node in doc.nodes():
        if node.kind in SKIP_KINDS or node.kind == "document" or (out and node.start < out[-1].end):
            continue
        if node.title and GOAL_HEADING.search(node.title):
            out.append(node)
    return out


def outside_goals(doc: Document) -> Iterator[Node]:
    """The nodes whose own text extractors read: not front matter, not inside a goal section."""
    goals = iter(goal_sections(doc))
    goal = next(goals, None)
    for node in doc.nodes():
        while goal is not None and node.start >= goal.end:
            goal = next(goals, None)
        if node.kind in SKIP_KINDS or (goal is not None and goal.start <= node.start):
            continue
        yield node


@dataclass(frozen=True)
class Targets:
    """Targets: every figure of a goal section, goals a paragraph states (具体指标：), goals
    committed to elsewhere (到2027年…, 确保…), and every budget_growth money term."""

    name: ClassVar[str] = "targets"
    record: ClassVar[type] = Target

    def run(self, doc: Document) -> Layer:
        text, folded = doc.text, doc.folded
        found: list[Target] = []
        for goal in goal_sections(doc):
            found.extend(find_targets(text[goal.start:goal.end], goal.start, folded[goal.start:goal.end], build=True))
        money = doc.layer("money")
        for node in outside_goals(doc):
            own, own_folded = text[node.start:node.own_end], folded[node.start:node.own_end]
            growth = [t for t in money.of(node.id) if t.role == "budget_growth"]
            for t in growth:
                pct = round(t.rate * 100, 6)
                found.append(Target(t.text, t.start, t.end, (t.base or "") + (t.per or "") + "增长率",
                                    int(pct) if pct == int(pct) else pct, "%", t.qualifier))
            paras = [(node.start + m.start(), node.start + _line_end(own, m.end()))
                     for m in GOAL_PARAGRAPH.finditer(own)] if "标" in own else []
            for a, b in paras:
                found.extend(find_targets(text[a:b], a, folded[a:b], build=True))
            growth_spans, para_spans = _Spans((t.start, t.end) for t in growth), _Spans(paras)
            found.extend(g for g in find_commitments(own, node.start, own_folded)
                         if not growth_spans.overlaps(g.start, g.end) and not para_spans.holds(g.start))
        found.sort(key=lambda t: t.start)
        return Layer(self.name, doc.index.keyed((doc.index.owner(t.start, t.end).id, t) for t in found))


class _Spans:
    """Spans asked whether any overlaps `[s, e)` or holds `i`, by bisection over their starts
    with the running maximum of their ends (8,000 goals in one node stay linear)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s

    def holds(self, i: int) -> bool:
        k = bisect_right(self.starts, i)
        return k > 0 and self.reach[k - 1] > i


def _line_end(s: str, i: int) -> int:
    """Where the line of `s` holding `i` ends (its newline, or the end of `s`)."""
    end = s.find("\n", i)
    return len(s) if end < 0 else end


def find_targets(text: str, offset: int = 0, folded: str | None = None,
                 build: bool = False) -> tuple[Target, ...]:
    """Targets in the text of one 目标 section, offsets shifted by `offset`; `folded` is `fold(text)` if at hand.

    With `build`, counts of things to build (建设50所…学校) are targets too:
    only a goal text states them as goals, a measure's running text does not.
    """
    v = view(text, folded)
    s = v.s
    out = []
    for lo, hi in sentences(s):
        clauses = [m.span() for m in re.finditer(r"[^,:]+", s[lo:hi])]
        prev_subject = None
        for a, b in clauses:
            a, b = a + lo, b + lo
            m = TARGET.search(s, a, b)
            if not m:
                prev_subject = s[a:b]
                if build:
                    out.extend(_built(text, v, a, b, offset))
                continue
            subject = s[a:m.start()]
            lead = _LEAD.match(subject).end()
            subject = subject[lead:]
            trend = TREND.search(subject) or (TREND.search(prev_subject) if prev_subject else None)
            metric = re.sub(r"(?:均|分别|总体|的)+$", "", TREND.sub("", subject))
            start = a + lead
            if not metric and prev_subject:
                metric = TREND.sub("", prev_subject)
                start = a - len(prev_subject) - 1
            prev_subject = s[a:b]
            if not metric:
                continue
            value, unit, qualifier, baseline = _value(m)
            src_a, src_b = v.span(start, m.end())
            year, inferred = _year(text, src_a)
            trend_text = trend.group(0) if trend else None
            out.append(Target(text[src_a:src_b], src_a + offset, src_b + offset, metric, value, unit, qualifier,
                              year, inferred, baseline, trend_text))
            if m.group("verb") and "分别" in subject:
                for more in MORE.finditer(s, m.end(), b):
                    if more.start() != m.end() and not s[m.end():more.start()].startswith(("、", "和")):
                        break
                    x, y = v.span(more.start("num"), more.end())
                    out.append(Target(text[x:y], x + offset, y + offset, metric, parse_number(more.group("num")),
                                      more.group("unit"), qualifier, year, inferred, None, trend_text))
    return tuple(out)


def _built(text: str, v, a: int, b: int, offset: int) -> list[Target]:
    """建设N所X (和M个Y…) in the clause `[a, b)` of the view: one target per count, metric X."""
    out, m = [], BUILD.search(v.s, a, b)
    while m:
        x, y = v.span(m.start() if not out else m.start("num"), m.end())
        year, inferred = _year(text, x)
        qualifier = {"以上": "at_least", "左右": "about"}.get(m.group("suf"), "exact")
        out.append(Target(text[x:y], x + offset, y + offset, m.group("thing"), parse_number(m.group("num")),
                          m.group("unit"), qualifier, year, inferred))
        m = BUILD_MORE.match(v.s, m.end(), b)
    return out


def _value(m: re.Match) -> tuple[float, str, str, int | None]:
    if m.group("verb") is None:
        fan = m.group("fan") or m.group("fan2")
        times = 2 ** (parse_int(fan) if fan else 1)
        return times, "倍", "exact", int(m.group("base")) if m.group("base") else None
    verb, suf = m.group("verb"), m.group("suf")
    if suf == "以上" or verb in AT_LEAST:
        qualifier = "at_least"
    elif suf in ("以内", "以下") or verb in AT_MOST:
        qualifier = "at_most"
    elif suf == "左右":
        qualifier = "about"
    else:
        qualifier = "exact"
    return parse_number(m.group("num")), m.group("unit"), qualifier, None


def _year(text: str, i: int) -> tuple[int | None, bool]:
    """The target year: in the paragraph holding `i`, else the last one before it."""
    para = text.rfind("\n", 0, i) + 1
    found = [m for m in YEAR.finditer(text, 0, i)]
    if not found:
        return None, False
    last = found[-1]
    return int(last.group(1) or last.group(2)), last.start() < para


def find_commitments(text: str, offset: int = 0, folded: str | None = None) -> tuple[Target, ...]:
    """Goals outside a 目标 section: from 到YYYY年/确保/力争 to the end of its sentence, no conditions."""
    if not ("确保" in text or "力争" in text or "年" in text and COMMIT.search(fold(text) if folded is None else folded)):
        return ()
    v = view(text, folded)
    out: list[Target] = []
    for lo, hi in sentences(v.s):
        anchor = COMMIT.search(v.s, lo, hi)
        if anchor is None:
            continue
        a, b = v.span(anchor.start(), hi)
        for t in find_targets(text[a:b], offset + a):
            after = t.end - offset
            if text[after:after + 1] != "的":  # 达到25%的 is a condition, not a goal
                out.append(t)
    return tuple(out)
