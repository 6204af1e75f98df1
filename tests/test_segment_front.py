"""Front matter without a cover letter, signatures, red heads, orders and regulation headers
(issue 14): each failure class on a real document (expected values read off its text) and
on a minimal synthetic one; and every document of the corpus gets a title."""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS, CORPUS_FILES, ingested
from pipeline.api import ingest_file, ingest_source
from pipeline.extract.references import find_references
from pipeline.load import load_bytes

WILD = CORPUS / "wild"


@lru_cache(maxsize=None)
def wild(name: str):
    return ingest_file(WILD / name)


def text_doc(text: str, name: str = "notice.txt"):
    return ingest_source(load_bytes(text.encode("utf-8"), name))


def front(doc) -> tuple:
    return doc.title, doc.issuer, doc.date, doc.doc_number, doc.status


def kinds(doc) -> list[str]:
    return [c.kind for c in doc.root.children]


# --- a one-paragraph notice under a site header, breadcrumb and metadata table is a document ---------

def test_lishui_one_paragraph_notice_is_read_not_refused():
    doc = wild("lishui-2023-tuiyi-shibing-anzhi.html")
    assert front(doc) == ("丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知",
                          "丽水市人民政府", "2023-10-16", "丽政发〔2023〕30号", None)
    assert kinds(doc) == ["breadcrumb", "title", "preamble", "closing", "attachment"]
    assert doc.addressee == "莲都区人民政府，市直各单位"


ONE_PARAGRAPH = """某某市人民政府关于下达2023年安置任务的通知
某政发〔2023〕30号
某某区人民政府，市直各单位：
根据有关规定，经研究，决定安排2023年退役士兵安置任务，现将安置任务下达给你们，请按规定做好接收安置工作。
附件：2023年安置任务表
某某市人民政府
2023年10月16日
（此件公开发布）
附件
2023年安置任务表
"""


def test_a_one_paragraph_notice_with_title_number_and_signature_is_a_document():
    doc = text_doc(ONE_PARAGRAPH)
    assert front(doc) == ("某某市人民政府关于下达2023年安置任务的通知", "某某市人民政府", "2023-10-16", "某政发〔2023〕30号", None)
    assert kinds(doc) == ["title", "preamble", "closing", "attachment"]
    closing = doc.root.children[2]
    assert doc.text[closing.start:closing.end].startswith("某某市人民政府\n2023年10月16日")


# --- site header, breadcrumb, a number above the title, a metadata block with spaced labels ----------

def test_a_title_after_the_site_header_and_breadcrumb():
    doc = text_doc("""某某市人民政府门户网站
首页 | 政务公开 | 互动交流
首页 > 政务公开 > 政策文件
某某市人民政府办公室关于印发某某市促进消费若干措施的通知
某府办规〔2025〕8号
各区人民政府，市政府各部门：
《某某市促进消费若干措施》已经市人民政府同意，现印发给你们，请认真组织实施。
某某市人民政府办公室
2025年3月1日
""")
    assert front(doc) == ("某某市人民政府办公室关于印发某某市促进消费若干措施的通知", "某某市人民政府办公室", "2025-03-01",
                          "某府办规〔2025〕8号", None)
    assert kinds(doc) == ["header", "breadcrumb", "title", "preamble", "closing"]
    assert doc.breadcrumb == ("首页", "政务公开", "政策文件")


def test_a_document_number_above_the_title():
    doc = text_doc("""穗府办规〔2025〕8号
某某市人民政府办公厅关于促进消费的若干措施
各区人民政府，市政府各部门：
一、加大消费补贴
对购买新能源汽车的给予补贴。
二、优化消费环境
加强市场监管。
""")
    assert (doc.title, doc.doc_number) == ("某某市人民政府办公厅关于促进消费的若干措施", "穗府办规〔2025〕8号")
    assert kinds(doc)[:2] == ["title", "preamble"]


def test_a_metadata_block_with_spaced_labels_under_the_title():
    doc = text_doc("""关于开展2023年度安全生产检查的通知
文　　号：某应急〔2023〕12号
发布机关：某某市应急管理局
发布日期：2023年8月9日
各区应急管理局：
一、检查范围
全市各类生产经营单位。
二、检查时间
2023年9月至10月。
""")
    # no date of its own: the publication date stands in
    assert front(doc) == ("关于开展2023年度安全生产检查的通知", "某某市应急管理局", "2023-08-09", "某应急〔2023〕12号", None)
    assert kinds(doc)[:3] == ["title", "header", "preamble"]


