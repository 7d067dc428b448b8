"""Vietnam's rule data: the figures of the reference, by date; the schedule at its bracket edges."""

from __future__ import annotations

from datetime import date

import pytest

import calc.vn as vn
from calc.core.rules import rulebook

RB = rulebook("vn")


@pytest.mark.parametrize(("ti", "year", "tax"), [
    # PwC Tax Summaries, 7 brackets (quick formulas, reference §3.1)
    (5_000_000, 2025, 250_000), (10_000_000, 2025, 750_000), (18_000_000, 2025, 1_950_000),
    (32_000_000, 2025, 4_750_000), (52_000_000, 2025, 9_750_000), (80_000_000, 2025, 18_150_000),
    (100_000_000, 2025, 25_150_000),
    # Law 109/2025/QH15, 5 brackets (laodong.vn, vietnam.vn; quick formulas, reference §3.3)
    (10_000_000, 2026, 500_000), (30_000_000, 2026, 2_500_000), (60_000_000, 2026, 8_500_000),
    (100_000_000, 2026, 20_500_000), (120_000_000, 2026, 27_500_000), (0, 2026, 0), (1, 2026, 0), (10, 2026, 1),
])
def test_schedule(ti: int, year: int, tax: int) -> None:
    assert vn.pit(ti, year) == tax


@pytest.mark.parametrize(("on", "region", "monthly", "hourly"), [
    (date(2025, 6, 1), "I", 4_960_000, 23_800), (date(2025, 12, 1), "IV", 3_450_000, 16_600),
    (date(2026, 1, 1), "I", 5_310_000, 25_500), (date(2026, 9, 1), "II", 4_730_000, 22_700),
    (date(2026, 1, 1), "III", 4_140_000, 20_000), (date(2026, 12, 1), "IV", 3_700_000, 17_800),
])
def test_minimum_wages(on: date, region: str, monthly: int, hourly: int) -> None:
    m = vn.minimum_wage(region, on.year, on.month)
    assert (m.monthly, m.hourly) == (monthly, hourly)
    assert vn.minimum_wage(region, on.year, on.month, salary=monthly).ok
    assert not vn.minimum_wage(region, on.year, on.month, salary=hourly - 1, hourly=True).ok


def test_base_salary_and_deductions_by_date() -> None:
    assert RB.value("wages.base_salary", date(2025, 1, 1)) == 2_340_000
    assert RB.value("wages.base_salary", date(2026, 7, 1)) == 2_530_000
    assert RB.value("income_tax.personal_deduction", date(2025, 12, 1)) == 11_000_000
    assert RB.value("income_tax.personal_deduction", date(2026, 1, 1)) == 15_500_000
    assert RB.value("income_tax.dependant_deduction", date(2026, 1, 1)) == 6_200_000


def test_labels_and_sources_in_vietnamese_and_english() -> None:
    for name, p in RB.params.items():
        assert p.label["vi"] and p.label["en"], name
        for v in p.values:
            assert v.source["vi"] and v.source["en"], name


def test_unconfirmed_figures_are_flagged() -> None:
    assert RB.lookup("insurance.reference_level", date(2026, 7, 1)).verify  # 50.6 M cap (derived)
    assert RB.lookup("insurance.unemployment_rates", date(2026, 1, 1)).verify  # "at most 1 %"
    assert RB.lookup("insurance.foreign_coverage", date(2026, 1, 1)).verify
    assert not RB.lookup("income_tax.schedule", date(2026, 1, 1)).verify
