"""Text loading: encodings decoded exactly, offsets into the decoded text, bad bytes refused."""
from __future__ import annotations

import pytest

from load_fixtures import CORPUS, HOHHOT
from pipeline.errors import InputError
from pipeline.load import SUPPORTED_SUFFIXES, load, load_bytes


def test_supported_suffixes_cover_every_reader():
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf"} <= SUPPORTED_SUFFIXES


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
])
def test_hohhot_in_every_encoding_decodes_to_the_same_text(encoding, expected):
    text = HOHHOT.read_bytes().decode("utf-8")
    if encoding == "gbk":
        text = text.replace("\u2002", " ")  # U+2002 (en space, in the breadcrumb) has no GBK code
    source = load_bytes(text.encode(encoding), "hohhot.txt")
    assert (source.text, source.encoding, source.format) == (text, expected, "text")


def test_crlf_is_kept_so_offsets_stay_valid():
    data = (CORPUS / "law-zhian-chufa-2012.txt").read_bytes()
    assert b"\r\n" in data
    assert load_bytes(data, "law.txt").text == data.decode("utf-8")


def test_markdown_is_read_as_text():
    source = load(CORPUS / "law-guojia-keji-jiangli-tiaoli-2024.txt")
    assert source.text.startswith("# ")


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b" \r\n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"\xff\xfd\xfc\xfb" * 50, "undecodable"),
])
def test_bad_bytes_are_one_line_errors(data, message):
    with pytest.raises(InputError, match=message) as info:
        load_bytes(data, "bad.txt")
    assert "\n" not in str(info.value) and "bad.txt" in str(info.value)


def test_unsupported_suffix_and_mismatched_content_are_refused():
    with pytest.raises(InputError, match="unsupported file type .xls"):
        load_bytes(b"\xd0\xcf\x11\xe0 old excel", "sheet.xls")
    with pytest.raises(InputError, match="not a DOCX"):
        load_bytes(b"PK\x03\x04 data", "sheet.xlsx")
    with pytest.raises(InputError, match="not a DOCX"):
        load_bytes("一、总体目标".encode(), "draft.docx")
    with pytest.raises(InputError, match="not a PDF"):
        load_bytes("一、总体目标".encode(), "draft.pdf")


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)
