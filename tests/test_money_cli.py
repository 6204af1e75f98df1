"""`policy money`: table on stdout, CSV and Markdown written atomically, one-line errors."""
import csv
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

HOHHOT = Path(__file__).resolve().parent.parent / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"


def test_money_prints_table_and_writes_csv_and_markdown(tmp_path):
    result = CliRunner().invoke(cli, ["money", str(HOHHOT), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["measure", "role", "amount", "bound", "rate", "per", "duration", "recipient"]
    assert "单个企业每年" in result.stdout and "3,000,000" in result.stdout
    rows = list(csv.DictReader((tmp_path / "hohhot-2024-keji-qiangshi-draft.money.csv").open(encoding="utf-8")))
    assert len(rows) == 24
    assert {r["role"] for r in rows} == {"grant", "rate", "cap", "threshold", "budget_growth"}
    md = (tmp_path / "hohhot-2024-keji-qiangshi-draft.money.md").read_text(encoding="utf-8")
    assert md.count("\n| p2.") == 24


def test_money_output_is_byte_identical_on_rerun(tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["money", str(HOHHOT), "-o", str(tmp_path / "a")])
    runner.invoke(cli, ["money", str(HOHHOT), "-o", str(tmp_path / "b")])
    for name in ("hohhot-2024-keji-qiangshi-draft.money.csv", "hohhot-2024-keji-qiangshi-draft.money.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_money_bad_input_is_one_line_and_writes_nothing(tmp_path):
    result = CliRunner().invoke(cli, ["money", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error:")
    assert not (tmp_path / "out").exists()


def test_money_has_help():
    result = CliRunner().invoke(cli, ["money", "--help"])
    assert result.exit_code == 0 and "money terms" in result.output


def test_money_reads_an_ingested_document_json(tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(HOHHOT), "-q", "-o", str(tmp_path / "json")])
    ingested = tmp_path / "json" / "hohhot-2024-keji-qiangshi-draft.json"
    runner.invoke(cli, ["money", str(HOHHOT), "-o", str(tmp_path / "a")])
    result = runner.invoke(cli, ["money", str(ingested), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    name = "hohhot-2024-keji-qiangshi-draft.money.csv"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
