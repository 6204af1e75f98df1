"""Front-matter vocabulary: the words and patterns of titles, dates, numbers and letters.

Data, not logic: `front` and `letter` decide what the lines mean. Patterns run on
the `normalize.fold` view (ASCII `(` `:` `,` match their full-width forms).
"""
from __future__ import annotations

import re

from ..cnnum import parse_int
from ..doctypes import DOC_KIND_END, DOC_NUMBER  # noqa: F401  (DOC_NUMBER re-exported for the front-matter readers)
from ..normalize import fold
from .lines import Line

# Status words of a draft, longest first where one contains another.
STATUS_WORDS = (
    "征求意见稿", "公开征求意见稿", "送审稿", "修订草案第二次审议稿", "修订草案", "草案", "讨论稿",
    "修改稿", "审议稿", "代拟稿", "试行", "暂行", "报批稿",
)
# (征求意见稿) on a line of its own
STATUS_LINE = re.compile(r"^\((?:[^()]{0,12}?)(" + "|".join(STATUS_WORDS) + r")\)$")
# 2024年10月13日 / 二〇一八年十二月六日
DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日")
DATE_LINE = re.compile(r"^\(?" + DATE.pattern + r"\)?$")
# 首页 > 通知公告 > 政务 / 当前位置：…
BREADCRUMB = re.compile(r"^(?:(?:当前位置|您的位置|您现在的位置)\s*[:：]?.*|[^>›»]{1,20}(?:\s*[>›»]\s*[^>›»]{1,20}){1,6})$")
# the last word of a cover letter's title
LETTER_END = re.compile(r"(?:函|通知|公告|通告|公示|启事|令)$")
# 11月13日17:00前
DEADLINE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})|(\d{1,2})\s*时)?\s*(?:前|之前|止|以前)")
# 意见反馈截止时间为2019年11月13日
DEADLINE_AFTER = re.compile(
    r"(?:截止|截至)(?:时间|日期)?\s*(?:为|是|至|到)?\s*[:：]?\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
    r"\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})|(\d{1,2})\s*时)?")
# 征求意见时间为2024年3月1日至2024年3月31日: the end of a comment period
DEADLINE_RANGE = re.compile(
    r"(?:征求意见|意见征集|公示|反馈意见|意见反馈)的?(?:时间|期|期限|日期)\s*(?:为|是)?\s*[:：]?\s*"
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*(?:至|到|—+|-|~|～)\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
    r"\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})|(\d{1,2})\s*时)?")
CONTACT = re.compile(r"联系人\s*[:：]?\s*([\u4e00-\u9fff·]{2,6}?)(?=[,，;；、\s)）]|联系|电话|$)")
PHONE = re.compile(r"(?:电话|联系方式|手机)\s*[:：]?\s*((?:\d{3,4}\s*[-－—]\s*)?\d{7,8}|1\d{10})")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
ADDRESS = re.compile(r"(?:通讯地址|通信地址|邮寄地址|地址)\s*[:：]\s*([^,，;；。()（）\n]+)")
FAX = re.compile(r"传真\s*[:：]?\s*((?:\d{3,4}\s*[-－—]\s*)?\d{7,8})")
# (1994年1月28日…发布 根据…修订) under a regulation's title
ADOPTION = re.compile(r"^\(.*\d{4}年.*(?:发布|通过|修订|修正|施行|公布).*\)$")
# 国家工商行政管理总局令第73号 after a date
ORDER = re.compile(r"\s*([\u4e00-\u9fff]{2,20}?)令\s*第\s*\d{1,4}\s*号")
# 北京市第十六届人民代表大会常务委员会第十三次会议 / 经人力资源和社会保障部第6次部务会议
MEETING = re.compile(r"\s*经?([\u4e00-\u9fff]{2,30}?(?:人民代表大会常务委员会|人民代表大会|人民政府|国务院|部|委员会|总局|局|署))"
                     r"第[^\s]{1,8}次")
NOT_ADDRESSEE = re.compile(r"如下|以下|下列|制定|现将|为了|^为|根据|按照")
ADDRESSEE_WORD = re.compile(r"政府|部门|单位|机构|委员会|局|厅|委|办|院|公司|学校|企业|同志|人员|社会|公众")
# 附《网络平台道路货物运输经营管理办法(征求意见稿)》：
APPENDED = re.compile(r"^附(?:件\d*)?[:：]?《[^》]+》[:：]?$")
# 交通运输部在…基础上，起草了《
DRAFTER = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:部|委员会|总局|局|厅|署|办公室|人民政府))"
                     r"(?:在[^。]{0,60}?)?(?:研究|组织|会同[^，。]{0,30}?)?(?:起草|拟订|拟定|制定|修订)了?《")
