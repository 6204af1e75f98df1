"""Hand-made article pairings for more real version pairs (see corpus/SOURCES.md).

Same form as alignment_gold.py: rows (old, new, why) written by reading both texts,
units named by article ordinal.
"""
from __future__ import annotations

from alignment_gold import Gold

# 中国公民收养子女登记办法 2019 -> 2023 (second revision): 收养法 -> 民法典 throughout, a new
# art3 (党的领导, 最有利于被收养人), so old arts 3-15 move down by one; in old art5 the 计划生育部门
# became 卫生健康主管部门 and 无子女的证明 became 生育情况证明; in old art6 the 计划生育 agreement
# required of 生父母 was deleted.
SHOUYANG = Gold(
    "law-shouyang-dengji-banfa-2019.txt", "law-shouyang-dengji-banfa-2023.txt",
    required=(
        (1, 1, "立法目的: 根据收养法 -> 根据民法典"),
        (2, 2, "收养登记机关是县级人民政府民政部门 (unchanged)"),
        (3, 4, "登记地: 社会福利机构所在地 / 弃婴发现地 / 常住户口所在地"),
        (4, 5, "当事人亲自办理; 夫妻共同收养, 书面委托"),
        (5, 6, "收养人提交的证件: 计划生育部门 -> 卫生健康主管部门, 无子女的证明 -> 生育情况证明"),
        (6, 7, "送养人提交的证件: 计划生育协议 deleted, 收养法 -> 民法典"),
        (7, 8, "30日内审查, 公告满60日"),
        (8, 9, "户口登记或者迁移手续"),
        (9, 10, "协议解除收养关系的登记"),
        (10, 11, "解除登记 30日内审查"),
        (11, 12, "出具虚假证明材料"),
        (12, 13, "弄虚作假骗取收养登记, 收养关系无效"),
        (13, 14, "证件式样由国务院民政部门制订"),
        (14, 15, "华侨以及港澳台居民在内地收养"),
        (15, 16, "本办法自发布之日起施行"),
    ),
    acceptable=(),
)

# 互联网上网服务营业场所管理条例 2019 file (text as of the 2016 revision) -> 2022 (fourth revision):
# art11 (筹建后 公安机关 信息网络安全审核) now a 承诺 with a fifth paragraph (通报或报备); a new
# art32 (公安机关 20个工作日内 实地检查, 15000元以下罚款) inserted, so old arts 32-37 move down by one;
# the rest differ only in the width of （）.
WANGBA = Gold(
    "law-wangba-guanli-tiaoli-2019.txt", "law-wangba-guanli-tiaoli-2022.txt",
    required=tuple((n, n, "same article, same number") for n in range(1, 32))
    + tuple((n, n + 1, "moved down by the new art32") for n in range(32, 38)),
    acceptable=(),
)

