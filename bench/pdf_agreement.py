"""PDF agreement: every corpus text laid out as an office's Word file, printed to PDF by LibreOffice,
read back; prints how much of the DOCX's clauses, notes and money terms the PDF gives. Asserts nothing.

Each corpus file (text or web page) becomes a Word-like DOCX (`tests/office_fixtures.word_docx`:
running header, page-number footer, 仿宋 body with first-line indents, centred title; the Hohhot
draft with its task table and a two-column table), all converted in one LibreOffice run. For each
document the clauses (id, kind, number, title), notes and money terms of the PDF are matched against
the DOCX's as multisets (fields compared without offsets, text fields without blanks: a PDF cannot
keep a space where a line wrapped), and the paragraphs compared the same way. Needs `soffice`.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from office_fixtures import (  # noqa: E402
    SOFFICE, convert, facts, hohhot_with_tables, paragraphs, title_of, unspaced, word_docx,
)
from pipeline import api  # noqa: E402
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.load import load, load_bytes  # noqa: E402

KINDS = ("clauses", "notes", "money")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="corpus file names (default: every .txt and .html)")
    args = parser.parse_args()
    if SOFFICE is None:
        sys.exit("needs LibreOffice (soffice) on PATH")
    names = args.names or sorted(p.name for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".html"})
    sources = {}
    for i, name in enumerate(names):
        text = load(ROOT / "corpus" / name).text
        lines, tables = hohhot_with_tables(text) if name.startswith("hohhot-") else (paragraphs(text), {})
        sources[Path(name).stem + ".docx"] = word_docx(lines, header=title_of(lines),
                                                      page_numbers="of" if i % 2 else "dash", tables=tables)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        pdfs = convert(sources, "pdf", Path(folder))
        print(f"{len(pdfs)} PDFs made by LibreOffice in {time.perf_counter() - t0:.1f} s")
    matched, total, matched_exact = Counter(), Counter(), Counter()
    same_docs = same_text = 0
    read_time = 0.0
    for key, docx in sources.items():
        try:
            reference = api.ingest_source(load_bytes(docx, key))
        except PipelineError as exc:
            print(f"{key[:-5]:48} skipped: the DOCX itself fails ({exc.message})")
            continue
        t0 = time.perf_counter()
        doc = api.ingest_source(load_bytes(pdfs[key], key[:-5] + ".pdf"))
        read_time += time.perf_counter() - t0
        expected, got = facts(reference), facts(doc)
        exact = facts(reference, blanks=True), facts(doc, blanks=True)
        row, whole = [], True
        for kind in KINDS:
            hit = sum((Counter(expected[kind]) & Counter(got[kind])).values())
            n = max(len(expected[kind]), len(got[kind]))
            matched[kind] += hit
            total[kind] += n
            matched_exact[kind] += sum((Counter(exact[0][kind]) & Counter(exact[1][kind])).values())
            whole = whole and hit == n
            row.append(f"{kind} {hit}/{n}")
        text_equal = [line for line in unspaced(doc.text.splitlines()) if line] == [
            line for line in unspaced(reference.text.splitlines()) if line]
        same_docs += whole
        same_text += text_equal
        print(f"{key[:-5]:48} {'  '.join(row)}  paragraphs {'same' if text_equal else 'DIFFER'}")
    count = sum(1 for _ in sources)
    print()
    for kind in KINDS:
        print(f"{kind:8} {matched[kind]}/{total[kind]} = {100 * matched[kind] / max(total[kind], 1):.2f} %"
              f"   (blanks compared too: {100 * matched_exact[kind] / max(total[kind], 1):.2f} %)")
    everything = sum(matched.values()) / max(sum(total.values()), 1)
    print(f"all      {sum(matched.values())}/{sum(total.values())} = {100 * everything:.2f} %")
    print(f"documents with every clause, note and money term: {same_docs}; with the same paragraphs: {same_text}"
          f" (of {count}); PDF reading {read_time:.1f} s in all")


if __name__ == "__main__":
    main()