def test_several_labels_on_one_metadata_line():
    doc = text_doc("""发文机关：某某县人民政府　成文日期：2022年5月6日
标　　题：某某县人民政府关于加强森林防火工作的通告
某某县人民政府关于加强森林防火工作的通告
一、严禁野外用火
严禁在林区吸烟。
二、加强巡查
各乡镇加强巡查。
""")
    assert front(doc) == ("某某县人民政府关于加强森林防火工作的通告", "某某县人民政府", "2022-05-06", None, None)


# --- signature at the end: two issuers over one date, the print record ---------------------------

def test_ndrc_red_head_of_two_issuers_and_their_signature():
    doc = wild("ndrc-2019-fagaibancaijingui860-geshui-nashui-xinyong.txt")
    assert front(doc) == ("关于加强个人所得税纳税信用建设的通知", "国家发展改革委办公厅、税务总局办公厅", "2019-08-20",
                          "发改办财金规〔2019〕860号", None)
    assert kinds(doc)[:2] == ["title", "preamble"] and kinds(doc)[-1] == "closing"


RED_HEAD = """某某部办公厅　文件
某某总局办公厅
某办发〔2019〕86号
关于加强信用建设的通知
各省、自治区、直辖市有关部门：
一、总体要求
加强信用建设。
二、组织实施
抓好落实。
"""


def test_a_red_head_of_two_issuers_names_both_when_nothing_is_signed():
    doc = text_doc(RED_HEAD)
    assert front(doc) == ("关于加强信用建设的通知", "某某部办公厅、某某总局办公厅", None, "某办发〔2019〕86号", None)


def test_two_issuers_signing_over_one_date():
    doc = text_doc(RED_HEAD + "某某部办公厅\n某某总局办公厅\n2019年8月20日\n")
    assert (doc.issuer, doc.date) == ("某某部办公厅、某某总局办公厅", "2019-08-20")


def test_the_print_record_gives_issuer_and_date():
    doc = text_doc("""关于做好防汛工作的通知
各乡镇人民政府，县直各单位：
一、加强值班
严格落实24小时值班制度。
二、及时报告
发现险情立即报告。
抄送：县委办公室，县人大常委会办公室。
某某县应急管理局办公室　　2023年8月9日印发
""")
    assert (doc.issuer, doc.date) == ("某某县应急管理局办公室", "2023-08-09")
    assert kinds(doc)[-1] == "closing"


def test_an_attachment_note_above_the_signature_does_not_start_the_attachment():
    """国办发〔2018〕114号: `附件：…` above the signature; the attachment is after it. The note
    belongs to the closing it heads, and the signature under it is still the issuer's."""
    doc = wild("govcn-2018-guobanfa114-guojia-zonghexing-xiaofang.html")
    closing, attachment = doc.root.children[-2:]
    assert (closing.kind, attachment.kind) == ("closing", "attachment")
    assert doc.text[closing.start:closing.end].split() == [
        "附件：应急救援专用号牌式样和车辆涂装样图", "国务院办公厅", "2018年12月4日", "（此件公开发布）"]
    assert (doc.issuer, doc.date) == ("国务院办公厅", "2018-12-04")
    assert doc.text[attachment.start:].startswith("附件\n应急救援专用号牌式样和车辆涂装样图")


# --- 印发/转发 notices: the title is the attached text's ---------------------------------------

def test_a_forwarding_notice_takes_the_title_of_the_text_it_forwards():
    doc = wild("govcn-1997-guobanfa11-minzhengbu-guanyu-qingli.html")
    assert front(doc) == ("关于清理整顿社会团体的意见", "国务院办公厅", "1997-04-08", "国办发〔1997〕11号", None)
    assert doc.letter.title == "国务院办公厅转发民政部关于清理整顿社会团体意见的通知"
    title = next(c for c in doc.root.children if c.kind == "title")
    # the attribution line under the attached title belongs to the title block, not to the preamble
    assert doc.text[title.start:title.end].split() == ["关于清理整顿社会团体的意见", "（民政部", "一九九七年一月二十八日）"]


