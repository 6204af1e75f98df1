"""spaCy view of a document: a `policy_entities` pipeline component.

For users who work in spaCy: responsible units (UNIT_LEAD,
UNIT), money terms (MONEY_<ROLE>), unquantified support (SUPPORT) and targets
(TARGET) found by the pipeline's own extractors, set as spans on a spaCy `Doc`. Importing this module imports
spaCy, so nothing on the ingest path or `policy --help` imports it.

    import spacy   # the installed package registers the component by the spacy_factories entry point
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("policy_entities")
    doc = nlp(text)   # doc.spans["policy"], doc.ents

From a source checkout that is not installed, `import pipeline.spacy_view` registers it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .api import annotate, parse
from .entities import entities
from .errors import PipelineError
from .extract.money import money_terms
from .extract.support import find_support
from .load import load_bytes

SPAN_KEY = "policy"


def text_entities(text: str) -> list[tuple[int, int, str]]:
    """`entities` of a text; one with no headings to segment (a sentence) gets its money terms and support."""
    try:
        return entities(annotate(parse(load_bytes(text.encode("utf-8"), "spacy.txt"))))
    except PipelineError:
        found = [(t.start, t.end, "MONEY_" + t.role.upper()) for t in money_terms(text)]
        found += [(s.start, s.end, "SUPPORT") for s in find_support(text)]
        return sorted(found)


@Language.component("policy_entities")
def policy_entities(doc: Doc) -> Doc:
    """Set units, money terms, support and targets on `doc.spans["policy"]` and `doc.ents` (non-overlapping)."""
    spans = []
    for start, end, label in text_entities(doc.text):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    doc.ents = filter_spans(spans)
    return doc
