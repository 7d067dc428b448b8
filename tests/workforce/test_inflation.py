"""Real pay against Rosstat's CPI, the rule of thumb and the flags (ТК ст. 133, 134)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

from calc.core.errors import InputError
from calc.workforce.demands import Package, Raise, cost_term
from calc.workforce.inflation import flags, inflation, price_levels, real_pay, rule_of_thumb

TODAY = date(2026, 11, 21)


def test_rosstat_cpi_by_year_with_source_and_the_forecast_for_an_unpublished_year() -> None:
    assert inflation(2024).growth == Fraction("0.0952")
    assert not inflation(2024).forecast
    assert "Росстат" in inflation(2024).source["ru"]
    assert [inflation(y).growth > 0 for y in range(2011, 2026)] == [True] * 15
    f = inflation(2026)  # not published: the Bank of Russia's forecast from the rule data
    assert f.forecast and f.verify and "Банк России" in f.source["ru"]
    assert inflation(2026, {2026: "6,5"}).growth == Fraction("0.065")
    f = inflation(2027)  # after the law data: the forecast in the rule data is still read
    assert f.forecast and f.growth == Fraction("0.04") and "Банк России" in f.source["ru"]
    with pytest.raises(InputError, match="2029"):
        inflation(2029)
    with pytest.raises(InputError, match="between"):
        inflation(2026, {2026: 500})


def test_price_levels_compound() -> None:
    assert price_levels([2024, 2025]) == [Fraction("1.0952"), Fraction("1.0952") * Fraction("1.0559")]


def test_rule_of_thumb_adds_productivity_to_inflation() -> None:
    assert rule_of_thumb("4.5", "1,5") == Decimal("6.00")


def _staff() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "salary": ["19000", "40000", "60000", "90000", "200000"],
            "years_of_service": ["0", "2", "5", "10", "20"],
            "scale": ["education"] * 5,
        }
    )


def test_real_pay_of_a_raise_equal_to_inflation_stays_near_100() -> None:
    pk = {"demand": Package("demand", (Raise(percent="9.52"),)), "offer": Package("offer", (Raise(percent=3),))}
    res = cost_term(_staff(), 2024, 1, pk, today=TODAY)
    real = real_pay(res).set_index("scenario")
    assert real.loc["baseline", "median"] == Decimal("91.3")  # 1 / 1.0952
    assert Decimal("99.5") <= real.loc["demand", "median"] <= Decimal("100.5")
    assert real.loc["baseline", "median"] < real.loc["offer", "median"] < real.loc["demand", "median"]
    texts = [t["en"] for t in flags(res)]
    assert any("art. 134" in t and "employer's offer" in t for t in texts)
    assert any("МРОТ" in t for t in texts)  # 19,000 ₽ is below the МРОТ of 2024 (19,242 ₽)
    assert all(t["ru"] for t in flags(res))
