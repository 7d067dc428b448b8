"""Bad input to Vietnam's formulas: a typed error saying, in Vietnamese and English, what is wrong."""

from __future__ import annotations

import pytest

import calc.vn as vn
from calc.core.errors import InputError, OutOfRangeError

CASES = [
    ("text pay", lambda: vn.monthly(gross="nhiều", year=2026), InputError, "gross", "bằng số đồng"),
    ("negative pay", lambda: vn.monthly(gross=-1, year=2026), InputError, "gross", "từ 0 đến"),
    ("fraction of a đồng", lambda: vn.monthly(gross="1000.5", year=2026), InputError, "gross", "đồng chẵn"),
    ("two of gross, net, cost", lambda: vn.monthly(gross=1, net=1, year=2026), InputError, "gross", "đúng một"),
    ("none of them", lambda: vn.monthly(year=2026), InputError, "gross", "đúng một"),
    ("no year", lambda: vn.monthly(gross=1), InputError, "year", "Vui lòng nhập năm"),
    ("year outside", lambda: vn.monthly(gross=1, year=2024), OutOfRangeError, "year", "2025–2026"),
    ("month 13", lambda: vn.monthly(gross=1, year=2026, month=13), InputError, "month", "từ 1 đến 12"),
    ("region V", lambda: vn.monthly(gross=1, year=2026, region="V"), InputError, "region", "I, II, III hoặc IV"),
    ("dependants as text", lambda: vn.monthly(gross=1, year=2026, dependants="hai"), InputError, "dependants",
     "số người phụ thuộc"),
    ("resident as text", lambda: vn.monthly(gross=1, year=2026, resident="có"), InputError, "resident",
     "cá nhân cư trú"),
    ("unknown employer", lambda: vn.monthly(gross=1, year=2026, employer="ngo"), InputError, "employer",
     "người sử dụng lao động"),
    ("unknown day", lambda: vn.overtime_pay(1, 1, 2026, day="sunday"), InputError, "day", "ngày nghỉ hằng tuần"),
    ("too many hours", lambda: vn.overtime_pay(1, 1000, 2026), InputError, "hours", "số giờ"),
    ("deposit rate in percent", lambda: vn.late_pay_interest(1, 20, 4.5, 2026), InputError, "deposit_rate",
     "0,045"),
]


@pytest.mark.parametrize(("name", "call", "kind", "field", "vi"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(name: str, call, kind: type, field: str, vi: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kind) as e:
        call()
    assert e.value.field == field
    assert vi in e.value.message("vi"), e.value.message("vi")
    en = e.value.message("en")
    assert en and en != e.value.message("vi") and "Traceback" not in en


def test_region_accepts_numbers_and_lower_case() -> None:
    a = vn.monthly(gross=10_000_000, year=2026, region=3)
    b = vn.monthly(gross=10_000_000, year=2026, region="iii")
    assert a.region == b.region == "III"


def test_grouped_amounts() -> None:
    assert vn.monthly(gross="10.000.000", year=2026).gross == 10_000_000
    assert vn.monthly(gross="10,000,000 ₫", year=2026).gross == 10_000_000
