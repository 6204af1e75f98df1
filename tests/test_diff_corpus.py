"""Article pairings on the real version pairs, checked by reading both texts.

Each expectation below was read off the two texts (the comment says what the
article is about); the program's output was never copied.
"""
import pytest
from conftest import ingested

from pipeline.diff import diff, diff_chain


def article_map(result):
    """{old article ordinals: new article ordinals, () if deleted} for every old clause."""
    return {tuple(u.node.ordinal for u in c.old): tuple(u.node.ordinal for u in c.new)
            for c in result.changes if c.level == "clause" and c.old}


def added(result):
    return sorted(c.new[0].node.ordinal for c in result.changes if c.level == "clause" and c.status == "added")


def entry(result, old_id=None, new_id=None):
    return next(c for c in result.changes
                if (old_id is None or any(u.node.id == old_id for u in c.old))
                and (new_id is None or any(u.node.id == new_id for u in c.new)))


@pytest.fixture(scope="module")
def jiangli():
    return diff(ingested("law-guojia-keji-jiangli-tiaoli-2020.txt"), ingested("law-guojia-keji-jiangli-tiaoli-2024.txt"))


def test_keji_jiangli_small_amendment(jiangli):
    # 2024 amendment: 国务院设立 -> 国家设立 (2); 坚持国家战略导向 (3); 党中央集中统一领导 and a new
    # sentence (4); 报党中央、国务院批准 (7, 21, 25, 30); 由国务院 dropped twice (22). Nothing renumbered.
    assert article_map(jiangli) == {(n,): (n,) for n in range(1, 39)}
    modified = sorted(c.old[0].node.ordinal for c in jiangli.changes if c.level == "clause" and c.status == "modified")
    assert modified == [2, 3, 4, 7, 21, 22, 25, 30]
    assert not any(c.renumbered or c.moved for c in jiangli.changes)
    art2 = entry(jiangli, "art2")
    assert [(op.op, op.old, op.new) for op in art2.redline if op.op != "equal"] == [("replace", "国务院", "国家")]


@pytest.fixture(scope="module")
def zhian_final():
    return diff(ingested("law-zhian-chufa-draft2.txt"), ingested("law-zhian-chufa-2025.txt"))


def test_zhian_draft2_to_2025_every_article(zhian_final):
    # 2025 inserts art48 (minors in 有偿陪侍); draft art46 (school bullying) moves to art60 in the
    # minors' section with a new first paragraph; draft 47/48 (drones, forced performances) move up one;
    # draft 32 (radio interference) is rewritten in place; draft 133 (公职人员 通报) rewritten as 134.
    expected = {}
    for n in range(1, 144):
        expected[(n,)] = {46: (60,), 47: (46,), 48: (47,)}.get(n, (n,) if n <= 59 else (n + 1,))
    assert article_map(zhian_final) == expected
    assert added(zhian_final) == [48]
    assert entry(zhian_final, "art46").moved and entry(zhian_final, "art46").renumbered
    assert not entry(zhian_final, "art47").moved


def test_zhian_draft_pdf_line_breaks_and_half_width_punctuation_are_formatting(zhian_final):
    # draft art1 differs from 2025 art1 only by PDF line breaks, half-width commas and '.' for '。'
    assert entry(zhian_final, "art1").status == "formatting"
    assert entry(zhian_final, "art1").redline is None


@pytest.fixture(scope="module")
def zhian_chain():
    return diff_chain([ingested("law-zhian-chufa-2012.txt"), ingested("law-zhian-chufa-draft2.txt"),
                       ingested("law-zhian-chufa-2025.txt")])


def test_zhian_2012_to_draft2_splits_merges_and_deletions(zhian_chain):
    step = zhian_chain.steps[0]
    m = article_map(step)
    assert m[(49,)] == (58, 59)        # 盗窃…或者故意损毁公私财物 split: theft (58), damage (59)
    assert entry(step, "art49").status == "split"
    assert m[(77, 78)] == (89,)        # 受理 and 调查 of reports merged into one article
    assert entry(step, "art77").status == "merged"
    for gone in (61, 62, 76):          # 偷越国(边)境 x2, 强制性教育措施: dropped
        assert m[(gone,)] == ()
    assert m[(28,)] == (32,)           # 无线电 interference, rewritten
    assert m[(58,)] == (87,)           # 社会生活噪声, rewritten
    assert m[(119,)] == (143,)         # 本法自…起施行
    assert m[(6,)] == (2,)             # 综合治理 moved to the front
    assert m[(1,)] == (1,) and m[(2,)] == (3,) and m[(118,)] == (142,)


