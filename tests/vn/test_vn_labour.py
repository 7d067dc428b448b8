"""Labour Code 2019: overtime and night pay (art. 98), advance (art. 101), deductions (art. 102), late pay
(art. 97). Art. 98 as published by vietnam.vn (https://www.vietnam.vn/de/can-bo-cong-chuc-vien-chuc-nguoi-lao-dong-can-biet):
overtime at least 150 / 200 / 300 %, night +30 %, night overtime +20 % of the day-time wage of that day."""

from __future__ import annotations

import pytest

import calc.vn as vn
from calc.core.errors import InputError

W = 40_000  # hourly wage


@pytest.mark.parametrize(("day", "night", "before", "factor"), [
    ("workday", False, False, "1.5"), ("weekly_rest", False, False, "2"), ("holiday", False, False, "3"),
    # Decree 145/2020 art. 57 as commonly applied: 150 + 30 + 20 × 100 % = 200 %; with day-time overtime 210 %;
    # weekly rest 200 + 30 + 20 × 200 % = 270 %; holiday 300 + 30 + 20 × 300 % = 390 %
    ("workday", True, False, "2.0"), ("workday", True, True, "2.1"), ("weekly_rest", True, False, "2.7"),
    ("holiday", True, False, "3.9"),
])
def test_overtime(day: str, night: bool, before: bool, factor: str) -> None:
    from decimal import Decimal

    r = vn.overtime_pay(W, 3, 2026, 5, day=day, night=night, day_overtime_before=before)
    assert r.value == Decimal(W) * Decimal(factor) * 3


def test_night_pay_and_fractional_hours() -> None:
    assert vn.night_pay(W, "2.5", 2026).value == 130_000  # 40 000 × 130 % × 2.5


def test_deduction_limit() -> None:
    assert vn.deduction_limit(18_333_333, 2026).value == 5_500_000  # 30 %, half up


def test_advance_rules() -> None:
    assert vn.advance(5_000_000, 10_000_000, 2026, 3).value == 5_000_000
    with pytest.raises(InputError) as e:
        vn.advance(12_000_000, 10_000_000, 2026, 3, reason="civic_duty")
    assert "01 tháng tiền lương" in e.value.message("vi")
    leave = vn.advance(1_000_000, 10_000_000, 2026, 3, reason="annual_leave", leave_pay=2_000_000)
    assert leave.notes and "nghỉ hằng năm" in leave.notes[0].render("vi")
    assert vn.advance(15_000_000, 10_000_000, 2026, 3).notes  # larger than the salary: said


def test_late_pay_interest() -> None:
    assert vn.late_pay_interest(10_000_000, 14, "0.045", 2026).value == 0
    assert vn.late_pay_interest(10_000_000, 20, "0.045", 2026).value == 24_658  # 10 M × 4.5 % × 20 / 365
    assert vn.late_pay_interest(10_000_000, 40, "0.045", 2026).notes
