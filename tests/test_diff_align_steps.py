"""Each alignment step on its own, on excerpts of real version pairs of the corpus.

Every expected pair was read off the two texts (quoted in the comments); the steps before
the one under test run first, as `align_level` runs them, so each test shows what its
step adds to the state it is handed.
"""
from __future__ import annotations

from pathlib import Path

from alignment_gold import SHANGHAI
from conftest import ingested

from pipeline.diff.align import align
from pipeline.diff.align.anchors import anchors
from pipeline.diff.align.containers import align_containers
from pipeline.diff.align.content import content
from pipeline.diff.align.exact import exact
from pipeline.diff.align.gaps import gaps, same_place
from pipeline.diff.align.headings import headings
from pipeline.diff.align.items import align_items
from pipeline.diff.align.level import align_level
from pipeline.diff.align.pieces import pieces
from pipeline.diff.align.splits import split_merge
from pipeline.diff.align.state import AlignState, Link, at_level
from pipeline.diff.align.thresholds import GAP_SCORE, SLOT_CONTAINED
from pipeline.diff.align.topics import contexts, topics
from pipeline.diff.units import extract_units

ZHIAN = ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt")
SHOUYANG = ("law-shouyang-dengji-banfa-2019.txt", "law-shouyang-dengji-banfa-2023.txt")
ORGAN = ("law-renti-qiguan-yizhi-tiaoli-2007.txt", "law-renti-qiguan-juanxian-yizhi-tiaoli-2023.txt")
LIUHE = ("liuhe-zhongdian-chanye-shishi-yijian-old.html", "liuhe-zhongdian-chanye-shishi-yijian-2023.html")


def units(name: str):
    return extract_units(ingested(name))


def articles(name: str, first: int | None = None, last: int | None = None):
    """The clause units of a document, or only its articles first..last."""
    found = at_level(units(name), "clause")
    if first is None:
        return found
    return [u for u in found if u.node.ordinal is not None and first <= u.node.ordinal <= last]


def start(pair, old_range=(None, None), new_range=(None, None), with_contexts=False) -> AlignState:
    old, new = pair
    ctx = (contexts(units(old)), contexts(units(new))) if with_contexts else None
    return AlignState.start(articles(old, *old_range), articles(new, *new_range), ctx)


def paired(state: AlignState) -> dict[str, tuple[str, str]]:
    """Old node id -> (new node id, step) for every one-to-one pair."""
    return {state.old[i].node.id: (state.new[j].node.id, state.how[i]) for i, j in state.pairs.items()}


def grouped(state: AlignState) -> list[tuple[list[str], list[str], str]]:
    return [([state.old[i].node.id for i in o], [state.new[j].node.id for j in n], h) for o, n, h in state.groups]


def text_steps(state: AlignState) -> None:
    """The steps before split and merge, in `align_level`'s order."""
    exact(state)
    same_place(state)
    if headings(state):
        same_place(state)
    content(state)


def test_exact_pairs_identical_text_wherever_it_stands():
    # 收养登记办法 2023 inserted art3 (坚持中国共产党的领导); old art3 and art4 came back
    # one place down, art3 differing only in the width of its brackets (（组织作监护人的…）).
    state = start(SHOUYANG, (2, 4), (2, 5))
    exact(state)
    assert paired(state) == {"art2": ("art2", "exact"), "art3": ("art4", "exact"), "art4": ("art5", "exact")}
    assert [state.new[j].node.id for j in state.free_new()] == ["art3"]


def test_exact_leaves_reworded_articles_to_the_later_steps():
    # art1: 根据《中华人民共和国收养法》 -> 根据《中华人民共和国民法典》
    state = start(SHOUYANG, (1, 2), (1, 2))
    exact(state)
    assert paired(state) == {"art2": ("art2", "exact")}


def test_anchors_are_the_longest_chain_in_order_and_leave_the_moved_article_out():
    # 治安管理处罚法: 2012 art6 (各级人民政府应当加强社会治安综合治理) moved up to 2025 art2;
    # 2012 art1-5 became 2025 art1, art3-6; art7 stayed.
    state = start(ZHIAN, (1, 7), (1, 7))
    ids = {"art1": 0, "art2": 2, "art3": 3, "art4": 4, "art5": 5, "art6": 1, "art7": 6}
    pairs = {i: ids[u.node.id] for i, u in enumerate(state.old)}
    chain = anchors(pairs, [u.key for u in state.old])
    assert chain == [(0, 0), (1, 2), (2, 3), (3, 4), (4, 5), (6, 6)]
    mirrored = anchors({j: i for i, j in pairs.items()}, [u.key for u in state.new])
    assert mirrored == sorted((j, i) for i, j in chain)


