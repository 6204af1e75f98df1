"""Responsibility notes on the real corpus: found, split, led and normalized as written.

Expected values are read from the documents (the Hohhot draft also against the
hand annotation in ../shared/gold). Styles the corpus lacks are quoted from issue 3.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.api import annotate, ingest_file, parse
from pipeline.errors import InputError
from pipeline.extract.aliases import builtin_aliases, load_aliases, parse_aliases
from pipeline.extract.unitnames import jurisdiction_of, normalize_units, userdict_lines
from pipeline.extract.responsibilities import Responsibilities, unit_names
from pipeline.extract.units import find_notes
from pipeline.load import load, load_bytes
from pipeline.normalize import fold
from pipeline.validate import check

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HOHHOT = "hohhot-2024-keji-qiangshi-draft.txt"
HOHHOT_JUR = jurisdiction_of("呼和浩特市科学技术局")
NATIONAL = jurisdiction_of("国务院")


@lru_cache(maxsize=None)
def doc(name: str):
    return ingest_file(CORPUS / name)


def notes_of(name: str):
    return [r for r in doc(name).layer("responsibilities").all()]



# --- Hohhot draft -------------------------------------------------------------------------

def test_hohhot_one_note_per_measure_as_in_gold(gold):
    measures = [n for n in doc(HOHHOT).nodes() if n.kind == "measure"]
    assert len(measures) == 26
    matched = 0
    for node, g in zip(measures, gold["measures"]):
        assert node.ordinal == g["num"]
        (note,) = doc(HOHHOT).layer("responsibilities").of(node.id)
        assert [u.name for u in note.units] == g["responsible_units"]
        assert [u.normalized for u in note.units] == g["responsible_units_normalized"]
        assert (note.lead, note.lead_normalized) == (g["lead_unit"], g["lead_unit_normalized"])
        matched += 1
    assert matched == 26


def test_hohhot_distinct_normalized_units_as_in_gold(gold):
    names = {u.normalized for note in notes_of(HOHHOT) for u in note.units}
    assert sorted(names) == sorted(gold["distinct_units_normalized"])


def test_hohhot_notes_are_exact_spans_of_the_source():
    text = doc(HOHHOT).text
    notes = notes_of(HOHHOT)
    assert len(notes) == 26
    for note in notes:
        assert text[note.start:note.end] == note.text
        assert note.text.startswith("(责任单位:") and note.text.endswith(")")
        for unit in note.units:
            assert text[unit.start:unit.end] == unit.name


def test_hohhot_convention_stated_once_carries_to_all_notes():
    notes = notes_of(HOHHOT)
    assert notes[0].text.endswith("和林格尔新区。列第一位的为牵头单位,下同。)")
    assert all(n.convention == "列第一位的为牵头单位" and not n.lead_assumed for n in notes)
    assert not [w for w in doc(HOHHOT).all_warnings() if w.code in ("W301", "W302")]


def test_hohhot_roles_read_from_measure_1():
    note = notes_of(HOHHOT)[0]
    assert [(u.name, u.role) for u in note.units] == [
        ("市科学技术局", "lead"), ("发展和改革委员会", "co"), ("大数据管理局", "co"), ("工业和信息化局", "co"),
        ("各旗县区", "collective"), ("经济技术开发区", "co"), ("金山高新区", "co"), ("和林格尔新区", "co")]


def test_hohhot_nested_brackets_stay_one_unit():
    note = notes_of(HOHHOT)[25]
    assert "市纪律检查委员会(监察委员会)" in [u.name for u in note.units]
    assert "中共呼和浩特市纪律检查委员会(呼和浩特市监察委员会)" in [u.normalized for u in note.units]


def test_full_width_and_half_width_notes_read_alike():
    half = "(责任单位:市科学技术局、发展和改革委员会、各旗县区、经济技术开发区、金山高新区、和林格尔新区。列第一位的为牵头单位,下同。)"
    full = half.replace("(", "（").replace(")", "）").replace(":", "：").replace(",", "，")
    a, = find_notes(half, jurisdiction=HOHHOT_JUR)
    b, = find_notes(full, jurisdiction=HOHHOT_JUR)
    assert [u.normalized for u in a.units] == [u.normalized for u in b.units]
    assert [u.name for u in b.units][0] == "市科学技术局"
    assert b.text == full and b.convention == "列第一位的为牵头单位"


def test_note_inside_a_span_keeps_its_offsets():
    text = ("(三)实施新质生产力“攻关突围”行动。加快优势产业提档升级。"
            "(责任单位:市科学技术局、农牧局)其后还有一句。(责任单位:市工业和信息化局、科学技术局)")
    first, second = find_notes(text, 10, len(text), jurisdiction=HOHHOT_JUR)
    assert text[first.start:first.end] == "(责任单位:市科学技术局、农牧局)"
    assert second.lead_normalized == "呼和浩特市工业和信息化局"
    assert [u.normalized for u in second.units][1] == "呼和浩特市科学技术局"
    assert find_notes(text, first.end, second.start) == ()


# --- State Council documents (govcn-*) ---------------------------------------------------

# Every note of each file, as the list of its units, typed from the text (`|` ends the lead group).
GOVCN = {
    "govcn-2018-guofa39-cujin-jiuye.html": [
        "人力资源社会保障部|财政部", "财政部|工业和信息化部、人民银行、银保监会",
        "财政部|人力资源社会保障部、人民银行、银保监会",
        "人力资源社会保障部|科技部、财政部、住房城乡建设部、市场监管总局、各省级人民政府",
        "人力资源社会保障部|有关部门和单位", "人力资源社会保障部|财政部",
        "人力资源社会保障部|财政部、教育部、有关部门和单位", "人力资源社会保障部|财政部",
        "人力资源社会保障部|财政部、税务总局、各省级人民政府", "人力资源社会保障部|医保局",
        "财政部|人力资源社会保障部、民政部、有关部门和单位", "各省级人民政府|", "各有关部门和单位|",
        "各有关部门和单位|各省级人民政府", "各有关部门和单位|各省级人民政府"],
    "govcn-2019-guofa3-zonghe-baoshuiqu.html": [
        "税务总局|财政部、海关总署", "海关总署|财政部、税务总局", "海关总署|商务部", "商务部|海关总署",
        "海关总署|", "海关总署|商务部、有关部门", "发展改革委|科技部、海关总署", "市场监管总局|海关总署",
        "药监局|海关总署", "海关总署|", "海关总署|", "发展改革委|海关总署", "海关总署|文化和旅游部、文物局",
        "商务部|工业和信息化部、生态环境部、海关总署", "商务部|发展改革委、工业和信息化部、海关总署",
        "海关总署|", "海关总署|财政部、税务总局", "商务部|海关总署、有关部门", "海关总署|财政部、商务部",
        "海关总署|证监会", "海关总署|商务部、有关部门"],
    "govcn-2018-guofa42-nongye-jixiehua.html": [
        "工业和信息化部|发展改革委、科技部、农业农村部", "工业和信息化部|发展改革委、科技部、农业农村部、商务部",
        "工业和信息化部|发展改革委、农业农村部、商务部、国资委、国际发展合作署",
        "市场监管总局|工业和信息化部、发展改革委、农业农村部", "农业农村部|发展改革委、财政部",
        "农业农村部|发展改革委、科技部、工业和信息化部",
        "农业农村部|科技部、工业和信息化部、财政部、交通运输部、商务部、人民银行、银保监会、民航局",
        "农业农村部|发展改革委、工业和信息化部、国资委", "农业农村部|工业和信息化部",
        "农业农村部|财政部、人民银行、税务总局、银保监会", "农业农村部|发展改革委、财政部、自然资源部、交通运输部",
        "农业农村部|发展改革委、财政部、自然资源部、市场监管总局", "农业农村部|发展改革委、财政部、自然资源部、税务总局",
        "教育部|工业和信息化部、农业农村部", "农业农村部|工业和信息化部", "农业农村部、工业和信息化部|",
        "各省级人民政府|", "农业农村部|工业和信息化部"],
    "govcn-2018-guobanfa117-jili-zhichi.html": [
        "市场监管总局|", "商务部|", "国家发展改革委|", "国家发展改革委|", "财政部|", "交通运输部|财政部",
        "水利部|国家发展改革委", "人民银行|银保监会、证监会", "自然资源部|", "农业农村部|", "商务部|", "科技部|",
        "科技部|财政部", "国家发展改革委|", "工业和信息化部|", "国家发展改革委|有关部门", "国家发展改革委|有关部门",
        "国家发展改革委、财政部|有关部门", "市场监管总局|", "教育部|有关部门", "财政部|人力资源社会保障部",
        "财政部|国务院扶贫办", "国家发展改革委|", "住房城乡建设部|国家发展改革委、财政部", "国家卫生健康委|财政部",
        "国家发展改革委|财政部、民政部", "生态环境部|财政部", "水利部|财政部", "农业农村部|财政部", "国务院办公厅|"],
    "govcn-2019-guofa4-zhiye-jiaoyu-fangan.html": [],
    "govcn-2018-guoling707-geshui-shishi-tiaoli.html": [],
    "govcn-2019-guobanfa6-rongzi-danbao.html": [],
}


@pytest.mark.parametrize("name", sorted(GOVCN))
def test_govcn_every_note_found_split_and_led(name):
    got = []
    for note in notes_of(name):
        leads = [u.name for u in note.units if u.role == "lead"] or [note.lead]
        rest = [u.name for u in note.units if u.name not in leads]
        got.append("、".join(leads) + "|" + "、".join(rest))
    assert got == GOVCN[name]


CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一."""
    tens, ones = divmod(n, 10)
    return (CN[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (CN[ones - 1] if ones else "")


@pytest.mark.parametrize("name, nums", [
    ("govcn-2018-guofa39-cujin-jiuye.html", [f"（{cn(i)}）" for i in range(1, 16)]),
    ("govcn-2018-guofa42-nongye-jixiehua.html", [f"（{cn(i)}）" for i in range(3, 21)]),
    ("govcn-2019-guofa3-zonghe-baoshuiqu.html", [str(i) for i in range(1, 22)]),
    ("govcn-2018-guobanfa117-jili-zhichi.html", [cn(i) for i in range(1, 31)]),
    (HOHHOT, [str(i) for i in range(1, 27)]),
])
def test_each_note_sits_on_its_measure(name, nums):
    d = doc(name)
    nodes = {n.id: n for n in d.nodes()}
    owners = [(nodes[i].kind, nodes[i].num) for i, _ in d.layer("responsibilities").items()]
    assert owners == [("measure", num) for num in nums]


def test_govcn_every_file_is_read_as_a_national_document():
    for name in GOVCN:
        assert not jurisdiction_of(doc(name).issuer).places


@pytest.mark.parametrize("quote, names, roles, lead, assumed, convention", [
    ("（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）", ["人力资源社会保障部", "财政部"],
     ["lead", "co"], "人力资源社会保障部", False, "列第一位者为牵头单位"),
    ("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）", ["税务总局", "财政部", "海关总署"],
     ["lead", "co", "co"], "税务总局", False, "排在第一位的部门为牵头部门"),
    ("（人力资源社会保障部、财政部、税务总局，各省级人民政府按职责分工负责）",
     ["人力资源社会保障部", "财政部", "税务总局", "各省级人民政府"], ["lead", "co", "co", "collective"],
     "人力资源社会保障部", True, None),
    ("（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）",
     ["财政部", "人力资源社会保障部", "民政部", "有关部门和单位"], ["lead", "co", "co", "collective"],
     "财政部", True, None),
    ("（农业农村部、财政部、人民银行、税务总局、银保监会等负责）",
     ["农业农村部", "财政部", "人民银行", "税务总局", "银保监会"], ["lead", "co", "co", "co", "co"],
     "农业农村部", True, None),
    ("（农业农村部、工业和信息化部牵头负责）", ["农业农村部", "工业和信息化部"], ["lead", "lead"],
     "农业农村部", False, "牵头"),
    ("（国家发展改革委、财政部会同有关部门负责）", ["国家发展改革委", "财政部", "有关部门"],
     ["lead", "lead", "collective"], "国家发展改革委", False, "会同"),
    ("（各有关部门和单位，各省级人民政府按职责分工负责）", ["各有关部门和单位", "各省级人民政府"],
     ["collective", "collective"], "各有关部门和单位", False, None),
    ("（海关总署负责）", ["海关总署"], ["lead"], "海关总署", False, None),
    # styles quoted in issue 3
    ("（A局牵头，B局、C局配合）", ["A局", "B局", "C局"], ["lead", "co", "co"], "A局", False, "牵头"),
    ("（牵头单位：X局，配合单位：Y局、Z局，各区、县级市）", ["X局", "Y局", "Z局", "各区、县级市"],
     ["lead", "co", "co", "collective"], "X局", False, "牵头单位"),
    ("（A局、B局负责）", ["A局", "B局"], ["lead", "co"], "A局", True, None),
    # other wordings of the same styles
    ("（由A局负责）", ["A局"], ["lead"], "A局", False, None),
    ("（A局、B局等单位负责）", ["A局", "B局"], ["lead", "co"], "A局", True, None),
    # a body beside a group is one of two units: first as lead, but nothing says so (wild gold, anhui 工业互联网)
    ("（A局及各区人民政府负责）", ["A局", "各区人民政府"], ["lead", "collective"], "A局", True, None),
    ("（A局、B局分别牵头，各区配合）", ["A局", "B局", "各区"], ["lead", "lead", "collective"], "A局", False, "牵头"),
    ("（责任单位：A局 B局）", ["A局", "B局"], ["lead", "co"], "A局", True, None),
    ("（责任单位：A局、B局，排名第一的为牵头单位）", ["A局", "B局"], ["lead", "co"], "A局", False,
     "排名第一的为牵头单位"),
    ("（各高等院校负责）", ["各高等院校"], ["collective"], "各高等院校", False, None),
])
def test_note_styles(quote, names, roles, lead, assumed, convention):
    note, = find_notes("段落。" + quote + "下文", jurisdiction=NATIONAL)
    assert note.text == quote
    assert [u.name for u in note.units] == names
    assert [u.role for u in note.units] == roles
    assert (note.lead, note.lead_assumed, note.convention) == (lead, assumed, convention)


@pytest.mark.parametrize("quote", [
    "（技工院校内由人力资源社会保障行政部门负责）",       # guofa4: a clause about who does what, not a task note
    "（以下简称“市科技局”）",
    "（含技工院校）",                                    # guofa39
    "（财政部、人力资源社会保障部）",                     # a bare list: no verb, no label
    "（国发〔2023〕16号）",
])
def test_brackets_that_are_not_notes(quote):
    assert find_notes("上文" + quote + "下文") == ()


def test_labelled_line_with_two_labels():
    text = "做好工作。\n牵头单位：市科技局 配合单位：市财政局、市商务局\n"
    note, = find_notes(text, jurisdiction=HOHHOT_JUR)
    assert [(u.name, u.role) for u in note.units] == [("市科技局", "lead"), ("市财政局", "co"), ("市商务局", "co")]
    assert note.convention == "牵头单位"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="（）()、，,：:。责任单位牵头配合负责各有关部门市局委办区等下同列第一位的为\n A", max_size=80))
