"""A dash printed for 一 inside the numeral of a 第…条/章/节 marker (`第三十－条` is 第三十一条), an
OCR or typing slip of county texts, read as 一 only where 一 is the one reading; ranges and dashes
elsewhere stay as they are. A real case from `corpus/wild/` (values read from the text) and
minimal synthetic ones.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS
from pipeline import api
from pipeline.api import ingest_file
from pipeline.load import load_bytes
from pipeline.load.numbering import chinese
from pipeline.markers import match_marker
from pipeline.normalize import fold


def parse(text: str):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def marker(line: str):
    m = match_marker(fold(line), line)
    return m and (m.type, m.ordinal)


def test_articles_printed_with_a_dash_for_one_in_a_real_regulation():
    # 彭水县城乡建设管理条例 prints `第三十－条 在城乡规划区内新建…` and `第五十－条 凡在自治县城镇规划区…`
    # (U+FF0D) between 第三十条 and 第三十二条, 第五十条 and 第五十二条; its last article is 第七十五条
    doc = ingest_file(CORPUS / "wild" / "pengshui-rd-2013-chengxiangjianshe-guanli.txt")
    articles = [n for n in doc.nodes() if n.kind == "article"]
    assert [a.ordinal for a in articles] == list(range(1, 76))
    for ordinal, marker_, opening in ((31, "第三十－条", "在城乡规划区内新建、改建、扩建建筑物，应当统一规划"),
                                      (51, "第五十－条", "凡在自治县城镇规划区范围内的生活垃圾产生者")):
        art = articles[ordinal - 1]
        assert art.marker == marker_
        assert doc.text[art.start:art.end].startswith(f"{marker_} {opening}")
    assert not {w.code for w in doc.warnings} & {"W101", "W102", "W103"}


@pytest.mark.parametrize("line, expected", [
    ("第三十－条 内容", ("tiao", 31)),       # full-width hyphen-minus U+FF0D
    ("第五十-条 内容", ("tiao", 51)),         # ASCII
    ("第十—章 附则", ("zhang", 11)),          # em dash
    ("第二十ー节 内容", ("jie", 21)),          # katakana long vowel mark
    ("第一百－十条 内容", ("tiao", 110)),      # between 百 and 十
    ("第一百零－条 内容", ("tiao", 101)),      # after 零
    ("第三十－ 条 内容", ("tiao", 31)),
])
def test_a_dash_for_one_inside_a_regulation_numeral(line, expected):
    assert marker(line) == expected


@pytest.mark.parametrize("line", [
    "第三十－第四十条规定的情形",  # a range
    "第三十－四十条规定的情形",    # a range: a dash before a digit is no 一
    "第－条 内容",               # no numeral before the dash
    "第二－条 内容",              # 二一 is no numeral
    "第三十－－条 内容",
    "第三十－条例",
    "三十－、内容",               # only inside 第…条/章/节 markers
])
def test_a_dash_elsewhere_is_no_one(line):
    assert marker(line) is None


def test_a_dash_for_one_keeps_the_count_of_articles():
    lines = [f"第{chinese(k)}条 第{k}条的内容。" for k in range(1, 34)]
    lines[30] = "第三十－条 丙。"
    lines[32] = "第三十三条 依照第三十－第三十二条规定处理。"
    doc = parse("某某条例\n" + "\n".join(lines) + "\n")
    articles = [n for n in doc.nodes() if n.kind == "article"]
    assert [n.ordinal for n in articles] == list(range(1, 34))
    assert (articles[30].marker, articles[30].id) == ("第三十－条", "art31")
    assert not {w.code for w in doc.warnings} & {"W101", "W102", "W103"}