def test_a_forwarding_notice_with_a_note_under_its_date():
    doc = text_doc("""某某省人民政府办公厅转发省民政厅关于
加强养老服务工作意见的通知
某政办发〔2020〕5号
各市人民政府，省政府各部门：
省民政厅《关于加强养老服务工作的意见》已经省政府同意，现转发给你们，请认真贯彻执行。
某某省人民政府办公厅
2020年3月5日
（本文有删减）
关于加强养老服务工作的意见
（省民政厅　二〇二〇年二月十日）
为加强养老服务工作，提出如下意见：
一、总体要求
坚持以人民为中心。
二、主要任务
（一）发展居家养老。
（二）发展社区养老。
""")
    assert front(doc) == ("关于加强养老服务工作的意见", "某某省人民政府办公厅", "2020-03-05", "某政办发〔2020〕5号", None)
    assert doc.letter.title == "某某省人民政府办公厅转发省民政厅关于加强养老服务工作意见的通知"
    assert kinds(doc)[:3] == ["letter", "title", "preamble"]


def test_letter_spaced_titles_are_closed_up():
    doc = wild("govcn-2004-guofa18-guowuyuan-gongzuo-guize.html")
    assert doc.title == "国务院工作规则"  # printed 国 务 院 工 作 规 则
    assert wild("govcn-2005-guobanhan57-guojia-liangshi-yingji.html").letter.title == "国务院办公厅关于印发国家粮食应急预案的函"
    assert text_doc("关于建设科技强市 促进首府高质量发展的实施意见\n一、目标\n到2027年。\n二、任务\n抓落实。\n").title == (
        "关于建设科技强市 促进首府高质量发展的实施意见")  # one space between two phrases stays


# --- orders: 国务院令 / 省政府令 covers ---------------------------------------------------------

def test_state_council_order_cover_gives_the_regulation_its_date_and_number():
    doc = wild("govcn-2018-guoling706-zhuanli-daili-tiaoli.html")
    assert front(doc) == ("专利代理条例", "国务院", "2018-11-06", "国令第706号", None)
    assert (doc.letter.title, doc.letter.issuer) == ("中华人民共和国国务院令第706号", "国务院")


def test_the_premier_signs_an_order_but_does_not_issue_it():
    doc = ingested("govcn-2018-guoling707-geshui-shishi-tiaoli.html")
    assert (doc.issuer, doc.letter.issuer, doc.doc_number) == ("国务院", "国务院", "国令第707号")


def test_a_provincial_order_cover():
    doc = text_doc("""某某省人民政府令
第300号
《某某省电梯安全管理办法》已经2024年5月10日省人民政府第30次常务会议通过，现予公布，自2024年8月1日起施行。
省长　　王某某
2024年6月1日
某某省电梯安全管理办法
第一条　为了加强电梯安全管理，制定本办法。
第二条　本办法自2024年8月1日起施行。
""")
    assert front(doc) == ("某某省电梯安全管理办法", "某某省人民政府", "2024-06-01", "某某省人民政府令第300号", None)


# --- regulations' header lines: the adopting city, the latest adoption or revision ----------------

@pytest.mark.parametrize("name, issuer, date", [
    # 2022年8月19日广州市…第二次修订  2022年11月30日广东省…批准） on one line with three other events
    ("guangzhou-rd-2023-shehui-jijiu-yiliao.txt", "广州市人民代表大会常务委员会", "2022-08-19"),
    # 2018年10月31日 周口市…通过 / 2018年11月29日 河南省…批准的《周口市…决定》修正
    ("zhoukou-rd-2019-chengshi-shirong-he.txt", "周口市人民代表大会常务委员会", "2018-10-31"),
    ("zhengzhou-rd-2022-guidaojiaotong.txt", "郑州市人民代表大会常务委员会", "2021-10-29"),
    # 2019年1月31日 济南市…通过并经2019年2月12日山东省…批准的…修正
    ("laiwu-rd-2019-jinanshi-jiyou-duoceng.txt", "济南市人民代表大会常务委员会", "2019-01-31"),
    ("huzhou-rd-2021-wuyeguanli.txt", "湖州市人民代表大会", "2021-03-04"),  # the congress itself, not its committee
    ("chongqing-rd-2019-zongjiaoshiwu.txt", "重庆市人民代表大会常务委员会", "2019-05-31"),
    # 1985年3月7日 国务院批准 / 1985年3月15日 国家标准局发布
    ("guowuyuan-2011-chanpinzhiliang-jiandu-shixing.txt", "国家标准局", "1985-03-15"),
    ("guowuyuan-1986-gongye-chanpinzhiliang-zeren.txt", "国务院", "1986-04-05"),  # 1986年4月5日 国务院发布
])
def test_regulation_issuer_is_the_adopting_organ_without_its_session(name, issuer, date):
    assert (wild(name).issuer, wild(name).date) == (issuer, date)


