"""The fuzz cases of issue 12 through the `policy` command: each is read in full or gives one
`Error:` line on stderr with exit 1, never an `internal error` or a stray warning line.

Files are copies of /work/shared/hostile (tests/hostile/); the large cases are made by the
generators of that folder's README. Speed is measured in bench/bench_scaling.py, not here.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import validate
from pipeline.cli import cli

HOSTILE = Path(__file__).resolve().parent / "hostile"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def ingest(path, out):
    return run("ingest", "-q", "--jobs", "1", "-o", out, path)


def assert_one_error(result, *words):
    lines = result.stderr.splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    assert "internal error" not in lines[0]
    for word in words:
        assert word in lines[0]


def assert_read(result, out, name):
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    doc = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    assert validate.is_valid(doc, "document") and doc["text"]
    return doc


@pytest.mark.parametrize("name, words", [
    ("bad-crc.docx", ["word/document.xml", "decompressing"]),
    ("xxe-utf16.docx", ["declares entities"]),
    ("laughs-utf16.docx", ["declares entities"]),
    ("nested-tables-300.docx", ["more than 256 deep"]),
    ("flipped.pdf", ["broken PDF"]),
    ("header-only.pdf", ["broken PDF"]),
])
def test_a_broken_or_hostile_file_is_one_error_line(tmp_path, name, words):
    result = ingest(HOSTILE / name, tmp_path)
    assert_one_error(result, name, *words)
    assert not list(tmp_path.iterdir())


def test_entity_declarations_are_refused_by_our_check_before_lxml_sees_them():
    from pipeline.errors import InputError
    from pipeline.load.guard import refuse_entities, xml_text

    for name in ("xxe-utf16.docx", "laughs-utf16.docx"):
        import zipfile

        with zipfile.ZipFile(HOSTILE / name) as archive:
            data = archive.read("word/document.xml")
        assert data.startswith(b"\xff\xfe") and b"<!ENTITY" not in data  # UTF-16: the byte check missed it
        with pytest.raises(InputError, match="entities"):
            refuse_entities(xml_text(data, name, "word/document.xml"), name)


@pytest.mark.parametrize("name, kind", [
    ("brackets-4000.txt", None), ("nested-3000.txt", "measure"), ("money-flood-4000.txt", None),
    ("slow-m01055-166msKB.txt", "article"), ("slow-m02410-115msKB.txt", None),
    ("hang-m00592-findnotes.html", "measure"), ("u2028.txt", None),
])
def test_a_slow_case_is_read_in_full(tmp_path, name, kind):
    doc = assert_read(ingest(HOSTILE / name, tmp_path), tmp_path, Path(name).stem)
    if kind:
        assert any(n["kind"] == kind for n in _walk(doc["root"]))


def test_money_flood_gives_every_amount(tmp_path):
    doc = assert_read(ingest(HOSTILE / "money-flood-4000.txt", tmp_path), tmp_path, "money-flood-4000")
    written = (HOSTILE / "money-flood-4000.txt").read_text(encoding="utf-8").count("500万元")
    terms = [m for records in doc["layers"]["money"]["records"].values() for m in records]
    assert len(terms) == written and {m["amount_yuan"] for m in terms} == {5_000_000}


def test_a_page_declaring_gbk_with_a_utf8_body_is_decoded(tmp_path):
    doc = assert_read(ingest(HOSTILE / "wrong-charset-gbk-decl-utf8-body.html", tmp_path), tmp_path,
                      "wrong-charset-gbk-decl-utf8-body")
    assert doc["source"]["encoding"] == "utf-8"
    assert doc["title"] == "关于建设科技强市 促进首府高质量发展的实施意见"


def test_validate_reads_the_feed_of_a_text_holding_u2028(tmp_path):
    feed = run("feed", HOSTILE / "u2028.txt")
    assert feed.exit_code == 0 and "\u2028" in feed.stdout
    path = tmp_path / "u2028.jsonl"
    path.write_text(feed.stdout, encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    assert f"ok ({len(feed.stdout.splitlines())} valid)" not in result.stdout  # str.splitlines splits at U+2028
    assert f"ok ({feed.stdout.count(chr(10))} valid)" in result.stdout


def test_an_output_folder_that_cannot_be_created_is_one_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for args in (["ingest", "-q", HOSTILE / "u2028.txt", HOSTILE / "nested-3000.txt", "-o", blocker / "out"],
                 ["build", HOSTILE, "-o", blocker / "out"]):
        assert_one_error(run(*args), "cannot create the output folder")


def test_a_symlink_and_its_target_are_one_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((HOSTILE / "nested-3000.txt").read_bytes())
    os.symlink("a.txt", folder / "b.txt")
    result = run("ingest", "--jobs", "1", "-o", tmp_path / "out", folder, folder / "b.txt", folder / "a.txt")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 and sorted(os.listdir(tmp_path / "out")) == ["a.json"]


# The large cases, made by the generators of the hostile README.

def test_100k_nested_divs_are_refused_as_too_deep(tmp_path):
    page = tmp_path / "divs.html"
    page.write_text("<html><body>" + "<div>" * 100000 + "一、关于测试\n（一）内容。" + "</div>" * 100000
                    + "</body></html>", encoding="utf-8")
    assert_one_error(ingest(page, tmp_path / "out"), "nests elements more than 256 deep")


def test_ten_thousand_articles(tmp_path):
    law = tmp_path / "articles.txt"
    law.write_text("测试条例\n" + "".join("第%s条 内容。\n" % k for k in range(1, 10001)), encoding="utf-8")
    doc = assert_read(ingest(law, tmp_path), tmp_path, "articles")
    assert [n["ordinal"] for n in _walk(doc["root"]) if n["kind"] == "article"] == list(range(1, 10001))


def test_nested_levels_10k_lines(tmp_path):
    text = tmp_path / "nested.txt"
    text.write_text("关于测试的实施意见\n" + "".join(["一、", "（一）", "1.", "（1）", "①"][j % 5] + "措施内容%d。\n" % j
                                             for j in range(10000)), encoding="utf-8")
    doc = assert_read(ingest(text, tmp_path), tmp_path, "nested")
    assert sum(1 for n in _walk(doc["root"]) if n["kind"] != "document") >= 10000


def test_sixteen_thousand_brackets(tmp_path):
    text = tmp_path / "brackets.txt"
    text.write_text("关于测试的通知\n一、总体要求\n" + "（甲）" * 16000 + "\n", encoding="utf-8")
    assert_read(ingest(text, tmp_path), tmp_path, "brackets")


def test_a_numbering_part_past_the_budget_is_refused_from_the_zip_header(tmp_path):
    from load_fixtures import docx_with_big_numbering

    path = tmp_path / "big.docx"
    path.write_bytes(docx_with_big_numbering(8.5))
    assert_one_error(ingest(path, tmp_path / "out"), "numbering.xml", "limit 8388608")


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)
