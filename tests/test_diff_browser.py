"""The HTML report in a real browser (headless Chromium): what a Chinese reviewer sees first
(the title, the tables at a glance in Chinese, their links landing on visible cards), the
minor cards hidden behind a count and a toggle, the filters, the side navigation and
printing. Skipped, with the reason, where Chromium is not installed."""
import json
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
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Appended to the page, run after its own script: records what a reader sees (innerText
# follows CSS) and, step by step (each step after the page handled the last one), follows
# every link of the tables at a glance with the kind filters all unticked, then ticks the
# toggle of minor cards, then the money-only filter. The findings go into <pre id="probe">.
PROBE = """<script>
(function(){
var out={title:document.title,h1:document.querySelector('h1').innerText,text:document.body.innerText,links:[]};
var visible=function(el){return !!el&&el.offsetParent!==null;};
out.minor=[].map.call(document.querySelectorAll('.change.minor'),function(el){return visible(el);});
out.nav=[].map.call(document.querySelectorAll('nav.side a'),function(a){return a.getAttribute('href');});
out.navTargets=out.nav.map(function(h){return !!document.getElementById(h.slice(1));});
document.querySelectorAll('.filters input[data-kind]').forEach(function(b){b.checked=false;
  b.dispatchEvent(new Event('change'));});
out.cardsShownUnticked=[].filter.call(document.querySelectorAll('.change'),visible).length;
var links=[].slice.call(document.querySelectorAll('.glance a[href^="#"]'));
function step(k){
  if(k>0){var id=links[k-1].getAttribute('href').slice(1),el=document.getElementById(id);
    out.links.push({text:links[k-1].innerText,id:id,card:!!el&&el.classList.contains('change'),
                    visible:visible(el),heading:el?el.querySelector('h4').innerText:null});}
  if(k<links.length){links[k].click();setTimeout(function(){step(k+1);},50);return;}
  document.querySelectorAll('.filters input[data-kind]').forEach(function(b){b.checked=true;
    b.dispatchEvent(new Event('change'));});
  var toggle=document.getElementById('show-minor');toggle.checked=true;toggle.dispatchEvent(new Event('change'));
  out.minorShown=[].map.call(document.querySelectorAll('.change.minor'),function(el){return visible(el);});
  toggle.checked=false;toggle.dispatchEvent(new Event('change'));
  var money=document.getElementById('money-only');money.checked=true;money.dispatchEvent(new Event('change'));
  out.moneyOnly=[].filter.call(document.querySelectorAll('.change'),visible).map(function(el){
    return el.querySelector('h4').innerText;});
  var pre=document.createElement('pre');pre.id='probe';pre.textContent=JSON.stringify(out);document.body.appendChild(pre);
}
step(0);
})();
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-edited.txt"))
    path = tmp_path_factory.mktemp("html") / "diff.html"
    path.write_text(to_html(diff_chain([ingested(HOHHOT.name), new])), encoding="utf-8")
    return path


def _chromium(*args, timeout=120):
    return subprocess.run([CHROMIUM, *FLAGS, *map(str, args)], check=False, capture_output=True,
                          timeout=timeout, text=True)


@pytest.fixture(scope="module")
def seen(page, tmp_path_factory):
    work = tmp_path_factory.mktemp("probe")
    probed = work / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = lxml_html.fromstring(_chromium(f"--user-data-dir={work / 'profile'}", "--virtual-time-budget=10000",
                                         "--dump-dom", probed.as_uri()).stdout)
    return json.loads(dom.get_element_by_id("probe").text_content())


def test_the_page_is_titled_by_the_document_in_chinese(seen):
    assert seen["title"] == seen["h1"] == "《关于建设科技强市 促进首府高质量发展的实施意见》（征求意见稿）修订对照"
    assert "hohhot" not in seen["h1"]
    for label in ("变化一览", "资金变化", "牵头单位变化", "新增条款", "删除条款", "统计", "逐条变化", "显示：",
                  "只看涉及资金的条款", "对象", "性质"):
        assert label in seen["text"], label


def test_the_counts_are_visible_with_chinese_labels(seen):
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in seen["text"].splitlines() if "\t" in line}
    clauses = dict(zip(rows["层级"], map(int, rows["条款"])))
    # the six edits: 3 (money) and 17 (lead) modified, 24 deleted, one added, 7 moved; 18 renumbered
    assert (clauses["修改"], clauses["新增"], clauses["删除"], clauses["移动"], clauses["重新编号"]) == (2, 1, 1, 1, 18)


def test_every_link_at_a_glance_lands_on_its_visible_card_even_when_filters_hide_it(seen):
    assert seen["cardsShownUnticked"] == 0      # every kind unticked: no card shows...
    # ...until a link of the tables at a glance is followed: 资金 (3), 牵头单位 (17 -> 16), 新增 (26), 删除 (24);
    # a card is headed by its number within its action and the measure's title
    landed = [(link["text"], link["heading"]) for link in seen["links"]]
    expected = [("3.打造一批自治区级创新平台", "3打造一批自治区级创新平台修改"),
                ("16.集聚高层次创新人才（原17）", "17 → 16集聚高层次创新人才修改"),
                ("26.建设科技成果展示中心", "26建设科技成果展示中心新增"),
                ("24.加强知识产权保护", "24加强知识产权保护删除")]
    assert len(landed) == len(expected)
    assert all(text == want and heading.startswith(head) for (text, heading), (want, head) in zip(landed, expected))
    assert all(link["card"] and link["visible"] for link in seen["links"])


def test_cards_only_renumbered_are_hidden_behind_a_count_and_a_toggle(seen):
    # 18 measures renumbered: 16 only renumbered (17 -> 16 also lost its lead, 7 -> 22 also moved)
    assert len(seen["minor"]) == 16 and not any(seen["minor"])
    assert "另有 16 条仅重新编号或仅标点、格式变化，已隐藏" in seen["text"]
    assert len(seen["minorShown"]) == 16 and all(seen["minorShown"])


def test_money_only_shows_the_one_card_with_a_money_change(seen):
    assert len(seen["moneyOnly"]) == 1 and seen["moneyOnly"][0].startswith("3打造一批自治区级创新平台")


def test_the_side_navigation_leads_to_the_actions_with_changes(seen):
    assert seen["nav"][0] == "#glance" and all(seen["navTargets"])
    # the tables at a glance, then each action with a changed measure: not (二), whose measure 7 moved
    # to (八) and whose measure 6 is unchanged
    assert len(seen["nav"]) == 1 + 8


def test_prints_to_pdf(page, tmp_path):
    pdf = tmp_path / "diff.pdf"
    _chromium(f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
              page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


FORMATTING_PROBE = """<script>
var cards=[].slice.call(document.querySelectorAll('.change'));
var pre=document.createElement('pre');pre.id='probe';pre.textContent=JSON.stringify({
  text:document.body.innerText,
  cards:cards.map(function(el){return [el.dataset.kinds,el.offsetParent!==null];})});
document.body.appendChild(pre);
</script>"""


def test_a_card_only_changed_in_punctuation_is_hidden_and_counted(tmp_path):
    text = HOHHOT.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("5.建设一流科技园区"))
    assert line.count(",") > 3
    # measure 5 with full-width commas: formatting only; measure 3 a real edit
    edited = text.replace(line, line.replace(",", "，")).replace("不低于300万元", "不低于200万元")
    new = api.ingest_source(load_bytes(edited.encode("utf-8"), "edited.txt"))
    page = tmp_path / "p.html"
    page.write_text(to_html(diff_chain([ingested(HOHHOT.name), new])).replace("</body>", FORMATTING_PROBE + "</body>"),
                    encoding="utf-8")
    dom = lxml_html.fromstring(_chromium(f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()).stdout)
    seen = json.loads(dom.get_element_by_id("probe").text_content())
    assert sorted(seen["cards"]) == [["formatting", False], ["modified fields", True]]
    assert "另有 1 条仅重新编号或仅标点、格式变化，已隐藏" in seen["text"]
