"""The advance for the first half of the month and the final payment."""

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


def test_seed_example_as_published() -> None:
    """Seed 002: October 2018, 75,000, НДФЛ 9,750, (75,000 − 9,750) / 22 × 10 = 29,659.09.

    The seed printed 29,659 (rounded to rubles) and assumed 22 working days, 10 worked.
    """
    r = calc.advance(75000, 2018, 10, basis="net", days_worked=10, days_in_month=22)
    assert r.month_ndfl == D("9750")
    assert r.paid == D("29659.09")
    assert r.ndfl == 0 and not r.withheld
    assert r.paid + r.final_payment == r.month_net == D("65250")


def test_seed_example_with_the_real_calendar() -> None:
    """October 2018 had 23 working days, 11 of them on 1–15 October: the seed's 22 / 10 are wrong."""
    r = calc.advance(75000, 2018, 10, basis="net")
    assert (r.norm_days, r.first_half_days) == (23, 11)
    assert r.paid == D("31206.52")


def test_from_2023_tax_is_withheld_from_the_advance() -> None:
    r = calc.advance(75000, 2025, 10)
    assert r.withheld and r.basis == "gross"
    assert r.gross == D("35869.57")  # 75,000 / 23 × 11
    assert r.ndfl == D("4663")  # 13 % in whole rubles
    assert r.paid == D("31206.57")
    assert r.final_ndfl == D("9750") - D("4663")
    assert r.paid + r.final_payment == r.month_net


def test_before_2023_gross_basis_nothing_withheld() -> None:
    r = calc.advance(75000, 2022, 10, basis="gross")
    assert r.ndfl == 0 and r.paid == r.gross
    assert r.final_ndfl == r.month_ndfl


def test_withholding_can_be_overridden() -> None:
    assert calc.advance(75000, 2022, 10, basis="gross", withhold_ndfl=True).ndfl > 0
    assert calc.advance(75000, 2025, 10, basis="net", withhold_ndfl=False).ndfl == 0


def test_net_basis_with_withholding_is_explained_not_computed() -> None:
    with pytest.raises(InputError) as e:
        calc.advance(75000, 2025, 10, basis="net")
    assert "263" in e.value.message("ru") and e.value.field == "basis"


def test_percent_method() -> None:
    r = calc.advance(60000, 2024, 3, method="percent", percent="0.4")
    assert r.gross == D("24000.00") and r.ndfl == D("3120")
    r = calc.advance(60000, 2019, 3, method="percent", percent="0.5", basis="net")
    assert r.paid == D("26100.00")  # (60,000 − 7,800) × 50 %


def test_explanation_names_the_calendar_and_the_law() -> None:
    text = calc.advance(75000, 2018, 10, basis="net").explain("en").replace("\u00a0", " ")
    assert "Production calendar" in text and "Labour Code art. 136" in text
    assert "65,250.00 ₽ / 23 days × 11 days = 31,206.52 ₽" in text


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"days_worked": 12}, "days_worked"),  # only 11 working days on 1–15 October 2018
        ({"days_worked": 23, "days_in_month": 22}, "days_worked"),
        ({"method": "percent", "percent": "1.5"}, "percent"),
        ({"method": "percent", "percent": 0}, "percent"),
        ({"method": "weekly"}, "method"),
        ({"basis": "half"}, "basis"),
    ],
)
def test_bad_input(kwargs: dict, field: str) -> None:
    with pytest.raises(InputError) as e:
        calc.advance(75000, 2018, 10, **{"basis": "gross", **kwargs})
    assert e.value.field == field


def _half_up(x: Fraction) -> Decimal:
    """Exact rounding of a quotient to kopecks, halves up (written out here, not the engine's)."""
    return Decimal(math.floor(x * 100 + Fraction(1, 2))) / 100


