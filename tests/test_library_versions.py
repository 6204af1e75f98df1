"""Policies and versions: families by title and issuer, declared chains, any order of adding, moves."""
from __future__ import annotations

import random

import pytest
from conftest import CORPUS, ingested
from library_corpus import VERSIONS, canonical, chain_names, connect, corpus_library

from pipeline import api
from pipeline.library import add, chains, families, schema, versions
from pipeline.load import load_bytes

CHAIN_FILES = sorted({name for chain in chain_names() for name in chain})
# The chains whose versions carry the same title and a compatible issuer (read off each pair's
# first lines, or for the laws without a title line, corpus/METADATA.tsv: 治安管理处罚法, 反不正当竞争法,
# 民用航空法); the others have no title (the old 柳河 意见: the file name stands in) or a new name
# (人体器官移植条例 -> 人体器官捐献和移植条例).
BY_TITLE = ["law-beijing-shenji", "law-beijing-shuifa", "law-beijing-youhua", "law-guojia-keji", "law-jingyingzhe",
            "law-shanghai-keji", "law-shanghai-nongye", "law-shouyang", "law-wangba", "law-zhongxiao"]


# Same title from corpus/METADATA.tsv, but no date in the texts or the table.
UNDATED = ["law-fan-buzhengdang", "law-minyong-hangkong", "law-zhian-chufa"]


@pytest.mark.parametrize("a, b", [
    ("关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）", "呼和浩特市人民政府关于印发《关于建设科技强市促进首府高质量发展的实施意见》的通知"),
    ("中华人民共和国治安管理处罚法（修订草案第二次审议稿）", "中华人民共和国治安管理处罚法"),
    ("网络平台道路货物运输经营管理办法(征求意见稿)", "网络平台道路货物运输经营管理办法"),
    ("中华人民共和国民用航空法（修订草案）（征求意见稿）", "中华人民共和国民用航空法"),
    ("国务院关于印发国家职业教育改革实施方案的通知", "国家职业教育改革实施方案"),
])
def test_a_title_without_its_status_words_names_the_family(a, b):
    assert families.family_key(a) == families.family_key(b) is not None


def test_different_titles_and_headings_name_no_common_family():
    assert families.family_key("人体器官移植条例") != families.family_key("人体器官捐献和移植条例")
    assert families.family_key("第一章　总则") is None      # a heading taken for a title
    untitled = ingested("sichuan-2014-zhuanfa-duzha-tongzhi.html")     # its file name stands in (W201)
    assert untitled.title == "sichuan-2014-zhuanfa-duzha-tongzhi" and families.stated_title(untitled) is None
    assert families.family_key(None) is None


@pytest.mark.parametrize("a, b, same", [
    ("北京市第十三届人民代表大会常务委员会", "北京市第十六届人民代表大会常务委员会", True),
    ("国务院", "中华人民共和国国务院", True),
    ("呼和浩特市科学技术局", "内蒙古自治区呼和浩特市人民政府", True),
    ("中共柳河县委 柳河县人民政府", "柳河县人民政府", True),
    ("国务院", None, True),
    ("北京市第十五届人民代表大会常务委员会", "上海市第十六届人民代表大会常务委员会", False),
    ("国务院", "北京市人民政府", False),
])
def test_issuers_are_compatible_when_they_could_issue_one_policy(a, b, same):
    assert families.compatible(a, b) is same and families.compatible(b, a) is same


def test_drafts_come_before_the_final_text_of_the_same_date():
    assert families.status_rank("征求意见稿") < families.status_rank("送审稿") < families.status_rank("草案") \
        < families.status_rank("修订草案第二次审议稿") < families.status_rank(None) == families.status_rank("试行")


def _library(tmp_path, name, docs, declared=True):
    conn = schema.connect(tmp_path / name)
    load = versions.Loader(conn)
    if declared:
        chains.declare(conn, VERSIONS, load)
    results = add.add_documents(conn, [(d, None) for d in docs], load=load)
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]
    return conn


def _hashes(names):
    return tuple(ingested(n).source.sha256 for n in names)


def test_without_declarations_the_titled_chains_attach_by_title_and_issuer(tmp_path):
    conn = _library(tmp_path, "lib.db", [ingested(n) for n in CHAIN_FILES], declared=False)
    policies = set(canonical(conn)["policies"])
    for chain in chain_names():
        if any(chain[0].startswith(stem) for stem in BY_TITLE):
            assert _hashes(chain) in policies, chain              # one policy, versions in the chain's order
        elif any(chain[0].startswith(stem) for stem in UNDATED):
            # one policy, but nothing in the texts dates them: without a declared chain, no order is claimed
            assert any(set(p) == set(_hashes(chain)) for p in policies), chain
        else:
            assert all(_hashes([n]) in policies for n in chain), chain
    assert {r[0] for r in conn.execute("SELECT attached FROM documents")} == {"new", "family"}
    conn.close()


def _orders() -> list[list[str]]:
    """A shuffle of all the chains' files, and the chains shuffled with each one's newest version
    first, then its oldest, then the middle ones (so 治安管理处罚法's draft goes between two
    versions already diffed)."""
    shuffled = CHAIN_FILES[:]
    random.Random(11).shuffle(shuffled)
    groups = [[c[-1], c[0], *c[1:-1]] for c in chain_names()]
    random.Random(29).shuffle(groups)
    return [shuffled, [n for g in groups for n in g]]


