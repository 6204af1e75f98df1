""".doc, .wps, .rtf and .odt read through LibreOffice: the same document as the DOCX they were saved from.

The DOCX files are built from corpus texts (Word automatic numbering, and a
Word-like layout with a task table), saved as .doc / .odt / .rtf by LibreOffice
once per session, then loaded as a publisher's attachment would be. The
converter's failures (hanging, crashing, missing) are played by small scripts
named in POLICY_SOFFICE, so those tests need no LibreOffice.
"""
from __future__ import annotations

import functools
import json
import os
import re
import signal
import stat
import time
from pathlib import Path

import pytest

from load_fixtures import CORPUS, HOHHOT, docx_auto, text_lines
from office_fixtures import SOFFICE, convert, hohhot_as_reviewed, paragraphs, word_docx
from pipeline import api
from pipeline.errors import InputError
from pipeline.load import load_bytes
from test_load_formats import shape

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
LAW = CORPUS / "law-guojia-keji-jiangli-tiaoli-2024.txt"


@pytest.fixture(scope="session")
def saved(tmp_path_factory):
    """name -> (docx bytes, {format: converted bytes}): one LibreOffice run per target format."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    sources = {
        "hohhot-auto.docx": docx_auto(text_lines(), measures_apart=True),
        "hohhot-word.docx": word_docx(paragraphs(HOHHOT.read_text(encoding="utf-8")), header="科技强市实施意见"),
        "law.docx": word_docx(paragraphs(LAW.read_text(encoding="utf-8")), page_numbers="of"),
        "hohhot-reviewed.docx": hohhot_as_reviewed(),
    }
    docs = convert(sources, "doc", folder)
    odt = convert({"hohhot-word.docx": sources["hohhot-word.docx"]}, "odt", folder)
    rtf = convert({"law.docx": sources["law.docx"]}, "rtf", folder)
    return {name: (data, {"doc": docs[name], "odt": odt.get(name), "rtf": rtf.get(name)})
            for name, data in sources.items()}


@functools.lru_cache(maxsize=None)
def reference(data: bytes):
    return shape(api.ingest_source(load_bytes(data, "reference.docx")))


@needs_soffice
@pytest.mark.parametrize("name", ["hohhot-auto.docx", "hohhot-word.docx"])
def test_a_doc_saved_from_a_docx_gives_the_same_document(saved, name):
    docx, converted = saved[name]
    source = load_bytes(converted["doc"], name.replace(".docx", ".doc"))
    doc = api.ingest_source(source)
    assert shape(doc) == reference(docx)
    assert source.format == "doc" and source.sha256 != api.ingest_source(load_bytes(docx, name)).source.sha256
    conversion = source.conversion
    assert (conversion.source_format, conversion.target_format, conversion.converter) == ("doc", "docx", "LibreOffice")
    assert re.fullmatch(r"\d+(\.\d+)+", conversion.version)
    written = json.loads(api.document_json(doc))
    assert written["source"]["format"] == "doc"
    assert written["source"]["conversion"]["version"] == conversion.version
    if name == "hohhot-auto.docx":  # numbered by Word lists, which the .doc must keep
        measures = [n for n in doc.nodes() if n.kind == "measure"]
        assert [n.ordinal for n in measures] == list(range(1, 27))
        assert measures[0].title == "布局一批重大科技基础设施"
        assert doc.layer("responsibilities").of(measures[0].id)[0].lead == "市科学技术局"


@needs_soffice
def test_a_doc_keeps_the_footnotes_comments_and_header_of_the_docx(saved):
    from pipeline.records import to_json

    docx, converted = saved["hohhot-reviewed.docx"]
    from_docx = api.ingest_source(load_bytes(docx, "reviewed.docx"))
    source = load_bytes(converted["doc"], "reviewed.doc")
    from_doc = api.ingest_source(source)
    assert source.text == from_docx.text
    for layer in ("footnotes", "comments"):
        assert [(node, to_json(r)) for node, r in from_doc.layer(layer).items()] == [
            (node, to_json(r)) for node, r in from_docx.layer(layer).items()]
        assert len(from_doc.layer(layer)) == 2 if layer == "footnotes" else 1
    assert dict(source.metadata)["header"] == dict(from_docx.source.metadata)["header"]


@needs_soffice
def test_a_doc_and_a_compound_document_named_wps_convert_in_one_parallel_batch(saved, tmp_path):
    from pipeline import batch
    from pipeline.model_io import read_document

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "law.doc").write_bytes(saved["law.docx"][1]["doc"])
    (folder / "征求意见稿.wps").write_bytes(saved["hohhot-auto.docx"][1]["doc"])
    outcomes = batch.run([str(folder / "law.doc"), str(folder / "征求意见稿.wps")], str(tmp_path / "out"), jobs=2)
    assert [o.ok for o in outcomes] == [True, True], [o.error for o in outcomes]
    law, wps = (read_document(o.target) for o in outcomes)
    assert law.source.format == "doc" and wps.source.format == "wps"
    assert wps.source.conversion.source_format == "wps"
    assert shape(law) == reference(saved["law.docx"][0])
    assert shape(wps) == reference(saved["hohhot-auto.docx"][0])


@needs_soffice
@pytest.mark.parametrize("fmt, name", [("odt", "hohhot-word.docx"), ("rtf", "law.docx")])
def test_odt_and_rtf_are_converted_too(saved, fmt, name):
    docx, converted = saved[name]
    source = load_bytes(converted[fmt], f"draft.{fmt}")
    assert source.format == fmt and source.conversion.source_format == fmt
    assert shape(api.ingest_source(source)) == reference(docx)


@needs_soffice
def test_what_word_saves_under_a_doc_name_is_read_for_what_it_is(saved):
    """Sites post RTF and DOCX files named .doc (Word opens both): read as RTF and DOCX."""
    docx, converted = saved["law.docx"]
    as_rtf = load_bytes(converted["rtf"], "law.doc")
    assert as_rtf.conversion.source_format == "rtf"
    assert shape(api.ingest_source(as_rtf)) == reference(docx)
    as_docx = load_bytes(docx, "law.doc")
    assert as_docx.format == "docx" and shape(api.ingest_source(as_docx)) == reference(docx)


def test_a_word_web_page_posted_as_doc_is_read_as_the_page():
    # 柳河 tourism opinion: Word-exported HTML (MsoNormal), as a site would post it under .doc
    data = (CORPUS / "liuhe-lvyou-shishi-yijian-2019.html").read_bytes()
    as_doc = api.ingest_source(load_bytes(data, "liuhe-lvyou.doc"))
    as_html = api.ingest_source(load_bytes(data, "liuhe-lvyou.html"))
    assert as_doc.source.format == "html" and as_doc.text == as_html.text
    assert [(n.kind, n.num) for n in as_doc.nodes()] == [(n.kind, n.num) for n in as_html.nodes()]


# --- the converter misbehaving, played by scripts ----------------------------------------------------

def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its reaper does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def test_a_converter_that_hangs_is_killed_and_reported(tmp_path, monkeypatch):
    pid_file = tmp_path / "pid"
    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, f"echo $$ > {pid_file}; exec sleep 60")))
    monkeypatch.setenv("POLICY_SOFFICE_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(InputError, match=r"hang\.doc: LibreOffice took longer than 1 s converting the file; killed"):
        load_bytes(OLE, "hang.doc")
    assert time.monotonic() - started < 10
    assert not alive(int(pid_file.read_text()))


@pytest.mark.parametrize("body, message", [
    ("kill -SEGV $$", r"crash\.doc: LibreOffice crashed converting the doc file \(signal 11\)"),
    ("echo 'Error: source file could not be loaded' >&2; exit 1",
     r"crash\.doc: LibreOffice could not convert the doc file \(exit code 1: Error: source file could not be loaded\)"),
    ("exit 0", r"crash\.doc: LibreOffice could not convert the doc file \(exit code 0\)"),
])
def test_a_converter_that_crashes_or_writes_nothing_is_that_files_error(tmp_path, monkeypatch, body, message):
    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, body)))
    with pytest.raises(InputError, match=message) as info:
        load_bytes(OLE, "crash.doc")
    assert "\n" not in str(info.value)


def test_a_hanging_conversion_fails_alone_in_a_batch(tmp_path, monkeypatch):
    from pipeline import batch

    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, "exec sleep 60")))
    monkeypatch.setenv("POLICY_SOFFICE_TIMEOUT", "1")
    (tmp_path / "hang.doc").write_bytes(OLE)
    outcomes = batch.run([str(HOHHOT), str(tmp_path / "hang.doc")], str(tmp_path / "out"), jobs=2)
    assert outcomes[0].ok
    assert "LibreOffice took longer than 1 s" in outcomes[1].error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{HOHHOT.stem}.json"]


def test_without_libreoffice_the_cli_says_how_to_install_it(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import cli

    monkeypatch.delenv("POLICY_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    (tmp_path / "draft.doc").write_bytes(OLE)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "draft.doc"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert "apt-get install libreoffice-writer-nogui" in errors[0] and "save the file as .docx" in errors[0]
    assert not (tmp_path / "out" / "draft.json").exists()


def test_policy_soffice_naming_no_program_is_refused(monkeypatch):
    monkeypatch.setenv("POLICY_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(InputError, match=r"POLICY_SOFFICE=/nonexistent/soffice is not an executable"):
        load_bytes(OLE, "a.doc")


@pytest.mark.parametrize("name, data, message", [
    ("draft.doc", "第一条　为了规范管理，制定本办法。".encode(), "not a Word 97 / WPS file"),
    ("draft.pdf", b"PK\x03\x04" + b"\0" * 100, "zip container with suffix .pdf"),
    ("draft.rtf", OLE, "compound document with suffix .rtf"),
    ("draft.txt", OLE, "compound document with suffix .txt"),
    ("draft.txt", b"{\\rtf1\\ansi hello}", "RTF document with suffix .txt"),
    ("draft.odt", b"PK\x03\x04" + b"\0" * 100, "not an OpenDocument text"),
    ("draft.rtf", "第一条".encode(), "not an RTF file"),
])
def test_content_that_contradicts_the_suffix_is_refused(name, data, message):
    with pytest.raises(InputError, match=message):
        load_bytes(data, name)


def test_standard_input_holding_a_word_97_file_is_converted_as_doc(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, "exit 3")))
    with pytest.raises(InputError, match="could not convert the doc file"):
        load_bytes(OLE, "stdin")
    with pytest.raises(InputError, match="could not convert the rtf file"):
        load_bytes(b"{\\rtf1\\ansi hello}", "stdin")


def test_folders_offer_office_files_to_the_batch(tmp_path):
    (tmp_path / "a.doc").write_bytes(OLE)
    (tmp_path / "b.wps").write_bytes(OLE)
    (tmp_path / "c.rtf").write_bytes(b"{\\rtf1}")
    assert [Path(i.path).name for i in api.expand_inputs([tmp_path]) if not i.skipped] == ["a.doc", "b.wps", "c.rtf"]


def test_no_converter_process_outlives_a_kill(tmp_path, monkeypatch):
    """The converter's children (soffice forks soffice.bin) are killed with it."""
    child = tmp_path / "child"
    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, f"sleep 60 & echo $! > {child}; wait")))
    monkeypatch.setenv("POLICY_SOFFICE_TIMEOUT", "1")
    with pytest.raises(InputError, match="killed"):
        load_bytes(OLE, "a.doc")
    pid = int(child.read_text())
    for _ in range(50):
        if not alive(pid):
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the converter's child process was left running")


def test_the_work_folder_is_removed_whatever_happens(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("POLICY_SOFFICE", str(fake_soffice(tmp_path, "kill -SEGV $$")))
    with pytest.raises(InputError):
        load_bytes(OLE, "a.doc")
    assert list((tmp_path / "tmp").iterdir()) == []
