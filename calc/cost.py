"""What the worker keeps and what the employer pays, month by month through a year.

A month: gross → НДФЛ (cumulative from January, whole rubles) → net; contributions by fund
(cumulative caps, kopecks) and accident insurance → total cost to the employer.
``employer_cost`` takes any one of gross, net or total cost and derives the others, assuming the
same gross in every month of the year up to the month asked for (so bands and caps crossed
earlier in the year are taken into account).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from .contributions import (
    FUNDS,
    KINDS,
    MonthContributions,
    accident_rate,
    check_kind,
    tariff,
    year_contributions,
)
from .errors import InputError
from .explain import Explained, Q, Trace
from .income_tax import NDFL_226, Children, MonthTax, ndfl_detail, withholding
from .money import KOPECK, ZERO, amount, dec, number
from .rules import Dated, rulebook
from .text import T, Text, money, money_short, percent, tr

KIND_SOURCE = T("НК РФ ст. 425–427", "Tax Code art. 425–427")
ACCIDENT_SOURCE = T(
    "Федеральный закон от 24.07.1998 № 125-ФЗ ст. 21–22; 179-ФЗ",
    "Federal Law 125-FZ of 24.07.1998 art. 21–22; Law 179-FZ",
)


@dataclass(frozen=True)
class Options:
    """Everything besides the pay that the month's figures depend on."""

    year: int
    kind: str = "general"
    acc_rate: Decimal = Decimal("0.002")
    resident: bool = True
    children: Children = field(default_factory=Children)
    country: str = "ru"
    acc_rule: Dated | None = None  # the class table, when the rate came from a risk class


def options(
    year: int,
    *,
    kind: str = "general",
    accident_rate_: Any = None,
    accident_class: Any = None,
    resident: bool = True,
    children: Any = 0,
    sole_parent: bool = False,
    country: str = "ru",
) -> Options:
    rulebook(country).check_year(year)
    check_kind(kind)
    acc, acc_rule = accident_rate(accident_rate_, accident_class, date(year, 1, 1), country)
    return Options(year, kind, acc, bool(resident), Children.of(children, sole_parent), country, acc_rule)


@dataclass(frozen=True, kw_only=True)
class MonthCost(Explained):
    """One month of one employee: the worker's side and the employer's side."""

    year: int
    month: int
    kind: str
    gross: Decimal
    northern: Decimal
    ndfl: Decimal
    net: Decimal
    contributions: Decimal
    by_fund: dict[str, Decimal]
    accident: Decimal
    total_cost: Decimal
    ndfl_rate: Decimal
    income_to_date: Decimal
    base_to_date: Decimal
    events: tuple[Text, ...] = ()
    inverse_note: Text | None = None
    exact: bool = True


def _events(tax: MonthTax, prev: MonthTax | None, c: MonthContributions) -> tuple[Text, ...]:
    ev: list[Text] = []
    if prev is not None and tax.rate != prev.rate:
        ev.append(
            T(
                f"НДФЛ: с этого месяца ставка {percent(tax.rate, 'ru')}",
                f"Income tax: {percent(tax.rate, 'en')} from this month",
            )
        )
    caps: dict[Decimal, list[str]] = {}
    for f in c.tariff.general:
        if f.fund in c.crossed and f.cap is not None:
            caps.setdefault(f.cap, []).append(f.fund)
    for cap, funds in caps.items():
        ru = ", ".join(tr(FUNDS[f], "ru") for f in funds)
        en = ", ".join(tr(FUNDS[f], "en") for f in funds)
        ev.append(
            T(
                f"Взносы: в этом месяце достигнута предельная база {money_short(cap, 'ru')} ({ru})",
                f"Contributions: the {money_short(cap, 'en')} cap is reached this month ({en})",
            )
        )
    return tuple(ev)


def _rows(
    monthly: Sequence[Decimal], northern: Sequence[Decimal], o: Options
) -> tuple[list[MonthTax], list[MonthContributions]]:
    main = [g - n for g, n in zip(monthly, northern, strict=True)]
    taxes = withholding(main, o.year, o.resident, children=o.children, northern=northern, country=o.country)
    contrib = year_contributions(monthly, o.year, o.kind, acc_rate=o.acc_rate, country=o.country)
    return taxes, contrib


