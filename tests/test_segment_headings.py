"""Top-level headings over unnumbered paragraphs, and group headings over numbered duties (issue 14).

A 若干措施 that numbers `一、标题` over one paragraph each is a list of measures, also when the
text's closing paragraphs run on under its last heading; a `（一）` heading naming a group, with its
roster and numbered duties below, is an action over those duties. Real cases from `corpus/wild/`
(expected values read from the texts), each with a minimal synthetic case.
"""
from __future__ import annotations

from conftest import CORPUS
from pipeline import api
from pipeline.api import ingest_file
from pipeline.load import load_bytes
from pipeline.tasks import task_rows

WILD = CORPUS / "wild"


def parse(text: str):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def outline(doc) -> list[tuple[str, str]]:
    return [(n.kind, n.num) for n in doc.nodes() if n.kind in ("part", "action", "measure", "item")]


def test_measures_whose_last_heading_carries_the_closing_paragraph_in_a_real_text():
    # 宿州市 若干措施: 一、优化土地出让方式 … 十二、简化住宅价格备案流程, each over one paragraph closed by
    # its （责任单位：…）; 本措施自发布之日起施行… follows the twelfth paragraph under the same heading
    doc = ingest_file(WILD / "suzhou-ah-2022-fangdichan-ruogan-cuoshi-fabu.html")
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert not [n for n in doc.nodes() if n.kind == "part"]
    assert [n.num for n in measures] == "一 二 三 四 五 六 七 八 九 十 十一 十二".split()
    assert (measures[5].title, measures[11].title) == ("调整公积金贷款政策", "简化住宅价格备案流程")
    rows = task_rows(doc)
    assert len(rows) == 12
    assert rows[5].lead == ("市公积金中心",)
    assert rows[3].lead == ("市住房城乡建设局",) and rows[3].co == ("市房管中心",)


def test_measures_of_a_notice_whose_last_heading_carries_its_closing_in_a_real_text():
    # 大政办发〔2021〕31号: 一、进一步严格限制新购住房上市交易 … 八、严格规范房地产市场信息发布, then
    # 各区市县政府…负主体责任 and 本通知自印发之日起执行 under 八、
    doc = ingest_file(WILD / "dalian-2021-dazhengbanfa31-fangdichan-tiaokong-tongzhi.html")
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert len(measures) == 8 and not [n for n in doc.nodes() if n.kind == "part"]
    assert measures[0].title == "进一步严格限制新购住房上市交易"
    assert measures[7].title == "严格规范房地产市场信息发布"
    assert len(task_rows(doc)) == 8


def test_a_notice_setting_up_a_committee_keeps_its_parts():
    # 国函〔2006〕38号: 一、主要职能 / 二、组成人员 (a roster of many lines) / 三、工作规则 / 四、工作要求:
    # sections of a notice, not measures; the roster in the middle is no closing paragraph
    doc = ingest_file(WILD / "govcn-2006-guohan38-zujian-nian-beijing.html")
    assert [(k, n) for k, n in outline(doc)] == [("part", "一"), ("part", "二"), ("part", "三"), ("part", "四")]


def test_the_last_heading_may_carry_the_closing_paragraphs():
    text = ("若干措施\n一、加大信贷投放\n鼓励银行发放贷款。（责任单位：甲局）\n二、强化保险保障\n扩大保险覆盖面。\n"
            "三、优化审批服务\n压缩审批时限。（责任单位：乙局）\n本措施自发布之日起施行。\n")
    assert outline(parse(text)) == [("measure", "一"), ("measure", "二"), ("measure", "三")]
    middle = ("若干措施\n一、加大信贷投放\n鼓励银行发放贷款。\n二、强化保险保障\n扩大保险覆盖面。\n推进线上理赔。\n"
              "三、优化审批服务\n压缩审批时限。\n")
    assert outline(parse(middle)) == [("part", "一"), ("part", "二"), ("part", "三")]
    # one heading over one paragraph is too little to call the rest a closing
    two = "某某方案\n一、工作目标\n到年底完成试点。\n二、工作要求\n各单位要加强领导。\n要按时报送进展。\n"
    assert outline(parse(two)) == [("part", "一"), ("part", "二")]


def test_group_headings_over_a_roster_and_numbered_duties_in_a_real_text():
    # 茂林镇 文艺巡回演出工作方案: 二、领导机构和工作职责 / （一）演出现场组 (第一组：… 组 长：… 组 员：…
    # 工作职责：) over 1.–6. / （二）安全保卫组 (组 长：… 组 员：… 工作职责：) over 1.–4.
    doc = ingest_file(WILD / "maolin-2021-wenyi-xunhui-yanchu-fangan.txt")
    actions = [n for n in doc.nodes() if n.kind == "action"]
    assert [(n.num, n.title) for n in actions] == [("（一）", "演出现场组"), ("（二）", "安全保卫组")]
    assert [c.num for c in actions[0].children] == ["1", "2", "3", "4", "5", "6"]
    assert {c.kind for c in actions[0].children + actions[1].children} == {"measure"}
    assert actions[1].children[0].title == "负责会场安全保卫和消防工作"


def test_a_heading_over_a_roster_is_an_action_and_over_prose_a_measure():
    roster = ("某某方案\n一、工作机构\n（一）宣传组\n组 长：张三\n成 员：李四、王五\n工作职责：\n1.负责宣传报道；\n"
              "2.负责资料收集。\n（二）保障组\n组 长：赵六\n1.负责后勤保障。\n")
    assert outline(parse(roster)) == [("part", "一"), ("action", "（一）"), ("measure", "1"), ("measure", "2"),
                                      ("action", "（二）"), ("measure", "1")]
    prose = ("某某方案\n一、工作机构\n（一）宣传组\n宣传组由宣传办牵头，负责全程宣传。\n1.负责宣传报道；\n"
             "2.负责资料收集。\n")
    assert outline(parse(prose)) == [("part", "一"), ("measure", "（一）"), ("item", "1"), ("item", "2")]
