"""Prices by month: Rosstat's monthly CPI (``cpi.cpi_month``) against the annual figures, and the fallback."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from math import prod

import pytest

import calc.workforce.inflation as infl
from calc.core.errors import InputError
from calc.core.rules import Dated, rulebook
from calc.core.text import tr
from calc.workforce.inflation import inflation, monthly_assumptions, monthly_cpi, monthly_price_levels

YEARS_WITH_MONTHS = [2011, 2012, 2013, 2014, 2016, 2017, 2018]


def _months_in_data() -> dict[int, list[Dated]]:
    out: dict[int, list[Dated]] = {}
    for d in rulebook("ru").params["cpi.cpi_month"].values:
        out.setdefault(d.valid_from.year, []).append(d)
    return out


def test_only_whole_years_each_month_dated_on_its_last_day_with_a_source() -> None:
    by_year = _months_in_data()
    assert sorted(by_year) == YEARS_WITH_MONTHS  # 2015 fails the cross-check, 2019 on: no whole year found
    for y, ds in by_year.items():
        assert [d.valid_from.month for d in ds] == list(range(1, 13)), y
        for d in ds:
            assert d.valid_from.day == calendar.monthrange(y, d.valid_from.month)[1]
            assert "Росстат" in d.source["ru"] and "Rosstat" in d.source["en"]
            assert Decimal("-0.05") < d.value < Decimal("0.1")


@pytest.mark.parametrize("year", YEARS_WITH_MONTHS)
def test_the_twelve_months_multiply_to_the_years_december_on_december_figure(year: int) -> None:
    """The cross-check: the product of the year's monthly indices within 0.1 point of ``cpi_dec_dec``."""
    months = prod((1 + monthly_cpi(year, m).growth for m in range(1, 13)), start=Fraction(1))
    annual = inflation(year)
    assert not annual.forecast
    assert abs((months - 1) - annual.growth) * 100 <= Fraction(1, 10), (year, float(months - 1), annual.growth)
    assert all(not monthly_cpi(year, m).estimated for m in range(1, 13))


def test_first_month_of_the_data() -> None:
    m = monthly_cpi(2011, 1)
    assert m.growth == Fraction("0.024") and not m.estimated and not m.forecast  # Rosstat: 102.4 %
    assert "CPI_rog" in m.source["en"]
    assert monthly_cpi(2011, 8).growth == Fraction("-0.002")  # 99.8 %: prices fell in August 2011


def test_a_year_with_a_published_annual_figure_but_no_months_is_spread_evenly() -> None:
    ms = [monthly_cpi(2015, m) for m in range(1, 13)]  # 2015: left out of the months (fails the cross-check)
    assert all(m.estimated and not m.forecast for m in ms)
    assert prod((1 + m.growth for m in ms), start=Fraction(1)) == 1 + inflation(2015).growth  # exactly 12.9 %
    assert ms[0].growth == Fraction("0.129") / 12  # a straight line: the first month takes 1/12 of the rise
    assert ms[0].growth > ms[11].growth > 0  # the same step on a higher level is a smaller percentage


def test_a_month_after_the_data_falls_back_to_the_forecast_of_the_year() -> None:
    m = monthly_cpi(2026, 3)
    assert m.estimated and m.forecast and "Банк России" in m.source["ru"]
    assert prod((1 + monthly_cpi(2026, k).growth for k in range(1, 13)), start=Fraction(1)) == Fraction("1.045")
    given = prod((1 + monthly_cpi(2026, k, {2026: "6"}).growth for k in range(1, 13)), start=Fraction(1))
    assert given == Fraction("1.06")
    assert monthly_cpi(2027, 12).forecast  # after the law data: the Bank of Russia's forecast in the rule data
    with pytest.raises(InputError, match="2029"):
        monthly_cpi(2029, 1)
    for bad in (0, 13, True, "3"):
        with pytest.raises(InputError):
            monthly_cpi(2026, bad)  # type: ignore[arg-type]


def test_a_year_known_to_some_month_spreads_the_rest_up_to_the_years_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    src = {"ru": "Росстат, проба", "en": "Rosstat, test"}
    label = {"ru": "ИПЦ", "en": "CPI"}
    known = [
        Dated("cpi.cpi_month", label, "rate", Decimal(v), d, src)
        for v, d in (("0.01", date(2026, 1, 31)), ("0.005", date(2026, 2, 28)))
    ]
    monkeypatch.setattr(infl, "_published_months", lambda year, country: known if year == 2026 else [])
    ms = [monthly_cpi(2026, k) for k in range(1, 13)]
    assert [m.growth for m in ms[:2]] == [Fraction("0.01"), Fraction("0.005")] and not ms[1].estimated
    assert all(m.estimated and m.forecast for m in ms[2:])
    levels = monthly_price_levels([2026])
    assert levels[1] == Fraction("1.01") * Fraction("1.005") and levels[11] == Fraction("1.045")
    steps = {b - a for a, b in pairwise(levels[1:])}
    assert len(steps) == 1  # March to December: equal steps of the price level


def test_price_levels_by_month_over_a_term() -> None:
    levels = monthly_price_levels([2018, 2019])
    assert len(levels) == 24
    y2018 = prod((1 + monthly_cpi(2018, m).growth for m in range(1, 13)), start=Fraction(1))
    assert levels[0] == Fraction("1.003") and levels[11] == y2018
    assert levels[23] == y2018 * Fraction("1.030")  # 2019: no months in the data, the year's 3.0 % spread
    assert all(isinstance(x, Fraction) for x in levels)


def test_the_assumption_texts_name_the_years_without_months_and_what_they_rest_on() -> None:
    assert monthly_assumptions([2016, 2017]) == []
    texts = monthly_assumptions([2017, 2019, 2026])
    assert len(texts) == 2
    en, ru = tr(texts[1], "en"), tr(texts[1], "ru")
    assert "2026" in en and "forecast" in en and "4.5" in en and "Bank of Russia" in en
    assert "2026" in ru and "Банк России" in ru and "4,5" in ru and "forecast" not in ru
    assert "published" in tr(texts[0], "en") and "3.0" in tr(texts[0], "en") and "2019" in tr(texts[0], "en")
