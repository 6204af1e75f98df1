"""The parts of a responsibility note that name no unit: its time limit (kept as the note's
`deadline`), a person (责任领导：…), where the measure applies (适用范围：…), a remark about the notes
after it (以下均需…落实，不再列出) and the duties a field note gives its offices (…窗口收件、受理).
`units.find_notes` skips them when it reads a note's units.
"""
from __future__ import annotations

import re

# A time limit that shares the note: `完成时限：2024年底`, `2025年底前完成`, `持续推进`.
TIME_LABELS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时间安排", "(?<!完成)时限")
TIME_LABEL = re.compile(r"\s*(?:" + "|".join(TIME_LABELS) + r")\s*:\s*")
# Work that goes on, as a note's time limit: 持续推进, 按进度推进, 常态化开展.
ONGOING = r"(?:持续|长期|常态化|分年度|分阶段|逐步|逐年|按进度|按计划|按年度)(?:推进|坚持|实施|开展|落实|优化)?"
TIME = re.compile(r"""\s*(?:
    (?=[^\n]*(?:\d|季度|年底|年内))
    (?:\d{4}\s*年?|\d{1,2}\s*月份?|\d{1,2}\s*日|\d+\s*个?(?:月|工作日|年)内?|\d+\s*天内?|[上下]半年
       |第?[一二三四]季度|年[底末内]|月[底末]|[底末]
       |以前|之前|前|起|开始|至|到|[、—\-~])+
    (?:基本|全面|初步)?(?:完成|实施|落实|推进|建成|启动|见效|取得(?:明显|阶段性|初步|显著|积极)?成效)?
    (?:并?""" + ONGOING + r""")?
  | """ + ONGOING + r"""
)\s*$""", re.X)
# A person, not a unit: `责任领导：张三`, `责任人：…` (skipped).
PERSON_LABELS = ("责任领导", "分管领导", "牵头领导", "责任人", "联系人")
PERSON_LABEL = re.compile(r"\s*(?:" + "|".join(PERSON_LABELS) + r")\s*:")
# Where the measure applies, not who does it: `适用范围：浙江自贸试验区…` (skipped up to the next label).
SCOPE_LABELS = ("适用范围", "适用地区", "适用区域", "实施范围", "试点范围")
SCOPE_LABEL = re.compile(r"\s*(?:" + "|".join(SCOPE_LABELS) + r")\s*:")
# A last sentence stating a rule for the notes below, not naming this measure's units:
# `以下均需试点城市政府落实，不再列出`, `…，不再一一列出`, `以下各项均由…负责`, `…，下同`.
_RULE = r"(?:不再(?:一一|逐一|逐项|单独|重复)?(?:列出|列明|列举|标注|注明)|下同|以下(?:均|各项?|所有|同|都|皆))"
LATER = re.compile(r"。\s*[^。]*" + _RULE + r"[^。]*。?$")
# The second noun of a compound label (责任单位及承办科室（单位）：, 牵头单位及责任人：, 责任单位和配合单位：).
SECOND_NOUN = (r"(?:" + "|".join(PERSON_LABELS) + r"|[\u4e00-\u9fff]{0,4}(?:单位|部门|科室|处室))"
               r"(?:\([\u4e00-\u9fff]{1,4}\))?")
# What an office does in a field note, not who it is: `窗口收件、受理、初审`, `在…设立专门窗口`.
DUTY = (r"(?:具体|负责|牵头)?(?:承办|受理|办理|协办|收件|出具|审查|初审|审核|发证|备案|发放|反馈|设立|负责|牵头|配合)"
        r"|在|由|向")
