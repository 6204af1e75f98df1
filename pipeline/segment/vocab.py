"""Front-matter vocabulary: the words and patterns of titles, dates, numbers and letters.

Data, not logic: `front` and `letter` decide what the lines mean. Patterns run on
the `normalize.fold` view (ASCII `(` `:` `,` match their full-width forms).
"""
from __future__ import annotations

import re

from ..cnnum import parse_int
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
# 国发〔2023〕16号 / 劳社部发[2008]3号 / 中华人民共和国国家安全部令第2号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(（【][12]\d{3}[〕\])）】]\s*\d{1,4}\s*号"
                        r"|[\u4e00-\u9fff]{1,20}令第\s*\d{1,4}\s*号")
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
# 发文机关： / 标题：… (a gov.cn metadata table copied as text)
META_LABEL = re.compile(r"^(索引号|主题分类|发文机关|成文日期|标题|发文字号|发布日期|主题词|发布机构|文号|生效日期|有效性)[:：]\s*(.*)$")


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


def is_addressee(line: Line) -> bool:
    """`各省、自治区、直辖市人民政府，国务院各部委：` yes; `为进一步深化…特制定以下规定：` no."""
    f = line.folded.rstrip()
    return (f.endswith(":") and line.width <= 80 and "。" not in f and not NOT_ADDRESSEE.search(f)
            and (f.startswith("各") or ADDRESSEE_WORD.search(f) is not None))


def is_title_line(line: Line) -> bool:
    f = line.folded
    return line.width <= 40 and not re.search(r"[。,;:!?]", f) and not f.startswith("(")
