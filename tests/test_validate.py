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


def variants(obj):
    """Copies of `obj` with one change each: the first leaf of every path shape replaced by
    a wrong value (each shape gets the next of `WRONG`), every object shape missing its
    first key or holding an unexpected one."""
    leaves, objects, seen = [], [], set()

    def walk(value, path, shape):
        if isinstance(value, dict) and shape not in seen and value:
            seen.add(shape)
            objects.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            sub = shape + ("*" if isinstance(key, int) else key,)
            if isinstance(child, (dict, list)):
                walk(child, path + (key,), sub)
            elif sub not in seen:
                seen.add(sub)
                leaves.append(path + (key,))

    def at(root, path):
        for key in path:
            root = root[key]
        return root

    walk(obj, (), ())
    for n, path in enumerate(leaves):
        out = copy.deepcopy(obj)
        at(out, path[:-1])[path[-1]] = WRONG[n % len(WRONG)]
        yield out
    for path in objects:
        for change in ("drop", "add"):
            out = copy.deepcopy(obj)
            target = at(out, path)
            if change == "drop":
                del target[next(iter(target))]
            else:
                target["unexpected"] = 1
            yield out


def test_the_fast_validator_gives_the_reference_verdict_on_every_corpus_output():
    from conftest import CORPUS_FILES

    for path in CORPUS_FILES:
        doc = ingested(path.name)
        records = list(feed_records(doc))
        assert validate.is_valid(doc.to_dict(), "document") is True, path.name
        assert validate.is_valid(records, "feed-record", many=True) is True, path.name
        assert reference_errors(doc.to_dict(), "document") == [], path.name
        assert not any(e for r in records for e in validate._validator("feed-record").iter_errors(r)), path.name


def test_the_fast_validator_gives_the_reference_verdict_on_broken_outputs(outputs):
    small = ingested("zhuhai-2019-gangao-qingnian-buzhu-zhengqiu-yijian.html").to_dict()
    old, new = ingested("law-shouyang-dengji-banfa-2019.txt"), ingested("law-shouyang-dengji-banfa-2023.txt")
    checked = refused = 0
    for obj, name in [(small, "document"), (to_json(diff_chain([old, new])), "diff"), *outputs[2:5]]:
        for bad in variants(obj):
            expected = not any(validate._validator(name).iter_errors(bad))  # jsonschema, bundled
            assert validate.is_valid(bad, name) is expected, name
            checked += 1
            refused += not expected
    assert checked > 150 and refused > 100


def test_a_broken_record_in_a_feed_is_named_as_one_record_would_be(outputs):
    records = [r for r, name in outputs if name == "feed-record"][:20]
    bad = copy.deepcopy(records)
    bad[7]["depth"] = -1
    assert validate.is_valid(bad, "feed-record", many=True) is False
    with pytest.raises(validate.SchemaError, match="depth"):
        validate.check_many(bad, "feed-record")
    validate.check_many(records, "feed-record")


def test_a_number_too_big_for_the_fast_validator_falls_back_to_the_reference(outputs):
    record = copy.deepcopy(next(r for r, name in outputs if name == "feed-record"))
    record["start"] = 10 ** 400
    assert validate.is_valid(record, "feed-record") in (None, True)
    assert list(validate.errors(record, "feed-record")) == []
