"""Texts the tool used to refuse (issue 14): bodies stored as one line, notices without numbering.

A body stored without line breaks is cut into the paragraphs a reader sees, every character kept;
a notice of prose paragraphs without a title or numbering is read; a file with no prose is still
refused, with one line. Expected values are read from the documents in corpus/wild/.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS
from pipeline import api
from pipeline.errors import InputError, PipelineError, StructureError
from pipeline.load import load_bytes
from pipeline.segment.lines import split_lines
from pipeline.segment.unbroken import UNBROKEN, unbreak_all

WILD = CORPUS / "wild"


def lines_of(text: str) -> list[str]:
    lines = unbreak_all(split_lines(text))
    assert "".join(text[ln.start:ln.end] for ln in lines) == text  # the lines tile the text
    assert all(text[ln.lo:ln.hi] == ln.text for ln in lines)
    return [ln.text for ln in lines if ln.text]


def wild_lines(name: str) -> list[str]:
    text = (WILD / name).read_text(encoding="utf-8")
    assert "\n" not in text.strip()  # stored as one line
    return lines_of(text)


def parse(text: str):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def nums(doc, kind: str) -> list[str]:
    return [n.num for n in doc.nodes() if n.kind == kind]


# -- one-line bodies, on the real files -------------------------------------------------------


def test_a_body_with_indents_between_paragraphs_is_cut_at_each_indent():
    """茂林镇 工作方案: paragraphs joined by `　　`, a title broken over three lines among them."""
    lines = wild_lines("maolin-2021-wenyi-xunhui-yanchu-fangan.txt")
    assert lines[:5] == ["办发〔2021〕15号", "茂林镇党政办公室", "关于印发《茂林镇2021年第四季度巩固群众",
                         "安全感和满意度文艺巡回演出工作方案》", "的通知"]
    for heading in ("一、主承办单位", "二、领导机构和工作职责", "（一）演出现场组", "（二）安全保卫组", "三、演出场地及时间",
                    "1.总体把握晚会节目构成和创意，及文艺晚会支书讲话通稿；", "6.完成领导交办的其他任务。"):
        assert heading in lines
    assert lines[-1] == "茂林镇党政办公室 2021年10月19日印发"


def test_a_body_with_nothing_between_paragraphs_is_cut_at_its_headings():
    """重庆市人民政府 渝府发〔2019〕17号: title, number, addressees, headings and signature all on one line."""
    lines = wild_lines("chongqing-2019-yufufa17-dianzi-shangwu-yijian.txt")
    assert lines[:4] == ["重庆市人民政府关于加快电子商务产业发展的意见", "渝府发〔2019〕17号",
                         "各区县（自治县）人民政府，市政府有关部门，有关单位：",
                         lines[3]]
    assert lines[3].startswith("近年来，电子商务持续快速发展") and lines[3].endswith("现提出如下意见。")
    assert lines[4:6] == ["一、总体要求", lines[5]] and lines[5].startswith("（一）指导思想。以习近平")
    assert [ln for ln in lines if ln.startswith(("一、", "二、", "三、"))] == ["一、总体要求", "二、主要任务", "三、保障措施"]
    assert lines[-3:] == ["重庆市人民政府", "2019年6月28日", "（此件公开发布）"]


def test_a_heading_after_a_note_in_brackets_starts_a_line():
    """渝府办发〔2021〕88号: `…具体负责〕（二）加强预算采购帮扶。` and the signature glued to the last sentence."""
    lines = wild_lines("chongqing-2021-yufubanfa88-xiaofei-bangfu-shishi-yijian.txt")
    k = lines.index("三、持续扩大产品和服务定向消费")
    assert lines[k + 1].startswith("（一）强化消费协作采购帮扶。") and lines[k + 1].endswith("政府具体负责〕")
    assert lines[k + 2].startswith("（二）加强预算采购帮扶。")
    assert lines[-3:] == ["重庆市人民政府办公厅", "2021年8月23日", "（此件有删减）"]


def test_a_one_line_body_reads_as_its_parts_and_measures():
    """桂政办发〔2021〕106号: five parts, measures （一） to （三十六） numbered across them."""
    doc = api.ingest_file(WILD / "guangxi-2021-guizhengbanfa106-xinnengyuan-qiche.txt")
    parts = [n for n in doc.nodes() if n.kind == "part"]
    assert [n.title for n in parts] == ["推动新能源汽车保有量快速增长", "持续大力推进充电基础设施建设",
                                        "优化提升“八桂充”平台综合服务功能", "加强停车位施划及管理", "完善配套政策"]
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert len(measures) == 36 and measures[-1].num == "（三十六）" and measures[-1].title == "组织创建一批示范点"
    assert doc.text[measures[12].start:measures[12].end].lstrip().startswith("（十三）拓宽新能源汽车营销渠道。")


def test_the_one_line_chongqing_opinion_gets_its_front_matter():
    doc = api.ingest_file(WILD / "chongqing-2021-yufubanfa88-xiaofei-bangfu-shishi-yijian.txt")
    assert doc.title == "重庆市人民政府办公厅关于继续大力实施消费帮扶巩固拓展脱贫攻坚成果的实施意见"
    assert doc.doc_number == "渝府办发〔2021〕88号"
    assert (doc.issuer, doc.date) == ("重庆市人民政府办公厅", "2021-08-23")
    assert nums(doc, "part")[-1] == "九" and len(nums(doc, "measure")) == 27


# -- one-line bodies, synthetic ---------------------------------------------------------------

_SENTENCE = "加强组织领导，落实工作责任，确保各项任务落到实处。"


def _padded(*pieces: str) -> str:
    """`pieces` joined into one line, each sentence repeated so the line is long enough to cut."""
    body = "".join(pieces)
    while len(body) < UNBROKEN:
        body = body.replace(_SENTENCE, _SENTENCE * 2, 1)
    return body + "\n"


def test_a_long_line_is_cut_before_headings_that_follow_a_sentence_end():
    text = _padded("某某市关于加强管理的通知。", "一、总体要求（一）指导思想。", _SENTENCE, "（二）工作目标。", _SENTENCE,
                   "二、保障措施", "1.加强领导。", _SENTENCE, "2.强化考核；", "3.严格问责。")
    lines = lines_of(text)
    assert [ln[:6] for ln in lines] == ["某某市关于加", "一、总体要求", "（一）指导思", "（二）工作目", "二、保障措施",
                                        "1.加强领导", "2.强化考核", "3.严格问责"]


def test_a_marker_inside_a_sentence_or_out_of_count_is_no_cut():
    text = _padded("第一条　为了规范管理，依照本办法第三条规定，制定本办法。", _SENTENCE,
                   "第二条　本办法适用于全市。", _SENTENCE, "第三十条规定的情形除外。", _SENTENCE, "第三条　本办法自印发之日起施行。")
    assert [ln[:4] for ln in lines_of(text)] == ["第一条　", "第二条　", "第三条　"]


def test_a_long_line_with_full_width_indents_is_cut_at_each():
    text = _padded("　　为加强管理，制定本方案。", _SENTENCE, "　　工作要求：", "　　各单位要认真落实。", _SENTENCE)
    assert [ln[:4] for ln in lines_of(text)] == ["为加强管", "工作要求", "各单位要"]


def test_a_line_shorter_than_a_whole_text_is_left_whole():
    line = "一、总体要求（一）指导思想。" + _SENTENCE * 3 + "（二）工作目标。" + _SENTENCE
    assert len(line) < UNBROKEN and lines_of(line + "\n") == [line]


def test_a_one_line_text_reads_as_a_numbered_one():
    doc = parse(_padded("关于加强管理的意见。", "一、总体要求（一）指导思想。", _SENTENCE, "（二）工作目标。", _SENTENCE,
                        "二、保障措施（一）加强领导。", _SENTENCE))
    assert nums(doc, "part") == ["一", "二"]
    assert [n.id for n in doc.nodes() if n.kind in ("measure", "action")] == ["p1.m1", "p1.m2", "p2.m1"]


# -- notices without numbering ----------------------------------------------------------------


def test_a_notice_of_paragraphs_and_a_table_is_read():
    """仙居县 湿地保护名录: addressees, two paragraphs, the signature, then the list as an attachment."""
    doc = api.ingest_file(WILD / "xianju-2013-shidi-baohu-minglu.html")
    kinds = [n.kind for n in doc.root.children]
    assert kinds == ["preamble", "closing", "attachment"]
    preamble = doc.root.children[0]
    body = doc.text[preamble.start:preamble.end]
    assert body.startswith("各乡镇人民政府、街道办事处，县政府直属各单位：\n为了加强湿地保护")
    assert "请有关乡镇和相关部门严格按照《浙江省湿地保护条例》规定" in body
    assert (doc.issuer, doc.date) == ("仙居县人民政府", "2013-11-14")


def test_a_call_for_comments_listing_its_channels_is_read():
    """北京市住建委 预售资金办法 征求意见: the notice, then `1.电子邮箱` … `5.登录北京市人民政府网站`."""
    doc = api.ingest_file(WILD / "beijing-zjw-2023-yushou-zijin-banfa-zhengqiu-yijian.html")
    assert "1.电子邮箱：fwscglc@zjw.beijing.gov.cn" in doc.text
    assert (doc.issuer, doc.date, doc.status) == ("北京市住房和城乡建设委员会", "2023-12-22", "征求意见稿")


def test_a_synthetic_notice_of_prose_paragraphs_is_read():
    text = ("各有关单位：\n为做好今年的防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n"
            "请各单位加强值班值守，发现险情及时报告，确保信息畅通。\n某某市应急管理局\n2024年5月6日\n")
    doc = parse(text)
    assert [n.kind for n in doc.root.children] == ["preamble", "closing"]
    assert doc.text[doc.root.children[0].start:doc.root.children[0].end].endswith("确保信息畅通。\n")
    assert (doc.issuer, doc.date) == ("某某市应急管理局", "2024-05-06")


# -- what is still refused --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "张三\n李四\n王五\n",                                  # a list of names
    "序号\t单位\t任务\n1\t某某局\t1\n2\t某某中心\t2\n",        # table rows
    "This is a plain English sentence, with a comma. And another one here.\n",
])
def test_text_without_prose_or_structure_is_refused_with_one_line(text):
    with pytest.raises(StructureError) as exc:
        parse(text)
    assert "no structure found" in str(exc.value) and "\n" not in str(exc.value)


def test_a_binary_file_is_refused_with_one_line():
    with pytest.raises(InputError) as exc:
        api.parse(load_bytes(b"\x00\x01\x02binary\x00" * 50, "blob.txt"))
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("name", ["govcn-1996-guobanfa25-toolbar-only.html", "yiwu-2013-xinshequ-jiju-jianshe-banfa.html"])
def test_pages_without_text_are_still_refused(name):
    """A toolbar of images, and 30 scanned page images: nothing to read (the manifest's reasons)."""
    with pytest.raises(PipelineError, match="HTML has no text"):
        api.ingest_file(WILD / name)


def test_a_chapter_heading_run_on_into_its_first_article_in_a_real_text():
    # 阿府办发〔2021〕21号 (北大法宝 export): `第一章　总则　　第一条 　为规范政务数据资源管理…` and
    # `第二章　规划建设　　第八条 　州数据资源主管部门应当编制…` on one line each; nine chapters, 第一条–第四十九条
    doc = api.ingest_file(WILD / "aba-2021-zhengwu-shuju-ziyuan-banfa.txt")
    articles = [n for n in doc.nodes() if n.kind == "article"]
    assert [n.ordinal for n in articles] == list(range(1, 50))
    chapters = [n for n in doc.nodes() if n.kind == "chapter"]
    assert (len(chapters), chapters[0].title, chapters[1].title) == (9, "总则", "规划建设")
    assert chapters[1].children[0].ordinal == 8 and doc.text[chapters[1].children[0].start:].startswith("第八条")
    assert not [w for w in doc.all_warnings() if w.code == "W101"]


def test_a_chapter_heading_run_on_into_its_first_article_is_cut_before_the_article():
    text = "某某办法\n第一章　总则　　第一条　为了规范管理，制定本办法。\n第二条　本办法适用于本市。\n第二章　附则　　第三条　本办法自发布之日起施行。\n"
    assert lines_of(text) == ["某某办法", "第一章　总则", "第一条　为了规范管理，制定本办法。", "第二条　本办法适用于本市。",
                              "第二章　附则", "第三条　本办法自发布之日起施行。"]
    doc = api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))
    assert [(n.kind, n.ordinal) for n in doc.nodes() if n.kind in ("chapter", "article")] == [
        ("chapter", 1), ("article", 1), ("article", 2), ("chapter", 2), ("article", 3)]
    # a chapter heading alone, or an article citing another, is not cut
    assert lines_of("第一章　总则\n第一条　依照第二条规定执行。\n") == ["第一章　总则", "第一条　依照第二条规定执行。"]


def test_markers_in_a_row_head_nothing_and_are_not_cut():
    # the shape of a fuzz case (tests/synthetic.py long_lines): `（一）` written hundreds of times on one
    # line; each marker follows a `）`, but none heads any text, so the line stays one paragraph
    text = "第一条　为了测试，制定本法。\n监督检查部门调查" + "（一）" * 2000 + "\n第二条　本法自公布之日起施行。\n"
    assert len(lines_of(text)) == 3
    # a heading after a note's bracket still opens a line when the note headed some text
    padded = "监督检查部门调查（一）加强检查（市场监管局负责）（二）完善制度。" + "为了测试。" * 200
    assert lines_of(padded)[:2] == ["监督检查部门调查（一）加强检查（市场监管局负责）", "（二）完善制度。" + "为了测试。" * 200]
