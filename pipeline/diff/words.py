"""The diff's own jieba tokenizer, apart from jieba's global one.

Words added to the global dictionary (`register_with_jieba`, a user's own
`jieba.add_word`, spaCy's jieba segmenter) must not change which clauses pair up or
how a redline reads; and with a dictionary nobody else touches, results cached by
text alone stay right. jieba is imported on first use (slow to load, off the ingest path),
without `pkg_resources`, and its dictionary comes from a cache that loads only the
entries the texts need (`dictcache`): a one-off `policy diff` no longer spends most of
its time loading jieba.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache
from pathlib import Path

from . import dictcache


@lru_cache(maxsize=1)
def dictionary() -> dictcache.LazyFreq:
    """jieba's default dictionary, read through the cache (built there on first use)."""
    jieba = _import_jieba()
    return dictcache.load(Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME), prefix_dictionary)


@lru_cache(maxsize=1)
def tokenizer():
    """A private `jieba.Tokenizer` whose dictionary is `dictionary()`: call
    `dictionary().prepare(text)` before cutting `text` (as `cut` does)."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dictionary().freq, dictionary().total, True
    return tk


def cut(text: str) -> list[str]:
    """jieba words of `text`, dictionary only: HMM guesses add noise to legal text and cost time."""
    dictionary().prepare(text)
    return tokenizer().lcut(text, HMM=False)


def prefix_dictionary(path: Path) -> tuple[dict[str, int], int]:
    """jieba's own prefix dictionary (FREQ, total) of a dictionary file, built as jieba builds it."""
    with path.open("rb") as f:
        return _import_jieba().Tokenizer.gen_pfdict(f)


def _import_jieba():
    """jieba, imported with `pkg_resources` hidden: jieba then opens its dictionary with a
    plain `open` (its own fallback) instead of importing pkg_resources, ~0.15 s for nothing."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if hide and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba
