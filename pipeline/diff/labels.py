"""The words of the diff reports, in Chinese (the default) and English.

Codes stay codes in the JSON (`modified`, `fine`, `deadline`); the Markdown and HTML reports
word them for a reader with `Words(lang)`. A key this module does not know (a new
extractor's layer or field) is printed as it is.
"""
from __future__ import annotations

from typing import Any

from ..model import Document
from .compare import Change
from .fields import FieldChange
from .glance import Row, change_kinds, stated_title

LANGS = ("zh", "en")
# Keys a term's words state (以上…以下 is a range): not repeated when the words changed.
WRITTEN = ("qualifier",)

_ZH = {
    # statuses and flags (filters, tags, counts)
    "unchanged": "未变", "formatting": "仅格式", "modified": "修改", "added": "新增", "deleted": "删除",
    "split": "拆分", "merged": "合并", "renumbered": "重新编号", "moved": "移动", "fields": "要素变化",
    "field_changes": "要素变化",
    "containers": "章节", "clauses": "条款", "items": "项", "level": "层级",
    # field changes
    "removed": "删除", "changed": "修改", "lead_changed": "牵头单位变更", "unit_added": "增加单位",
    "unit_removed": "删去单位",
    "money": "资金", "responsibilities": "责任单位", "support": "支持措施", "targets": "目标指标",
    "references": "引用", "title": "标题", "status": "状态", "doc_number": "文号", "issuer": "发文机关",
    "date": "日期", "comment_deadline": "征求意见截止", "deadline": "完成时限", "year": "年份",
    "amount_yuan": "金额", "amount_min_yuan": "下限", "amount_max_yuan": "上限", "rate": "比例",
    "rate_min": "比例下限", "rate_max": "比例上限", "qualifier": "限定", "base": "基数", "per": "频次",
    "duration_years": "年限", "one_time": "一次性", "recipient": "对象", "condition": "条件",
    "purpose": "用途", "role": "性质", "value": "数值", "unit": "单位", "metric": "指标",
    "baseline_year": "基准年", "trend": "趋势", "kind": "类型", "lead": "牵头单位",
    # roles of money terms
    "grant": "奖补", "cap": "上限", "threshold": "门槛", "share": "分担比例", "budget_growth": "预算增长",
    "fine": "罚款", "fee": "收费", "fund_size": "基金规模", "other": "其他",
    "exact": "确数", "at_least": "不低于", "at_most": "不超过", "range": "区间", "about": "约数",
    # page
    "report": "修订对照", "versions": "对照版本", "no_title": "（未识别标题）", "glance": "变化一览",
    "money_table": "资金变化", "lead_table": "牵头单位变化", "deadline_table": "时限和日期变化",
    "added_list": "新增条款", "deleted_list": "删除条款", "clause": "条款", "old": "原", "new": "新",
    "what": "事项", "object": "对象", "nature": "性质", "document": "文件", "was": "原{}",
    "nothing_at_a_glance": "本次修改不涉及资金、牵头单位、时限，也没有新增或删除条款。",
    "counts": "统计", "overall": "总体变化：第1版 → 第{}版", "step": "第{}步：第{}版 → 第{}版",
    "changes": "逐条变化", "no_change": "没有变化。", "show": "显示：", "money_only": "只看涉及资金的条款",
    "minor": "另有 {} 条仅重新编号或仅标点、格式变化，已隐藏", "show_minor": "显示",
    "similarity": "相似度 {}", "text_unchanged": "文字未变：", "old_side": "原文", "new_side": "修改后",
    "item": "项", "contents": "目录", "order_date": "注意：第{}版的日期早于第{}版，版本可能排反了（应从旧到新）。",
    "order_draft": "注意：第{}版是征求意见稿或草案，却排在正式文本第{}版之后；如果它是这份文本的草稿，版本排反了。",
    "minor_list": "仅重新编号或仅标点、格式变化", "items_changed": "其中各项：", "document_fields": "文件要素", "front": "文件",
}

_EN = {
    "unchanged": "unchanged", "formatting": "formatting", "modified": "modified", "added": "added",
    "deleted": "deleted", "split": "split", "merged": "merged", "renumbered": "renumbered", "moved": "moved",
    "fields": "fields", "field_changes": "field changes", "containers": "containers", "clauses": "clauses",
    "items": "items", "level": "level",
    "removed": "removed", "changed": "changed", "lead_changed": "lead changed", "unit_added": "unit added",
    "unit_removed": "unit removed",
    "report": "Version diff", "versions": "Versions", "no_title": "(no title found)", "glance": "Changes at a glance",
    "money_table": "Money", "lead_table": "Lead units", "deadline_table": "Deadlines and dates",
    "added_list": "Clauses added", "deleted_list": "Clauses deleted", "clause": "clause", "old": "old",
    "new": "new", "what": "what", "object": "for", "nature": "kind", "document": "document", "was": "was {}",
    "nothing_at_a_glance": "No money, lead unit or deadline changed; no clause added or deleted.",
    "counts": "Counts", "overall": "Overall: 1 → {}", "step": "Step {} → {}", "changes": "Changes",
    "no_change": "No change.", "show": "Show:", "money_only": "money only",
    "minor": "{} more only renumbered or only formatting, hidden", "show_minor": "show",
    "similarity": "similarity {}", "text_unchanged": "text unchanged:", "old_side": "old", "new_side": "new",
    "item": "item", "contents": "Contents",
    "order_date": "Note: version {} is dated before version {}; the versions may be newest-first (give them oldest first).",
    "order_draft": "Note: version {} is a draft coming after the final text {}; if it is this text's draft, "
                   "the versions are newest-first.",
    "minor_list": "Only renumbered, or only whitespace, width or punctuation variants", "document_fields": "Document",
    "front": "document", "comment_deadline": "comment deadline", "items_changed": "items: ",
}


