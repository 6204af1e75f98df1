"""Library benchmark: adding the corpus and its version chains, re-adding it, and searches; prints,
asserts nothing.

1. `policy add` of every file at the top of `corpus/` with `corpus/VERSIONS` (what
   `policy add corpus/*.txt corpus/*.html --versions corpus/VERSIONS` does) into a fresh
   library, with the default number of workers and with one, after a warm-up (imports,
   jieba's dictionary): wall time, documents, policies, stored diffs, library size, and the
   time parsing alone takes (the rest is the one writer: diffs, indexes, a sync per document);
2. the same files again (every one a no-op, by content hash);
3. the main job's share: `library.add.create` from documents already ingested, the
   chains' diffs reused as `policy build` does;
4. searches (补贴, 人才, 补, 高质量发展, 人才 补贴), warm, median of `--repeat`, and a cold
   `policy search 补贴` in a fresh process.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import timed  # noqa: E402

from pipeline import api  # noqa: E402
from pipeline import batch  # noqa: E402
from pipeline.batch import default_jobs  # noqa: E402
from pipeline.diff import diff_chain  # noqa: E402
from pipeline.library import add, chains, schema, search  # noqa: E402

CORPUS = ROOT / "corpus"
VERSIONS = CORPUS / "VERSIONS"
QUERIES = ["补贴", "人才", "补", "高质量发展", "人才 补贴"]


def files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))


def add_all(db: Path, jobs: int) -> float:
    t0 = time.perf_counter()
    results = add.add(db, files(), jobs=jobs, declared=VERSIONS)
    elapsed = time.perf_counter() - t0
    failed = [r.message for r in results if not r.ok]
    if failed:
        print(f"  {len(failed)} failures, first: {failed[0]}")
    return elapsed


def counts(db: Path) -> str:
    conn = schema.connect(db, create=False)
    n = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "policies", "nodes")}
    steps = conn.execute("SELECT count(*) FROM (SELECT DISTINCT old_document_id, new_document_id FROM changes)")
    steps = steps.fetchone()[0]
    conn.close()
    return (f"{n['documents']} documents, {n['policies']} policies, {steps} diffs stored, "
            f"{n['nodes']} nodes, {db.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        jobs = default_jobs()
        warm = [str(CORPUS / n) for n in chains.read_chains(VERSIONS)[0]]
        diff_chain([api.ingest_file(p) for p in warm])
        for j in dict.fromkeys((jobs, 1)):
            db = tmp / f"jobs{j}.db"
            print(f"add the corpus and its chains, --jobs {j}: {add_all(db, j):.1f} s ({counts(db)})")
            t0 = time.perf_counter()
            for _ in batch.ingest_many([str(p) for p in files()], j):
                pass
            print(f"  of which parsing alone would take {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        results = add.add(db, files(), jobs=jobs, declared=VERSIONS)
        again = time.perf_counter() - t0
        print(f"add it again (all {sum(r.status == 'unchanged' for r in results)} unchanged): {again:.2f} s")

        docs = [(api.ingest_file(p), str(p)) for p in files()]
        by_name = {d.source.name: d for d, _ in docs}
        diffs = {}
        for names in chains.read_chains(VERSIONS):
            for step in diff_chain([by_name[n] for n in names]).steps:
                diffs[(step.old.source.sha256, step.new.source.sha256)] = step
        t0 = time.perf_counter()
        add.create(tmp / "build.db", docs, VERSIONS, diffs)
        print(f"the main job's library (documents ingested, chain diffs reused): {time.perf_counter() - t0:.1f} s")

        conn = schema.connect(db, create=False)
        for query in QUERIES:
            found = len(search.search(conn, query))
            took = statistics.median(timed(lambda: search.search(conn, query), args.repeat))
            print(f"search {query!r}: {found} clauses, {took * 1000:.1f} ms median (warm)")
        conn.close()
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "search", "补贴", "--db", str(db), "-n", "0"],
                       check=True, capture_output=True)
        print(f"policy search 补贴, cold process: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
