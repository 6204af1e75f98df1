"""One flat table per annotation layer, made from the layer's record type alone.

A layer `money` of `MoneyTerm` records becomes the table `money`: one row per
record, keyed by `document_id`, `node` (a row of `nodes`) and `seq` (the record's
place among its node's records), then a column per field:

- a scalar (`str`, `int`, `float`, `bool`, a `Literal`, or any of them `| None`) is a column;
- a nested record is flattened into `<field>_<subfield>` columns;
- a tuple of scalars is one text column, the values joined by newlines;
- the first tuple of records gives one row per nested record, its fields beside the
  record's as `<singular>_<subfield>` with `<singular>_seq` (a `Responsibility` with
  its `units` becomes one row per unit and its role: `unit_name`, `unit_role`…); a
  record with none still has one row, those columns null;
- a further tuple of records becomes a child table `<layer>_<field>`, one row per
  nested record, keyed like its parent record; deeper ones are joined labels.

So a new extractor's layer gets its table with no change here.
"""
from __future__ import annotations

import dataclasses
import sqlite3
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Union

KEYS = ("id", "document_id", "node", "seq", "item_seq")
_SQL = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER"}
LABEL_FIELDS = ("text", "name", "metric", "title", "label")


@dataclass(frozen=True)
class Column:
    """A column and where its value comes from: attribute `path` in the record, as `shape`."""

    name: str
    sql: str
    path: tuple[str, ...]
    shape: str = "scalar"  # scalar | joined (tuple of scalars) | labels (tuple of records)
    doc: str | None = None


@dataclass(frozen=True)
class Table:
    """A layer's table: columns of the record, the expanded nested records, and child tables."""

    name: str
    columns: tuple[Column, ...]
    expand: str | None = None
    expand_prefix: str | None = None
    expand_columns: tuple[Column, ...] = ()
    children: tuple[Table, ...] = ()
    parent_field: str | None = None

    @property
    def all_columns(self) -> tuple[Column, ...]:
        seq = (Column(f"{self.expand_prefix}_seq", "INTEGER", (), doc="place of the nested record"),) \
            if self.expand else ()
        return self.columns + seq + self.expand_columns

    def ddl(self) -> list[str]:
        cols = [f'"{c.name}" {c.sql}' for c in self.all_columns]
        keys = ["id INTEGER PRIMARY KEY", "document_id INTEGER NOT NULL REFERENCES documents(id)",
                "node INTEGER NOT NULL REFERENCES nodes(id)", "seq INTEGER NOT NULL"]
        out = [f'CREATE TABLE IF NOT EXISTS "{self.name}" ({", ".join(keys + cols)})',
               f'CREATE INDEX IF NOT EXISTS "{self.name}_node" ON "{self.name}"(node)',
               f'CREATE INDEX IF NOT EXISTS "{self.name}_document" ON "{self.name}"(document_id)']
        for child in self.children:
            out += child.ddl()
        return out


@lru_cache(maxsize=None)
def table_for(name: str, record: type) -> Table:
    """The table of layer `name` whose records are of type `record`."""
    columns: list[Column] = []
    expand: tuple[str, type] | None = None
    children: list[Table] = []
    for field, hint, meta in _fields(record):
        inner = _bare(hint)
        if typing.get_origin(inner) is tuple and dataclasses.is_dataclass(typing.get_args(inner)[0]):
            nested = typing.get_args(inner)[0]
            if expand is None:
                expand = (field, nested)
            else:
                child = table_for(f"{name}_{field}", nested)
                index = Column("item_seq", "INTEGER", (), "index", f"place in the record's {field}")
                children.append(dataclasses.replace(child, columns=(index, *child.columns), parent_field=field))
            continue
        columns += _columns(field, hint, meta, ())
    columns = [_unreserved(c) for c in columns]
    if expand is None:
        return Table(name, tuple(columns), children=tuple(children))
    field, nested = expand
    prefix = singular(field)
    inner_cols = [c for f, h, m in _fields(nested) for c in _columns(f, h, m, ())]
    expanded = tuple(dataclasses.replace(c, name=f"{prefix}_{c.name}") for c in inner_cols)
    return Table(name, tuple(columns), field, prefix, expanded, tuple(children))


