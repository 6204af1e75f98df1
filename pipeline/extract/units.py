"""Responsibility notes: who leads and who joins each measure.

Drafts close a measure (or a group of its sentences) with a note naming the
responsible units, in one of a few styles, full- or half-width:

    （责任单位：A、B、C。列第一位的为牵头单位，下同。）
    （A、B负责。列第一位者为牵头单位，下同）   （A、B负责）
    （A牵头，B、C配合）   （牵头单位：X，配合单位：Y、Z，各区、县级市）
    （A、B，各省级人民政府按职责分工负责）   （A等有关部门和单位负责）   （A会同有关部门负责）
    …资助。责任单位：A、B。   （A牵头，2025年底前完成）   （责任单位：A；完成时限：2024年底）
    （A、B指导）   （A指导，B参与）   （负责部门：A、B；适用范围：…）
    （6月底取得阶段性成效并持续推进，牵头考核单位：A、B）   （责任单位：A，各市、县〔区〕政府）
    （三）责任单位及承办科室：A，B科受理…申请；C承办…。   （牵头单位及责任人：A，张三）

A bracketed span is a note only if all of it parses as such (units, a label or a
verb, a lead convention, a time limit kept as `deadline`, a 责任领导 skipped); a bare
list `（A、B）` closing a sentence counts only while a lead convention holds. A compound
label (责任单位及承办科室, 牵头单位及责任人) gives its first clause the label's role and the clauses
after it the second noun's: co, or none for a person; a name there that runs on into its duty
is cut (unit_lists.field_names), and a duty alone is no unit, never a reason to drop the note;
`（技工院校内由…部门负责）` is a clause, not a note. The units are what the note's
grammar lists before its verb or after its label: a name no table knows (共青团中央) is
still a unit, and the alias table only completes names. A unit that 指导 (guides) has
the role `guide`: it steers the work but does not carry it out, so it never leads. The
lead comes from the document's own convention (列第一位的为牵头单位; 下同 carries it to
the notes after), from 牵头 / 牵头单位 / 会同, else it is the first unit, flagged as assumed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import ClassVar, Literal

from ..normalize import fold
from ..records import describe
from .aliases import Aliases, builtin_aliases
from .note_parts import (LATER, PERSON_LABEL, PERSON_LABELS, SCOPE_LABEL, SCOPE_LABELS, SECOND_NOUN, TIME, TIME_LABEL,
                         TIME_LABELS)
from .unit_lists import NOT_A_LISTED_NAME, SEP, UNIT_END, field_names, join_levels, pieces
from .unitnames import Jurisdiction, is_collective, normalize_units


@dataclass(frozen=True)
class Unit:
    """One responsible unit: `name` as written (the exact source span), its full `normalized` name, its `role`."""

    name: str = field(metadata=describe(min_length=1))
    normalized: str = field(metadata=describe(min_length=1))
    role: Literal["lead", "co", "collective", "guide"] = field(metadata=describe(
        "lead: leads the work; co: joins it; collective: a group (各省级人民政府); guide: steers it "
        "without carrying it out (A指导), never the lead"))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))


@dataclass(frozen=True)
class Responsibility:
    """A responsibility note (责任单位…, …负责), brackets included, or a row of a task-allocation
    table (任务分工表); `text` is the exact source span [start, end).

    A note naming only groups (各省级人民政府负责) has the first group as `lead`; its role
    stays `collective`.
    """

    text: str = field(metadata=describe("the note as written (a table row: its cells joined by tabs)", min_length=1))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))
    lead: str | None = field(metadata=describe("the lead unit as written; null when the note names no unit that "
                                               "can lead", min_length=1))
    lead_normalized: str | None = field(metadata=describe(min_length=1))
    lead_assumed: bool = field(metadata=describe("true when the lead is the first of several units and nothing "
                                                 "in the document says so"))
    convention: str | None = field(metadata=describe("the wording that decided the lead (列第一位的为牵头单位, "
                                                     "牵头单位, 牵头, 会同), or null", min_length=1))
    units: tuple[Unit, ...]
    deadline: str | None = field(default=None, metadata=describe(
        "the time limit the note states, as written (2024年底前完成, 持续推进; a table row's 完成时限 cell), or null",
        min_length=1))
    source: Literal["text", "table"] = field(default="text", metadata=describe(
        "text: a note in the text; table: a row of a task-allocation table"))
    # How the lead is stated and where the note stands are no change of who leads (diff/fields.py).
    diff_ignore: ClassVar[tuple[str, ...]] = ("convention", "source")

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        """Each unit named, the lead apart."""
        return tuple((u.start, u.end, "UNIT_LEAD" if u.role == "lead" else "UNIT") for u in self.units)


# The lead convention: 列第一位的为牵头单位 / 列第一位者为牵头单位 / 排在第一位的部门为牵头部门 …
_CONVENTION = re.compile(
    r"(?:(?:列|排)(?:在|名)?)?(?:第一|首)(?:位|个|家)?(?:的|者)?(?:部门|单位)?(?:为|是)牵头(?:单位|部门)")
_DITTO = re.compile(r"\s*[,;、]?\s*下同")
_TAIL = re.compile(r"[。,;]\s*(?P<conv>" + _CONVENTION.pattern + r")(?P<ditto>" + _DITTO.pattern + r")?[。.;,\s]*$")

# A clause label and the role it gives its list.
_LABELS = {
    "牵头单位": "lead", "牵头部门": "lead", "主办单位": "lead", "主责单位": "lead",
    "配合单位": "co", "配合部门": "co", "参与单位": "co", "协办单位": "co", "协助单位": "co",
    "指导单位": "guide", "指导部门": "guide",
    "责任单位": None, "责任部门": None, "负责单位": None, "负责部门": None, "实施单位": None, "责任主体": None,
}
# A label may name what the unit leads in (牵头考核单位, 牵头落实单位): the infix keeps its role.
_INFIX = r"(?:考核|落实|推进|实施)?"
_LABEL_WORDS = "|".join(k[:-2] + _INFIX + k[-2:] for k in _LABELS)
# A compound label joins a second noun (责任单位及承办科室：A，B): the first clause lists the label's
# units, the clauses after it the second noun's (co; a 责任人 or 联系人 names a person, no unit).
_JOIN = "及和、与"
_SECOND = r"(?:[" + _JOIN + r"]" + SECOND_NOUN + r")"
_LABEL = re.compile(r"\s*(?P<label>" + _LABEL_WORDS + r")(?:[" + _JOIN + r"](?P<second>" + SECOND_NOUN + r"))?\s*:\s*")


def _label_role(label: str) -> str | None:
    """The role a label gives its list, its infix aside (牵头考核单位 -> lead)."""
    return _LABELS[label[:2] + label[-2:]]


# Clauses end at , ; 。 or where a label starts, spaced or not (`责任单位：区政府责任单位：商务局`).
_CLAUSE_SEP = re.compile(
    r"[,;。]|\s*(?<![" + _JOIN + r"])(?=(?:" + "|".join((_LABEL_WORDS, *TIME_LABELS, *PERSON_LABELS, *SCOPE_LABELS))
    + r")" + _SECOND + r"?\s*:)")
# A clause verb and the role it gives its list (None: the convention decides).
_VERB = re.compile(r"""
    (?:按照?职责分工|根据职责分工|按职责|依职责)?                    # how, not who: …按职责分工牵头
    (?:
        (?P<lead>(?:分别|共同)?牵头(?:负责|落实|抓总)?)              # A牵头 / A牵头负责
      | (?P<co>(?:配合|参与|协助|协同)(?:落实|实施)?)                # B、C配合
      | (?P<guide>(?:分别|共同|负责|加强)?指导(?:推进|实施)?)         # A、B指导
      | (?:分工|分别|共同|具体)?(?:负责(?:落实|实施)?|落实)           # A、B负责 / …按职责分工负责
    )\s*$""", re.X)
# 会同 after the lead (A会同B负责).
_HUITONG = re.compile(r"会同|协同")
# `A、B等`, `A等单位` (dropped) and `A等有关部门和单位` (kept, as a group).
# `A等省直有关部门` (配合): the departments of one level behind the 等 are its tail, no unit (dropped).
_DENG = re.compile(r"等(?:[省市区县]直(?:有关|相关)?)?(?:(?:部门|单位|机构)(?:和|及|、)?(?:部门|单位|机构)?)?$"
                   r"|等(?=(?:其他)?(?:有关|相关))")
# Characters no unit name holds: they mark a clause of the text.
_NOT_A_NAME = re.compile(r"(?<!自)由|(?<!所)在|[的将把被从向于如。:;,]|要(?!素)")
_OPEN = {"(": ")", "【": "】", "[": "]", "〔": "〕"}
_CLOSER_OF = {close: open_ for open_, close in _OPEN.items()}
_BRACKET_OR_BREAK = re.compile(r"[(【\[〔)】\]〕\n]")
# How a government body's name starts, for bare lists (`（省科技厅、省财政厅）`, not `（吉林大学、东北师范大学）`).
_GOV_NAME = re.compile(r"自治区|省|市|州|盟|县|旗|区|国家|国务院|中央|中共|团(?:省|市|州|县|区)委|各|有关|相关")
# An unbracketed label runs to the end of its sentence (`…资助。责任单位：A、B。2.对…`), taking
# a lead convention stated right after it (`责任单位：A、B。列第一位的为牵头单位。`). It may be a
# numbered field of its heading (`（三）责任单位及承办科室：A，B。`): the marker is no part of it.
_FIELD_MARKER = r"(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}[^\S\n]*[.、]|[一二三四五六七八九十]{1,3}、)"
_LINE_LABEL = re.compile(
    r"(?m)(?:^[^\S\n]*" + _FIELD_MARKER + r"?|(?<=[。;]))[^\S\n]*"
    r"(?P<note>(?=(?:责任|牵头|负责|配合)(?:单位|部门)" + _SECOND + r"?\s*:)[^\n。]+"
    r"(?:。[ ]*" + _CONVENTION.pattern + _DITTO.pattern + r"?)?)")


def find_notes(text: str, start: int = 0, end: int | None = None, *, convention: str | None = None,
               jurisdiction: Jurisdiction = Jurisdiction(), aliases: Aliases | None = None,
               ) -> tuple[Responsibility, ...]:
    """Every responsibility note in `text[start:end]`, in order, offsets into `text`.

    `convention` is a lead convention already in force (from an earlier 下同);
    a convention stated with 下同, or in running text, holds for the notes after it.
    """
    end = len(text) if end is None else end
    aliases = aliases if aliases is not None else builtin_aliases()
    view = fold(text)
    notes = []
    # A convention stated in running text since the last note holds for the next one. The
    # text is scanned once, up to each candidate in turn (`scanned`), never again from the
    # last note: rescanning made a run of brackets that are not notes quadratic.
    scanned, pending = start, None
    for s, e in _candidates(view, start, end):
        for m in _CONVENTION.finditer(view, scanned, s):
            pending = text[m.start():m.end()]
        scanned = max(scanned, s)
        running = pending if pending is not None else convention
        closes_sentence = (s > start and view[s - 1] in "。;") or e >= end or view[e] in "。;\n"
        parsed = _parse(view, s, e, bare_ok=closes_sentence and view[s] in _OPEN, in_force=running is not None)
        if parsed is None:
            continue
        convention = running
        scanned, pending = max(scanned, e), None
        clauses, stated, ditto, deadline = parsed
        stated_text = text[stated[0]:stated[1]] if stated else None
        note = _build(text, s, e, clauses, stated_text or convention, jurisdiction, aliases)
        notes.append(replace(note, deadline=text[deadline[0]:deadline[1]]) if deadline else note)
        if stated_text and ditto:
            convention = stated_text
    return tuple(notes)


def _candidates(view: str, start: int, end: int):
    """Bracketed spans on one line, outermost only, and unbracketed labelled lines."""
    spans: list[tuple[int, int]] = []
    for i, j in _matched(view, start, end):
        if j - i < 600 and not (spans and i < spans[-1][1]):
            spans.append((i, j + 1))
    opened = [a for a, _ in spans]  # brackets, in order and disjoint: bisect, don't scan
    for m in _LINE_LABEL.finditer(view, start, end):
        s, e = m.start("note"), min(m.end(), end)
        while e > s and view[e - 1].isspace():
            e -= 1
        k = bisect_right(opened, s) - 1
        if k < 0 or s >= spans[k][1]:
            spans.append((s, e))
    spans.sort()
    return spans


def _matched(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opener, its closer) of every bracket closed on its own line, by opener: one pass
    with a stack per bracket kind (a run of 2,000 unclosed `（` is not scanned 2,000 times)."""
    pairs: list[tuple[int, int]] = []
    stacks: dict[str, list[int]] = {k: [] for k in _OPEN}
    for m in _BRACKET_OR_BREAK.finditer(view, start, end):
        ch, i = m.group(), m.start()
        if ch == "\n":
            for stack in stacks.values():
                stack.clear()
        elif ch in stacks:
            stacks[ch].append(i)
        elif stacks[_CLOSER_OF[ch]]:
            pairs.append((stacks[_CLOSER_OF[ch]].pop(), i))
    pairs.sort()
    return pairs


