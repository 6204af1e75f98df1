"""Pictures of the files the pipeline writes, for outputs/: office files printed by LibreOffice
(headless) and rendered by pdftoppm, pages side by side in one PNG; HTML pages by headless
Chromium. Used by `diff_docx_screenshot.py` and `screenshots.py`.

Machines without Chinese office fonts print 仿宋/宋体/楷体 and 黑体 in whatever CJK face
fontconfig finds; for a picture closer to what Word and Excel show, the government font
names are mapped to Noto Serif CJK and Noto Sans CJK for LibreOffice's run only (the files
name the usual fonts). Needs: apt-get install -y libreoffice-writer-nogui
libreoffice-calc-nogui poppler-utils chromium fonts-noto-cjk.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

FACES = {"仿宋": "Noto Serif CJK SC", "仿宋_GB2312": "Noto Serif CJK SC", "宋体": "Noto Serif CJK SC",
         "楷体": "Noto Serif CJK SC", "楷体_GB2312": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC"}
# Excel counts column widths in digits of the workbook's default font (宋体, whose digits are
# half a character wide): a face with the same digits keeps the printed page as Excel lays it out.
SPREADSHEET_FACES = {**FACES, "宋体": "Noto Sans Mono CJK SC"}
Image = tuple[int, int, bytes]


def tool(name: str) -> str | None:
    return shutil.which(name)


def chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def fonts_conf(faces: dict[str, str] = FACES) -> str:
    """A fontconfig file: the system's, with each government font name mapped to a Noto face."""
    aliases = "".join(f'<alias binding="same"><family>{name}</family><prefer><family>{face}</family></prefer>'
                      "</alias>\n" for name, face in faces.items())
    return ('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>\n'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + aliases + "</fontconfig>\n")


def print_pdf(office_file: Path, work: Path, faces: dict[str, str] = FACES) -> Path:
    """`office_file` printed to PDF by LibreOffice (headless) in `work`."""
    (work / "fonts.conf").write_text(fonts_conf(faces), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"))
    copy = work / office_file.name
    shutil.copy(office_file, copy)
    subprocess.run([tool("soffice"), f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(copy)],
                   check=True, capture_output=True, timeout=300, env=env)
    return copy.with_suffix(".pdf")


def pdf_page(pdf: Path, number: int, dpi: int = 80) -> Image:
    """Page `number` of `pdf` as an RGB image."""
    stem = pdf.parent / f"page{number}"
    subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(stem)], check=True, capture_output=True, timeout=60)
    return read_ppm(stem.with_name(f"page{number}.ppm").read_bytes())


def office_picture(office_file: Path, pages: tuple[int, ...] = (1, 2), faces: dict[str, str] = FACES) -> bytes:
    """A PNG of the given pages of an office file, side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = print_pdf(office_file, Path(tmp), faces)
        return png(side_by_side([pdf_page(pdf, n) for n in pages]))


def page_picture(page: Path, width: int = 1280, height: int = 2000) -> bytes:
    """A PNG of an HTML page as headless Chromium shows it in a window of `width` x `height`."""
    with tempfile.TemporaryDirectory() as tmp:
        shot = Path(tmp) / "shot.png"
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", f"--user-data-dir={Path(tmp) / 'profile'}",
                        f"--window-size={width},{height}", f"--screenshot={shot}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
        return shot.read_bytes()


def read_ppm(data: bytes) -> Image:
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return int(width), int(height), pixels


def side_by_side(images: list[Image], gap: int = 16) -> Image:
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


def png(image: Image) -> bytes:
    width, height, pixels = image

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    stride = width * 3
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
