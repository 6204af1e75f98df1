"""`policy serve` on a free port: the index, a table with facets, canned queries, the document and
version pages over HTTP, and the pages rendered in headless Chromium. Skipped, with the reason,
without Datasette (the web extra) or Chromium."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import ROOT
from library_corpus import connect, corpus_library
from lxml import html as lxml_html

pytest.importorskip("datasette", reason="the web extra: pip install 'policy-pipeline[web]'")

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 60) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


@pytest.fixture(scope="module")
def server():
    db = corpus_library()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if get(base + "/", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
            if proc.poll() is not None:
                pytest.fail(f"policy serve exited: {proc.stderr.read()}")
        else:
            pytest.fail("policy serve did not answer in 60 s")
        yield base, port, db
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _id(db, name: str) -> int:
    conn = connect(db)
    try:
        return conn.execute("SELECT id FROM documents WHERE source_name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def q(text: str) -> str:
    return urllib.parse.quote(text)


def test_the_index_names_the_library(server):
    base, _, _ = server
    status, page = get(base + "/")
    assert status == 200 and "政策库" in page
    status, page = get(base + "/policy")
    assert status == 200 and "某单位牵头的全部任务" in page and "资金不少于100万元的措施" in page


def test_a_table_with_its_facets_labels_and_links(server):
    base, _, db = server
    status, body = get(base + "/policy/documents.json?_size=1")
    facets = json.loads(body)["facet_results"]
    assert status == 200 and {"issuer", "status", "year"} <= set(facets)
    conn = connect(db)
    expected = dict(conn.execute("SELECT status, count(*) FROM documents WHERE status IS NOT NULL GROUP BY status"))
    conn.close()
    # the Hohhot and 交通运输部 drafts, and 珠海's call for comments on its （征求意见稿）
    assert {f["value"]: f["count"] for f in facets["status"]["results"]} == expected == {"征求意见稿": 3, "修订草案": 2}
    status, page = get(base + "/policy/documents")
    assert status == 200 and "文件（documents）" in page and "/-/policy/document/" in page
    assert "意见反馈截止" in page            # a column's Chinese label, in the labels script


def test_the_lead_unit_and_money_role_facets(server):
    base, _, _ = server
    leads = json.loads(get(base + "/policy/leads.json?_size=1")[1])["facet_results"]["unit"]["results"]
    assert "呼和浩特市科学技术局" in {f["value"] for f in leads}
    roles = json.loads(get(base + "/policy/money.json?_size=1")[1])["facet_results"]["role"]["results"]
    assert {"grant", "fine"} <= {f["value"] for f in roles}


def test_canned_queries_answer(server):
    base, _, _ = server
    status, body = get(base + "/policy/money_at_least_1m.json?_shape=array")
    rows = json.loads(body)
    assert status == 200
    # Hohhot 二（一）3.: 连续3年每年给予不低于300万元科技经费支持
    assert any(r["text"] == "不低于300万元" and r["yuan"] == 3_000_000 and r["path"] == "二 (一) 3" for r in rows)
    assert all(r["yuan"] >= 1_000_000 and r["role"] in ("grant", "cap", "fund_size") for r in rows)
    rows = json.loads(get(base + f"/policy/led_by.json?_shape=array&unit={q('科学技术局')}")[1])
    assert rows and {r["unit"] for r in rows} == {"呼和浩特市科学技术局"}
    assert any(r["path"] == "二 (一) 3" and "不低于300万元" in (r["money"] or "") for r in rows)
    rows = json.loads(get(base + f"/policy/search.json?_shape=array&q={q('补贴')}")[1])
    assert rows and all("**补贴**" in r["snippet"] for r in rows)
    assert json.loads(get(base + "/policy/search.json?_shape=array&q=")[1]) == []
    counts = json.loads(get(base + "/policy/leads_per_unit.json?_shape=array")[1])
    assert counts[0]["clauses"] >= counts[-1]["clauses"]
    assert get(base + "/policy/drafts_due.json?_shape=array&from_date=2019-01-01")[0] == 200


def test_the_document_page_is_the_outline_with_notes_and_money(server):
    base, _, db = server
    status, page = get(base + f"/-/policy/document/{_id(db, 'hohhot-2024-keji-qiangshi-draft.txt')}")
    assert status == 200
    dom = lxml_html.fromstring(page)
    assert "关于建设科技强市 促进首府高质量发展的实施意见" in dom.findtext(".//h1")
    measure = dom.get_element_by_id("p2.a1.m3")
    text = measure.text_content()
    assert "打造一批自治区级创新平台" in text and "不低于300万元" in text
    assert "牵头 呼和浩特市科学技术局" in text and "配合 呼和浩特市发展和改革委员会" in text
    assert "申立苗 0471-6373671" in dom.text_content()
    assert get(base + "/-/policy/document/999999")[0] == 404


def test_the_version_page_is_the_diff_against_the_version_before(server):
    base, _, db = server
    new = _id(db, "law-guojia-keji-jiangli-tiaoli-2024.txt")
    status, page = get(base + f"/-/policy/version/{new}")
    assert status == 200
    assert "law-guojia-keji-jiangli-tiaoli-2020.txt" in page and "law-guojia-keji-jiangli-tiaoli-2024.txt" in page
    assert 'class="change modified' in page and f"/-/policy/document/{new}" in page
    first = _id(db, "law-guojia-keji-jiangli-tiaoli-2020.txt")
    assert get(base + f"/-/policy/version/{first}")[0] == 404          # no version before the first
    assert get(base + f"/-/policy/version/{first}?against={new}")[0] == 200


def test_it_listens_on_127_0_0_1_only(server):
    _, port, _ = server
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", port), timeout=5).close()


PAGES = {
    "index": "/policy",
    "documents": "/policy/documents?_sort_desc=year",
    "money-query": "/policy/money_at_least_1m",
}


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install -y chromium)")
def test_the_pages_render_in_headless_chromium(server, tmp_path):
    base, _, db = server
    pages = {**PAGES, "document": f"/-/policy/document/{_id(db, 'hohhot-2024-keji-qiangshi-draft.txt')}",
             "version": f"/-/policy/version/{_id(db, 'law-guojia-keji-jiangli-tiaoli-2024.txt')}"}
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'chr'}"]
    seen = {}
    for name, path in pages.items():
        dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", base + path], capture_output=True, text=True,
                             timeout=120).stdout
        seen[name] = lxml_html.fromstring(dom)
        png = tmp_path / f"{name}.png"
        subprocess.run([CHROMIUM, *flags, "--hide-scrollbars", "--window-size=1280,900", f"--screenshot={png}",
                        base + path], capture_output=True, timeout=120)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000, name
    labels = [e.text_content() for e in seen["documents"].find_class("zh-label")]
    assert "意见反馈截止" in labels and "发布机关" in labels          # the script ran in the browser
    assert seen["documents"].find_class("facet-info") or "issuer" in seen["documents"].text_content()
    assert "不低于300万元" in seen["document"].text_content()
    assert "修订对照" in seen["version"].text_content()       # the diff report, in Chinese
