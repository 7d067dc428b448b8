"""НДФЛ: scales by year, whole-ruble rounding, cumulative withholding, child deductions, northern base."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError, OutOfRangeError

D = Decimal


def test_flat_13_percent() -> None:
    assert calc.ndfl(75000, 2018) == D("9750")  # seed 002: 13 % of 75,000


@pytest.mark.parametrize(
    ("income", "year", "tax"),
    [
        (5_000_000, 2021, 650_000),
        (6_000_000, 2021, 800_000),
        (6_000_000, 2024, 800_000),
        (2_400_000, 2025, 312_000),
        (5_000_000, 2025, 702_000),
        (20_000_000, 2025, 3_402_000),
        (50_000_000, 2025, 9_402_000),
        (60_000_000, 2025, 11_602_000),
        (6_000_000, 2020, 780_000),
    ],
)
def test_progressive_scales(income: int, year: int, tax: int) -> None:
    assert calc.ndfl(income, year) == tax


def test_whole_rubles_half_up() -> None:
    """НК art. 52 para. 6: under 50 kopecks dropped, 50 and over rounded up."""
    assert calc.ndfl("3.84", 2024) == 0  # 0.4992
    assert calc.ndfl("3.85", 2024) == 1  # 0.5005
    assert calc.ndfl(50, 2024) == 7  # 6.50 exactly


def test_non_residents() -> None:
    assert calc.ndfl(100_000, 2024, resident=False) == 30_000


def test_separate_northern_base_from_2025() -> None:
    # main 3 M: 312,000 + 600,000 × 15 %; northern 6 M: 5 M × 13 % + 1 M × 15 %
    assert calc.ndfl(3_000_000, 2025, northern=6_000_000) == 402_000 + 800_000
    # before 2025 the same income is one base: 650,000 + 4 M × 15 %
    assert calc.ndfl(3_000_000, 2024, northern=6_000_000) == 1_250_000


def test_cumulative_withholding_and_the_month_the_band_changes() -> None:
    rows = calc.withholding([300_000] * 12, 2025)
    assert [r.tax for r in rows[:8]] == [39_000] * 8
    assert rows[8].tax == 45_000 and rows[8].rate == D("0.15") and rows[7].rate == D("0.13")
    assert sum(r.tax for r in rows) == calc.ndfl(3_600_000, 2025) == 492_000


def test_child_deductions_until_the_income_limit() -> None:
    rows = calc.withholding([100_000] * 12, 2025, children=2)
    assert [r.deduction for r in rows] == [4_200] * 4 + [0] * 8  # 1,400 + 2,800; limit 450,000 passed in May
    assert rows[0].tax == 12_454  # 13 % × (100,000 − 4,200)
    assert sum(r.tax for r in rows) == calc.ndfl(1_200_000 - 16_800, 2025)


@pytest.mark.parametrize(
    ("year", "children", "sole", "amount"),
    [
        (2011, 1, False, 1_000),
        (2015, 3, False, 1_400 + 1_400 + 3_000),
        (2024, [False, True], False, 1_400 + 1_400 + 12_000),
        (2025, [False, False, True], False, 1_400 + 2_800 + 6_000 + 12_000),
        (2025, 1, True, 2_800),
    ],
)
def test_child_deduction_amounts(year: int, children, sole: bool, amount: int) -> None:
    row = calc.withholding([10_000], year, children=children, sole_parent=sole)[0]
    assert row.deduction - row.personal_to_date == amount


def test_personal_400_deduction_in_2011() -> None:
    """НК ст. 218 п. 1 пп. 3 (in force until 01.01.2012): 400 ₽ a month until income since January exceeds
    40,000 ₽. At 15,000 a month: January and February (15,000, 30,000), not March (45,000)."""
    rows = calc.withholding([15_000] * 12, 2011)
    assert [r.personal_to_date for r in rows[:4]] == [400, 800, 800, 800]
    assert [r.tax for r in rows[:3]] == [1_898, 1_898, 1_950]  # 13 % × (15,000 − 400); then no deduction
    assert sum(r.tax for r in rows) == calc.ndfl(180_000 - 800, 2011)
    # with a child: 1,000 + 400 in January and February, then 1,000 alone
    kid = calc.withholding([15_000] * 3, 2011, children=1)
    assert [r.deduction for r in kid] == [1_400, 1_400, 1_000]
    # exactly 40,000 since January still gets it; abolished from 2012 (Law 330-FZ of 21.11.2011)
    assert calc.withholding([20_000, 20_000, 1], 2011)[1].deduction == 400
    assert calc.withholding([20_000, 20_000, 1], 2011)[2].deduction == 0
    assert all(r.deduction == 0 for r in calc.withholding([15_000] * 3, 2012))
    assert calc.withholding([15_000], 2011, resident=False)[0].deduction == 0


def test_personal_deduction_explained_in_the_payslip() -> None:
    text = calc.payslip(15_000, 2011, 2).explain("en")
    assert "400" in text and "art. 218 para. 1 sub. 3" in text
    assert calc.payslip(15_000, 2011, 2).ndfl == 1_898


@given(
    st.integers(2011, 2026), st.lists(st.decimals(0, 3_000_000, places=2), min_size=1, max_size=12), st.integers(0, 4)
)
def test_monthly_tax_adds_up_to_the_tax_on_the_years_income(year: int, months: list, kids: int) -> None:
    rows = calc.withholding(months, year, children=kids)
    assert sum(r.tax for r in rows) == calc.ndfl(max(D(0), sum(months) - rows[-1].deductions_to_date), year)
    assert all(r.tax == r.tax.to_integral_value() for r in rows)


def test_bad_input() -> None:
    with pytest.raises(InputError):
        calc.ndfl(-1, 2024)
    with pytest.raises(OutOfRangeError):
        calc.ndfl(1000, 2027)
    with pytest.raises(InputError):
        calc.withholding([1] * 13, 2024)
