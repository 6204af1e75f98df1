"""Extract the text layer of a PDF (optional extra `policy-pipeline[pdf]`, pdfminer.six).

Each page is read from the positions of its glyphs (`pdf_page`): lines in
reading order with their spaces, ruled tables as one row per line with cells
joined by tabs (`pdf_tables`). Page furniture is dropped: page numbers (`3`,
`- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 9 页`) in the top or bottom two lines of a
page, and running headers and footers (a line among the top or bottom two of
at least half the pages, at the same height, digits ignored). Lines are then
rejoined into paragraphs across line and page breaks (`repair.flow`). One line
per paragraph or table row in the extracted text; `blocks` give the page each
starts on (`page 3`). Scanned PDFs without a text layer, encrypted ones that
need a password, and text layers without Unicode mapping are refused.
"""
from __future__ import annotations

import io
import logging
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace
from statistics import median

from ..errors import InputError
from .pdf_page import Line, glyphs, is_wide, lines_of
from .repair import flow, join_lines

MAX_PAGES = 2000
EDGE = 2
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d+(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[\s\-—–－·•]*$")
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_HEIGHT = 3.0  # pt: the same running header sits at the same height on every page



@dataclass(frozen=True)
class Extracted:
    """Extracted PDF text with document-info metadata and per-paragraph pages."""

    text: str
    metadata: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[int, int, str], ...]


def extract_pdf(data: bytes, name: str) -> Extracted:
    """Read the text layer of `data` into paragraphs and table rows."""
    pages, metadata = read_pages(data, name)
    lines, page_of = [], []
    for number, page_lines in enumerate(join_split_rows(drop_furniture(pages)), start=1):
        lines.extend(page_lines)
        page_of.extend([number] * len(page_lines))
    if not lines:
        raise InputError("PDF has no text layer (scanned?)", name)
    text = "".join(line.text for line in lines)
    if len(_UNMAPPED.findall(text)) * 8 > len(text):
        raise InputError("PDF text layer has no Unicode mapping (its glyphs cannot be read as text)", name)
    parts, blocks, pos = [], [], 0
    for group in flow(lines):
        paragraph = lines[group[0]].text if lines[group[0]].cells else join_lines([lines[i].text for i in group])
        blocks.append((pos, pos + len(paragraph), f"page {page_of[group[0]]}"))
        parts.append(paragraph + "\n")
        pos += len(paragraph) + 1
    return Extracted("".join(parts), metadata, tuple(blocks))


def read_pages(data: bytes, name: str) -> tuple[list[list[Line]], tuple[tuple[str, str], ...]]:
    """Lines (table rows included) of every page, top to bottom, and the document's title and author."""
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        raise InputError("PDF support needs the extra: pip install 'policy-pipeline[pdf]'", name) from None
    with _quiet():
        try:
            return _read(data, name)
        except InputError:
            raise
        except (RecursionError, MemoryError):
            raise InputError("broken PDF (nested too deeply to read)", name) from None
        except Exception as exc:  # pdfminer raises many kinds on malformed files; each is a broken PDF
            raise InputError(f"broken PDF ({type(exc).__name__}: {exc})".splitlines()[0][:200], name) from None


@contextmanager
def _quiet():
    """Keep pdfminer's log messages and warnings off stderr: a PDF it can read is read, one it
    cannot gets the one-line error, never extra lines."""
    logger = logging.getLogger("pdfminer")
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


