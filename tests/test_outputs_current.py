"""The worked example in outputs/ is what the main job writes today."""
import pytest

from conftest import HOHHOT, ROOT
from pipeline import api
from pipeline.build import write_tables

STEM = "hohhot-2024-keji-qiangshi-draft"
EXAMPLE = ROOT / "outputs" / STEM


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs") / STEM
    doc = api.ingest_file(HOHHOT)
    api.write_document(doc, out)
    write_tables(doc, out)
    return out


@pytest.mark.parametrize("suffix", [".json", ".tasks.csv", ".tasks.md", ".tasks.xlsx", ".tasks.docx", ".money.csv",
                                    ".money.md", ".annotated.html"])
def test_hohhot_outputs_are_current(fresh, suffix):
    committed = EXAMPLE / f"{STEM}{suffix}"
    assert committed.exists(), "run the main job: policy build"
    assert committed.read_bytes() == (fresh / f"{STEM}{suffix}").read_bytes(), \
        f"outputs/{STEM}/{STEM}{suffix} is stale: run `policy build`"


def test_the_example_folder_holds_what_the_build_writes_and_its_pictures(fresh):
    written = {p.name for p in fresh.iterdir()}
    pictures = {f"{STEM}.tasks.xlsx.png", f"{STEM}.tasks.docx.png", f"{STEM}.annotated.png"}
    assert {p.name for p in EXAMPLE.iterdir()} == written | pictures, \
        "outputs/ holds files the build no longer writes, or lacks its pictures: run `python bench/screenshots.py`"
    for name in pictures:
        assert (EXAMPLE / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
