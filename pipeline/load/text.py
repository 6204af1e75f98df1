"""Decode text files exactly: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030.

GB18030 is a superset of GBK and GB2312, so one fallback covers the legacy
encodings of Chinese government sites. The decoded text is kept as is, line
endings included, because every offset the pipeline reports points into it.
Binary data (NUL bytes, control characters, no Chinese at all after a legacy
decode) is refused rather than guessed at.
"""
from __future__ import annotations

import re

from ..errors import InputError

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8/UTF-16 (by BOM) or GB18030; return (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return decode(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", name)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = decode(data, "gb18030", name), "gb18030"
        if not _CJK.search(text):
            raise InputError("undecodable bytes: neither UTF-8 nor GB18030 text", name) from None
    if control_ratio(text) > 0.01:
        raise InputError("binary file (control characters), not text", name)
    return text, encoding


def decode(data: bytes, encoding: str, name: str) -> str:
    """Strict decode with a one-line error naming the first bad byte."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable bytes as {encoding} at byte {exc.start}", name) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding}", name) from None


def control_ratio(text: str) -> float:
    """Share of C0 control characters other than line breaks and tabs."""
    return len(_CONTROL.findall(text)) / max(len(text), 1)