def _parse(view: str, s: int, e: int, bare_ok: bool = False, in_force: bool = False):
    """([(role, [(start, end, 会同-lead)])...], span of a stated convention, 下同?, span of a
    time limit) or None.

    A bracket needs a label or a verb (责任单位：, 负责, 牵头…) to be a note, except a bare
    list of units closing a sentence (`…能力。（省科技厅、省财政厅）`) while a lead
    convention holds: `bare_ok` says the bracket closes a sentence, `in_force` that a
    convention was stated before it."""
    inner_s, inner_e = (s + 1, e - 1) if view[s] in _OPEN else (s, e)
    body = view[inner_s:inner_e]
    stated = ditto = None
    tail = _TAIL.search(body)
    if tail:
        stated = (inner_s + tail.start("conv"), inner_s + tail.end("conv"))
        ditto = bool(tail.group("ditto"))
        body = body[: tail.start()]
    later = LATER.search(body)
    if later:
        body = body[: later.start()]
    body = body.rstrip("。. ")
    clauses = []
    marked = labelled = scope = False
    deadline = None
    second: str | None = None  # after a compound label's first clause: the second noun
    for cs, ce in pieces(view, inner_s, inner_s + len(body), _CLAUSE_SEP):
        if not view[cs:ce].strip():
            continue
        clause = view[cs:ce]
        lab = _LABEL.match(clause)
        if PERSON_LABEL.match(clause) or (second in PERSON_LABELS and not lab):
            continue
        if SCOPE_LABEL.match(clause) or (scope and not _LABEL.match(clause)):
            scope = True
            continue
        time_label = TIME_LABEL.match(clause)
        if time_label or TIME.match(clause):
            a = cs + (time_label.end() if time_label else len(clause) - len(clause.lstrip()))
            deadline = deadline or (a, cs + len(clause.rstrip()))
            continue
        role: str | None = None
        if lab:
            role, marked = _label_role(lab.group("label")), True
            labelled = True
            cs += lab.end()
            clause = view[cs:ce]
        elif second is not None:
            clauses.append((_LABELS.get(second.split("(")[0]) or "co", field_names(view, cs, ce)))
            continue
        if lab and lab.group("second"):
            second = lab.group("second")
            clauses.append((role, field_names(view, cs, ce)))
            continue
        second = None
        verb = _VERB.search(clause)
        if verb and verb.start() > 0:
            marked = True
            role = next((r for r in ("lead", "co", "guide") if verb.group(r)), role)
            ce = cs + verb.start()
        names = _names(view, cs, ce, listed=lab is not None)
        if names is None:
            return None
        clauses.append((role, names))
    bare = bare_ok and (in_force or stated is not None) and all(
        _GOV_NAME.match(view[a:b]) for _, ns in clauses for a, b, _ in ns)
    if not any(names for _, names in clauses) or not (marked or bare):
        return None
    if not labelled and not _unit_list(view, [n for _, ns in clauses for n in ns]):
        return None
    return clauses, stated, ditto, deadline


