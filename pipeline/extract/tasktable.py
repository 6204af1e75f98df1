"""Responsibilities from a task-allocation table (任务分工表), attached to the measures it names.

Many drafts put who-does-what in a table in 附件 rather than (or as well as) in
notes after each measure. `pipeline.extract.table_rows.task_rows` reads the rows; here
each row becomes a `Responsibility` whose units are the lead cell (role lead)
and the unit cell (co, or collective for 各旗县区 / 有关部门), normalized like
the notes (`normalize_units`, one list per row so 市科技局、发展和改革委员会 carries
市 on). The row names its measure by title (`布局一批重大科技基础设施`, or the whole
measure text) or by number: a `3.` printed in the task cell, or the 序号 when the
table numbers its rows by measure (its rows matched by title all have 序号 = the
measure's number). Numbers count only where the document's measure numbers are
unique. A row that names no measure is not attached; it raises W303.

With no lead column, the first unit of the cell leads: by a convention the
document states (列第一位的为牵头单位), by `（牵头）` after a name, else assumed
(W302, as for notes).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..cnnum import parse_int
from ..markers import match_marker
from ..model import Document, Node
from ..normalize import fold
from ..warnings import Finding, finding
from .aliases import Aliases
from .table_rows import Cell, TaskRow, columns, split_units, tables, task_rows
from .units import _CONVENTION, Responsibility, Unit
from .unitnames import Jurisdiction, is_collective, normalize_units

_LEAD_MARK = re.compile(r"\s*\(\s*牵头\s*\)$")
_NOT_KEY = re.compile(r"[\W_]+")
_MIN_TITLE = 4
_LABEL_CHARS = 40


def table_responsibilities(doc: Document, jurisdiction: Jurisdiction, aliases: Aliases,
                           ) -> tuple[list[tuple[str, Responsibility]], tuple[Finding, ...]]:
    """(measure id, note) for each table row that names a measure, and warnings (W302, W303)."""
    rows = task_rows(doc.text)
    if not rows:
        return [], ()
    convention = _stated_convention(doc.text)
    table_of, lead_headers = _table_facts(doc.text)
    measures = [n for n in doc.nodes() if n.kind == "measure" and not _overlaps(n, rows)]
    targets = _targets(rows, table_of, measures)
    added: list[tuple[str, Responsibility]] = []
    warnings: list[Finding] = []
    for row, node in zip(rows, targets):
        if node is None:
            label = row.task.text[:_LABEL_CHARS] if row.task else (row.seq.text if row.seq else "")
            warnings.append(finding("W303", label, row.start, row.end))
            continue
        note = _note(doc.text, row, lead_headers.get(row.start), convention, jurisdiction, aliases)
        if note is None:
            continue
        if note.lead_assumed:
            warnings.append(finding("W302", str(note.lead), note.start, note.end))
        added.append((node.id, note))
    return added, tuple(warnings)


def _overlaps(node: Node, rows: tuple[TaskRow, ...]) -> bool:
    return any(node.start < r.end and r.start < node.end for r in rows)


def _table_facts(text: str) -> tuple[dict[int, int], dict[int, str]]:
    """Row start -> index of its table, and -> the header of its table's lead column (the
    wording that makes the cell lead), for the rows of tables that have one."""
    table_of: dict[int, int] = {}
    lead_header: dict[int, str] = {}
    for number, table in enumerate(tables(text)):
        index = columns(table.rows[0]).get("lead")
        for row in table.rows[1:]:
            table_of[row[0].start] = number
            if index is not None:
                lead_header[row[0].start] = table.rows[0][index].text
    return table_of, lead_header


def _stated_convention(text: str) -> str | None:
    """A lead convention stated anywhere in the document (列第一位的为牵头单位)."""
    m = _CONVENTION.search(fold(text))
    return text[m.start():m.end()] if m else None


def _key(text: str) -> str:
    """Text compared for matching: folded, without spaces and punctuation."""
    return _NOT_KEY.sub("", fold(text))


def _task_parts(cell: Cell | None) -> tuple[int | None, str]:
    """A measure number printed at the start of the task cell (`3.`), and the task's heading key."""
    if cell is None:
        return None, ""
    folded = fold(cell.text)
    marker = match_marker(folded, cell.text)
    number = marker.ordinal if marker and marker.type == "arabic" else None
    rest = cell.text[marker.end:] if marker else cell.text
    heading = re.split(r"[。;；:：]", fold(rest), maxsplit=1)[0]
    return number, _key(heading)