def test_find_notes_never_raises_and_spans_are_exact(text):
    for note in find_notes(text, jurisdiction=HOHHOT_JUR):
        assert text[note.start:note.end] == note.text
        assert note.units and all(text[u.start:u.end] == u.name for u in note.units)
        assert all(note.start <= u.start < u.end <= note.end for u in note.units)


def test_unbracketed_labelled_line():
    text = "加快推进。\n责任单位：市科学技术局、财政局\n下一条"
    note, = find_notes(text, jurisdiction=HOHHOT_JUR)
    assert note.text == "责任单位：市科学技术局、财政局"
    assert [u.normalized for u in note.units] == ["呼和浩特市科学技术局", "呼和浩特市财政局"]


def test_convention_in_running_text_carries_forward():
    text = "各项任务列第一位的为牵头单位。一、做好工作。（A局、B局负责）"
    note, = find_notes(text)
    assert not note.lead_assumed and note.convention == "列第一位的为牵头单位"


def test_convention_without_ditto_holds_for_its_own_note_only():
    text = "（A局、B局负责。列第一位者为牵头单位）其后。（C局、D局负责）"
    first, second = find_notes(text)
    assert not first.lead_assumed and second.lead_assumed


# --- Warnings --------------------------------------------------------------------------

def test_lead_assumed_warnings_in_guobanfa117():
    warnings = [w for w in doc("govcn-2018-guobanfa117-jili-zhichi.html").all_warnings() if w.code == "W302"]
    # the twelve notes naming several units with neither a convention nor 牵头/会同
    assert len(warnings) == 12
    assert all(w.message.startswith("lead assumed") for w in warnings)