def test_same_place_pairs_reworded_articles_between_anchors():
    # 收养法 -> 民法典 (art1, art7->8, art10->11), 计划生育部门…无子女的证明 -> 卫生健康主管部门…
    # 生育情况证明 (art5->6), 收养法规定 -> 民法典规定 (art6->7); the inserted art3 stays free.
    state = start(SHOUYANG)
    exact(state)
    same_place(state)
    position = {old: new for old, (new, how) in paired(state).items() if how == "position"}
    assert position == {"art1": "art1", "art5": "art6", "art6": "art7", "art7": "art8", "art10": "art11"}
    assert [state.new[j].node.id for j in state.free_new()] == ["art3"]
    assert not gaps(state)


def test_the_last_unit_left_in_a_stretch_pairs_on_containment_alone():
    # 本法自2006年3月1日起施行。…《治安管理处罚条例》同时废止。 -> 本法自2026年1月1日起施行。
    state = start(ZHIAN, (118, 119), (143, 144))
    exact(state)
    assert paired(state) == {"art118": ("art143", "exact")}
    score, contained = state.scorer.measure(state.old[1].key, state.new[1].key)
    assert score < GAP_SCORE and contained >= SLOT_CONTAINED
    assert gaps(state)
    assert paired(state)["art119"] == ("art144", "position")


def test_content_pairs_a_moved_article_the_same_place_step_left():
    state = start(ZHIAN, (1, 7), (1, 7))
    exact(state)
    same_place(state)
    assert "art6" not in paired(state)
    content(state)
    assert paired(state)["art6"] == ("art2", "content")


def test_content_pairs_across_places_best_first():
    # 2012 art6 -> 2025 art2 (社会治安综合治理) and art49 -> art58 (盗窃、诈骗、哄抢、抢夺), crossed.
    state = start(ZHIAN, (6, 6), (2, 2))
    state = AlignState.start(state.old + articles(ZHIAN[0], 49, 49), articles(ZHIAN[1], 58, 58) + state.new)
    content(state)
    assert paired(state) == {"art6": ("art2", "content"), "art49": ("art58", "content")}


def test_headings_pair_measures_whose_lead_in_headings_match():
    # 柳河 重点产业: 药品品种引进支持 -> 鼓励药品品种开发和引进, 企业品牌建设奖励补助 ->
    # 鼓励企业标准创制和品牌建设, 支持企业并购重组 -> 鼓励企业兼并重组.
    state = start(LIUHE)
    exact(state)
    same_place(state)
    before = paired(state)
    assert headings(state)
    added = {old: pair for old, pair in paired(state).items() if old not in before}
    assert added == {"p2.m3": ("art8", "heading"), "p2.m7": ("art10", "heading"), "p2.m10": ("art16", "heading")}


def test_split_one_article_into_two():
    # 2012 art49 盗窃、诈骗、哄抢、抢夺、敲诈勒索或者故意损毁公私财物的 -> 2025 art58 (盗窃…敲诈勒索)
    # and art59 (故意损毁公私财物的).
    state = start(ZHIAN, (49, 49), (58, 59))
    text_steps(state)
    assert paired(state) == {"art49": ("art58", "position")}
    split_merge(state)
    assert paired(state) == {}
    assert grouped(state) == [(["art49"], ["art58", "art59"], "split")]


def test_merge_two_articles_into_one_among_their_neighbours():
    # 2012 art77 (应当及时受理，并进行登记) + art78 (应当立即进行调查；认为不属于…说明理由) ->
    # 2025 art90 (应当立即立案并进行调查；认为不属于…说明理由). Around them: art74 -> art87
    # (通风报信), art75 -> art89 (饲养动物), art79 = art91; old art76 and art80 and new art88
    # (噪声), art92, art93 have no counterpart in the excerpt.
    state = start(ZHIAN, (74, 80), (87, 93))
    text_steps(state)
    split_merge(state)
    assert paired(state) == {"art74": ("art87", "position"), "art75": ("art89", "position"),
                             "art79": ("art91", "exact")}
    assert grouped(state) == [(["art77", "art78"], ["art90"], "merge")]


def test_topics_pair_reworded_articles_as_a_reader_does():
    # 上海市科学技术进步条例 2010 -> 2024, a full revision: every pair the topic step makes is in
    # the table made by reading both texts (tests/alignment_gold.py), e.g. 本市安排自然科学资金 ->
    # 市人民政府设立自然科学基金 is not found by text, 科技与金融结合 -> 科技金融 is.
    state = start((SHANGHAI.old_name, SHANGHAI.new_name), with_contexts=True)
    text_steps(state)
    split_merge(state)
    topics(state)
    made = {(state.old[i].node.ordinal, state.new[j].node.ordinal) for i, j in state.pairs.items()
            if state.how[i] == "topic"}
    readers = {(o, n) for o, n, _ in SHANGHAI.required + SHANGHAI.acceptable}
    assert made <= readers, made - readers
    assert {(12, 16), (16, 19), (18, 17), (20, 21), (22, 25), (38, 41)} <= made


