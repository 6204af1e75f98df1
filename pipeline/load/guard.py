"""Limits for untrusted input: size caps, safe XML/HTML parsers, a zip-bomb guard.

Drafts arrive from the web, so every file is hostile until proven otherwise:
the parsers never touch the network, never load a DTD, never expand entities
and refuse huge trees; markup that declares entities (XXE, billion laughs) is
refused outright, since no real policy page or Word file needs one; a DOCX is
checked for entry count, total uncompressed size and compression ratio before
anything is inflated. Every refusal is a one-line `InputError`.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError

MAX_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_TOTAL = 200 * 1024 * 1024
MAX_ZIP_MEMBER = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL_TEXT = re.compile(r"<!ENTITY", re.I)


def check_size(size: int, name: str) -> None:
    """Refuse inputs over `MAX_BYTES` before reading them."""
    if size > MAX_BYTES:
        raise InputError(f"file larger than {MAX_BYTES // (1024 * 1024)} MB", name)


def refuse_entities(markup: bytes | str, name: str) -> None:
    """Refuse markup that declares entities: the XXE and billion-laughs shapes."""
    pattern = _ENTITY_DECL if isinstance(markup, bytes) else _ENTITY_DECL_TEXT
    if pattern.search(markup):
        raise InputError("markup declares entities (XXE / entity expansion), refused", name)


def xml_parser():
    """An lxml XML parser that cannot reach the network, a DTD or an entity."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def html_parser():
    """An lxml HTML parser with the same stance (no network, no huge trees)."""
    from lxml import html

    return html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
        default_doctype=False,
    )


def parse_xml(data: bytes, name: str, part: str):
    """Parse one XML part with the safe parser; entity declarations are refused."""
    from lxml import etree

    refuse_entities(data, name)
    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"broken XML in {part} ({exc.msg})", name) from None


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open a zip container after checking it cannot inflate into a bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"not a valid zip container ({exc})", name) from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(f"zip has {len(infos)} entries (limit {MAX_ZIP_ENTRIES})", name)
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_TOTAL:
        raise InputError(f"zip inflates to {total} bytes (limit {MAX_ZIP_TOTAL})", name)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_ZIP_RATIO:
            raise InputError(f"zip entry {info.filename} compresses {ratio:.0f}:1 (zip bomb?)", name)
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    """Read one zip member, at most `MAX_ZIP_MEMBER` bytes whatever the header claims."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_ZIP_MEMBER + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(f"cannot read {member} from zip ({exc})", name) from None
    if len(data) > MAX_ZIP_MEMBER:
        raise InputError(f"zip entry {member} inflates past {MAX_ZIP_MEMBER} bytes", name)
    return data