def test_zhian_chain_overall_agrees_with_its_steps(zhian_chain):
    overall = article_map(zhian_chain.overall)
    assert overall[(49,)] == (58, 59)
    assert overall[(77, 78)] == (90,)
    assert overall[(28,)] == (32,)
    assert overall[(119,)] == (144,)
    first, second = (article_map(step) for step in zhian_chain.steps)
    composed = {old: tuple(n for d in mid for n in second[(d,)]) for old, mid in first.items()}
    assert overall == composed
    assert added(zhian_chain.overall) == sorted(
        {second[(d,)][0] for d in added(zhian_chain.steps[0])} | set(added(zhian_chain.steps[1])))
    assert overall[(61,)] == () and overall[(62,)] == ()
    assert len(zhian_chain.steps) == 2
    assert zhian_chain.overall.old.source.name == "law-zhian-chufa-2012.txt"
    assert zhian_chain.overall.new.source.name == "law-zhian-chufa-2025.txt"


def test_fan_buzhengdang_2019_to_2025_every_article():
    result = diff(ingested("law-fan-buzhengdang-jingzheng-2019.txt"), ingested("law-fan-buzhengdang-jingzheng-2025.txt"))
    # new in 2025: 3 (党的领导), 14 (平台 低于成本), 15 (大型企业 滥用优势), 18 (约谈), 21 (平台 规则),
    # 29 (网络 penalty), 31 (优势地位 penalty), 40 (境外); everything else keeps its order.
    shift = {**{n: n for n in (1, 2)}, **{n: n + 1 for n in range(3, 13)}, **{n: n + 3 for n in (13, 14)},
             **{n: n + 4 for n in (15, 16)}, **{n: n + 5 for n in range(17, 24)}, 24: 30,
             **{n: n + 7 for n in range(25, 33)}, 33: 41}
    assert article_map(result) == {(o,): (n,) for o, n in shift.items()}
    assert added(result) == [3, 14, 15, 18, 21, 29, 31, 40]


def test_beijing_2020_to_2024_merges():
    result = diff(ingested("law-beijing-youhua-yingshang-tiaoli-2020.txt"),
                  ingested("law-beijing-youhua-yingshang-tiaoli-2024.txt"))
    m = article_map(result)
    assert m[(77, 80)] == (84,)   # 破产管理人 查询 (77) and 协会自律 (80) now one article
    assert m[(65, 66)] == (74,)   # 听取意见 (65) and 三十日适应调整期 (66) now one article
    assert m[(6,)] == (7,) and m[(7,)] == (8,)  # new art6 pushes the rest down
    assert m[(82,)] == (93,)


def test_shanghai_full_revision_keeps_the_articles_that_survived():
    result = diff(ingested("law-shanghai-keji-jinbu-tiaoli-2010.txt"),
                  ingested("law-shanghai-keji-jinbu-tiaoli-2024.txt"))
    m = article_map(result)
    assert m[(1,)] == (1,)      # 为了促进科学技术进步…
    assert m[(11,)] == (6,)     # 本市设立科学技术奖
    assert m[(27, 29)] == (39,)  # 基础条件资源调查 + 研发公共服务平台 (资源信息查询、推介等服务)
    assert m[(37,)] == (36,)    # 政府投入为引导…经费投入体制
    assert m[(49,)] == (47,)    # 本条例自…起施行
    assert m[(5, 6)] == (4,)    # 市人民政府 领导…; 科学技术行政部门 统筹协调, 其他部门各自职责
    assert m[(23,)] == (28,)    # 兼职、岗位流动等多种方式 实行人才交流
    assert m[(44,)] == () and m[(46,)] == ()   # the old 法律责任 chapter is gone