def test_a_city_regulation_approved_by_the_province():
    doc = text_doc("""# 某某市城市绿化条例

2015年6月26日 某某市第十四届人民代表大会常务委员会第十次会议通过

2015年9月26日 某某省第十二届人民代表大会常务委员会第十六次会议批准  2021年10月29日某某市第十五届人民代表大会常务委员会第二十八次会议修订  2021年11月27日某某省第十三届人民代表大会常务委员会第二十八次会议批准

<!-- INFO END -->

第一条 为了促进城市绿化，制定本条例。
第二条 本条例自2022年1月1日起施行。
""", "law.md")
    assert front(doc) == ("某某市城市绿化条例", "某某市人民代表大会常务委员会", "2021-10-29", None, None)


def test_state_council_regulations_are_issued_by_the_state_council():
    doc = ingested("law-wangba-guanli-tiaoli-2022.txt")  # 2002年9月29日 中华人民共和国国务院令第363号公布
    assert (doc.issuer, doc.doc_number) == ("国务院", "国令第363号")


# --- reference numbers do not start with the day of a date ------------------------------------

def test_a_reference_number_after_a_date_starts_after_its_day():
    numbers = [r.doc_number for r in wild("govcn-2018-guoling706-zhuanli-daili-tiaoli.html").layer("references").all()]
    assert "中华人民共和国国务院令第76号" in numbers and not [n for n in numbers if n and n.startswith("日")]
    numbers = [r.doc_number for r in wild("samr-2021-jiayong-qiche-chanpin.txt").layer("references").all()]
    assert "国家质量监督检验检疫总局令第150号" in numbers  # written 2013年10月28日原国家质量监督检验检疫总局令第150号
    refs = find_references("（1994年1月28日中华人民共和国国务院令第142号发布　根据二〇〇五年十二月十九日国发〔2005〕1号修订）")
    assert [r.doc_number for r in refs] == ["中华人民共和国国务院令第142号", "国发〔2005〕1号"]


def test_the_document_own_order_number_is_not_a_reference():
    numbers = [r.doc_number for r in ingested("govcn-2018-guoling707-geshui-shishi-tiaoli.html").layer("references").all()]
    assert not [n for n in numbers if n and "707" in n]


# --- status written in the title ------------------------------------------------------------

@pytest.mark.parametrize("name, title, status", [
    ("samr-1999-chufangyao-yu-feichufangyao.txt", "处方药与非处方药分类管理办法（试行）", "试行"),
    ("guowuyuan-2011-chanpinzhiliang-jiandu-shixing.txt", "产品质量监督试行办法", "试行"),
    ("samr-2022-shichang-jianduguanli-tousu.txt", "市场监督管理投诉举报处理暂行办法", "暂行"),
    ("govcn-2018-guofa41-gerensuodeshui-zhuanxiang-fujia.html", "个人所得税专项附加扣除暂行办法", "暂行"),
])
def test_status_written_in_the_title(name, title, status):
    assert (wild(name).title, wild(name).status) == (title, status)


@pytest.mark.parametrize("title, status, kept", [
    ("某某市中小企业发展专项资金管理办法（试行）", "试行", "某某市中小企业发展专项资金管理办法（试行）"),
    ("某某市工业用地管理暂行规定", "暂行", "某某市工业用地管理暂行规定"),
    ("某某市物业管理办法（征求意见稿）", "征求意见稿", "某某市物业管理办法"),  # a draft stage is cut from the title
    ("某某市关于暂行停车收费的通知", None, "某某市关于暂行停车收费的通知"),  # 暂行 in the wording, not the name's kind
])
def test_status_in_a_synthetic_title(title, status, kept):
    doc = text_doc(f"{title}\n第一条 为了规范管理，制定本办法。\n第二条 本办法自发布之日起施行。\n")
    assert (doc.title, doc.status) == (kept, status)


