"""Word-level redline of two Chinese texts.

Tokens are jieba words, except that amounts, percentages and counted numbers
(500万元, 五百万元, 10%, 百分之二十, 3年, 十五日) are kept whole, so 500万元 ->
300万元 is one replacement, not 5 -> 3. Tokens are compared on their folded
form, so a width or punctuation variant is never shown as a change. jieba is
the diff's own tokenizer (`words.py`), imported on first use only.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

import regex

from ..normalize import fold
from .units import compare_key, fold_punct
from .words import cut

_AR = r"\d+(?:[.,]\d+)*"
_CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
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


_PHRASE_END = regex.compile(r"[,.;:!?]+")


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
    folded = fold(text)
    cuts = {0, len(text)}
    pos = 0
    for word in cut(folded):
        pos += len(word)
        cuts.add(pos)
    for m in _WHOLE.finditer(folded):
        cuts.difference_update(range(m.start() + 1, m.end()))
        cuts.update((m.start(), m.end()))
    bounds = sorted(cuts)
    return [text[a:b] for a, b in pairwise(bounds)]


def redline(old: str, new: str) -> tuple[Op, ...]:
    """Operations turning `old` into `new`; consecutive changes are merged.

    Two passes: phrases (text between punctuation) first, then words inside the
    phrases that changed, so jieba (the slow part) only sees changed phrases.
    """
    a, b = _phrases(old), _phrases(new)
    parts: list[Op] = []
    matcher = SequenceMatcher(None, [compare_key(p) for p in a], [compare_key(p) for p in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "replace":
            parts += _redline(left, right)
        else:
            parts.append(Op("equal" if tag == "equal" else _kind(left, right), left, right))
    ops: list[Op] = []
    for op in parts:
        if not (op.old or op.new):
            continue
        if ops and (op.op == "equal") == (ops[-1].op == "equal"):
            prev = ops.pop()
            merged_old, merged_new = prev.old + op.old, prev.new + op.new
            op = Op("equal" if op.op == "equal" else _kind(merged_old, merged_new), merged_old, merged_new)
        ops.append(op)
    return tuple(ops)


def _phrases(text: str) -> list[str]:
    """`text` cut after each punctuation mark (on the folded view)."""
    bounds = [0] + [m.end() for m in _PHRASE_END.finditer(fold_punct(text))]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    return [text[x:y] for x, y in pairwise(bounds) if y > x]


def _redline(old: str, new: str) -> list[Op]:
    a, b = _words(old), _words(new)
    ka, kb = [compare_key(t) for t in a], [compare_key(t) for t in b]
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        ops.append(Op("equal" if tag == "equal" else _kind(left, right), left, right))
    return ops


def _words(text: str) -> list[str]:
    """Tokens with line breaks attached to the word before them (never a change on their own)."""
    out: list[str] = []
    for token in tokenize(text):
        if out and (token.isspace() or out[-1].isspace()):
            out[-1] += token
        else:
            out.append(token)
    return out


def _kind(old: str, new: str) -> str:
    if old and new:
        return "replace"
    return "delete" if old else "insert"
