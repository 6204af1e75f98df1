"""Property tests: normalization is idempotent and offset-preserving; segmentation
either covers every character or raises a PipelineError, never anything else."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HOHHOT
from pipeline import api
from pipeline.errors import PipelineError
from pipeline.load import load_bytes
from pipeline.normalize import fold, squeeze

PIECES = ["一、", "（一）", "(二)", "1.", "2、", "（1）", "第一条", "第二章", "第 3 条", "目录", "\n", "\r\n", "\n\n",
          "。", "，", "：", " ", "\u3000", "\u00a0", "责任单位", "市科学技术局", "500万元", "附件", "2024年10月13日",
          "国务院", "关于", "的通知", "征求意见稿", "#", "## ", "<!-- INFO END -->"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@given(st.text())
def test_fold_is_idempotent_and_keeps_length(text):
    assert fold(fold(text)) == fold(text)
    assert len(fold(text)) == len(text)


def test_fold_maps_every_character_as_documented():
    full_width = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    spaces = dict.fromkeys("\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t", " ")
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    assert fold(every) == "".join(full_width.get(ch) or spaces.get(ch) or ch for ch in every)


@given(st.text())
def test_squeeze_maps_back_to_the_source(text):
    squeezed, keep = squeeze(text)
    assert len(squeezed) == len(keep)
    assert all(fold(text[i]) == squeezed[k] for k, i in enumerate(keep))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_segmentation_covers_every_character_or_refuses(text):
    try:
        doc = api.parse(load_bytes(text.encode("utf-8"), "random.txt"))
    except PipelineError:
        return
    owned = 0
    for node in doc.nodes():
        assert node.start <= node.own_end <= node.end
        owned += node.own_end - node.start
    assert owned == len(doc.text) and doc.root.end == len(doc.text)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=8000), st.integers(min_value=1, max_value=400))
def test_any_cut_of_the_real_draft_is_handled(start, length):
    text = HOHHOT.read_text(encoding="utf-8")[start:start + length]
    try:
        doc = api.parse(load_bytes(text.encode("utf-8"), "cut.txt"))
    except PipelineError:
        return
    assert sum(n.own_end - n.start for n in doc.nodes()) == len(doc.text)
