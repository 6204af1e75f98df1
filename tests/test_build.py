"""The main job end to end on a small corpus folder of real documents."""
import json
import shutil

from click.testing import CliRunner

from conftest import CORPUS
from pipeline import validate
from pipeline.build import read_chains
from pipeline.cli import cli

FILES = ["hohhot-2024-keji-qiangshi-draft.txt", "law-guojia-keji-jiangli-tiaoli-2020.txt",
         "law-guojia-keji-jiangli-tiaoli-2024.txt"]


def _corpus(tmp_path, names=FILES, versions=True):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, corpus / name)
    if versions:
        (corpus / "VERSIONS").write_text(" ".join(FILES[1:]) + "\n", encoding="utf-8")
    return corpus


def test_build_writes_a_folder_per_document_the_diffs_the_feed_and_an_index(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"index.html", "feed.jsonl", "diffs", "policy.db",
                                               *(n.rsplit(".", 1)[0] for n in FILES)}
    hohhot = {p.name for p in (out / "hohhot-2024-keji-qiangshi-draft").iterdir()}
    stem = "hohhot-2024-keji-qiangshi-draft"
    assert hohhot == {f"{stem}.{s}" for s in ("json", "annotated.html", "tasks.xlsx", "tasks.docx", "tasks.csv",
                                              "tasks.md", "money.csv", "money.md")}
    # a law without responsibility notes gets no 任务分工表, but its annotated page
    law = {p.name for p in (out / "law-guojia-keji-jiangli-tiaoli-2024").iterdir()}
    assert not any(".tasks." in name for name in law) and "law-guojia-keji-jiangli-tiaoli-2024.annotated.html" in law
    diffs = {p.name for p in (out / "diffs").iterdir()}
    assert {f"law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff.{e}"
            for e in ("md", "html", "json", "docx")} == diffs
    records = [json.loads(line) for line in (out / "feed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {name.rsplit(".", 1)[0] for name in FILES}
    assert all(not list(validate.errors(r, "feed-record")) for r in records)
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")]
    # the last lines say what to open and how to browse the library; progress and nothing else went to stderr
    assert result.stdout.splitlines()[-2:] == [f"open {out / 'index.html'}",
                                               f"browse the library ({out / 'policy.db'}): policy serve --db "
                                               f"{out / 'policy.db'}"]
    assert "wrote 3 documents, 1 任务分工表 and 1 version comparisons" in result.stdout
    assert "ingesting 3/3" in result.stderr and "Error" not in result.stderr


def test_versions_file_lists_chains_oldest_first(tmp_path):
    path = tmp_path / "VERSIONS"
    path.write_text("# chains\na.txt b.txt  # two\n\nc.txt d.txt e.txt\nlonely.txt\n", encoding="utf-8")
    assert read_chains(path) == [["a.txt", "b.txt"], ["c.txt", "d.txt", "e.txt"]]


def _corpus_with_a_wild_folder(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "wild").mkdir(parents=True)
    shutil.copy(CORPUS / "law-guojia-keji-jiangli-tiaoli-2020.txt", corpus)
    for name in WILD_FILES:
        shutil.copy(CORPUS / "wild" / name, corpus / "wild" / name)
    return corpus


WILD_FILES = ["govcn-2018-guoling706-zhuanli-daili-tiaoli.html", "qingdao-rd-2017-shirong-he-huanjingweisheng.txt"]


def _documents(out):
    return {p.name for p in out.glob("*/*.json") if p.parent.name != "diffs"}


def test_build_skips_the_wild_subfolder_by_default(tmp_path):
    corpus = _corpus_with_a_wild_folder(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert _documents(out) == {"law-guojia-keji-jiangli-tiaoli-2020.json"}


def test_build_reads_a_subfolder_named_with_include(tmp_path):
    corpus = _corpus_with_a_wild_folder(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-j", "1", "--include", str(corpus / "wild")])
    assert result.exit_code == 0, result.output
    assert _documents(out) == {"law-guojia-keji-jiangli-tiaoli-2020.json", "govcn-2018-guoling706-zhuanli-daili-tiaoli.json",
                               "qingdao-rd-2017-shirong-he-huanjingweisheng.json"}


def test_ingest_reads_the_wild_folder(tmp_path):
    corpus = _corpus_with_a_wild_folder(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["ingest", str(corpus / "wild"), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert {p.stem for p in out.glob("*.json")} == {name.rsplit(".", 1)[0] for name in WILD_FILES}