def test_the_chains_added_in_any_order_give_the_same_policies_versions_and_changes(tmp_path):
    dumps = []
    for k, order in enumerate(_orders()):
        conn = _library(tmp_path, f"lib{k}.db", [ingested(n) for n in order])
        dumps.append(canonical(conn))
        conn.close()
    assert dumps[0] == dumps[1]
    assert set(dumps[0]["policies"]) == {_hashes(chain) for chain in chain_names()}
    # the same as the corpus library, where the chains were added in their order among other documents
    full = canonical(connect(corpus_library()))
    chain_hashes = set(_hashes(CHAIN_FILES))
    assert {k: v for k, v in full["policies"].items() if set(k) <= chain_hashes} == dumps[0]["policies"]
    for key in ("changes", "fields", "parts"):
        assert [c for c in full[key] if c[0] in chain_hashes] == dumps[0][key]
    pairs = {(c[0], c[1]) for c in dumps[0]["changes"]}
    assert pairs == {(a, b) for chain in chain_names() for a, b in zip(_hashes(chain), _hashes(chain)[1:])}


def test_a_declaration_after_the_fact_gathers_the_versions(tmp_path):
    names = ["law-zhian-chufa-2025.txt", "law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt"]
    bare = tmp_path / "bare"        # the texts alone, away from corpus/METADATA.tsv: they state no title
    bare.mkdir()
    for n in names:
        (bare / n).write_bytes((CORPUS / n).read_bytes())
    conn = _library(tmp_path, "lib.db", [api.ingest_file(bare / n) for n in names], declared=False)
    assert conn.execute("SELECT count(*) FROM policies").fetchone()[0] == 3   # no title: no family
    chains.declare(conn, VERSIONS, versions.Loader(conn))
    order = [r[0] for r in conn.execute("SELECT source_name FROM documents ORDER BY policy_id, version")]
    assert order == ["law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt"]
    assert conn.execute("SELECT count(*) FROM policies").fetchone()[0] == 1
    steps = conn.execute("SELECT DISTINCT o.source_name, n.source_name FROM changes c JOIN documents o ON "
                         "o.id = c.old_document_id JOIN documents n ON n.id = c.new_document_id").fetchall()
    assert sorted(map(tuple, steps)) == [("law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt"),
                                         ("law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt")]
    conn.close()


def _variant(name: str, old: str, new: str, as_name: str):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert text.count(old) >= 1
    return api.ingest_source(load_bytes(text.replace(old, new, 1).encode("utf-8"), as_name))


def test_an_ambiguous_match_is_reported_and_version_of_settles_it(tmp_path):
    name = "law-beijing-shenji-tiaoli-2017.txt"
    adoption = "2012年7月27日 北京市第十三届人民代表大会常务委员会第三十四次会议通过"
    beijing = ingested(name)
    tianjin = _variant(name, adoption, adoption.replace("北京市", "天津市"), "tianjin-shenji.txt")
    unsigned = _variant(name, adoption, "", "unsigned-shenji.txt")
    assert beijing.title == tianjin.title == unsigned.title == "北京市审计条例"
    assert tianjin.issuer.startswith("天津市") and unsigned.issuer is None
    db = tmp_path / "lib.db"
    conn = schema.connect(db)
    first, second, third = add.add_documents(conn, [(beijing, name), (tianjin, None), (unsigned, None)])
    assert (first.policy_id, second.policy_id) == (1, 2)                   # incompatible issuers: two policies
    assert third.policy_id == 3 and "ambiguous" in third.message
    assert "policies 1 (北京市审计条例), 2 (北京市审计条例)" in third.message and "--version-of" in third.message
    assert conn.execute("SELECT attached FROM documents WHERE id = 3").fetchone()[0] == "ambiguous"
    moved = add.add_documents(conn, [(unsigned, None)], version_of=1)[0]
    assert moved.status == "moved" and moved.message.startswith("moved 3: version ")
    assert conn.execute("SELECT count(*) FROM policies").fetchone()[0] == 2  # the empty policy is gone
    assert conn.execute("SELECT policy_id, attached FROM documents WHERE id = 3").fetchone()[:] == (1, "version-of")
    assert conn.execute("SELECT count(DISTINCT new_document_id) FROM changes WHERE policy_id = 1").fetchone()[0] == 1
    conn.close()


def test_a_new_version_is_summarised_in_one_line(tmp_path):
    old, new = "law-guojia-keji-jiangli-tiaoli-2020.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt"
    results = add.add(tmp_path / "lib.db", [CORPUS / old, CORPUS / new], jobs=1)
    assert results[0].message == "added 1: new policy 1 国家科学技术奖励条例"
    line = results[1].message
    assert line.startswith("added 2: new version of 国家科学技术奖励条例 (2/2): ")
    conn = schema.connect(tmp_path / "lib.db")
    counts = versions.step_counts(conn, 2)
    stored = conn.execute("SELECT count(*) FROM changes WHERE level = 'clause' AND status = 'modified'").fetchone()[0]
    assert counts["modified"] == stored > 0
    assert line.endswith(f"{counts['modified']} modified, {counts['added']} added, {counts['deleted']} deleted, "
                         f"{counts['money_changes']} money change{'s' if counts['money_changes'] != 1 else ''}")
    conn.close()
