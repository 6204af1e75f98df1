"""The diff's own jieba tokenizer, apart from jieba's global one.

Words added to the global dictionary (`register_with_jieba`, a user's own
`jieba.add_word`, spaCy's jieba segmenter) must not change which clauses pair up or
how a redline reads; and with a dictionary nobody else touches, results cached by
text alone stay right. jieba is imported on first use (slow to load, off the ingest path).
"""
from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def tokenizer():
    """A private `jieba.Tokenizer` on jieba's default dictionary (loaded on first cut)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def cut(text: str) -> list[str]:
    """jieba words of `text`, dictionary only: HMM guesses add noise to legal text and cost time."""
    return tokenizer().lcut(text, HMM=False)
