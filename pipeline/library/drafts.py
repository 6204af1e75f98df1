"""The comment drafts in the library: deadline, contact and feedback channels; as tables or a calendar.

A draft is a document with a draft status (征求意见稿, 草案…) or a comment deadline.
It is open while its deadline has not passed (a deadline with no time of day runs
to the end of that day, China time). Open drafts come first, soonest deadline
first; then the closed ones, latest deadline first; then those with no deadline.
The calendar (`to_ics`, the `icalendar` package) has one event per deadline with a
reminder the day before, in the Asia/Shanghai time zone, for Outlook and 日历.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..errors import InputError
from .families import DRAFT_ORDER

CHINA = ZoneInfo("Asia/Shanghai")
COLUMNS = ("document_id", "policy_id", "title", "status", "issuer", "deadline", "open", "contact_name",
           "contact_phone", "feedback", "source_path")


@dataclass(frozen=True)
class Draft:
    """A comment draft and how to comment on it."""

    document_id: int
    policy_id: int
    title: str
    status: str | None
    issuer: str | None
    deadline: str | None
    open: bool
    contact_name: str | None
    contact_phone: str | None
    feedback: tuple[str, ...]
    source_path: str | None
    content_hash: str
    added_at: str


def drafts(conn: sqlite3.Connection, now: datetime | None = None, open_only: bool = False) -> list[Draft]:
    """Every comment draft (only the open ones with `open_only`), open first by deadline."""
    now = (now or datetime.now(CHINA)).astimezone(CHINA).replace(tzinfo=None)
    marks = ", ".join("?" * len(DRAFT_ORDER))
    rows = conn.execute(
        "SELECT id, policy_id, coalesce(title, letter_title, doc_id) AS title, status, issuer, comment_deadline, "
        "contact_name, contact_phone, feedback, source_path, content_hash, added_at FROM documents "
        f"WHERE comment_deadline IS NOT NULL OR status IN ({marks})", DRAFT_ORDER).fetchall()
    found = [Draft(r["id"], r["policy_id"], r["title"], r["status"], r["issuer"], r["comment_deadline"],
                   _is_open(r["comment_deadline"], now), r["contact_name"], r["contact_phone"],
                   tuple((r["feedback"] or "").splitlines()), r["source_path"], r["content_hash"], r["added_at"])
             for r in rows]
    opened = sorted((d for d in found if d.open), key=lambda d: (d.deadline, d.document_id))
    closed = sorted((d for d in found if not d.open and d.deadline), key=lambda d: (d.deadline, -d.document_id),
                    reverse=True)
    undated = sorted((d for d in found if not d.deadline), key=lambda d: d.document_id)
    return opened if open_only else opened + closed + undated


def _is_open(deadline: str | None, now: datetime) -> bool:
    if not deadline:
        return False
    try:
        return _end(deadline) >= now
    except ValueError:  # a deadline the letter reader could not make a date of
        return False


def _end(deadline: str) -> datetime:
    """The last moment of a deadline (`2024-11-13T17:00`, or `2024-11-13`: the end of that day)."""
    if "T" in deadline:
        return datetime.fromisoformat(deadline)
    return datetime.combine(date.fromisoformat(deadline), datetime.max.time())


def _cells(d: Draft) -> dict:
    out = asdict(d)
    out["feedback"] = list(d.feedback)
    return {k: out[k] for k in COLUMNS}


def to_json(found: list[Draft]) -> str:
    return json.dumps([_cells(d) for d in found], ensure_ascii=False, indent=2) + "\n"


def to_csv(found: list[Draft]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in found:
        cells = _cells(d)
        cells["feedback"] = "; ".join(d.feedback)
        cells["open"] = "yes" if d.open else "no"
        writer.writerow(["" if cells[k] is None else cells[k] for k in COLUMNS])
    return buf.getvalue()


def to_markdown(found: list[Draft]) -> str:
    if not found:
        return "No comment drafts in the library.\n"
    lines = ["| id | title | status | deadline | open | contact | feedback |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for d in found:
        contact = " ".join(x for x in (d.contact_name, d.contact_phone) if x)
        cells = [str(d.document_id), d.title, d.status or "", (d.deadline or "").replace("T", " "),
                 "open" if d.open else "closed" if d.deadline else "", contact, "<br>".join(d.feedback)]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def to_ics(found: list[Draft]) -> bytes:
    """An iCalendar file: one event per comment deadline, with a reminder the day before."""
    try:
        from icalendar import Alarm, Calendar, Event
    except ImportError:
        raise InputError("--ics needs the icalendar package: pip install 'policy-pipeline[ics]'") from None
    cal = Calendar()
    cal.add("prodid", "-//policy-pipeline//comment deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "征求意见截止日期")
    for d in found:
        if not d.deadline:
            continue
        event = Event()
        event.add("uid", f"{d.content_hash[:32]}@policy-pipeline")
        event.add("dtstamp", datetime.fromisoformat(d.added_at.replace("Z", "+00:00")))
        event.add("summary", f"征求意见截止：{d.title}")
        try:
            if "T" in d.deadline:
                end = datetime.fromisoformat(d.deadline).replace(tzinfo=CHINA)
                event.add("dtstart", end - timedelta(minutes=30))
                event.add("dtend", end)
            else:
                day = date.fromisoformat(d.deadline)
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
        except ValueError:
            continue
        event.add("description", _description(d))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"明日截止：{d.title}")
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _description(d: Draft) -> str:
    lines = [d.title]
    if d.issuer:
        lines.append(f"发布机关：{d.issuer}")
    contact = " ".join(x for x in (d.contact_name, d.contact_phone) if x)
    if contact:
        lines.append(f"联系人：{contact}")
    lines += [f"意见反馈：{f}" for f in d.feedback]
    if d.source_path:
        lines.append(f"文件：{d.source_path}")
    return "\n".join(lines)
