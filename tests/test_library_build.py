"""`policy build` writes the library of the corpus; it holds what `policy add` of the same files gives."""
from __future__ import annotations

import shutil
import sqlite3

from click.testing import CliRunner
from conftest import CORPUS, CORPUS_FILES
from library_corpus import VERSIONS, canonical, connect, corpus_library

from pipeline.cli import cli
from pipeline.library import add

FILES = ["hohhot-2024-keji-qiangshi-draft.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt",
         "law-guojia-keji-jiangli-tiaoli-2020.txt"]


def test_build_writes_the_library_and_says_how_to_browse_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "VERSIONS").write_text(f"{FILES[2]} {FILES[1]}\n", encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):                      # a second build replaces the library whole
        result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-j", "1"])
        assert result.exit_code == 0, result.output
        db = out / "policy.db"
        assert result.output.splitlines()[-1] == f"browse the library ({db}): policy serve --db {db}"
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT p.title, d.version, d.source_name FROM documents d JOIN policies p "
                            "ON p.id = d.policy_id ORDER BY p.title, d.version").fetchall()
        conn.close()
        assert rows == [("关于建设科技强市 促进首府高质量发展的实施意见", 1, FILES[0]),
                        ("国家科学技术奖励条例", 1, FILES[2]), ("国家科学技术奖励条例", 2, FILES[1])]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_the_corpus_library_is_what_policy_add_gives(tmp_path):
    added = add.add(tmp_path / "lib.db", CORPUS_FILES, jobs=2, declared=VERSIONS)
    assert all(a.ok for a in added) and [a.path for a in added] == list(map(str, CORPUS_FILES))
    assert canonical(connect(tmp_path / "lib.db")) == canonical(connect(corpus_library()))
