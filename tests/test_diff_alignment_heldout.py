"""Article pairing, pooled over the calibration pairs and over the held-out pairs (alignment_split.py).

The figures are printed (`pytest -s`) and stated in the README. The floors sit a little under what
was measured when the held-out pairs went in (calibration P 1.000 R 0.868 over 152 hand-made pairs,
reworded 0.808 over 104; held-out P 0.968 R 0.943 over 157, reworded 0.925 over 120), about three
pairs below on each side, so the restructuring of align.py may move a pair or two without failing
here, while a step that stops working on unseen laws does fail. Raise them only by measuring; never
tune a threshold on a held-out pair to lift them. What the held-out pairs showed the aligner gets
wrong is a strict xfail below, naming the step at fault.
"""
from functools import cache

import pytest
import regex
from alignment_gold import produced_pairs
from alignment_gold_heldout import MINHANG, NONGYE, SHENJI, ZHONGXIAO
from alignment_split import CALIBRATION, HELDOUT, score_set
from conftest import ROOT, ingested

from pipeline.diff import diff


@cache
def _diff(gold):
    return diff(ingested(gold.old_name), ingested(gold.new_name))


def _report(name, s):
    print(f"\n{name}: precision {s.precision:.3f}, recall {s.recall:.3f} ({s.required} hand-made pairs), "
          f"reworded recall {s.reworded_recall:.3f} ({s.reworded})")
    for p in s.pairs:
        print(f"  {p.gold.old_name} -> {p.gold.new_name}: P {p.precision:.2f} R {p.recall:.2f}"
              f"  false {sorted(p.false)}  missed {sorted(p.missed)}")


@pytest.fixture(scope="module")
def calibration():
    return score_set(CALIBRATION, _diff)


@pytest.fixture(scope="module")
def heldout():
    return score_set(HELDOUT, _diff)


def test_the_two_sets_share_no_version_pair():
    calibrated = {(g.old_name, g.new_name) for g in CALIBRATION}
    assert not calibrated & {(g.old_name, g.new_name) for g in HELDOUT}
    assert len(HELDOUT) >= 3


def test_calibration_pairing_figures(calibration):
    _report("calibration", calibration)
    assert calibration.precision >= 0.99   # measured 1.000: 136 pairs made, none false
    assert calibration.recall >= 0.85      # measured 0.868 (132 of 152)
    assert calibration.reworded_recall >= 0.78   # measured 0.808 (84 of 104)


def test_heldout_pairing_figures(heldout):
    _report("held-out", heldout)
    assert heldout.precision >= 0.95       # measured 0.968: 5 false of 158 made (4 in 民用航空法)
    assert heldout.recall >= 0.92          # measured 0.943 (148 of 157)
    assert heldout.reworded_recall >= 0.90   # measured 0.925 (111 of 120)


def test_no_heldout_pair_collapses(heldout):
    # coarse guard per pair (lowest measured: 民用航空法 P 0.83 R 0.80): a table falling under it
    # means a whole kind of document stopped aligning, which the pooled figures could hide
    for p in heldout.pairs:
        assert p.precision >= 0.75 and p.recall >= 0.75, (p.gold.old_name, sorted(p.false), sorted(p.missed))


def test_the_readme_states_the_heldout_figures(heldout):
    # the README's Version diff table; within 0.02, so it is restated when the aligner changes much
    row = regex.search(r"^\| \*\*held-out\*\*[^|]*\| \*\*([\d.]+)\*\* \| \*\*([\d.]+)\*\* \|",
                       (ROOT / "README.md").read_text(encoding="utf-8"), regex.M)
    assert row, "README: the held-out row of the pairing table is missing"
    assert abs(float(row[1]) - heldout.precision) <= 0.02 and abs(float(row[2]) - heldout.recall) <= 0.02


# What the held-out pairs showed. Each names the pair, the articles, what a reader pairs and what
# the diff does today; none was fixed by tuning on these pairs (align.py is being restructured).

