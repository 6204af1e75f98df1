"""Chinese labels and descriptions of the library's tables and columns, and the canned queries.

Data only: `web` turns them into Datasette metadata. A table or column not listed
(a new extractor's layer) is shown under its own name, described by its record
type's field docs.
"""
from __future__ import annotations

PLUGIN = "policy-library"  # the name of the Datasette plugin and of its configuration

OFFSETS = "在源文本中的字符偏移"
DOC = ("所属文件", "documents 表的编号")
NODE = ("所属节点", "nodes 表的编号：记录所在的条款节点")
SEQ = ("序号", "记录在该节点中的顺序（从 0 起）")

DATABASE = ("政策（policies）由各版本文件（documents）组成；条款（nodes）为结构树的节点；责任分工、资金条款、"
            "未量化支持、目标指标、引用文件各为一表，可直接用 SQL 查询；版本变化（changes、field_changes）为相邻版本间的"
            "逐条对比。文件标题链接到大纲页，版本号链接到与上一版本的对比页。")
MONEY_ROLES = {"grant": "补助奖励", "rate": "比例", "cap": "上限", "threshold": "门槛", "share": "占比",
               "budget_growth": "投入增长", "fine": "罚款", "fee": "收费", "fund_size": "基金规模", "other": "其他"}
QUALIFIERS = {"exact": "确数", "at_least": "不低于", "at_most": "最高", "range": "区间", "about": "约"}
UNIT_ROLES = {"lead": "牵头", "co": "配合", "guide": "指导", "collective": "集体"}


def _listing(words: dict[str, str]) -> str:
    return "；".join(f"{k} {v}" for k, v in words.items())


