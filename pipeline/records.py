"""Records declared once: their JSON form, their read-back and their schema fragment.

A record type is a frozen dataclass whose fields are `str`, `int`, `float`,
`bool`, a `Literal[...]` of strings, another record type, a tuple of any of
these, or any of them `| None`. From that one declaration:

    to_json(Unit("市科技局", "呼和浩特市科学技术局", "lead", 10, 14))
        -> {"name": "市科技局", "normalized": "…", "role": "lead", "start": 10, "end": 14}
    from_json(Unit, that_dict) == the Unit again (typed, nested records included)
    schema(Unit) -> {"type": "object", "additionalProperties": false, "required": [...], ...}

Field metadata adds what types cannot say: `doc` (the description), `min_length`,
`minimum`, `pattern`; `describe(...)` builds it. A record's description is the
first paragraph of its docstring.
"""
from __future__ import annotations

import dataclasses
import re
import types
import typing
from functools import lru_cache
from typing import Any, Literal, Union

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def describe(doc: str | None = None, *, min_length: int | None = None, minimum: int | None = None,
             pattern: str | None = None) -> dict[str, Any]:
    """Field metadata for the schema: `field(default=None, metadata=describe("…", min_length=1))`."""
    meta: dict[str, Any] = {}
    if doc:
        meta["description"] = doc
    if min_length is not None:
        meta["minLength"] = min_length
    if minimum is not None:
        meta["minimum"] = minimum
    if pattern is not None:
        meta["pattern"] = pattern
    return meta


def def_name(cls: type) -> str:
    """The schema definition name of a record type: `MoneyTerm` -> `money_term`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[tuple[str, Any, dict], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], dict(f.metadata)) for f in dataclasses.fields(cls))


def to_json(record: Any) -> dict[str, Any]:
    """The record as a JSON-ready dict, fields in declaration order, tuples as lists.

    A plain dict (a record of a layer no declaration here knows) is its own JSON form."""
    if isinstance(record, dict):
        return record
    return {name: _out(getattr(record, name)) for name, _, _ in _fields(type(record))}


def _out(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return to_json(value)
    if isinstance(value, tuple):
        return [_out(v) for v in value]
    return value


def from_json(cls: type, data: dict[str, Any]) -> Any:
    """The record of type `cls` that `to_json` turned into `data`."""
    return cls(**{name: _in(hint, data[name]) for name, hint, _ in _fields(cls) if name in data})


def _in(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _without_none(hint)
    if dataclasses.is_dataclass(hint):
        return from_json(hint, value)
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_in(item, v) for v in value)
    return value


def _without_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (Union, types.UnionType):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        return rest[0] if len(rest) == 1 else hint
    return hint


def schema(cls: type, ref: str = "#/$defs/") -> dict[str, Any]:
    """The JSON Schema of a record type; nested records are `$ref`s to `ref + def_name(...)`."""
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    out: dict[str, Any] = {"description": " ".join(doc.split())} if doc else {}
    fields = _fields(cls)
    out.update({
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, _, _ in fields],
        "properties": {name: {**_type_schema(hint, ref), **meta} for name, hint, meta in fields},
    })
    return out


def nested(cls: type) -> tuple[type, ...]:
    """`cls` and every record type its fields hold, each once, `cls` first."""
    found: dict[type, None] = {cls: None}
    for _, hint, _ in _fields(cls):
        for arg in _leaves(hint):
            if dataclasses.is_dataclass(arg):
                for inner in nested(arg):
                    found.setdefault(inner)
    return tuple(found)


def _leaves(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is Literal or not args:
        return [hint]
    return [leaf for a in args if a is not Ellipsis for leaf in _leaves(a)]


def _type_schema(hint: Any, ref: str) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unsupported union {hint}")
        inner = _type_schema(options[0], ref)
        if "enum" in inner:
            return {"enum": [*inner["enum"], None]}
        if "type" in inner:
            return {**inner, "type": [inner["type"], "null"]}
        return {"oneOf": [{"type": "null"}, inner]}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], ref)}
    if dataclasses.is_dataclass(hint):
        return {"$ref": ref + def_name(hint)}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    raise TypeError(f"unsupported field type {hint}")