def _read(data: bytes, name: str) -> tuple[list[list[Line]], tuple[tuple[str, str], ...]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.utils import decode_text

    from .pdf_tables import tables

    pages: list[list[Line]] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise InputError("encrypted PDF, cannot read its text without the password", name) from None
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > MAX_PAGES:
            raise InputError(f"PDF has more than {MAX_PAGES} pages", name)
        interpreter.process_page(page)
        layout = device.get_result()
        chars = glyphs(layout)
        found = tables(layout, chars)
        rest = [g for g in chars if not any(t.holds(g) for t in found)]
        items = lines_of(rest) + [row for t in found for row in t.rows]
        pages.append(sorted(items, key=lambda line: -line.y1))
    info = document.info[0] if document.info else {}
    metadata = tuple((key.lower(), text) for key in ("Title", "Author")
                     if isinstance(info.get(key), (bytes, str)) and (text := _text(decode_text, info[key])))
    return pages, metadata


def _text(decode, value) -> str:
    return (decode(value) if isinstance(value, bytes) else value).strip()


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without page numbers and running headers/footers (see module doc)."""
    heights: dict[str, list[float]] = {}  # shape of an edge line -> its height on each page it is on
    for page in pages:
        seen: dict[str, float] = {}
        for line in _edge_lines(page):
            seen.setdefault(_shape(line.text), line.y0)
        for shape, y in seen.items():
            heights.setdefault(shape, []).append(y)
    threshold = max(2, len(pages) / 2)
    running = {shape: median(ys) for shape, ys in heights.items() if len(pages) >= 2 and len(ys) >= threshold}
    sizes = [line.size for page in pages for line in page if line.cells is None]
    em = median(sizes) if sizes else 0.0

    def furniture(line: Line) -> bool:
        return line.cells is None and bool(
            _PAGE_NUMBER.match(line.text) or abs(line.y0 - running.get(_shape(line.text), -1e9)) <= _HEIGHT)

    out = []
    for page in pages:
        dropped = {id(line) for line in _edge_lines(page) if furniture(line)} | _set_apart(page, em)
        out.append([line for line in page if id(line) not in dropped])
    return out


def join_split_rows(pages: list[list[Line]]) -> list[list[Line]]:
    """Table rows mended across page breaks: a header row repeated at the top of the next page
    dropped, and a row the page broke (its first cell empty on the next page) joined to its start."""
    out = [list(page) for page in pages]
    head = None  # the first row of the table a page ends in
    for number, page in enumerate(out):
        previous = out[number - 1] if number else []
        if page and head is not None and previous and previous[-1].cells is not None:
            if page[0].cells == head.cells and len(page) > 1:
                del page[0]
            row, nxt = previous[-1], page[0]
            if nxt.cells is not None and len(nxt.cells) == len(row.cells) and not nxt.cells[0] and any(nxt.cells):
                cells = tuple(_mend(a, b) for a, b in zip(row.cells, nxt.cells))
                previous[-1] = replace(row, text="\t".join(cells), cells=cells)
                del page[0]
        head = _running_head(page, head)
    return out


def _running_head(page: list[Line], head: Line | None) -> Line | None:
    if not page or page[-1].cells is None:
        return None
    i = len(page) - 1
    while i > 0 and page[i - 1].cells is not None:
        i -= 1
    return head if i == 0 and head is not None else page[i]


def _mend(a: str, b: str) -> str:
    """The two parts of a cell broken by a page."""
    return join_lines([a, b]) if a and b and not (is_wide(a[-1]) or is_wide(b[0])) else a + b


def _set_apart(page: list[Line], em: float) -> set[int]:
    """Ids of the small-print lines at the top or bottom of a page, set apart from the text by a
    blank band: a header or footer even on a single page, where no repetition shows it."""
    found: set[int] = set()
    for lines in (page, page[::-1]):
        run = 0
        while run < min(EDGE, len(lines) - 1) and lines[run].cells is None and lines[run].size <= 0.8 * em:
            run += 1
        if run and _gap(lines[run - 1], lines[run]) >= 2 * em:
            found.update(id(line) for line in lines[:run])
    return found


def _gap(a: Line, b: Line) -> float:
    """The blank height between two lines, whichever is above."""
    return max(a.y0 - b.y1, b.y0 - a.y1)


def _edge_lines(page: list[Line]) -> list[Line]:
    return page[:EDGE] + page[-EDGE:] if len(page) > EDGE else page


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
