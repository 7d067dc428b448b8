"""Issue 14: a term past the last year of the law data (2026) — rules carried forward, stated assumptions."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from calc.core.errors import InputError
from calc.core.text import tr
from calc.workforce.demands import (
    BASELINE,
    TERM_FIGURES,
    Floor,
    Package,
    Raise,
    cost_term,
    last_data_year,
    rules_year,
)

TODAY = date(2026, 11, 21)


def staff(service_years: list[int]) -> pd.DataFrame:
    """Salaries from the МРОТ to far above the contribution cap; service just below the scale's steps."""
    n = len(service_years)
    return pd.DataFrame(
        {
            "id": [f"e{i}" for i in range(n)],
            "salary": ["1000", "30000", "85000", "160000", "420000", "2500000"][:n],
            "years_of_service": [str(y) for y in service_years],
            "scale": ["education"] * n,
            "children": ["0", "1", "2", "3", "0", "1"][:n],
        }
    )


SERVICE = [0, 2, 4, 9, 14, 24]


def test_the_data_end_in_2026_and_later_years_use_its_rules() -> None:
    assert last_data_year() == 2026
    assert [rules_year(y) for y in (2025, 2026, 2027, 2028)] == [2025, 2026, 2026, 2026]


def test_a_2026_2028_term_computes_and_2027_is_2026_with_a_year_more_service() -> None:
    res = cost_term(staff(SERVICE), 2026, 3, {}, strict=False, today=TODAY)
    assert res.years == [2026, 2027, 2028]
    one_more = cost_term(staff([s + 1 for s in SERVICE]), 2026, 1, {}, strict=False, today=TODAY)
    two_more = cost_term(staff([s + 2 for s in SERVICE]), 2026, 1, {}, strict=False, today=TODAY)
    y26, y27, y28 = res.scenarios[BASELINE]
    for f in TERM_FIGURES:  # every person, every figure: 2026's rates, service of the real year
        assert np.array_equal(y27.annual[f], one_more.scenarios[BASELINE][0].annual[f]), f
        assert np.array_equal(y28.annual[f], two_more.scenarios[BASELINE][0].annual[f]), f
    # the comparison can fail: service grew, so the allowance and the cost did
    assert y27.annual["gross"].sum() > y26.annual["gross"].sum()
    # the top earner is above the 2026 contribution cap in both years (the cap carried forward)
    assert y27.annual["contributions"][5] < y27.annual["gross"][5] * 30 // 100


def test_the_assumptions_are_listed_in_both_languages() -> None:
    res = cost_term(staff(SERVICE), 2026, 3, {}, strict=False, today=TODAY)
    text = [tr(a, "en") for a in res.assumptions]
    ru = [tr(a, "ru") for a in res.assumptions]
    assert any("rules of 2026 are carried forward" in t for t in text)
    assert any("Years of service keep counting" in t for t in text)
    assert any("МРОТ of 2027" in t and "28,177.00" in t and "4%" in t for t in text)
    assert any("МРОТ of 2028" in t and "29,304.00" in t for t in text)
    assert all(r and r != e for r, e in zip(ru, text, strict=True))  # translated
    assert cost_term(staff(SERVICE), 2025, 2, {}, strict=False, today=TODAY).assumptions == []


def test_the_mrot_of_later_years_is_the_last_one_indexed_or_the_one_given() -> None:
    pkg = {"d": Package("d", (Floor(mrot_multiple=1),))}
    res = cost_term(staff([3]), 2026, 3, pkg, strict=False, today=TODAY)
    dec = [int(yf.salary_dec[0]) for yf in res.scenarios["d"]]
    # 27 093 ₽ (2026, rule data) × 1.04 = 28 176.72 → 28 177 ₽; × 1.04 = 29 304.08 → 29 304 ₽
    assert dec == [2_709_300, 2_817_700, 2_930_400]
    given = cost_term(staff([3]), 2026, 3, pkg, strict=False, today=TODAY, mrot={2027: "30000"})
    assert [int(yf.salary_dec[0]) for yf in given.scenarios["d"]] == [2_709_300, 3_000_000, 3_120_000]
    assert any("30,000.00" in tr(a, "en") and "as given" in tr(a, "en") for a in given.assumptions)
    with pytest.raises(InputError, match="only for a year of the term after 2026"):
        cost_term(staff([3]), 2026, 3, pkg, strict=False, today=TODAY, mrot={2026: "30000"})


def test_demands_can_start_in_a_later_year_and_the_term_can_start_there() -> None:
    raise28 = {"d": Package("d", (Raise(percent=10, start=date(2028, 1, 1)),))}
    res = cost_term(staff(SERVICE), 2027, 2, raise28, strict=False, today=TODAY)
    by = res.by_year().set_index(["scenario", "year"])
    assert by.loc[("d", 2027), "gross_change_kop"] == 0 < by.loc[("d", 2028), "gross_change_kop"]


def test_a_year_past_the_forecast_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InputError) as e:
        cost_term(staff(SERVICE), 2027, 3, {}, strict=False, today=TODAY)
    msg = e.value.message("en")
    assert "2029" in msg and "2026" in msg and "2028" in msg and "forecast" in msg
    assert "2029" in e.value.message("ru")
