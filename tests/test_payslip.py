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
    assert lines["overtime_pay"] == D("1796.40")
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
