"""How a note's list splits into unit names: at 、 and spaces outside brackets, a level kept with
its group (各区、县级市), and in a field note (责任单位及承办科室：…) a name cut from the duty it runs
on into. `units.find_notes` decides which lists are notes; this module only cuts them.
"""
from __future__ import annotations

import re

from .note_parts import DUTY
from .unitnames import is_collective

# Splits inside a list: 、 or spaces between units; 及/和 before a group (和各区政府), and after a
# body's name before the other members of a body (市计划生育协会和市托育联席会议其他成员单位).
_END_CHAR = "部委局办署厅院会行府区县市旗盟州镇乡处室站所队心团司位门构校学联社台馆组关央协"
SEP = re.compile(r"、|\s+|(?:以及|及|和)(?=各|有关|相关|其他)"
                 r"|(?<=[" + _END_CHAR + r"])(?:以及|及|和)(?=[^、,;。和及]{1,20}?其他[\u4e00-\u9fff]{0,4}(?:单位|部门|机构))")
# A level after a group (各区、县级市; 各省、自治区、直辖市人民政府).
LEVEL_TAIL = re.compile(
    r"(?:省|自治区|直辖市|市|县级市|县|区|旗|盟|州|乡|镇|乡镇|街道)(?:[(〔][市区旗县、]{1,5}[)〕])?(?:人民政府|政府)?")
# After a label (责任单位：) the list is a list: a long name may hold 的 (省…疫情防控应急指挥部办公室).
NOT_A_LISTED_NAME = re.compile(r"(?<!自)由|(?<!所)在|[将把被从向于如。:;,]|要(?!素)")
# How a body's name ends.
UNIT_ENDINGS = (r"部|委|局|办|署|厅|院|会|行|府|区|县|市|旗|盟|州|镇|乡|处|室|站|所|队|中心|集团|公司|单位|部门|机构"
                r"|学校|大学|学院|联|团|社|台|馆|校|组|关|政府|中央|协")
UNIT_END = re.compile(r"(?:" + UNIT_ENDINGS + r")$")
# In a field note a name may run on into its duty (`…审批科受理…申请`): the name is cut there.
_DUTY = re.compile(r"\s*(?:" + DUTY + r")")
_SUBJECT = re.compile(r"\S{1,30}?(?:" + UNIT_ENDINGS + r"|科|窗口)(?=\s*(?:" + DUTY + r"))")


def field_names(view: str, s: int, e: int) -> list:
    """[(start, end, False)] of the units a compound label lists: a name running on into its
    duty is cut there (`…审批科受理…申请` -> …审批科), a duty alone (`受理`, `在…设立专门窗口`)
    and a clause that is no name are left out; the note stays whatever they say."""
    out = []
    for a, b in pieces(view, s, e, SEP):
        if _DUTY.match(view, a, b):
            continue
        subject = _SUBJECT.match(view, a, b)
        b = subject.end() if subject else b
        if b - a <= 40 and not NOT_A_LISTED_NAME.search(view[a:b].split("(")[0]):
            out.append((a, b, False))
    return join_levels(view, out)


def pieces(view: str, s: int, e: int, sep: re.Pattern) -> list[tuple[int, int]]:
    """Spans of `view[s:e]` between matches of `sep` outside brackets (`县〔市、区〕政府` is one)."""
    out, depth, last = [], 0, s
    k = s
    while k < e:
        ch = view[k]
        depth += ch in "(〔"
        depth -= ch in ")〕"
        m = sep.match(view, k, e) if depth == 0 else None
        if m and (m.end() > k or k > last):
            out.append((last, k))
            last = m.end()
            k = max(m.end(), k + 1)
            continue
        k += 1
    out.append((last, e))
    return [(a, b) for a, b in out if a < b]


def join_levels(view: str, names: list) -> list:
    """Keep `各区、县级市` and `各省、自治区、直辖市人民政府` as one collective unit."""
    out: list = []
    for a, b, lead in names:
        if out and is_collective(view[out[-1][0]:out[-1][1]]) and LEVEL_TAIL.fullmatch(view[a:b]):
            out[-1] = (out[-1][0], b, out[-1][2])
        else:
            out.append((a, b, lead))
    return out
