"""Screenshots of `policy serve` over the corpus library, into outputs/library-*.png.

Builds the library of the corpus (as `policy build` does) in a temporary folder, serves it on
a free port of 127.0.0.1 and has headless Chromium (apt-get install -y chromium
fonts-noto-cjk) take five pages: the database page with its canned queries, the documents
table with the issuer facet, the 资金不少于100万元的措施 query, the Hohhot draft's outline
page and the version page of 国家科学技术奖励条例 2020 -> 2024. Run it after changing the
library's pages or metadata: `python bench/library_screenshots.py`.
"""
from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402
from pipeline.library.add import create  # noqa: E402

OUT = ROOT / "outputs"
CORPUS = ROOT / "corpus"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def document(db: Path, name: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM documents WHERE source_name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def main() -> None:
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if chromium is None:
        sys.exit("chromium not found: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
        db, _ = create(Path(tmp) / "policy.db", [(api.ingest_file(p), str(p.relative_to(ROOT))) for p in files],
                       CORPUS / "VERSIONS")
        pages = {
            "index": ("/policy", 1100),
            "documents": ("/policy/documents?_sort_desc=year", 1100),
            "money-query": ("/policy/money_at_least_1m", 1100),
            "document": (f"/-/policy/document/{document(db, 'hohhot-2024-keji-qiangshi-draft.txt')}", 1600),
            "version": (f"/-/policy/version/{document(db, 'law-guojia-keji-jiangli-tiaoli-2024.txt')}", 1400),
        }
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            for name, (path, height) in pages.items():
                png = OUT / f"library-{name}.png"
                subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp}/chromium", f"--window-size=1280,{height}",
                                f"--screenshot={png}", base + path], check=True, capture_output=True, timeout=120)
                print(f"wrote {png.relative_to(ROOT)}  ({path})")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
