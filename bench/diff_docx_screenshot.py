"""Write the Word redline of the Hohhot draft against its edited copy (tests/hohhot_edits.py)
into outputs/, and a picture of it: LibreOffice prints it to PDF (apt-get install -y
libreoffice-writer-nogui poppler-utils fonts-noto-cjk), pdftoppm renders the first page
(修订对照: the versions, the counts, the table of changes) and the first page of the text
with a tracked change at 80 dpi, side by side in one PNG.

Fonts: see bench/pictures.py (the government font names mapped to Noto CJK faces for the
printing run only).
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hohhot_edits import SOURCE, edited_text
from lxml import etree
from pictures import pdf_page, png, print_pdf, side_by_side

from pipeline import api
from pipeline.diff import diff_chain
from pipeline.diff.docx_report import to_docx
from pipeline.emit import write_atomic
from pipeline.load import load_bytes
from pipeline.ooxml import W

OUT = ROOT / "outputs"
STEM = "hohhot-2024-keji-qiangshi-draft--edited.diff.docx"


def main() -> None:
    old = api.ingest_file(SOURCE)
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-2024-keji-qiangshi-draft-edited.txt"))
    data = to_docx(diff_chain([old, new]))
    target = write_atomic(OUT / STEM, data)
    tools = {name: shutil.which(name) for name in ("soffice", "pdftoppm", "pdftotext")}
    if not all(tools.values()):
        sys.exit(f"wrote {target.relative_to(ROOT)}; for the picture install LibreOffice and poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = print_pdf(target, Path(tmp))
        pages = subprocess.run([tools["pdftotext"], str(pdf), "-"], check=True, capture_output=True,
                               timeout=60).stdout.decode("utf-8").split("\f")
        changed = _first_change_page(data, [re.sub(r"\s+", "", p) for p in pages])
        images = [pdf_page(pdf, number) for number in (1, changed)]
    picture = write_atomic(OUT / f"{STEM}.png", png(side_by_side(images)))
    print(f"wrote {target.relative_to(ROOT)} and {picture.relative_to(ROOT)} (pages 1 and {changed})")


def _first_change_page(data: bytes, pages: list[str]) -> int:
    """The page that prints the body's first insertion (with the deleted text before it, as
    LibreOffice prints tracked changes, and a few characters of context)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    after_break = False
    for p in root.find(W + "body").iter(W + "p"):
        if after_break and p.find(f".//{W}ins//{W}t") is not None:
            printed, start, end = "", None, None
            for t in p.iter(W + "t", W + "delText"):
                inserted = any(a.tag == W + "ins" for a in t.iterancestors())
                if inserted and start is None:
                    start = len(printed)
                printed += re.sub(r"\s+", "", t.text or "")
                if inserted and end is None:
                    end = len(printed)
            window = printed[max(start - 8, 0):end]
            return next(n for n, page in enumerate(pages[1:], 2) if window in page)
        after_break = after_break or p.find(f"{W}pPr/{W}sectPr") is not None
    return 2


if __name__ == "__main__":
    main()