def _fields(cls: type) -> list[tuple[str, Any, dict]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name], dict(f.metadata)) for f in dataclasses.fields(cls)]


def _columns(field: str, hint: Any, meta: dict, path: tuple[str, ...]) -> list[Column]:
    inner = _bare(hint)
    doc = meta.get("description")
    if dataclasses.is_dataclass(inner):
        return [dataclasses.replace(c, name=f"{field}_{c.name}")
                for f, h, m in _fields(inner) for c in _columns(f, h, m, path + (field,))]
    if typing.get_origin(inner) is tuple:
        item = _bare(typing.get_args(inner)[0])
        shape = "labels" if dataclasses.is_dataclass(item) else "joined"
        return [Column(field, "TEXT", path + (field,), shape, doc)]
    return [Column(field, _sql(inner), path + (field,), "scalar", doc)]


def _unreserved(column: Column) -> Column:
    return dataclasses.replace(column, name=f"record_{column.name}") if column.name in KEYS else column


def _bare(hint: Any) -> Any:
    """`X | None` -> X."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        return rest[0] if len(rest) == 1 else hint
    return hint


def _sql(hint: Any) -> str:
    if typing.get_origin(hint) is Literal:
        return "TEXT"
    return _SQL.get(hint, "TEXT")


def singular(word: str) -> str:
    """`units` -> `unit`, `parties` -> `party`: the prefix of an expanded record's columns."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 1 else word


def ensure(conn: sqlite3.Connection, table: Table) -> None:
    """Create the table (and its children), or add the columns a newer record type has."""
    for statement in table.ddl():
        conn.execute(statement)
    for t in (table, *table.children):
        have = {row[1] for row in conn.execute(f'PRAGMA table_info("{t.name}")')}
        for c in t.all_columns:
            if c.name not in have:
                conn.execute(f'ALTER TABLE "{t.name}" ADD COLUMN "{c.name}" {c.sql}')


def rows(table: Table, record: Any, index: int | None = None) -> list[list[Any]]:
    """The values of the rows one record gives in `table` (`index`: its place, in a child table)."""
    base = [index if c.shape == "index" else value(record, c) for c in table.columns]
    if table.expand is None:
        return [base]
    items = getattr(record, table.expand) or ()
    if not items:
        return [base + [None] * (1 + len(table.expand_columns))]
    return [base + [k] + [value(item, c) for c in table.expand_columns] for k, item in enumerate(items)]


def value(record: Any, column: Column) -> Any:
    """The plain SQL value of `column` in `record` (None all along a missing nested record)."""
    v = record
    for attr in column.path:
        if v is None:
            return None
        v = v.get(attr) if isinstance(v, dict) else getattr(v, attr)
    if v is None:
        return None
    if column.shape == "joined":
        return "\n".join(str(x) for x in v) if v else None
    if column.shape == "labels":
        return "\n".join(label(x) for x in v) if v else None
    if isinstance(v, bool):
        return int(v)
    return v


def label(record: Any) -> str:
    """How a record is named in a joined column: its text, name, metric… or all its fields."""
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k, None)
    for key in LABEL_FIELDS:
        if get(key):
            return str(get(key))
    return str(record)


def insert(conn: sqlite3.Connection, table: Table, document_id: int,
           keyed: list[tuple[int, int, Any, int | None]]) -> None:
    """Write `(node row, seq, record, index)` of one document into `table` and its children
    (`index`: the record's place in its parent's tuple, for a child table; else None)."""
    names = ["document_id", "node", "seq"] + [c.name for c in table.all_columns]
    sql = f'INSERT INTO "{table.name}" ({", ".join(map(_quote, names))}) VALUES ({", ".join("?" * len(names))})'
    conn.executemany(sql, [[document_id, node, seq] + row for node, seq, record, index in keyed
                           for row in rows(table, record, index)])
    for child in table.children:
        insert(conn, child, document_id, [(node, seq, item, k) for node, seq, record, _ in keyed
                                          for k, item in enumerate(getattr(record, child.parent_field) or ())])


def _quote(name: str) -> str:
    return f'"{name}"'
