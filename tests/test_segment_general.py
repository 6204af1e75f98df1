"""Shapes that real drafts take beyond the corpus, on short texts modelled on them."""
from pipeline import api
from pipeline.load import load_bytes


def parse(text):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def outline(doc):
    return [(n.kind, n.num, n.id) for n in doc.nodes() if n.kind not in ("document", "title", "preamble")]


def test_four_gbt_levels_in_both_widths():
    doc = parse("关于支持科技创新的若干措施\n一、总体要求\n（一）加强引导。\n1.设立基金。\n(1)种子基金。\n（2）天使基金。\n2.完善服务。\n二、保障措施\n加强领导。\n")
    assert outline(doc) == [
        ("part", "一", "p1"), ("action", "（一）", "p1.a1"), ("measure", "1", "p1.a1.m1"),
        ("item", "(1)", "p1.a1.m1.i1"), ("item", "（2）", "p1.a1.m1.i2"), ("measure", "2", "p1.a1.m2"),
        ("part", "二", "p2")]


def test_plan_parts_numbered_with_bufen():
    doc = parse("某某规划\n第一部分 发展基础\n一、成就\n内容。\n第二部分 总体要求\n一、指导思想\n内容。\n")
    kinds = [(n.kind, n.num) for n in doc.nodes() if n.kind in ("part", "action", "measure")]
    assert kinds == [("part", "第一部分"), ("measure", "一"), ("part", "第二部分"), ("measure", "一")]


def test_an_excerpt_starting_at_part_three():
    doc = parse("三、保障措施\n（一）加强组织领导。\n（二）强化资金保障。\n")
    assert [n.num for n in doc.nodes() if n.num] == ["三", "（一）", "（二）"]


def test_sentence_starting_with_an_article_reference_is_not_an_article():
    doc = parse("第一条　为了规范管理，依照本法\n第五条规定的程序，制定本办法。\n第二条　本办法适用于全市。\n")
    assert [n.ordinal for n in doc.nodes() if n.kind == "article"] == [1, 2]


def test_signature_and_date_close_the_document():
    doc = parse("一、总体要求\n加强领导。\n二、保障措施\n强化落实。\n\n某某市人民政府办公室\n2024年3月1日\n")
    closing = [n for n in doc.nodes() if n.kind == "closing"]
    assert len(closing) == 1 and doc.issuer == "某某市人民政府办公室" and doc.date == "2024-03-01"


def test_effect_clause_after_numbered_measures_is_the_closing():
    doc = parse("一、支持措施\n1.给予奖励。\n2.给予补贴。\n本办法自2024年1月1日起施行。\n")
    assert [n.kind for n in doc.root.children] == ["part", "closing"]


def test_effect_clause_inside_a_part_of_paragraphs_stays_in_the_part():
    doc = parse("一、支持措施\n给予奖励。\n二、其他\n本办法自2024年1月1日起施行。\n\n某某局\n2024年1月1日\n")
    last_part, closing = doc.root.children[-2:]
    assert "起施行" in doc.text[last_part.start:last_part.end]
    assert closing.kind == "closing" and doc.text[closing.start:].startswith("某某局")


def test_closing_formula_of_a_notice_is_the_closing():
    doc = parse("一、各地自查\n自查。\n二、重点抽查\n抽查。\n特此通知。\n")
    # headings over one paragraph each are measures (tests/test_numbering_forms.py)
    assert [n.kind for n in doc.root.children] == ["measure", "measure", "closing"]