# --- every document of the corpus gets a title ------------------------------------------------

# Read off each text: its title line (a 印发/转发 notice: the attached text's title; a notice that
# calls for comments on a draft: the draft's).
TITLES = {
    "govcn-2018-guobanfa117-jili-zhichi.html": "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知",
    "govcn-2018-guobanfa123-zhengwu-xinmeiti.html": "国务院办公厅关于推进政务新媒体健康有序发展的意见",
    "govcn-2018-guobanfa124-wenhua-zhuanzhi-liangge-guiding.html": "文化体制改革中经营性文化事业单位转制为企业的规定",
    "govcn-2018-guofa39-cujin-jiuye.html": "国务院关于做好当前和今后一个时期促进就业工作的若干意见",
    "govcn-2018-guofa42-nongye-jixiehua.html": "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见",
    "govcn-2018-guofa43-boao-yaopin-jueding.html":
        "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定",
    "govcn-2018-guoling707-geshui-shishi-tiaoli.html": "中华人民共和国个人所得税法实施条例",
    "govcn-2019-guobanfa6-rongzi-danbao.html": "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见",
    "govcn-2019-guofa3-zonghe-baoshuiqu.html": "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
    "govcn-2019-guofa4-zhiye-jiaoyu-fangan.html": "国家职业教育改革实施方案",
    "hohhot-2024-keji-qiangshi-draft.txt": "关于建设科技强市 促进首府高质量发展的实施意见",
    "law-beijing-shenji-tiaoli-2017.txt": "北京市审计条例",
    "law-beijing-shenji-tiaoli-2023.txt": "北京市审计条例",
    "law-beijing-shuifa-shishi-banfa-2019.txt": "北京市实施《中华人民共和国水法》办法",
    "law-beijing-shuifa-shishi-banfa-2022.txt": "北京市实施《中华人民共和国水法》办法",
    "law-beijing-youhua-yingshang-tiaoli-2020.txt": "北京市优化营商环境条例",
    "law-beijing-youhua-yingshang-tiaoli-2024.txt": "北京市优化营商环境条例",
    "law-guojia-keji-jiangli-tiaoli-2020.txt": "国家科学技术奖励条例",
    "law-guojia-keji-jiangli-tiaoli-2024.txt": "国家科学技术奖励条例",
    "law-jingyingzhe-jizhong-shenbao-biaozhun-2018.txt": "国务院关于经营者集中申报标准的规定",
    "law-jingyingzhe-jizhong-shenbao-biaozhun-2024.txt": "国务院关于经营者集中申报标准的规定",
    "law-renti-qiguan-juanxian-yizhi-tiaoli-2023.txt": "人体器官捐献和移植条例",
    "law-renti-qiguan-yizhi-tiaoli-2007.txt": "人体器官移植条例",
    "law-shanghai-keji-jinbu-tiaoli-2010.txt": "上海市科学技术进步条例",
    "law-shanghai-keji-jinbu-tiaoli-2024.txt": "上海市科学技术进步条例",
    "law-shanghai-nongye-keji-guiding-2007.txt": "上海市促进农业科技进步若干规定",
    "law-shanghai-nongye-keji-guiding-2024.txt": "上海市促进农业科技进步若干规定",
    "law-shouyang-dengji-banfa-2019.txt": "中国公民收养子女登记办法",
    "law-shouyang-dengji-banfa-2023.txt": "中国公民收养子女登记办法",
    "law-wangba-guanli-tiaoli-2019.txt": "互联网上网服务营业场所管理条例",
    "law-wangba-guanli-tiaoli-2022.txt": "互联网上网服务营业场所管理条例",
    "law-zhongxiao-qiye-kuanxiang-zhifu-tiaoli-2020.txt": "保障中小企业款项支付条例",
    "law-zhongxiao-qiye-kuanxiang-zhifu-tiaoli-2025.txt": "保障中小企业款项支付条例",
    "liuhe-zhongdian-chanye-shishi-yijian-2023.html": "中共柳河县委 柳河县人民政府关于支持重点产业加快发展的实施意见",
    "mot-2019-wangluo-huoyun-banfa-zhengqiu-yijian.txt": "网络平台道路货物运输经营管理办法",
    "rule-jubao-guojia-anquan-jiangli-banfa-2022.txt": "公民举报危害国家安全行为奖励办法",
    "rule-laoshebu-2008-gongzi-zhesuan-tongzhi.txt": "关于职工全年月平均工作时间和工资折算问题的通知",
    "rule-nianxiujia-shishi-banfa-2008.txt": "企业职工带薪年休假实施办法",
    "rule-qinhai-xiaofeizhe-quanyi-chufa-banfa-2015.txt": "侵害消费者权益行为处罚办法",
    "zhuhai-2019-gangao-qingnian-buzhu-zhengqiu-yijian.html": "关于印发珠海市支持港澳青年来珠就业（创业）和技能培训（训练）补贴办法的通知",
}
# Texts that state no title (they start at 目录, at 第一章, at the addressee or at the first clause; see
# corpus/SOURCES.md): corpus/METADATA.tsv gives the title their page showed where it is known ...
GIVEN_BESIDE = {
    "law-fan-buzhengdang-jingzheng-2019.txt": "中华人民共和国反不正当竞争法",
    "law-fan-buzhengdang-jingzheng-2025.txt": "中华人民共和国反不正当竞争法",
    "law-minyong-hangkong-2021.txt": "中华人民共和国民用航空法",
    "law-minyong-hangkong-xiuding-caoan.txt": "中华人民共和国民用航空法",
    "law-zhian-chufa-2012.txt": "中华人民共和国治安管理处罚法",
    "law-zhian-chufa-2025.txt": "中华人民共和国治安管理处罚法",
    "law-zhian-chufa-draft2.txt": "中华人民共和国治安管理处罚法",
    "shanghai-2016-lingang-shuangte-ruogan-yijian.html": "上海市人民政府关于深化完善“双特”政策支持临港地区新一轮发展的若干意见",
}
# ... and where it is not, the file name stands in, with warning W201.
UNTITLED = {
    "liuhe-lvyou-shishi-yijian-2019.html", "liuhe-zhongdian-chanye-shishi-yijian-old.html",
    "sichuan-2014-zhuanfa-duzha-tongzhi.html",
}
TITLES.update(GIVEN_BESIDE)


