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
