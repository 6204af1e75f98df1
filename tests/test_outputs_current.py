"""The worked example in outputs/ is what the main job writes today."""
import pytest

from conftest import HOHHOT, ROOT
from pipeline import api
from pipeline.build import write_tables

OUTPUTS = ROOT / "outputs"
STEM = "hohhot-2024-keji-qiangshi-draft"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    doc = api.ingest_file(HOHHOT)
    api.write_document(doc, out)
    write_tables(doc, out)
    return out


@pytest.mark.parametrize("suffix", [".json", ".tasks.csv", ".tasks.md", ".tasks.xlsx", ".money.csv", ".money.md",
                                    ".annotated.html"])
def test_hohhot_outputs_are_current(fresh, suffix):
    committed = OUTPUTS / f"{STEM}{suffix}"
    assert committed.exists(), "run the main job: policy build"
    assert committed.read_bytes() == (fresh / f"{STEM}{suffix}").read_bytes(), \
        f"outputs/{STEM}{suffix} is stale: run `policy build`"
