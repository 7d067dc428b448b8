"""Personal income tax (НДФЛ) on wages, cumulated from January, in whole rubles.

- Scales by year from the rule data: flat 13 % to 2020; 13 / 15 % above 5 M in 2021–2024; five
  bands from 2025 (НК РФ ст. 224 п. 1). Non-residents 30 % (ст. 224 п. 3).
- From 2025 district coefficients and northern allowances form a separate base (13 / 15 % at 5 M).
- Withholding is cumulative (ст. 226 п. 3): this month's tax = tax on income to date − tax already
  withheld; the tax on cumulative income is rounded to whole rubles (ст. 52 п. 6), so the months
  add up exactly to the tax on the year's income.
- Standard child deductions (ст. 218 п. 1 пп. 4) are given each month until the month in which
  income cumulated from January exceeds the limit; so is, until 2012, the worker's own 400 ₽
  (ст. 218 п. 1 пп. 3, 40,000 ₽ limit; repealed by Law 330-FZ of 21.11.2011).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, amount, amounts, dec, flag, round_to
from calc.core.rules import Dated, rulebook
from calc.core.text import money_short, percent


@dataclass(frozen=True)
class Children:
    """Children for the standard deduction, in order of birth; ``disabled`` flags each one."""

    disabled: tuple[bool, ...] = ()
    sole_parent: bool = False

    @classmethod
    def of(cls, children: Any = 0, sole_parent: bool = False) -> Children:
        if isinstance(children, Children):
            return children
        sole = flag(
            sole_parent, "sole_parent", _("whether the worker is a sole parent")
        )
        if hasattr(children, "item"):
            children = children.item()  # a numpy scalar
        if isinstance(children, int) and not isinstance(children, bool):
            if not 0 <= children <= 20:
                raise InputError(_("The number of children must be from 0 to 20."), "children")
            return cls((False,) * children, sole)
        if isinstance(children, str | bytes | Mapping) or not isinstance(children, Iterable):
            raise InputError(
                _("Children: give a number (0–20) or a list with, for each child, disabled yes/no."),
                "children",
            )
        flags = tuple(flag(x, "children", _("whether the child is disabled")) for x in children)
        if len(flags) > 20:
            raise InputError(_("The number of children must be from 0 to 20."), "children")
        return cls(flags, sole)

    @property
    def count(self) -> int:
        return len(self.disabled)


def band_taxes(base: Decimal, scale: Sequence[Sequence[Any]]) -> list[tuple[Decimal, Decimal, Decimal, Decimal]]:
    """Split ``base`` over the bands: [(band start, rate, income in band, exact tax in band)]."""
    out = []
    for i, (start, rate) in enumerate(scale):
        lo = dec(start)
        hi = dec(scale[i + 1][0]) if i + 1 < len(scale) else None
        part = max(ZERO, (base if hi is None else min(base, hi)) - lo)
        if part > 0 or i == 0:
            out.append((lo, dec(rate), part, part * dec(rate)))
    return out


def resident_flag(resident: object) -> bool:
    return flag(resident, "resident", _("whether the worker is a tax resident"))


def _scale(year: int, resident: bool, country: str) -> tuple[list[list[Any]], Dated]:
    rb = rulebook(country)
    on = date(year, 1, 1)
    if resident_flag(resident):
        d = rb.lookup("ndfl.resident_scale", on)
        return d.value, d
    d = rb.lookup("ndfl.nonresident_rate", on)
    return [[0, d.value]], d


def _tax_on(base: Decimal, scale: list[list[Any]]) -> Decimal:
    return sum((t for *_, t in band_taxes(base, scale)), ZERO)


def marginal_rate(base: Decimal, year: int, resident: bool = True, country: str = "ru") -> Decimal:
    """The rate applying to the next ruble of a cumulative base."""
    scale, _ignored = _scale(year, resident, country)
    r = dec(scale[0][1])
    for start, rate in scale:
        if base > dec(start):
            r = dec(rate)
    return r


@dataclass(frozen=True, kw_only=True)
class TaxResult(Explained):
    tax: Decimal
    main_tax: Decimal
    northern_tax: Decimal


def ndfl_detail(
    income: Any,
    year: int,
    resident: bool = True,
    *,
    northern: Any = 0,
    country: str = "ru",
    trace: Trace | None = None,
    key: str = "ndfl",
) -> TaxResult:
    """Tax on a year's cumulative income (main base) and, from 2025, the separate northern base."""
    rb = rulebook(country)
    rb.check_year(year)
    base = amount(income, "income", _("the income"))
    north = amount(northern, "northern", _("the northern part"))
    tr = trace or Trace()
    scale, rule = _scale(year, resident, country)
    rounding = rb.lookup("ndfl.rounding", date(year, 1, 1))
    north_rule = rb.lookup("ndfl.northern_scale", date(year, 1, 1))
    separate = resident and north_rule.value is not None and north > 0
    if not separate:
        base = base + north
        north = ZERO
    main = _explain_bands(tr, base, scale, rule, rounding, "ndfl_main" if separate else key)
    northern_tax = ZERO
    total = main
    if separate:
        northern_tax = _explain_bands(tr, north, north_rule.value, north_rule, rounding, "ndfl_northern")
        total = tr.calc(key, "ndfl_main + ndfl_northern", rounding="ruble", ndfl_main=main, ndfl_northern=northern_tax)
    return TaxResult(tax=total, main_tax=main, northern_tax=northern_tax, steps=tuple(tr.steps))


