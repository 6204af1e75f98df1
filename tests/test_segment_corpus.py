"""Structure of the other corpus files, from reading them."""
import re

import pytest

from conftest import CORPUS, ingested, kinds

LAWS = sorted(p.name for p in CORPUS.glob("law-*.txt"))
ARTICLE_LINE = re.compile(r"^\s*(?:##\s*)?第[一二三四五六七八九十百零]+条", re.M)


@pytest.mark.parametrize("name", LAWS)
def test_every_article_is_one_article_node(name):
    doc = ingested(name)
    articles = kinds(doc, "article")
    toc = next((n for n in doc.root.children if n.kind == "toc"), None)
    body_start = toc.end if toc else 0
    expected = len(ARTICLE_LINE.findall(doc.text[body_start:]))
    assert [a.ordinal for a in articles] == list(range(1, expected + 1))
    for art in articles:
        assert doc.text[art.start:art.end].lstrip("#\u2003\u3000 ").startswith(art.num)


@pytest.mark.parametrize("name,count", [
    ("law-zhian-chufa-2012.txt", 119),
    ("law-zhian-chufa-2025.txt", 144),
    ("law-fan-buzhengdang-jingzheng-2019.txt", 33),
    ("law-fan-buzhengdang-jingzheng-2025.txt", 41),
    ("law-beijing-youhua-yingshang-tiaoli-2020.txt", 83),
])
def test_known_article_counts(name, count):
    assert len(kinds(ingested(name), "article")) == count


@pytest.mark.parametrize("name", ["law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt",
                                  "law-zhian-chufa-2025.txt", "law-fan-buzhengdang-jingzheng-2019.txt"])
def test_table_of_contents_is_not_the_body(name):
    doc = ingested(name)
    toc = [n for n in doc.root.children if n.kind == "toc"]
    assert len(toc) == 1
    assert doc.text[toc[0].start:toc[0].end].replace("\u3000", "").strip().startswith("目录")
    first_chapter = kinds(doc, "chapter")[0]
    assert first_chapter.start == toc[0].end and first_chapter.ordinal == 1
    assert all(a.start >= toc[0].end for a in kinds(doc, "article"))


def test_chapters_and_sections_of_the_2025_public_security_law():
    doc = ingested("law-zhian-chufa-2025.txt")
    assert [c.title for c in kinds(doc, "chapter")] == ["总则", "处罚的种类和适用", "违反治安管理的行为和处罚",
                                                      "处罚程序", "执法监督", "附则"]
    assert len(kinds(doc, "section")) == 7


def test_wrapped_pdf_lines_stay_in_their_article():
    doc = ingested("law-zhian-chufa-draft2.txt")
    art1 = next(a for a in kinds(doc, "article") if a.ordinal == 1)
    text = doc.text[art1.start:art1.end]
    assert "根据宪法,制定本法." in text and "第二条" not in text
    art5 = next(a for a in kinds(doc, "article") if a.ordinal == 5)
    paras = [c for c in art5.children if c.kind == "paragraph"]
    assert len(paras) == 3


def test_items_inside_an_article():
    doc = ingested("law-guojia-keji-jiangli-tiaoli-2024.txt")
    art2 = next(a for a in kinds(doc, "article") if a.ordinal == 2)
    items = [n for n in art2.walk() if n.kind == "item"]
    assert [i.num for i in items] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert items[0].id == "art2.i1"


def test_measures_under_parts_in_a_state_council_opinion():
    doc = ingested("govcn-2019-guobanfa6-rongzi-danbao.html")
    assert len(kinds(doc, "part")) == 8
    measures = kinds(doc, "measure")
    assert [m.ordinal for m in measures] == list(range(1, 28))
    assert measures[7].title == "引导降费让利"


def test_action_groups_with_numbered_measures():
    doc = ingested("govcn-2019-guofa3-zonghe-baoshuiqu.html")
    actions = kinds(doc, "action")
    assert [a.title for a in actions][:1] == ["统筹两个市场，打造加工制造中心"]
    assert [m.ordinal for m in kinds(doc, "measure") if m.id.startswith("p4.")] == list(range(1, 22))


def test_flat_numbered_items_and_closing_signature():
    doc = ingested("govcn-2018-guobanfa117-jili-zhichi.html")
    assert len(kinds(doc, "measure")) == 30
    closing = kinds(doc, "closing")[0]
    assert "国务院办公厅" in doc.text[closing.start:closing.end]
    assert doc.issuer == "国务院办公厅" and doc.date == "2018-12-06"


def test_articles_with_spaced_numbers_under_policy_groups():
    doc = ingested("liuhe-zhongdian-chanye-shishi-yijian-2023.html")
    assert [a.ordinal for a in kinds(doc, "article")] == list(range(1, 27))
    assert doc.title == "中共柳河县委 柳河县人民政府关于支持重点产业加快发展的实施意见"
    assert doc.date == "2023-02-08"


@pytest.mark.parametrize("name,title,number", [
    ("govcn-2018-guofa39-cujin-jiuye.html", "国务院关于做好当前和今后一个时期促进就业工作的若干意见", "国发〔2018〕39号"),
    ("govcn-2018-guobanfa117-jili-zhichi.html",
     "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知", "国办发〔2018〕117号"),
    ("govcn-2019-guofa3-zonghe-baoshuiqu.html", "国务院关于促进综合保税区高水平开放高质量发展的若干意见", "国发〔2019〕3号"),
])
def test_title_joined_across_lines_and_document_number(name, title, number):
    doc = ingested(name)
    assert (doc.title, doc.doc_number) == (title, number)
    assert doc.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"


def test_a_notice_that_issues_a_plan_is_its_cover_letter():
    doc = ingested("govcn-2019-guofa4-zhiye-jiaoyu-fangan.html")
    assert doc.letter.title == "国务院关于印发国家职业教育改革实施方案的通知"
    assert (doc.letter.issuer, doc.letter.date) == ("国务院", "2019-01-24")
    assert doc.title == "国家职业教育改革实施方案"
    assert doc.doc_number == "国发〔2019〕4号"
    assert len(kinds(doc, "part")) == 7


def test_a_decree_wraps_the_regulation():
    doc = ingested("govcn-2018-guoling707-geshui-shishi-tiaoli.html")
    assert doc.letter.title == "中华人民共和国国务院令第707号"
    assert doc.title == "中华人民共和国个人所得税法实施条例"
    assert doc.date == "2018-12-18"
    assert len(kinds(doc, "article")) == 36


def test_issuer_read_from_the_title_when_nothing_else_names_it():
    assert ingested("liuhe-zhongdian-chanye-shishi-yijian-2023.html").issuer == "中共柳河县委 柳河县人民政府"
