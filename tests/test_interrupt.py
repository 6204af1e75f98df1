"""Ctrl-C during `policy build`, as a terminal sends it (SIGINT to the whole process group):
exit 130, one line saying the outputs are incomplete, no temporary or hidden file left."""
import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize("stage", ["ingesting 3/", "writing tables 3/"])
def test_ctrl_c_during_build_exits_130_and_leaves_no_temporary_file(corpus, tmp_path, stage):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "build", str(corpus), "-o", str(out), "-j", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if line.startswith(stage):
                os.killpg(proc.pid, signal.SIGINT)
                break
        stdout, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    stderr = "".join(seen) + rest
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == (f"Interrupted: the outputs in {out} are incomplete; "
                                               "run the command again to finish.")
    assert "Traceback" not in stderr and "open " not in stdout
    left = [p for p in out.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")]
    assert left == []
    # what was written is whole: every document JSON written so far parses
    for path in out.glob("*/*.json"):
        json.loads(path.read_text(encoding="utf-8"))
