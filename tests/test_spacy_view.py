"""The spaCy view: the `policy_entities` component; spaCy stays off the ingest path."""
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
HOHHOT = ROOT / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"


def test_policy_entities_component_sets_spans():
    import spacy

    import pipeline.spacy_view  # noqa: F401  (registers the component)

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("policy_entities")
    text = HOHHOT.read_text(encoding="utf-8")
    doc = nlp(text)
    labels = [s.label_ for s in doc.spans["policy"]]
    assert labels.count("TARGET") == 9 and labels.count("SUPPORT") == 10
    assert labels.count("MONEY_GRANT") == 14 and labels.count("MONEY_CAP") == 3
    assert labels.count("UNIT_LEAD") == 26  # one lead per measure (gold: 26 measures with 责任单位)
    cap = next(s for s in doc.ents if s.label_ == "MONEY_CAP")
    assert "最高支持300万元" in cap.text


ENTRY_POINT_CHECK = """
import sys
import spacy
assert "pipeline.spacy_view" not in sys.modules
nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
nlp.add_pipe("policy_entities")
assert "pipeline.spacy_view" in sys.modules
doc = nlp("引导合作机构逐步将平均担保费率降至1%以下。")
print([(s.text, s.label_) for s in doc.ents])
"""


def test_policy_entities_factory_is_found_through_the_entry_point():
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("policy-pipeline")
    except PackageNotFoundError:
        pytest.skip("policy-pipeline is not installed (pip install -e .), so its spacy_factories entry point "
                    "is not registered")
    points = [e for e in dist.entry_points if e.group == "spacy_factories"]
    assert [(e.name, e.value) for e in points] == [("policy_entities", "pipeline.spacy_view:policy_entities")]
    # A fresh interpreter: nothing has imported pipeline.spacy_view, spaCy must load it by the entry point.
    out = subprocess.run([sys.executable, "-c", ENTRY_POINT_CHECK], capture_output=True, text=True, cwd=ROOT,
                         check=False, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[('降至1%以下', 'MONEY_FEE')]"


def test_policy_entities_on_a_single_sentence():
    import spacy

    import pipeline.spacy_view  # noqa: F401

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("policy_entities")
    # guobanfa6 (八): a sentence on its own has no headings to segment
    doc = nlp("引导合作机构逐步将平均担保费率降至1%以下。")
    assert [(s.text, s.label_) for s in doc.ents] == [("降至1%以下", "MONEY_FEE")]


def test_spacy_and_jieba_not_imported_on_ingest_or_help():
    code = ("import sys; from pipeline.cli import cli; from pipeline.api import ingest_file; "
            f"ingest_file({str(HOHHOT)!r}); print('spacy' in sys.modules or 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
