"""Field changes read from layers generically: records compared in their JSON form, whatever their type."""
import json

from conftest import CORPUS, GOLD, HOHHOT, ingested
from hohhot_edits import RENUMBERING, edited_text

from pipeline import api
from pipeline.diff import diff
from pipeline.diff.fields import compare_records, compare_units
from pipeline.load import load_bytes
from pipeline.model import Layer


def _annotated(doc, measures: dict[int, dict]):
    """`doc` with layers of plain-dict records (as a layer no declaration knows is read back):
    money terms and a responsibility note on each measure, by number."""
    money, notes = {}, {}
    for node in doc.nodes():
        if node.kind != "measure" or int(node.num) not in measures:
            continue
        m = measures[int(node.num)]
        units = [{"name": u, "lead": k == 0, "start": node.start, "end": node.end}
                 for k, u in enumerate(m["responsible_units"])]
        money[node.id] = tuple({**t, "start": node.start, "end": node.end} for t in m["money_terms"])
        notes[node.id] = ({"text": m["responsible_units_text"], "units": units, "start": node.start, "end": node.end},)
    return doc.with_layer(Layer("money", money)).with_layer(Layer("responsibilities", notes))


def test_gold_annotations_through_the_edits_give_exactly_the_two_field_changes():
    measures = {m["num"]: m for m in json.loads(GOLD.read_text(encoding="utf-8"))["measures"]}
    edited = {}
    for old, new in RENUMBERING.items():
        if new is not None:
            edited[new] = json.loads(json.dumps(measures[old]))
    term = edited[3]["money_terms"][0]
    term.update(text="不低于200万元", amount_yuan=2_000_000, amount_min_yuan=2_000_000)
    units = edited[16]["responsible_units"]
    units[0], units[1] = units[1], units[0]
    old = _annotated(api.parse(load_bytes(HOHHOT.read_bytes(), HOHHOT.name)), measures)
    new = _annotated(api.parse(load_bytes(edited_text().encode("utf-8"), "edited.txt")), edited)
    changed = {(c.old[0].node.num if c.old else None): c.fields for c in diff(old, new).changes if c.fields}
    assert set(changed) == {"3", "17"}
    (money,) = changed["3"]
    assert (money.field, money.change, money.label) == ("money", "changed", "不低于300万元 → 不低于200万元")
    assert [d[0] for d in money.details] == ["amount_yuan", "amount_min_yuan"]
    (lead,) = changed["17"]
    assert (lead.field, lead.change, lead.old, lead.new) == (
        "responsibilities", "lead_changed", "市委组织部", "市人力资源和社会保障局")


def test_offsets_and_context_never_count_as_changes():
    a = {"text": "10万元", "amount_yuan": 100000, "start": 5, "end": 9, "context": "给予10万元"}
    b = {"text": "10万元", "amount_yuan": 100000, "start": 50, "end": 54, "context": "一次性给予10万元"}
    assert compare_records("money", [a], [b]) == []


def test_money_terms_added_removed_and_changed_are_told_apart():
    old = [{"text": "不低于500万元", "role": "grant", "amount_yuan": 5_000_000, "recipient": "国家级高新区"},
           {"text": "10%", "role": "rate", "rate": 0.1, "recipient": "规上企业"}]
    new = [{"text": "不低于300万元", "role": "grant", "amount_yuan": 3_000_000, "recipient": "国家级高新区"},
           {"text": "最高支持300万元", "role": "cap", "amount_yuan": 3_000_000, "recipient": "规上企业"}]
    changes = {(c.change, c.label) for c in compare_records("money", old, new)}
    assert changes == {("changed", "不低于500万元 → 不低于300万元"), ("removed", "10%"), ("added", "最高支持300万元")}


def test_units_added_removed_and_lead_from_plain_name_lists():
    old = [{"lead_unit": "市科学技术局", "responsible_units": ["市科学技术局", "财政局", "税务局"]}]
    new = [{"lead_unit": "市科学技术局", "responsible_units": ["市科学技术局", "财政局", "审计局"]}]
    assert [(c.change, c.label) for c in compare_units(old, new)] == [
        ("unit_removed", "税务局"), ("unit_added", "审计局")]
    assert compare_units([{"note": "x"}], [{"note": "y"}]) is None


def test_front_matter_changes_are_document_fields_not_clauses():
    text = HOHHOT.read_text(encoding="utf-8")
    assert text.count("请务于11月13日17:00前") == 1 and text.count("\n的实施意见\n") == 1
    edited = text.replace("请务于11月13日17:00前", "请务于11月20日17:00前").replace("\n的实施意见\n", "\n的若干措施\n")
    new = api.ingest_source(load_bytes(edited.encode("utf-8"), "hohhot-edited.txt"))
    result = diff(ingested(HOHHOT.name), new)
    assert [(f.field, f.change, f.old, f.new) for f in result.fields] == [
        ("title", "changed", "关于建设科技强市 促进首府高质量发展的实施意见", "关于建设科技强市 促进首府高质量发展的若干措施"),
        ("comment_deadline", "changed", "2024-11-13T17:00", "2024-11-20T17:00")]
    assert not any(c.changed for c in result.changes)


def test_a_file_name_standing_in_for_a_missing_title_is_no_title_change(tmp_path):
    """Two versions of a law that state no title (both start at 第一章): their file names stand in (W201)."""
    for name in ("law-minyong-hangkong-2021.txt", "law-minyong-hangkong-xiuding-caoan.txt"):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())   # away from corpus/METADATA.tsv
    old, new = (api.ingest_file(tmp_path / n) for n in ("law-minyong-hangkong-2021.txt",
                                                        "law-minyong-hangkong-xiuding-caoan.txt"))
    assert old.title != new.title and {w.code for w in old.all_warnings() + new.all_warnings()} >= {"W201"}
    assert "title" not in [f.field for f in diff(old, new).fields]


def test_a_title_from_the_folders_table_is_the_documents_title_in_the_diff():
    old, new = ingested("law-minyong-hangkong-2021.txt"), ingested("law-minyong-hangkong-xiuding-caoan.txt")
    assert old.title == new.title == "中华人民共和国民用航空法" and new.status == "修订草案"
    assert [(f.field, f.change, f.new) for f in diff(old, new).fields if f.field in ("title", "status")] == [
        ("status", "added", "修订草案")]


def test_target_change_is_a_field_change_of_its_part_and_one_redline_replacement():
    old = ingested(HOHHOT.name)
    text = HOHHOT.read_text(encoding="utf-8")
    assert text.count("超过40家") == 1  # 自治区级以上科创平台数量逐年递增,超过40家
    new = api.ingest_source(load_bytes(text.replace("超过40家", "超过50家").encode("utf-8"), "edited.txt"))
    result = diff(old, new)
    assert result.fields == ()
    (part,) = [c for c in result.changes if c.changed]
    assert part.old[0].node.id == "p1"
    (target,) = part.fields
    assert (target.field, target.change, target.details) == ("targets", "changed", (("value", 40, 50),))
    assert [(op.op, op.old, op.new) for op in part.redline if op.op != "equal"] == [("replace", "40家", "50家")]
