"""Full-text search finds exactly the clauses a plain substring scan finds, two-character words included."""
from __future__ import annotations

import pytest
from conftest import CORPUS_FILES, ingested
from library_corpus import connect, corpus_library

from pipeline.errors import InputError
from pipeline.library import search
from pipeline.library.store import walk
from pipeline.normalize import fold


@pytest.fixture(scope="module")
def lib():
    conn = connect(corpus_library())
    yield conn
    conn.close()


def _scan(*words: str, folded: bool = False) -> set[tuple[str, str]]:
    """(file, node id) of every node whose own text holds every word, read off the documents
    (`folded`: in the text's width-folded, lower-case view)."""
    found = set()
    for path in CORPUS_FILES:
        doc = ingested(path.name)
        for node, _, _, _ in walk(doc):
            own = doc.text[node.start:node.own_end]
            own = fold(own).lower() if folded else own
            if all(w in own for w in words):
                found.add((doc.source.name, node.id))
    return found


def _hits(lib, query: str, **filters) -> set[tuple[str, str]]:
    names = dict(lib.execute("SELECT id, source_name FROM documents"))
    return {(names[h.document_id], h.node_id) for h in search.search(lib, query, **filters)}


@pytest.mark.parametrize("query", ["补贴", "人才", "补", "高质量发展", "科技创新中心", "人民政府"])
def test_search_finds_every_clause_a_substring_scan_finds(lib, query):
    expected = _scan(query)
    assert len(expected) >= 2, "a query the corpus answers"
    assert _hits(lib, query) == expected


def test_two_words_must_both_occur(lib):
    assert _hits(lib, "人才 补贴") == _scan("人才", "补贴") != set()


def test_numbers_and_latin_letters_are_found_width_folded(lib):
    assert _hits(lib, "100万元") == _scan("100万元") != set()
    assert _hits(lib, "ＧＤＰ") == _hits(lib, "gdp") == _scan("gdp", folded=True) != set()


def test_the_two_character_word_is_found_where_unicode61_alone_misses_it(lib):
    # Without bigrams, FTS5's unicode61 tokenizer takes a whole run of Han characters as one token.
    lib.execute("CREATE VIRTUAL TABLE temp.plain USING fts5(text)")
    lib.execute("INSERT INTO plain (rowid, text) SELECT id, text FROM nodes")
    plain = lib.execute("SELECT count(*) FROM plain WHERE plain MATCH '补贴'").fetchone()[0]
    assert plain < len(_scan("补贴"))
    lib.execute("DROP TABLE plain")


def test_filters_by_issuer_status_and_date(lib):
    everything = search.search(lib, "人才")
    by_issuer = search.search(lib, "人才", issuer="呼和浩特")
    assert by_issuer and {h.issuer for h in by_issuer} == {"呼和浩特市科学技术局"}
    drafts = search.search(lib, "人才", status="征求意见稿")
    assert drafts and {h.status for h in drafts} == {"征求意见稿"}
    assert {h.node for h in search.search(lib, "人才", status="draft")} == {h.node for h in drafts}
    finals = search.search(lib, "人才", status="final")
    assert len(finals) + len(drafts) == len(everything)
    since = search.search(lib, "人才", since="2019")
    assert since and all(h.date and h.date >= "2019" for h in since)
    assert len(since) < len(everything)
    with pytest.raises(InputError, match="--since"):
        search.search(lib, "人才", since="last year")
    with pytest.raises(InputError, match="nothing to search for"):
        search.search(lib, "，。")


def test_snippets_come_from_the_text_with_every_hit_marked():
    text = "对新认定的国家级科技企业孵化器,给予一次性补贴100万元;对省级孵化器给予补贴50万元。"
    s = search.snippet(text, search.terms("补贴"), width=80)
    assert s == "对新认定的国家级科技企业孵化器,给予一次性**补贴**100万元;对省级孵化器给予**补贴**50万元。"
    assert search.snippet(text, ["孵化器"], width=10).startswith("…")
    assert search.grams("给予补贴。ＡＩ") == "给予 予补 补贴 贴 ai i"
