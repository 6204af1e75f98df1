"""Parallel batch ingest: every file tried, failures reported at the end, same bytes as serial."""
from __future__ import annotations

import shutil
import subprocess
import sys

from click.testing import CliRunner

from conftest import CORPUS, ROOT
from load_fixtures import EXPECTED, docx_auto, hostile_files, text_lines
from pipeline import batch
from pipeline.cli import cli

GOOD = ["hohhot-2024-keji-qiangshi-draft.txt", "govcn-2019-guofa3-zonghe-baoshuiqu.html",
        "law-fan-buzhengdang-jingzheng-2019.txt", "liuhe-zhongdian-chanye-shishi-yijian-old.html"]


def mixed_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in GOOD:
        shutil.copyfile(CORPUS / name, folder / name)
    (folder / "auto.docx").write_bytes(docx_auto(text_lines()))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "table.csv").write_text("a,b\n", encoding="utf-8")
    return folder


def test_parallel_outcomes_are_in_input_order_and_match_serial_bytes(tmp_path):
    folder = mixed_folder(tmp_path)
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix != ".csv")
    serial = batch.run(paths, str(tmp_path / "one"), jobs=1)
    parallel = batch.run(paths, str(tmp_path / "two"), jobs=2)
    assert [o.path for o in parallel] == paths
    assert [(o.doc_id, o.summary, o.error) for o in parallel] == [(o.doc_id, o.summary, o.error) for o in serial]
    assert sorted(o.path.rsplit("/", 1)[1] for o in parallel if not o.ok) == ["empty.txt", "image.txt"]
    written = sorted(p.name for p in (tmp_path / "two").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "one").iterdir()) and len(written) == len(GOOD) + 1
    for name in written:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_ingest_folder_skips_with_a_note_and_reports_failures_at_the_end(tmp_path):
    folder = mixed_folder(tmp_path)
    result = CliRunner().invoke(cli, ["ingest", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert any(line.startswith("skipped") and "table.csv" in line for line in err)
    assert [line for line in err if line.startswith("Error: ")] == [
        "Error: empty.txt: empty file", "Error: image.txt: binary file (contains NUL bytes), not text"]
    assert err[-1] == "2 of 7 files failed"
    assert len(list((tmp_path / "out").glob("*.json"))) == 5
    assert "auto: 3 parts, 9 actions, 26 measures" in result.stdout


def test_jobs_must_be_positive(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "-o", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2


def test_each_hostile_file_through_the_command_fails_alone_and_writes_nothing(tmp_path):
    files = hostile_files(tmp_path)
    out = tmp_path / "out"
    for name, path in files.items():
        proc = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(path), "-o", str(out)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1, name
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {name}: ") and EXPECTED[name] in lines[0]
        assert not out.exists() or list(out.iterdir()) == []


def test_inputs_sharing_a_name_get_distinct_ids_whatever_the_order_of_work(tmp_path):
    folder = tmp_path / "in"
    (folder / "2019").mkdir(parents=True)
    (folder / "2024").mkdir()
    (folder / "draft.txt").write_bytes((CORPUS / "hohhot-2024-keji-qiangshi-draft.txt").read_bytes())
    (folder / "draft.html").write_bytes((CORPUS / "govcn-2019-guofa3-zonghe-baoshuiqu.html").read_bytes())
    (folder / "2019" / "law.txt").write_bytes((CORPUS / "law-fan-buzhengdang-jingzheng-2019.txt").read_bytes())
    (folder / "2024" / "law.txt").write_bytes((CORPUS / "law-fan-buzhengdang-jingzheng-2025.txt").read_bytes())
    (folder / "other.txt").write_bytes((CORPUS / "law-zhian-chufa-2012.txt").read_bytes())
    paths = [str(folder / n) for n in ("draft.txt", "draft.html", "2019/law.txt", "2024/law.txt", "other.txt")]
    expected = ["draft-txt", "draft-html", "2019-law-txt", "2024-law-txt", "other"]
    assert batch.doc_ids(paths) == expected
    assert batch.doc_ids(paths[::-1]) == expected[::-1]
    assert batch.doc_ids([paths[0]]) == ["draft"] and batch.doc_ids([paths[0], paths[0]]) == ["draft", "draft"]
    serial = batch.run(paths, str(tmp_path / "one"), jobs=1)
    parallel = batch.run(paths[::-1], str(tmp_path / "two"), jobs=3)
    assert [o.doc_id for o in serial] == expected and [o.doc_id for o in parallel] == expected[::-1]
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(f"{i}.json" for i in expected)
    for name in (f"{i}.json" for i in expected):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert '"doc_id": "draft-html"' in (tmp_path / "one" / "draft-html.json").read_text(encoding="utf-8")


def test_ids_that_differ_only_in_case_are_refused_before_anything_is_written(tmp_path):
    (tmp_path / "Draft.txt").write_bytes((CORPUS / "hohhot-2024-keji-qiangshi-draft.txt").read_bytes())
    (tmp_path / "draft.txt").write_bytes((CORPUS / "law-zhian-chufa-2012.txt").read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "Draft.txt"), str(tmp_path / "draft.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "same doc id" in result.stderr and "Draft.txt" in result.stderr
    assert not out.exists()