# 发文机关： / 标题：… (a metadata table copied as text), matched with whitespace removed (`文　号：`)
META_WORDS = (
    "索引号", "主题分类", "发文机关", "发布机关", "发文单位", "发布机构", "成文日期", "成文时间", "印发日期",
    "生成日期", "发文日期", "标题", "发文字号", "文号", "文件编号", "发布日期", "发布时间", "公开日期", "主题词",
    "生效日期", "施行日期", "实施日期", "有效性", "效力状态", "组配分类", "体裁分类", "信息分类", "公文种类",
    "公开方式", "公开范围", "信息来源", "来源", "浏览次数", "访问量", "法宝引证码", "原文链接",
)
META_LABEL = re.compile(r"^(" + "|".join(META_WORDS) + r")[:：]\s*(.*)$")
# Which metadata labels give which field of the document, in order of preference.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("标题",),
    "doc_number": ("发文字号", "文号", "文件编号"),
    "issuer": ("发文机关", "发布机关", "发文单位"),
    # the organ whose site published the page: the issuer only when the text names none
    "site": ("发布机构",),
    "date": ("成文日期", "成文时间", "印发日期", "发文日期", "生成日期"),
    "published": ("发布日期", "发布时间", "公开日期"),
}
# 2023-10-16 / 2023/10/16 / 2023.10.16 (a metadata table's dates)
ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# 试行 / 暂行 written in a title: `（试行）`, or in the name itself (`暂行办法`, `产品质量监督试行办法`)
STATUS_IN_NAME = re.compile(r"(试行|暂行)(?=[\u4e00-\u9fff]{1,3}$|\)$)")
# Status words that name a stage of a draft, cut from the title (the title of a draft is the title of the text);
# 试行 and 暂行 are part of the official name and stay in it.
DRAFT_STAGES = tuple(w for w in STATUS_WORDS if w not in ("试行", "暂行"))
# 发展改革委办公厅  文件 (a red-head 文件 header; further issuers on the lines under it)
RED_HEAD = re.compile(r"^(\S.{1,40}?)\s*文件$")
# 国家发展改革委办公厅 / 丽水市人民政府 / 中共柳河县委: the name of an organ, as it signs
ORGAN = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff（）()]{1,40}?(?:人民代表大会常务委员会|人民代表大会|常务委员会|委员会|人民政府|政府|办公厅|办公室|"
    r"党委|县委|市委|省委|区委|党组|总局|局|厅|部|委|院|署|办|中心|总社|社|会|银行|公司|集团|"
    r"法院|检察院|军区|工商联|团委|妇联|团中央|研究所|大学|学院|学校|办事处|处|海关|支队|大队|站|所|馆|支行|分行|"
    r"小组|指挥部)$")
# 总理　　李克强 / 省长 王某某: a person's signature (an order is signed by its head, not issued by them)
SIGNATORY = re.compile(r"^(?:总理|副总理|国务院总理|主席|省长|市长|县长|区长|州长|部长|主任|局长|厅长|署长|书记|"
                       r"委员长|院长|行长|署长|代理[\u4e00-\u9fff]{1,3})\s*[\u4e00-\u9fff·]{2,4}$")
# 第十四届 (a congress's session: dropped from a normalized issuer)
SESSION = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")
# the State's name before one of its organs: 中华人民共和国国务院 -> 国务院
STATE_PREFIX = "中华人民共和国"
# 中华人民共和国国务院令　第706号: the head of an order's cover (the organ, then its number)
ORDER_HEAD = re.compile(r"([\u4e00-\u9fff]{2,30}?)令(第\d{1,5}号)?")
# 中华人民共和国国务院令第706号 -> 国令第706号, the form of its 发文字号
STATE_COUNCIL_ORDER = re.compile(r"^(?:中华人民共和国)?国务院令\s*(第\s*\d{1,4}\s*号)$")
# （此件公开发布） （本文有删减）: a short note in brackets after a date or signature
BRACKET_NOTE = re.compile(r"^\([^()]{2,20}\)$")
# XX局办公室　2023年8月9日印发 (the print record at the foot of a document: issuing office and date)
PRINTED = re.compile(r"^(\S.{1,40}?)\s*" + DATE.pattern + r"\s*印发$")
# 某某市人民政府办公室　2025年3月1日 (a signature and its date on one line)
SIGNED = re.compile(r"^(\S.{1,40}?)\s+" + DATE.pattern + r"$")
# 【市级相关政策】 / [已废止]: a site's tag before a title (its column or the text's validity)
SITE_TAG = re.compile(r"^\s*(?:【[^】]{1,14}】|\[[^\]]{1,6}\])\s*(?=\S)")
# 行政规范性文件: a site's label of the class of a text, on a line of its own above the title
CLASS_LABEL = re.compile(r"^(?:行政)?规范性文件$")
# 江西省人民政府令 (an order's head alone on its line; its number, maybe in brackets, on the next)
ORDER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,30}令$")
ORDER_NO = re.compile(r"^\(?第\d{1,5}号\)?$")
# 抄送：… / 主送：… / 公开方式：主动公开 (lines of the print record)
COPY_LINE = re.compile(r"^(?:抄送|抄报|主送|分送|发送|公开方式|公开属性|信息公开选项)\s*[:：]")


