"""Generated texts of any size: laws, 实施意见 and the adversarial shapes of the fuzz cases.

Used by `bench/bench_scaling.py` (time per KB at sizes from 20 KB to 10 MB) and by the
numbering and hostile-input tests. Each generator takes a target size in bytes (UTF-8)
and returns a text of about that size; the output depends on the size only.
"""
from __future__ import annotations

import random
from pathlib import Path

from pipeline.load.numbering import chinese

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

_LAW_SENTENCES = (
    "违反本条例规定，未按照规定办理登记的，由县级以上人民政府市场监督管理部门责令改正，处五百元以上二千元以下罚款。",
    "国家鼓励和支持科学技术研究开发，保护知识产权，促进科学技术成果转化。",
    "县级以上地方人民政府应当将本条例的实施纳入国民经济和社会发展规划，所需经费列入本级财政预算。",
    "有关部门应当依照本条例的规定，在各自职责范围内做好相关工作。",
)
_ITEMS = ("未依法取得许可擅自经营的", "拒绝、阻碍监督检查的", "提供虚假材料的", "其他违反法律、行政法规规定的")


def law(size: int) -> str:
    """A regulation of `size` bytes: 第X章 every 25 articles, articles with 款 and 项,
    numbered on past 第九千九百九十九条 (第一万条, 第一万零一条 …)."""
    out = ["中华人民共和国测试条例\n\n"]
    total, n = len(out[0].encode()), 0
    while total < size:
        n += 1
        parts = []
        if n % 25 == 1:
            parts.append(f"第{chinese(n // 25 + 1)}章　第{chinese(n // 25 + 1)}部分规定\n")
        body = _LAW_SENTENCES[n % len(_LAW_SENTENCES)]
        parts.append(f"第{chinese(n)}条　{body}\n")
        if n % 3 == 0:
            parts.append("有下列情形之一的，依照前款规定处罚：\n")
            parts += [f"（{chinese(k)}）{_ITEMS[k - 1]}；\n" for k in range(1, 5)]
        if n % 7 == 0:
            parts.append("前款规定的罚款，由县级以上人民政府财政部门统一收缴。\n")
        chunk = "".join(parts)
        out.append(chunk)
        total += len(chunk.encode())
    return "".join(out)


_UNITS = ("市科技局", "市财政局", "市发展改革委", "市工业和信息化局", "市人力资源社会保障局", "各区人民政府")


def opinion(size: int) -> str:
    """A 实施意见 of `size` bytes: 一、 > （一） > 1. > （1） > ①, with responsibility notes
    (a 下同 convention up front) and money terms; 一、 runs past 九十九、 (一百、 …)."""
    rng = random.Random(size)
    head = ("关于加快推进科技创新的实施意见\n\n各区人民政府，市政府各部门：\n"
            "为加快推进科技创新，结合本市实际，提出如下实施意见。\n")
    out = [head]
    total, part = len(head.encode()), 0
    while total < size:
        part += 1
        parts = [f"{chinese(part)}、重点任务{part}\n"]
        for a in range(1, 4):
            parts.append(f"（{chinese(a)}）实施第{part}项第{a}个行动\n")
            for m in range(1, 4):
                units = "、".join(rng.sample(_UNITS, 3))
                amount = rng.choice(("500万元", "300万元", "一千万元", "50万元"))
                note = ("（责任单位：" + units + "。列第一位的为牵头单位，下同）" if part == 1 and a == 1 and m == 1
                        else f"（责任单位：{units}）")
                parts.append(f"{m}.支持企业开展研发活动。对认定的企业给予最高{amount}奖励，"
                             f"按照研发投入的10%给予补助。{note}\n")
                if m == 2:
                    parts += [f"（{k}）建设创新平台{k}。\n" for k in range(1, 3)]
                    parts += ["①完善服务体系。\n", "②强化人才支撑。\n"]
        chunk = "".join(parts)
        out.append(chunk)
        total += len(chunk.encode())
    return "".join(out)


