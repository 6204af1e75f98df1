"""HTML loading: gov.cn metadata tables, main content, Word-exported HTML, charsets, provenance."""
from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from load_fixtures import CORPUS, html_page, text_lines
from pipeline.errors import InputError
from pipeline.load import load, load_bytes
from pipeline.normalize import fold

# Read from each page's metadata table and SOURCES.md (number, 成文日期) and the page URL (发布日期).
GOVCN = [
    ("govcn-2018-guofa39-cujin-jiuye.html", "国发〔2018〕39号", "2018年11月16日", "2018年12月05日",
     "国务院关于做好当前和今后一个时期促进就业工作的若干意见", "（此件公开发布）"),
    ("govcn-2019-guofa3-zonghe-baoshuiqu.html", "国发〔2019〕3号", "2019年01月12日", "2019年01月25日",
     "国务院关于促进综合保税区高水平开放高质量发展的若干意见", "（此件公开发布）"),
    ("govcn-2018-guofa42-nongye-jixiehua.html", "国发〔2018〕42号", "2018年12月21日", "2018年12月29日",
     "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", "（此件公开发布）"),
    ("govcn-2018-guobanfa117-jili-zhichi.html", "国办发〔2018〕117号", "2018年12月06日", "2018年12月10日",
     "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知", "（此件公开发布）"),
    ("govcn-2019-guobanfa6-rongzi-danbao.html", "国办发〔2019〕6号", "2019年01月22日", "2019年02月14日",
     "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见", "（此件公开发布）"),
    ("govcn-2019-guofa4-zhiye-jiaoyu-fangan.html", "国发〔2019〕4号", "2019年01月24日", "2019年02月13日",
     "国务院关于印发国家职业教育改革实施方案的通知", None),
    ("govcn-2018-guoling707-geshui-shishi-tiaoli.html", "国令第707号", "2018年12月18日", "2018年12月22日",
     "中华人民共和国个人所得税法实施条例", "第三十六条　本条例自2019年1月1日起施行。"),
]
BOILERPLATE = ("扫一扫", "打印", "关闭", "主 题 词", "主题词", "索引号", "javascript", "window.")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name, number, written, published, title, last", GOVCN)
def test_govcn_metadata_table_and_main_content(name, number, written, published, title, last):
    source = load(CORPUS / name)
    meta = dict(source.metadata)
    assert set(meta) >= {"索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期"}
    assert (meta["发文字号"], meta["成文日期"], meta["发布日期"], meta["标题"]) == (number, written, published, title)
    assert meta["发文机关"] in {"国务院", "国务院办公厅"}
    lines = source.text.splitlines()
    assert title in squeeze("".join(lines[:6])) or name.startswith("govcn-2018-guoling707")
    assert number.replace("国令", "") in squeeze("".join(lines[:6]))  # the 令 prints 第707号
    for word in BOILERPLATE:
        assert word not in source.text
    if last:
        assert lines[-1] == last


def test_regulation_page_keeps_every_article():
    text = load(CORPUS / "govcn-2018-guoling707-geshui-shishi-tiaoli.html").text
    articles = re.findall(r"^第([一二三四五六七八九十]+)条", text, re.M)
    assert len(articles) == 36


def test_word_exported_html_reads_as_plain_lines():
    source = load(CORPUS / "liuhe-zhongdian-chanye-shishi-yijian-old.html")
    lines = source.text.splitlines()
    assert lines[:4] == ["一、财政支持",
                         "设立规模不低于1亿元的重点产业发展引导资金，列入县财政预算，按照《柳河县中小企业发展引导资金管理办法（试行）》相关规定，用于重点产业发展补助和奖励。",
                         "二、支持范围", "（一）固定资产投资支持。"]
    assert "实行“一事一议”。" in source.text
    assert all(line.strip() == line and line for line in lines)
    assert "mso" not in source.text and "&nbsp" not in source.text