def _unit_list(view: str, names: list) -> bool:
    """Whether a list before a verb names units: at least half of its names end like a body's
    name (部, 委, 局, 联, 中央, 政府…) or name a group. The others are units all the same (a
    body no table knows); a list of none is a clause (`（企业自主负责）`)."""
    unit_like = sum(bool(UNIT_END.search(view[a:b].split("(")[0]) or is_collective(view[a:b]))
                    for a, b, _ in names)
    return unit_like > 0 and 2 * unit_like >= len(names)


def _names(view: str, s: int, e: int, listed: bool = False):
    """[(start, end, lead_by_会同)] of the units in one list, or None if it is no list.

    `A、B会同C负责`: A and B lead, C joins. A leading 由 (由A负责) is not part of a name.
    """
    if view.startswith("由", s):
        s += 1
    hui = _HUITONG.search(view, s, e)
    groups = [(s, hui.start(), True), (hui.end(), e, False)] if hui else [(s, e, False)]
    out = []
    for gs, ge, lead in groups:
        for a, b in pieces(view, gs, ge, SEP):
            deng = _DENG.search(view, a, b)
            for qa, qb in [(a, deng.start()), (deng.end(), b)] if deng else [(a, b)]:
                if qa == qb:
                    continue
                name = view[qa:qb]
                if len(name) > 40 or (NOT_A_LISTED_NAME if listed else _NOT_A_NAME).search(name.split("(")[0]):
                    return None
                out.append((qa, qb, lead))
    return join_levels(view, out) if out else None