# table: (label, description, {column: (label, description)})
TABLES: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "policies": ("政策", "同一政策的各个版本归为一组：标题去掉（征求意见稿）（草案）等状态词后相同、发布机关相容，"
                 "或由 VERSIONS 文件、--version-of 指定。", {
        "id": ("政策编号", "policy history ID 使用的编号"),
        "title": ("政策名称", "最新一个有标题的版本的标题，去掉状态词"),
        "issuer": ("发布机关", "最新版本的发布机关"),
        "versions": ("版本数", "库中该政策的版本数"),
        "latest_document_id": ("最新版本", "最新版本的文件编号"),
        "latest_date": ("最新日期", "最新版本的日期"),
    }),
    "documents": ("文件", "库中的每个文件（一个版本一行）：前置信息、征求意见截止时间与联系方式、来源和内容哈希。", {
        "id": ("文件编号", "policy diff 可直接使用的编号"),
        "policy_id": ("所属政策", "policies 表的编号"),
        "version": ("版本", "在所属政策中的版本序号：按声明顺序、日期、状态（草案在前）排列"),
        "attached": ("归组方式", "family 标题与机关相同；declared VERSIONS 文件声明；version-of 手动指定；"
                     "new 新政策；ambiguous 匹配多个政策，未自动归组"),
        "doc_id": ("文件标识", "由文件名得到的标识"),
        "title": ("标题", "文件标题（含状态词）"),
        "status": ("状态", "征求意见稿、草案、送审稿、试行等；空为正式文本"),
        "doc_number": ("发文字号", "如 国发〔2018〕39号"),
        "issuer": ("发布机关", "发文机关或征求意见函的发出机关"),
        "date": ("成文日期", "文件日期（ISO 格式）"),
        "year": ("年份", "成文日期或函件日期的年份"),
        "addressee": ("主送机关", "主送单位"),
        "letter_title": ("函件标题", "征求意见函或印发通知的标题"),
        "letter_date": ("函件日期", "征求意见函的日期"),
        "comment_deadline": ("意见反馈截止", "征求意见截止时间（ISO 格式，可含时刻）"),
        "deadline_text": ("截止时间原文", "原文中的截止时间表述"),
        "contact_name": ("联系人", "征求意见联系人"),
        "contact_phone": ("联系电话", "联系电话"),
        "feedback": ("反馈渠道", "电子邮箱、通信地址、网站等，一行一个"),
        "source_path": ("源文件路径", "添加时的路径"),
        "source_name": ("文件名", "源文件名"),
        "format": ("格式", "text、html、docx、pdf"),
        "content_hash": ("内容哈希", "源文件的 SHA-256；内容相同的文件不会重复入库"),
        "family_key": ("归组键", "去掉状态词、空格和发文机关后的标题，用于版本归组"),
        "chars": ("字数", "正文字符数"),
        "added_at": ("入库时间", "UTC 时间"),
    }),
    "nodes": ("条款", "文件结构树的每个节点（部分、行动、措施、章、条、款、项……），正文为本节点自身文字（不含下级）。", {
        "document_id": DOC,
        "node_id": ("节点标识", "由编号组成的稳定标识，如 p2.a1.m3、art19.para2"),
        "parent": ("上级节点", "nodes 表的编号"),
        "position": ("顺序", "在文件中的先后顺序"),
        "depth": ("层级", "在结构树中的深度"),
        "kind": ("类型", "part 部分、action 行动、measure 措施、chapter 章、section 节、article 条、"
                 "paragraph 款、item 项、preamble 前言、closing 结尾、attachment 附件等"),
        "path": ("编号路径", "从上到下的编号，如 二 （一） 1"),
        "num": ("编号", "原文编号（不含标点）"),
        "ordinal": ("序号", "编号的数值，第十九条 → 19"),
        "title": ("小标题", "第一个句号前的短标题"),
        "text": ("正文", "本节点自身的文字，不含下级节点"),
        "start": ("起点", OFFSETS), "end": ("终点", OFFSETS), "own_end": ("自身文字终点", OFFSETS),
        "provenance": ("来源位置", "在 HTML、Word、PDF 中的位置"),
    }),
    "responsibilities": ("责任分工", "每个责任单位一行：责任说明（责任单位：…；…牵头，…配合）中的单位及其角色。", {
        "document_id": DOC, "node": NODE, "seq": SEQ,
        "text": ("责任说明", "原文（任务分工表的一行：各单元格以制表符相连）"),
        "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
        "lead": ("牵头单位（原文）", "原文中的牵头单位"),
        "lead_normalized": ("牵头单位", "补全后的牵头单位全称"),
        "lead_assumed": ("牵头为推定", "1：文件未说明，按排在第一位推定"),
        "convention": ("牵头约定", "决定牵头单位的原文表述，如 列第一位的为牵头单位"),
        "deadline": ("完成时限", "说明中的完成时限"),
        "source": ("来源", "text 正文；table 任务分工表"),
        "unit_seq": ("单位序号", "单位在说明中的顺序"),
        "unit_name": ("单位（原文）", "原文中的单位名称"),
        "unit_normalized": ("单位", "补全后的单位全称"),
        "unit_role": ("角色", _listing(UNIT_ROLES) + "（各地各部门等）"),
        "unit_start": ("单位起点", OFFSETS), "unit_end": ("单位终点", OFFSETS),
    }),
    "money": ("资金条款", "每个金额或比例一行：类型、限定、以元计的金额、比例、对象、条件与用途。", {
        "document_id": DOC, "node": NODE, "seq": SEQ,
        "text": ("原文", "金额或比例的原文"), "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
        "role": ("类型", _listing(MONEY_ROLES)),
        "qualifier": ("限定", _listing(QUALIFIERS)),
        "amount_yuan": ("金额（元）", "以元计"), "amount_min_yuan": ("下限（元）", "区间下限"),
        "amount_max_yuan": ("上限（元）", "区间上限"),
        "rate": ("比例", "小数，10% → 0.1；罚款倍数"), "rate_min": ("比例下限", ""), "rate_max": ("比例上限", ""),
        "base": ("比例基数", "比例所依据的数额，如 研发投入年增量"),
        "per": ("计量范围", "原文，如 单个企业每年、每项"), "duration_years": ("年数", "连续年数"),
        "one_time": ("一次性", "1：一次性"), "recipient": ("对象", "获得者"), "condition": ("条件", "适用条件"),
        "purpose": ("用途", "资金用途"), "linked": ("关联", "同一节点中关联的金额（序号）：比例与其上限互相指向"),
    }),
    "support": ("未量化支持", "没有具体数额的支持承诺（给予一定经费支持、相应配套……）。", {
        "document_id": DOC, "node": NODE, "seq": SEQ, "text": ("原文", ""),
        "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
        "kind": ("类型", "discretionary 酌情；matching 配套；case_by_case 一事一议；sought 争取；one_time 一次性；"
                 "unspecified 未明确"), "cue": ("提示词", ""), "recipient": ("对象", ""),
    }),
    "targets": ("目标指标", "发展目标与承诺的数量指标。", {
        "document_id": DOC, "node": NODE, "seq": SEQ, "text": ("原文", ""),
        "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
        "metric": ("指标", ""), "value": ("数值", ""), "unit": ("单位", ""),
        "qualifier": ("限定", "exact、at_least、at_most、range、about"), "year": ("目标年份", ""),
        "year_inferred": ("年份为推断", ""), "baseline_year": ("基准年", "较2024年翻一番 → 2024"),
        "trend": ("趋势", ""),
    }),
    "references": ("引用文件", "正文引用的文件：《标题》与文号。", {
        "document_id": DOC, "node": NODE, "seq": SEQ, "title": ("被引标题", "不含书名号"),
        "doc_number": ("被引文号", ""), "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
    }),
    "warnings": ("提示", "解析时的非致命发现：编号缺漏、牵头单位推定、金额缺单位等。", {
        "document_id": DOC, "node": ("所在节点", "nodes 表的编号"),
        "layer": ("所属层", "空为结构；否则为 responsibilities、money 等"),
        "code": ("代码", "W1xx 结构；W3xx 责任分工；W4xx 资金"), "message": ("说明", ""),
        "start": ("起点", OFFSETS), "end": ("终点", OFFSETS),
    }),
    "changes": ("版本变化", "相邻两个版本之间逐条的对应关系与变化。", {
        "policy_id": ("所属政策", ""), "old_document_id": ("旧版本", "文件编号"),
        "new_document_id": ("新版本", "文件编号"), "seq": ("顺序", "按新版本阅读顺序"),
        "level": ("层级", "container 章节部分；clause 条或措施；item 项"),
        "status": ("变化", "unchanged 未变；formatting 仅格式；modified 修改；added 新增；deleted 删除；"
                   "split 拆分；merged 合并"),
        "renumbered": ("编号变化", "1：编号变了"), "moved": ("位置移动", "1：移到另一章或部分"),
        "similarity": ("相似度", "0–1"), "paired_by": ("配对方式", "exact、position、heading、content、topic……"),
        "old_node": ("旧节点", ""), "new_node": ("新节点", ""), "old_path": ("旧编号", ""), "new_path": ("新编号", ""),
        "old_title": ("旧标题", ""), "new_title": ("新标题", ""),
        "old_count": ("旧条数", "拆分合并时多于 1"), "new_count": ("新条数", "拆分合并时多于 1"),
        "field_changes": ("数据变化数", "field_changes 中属于此条的行数"),
    }),
    "change_parts": ("拆分合并", "拆分或合并时涉及的每一条。", {
        "change_id": ("变化", "changes 表的编号"), "side": ("版本", "old 旧；new 新"),
        "position": ("顺序", ""), "node": ("节点", "nodes 表的编号"),
    }),
    "field_changes": ("数据变化", "资金、责任单位、目标、标题、状态、截止时间等提取数据的变化，每项一行。", {
        "policy_id": ("所属政策", ""), "old_document_id": ("旧版本", ""), "new_document_id": ("新版本", ""),
        "change_id": ("所在条", "changes 表的编号；空为文件层面"),
        "field": ("字段", "money 资金；responsibilities 责任分工；targets 目标；title 标题；status 状态……"),
        "change": ("变化", "added 新增；removed 删除；changed 修改；lead_changed 牵头单位变化；unit_added 增加单位；"
                   "unit_removed 删除单位"),
        "label": ("条目", "如 不低于500万元"), "old_value": ("旧值", ""), "new_value": ("新值", ""),
        "keys": ("变化的属性", "field_change_details 中的属性名"),
    }),
    "field_change_details": ("数据变化明细", "一项数据变化中每个不同的属性。", {
        "field_change_id": ("数据变化", "field_changes 表的编号"), "key": ("属性", ""),
        "old_value": ("旧值", ""), "new_value": ("新值", ""),
    }),
    "history": ("版本历史", "每个政策的各版本及与上一版本相比的变化条数（条或措施）。", {
        "policy": ("政策", ""), "version": ("版本", ""), "versions": ("版本数", ""), "document_id": ("文件编号", ""),
        "modified": ("修改", ""), "added": ("新增", ""), "deleted": ("删除", ""), "renumbered": ("重新编号", ""),
        "money_changes": ("资金变化", ""),
    }),
    "leads": ("牵头任务", "每条有牵头单位的责任说明一行，附文件与条款。", {
        "unit": ("牵头单位", "补全后的全称"), "unit_name": ("牵头单位（原文）", ""), "document_id": DOC,
        "document": ("文件", ""), "issuer": ("发布机关", ""), "year": ("年份", ""), "node": NODE,
        "path": ("编号路径", ""), "clause": ("条款", "小标题"), "deadline": ("完成时限", ""),
    }),
}

