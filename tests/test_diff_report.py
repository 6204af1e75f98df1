"""Reports: JSON valid against diff.schema.json and byte-identical on rerun; Markdown;
the `policy diff` command; diff(a, a) is empty and swapping the versions mirrors the diff."""
import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS, HOHHOT, ingested

from pipeline import validate
from pipeline.cli import cli
from pipeline.diff import diff, diff_chain
from pipeline.diff.report import to_html, to_json, to_markdown

PAIRS = [("law-guojia-keji-jiangli-tiaoli-2020.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt"),
         ("law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt"),
         ("law-fan-buzhengdang-jingzheng-2019.txt", "law-fan-buzhengdang-jingzheng-2025.txt"),
         ("law-beijing-youhua-yingshang-tiaoli-2020.txt", "law-beijing-youhua-yingshang-tiaoli-2024.txt"),
         ("law-shanghai-keji-jinbu-tiaoli-2010.txt", "law-shanghai-keji-jinbu-tiaoli-2024.txt"),
         ("liuhe-zhongdian-chanye-shishi-yijian-old.html", "liuhe-zhongdian-chanye-shishi-yijian-2023.html")]


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def _links(result, mirrored=False):
    out = set()
    for c in result.changes:
        old, new = tuple(u.node.id for u in c.old), tuple(u.node.id for u in c.new)
        out.add((c.level, new, old) if mirrored else (c.level, old, new))
    return out


@pytest.mark.parametrize("old,new", PAIRS)
def test_json_validates_and_swapping_mirrors_the_diff(old, new):
    forward = diff(ingested(old), ingested(new))
    backward = diff(ingested(new), ingested(old))
    validate.check(to_json(diff_chain([ingested(old), ingested(new)])), "diff")
    assert _links(forward) == _links(backward, mirrored=True)
    f, b = forward.summary()["clauses"], backward.summary()["clauses"]
    assert (f["added"], f["deleted"], f["split"], f["merged"]) == (b["deleted"], b["added"], b["merged"], b["split"])


@pytest.mark.parametrize("name", [HOHHOT.name, "law-zhian-chufa-2025.txt", "liuhe-zhongdian-chanye-shishi-yijian-2023.html"])
def test_a_document_against_itself_has_no_change(name):
    doc = ingested(name)
    result = diff(doc, doc)
    assert not result.changed
    assert all(c.status == "unchanged" and not c.renumbered and not c.moved for c in result.changes)
    assert "没有变化。" in to_markdown(diff_chain([doc, doc])) and "No change." in to_markdown(diff_chain([doc, doc]), "en")
    obj = to_json(diff_chain([doc, doc]))
    assert obj["summary"]["changed"] is False and obj["fields"] == []


def test_json_entries_carry_the_contract_fields():
    obj = to_json(diff_chain([ingested(a) for a in PAIRS[0]]))
    entry = next(c for c in obj["clauses"] if c["old"] and c["old"]["id"] == "art4")
    assert entry["status"] == "modified" and 0 < entry["similarity"] < 1
    assert entry["old"]["path"] == ["第一章", "第四条"] and entry["old"]["ordinal"] == 4
    assert {"op": "replace", "old": "中国共产党", "new": "党中央集中统一"} in entry["redline"]
    assert obj["summary"]["clauses"]["modified"] == 8 and obj["steps"] == []


def test_chain_json_has_each_step_and_the_overall_change():
    docs = [ingested(n) for n in ("law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt")]
    obj = to_json(diff_chain(docs))
    assert [s["old"]["name"] for s in obj["steps"]] == ["law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt"]
    assert (obj["old"]["name"], obj["new"]["name"]) == ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt")
    md = to_markdown(diff_chain(docs), "en")
    assert "## Overall: 1 → 3" in md and "## Step 1 → 2" in md and "## Step 2 → 3" in md
    md = to_markdown(diff_chain(docs))
    assert "## 总体变化：第1版 → 第3版" in md and "## 第1步：第1版 → 第2版" in md and "## 第2步：第2版 → 第3版" in md


def test_markdown_lists_changed_clauses_with_numbers_and_redline():
    chain = diff_chain([ingested(a) for a in PAIRS[0]])
    md = to_markdown(chain, "en")
    assert "### 第一章 第二条 · modified" in md
    assert "~~国务院~~**国家**设立下列国家科学技术奖" in md
    assert "第五条" not in md  # unchanged articles are not listed
    assert "| clauses | 30 | 0 | 8 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in md
    zh = to_markdown(chain)
    assert zh.startswith("# 《国家科学技术奖励条例》修订对照\n")
    assert "### 第一章 第二条 · 修改 · 相似度" in zh
    assert "| 条款 | 30 | 0 | 8 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in zh


def test_html_is_self_contained():
    page = to_html(diff_chain([ingested(a) for a in PAIRS[0]]))
    assert "<del>国务院</del>" in page and "<ins>国家</ins>" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page and " src=" not in page
    assert "@media print" in page