def test_liuhe_2023_articles_and_heading():
    lines = load(CORPUS / "liuhe-zhongdian-chanye-shishi-yijian-2023.html").text.splitlines()
    assert lines[:3] == ["中共柳河县委 柳河县人民政府", "关于支持重点产业加快发展的实施意见", "(2023年2月8日)"]
    numbers = [int(m.group(1).replace(" ", "")) for line in lines
               if (m := re.match(r"第 ?([\d ]+?) ?条", fold(line)))]
    assert numbers == list(range(1, 27))


def same_lines(got: str, want: list[str]) -> bool:
    return [" ".join(fold(line).split()) for line in got.splitlines()] == [" ".join(fold(line).split()) for line in want]


@pytest.mark.parametrize("charset, declare", [("utf-8", True), ("gb2312", True), ("gbk", True), ("gb18030", False)])
def test_hohhot_full_page_gives_the_text_lines(charset, declare):
    lines = text_lines()
    source = load_bytes(html_page(lines, charset, declare), "hohhot.html")
    assert same_lines(source.text, lines)
    assert source.encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    assert source.text.splitlines()[0] == "首页 > 通知公告 > 政务"
    assert dict(source.metadata) == {"网页标题": lines[2]}


def test_blocks_point_at_the_elements_the_lines_came_from():
    data = (CORPUS / "govcn-2019-guofa3-zonghe-baoshuiqu.html").read_bytes()
    source = load_bytes(data, "page.html")
    tree = lxml_html.document_fromstring(data.decode("utf-8")).getroottree()
    assert len(source.blocks) == len(source.text.splitlines())
    for start, end, where in source.blocks:
        element = tree.xpath(where)[0]
        assert squeeze(source.text[start:end]) in squeeze(element.text_content())


def test_br_and_paragraphs_are_line_breaks_and_tables_rows():
    page = ("<html><body><div><p>一、总体目标<br>到2027年，全市研发投入翻一番。</p>"
            "<p>附件：重点任务分工表</p><table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>"
            "<tr><td>1</td><td><p>布局重大科技基础设施</p></td><td>市科技局</td></tr></table>"
            "<script>alert('x')</script><style>p{}</style></div></body></html>")
    text = load_bytes(page.encode(), "t.html").text
    assert text == ("一、总体目标\n到2027年，全市研发投入翻一番。\n附件：重点任务分工表\n"
                    "序号\t任务\t牵头单位\n1\t布局重大科技基础设施\t市科技局\n")


def test_heading_outside_content_is_kept_once():
    body = "".join(f"<p>{i}.第{i}项措施，由市科技局负责，按期完成。</p>" for i in range(1, 8))
    page = (f"<html><head><title>关于促进科技创新的若干措施_科技局</title></head><body>"
            f"<div class='side'><h3>通知公告</h3><ul><li><a href='/a'>政务</a></li></ul></div>"
            f"<h1 class='title'>关于促进科技创新的若干措施</h1><div class='content'>{body}</div></body></html>")
    lines = load_bytes(page.encode(), "p.html").text.splitlines()
    assert lines[0] == "关于促进科技创新的若干措施"
    assert lines[1].startswith("1.") and "通知公告" not in lines


def test_html_declaring_entities_is_refused():
    page = b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>&xxe;</p></body></html>'
    with pytest.raises(InputError, match="entities"):
        load_bytes(page, "xxe.html")


def test_page_without_text_is_refused():
    with pytest.raises(InputError, match="no text"):
        load_bytes(b"<html><body><script>var a=1;</script></body></html>", "empty.html")