def test_measure_without_note_among_siblings_with_notes():
    source = load(CORPUS / HOHHOT)
    note = "(责任单位:市委组织部、市科学技术局、人力资源和社会保障局、市卫生健康委员会、市教育局、各旗县区、经济技术开发区、金山高新区、和林格尔新区)"
    assert source.text.count(note) == 1
    cut = source.text.replace(note, "")
    d = parse(load_bytes(cut.encode("utf-8"), HOHHOT))
    notes = Responsibilities().run(d)
    assert len(notes) == 25
    (w,) = [w for w in notes.warnings if w.code == "W301"]
    assert w.message.endswith("measure 18") and cut[w.start:].startswith("18.")


# --- Normalization ---------------------------------------------------------------------

@pytest.mark.parametrize("issuer, places", [
    ("呼和浩特市科学技术局", (("市", "呼和浩特市"),)),
    ("内蒙古自治区呼和浩特市科学技术局", (("自治区", "内蒙古自治区"), ("市", "呼和浩特市"))),
    ("中共柳河县委", (("县", "柳河县"),)),
    ("国务院办公厅", ()),
    ("国务院", ()),
    (None, ()),
])
def test_jurisdiction_of_the_issuer(issuer, places):
    assert jurisdiction_of(issuer).places == places


@pytest.mark.parametrize("names, expected", [
    (("市科学技术局", "发展和改革委员会", "市场监督管理局"),
     ("呼和浩特市科学技术局", "呼和浩特市发展和改革委员会", "呼和浩特市市场监督管理局")),
    (("市科学技术局", "市委机构编制委员会办公室", "财政局"),
     ("呼和浩特市科学技术局", "中共呼和浩特市委机构编制委员会办公室", "呼和浩特市财政局")),
    (("市科学技术局", "呼和浩特职业学院", "财政局"), ("呼和浩特市科学技术局", "呼和浩特职业学院", "呼和浩特市财政局")),
    (("经济技术开发区", "金山高新区", "和林格尔新区", "各旗县区"),
     ("呼和浩特经济技术开发区", "呼和浩特金山高新技术产业开发区", "内蒙古和林格尔新区", "各旗县区")),
    (("市发改委", "工信局", "人社局", "住建局", "高新区"),
     ("呼和浩特市发展和改革委员会", "呼和浩特市工业和信息化局", "呼和浩特市人力资源和社会保障局",
      "呼和浩特市住房和城乡建设局", "呼和浩特高新技术产业开发区")),
    (("人力资源社会保障部", "市科技局"), ("人力资源和社会保障部", "呼和浩特市科学技术局")),
    (("市纪委", "团市委"), ("中共呼和浩特市纪律检查委员会", "共青团呼和浩特市委员会")),
])
def test_normalize_city_lists(names, expected):
    assert normalize_units(names, HOHHOT_JUR, builtin_aliases()) == expected


