"""Time-based pay: the seed's examples figure for figure, overtime, holidays, night work."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError

D = Decimal


def test_full_months_pay_the_whole_salary() -> None:
    """Seed 002: 45,000 for May 2017 (20 working days) and June 2017 (21)."""
    assert calc.salary_for_month(45000, 2017, 5).amount == D("45000.00")
    assert calc.salary_for_month(45000, 2017, 6).amount == D("45000.00")


def test_partly_worked_month() -> None:
    """Seed 002: 45,000 / 20 × 10 = 22,500 (May 2017, ten days of unpaid leave)."""
    r = calc.salary_for_month(45000, 2017, 5, days_worked=10)
    assert r.amount == D("22500.00")
    assert r.step("salary_pay").formula_numbers("ru").replace("\u00a0", " ") == "45 000,00 ₽ / 20 дней × 10 дней"


def test_hourly_rate_by_the_month_and_by_the_year() -> None:
    """Seed 002: 8,300 / 168 = 49.40 (July 2017); 8,300 / (1,973 / 12) = 50.48."""
    assert calc.hourly_rate(8300, 2017, 7, "month").rate == D("49.40")
    assert calc.hourly_rate(8300, 2017, method="year").rate == D("50.48")
    assert calc.hourly_rate(8300, 2017, method="year", round_rate=False).rate.quantize(D("0.0001")) == D("50.4815")


def test_watchman_shift_and_months() -> None:
    """Seed 002: 50 × 16 + 50 × 8 + 50 × 8 × 20 % = 1,280 a shift; 8, 6, 9 shifts."""
    assert calc.shift_pay(50, 24, night_hours=8, night_rate="0.20").amount == D("1280.00")
    assert [calc.shift_pay(50, 24, 8, "0.20", shifts=n).amount for n in (8, 6, 9)] == [
        D("10240.00"),
        D("7680.00"),
        D("11520.00"),
    ]


def test_watchman_quarter_overtime_the_seed_leaves_out() -> None:
    """The seed's accounting period is the quarter: 23 shifts × 24 h = 552 h against Q1 2017's norm of
    136 + 143 + 175 = 454 h, so 98 h are overtime (ТК ст. 104, 152). The months paid them once; still
    due: 50 × 2 × 0.5 + 50 × 96 × 1 = 4,850 — the seed's 29,440 for the quarter underpays by that."""
    norm = calc.period_norm_hours(2017, [1, 2, 3])
    assert norm == 454
    r = calc.period_overtime(50, 23 * 24, norm)
    assert r.amount == D("4850.00")
    assert [s.result for s in r.steps if s.key == "period_overtime_hours"] == [98]
    # hours of holiday work already paid double are not overtime (ст. 152 ч. 3)
    assert calc.period_overtime(50, 23 * 24, norm, holiday_hours=48).amount == D("50") * 2 * D("0.5") + 50 * 48
    assert calc.period_overtime(50, 400, norm).amount == 0


def test_night_surcharge_defaults_to_the_legal_minimum_and_cannot_go_below() -> None:
    assert calc.night_surcharge(100, 8).amount == D("160.00")
    with pytest.raises(InputError, match="below the legal minimum"):
        calc.night_surcharge(100, 8, "0.10")


def test_overtime_first_two_hours_then_double() -> None:
    assert calc.overtime_pay(100, 3).amount == D("500.00")  # 100 × (2 × 1.5 + 1 × 2)
    assert calc.overtime_pay(100, [1, 4]).amount == D("150.00") + D("700.00")  # per occasion


def test_weekend_and_holiday_work() -> None:
    assert calc.holiday_pay(100, 8, salaried=False).amount == D("1600.00")  # tariff: double
    assert calc.holiday_pay(100, 8, salaried=True, within_norm=True).amount == D("800.00")  # extra single rate
    assert calc.holiday_pay(100, 8, salaried=True, within_norm=False).amount == D("1600.00")
    assert calc.holiday_pay(100, 8, salaried=False, day_off_taken=True).amount == D("800.00")


def test_tariffs() -> None:
    assert calc.daily_tariff_pay("2500.50", 3).amount == D("7501.50")
    assert calc.hourly_tariff_pay("312.345", 10).amount == D("3123.45")
    assert calc.salary_for_hours(8300, 44, D(1973) / 12).amount == D("2221.19")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: calc.salary_for_month(45000, 2017, 5, days_worked=21), "days_worked"),
        (lambda: calc.salary_for_month(-1, 2017, 5), "salary"),
        (lambda: calc.salary_for_month("", 2017, 5), "salary"),
        (lambda: calc.salary_for_days(1000, 5, 0), "norm_days"),
        (lambda: calc.shift_pay(50, 10, night_hours=12), "night_hours"),
        (lambda: calc.hourly_rate(8300, 2017, 7, "weekly"), "method"),
    ],
)
def test_bad_input(call, field: str) -> None:
    with pytest.raises(InputError) as e:
        call()
    assert e.value.field == field
    assert e.value.message("ru") and e.value.message("en")


@given(st.decimals(0, 1_000_000, places=2), st.integers(1, 12), st.integers(2011, 2026), st.data())
def test_a_partial_month_never_exceeds_the_full_one(salary: Decimal, month: int, year: int, data) -> None:
    norm = calc.working_days(year, month)
    worked = data.draw(st.integers(0, norm))
    full = calc.salary_for_month(salary, year, month).amount
    part = calc.salary_for_month(salary, year, month, worked).amount
    assert part <= full == salary.quantize(D("0.01"))


def test_half_a_kopeck_rounds_up_whatever_the_order_of_operations() -> None:
    """227,748.75 / 18 × 3 = 37,958.125 exactly: half up gives .13 (a 28-digit division would give .124999…)."""
    assert calc.salary_for_days("227748.75", 3, 18).amount == Decimal("37958.13")
    assert calc.advance("227748.75", 2025, 10, basis="gross", days_worked=3, days_in_month=18).gross == Decimal(
        "37958.13")


@given(st.decimals(1, 1_000_000, places=2), st.integers(1, 23), st.integers(0, 23))
def test_salary_for_days_is_the_exact_quotient_rounded_half_up(salary: Decimal, norm: int, worked: int) -> None:
    worked = min(worked, norm)
    exact = Fraction(salary) * worked / norm
    assert calc.salary_for_days(salary, worked, norm).amount == Decimal(math.floor(exact * 100 + Fraction(1, 2))) / 100


def test_period_overtime_warns_of_the_2026_per_day_wording() -> None:
    """From 2026 art. 152 counts the first two hours per day (shift): the one-block minimum says so."""
    from calc.core.text import tr

    def notes(on: date) -> str:
        pay = calc.period_overtime(300, 500, 480, on=on)
        return " ".join(tr(s.note, "en") for s in pay.steps if s.note)

    assert pay_amount(date(2025, 6, 30)) == pay_amount(date(2026, 6, 30))  # the figure itself is unchanged
    assert "each day (shift)" not in notes(date(2025, 6, 30))
    assert "each day (shift)" in notes(date(2026, 6, 30))


def pay_amount(on: date) -> object:
    return calc.period_overtime(300, 500, 480, on=on).amount
