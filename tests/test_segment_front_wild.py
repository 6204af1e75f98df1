"""Front matter as the breadth corpus writes it (issue 14, round 2): 北大法宝 headers, cover letters
whose title the page left out, order covers under the regulation's title, titles said twice, site
tags, issuers written short, letters' titles glued to their number. Each class on a real document
of corpus/wild (expected values read off its text) and on a minimal synthetic one."""
from __future__ import annotations

from test_segment_front import front, kinds, text_doc, wild


# --- a legal database's header (【法宝引证码】, 原文链接：) above the text ------------------------------

def test_a_pkulaw_header_is_a_header_and_the_letter_under_it_is_read():
    doc = wild("aba-2021-zhengwu-shuju-ziyuan-banfa.txt")
    assert front(doc) == ("阿坝州政务数据资源管理暂行办法", "阿坝州人民政府办公室", "2021-10-11", "阿府办发〔2021〕21号", "暂行")
    assert doc.letter.title == "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知"
    assert kinds(doc)[:2] == ["header", "letter"]


def test_a_title_said_twice_keeps_the_texts_own_line():
    # the database writes (2021—2023年), the text's own title line （2021-2023年）
    doc = wild("anhui-2021-wanzhengbanmi82-gongye-hulianwang.txt")
    assert doc.letter.title == ("安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划"
                                "（2021-2023年）的通知")
    assert (doc.issuer, doc.date) == ("安徽省人民政府办公厅", "2021-09-02")


def test_a_number_in_brackets_under_a_letters_title():
    assert wild("anhui-kfb-2022-rcep-shishi-yijian.txt").doc_number == "皖开放办〔2022〕6号"  # （皖开放办〔2022〕6号）


def test_synthetic_pkulaw_header():
    doc = text_doc("    【法宝引证码】 CLI.12.1\n原文链接：https://www.pkulaw.com/lar/x.html\n"
                   "某市人民政府关于印发《某市促进办法》的通知\n某市人民政府关于印发《某市促进办法》的通知\n"
                   "（某政发〔2024〕3号）\n各区人民政府：\n现将《某市促进办法》印发给你们，请认真执行。\n"
                   "某市人民政府\n2024年3月1日\n某市促进办法\n第一条　为了促进发展，制定本办法。\n第二条　本办法自发布之日起施行。\n")
    assert front(doc) == ("某市促进办法", "某市人民政府", "2024-03-01", "某政发〔2024〕3号", None)
    assert doc.letter.title == "某市人民政府关于印发《某市促进办法》的通知"
    assert kinds(doc)[:3] == ["header", "letter", "title"]


# --- a cover letter whose title the page left out: number, addressee, 现将《…》印发, signers, date ------

def test_an_untitled_letter_signed_by_nine_organs():
    doc = wild("beijing-swj-2025-canyinye-ruogan-cuoshi.html")
    assert doc.title == "关于进一步优化营商环境促进北京餐饮业高质量发展的若干措施"
    assert (doc.date, doc.doc_number) == ("2025-09-26", "京商生二字〔2025〕17号")
    signers = doc.issuer.split("、")
    assert (len(signers), signers[0], signers[-1]) == (9, "北京市商务局", "国家税务总局北京市税务局")
    # the page's <title> gives the letter's title, which the text leaves out
    assert doc.letter.title == "北京市商务局等9部门印发《关于进一步优化营商环境促进北京餐饮业高质量发展的若干措施》的通知"


def test_an_untitled_letter_without_a_page_title():
    doc = wild("yiwu-2013-ranqi-sheshi-baohu-banfa.html")
    assert front(doc) == ("义乌市燃气设施保护管理暂行办法", "义乌市人民政府办公室", "2013-06-26", None, "暂行")
    assert doc.letter.addressee == "各镇人民政府，各街道办事处，市政府各部门"


def test_a_number_line_alone_is_no_title_the_page_gives_it():
    doc = wild("beijing-2025-jingzhengbanfa12-bingxue-jingji-shishi-yijian.html")
    assert front(doc) == ("北京市人民政府办公厅关于以冰雪运动高质量发展激发冰雪经济活力的实施意见", "北京市人民政府办公厅",
                          "2025-06-11", "京政办发〔2025〕12号", None)


def test_synthetic_number_line_over_the_addressee():
    doc = text_doc("某政办发〔2025〕12号\n各区人民政府：\n为推动发展，提出如下意见。\n一、总体要求。坚持发展。\n"
                   "二、主要任务。推动发展。\n某市人民政府办公厅\n2025年6月11日\n")
    assert (doc.doc_number, doc.issuer, doc.date) == ("某政办发〔2025〕12号", "某市人民政府办公厅", "2025-06-11")
    assert doc.title == "notice"  # no title: the file name stands in (W201), never the number


