"""Property tests: money extraction never raises and every span maps back to the source."""
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.money import money_terms
from pipeline.extract.quantity import view
from pipeline.extract.support import find_support
from pipeline.extract.targets import find_targets
from pipeline.normalize import fold

PIECES = ["对", "新认定的", "企业", "，", ",", "。", "；", "给予", "不低于", "最高", "不超过", "以上", "以下",
          "及以上",
          "万元", "元", "亿元", "%", "％", "倍", "百分之", "分别", "、", "和", "一次性", "连续3年", "每年", "按照",
          "的", "罚款", "处", "至", "—", "-", "5", "１０", "0.5", "五百", "二千", "一", "十", "万", "亿", " ", "\n", "\r\n",
          "（", "）", "达到", "较2024年翻一番", "到2027年", "一定", "经费支持", "奖励", "费率", "占比"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=1000))
def test_spans_map_back_to_the_source(text, offset):
    for t in money_terms(text, offset):
        assert text[t.start - offset:t.end - offset] == t.text
        assert t.amount_yuan is not None or t.amount_min_yuan is not None or t.amount_max_yuan is not None \
            or t.rate is not None or t.rate_min is not None or t.rate_max is not None
        if t.qualifier == "range":
            money_range = (t.amount_min_yuan, t.amount_max_yuan)
            assert None not in money_range or None not in (t.rate_min, t.rate_max)
    for s in find_support(text, offset):
        assert text[s.start - offset:s.end - offset] == s.text
    for g in find_targets(text, offset):
        assert text[g.start - offset:g.end - offset] == g.text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_extraction_is_deterministic(text):
    assert money_terms(text) == money_terms(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_view_drops_only_whitespace_and_maps_each_character_back(text):
    v = view(text)
    folded = fold(text)
    kept = [v.at(i) for i in range(len(v.s))]
    assert all(folded[k] == ch for k, ch in zip(kept, v.s))
    assert kept == sorted(set(kept))
    assert all(folded[i].isspace() for i in set(range(len(text))) - set(kept))
    assert view(text, folded) == v
    if v.s:
        assert v.span(0, len(v.s)) == (kept[0], kept[-1] + 1)
