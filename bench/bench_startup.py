"""Start-up benchmark: three short commands as ratios to `python3 -c pass`; prints, asserts nothing.

Each command runs as a fresh process (the installed `policy` entry point, or
`python -m pipeline` when it is not on PATH), best of `--repeat` interleaved
runs, so a short command is mostly import and set-up time. The floor is the
same interpreter doing nothing, measured in the same run, so the ratios hold on
a slower or busier machine. Targets (issue 12): `policy --help` ≤ 5×, `policy
feed` of the Hohhot draft ≤ 15×, `policy diff` 治安 2012 → 2025 ≤ 40×.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"
ZHIAN = (CORPUS / "law-zhian-chufa-2012.txt", CORPUS / "law-zhian-chufa-2025.txt")


def policy() -> list[str]:
    """The command that starts the tool, as a user would run it."""
    found = shutil.which("policy", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    return [found] if found else [sys.executable, "-m", "pipeline"]


def commands() -> list[tuple[str, list[str], float]]:
    """(label, argv, target ratio); the floor first."""
    tool = policy()
    return [
        ("python3 -c pass", [sys.executable, "-c", "pass"], 1.0),
        ("policy --help", tool + ["--help"], 5.0),
        ("policy feed hohhot draft", tool + ["feed", str(HOHHOT)], 15.0),
        ("policy diff 治安 2012→2025", tool + ["diff", str(ZHIAN[0]), str(ZHIAN[1])], 40.0),
    ]


def run_once(argv: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # diff exits 1 when the versions differ, as diff(1) does
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (best is kept)")
    args = parser.parse_args()
    cmds = commands()
    for _, argv, _ in cmds:  # warm the file cache (and jieba's dictionary cache) once, untimed
        run_once(argv)
    best = {label: float("inf") for label, _, _ in cmds}
    for _ in range(args.repeat):  # interleaved, so a busy moment costs every command alike
        for label, argv, _ in cmds:
            best[label] = min(best[label], run_once(argv))
    floor = best[cmds[0][0]]
    print(f"{'command':<28} {'best s':>8} {'ratio':>7} {'target':>7}")
    for label, _, target in cmds:
        ratio = best[label] / floor
        mark = "" if label == cmds[0][0] else ("ok" if ratio <= target else "OVER")
        print(f"{label:<28} {best[label]:8.3f} {ratio:6.1f}× {target:6.0f}× {mark}")


if __name__ == "__main__":
    main()