def test_synthetic_untitled_letter():
    doc = text_doc("某商字〔2025〕1号\n各相关单位：\n《某市若干措施》已经市政府同意，现印发你们，请认真贯彻落实。\n"
                   "某市商务局\n某市财政局\n2025年9月1日\n某市若干措施\n为促进消费，制定以下措施。\n"
                   "1.简化许可。压缩时限。\n2.加大支持。给予贴息。\n")
    assert front(doc) == ("某市若干措施", "某市商务局、某市财政局", "2025-09-01", "某商字〔2025〕1号", None)
    assert doc.letter.title is None and kinds(doc)[:2] == ["letter", "title"]


def test_synthetic_untitled_letter_takes_the_page_title_that_names_the_text():
    page = ("<html><head><title>某市商务局关于印发《某市若干措施》的通知_政策文件_某市政府</title></head><body>"
            "<p>各相关单位：</p><p>现将《某市若干措施》印发给你们，请认真贯彻落实。</p><p>某市商务局</p>"
            "<p>2025年9月1日</p><p>某市若干措施</p><p>一、简化许可。压缩时限。</p><p>二、加大支持。给予贴息。</p>"
            "</body></html>")
    doc = text_doc(page, "page.html")
    assert doc.title == "某市若干措施"
    assert doc.letter.title == "某市商务局关于印发《某市若干措施》的通知"


def test_a_paragraph_that_sends_nothing_is_no_letter():
    doc = text_doc("各区人民政府：\n请做好安全检查工作。\n某市人民政府\n2025年9月1日\n某市工作要点\n"
                   "一、加强检查。\n二、落实责任。\n")
    assert doc.letter is None


# --- an order's cover under the regulation's title; an order's head and number under a title ----------

def test_an_order_cover_under_the_regulations_title():
    doc = wild("guangdong-2021-ling290-gonggong-shuju-banfa.txt")
    assert (doc.title, doc.issuer, doc.date) == ("广东省公共数据管理办法", "广东省人民政府", "2021-10-18")
    assert doc.doc_number == "广东省人民政府令第290号"


def test_an_orders_head_and_number_under_a_title_are_its_number():
    doc = wild("jiangxi-2020-ling223-xiugai-liudong-renkou-banfa.html")
    assert doc.title == "江西省人民政府关于修改《江西省流动人口服务和管理办法》的决定"
    assert doc.doc_number == "江西省人民政府令第223号"


def test_an_order_covers_date_is_the_documents_not_the_date_it_takes_effect():
    # 市长　应勇 ⏎ 2019年8月12日 on the cover; 本办法自2019年8月20日起施行 at the end
    assert wild("shanghai-2019-ling19-lingang-xinpianqu-banfa.txt").date == "2019-08-12"


def test_synthetic_order_cover_under_the_title():
    doc = text_doc("某省数据管理办法\n某省人民政府令\n\n（第12号）\n《某省数据管理办法》已经省政府常务会议通过，现予公布。\n"
                   "省长　张三\n2023年11月20日\n某省数据管理办法\n"
                   "第一章　总则\n第一条　（目的）\n为了规范数据管理，制定本办法。\n第二章　附则\n第二条　（施行日期）\n"
                   "　　本办法自2024年1月1日起施行。\n")
    assert (doc.title, doc.issuer, doc.date, doc.doc_number) == ("某省数据管理办法", "某省人民政府", "2023-11-20",
                                                                 "某省人民政府令第12号")  # not 2024-01-01, the day it takes effect


def test_synthetic_order_head_and_number_under_a_title():
    doc = text_doc("某省人民政府关于修改《某省管理办法》的决定\n某省人民政府令\n第7号\n省人民政府决定作如下修改：\n"
                   "一、将第六条修改为：“……”。\n二、将第七条修改为：“……”。\n")
    assert (doc.title, doc.doc_number) == ("某省人民政府关于修改《某省管理办法》的决定", "某省人民政府令第7号")


# --- a title said again, site tags, a class label above the title ------------------------------------

def test_an_attachment_mark_over_the_attached_title_is_no_part_of_it():
    doc = wild("guiyang-gjj-2023-guian-shitiao-cuoshi-zhengqiu-yijian.html")
    assert (doc.title, doc.status) == ("住房公积金服务贵安新区高质量发展的十条措施", "征求意见稿")


def test_a_title_in_brackets_said_again_is_one_title():
    assert wild("suzhou-ah-2023-fangdichan-ruogan-cuoshi.html").title == "宿州市进一步促进房地产市场平稳健康发展若干措施"


