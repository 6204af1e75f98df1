"""Office-made inputs for the load tests: Word-like DOCX files, and LibreOffice conversions of them.

`word_docx` lays a corpus text out the way a government office's Word file is:
A4 with GB/T 9704 margins, 仿宋_GB2312 三号 body text with a two-character
first-line indent and fixed line spacing, 黑体 / 楷体 headings, a centred
小标宋 title, a running header (the title) and a footer page-number field
(`— 1 —` or `第 1 页 共 9 页`), and tables with grid borders. `convert` runs
LibreOffice once for a whole set of files (one start-up, ~1–3 s), so a test
session converts each kind of file a single time.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from load_fixtures import W_NS, text_lines

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_PART = re.compile(r"^[一二三四五六七八九十]+、")
_ACTION = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_CHAPTER = re.compile(r"^#*\s*第[一二三四五六七八九十百]+[章节]")
_TITLE = re.compile(r"(关于|条例|办法|规定|意见|方案|决定|通知|细则|法)[^。；：:，,]*$")
_STATUS = re.compile(r"^[（(](征求意见稿|送审稿|草案|修订草案[^）)]*)[）)]$")


_MEASURE_NOTE = re.compile(
    r"^(\d+)[.．]([^。]+)。.*[（(]责任单位[：:](.+?)(?:。列第一位的为牵头单位[，,]下同。)?[）)]$")


def task_table(text: str) -> list[list[str | None]]:
    """The 任务分工表 a publisher makes from a draft's notes: 序号 / 重点任务 / 牵头单位 / 配合单位,
    one row per measure, the first unit of its note leading; a lead equal to the row above's is
    merged into it (`None`), as published tables merge the 牵头单位 cell down a run of rows."""
    rows: list[list[str | None]] = [["序号", "重点任务", "牵头单位", "配合单位"]]
    previous = None
    for paragraph in paragraphs(text):
        m = _MEASURE_NOTE.match(paragraph)
        if m:
            lead, *others = m.group(3).split("、")
            rows.append([m.group(1), m.group(2), None if lead == previous else lead, "、".join(others)])
            previous = lead
    return rows


def html_table(rows: list[list[str | None]]) -> str:
    """The same table as a web page writes it: merged cells as `rowspan`."""
    out = ['<table border="1" cellspacing="0">']
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            span = 1
            while r + span < len(rows) and rows[r + span][c] is None:
                span += 1
            tag = "th" if r == 0 else "td"
            cells.append(f'<{tag}{f" rowspan={span}" if span > 1 else ""}><p>{value}</p></{tag}>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out + ["</table>"])


def paragraphs(text: str) -> list[str]:
    """The paragraphs a publisher would type: hard-wrapped lines joined, blank lines dropped."""
    from pipeline.load.repair import paragraph_spans

    out = []
    for start, end in paragraph_spans(text):
        joined = "".join(line.strip() for line in text[start:end].splitlines())
        if joined:
            out.append(joined)
    return out


def _fonts(target, east_asia: str, size: float, latin: str = "Times New Roman") -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.size = Pt(size)
    target.font.name = latin
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f'<w:rFonts xmlns:w="{W_NS}"/>')
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) as fldChar begin / instrText / separate / result / end."""
    from docx.oxml import parse_xml

    for xml in (f'<w:fldChar xmlns:w="{W_NS}" w:fldCharType="begin"/>',
                f'<w:instrText xmlns:w="{W_NS}" xml:space="preserve"> {instruction} </w:instrText>',
                f'<w:fldChar xmlns:w="{W_NS}" w:fldCharType="separate"/>'):
        paragraph.add_run()._r.append(parse_xml(xml))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(parse_xml(f'<w:fldChar xmlns:w="{W_NS}" w:fldCharType="end"/>'))