def _seq(row: TaskRow) -> int | None:
    try:
        return parse_int(row.seq.text.rstrip(".、")) if row.seq else None
    except ValueError:
        return None


def _by_title(heading: str, measures: list[Node]) -> Node | None:
    """The one measure whose title is the heading, else the one whose title contains it or is contained."""
    if len(heading) < _MIN_TITLE:
        return None
    keys = [(m, _key(m.title or "")) for m in measures]
    exact = [m for m, k in keys if k == heading]
    if len(exact) == 1:
        return exact[0]
    near = [m for m, k in keys if len(k) >= _MIN_TITLE and (k in heading or heading in k)]
    return near[0] if len(near) == 1 else None


def _targets(rows: tuple[TaskRow, ...], table_of: dict[int, int], measures: list[Node]) -> list[Node | None]:
    """The measure each row names, or None (`table_of`: row start -> its table)."""
    numbers: dict[int, list[Node]] = {}
    for m in measures:
        if m.ordinal is not None:
            numbers.setdefault(m.ordinal, []).append(m)
    unique = {k: v[0] for k, v in numbers.items() if len(v) == 1}
    parts = [_task_parts(r.task) for r in rows]
    titled = [_by_title(heading, measures) for _, heading in parts]
    disagree = {table_of[r.start] for r, m in zip(rows, titled) if m is not None and _seq(r) != m.ordinal}
    by_number = {table_of[r.start] for r, m in zip(rows, titled) if m is not None} - disagree
    out: list[Node | None] = []
    for row, (printed, _), node in zip(rows, parts, titled):
        if node is None and printed is not None:
            node = unique.get(printed)
        if node is None and table_of[row.start] in by_number and _seq(row) is not None:
            node = unique.get(_seq(row))
        out.append(node)
    return out


def _note(text: str, row: TaskRow, lead_header: str | None, convention: str | None,
          jurisdiction: Jurisdiction, aliases: Aliases) -> Responsibility | None:
    """The row's units with roles and normalized names; None when it names no unit."""
    spans: list[tuple[Cell, str | None]] = []
    if row.lead:
        spans += [(c, "lead") for c in split_units(row.lead)]
    if row.units:
        spans += [(c, None) for c in split_units(row.units)]
    marked = []
    for cell, role in spans:
        mark = _LEAD_MARK.search(fold(cell.text))
        if mark and mark.start() > 0:
            cell, role = Cell(cell.text[:mark.start()], cell.start, cell.start + mark.start()), "lead"
        marked.append((cell, role, bool(mark and mark.start() > 0)))
    if not marked:
        return None
    normalized = normalize_units(tuple(c.text for c, _, _ in marked), jurisdiction, aliases)
    units: list[Unit] = []
    seen: set[str] = set()
    for (cell, role, _), full in zip(marked, normalized):
        if full in seen:
            continue
        seen.add(full)
        units.append(Unit(cell.text, full, role or ("collective" if is_collective(cell.text) else "co"),
                          cell.start, cell.end))
    units, how, assumed = _decide_lead(units, lead_header, any(m for _, _, m in marked), convention)
    lead = next((u for u in units if u.role == "lead"), units[0])
    return Responsibility(
        text=text[row.start:row.end], start=row.start, end=row.end,
        lead=lead.name, lead_normalized=lead.normalized, lead_assumed=assumed, convention=how,
        units=tuple(units), deadline=row.deadline.text if row.deadline else None, source="table")


def _decide_lead(units: list[Unit], lead_header: str | None, marked: bool, convention: str | None,
                 ) -> tuple[tuple[Unit, ...], str | None, bool]:
    """The units with a lead, the wording that decided it, and whether it was assumed.

    A lead cell (its header decides) or a `（牵头）` mark decide; else the first single
    unit leads, by the document's convention or assumed when there are several.
    """
    if any(u.role == "lead" for u in units):
        return tuple(units), ("牵头" if marked else lead_header), False
    single = [i for i, u in enumerate(units) if u.role == "co"]
    if single:
        u = units[single[0]]
        units = units[:single[0]] + [replace(u, role="lead")] + units[single[0] + 1:]
    return tuple(units), convention, convention is None and len(single) > 1
