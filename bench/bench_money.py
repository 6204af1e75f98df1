"""Benchmark: money extraction over corpus sentences, beside jionlp's extract_money.

Run: python bench/bench_money.py [--repeat N]
The headline is measured on the sentences that contain an amount (a number with
元, 万元, 亿元, % or 百分之: found by a regex of this script, not by either
extractor), the inputs that matter: there both extractors do their real work.
The ratio over every sentence is printed too, labelled as such: most sentences
hold no amount, and our extractor skips those with a substring check, so that
ratio mostly measures the skip. For each set: sentences per second for both
extractors in the same run (alternating passes, so both see the same machine
load: best pass, and the median of per-pass ratios). Then the time of the money,
support and targets layers over every parsed corpus document. jionlp is optional
(the `bench` extra); without it only our figures are printed.
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
from pipeline.extract.money import Money, money_terms  # noqa: E402
from pipeline.extract.support import SupportTerms  # noqa: E402
from pipeline.extract.targets import Targets  # noqa: E402
from pipeline.load import load  # noqa: E402

# An amount as a reader sees one: digits or Chinese numerals, then a currency or percent unit.
AMOUNT = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿零〇.．]+\s*(?:[万亿]?元|%|％)|百分之")


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
    everything = corpus_sentences()
    with_amount = [s for s in everything if AMOUNT.search(s)]
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # prints a banner on import
    except ImportError:
        jionlp = None
    print(f"corpus sentences: {len(everything)}, of which {len(with_amount)} contain an amount; "
          f"{args.repeat} alternating passes")
    for label, sentences in (("sentences with an amount (headline)", with_amount),
                             ("all sentences (mostly measures our no-amount skip)", everything)):
        compare(label, sentences, jionlp, args.repeat)
    if jionlp is None:
        print("jionlp not installed (pip install '.[bench]'): no comparison")
    docs = corpus_documents()
    layers = (Money(), SupportTerms(), Targets())

    def run_layers(doc):
        for extractor in layers:
            doc = doc.with_layer(extractor.run(doc))

    doc_best = min(timed(run_layers, docs)[0] for _ in range(args.repeat))
    print(f"money, support and targets layers over {len(docs)} parsed corpus documents "
          f"({sum(len(d.text) for d in docs):,} characters): {doc_best * 1000:.1f} ms (best pass)")


def compare(label: str, sentences: list[str], jionlp, repeat: int) -> None:
    """Ours and jionlp's on the same sentences, alternating passes; prints speeds and the ratio."""
    quiet = contextlib.redirect_stdout(io.StringIO())
    ours_best = jio_best = float("inf")
    ratios = []
    for _ in range(repeat):
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
    print(f"\n{label}: {len(sentences)}")
    print(f"  policy-pipeline money_terms: {len(sentences) / ours_best:,.0f} sentences/s (best pass); "
          f"{len(ours_terms)} terms, {bounded} with a bound or range, {rates} rates")
    if jionlp is not None:
        report_jionlp(jionlp, jio, jio_best, ours_best, ratios, len(sentences))


def report_jionlp(jionlp, jio: list, jio_best: float, ours_best: float, ratios: list[float], n: int) -> None:
    jio_terms = [t for r in jio for t in r]
    jio_bounded = sum(1 for t in jio_terms if t["detail"].get("definition") != "accurate")
    print(f"  jionlp {jionlp.__version__} ner.extract_money: {n / jio_best:,.0f} sentences/s (best pass); "
          f"{len(jio_terms)} amounts, {jio_bounded} marked blurred (no at_least/at_most/range, no percentages)")
    print(f"  speed ratio (ours / jionlp): {statistics.median(ratios):.1f}x median of passes, "
          f"{jio_best / ours_best:.1f}x best pass against best pass")


if __name__ == "__main__":
    main()
