"""The README's library queries run as written, in plain SQLite, on the library of the corpus."""
from __future__ import annotations

import re
import sqlite3

import pytest
from conftest import ROOT
from library_corpus import corpus_library

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
QUERIES = re.findall(r"```sql\n(.*?)```", SECTION, re.S)


@pytest.fixture(scope="module")
def plain():
    conn = sqlite3.connect(f"file:{corpus_library()}?mode=ro", uri=True)   # no functions of ours registered
    yield conn
    conn.close()


def test_the_library_section_has_its_queries():
    assert len(QUERIES) == 5


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query{k}" for k in range(len(QUERIES))])
def test_each_query_runs_as_written_and_answers(plain, sql):
    assert "json_" not in sql.lower()
    assert plain.execute(sql).fetchall()


def test_the_measures_led_by_a_unit_with_money_of_at_least_a_million(plain):
    rows = plain.execute(QUERIES[0]).fetchall()
    # Read off the Hohhot draft: the measures closing with (责任单位:市科学技术局、…) and their amounts.
    assert [(r[2], r[3], r[4], r[5]) for r in rows] == [
        ("二 (一) 2", "创建一批国家级创新平台", "不低于500万元", 5_000_000),
        ("二 (一) 3", "打造一批自治区级创新平台", "不低于300万元", 3_000_000),
        ("二 (二) 6", "强化企业研发投入主体地位", "最高支持300万元", 3_000_000),
        ("二 (二) 6", "强化企业研发投入主体地位", "最高支持500万元", 5_000_000),
        ("二 (二) 7", "支持驻呼高校院所加大研发投入", "最高支持300万元", 3_000_000),
        ("二 (五) 15", "布局先进技术应用场景", "不低于100万元", 1_000_000),
        ("二 (九) 25", "打造一批科技集聚区", "不低于100万元", 1_000_000),
    ]
    assert {(r[0], r[1]) for r in rows} == {("关于建设科技强市 促进首府高质量发展的实施意见", "2024-10-13")}


def test_the_history_query_lists_each_chain_in_order(plain):
    rows = plain.execute(QUERIES[1]).fetchall()
    zhian = [r[4] for r in rows if r[4].startswith("law-zhian-chufa")]
    assert zhian == ["law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt"]
    assert all(r[5] is not None for r in rows)


def test_the_search_query_finds_the_two_character_word(plain):
    found = plain.execute(QUERIES[4]).fetchall()
    scan = plain.execute("SELECT count(*) FROM nodes WHERE instr(text, '补贴') > 0").fetchone()[0]
    assert len(found) == scan > 0
