"""`policy add`, `history`, `diff` by library id, `search` and `drafts` through the CLI; `add` killed mid-batch."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime

import pytest
from click.testing import CliRunner
from conftest import CORPUS, HOHHOT, ROOT
from library_corpus import VERSIONS, canonical, connect, corpus_library

from pipeline.cli import cli
from pipeline.library import add, drafts

KEJI = [CORPUS / "law-guojia-keji-jiangli-tiaoli-2020.txt", CORPUS / "law-guojia-keji-jiangli-tiaoli-2024.txt"]


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input, env=env)


def test_add_prints_a_line_per_document_and_a_second_run_changes_nothing(tmp_path):
    db = tmp_path / "lib.db"
    result = run("add", "--db", db, "-j", "1", HOHHOT, *KEJI)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == ["added 1: new policy 1 关于建设科技强市 促进首府高质量发展的实施意见",
                         "added 2: new policy 2 国家科学技术奖励条例"]
    assert lines[2].startswith("added 3: new version of 国家科学技术奖励条例 (2/2): ")
    again = run("add", "--db", db, *KEJI)
    assert again.exit_code == 0
    assert [line.split(" is document")[0] for line in again.output.splitlines()] == [
        f"unchanged: {KEJI[0]}", f"unchanged: {KEJI[1]}"]


def test_add_reads_stdin_and_the_library_from_policy_db(tmp_path):
    db = tmp_path / "env.db"
    result = run("add", "-", input=HOHHOT.read_bytes(), env={"POLICY_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added 1: new policy 1 ")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT source_name, source_path FROM documents").fetchone() == ("stdin", None)
    conn.close()


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("add", "--db", tmp_path / "lib.db", "-j", "1", bad, HOHHOT)
    assert result.exit_code == 1
    assert "added 1: new policy 1" in result.output
    assert "Error: empty.txt: empty file" in result.output


def test_version_of_an_unknown_policy_is_refused(tmp_path):
    result = run("add", "--db", tmp_path / "lib.db", "--version-of", "7", HOHHOT)
    assert result.exit_code == 1 and "no policy 7 in the library" in result.output


def test_history_lists_the_versions_with_their_changes():
    db = corpus_library()
    conn = connect(db)
    pid = conn.execute("SELECT policy_id FROM documents WHERE source_name = ?",
                       ("law-zhian-chufa-draft2.txt",)).fetchone()[0]
    conn.close()
    result = run("history", pid, "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"policy {pid}: 中华人民共和国治安管理处罚法 (3 versions)"
    files = [line.split(" | ")[4] for line in lines[3:]]
    assert files == ["law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt"]
    assert run("history", "zhian-chufa-draft2", "--db", db).output == result.output   # untitled: by file name
    by_title = run("history", "审计条例", "--db", db)
    assert by_title.exit_code == 0 and "北京市审计条例 (2 versions)" in by_title.output
    several = run("history", "条例", "--db", db)
    assert several.exit_code == 1 and "policies match '条例'" in several.output
    assert run("history", "1", "--db", db.parent / "nothing.db").exit_code == 1


def test_diff_takes_library_ids_as_well_as_files():
    db = corpus_library()
    conn = connect(db)
    ids = [conn.execute("SELECT id FROM documents WHERE source_name = ?", (p.name,)).fetchone()[0] for p in KEJI]
    conn.close()
    by_id = run("diff", *ids, "--db", db)
    by_file = run("diff", *KEJI)
    assert by_id.exit_code == 0, by_id.output
    assert by_id.output == by_file.output and "第" in by_id.output
    mixed = run("diff", KEJI[0], ids[1], "--db", db)
    assert mixed.output == by_file.output
    assert run("diff", "999999", ids[1], "--db", db).exit_code == 1


def test_search_prints_clauses_with_marked_snippets():
    result = CliRunner().invoke(cli, ["search", "补贴", "--db", str(corpus_library()), "-n", "0"])
    assert result.exit_code == 0
    shown = [line for line in result.stdout.splitlines() if line.startswith("    ")]
    assert shown and all("**补贴**" in line for line in shown)
    assert result.stderr.strip() == f"{len(shown)} clauses found"


def test_drafts_open_first_by_deadline():
    conn = connect(corpus_library())
    found = drafts.drafts(conn, now=datetime(2024, 11, 1, 9, 0, tzinfo=drafts.CHINA))
    conn.close()
    # Hohhot: comments by 2024-11-13 17:00 to 申立苗, 0471-6373671; 珠海 by 2019-11-13 (冯先生, 2128803);
    # 交通运输部 by 2019-05-01, to zhangqiang@mot.gov.cn.
    assert [(d.source_path.split("/")[-1], d.deadline, d.open) for d in found] == [
        ("hohhot-2024-keji-qiangshi-draft.txt", "2024-11-13T17:00", True),
        ("zhuhai-2019-gangao-qingnian-buzhu-zhengqiu-yijian.html", "2019-11-13", False),
        ("mot-2019-wangluo-huoyun-banfa-zhengqiu-yijian.txt", "2019-05-01", False),
        # two revision drafts of laws (status 修订草案, from corpus/METADATA.tsv): no deadline in the text, so last
        ("law-minyong-hangkong-xiuding-caoan.txt", None, False), ("law-zhian-chufa-draft2.txt", None, False)]
    assert (found[0].contact_name, found[0].contact_phone) == ("申立苗", "0471-6373671")
    assert (found[1].contact_name, found[1].contact_phone) == ("冯先生", "2128803")
    assert "zhangqiang@mot.gov.cn" in found[2].feedback
    conn = connect(corpus_library())
    assert drafts.drafts(conn, now=datetime(2024, 11, 13, 17, 1, tzinfo=drafts.CHINA), open_only=True) == []
    conn.close()


def test_drafts_as_markdown_csv_json_and_a_calendar(tmp_path):
    icalendar = pytest.importorskip("icalendar", reason="the ics extra: pip install 'policy-pipeline[ics]'")
    db = corpus_library()
    md = run("drafts", "--db", db)
    assert md.exit_code == 0 and md.output.splitlines()[0].startswith("| id | title |")
    csv_out = run("drafts", "--db", db, "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("document_id,policy_id,title") and len(csv_out) == 6
    rows = json.loads(run("drafts", "--db", db, "--format", "json").output)
    assert [r["deadline"] for r in rows] == ["2024-11-13T17:00", "2019-11-13", "2019-05-01", None, None]
    ics = tmp_path / "deadlines.ics"
    assert run("drafts", "--db", db, "--ics", ics).exit_code == 0
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 3 and cal.walk("VTIMEZONE")
    hohhot = next(e for e in events if "科技强市" in str(e["SUMMARY"]))
    end = hohhot.decoded("DTEND")
    assert (end.year, end.month, end.day, end.hour, end.minute, str(end.tzinfo)) == (2024, 11, 13, 17, 0,
                                                                                      "Asia/Shanghai")
    assert "申立苗 0471-6373671" in str(hohhot["DESCRIPTION"])
    assert hohhot.walk("VALARM")[0].decoded("TRIGGER").days == -1
    zhuhai = next(e for e in events if e.decoded("DTSTART") == datetime(2019, 11, 13).date())
    assert zhuhai.decoded("DTEND") == datetime(2019, 11, 14).date()
    assert run("drafts", "--db", db, "--ics", ics).exit_code == 0
    assert ics.read_bytes() == run_ics(db, tmp_path)


def run_ics(db, tmp_path):
    other = tmp_path / "again.ics"
    run("drafts", "--db", db, "--ics", other)
    return other.read_bytes()


def test_serve_without_datasette_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.delitem(sys.modules, "pipeline.library.web", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", str(corpus_library())])
    assert result.exit_code == 1
    assert result.stderr == "Error: policy serve needs Datasette: pip install 'policy-pipeline[web]'\n"


# --- killed mid-batch ---------------------------------------------------------------------

BATCH = [CORPUS / n for n in ("law-guojia-keji-jiangli-tiaoli-2020.txt", "hohhot-2024-keji-qiangshi-draft.txt",
                              "law-zhian-chufa-2025.txt", "law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt",
                              "law-guojia-keji-jiangli-tiaoli-2024.txt", "law-shouyang-dengji-banfa-2019.txt")]


def _command(db):
    return [sys.executable, "-m", "pipeline", "add", "--db", str(db), "--versions", str(VERSIONS), "-j", "1",
            *map(str, BATCH)]


def _consistent(db) -> None:
    conn = connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    docs = [r[0] for r in conn.execute("SELECT id FROM documents")]
    for doc in docs:
        assert conn.execute("SELECT count(*) FROM nodes WHERE document_id = ?", (doc,)).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM document_json WHERE document_id = ?", (doc,)).fetchone()[0] == 1
    with_text = conn.execute("SELECT count(*) FROM nodes WHERE trim(text) != ''").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM clauses_fts").fetchone()[0] == with_text
    canonical(conn)  # versions numbered 1..n in every policy
    successive = {tuple(r) for r in conn.execute("SELECT a.id, b.id FROM documents a JOIN documents b ON "
                                                 "a.policy_id = b.policy_id AND b.version = a.version + 1")}
    stored = {tuple(r) for r in conn.execute("SELECT old_document_id, new_document_id FROM changes")}
    assert stored == successive
    conn.close()


def test_add_killed_mid_batch_leaves_a_consistent_library_that_the_next_add_completes(tmp_path):
    db = tmp_path / "lib.db"
    proc = subprocess.Popen(_command(db), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    probe = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
                    seen = probe.execute("SELECT count(*) FROM documents").fetchone()[0]
                    probe.close()
                except sqlite3.OperationalError:
                    pass
            if seen >= 3:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
    _consistent(db)
    conn = connect(db)
    kept = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    assert 3 <= kept < len(BATCH)
    finish = subprocess.run(_command(db), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finish.returncode == 0, finish.stderr
    assert finish.stdout.count("unchanged: ") == kept
    _consistent(db)
    clean = tmp_path / "clean.db"
    assert all(a.ok for a in add.add(clean, BATCH, jobs=1, declared=VERSIONS))
    assert canonical(connect(db)) == canonical(connect(clean))