def _explain_bands(tr: Trace, base: Decimal, scale: list[list[Any]], rule: Dated, rounding: Dated, key: str) -> Decimal:
    parts = []
    names: dict[str, Any] = {}
    for i, (lo, rate, part, _ignored) in enumerate(band_taxes(base, scale)):
        label = _(
            "Tax at {rate} (income above {lo})",
            rate=lambda lang, rate=rate: percent(rate, lang),
            lo=lambda lang, lo=lo: money_short(lo, lang),
        )
        names[f"band_tax_{i}"] = tr.calc(
            "band_tax",
            "band_income * band_rate",
            rounding="none",
            label=label,
            band_income=Q(part, "rub"),
            band_rate=rate,
            rules=[rule],
        )
        parts.append(f"band_tax_{i}")
    formula = " + ".join(parts)
    inputs = {
        n: Q(v, "rub", _("tax in band {i}", i=i + 1))
        for i, (n, v) in enumerate(names.items())
    }
    return tr.calc(key, formula, rounding="ruble", rules=[rounding], **inputs)


def ndfl(income: Any, year: int, resident: bool = True, *, northern: Any = 0, country: str = "ru") -> Decimal:
    """НДФЛ on a year's cumulative ``income``, in whole rubles (НК РФ ст. 52 п. 6)."""
    rb = rulebook(country)
    rb.check_year(year)
    base = amount(income, "income", _("the income"))
    north = amount(northern, "northern", _("the northern part"))
    scale, _ignored = _scale(year, resident, country)
    rule = rb.lookup("ndfl.rounding", date(year, 1, 1)).value
    north_scale = rb.value("ndfl.northern_scale", date(year, 1, 1))
    if not resident or north_scale is None:
        return round_to(_tax_on(base + north, scale), rule)
    return round_to(_tax_on(base, scale), rule) + round_to(_tax_on(north, north_scale), rule)


def child_deduction(
    children: Any, year: int, month_income_to_date: Decimal, *, sole_parent: bool = False, country: str = "ru"
) -> tuple[Decimal, Dated | None]:
    """This month's standard child deduction (0 once income to date exceeds the year's limit)."""
    kids = Children.of(children, sole_parent)
    if not kids.count:
        return ZERO, None
    rule = rulebook(country).lookup("deductions.child", date(year, 1, 1))
    v = rule.value
    if month_income_to_date > dec(v["income_limit"]):
        return ZERO, rule
    total = ZERO
    for order, disabled in enumerate(kids.disabled, 1):
        per = dec(v["first"] if order == 1 else v["second"] if order == 2 else v["third_plus"])
        if disabled:
            per += dec(v["disabled"])
        total += per
    return total * (2 if kids.sole_parent else 1), rule


def personal_deduction(year: int, month_income_to_date: Decimal, country: str = "ru") -> tuple[Decimal, Dated | None]:
    """This month's 400 ₽ standard deduction (НК ст. 218 п. 1 пп. 3, to 2011): 0 once income to date exceeds
    40,000 ₽, and from 2012 (Law 330-FZ of 21.11.2011)."""
    rule = rulebook(country).lookup("deductions.personal", date(year, 1, 1))
    if rule.value is None:
        return ZERO, None
    if month_income_to_date > dec(rule.value["income_limit"]):
        return ZERO, rule
    return dec(rule.value["amount"]), rule


@dataclass(frozen=True)
class MonthTax:
    month: int
    income: Decimal
    income_to_date: Decimal
    northern: Decimal
    deduction: Decimal
    deductions_to_date: Decimal
    base_to_date: Decimal
    tax_to_date: Decimal
    tax: Decimal
    rate: Decimal
    personal_to_date: Decimal = ZERO  # the 400 ₽ deductions within deductions_to_date (to 2011)


def withholding(
    monthly_income: Sequence[Any],
    year: int,
    resident: bool = True,
    *,
    children: Any = 0,
    sole_parent: bool = False,
    northern: Sequence[Any] | None = None,
    country: str = "ru",
) -> list[MonthTax]:
    """Monthly НДФЛ withheld, cumulated from January (НК РФ ст. 226 п. 3).

    ``monthly_income``: the main base of each month from January; ``northern``: the district
    coefficient and northern allowance part of each month (a separate base from 2025).
    """
    rulebook(country).check_year(year)
    incomes = amounts(monthly_income, "monthly_income", _("the months' income"), most=12)
    no_north = northern is None or (isinstance(northern, (list, tuple)) and not northern)
    norths = [ZERO] * len(incomes) if no_north else amounts(northern, "northern", pgettext(
        "calc.ru.income_tax",
        "the northern part",
    ))
    if len(norths) != len(incomes):
        raise InputError(_("The northern part is needed for every month."), "northern")
    rows: list[MonthTax] = []
    cum_inc = cum_north = cum_ded = cum_personal = withheld = ZERO
    for m, (inc, north) in enumerate(zip(incomes, norths, strict=True), 1):
        cum_inc += inc
        cum_north += north
        ded = ZERO
        if resident:
            ded, _cap = child_deduction(children, year, cum_inc + cum_north, sole_parent=sole_parent, country=country)
            personal, _rule = personal_deduction(year, cum_inc + cum_north, country)
            ded += personal
            cum_personal += personal
        cum_ded += ded
        base = max(ZERO, cum_inc - cum_ded)
        tax_to_date = ndfl(base, year, resident, northern=cum_north, country=country)
        rows.append(
            MonthTax(
                m,
                inc,
                cum_inc,
                north,
                ded,
                cum_ded,
                base,
                tax_to_date,
                tax_to_date - withheld,
                marginal_rate(base, year, resident, country),
                cum_personal,
            )
        )
        withheld = tax_to_date
    return rows


NDFL_226 = _("Tax Code art. 226 para. 3 (cumulative from the start of the year)")
NORTHERN_BASE = _(
    "Tax Code art. 210 para. 6.2 and art. 224 para. 1.2 (Law 176-FZ of 12.07.2024): from 2025 the district coefficient "
    "and northern allowance are a separate tax base",
)
