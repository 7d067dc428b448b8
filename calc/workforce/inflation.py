"""Real pay over an agreement's term: the demand and the offer against consumer-price inflation.

Prices are Rosstat's consumer price index, December on December (``calc/ru/rules/cpi.yaml``,
``cpi.cpi_dec_dec``); a year without a published December figure takes a forecast — the one the
user gives, else the Bank of Russia's in the rule data (``cpi.cbr_forecast``) for that year.

**By month** (:func:`monthly_cpi`, :func:`monthly_price_levels`): Rosstat's index of each month on the month
before (``cpi.cpi_month``); a month without a figure there takes the year's rise (the published December
figure, else the forecast as above) spread evenly: prices climb in a straight line from the last month known
to the year's December level, so December always lands on the year's figure. All exact (``Fraction``).

**Real pay** of a year is the year's net pay divided by the pay without the agreement in its first
year (the pay of the year before, carried on) and by the price rise since the December before the
term: 100 % = the same buying power as before the agreement. So pay that is not raised loses the
year's inflation (ТК РФ ст. 134 requires the employer to index real pay). The "inflation plus
productivity" rule of thumb of union guides is the forecast inflation plus the productivity growth
(added, in percentage points).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from calc.core.errors import InputError
from calc.core.i18n import _
from calc.core.rules import rulebook
from calc.core.text import Text, month_name, num
from calc.workforce.demands import BASELINE, TermCost, cpi_forecast


@dataclass(frozen=True)
class Inflation:
    """One year's price rise, December on December, and where the figure comes from."""

    year: int
    growth: Fraction  # 0.061 = +6.1 %
    source: Text
    forecast: bool  # not a published figure
    verify: bool


def _percent(v: Any, what: Text) -> Fraction:
    try:
        d = Decimal(str(v).replace(",", ".").strip())
    except ArithmeticError:
        raise InputError(_("{what}: a number is needed, not '{v}'.", what=what, v=v), "inflation") from None
    if not d.is_finite() or not Decimal(-50) < d < Decimal(100):
        raise InputError(_("{what}: a percentage between −50 and 100.", what=what), "inflation")
    return Fraction(d) / 100


def inflation(year: int, forecasts: Mapping[int, Any] | None = None, country: str = "ru") -> Inflation:
    """The price rise of ``year``: Rosstat's figure, else the forecast given (percent), else the Bank of Russia's."""
    rb = rulebook(country)
    given = (forecasts or {}).get(year)
    if given is not None:
        src = _("forecast given by the user")
        return Inflation(year, _percent(given, _("The inflation forecast")), src, True, False)
    if year > rb.covered_to.year:  # after the law data: only the forecast in the rule data can be known
        f = cpi_forecast(year, country)
        if f is not None:
            return Inflation(year, Fraction(Decimal(str(f.value))), f.source, True, f.verify)
        raise InputError(
            _("Prices of {year} are not published yet: give the inflation forecast for {year}.", year=year),
            "inflation",
        )
    d = rb.lookup("cpi.cpi_dec_dec", date(year, 12, 31))
    if d.valid_from == date(year, 12, 31):
        return Inflation(year, Fraction(Decimal(str(d.value))), d.source, False, d.verify)
    f = rb.lookup("cpi.cbr_forecast", date(year, 12, 31))
    if f.valid_from.year == year:
        return Inflation(year, Fraction(Decimal(str(f.value))), f.source, True, f.verify)
    raise InputError(
        _("Prices of {year} are not published yet: give the inflation forecast for {year}.", year=year), "inflation"
    )


