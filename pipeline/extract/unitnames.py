"""Unit names: the issuer's jurisdiction, full names for short ones, jieba's user dictionary.

A responsibility list is written for readers who know the issuer:
`市科学技术局、发展和改革委员会、金山高新区` in a 呼和浩特市 draft means
呼和浩特市科学技术局, 呼和浩特市发展和改革委员会 and 呼和浩特金山高新技术产业开发区.
`normalize_units` spells that out, list by list, from the issuer's jurisdiction and
the alias table; names it cannot place are kept as written (width-folded).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import fold
from .aliases import Aliases

# A place component: 2-7 characters and an administrative suffix, the longer suffixes first.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|旗|区)")
_PLACE_LEVEL = (
    ("特别行政区", "省"), ("自治区", "自治区"), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"),
    ("地区", "州"), ("省", "省"), ("市", "市"), ("州", "州"), ("盟", "州"), ("县", "县"), ("旗", "旗"),
    ("区", "区"),
)
# Words that end a place prefix of an issuer: the rest is the body's own name.
_BODY_WORD = re.compile(r"人民|委员|局|厅|办|部|院|委|会|中心|政府")

# The level prefix a list writes before a body: 市委 (party committee) or 市 (the city's).
_PARTY_PREFIX = re.compile(r"(自治区|省|市|州|盟|县|旗|区)委(?!员)")
_LOCAL_PREFIX = re.compile(r"自治区|省|市(?!场)|州|盟|县|旗|区")
_YOUTH_LEAGUE = re.compile(r"团(自治区|省|市|州|县|旗|区)委")
_PREFIX_LEVEL = {"自治区": "自治区", "省": "省", "市": "市", "州": "州", "盟": "州", "县": "县", "旗": "旗", "区": "区"}

# Names that are already full: national bodies, or beginning with a place name.
_NATIONAL = re.compile(r"国家|国务院|中国|中华|中央|全国|中共|共青团")
_PLACED = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:省|市(?!场)|自治区|自治州|县|盟|旗)")
# Groups: 各…, 有关…, and the local governments of two levels at once (市县政府, 县（市、区）政府).
_COLLECTIVE = re.compile(r"各|有关|相关|其他|其它|地方各级|县级以上|市、?县(?:两级)?(?:人民)?政府|县\(市、?区\)")


def is_collective(name: str) -> bool:
    """A name for a group rather than one body: 各旗县区, 各省级人民政府, 有关部门."""
    return bool(_COLLECTIVE.match(fold(name)))


@dataclass(frozen=True)
class Jurisdiction:
    """The places of an issuer from the widest down, e.g. (('自治区', '内蒙古自治区'), ('市', '呼和浩特市'))."""

    places: tuple[tuple[str, str], ...] = ()

    def place(self, level: str | None) -> str | None:
        """The place for a written prefix level (`市` -> 呼和浩特市); `None` = the issuer's own."""
        if not self.places:
            return None
        if level is None:
            return self.places[-1][1]
        for lvl, name in reversed(self.places):
            if lvl == level:
                return name
        if level == "区":
            return self.place("自治区")
        return None

    @property
    def level(self) -> str | None:
        """The issuer's own level (the narrowest place)."""
        return self.places[-1][0] if self.places else None

    @property
    def base(self) -> str | None:
        """The narrowest place without its suffix, as zones use it (呼和浩特市 -> 呼和浩特)."""
        if not self.places:
            return None
        name = self.places[-1][1]
        for suffix, _ in _PLACE_LEVEL:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
        return name


def jurisdiction_of(issuer: str | None) -> Jurisdiction:
    """The places that open an issuer's name: `呼和浩特市科学技术局` -> 呼和浩特市.

    Central issuers (国务院, 国务院办公厅, 财政部…) have none: `Jurisdiction()`.
    `中共柳河县委` -> 柳河县.
    """
    if not issuer:
        return Jurisdiction()
    text = fold(issuer).strip()
    if text.startswith("中共"):
        text = text[2:]
    places = []
    pos = 0
    while True:
        m = _PLACE.match(text, pos)
        if not m or _BODY_WORD.search(m.group()) or _NATIONAL.match(m.group()):
            break
        name = m.group()
        level = next(lvl for suffix, lvl in _PLACE_LEVEL if name.endswith(suffix))
        places.append((level, name))
        pos = m.end()
    return Jurisdiction(tuple(places))


