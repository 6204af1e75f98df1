"""Loading: encodings, line endings, and bad input with one-line errors."""
import pytest

from conftest import HOHHOT, kinds
from pipeline import api
from pipeline.errors import InputError, StructureError
from pipeline.load import load, load_bytes

TEXT = HOHHOT.read_text(encoding="utf-8")


def _outline(doc):
    return [(n.kind, n.num, n.title) for n in doc.nodes()]


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_encodings_give_the_same_tree(encoding, bom, hohhot):
    source = load_bytes(bom + TEXT.encode(encoding), "draft.txt")
    assert source.text == TEXT
    assert _outline(api.parse(source)) == _outline(hohhot)


def test_crlf_keeps_offsets_into_the_crlf_text(hohhot):
    crlf = TEXT.replace("\n", "\r\n")
    doc = api.parse(load_bytes(crlf.encode(), "draft.txt"))
    assert _outline(doc) == _outline(hohhot)
    m1 = kinds(doc, "measure")[0]
    assert doc.text[m1.start:].startswith("1.布局一批重大科技基础设施")


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"),
    (b"  \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"\xff\xfe\xfd\xfc" * 40 + b"\x81", "undecodable"),
])
def test_bad_bytes_get_one_line_errors(data, message):
    with pytest.raises(InputError) as exc:
        load_bytes(data, "bad.txt")
    assert message in str(exc.value) and "\n" not in str(exc.value)
    assert str(exc.value).startswith("bad.txt: ")


def test_text_with_no_structure_is_refused():
    source = load_bytes("这是一段没有任何编号结构的文字。\n只有两行。\n".encode(), "plain.txt")
    with pytest.raises(StructureError, match="no structure"):
        api.parse(source)


def test_folder_with_no_texts(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="no supported texts"):
        api.expand_inputs([tmp_path])


def test_html_block_elements_become_lines():
    source = load("corpus/liuhe-zhongdian-chanye-shishi-yijian-old.html".replace("corpus/", str(HOHHOT.parent) + "/"))
    assert source.format == "html"
    assert "\n一、财政支持\n" in "\n" + source.text
    assert "&nbsp;" not in source.text and "<" not in source.text