def _month_figures(i: int, taxes: list[MonthTax], contrib: list[MonthContributions], o: Options) -> MonthCost:
    """Month ``i`` (0-based) from the cumulative figures, without an explanation (the fast path)."""
    t, c = taxes[i], contrib[i]
    gross = t.income + t.northern
    net = gross - t.tax
    return MonthCost(
        year=o.year,
        month=t.month,
        kind=o.kind,
        gross=gross,
        northern=t.northern,
        ndfl=t.tax,
        net=net,
        contributions=c.total,
        by_fund=c.by_fund,
        accident=c.accident,
        total_cost=gross + c.total + c.accident,
        ndfl_rate=t.rate,
        income_to_date=t.income_to_date + sum((x.northern for x in taxes[: i + 1]), ZERO),
        base_to_date=c.base_to_date,
        events=_events(t, taxes[i - 1] if i else None, c),
    )


_PART_LABELS = {
    "under_cap": T("база в пределах предельной базы", "base up to the cap"),
    "over_cap": T("база сверх предельной базы", "base above the cap"),
    "no_cap": T("база (без предельной базы)", "base (no cap)"),
    "reduced": T("база сверх порога МСП", "base above the SME threshold"),
}


def _explained_month(i: int, taxes: list[MonthTax], contrib: list[MonthContributions], o: Options) -> MonthCost:
    """Month ``i`` (0-based) computed step by step: its figures are the results of its explained steps."""
    t = taxes[i]
    trc = Trace()
    gross = (
        trc.calc("gross", "income + northern_part", income=t.income, northern_part=t.northern)
        if t.northern
        else trc.given("gross", t.income)
    )
    tax = _explain_tax(trc, i, taxes, o)
    net = trc.calc(
        "net", "gross - ndfl", rounding="none", gross=gross, ndfl=tax, source=T("ТК РФ ст. 137", "Labour Code art. 137")
    )
    by_fund = _explain_contributions(trc, i, contrib, o)
    total = (
        trc.calc(
            "contributions",
            " + ".join(f"c_{f}" for f in by_fund),
            rounding="none",
            **{f"c_{f}": Q(v, "rub", FUNDS[f]) for f, v in by_fund.items()},
        )
        if by_fund
        else trc.given("contributions", ZERO)
    )
    accident = trc.calc(
        "accident",
        "gross * accident_rate",
        gross=gross,
        accident_rate=o.acc_rate,
        source=ACCIDENT_SOURCE,
        rules=[o.acc_rule] if o.acc_rule else [],
    )
    cost = trc.calc(
        "total_cost",
        "gross + contributions + accident",
        rounding="none",
        gross=gross,
        contributions=total,
        accident=accident,
    )
    fast = _month_figures(i, taxes, contrib, o)
    return replace(
        fast,
        gross=gross,
        ndfl=tax,
        net=net,
        by_fund=by_fund,
        contributions=total,
        accident=accident,
        total_cost=cost,
        steps=tuple(trc.steps),
    )


def _explain_tax(trc: Trace, i: int, taxes: list[MonthTax], o: Options) -> Decimal:
    """НДФЛ of month ``i``: the tax on the base since January minus the tax withheld before."""
    t = taxes[i]
    rb = rulebook(o.country)
    trc.given("income_to_date", t.income_to_date, source=NDFL_226)
    if t.deductions_to_date:
        trc.given("deductions_to_date", t.deductions_to_date, rules=[rb.lookup("deductions.child", date(o.year, 1, 1))])
    base = trc.calc(
        "tax_base_to_date",
        "max(income_to_date - deductions_to_date, 0)",
        rounding="none",
        income_to_date=t.income_to_date,
        deductions_to_date=t.deductions_to_date,
    )
    northern_to_date = sum((x.northern for x in taxes[: i + 1]), ZERO)
    to_date = ndfl_detail(
        base, o.year, o.resident, northern=northern_to_date, country=o.country, trace=trc, key="ndfl_to_date"
    ).tax
    before = taxes[i - 1].tax_to_date if i else ZERO
    return trc.calc(
        "ndfl", "ndfl_to_date - ndfl_before", rounding="none", ndfl_to_date=to_date, ndfl_before=before, source=NDFL_226
    )