@pytest.mark.parametrize("issuer, names, expected", [
    ("北京市海淀区人民政府", ("区发改委", "财政局", "市科委"),
     ("海淀区发展和改革委员会", "海淀区财政局", "北京市科委")),
    ("内蒙古自治区人民政府办公厅", ("自治区发展改革委", "财政厅", "各盟市人民政府"),
     ("内蒙古自治区发展和改革委员会", "内蒙古自治区财政厅", "各盟市人民政府")),
    ("柳河县人民政府", ("县政府办", "财政局", "经济开发区"),
     ("柳河县人民政府办公室", "柳河县财政局", "柳河经济开发区")),
])
def test_normalize_other_levels(issuer, names, expected):
    assert normalize_units(names, jurisdiction_of(issuer), builtin_aliases()) == expected


def test_normalize_national_lists_use_the_central_names_only():
    names = ("人力资源社会保障部", "发展改革委", "市场监管总局", "各省级人民政府", "海关总署")
    assert normalize_units(names, NATIONAL, builtin_aliases()) == (
        "人力资源和社会保障部", "国家发展和改革委员会", "国家市场监督管理总局", "各省级人民政府", "海关总署")


def test_user_aliases_extend_and_override(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my table\n科技局\t科学技术和信息化局\tlocal\n赛罕区政府\t赛罕区人民政府\tplace\n", encoding="utf-8")
    table = load_aliases(path)
    assert normalize_units(("市科技局", "赛罕区政府"), HOHHOT_JUR, table) == (
        "呼和浩特市科学技术和信息化局", "赛罕区人民政府")


@pytest.mark.parametrize("text, message", [
    ("科技局\t科学技术局\n", "line 1: expected alias<TAB>full name<TAB>kind"),
    ("# ok\n科技局\t科学技术局\tcity\n", "line 2: kind 'city' is not one of"),
])
def test_bad_alias_file_is_one_line_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_aliases(text, "mine.tsv")


def test_missing_alias_file(tmp_path):
    with pytest.raises(InputError, match="cannot read alias file"):
        load_aliases(tmp_path / "none.tsv")


def test_builtin_alias_table_covers_the_common_short_forms():
    table = builtin_aliases()
    for kind, alias in [("local", "发改委"), ("local", "工信局"), ("local", "科技局"), ("local", "人社局"),
                        ("local", "住建局"), ("zone", "高新区"), ("zone", "经开区"), ("national", "人力资源社会保障部")]:
        assert table.get(kind, alias), alias
    assert table.get("national", fold("人力资源社会保障部")) == "人力资源和社会保障部"


# --- jieba, schema ---------------------------------------------------------------------

def test_jieba_keeps_unit_names_whole():
    """Registration changes jieba's global dictionary, so it runs in a child process:
    tests after this one see the jieba they would see alone."""
    import json
    import subprocess
    import sys

    found = unit_names(doc(HOHHOT))
    assert "金山高新区" in found and "呼和浩特金山高新技术产业开发区" in found
    assert "呼和浩特金山高新技术产业开发区 " in "\n".join(userdict_lines(builtin_aliases(), found)) + " "
    code = ("import json, sys, jieba; from pipeline.extract.aliases import builtin_aliases; "
            "from pipeline.extract.unitnames import register_with_jieba; "
            "register_with_jieba(builtin_aliases(), tuple(json.loads(sys.argv[1]))); "
            "print(json.dumps(jieba.lcut('由呼和浩特市人力资源和社会保障局会同呼和浩特金山高新技术产业开发区办理')))")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(list(found))], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    words = json.loads(out.stdout)
    assert "呼和浩特市人力资源和社会保障局" in words and "呼和浩特金山高新技术产业开发区" in words