def iso_date(m: re.Match[str]) -> str | None:
    """`2024年10月13日` or `二〇一八年十二月六日` -> `2024-10-13`."""
    try:
        y, mo, d = (parse_int(g) for g in m.groups()[:3])
    except ValueError:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_date_line(line: Line) -> bool:
    return DATE_LINE.match(line.folded.replace(" ", "")) is not None


def is_organ_line(line: Line) -> bool:
    """A line naming one organ or several side by side (`中共柳河县委　柳河县人民政府`), not a
    person's signature."""
    parts = line.folded.split()
    return 0 < len(parts) <= 4 and all(ORGAN.match(p) for p in parts) and not SIGNATORY.match(line.folded)


def is_addressee(line: Line) -> bool:
    """`各省、自治区、直辖市人民政府，国务院各部委：` yes; `为进一步深化…特制定以下规定：` no."""
    f = line.folded.rstrip()
    return (f.endswith(":") and line.width <= 80 and "。" not in f and not NOT_ADDRESSEE.search(f)
            and (f.startswith("各") or ADDRESSEE_WORD.search(f) is not None))


def is_title_line(line: Line) -> bool:
    """A line of a title: no sentence punctuation, not in brackets, and short (at most 40
    characters) or ending with the kind of a document (`…安置任务的通知`, up to 150)."""
    f = line.folded
    if re.search(r"[。,;:!?]", f) or f.startswith("("):
        return False
    return line.width <= 40 or (line.width <= 150 and DOC_KIND_END.search(f.rstrip()) is not None)


def clean_title(title: str) -> str:
    """A title as one string: letter-spaced runs closed up (`国 务 院 工 作 规 则` ->
    `国务院工作规则`); a single space between two phrases (`科技强市 促进首府`) stays; a site's
    tag before it (`【市级相关政策】`, `[已废止]`) and brackets around the whole (`《…若干措施》`) go."""
    title = re.sub(r"(?:[\u4e00-\u9fff][ \u3000]+){2,}[\u4e00-\u9fff]", lambda m: re.sub(r"[ \u3000]", "", m.group(0)),
                   title)
    title = SITE_TAG.sub("", title.strip())
    whole = re.fullmatch(r"[《〈]([^《》〈〉]+)[》〉]", title)
    return whole.group(1) if whole else title


def status_of_title(title: str) -> tuple[str | None, str]:
    """The status a title states, and the title to keep: a draft stage in brackets is cut
    (`…办法（征求意见稿）` -> 征求意见稿, `…办法`); 试行/暂行 stay in the title
    (`…管理规范（试行）`, `…暂行办法` -> 试行, 暂行)."""
    inline = re.search(r"[(（]((?:[^()（）]{0,12}?)(?:" + "|".join(STATUS_WORDS) + r"))[)）]$", title)
    if inline:
        word = next(w for w in STATUS_WORDS if w in inline.group(1))
        return word, title[:inline.start()] if word in DRAFT_STAGES else title
    named = STATUS_IN_NAME.search(fold(title))
    return (named.group(1), title) if named else (None, title)


def normalize_issuer(name: str | None) -> str | None:
    """An issuer as one names the organ: no session (`安阳市第十四届人民代表大会常务委员会` ->
    `安阳市人民代表大会常务委员会`), no State prefix (`中华人民共和国国务院` -> `国务院`)."""
    if not name:
        return None
    name = re.sub(r"\s*[(（]代章[)）]$", "", SESSION.sub("", name.strip()))
    if name.startswith(STATE_PREFIX) and len(name) > len(STATE_PREFIX) + 1:
        name = name[len(STATE_PREFIX):]
    return name or None


def order_number(number: str) -> str:
    """A State Council order in its 发文字号 form (`中华人民共和国国务院令第706号`,
    `国务院令第529号` -> `国令第706号`, `国令第529号`); any other number unchanged."""
    m = STATE_COUNCIL_ORDER.match(re.sub(r"\s", "", number))
    return f"国令{m.group(1)}" if m else number


def iso_any(value: str | None) -> str | None:
    """A date written `2023年10月16日` or `2023-10-16`, as ISO; else None."""
    m = DATE.search(value or "")
    if m:
        return iso_date(m)
    m = ISO_DATE.search(value or "")
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None
