"""Content words of clauses (jieba, the diff's own tokenizer), weighted by rarity.

A full revision rewords everything but keeps 自然科学基金, 创业投资, 孵化: the topic
and paragraph steps read these words where character bigrams no longer match.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..words import cut
from .thresholds import RARE_WORD

_WORD = regex.compile(r"[\p{Han}]{2,}|[A-Za-z]{2,}")


@lru_cache(maxsize=1 << 16)
def words(key: str) -> Counter:
    """Counts of the words of two or more characters in a key (jieba, dictionary only:
    the HMM guesses add noise to legal text and cost time). Cached by key alone, which is
    right because the diff's tokenizer has a dictionary of its own: a version in a chain
    is compared twice."""
    return Counter(w for w in cut(key) if _WORD.fullmatch(w))


@dataclass(frozen=True)
class TopicWords:
    """Per unit of one side: unit-length TF-IDF vector, specific words, twin words."""

    vectors: list[dict[str, float]]
    specific: list[frozenset[str]]
    twins: list[frozenset[str]]


def topic_words(old_keys: list[str], new_keys: list[str]) -> tuple[TopicWords, TopicWords]:
    """Unit-length TF-IDF vectors over the content words of each key: words common to many
    clauses of the two versions (应当, 人民政府, 拘留) weigh little. Also each key's
    specific words (`RARE_WORD`; two clauses that share none share only boilerplate), and
    its twin words: those found in exactly one clause of each version (勤勉, 尽责), the
    strongest sign of a pair."""
    bags = [words(key) for key in old_keys + new_keys]
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    in_old: Counter = Counter()
    for bag in bags[:len(old_keys)]:
        in_old.update(bag.keys())
    n = len(bags) + 1
    rare = max(RARE_WORD[0], RARE_WORD[1] * len(bags))
    vectors = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log(n / (df[w] + 0.5)) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    specific = [frozenset(w for w in bag if df[w] <= rare) for bag in bags]
    twins = [frozenset(w for w in bag if df[w] == 2 and in_old[w] == 1) for bag in bags]
    k = len(old_keys)
    return (TopicWords(vectors[:k], specific[:k], twins[:k]),
            TopicWords(vectors[k:], specific[k:], twins[k:]))


def specific_words(keys: list[str]) -> Callable[[str], set[str]]:
    """A function giving the words of a text that are specific among `keys` (`RARE_WORD`)."""
    df: Counter = Counter()
    for key in keys:
        df.update(words(key).keys())
    rare = max(RARE_WORD[0], RARE_WORD[1] * len(keys))
    return lambda text: {w for w in words(text) if df[w] <= rare}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (their cosine, as both have unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