def _explain_contributions(trc: Trace, i: int, contrib: list[MonthContributions], o: Options) -> dict[str, Decimal]:
    """Each fund: contributions on the base since January (by rate and cap) minus those of earlier months."""
    c = contrib[i]
    rb = rulebook(o.country)
    rules = [*c.tariff.rules, rb.lookup("contributions.rounding", date(o.year, 1, 1))]
    trc.given(
        "base_to_date",
        c.base_to_date,
        rules=rules[:1],
        source=KIND_SOURCE,
        note=T(f"Вид работодателя: {tr(KINDS[o.kind], 'ru')}", f"Employer kind: {tr(KINDS[o.kind], 'en')}"),
    )
    before = contrib[i - 1].to_date if i else {}
    out: dict[str, Decimal] = {}
    for fund in c.to_date:
        parts = [(p, b) for p, b in c.parts_to_date.items() if p.fund == fund and b]
        inputs: dict[str, Any] = {}
        for j, (p, b) in enumerate(parts):
            inputs[f"b{j}"] = Q(b, "rub", _PART_LABELS[p.kind])
            inputs[f"r{j}"] = Q(p.rate, "rate", T("ставка", "rate"))
        label = T(f"Взносы с начала года: {tr(FUNDS[fund], 'ru')}", f"Contributions to date: {tr(FUNDS[fund], 'en')}")
        to_date = (
            trc.calc(
                "contrib_to_date",
                " + ".join(f"b{j} * r{j}" for j in range(len(parts))),
                label=label,
                rules=rules,
                **inputs,
            )
            if parts
            else trc.given("contrib_to_date", ZERO, label=label)
        )
        out[fund] = trc.calc(
            "contrib_month",
            "to_date - before",
            rounding="none",
            label=T(f"Взносы за месяц: {tr(FUNDS[fund], 'ru')}", f"Contributions this month: {tr(FUNDS[fund], 'en')}"),
            to_date=Q(to_date, "rub", T("с начала года", "to date")),
            before=Q(before.get(fund, ZERO), "rub", T("до этого месяца", "before this month")),
            source=T("НК РФ ст. 431 п. 1", "Tax Code art. 431 p. 1"),
        )
    return out


@dataclass(frozen=True, kw_only=True)
class YearResult:
    """A year of one employee: the month rows and the totals."""

    options: Options
    taxes: list[MonthTax]
    contrib: list[MonthContributions]

    def month(self, m: int) -> MonthCost:
        """Month ``m`` (1–12) with its explanation."""
        i = m - 1
        if not 0 <= i < len(self.taxes):
            raise InputError(f"Нет месяца {m}.", f"No month {m}.", "month")
        return _explained_month(i, self.taxes, self.contrib, self.options)

    def months(self) -> list[MonthCost]:
        return [_month_figures(i, self.taxes, self.contrib, self.options) for i in range(len(self.taxes))]

    def frame(self, lang: str | None = None) -> Any:
        """One row per month: gross, ndfl, net, contributions (and by fund), accident, total_cost…"""
        import pandas as pd

        rows = []
        for mc in self.months():
            row = {
                "month": mc.month,
                "gross": mc.gross,
                "ndfl": mc.ndfl,
                "net": mc.net,
                "contributions": mc.contributions,
            }
            row.update({f"contrib_{f}": v for f, v in mc.by_fund.items()})
            row.update(
                {
                    "accident": mc.accident,
                    "total_cost": mc.total_cost,
                    "ndfl_rate": mc.ndfl_rate,
                    "income_to_date": mc.income_to_date,
                    "base_to_date": mc.base_to_date,
                    "events": "; ".join(tr(e, lang or "en") for e in mc.events),
                }
            )
            rows.append(row)
        df = pd.DataFrame(rows).set_index("month")
        return df.fillna({c: ZERO for c in df.columns if c.startswith("contrib_")})

    def totals(self) -> dict[str, Decimal]:
        ms = self.months()
        return {
            k: sum((getattr(m, k) for m in ms), ZERO)
            for k in ("gross", "ndfl", "net", "contributions", "accident", "total_cost")
        }