@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_gaps, same place): in a penalty chapter the "
                   "sanction wording outweighs the offence. 民用航空法 old art194 (公共航空运输企业…运输危险品, "
                   "没收违法所得…罚款; 直接负责的主管人员和其他直接责任人员) is paired by position with new art241 "
                   "(不依法开展安全检查, score 0.354, contained 0.362: just over 0.35/0.3) while its successor art240 "
                   "(未经许可从事危险品航空运输活动, 0.289/0.235) is reported added")
def test_a_penalty_article_pairs_with_the_same_offence():
    pairs = produced_pairs(_diff(MINHANG))
    assert (194, 240) in pairs and (194, 241) not in pairs


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_topics, _topic_vectors): amounts count as content "
                   "words. 民用航空法 old art209 (飞行中投掷物品, 处以二千元以上二万元以下的罚款) and new art232 "
                   "(民用机场净空保护区域内从事禁止性活动, 对个人处二千元以上二万元以下的罚款) share no word but "
                   "二千元 (a twin word) and 万元, cosine 0.286, and are paired as a topic pair")
def test_a_shared_fine_alone_does_not_pair_two_articles():
    assert (209, 232) not in produced_pairs(_diff(MINHANG))


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_topics join step): an article that became one item "
                   "of a list article already paired is not joined to it (as in 人体器官 old art30 -> new art40 (三)). "
                   "民用航空法 old art209 (飞行中投掷物品) is new art236 (六) 民用航空器在飞行中违规投掷物品, beside "
                   "old art206's items; art236 is paired with art206 only (topic cosine 209-236 is 0.220, under the "
                   "0.3 join bar)")
def test_an_article_that_became_an_item_joins_the_list_article():
    assert (209, 236) in produced_pairs(_diff(MINHANG))


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_split_merge): an article whose two halves went to "
                   "two new articles that other old articles already hold is left deleted. 民用航空法 old art203 "
                   "(未取得生产许可证书、维修许可证书而从事生产、维修活动 / 未取得公共航空运输经营许可证…) is new "
                   "art227 (held by old 202) and art242 paras 1-2 (held by old 211); its containment in either is "
                   "0.18-0.23, far under the 0.55 fragment bar")
def test_an_article_split_between_two_taken_articles_is_followed():
    assert {(203, 227), (203, 242)} <= produced_pairs(_diff(MINHANG))


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_split_merge): a split follows only the parts that "
                   "kept their wording. 保障中小企业款项支付条例 old art17 (投诉) became new art24 (渠道), art25 "
                   "(转交处理) and art26 (失信惩戒, para3); the split stops at 24 and 25, and art26 is paired with old "
                   "art19 alone")
def test_every_part_of_a_three_way_split_is_followed():
    assert (17, 26) in produced_pairs(_diff(ZHONGXIAO))


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_split_merge, _topics join): a merge keeps only the "
                   "member that won the topic pair. 北京市审计条例 old art21 (审计结果 作为编制预算、绩效考核的重要依据) "
                   "and art24 (经济责任审计结果 作为考核、任免的依据) became new art18 (考核、任免、奖惩…重要参考; "
                   "纳入绩效考核); 24 -> 18 is a topic pair, old art21 is reported deleted (contained 0.259)")
def test_a_reworded_member_of_a_merge_is_followed():
    assert (21, 18) in produced_pairs(_diff(SHENJI))


@pytest.mark.xfail(strict=True, reason="pipeline/diff/align.py (_topics): in a full rewrite the topic pair follows "
                   "incidental shared words. 上海市促进农业科技进步若干规定 new art6 (企业主体地位; 高等学校、科研机构… "
                   "开展农业科技创新; 资源、平台、信息等开放共享) is the successor of old art7 (支持科研院所、高等学校、"
                   "企业…开展现代农业科技研究); it is paired with old art11 (农业科技信息平台) through 信息, 平台, 研发 "
                   "(cosine 0.209 against 0.183), and old art7 is reported deleted")
def test_a_rewritten_article_pairs_by_its_subject():
    pairs = produced_pairs(_diff(NONGYE))
    assert (7, 6) in pairs and (11, 6) not in pairs
