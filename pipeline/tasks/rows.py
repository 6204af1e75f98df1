"""The 任务分工表 (task allocation table): one row per measure, who leads, who joins, by when,
with what money, grouped by the parts and actions the measures sit in.

A unit that only guides a measure (`（生态环境部、住房城乡建设部指导）`) neither leads nor joins it:
it is listed in the 配合单位 cell after the joining units, under its own label `指导：`, and
counted apart.

Rows come from the responsibility notes attached to the document: a measure's
row gathers the notes of the measure and of everything under it. A node that holds
a note but sits in no measure (a part or article with its own note) gets its own row.
Names are the full normalized ones. A document whose rows name no unit (a law,
a 决定, measures without notes) has no table. Reads the `responsibilities`, `money` and `support` layers.

"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..kinds import CONTAINER_KINDS
from ..model import Document, Layer, Node

# The columns of the table as an office prints it.
HEADERS = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "资金支持")
# Money roles that are support promised (a grant, a rate of support, its cap, a fund);
# thresholds, shares, budget growth, fines and fees are not.
SUPPORT_ROLES = frozenset({"grant", "rate", "cap", "fund_size"})
_CLAUSE_END = re.compile(r"[，。；：,;:！？!?\n]")


@dataclass(frozen=True)
class TaskRow:
    """One measure: printed number, short title, the full task text (notes taken out), lead,
    co- and guiding units (normalized; a unit is in one of them, the first that applies), the
    time limits its notes state, the support it promises as written, and the headings of the
    parts/actions it sits in (outermost first)."""

    node_id: str
    number: str
    title: str
    lead: tuple[str, ...]
    co: tuple[str, ...]
    money: tuple[str, ...]
    deadline: str = ""
    text: str = ""
    groups: tuple[str, ...] = ()
    guide: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.node_id, "number": self.number, "title": self.title, "text": self.text,
                "lead": list(self.lead), "co": list(self.co), "guide": list(self.guide), "deadline": self.deadline, "money": list(self.money),
                "groups": list(self.groups)}

    def cells(self, serial: int, between: str = "；") -> tuple[str | int, ...]:
        """The office columns (`HEADERS`), numbered `serial`; support clauses joined by `between`, and
        by it too the joining units from the guiding ones (`供销合作总社；指导：商务部`)."""
        others = ["、".join(self.co)] if self.co else []
        if self.guide:
            others.append("指导：" + "、".join(self.guide))
        return (serial, self.text or self.title, "、".join(self.lead), between.join(others), self.deadline,
                between.join(self.money))


@dataclass(frozen=True)
class Heading:
    """A group row: the heading of a part (level 0) or of an action inside it (level 1)."""

    level: int
    text: str


@dataclass(frozen=True)
class TaskTable:
    """The table of one document: its title row and its rows in document order."""

    title: str
    rows: tuple[TaskRow, ...]

    def grouped(self) -> Iterable[Heading | tuple[int, TaskRow]]:
        """Group rows and task rows in reading order: a `Heading` where a part or action
        begins (levels shared by every row left out), `(serial, row)` for each task."""
        depth = _shared_depth([r.groups for r in self.rows])
        previous: tuple[str, ...] = ()
        for serial, row in enumerate(self.rows, 1):
            groups = row.groups[depth:]
            same = 0
            while same < min(len(groups), len(previous)) and groups[same] == previous[same]:
                same += 1
            for level in range(same, len(groups)):
                yield Heading(level, groups[level])
            previous = groups
            yield (serial, row)


def _shared_depth(paths: list[tuple[str, ...]]) -> int:
    """How many leading groups every row shares (printing them once per row group says nothing)."""
    if not paths:
        return 0
    depth = 0
    while all(len(p) > depth for p in paths) and len({p[depth] for p in paths}) == 1:
        depth += 1
    return depth


def task_table(doc: Document) -> TaskTable:
    """The document's table: its title row and rows (no rows: the document has no measures with notes)."""
    return TaskTable(table_title(doc), task_rows(doc))


def table_title(doc: Document) -> str:
    """The document's own 附件 title when an attachment is a 分工 table, else 《title（status）》重点任务分工表."""
    for node in doc.nodes():
        if node.kind == "attachment":
            heading = doc.text[node.start:node.own_end].strip().splitlines()
            for line in heading[:3]:
                name = re.sub(r"^附\s*件\s*\d*\s*[:：.．、]?\s*", "", line.strip())
                if re.search(r"分工|任务清单|责任清单", name) and len(name) <= 80:
                    return name
    title = doc.title or doc.doc_id
    if doc.status and doc.status not in title:
        title += f"（{doc.status}）"
    return f"《{title}》重点任务分工表"


def task_rows(doc: Document) -> tuple[TaskRow, ...]:
    """The rows of the table, in document order."""
    notes = doc.layer("responsibilities")
    return tuple(_row(doc, node, groups) for node, groups in _task_nodes(doc, doc.root, notes, ()))