def _monthly(values: Any, what_ru: str, what_en: str, field_: str, n: int = 12) -> list[Decimal]:
    if isinstance(values, Sequence) and not isinstance(values, str):
        vals = list(values)
        if not 1 <= len(vals) <= 12:
            raise InputError(
                f"Укажите {what_ru} за 1–12 месяцев.", f"Please give {what_en} for 1 to 12 months.", field_
            )
    else:
        vals = [values] * n
    return [amount(v, field_, what_ru, what_en) for v in vals]


def year_payroll(
    monthly_gross: Any,
    year: int,
    *,
    kind: str = "general",
    accident_rate: Any = None,
    accident_class: Any = None,
    resident: bool = True,
    children: Any = 0,
    sole_parent: bool = False,
    northern: Any = 0,
    country: str = "ru",
) -> YearResult:
    """The year month by month. ``monthly_gross``: one amount for every month or a list from January.

    ``northern``: the part of each month's gross that is district coefficient and northern allowance
    (included in the gross; a separate НДФЛ base from 2025).
    """
    o = options(
        year,
        kind=kind,
        accident_rate_=accident_rate,
        accident_class=accident_class,
        resident=resident,
        children=children,
        sole_parent=sole_parent,
        country=country,
    )
    gross = _monthly(monthly_gross, "начисления", "the gross pay", "gross")
    north = _monthly(northern, "северную часть", "the northern part", "northern", len(gross))
    if len(north) != len(gross):
        raise InputError(
            "Северная часть нужна для каждого месяца.", "The northern part is needed for every month.", "northern"
        )
    for g, n in zip(gross, north, strict=True):
        if n > g:
            raise InputError(
                "Северная часть не может быть больше всех начислений месяца.",
                "The northern part cannot exceed the month's gross pay.",
                "northern",
            )
    taxes, contrib = _rows(gross, north, o)
    return YearResult(options=o, taxes=taxes, contrib=contrib)


def annual_payroll(monthly_gross: Any, year: int, **kwargs: Any) -> Any:
    """``pandas.DataFrame``, one row per month: gross, ndfl, net, contributions (+ by fund), accident,
    total_cost, the marginal НДФЛ rate and the events (a band or a cap crossed)."""
    return year_payroll(monthly_gross, year, **kwargs).frame(kwargs.get("lang"))


# ---------------------------------------------------------------- one month and its inverse


def _steady(gross: Decimal, month: int, o: Options) -> tuple[list[MonthTax], list[MonthContributions]]:
    pays = [gross] * month
    return _rows(pays, [ZERO] * month, o)


def _fast(gross: Decimal, month: int, o: Options) -> MonthCost:
    taxes, contrib = _steady(gross, month, o)
    return _month_figures(month - 1, taxes, contrib, o)


def _solve_total(target: Decimal, month: int, o: Options) -> Decimal:
    """Smallest gross (kopecks) whose total cost reaches ``target`` (total cost rises with gross)."""
    lo, hi = 0, int(target / KOPECK)
    while lo < hi:
        mid = (lo + hi) // 2
        if _fast(mid * KOPECK, month, o).total_cost >= target:
            hi = mid
        else:
            lo = mid + 1
    return lo * KOPECK


def _solve_net(target: Decimal, month: int, o: Options) -> list[Decimal]:
    """Every gross whose net equals ``target``; the month's НДФЛ is whole rubles, so gross = net + tax."""
    g = target
    for _ in range(30):  # fixed point of gross = net + tax(gross)
        g2 = target + _fast(g, month, o).ndfl
        if g2 == g:
            break
        g = g2
    tax0 = g - target
    found = []
    for k in range(-3, 4):
        cand = target + tax0 + k
        if cand >= 0 and _fast(cand, month, o).net == target:
            found.append(cand)
    return sorted(set(found))


