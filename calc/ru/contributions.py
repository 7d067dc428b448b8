"""Employer insurance contributions by year and employer kind, with caps cumulated from January.

- Each fund has a rate up to its cap and a rate above it; the cap applies to the employee's base
  cumulated from 1 January, so the month in which a cap is crossed is split (НК РФ ст. 421, 425).
- SME tariffs (НК РФ ст. 427 п. 2.1) charge the general rates on the part of each month's pay up to
  a threshold (МРОТ of 1 January × 1 or 1.5) and the reduced rates on the part above it.
- Amounts are computed in rubles and kopecks, cumulatively (НК РФ ст. 431 п. 1): a month's amount
  of each fund = rounded contributions on the base to date − rounded contributions to the month before.
- Accident insurance: rate by risk class (0.2–8.5 %), no cap, each month rounded to kopecks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, amount, dec, number, round_to
from calc.core.rules import Dated, rulebook
from calc.core.text import Text

KINDS: dict[str, Text] = {
    "general": _("General tariff"),
    "sme": _("Small or medium business (SME)"),
    "sme_priority": _("SME in a priority industry"),
    "sme_manufacturing": _("SME in manufacturing"),
}
FUNDS: dict[str, Text] = {
    "pension": _("Pension insurance"),
    "social": _("Social insurance (FSS)"),
    "medical": _("Medical insurance (FOMS)"),
    "medical_federal": _("Medical insurance (federal FOMS)"),
    "medical_territorial": _("Medical insurance (territorial FOMS)"),
    "unified": _("Unified contribution tariff"),
}


def check_kind(kind: str) -> str:
    if not isinstance(kind, str) or kind not in KINDS:
        raise InputError(
            _("Unknown employer kind '{kind}'. Allowed: {kinds}.", kind=kind, kinds=', '.join(KINDS)),
            "kind",
        )
    return kind


@dataclass(frozen=True)
class Fund:
    fund: str
    rate: Decimal
    cap: Decimal | None
    above_cap: Decimal
    cap_rule: Dated | None


@dataclass(frozen=True)
class Tariff:
    """The tariff in force on a date for an employer kind."""

    general: tuple[Fund, ...]
    reduced: tuple[Fund, ...]
    threshold: Decimal | None  # monthly pay above this gets the reduced funds
    rules: tuple[Dated, ...]

    def funds(self) -> list[str]:
        return list(dict.fromkeys(f.fund for f in (*self.general, *self.reduced)))


def _funds(raw: list[dict[str, Any]], on: date, country: str) -> tuple[tuple[Fund, ...], list[Dated]]:
    rb = rulebook(country)
    funds, rules = [], []
    for f in raw:
        cap_rule = rb.lookup(f"contributions.cap_{f['cap']}", on) if f.get("cap") else None
        if cap_rule is not None:
            rules.append(cap_rule)
        funds.append(
            Fund(f["fund"], dec(f["rate"]), dec(cap_rule.value) if cap_rule else None, dec(f["above_cap"]), cap_rule)
        )
    return tuple(funds), rules


def tariff(kind: str, on: date, country: str = "ru") -> Tariff:
    """The general and (for SMEs) reduced funds, caps and threshold in force on ``on``."""
    check_kind(kind)
    rb = rulebook(country)
    general_rule = rb.lookup("contributions.general", on)
    general, rules = _funds(general_rule.value["funds"], on, country)
    rules.insert(0, general_rule)
    if kind == "general":
        return Tariff(general, (), None, tuple(rules))
    kind_rule = rb.lookup(f"contributions.{kind}", on)
    rules.append(kind_rule)
    value = kind_rule.value
    if "same_as" in value:
        value = rb.value(f"contributions.{value['same_as']}", on)
    reduced = value.get("reduced")
    if not reduced:
        return Tariff(general, (), None, tuple(rules))
    mrot = rb.lookup("contributions.mrot", date(on.year, 1, 1))
    rules.append(mrot)
    funds, more = _funds(reduced["funds"], on, country)
    threshold = round_to(dec(mrot.value) * dec(reduced["mrot_multiple"]), "kopeck")
    return Tariff(general, funds, threshold, (*rules, *more))


@dataclass(frozen=True)
class Part:
    """A piece of the base charged at one rate: fund, rate, and why (under/over the cap, reduced)."""

    fund: str
    rate: Decimal
    kind: str  # "under_cap", "over_cap", "no_cap", "reduced"


def _fund_parts(f: Fund, pay: Decimal, prior_base: Decimal, reduced: bool) -> list[tuple[Part, Decimal]]:
    if f.cap is None:
        return [(Part(f.fund, f.rate, "reduced" if reduced else "no_cap"), pay)]
    under = min(pay, max(ZERO, f.cap - prior_base))
    return [(Part(f.fund, f.rate, "under_cap"), under), (Part(f.fund, f.above_cap, "over_cap"), pay - under)]


def month_parts(t: Tariff, pay: Decimal, prior_base: Decimal) -> list[tuple[Part, Decimal]]:
    """One month's ``pay`` split into parts of the base by fund and rate, after ``prior_base`` this year.

    SME: the part up to the threshold is charged at the general rates (taking the room under the
    cap first), the part above it at the reduced rates.
    """
    low = pay if t.threshold is None else min(pay, t.threshold)
    parts = [p for f in t.general for p in _fund_parts(f, low, prior_base, False)]
    parts += [p for f in t.reduced for p in _fund_parts(f, pay - low, prior_base + low, True)]
    return parts


def accident_rate(
    accident_rate: Any = None, accident_class: Any = None, on: date | None = None, country: str = "ru"
) -> tuple[Decimal, Dated | None]:
    """Accident-insurance rate: given directly (0.2–8.5 %) or by risk class 1–32; default class 1 (0.2 %)."""
    if accident_rate is not None and accident_class is not None:
        raise InputError(_("Give either the accident rate or the risk class, not both."), "accident_rate")
    rb = rulebook(country)
    rule = rb.lookup("contributions.accident_classes", on or rb.default_date())
    if accident_rate is not None:
        rates = [dec(v) for v in rule.value.values()]  # the law's lowest and highest class rates
        r = number(
            accident_rate, "accident_rate", _("the accident rate"), low=min(rates), high=max(rates)
        )
        return r, None
    cls = int(
        number(
            1 if accident_class is None else accident_class,
            "accident_class",
            _("the risk class"),
            low=1,
            high=32,
            integer=True,
        )
    )
    return dec(rule.value[cls]), rule


@dataclass(frozen=True)
class MonthContributions:
    month: int
    pay: Decimal
    base_to_date: Decimal
    parts_to_date: dict[Part, Decimal]  # base to date charged at each (fund, rate, kind)
    to_date: dict[str, Decimal]  # contributions to date by fund, rounded
    by_fund: dict[str, Decimal]  # this month's contributions by fund
    total: Decimal
    accident: Decimal
    crossed: tuple[str, ...]  # funds whose cap is reached in this month
    tariff: Tariff


def year_contributions(
    monthly_pay: Sequence[Any], year: int, kind: str = "general", *, acc_rate: Decimal, country: str = "ru"
) -> list[MonthContributions]:
    """Contributions month by month from January, cumulative rounding (НК РФ ст. 431 п. 1)."""
    rb = rulebook(country)
    rb.check_year(year)
    check_kind(kind)
    pays = [amount(p, "gross", pgettext("calc.ru.contributions", "the month's pay")) for p in monthly_pay]
    rounding = rb.value("contributions.rounding", date(year, 1, 1))
    out: list[MonthContributions] = []
    base = ZERO
    parts: dict[Part, Decimal] = {}
    before: dict[str, Decimal] = {}
    for m, pay in enumerate(pays, 1):
        t = tariff(kind, date(year, m, 1), country)
        for part, b in month_parts(t, pay, base):
            parts[part] = parts.get(part, ZERO) + b
        exact: dict[str, Decimal] = {}
        for part, b in parts.items():
            exact[part.fund] = exact.get(part.fund, ZERO) + b * part.rate
        to_date = {f: round_to(v, rounding) for f, v in exact.items()}
        by_fund = {f: v - before.get(f, ZERO) for f, v in to_date.items()}
        crossed = tuple(f.fund for f in t.general if f.cap is not None and base <= f.cap < base + pay)
        base += pay
        acc = round_to(pay * acc_rate, "kopeck")
        out.append(
            MonthContributions(
                m, pay, base, dict(parts), to_date, by_fund, sum(by_fund.values(), ZERO), acc, crossed, t
            )
        )
        before = to_date
    return out
