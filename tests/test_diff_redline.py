"""Word-level redline: amounts and percentages are one token, widths never count."""
import pytest

from pipeline.diff.redline import redline, tokenize


def changes(old, new):
    return [(op.op, op.old, op.new) for op in redline(old, new) if op.op != "equal"]


@pytest.mark.parametrize("old,new,expected", [
    # Hohhot measure 3 / 反不正当竞争法 第二十四条 / 国发〔2019〕6号 style rates
    ("连续3年每年给予不低于300万元科技经费支持", "连续3年每年给予不低于200万元科技经费支持", [("replace", "300万元", "200万元")]),
    ("处十万元以上三百万元以下的罚款", "处十万元以上五百万元以下的罚款", [("replace", "三百万元", "五百万元")]),
    ("按照研发投入年增量的10%给予科技经费支持", "按照研发投入年增量的15%给予科技经费支持", [("replace", "10%", "15%")]),
    ("担保费率不超过百分之一", "担保费率不超过百分之一点五", [("replace", "百分之一", "百分之一点五")]),
    ("处五日以上十日以下拘留", "处十日以上十五日以下拘留", [("replace", "五日", "十日"), ("replace", "十日", "十五日")]),
])
def test_amounts_change_as_one_replacement(old, new, expected):
    assert changes(old, new) == expected


def test_width_and_punctuation_variants_are_not_changes():
    assert changes("违反国家规定,侵入计算机信息系统的;处五日以下拘留.", "违反国家规定，侵入计算机信息系统的；处五日以下拘留。") == []


def test_tokens_rebuild_the_text_and_keep_amounts_whole():
    text = "对新获批的国家级、自治区级科技企业孵化器一次性分别给予不低于100万元、50万元科技经费支持。"
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert "100万元" in tokens and "50万元" in tokens


def test_insertions_and_deletions_are_whole_words():
    assert changes("报国务院批准", "报党中央、国务院批准") == [("insert", "", "党中央、")]
    assert changes("国家最高科学技术奖由国务院颁发", "国家最高科学技术奖颁发") == [("delete", "由国务院", "")]


def test_words_added_to_jieba_do_not_change_the_diff():
    """The diff cuts with a tokenizer of its own: registering unit names with jieba (in a child
    process, to leave this one's jieba alone) changes jieba's words but not the diff's."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    text = "由呼和浩特市人力资源和社会保障局会同呼和浩特金山高新技术产业开发区办理"
    code = ("import json, sys, jieba; from pipeline.diff.redline import tokenize; "
            "from pipeline.diff.align import _words; "
            "from pipeline.extract.aliases import builtin_aliases; "
            "from pipeline.extract.unitnames import register_with_jieba; t = sys.argv[1]; "
            "before = (tokenize(t), sorted(_words(t))); _words.cache_clear(); "
            "register_with_jieba(builtin_aliases(), (t[1:16], t[18:33])); "
            "print(json.dumps([before, (tokenize(t), sorted(_words(t))), jieba.lcut(t)]))")
    out = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    before, after, global_words = json.loads(out.stdout)
    assert "呼和浩特市人力资源和社会保障局" in global_words
    assert after == before
    assert "呼和浩特市人力资源和社会保障局" not in before[0]


def test_a_list_of_amounts_raised_together_reads_place_by_place():
    # tiers 100/50/20万元 -> 200/100/50万元: not "200万元、" inserted and "、20万元" dropped
    assert changes("分别给予100万元、50万元、20万元奖励", "分别给予200万元、100万元、50万元奖励") == [
        ("replace", "100万元", "200万元"), ("replace", "50万元", "100万元"), ("replace", "20万元", "50万元")]


def test_an_amount_added_to_a_list_is_an_insertion_and_the_others_stay():
    assert changes("给予10万元、20万元补助", "给予10万元、15万元、20万元补助") == [("insert", "", "15万元、")]
    assert changes("给予10万元、20万元补助", "给予20万元补助") == [("delete", "10万元、", "")]