def _task_nodes(doc: Document, node: Node, notes: Layer, groups: tuple[str, ...]):
    """Measures, and nodes outside any measure that hold notes themselves, with their groups."""
    if node.kind == "measure":
        yield node, groups
        return
    if notes.of(node.id):
        yield node, groups
    inner = groups + (_heading(doc, node),) if node.kind in CONTAINER_KINDS else groups
    for child in node.children:
        yield from _task_nodes(doc, child, notes, inner)


def _heading(doc: Document, node: Node) -> str:
    """A part's or action's heading as printed: marker and title (二、重点任务)."""
    if node.title:
        return f"{node.marker or ''}{node.title}"
    return " ".join(doc.text[node.start:node.own_end].split())[:60]


def _row(doc: Document, node: Node, groups: tuple[str, ...]) -> TaskRow:
    nodes = list(node.walk()) if node.kind == "measure" else [node]
    notes = [r for n in nodes for r in doc.layer("responsibilities").of(n.id)]
    lead: dict[str, None] = {}
    co: dict[str, None] = {}
    guide: dict[str, None] = {}
    for note in notes:
        leads = [u.normalized for u in note.units if u.role == "lead"]
        for name in leads or ([note.lead_normalized] if note.lead_normalized else []):
            lead.setdefault(name)
    for note in notes:
        for unit in note.units:
            if unit.normalized not in lead and unit.role != "guide":
                co.setdefault(unit.normalized)
    for note in notes:
        for unit in note.units:
            if unit.role == "guide" and unit.normalized not in lead and unit.normalized not in co:
                guide.setdefault(unit.normalized)
    deadline = "；".join(dict.fromkeys(note.deadline for note in notes if note.deadline))
    end = node.end if node.kind == "measure" else node.own_end
    text = task_text(doc.text, node.start, end, node.marker, [(n.start, n.end) for n in notes if n.source == "text"])
    title = node.title or text[:40]
    return TaskRow(node.id, node.num or "", title, tuple(lead), tuple(co), support_text(doc, nodes), deadline,
                   text, groups, tuple(guide))


def task_text(text: str, start: int, end: int, marker: str | None, cut: list[tuple[int, int]]) -> str:
    """`text[start:end]` without its marker and without the spans `cut` (the notes, which have
    their own columns); spaces collapsed, paragraph breaks kept as one line break.

        "6.强化…最高支持500万元。(责任单位:市科学技术局…)\\n" -> "强化…最高支持500万元。"
    """
    pieces, at = [], start
    for s, e in sorted(cut):
        if s >= at and e <= end:
            pieces.append(text[at:s])
            at = e
    pieces.append(text[at:end])
    body = "".join(pieces).strip()
    if marker and body.startswith(marker):
        body = body[len(marker):]
    lines = (" ".join(line.split()) for line in body.splitlines())
    return "\n".join(line for line in lines if line)


def support_text(doc: Document, nodes: list[Node]) -> tuple[str, ...]:
    """The support the nodes promise, as written: the clause around each grant, rate, cap or
    fund size (not thresholds), then each promise without a number; repeats left out.

        ("对研发投入年增量在1000万元及以上的规上企业,按照研发投入年增量的10%给予科技经费支持",
         "单个企业每年最高支持300万元", …)
    """
    clauses: dict[str, None] = {}
    for n in nodes:
        for term in doc.layer("money").of(n.id):
            if term.role in SUPPORT_ROLES:
                clauses.setdefault(_clause(doc.text, term.start, term.end))
    for n in nodes:
        for promise in doc.layer("support").of(n.id):
            if not any(promise.text in c or c in promise.text for c in clauses):
                clauses.setdefault(promise.text)
    return tuple(clauses)


def _clause(text: str, start: int, end: int) -> str:
    """The clause holding `[start, end)`, from the punctuation before it to the punctuation after,
    with the clause before it when that one names the recipient (对…的企业，一次性给予10万元)."""
    s = _clause_start(text, start)
    if s > 1 and text[s - 1] in "，," and not text[s:start].lstrip().startswith("对"):
        before = _clause_start(text, s - 1)
        if text[before:s].lstrip().startswith("对"):
            s = before
    e = end
    while e < len(text) and not _CLAUSE_END.match(text[e]):
        e += 1
    return " ".join(text[s:e].split())


def _clause_start(text: str, at: int) -> int:
    while at > 0 and not _CLAUSE_END.match(text[at - 1]):
        at -= 1
    return at


@dataclass(frozen=True)
class UnitCount:
    """How many task rows one unit leads, joins and (only) guides."""

    name: str
    leads: int
    joins: int
    guides: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "leads": self.leads, "joins": self.joins, "guides": self.guides}


def unit_counts(rows: Iterable[TaskRow]) -> tuple[UnitCount, ...]:
    """Each unit with the number of rows it leads, joins and guides; most leads first, then
    most joins, then most guides, then by name."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        for k, names in enumerate((row.lead, row.co, row.guide)):
            for name in names:
                counts.setdefault(name, [0, 0, 0])[k] += 1
    units = [UnitCount(n, *c) for n, c in counts.items()]
    return tuple(sorted(units, key=lambda c: (-c.leads, -c.joins, -c.guides, c.name)))