def test_topics_join_a_leftover_to_the_pair_it_completes():
    # 2010 art5 (市人民政府领导…) paired with 2024 art4 by content; art6 (科学技术行政部门综合管理)
    # is the third paragraph of art4: the pair becomes a merge.
    state = start((SHANGHAI.old_name, SHANGHAI.new_name), with_contexts=True)
    text_steps(state)
    split_merge(state)
    assert paired(state)["art5"] == ("art4", "content")
    topics(state)
    assert (["art5", "art6"], ["art4"], "merge") in grouped(state)
    assert "art5" not in paired(state)


def test_topics_pair_a_rewritten_article_by_its_content_words():
    # 人体器官移植条例 2007 art6 国家通过建立人体器官移植工作体系… -> 2023 art3 国家建立人体器官
    # 捐献和移植工作体系…; art3 (不得买卖人体器官) = new art6, art5 -> art7 (举报).
    state = start(ORGAN, (3, 6), (3, 7), with_contexts=True)
    text_steps(state)
    split_merge(state)
    assert "art6" not in paired(state)
    topics(state)
    assert paired(state)["art6"] == ("art3", "topic")


def test_pieces_follow_a_paragraph_that_became_an_article():
    # 2007 art4, second paragraph 各级红十字会依法参与人体器官捐献的宣传等工作 -> 2023 art5
    # 红十字会依法参与、推动人体器官捐献工作…宣传动员…; its first paragraph -> 2023 art4.
    state = start(ORGAN, (3, 6), (3, 7), with_contexts=True)
    text_steps(state)
    split_merge(state)
    topics(state)
    assert paired(state)["art4"] == ("art4", "content")
    pieces(state)
    assert grouped(state) == [(["art4"], ["art4", "art5"], "split")]
    assert paired(state) == {"art3": ("art6", "exact"), "art5": ("art7", "position"), "art6": ("art3", "topic")}


def test_containers_follow_where_their_articles_went():
    # 人体器官移植条例: 第三章 人体器官的移植 -> 第三章 人体器官的获取和移植 (retitled, its articles
    # went there); the other chapters kept their titles.
    old, new = units(ORGAN[0]), units(ORGAN[1])
    clause_links = align_level(at_level(old, "clause"), at_level(new, "clause"), split=True,
                               contexts=(contexts(old), contexts(new)))
    found = {(tuple(old[i].node.title for i in link.old), tuple(new[j].node.title for j in link.new), link.how)
             for link in align_containers(old, new, clause_links)}
    assert found == {
        (("总则",), ("总则",), "exact"),
        (("人体器官的捐献",), ("人体器官的捐献",), "exact"),
        (("人体器官的移植",), ("人体器官的获取和移植",), "structure"),
        (("法律责任",), ("法律责任",), "exact"),
        (("附则",), ("附则",), "exact"),
    }


def test_items_are_paired_inside_their_clauses_with_a_split():
    # 2012 art19 -> 2025 art20: (一)情节特别轻微的 -> (一)情节轻微的; (二)主动消除或者减轻违法后果，
    # 并取得被侵害人谅解的 -> (二)主动消除或者减轻违法后果的 + (三)取得被侵害人谅解的;
    # (三)-(五) unchanged as (四)-(六).
    old, new = units(ZHIAN[0]), units(ZHIAN[1])
    i = next(u.index for u in old if u.node.id == "art19")
    j = next(u.index for u in new if u.node.id == "art20")
    found = [([old[x].node.id for x in link.old], [new[y].node.id for y in link.new], link.how)
             for link in align_items(old, new, [Link((i,), (j,), "position")])]
    assert sorted(found) == sorted([
        (["art19.i1"], ["art20.i1"], "position"),
        (["art19.i2"], ["art20.i2", "art20.i3"], "split"),
        (["art19.i3"], ["art20.i4"], "exact"),
        (["art19.i4"], ["art20.i5"], "exact"),
        (["art19.i5"], ["art20.i6"], "exact"),
    ])


def test_every_unit_is_in_exactly_one_link():
    old, new = units(ZHIAN[0]), units(ZHIAN[1])
    links = align(old, new)
    assert sorted(i for link in links for i in link.old) == list(range(len(old)))
    assert sorted(j for link in links for j in link.new) == list(range(len(new)))


def test_the_package_keeps_the_names_its_callers_import():
    from pipeline.diff.align import Link as PublicLink
    from pipeline.diff.align import _words, similarity

    assert PublicLink is Link and similarity("收养法", "收养法") == 1.0
    assert _words("收养登记机关办理登记")["登记"] == 2


def test_no_module_of_the_diff_is_over_400_lines():
    root = Path(__file__).resolve().parents[1] / "pipeline" / "diff"
    sizes = {p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in root.rglob("*.py")}
    assert "align/state.py" in sizes
    assert {name: n for name, n in sizes.items() if n > 400} == {}
