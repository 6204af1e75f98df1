"""Memory benchmark: peak RSS of `policy ingest`, `add` and `build` for N generated documents; prints, asserts nothing.

For each N (default 100, 1,000, 10,000) a folder of N texts is generated from
the corpus's .txt files round-robin, so their sizes are those of real policy
texts (1 KB to 93 KB): each copy's title gets its own number (`…条例（第17号）`),
so every copy is a distinct document and its own policy in the library (a copy
whose title cannot be numbered is not used). A VERSIONS file declares the same
two chains at every N, so `build` compares versions too. Each command runs in a
fresh process with `--jobs 1` (everything in one process, the strictest case);
its peak resident set comes from the kernel (`wait4`). The figure that matters
is the ratio of the largest N to the smallest (target ≤ 1.5): memory that grows
with the corpus shows there.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402
from pipeline.load import load_bytes  # noqa: E402

CHAINS = (("law-guojia-keji-jiangli-tiaoli-2020.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt"),
          ("law-beijing-shenji-tiaoli-2017.txt", "law-beijing-shenji-tiaoli-2023.txt"))


def numbered_sources() -> list[tuple[str, str, str]]:
    """(file name, text, title) of each corpus text whose title takes a number (read as a changed title)."""
    out = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = api.ingest_file(path).title
        if not title or title not in text:
            continue
        probe = api.parse(load_bytes(_numbered(text, title, 1).encode("utf-8"), path.name))
        if probe.title and probe.title.endswith("（第1号）"):
            out.append((path.name, text, title))
    return out


def _numbered(text: str, title: str, n: int) -> str:
    return text.replace(title, f"{title}（第{n}号）", 1)


def generate(folder: Path, count: int, sources: list[tuple[str, str, str]]) -> None:
    """`count` texts in `folder` (`00017-<corpus name>`) and a VERSIONS file of two chains."""
    folder.mkdir(parents=True)
    names = []
    for n in range(count):
        name, text, title = sources[n % len(sources)]
        names.append(f"{n:05d}-{name}")
        (folder / names[-1]).write_text(_numbered(text, title, n), encoding="utf-8")
    lines = []
    for chain in CHAINS:
        first = [next((x for x in names if x.endswith(f"-{member}")), None) for member in chain]
        if all(first):
            lines.append(" ".join(first))
    (folder / "VERSIONS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def peak_rss(argv: list[str]) -> tuple[float, float]:
    """Peak resident set (MB) and wall seconds of one command run to its end."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {stderr.decode()[-600:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="document counts, comma-separated")
    parser.add_argument("--commands", default="ingest,add,build", help="which of ingest, add, build")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    commands = args.commands.split(",")
    tool = [sys.executable, "-m", "pipeline"]
    sources = numbered_sources()
    print(f"{len(sources)} corpus texts, {min(len(t) for _, t, _ in sources)}–{max(len(t) for _, t, _ in sources)} "
          f"characters; --jobs 1")
    peaks: dict[str, dict[int, float]] = {c: {} for c in commands}
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
            docs = Path(tmp) / "docs"
            generate(docs, count, sources)
            argvs = {"ingest": tool + ["ingest", str(docs), "-o", f"{tmp}/ingested", "-q", "-j", "1"],
                     "add": tool + ["add", str(docs), "--db", f"{tmp}/library.db", "-j", "1"],
                     "build": tool + ["build", str(docs), "-o", f"{tmp}/built", "-q", "-j", "1"]}
            for command in commands:
                mb, seconds = peak_rss(argvs[command])
                peaks[command][count] = mb
                print(f"N={count:>6}  policy {command:<6}  peak RSS {mb:7.1f} MB  ({seconds:6.1f} s)", flush=True)
                shutil.rmtree(Path(tmp) / "ingested", ignore_errors=True)
    low, high = min(sizes), max(sizes)
    for command in commands:
        print(f"policy {command:<6} peak RSS N={high} / N={low}: {peaks[command][high] / peaks[command][low]:.2f} "
              f"(target ≤ 1.5)")


if __name__ == "__main__":
    main()
