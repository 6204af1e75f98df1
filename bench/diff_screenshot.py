"""Write the diff of the Hohhot draft against its edited copy (tests/hohhot_edits.py)
into outputs/ as Markdown, HTML and JSON, and a screenshot of the HTML page taken with
headless Chromium (apt-get install -y chromium fonts-noto-cjk).

The page hides entries only renumbered or only changed in formatting by default (behind a
count and a toggle), so the screenshot shows what a reviewer sees first: the title, the
changes at a glance, the counts and the cards of the six edits, with the side navigation.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hohhot_edits import SOURCE, edited_text

from pipeline import api
from pipeline.diff import diff_chain
from pipeline.diff.report import to_html, to_json, to_markdown
from pipeline.emit import dumps, write_atomic
from pipeline.load import load_bytes

OUT = ROOT / "outputs"
STEM = "hohhot-2024-keji-qiangshi-draft--edited.diff"


def main() -> None:
    old = api.ingest_file(SOURCE)
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-2024-keji-qiangshi-draft-edited.txt"))
    chain = diff_chain([old, new])
    write_atomic(OUT / f"{STEM}.md", to_markdown(chain))
    write_atomic(OUT / f"{STEM}.json", dumps(to_json(chain)))
    page = write_atomic(OUT / f"{STEM}.html", to_html(chain))
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if chromium is None:
        sys.exit("chromium not found: apt-get install -y chromium fonts-noto-cjk")
    png = OUT / f"{STEM}.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1280,2000", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"wrote {png.relative_to(ROOT)} and {STEM}.md/.html/.json in outputs/")


if __name__ == "__main__":
    main()
