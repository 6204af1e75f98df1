"""Build the load tests' inputs from real corpus text: DOCX, HTML pages, PDFs, hostile files.

Everything is generated in memory from the corpus (nothing is copied out of the
program under test), so the fixtures say only how a publisher would wrap the
same text: typed or automatic Word numbering, a full government web page, a
PDF text layer with page numbers and running headers.
"""
from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PART = re.compile(r"^([一二三四五六七八九十]+)、")
_ACTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
_MEASURE = re.compile(r"^(\d+)\.")


def text_lines(path: Path = HOHHOT) -> list[str]:
    """The non-empty lines of a corpus text, stripped (how a publisher retypes them)."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def docx_typed(lines: list[str]) -> bytes:
    """A DOCX with one paragraph per line, numbers typed as text."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return _save(document)


def docx_auto(lines: list[str], measures_apart: bool = False) -> bytes:
    """A DOCX whose `一、` / `(一)` / `1.` markers are Word automatic numbering.

    One list, three levels: chineseCounting `%1、`, chineseCounting `(%2)`,
    decimal `%3.` that never restarts (the draft numbers its measures 1–26
    straight through), each with no suffix after the marker. With
    `measures_apart` the measures are a list of their own (one level, `%1.`),
    the other way Word keeps a count running across headings.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if measures_apart:
        numbering.insert(1, parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for line in lines:
        level = None
        for ilvl, pattern in enumerate((_PART, _ACTION, _MEASURE)):
            m = pattern.match(line)
            if m:
                level, line = ilvl, line[m.end():]
                break
        paragraph = document.add_paragraph(line)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            num_id, ilvl = (91, 0) if measures_apart and level == 2 else (90, level)
            ppr.append(parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return _save(document)


def docx_with_table(before: list[str], header: list[str], rows: list[list[str]]) -> bytes:
    """A DOCX of paragraphs followed by one table (header row first)."""
    import docx

    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return _save(document)


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(lines: list[str], charset: str = "utf-8", declare: bool = True, after: str = "") -> bytes:
    """A full government-style page: header, menu, breadcrumb, content, share bar, footer.

    `after` is markup put at the end of the content (a table, the attachment links)."""
    crumb = lines[0] if lines[0].startswith("首页") else None
    body = lines[1:] if crumb else lines
    crumb_html = ""
    if crumb:
        links = [part.strip() for part in crumb.split(">")]
        crumb_html = ('<div class="location">当前位置：' + " &gt; ".join(
            f'<a href="/{i}/">{part}</a>' for i, part in enumerate(links)) + "</div>")
    title = next((line for line in body if len(line) > 12), body[0])
    paragraphs = "\n".join(f'<p style="text-indent:2em">{_esc(line)}</p>' for line in body)
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if declare else ""
    page = f"""<!DOCTYPE html>