# A Word "Save as web page" export: conditional comments, mso-list numbers with spacer spans, <o:p>, GB2312.
WORD_EXPORT = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>关于促进科技创新的若干措施<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:黑体;mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:黑体'>总体要求<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>到<span lang=EN-US>2027</span>年，全市研发投入年均增长<span lang=EN-US>10%</span>以上。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>二、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>重点任务</p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>序号</p></td><td><p class=MsoNormal>任务</p></td><td><p class=MsoNormal>牵头单位</p></td></tr>
<tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>建设科创平台</p></td><td><p class=MsoNormal>市科技局</p><p class=MsoNormal>市发改委</p></td></tr></table>
</div></body></html>"""


def test_word_save_as_web_page_keeps_list_numbers_and_drops_word_markup():
    source = load_bytes(WORD_EXPORT.encode("gb18030"), "word.htm")
    assert source.encoding == "gb18030"
    assert source.text == ("关于促进科技创新的若干措施\n一、总体要求\n到2027年，全市研发投入年均增长10%以上。\n"
                           "二、重点任务\n序号\t任务\t牵头单位\n1\t建设科创平台\t市科技局 市发改委\n")
    assert [where for _, _, where in source.blocks][:2] == ["/html/body/div/p[1]", "/html/body/div/p[3]"]


def test_br_separated_content_beside_a_link_column_with_attachment_links():
    lines = ["一、总体目标", "到2027年，全市研发投入翻一番，高新技术企业数量达到1000家。", "二、重点任务",
             "（一）建设平台。支持高校、院所建设重点实验室，给予最高300万元支持。",
             "（二）培育企业。对首次认定的高新技术企业，给予20万元奖励。"]
    links = "".join(f"<li><a href='/{i}'>栏目链接{i}，更多内容</a></li>" for i in range(20))
    page = ("<html><head><title>关于促进科技创新的若干措施</title></head><body><div class='wrap'>"
            f"<div class='side'><ul>{links}</ul></div><h2>关于促进科技创新的若干措施</h2>"
            "<div id='zoom'>" + "<br>".join(lines) + "</div>"
            "<p>附件：<a href='/f.doc'>1.重点任务分工表.doc</a></p></div></body></html>")
    text = load_bytes(page.encode(), "x.html").text
    assert text.splitlines() == ["关于促进科技创新的若干措施", *lines, "附件：1.重点任务分工表.doc"]


def test_wrong_western_charset_and_a_stray_byte_still_read_as_chinese():
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>一、总体目标</p><p>到2027年，研发投入翻一番。</p></body></html>"
    assert load_bytes(body.encode("gb18030"), "a.html").text == "一、总体目标\n到2027年，研发投入翻一番。\n"
    declared = body.replace("iso-8859-1", "gb2312").replace("</body>", "<p>" + "正文。" * 400 + "</p></body>")
    data = declared.encode("gb18030").replace("翻一番".encode("gb18030"), b"\xff" + "翻一番".encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")
    lines = load_bytes(data, "b.html").text.splitlines()
    assert lines[:2] == ["一、总体目标", "到2027年，研发投入\ufffd翻一番。"]


def test_ordered_list_items_get_the_numbers_a_browser_shows():
    page = ("<html><body><ol style='list-style-type:cjk-ideographic'><li>总体目标</li><li>重点任务"
            "<ol start='3'><li>建设平台。</li><li>培育企业。<ul><li>说明</li></ul></li></ol></li></ol></body></html>")
    assert load_bytes(page.encode(), "ol.html").text.splitlines() == [
        "一、总体目标", "二、重点任务", "3. 建设平台。", "4. 培育企业。", "说明"]


def test_plain_text_in_a_div_keeps_its_raw_line_breaks():
    # The corpus notice: plain text printed into one <div>, lines split by raw newlines only.
    lines = load(CORPUS / "sichuan-2014-zhuanfa-duzha-tongzhi.html").text.splitlines()
    assert lines[0] == "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构："
    assert lines[1].startswith("现将《国务院关于对稳增长促改革调结构惠民生政策措施落实情况开展全面督查的通知》")
    assert [line for line in lines if len(line) < 10] == ["一、各地自查", "二、部门自查", "三、重点抽查", "特此通知。"]
    assert len(lines) == 9


@pytest.mark.parametrize("body, lines", [
    # An editor wrapped the source mid-sentence: one paragraph, as a browser shows it.
    ("<p>各区县人民政府，市政府各部门：为贯彻落实国务院关于促进\n就业工作的若干意见，结合本市实际，\n"
     "现就进一步做好就业工作提出如下意见。</p>",
     ["各区县人民政府，市政府各部门：为贯彻落实国务院关于促进 就业工作的若干意见，结合本市实际， 现就进一步做好就业工作提出如下意见。"]),
    # Two raw lines are too few to tell pasted text from source formatting.
    ("<div>一、总体目标\n到2027年，研发投入翻一番。</div>", ["一、总体目标 到2027年，研发投入翻一番。"]),
    # Blocks inside: the newlines are the markup's.
    ("<div>\n<p>一、总体目标</p>\n<p>到2027年，研发投入翻一番。</p>\n<p>二、重点任务</p>\n</div>",
     ["一、总体目标", "到2027年，研发投入翻一番。", "二、重点任务"]),
    ("<pre>一、总体目标\n到2027年，研发\n投入翻一番。</pre>", ["一、总体目标", "到2027年，研发", "投入翻一番。"]),
    ("<div style='white-space: pre-line'>一、总体目标\n到2027年，研发\n投入翻一番。</div>",
     ["一、总体目标", "到2027年，研发", "投入翻一番。"]),
])
def test_raw_newlines_are_lines_only_where_the_page_shows_them(body, lines):
    page = f"<html><body>{body}</body></html>"
    assert load_bytes(page.encode(), "x.html").text.splitlines() == lines


# --- the main text is never dropped: an ancestor of the text is not boilerplate, and a page
# --- whose text all looks like boilerplate is read whole rather than refused (issue 14)

SHORT_NOTICE = ("关于做好2024年春节期间安全生产工作的通知", "各区县应急管理局：",
                "请认真做好春节期间安全生产工作，确保人民群众度过安定祥和的节日。", "某某市应急管理局", "2024年1月2日")


def _notice_page(wrapper: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in SHORT_NOTICE)
    return (f'<html><head><title>{SHORT_NOTICE[0]}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a><a href="/zw/">政务公开</a></div>'
            f'{wrapper.format(paragraphs)}<div class="footer">版权所有 某某市应急管理局</div></body></html>').encode()


@pytest.mark.parametrize("wrapper", [
    '<div class="article-content" id="printContent">{}</div>',  # "print" in the id of the content itself
    '<div class="share-wrap"><div class="article-content">{}</div></div>',  # a wrapper named like a share bar
    '<div class="content-toolbar">{}</div>',
])
def test_a_short_notice_inside_a_container_named_like_boilerplate_is_read(wrapper):
    text = load_bytes(_notice_page(wrapper), "notice.html").text
    assert text.splitlines() == list(SHORT_NOTICE)


def test_a_page_whose_text_all_looks_like_boilerplate_is_read_whole():
    lines = ["关于做好安全生产工作的通知", "请认真做好春节期间安全生产工作。", "某某市应急管理局办公室"]
    page = (f'<html><body><div class="menu">{lines[0]}</div><div class="share">{lines[1]}</div>'
            f'<div class="footer">{lines[2]}</div><script>var x = "脚本";</script></body></html>').encode()
    assert load_bytes(page, "menu.html").text.splitlines() == lines


def test_a_page_without_visible_text_is_still_refused():
    with pytest.raises(InputError, match="HTML has no text"):
        load_bytes(b'<html><body><div class="toolbar"><img src="print.png"><img src="close.png"></div></body></html>',
                   "toolbar.html")


def test_a_body_hidden_until_a_script_shows_it_is_read():
    """Guangdong's gkmlpt pages hide `<body>` (`visibility: hidden`) until a script lays them out."""
    page = ("<html><body style='visibility: hidden'><div class='nav'>首页</div><div class='article-content'>"
            "<p>关于做好安全生产工作的通知</p><p>请各单位认真做好春节期间安全生产工作，确保万无一失。</p></div>"
            "<div style='display:none'>弹窗提示</div></body></html>").encode()
    assert load_bytes(page, "gkmlpt.html").text.splitlines() == [
        "关于做好安全生产工作的通知", "请各单位认真做好春节期间安全生产工作，确保万无一失。"]