def normalize_units(names: tuple[str, ...], jurisdiction: Jurisdiction, aliases: Aliases) -> tuple[str, ...]:
    """Full names for one list, in order.

    The first written level prefix (`市`, `县`, `市委`'s `市`…) carries to the
    unprefixed names after it; a list with none takes the issuer's own level.

    >>> normalize_units(("市科学技术局", "发展和改革委员会"), jurisdiction_of("呼和浩特市科学技术局"), aliases)
    ('呼和浩特市科学技术局', '呼和浩特市发展和改革委员会')
    """
    carry = None
    out = []
    for name in names:
        full, level = _normalize_one(fold(name), carry, jurisdiction, aliases)
        if carry is None and level is not None:
            carry = level
        out.append(full)
    return tuple(out)


def _normalize_one(name: str, carry: str | None, jur: Jurisdiction, aliases: Aliases) -> tuple[str, str | None]:
    """One name's full form and the level prefix it was written with (if any)."""
    main, inner = _split_alternate(name)
    if inner is not None:
        full, level = _normalize_one(main, carry, jur, aliases)
        inner_full, _ = _normalize_one(inner, carry or level, jur, aliases)
        return f"{full}({inner_full})", level
    m = _YOUTH_LEAGUE.fullmatch(name)
    if m:
        place = jur.place(_PREFIX_LEVEL[m.group(1)])
        return (f"共青团{place}委员会" if place else name), _PREFIX_LEVEL[m.group(1)]
    m = _PARTY_PREFIX.match(name)
    if m and len(name) > m.end():
        level = _PREFIX_LEVEL[m.group(1)]
        rest = name[m.end():]
        rest = aliases.get("committee", rest) or rest
        place = jur.place(level)
        return (f"中共{place}委{rest}" if place else name), level
    m = _LOCAL_PREFIX.match(name)
    if m and len(name) > m.end() + 1:
        level = _PREFIX_LEVEL[m.group()]
        return _local(name[m.end():], jur.place(level), aliases, written=name), level
    return _unprefixed(name, carry, jur, aliases), None


def _split_alternate(name: str) -> tuple[str, str | None]:
    """`市纪律检查委员会(监察委员会)` -> the name and the second name it is also known by."""
    m = re.fullmatch(r"(.+?)\((.+)\)", name)
    return (m.group(1), m.group(2)) if m else (name, None)


def _local(rest: str, place: str | None, aliases: Aliases, written: str) -> str:
    """A body of `place` written `rest` after its prefix; as written when the place is unknown."""
    if place is None:
        return written
    party = aliases.get("party", rest)
    if party:
        return f"中共{place}{party}"
    return place + (aliases.get("local", rest) or rest)


def _unprefixed(name: str, carry: str | None, jur: Jurisdiction, aliases: Aliases) -> str:
    """A name written without a level prefix: collective, named area, zone, national or local."""
    if is_collective(name):
        return name
    place = aliases.get("place", name)
    if place:
        return place
    if _NATIONAL.match(name) or not jur.places:
        return aliases.get("national", name) or name
    if (jur.base and name.startswith(jur.base)) or _PLACED.match(name):
        return name
    zone = _zone(name, aliases)
    if zone:
        return jur.base + zone
    national = aliases.get("national", name)
    if national and not aliases.get("local", name):
        return national
    return _local(name, jur.place(carry), aliases, written=name)


def _zone(name: str, aliases: Aliases) -> str | None:
    """`金山高新区` -> 金山高新技术产业开发区 when the name ends in a zone type, else None."""
    for alias, full, kind in reversed(aliases.entries):
        if kind == "zone" and name.endswith(alias):
            return name[: -len(alias)] + full
    return None


def userdict_lines(aliases: Aliases, found: tuple[str, ...] = ()) -> tuple[str, ...]:
    """jieba user-dictionary lines (`name freq nt`) for every alias, full name and found name."""
    names = dict.fromkeys(aliases.names() + tuple(fold(n) for n in found))
    return tuple(f"{n} {max(1000, 200 * len(n))} nt" for n in names if len(n) > 1 and " " not in n)


def register_with_jieba(aliases: Aliases, found: tuple[str, ...] = ()) -> int:
    """Add unit names to jieba's dictionary so segmentation keeps them whole; returns how many."""
    import jieba

    lines = userdict_lines(aliases, found)
    for line in lines:
        word, freq, tag = line.split(" ")
        jieba.add_word(word, int(freq), tag)
    return len(lines)
