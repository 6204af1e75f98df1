"""Extract the text layer of a PDF (optional extra `policy-pipeline[pdf]`, pypdf).

Per page, the text lines pypdf reports; page furniture dropped: page numbers
(`3`, `- 3 -`, `第3页`, `第 3 页 共 9 页`) and running headers or footers (a
line in the top or bottom two lines of at least half the pages, digits
ignored); then lines broken inside sentences are rejoined into paragraphs
across page breaks with the same rule as `repair.paragraph_spans`. One line
per paragraph in the extracted text; `blocks` give the page each paragraph
starts on (`page 3`). Scanned PDFs without a text layer are refused.
"""
from __future__ import annotations

import io
import logging
import re
import warnings
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import InputError
from .repair import paragraph_lines, rejoin

MAX_PAGES = 2000
EDGE = 2
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d+(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[\s\-—–－·•]*$")


@dataclass(frozen=True)
class Extracted:
    """Extracted PDF text with document-info metadata and per-paragraph pages."""

    text: str
    metadata: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[int, int, str], ...]


def extract_pdf(data: bytes, name: str) -> Extracted:
    """Read the text layer of `data` into paragraphs."""
    try:
        import pypdf  # noqa: F401
    except ImportError:
        raise InputError("PDF support needs the extra: pip install 'policy-pipeline[pdf]'", name) from None
    with _quiet_pypdf():
        return _extract(data, name)


@contextmanager
def _quiet_pypdf():
    """Keep pypdf's log messages and warnings (`EOF marker not found`) off stderr: a PDF
    it can read is read, one it cannot gets the one-line error, never extra lines."""
    logger = logging.getLogger("pypdf")
    handler, propagate = logging.NullHandler(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _extract(data: bytes, name: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError("encrypted PDF, cannot read its text", name)
        if len(reader.pages) > MAX_PAGES:
            raise InputError(f"PDF has {len(reader.pages)} pages (limit {MAX_PAGES})", name)
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
        info = reader.metadata or {}
        metadata = tuple((key, str(info[f"/{key.title()}"]).strip()) for key in ("title", "author")
                         if info.get(f"/{key.title()}"))
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, ZeroDivisionError, zlib.error) as exc:
        raise InputError(f"broken PDF ({type(exc).__name__}: {exc})".splitlines()[0][:200], name) from None
    lines, page_of = [], []
    for number, page_lines in enumerate(drop_furniture(pages), start=1):
        lines.extend(page_lines)
        page_of.extend([number] * len(page_lines))
    if not any(line.strip() for line in lines):
        raise InputError("PDF has no text layer (scanned?)", name)
    parts, blocks, pos = [], [], 0
    for group, paragraph in zip(paragraph_lines(lines), rejoin(lines)):
        blocks.append((pos, pos + len(paragraph), f"page {page_of[group[0]]}"))
        parts.append(paragraph + "\n")
        pos += len(paragraph) + 1
    return Extracted("".join(parts), metadata, tuple(blocks))


def drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without page numbers and running headers/footers (see module doc)."""
    pages = [[line for line in page if line.strip()] for page in pages]
    edges = Counter()
    for page in pages:
        for line in set(_edge_lines(page)):
            edges[_shape(line)] += 1
    repeated = {shape for shape, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out = []
    for page in pages:
        edge = set(range(min(EDGE, len(page)))) | set(range(max(len(page) - EDGE, 0), len(page)))
        out.append([line for i, line in enumerate(page)
                    if not (i in edge and (_PAGE_NUMBER.match(line) or _shape(line) in repeated))])
    return out


def _edge_lines(page: list[str]) -> list[str]:
    return page[:EDGE] + page[-EDGE:]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))
