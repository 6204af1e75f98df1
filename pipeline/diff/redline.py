"""Word-level redline of two Chinese texts.

Tokens are jieba words, except that amounts, percentages and counted numbers
(500万元, 五百万元, 10%, 百分之二十, 3年, 十五日) are kept whole, so 500万元 ->
300万元 is one replacement, not 5 -> 3. Tokens are compared on their folded
form, so a width or punctuation variant is never shown as a change. A list of
amounts (100万元、50万元、20万元: tiers, mapped in order to what comes before)
that stands where a list of as many amounts stood is compared place by place,
so raising every tier reads 100万元 -> 200万元, 50万元 -> 100万元, 20万元 -> 50万元,
not as one amount inserted in front and one dropped at the end. jieba is
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
# What joins the amounts of a list: 100万元、50万元和20万元.
_LIST_JOINS = frozenset({"、", "和", "及", "与", "或", "或者", "以及"})


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
    matches = [(i + k, j + k) for i, j, n in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks()
               for k in range(n)]
    matches = _lists_in_place(ka, kb, matches)
    ops: list[Op] = []
    i = j = 0
    for mi, mj in matches + [(len(a), len(b))]:
        if mi > i or mj > j:
            left, right = "".join(a[i:mi]), "".join(b[j:mj])
            ops.append(Op(_kind(left, right), left, right))
        if mi < len(a):
            ops.append(Op("equal", a[mi], b[mj]))
        i, j = mi + 1, mj + 1
    return ops


def _lists_in_place(ka: list[str], kb: list[str], matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`matches` (equal tokens, in order) with each list of amounts that stands where a list
    of as many amounts stood (the tokens around both equal) matched place by place."""
    new_lists = dict(_amount_lists(kb))
    partner = dict(matches)
    for start, end in _amount_lists(ka):
        j0 = 0 if start == 0 else partner.get(start - 1, -2) + 1
        j1 = len(kb) if end == len(ka) else partner.get(end, -1)
        if new_lists.get(j0) != j1 or j1 - j0 != end - start:
            continue
        matches = [(i, j) for i, j in matches if not (start <= i < end or j0 <= j < j1)]
        matches += [(start + k, j0 + k) for k in range(end - start) if ka[start + k] == kb[j0 + k]]
        matches.sort()
    return matches


def _amount_lists(keys: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each run of two or more amounts joined by 、/和/及…"""
    runs, k = [], 0
    while k < len(keys):
        if not _is_amount(keys[k]):
            k += 1
            continue
        end = k + 1
        while end + 1 < len(keys) and keys[end] in _LIST_JOINS and _is_amount(keys[end + 1]):
            end += 2
        if end - k >= 3:
            runs.append((k, end))
        k = end
    return runs


def _is_amount(key: str) -> bool:
    return not key.startswith("第") and _WHOLE.fullmatch(key) is not None


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
