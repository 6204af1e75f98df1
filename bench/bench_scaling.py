"""Scaling benchmark: time per KB at sizes from 20 KB to 10 MB, and the fitted exponent.

For each family of generated texts (`tests/synthetic.py`: laws, 实施意见 and the
adversarial shapes of the fuzz cases), at each size, times every stage in process:
load (decode or extract), segment (`api.parse`), extract (`api.annotate`), JSON
(`to_dict`, `dumps` and the feed records), validate (the document and the feed), and prints
ms/KB per stage and the exponent b of time ≈ a·size^b fitted by least squares on
log-log, for the total and for each stage that takes a visible share. Prints,
asserts nothing. Times are CPU seconds of this process (steadier than wall time
on a shared machine). Aims (issue 12): every exponent ≤ 1.15, the adversarial texts
under 50 ms/KB, a 10 MB law ingested in under 60 s.

    python bench/bench_scaling.py                  # every family, 20 KB … 10 MB
    python bench/bench_scaling.py --max-kb 1280    # quicker
    python bench/bench_scaling.py --family law --profile 2560   # cProfile of one size
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline import api, validate  # noqa: E402
from pipeline.emit import dumps  # noqa: E402
from pipeline.feed import feed_records  # noqa: E402
from pipeline.load import load_bytes  # noqa: E402
from synthetic import ADVERSARIAL, FAMILIES  # noqa: E402

SIZES_KB = (20, 80, 320, 1280, 5120, 10240)
STAGES = ("load", "segment", "extract", "json", "validate")


def run_once(data: bytes, name: str) -> tuple[dict[str, float], object]:
    """Seconds per stage for one input, and the document."""
    t: dict[str, float] = {}
    t0 = time.process_time()
    source = load_bytes(data, name)
    t1 = time.process_time()
    doc = api.parse(source)
    t2 = time.process_time()
    doc = api.annotate(doc)
    t3 = time.process_time()
    obj = doc.to_dict()
    text = dumps(obj)
    records = list(feed_records(doc))
    t4 = time.process_time()
    validate.check(obj, "document")
    validate.check_many(records, "feed-record")
    t5 = time.process_time()
    t.update(load=t1 - t0, segment=t2 - t1, extract=t3 - t2, json=t4 - t3, validate=t5 - t4)
    assert text
    return t, doc


def corpus_ratio() -> None:
    """Validation against ingest on the real corpus (aim: validation ≤ 20% of ingest)."""
    files = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".html"))
    totals = dict.fromkeys(STAGES, 0.0)
    for path in files:
        stages, _ = run_once(path.read_bytes(), path.name)
        for stage, seconds in stages.items():
            totals[stage] += seconds
    ingest = sum(totals[s] for s in STAGES if s != "validate")
    print(f"corpus, {len(files)} files: ingest (load … JSON) {ingest:.2f} s, validate (document + feed) "
          f"{totals['validate']:.2f} s = {totals['validate'] / ingest:.0%} of ingest (aim ≤ 20%)\n", flush=True)


def exponent(sizes: list[float], times: list[float]) -> float:
    """Slope of log(time) against log(size), least squares."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def bench_family(family: str, sizes_kb: list[int], budget: float) -> dict:
    make, suffix = FAMILIES[family]
    rows = []
    for kb in sizes_kb:
        data = make(kb * 1024).encode("utf-8")
        stages, doc = run_once(data, f"{family}{suffix}")
        total = sum(stages.values())
        nodes = sum(1 for _ in doc.nodes())
        rows.append((len(data) / 1024, stages, total, nodes))
        ms_kb = total * 1000 / (len(data) / 1024)
        per_stage = "  ".join(f"{s} {stages[s] * 1000 / (len(data) / 1024):6.2f}" for s in STAGES)
        print(f"  {len(data) / 1024:8.0f} KB {nodes:7d} nodes  {total:7.2f} s  {ms_kb:6.2f} ms/KB | {per_stage}",
              flush=True)
        if total > budget:
            print(f"  (stopping {family}: {total:.0f} s over the {budget:.0f} s budget per size)")
            break
    return {"rows": rows}


def report(family: str, rows: list) -> tuple[float, float]:
    sizes = [r[0] for r in rows]
    b_total = exponent(sizes, [r[2] for r in rows]) if len(rows) > 1 else float("nan")
    shares = {s: sum(r[1][s] for r in rows) / sum(r[2] for r in rows) for s in STAGES}
    per = "  ".join(f"{s} {exponent(sizes, [r[1][s] for r in rows]):.2f}" for s in STAGES
                    if shares[s] >= 0.05 and len(rows) > 1)
    worst = max(r[2] * 1000 / r[0] for r in rows)
    print(f"  => {family}: exponent {b_total:.2f} (per stage ≥5% of time: {per}); worst {worst:.2f} ms/KB")
    return b_total, worst


def profile(family: str, kb: int) -> None:
    import cProfile
    import pstats

    make, suffix = FAMILIES[family]
    data = make(kb * 1024).encode("utf-8")
    prof = cProfile.Profile()
    prof.enable()
    run_once(data, f"{family}{suffix}")
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1], help="largest size (KB)")
    parser.add_argument("--budget", type=float, default=300.0, help="stop a family after a size over this (s)")
    parser.add_argument("--profile", type=int, metavar="KB", help="cProfile one size of each family instead")
    args = parser.parse_args()
    families = args.family or list(FAMILIES)
    if args.profile:
        for family in families:
            profile(family, args.profile)
        return
    sizes = [kb for kb in SIZES_KB if kb <= args.max_kb]
    load_bytes("一、预热\n".encode(), "warm.txt")
    api.document_json(api.ingest_file(ROOT / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"))
    if not args.family:
        corpus_ratio()
    summary = []
    for family in families:
        print(f"{family}:", flush=True)
        rows = bench_family(family, sizes, args.budget)["rows"]
        summary.append((family, *report(family, rows), rows))
    print("\nsummary (aims: exponent ≤ 1.15; adversarial < 50 ms/KB; 10 MB law < 60 s):")
    for family, b, worst, rows in summary:
        biggest = rows[-1]
        tag = " (adversarial)" if family in ADVERSARIAL else ""
        validating = sum(r[1]["validate"] for r in rows) / sum(r[2] - r[1]["validate"] for r in rows)
        print(f"  {family:13s} exponent {b:5.2f}  worst {worst:6.2f} ms/KB  "
              f"largest {biggest[0] / 1024:5.1f} MB in {biggest[2]:6.1f} s  validate/ingest {validating:4.0%}{tag}")


if __name__ == "__main__":
    main()
