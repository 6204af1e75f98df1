"""Word-level redline of two Chinese texts.

Tokens are jieba words, except that amounts, percentages and counted numbers
(500万元, 五百万元, 10%, 百分之二十, 3年, 十五日) are kept whole, so 500万元 ->
300万元 is one replacement, not 5 -> 3. Tokens are compared on their folded
form, so a width or punctuation variant is never shown as a change. jieba is
imported on first use only (it is slow to load and off the ingest path).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from ..normalize import fold
from .units import compare_key

_AR = r"\d+(?:[.,]\d+)*"
_CN = r"[零〇一二两三四五六七八九十百千]+"
_WHOLE = regex.compile(
    rf"""
    百分之(?:{_AR}|{_CN})                        # 百分之二十
  | 第(?:{_AR}|{_CN})[条款项章节编]               # cross-references: 第十九条
  | {_AR}(?:[万亿]?(?:元|美元)|[%‰]|倍            # 500万元, 10%, 2倍
      |个?月|工作日|小时|[年日天周家名人项个次])    # 3年, 100名
  | {_CN}(?:[万亿]?元|倍|个月|[年日])              # 五百万元, 十五日, 三年
  | {_AR}                                        # other Arabic numbers
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class Op:
    """One redline operation: `equal`, `delete`, `insert` or `replace`."""

    op: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "old": self.old, "new": self.new}


def tokenize(text: str) -> list[str]:
    """jieba words with amounts, percentages and counted numbers kept whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    folded = fold(text)
    tokens: list[str] = []
    pos = 0
    for m in _WHOLE.finditer(folded):
        if m.start() > pos:
            tokens += _cut(jieba, text, folded, pos, m.start())
        tokens.append(text[m.start():m.end()])
        pos = m.end()
    if pos < len(text):
        tokens += _cut(jieba, text, folded, pos, len(text))
    return tokens


def _cut(jieba, text: str, folded: str, start: int, end: int) -> list[str]:
    out, pos = [], start
    for word in jieba.cut(folded[start:end], HMM=False):
        out.append(text[pos:pos + len(word)])
        pos += len(word)
    return out


def redline(old: str, new: str) -> tuple[Op, ...]:
    """Operations turning `old` into `new`; consecutive changes are merged."""
    a, b = tokenize(old), tokenize(new)
    ka, kb = [compare_key(t) for t in a], [compare_key(t) for t in b]
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            ops.append(Op("equal", left, right))
        elif ops and ops[-1].op != "equal":
            prev = ops.pop()
            merged_old, merged_new = prev.old + left, prev.new + right
            ops.append(Op(_kind(merged_old, merged_new), merged_old, merged_new))
        else:
            ops.append(Op(_kind(left, right), left, right))
    return tuple(ops)


def _kind(old: str, new: str) -> str:
    if old and new:
        return "replace"
    return "delete" if old else "insert"
