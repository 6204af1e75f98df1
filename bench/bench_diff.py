"""Diff benchmark: prints figures, asserts nothing.

- 治安管理处罚法 2012 -> 2025 (119 -> 144 articles, heavy renumbering), warm (aim: under 0.5 s)
- two synthetic 1,000-article documents built from the corpus' real articles and measures,
  the second with 50 deleted, 50 added, 100 reworded and 20 moved to another chapter,
  warm (aim: under 3 s); also the alignment alone, and JSON/HTML rendering.
- "cold words": the same with the topic step's word cache emptied (jieba runs again).
- pairing precision/recall against the hand-made tables, pooled separately over the calibration
  pairs (those the aligner's thresholds were chosen on) and the held-out pairs (never tuned on):
  tests/alignment_split.py; also over the full revisions and drafts of each set, and per pair.
- start-up: `policy diff` 治安 2012 -> 2025 as a whole process against the same command run again
  in this process (warm), and against `python -c pass` (same interpreter), in one run; aims:
  whole process <= 3x warm and <= 40x the floor. Also the process when the diff tokenizer's
  dictionary cache is not there yet (built once, then reused).
  `python bench/bench_diff.py startup` runs only this part.
"""
from __future__ import annotations

import contextlib
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from alignment_split import CALIBRATION, HELDOUT, REWRITES, score_set
from timing import timed

from pipeline import api
from pipeline.diff import diff, diff_chain
from pipeline.diff.align import _words, align
from pipeline.diff.report import to_html, to_json
from pipeline.diff.units import extract_units
from pipeline.load import load, load_bytes

CORPUS = ROOT / "corpus"
DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """Chinese numeral for 1..9999 as printed in article markers (一千零二十)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += ("" if (unit == "十" and not out and d == 1) else DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def corpus_clauses() -> list[str]:
    """Bodies (without marker) of every article and measure in the corpus, deduplicated."""
    seen, out = set(), []
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html")):
        for unit in extract_units(api.parse(load(path))):
            wanted = unit.level == "clause" and unit.node.kind in ("article", "measure") and len(unit.text) > 20
            if wanted and unit.key not in seen:
                seen.add(unit.key)
                out.append(unit.text)
    return out


def law(chapters: list[list[str]], name: str):
    lines, n = ["# 合成条例", ""], 0
    for k, bodies in enumerate(chapters, 1):
        lines += [f"## 第{cn(k)}章 第{cn(k)}部分", ""]
        for body in bodies:
            n += 1
            lines += [f"第{cn(n)}条 {body}", ""]
    return api.parse(load_bytes("\n".join(lines).encode("utf-8"), name))


def synthetic(pool: list[str], size: int = 1000, seed: int = 7):
    rng = random.Random(seed)
    bodies = [pool[k % len(pool)] + ("" if k < len(pool) else f"第{k}项。") for k in range(size + 50)]
    old = [bodies[k * 50:(k + 1) * 50] for k in range(size // 50)]
    spare = bodies[size:]
    new = [list(ch) for ch in old]
    for _ in range(50):
        ch = rng.randrange(len(new))
        new[ch].pop(rng.randrange(len(new[ch])))
    for body in spare:
        ch = rng.randrange(len(new))
        new[ch].insert(rng.randrange(len(new[ch]) + 1), body)
    for _ in range(100):
        ch = rng.randrange(len(new))
        i = rng.randrange(len(new[ch]))
        text = new[ch][i]
        cut = rng.randrange(len(text) // 2, len(text))
        new[ch][i] = text[:cut] + "并依法予以公开" + text[cut:]
    for _ in range(20):
        a, b = rng.sample(range(len(new)), 2)
        new[b].insert(rng.randrange(len(new[b]) + 1), new[a].pop(rng.randrange(len(new[a]))))
    return law(old, "synthetic-old.txt"), law(new, "synthetic-new.txt")


def report(label: str, times: list[float], aim: str) -> None:
    print(f"{label}: median {statistics.median(times):.3f} s, min {min(times):.3f} s ({aim})")


def startup(repeat: int = 9) -> None:
    """Whole-process `policy diff` against the same command warm in this process, one run.

    The floor, the process and the warm run are taken in turn, `repeat` rounds, so that all
    three meet the same load on a shared machine; wall-clock and CPU (user + system) seconds,
    medians, and the median of each round's ratio. Processes run as a user's do, writing and
    reading bytecode caches (PYTHONDONTWRITEBYTECODE unset; a first run writes them).
    """
    from pipeline.cli import cli

    args = ["diff", str(CORPUS / "law-zhian-chufa-2012.txt"), str(CORPUS / "law-zhian-chufa-2025.txt")]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def in_process() -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli.main(args, prog_name="policy", standalone_mode=False)
        return out.getvalue()

    def run(command: list[str], extra: dict | None = None) -> str:
        return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True,
                              env=dict(env, **(extra or {}))).stdout

    policy, floor = [sys.executable, "-m", "pipeline", *args], [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as empty:
        fresh = clocked(lambda: run(policy, {"XDG_CACHE_HOME": empty}), child=True)
    same = run(policy) == in_process()
    rounds = [(clocked(lambda: run(floor), child=True), clocked(lambda: run(policy), child=True),
               clocked(in_process, child=False)) for _ in range(repeat)]
    no_bytecode = clocked(lambda: run(policy, {"PYTHONDONTWRITEBYTECODE": "1"}), child=True)
    for k, clock in enumerate(("wall", "CPU")):
        f, p, w = (statistics.median(r[part][k] for r in rounds) for part in range(3))
        by_warm = statistics.median(r[1][k] / r[2][k] for r in rounds)
        by_floor = statistics.median(r[1][k] / r[0][k] for r in rounds)
        print(f"`policy diff` 治安 2012 -> 2025, {clock}: whole process {p:.3f} s, same command warm in process "
              f"{w:.3f} s, `python -c pass` {f:.3f} s; process / warm {by_warm:.2f}x (aim <= 3x), "
              f"/ python -c pass {by_floor:.1f}x (aim <= 40x)")
    print(f"  same output: {same}; first process, dictionary cache not there yet: {fresh[0]:.3f} s; "
          f"a process not writing bytecode (PYTHONDONTWRITEBYTECODE=1): {no_bytecode[0]:.3f} s")


def clocked(fn, child: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of `fn()`: CPU of the child processes it waits for, or of this one."""
    def cpu() -> float:
        if child:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        return time.process_time()

    c0, t0 = cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, cpu() - c0


