"""The Hohhot draft with six known edits, for the diff tests and the screenshot script.

Edits, made the way an editor would make them (then measures renumbered 1..26):
- measure 3: its money term 不低于300万元 becomes 不低于200万元;
- measure 17: its lead unit changes (the first two 责任单位 swap places);
- measure 7 moves from action (二) to the end of action (八);
- measure 24 is deleted;
- a new measure is added at the end of action (九).
"""
from __future__ import annotations

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"
MEASURE = re.compile(r"^(\d+)\.")
ADDED = ("建设科技成果展示中心。在市区建设常设科技成果展示中心,定期举办新技术新产品发布和路演活动,"
         "推动展示交易一体化。(责任单位:市科学技术局、各旗县区)")

# old measure number -> new measure number (None: deleted)
RENUMBERING = {n: n for n in range(1, 7)}
RENUMBERING.update({n: n - 1 for n in range(8, 23)})
RENUMBERING.update({7: 22, 23: 23, 24: None, 25: 24, 26: 25})
ADDED_NUMBER = 26


def edited_text() -> str:
    """The source text with the edits above applied."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")

    def at(n: int) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(f"{n}."))

    i = at(3)
    assert lines[i].count("不低于300万元") == 1
    lines[i] = lines[i].replace("不低于300万元", "不低于200万元")
    i = at(17)
    assert "(责任单位:市委组织部、市人力资源和社会保障局、" in lines[i]
    lines[i] = lines[i].replace("(责任单位:市委组织部、市人力资源和社会保障局、", "(责任单位:市人力资源和社会保障局、市委组织部、")
    moved = lines[at(7)]
    del lines[at(7):at(7) + 2]
    lines[at(22) + 2:at(22) + 2] = [moved, ""]
    del lines[at(24):at(24) + 2]
    lines[at(26) + 2:at(26) + 2] = ["27." + ADDED, ""]
    count = 0
    for k, line in enumerate(lines):
        if MEASURE.match(line):
            count += 1
            lines[k] = MEASURE.sub(f"{count}.", line, count=1)
    return "\n".join(lines)
