"""PDF lines from glyph positions: reading order, spaces from gaps, doubled glyphs, spaced-out lines.

Glyph runs are laid out as office PDFs draw them (16 pt, Chinese an em wide, Latin about half),
with quotes from the corpus texts; `lines_of` must read them back as the text was typed.
"""
from __future__ import annotations

from pipeline.load.pdf_page import Glyph, lines_of

SIZE = 16.0


def run(text: str, x: float = 80.0, y: float = 700.0, gaps: dict[int, float] | None = None,
        stretch: float = 0.0) -> list[Glyph]:
    """Glyphs of `text` set left to right; `gaps` adds room (in em) before the character at an index."""
    out = []
    for i, ch in enumerate(text):
        x += (gaps or {}).get(i, 0.0) * SIZE
        width = SIZE if ord(ch) > 0x2E80 else 0.55 * SIZE
        out.append(Glyph(ch, x, x + width, y, y + SIZE, SIZE))
        x += width + stretch * SIZE
    return out


def read(glyphs: list[Glyph]) -> list[str]:
    return [line.text for line in lines_of(glyphs)]


def test_glyphs_drawn_out_of_order_are_read_left_to_right():
    glyphs = run("实施科技创新“九大行动”")  # Hohhot: quotes drawn in another font, after the text
    quotes = [g for g in glyphs if g.text in "“”"]
    assert read(quotes + [g for g in glyphs if g not in quotes]) == ["实施科技创新“九大行动”"]


def test_gaps_become_spaces_only_where_the_text_had_one():
    assert read(run("科技经费投入较2024年翻一番", gaps={7: 0.2, 11: 0.2})) == ["科技经费投入较2024年翻一番"]
    assert read(run("第 11 条鼓励企业", gaps={1: 0.5, 4: 0.5})) == ["第 11 条鼓励企业"]
    assert read(run("第一条为了维护社会治安秩序", gaps={3: 1.0})) == ["第一条\u3000为了维护社会治安秩序"]
    assert read(run("建设科技强市促进首府", gaps={6: 0.35})) == ["建设科技强市 促进首府"]


def test_a_blank_glyph_is_a_space_or_an_ideographic_space_by_the_room_it_takes():
    # one blank glyph of the font, mapped to U+3000, drawn narrow: an em of room after it, or half an em
    law = run("第一条 为了", gaps={4: 0.45})
    quote = run("依照 «中华", y=600)
    for glyphs in (law, quote):
        blank = glyphs[3 if glyphs is law else 2]
        glyphs[glyphs.index(blank)] = Glyph("\u3000", blank.x0, blank.x0 + 5, blank.y0, blank.y1, SIZE)
    assert read(law + quote) == ["第一条\u3000为了", "依照 «中华"]


def test_a_glyph_drawn_twice_in_place_is_kept_once_but_double_letters_stay():
    bold = run("一、总体目标")
    shadow = [Glyph(g.text, g.x0 + 0.3, g.x1 + 0.3, g.y0, g.y1, g.size) for g in bold]
    assert read(bold + shadow) == ["一、总体目标"]
    assert read(run("网址：http://www.mot.gov.cn")) == ["网址：http://www.mot.gov.cn"]


def test_a_justified_line_spaced_out_gets_no_spaces():
    # Zhuhai: 联系人：冯先生、刘小组，联系电话： pushed apart because the phone numbers wrapped
    assert read(run("联系人：冯先生、刘小组，联系电话：", stretch=0.45)) == ["联系人：冯先生、刘小组，联系电话："]


def test_lines_are_read_top_to_bottom_and_rotated_or_tiny_offsets_stay_on_their_line():
    top, bottom = run("第一章总则", y=700), run("第一条为了", y=670)
    lifted = [Glyph(g.text, g.x0, g.x1, g.y0 + 2, g.y1 + 2, g.size) if i == 2 else g for i, g in enumerate(top)]
    assert read(bottom + lifted) == ["第一章总则", "第一条为了"]