def employer_cost(
    gross: Any = None,
    year: int | None = None,
    *,
    net: Any = None,
    total_cost: Any = None,
    month: int = 1,
    kind: str = "general",
    accident_rate: Any = None,
    accident_class: Any = None,
    resident: bool = True,
    children: Any = 0,
    sole_parent: bool = False,
    country: str = "ru",
) -> MonthCost:
    """One month's figures from any one of ``gross``, ``net`` or ``total_cost``.

    The same gross is assumed in every month from January to ``month``. From net the inverse is not
    one-to-one: НДФЛ is whole rubles, so some net amounts come from two gross amounts (the smaller is
    returned) and some from none (the nearest gross above is returned, ``exact=False``).
    """
    given = [x is not None for x in (gross, net, total_cost)]
    if sum(given) != 1:
        raise InputError(
            "Укажите ровно одно: начисленную зарплату, зарплату на руки или полную стоимость.",
            "Give exactly one of: gross pay, net pay or total cost.",
            "gross",
        )
    if year is None:
        raise InputError("Укажите год.", "Please give the year.", "year")
    m = int(number(month, "month", "месяц", "the month", low=1, high=12, integer=True))
    o = options(
        year,
        kind=kind,
        accident_rate_=accident_rate,
        accident_class=accident_class,
        resident=resident,
        children=children,
        sole_parent=sole_parent,
        country=country,
    )
    note: Text | None = None
    exact = True
    if gross is not None:
        g = amount(gross, "gross", "начисленную зарплату", "the gross pay")
    elif net is not None:
        target = amount(net, "net", "зарплату на руки", "the net pay")
        found = _solve_net(target, m, o)
        if found:
            g = found[0]
            if len(found) > 1:
                ru_list = ", ".join(money(x, "ru") for x in found)
                en_list = ", ".join(money(x, "en") for x in found)
                note = T(
                    f"Такую сумму на руки дают {len(found)} суммы начисления ({ru_list}) "
                    "из-за округления НДФЛ до рубля; показана меньшая.",
                    f"{len(found)} gross amounts give this net pay ({en_list}) "
                    "because НДФЛ is rounded to whole rubles; the smaller is shown.",
                )
        else:
            g = _nearest_net(target, m, o)
            exact = False
            got = _fast(g, m, o).net
            note = T(
                f"Ровно {money(target, 'ru')} на руки не получается ни при какой сумме начисления (НДФЛ округляется "
                f"до рубля); ближайшая: {money(got, 'ru')}.",
                f"No gross pay gives exactly {money(target, 'en')} net (НДФЛ is rounded to whole rubles); "
                f"the nearest is {money(got, 'en')}.",
            )
    else:
        target = amount(total_cost, "total_cost", "полную стоимость", "the total cost")
        g = _solve_total(target, m, o)
        got = _fast(g, m, o).total_cost
        if got != target:
            exact = False
            note = T(
                f"Ровно {money(target, 'ru')} не получается из-за округления до копеек; ближайшая сумма: "
                f"{money(got, 'ru')}.",
                f"Exactly {money(target, 'en')} is not reachable because of kopeck rounding; the nearest is "
                f"{money(got, 'en')}.",
            )
    taxes, contrib = _steady(g, m, o)
    mc = _explained_month(m - 1, taxes, contrib, o)
    return replace(mc, inverse_note=note, exact=exact)


def _nearest_net(target: Decimal, month: int, o: Options) -> Decimal:
    """Smallest gross near the fixed point whose net is at or above ``target``."""
    g = target
    for _ in range(30):
        g = target + _fast(g, month, o).ndfl
    cands = [g + k for k in range(-3, 4) if g + k >= 0 and _fast(g + k, month, o).net >= target]
    return min(cands) if cands else g


def marginal_kinks(year: int, kind: str = "general", country: str = "ru") -> list[tuple[Decimal, Text]]:
    """Annual amounts where a tax band or a contribution cap begins (for charts)."""
    rb = rulebook(country)
    on = date(year, 1, 1)
    out: list[tuple[Decimal, Text]] = []
    for start, rate in rb.value("ndfl.resident_scale", on)[1:]:
        out.append((dec(start), T(f"НДФЛ {percent(dec(rate), 'ru')}", f"Income tax {percent(dec(rate), 'en')}")))

    for f in tariff(kind, on, country).general:
        if f.cap is not None:
            out.append((f.cap, T(f"Предельная база: {tr(FUNDS[f.fund], 'ru')}", f"Cap: {tr(FUNDS[f.fund], 'en')}")))
    return sorted(out, key=lambda x: x[0])