HIDDEN = ("declared_versions", "document_json", "clauses_fts")
FACETS = {
    "documents": ["issuer", "status", "year"], "policies": ["issuer"], "nodes": ["kind"],
    "responsibilities": ["unit_role", "unit_normalized"], "leads": ["unit", "issuer", "year"],
    "money": ["role", "qualifier"], "support": ["kind"], "targets": ["year"], "warnings": ["code", "layer"],
    "changes": ["status", "level", "renumbered"], "field_changes": ["field", "change"],
}
LABEL_COLUMNS = {"policies": "title", "documents": "title", "nodes": "path"}
LAYER_NAMES = {"responsibilities": "责任", "money": "资金", "support": "支持", "targets": "目标", "references": "引用"}

QUERIES = {
    "drafts_due": {
        "title": "即将截止的征求意见稿",
        "description": "意见反馈截止时间在指定日期（默认今天）之后的征求意见稿，截止早的在前。",
        "sql": """SELECT id AS document_id, coalesce(title, letter_title) AS title, issuer, comment_deadline,
  contact_name, contact_phone, feedback
FROM documents
WHERE comment_deadline >= coalesce(nullif(:from_date, ''), date('now', '+8 hours'))
ORDER BY comment_deadline""",
    },
    "led_by": {
        "title": "某单位牵头的全部任务",
        "description": "输入单位名称的一部分（如 科学技术局），列出其牵头的全部措施及资金。",
        "sql": """SELECT r.unit_normalized AS unit, d.id AS document_id, coalesce(d.title, d.doc_id) AS document,
  d.date, n.path, n.title AS clause, r.deadline,
  (SELECT group_concat(m.text, '、') FROM money m WHERE m.node = r.node) AS money
FROM responsibilities r JOIN documents d ON d.id = r.document_id JOIN nodes n ON n.id = r.node
WHERE r.unit_role = 'lead' AND r.unit_normalized LIKE '%' || :unit || '%'
ORDER BY d.date, d.id, n.position""",
    },
    "money_at_least_1m": {
        "title": "资金不少于100万元的措施",
        "description": "金额（或其上限、下限）不少于100万元的补助奖励（grant）、支持上限（cap）和基金规模（fund_size）。",
        "sql": """SELECT d.id AS document_id, coalesce(d.title, d.doc_id) AS document, d.date, n.path,
  n.title AS clause, m.text, m.role, m.qualifier,
  coalesce(m.amount_yuan, m.amount_max_yuan, m.amount_min_yuan) AS yuan, m.recipient
FROM money m JOIN nodes n ON n.id = m.node JOIN documents d ON d.id = m.document_id
WHERE coalesce(m.amount_yuan, m.amount_max_yuan, m.amount_min_yuan) >= 1000000
  AND m.role IN ('grant', 'cap', 'fund_size')
ORDER BY yuan DESC""",
    },
    "leads_per_unit": {
        "title": "各单位牵头任务数",
        "description": "每个单位作为牵头单位的条款数与文件数。",
        "sql": """SELECT unit_normalized AS unit, count(DISTINCT node) AS clauses, count(DISTINCT document_id) AS documents
FROM responsibilities WHERE unit_role = 'lead'
GROUP BY unit_normalized ORDER BY clauses DESC, unit""",
    },
    "search": {
        "title": "全文检索",
        "description": "在条款正文中检索（两个字的词如 补贴、人才 也能找到；多个词用空格分开，须同时出现）。",
        "sql": """SELECT n.document_id, coalesce(d.title, d.doc_id) AS document, d.date, n.path, n.title AS clause,
  policy_snippet(n.text, :q) AS snippet
FROM clauses_fts JOIN nodes n ON n.id = clauses_fts.rowid JOIN documents d ON d.id = n.document_id
WHERE clauses_fts MATCH policy_match(:q)
ORDER BY clauses_fts.rank LIMIT 200""",
    },
}
