"""Numbering past small numbers: 第一万条 and on, 一百、 and （一百零一）, from generated
texts and from real articles renumbered into the ten thousands."""
import re

import pytest

from conftest import ingested
from pipeline import api
from pipeline.cnnum import parse_int
from pipeline.load import load_bytes
from pipeline.load.numbering import chinese
from pipeline.markers import match_marker
from pipeline.normalize import fold


def parse(text):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def shape(node):
    return [(c.kind, c.ordinal, shape(c)) for c in node.children]


@pytest.fixture(scope="module")
def renumbered():
    """Articles 1–9,980 of filler, then the 144 articles of the 2025 治安管理处罚法 as 第九千九百八十一条…"""
    law = ingested("law-zhian-chufa-2025.txt")
    real = [n for n in law.nodes() if n.kind == "article"]
    filler = "".join(f"第{chinese(k)}条　本条例第{k}条的内容。\n" for k in range(1, 9981))
    moved = []
    for k, art in enumerate(real, start=9981):
        body = law.text[art.start:art.end].lstrip()
        moved.append(f"第{chinese(k)}条" + body[len(art.marker):])
    return real, parse("测试条例\n\n" + filler + "".join(moved))


def test_every_article_past_9999_is_an_article(renumbered):
    real, doc = renumbered
    articles = [n for n in doc.nodes() if n.kind == "article"]
    assert [a.ordinal for a in articles] == list(range(1, 9981 + len(real)))
    assert not [w for w in doc.warnings if w.code in ("W101", "W102", "W103", "W104")]
    assert not [n for n in doc.nodes() if n.kind == "measure"]
    ten_thousand = next(a for a in articles if a.ordinal == 10000)
    assert (ten_thousand.num, ten_thousand.id) == ("第一万条", "art10000")
    assert next(a for a in articles if a.ordinal == 10010).num == "第一万零一十条"


def test_real_articles_keep_their_paragraphs_and_items_when_renumbered(renumbered):
    real, doc = renumbered
    moved = [n for n in doc.nodes() if n.kind == "article"][9980:]
    assert [shape(a) for a in moved] == [shape(a) for a in real]
    # 治安管理处罚法 (2025) 第十条 lists the penalties as items （一）…（四）: now 第九千九百九十条
    items = [n.num for n in moved[9].walk() if n.kind == "item"]
    assert moved[9].num == "第九千九百九十条" and items == ["（一）", "（二）", "（三）", "（四）"]


def test_parts_and_actions_past_99():
    lines = ["关于测试的实施意见"]
    for p in range(1, 106):
        lines.append(f"{chinese(p)}、任务{p}")
        for a in range(1, 106 if p == 1 else 2):
            lines += [f"（{chinese(a)}）行动{a}", "1.落实措施。", "2.强化保障。"]
    doc = parse("\n".join(lines) + "\n")
    parts = [n for n in doc.nodes() if n.kind == "part"]
    actions = [n for n in doc.nodes() if n.kind == "action"]
    assert [p.ordinal for p in parts] == list(range(1, 106))
    assert [a.ordinal for a in actions[:105]] == list(range(1, 106))
    assert len([n for n in doc.nodes() if n.kind == "measure"]) == 2 * len(actions) == 2 * (105 + 104)
    assert (parts[100].num, parts[100].id) == ("一百零一", "p101")
    assert (actions[100].num, actions[100].id) == ("（一百零一）", "p1.a101")
    assert not doc.warnings


@pytest.mark.parametrize("line, ordinal", [
    ("第一万条　内容。", 10000), ("第一万零一条 内容。", 10001), ("第一万零一十条 内容。", 10010),
    ("第十二万三千四百五十六条 内容。", 123456), ("第10000条 内容。", 10000), ("一百、任务", 100),
    ("（一百零一）行动", 101), ("一万、任务", 10000),
])
def test_large_markers(line, ordinal):
    assert match_marker(fold(line), line).ordinal == ordinal


@pytest.mark.parametrize("line", ["万一、发生险情", "万、任务"])
def test_a_numeral_cannot_start_with_wan(line):
    assert match_marker(fold(line), line) is None


def test_word_numbering_and_numeral_parsing_agree_up_to_120000():
    assert all(parse_int(chinese(n)) == n for n in [*range(1, 20001), *range(20001, 120001, 7)])
    assert re.fullmatch("一万零一十", chinese(10010))


def test_arabic_items_past_999_continue_their_list():
    lines = ["关于测试的实施意见", "一、重点任务", "（一）基础设施"] + [f"{k}.建设项目{k}。" for k in range(1, 1006)]
    doc = parse("\n".join(lines) + "\n")
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert [m.ordinal for m in measures] == list(range(1, 1006))
    assert (measures[999].num, measures[999].id) == ("1000", "p1.a1.m1000")


def test_a_year_opening_a_line_is_not_an_item():
    doc = parse("关于测试的通知\n一、工作安排\n1.开展调查。\n2024.完成评估。\n(2035)远景目标。\n2.总结经验。\n")
    assert [n.ordinal for n in doc.nodes() if n.kind in ("measure", "item")] == [1, 2]