def test_the_title_tables_cover_the_corpus():
    assert set(TITLES) | UNTITLED == {p.name for p in CORPUS_FILES} and not set(TITLES) & UNTITLED


@pytest.mark.parametrize("name", [p.name for p in CORPUS_FILES])
def test_every_corpus_document_has_a_title(name):
    doc = ingested(name)
    w201 = [w for w in doc.warnings if w.code == "W201"]
    if name in UNTITLED:
        assert doc.title == name.rsplit(".", 1)[0] and len(w201) == 1
    else:
        assert doc.title == TITLES[name] and not w201


def test_standard_input_without_a_title_has_none():
    doc = ingest_source(load_bytes("一、总体要求\n加强管理。\n二、组织实施\n抓好落实。\n".encode(), "stdin"))
    assert doc.title is None and not [w for w in doc.warnings if w.code == "W201"]


# --- a whole portal page copied as text, a signer named by no organ word ------------------------

def test_a_portal_page_copied_as_text():
    doc = text_doc("""浙江省人民政府门户网站
首页 > 政务公开 > 政策文件 > 省政府办公厅文件
索 引 号：11330000002482870P/2023-00123
发布机构：浙江省人民政府办公厅
生成日期：2023-08-09
所属主题：安全生产
文　　号：浙政办发〔2023〕45号
浙江省人民政府办公厅关于进一步加强安全生产工作的通知（2023年修订）
来源：浙江省人民政府办公厅　发布时间：2023-08-10 15:30　浏览次数：1234
各市、县（市、区）人民政府，省政府直属各单位：
为进一步加强安全生产工作，现就有关事项通知如下：
一、压实安全责任
各地要压实安全生产责任。
二、强化隐患排查
开展隐患排查整治。
浙江省人民政府办公厅
2023年8月9日
（此件公开发布）
""")
    assert front(doc) == ("浙江省人民政府办公厅关于进一步加强安全生产工作的通知（2023年修订）", "浙江省人民政府办公厅",
                          "2023-08-09", "浙政办发〔2023〕45号", None)
    # 一、 headings over one paragraph each are measures (tests/test_numbering_forms.py)
    assert kinds(doc) == ["header", "breadcrumb", "header", "title", "header", "preamble", "measure", "measure", "closing"]
    assert doc.addressee == "各市、县（市、区）人民政府，省政府直属各单位"