def test_a_page_whose_only_text_is_hidden_by_style_is_read_rather_than_refused():
    page = "<html><body><div style='display:none'><p>通知</p></div></body></html>".encode()
    assert load_bytes(page, "hidden.html").text.strip() == "通知"


@pytest.mark.parametrize(("name", "first_line", "heading"), [
    ("dongguan-fgj-2026-kaimenhong-ruogan-cuoshi.html",
     "东莞市发展和改革局关于印发《关于奋力实现一季度经济“开门红”的若干措施》的通知", "九、保持政务服务不打烊。"),
    ("foshan-gjj-2026-waiji-renyuan-daikuan-tongzhi.html",
     "佛山市住房公积金管理中心关于开办外籍人员住房公积金个人住房贷款业务的通知", "二、办理流程"),
    ("guangzhou-gjj-2025-suigongjijin63-youhua-tiqu-zhengce.html", "关于优化住房公积金提取政策的通知",
     "二、本市住宅老旧电梯更新改造提取"),
])
def test_gkmlpt_pages_are_read(name, first_line, heading):
    text = load(CORPUS / "wild" / name).text
    lines = text.splitlines()
    assert lines[0] == first_line
    assert any(line.startswith(heading) for line in lines)


def test_metadata_table_with_labels_without_colons():
    """丽水市人民政府 page: label and value cells side by side, no colon (`文号` | `丽政发〔2023〕30号`)."""
    source = load(CORPUS / "wild" / "lishui-2023-tuiyi-shibing-anzhi.html")
    meta = dict(source.metadata)
    assert (meta["文号"], meta["发布机构"], meta["成文日期"]) == ("丽政发〔2023〕30号", "市政府", "2023-10-16")
    assert "索引号" not in source.text and "113325000026455663/2023-43887" not in source.text
    lines = source.text.splitlines()
    assert lines[1] == "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知"


