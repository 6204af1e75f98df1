"""The `policy` command through click's CliRunner: exit codes, outputs, messages."""
import json
import re

from click.testing import CliRunner

from conftest import CORPUS, HOHHOT, ROOT
from pipeline.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input)


def test_ingest_writes_valid_json_and_a_summary_line(tmp_path):
    result = run("ingest", HOHHOT, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "3 parts, 9 actions, 26 measures" in result.output
    written = json.loads((tmp_path / "hohhot-2024-keji-qiangshi-draft.json").read_text(encoding="utf-8"))
    assert written["title"] == "关于建设科技强市 促进首府高质量发展的实施意见"
    assert list(tmp_path.iterdir()) == [tmp_path / "hohhot-2024-keji-qiangshi-draft.json"]


def test_ingest_the_whole_corpus(tmp_path):
    texts = [p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html")]
    result = run("ingest", *texts, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.json"))) == len(texts)
    assert not list(tmp_path.glob(".*"))


def test_rerun_is_byte_identical(tmp_path):
    run("ingest", HOHHOT, "-o", tmp_path / "a")
    run("ingest", HOHHOT, "-o", tmp_path / "b")
    name = "hohhot-2024-keji-qiangshi-draft.json"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_stdin(tmp_path):
    result = run("ingest", "-", "-o", tmp_path, input=HOHHOT.read_bytes())
    assert result.exit_code == 0, result.output
    assert (tmp_path / "stdin.json").exists()


def test_bad_inputs_exit_1_with_one_line_and_write_nothing(tmp_path):
    out = tmp_path / "out"
    for name, data in [("empty.txt", b""), ("binary.txt", b"\x00\x01\x02\x03"), ("plain.txt", "没有结构。".encode())]:
        (tmp_path / name).write_bytes(data)
        result = run("ingest", tmp_path / name, "-o", out)
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines() if hasattr(result, "stderr") else result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_missing_file_and_usage_errors(tmp_path):
    assert run("ingest", tmp_path / "nope.txt", "-o", tmp_path).exit_code == 1
    assert run("ingest").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_show_prints_an_outline():
    result = run("show", HOHHOT)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）"
    assert sum(1 for ln in lines if ln.strip().startswith("measure")) == 26
    assert any(re.match(r"^\s+action\s+\(一\)实施创新平台“能级提升”行动$", ln) for ln in lines)


def test_show_reads_ingested_json_too(tmp_path):
    run("ingest", HOHHOT, "-o", tmp_path)
    from_json = run("show", tmp_path / "hohhot-2024-keji-qiangshi-draft.json")
    assert from_json.exit_code == 0 and from_json.output == run("show", HOHHOT).output


def test_feed_lines_follow_the_contract():
    result = run("feed", HOHHOT)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    m6 = next(r for r in records if r["kind"] == "measure" and r["ordinal"] == 6)
    assert m6["path"] == ["二", "(二)", "6"]
    assert m6["title"] == "强化企业研发投入主体地位"
    assert m6["doc_title"] == "关于建设科技强市 促进首府高质量发展的实施意见"
    text = HOHHOT.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in records)


def test_validate_reports_path_and_message(tmp_path):
    run("ingest", HOHHOT, "-o", tmp_path)
    good = tmp_path / "hohhot-2024-keji-qiangshi-draft.json"
    assert run("validate", good).exit_code == 0
    obj = json.loads(good.read_text(encoding="utf-8"))
    obj["root"]["children"][0]["start"] = -5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(obj), encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 1
    assert "bad.json: root/children/0/start: -5 is less than the minimum of 0" in result.output


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0
        assert f"policy {name}" in readme, name


def test_written_files_are_readable_by_others(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        run("ingest", HOHHOT, "-o", tmp_path)
    finally:
        os.umask(old)
    mode = (tmp_path / "hohhot-2024-keji-qiangshi-draft.json").stat().st_mode
    assert stat.S_IMODE(mode) == 0o644