def _build(text: str, s: int, e: int, clauses, convention: str | None,
           jurisdiction: Jurisdiction, aliases: Aliases) -> Responsibility:
    """Assign roles, decide the lead and normalize the names of one parsed note."""
    spans = [(a, b, role, hui) for role, names in clauses for a, b, hui in names]
    names = tuple(text[a:b] for a, b, _, _ in spans)
    normalized = normalize_units(names, jurisdiction, aliases)
    explicit = [i for i, (_, _, role, hui) in enumerate(spans) if role == "lead" or hui]
    roles = []
    for i, (a, b, role, hui) in enumerate(spans):
        if i in explicit:
            roles.append("lead")
        elif role == "guide":
            roles.append("guide")
        elif is_collective(names[i]):
            roles.append("collective")
        else:
            roles.append(role or "co")
    how: str | None = None
    assumed = False
    first: int | None = None
    if explicit:
        label = next((lab for lab, r in _LABELS.items()
                      if r == "lead" and re.search(lab[:2] + _INFIX + lab[2:] + _SECOND + r"?\s*:", fold(text[s:e]))), None)
        by_verb = "牵头" if any(spans[i][2] == "lead" for i in explicit) else "会同"
        how = label or by_verb
    else:
        single = [i for i, (_, _, role, _) in enumerate(spans) if role is None and roles[i] == "co"]
        groups = [i for i, (_, _, role, _) in enumerate(spans) if role is None]
        if single:
            roles[single[0]] = "lead"
        first = (single or groups or [None])[0]
        # A body beside a group (责任单位：省厅，各市人民政府) is one of several units: assumed.
        # Groups alone (各有关部门，各省级人民政府负责) keep the first as their lead.
        how, assumed = convention, convention is None and bool(single) and len(groups) > 1
    lead = next((i for i, r in enumerate(roles) if r == "lead"), first)
    units = tuple(Unit(names[i], normalized[i], roles[i], a, b) for i, (a, b, _, _) in enumerate(spans))
    return Responsibility(
        text=text[s:e], start=s, end=e,
        lead=names[lead] if lead is not None else None,
        lead_normalized=normalized[lead] if lead is not None else None,
        lead_assumed=assumed, convention=how, units=units)