def test_a_headline_over_the_name_it_quotes():
    assert wild("suzhou-ah-2022-fangdichan-ruogan-cuoshi-fabu.html").title == "我市出台《关于促进房地产市场平稳健康发展的若干措施》"
    assert wild("xining-2022-gangxing-gaishan-zhufang-ruogan-cuoshi.html").title == (
        "关于印发《西宁市关于支持刚性和改善性住房需求的若干措施》的通知")


def test_site_tags_and_class_labels_are_no_part_of_a_title():
    assert wild("dalian-2021-dazhengbanfa31-fangdichan-tiaokong-tongzhi.html").title == (
        "大连市人民政府办公室关于进一步加强房地产市场调控和监管工作的通知")
    doc = wild("chongqing-2025-yufubanfa42-tizhen-xiaofei-ruogan-cuoshi.html")
    assert doc.letter.title == "重庆市人民政府办公厅关于印发《重庆市提振消费若干措施》的通知"
    assert (doc.issuer, doc.doc_number) == ("重庆市人民政府办公厅", "渝府办发〔2025〕42号")


def test_synthetic_title_said_again_and_tagged():
    doc = text_doc("[已废止]《某市若干措施》\n某市若干措施\n一、加强管理。落实责任。\n二、强化保障。加大投入。\n")
    assert doc.title == "某市若干措施"
    doc = text_doc("附件\n某市若干措施\n（征求意见稿）\n一、加强管理。落实责任。\n二、强化保障。加大投入。\n")
    assert (doc.title, doc.status) == ("某市若干措施", "征求意见稿")
    doc = text_doc("行政规范性文件\n某市人民政府办公厅关于\n印发《某市若干措施》的通知\n某府办发〔2025〕4号\n各区人民政府：\n"
                   "《某市若干措施》已经市政府同意，现印发给你们。\n某市人民政府办公厅\n2025年7月1日\n某市若干措施\n"
                   "一、加强管理。落实责任。\n二、强化保障。加大投入。\n")
    assert doc.letter.title == "某市人民政府办公厅关于印发《某市若干措施》的通知"


# --- issuers: written in full as the title writes them; the site's organ last --------------------------

def test_a_short_issuer_is_written_in_full_as_the_title_writes_it():
    doc = wild("jiangxi-2020-ganfutingfa4-putong-gaozhong-yuren.html")  # 发文机关：省政府办公厅
    assert (doc.issuer, doc.date, doc.doc_number) == ("江西省人民政府办公厅", "2020-02-05", "赣府厅发〔2020〕4号")


def test_the_sites_organ_yields_to_the_signature():
    # 发布机构：滁州市住房和城乡建设局 on the page; the letter is signed 滁州市房地产工作联席会议
    assert wild("chuzhou-2024-fangdichan-zhengce-ruogan-cuoshi.html").issuer == "滁州市房地产工作联席会议"


def test_synthetic_issuers():
    doc = text_doc("发文机关：省政府办公厅\n成文日期：2020-02-05\n某省人民政府办公厅关于推进改革的实施意见\n"
                   "一、总体要求。坚持改革。\n二、主要任务。推进改革。\n")
    assert doc.issuer == "某省人民政府办公厅"
    doc = text_doc("发文机关：市政府\n某省人民政府办公厅关于推进改革的实施意见\n一、总体要求。坚持改革。\n二、主要任务。推进改革。\n")
    assert doc.issuer == "市政府"  # 市政府 is not the 办公厅: the same last words are needed
    doc = text_doc("发布机构：某市住房和城乡建设局\n发布日期：2024-07-10\n关于印发《某市若干措施》的通知\n各县区：\n"
                   "现将《某市若干措施》印发给你们。\n某市房地产工作联席会议（代章）\n2024年5月23日\n某市若干措施\n"
                   "一、加大支持。给予补贴。\n二、优化服务。压缩时限。\n")
    assert doc.issuer == "某市房地产工作联席会议"


def test_a_provincial_organ_takes_the_province_its_page_names():
    # 发文机关：省粮食和物资储备局 on the page 《江西省人民政府 规划计划 …》
    assert wild("jiangxi-lsj-2020-gongzuo-yaodian.html").issuer == "江西省粮食和物资储备局"