@given(st.decimals(1, 5_000_000, places=2), st.integers(2011, 2026), st.integers(1, 12), st.data())
def test_advance_and_final_payment_agree_with_the_formulas(salary: Decimal, year: int, month: int, data) -> None:
    """ТК ст. 136 by days: basis / working days × days worked, kopecks half up; НДФЛ on the advance from
    2023 (whole rubles, НК ст. 52 п. 6); the final payment is the month's net less the advance paid."""
    half = calc.working_days_between(date(year, month, 1), date(year, month, 15))
    worked = data.draw(st.integers(0, half))
    basis = data.draw(st.sampled_from(["gross", "net"] if year < 2023 else ["gross"]))
    r = calc.advance(salary, year, month, basis=basis, days_worked=worked)
    month_tax = calc.ndfl(salary, year)
    base = salary - month_tax if basis == "net" else salary
    gross = _half_up(Fraction(base) * worked / calc.working_days(year, month))
    tax = calc.ndfl(gross, year) if year >= 2023 else 0
    assert (r.gross, r.ndfl, r.paid) == (gross, tax, gross - tax)
    assert r.month_net == salary - month_tax
    assert r.final_payment == salary - month_tax - (gross - tax)
    assert 0 <= r.paid <= r.month_net


def test_allowances_for_time_worked_go_into_the_advance() -> None:
    """Ministry of Labour letters 10.08.2017 No. 14-1/В-725 and 20.03.2019 No. 14-1/В-178: the first-half pay
    counts the salary and the allowances for time worked (long-service among them).

    March 2025: 21 working days, 10 of them on 1–15 March. Salary 60,000 + long-service 15 % (9,000):
    69,000 / 21 × 10 = 32,857.14 (the salary alone gave 60,000 / 21 × 10 = 28,571.43).
    """
    r = calc.advance(60000, 2025, 3, allowances=9000)
    assert r.gross == D("32857.14") and r.ndfl == D("4271")  # 13 % of 32,857.14 in whole rubles
    old = calc.advance(60000, 2025, 3, allowances=9000, salary_only=True)
    assert old.gross == D("28571.43") and old.salary_only
    assert r.paid + r.final_payment == r.month_net == D("69000") - D("8970")


def test_district_coefficient_and_northern_allowance_on_the_advance() -> None:
    """ТК ст. 148, 315–317: the coefficient (1.2) and the northern allowance (30 %) apply to the pay for time
    worked, the advance included: 32,857.14 × (0.2 + 0.3) = 16,428.57; in 2025 the tax on that part is on the
    separate base (НК ст. 210 п. 6.2)."""
    r = calc.advance(60000, 2025, 3, allowances=9000, district_coef="1.2", northern_percent="0.3")
    assert r.month_gross == D("103500.00")
    assert (r.gross, r.northern) == (D("49285.71"), D("16428.57"))
    assert r.ndfl == calc.ndfl(D("32857.14"), 2025, northern=D("16428.57")) == D("6407")
    assert "14-1/V-725" in r.explain("en") and "art. 148" in r.explain("en")


def test_net_basis_with_allowances() -> None:
    """Before 2023 (nothing withheld from the advance): (salary + allowances) × coefficient − month's НДФЛ."""
    r = calc.advance(60000, 2018, 3, allowances=9000, district_coef="1.2", basis="net")
    assert r.month_gross == D("82800.00") and r.month_ndfl == D("10764")
    assert r.gross == D("32416.20")  # (82,800 − 10,764) / 20 × 9


def test_northern_part_of_earlier_income_in_the_advance_tax() -> None:
    """2025: 2,400,000 earned before, 800,000 of it district and northern pay: the main base has 1,600,000
    left under the 15 % band, so the advance is taxed at 13 %; counted as all main income it would be 15 %."""
    r = calc.advance(60000, 2025, 10, prior_income=2_400_000, prior_northern=800_000)
    assert r.ndfl == calc.ndfl(r.gross, 2025)
    lumped = calc.advance(60000, 2025, 10, prior_income=2_400_000)
    assert lumped.ndfl > r.ndfl
    with pytest.raises(InputError) as e:
        calc.advance(60000, 2025, 10, prior_income=100, prior_northern=200)
    assert e.value.field == "prior_northern"


@given(
    st.decimals(1, 1_000_000, places=2),
    st.decimals(0, 500_000, places=2),
    st.integers(2011, 2026),
    st.integers(1, 12),
    st.sampled_from(["1", "1.15", "1.7"]),
    st.sampled_from(["0", "0.5"]),
)
def test_advance_with_allowances_is_at_least_the_salary_alone(salary, allow, year, month, coef, north) -> None:
    """Non-negative allowances and a coefficient of at least 1 never lower the advance."""
    kw = {"allowances": allow, "district_coef": coef, "northern_percent": north}
    r = calc.advance(salary, year, month, **kw)
    assert r.gross >= calc.advance(salary, year, month, **kw, salary_only=True).gross
    assert r.paid + r.final_payment == r.month_net
