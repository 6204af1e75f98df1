"""Rejoining hard-wrapped lines: a paragraph view over text, never a rewrite."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from load_fixtures import CORPUS
from pipeline.load.repair import paragraph_spans, rejoin

DRAFT = CORPUS / "law-zhian-chufa-draft2.txt"


def paragraphs(name: str) -> list[str]:
    text = (CORPUS / name).read_bytes().decode("utf-8")
    return [text[s:e] for s, e in paragraph_spans(text)]


def test_pdf_extracted_draft_regroups_into_its_paragraphs():
    text = DRAFT.read_bytes().decode("utf-8")
    spans = paragraph_spans(text)
    assert len(spans) < len([line for line in text.splitlines() if line.strip()]) / 2
    first = next(text[s:e] for s, e in spans if text[s:e].startswith("第一条"))
    assert first == ("第一条　为了维护社会治安秩序,保障公共安全,保护公\r\n民、法人和其他组织的合法权益,"
                     "规范和保障公安机关及其人民\r\n警察依法履行治安管理职责,根据宪法,制定本法.")
    # every article number 第一条 … opens its own paragraph, none is glued to the one before
    heads = [p for p in (text[s:e] for s, e in spans) if re.match(r"第[一二三四五六七八九十百]+条　", p)]
    inside = [p for p in (text[s:e] for s, e in spans) if re.search(r"\n第[一二三四五六七八九十百]+条　", p)]
    assert len(heads) == len(re.findall(r"^第[一二三四五六七八九十百]+条　", text, re.M)) and not inside


def test_spans_are_ordered_disjoint_and_cover_all_text():
    text = DRAFT.read_bytes().decode("utf-8")
    spans = paragraph_spans(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", ["hohhot-2024-keji-qiangshi-draft.txt", "law-zhian-chufa-2025.txt",
                                  "law-beijing-youhua-yingshang-tiaoli-2024.txt", "law-fan-buzhengdang-jingzheng-2019.txt"])
def test_texts_that_are_not_wrapped_stay_one_paragraph_per_line(name):
    text = (CORPUS / name).read_bytes().decode("utf-8")
    assert [p.strip() for p in paragraphs(name)] == [line.strip() for line in text.splitlines() if line.strip()]


def test_rejoin_glues_cjk_without_space_and_latin_with_one():
    lines = ["第一条　为了维护社会治安秩序,保障公共安全,保护公共", "民、法人和其他组织的合法权益,规范公安机关及其人民警",
             "察履行职责,依照 WTO 规则和 the Public Security Administration", "Punishments Law 制定本法.", "第二条　短行。",
             "第三条　为了维护社会治安秩序,保障公共安全,保护公共财", "产.", "第四条　另一条。"]
    assert rejoin(lines) == [
        "第一条　为了维护社会治安秩序,保障公共安全,保护公共民、法人和其他组织的合法权益,规范公安机关及其人民警"
        "察履行职责,依照 WTO 规则和 the Public Security Administration Punishments Law 制定本法.",
        "第二条　短行。", "第三条　为了维护社会治安秩序,保障公共安全,保护公共财产.", "第四条　另一条。"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="第一条二三十款、,.。;保护公民权益 \u3000\r", max_size=40), max_size=30))
def test_paragraph_spans_are_ordered_and_cover_every_non_space_character(lines):
    text = "\n".join(lines)
    spans = paragraph_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    inside = "".join(text[s:e] for s, e in spans)
    assert re.sub(r"\s", "", inside) == re.sub(r"\s", "", text)


# flow(): PDF lines with positions, laid out as an office's Word file (16 pt, margins 79.5–521.6 pt,
# paragraphs indented two characters). Lines are quoted from the corpus texts they wrap.
def _at(text: str, x0: float, x1: float, y: float, size: float = 16.0):
    from pipeline.load.pdf_page import Line

    return Line(text, x0, x1, y, y + size, size)


LEFT, RIGHT, INDENT = 79.5, 521.6, 111.5


# Hohhot, 三、组织保障, as the page before sets it: an indented first line, then lines at the margin.
CONTEXT = ["强化党对科技工作的统一领导，发挥市委人才教育工作领导小组推动",
           "科技创新工作专项组作用，加强统筹，健全部门协同和市、旗县区联",
           "动工作机制。各旗县区配齐配强科技服务力量，组建专业化服务队伍。",
           "市级、旗县区建立财政科技资金专户，确保科技资金专款专用、及时到",
           "位。坚持清单化推进，建立重点任务清单，明确责任单位、工作进度、",
           "完成时限，形成发展合力。"]


def _paragraphs(lines) -> list[str]:
    """The paragraphs `flow` makes of `lines`, read after the context paragraph."""
    from pipeline.load.repair import flow, join_lines

    context = [_at(text, INDENT if i == 0 else LEFT, RIGHT if i < 5 else 303.5, 900 - 29 * i)
               for i, text in enumerate(CONTEXT)] * 2
    lines = context + lines
    groups = flow(lines)
    assert [len(g) for g in groups[:2]] == [6, 6]
    return [join_lines([lines[i].text for i in group]) for group in groups[2:]]


def test_flow_goes_on_at_the_margin_even_where_a_wrapped_reference_starts_with_a_number():
    lines = [  # 民用航空法 2021, 第一百二十条: 第（三）项 wrapped after 第
        _at("第一百二十条 在国际航空运输中，承运人同意未经填具航空货运单而", INDENT, RIGHT, 700),
        _at("载运货物的，或者航空货运单上未依照本法第一百一十五条第", LEFT, RIGHT, 671),
        _at("（三）项的规定声明的，承运人无权援用本法第一百二十九条有关赔", LEFT, RIGHT, 642),
        _at("偿责任限制的规定。", LEFT, 223.5, 613),
        _at("第一百二十一条 包机人和承运人应当依照本法规定履行义务。", INDENT, 480.0, 584),
    ]
    assert _paragraphs(lines) == [
        "第一百二十条 在国际航空运输中，承运人同意未经填具航空货运单而载运货物的，或者航空货运单上未依照本法"
        "第一百一十五条第（三）项的规定声明的，承运人无权援用本法第一百二十九条有关赔偿责任限制的规定。",
        "第一百二十一条 包机人和承运人应当依照本法规定履行义务。"]


def test_flow_joins_a_centred_title_but_not_an_indented_line_under_it():
    lines = [  # 呼和浩特 draft title over two centred lines; 经营者集中申报标准 title then its 公布 line
        _at("关于建设科技强市 促进首府高质量发展", 90.0, 511.0, 760, 22.0),
        _at("的实施意见", 245.6, 355.6, 728, 22.0),
        _at("# 国务院关于经营者集中申报标准的规定", 105.4, 495.9, 690, 22.0),
        _at("2008年8月3日 中华人民共和国国务院令第529号公布", INDENT, 499.0, 660),
        _at("2018年9月18日 《国务院关于修改部分行政法规的决", INDENT, 520.9, 631),
        _at("定》第一次修订", LEFT, 191.5, 602),
        _at("第一条 为了规范经营者集中申报，制定本规定。", INDENT, 450.0, 573),
    ]
    assert _paragraphs(lines) == [
        "关于建设科技强市 促进首府高质量发展的实施意见", "# 国务院关于经营者集中申报标准的规定",
        "2008年8月3日 中华人民共和国国务院令第529号公布", "2018年9月18日 《国务院关于修改部分行政法规的决定》第一次修订",
        "第一条 为了规范经营者集中申报，制定本规定。"]


def test_flow_does_not_run_a_right_aligned_date_into_the_attachment_after_it():
    lines = [  # Hohhot: the signature and date set right, then 附件1 at the margin of the next page
        _at("确保各项政策有效落实。", INDENT, 287.5, 700),
        _at("呼和浩特市科学技术局", 361.6, RIGHT, 671),
        _at("2024年10月13日", 401.0, RIGHT, 642),
        _at("附件1", LEFT, 127.5, 760),
        _at("重点任务分工表", 265.5, 377.5, 731),
        _at("为构建支持全面创新体制机制，建设具有首府特色的科技强市。", INDENT, 500.0, 702),
    ]
    assert _paragraphs(lines) == [line.text for line in lines]
