"""Chinese numeral parsing: markers (parse_int) and amounts (parse_amount)."""
import pytest

from pipeline.cnnum import parse_amount, parse_int, parse_number


@pytest.mark.parametrize("numeral, value", [
    ("十九", 19), ("一百零五", 105), ("二〇二四", 2024), ("两", 2), ("壹佰", 100),
    ("１２", 12), ("12", 12), ("二十五", 25), ("十", 10),
])
def test_parse_int(numeral, value):
    assert parse_int(numeral) == value


@pytest.mark.parametrize("text, yuan", [
    # Amounts as written in the corpus (fines in law-fan-*, law-zhian-*, liuhe, guobanfa6).
    ("五百万元", 5_000_000), ("一亿元", 100_000_000), ("十万元", 100_000), ("1.5亿元", 150_000_000),
    ("五百元", 500), ("二千元", 2000), ("二十五万元", 250_000), ("一百万", 1_000_000),
    ("1亿", 100_000_000), ("1千万", 10_000_000), ("5000万元", 50_000_000), ("500万元", 5_000_000),
    ("１０万元", 100_000), ("３．５万元", 35_000), ("0.5万元", 5000), ("12000元", 12000),
    ("1,000元", 1000), ("一亿二千万元", 120_000_000), ("十五万", 150_000),
])
def test_parse_amount(text, yuan):
    assert parse_amount(text) == yuan
    assert isinstance(parse_amount(text), int)


def test_parse_number_keeps_decimals():
    assert parse_number("1.5") == 1.5
    assert parse_number("0.3") == 0.3


@pytest.mark.parametrize("bad", ["一次性", "一批", "", "元", "1.5.2", "（十二）", "第三章", "三个"])
def test_rejects_non_numerals(bad):
    with pytest.raises(ValueError):
        parse_amount(bad)


def test_parse_int_rejects_decimals():
    with pytest.raises(ValueError):
        parse_int("1.5")