class Words:
    """The words of one language: `w["modified"]`, `w.fmt("was", "第二十三条")`."""

    def __init__(self, lang: str = "zh") -> None:
        if lang not in LANGS:
            raise ValueError(f"language {lang!r}: one of {', '.join(LANGS)}")
        self.lang = lang
        self._words = _ZH if lang == "zh" else _EN

    def __getitem__(self, key: str) -> str:
        return self._words.get(key, key)

    def fmt(self, key: str, *args: Any) -> str:
        return self[key].format(*args)

    def value(self, key: str, value: Any) -> str:
        """A field's value as a reader reads it: yuan in 万元/亿元 (Chinese), codes worded."""
        if value is None:
            return "—"
        if isinstance(value, bool):
            return ("是" if value else "否") if self.lang == "zh" else str(value).lower()
        if key.endswith("_yuan") and isinstance(value, (int, float)) and self.lang == "zh":
            return yuan(value)
        if isinstance(value, str) and key in ("role", "qualifier", "kind"):
            return self[value]
        if isinstance(value, dict):
            return str(value.get("text") or value.get("name") or value)
        return str(value)

    def field_line(self, f: FieldChange) -> str:
        """One line for a field change: what, how, old -> new (资金 修改：二百元以下 → 五百元以下). When
        the words changed (a label old -> new), the numbers they state are not repeated."""
        head = f"{self[f.field]} {self[f.change]}"
        colon, sep, paren = ("：", "；", "（{}）") if self.lang == "zh" else (": ", "; ", " ({})")
        reworded = "→" in (f.label or "")
        details = [d for d in f.details if not (reworded and (d[0] in WRITTEN or _numeric(d[1]) or _numeric(d[2])))]
        if details:
            parts = sep.join(f"{self[k]}{colon}{self.value(k, o)} → {self.value(k, n)}" for k, o, n in details)
            return f"{head}{colon}{f.label or ''}{paren.format(parts)}"
        if f.details:
            return f"{head}{colon}{f.label}"
        if f.change in ("changed", "lead_changed"):
            return f"{head}{colon}{self.value(f.field, f.old)} → {self.value(f.field, f.new)}"
        return f"{head}{colon}{f.label or self.value(f.field, f.old if f.new is None else f.new)}"

    def item_note(self, c: Change) -> str:
        """An item's numbers and what changed in it: （一）修改, （三）→（二）重新编号."""
        old = c.old[0].path[-1] if c.old else "—"
        new = c.new[0].path[-1] if c.new else "—"
        where = new if old == new else f"{old}→{new}"
        kinds = ("、" if self.lang == "zh" else ", ").join(self[k] for k in change_kinds(c))
        return f"{where}{'' if self.lang == 'zh' else ' '}{kinds}"

    def place(self, row: Row, status: bool = True) -> str:
        """Where a row's change is: 第二十六条（原第二十三条）, 第二十七条（新增）, 文件."""
        if row.clause is None:
            return self["front"]
        label = row.clause
        note = self.fmt("was", row.was) if row.was else self[row.status] if row.status and status else None
        if note:
            label += f"（{note}）" if self.lang == "zh" else f" ({note})"
        return label

    def money_cell(self, row: Row, side: str) -> str:
        """A money row's old or new cell: the term as written, with what differs when it is written the same."""
        text = row.old if side == "old" else row.new
        if text is None:
            return "—"
        pick = 1 if side == "old" else 2
        extra = [f"{self[d[0]]}{'：' if self.lang == 'zh' else ': '}{self.value(d[0], d[pick])}" for d in row.details]
        if extra:
            text += ("（{}）" if self.lang == "zh" else " ({})").format(("；" if self.lang == "zh" else "; ").join(extra))
        return text

    def doc_title(self, doc: Document) -> str:
        """A version's title and status, never its file id: 《…》（征求意见稿）."""
        title = f"《{stated_title(doc)}》" if stated_title(doc) else self["no_title"]
        return f"{title}（{doc.status}）" if doc.status else title


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def yuan(value: float) -> str:
    """An amount in the unit a reader expects: 2000000 -> 200万元, 1.2e10 -> 120亿元, 500 -> 500元."""
    for unit, size in (("亿元", 1e8), ("万元", 1e4)):
        if abs(value) >= size:
            return f"{_number(value / size)}{unit}"
    return f"{_number(value)}元"


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.4f}".rstrip("0").rstrip(".")