def _repeat(head: str, unit: str, size: int, tail: str = "\n") -> str:
    count = max(1, (size - len(head.encode())) // len(unit.encode()))
    return head + unit * count + tail


def brackets(size: int) -> str:
    """`（甲）` repeated on one line under a heading (the notes search once rescanned per bracket)."""
    return _repeat("关于测试的通知\n一、总体要求\n", "（甲）", size)


def nested(size: int) -> str:
    """`一、/（一）/1./（1）/①` lines cycling, the fuzz case's generator scaled to `size`."""
    markers = ("一、", "（一）", "1.", "（1）", "①")
    out, total, j = ["关于测试的实施意见\n"], 0, 0
    while total < size:
        line = f"{markers[j % 5]}措施内容{j}。\n"
        out.append(line)
        total += len(line.encode())
        j += 1
    return "".join(out)


def money_flood(size: int) -> str:
    """`给予500万元、` repeated in one sentence, every tenth time a clause with a 对 phrase,
    a rate and a cap instead (the fuzz case is the first alone)."""
    unit = "500万元、" * 9 + "对企业给予10%的补助，最高不超过300万元，给予"
    return _repeat("关于测试的通知\n一、资金\n给予", unit, size, "500万元奖励。\n")


def long_lines(size: int) -> str:
    """A real law whose lines are duplicated, with long lines of `（一）` and of unclosed `（`
    spliced in (the shape of the 115–166 ms/KB fuzz cases), repeated up to `size`."""
    rng = random.Random(size)
    lines = (CORPUS / "law-fan-buzhengdang-jingzheng-2019.txt").read_text(encoding="utf-8").splitlines(True)
    out, total, k = [], 0, 0
    while total < size:
        line = lines[k % len(lines)]
        k += 1
        pieces = [line, line] if rng.random() < 0.3 else [line]
        if rng.random() < 0.05:
            pieces.append("监督检查部门调查" + "（一）" * rng.randint(200, 2000) + "\n")
        if rng.random() < 0.05:
            pieces.append("（六）获取活体器官前未依照查" + "（" * rng.randint(200, 2000) + "\n")
        chunk = "".join(pieces)
        out.append(chunk)
        total += len(chunk.encode())
    return "".join(out)


def _full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in s)


def mangled_html(size: int) -> str:
    """A Word-exported page of `size` bytes (the 六河 page's paragraphs, repeated) in which
    every fifth paragraph's markup has its ASCII turned full-width, so attributes, tags
    and brackets spill into the text (the shape of the 78 KB page that hung)."""
    rng = random.Random(size)
    page = (CORPUS / "liuhe-zhongdian-chanye-shishi-yijian-2023.html").read_bytes().decode("utf-8", "replace")
    paras = [p + "</p>" for p in page.split("</p>") if "<p" in p]
    paras = [p[p.rfind("<p"):] for p in paras]
    out, total, k = ["<html><head><meta charset=\"utf-8\"><title>测试</title></head><body><div>"], 0, 0
    while total < size:
        p = paras[k % len(paras)]
        k += 1
        if rng.random() < 0.2:
            cut = rng.randrange(len(p))
            p = p[:cut] + _full_width(p[cut:cut + rng.randint(50, 400)]) + p[cut + 400:]
        out.append(p + "\n")
        total += len(p.encode()) + 1
    out.append("</div></body></html>\n")
    return "".join(out)


def deep_html(size: int) -> str:
    """A page nested 250 <div>s deep (just inside the parser's limit) around a heading, a long
    <ol> and a long data table: each element's ancestors and list siblings are many."""
    head = "<html><head><title>关于测试的通知</title></head><body>" + "<div>" * 250 + "<h1>关于测试的通知</h1><ol>"
    out, total, k = [head], len(head.encode()), 0
    while total < size * 0.6:
        item = f"<li>措施内容{k}，加强组织领导，强化资金保障。（责任单位：市科技局）</li>"
        out.append(item)
        total += len(item.encode())
        k += 1
    out.append("</ol><table>")
    while total < size:
        row = f"<tr><td>{k}</td><td>重点任务{k}</td><td>市财政局</td><td>2025年底前</td></tr>"
        out.append(row)
        total += len(row.encode())
        k += 1
    out.append("</table>" + "</div>" * 250 + "</body></html>")
    return "".join(out)


FAMILIES = {
    "law": (law, ".txt"),
    "opinion": (opinion, ".txt"),
    "brackets": (brackets, ".txt"),
    "nested": (nested, ".txt"),
    "money-flood": (money_flood, ".txt"),
    "long-lines": (long_lines, ".txt"),
    "mangled-html": (mangled_html, ".html"),
    "deep-html": (deep_html, ".html"),
}
ADVERSARIAL = ("brackets", "nested", "money-flood", "long-lines", "mangled-html", "deep-html")
