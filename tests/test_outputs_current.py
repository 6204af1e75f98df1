"""The worked example in outputs/ is what the main job writes today."""
from conftest import HOHHOT, ROOT
from pipeline import api


def test_hohhot_document_json_is_current():
    committed = ROOT / "outputs" / "hohhot-2024-keji-qiangshi-draft.json"
    assert committed.exists(), "run the main job: policy ingest corpus/"
    fresh = api.document_json(api.ingest_file(HOHHOT))
    assert committed.read_text(encoding="utf-8") == fresh, "outputs/ is stale: run `policy ingest corpus/`"
