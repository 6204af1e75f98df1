"""The kinds of documents governments issue (通知, 实施意见, 条例, 批复 …), as data.

A title ends with its document's kind, maybe followed by a short note in brackets; a
page loader and the front-matter reader both use this to tell a title from other
short lines. Patterns run on the `normalize.fold` view (`（` is `(`).
"""
from __future__ import annotations

import re

DOC_KINDS = (
    "通知", "意见", "办法", "方案", "规定", "决定", "条例", "细则", "规则", "规范", "规划", "计划", "纲要", "措施",
    "批复", "复函", "函", "公告", "通告", "通报", "报告", "请示", "答复", "预案", "指南", "标准", "制度", "守则",
    "章程", "要点", "清单", "名单", "命令", "令", "法",
)
# `…安置任务的通知`, `…管理办法(试行)`, `…行动计划(2023—2025年)`
DOC_KIND_END = re.compile(r"(?:" + "|".join(DOC_KINDS) + r")(?:\([^()]{1,16}\))?$")
# 国发〔2023〕16号 / 劳社部发[2008]3号 / 京政办发【2025】12号 / 中华人民共和国国家安全部令第2号
NUMBER_FORM = r"[\u4e00-\u9fff]{1,12}[〔\[(（【［][12]\d{3}[〕\])）】］]\s*\d{1,4}\s*号"
DOC_NUMBER = re.compile(NUMBER_FORM + r"|[\u4e00-\u9fff]{1,20}令第\s*\d{1,4}\s*号")
