"""Benchmark: money extraction over every corpus sentence, beside jionlp's extract_money.

Run: /work/venv/bin/python bench/bench_money.py [--repeat N]
Prints sentences per second for both extractors on the same sentences in the
same run (alternating passes, so both see the same machine load: best pass, and
the median of per-pass ratios) and how many amounts each found with a bound;
then the time of `extract_money` (money, support, targets, warnings) over every
parsed corpus document. jionlp is optional (the `bench` extra); without it only
our figures are printed.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import parse  # noqa: E402
from pipeline.extract.money import extract_money, money_terms  # noqa: E402
from pipeline.load import load  # noqa: E402


def corpus_sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus").glob("*.*")):
        if path.suffix == ".md":
            continue
        text = load(path).text
        out.extend(s for s in re.split(r"(?<=[。；;！？!?])|\n\s*\n", text) if s.strip())
    return out


def corpus_documents() -> list:
    return [parse(load(path)) for path in sorted((ROOT / "corpus").glob("*.*")) if path.suffix != ".md"]


def timed(fn, sentences: list[str]) -> tuple[float, list]:
    t0 = time.perf_counter()
    results = [fn(s) for s in sentences]
    return time.perf_counter() - t0, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    sentences = corpus_sentences()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # prints a banner on import
    except ImportError:
        jionlp = None
    quiet = contextlib.redirect_stdout(io.StringIO())
    ours_best = jio_best = float("inf")
    ratios = []
    for _ in range(args.repeat):  # alternate passes, so both see the same machine load
        t_ours, ours = timed(money_terms, sentences)
        ours_best = min(ours_best, t_ours)
        if jionlp is not None:
            with quiet:
                t_jio, jio = timed(jionlp.ner.extract_money, sentences)
            jio_best = min(jio_best, t_jio)
            ratios.append(t_jio / t_ours)
    ours_terms = [t for r in ours for t in r]
    bounded = sum(1 for t in ours_terms if t.qualifier != "exact")
    rates = sum(1 for t in ours_terms if t.rate is not None or t.rate_min is not None)
    print(f"sentences: {len(sentences)}, {args.repeat} alternating passes")
    print(f"policy-pipeline money_terms: {len(sentences) / ours_best:,.0f} sentences/s (best pass); "
          f"{len(ours_terms)} terms, {bounded} with a bound or range, {rates} rates")
    if jionlp is None:
        print("jionlp not installed (pip install '.[bench]'): no comparison")
    else:
        report_jionlp(jionlp, jio, jio_best, ours_best, ratios, len(sentences))
    docs = corpus_documents()
    doc_best = min(timed(extract_money, docs)[0] for _ in range(args.repeat))
    print(f"extract_money over {len(docs)} parsed corpus documents ({sum(len(d.text) for d in docs):,} characters): "
          f"{doc_best * 1000:.1f} ms (best pass)")


def report_jionlp(jionlp, jio: list, jio_best: float, ours_best: float, ratios: list[float], n: int) -> None:
    jio_terms = [t for r in jio for t in r]
    jio_bounded = sum(1 for t in jio_terms if t["detail"].get("definition") != "accurate")
    print(f"jionlp {jionlp.__version__} ner.extract_money: {n / jio_best:,.0f} sentences/s (best pass); "
          f"{len(jio_terms)} amounts, {jio_bounded} marked blurred (no at_least/at_most/range, no percentages)")
    print(f"speed ratio (ours / jionlp): {statistics.median(ratios):.1f}x median of passes, "
          f"{jio_best / ours_best:.1f}x best pass against best pass")


if __name__ == "__main__":
    main()
