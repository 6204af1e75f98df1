"""Hand-made article pairings for version pairs the aligner finds hard, and their scoring.

Each table row (old, new, why) was written by reading both texts as a legal reader
would: `REQUIRED` rows are the pairings such a reader makes (a merge or a split is
several rows); `ACCEPTABLE` rows are defensible but not required (a clause that took
one sentence from the old one). Pairs the program produces that are in neither are
false pairs. Units are named by article ordinal, or by node id where the document
has no articles.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Gold:
    old_name: str
    new_name: str
    required: tuple[tuple, ...]
    acceptable: tuple[tuple, ...]
    scope_old: frozenset | None = None   # only pairs touching these old units are judged (None: all)
    scope_new: frozenset | None = None
    by_id: bool = False


# 上海市科学技术进步条例: 2010 (49 articles, 8 chapters) -> 2024 second revision (47 articles, 11 chapters).
SHANGHAI = Gold(
    "law-shanghai-keji-jinbu-tiaoli-2010.txt", "law-shanghai-keji-jinbu-tiaoli-2024.txt",
    required=(
        (1, 1, "立法目的: 为了促进科学技术进步…根据《科学技术进步法》…制定本条例"),
        (3, 2, "指导方针: 面向经济建设和社会发展 -> 坚持…面向经济主战场、面向国家重大需求"),
        (4, 3, "营造良好的科技创新氛围 -> 营造敢为人先、鼓励创新、宽容失败的社会氛围"),
        (5, 4, "市人民政府领导全市科学技术进步工作, 区(县)政府推进本地区工作"),
        (6, 4, "科学技术行政部门综合管理, 其他部门各自职责 -> art4 third paragraph"),
        (7, 4, "科技进步纳入国民经济和社会发展规划 -> art4 first paragraph"),
        (8, 30, "高新技术产业开发区的建设 -> 加强…高新技术产业开发区建设发展 (区域科技创新)"),
        (10, 33, "国内外科学技术合作与交流 -> 国际科学技术合作与交流机制"),
        (11, 6, "本市设立科学技术奖"),
        (12, 16, "以企业为主体…的技术创新体系, 创新要素向企业聚集 -> 企业科技创新主体地位"),
        (15, 19, "创业投资引导基金 -> 设立政府引导基金…创业投资"),
        (16, 19, "科技与金融结合, 知识产权质押融资 -> 科技金融…知识产权质押贷款"),
        (18, 17, "科技型中小企业创新资金 -> 科技型中小企业支持机制…安排专项资金"),
        (19, 9, "本市安排自然科学资金 -> 市人民政府设立自然科学基金"),
        (20, 21, "重点实验室…科学技术创新基地 -> 实验室体系"),
        (21, 24, "鼓励企业建立研究开发机构 -> 鼓励企业和其他社会力量创办科学技术研究开发机构"),
        (22, 25, "科学技术人才队伍建设, 创新人才和创新团队 -> 人才高地, 科技领军人才和创新团队"),
        (23, 28, "兼职、岗位流动等多种方式 实行人才交流"),
        (24, 14, "职务科技成果转化, 对完成人给予奖励 -> 对完成、转化科技成果做出重要贡献的人员给予奖励"),
        (25, 42, "科研诚信档案 作为聘任专业技术职务或职称…的依据 -> 科学技术活动信用信息…重要依据"),
        (26, 45, "探索性强、风险高的项目未完成不影响再申请 -> 探索性强、不确定性高…不作负面评价"),
        (27, 39, "科学技术基础条件资源调查, 公布资源的分布、使用情况"),
        (29, 39, "研发公共服务平台: 科学技术资源信息查询、推介等服务 -> art39 second half"),
        (30, 15, "培育和发展技术市场, 中介服务机构 -> 技术要素市场化配置, 技术转移机构"),
        (31, 5, "科普工作规划, 科学技术知识的普及 -> 发展科学技术普及事业"),
        (37, 36, "以政府投入为引导…的科学技术经费投入体制(体系), 研发经费占GDP比例"),
        (38, 41, "财政性科学技术资金, 绩效评价, 审计、财政部门监督检查"),
        (39, 20, "技术开发、技术转让税收优惠, 研究开发费用加计扣除"),
        (42, 37, "政府采购自主创新产品, 订购 -> 政府首购、订购, 创新产品推荐目录"),
        (49, 47, "本条例自…起施行"),
    ),
    acceptable=(
        (10, 32, "国内科学技术合作 -> 与国内其他地区开展科技创新合作"),
        (18, 18, "高新技术创业服务中心 -> 科技企业孵化机构"),
        (22, 26, "培养科学技术创新人才 -> 科技创新人才培养机制"),
        (22, 27, "引进科学技术创新人才 -> 科技创新人才引进政策"),
        (23, 29, "计入专业工作经历, 职称评定 -> 职称评审体系"),
        (24, 13, "约定成果完成人的股权、收益 -> 赋权, 约定转化收入的分配方式"),
        (28, 38, "科学技术资源向社会开放共享 -> 大型科学仪器设施向社会开放共享"),
        (28, 39, "公布科学技术资源的使用情况"),
        (32, 5, "科学技术普及场馆、设施 -> 科学技术普及基础设施"),
        (34, 5, "青少年科学技术知识普及 -> 提高…青少年的科学文化素养"),
        (45, 42, "弄虚作假, 禁止申请项目 -> 科研诚信失信行为…联合惩戒"),
    ),
)

# 北京市优化营商环境条例 2020 -> 2024: the policy-making articles 64-68 were regrouped into 74-77.
BEIJING = Gold(
    "law-beijing-youhua-yingshang-tiaoli-2020.txt", "law-beijing-youhua-yingshang-tiaoli-2024.txt",
    required=(
        (63, 73, "行政处罚信息公示期"),
        (64, 75, "制定政策措施应当进行公平竞争审查 -> 起草…开展公平竞争审查"),
        (64, 76, "市场主体认为政策措施影响公平竞争的, 有权举报 -> art76 second paragraph"),
        (65, 74, "充分听取意见, 公开征求意见不少于三十日"),
        (66, 74, "不少于三十日的适应调整期"),
        (67, 77, "及时清理行政规范性文件, 清理结果向社会公布"),
        (68, 74, "制定政策措施应当进行合法性审查 -> art74 first clause"),
        (68, 76, "认为规范性文件同上位法相抵触, 可以提出审查建议 -> art76 first paragraph"),
        (69, 78, "支持在京商事仲裁机构和商事调解机构发展"),
    ),
    acceptable=(),
    scope_old=frozenset(range(63, 70)),
    scope_new=frozenset(range(73, 79)),
)

# 柳河县重点产业 实施意见, old -> 2023: measures became numbered articles.
LIUHE = Gold(
    "liuhe-zhongdian-chanye-shishi-yijian-old.html", "liuhe-zhongdian-chanye-shishi-yijian-2023.html",
    required=(
        ("p1", "art1", "不低于1亿元的重点产业发展引导资金"),
        ("p2.a1.m1", "art2", "固定资产投资 按5%-20%奖励"),
        ("p2.a1.m2", "art3", "重大项目 一事一议"),
        ("p2.a1.m3", "art4", "绩效支持奖励 -> 绩效奖励, 前…年80%, 后…年50%"),
        ("p2.a1.m4", "art19", "各乡镇招商的固定资产投资项目"),
        ("p2.m2", "art7", "新产品研发支持 -> 鼓励企业产品研发"),
        ("p2.m3", "art8", "药品品种引进支持 -> 鼓励药品品种开发和引进"),
        ("p2.m5", "art17", "种植基地建设奖励补助"),
        ("p2.m6", "art9", "企业科技创新奖励补助 -> 鼓励企业科技创新"),
        ("p2.m7", "art10", "企业品牌建设 -> 标准创制和品牌建设"),
        ("p2.m8", "art15", "挂牌上市"),
        ("p2.m9", "art14", "企业升规 -> 升级入统"),
        ("p2.m10", "art16", "并购重组 -> 兼并重组"),
        ("p3", "art22", "政策兑现: 领导小组审核批准后, 依据《…管理办法》兑现"),
        ("p4", "art20", "组织保障: 成立…重点产业…领导小组, 统筹、协调、全力推进重点产业发展"),
        ("p5", "art24", "与国家政策相抵触的, 按国家和上级文件执行"),
        ("p5", "art25", "就高不重复"),
        ("p5", "art26", "本政策自发布之日起施行, 以前的政策同时废止"),
    ),
    acceptable=(),
    by_id=True,
)

GOLDS = (SHANGHAI, BEIJING, LIUHE)


def produced_pairs(result, by_id: bool = False) -> set[tuple]:
    """Every (old, new) clause pair in a diff; a split or merge gives one pair per member."""
    name = (lambda u: u.node.id) if by_id else (lambda u: u.node.ordinal)
    return {(name(o), name(n)) for c in result.changes if c.level == "clause"
            for o in c.old for n in c.new}


def score(gold: Gold, result) -> tuple[float, float, set, set]:
    """(precision, recall, false pairs, missed pairs) of a diff against the gold table."""
    pairs = produced_pairs(result, gold.by_id)
    if gold.scope_old is not None:
        pairs = {(o, n) for o, n in pairs if o in gold.scope_old or n in gold.scope_new}
    required = {(o, n) for o, n, _ in gold.required}
    good = required | {(o, n) for o, n, _ in gold.acceptable}
    precision = len(pairs & good) / len(pairs) if pairs else 1.0
    return precision, len(pairs & required) / len(required), pairs - good, required - pairs
