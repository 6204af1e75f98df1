"""Ingest benchmark: prints figures, asserts nothing.

- in-process ingest of the Hohhot draft, warm (aim: under 20 ms)
- cold `policy --help` in a fresh interpreter (aim: under 0.3 s)
- corpus throughput in KB/s (load + segment + annotate + validate + serialize)
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402
from timing import timed  # noqa: E402

HOHHOT = ROOT / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"


def main() -> None:
    api.ingest_file(HOHHOT)
    warm = timed(lambda: api.ingest_file(HOHHOT), 30)
    print(f"hohhot ingest, warm: median {statistics.median(warm) * 1000:.1f} ms, "
          f"min {min(warm) * 1000:.1f} ms (aim < 20 ms)")
    with_json = timed(lambda: api.document_json(api.ingest_file(HOHHOT)), 10)
    print(f"hohhot ingest + validate + JSON: median {statistics.median(with_json) * 1000:.1f} ms")
    doc = api.ingest_file(HOHHOT)
    feed = timed(lambda: list(api.feed_lines(doc)), 10)
    print(f"hohhot feed, {len(list(api.feed_lines(doc)))} validated records: median {statistics.median(feed) * 1000:.1f} ms")

    cmd = [sys.executable, "-m", "pipeline", "--help"]
    cold = timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True), 5)
    print(f"cold `policy --help`: median {statistics.median(cold):.3f} s (aim < 0.3 s)")
    heavy = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline", "--help"], cwd=ROOT,
                           capture_output=True, text=True).stderr
    print("  spaCy imported by --help:", "spacy" in heavy, "| jieba imported:", "jieba" in heavy)

    files = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".html"))
    size = sum(p.stat().st_size for p in files)
    t0 = time.perf_counter()
    for p in files:
        api.document_json(api.ingest_file(p))
    dt = time.perf_counter() - t0
    print(f"corpus: {len(files)} files, {size / 1024:.0f} KB in {dt:.2f} s = {size / 1024 / dt:.0f} KB/s")


if __name__ == "__main__":
    main()
