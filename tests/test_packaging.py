"""The wheel carries every subpackage and the schemas (pyproject lists packages explicitly)."""
import pytest

from conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def test_every_subpackage_and_the_schemas_are_packaged():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert found | {"pipeline.schemas"} == set(config["packages"])
    assert config["package-dir"]["pipeline.schemas"] == "schemas"
    assert list((ROOT / "schemas").glob("*.schema.json"))