def test_a_data_table_whose_header_row_holds_label_words_is_content():
    rows = "".join(f"<tr><td>{i}</td><td>关于某事的通知</td><td>某发〔2023〕{i}号</td><td>2023-01-0{i}</td></tr>"
                   for i in range(1, 4))
    page = ("<html><body><p>现将有关文件目录公布如下，请各单位认真执行。</p><table><tr><th>序号</th><th>文号</th>"
            f"<th>发布日期</th><th>备注</th></tr>{rows}</table></body></html>").encode()
    source = load_bytes(page, "list.html")
    assert dict(source.metadata) == {}
    assert "序号\t文号\t发布日期\t备注" in source.text and "某发〔2023〕3号" in source.text


def test_a_title_element_that_reads_as_a_document_title_is_kept():
    """The page's <title> names only the site; the article title sits in a <div class="article-title">."""
    page = ('<html><head><title>某某市人民政府门户网站</title></head><body>'
            '<div class="top"><a href="/">某某市人民政府门户网站</a></div>'
            '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; <a>通知公告</a></div>'
            '<div class="side"><h3 class="side-title">通知公告</h3></div>'
            '<div class="article-title">某某市人民政府办公室关于做好2024年防汛工作的通知</div>'
            '<div class="article-content"><p>各县（市、区）人民政府，市政府各部门：</p>'
            '<p>为做好2024年防汛工作，现就有关事项通知如下：</p><p>一、压实防汛责任。各地要落实防汛责任制。</p>'
            '<p>二、加强监测预警。水利部门要加强监测，及时发布预警。</p></div></body></html>').encode()
    lines = load_bytes(page, "flood.html").text.splitlines()
    assert lines[:3] == ["首页 > 政务公开 > 通知公告", "某某市人民政府办公室关于做好2024年防汛工作的通知", "各县（市、区）人民政府，市政府各部门："]

