"""A month's pay in full: lines, НДФЛ, advance and final payment, employer's cost."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError

D = Decimal


def test_full_payslip_adds_up() -> None:
    p = calc.payslip(
        60_000,
        2025,
        3,
        scale="civil_service",
        seniority_years=7,
        night_hours=8,
        overtime_hours=[3],
        district_coef="1.2",
        northern_percent="0.3",
    )
    lines = {x.key: x.amount for x in p.lines}
    assert lines["salary_pay"] == D("60000.00")
    assert lines["seniority_bonus"] == D("9000.00")
    assert p.hourly_rate == D("359.28")  # 60,000 / 167 h (March 2025)
    assert lines["night_pay"] == D("574.85")
    assert lines["overtime_pay"] == D("2065.85")  # 413.17 (359.28 × 69,000 / 60,000, ТК ст. 152) × (2 × 1.5 + 2)
    base = sum(v for k, v in lines.items() if k not in ("district_pay", "northern_pay"))
    assert lines["district_pay"] == (base * D("0.2")).quantize(D("0.01"))
    assert lines["northern_pay"] == (base * D("0.3")).quantize(D("0.01"))
    assert p.gross == sum(lines.values())
    assert p.net == p.gross - p.ndfl
    assert p.advance.paid + p.final_payment == p.net
    assert p.total_cost == p.gross + p.cost.contributions + p.cost.accident


def test_northern_part_is_a_separate_tax_base_from_2025() -> None:
    p = calc.payslip(100_000, 2025, 1, district_coef="1.5")
    assert p.cost.northern == D("50000.00")
    assert p.ndfl == calc.ndfl(100_000, 2025, northern=50_000)


def test_seniority_bonus_follows_time_worked() -> None:
    p = calc.payslip(45_000, 2017, 5, days_worked=10, scale="police", seniority_years=5)
    lines = {x.key: x.amount for x in p.lines}
    assert lines["salary_pay"] == D("22500.00")
    assert lines["seniority_bonus"] == D("3375.00")  # 15 % of the salary for time worked


def test_fixed_allowance_prorated() -> None:
    p = calc.payslip(
        40_000, 2024, 2, days_worked=10, allowances=[calc.Allowance("Классность", "Class allowance", amount=4000)]
    )
    assert {x.key: x.amount for x in p.lines}["allowance_1"] == D("2000.00")  # 10 of 20 days


def test_prior_months_change_the_caps_and_bands() -> None:
    p = calc.payslip(300_000, 2025, 9, prior_months=[300_000] * 8)
    assert p.ndfl == 45_000  # the 15 % band begins in September
    with pytest.raises(InputError):
        calc.payslip(300_000, 2025, 9, prior_months=[300_000] * 3)


def test_bad_allowance() -> None:
    with pytest.raises(InputError):
        calc.payslip(40_000, 2024, 2, allowances=[calc.Allowance("x", percent="0.1", amount=100)])


@given(
    st.decimals(1, 2_000_000, places=2),
    st.integers(2011, 2026),
    st.integers(1, 12),
    st.sampled_from([None, "police", "civil_service", "leprosy_medical"]),
    st.integers(0, 40),
    st.sampled_from(["1", "1.15", "1.5"]),
    st.sampled_from(["0", "0.3", "0.8"]),
)
def test_payslip_invariants(salary, year, month, scale, years, coef, north) -> None:
    p = calc.payslip(
        salary, year, month, scale=scale, seniority_years=years, district_coef=coef, northern_percent=north
    )
    assert p.gross == sum(x.amount for x in p.lines)
    assert p.advance.paid + p.final_payment == p.net == p.gross - p.ndfl
    assert p.total_cost == p.gross + p.contributions + p.cost.accident


def test_advance_includes_the_long_service_bonus() -> None:
    """Minтруд letters 2017/2019: the long-service allowance is paid for time worked, so it goes into the advance.
    March 2025, 60,000 + 15 % (civil service, 7 years): 69,000 / 21 × 10 = 32,857.14 (salary alone 28,571.43)."""
    kw = {"scale": "civil_service", "seniority_years": 7}
    p = calc.payslip(60_000, 2025, 3, **kw)
    assert p.advance.gross == D("32857.14") and p.advance.allowances == D("9000.00")
    assert calc.payslip(60_000, 2025, 3, advance_salary_only=True, **kw).advance.gross == D("28571.43")
    assert p.advance.paid + p.final_payment == p.net


def test_advance_leaves_the_monthly_bonus_and_overtime_to_the_final_payment() -> None:
    p = calc.payslip(60_000, 2025, 3, bonus_percent="0.5", overtime_hours=[3])
    assert p.advance.gross == D("28571.43") and p.advance.allowances == 0


def test_advance_of_a_short_month_stays_within_the_pay() -> None:
    """10 of 20 days worked in February 2024: the advance counts at most the days worked."""
    p = calc.payslip(40_000, 2024, 2, days_worked=10, allowances=[calc.Allowance("Классность", amount=4000)])
    assert p.advance.days_worked == 10 and p.advance.gross == D("22000.00")  # 44,000 / 20 × 10


def test_northern_part_of_earlier_months_stays_a_separate_base() -> None:
    """2025, НК ст. 210 п. 6.2: September, 250,000 × 1.5; eight earlier months of 375,000 each carry 125,000 of
    district coefficient. The main base to date is 2,250,000 (< 2.4 M), so 13 % on both: 48,750. Counting the
    earlier district pay as main income (the old error) pushed the main base over 2.4 M: 53,750."""
    p = calc.payslip(250_000, 2025, 9, district_coef="1.5", prior_months=[375_000] * 8)
    assert p.ndfl == D("48750") == calc.payslip(250_000, 2025, 9, district_coef="1.5").ndfl
    lumped = calc.payslip(250_000, 2025, 9, district_coef="1.5", prior_months=[375_000] * 8, prior_northern=[0] * 8)
    assert lumped.ndfl == D("53750")
    given = calc.payslip(250_000, 2025, 9, district_coef="1.5", prior_months=[375_000] * 8,
                         prior_northern=[125_000] * 8)
    assert given.ndfl == p.ndfl and given.advance.ndfl == p.advance.ndfl == D("24375")
    with pytest.raises(InputError) as e:
        calc.payslip(250_000, 2025, 9, prior_months=[375_000] * 8, prior_northern=[500_000] * 8)
    assert e.value.field == "prior_northern"


def test_overtime_and_holiday_pay_with_allowances() -> None:
    """ТК ст. 152 (Law 91-FZ, ruling 35-П of 27.06.2023) and ст. 153 (ruling 26-П of 28.06.2018): the rate of
    overtime and weekend work carries the compensatory and incentive payments. March 2025: 60,000, long-service
    15 % (9,000), bonus 25 % (15,000): rate 359.28 × 84,000 / 60,000 = 502.99; 3 overtime hours × (2 × 1.5 + 2)
    = 2,514.95 (bare: 1,796.40); 8 weekend hours within the norm × 1 = 4,023.92 (bare: 2,874.24)."""
    kw = {"scale": "civil_service", "seniority_years": 7, "bonus_percent": "0.25", "overtime_hours": [3],
          "holiday_hours": 8}
    lines = {x.key: x.amount for x in calc.payslip(60_000, 2025, 3, **kw).lines}
    assert (lines["overtime_pay"], lines["holiday_pay"]) == (D("2514.95"), D("4023.92"))
    bare = {x.key: x.amount for x in calc.payslip(60_000, 2025, 3, overtime_base="tariff", holiday_base="tariff",
                                                  **kw).lines}
    assert (bare["overtime_pay"], bare["holiday_pay"]) == (D("1796.40"), D("2874.24"))
    text = calc.payslip(60_000, 2025, 3, **kw).explain("en")
    assert "35-P" in text and "26-P" in text and "91-FZ" in text


@pytest.mark.parametrize(
    ("year", "month", "overtime_with", "holiday_with"),
    [
        (2018, 6, False, False),  # before ruling 26-П of 28.06.2018
        (2018, 7, False, True),
        (2023, 6, False, True),  # 35-П of 27.06.2023: from the month after the ruling in this monthly model
        (2023, 7, True, True),
    ],
)
def test_overtime_and_holiday_bases_by_date(year: int, month: int, overtime_with: bool, holiday_with: bool) -> None:
    kw = {"bonus_percent": "0.5", "overtime_hours": [2], "holiday_hours": 8}
    p = {x.key: x.amount for x in calc.payslip(50_000, year, month, **kw).lines}
    bare = {x.key: x.amount for x in calc.payslip(50_000, year, month, overtime_base="tariff",
                                                  holiday_base="tariff", **kw).lines}
    assert (p["overtime_pay"] > bare["overtime_pay"]) == overtime_with
    assert (p["holiday_pay"] > bare["holiday_pay"]) == holiday_with


def test_bad_overtime_base() -> None:
    with pytest.raises(InputError) as e:
        calc.payslip(50_000, 2025, 3, overtime_base="salary")
    assert e.value.field == "overtime_base"


@given(
    st.decimals(1000, 1_000_000, places=2),
    st.integers(2011, 2026),
    st.integers(1, 12),
    st.decimals(0, 2, places=2),
    st.integers(1, 12),
)
def test_overtime_with_allowances_is_at_least_bare(salary, year, month, bonus, hours) -> None:
    kw = {"bonus_percent": bonus, "overtime_hours": [hours], "holiday_hours": hours, "overtime_base": "pay",
          "holiday_base": "pay"}
    p = {x.key: x.amount for x in calc.payslip(salary, year, month, **kw).lines}
    bare = {x.key: x.amount for x in calc.payslip(salary, year, month, **{**kw, "overtime_base": "tariff",
                                                                          "holiday_base": "tariff"}).lines}
    assert p["overtime_pay"] >= bare["overtime_pay"] and p["holiday_pay"] >= bare["holiday_pay"]
