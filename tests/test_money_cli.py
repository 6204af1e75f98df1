"""`policy money`: table on stdout, CSV and Markdown written atomically, one-line errors."""
import csv
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.display import width

HOHHOT = Path(__file__).resolve().parent.parent / "corpus" / "hohhot-2024-keji-qiangshi-draft.txt"


def test_money_prints_table_and_writes_csv_and_markdown(tmp_path):
    result = CliRunner().invoke(cli, ["money", str(HOHHOT), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["measure", "role", "amount", "bound", "rate", "per", "duration", "recipient"]
    assert "单个企业每年" in result.stdout
    # 二（二）6. "单个企业每年最高支持300万元": the amount as written, in the column under its header
    lines = result.stdout.splitlines()
    cap = next(line for line in lines if " cap " in line and "单个企业每年" in line)
    assert width(cap[:cap.index("300万元")]) == width(lines[0][:lines[0].index("amount")])
    for line in lines[1:]:
        assert width(line[:line.index(" grant ") if " grant " in line else 0]) in (0, width(cap[:cap.index(" cap ")]))
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


def test_amounts_are_shown_in_the_unit_written_and_exactly():
    from pipeline.money_table import written_unit, yuan

    assert yuan(5_000_000, "万元") == "500万元"
    assert yuan(32.5) == "32.5元"
    assert yuan(150_000_000, "亿元") == "1.5亿元"
    # 六合 2023 第二条: 5000万元以上至1亿元 writes each end in its own unit
    assert [written_unit(v, "5000万元以上至1亿元") for v in (5e7, 1e8)] == ["万元", "亿元"]
    # 五百元以上二千元以下 (numerals in words): the largest unit written that leaves a whole part
    assert written_unit(2000, "五百元以上二千元以下") == "元"
