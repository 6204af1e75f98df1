"""Write the Word redline of the Hohhot draft against its edited copy (tests/hohhot_edits.py)
into outputs/, and a picture of it: LibreOffice prints it to PDF (apt-get install -y
libreoffice-writer-nogui poppler-utils fonts-noto-cjk), pdftoppm renders the first page
(修订对照: the versions, the counts, the table of changes) and the first page of the text
with a tracked change at 80 dpi, side by side in one PNG.

Machines without Chinese office fonts print 仿宋/宋体/楷体 and 黑体 in whatever CJK face
fontconfig finds; for a picture closer to what Word shows, this script maps them to Noto
Serif CJK and Noto Sans CJK (for its own run only; the DOCX names the usual fonts).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hohhot_edits import SOURCE, edited_text
from lxml import etree

from pipeline import api
from pipeline.diff import diff_chain
from pipeline.diff.docx_report import to_docx
from pipeline.emit import write_atomic
from pipeline.load import load_bytes
from pipeline.ooxml import W

OUT = ROOT / "outputs"
STEM = "hohhot-2024-keji-qiangshi-draft--edited.diff.docx"
FONTS = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
""" + "".join(f'<alias binding="same"><family>{name}</family><prefer><family>{face}</family></prefer></alias>\n'
              for name, face in (("仿宋", "Noto Serif CJK SC"), ("宋体", "Noto Serif CJK SC"),
                                 ("楷体", "Noto Serif CJK SC"), ("黑体", "Noto Sans CJK SC"))) + "</fontconfig>\n"


def main() -> None:
    old = api.ingest_file(SOURCE)
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-2024-keji-qiangshi-draft-edited.txt"))
    data = to_docx(diff_chain([old, new]))
    target = write_atomic(OUT / STEM, data)
    tools = {name: shutil.which(name) for name in ("soffice", "pdftoppm", "pdftotext")}
    if not all(tools.values()):
        sys.exit(f"wrote {target.relative_to(ROOT)}; for the picture install LibreOffice and poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "fonts.conf").write_text(FONTS, encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"))
        shutil.copy(target, work / "redline.docx")
        subprocess.run([tools["soffice"], f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), str(work / "redline.docx")],
                       check=True, capture_output=True, timeout=300, env=env)
        pdf = work / "redline.pdf"
        pages = subprocess.run([tools["pdftotext"], str(pdf), "-"], check=True, capture_output=True,
                               timeout=60).stdout.decode("utf-8").split("\f")
        changed = _first_change_page(data, [re.sub(r"\s+", "", p) for p in pages])
        images = []
        for number in (1, changed):
            subprocess.run([tools["pdftoppm"], "-r", "80", "-f", str(number), "-l", str(number), "-singlefile",
                            str(pdf), str(work / f"page{number}")], check=True, capture_output=True, timeout=60)
            images.append(_read_ppm((work / f"page{number}.ppm").read_bytes()))
    png = write_atomic(OUT / f"{STEM}.png", _png(_side_by_side(images)))
    print(f"wrote {target.relative_to(ROOT)} and {png.relative_to(ROOT)} (pages 1 and {changed})")


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


def _read_ppm(data: bytes) -> tuple[int, int, bytes]:
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return int(width), int(height), pixels


def _side_by_side(images: list[tuple[int, int, bytes]], gap: int = 16) -> tuple[int, int, bytes]:
    height = max(h for _, h, _ in images)
    width = sum(w for w, _, _ in images) + gap * (len(images) + 1)
    grey = b"\x9a\x9a\x9a"
    rows = []
    for y in range(height):
        row = grey * gap
        for w, h, pixels in images:
            row += (pixels[y * w * 3:(y + 1) * w * 3] if y < h else grey * w) + grey * gap
        rows.append(row)
    border = grey * width
    return width, height + 2 * gap, b"".join([border] * gap + rows + [border] * gap)


def _png(image: tuple[int, int, bytes]) -> bytes:
    width, height, pixels = image

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    stride = width * 3
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    main()
