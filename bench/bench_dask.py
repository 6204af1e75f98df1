"""Dask benchmark: `policy ingest` locally vs on a Dask cluster of 1 and 2 workers; prints, asserts nothing.

Copies the corpus texts and pages round-robin into a temporary folder (`--files`,
distinct names) and ingests it with `pipeline.batch.run`: locally in one process
(`--jobs 1`) and in as many as there are cores, then with `dask=ADDRESS` on a
`distributed.LocalCluster` of 1 and of 2 single-threaded worker processes on this
machine (started before the clock, as a real cluster would be). Prints the wall
time of each (best of `--repeat`) and checks that every run wrote the same bytes.
On a real cluster the workers run on other machines: see the README.
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

from bench_batch import make_folder  # noqa: E402
from pipeline import batch  # noqa: E402


def timed(paths: list[str], out: Path, **how) -> tuple[float, dict[str, bytes]]:
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    outcomes = batch.run(paths, str(out), **how)
    elapsed = time.perf_counter() - t0
    failed = [o.error for o in outcomes if not o.ok]
    if failed:
        raise SystemExit(f"{len(failed)} failed: {failed[0]}")
    return elapsed, {p.name: p.read_bytes() for p in out.iterdir()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_folder(folder, args.files)
        results: dict[str, float] = {}
        reference: dict[str, bytes] | None = None
        runs = [("local, 1 process", {"jobs": 1}), (f"local, {batch.default_jobs()} processes", {})]
        for label, how in runs:
            for _ in range(args.repeat):
                seconds, written = timed(paths, Path(tmp) / "out", **how)
                results[label] = min(results.get(label, seconds), seconds)
                reference = reference or written
                assert written == reference, f"{label}: output differs"
        for workers in (1, 2):
            label = f"dask, {workers} worker{'s' if workers > 1 else ''}"
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster:
                for _ in range(args.repeat):
                    seconds, written = timed(paths, Path(tmp) / "out", dask=cluster.scheduler_address)
                    results[label] = min(results.get(label, seconds), seconds)
                    assert written == reference, f"{label}: output differs"
    base = results["local, 1 process"]
    print(f"{args.files} files, best of {args.repeat}; every run wrote the same bytes")
    for label, seconds in results.items():
        print(f"{label:<22} {seconds:7.2f} s   {args.files / seconds:6.1f} files/s   speed-up {base / seconds:4.2f}×")
    print(f"dask 2 workers / 1 worker: {results['dask, 1 worker'] / results['dask, 2 workers']:.2f}×")


if __name__ == "__main__":
    main()