def rule_of_thumb(inflation_percent: Any, productivity_percent: Any) -> Decimal:
    """The raise union guides ask for: forecast inflation + productivity growth (percentage points)."""
    a = _percent(inflation_percent, _("The inflation forecast"))
    b = _percent(productivity_percent, _("The productivity growth"))
    return (Decimal((a + b).numerator) / Decimal((a + b).denominator) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def price_levels(years: list[int], forecasts: Mapping[int, Any] | None = None) -> list[Fraction]:
    """Prices at the end of each year of the term, December before the term = 1."""
    level, out = Fraction(1), []
    for y in years:
        level *= 1 + inflation(y, forecasts).growth
        out.append(level)
    return out


@dataclass(frozen=True)
class MonthlyInflation:
    """One month's price rise on the month before, and where the figure comes from."""

    year: int
    month: int
    growth: Fraction  # 0.006 = +0.6 % on the month before
    source: Text
    estimated: bool  # no monthly figure: the year's rise spread evenly over the months left
    forecast: bool  # the year's figure it rests on is a forecast
    verify: bool


def _published_months(year: int, country: str) -> list[Any]:
    """Rosstat's monthly figures of ``year`` from January on, up to the first month without one."""
    rb = rulebook(country)
    p = rb.params.get("cpi.cpi_month")
    if p is None:
        return []
    ends = {d.valid_from: d for d in p.values}
    out = []
    for m in range(1, 13):
        d = ends.get(date(year, m, calendar.monthrange(year, m)[1]))
        if d is None:
            break
        out.append(d)
    return out


def _year_by_month(year: int, forecasts: Mapping[int, Any] | None, country: str) -> list[MonthlyInflation]:
    """The twelve months of ``year``: Rosstat's figures, then the year's rise spread evenly over the rest."""
    out, level = [], Fraction(1)
    for d in _published_months(year, country):
        g = Fraction(Decimal(str(d.value)))
        out.append(MonthlyInflation(year, len(out) + 1, g, d.source, False, False, d.verify))
        level *= 1 + g
    if len(out) < 12:
        y = inflation(year, forecasts, country)
        m0, start, prev = len(out), level, level
        for m in range(m0 + 1, 13):
            cur = start + (1 + y.growth - start) * Fraction(m - m0, 12 - m0)
            out.append(MonthlyInflation(year, m, cur / prev - 1, y.source, True, y.forecast, y.verify))
            prev = cur
    return out


def monthly_cpi(
    year: int, month: int, forecasts: Mapping[int, Any] | None = None, country: str = "ru"
) -> MonthlyInflation:
    """The price rise of ``month`` of ``year`` on the month before: Rosstat's monthly figure, else the year's
    rise (published, else the forecast given or the Bank of Russia's) spread evenly over the months left."""
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise InputError(_("The month is a whole number from 1 to 12."), "month")
    return _year_by_month(year, forecasts, country)[month - 1]


def monthly_price_levels(
    years: list[int], forecasts: Mapping[int, Any] | None = None, country: str = "ru"
) -> list[Fraction]:
    """Prices at the end of each month of the term (12 a year, January first), December before the term = 1."""
    level, out = Fraction(1), []
    for y in years:
        for mi in _year_by_month(y, forecasts, country):
            level *= 1 + mi.growth
            out.append(level)
    return out


def monthly_assumptions(
    years: list[int], forecasts: Mapping[int, Any] | None = None, country: str = "ru"
) -> list[Text]:
    """What the prices by month rest on where Rosstat's monthly figure is not in the data (one text a year)."""
    out: list[Text] = []
    for y in years:
        est = [m for m in _year_by_month(y, forecasts, country) if m.estimated]
        if not est:
            continue
        inf = inflation(y, forecasts, country)
        pc = _pct(inf.growth)
        kw: dict[str, Any] = {
            "year": y,
            "month": lambda lang, m=est[0].month, y=y: month_name(m, lang, y),
            "pct": lambda lang, p=pc: num(p, lang, "0.0"),
            "source": inf.source,
        }
        if inf.forecast:
            text = _(
                "Prices by month in {year}: Rosstat's monthly figures are not in the data from {month} on; the "
                "year's forecast of {pct} % ({source}) is spread evenly over the months left.",
                **kw,
            )
        else:
            text = _(
                "Prices by month in {year}: Rosstat's monthly figures are not in the data from {month} on; the "
                "year's published rise of {pct} % ({source}) is spread evenly over the months left.",
                **kw,
            )
        out.append(text)
    return out


def _pct(f: Fraction) -> Decimal:
    return (Decimal(f.numerator) * 100 / Decimal(f.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _median(net: np.ndarray, base: np.ndarray, level: Fraction) -> Decimal:
    """The median person's real pay: ranked in floating point, the chosen person's figure exact."""
    ok = np.flatnonzero(base > 0)
    if not len(ok):
        return Decimal(0)
    ratio = net[ok] / base[ok]
    i = ok[np.argsort(ratio, kind="stable")[len(ok) // 2]]
    return _pct(Fraction(int(net[i]), int(base[i])) / level)


def real_pay(res: TermCost, forecasts: Mapping[int, Any] | None = None) -> pd.DataFrame:
    """Real pay (percent of before the agreement) by scenario and year: the median worker and each pay band.

    The median worker: the median of the people's real pay; a band: the band's net pay summed.
    """
    levels = price_levels(res.years, forecasts)
    base0 = res.scenarios[BASELINE][0].annual["net"]
    band = res.pay_band()
    rows = []
    for name, yrs in res.scenarios.items():
        for yf, level in zip(yrs, levels, strict=True):
            net = yf.annual["net"]
            r: dict[str, Any] = {"scenario": name, "year": yf.year, "prices": _pct(level - 1)}
            r["median"] = _median(net, base0, level)
            for b in range(5):
                m = band == b
                tot = int(base0[m].sum())
                r[f"band_{b + 1}"] = _pct(Fraction(int(net[m].sum()), tot) / level) if tot else Decimal(0)
            rows.append(r)
    return pd.DataFrame(rows)


def flags(res: TermCost, forecasts: Mapping[int, Any] | None = None, real: pd.DataFrame | None = None) -> list[Text]:
    """Warnings for the table: pay below the МРОТ (ТК ст. 133), real pay falling (ТК ст. 134)."""
    out: list[Text] = []
    real = real if real is not None else real_pay(res, forecasts)
    for name in res.scenarios:
        low = res.below_mrot(name)
        if len(low):
            out.append(
                _(
                    "{name}: {n} people are paid below the МРОТ in some month (salary with the long-service allowance; "
                    "Labour Code art. 133).",
                    name=scenario_name(name),
                    n=len(low),
                )
            )
        falls = real[(real.scenario == name) & (real["median"] < 100)]
        if len(falls):
            out.append(
                _(
                    "{name}: the median worker's real pay is below its level before the agreement in {years}: "
                    "the employer must index real pay (Labour Code art. 134).",
                    name=scenario_name(name),
                    years=", ".join(str(y) for y in falls["year"]),
                )
            )
    return out


SCENARIO_NAMES: dict[str, Text] = {
    BASELINE: _("Without the agreement"),
    "demand": _("The union's demand"),
    "offer": _("The employer's offer"),
}


def scenario_name(name: str) -> Text | str:
    """A scenario's name as shown to a person."""
    return SCENARIO_NAMES.get(name, name)


__all__ = [
    "Inflation",
    "MonthlyInflation",
    "flags",
    "inflation",
    "monthly_assumptions",
    "monthly_cpi",
    "monthly_price_levels",
    "price_levels",
    "real_pay",
    "rule_of_thumb",
    "scenario_name",
]
