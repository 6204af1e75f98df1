"""The unit-name alias table: short forms of government bodies and their full names.

The built-in table is `pipeline/data/aliases.tsv`; users extend it with their own
file in the same format (`--aliases FILE`), whose entries win. Format, one entry a
line, `#` comments and blank lines ignored:

    alias<TAB>full name<TAB>kind

`kind` is one of `KINDS` (see the header of the built-in file for what each does).
Aliases are keyed by their width-folded form, so `（` and `(` match alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..normalize import fold

KINDS = ("national", "local", "party", "committee", "zone", "place")


@dataclass(frozen=True)
class Aliases:
    """Alias -> full name, per kind. Build with `load_aliases`."""

    entries: tuple[tuple[str, str, str], ...] = ()

    def __post_init__(self) -> None:
        table: dict[tuple[str, str], str] = {}
        for alias, full, kind in self.entries:
            table[kind, alias] = full
        object.__setattr__(self, "_table", table)

    def get(self, kind: str, name: str) -> str | None:
        """Full name of `name` as a `kind` alias, or None."""
        return self._table.get((kind, fold(name)))

    def names(self, kind: str | None = None) -> tuple[str, ...]:
        """Every alias and full name (of one kind, or all), in table order, without repeats."""
        seen: dict[str, None] = {}
        for alias, full, k in self.entries:
            if kind is None or k == kind:
                seen.setdefault(alias)
                seen.setdefault(full)
        return tuple(seen)

    def merged(self, other: Aliases) -> Aliases:
        """This table with `other`'s entries added; `other` wins on the same alias and kind."""
        return Aliases(self.entries + other.entries)


def parse_aliases(text: str, name: str = "aliases") -> Aliases:
    """Parse the TSV format; raise `InputError` naming the file and line on a bad entry."""
    entries = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in raw.rstrip("\r\n").split("\t")]
        if len(fields) != 3 or not all(fields):
            raise InputError(f"line {lineno}: expected alias<TAB>full name<TAB>kind", name)
        alias, full, kind = fields
        if kind not in KINDS:
            raise InputError(f"line {lineno}: kind {kind!r} is not one of {', '.join(KINDS)}", name)
        entries.append((fold(alias), fold(full), kind))
    return Aliases(tuple(entries))


@lru_cache(maxsize=1)
def builtin_aliases() -> Aliases:
    """The table shipped with the package (read once)."""
    text = resources.files("pipeline").joinpath("data/aliases.tsv").read_text(encoding="utf-8")
    return parse_aliases(text, "aliases.tsv")


def load_aliases(path: str | Path | None = None) -> Aliases:
    """The built-in table, extended (and overridden) by the user's file at `path`."""
    table = builtin_aliases()
    if path is None:
        return table
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise InputError(f"cannot read alias file ({reason})", str(path)) from None
    return table.merged(parse_aliases(text, str(path)))
