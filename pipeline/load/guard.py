"""Limits for untrusted input: size caps, safe XML/HTML parsers, a zip-bomb guard.

Drafts arrive from the web, so every file is hostile until proven otherwise:
the parsers never touch the network, never load a DTD, never expand entities
and refuse huge trees; markup that declares entities (XXE, billion laughs) is
refused outright, since no real policy page or Word file needs one; a DOCX is
checked for entry count, total uncompressed size and compression ratio before
anything is inflated. Every refusal is a one-line `InputError`.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib

from ..errors import InputError

MAX_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_TOTAL = 200 * 1024 * 1024
MAX_ZIP_MEMBER = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200

# libxml2's nesting limit for files parsed without `huge_tree` (XML and HTML alike)
MAX_DEPTH = 256

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL_TEXT = re.compile(r"<!ENTITY", re.I)
_XML_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_XML_DECL_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
# Byte-order marks, and the first bytes of `<?` in UTF-32 and UTF-16 without one (XML 1.0 appendix F)
_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"),
)


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


def xml_text(data: bytes, name: str, part: str) -> str:
    """The text of an XML part, decoded as an XML parser would: by its byte-order mark
    or first bytes (UTF-16/32), else by its declaration, else as UTF-8."""
    encoding = next((enc for sig, enc in _SIGNATURES if data.startswith(sig)), None)
    if encoding is None:
        declared = _XML_DECL.match(data)
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{part} declares an unknown encoding {encoding}", name) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{part} is not valid {encoding} (byte {exc.start})", name) from None


def _checked(data: bytes, name: str, part: str) -> bytes:
    """`data` decoded (see `xml_text`), refused if it declares entities, and given back as
    UTF-8 without its declaration: the parser reads exactly the text that was checked."""
    text = xml_text(data, name, part)
    refuse_entities(text, name)
    return _XML_DECL_TEXT.sub("", text, count=1).encode("utf-8")


def _xml_error(exc, name: str, part: str) -> InputError:
    if "Excessive depth" in exc.msg:
        return InputError(f"{part} nests elements more than {MAX_DEPTH} deep (the limit for untrusted "
                          "markup), refused", name)
    return InputError(f"broken XML in {part} ({exc.msg})", name)


def parse_xml(data: bytes, name: str, part: str):
    """Parse one XML part with the safe parser, after the entity check on its decoded
    text, whatever the encoding (a UTF-16 `<!ENTITY` is refused like a UTF-8 one)."""
    from lxml import etree

    try:
        return etree.fromstring(_checked(data, name, part), parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise _xml_error(exc, name, part) from None


def iter_xml(data: bytes, name: str, part: str, tags: tuple[str, ...]):
    """The elements named `tags` of one XML part, each complete when yielded, then freed.

    For the definition parts of a DOCX (numbering, styles): memory stays that of one
    definition however many there are, where a tree of a 67 MB numbering.xml took 1.2 GB.
    Same parser settings and entity check as `parse_xml`; use each element before the next."""
    from lxml import etree

    events = etree.iterparse(io.BytesIO(_checked(data, name, part)), events=("end",), tag=tags,
                             resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        for _, el in events:
            parent = el.getparent()
            if parent is None or parent.getparent() is not None:
                continue  # only the part's top-level definitions
            yield el
            el.clear()
            while el.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _xml_error(exc, name, part) from None


def check_depth(parser, name: str, what: str) -> None:
    """Refuse markup the recovering HTML parser cut off at the nesting limit (it drops what is deeper)."""
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise InputError(f"{what} nests elements more than {MAX_DEPTH} deep (the limit for untrusted "
                         "markup), refused", name)


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


def read_member(archive: zipfile.ZipFile, member: str, name: str, limit: int = MAX_ZIP_MEMBER) -> bytes | None:
    """Read one zip member, at most `limit` bytes whatever the header claims."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        raise InputError(f"zip entry {member} inflates to {info.file_size} bytes (limit {limit})", name)
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(f"cannot read {member} from zip ({exc})", name) from None
    if len(data) > limit:
        raise InputError(f"zip entry {member} inflates past {limit} bytes", name)
    return data
