"""Properties of the diff on drafts rebuilt from the Hohhot measures in random order,
with random measures dropped and random words replaced: every unit lands in exactly
one entry, a document against itself has no change, swapping the versions mirrors the
links, and the JSON validates."""
import re

from conftest import HOHHOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import api, validate
from pipeline.diff import diff, diff_chain
from pipeline.diff.report import to_json
from pipeline.diff.units import extract_units
from pipeline.load import load_bytes

LINES = HOHHOT.read_text(encoding="utf-8").split("\n")
MEASURES = [re.sub(r"^\d+\.", "", line) for line in LINES if re.match(r"^\d+\.", line)]


def draft(order: list[int], edits: dict[int, str], actions: int) -> str:
    lines = ["关于测试的实施意见", "", "一、重点任务", ""]
    per = max(1, -(-len(order) // actions))
    for k, m in enumerate(order):
        if k % per == 0:
            lines += [f"({'一二三四五六七八九'[k // per]})实施第{k // per + 1}项行动", ""]
        body = MEASURES[m]
        if m in edits:
            body = body.replace("支持", edits[m], 1)
        lines += [f"{k + 1}.{body}", ""]
    lines += ["二、组织保障", "", "加强组织领导,确保各项措施落实。", ""]
    return "\n".join(lines)


versions = st.builds(
    lambda order, keep, edits, actions: (order[:keep], edits, actions),
    st.permutations(range(len(MEASURES))), st.integers(3, len(MEASURES)),
    st.dictionaries(st.integers(0, len(MEASURES) - 1), st.sampled_from(["资助", "奖励", "扶持力度"]), max_size=4),
    st.integers(1, 6))


def parse(text, name):
    return api.parse(load_bytes(text.encode("utf-8"), name))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(versions, versions)
def test_diff_properties(a, b):
    old, new = parse(draft(*a), "a.txt"), parse(draft(*b), "b.txt")
    result = diff(old, new)
    listed_old = sorted(u.index for c in result.changes for u in c.old)
    listed_new = sorted(u.index for c in result.changes for u in c.new)
    units_old = [u.index for u in extract_units(old) if u.level != "item"]
    units_new = [u.index for u in extract_units(new) if u.level != "item"]
    assert [i for i in listed_old if i in units_old] == units_old
    assert [j for j in listed_new if j in units_new] == units_new
    forward = {(tuple(u.node.id for u in c.old), tuple(u.node.id for u in c.new)) for c in result.changes}
    backward = {(tuple(u.node.id for u in c.new), tuple(u.node.id for u in c.old)) for c in diff(new, old).changes}
    assert forward == backward
    assert not diff(old, old).changed
    validate.check(to_json(diff_chain([old, new])), "diff")
