"""The pages the main job writes, in a real browser (headless Chromium): the index and the
annotated page render, say what they should where a reader looks, and every link resolves.
Skipped, with the reason, where Chromium is not installed."""
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from conftest import CORPUS
from pipeline.cli import cli

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (apt-get install -y chromium fonts-noto-cjk)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
FILES = ["hohhot-2024-keji-qiangshi-draft.txt", "law-guojia-keji-jiangli-tiaoli-2020.txt",
         "law-guojia-keji-jiangli-tiaoli-2024.txt", "govcn-2018-guofa39-cujin-jiuye.html"]
# Appended to a page: what a reader sees (innerText follows CSS, closed <details> included),
# every link as the browser resolves it, and the fonts the headings ask for.
PROBE = """<script>
function put(id,text){var p=document.createElement('pre');p.id=id;p.textContent=text;document.body.appendChild(p);}
var seen=document.body.innerText;
put('links',Array.from(document.links).map(function(a){return a.href;}).join('\\n'));
var h2=document.querySelector('h2'),h3=document.querySelector('h3');
put('fonts',(h2?getComputedStyle(h2).fontFamily:'')+'\\n'+(h3?getComputedStyle(h3).fontFamily:''));
put('visible',seen);
</script>"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "VERSIONS").write_text(" ".join(FILES[1:3]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(root / "out"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return root / "out"


def _render(page: Path, tmp_path: Path) -> dict[str, str]:
    probed = page.with_name(f".probe-{page.name}")
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    try:
        dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                              probed.as_uri()], check=False, capture_output=True, timeout=120, text=True).stdout
    finally:
        probed.unlink()
    tree = lxml_html.fromstring(dom)
    return {k: tree.get_element_by_id(k).text_content() for k in ("links", "fonts", "visible")}


def _targets(links: str) -> list[Path]:
    urls = [urlparse(u) for u in links.splitlines() if u]
    assert all(u.scheme == "file" for u in urls), "every link stays in the folder"
    return [Path(unquote(u.path)) for u in urls]


def test_index_lists_every_document_and_every_link_resolves(built, tmp_path):
    seen = _render(built / "index.html", tmp_path)
    text = seen["visible"]
    assert "关于建设科技强市 促进首府高质量发展的实施意见" in text and "征求意见稿" in text
    assert "国务院关于做好当前和今后一个时期促进就业工作的若干意见" in text and "国家科学技术奖励条例" in text
    assert "2024-11-13 17:00" in text                       # the comment deadline of the Hohhot draft
    assert "3部分 9行动 26措施" in text and "26处分工" in text
    targets = _targets(seen["links"])
    assert all(t.exists() for t in targets), [t for t in targets if not t.exists()]
    names = {t.name for t in targets}
    for doc_id in (n.rsplit(".", 1)[0] for n in FILES):
        assert {f"{doc_id}.json", f"{doc_id}.annotated.html"} <= names
    assert {"hohhot-2024-keji-qiangshi-draft.tasks.xlsx", "hohhot-2024-keji-qiangshi-draft.tasks.docx",
            "govcn-2018-guofa39-cujin-jiuye.tasks.xlsx", "feed.jsonl",
            "law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff.html",
            "law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff.docx"} <= names


def test_annotated_page_reads_in_chinese_with_the_letter_folded(built, tmp_path):
    page = built / "hohhot-2024-keji-qiangshi-draft" / "hohhot-2024-keji-qiangshi-draft.annotated.html"
    seen = _render(page, tmp_path)
    text = seen["visible"]
    # summary and legend before the text, with Chinese labels and counts read from the draft
    assert text.index("概要") < text.index("图例") < text.index("一、总体目标")
    assert "26 条，其中 26 条写明责任单位" in text and "意见截止" in text and "2024-11-13 17:00" in text
    assert "牵头单位 26" in text and "资金奖补 14" in text and "支持上限 3" in text
    assert "MONEY_" not in text and "UNIT_LEAD" not in text
    # the cover letter is folded: its heading shows, its body does not
    assert "意见建议的函（点击展开）" in text and "请务于11月13日17:00前" not in text
    # headings as the document's levels: 一、 in 黑体, （一） in 楷体
    h2_font, h3_font = seen["fonts"].splitlines()
    assert "SimHei" in h2_font and "KaiTi" in h3_font
    assert "1.布局一批重大科技基础设施。" in text
    targets = _targets(seen["links"])
    assert all(t.exists() for t in targets) and {t.name for t in targets} >= {
        "index.html", "hohhot-2024-keji-qiangshi-draft.tasks.xlsx", "hohhot-2024-keji-qiangshi-draft.json"}