def test_text_stats_summed_bottom_up_match_each_elements_own_text():
    """The one-pass counts behind content scoring equal what each element's text gives."""
    from pipeline.load.guard import html_parser
    from pipeline.load.html import decode_markup
    from pipeline.load.page import _CLAUSE_PUNCT, _text_stats, squeeze

    for path in sorted(CORPUS.glob("*.html"))[:6]:
        root = lxml_html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", decode_markup(path.read_bytes(), path.name)[0]),
                                        parser=html_parser())
        stats = _text_stats(root)
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            text = squeeze(el.text_content())
            linked = sum(len(squeeze(a.text_content())) for a in el.iter("a"))
            assert stats[el] == (len(text), len(_CLAUSE_PUNCT.findall(text)), linked), path.name


# Read from the Hohhot draft's notes: the first unit of each measure's 责任单位 leads it.
HOHHOT_LEADS = {1: "市科学技术局", 2: "市科学技术局", 3: "市科学技术局", 4: "市科学技术局", 5: "市工业和信息化局",
                6: "市科学技术局", 10: "市科学技术局", 11: "市投资促进局", 16: "市委金融委员会办公室",
                17: "市委组织部", 18: "市委组织部", 22: "市人力资源和社会保障局", 24: "市中级人民法院"}


def test_a_rowspan_lead_cell_gives_its_unit_on_every_row():
    from office_fixtures import html_table, task_table
    from pipeline import api
    from pipeline.extract.table_rows import task_rows

    table = task_table((CORPUS / "hohhot-2024-keji-qiangshi-draft.txt").read_text(encoding="utf-8"))
    assert table[2][2] is None  # measure 2's lead cell is merged into measure 1's (rowspan)
    page = html_page(text_lines() + ["附件", "重点任务分工表"], after=html_table(table))
    source = load_bytes(page, "hohhot-tasks.html")
    rows = [line.split("\t") for line in source.text.splitlines() if "\t" in line]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位"]
    assert all(len(row) == 4 for row in rows)
    assert {int(row[0]): row[2] for row in rows[1:] if int(row[0]) in HOHHOT_LEADS} == HOHHOT_LEADS
    assert all(row.inherited == () for row in task_rows(source.text))
    doc = api.ingest_source(source)
    measures = {n.ordinal: n for n in doc.nodes() if n.kind == "measure"}
    notes = doc.layer("responsibilities")
    for number, lead in HOHHOT_LEADS.items():
        assert [(r.source, r.lead) for r in notes.of(measures[number].id)] == [("text", lead), ("table", lead)]


@pytest.mark.parametrize("markup, expected", [
    ('<tr><th>序号</th><th colspan="2">责任单位</th></tr><tr><td>1</td><td>市科技局</td><td>市财政局</td></tr>',
     ["序号\t责任单位\t责任单位", "1\t市科技局\t市财政局"]),
    ('<tr><td rowspan="2" colspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr><tr><td>丁</td><td>戊</td><td>己</td></tr>',
     ["甲\t甲\t乙", "甲\t甲\t丙", "丁\t戊\t己"]),
    ('<tr><td rowspan="99999999">甲</td><td>乙</td></tr><tr><td>丙</td></tr>', ["甲\t乙", "甲\t丙"]),
    ('<tr><td rowspan="x">甲</td><td colspan="0">乙</td></tr><tr><td>丙</td><td>丁</td></tr>', ["甲\t乙", "丙\t丁"]),
])
def test_spanned_cells_are_filled_down_and_right(markup, expected):
    page = f"<html><body><p>表格如下：</p><table>{markup}</table></body></html>".encode()
    assert [line for line in load_bytes(page, "t.html").text.splitlines() if "\t" in line] == expected
