"""The `policy` command through click's CliRunner: exit codes, outputs, messages."""
import json
import re

import pytest
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
    # the draft's front matter on every record: 呼和浩特市科学技术局, 2024年10月13日, 11月13日17:00前
    assert (m6["doc_issuer"], m6["doc_date"], m6["doc_status"], m6["doc_deadline"]) == (
        "呼和浩特市科学技术局", "2024-10-13", "征求意见稿", "2024-11-13T17:00")
    text = HOHHOT.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["own_end"]] == r["own_text"] for r in records)
    assert m6["own_text"].startswith("6.强化企业研发投入主体地位。") and "text" not in m6
    # each character is in one record's own text: the feed holds the text once, not once per level
    assert "".join(r["own_text"] for r in records) == text[records[0]["start"]:]
    # a node's whole text is its own text and that of the records after it that start before it ends
    p2 = next(r for r in records if r["id"] == "p2")
    assert "".join(r["own_text"] for r in records if p2["start"] <= r["start"] < p2["end"]) == text[p2["start"]:p2["end"]]


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


# --- conventions shared by every command (pipeline/cli/__init__.py) --------------------------

def _old_document(tmp_path):
    run("ingest", "-q", HOHHOT, "-o", tmp_path)
    path = tmp_path / "hohhot-2024-keji-qiangshi-draft.json"
    obj = json.loads(path.read_text(encoding="utf-8"))
    obj["schema_version"] = "2.0.0"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return old


@pytest.mark.parametrize("command", ["show", "tasks", "money"])
def test_a_file_that_is_not_a_document_is_named_for_what_it_is(command, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(run("feed", HOHHOT).output, encoding="utf-8")
    foreign = tmp_path / "package.json"
    foreign.write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    diff = ROOT / "outputs" / "hohhot-2024-keji-qiangshi-draft--edited.diff.json"
    expected = {diff: "this is a diff report", feed: "this is a feed (JSON Lines from `policy feed`)",
                foreign: "not a document written by `policy ingest`",
                _old_document(tmp_path): "a document JSON of schema 2.0.0; this version of policy-pipeline reads"}
    for path, words in expected.items():
        result = run(command, path, "-o", tmp_path / "out") if command != "show" else run(command, path)
        assert result.exit_code == 1, (path, result.output)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {path}: ")
        assert words in result.stderr
    assert not (tmp_path / "out").exists()


def test_validate_prints_an_ok_line_for_every_good_file_after_a_bad_one(tmp_path):
    run("ingest", "-q", HOHHOT, CORPUS / "govcn-2018-guofa39-cujin-jiuye.html", "-o", tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"root": 1, "schema_version": "3.0.0"}', encoding="utf-8")
    good = sorted(tmp_path.glob("[gh]*.json"))
    result = run("validate", bad, *good)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{p}: ok (1 valid)" for p in good]
    assert result.stderr.splitlines()[-1] == "1 of 3 files invalid"


def test_nothing_ingested_prints_nothing_on_stdout(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", tmp_path / "empty.txt", "-o", tmp_path / "out")
    assert result.exit_code == 1 and result.stdout == ""


def test_progress_on_stderr_is_one_plain_line_per_file_when_stderr_is_not_a_terminal(tmp_path):
    files = [HOHHOT, CORPUS / "govcn-2018-guofa39-cujin-jiuye.html"]
    result = run("ingest", *files, "-o", tmp_path, "-j", "1")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"ingesting {n}/2 {path}: ok" for n, path in enumerate(files, 1)]
    assert len(result.stdout.splitlines()) == 2                      # the summaries, in input order
    assert run("ingest", *files, "-o", tmp_path, "-q").stderr == ""


def test_ctrl_c_exits_130_saying_the_outputs_are_incomplete(tmp_path, monkeypatch):
    from pipeline import api

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "load_document", interrupted)
    result = run("money", HOHHOT, "-o", tmp_path / "out")
    assert result.exit_code == 130
    assert result.stderr.strip() == f"Interrupted: the outputs in {tmp_path / 'out'} are incomplete; " \
                                    "run the command again to finish."
    assert run("show", HOHHOT).exit_code == 130 and "the output is incomplete" in run("show", HOHHOT).stderr


def test_a_bug_surfaces_as_a_traceback_not_an_error_line(monkeypatch):
    from pipeline import api

    def broken(*_args, **_kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(api, "load_document", broken)
    result = run("show", HOHHOT)
    assert isinstance(result.exception, ValueError) and "Error:" not in result.stderr


def test_an_output_folder_that_cannot_be_made_is_one_error_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = run("money", HOHHOT, "-o", blocker / "sub")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {blocker}") and result.stderr.count("\n") == 1


def test_out_has_the_same_default_everywhere():
    defaults = {name: next((p.default for p in command.params if p.name == "out"), None)
                for name, command in cli.commands.items()}
    writes_a_folder = {"ingest", "build", "tasks", "money", "annotate"}
    assert {name: defaults[name] for name in writes_a_folder} == {name: "outputs" for name in writes_a_folder}
    assert defaults["diff"] is None                                   # prints to stdout unless told


def test_show_prints_the_comment_deadline_contact_and_feedback_channels():
    # 请务于11月13日17:00前…反馈我局 … (联系人:申立苗,联系电话:0471-6373671)
    lines = run("show", HOHHOT).output.splitlines()
    assert lines[1:4] == ["发文单位：呼和浩特市科学技术局 2024-10-13", "意见截止：2024-11-13 17:00（原文：11月13日17:00前）",
                          "联系人：申立苗 0471-6373671"]
    # 交通运输部: 电子邮件 zhangqiang@mot.gov.cn; 信函 北京市建国门内大街11号…
    mot = run("show", CORPUS / "mot-2019-wangluo-huoyun-banfa-zhengqiu-yijian.txt").output.splitlines()
    assert mot[2] == "意见截止：2019-05-01（原文：截止时间为2019年5月1日）"
    assert mot[3] == "反馈渠道：zhangqiang@mot.gov.cn；北京市建国门内大街11号交通运输部运输服务司货运与物流管理处"
