"""Validate JSON against the schemas in `schemas/` (draft 2020-12, cross-file `$ref`s).

`check(obj, name)` raises `SchemaError` with the first error as `path: message`;
`check_many(objs, name)` does so for a list (a document's feed) in one call;
`errors(obj, name)` lists them all. Which schema a file needs is read from its shape.

Each schema is compiled once per process into jsonschema-rs (compiled, ~100x faster
on our documents) for the verdict; `jsonschema`, the reference implementation, is
only asked for the messages of a value the fast validator refuses, so the errors read
the same with or without it (and the tests hold both to the same verdicts).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urldefrag, urljoin

from .errors import SchemaError

BASE = "https://policy-pipeline.org/schemas/"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_dir() -> Path:
    """The `schemas/` folder: beside the package in a checkout, else `pipeline/schemas` in a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "schemas"):
        if candidate.is_dir():
            return candidate
    return Path(str(resources.files("pipeline") / "schemas"))


ANNOTATIONS = frozenset({"title", "description", "$comment"})
DATA_KEYWORDS = frozenset({"const", "enum", "default", "examples"})


@lru_cache(maxsize=None)
def _schemas() -> tuple[tuple[str, dict], ...]:
    """Every schema file as (`$id`, contents)."""
    out = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        out.append((contents["$id"], contents))
    return tuple(out)


@lru_cache(maxsize=None)
def _registry():
    from referencing import Registry, Resource

    return Registry().with_resources((uri, Resource.from_contents(contents)) for uri, contents in _schemas())


def bundled(uri: str) -> dict:
    """The schema at `uri` with each `$ref` replaced by the subschema it points to.

    Same assertions, so the same errors, without resolving a reference per instance
    (that was half the validation time). A reference back into its own expansion (the
    node tree) stays a `$ref`, made absolute, and is resolved through the registry."""
    registry = _registry()

    def walk(schema: Any, base: str, expanding: frozenset[str]) -> Any:
        if isinstance(schema, list):
            return [walk(item, base, expanding) for item in schema]
        if not isinstance(schema, dict):
            return schema
        if "$dynamicRef" in schema or "$recursiveRef" in schema:
            raise SchemaError("cannot bundle a schema with dynamic references")
        base = urljoin(base, schema.get("$id", ""))
        out = {k: v if k in DATA_KEYWORDS else walk(v, base, expanding) for k, v in schema.items() if k != "$ref"}
        if "$ref" not in schema:
            return out
        target = urljoin(base, schema["$ref"])
        if target in expanding:
            return {**out, "$ref": target}
        contents = registry.resolver().lookup(target).contents
        expanded = walk(contents, urldefrag(target).url, expanding | {target})
        if set(out) <= ANNOTATIONS and isinstance(expanded, dict):
            return {**expanded, **out}
        return {**out, "allOf": [*out.get("allOf", []), expanded]}

    return walk(registry.contents(uri), uri, frozenset({uri}))


@lru_cache(maxsize=None)
def _validator(name: str):
    from jsonschema import Draft202012Validator, FormatChecker

    schema = bundled(BASE + f"{name}.schema.json")
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


@lru_cache(maxsize=None)
def _fast(name: str, many: bool = False):
    """Schema `name` (or, with `many`, an array of such values) compiled by jsonschema-rs;
    None where it is not installed."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema: dict = {"$ref": BASE + f"{name}.schema.json"}
    if many:
        schema = {"type": "array", "items": schema}
    registry = jsonschema_rs.Registry(list(_schemas()))
    return jsonschema_rs.validator_for({"$schema": DRAFT, **schema}, registry=registry, validate_formats=True)


def is_valid(obj: Any, name: str, many: bool = False) -> bool | None:
    """The fast verdict on `obj` (a list of values when `many`); None when there is none to give."""
    fast = _fast(name, many)
    if fast is None:
        return None
    try:
        return fast.is_valid(obj)
    except (ValueError, TypeError, OverflowError):  # a value JSON allows but Rust cannot hold (a 400-digit int)
        return None


def errors(obj: Any, name: str) -> Iterator[str]:
    """Each validation error of `obj` against schema `name`, as `path: message`."""
    if is_valid(obj, name):
        return
    for err in sorted(_validator(name).iter_errors(obj), key=lambda e: list(map(str, e.absolute_path))):
        path = "/".join(str(p) for p in err.absolute_path) or "(root)"
        yield f"{path}: {err.message[:300]}"


def check(obj: Any, name: str) -> None:
    """Raise SchemaError unless `obj` validates against schema `name`."""
    for message in errors(obj, name):
        raise SchemaError(f"does not validate against {name}.schema.json: {message}")


def schema_for(obj: Any) -> str | None:
    """The schema a JSON value claims by its shape: document, feed record or diff."""
    if isinstance(obj, dict):
        if "root" in obj and "schema_version" in obj:
            return "document"
        if "clauses" in obj and "summary" in obj:
            return "diff"
        if "kind" in obj and "doc_id" in obj and "path" in obj:
            return "feed-record"
    return None


def check_many(objs: Iterable[Any], name: str) -> None:
    """Raise SchemaError at the first of `objs` that does not validate against schema `name`.

    One call of the fast validator for the whole list (the same verdict as one per value,
    without crossing into Rust for each); the values are checked one by one only to
    name the first that fails."""
    objs = list(objs)
    if is_valid(objs, name, many=True):
        return
    for obj in objs:
        check(obj, name)
