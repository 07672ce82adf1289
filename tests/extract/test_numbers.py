"""Table-driven tests of the numeral parser."""
import pytest

from pipeline.extract.numbers import Number, is_placeholder, parse_number

CASES = [
    ("1015", Number(1015.0)),
    ("3.5", Number(3.5)),
    ("66", Number(66.0)),
    ("两", Number(2.0)),
    ("十", Number(10.0)),
    ("二十", Number(20.0)),
    ("十二", Number(12.0)),
    ("一百零五", Number(105.0)),
    ("两千", Number(2000.0)),
    ("三万五千", Number(35000.0)),
    ("一亿", Number(100_000_000.0)),
    ("二〇一五", Number(2015.0)),
    ("4万", Number(40000.0)),
    ("1.5万", Number(15000.0)),
    ("3千", Number(3000.0)),
    ("4万多", Number(40000.0, "多")),
    ("30多万", Number(300000.0, "多")),
    ("十多万", Number(100000.0, "多")),
    ("一千多", Number(1000.0, "多")),
    ("近五万", Number(50000.0, "近")),
    ("约50", Number(50.0, "约")),
    ("大约30", Number(30.0, "大约")),
    ("50左右", Number(50.0, "左右")),
    ("200余", Number(200.0, "余")),
    ("十几", Number(10.0, "多")),
    ("百余", Number(100.0, "余")),
    ("近千", Number(1000.0, "近")),
    ("几十", Number(None, "几")),
    ("数百", Number(None, "数")),
    ("三四", Number(3.0, "range", False, 4.0)),
    ("一两", Number(1.0, "range", False, 2.0)),
    ("两三百", Number(200.0, "range", False, 300.0)),
    ("七八十", Number(70.0, "range", False, 80.0)),
    ("3-5", Number(3.0, "range", False, 5.0)),
    ("3至5万", Number(30000.0, "range", False, 50000.0)),
    ("40～50", Number(40.0, "range", False, 50.0)),
    ("两到三", Number(2.0, "range", False, 3.0)),
    ("十至十五", Number(10.0, "range", False, 15.0)),
    ("1万多", Number(10000.0, "多")),
    ("一千二百三十四万五千六百七十八", Number(12345678.0)),
    ("x", Number(None, None, True)),
    ("xx", Number(None, None, True)),
    ("X", Number(None, None, True)),
    ("××", Number(None, None, True)),
    ("x余", Number(None, "余", True)),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "万", "百", "五-三", "abc", "一二", "九一", "两" * 30, "三" * 100_000])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_placeholder_needs_only_marks():
    assert is_placeholder("xx") and not is_placeholder("x1") and not is_placeholder("")
