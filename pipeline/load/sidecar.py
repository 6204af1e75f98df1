"""Metadata supplied beside the texts: a `METADATA.tsv` in the folder of a file.

A crawler or a clerk often knows what the text itself does not say (a law
published without its title line, a page saved without its header). One TSV per
folder gives it, one row per file, the first column the file name and the others
headed by a metadata label, the same labels a page's metadata table uses:

    file<TAB>标题<TAB>发文机关<TAB>成文日期<TAB>发文字号
    law-zhian-chufa-2012.txt<TAB>中华人民共和国治安管理处罚法<TAB>全国人民代表大会常务委员会<TAB>2012-10-26<TAB>

(`title`, `issuer`, `date`, `doc_number` are accepted as headers too). Empty cells
say nothing. The values join the source's metadata, where assembly reads them
after what the text states (a title in the text wins over the sidecar's).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import InputError

NAME = "METADATA.tsv"
ENGLISH = {"title": "标题", "issuer": "发文机关", "date": "成文日期", "doc_number": "发文字号"}


def sidecar_metadata(path: Path) -> tuple[tuple[str, str], ...]:
    """The metadata pairs the folder's `METADATA.tsv` gives for the file at `path` (none: ())."""
    table = path.parent / NAME
    try:
        stamp = table.stat().st_mtime_ns
    except OSError:
        return ()
    return _rows(str(table), stamp).get(path.name, ())


@lru_cache(maxsize=64)
def _rows(table: str, stamp: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """File name -> its (label, value) pairs; `stamp` (the file's mtime) makes a changed table read again."""
    try:
        lines = Path(table).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the metadata table ({exc})", table) from None
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    if not rows:
        return {}
    labels = [ENGLISH.get(h.strip(), h.strip()) for h in rows[0][1:]]
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for n, cells in enumerate(rows[1:], 2):
        if len(cells) > len(labels) + 1:
            raise InputError(f"line {n} has more cells than the header", table)
        pairs = tuple((label, value.strip()) for label, value in zip(labels, cells[1:]) if value.strip())
        out[cells[0].strip()] = pairs
    return out
