"""A matching view of the source text, with an offset map back to it.

Guarantees of `fold(text)`: same length as the input, one character for one
(so view offsets *are* source offsets); full-width ASCII (U+FF01–U+FF5E) folded
to half-width; U+3000, NBSP, U+2002–U+200A, U+202F, U+205F and tabs folded to a
plain space; `\r` left as is. It is idempotent. The source is never rewritten:
extractors match on the view and report the same offsets into the source.

`squeeze(text)` drops whitespace for comparisons (diff `formatting`) and
returns the kept positions, so squeezed offsets map back to the source.
"""
from __future__ import annotations

_SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"
_TABLE = {ord(c): " " for c in _SPACES}
_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)})


def _sequence() -> tuple[int | str, ...]:
    """`_TABLE` as a sequence indexed by code point, every BMP character (most map to themselves).

    str.translate finds each character in it without the KeyError a dict raises
    for the unmapped ones: folding Chinese text is about twice as fast.
    """
    seq: list[int | str] = list(range(0x10000))
    for cp, to in _TABLE.items():
        seq[cp] = to
    return tuple(seq)


_SEQUENCE = _sequence()


def fold(text: str) -> str:
    """Width- and space-folded view of `text`, offset-preserving (len unchanged)."""
    return text.translate(_SEQUENCE)


def squeeze(text: str) -> tuple[str, tuple[int, ...]]:
    """`fold(text)` without whitespace, and the source index of each kept character."""
    folded = fold(text)
    keep = tuple(i for i, ch in enumerate(folded) if not ch.isspace())
    return "".join(folded[i] for i in keep), keep
