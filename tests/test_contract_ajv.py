"""The JSON Schemas work for other languages: ajv (JavaScript) compiles them in strict mode
(no unknown keywords or formats) and validates the Hohhot draft's document JSON, its feed
and its diff. Needs Node.js; ajv itself is installed from .ci/ajv/package-lock.json
(`npm ci --prefix .ci/ajv`, which .ci/run does)."""
import json
import shutil
import subprocess

import pytest
from hohhot_edits import edited_text

from conftest import HOHHOT, ROOT
from pipeline import api
from pipeline.diff import diff_chain
from pipeline.diff.report import to_json
from pipeline.emit import dumps
from pipeline.load import load_bytes

NODE = shutil.which("node")
CHECK = ROOT / ".ci" / "ajv"
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js not installed (apt-get install -y nodejs npm)")


@pytest.fixture(scope="module")
def ajv():
    if not (CHECK / "node_modules" / "ajv").is_dir():
        npm = shutil.which("npm")
        assert npm, "Node.js without npm: install npm, then npm ci --prefix .ci/ajv"
        subprocess.run([npm, "ci", "--prefix", str(CHECK), "--no-audit", "--no-fund", "--loglevel=error"],
                       check=True, capture_output=True, timeout=600)
    return lambda *args: subprocess.run([NODE, str(CHECK / "check.mjs"), *map(str, args)], capture_output=True,
                                        text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def hohhot_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ajv")
    doc = api.ingest_file(HOHHOT)
    new = api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-edited.txt"))
    (folder / "doc.json").write_text(api.document_json(doc), encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(line + "\n" for line in api.feed_lines(doc)), encoding="utf-8")
    (folder / "diff.json").write_text(dumps(to_json(diff_chain([doc, new]))), encoding="utf-8")
    return folder


def test_ajv_strict_compiles_the_schemas_and_validates_document_feed_and_diff(ajv, hohhot_files):
    f = hohhot_files
    result = ajv(ROOT / "schemas", f"document={f / 'doc.json'}", f"feed-record={f / 'feed.jsonl'}",
                 f"diff={f / 'diff.json'}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.endswith("compiles in strict mode")] == [
        f"{name}.schema.json: compiles in strict mode" for name in ("defs", "diff", "document", "feed-record")]
    feed_lines = (f / "feed.jsonl").read_text(encoding="utf-8").count("\n")
    assert f"{f / 'feed.jsonl'}: {feed_lines} of {feed_lines} valid against feed-record" in lines
    assert f"{f / 'diff.json'}: 1 of 1 valid against diff" in lines


def test_ajv_refuses_an_unknown_keyword_and_an_invalid_record(ajv, hohhot_files, tmp_path):
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    feed = json.loads((schemas / "feed-record.schema.json").read_text(encoding="utf-8"))
    feed["version"] = "3.0.0"                           # the custom keyword the schemas used to carry
    (schemas / "feed-record.schema.json").write_text(json.dumps(feed), encoding="utf-8")
    result = ajv(schemas)
    assert result.returncode == 1 and 'feed-record.schema.json: strict mode: unknown keyword: "version"' in result.stdout
    record = json.loads((hohhot_files / "feed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    del record["own_text"]
    (tmp_path / "bad.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = ajv(ROOT / "schemas", f"feed-record={tmp_path / 'bad.jsonl'}")
    assert result.returncode == 1 and "must have required property 'own_text'" in result.stdout
