"""Load a file into a `Source`: decoded text (text files) or extracted text (HTML).

Text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of
GBK and GB2312). The decoded text is kept exactly, line endings included: every
offset the pipeline reports points into it. HTML goes through lxml with no
network and no entity resolution; block elements become line breaks.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import InputError
from .model import Source

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

BLOCK_TAGS = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "section", "article", "blockquote", "pre", "ul", "ol", "dd", "dt", "center", "hr",
}
SKIP_TAGS = {"script", "style", "noscript", "head", "title", "template", "iframe"}


def load(path: str | Path) -> Source:
    """Read and decode one file; raise `InputError` with a one-line reason."""
    p = Path(path)
    name = p.name
    if p.is_dir():
        raise InputError("is a folder, not a file", name)
    try:
        data = p.read_bytes() if p.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from None
    if data is None:
        raise InputError(f"file larger than {MAX_BYTES // (1024 * 1024)} MB", name)
    return load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> Source:
    """Decode `data` named `name` (the suffix picks the format; content can override)."""
    if not data.strip():
        raise InputError("empty file", name)
    suffix = Path(name).suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(data)):
        text, encoding = _html_text(data, name)
        return Source(name=name, format="html", encoding=encoding, sha256=digest, text=text)
    text, encoding = decode_text(data, name)
    return Source(name=name, format="text", encoding=encoding, sha256=digest, text=text)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8/UTF-16 (by BOM) or GB18030; refuse binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _decode(data, "gb18030", name)
    if _control_ratio(text) > 0.01 or not _has_cjk(text):
        raise InputError("undecodable bytes: neither UTF-8 nor GB18030 text", name)
    return text, "gb18030"


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable bytes as {encoding} at byte {exc.start}", name) from None


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bad / max(len(text), 1)


def _has_cjk(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<div", b"<p", b"<table", b"<meta"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def _html_text(data: bytes, name: str) -> tuple[str, str]:
    """Extract the text of an HTML page, block elements as line breaks."""
    from lxml import etree, html

    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in {"gb2312", "gbk", "gb18030"}:
        markup, encoding = _decode(data, "gb18030", name), "gb18030"
    elif declared and declared not in {"utf-8", "utf8"}:
        try:
            markup, encoding = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            markup, encoding = decode_text(data, name)
    else:
        markup, encoding = decode_text(data, name)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"broken HTML ({exc})", name) from None
    parts: list[str] = []
    _collect(root, parts)
    text = re.sub(r"[ \t\u00a0\u3000]*\n[ \t\n\u00a0\u3000]*", "\n", "".join(parts)).strip("\n ")
    if not text.strip():
        raise InputError("HTML has no text", name)
    return text + "\n", encoding


def _collect(el, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.split("}")[-1].lower()
    if tag in SKIP_TAGS:
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in BLOCK_TAGS or tag in {"td", "th"}
    if block:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        _collect(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)
