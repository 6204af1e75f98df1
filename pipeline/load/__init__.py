"""Load a file into a `Source`: decoded text, or text extracted from HTML, DOCX or PDF.

The suffix picks the reader; content is sniffed only for names without a suffix
(standard input, named `stdin`, so HTML, DOCX, PDF or a Word 97 file can be piped
in), and a file whose content contradicts its suffix is refused. Text files keep
their decoded text exactly (every offset points into it); HTML, DOCX and PDF
yield an extracted text, plus metadata pairs and per-block provenance where the
format has them; .doc, .wps, .rtf and .odt are converted to DOCX by LibreOffice
first (see `office`). A `METADATA.tsv` beside a file adds what the text does not
state (see `sidecar`). Anything unreadable or hostile is a one-line `InputError`;
see `guard` for the limits.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Conversion, Source
from .guard import MAX_BYTES, check_size, open_zip
from .office import OFFICE_SUFFIXES
from .sidecar import sidecar_metadata
from .text import decode_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
DOCX_SUFFIXES = frozenset({".docx"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | frozenset(OFFICE_SUFFIXES)
# What sites post under a Word name is not always Word 97: Word itself saves and opens DOCX, RTF and
# HTML ("Web Page") under .doc, so those are read for what they are.
WORD_NAMES = frozenset({".doc", ".wps"})
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound document: Word 97 .doc, Kingsoft .wps
_ODT_MIME = b"application/vnd.oasis.opendocument.text"

STDIN_NAME = "stdin"

__all__ = ["load", "load_bytes", "load_stream", "STDIN_NAME", "decode_text", "SUPPORTED_SUFFIXES", "MAX_BYTES"]


def load(path: str | Path) -> Source:
    """Read and load one file; raise `InputError` with a one-line reason."""
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder, not a file", p.name)
    try:
        check_size(p.stat().st_size, p.name)
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from None
    check_size(len(data), p.name)
    source = load_bytes(data, p.name)
    extra = sidecar_metadata(p)
    return replace(source, metadata=source.metadata + extra) if extra else source


def load_stream(stream: BinaryIO, name: str = STDIN_NAME) -> Source:
    """Read a byte stream (standard input) up to the size limit; its content decides the format."""
    data = stream.read(MAX_BYTES + 1)
    check_size(len(data), name)
    return load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> Source:
    """Load `data` named `name`: the suffix picks the format, content can override."""
    check_size(len(data), name)
    if not data.strip():
        raise InputError("empty file", name)
    kind = sniff(data, Path(name).suffix.lower(), name)
    digest = hashlib.sha256(data).hexdigest()
    if kind == "html":
        from .html import extract_html

        page = extract_html(data, name)
        return Source(name=name, format="html", encoding=page.encoding, sha256=digest,
                      text=page.text, metadata=page.metadata, blocks=page.blocks, annotations=page.annotations)
    if kind == "docx" or kind in OFFICE_SUFFIXES.values():
        from .docx import extract_docx

        conversion = None
        if kind != "docx":
            from .office import convert_to_docx

            converted = convert_to_docx(data, name, kind)
            data = converted.docx
            conversion = Conversion(kind, "docx", converted.converter, converted.version)
        doc = extract_docx(data, name)
        return Source(name=name, format=kind, encoding="utf-8", sha256=digest, text=doc.text,
                      metadata=doc.metadata, blocks=doc.blocks, conversion=conversion, annotations=doc.annotations)
    if kind == "pdf":
        from .pdf import extract_pdf

        pdf = extract_pdf(data, name)
        return Source(name=name, format="pdf", encoding="pdf-text-layer", sha256=digest,
                      text=pdf.text, metadata=pdf.metadata, blocks=pdf.blocks)
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise InputError("empty file (only a byte-order mark or spaces)", name)
    return Source(name=name, format="text", encoding=encoding, sha256=digest, text=text)


def sniff(data: bytes, suffix: str, name: str) -> str:
    """The reader for `data`: `text`, `html`, `docx`, `pdf`, or a format to convert (`doc`, `wps`, `rtf`, `odt`)."""
    if data.startswith(b"%PDF-") and suffix in PDF_SUFFIXES | {""}:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        odt = data[30:38] == b"mimetype" and data[38:38 + len(_ODT_MIME)] == _ODT_MIME
        if suffix == ".odt" or (suffix == "" and odt):
            if not odt:
                raise InputError("not an OpenDocument text (zip without its mimetype)", name)
            open_zip(data, name)  # the zip-bomb guard, before LibreOffice inflates anything
            return "odt"
        if suffix in DOCX_SUFFIXES or suffix in WORD_NAMES or suffix == "":
            return "docx"  # Word opens a DOCX renamed .doc, and sites post them so
        raise InputError(f"zip container with suffix {suffix or '(none)'}, not a DOCX", name)
    if data.startswith(OLE_MAGIC):
        if suffix in {".doc", ".wps", ""}:
            return OFFICE_SUFFIXES.get(suffix, "doc")
        raise InputError(f"Word 97 / WPS compound document with suffix {suffix}", name)
    if data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        if suffix in {".rtf", ""} or suffix in WORD_NAMES:
            return "rtf"  # Word saves RTF under .doc too
        raise InputError(f"RTF document with suffix {suffix}", name)
    if suffix in DOCX_SUFFIXES:
        raise InputError("not a DOCX file (no zip container)", name)
    if suffix in PDF_SUFFIXES:
        raise InputError("not a PDF file (no %PDF- header)", name)
    if suffix in WORD_NAMES and _looks_like_html(data):
        return "html"  # a page saved by Word as "Web Page" and posted as .doc
    if suffix in WORD_NAMES:
        raise InputError(f"not a Word 97 / WPS file (no compound-document header) despite its suffix {suffix}", name)
    if suffix in {".rtf", ".odt"}:
        raise InputError(f"not {'an RTF' if suffix == '.rtf' else 'an OpenDocument'} file despite its suffix", name)
    if suffix in HTML_SUFFIXES or (suffix == "" and _looks_like_html(data)):
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(f"unsupported file type {suffix}", name)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<div", b"<p", b"<table", b"<meta",
                            b"<?xml", b"<head", b"<body", b"<!--"))