<html><head>{meta}<title>{_esc(title)}</title>
<style>.nav li {{ float: left; }} body {{ font-family: 宋体; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="header"><img src="/logo.png" alt="呼和浩特市科学技术局"><div class="search"><input type="text" value="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgzn/">机构职能</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/kjdt/">科技动态</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
{crumb_html}
<div class="main">
<div class="left"><h3>通知公告</h3><ul><li><a href="/tzgg/zw/">政务</a></li><li><a href="/tzgg/qt/">其他</a></li></ul></div>
<div class="right">
<div class="info">发布时间：2024-11-13 来源：呼和浩特市科学技术局 【字号：大 中 小】</div>
<div class="TRS_Editor">
{paragraphs}
{after}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h4>相关文章</h4><ul><li><a href="/a.html">呼和浩特市科学技术局关于开展2024年度科技计划项目申报工作的通知</a></li><li><a href="/b.html">关于组织申报2024年度自治区科技创新引导项目的通知</a></li></ul></div>
</div></div>
<div class="footer"><p>主办单位：呼和浩特市科学技术局 地址：呼和浩特市新华东街</p><p>版权所有 蒙ICP备05001234号 网站标识码：1501000001</p></div>
<script src="/js/jquery.js"></script>
</body></html>
"""
    return page.encode(charset if charset not in {"gb2312", "gbk"} else "gb18030")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose text layer holds `pages` (lists of lines), CJK included.

    The font is a Type0 Identity-H font with a ToUnicode map sending every CID
    to the same code point, so strings are UTF-16BE and extraction is exact;
    Chinese glyphs are an em wide and ASCII ones half an em, as in a CJK font.
    """
    objects: list[bytes] = []
    used = sorted({ord(ch) for lines in pages for line in lines for ch in line})
    chars = b"".join(
        b"%d beginbfchar " % len(chunk) + b" ".join(b"<%04X> <%04X>" % (c, c) for c in chunk) + b" endbfchar "
        for chunk in (used[i:i + 100] for i in range(0, len(used), 100)))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
            + chars + b"endcmap CMapName currentdict /CMap defineresource pop end end")
    page_ids = [6 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids)
                   + b"] /Count %d >>" % len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /Identity-H "
                   b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objects.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   b"/DW 1000 /W [32 [" + b" ".join([b"500"] * 95) + b"]] >>")
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    for lines in pages:
        ops = [b"BT /F1 12 Tf 14 TL 50 800 Td"]
        for line in lines:
            ops.append(b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects) + 2))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


@functools.lru_cache(maxsize=None)
def zip_bomb(megabytes: int = 40) -> bytes:
    """A DOCX-shaped zip whose document.xml inflates about 1000:1 (40 KB -> 40 MB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"<" * (1024 * 1024)
            for _ in range(megabytes):
                handle.write(chunk)
    return out.getvalue()


def docx_with_document_xml(xml: bytes) -> bytes:
    """A zip holding only `word/document.xml` = `xml` (for hostile XML)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


XXE_XML = (b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
           b'</w:body></w:document>')
LAUGHS_XML = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']>\n<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t>'
              b'</w:r></w:p></w:body></w:document>')


def hostile_files(tmp_path: Path) -> dict[str, Path]:
    """name -> path of each hostile input, written under tmp_path/in (huge.txt is sparse)."""
    from pipeline.load import MAX_BYTES

    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "xxe.docx": docx_with_document_xml(XXE_XML),
        "laughs.docx": docx_with_document_xml(LAUGHS_XML),
        "laughs.html": LAUGHS_XML.replace(b"w:document", b"html"),
        "xxe.html": XXE_XML.replace(b"w:document", b"html"),
        "bomb.docx": zip_bomb(),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 64,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    return {path.name: path for path in folder.iterdir()}


EXPECTED = {
    "xxe.docx": "entities", "laughs.docx": "entities", "laughs.html": "entities", "xxe.html": "entities",
    "bomb.docx": "zip", "empty.txt": "empty", "binary.txt": "binary", "huge.txt": "larger than",
}


def docx_with_big_numbering(megabytes: float) -> bytes:
    """A real one-paragraph-per-line DOCX whose numbering.xml is padded to `megabytes` with
    distinct list definitions (varied enough to stay under the zip guard's ratio)."""
    import random

    rng = random.Random(7)
    base = docx_auto(text_lines()[:40])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/numbering.xml":
                pad, size, k = [], 0, 1000
                while size < megabytes * 1024 * 1024:
                    word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))
                    chunk = (f'<w:abstractNum w:abstractNumId="{k}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                             f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.{word}"/></w:lvl></w:abstractNum>'
                             f'<w:num w:numId="{k}"><w:abstractNumId w:val="{k}"/></w:num>')
                    pad.append(chunk)
                    size += len(chunk)
                    k += 1
                data = data.replace(b"</w:numbering>", "".join(pad).encode() + b"</w:numbering>")
            dst.writestr(info, data)
    return out.getvalue()
