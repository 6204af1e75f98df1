"""The diff's tokenizer: jieba's words exactly, from a dictionary cache that loads fast.

`dictcache` loads only the dictionary entries a text can look up; these tests hold its cuts
to jieba's own with the whole dictionary in memory, on corpus texts, and check the cache
file's life: built once (atomically), reused, rebuilt when the dictionary changes or the
file is cut short, and not needed where no cache can be written.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from pipeline.diff import dictcache
from pipeline.diff.words import cut, prefix_dictionary
from pipeline.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
JIEBA_DICT = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
# 治安管理处罚法 2025 art20, lead-in and items (一)-(三)
ART20 = "违反治安管理有下列情形之一的，从轻、减轻或者不予处罚：（一）情节轻微的；（二）主动消除或者减轻违法后果的；（三）取得被侵害人谅解的；"


@pytest.fixture(scope="module")
def whole():
    """jieba's own tokenizer with the whole default dictionary in memory."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


@pytest.mark.parametrize("name", [
    "law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt", "law-shouyang-dengji-banfa-2023.txt",
    "hohhot-2024-keji-qiangshi-draft.txt", "liuhe-zhongdian-chanye-shishi-yijian-2023.html",
    "govcn-2019-guofa4-zhiye-jiaoyu-fangan.html",
])
def test_cuts_are_jiebas_with_the_whole_dictionary(whole, name):
    """Whole documents (web pages with their markup, ASCII and digits too), as read and folded."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    for version in (text, fold(text)):
        assert cut(version) == whole.lcut(version, HMM=False)


def test_cuts_of_a_clause_keep_the_dictionarys_words(whole):
    words = cut(ART20)
    assert "".join(words) == ART20
    assert {"治安管理", "减轻", "处罚", "谅解"} <= set(words)
    assert words == whole.lcut(ART20, HMM=False)


def small_dictionary(folder: Path, extra: str = "") -> Path:
    """The lines of jieba's dictionary for the words of ART20, plus `extra` lines."""
    lines = [line for line in JIEBA_DICT.read_text(encoding="utf-8").splitlines()
             if line.split(" ")[0] in ART20 and len(line.split(" ")[0]) > 1]
    path = folder / "dict.txt"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


class Counting:
    """`prefix_dictionary`, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path: Path):
        self.calls += 1
        return prefix_dictionary(path)


def cuts_with(freq: dictcache.LazyFreq, text: str) -> list[str]:
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = freq.freq, freq.total, True
    freq.prepare(text)
    return tk.lcut(text, HMM=False)


def test_the_cache_is_built_once_then_reused(tmp_path):
    dictionary, build = small_dictionary(tmp_path), Counting()
    first = dictcache.load(dictionary, build, tmp_path / "cache")
    files = list((tmp_path / "cache").iterdir())
    assert build.calls == 1 and [f.suffix for f in files] == [".dict"]  # no temporary file left
    second = dictcache.load(dictionary, build, tmp_path / "cache")
    assert build.calls == 1 and list((tmp_path / "cache").iterdir()) == files
    reference = jieba.Tokenizer(str(dictionary))
    reference.tmp_dir = str(tmp_path)
    assert cuts_with(first, ART20) == cuts_with(second, ART20) == reference.lcut(ART20, HMM=False)
    assert first.total == second.total == prefix_dictionary(dictionary)[1]


def test_a_changed_dictionary_gets_a_cache_of_its_own(tmp_path):
    before = dictcache.load(small_dictionary(tmp_path), prefix_dictionary, tmp_path / "cache")
    assert "被侵害人" not in cuts_with(before, ART20)
    after = dictcache.load(small_dictionary(tmp_path, "被侵害人 5000 n\n"), prefix_dictionary, tmp_path / "cache")
    assert "被侵害人" in cuts_with(after, ART20)
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_cache_cut_short_is_rebuilt(tmp_path):
    dictionary, build = small_dictionary(tmp_path), Counting()
    dictcache.load(dictionary, build, tmp_path / "cache")
    [cache] = (tmp_path / "cache").iterdir()
    whole_size = cache.stat().st_size
    cache.write_bytes(cache.read_bytes()[:whole_size // 2])
    freq = dictcache.load(dictionary, build, tmp_path / "cache")
    assert build.calls == 2 and cache.stat().st_size == whole_size
    assert cuts_with(freq, ART20) == cuts_with(dictcache.load(dictionary, build, tmp_path / "cache"), ART20)
    assert build.calls == 2


def test_no_writable_cache_folder_still_cuts(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    dictionary = small_dictionary(tmp_path)
    freq = dictcache.load(dictionary, prefix_dictionary, blocker / "cache")
    reference = jieba.Tokenizer(str(dictionary))
    reference.tmp_dir = str(tmp_path)
    assert cuts_with(freq, ART20) == reference.lcut(ART20, HMM=False)
    assert not list(tmp_path.rglob("jieba-*"))


def test_a_diff_from_the_command_line_never_imports_pkg_resources():
    code = ("import sys, io, contextlib; from pipeline.cli import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    cli.main(['diff', sys.argv[1], sys.argv[2]], standalone_mode=False)\n"
            "print('jieba' in sys.modules, 'pkg_resources' in sys.modules, '主动投案' in out.getvalue())")
    args = [str(CORPUS / "law-zhian-chufa-2012.txt"), str(CORPUS / "law-zhian-chufa-2025.txt")]
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "False", "True"]