def test_liuhe_policy_pair():
    # The 2023 policy rewrites the old measures as numbered articles: most keep their topic,
    # some are regrouped (乡镇招商 moves to its own section), two are dropped, the closing
    # part is split into three articles.
    result = diff(ingested("liuhe-zhongdian-chanye-shishi-yijian-old.html"),
                  ingested("liuhe-zhongdian-chanye-shishi-yijian-2023.html"))
    pairs = {tuple(u.node.id for u in c.old): tuple(u.node.id for u in c.new)
             for c in result.changes if c.level == "clause" and c.old}
    # 四、组织保障 became the part 三、组织保障 holding art20 (成立…领导小组, shortened to a third)
    assert pairs.pop(("p4",)) == ("art20",)
    assert pairs == {
        ("p1",): ("art1",),              # 不低于1亿元的重点产业发展引导资金
        ("p2.a1.m1",): ("art2",),        # 固定资产投资 支持
        ("p2.a1.m2",): ("art3",),        # 重大项目 一事一议
        ("p2.a1.m3",): ("art4",),        # 绩效支持奖励 -> 绩效奖励
        ("p2.a1.m4",): ("art19",),       # 各乡镇招商的固定资产投资项目
        ("p2.m2",): ("art7",),           # 新产品研发支持 -> 鼓励企业产品研发
        ("p2.m3",): ("art8",),           # 药品品种引进支持 -> 鼓励药品品种开发和引进
        ("p2.m4",): (),                  # 医药企业政策过渡期补助 (两票制): dropped
        ("p2.m5",): ("art17",),          # 种植基地建设奖励补助
        ("p2.m6",): ("art9",),           # 企业科技创新奖励补助 -> 鼓励企业科技创新
        ("p2.m7",): ("art10",),          # 企业品牌建设 -> 标准创制和品牌建设
        ("p2.m8",): ("art15",),          # 挂牌上市
        ("p2.m9",): ("art14",),          # 企业升规 -> 升级入统
        ("p2.m10",): ("art16",),         # 并购重组 -> 兼并重组
        ("p2.m11",): (),                 # 强化金融支持 (助保金池): dropped
        ("p3",): ("art22",),             # 政策兑现: 审核批准后 依据《…管理办法》 兑现
        ("p5",): ("art24", "art25", "art26"),  # 相抵触 / 就高不重复 / 施行 each its own article
    }


def test_zhian_draft2_to_2025_items(zhian_final):
    # Items read off both texts. Draft art71 (妨害执法) loses (四) 明知是犯罪的人而为其提供隐藏处所
    # and its (五) 被依法执行管制… becomes 2025 art72 (四) unchanged; art51 (二) raises 六十周岁 to
    # 七十周岁; draft art53's items sit in its second paragraph, 2025 art53's in its only one, with
    # 或者其监护人 added to (一); draft art32 (无线电) had no items, 2025 art32 has three.
    items = {(tuple(u.node.id for u in c.old), tuple(u.node.id for u in c.new)): c
             for c in zhian_final.changes if c.level == "item"}
    assert items[(("art71.i4",), ())].status == "deleted"
    assert items[(("art71.i5",), ("art72.i4",))].status == "formatting"
    assert [(op.op, op.old, op.new) for op in items[(("art51.para2.i2",), ("art51.para2.i2",))].redline
            if op.op != "equal"] == [("replace", "六十", "七十")]
    assert [(op.op, op.new) for op in items[(("art53.para2.i1",), ("art53.i1",))].redline
            if op.op != "equal"] == [("insert", "或者其监护人")]
    assert items[(("art53.para2.i3",), ("art53.i3",))].status == "formatting"
    assert {k[1] for k in items if not k[0] and k[1][0].startswith("art32.")} == {("art32.i1",), ("art32.i2",), ("art32.i3",)}
    # PDF line breaks inside an item are no change: every modified item has a real redline edit
    for c in items.values():
        if c.status == "modified":
            assert any(op.op != "equal" and (op.old or op.new).strip() for op in c.redline)


def test_zhian_an_item_split_in_two_is_one_change(zhian_chain):
    # 2012 art19 (二) 主动消除或者减轻违法后果，并取得被侵害人谅解的 -> 2025 art20 (二) and (三)
    change = entry(zhian_chain.overall, "art19.i2")
    assert change.status == "split"
    assert [u.node.id for u in change.new] == ["art20.i2", "art20.i3"]
