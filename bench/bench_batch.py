"""Batch benchmark: `--jobs 2` against `--jobs 1` on 200 corpus files; prints, asserts nothing.

Copies the corpus texts and pages round-robin into a temporary folder (200
files, distinct names), ingests it with `pipeline.batch.run` (what `policy
ingest DIR --jobs N` calls) into a fresh output folder per run, and prints the
wall time of each job count and the speed-up ratio (aim: at least 1.7 on two
cores). Best of `--repeat` interleaved runs each. A pure-CPU reference ratio is printed
too: on a shared machine it shows what the cores allow at that moment.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import batch  # noqa: E402


def make_folder(target: Path, count: int) -> list[str]:
    sources = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".html"})
    paths = []
    for n in range(count):
        src = sources[n % len(sources)]
        dst = target / f"{n:03d}-{src.name}"
        shutil.copyfile(src, dst)
        paths.append(str(dst))
    return paths


def timed_run(paths: list[str], jobs: int, out: Path) -> float:
    t0 = time.perf_counter()
    outcomes = batch.run(paths, str(out), jobs)
    elapsed = time.perf_counter() - t0
    failed = [o.error for o in outcomes if not o.ok]
    if failed:
        print(f"  {len(failed)} failures, first: {failed[0]}")
    return elapsed


def burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def cpu_ceiling(jobs: int) -> float:
    """Speed-up of pure CPU work with `jobs` processes now: what the machine allows."""
    from concurrent.futures import ProcessPoolExecutor

    work = [2_000_000] * 8 * jobs
    t0 = time.perf_counter()
    for n in work:
        burn(n)
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(burn, work))
    return one / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="the parallel job count to compare with 1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        paths = make_folder(work / "in", args.files)
        size = sum(Path(p).stat().st_size for p in paths) / 1024
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        for r in range(args.repeat):  # interleaved, so drifting load hits both alike
            for jobs in times:
                times[jobs].append(timed_run(paths, jobs, work / f"out-{jobs}-{r}"))
        one, many = min(times[1]), min(times[args.jobs])
    print(f"{args.files} files, {size:.0f} KB; cores available: {batch.default_jobs()}")
    print(f"--jobs 1: {one:.2f} s ({args.files / one:.0f} files/s, {size / one:.0f} KB/s)")
    print(f"--jobs {args.jobs}: {many:.2f} s ({args.files / many:.0f} files/s, {size / many:.0f} KB/s)")
    print(f"speed-up --jobs {args.jobs} vs --jobs 1: {one / many:.2f}x (aim >= 1.7 on two cores)")
    print(f"reference: pure-CPU speed-up with {args.jobs} processes on this machine now: "
          f"{cpu_ceiling(args.jobs):.2f}x (other load on the cores lowers both)")


if __name__ == "__main__":
    main()
