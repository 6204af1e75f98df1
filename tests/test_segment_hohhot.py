"""The Hohhot comment draft against its hand annotation (../shared/gold)."""
from conftest import kinds


def test_three_parts_with_their_headings(hohhot, gold):
    parts = kinds(hohhot, "part")
    assert [(p.num, p.title) for p in parts] == [(g["num"], g["heading"]) for g in gold["parts"]]


def test_nine_actions_with_their_titles_and_measures(hohhot, gold):
    actions = kinds(hohhot, "action")
    assert [a.title for a in actions] == [g["title"] for g in gold["actions"]]
    for action, g in zip(actions, gold["actions"]):
        assert [m.ordinal for m in action.children if m.kind == "measure"] == g["measures"]


def test_twenty_six_measures_with_their_titles(hohhot, gold):
    measures = kinds(hohhot, "measure")
    assert [(m.ordinal, m.title) for m in measures] == [(g["num"], g["title"]) for g in gold["measures"]]


def test_measure_ids_are_paths_of_markers(hohhot):
    m6 = next(m for m in kinds(hohhot, "measure") if m.ordinal == 6)
    assert m6.id == "p2.a2.m6"
    assert m6.num == "6" and m6.marker == "6."


def test_title_status_and_front_matter(hohhot, gold):
    assert hohhot.title == gold["title"]
    assert hohhot.status == gold["status"]
    assert hohhot.breadcrumb == tuple(gold["breadcrumb"])
    assert [n.kind for n in hohhot.root.children[:4]] == ["breadcrumb", "letter", "title", "preamble"]


def test_cover_letter(hohhot, gold):
    letter = hohhot.letter
    assert letter.title == gold["letter_title"]
    assert letter.issuer == gold["issuer_of_letter"]
    assert letter.date == gold["letter_date"]
    assert letter.addressee == gold["addressee"]
    assert letter.deadline == gold["comment_deadline"] == "2024-11-13T17:00"
    assert letter.deadline_text == gold["comment_deadline_text"]
    assert (letter.contact_name, letter.contact_phone) == (gold["contact"]["name"], gold["contact"]["phone"])


def test_referenced_documents(hohhot, gold):
    got = [(r.title, r.doc_number) for r in hohhot.layer("references").all()]
    assert got == [(g["title"], g.get("doc_number")) for g in gold["referenced_documents"]]


def test_measure_text_runs_from_marker_to_next_measure(hohhot):
    measures = kinds(hohhot, "measure")
    text = hohhot.text
    assert text[measures[0].start:].startswith("1.布局一批重大科技基础设施。")
    assert text[measures[4].start:measures[4].end].rstrip().endswith("金山高新区、和林格尔新区)")
    assert text[measures[4].end:].startswith("(二)实施研发投入")


def test_no_numbering_warnings_in_a_clean_draft(hohhot):
    assert [w for w in hohhot.all_warnings() if w.code.startswith("W1")] == []