def word_docx(lines: list[str], header: str | None = None, page_numbers: str = "dash",
              tables: dict[int, list[list[str]]] | None = None) -> bytes:
    """A DOCX laid out as a government office's Word file (see module doc).

    `lines` are paragraphs; a line holding tabs is a table row, consecutive rows
    one table. `tables` inserts further tables (rows of cells, header first)
    after the paragraph of that index (-1: at the end). `page_numbers` is `dash`
    (`— 1 —`) or `of` (`第 1 页 共 9 页`).
    """
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance, section.footer_distance = Cm(1.5), Cm(2.0)
    normal = document.styles["Normal"]
    _fonts(normal, "仿宋_GB2312", 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28.9)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    if header:
        head = section.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fonts(head.add_run(header), "宋体", 10.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if page_numbers == "of":
        foot.add_run("第 ")
        _field(foot, "PAGE", "1")
        foot.add_run(" 页 共 ")
        _field(foot, "NUMPAGES", "1")
        foot.add_run(" 页")
    else:
        foot.add_run("— ")
        _field(foot, "PAGE", "1")
        foot.add_run(" —")
    for run in foot.runs:
        _fonts(run, "宋体", 14)

    extra = dict(tables or {})
    rows: list[list[str]] = []
    titled = False
    for index, line in enumerate(lines):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            _table(document, rows, WD_TABLE_ALIGNMENT)
            rows = []
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        fmt = paragraph.paragraph_format
        if not titled and len(line) <= 60 and _TITLE.search(line) and not _PART.match(line):
            titled = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(run, "方正小标宋简体", 22)
        elif _STATUS.match(line):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif _CHAPTER.match(line):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(run, "黑体", 16)
        else:
            fmt.first_line_indent = Pt(32)
            if _PART.match(line):
                _fonts(run, "黑体", 16)
            elif _ACTION.match(line):
                _fonts(run, "楷体_GB2312", 16)
        if index in extra:
            _table(document, extra.pop(index), WD_TABLE_ALIGNMENT)
    if rows:
        _table(document, rows, WD_TABLE_ALIGNMENT)
    for table_rows in extra.values():
        _table(document, table_rows, WD_TABLE_ALIGNMENT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, rows: list[list[str | None]], alignment) -> None:
    """A grid table; a `None` cell is merged into the cell above it (a vertically merged 牵头单位)."""
    from docx.shared import Pt

    columns = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = alignment.CENTER
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is None:
                continue
            cell = table.cell(r, c)
            cell.text = value
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.first_line_indent = Pt(0)
                paragraph.paragraph_format.line_spacing = Pt(20)
                for run in paragraph.runs:
                    _fonts(run, "仿宋_GB2312", 12)
    for c in range(columns):
        r = 0
        while r < len(rows):
            end = r
            while end + 1 < len(rows) and c < len(rows[end + 1]) and rows[end + 1][c] is None:
                end += 1
            if end > r:
                table.cell(r, c).merge(table.cell(end, c))
            r = end + 1


def title_of(lines: list[str]) -> str:
    """The line a publisher would put in the running header: the document's title."""
    return next((line for line in lines if 8 <= len(line) <= 60 and _TITLE.search(line)
                 and not _PART.match(line) and not line.startswith("首页")), lines[0])[:30]


def convert(files: dict[str, bytes], to: str, folder: Path) -> dict[str, bytes]:
    """Convert every file with one LibreOffice run; name -> converted bytes (`to`: doc, pdf, odt, rtf)."""
    source = folder / f"in-{to}"
    source.mkdir(parents=True, exist_ok=True)
    out = folder / f"out-{to}"
    for name, data in files.items():
        (source / name).write_bytes(data)
    with tempfile.TemporaryDirectory(prefix="policy-test-lo-") as profile:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", to, "--outdir", str(out), *(str(source / name) for name in files)],
            check=True, capture_output=True, timeout=600)
    return {name: (out / f"{Path(name).stem}.{to}").read_bytes() for name in files}


_BLANKS = re.compile(r"[ \u3000\u2002\u2003\xa0\u200b-\u200d\ufeff]+")


def unspaced(value):
    """`value` with the text fields' blanks removed (zero-width ones too): a PDF cannot keep a space
    where a line wrapped, nor a character that draws nothing."""
    if isinstance(value, dict):
        return {k: unspaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unspaced(v) for v in value]
    return _BLANKS.sub("", value) if isinstance(value, str) else value


def facts(doc, blanks: bool = False) -> dict[str, list]:
    """What a PDF must keep of a document: its numbered clauses (id, kind, number, title), its
    notes and its money terms with the node each belongs to (every field but offsets; text
    compared without blanks unless `blanks`)."""
    import json

    from pipeline.records import to_json

    squeeze = (lambda value: value) if blanks else unspaced

    def without_offsets(value):
        if isinstance(value, dict):
            return {k: without_offsets(v) for k, v in value.items() if k not in {"start", "end"}}
        if isinstance(value, list):
            return [without_offsets(v) for v in value]
        return value

    def records(layer: str) -> list[str]:
        return [json.dumps([node_id, squeeze(without_offsets(to_json(record)))], ensure_ascii=False, sort_keys=True)
                for node_id, record in doc.layer(layer).items()]

    return {
        "clauses": [json.dumps(squeeze([n.id, n.kind, n.num, n.title]), ensure_ascii=False)
                    for n in doc.nodes() if n.num is not None],
        "notes": records("responsibilities"),
        "money": records("money"),
    }


