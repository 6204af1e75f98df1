"""The annotated page (`policy annotate`, and each document's page in the main job)."""
import re
import subprocess
import sys

from click.testing import CliRunner

from conftest import HOHHOT, ROOT, ingested
from pipeline.annotated import highlights, render_page
from pipeline.cli import cli


def test_annotate_writes_one_self_contained_page_with_chinese_labels(tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["annotate", str(HOHHOT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    labels = re.findall(r'<mark class="([a-z_]+)"[^>]*data-label="([^"]+)"', html)
    # the draft's 24 money terms (the budget-growth term shows as money, not as its target) and 8 targets
    assert sum(1 for cls, _ in labels if cls.startswith("money_")) == 24
    assert sum(1 for cls, _ in labels if cls == "target") == 8
    assert ("unit_lead", "牵头单位") in labels and ("money_cap", "支持上限") in labels
    assert not re.search(r">\s*(MONEY_|UNIT_LEAD|TARGET)", html)     # codes are classes, never shown
    assert "<script" not in html and "<link" not in html and " src=" not in html
    assert '<details class="letter">' in html and "<details class=\"letter\" open" not in html


def test_annotate_into_a_folder_names_the_page_after_the_document(tmp_path):
    result = CliRunner().invoke(cli, ["annotate", str(HOHHOT), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["hohhot-2024-keji-qiangshi-draft.annotated.html"]


def test_the_page_holds_the_whole_text_in_order():
    doc = ingested(HOHHOT.name)
    html = render_page(doc)
    visible = re.sub(r"<[^>]+>", "", html.split("</section>", 2)[-1])
    visible = visible.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    squeezed = "".join(visible.split())
    body = "".join(doc.text[doc.root.children[0].end:].split())       # after the breadcrumb
    letter_title = doc.letter.title
    assert squeezed.replace(f"{letter_title}（点击展开）", "").find(body[-2000:]) >= 0
    assert "科技领军企业较2024年翻一番" in squeezed and squeezed.endswith(body[-30:])


def test_headings_follow_the_document_levels():
    html = render_page(ingested(HOHHOT.name))
    assert re.findall(r"<h2>([^<]+)</h2>", html) == ["一、总体目标", "二、重点任务", "三、组织保障"]
    assert len(re.findall(r"<h3>", html)) == 9 and "<h3>(一)实施创新平台“能级提升”行动</h3>" in html
    assert '<span class="runin">6.强化企业研发投入主体地位。</span>' in html
    law = render_page(ingested("law-zhian-chufa-2025.txt"))
    assert '<h2 class="centred">第一章\u3000总则</h2>' in law
    assert '<p class="article"><span class="runin">第一条' in law


def test_highlights_never_overlap():
    marks = highlights(ingested(HOHHOT.name))
    assert all(a[1] <= b[0] for a, b in zip(marks, marks[1:]))


def test_the_page_needs_no_spacy():
    code = ("import sys; from pipeline.cli import cli; from click.testing import CliRunner; "
            f"r = CliRunner().invoke(cli, ['annotate', {str(HOHHOT)!r}, '-o', '/dev/null.html']); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