def test_synthetic_province_from_the_page():
    page = ("<html><head><title>某页_安徽省发展和改革委员会</title></head><body><p>关于做好促进消费工作的通知</p>"
            "<p>各市人民政府：</p><p>一、加强保障。落实责任。</p><p>二、优化服务。压缩时限。</p>"
            "<p>省促进消费联席会议（代章）</p><p>2022年1月10日</p></body></html>")
    assert text_doc(page, "page.html").issuer == "安徽省促进消费联席会议"
    two = page.replace("_安徽省发展和改革委员会", "_安徽省、江西省")
    assert text_doc(two, "page.html").issuer == "省促进消费联席会议"  # two provinces: none is added


# --- a red head and a number above a letter's title; a letter's title glued to its number -------------

def test_a_red_head_and_number_above_a_letters_title():
    doc = wild("yiwu-2013-nongfang-gaizao-jiandu-yijian.html")
    assert doc.letter.title == "义乌市人民政府办公室印发《关于进一步加强农房改造监督管理工作的实施意见》的通知"
    assert (doc.issuer, doc.letter.date, doc.doc_number) == ("义乌市人民政府办公室", "2013-07-19", "义政办发〔2013〕113号")


def test_a_letters_title_glued_to_its_number_at_the_foot():
    doc = wild("linhai-2013-wenhua-litang-buzhu-banfa.html")
    assert doc.letter.title == "临海市人民政府办公室关于印发临海市农村文化礼堂建设标准及补助奖励办法的通知"
    assert (doc.title, doc.issuer, doc.date) == ("临海市农村文化礼堂建设标准及补助奖励办法", "临海市人民政府办公室", "2013-10-12")


def test_synthetic_red_head_and_glued_foot():
    doc = text_doc("某市人民政府办公室文件\n某政办发〔2013〕5号\n某市人民政府办公室印发《某项意见》的通知\n各镇人民政府：\n"
                   "《某项意见》已经市政府同意，现印发给你们。\n某市人民政府办公室\n2013年7月1日\n某项意见\n"
                   "一、加强管理。落实责任。\n二、强化保障。加大投入。\n")
    assert (doc.letter.title, doc.doc_number) == ("某市人民政府办公室印发《某项意见》的通知", "某政办发〔2013〕5号")
    doc = text_doc("各镇人民政府：\n《某项办法》已经市政府同意，现印发给你们。\n某市人民政府办公室\n2013年7月1日\n某项办法\n"
                   "一、加强管理。落实责任。\n二、强化保障。加大投入。\n某政办发〔2013〕6号某市人民政府办公室关于印发某项办法的通知.doc\n")
    assert doc.letter.title == "某市人民政府办公室关于印发某项办法的通知"


# --- a text that states no title: its source's record, beside it in METADATA.tsv -----------------------

def test_a_fragment_takes_its_title_from_the_sources_record():
    doc = wild("hubei-rst-2021-guanggu-rencai.txt")
    assert (doc.title, doc.issuer, doc.doc_number) == ("湖北省人力资源和社会保障厅关于加强光谷科创大走廊人才建设发展的通知",
                                                       "湖北省人力资源和社会保障厅", "鄂人社发〔2021〕25号")


# --- a call for comments whose title only the page gives -------------------------------------------

def test_a_call_for_comments_takes_its_title_from_the_page():
    doc = wild("beijing-zjw-2023-yushou-zijin-banfa-zhengqiu-yijian.html")
    assert doc.letter.title == "关于对《〈北京市商品房预售资金监督管理办法（2023年修订版）〉（征求意见稿）》公开征集意见的公告"
    assert (doc.title, doc.status) == ("北京市商品房预售资金监督管理办法（2023年修订版）", "征求意见稿")


def test_a_stage_after_a_note_in_its_brackets():
    doc = wild("beijing-zjw-2025-shangpinfang-hetong-shifan-wenben-zhengqiu-yijian.html")
    assert doc.status == "征求意见稿"  # 《…示范文本（2025年修订 公开征求意见稿）》


def test_synthetic_call_for_comments_titled_by_the_page():
    page = ("<html><head><title>关于对《某市管理办法（2025年修订 公开征求意见稿）》公开征求意见的通知_征集信息_某市政府</title>"
            "</head><body><p>为规范管理，我委起草了《某市管理办法（2025年修订 公开征求意见稿）》，现向社会公开征求意见。"
            "意见请于2025年12月1日前发送至 a@b.cn，电话：010-12345678。</p><p>一、修订背景。依法修订。</p>"
            "<p>二、主要内容。规范管理。</p><p>某市住房和城乡建设委员会</p>"
            "<p>2025年11月21日</p></body></html>")
    doc = text_doc(page, "page.html")
    assert (doc.title, doc.status) == ("某市管理办法", "征求意见稿")
    assert doc.letter.title == "关于对《某市管理办法（2025年修订 公开征求意见稿）》公开征求意见的通知"
