"""Benchmark: money extraction over every corpus sentence, beside jionlp's extract_money.

Run: /work/venv/bin/python bench/bench_money.py [--repeat N]
Prints sentences per second (best of N passes) for both extractors on the same
sentences in the same run, their ratio, and how many amounts each found with a bound. jionlp
is optional (the `bench` extra); without it only our figures are printed.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract.money import money_terms  # noqa: E402
from pipeline.load import load  # noqa: E402


def corpus_sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus").glob("*.*")):
        if path.suffix == ".md":
            continue
        text = load(path).text
        out.extend(s for s in re.split(r"(?<=[。；;！？!?])|\n\s*\n", text) if s.strip())
    return out


def rate(fn, sentences: list[str], repeat: int) -> tuple[float, list]:
    """Sentences per second over the best of `repeat` passes (the least disturbed by other load)."""
    results = [fn(s) for s in sentences[:200]]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        results = [fn(s) for s in sentences]
        best = min(best, time.perf_counter() - t0)
    return len(sentences) / best, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sentences = corpus_sentences()
    ours_rate, ours = rate(money_terms, sentences, args.repeat)
    ours_terms = [t for r in ours for t in r]
    bounded = sum(1 for t in ours_terms if t.qualifier != "exact")
    print(f"sentences: {len(sentences)} (best of {args.repeat} passes)")
    rates = sum(1 for t in ours_terms if t.rate is not None or t.rate_min is not None)
    print(f"policy-pipeline money_terms: {ours_rate:,.0f} sentences/s; {len(ours_terms)} terms, "
          f"{bounded} with a bound or range, {rates} rates")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # prints a banner on import
    except ImportError:
        print("jionlp not installed (pip install '.[bench]'): no comparison")
        return
    with contextlib.redirect_stdout(io.StringIO()):
        jio_rate, jio = rate(jionlp.ner.extract_money, sentences, args.repeat)
    jio_terms = [t for r in jio for t in r]
    jio_bounded = sum(1 for t in jio_terms if t["detail"].get("definition") != "accurate")
    print(f"jionlp {jionlp.__version__} ner.extract_money: {jio_rate:,.0f} sentences/s; {len(jio_terms)} amounts, "
          f"{jio_bounded} marked blurred (no at_least/at_most/range, no percentages)")
    print(f"speed ratio (ours / jionlp): {ours_rate / jio_rate:.1f}x")


if __name__ == "__main__":
    main()