# 人体器官移植条例 2007 (32 articles, 5 chapters) -> 人体器官捐献和移植条例 2023 (50 articles, 4 chapters
# and a bare 附 则 line): a full revision. 摘取 became 获取, 尸体 became 遗体; 遗体器官获取 got its own
# articles (15-22); the old review article (18) split into a 遗体 review (17-18) and a 活体 review (28);
# the penalties (old 25-31) were rewritten and regrouped (new 35-49), fines raised (交易额8倍以上10倍以下
# -> 10倍以上20倍以下; 10万元以上50万元以下 new).
ORGAN = Gold(
    "law-renti-qiguan-yizhi-tiaoli-2007.txt", "law-renti-qiguan-juanxian-yizhi-tiaoli-2023.txt",
    required=(
        (1, 1, "立法目的: 规范人体器官移植 -> 规范人体器官捐献和移植"),
        (2, 2, "适用范围, 人体器官移植的定义"),
        (3, 6, "不得以任何形式买卖人体器官 (unchanged)"),
        (4, 4, "卫生主管部门负责监督管理 -> 卫生健康部门"),
        (4, 5, "各级红十字会依法参与人体器官捐献的宣传 -> 红十字会依法参与、推动人体器官捐献工作"),
        (5, 7, "举报, 处理结果向举报人通报"),
        (6, 3, "国家建立人体器官移植工作体系 -> 国家建立人体器官捐献和移植工作体系"),
        (7, 8, "自愿、无偿的原则 (unchanged)"),
        (8, 9, "完全民事行为能力, 书面形式, 配偶、成年子女、父母共同决定"),
        (9, 10, "不得摘取未满18周岁公民的活体器官 -> 获取"),
        (10, 11, "活体器官的接受人限于…; 因帮扶等形成亲情关系的人员 deleted"),
        (11, 23, "医疗机构从事人体器官移植: 登记 and the four conditions"),
        (12, 24, "登记时考虑医疗需求, 公布名单"),
        (13, 25, "不再具备条件的停止, 2日 -> 2个工作日内注销"),
        (14, 26, "移植临床应用能力评估"),
        (15, 30, "遵守伦理原则和技术管理规范"),
        (16, 31, "医学检查, 风险评估, 采取措施降低风险"),
        (17, 17, "摘取前提出审查申请 -> 获取遗体器官前提出审查申请"),
        (17, 28, "摘取活体器官前提出审查申请 -> 获取活体器官前提出审查申请"),
        (18, 18, "伦理委员会审查事项, 2/3以上委员同意 -> 遗体器官的审查, 三分之二以上委员"),
        (18, 28, "审查事项 incl. 配型和接受人的适应症 -> 活体器官的审查"),
        (19, 29, "摘取活体器官前的说明、查验、确认义务"),
        (20, 19, "死亡判定, 尊严, 恢复尸体原貌 -> 恢复遗体外观"),
        (21, 32, "只收取手术费等费用, 不得收取器官的费用"),
        (22, 20, "排序 -> 分配: 符合医疗需要, 公平、公正和公开"),
        (23, 33, "个人资料保密 -> 个人信息依法予以保护"),
        (24, 34, "定期报告实施情况 -> 病例登记报告制度"),
        (25, 36, "构成犯罪的情形: 未经同意摘取活体器官, 未满18周岁"),
        (26, 37, "买卖人体器官: 交易额8倍以上10倍以下 -> 10倍以上20倍以下"),
        (27, 38, "para1 未办理登记擅自从事人体器官移植"),
        (27, 44, "para2 未进行医学检查 -> 未对人体器官捐献人…进行医学检查"),
        (27, 45, "para3 泄露个人资料 -> 泄露个人信息"),
        (27, 46, "para5 违反收费规定, 依照价格管理的法律"),
        (27, 49, "para4 给他人造成损害的, 依法承担民事责任"),
        (28, 40, "(二) 未履行说明、查验、确认义务 -> art40 (六)"),
        (28, 42, "(一) 未经伦理委员会审查同意摘取 -> 未经…审查同意获取人体器官"),
        (28, 43, "(三) 对尸体未进行医学处理 -> art43 (三) 对遗体"),
        (29, 38, "(一) 不再具备条件仍从事人体器官移植 -> art38 second paragraph"),
        (29, 42, "(二) 未经伦理委员会审查同意做出摘取决定 -> art42"),
        (29, 43, "second paragraph 未定期报告 -> art43 (四) 未依照第三十四条报告"),
        (30, 40, "医务人员参与死亡判定 -> art40 (三)"),
        (31, 48, "国家机关工作人员 -> 公职人员 滥用职权、玩忽职守、徇私舞弊"),
        (32, 50, "施行日期; 《人体器官移植条例》同时废止"),
    ),
    acceptable=(
        (6, 12, "开展人体器官捐献的宣传 -> 国家加强人体器官捐献宣传教育"),
        (6, 21, "组织协调人体器官的使用 -> 分配系统统一分配"),
        (11, 15, "移植的条件 -> 遗体器官获取的条件, same four-item shape"),
        (11, 18, "(三) 伦理委员会由医学、法学、伦理学等方面专家组成, 医学专家不超过1/4 -> art18 first paragraph"),
        (17, 18, "伦理委员会不同意的, 不得摘取 -> 同意获取的, 方可获取"),
        (29, 40, "(三) 有第二十八条(二)(三)项情形 -> art40 (六)"),
    ),
)

MORE_GOLDS = (SHOUYANG, WANGBA, ORGAN)
