"""`policy ingest/add --dask ADDRESS`: the per-file work on a Dask cluster of two worker
processes writes the same bytes (and library rows) as a local run."""
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from pipeline import batch
from pipeline.cli import cli

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install 'policy-pipeline[dask]'")

# a comment draft with notes and money, a law, and a web page: three loaders, three shapes
FILES = ["hohhot-2024-keji-qiangshi-draft.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt",
         "govcn-2018-guofa39-cujin-jiuye.html"]


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _folder_bytes(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ingest_on_the_cluster_writes_the_bytes_of_a_local_run(scheduler, tmp_path):
    paths = [str(CORPUS / name) for name in FILES]
    local = CliRunner().invoke(cli, ["ingest", *paths, "-o", str(tmp_path / "local"), "-j", "1"])
    remote = CliRunner().invoke(cli, ["ingest", *paths, "-o", str(tmp_path / "dask"), "--dask", scheduler])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    written = _folder_bytes(tmp_path / "local")
    assert sorted(written) == sorted(f"{name.rsplit('.', 1)[0]}.json" for name in FILES)
    assert _folder_bytes(tmp_path / "dask") == written
    assert remote.stdout == local.stdout.replace(str(tmp_path / "local"), str(tmp_path / "dask"))


def test_a_file_that_fails_on_the_cluster_is_reported_and_the_batch_goes_on(scheduler, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    paths = [str(CORPUS / FILES[1]), str(broken)]
    outcomes = batch.run(paths, str(tmp_path / "out"), dask=scheduler)
    assert [o.ok for o in outcomes] == [True, False]
    assert outcomes[1].error.startswith("broken.docx: not a valid zip container")
    assert outcomes[1].error == batch.run(paths, str(tmp_path / "local"), jobs=1)[1].error


def _rows(db):
    conn = sqlite3.connect(db)
    try:
        docs = conn.execute("SELECT id, policy_id, version, doc_id, title, content_hash FROM documents "
                            "ORDER BY id").fetchall()
        nodes = conn.execute("SELECT COUNT(*) FROM nodes").fetchone()
        return docs, nodes
    finally:
        conn.close()


def test_add_on_the_cluster_fills_the_library_as_a_local_run(scheduler, tmp_path):
    paths = [str(CORPUS / name) for name in FILES]
    local = CliRunner().invoke(cli, ["add", *paths, "--db", str(tmp_path / "local.db"), "-j", "1"])
    remote = CliRunner().invoke(cli, ["add", *paths, "--db", str(tmp_path / "dask.db"), "--dask", scheduler])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    docs, nodes = _rows(tmp_path / "dask.db")
    assert (docs, nodes) == _rows(tmp_path / "local.db")
    assert [d[3] for d in docs] == [name.rsplit(".", 1)[0] for name in FILES]


def test_an_unreachable_scheduler_is_one_error_line(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS / FILES[1]), "-o", str(tmp_path),
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
