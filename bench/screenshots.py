"""Write the worked example, outputs/hohhot-2024-keji-qiangshi-draft/ (what `policy build`
writes for the Hohhot draft), and its pictures:

- `<stem>.tasks.xlsx.png` and `<stem>.tasks.docx.png`: the 任务分工表 printed by LibreOffice
  (headless), pages 1 and 2 side by side (title, grouping, the header row on page 2);
- `<stem>.annotated.png`: the top of the annotated page in headless Chromium.

tests/test_outputs_current.py checks that the files are what the build writes today
and that the pictures are there. Fonts: see bench/pictures.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pictures import SPREADSHEET_FACES, chromium, office_picture, page_picture, tool

from pipeline import api
from pipeline.build import write_tables
from pipeline.emit import write_atomic

STEM = "hohhot-2024-keji-qiangshi-draft"
EXAMPLE = ROOT / "outputs" / STEM


def main() -> None:
    doc = api.ingest_file(ROOT / "corpus" / f"{STEM}.txt")
    written = [api.write_document(doc, EXAMPLE), *write_tables(doc, EXAMPLE)]
    print(f"wrote {len(written)} files into {EXAMPLE.relative_to(ROOT)}/")
    if not (tool("soffice") and tool("pdftoppm") and chromium()):
        sys.exit("for the pictures install LibreOffice, poppler-utils and Chromium (see bench/pictures.py)")
    pictures = {
        f"{STEM}.tasks.xlsx.png": office_picture(EXAMPLE / f"{STEM}.tasks.xlsx", faces=SPREADSHEET_FACES),
        f"{STEM}.tasks.docx.png": office_picture(EXAMPLE / f"{STEM}.tasks.docx"),
        f"{STEM}.annotated.png": page_picture(EXAMPLE / f"{STEM}.annotated.html", 1280, 1800),
    }
    for name, data in pictures.items():
        print(f"wrote {write_atomic(EXAMPLE / name, data).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
