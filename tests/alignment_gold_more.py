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

MORE_GOLDS = (SHOUYANG, WANGBA)