def test_cli_writes_all_formats_byte_identical_on_rerun(tmp_path):
    old, new = (CORPUS / n for n in PAIRS[0])
    for out in ("a", "b"):
        result = run("diff", old, new, "-o", tmp_path / out, "--format", "all")
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    stem = "law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff"
    assert names == [f"{stem}.docx", f"{stem}.html", f"{stem}.json", f"{stem}.md"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    validate.check(json.loads((tmp_path / "a" / f"{stem}.json").read_text(encoding="utf-8")), "diff")


def test_cli_reads_ingested_json_and_prints_markdown(tmp_path):
    old, new = (CORPUS / n for n in PAIRS[0])
    assert run("ingest", old, new, "-o", tmp_path).exit_code == 0
    from_json = run("diff", tmp_path / f"{old.stem}.json", tmp_path / f"{new.stem}.json")
    from_text = run("diff", old, new)
    assert from_json.exit_code == 0, from_json.output
    assert from_json.output == from_text.output


def test_cli_bad_input_is_one_line_and_writes_nothing(tmp_path):
    result = run("diff", CORPUS / "missing.txt", HOHHOT, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "missing.txt" in result.output
    assert not (tmp_path / "out").exists()
    assert run("diff", HOHHOT, HOHHOT, "--format", "all").exit_code == 2


def test_hohhot_edited_diff_in_outputs_is_current():
    from conftest import ROOT
    from hohhot_edits import edited_text

    from pipeline import api
    from pipeline.emit import dumps
    from pipeline.load import load_bytes

    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-2024-keji-qiangshi-draft-edited.txt"))
    chain = diff_chain([ingested(HOHHOT.name), new])
    stem = "hohhot-2024-keji-qiangshi-draft--edited.diff"
    stale = "outputs/ is stale: run `python bench/diff_screenshot.py`"
    for ext, render in (("md", to_markdown), ("json", lambda c: dumps(to_json(c))), ("html", to_html)):
        assert (ROOT / "outputs" / f"{stem}.{ext}").read_text(encoding="utf-8") == render(chain), stale


def test_policy_validate_accepts_a_written_diff(tmp_path):
    old, new = (CORPUS / n for n in PAIRS[2])
    assert run("diff", old, new, "-o", tmp_path, "--format", "json").exit_code == 0
    (written,) = tmp_path.glob("*.diff.json")
    result = run("validate", written)
    assert result.exit_code == 0, result.output
    broken = tmp_path / "broken.diff.json"
    obj = json.loads(written.read_text(encoding="utf-8"))
    obj["clauses"][0]["status"] = "rewritten"
    broken.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    assert run("validate", broken).exit_code == 1


def test_html_in_chinese_by_default_and_english_on_request():
    chain = diff_chain([ingested(a) for a in PAIRS[0]])
    zh, en = to_html(chain), to_html(chain, "en")
    assert '<html lang="zh-CN">' in zh and "变化一览" in zh and "<title>《国家科学技术奖励条例》修订对照</title>" in zh
    assert '<html lang="en">' in en and "Changes at a glance" in en and "变化一览" not in en
    assert "<title>Version diff: 《国家科学技术奖励条例》</title>" in en
    result = run("diff", *(CORPUS / n for n in PAIRS[0]), "--lang", "en")
    assert result.exit_code == 0 and result.output.startswith("# Version diff: 《国家科学技术奖励条例》")
    assert run("diff", *(CORPUS / n for n in PAIRS[0]), "--lang", "fr").exit_code == 2


def test_json_summary_carries_the_changes_at_a_glance_pointing_at_their_entries():
    docs = [ingested(n) for n in ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt")]
    obj = to_json(diff_chain(docs))
    money = obj["summary"]["glance"]["money"]
    # 第二十三条 -> 第二十六条: its three fines, each where it stood
    rows = [(r["clause"], r["was"], r["old"], r["new"], r["role"]) for r in money if r["was"] == "第二十三条"]
    assert rows == [("第二十六条", "第二十三条", "二百元以下", "五百元以下", "fine"),
                    ("第二十六条", "第二十三条", "五百元以下", "一千元以下", "fine"),
                    ("第二十六条", "第二十三条", "一千元以下", "二千元以下", "fine")]
    for row in money:
        entry = obj["clauses"][row["entry"]]
        assert any(f["field"] == "money" for f in entry["fields"])
        assert row["clause"] == (entry["new"] or entry["old"])["num"]
    added = obj["summary"]["glance"]["added"]
    assert added and all(obj["clauses"][r["entry"]]["status"] == "added" for r in added)
    assert all(obj["clauses"][r["entry"]]["status"] == "deleted" for r in obj["summary"]["glance"]["deleted"])


def test_markdown_rows_at_a_glance_link_to_anchors_of_their_cards():
    import re

    md = to_markdown(diff_chain([ingested(n) for n in ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt")]))
    head, _, cards = md.partition("## 逐条变化")
    links = re.findall(r"\]\(#(c\d+)\)", head)
    anchors = set(re.findall(r'<a id="(c\d+)"></a>', cards))
    assert "### 资金变化" in head and "| 条款 | 原 | 新 | 对象 | 性质 |" in head
    assert "[第二十六条（原第二十三条）](#c" in head
    assert len(links) > 100 and set(links) <= anchors


def test_a_warning_when_the_versions_look_newest_first():
    old, new = (ingested(n) for n in PAIRS[0])      # dated 2020-10-07 and 2024-05-26
    assert "版本可能排反了" not in to_markdown(diff_chain([old, new]))
    assert "注意：第2版的日期早于第1版，版本可能排反了" in to_markdown(diff_chain([new, old]))
    assert "may be newest-first" in to_html(diff_chain([new, old]), "en")
    final, draft = ingested(HOHHOT.name), ingested(HOHHOT.name)
    from dataclasses import replace
    final = replace(final, status=None)           # the same text as a final version, then its comment draft
    assert "却排在正式文本第1版之后" in to_html(diff_chain([final, draft]))
