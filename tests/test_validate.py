"""The bundled schemas `validate` uses report exactly what the schemas as written report.

Reference: jsonschema on each schema file, `$ref`s resolved through the registry. Instances:
real outputs, and the same outputs broken at one leaf and one object of every shape."""
import copy
import json

import pytest
from conftest import HOHHOT, ingested
from jsonschema import Draft202012Validator, FormatChecker

from pipeline import validate
from pipeline.diff import diff_chain
from pipeline.diff.report import to_json
from pipeline.feed import feed_records

WRONG = [-1, "", {"bad": True}, None, 1.5, [1], "2024-13-45"]


def reference_errors(obj, name):
    registry = validate._registry()
    schema = registry.contents(validate.BASE + f"{name}.schema.json")
    checker = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    return sorted((list(map(str, e.absolute_path)), e.message) for e in checker.iter_errors(obj))


def bundled_errors(obj, name):
    return sorted((list(map(str, e.absolute_path)), e.message) for e in validate._validator(name).iter_errors(obj))


def broken(obj):
    """A copy of `obj` with the first leaf of each path shape replaced by a wrong value, and
    the first object of each shape given an unexpected key and missing its first key."""
    out = copy.deepcopy(obj)
    seen = set()
    count = 0

    def walk(value, shape):
        nonlocal count
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in list(items):
            sub = shape + ("*" if isinstance(key, int) else key,)
            if isinstance(child, (dict, list)):
                walk(child, sub)
            elif sub not in seen:
                seen.add(sub)
                value[key] = WRONG[count % len(WRONG)]
                count += 1
        if isinstance(value, dict) and shape not in seen and value:
            seen.add(shape)
            del value[next(iter(value))]
            value["unexpected"] = 1

    walk(out, ())
    return out


@pytest.fixture(scope="module")
def outputs():
    doc = ingested(HOHHOT.name)
    old, new = ingested("law-beijing-youhua-yingshang-tiaoli-2020.txt"), ingested("law-beijing-youhua-yingshang-tiaoli-2024.txt")
    records = list(feed_records(doc))
    full = [next(r for r in records if r[key]) for key in ("responsibilities", "money", "support")]
    return [(doc.to_dict(), "document"), (to_json(diff_chain([old, new])), "diff"),
            *((r, "feed-record") for r in full + records)]


def test_bundled_schemas_keep_only_recursive_references():
    assert "$ref" not in json.dumps(validate.bundled(validate.BASE + "feed-record.schema.json"))
    assert "$ref" not in json.dumps(validate.bundled(validate.BASE + "diff.schema.json"))
    refs = json.dumps(validate.bundled(validate.BASE + "document.schema.json")).split('"$ref": ')[1:]
    assert refs and all(r.startswith(f'"{validate.BASE}document.schema.json#/$defs/node"') for r in refs)


def test_real_outputs_validate_under_both(outputs):
    for obj, name in outputs:
        assert reference_errors(obj, name) == bundled_errors(obj, name) == []


def test_broken_outputs_give_the_same_errors(outputs):
    for obj, name in outputs[:5]:
        bad = broken(obj)
        expected = reference_errors(bad, name)
        assert len(expected) >= 10
        assert bundled_errors(bad, name) == expected