def main() -> None:
    if sys.argv[1:] == ["startup"]:
        startup()
        return
    a = api.ingest_file(CORPUS / "law-zhian-chufa-2012.txt")
    b = api.ingest_file(CORPUS / "law-zhian-chufa-2025.txt")
    diff(a, b)
    report("治安管理处罚法 2012 -> 2025 diff, warm", timed(lambda: diff(a, b), 10), "aim < 0.5 s")
    ua, ub = extract_units(a), extract_units(b)
    report("  of which units + align", timed(lambda: align(extract_units(a), extract_units(b)), 10), "")
    report("  cold words", timed(lambda: (_words.cache_clear(), diff(a, b)), 5), "")
    chain = diff_chain([a, b])
    report("  JSON (validated) + HTML", timed(lambda: (to_json(chain), to_html(chain)), 5), "")
    print(f"  units: {len(ua)} old, {len(ub)} new; clauses changed: {sum(c.changed for c in diff(a, b).changes)}")

    pool = corpus_clauses()
    old, new = synthetic(pool)
    n_old = sum(1 for n in old.nodes() if n.kind == "article")
    n_new = sum(1 for n in new.nodes() if n.kind == "article")
    diff(old, new)
    report(f"synthetic {n_old} -> {n_new} articles ({len(pool)} distinct corpus clauses), warm",
           timed(lambda: diff(old, new), 5), "aim < 3 s")
    report("  of which units + align", timed(lambda: align(extract_units(old), extract_units(new)), 5), "")
    report("  cold words", timed(lambda: (_words.cache_clear(), diff(old, new)), 3), "")
    s = diff(old, new).summary()["clauses"]
    print("  clauses:", {k: v for k, v in s.items() if v})

    def diff_of(gold):
        return diff(api.ingest_file(CORPUS / gold.old_name), api.ingest_file(CORPUS / gold.new_name))

    for label, golds in (("calibration", CALIBRATION), ("held-out", HELDOUT)):
        s = score_set(golds, diff_of)
        hard = score_set([g for g in golds if g in REWRITES], diff_of)
        print(f"pairing, {label} ({len(golds)} version pairs): precision {s.precision:.3f}, recall {s.recall:.3f}"
              f" ({s.required} hand-made pairs); recall on reworded pairs {s.reworded_recall:.3f} ({s.reworded});"
              f" full revisions and drafts only: precision {hard.precision:.3f}, recall {hard.recall:.3f}"
              f" ({hard.required})")
        for p in s.pairs:
            print(f"  {p.gold.old_name} -> {p.gold.new_name}: precision {p.precision:.2f}, recall {p.recall:.2f}"
                  f" ({len(p.gold.required)} hand-made pairs; false: {sorted(p.false)})")
    startup()


if __name__ == "__main__":
    main()