# Read from the Hohhot draft's 总体目标 section: the indicators it sets for 2027.
HOHHOT_INDICATORS = [
    ["指标", "2027年目标"],
    ["高新技术产业产值占规模以上工业总产值比重", "40%以上"],
    ["科技服务业占GDP", "8%以上"],
    ["自治区级以上科创平台数量", "超过40家"],
    ["国家级科技型企业数量", "超过1300家"],
    ["技术合同成交额", "20亿元"],
]


def hohhot_with_tables(text: str) -> tuple[list[str], dict[int, list[list[str | None]]]]:
    """The Hohhot draft with its attachments as an office would add them: 附件1 the task table
    (leads merged down runs of rows), 附件2 a two-column table of the 2027 indicators."""
    lines = paragraphs(text)
    n = len(lines)
    return lines + ["附件1", "重点任务分工表", "附件2", "主要指标"], {n + 1: task_table(text), n + 3: HOHHOT_INDICATORS}


# A reviewed Word draft: the Hohhot text with what its drafters and reviewers would add.
FOOTNOTE = "“三清零”指规上工业企业研发机构、研发活动、研发费用清零。"
ENDNOTE = "《国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见》于2023年10月印发。"
COMMENT = "建议明确500万元的资金来源（市本级财政或科技专项资金）。"
COMMENTED = "连续3年每年给予不低于500万元科技经费支持"
HEADER = "关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）"


def _reference(kind: str, ident: int) -> str:
    return (f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="{ident}"/></w:r>')


def _notes_part(kind: str, text: str) -> bytes:
    separators = "".join(f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                         for i, t in ((-1, "separator"), (0, "continuationSeparator")))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W_NS}">{separators}'
            f'<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
            f'</w:p></w:{kind}></w:{kind}s>').encode()


def _text_box(text: str) -> str:
    """A floating text box as Word writes it: DrawingML, with a VML copy for older readers."""
    content = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
            f'<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
            f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


def hohhot_as_reviewed() -> bytes:
    """The Hohhot draft as a DOCX with notes, a comment, header, footer and a text box (see module doc)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    ns = f'xmlns:w="{W_NS}"'
    for xml in (f'<w:fldChar {ns} w:fldCharType="begin"/>', f'<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {ns} w:fldCharType="separate"/>', f'<w:t {ns}>3</w:t>', f'<w:fldChar {ns} w:fldCharType="end"/>'):
        footer.add_run()._r.append(parse_xml(xml))
    footer.add_run(" —")
    for line in text_lines():
        if line == "(征求意见稿)":
            document.add_paragraph()._p.append(parse_xml(_text_box(line)))
            continue
        paragraph = document.add_paragraph()
        if "三清零全覆盖”" in line:
            head, tail = line.split("三清零全覆盖”", 1)
            paragraph.add_run(head + "三清零全覆盖”")
            paragraph._p.append(parse_xml(_reference("footnote", 1)))
            paragraph.add_run(tail)
        elif "(国发〔2023〕16号)" in line:
            head, tail = line.split("(国发〔2023〕16号)", 1)
            paragraph.add_run(head + "(国发〔2023〕16号)")
            paragraph._p.append(parse_xml(_reference("endnote", 1)))
            paragraph.add_run(tail)
        elif line.startswith("2.创建一批国家级创新平台"):
            head, tail = line.split(COMMENTED, 1)
            paragraph.add_run(head)
            commented = paragraph.add_run(COMMENTED)
            paragraph.add_run(tail)
            comment = document.add_comment(commented, text=COMMENT, author="市财政局", initials="CZJ")
            comment._comment_elm.set(qn("w:date"), "2024-10-20T09:30:00Z")
        else:
            paragraph.add_run(line)
    for kind, text in (("footnote", FOOTNOTE), ("endnote", ENDNOTE)):
        part = Part(PackURI(f"/word/{kind}s.xml"),
                    f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
                    _notes_part(kind, text), document.part.package)
        document.part.relate_to(part, getattr(RT, f"{kind.upper()}S"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