def test_a_signer_named_by_no_organ_word_we_list():
    doc = text_doc("关于做好辖区防汛工作的通知\n各社区居委会：\n一、加强值班\n严格值班。\n二、及时报告\n发现险情立即报告。\n"
                   "某某街道综合治理网格\n2023年8月9日\n")
    assert (doc.issuer, doc.date) == ("某某街道综合治理网格", "2023-08-09")


# --- calls for comments: the draft's stage, the comment period, a notice that is the whole text -------

def test_a_call_for_comments_has_the_stage_of_the_draft_it_names():
    doc = ingested("zhuhai-2019-gangao-qingnian-buzhu-zhengqiu-yijian.html")  # the notice only, no title line
    assert (doc.title, doc.status) == ("关于印发珠海市支持港澳青年来珠就业（创业）和技能培训（训练）补贴办法的通知", "征求意见稿")
    assert doc.letter.deadline == "2019-11-13"


def test_a_call_for_comments_that_is_the_whole_text():
    doc = text_doc("""首页 > 通知公告
某某区发展和改革局关于《某某区促进民营经济发展若干措施（征求意见稿）》公开征求意见的通知
发布时间：2024-03-01
为促进民营经济发展，我局起草了《某某区促进民营经济发展若干措施（征求意见稿）》，现公开征求社会各界意见。征求意见时间为2024年3月1日至2024年3月31日。
联系电话：020-12345678
某某区发展和改革局
2024年3月1日
""")
    assert front(doc) == ("某某区发展和改革局关于《某某区促进民营经济发展若干措施（征求意见稿）》公开征求意见的通知",
                          "某某区发展和改革局", "2024-03-01", None, "征求意见稿")
    assert kinds(doc) == ["breadcrumb", "title", "header", "preamble", "closing"]
    letter = doc.letter
    assert (letter.issuer, letter.date, letter.deadline, letter.contact_phone) == (
        "某某区发展和改革局", "2024-03-01", "2024-03-31", "020-12345678")


def test_two_issuers_side_by_side_over_one_date():
    doc = text_doc(RED_HEAD + "某某部办公厅　　某某总局办公厅\n2019年8月20日\n")
    assert (doc.issuer, doc.date) == ("某某部办公厅、某某总局办公厅", "2019-08-20")


def test_an_approval_clause_inside_an_event_of_issuing():
    doc = text_doc("# 某某产品质量监督办法\n\n1985年3月15日 经国务院批准，国家标准局发布\n\n<!-- INFO END -->\n\n"
                   "第一条 为了加强监督，制定本办法。\n第二条 本办法自发布之日起施行。\n", "rule.md")
    assert (doc.issuer, doc.date) == ("国家标准局", "1985-03-15")


def test_a_print_record_under_the_signature_leaves_the_signature_the_issuer():
    """GB/T 9704 版记: 公开方式, 抄送 (running over two lines) and the printing office under the signature."""
    doc = text_doc("""某某市人民政府办公厅关于加强物业管理的通知
某府办规〔2025〕8号
各区人民政府，市政府各部门、各直属机构：
一、落实属地责任
各区要落实物业管理属地责任。
二、加强行业监管
住房城乡建设部门要加强监管。
某某市人民政府办公厅
2025年3月1日
（联系人：张某某，联系电话：12345678）
公开方式：主动公开
抄送：市委各部委，市人大常委会办公厅，市政协办公厅，
市法院，市检察院。
某某市人民政府办公厅秘书处　　2025年3月3日印发
""")
    assert (doc.issuer, doc.date, doc.doc_number) == ("某某市人民政府办公厅", "2025-03-01", "某府办规〔2025〕8号")
    closing = doc.root.children[-1]
    assert closing.kind == "closing" and doc.text[closing.start:].startswith("某某市人民政府办公厅\n2025年3月1日")


def test_a_signature_and_its_date_on_one_line():
    doc = text_doc("关于做好防汛工作的通知\n各乡镇人民政府：\n一、加强值班\n严格值班。\n二、及时报告\n发现险情立即报告。\n"
                   "某某县人民政府办公室　　2023年8月9日\n")
    assert (doc.issuer, doc.date) == ("某某县人民政府办公室", "2023-08-09")
    assert kinds(doc)[-1] == "closing"