def test_ingest_does_not_import_jieba():
    import subprocess
    import sys

    code = ("import sys; from pipeline.api import ingest_file; "
            f"ingest_file({str(CORPUS / HOHHOT)!r}); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_notes_validate_against_the_schema():
    for name in [HOHHOT, *GOVCN]:
        check(doc(name).to_dict(), "document")


# --- Styles from further real documents -------------------------------------------------

def test_unbracketed_label_ends_at_its_sentence():
    # 莆田市《关于支持“双招双引”的十条意见》: the label follows the measure on the same line.
    text = ("最高给予 5000 万元资助。责任单位：市委组织部、市科技局。2.对实际投资 2 亿元或年纳税总额"
            " 5000 万元以上的招商项目，给予自主认定四类人才指标 1名。责任单位：市发改委、市财政局、市工信局、市商务局。")
    first, second = find_notes(text, jurisdiction=jurisdiction_of("莆田市人民政府"))
    assert first.text == "责任单位：市委组织部、市科技局"
    assert [u.normalized for u in first.units] == ["中共莆田市委组织部", "莆田市科学技术局"]
    assert second.text == "责任单位：市发改委、市财政局、市工信局、市商务局"
    assert second.lead == "市发改委" and second.lead_assumed


def test_unbracketed_label_takes_the_convention_after_it():
    text = "加快推进。\n责任单位：市科学技术局、财政局。列第一位的为牵头单位，下同。\n二、推进。责任单位：市教育局、市财政局。"
    first, second = find_notes(text, jurisdiction=HOHHOT_JUR)
    assert first.text.endswith("列第一位的为牵头单位，下同")
    assert (first.lead, first.lead_assumed) == ("市科学技术局", False)
    assert (second.lead, second.lead_assumed, second.convention) == ("市教育局", False, "列第一位的为牵头单位")


GUANGZHOU = jurisdiction_of("广州市人民政府")


@pytest.mark.parametrize("note, lead, co, collective", [
    # 中共广州市委 广州市人民政府《关于推进人才集聚工程的实施意见》(2012), one note per project.
    ("（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）",
     "广州市发展和改革委员会", ["中共广州市委组织部", "广州市人力资源和社会保障局"], ["各区、县级市"]),
    ("（牵头单位：团市委，配合单位：市人力资源和社会保障局）",
     "共青团广州市委员会", ["广州市人力资源和社会保障局"], []),
    ("（牵头单位：市委政法委，配合单位：市法院、市检察院、市公安局、市司法局、市法制办，各区、县级市）",
     "中共广州市委政法委员会", ["广州市法院", "广州市检察院", "广州市公安局", "广州市司法局", "广州市法制办"],
     ["各区、县级市"]),
    ("（牵头单位：市农业局，配合单位：市科协，各有关区、县级市）",
     "广州市农业局", ["广州市科学技术协会"], ["各有关区、县级市"]),
    ("（牵头单位：市委组织部，配合单位：各项目牵头单位，各区、县级市）",
     "中共广州市委组织部", [], ["各项目牵头单位", "各区、县级市"]),
    ("（牵头单位：市人力资源和社会保障局）", "广州市人力资源和社会保障局", [], []),
    ("（牵头单位：市委组织部，配合单位：市科技和信息化局、市人力资源和社会保障局、市财政局、越秀区）",
     "中共广州市委组织部", ["广州市科技和信息化局", "广州市人力资源和社会保障局", "广州市财政局", "广州市越秀区"], []),
])
def test_lead_and_co_labels_with_district_groups(note, lead, co, collective):
    found, = find_notes("实施如下重点项目。" + note, jurisdiction=GUANGZHOU)
    assert found.text == note
    assert (found.lead_normalized, found.lead_assumed, found.convention) == (lead, False, "牵头单位")
    assert [u.normalized for u in found.units if u.role == "co"] == co
    assert [u.normalized for u in found.units if u.role == "collective"] == collective


def test_responsibility_list_with_deng_and_a_district_group():
    # 上海市优化营商环境 2023 measures: `等；各区政府` closes the list of city bodies.
    note = ("（责任单位：市高院、市公安局、市规划资源局、上海银保监局、上海证监局、市税务局、"
            "市人力资源社会保障局、市住房城乡建设管理委、市通信管理局等；各区政府）")
    found, = find_notes("查询涉案信息。" + note, jurisdiction=jurisdiction_of("上海市人民政府"))
    names = [u.name for u in found.units]
    assert names[0] == "市高院" and names[-2:] == ["市通信管理局", "各区政府"]
    assert [u.role for u in found.units][-1] == "collective"
    assert "上海银保监局" in [u.normalized for u in found.units]
    assert found.lead_assumed


def test_running_text_huitong_is_not_a_note_in_the_lingang_opinions():
    lingang = "shanghai-2016-lingang-shuangte-ruogan-yijian.html"
    assert "由市财政局会同浦东新区" in doc(lingang).text
    assert notes_of(lingang) == []
    assert not [w for w in doc(lingang).all_warnings() if w.code in ("W301", "W302")]


def test_articles_that_name_an_authority_hold_no_notes():
    # 第十四条 …由市场监督管理部门依照《消费者权益保护法》第五十六条予以处罚: a clause, not a note.
    assert notes_of("rule-qinhai-xiaofeizhe-quanyi-chufa-banfa-2015.txt") == []


def test_labels_run_together_without_a_separator():
    # Export of a Word draft seen in the wild: `责任单位：区政府责任单位：商务局` on one line after the body.
    note, = find_notes("推进工作。\n责任单位：区政府责任单位：商务局\n", jurisdiction=GUANGZHOU)
    assert [u.name for u in note.units] == ["区政府", "商务局"]
    note, = find_notes("推进。（牵头单位：市发展改革委配合单位：市财政局、市商务局）", jurisdiction=GUANGZHOU)
    assert [(u.normalized, u.role) for u in note.units] == [
        ("广州市发展和改革委员会", "lead"), ("广州市财政局", "co"), ("广州市商务局", "co")]


def test_city_and_county_governments_together_are_a_group():
    # 山西省 energy and environment notice (2020): half-width brackets, 牵头 then a group that 负责落实.
    text = "各市县建成区要 全部划定为“禁煤区”。(省生态环境厅牵头，市县政府负责落实) 严格落实散煤禁烧规定"
    note, = find_notes(text, jurisdiction=jurisdiction_of("山西省人民政府"))
    assert [(u.normalized, u.role) for u in note.units] == [("山西省生态环境厅", "lead"), ("市县政府", "collective")]
    assert (note.convention, note.lead_assumed) == ("牵头", False)


@pytest.mark.parametrize("note, units, lead, deadline", [
    ("（责任单位：市科技局；完成时限：2024年12月底）", ["市科技局"], "市科技局", "2024年12月底"),
    ("（市发展改革委牵头，2025年底前完成）", ["市发展改革委"], "市发展改革委", "2025年底前完成"),
    ("（牵头单位：市科技局；配合单位：市财政局；时间节点：2024年6月底前）", ["市科技局", "市财政局"], "市科技局",
     "2024年6月底前"),
    ("（市科技局、市财政局按职责分工负责，持续推进）", ["市科技局", "市财政局"], "市科技局", "持续推进"),
    ("（2024年底前，市科技局牵头，市财政局配合）", ["市科技局", "市财政局"], "市科技局", "2024年底前"),
    ("（责任单位：市科技局 完成时限：长期坚持）", ["市科技局"], "市科技局", "长期坚持"),
    ("（市政务服务数据管理局负责，5个工作日内）", ["市政务服务数据管理局"], "市政务服务数据管理局", "5个工作日内"),
    ("（各区政府负责，年内完成）", ["各区政府"], "各区政府", "年内完成"),
])
def test_a_time_limit_in_the_note_is_kept_apart_from_the_units(note, units, lead, deadline):
    # The 任务分工 habit of closing a note with its time limit; before, such notes were lost whole.
    found, = find_notes("推进重点工作。" + note, jurisdiction=GUANGZHOU)
    assert found.text == note
    assert [u.name for u in found.units] == units
    assert (found.lead, found.deadline) == (lead, deadline)


def test_a_bracket_holding_only_a_time_is_no_note():
    assert find_notes("推进重点工作（2024年底前完成）。", jurisdiction=GUANGZHOU) == ()


JILIN = jurisdiction_of("吉林省人民政府")
BARE = ("各项任务列第一位的为牵头单位。\n1.加强基础研究。增加投入。（省科技厅、省财政厅）\n"
        "2.推进成果转化。建设平台（省科技厅、省教育厅、各市州人民政府）。\n"
        "3.由省发展和改革委员会（省发展改革委）负责统筹。（详见附件）\n"
        "4.支持高校院所（吉林大学、东北师范大学）。\n")


def test_bare_unit_lists_closing_a_sentence_are_notes_under_a_convention():
    first, second = find_notes(BARE, jurisdiction=JILIN)
    assert first.text == "（省科技厅、省财政厅）" and second.text.startswith("（省科技厅、省教育厅")
    assert [(u.normalized, u.role) for u in first.units] == [("吉林省科学技术厅", "lead"), ("吉林省财政厅", "co")]
    assert second.units[-1].role == "collective"
    assert not first.lead_assumed and first.convention == "列第一位的为牵头单位"


def test_bare_unit_lists_need_a_convention_and_body_names():
    assert find_notes(BARE.split("\n", 1)[1], jurisdiction=JILIN) == ()   # no convention stated
    # an abbreviation inside a sentence and a list of universities are never notes
    texts = [n.text for n in find_notes(BARE, jurisdiction=JILIN)]
    assert "（省发展改革委）" not in texts and "（吉林大学、东北师范大学）" not in texts


def test_person_clauses_are_skipped():
    note, = find_notes("强化服务。（责任领导：张三；责任单位：省科技厅、省财政厅）", jurisdiction=JILIN)
    assert [u.name for u in note.units] == ["省科技厅", "省财政厅"]
