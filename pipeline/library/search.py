"""Full-text search over clause text (SQLite FTS5) that finds two-character Chinese words.

FTS5's `unicode61` tokenizer keeps a run of Han characters as one token (补贴资金
is one word to it) and `trigram` cannot match a query under three characters, so
the index holds another form of each node's own text: its overlapping character
bigrams within each run of letters and digits, the run's last character alone
after them (width-folded, lower case):

    grams("给予补贴。") -> "给予 予补 补贴 贴"

A query of two or more characters is the phrase of its bigrams ("科技创新" ->
"科技 技创 创新"), which matches exactly where the text holds it; one character is
a prefix query ("补"*), which the run-final characters make complete. Query words
separated by spaces or punctuation must all occur. Snippets come from the
original text, never from the index (which keeps no text: `content=''`).
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from ..errors import InputError
from ..normalize import fold
from .families import DRAFT_ORDER

_RUN = re.compile(r"[^\W_]+")
_SINCE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SPACE = re.compile(r"\s+")


def grams(text: str) -> str:
    """The indexed form of `text`: bigrams of each run of letters and digits, then its last character."""
    out: list[str] = []
    for run in _RUN.findall(fold(text).lower()):
        out += [run[i:i + 2] for i in range(len(run) - 1)]
        out.append(run[-1])
    return " ".join(out)


def terms(query: str) -> list[str]:
    """The words of a query, as they are matched: `"补贴 人才"` -> ['补贴', '人才']."""
    return _RUN.findall(fold(query).lower())


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for a query (every word must occur)."""
    words = terms(query)
    if not words:
        raise InputError(f"nothing to search for in {query!r}: give words or numbers")
    return " AND ".join(f'"{w}"*' if len(w) == 1 else '"' + " ".join(w[i:i + 2] for i in range(len(w) - 1)) + '"'
                        for w in words)


@dataclass(frozen=True)
class Hit:
    """A clause that holds every word of the query."""

    document_id: int
    document: str
    status: str | None
    date: str | None
    issuer: str | None
    node: int
    node_id: str
    path: str | None
    kind: str
    title: str | None
    snippet: str


def search(conn: sqlite3.Connection, query: str, issuer: str | None = None, status: str | None = None,
           since: str | None = None, mark: tuple[str, str] = ("**", "**")) -> list[Hit]:
    """Every clause (node, by its own text) holding the query, best first.

    `issuer` is part of the issuer's name; `status` a status as stored, `draft` (any
    draft) or `final`; `since` a date or its start (2024, 2024-10) on or after which
    the document is dated.
    """
    sql = ["SELECT n.id, n.document_id, n.node_id, n.path, n.kind, n.title AS node_title, n.text,",
           "coalesce(d.title, d.doc_id) AS document, d.status, d.issuer, coalesce(d.date, d.letter_date) AS date",
           "FROM clauses_fts JOIN nodes n ON n.id = clauses_fts.rowid JOIN documents d ON d.id = n.document_id",
           "WHERE clauses_fts MATCH ?"]
    params: list = [match_expression(query)]
    if issuer:
        sql.append("AND d.issuer LIKE ?")
        params.append(f"%{issuer}%")
    if status in ("draft", "final"):
        drafts = ", ".join("?" * len(DRAFT_ORDER))
        sql.append(f"AND d.status IN ({drafts})" if status == "draft"
                   else f"AND (d.status IS NULL OR d.status NOT IN ({drafts}))")
        params += DRAFT_ORDER
    elif status:
        sql.append("AND d.status = ?")
        params.append(status)
    if since:
        if not _SINCE.fullmatch(since):
            raise InputError(f"--since wants a date such as 2024, 2024-10 or 2024-10-13, not {since!r}")
        sql.append("AND coalesce(d.date, d.letter_date) >= ?")
        params.append(since)
    sql.append("ORDER BY clauses_fts.rank, n.document_id, n.position")
    words = terms(query)
    return [Hit(r["document_id"], r["document"], r["status"], r["date"], r["issuer"], r["id"], r["node_id"],
                r["path"], r["kind"], r["node_title"], snippet(r["text"], words, mark=mark))
            for r in conn.execute("\n".join(sql), params)]


def snippet(text: str, words: list[str], width: int = 60, mark: tuple[str, str] = ("**", "**")) -> str:
    """The text around the first hit of each word (about `width` characters in all), every hit
    in it marked, whitespace squeezed, cuts shown with …."""
    folded = fold(text).lower()
    spans = sorted((m.start(), m.start() + len(w)) for w in words for m in re.finditer(re.escape(w), folded))
    if not spans:
        return _SPACE.sub(" ", text[:width]).strip()
    share = max(width // max(len(words), 1), 16)
    windows: list[list[int]] = []
    for w in words:
        first = next((s for s in spans if folded.startswith(w, s[0])), None)
        if first is None:
            continue
        lo = max(0, first[0] - share // 3)
        windows.append([lo, min(len(text), lo + share)])
    windows.sort()
    merged = [windows[0]]
    for lo, hi in windows[1:]:
        if lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    pieces = []
    for lo, hi in merged:
        out, at = [], lo
        for start, end in spans:
            if start >= at and end <= hi:
                out += [text[at:start], mark[0], text[start:end], mark[1]]
                at = end
        out.append(text[at:hi])
        pieces.append(_SPACE.sub(" ", "".join(out)).strip())
    return ("…" if merged[0][0] > 0 else "") + " … ".join(pieces) + ("…" if merged[-1][1] < len(text) else "")
