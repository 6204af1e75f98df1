"""The HTML report in a real browser (headless Chromium): the visible summary, the
filters and printing. Skipped, with the reason, where Chromium is not installed."""
import shutil
import subprocess

import pytest
from conftest import HOHHOT, ingested
from hohhot_edits import edited_text
from lxml import html as lxml_html

from pipeline import api
from pipeline.diff import diff_chain
from pipeline.diff.report import to_html
from pipeline.load import load_bytes

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (apt-get install -y chromium fonts-noto-cjk)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

# Appended to the page: record what a reader sees (innerText follows CSS), then what is
# left after unticking every filter but `deleted`.
PROBE = """<script>
function shown(id){var p=document.createElement('pre');p.id=id;p.textContent=document.body.innerText;return p;}
var before=shown('visible-before');
document.querySelectorAll('.filters input').forEach(function(b){b.checked=(b.value==='deleted');
  b.dispatchEvent(new Event('change'));});
var after=shown('visible-after');document.body.appendChild(before);document.body.appendChild(after);
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-edited.txt"))
    path = tmp_path_factory.mktemp("html") / "diff.html"
    path.write_text(to_html(diff_chain([ingested(HOHHOT.name), new])), encoding="utf-8")
    return path


def _chromium(*args, timeout=90):
    return subprocess.run([CHROMIUM, *FLAGS, *map(str, args)], check=False, capture_output=True,
                          timeout=timeout, text=True)


def test_visible_summary_and_filters(page, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = lxml_html.fromstring(_chromium("--dump-dom", probed.as_uri()).stdout)
    before = dom.get_element_by_id("visible-before").text_content()
    after = dom.get_element_by_id("visible-after").text_content()
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in before.splitlines() if "\t" in line}
    header = rows["level"]
    clauses = dict(zip(header, map(int, rows["clauses"])))
    assert (clauses["modified"], clauses["added"], clauses["deleted"], clauses["moved"], clauses["renumbered"]) == (
        2, 1, 1, 1, 18)
    assert "不低于300万元" in before and "不低于200万元" in before
    assert "加强知识产权保护" in after            # the deleted measure is still shown
    assert "不低于200万元" not in after          # the modified one is filtered out
    assert "clauses" in after                    # the summary stays


def test_prints_to_pdf(page, tmp_path):
    pdf = tmp_path / "diff.pdf"
    _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
