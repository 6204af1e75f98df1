"""spaCy view of a document: a `policy_entities` pipeline component and a displaCy page.

For users who work in spaCy, and for reading: responsible units (UNIT_LEAD,
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

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .api import annotate, parse
from .errors import PipelineError
from .extract.money import money_terms
from .extract.support import find_support
from .load import load_bytes
from .model import Document
from .records import to_json

SPAN_KEY = "policy"
COLORS = {"UNIT_LEAD": "#fff59d", "UNIT": "#fffde7", "TARGET": "#b3e5fc", "SUPPORT": "#ffe0b2",
          "MONEY_GRANT": "#c8e6c9", "MONEY_RATE": "#dcedc8", "MONEY_CAP": "#ffcdd2", "MONEY_THRESHOLD": "#e1bee7",
          "MONEY_FINE": "#ef9a9a", "MONEY_FEE": "#f0f4c3",
          "MONEY_SHARE": "#d7ccc8", "MONEY_BUDGET_GROWTH": "#b2dfdb", "MONEY_FUND_SIZE": "#c5cae9",
          "MONEY_OTHER": "#eeeeee"}


def entities(doc: Document) -> list[tuple[int, int, str]]:
    """Character spans `(start, end, label)` of every layer's records, sorted; they may overlap
    (a budget-growth term is also a target).

    A record type says what it shows with `entity_spans()` (a note: each unit named);
    without one, a record is one span labelled with its layer's name in capitals."""
    found = []
    for name, layer in doc.layers.items():
        for _, record in layer.items():
            spans = getattr(record, "entity_spans", None)
            found += spans() if spans else [(to_json(record)["start"], to_json(record)["end"], name.upper())]
    return sorted(set(found), key=lambda x: (x[0], -x[1], x[2]))


def non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first of any overlapping spans, in order (money before target at the same place)."""
    out, last = [], -1
    for start, end, label in spans:
        if start >= last:
            out.append((start, end, label))
            last = end
    return out


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


def render_html(doc: Document) -> str:
    """A self-contained HTML page (displaCy, manual mode) with units, money, support and targets highlighted."""
    ents = [{"start": s, "end": e, "label": label} for s, e, label in non_overlapping(entities(doc))]
    data = {"text": doc.text, "ents": ents, "title": doc.title or doc.doc_id}
    return displacy.render(data, style="ent", manual=True, page=True, jupyter=False,
                           options={"colors": COLORS, "ents": list(COLORS)})
