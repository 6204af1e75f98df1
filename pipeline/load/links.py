"""The files a web page links as its attachments (附件), and which files of a batch they are.

Comment drafts are posted as a notice page whose 附件 line links the draft itself
(`附件：<a href="/module/download/downfile.jsp?filename=be5f….pdf">…的通知 (1).pdf</a>`).
A link is an attachment when its address names a file of an office, PDF or
archive type (in its path or in a query value such as `filename=`), or its text
does, or its text starts with 附件; links in navigation, share bars and footers
are not read, and a file linked twice is listed once, in page order. Each
becomes an `Attachment` record: its number on the page, the file `name` (from
the address, else the text), the link `text`, the `href` as written, and its
span in the extracted text (the link text where the page text shows it, else
the end of the text). A batch gives an input file that is one of them (same file
name as the address or the link text, width and case aside) the page's id family
(`page--att1`), and the record its `doc_id`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, unquote, urlsplit

from ..records import describe

ATTACHMENT_SUFFIXES = frozenset({".doc", ".docx", ".wps", ".pdf", ".rtf", ".odt", ".ofd", ".xls", ".xlsx", ".et",
                                 ".zip", ".rar", ".7z"})
MAX_ATTACHMENTS = 200  # a page listing more is a file index, not a notice; bounds the search for link texts
_SUFFIX = re.compile(r"\.([A-Za-z0-9]{1,5})$")


@dataclass(frozen=True)
class Attachment:
    """A file a web page links as an attachment (附件)."""

    number: int = field(metadata=describe("the link's place among the page's attachments, from 1", minimum=1))
    name: str = field(metadata=describe("the file name: the address's last part (or its filename= value), "
                                        "else the link text", min_length=1))
    text: str = field(metadata=describe("the link text as shown"))
    href: str = field(metadata=describe("the address as written in the page"))
    doc_id: str | None = field(metadata=describe(
        "the document read from that file in the same batch (id page--attN), or null"))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        return ((self.start, self.end, "ATTACHMENT"),) if self.end > self.start else ()


def _has_suffix(value: str) -> bool:
    m = _SUFFIX.search(value.strip())
    return bool(m) and f".{m.group(1).lower()}" in ATTACHMENT_SUFFIXES


def file_name(href: str) -> str | None:
    """The file an address names: its last path part, or a query value, with an attachment suffix."""
    parts = urlsplit(href.strip())
    last = unquote(PurePosixPath(parts.path).name)
    if _has_suffix(last):
        return last
    for _, value in parse_qsl(parts.query):
        value = PurePosixPath(unquote(value)).name
        if _has_suffix(value):
            return value
    return None


def links(root, skip: set, text: str) -> tuple[Attachment, ...]:
    """The attachment links of a parsed page (outside `skip`), placed in its extracted `text`."""
    found: list[Attachment] = []
    seen: set[str] = set()
    at = 0
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")) or _inside(a, skip):
            continue
        label = " ".join(a.text_content().split())
        name = file_name(href)
        if name is None and not (_has_suffix(label) or label.startswith("附件")):
            continue
        if href in seen:
            continue
        if len(found) == MAX_ATTACHMENTS:
            break
        seen.add(href)
        start = text.find(label, at) if label else -1
        if start < 0:
            start = text.find(label) if label else -1
        start, end = (start, start + len(label)) if start >= 0 else (len(text), len(text))
        at = max(at, end)
        found.append(Attachment(len(found) + 1, name or label or href, label, href, None, start, end))
    return tuple(found)


def _inside(el, skip: set) -> bool:
    while el is not None:
        if el in skip:
            return True
        el = el.getparent()
    return False


def _key(value: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).casefold()


def is_attachment_file(attachment: Attachment, path: str) -> bool:
    """Whether the file at `path` is the one the link names (by the address's file name or the link text)."""
    name = PurePosixPath(path.replace("\\", "/")).name
    stem = name.rsplit(".", 1)[0]
    wanted = {_key(attachment.name), _key(attachment.text)}
    return _key(name) in wanted or (not _has_suffix(attachment.text) and _key(stem) == _key(attachment.text))
