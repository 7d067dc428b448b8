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

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _, pgettext
from calc.core.money import KOPECK, RUBLE, ZERO, amount, dec, number
from calc.core.rules import Dated, rulebook
from calc.core.solve import Solution, solve
from calc.core.text import Text, money, money_short, percent, tr
from calc.ru.contributions import (
    FUNDS,
    KINDS,
    MonthContributions,
    accident_rate,
    check_kind,
    tariff,
    year_contributions,
)
from calc.ru.income_tax import NDFL_226, Children, MonthTax, ndfl_detail, resident_flag, withholding

KIND_SOURCE = _("Tax Code art. 425–427")
ACCIDENT_SOURCE = _("Federal Law 125-FZ of 24.07.1998 art. 21–22; Law 179-FZ")


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
    return Options(year, kind, acc, resident_flag(resident), Children.of(children, sole_parent), country, acc_rule)


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
    other_grosses: tuple[Decimal, ...] = ()  # from net or total cost: other gross amounts giving the same


def _events(tax: MonthTax, prev: MonthTax | None, c: MonthContributions) -> tuple[Text, ...]:
    ev: list[Text] = []
    if prev is not None and tax.rate != prev.rate:
        ev.append(
            _("Income tax: {rate} from this month", rate=lambda lang, tax=tax: percent(tax.rate, lang))
        )
    caps: dict[Decimal, list[str]] = {}
    for f in c.tariff.general:
        if f.fund in c.crossed and f.cap is not None:
            caps.setdefault(f.cap, []).append(f.fund)
    for cap, funds in caps.items():
        names = [FUNDS[f] for f in funds]
        ev.append(
            _(
                "Contributions: the {cap} cap is reached this month ({funds})",
                cap=lambda lang, cap=cap: money_short(cap, lang),
                funds=lambda lang, names=names: ", ".join(tr(n, lang) for n in names),
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
    "under_cap": _("base up to the cap"),
    "over_cap": _("base above the cap"),
    "no_cap": _("base (no cap)"),
    "reduced": _("base above the SME threshold"),
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
        "net", "gross - ndfl", rounding="none", gross=gross, ndfl=tax, source=_("Labour Code art. 137")
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


PERSONAL_NOTE = _(
    "The worker's own standard deduction: 400 ₽ a month until income since January passes 40,000 ₽ (Tax Code "
    "art. 218 para. 1 sub. 3, repealed from 2012 by Law 330-FZ of 21.11.2011); included in the deductions "
    "since January.",
)


def _explain_tax(trc: Trace, i: int, taxes: list[MonthTax], o: Options) -> Decimal:
    """НДФЛ of month ``i``: the tax on the base since January minus the tax withheld before."""
    t = taxes[i]
    rb = rulebook(o.country)
    trc.given("income_to_date", t.income_to_date, source=NDFL_226)
    jan1 = date(o.year, 1, 1)
    rules = [rb.lookup("deductions.child", jan1)] if t.deductions_to_date > t.personal_to_date else []
    if t.personal_to_date:
        personal = rb.lookup("deductions.personal", jan1)
        rules.append(personal)
        trc.given("personal_deduction", t.personal_to_date, rules=[personal], note=PERSONAL_NOTE)
    if t.deductions_to_date:
        trc.given("deductions_to_date", t.deductions_to_date, rules=rules)
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
        note=_("Employer kind: {kind}", kind=KINDS[o.kind]),
    )
    before = contrib[i - 1].to_date if i else {}
    out: dict[str, Decimal] = {}
    for fund in c.to_date:
        parts = [(p, b) for p, b in c.parts_to_date.items() if p.fund == fund and b]
        inputs: dict[str, Any] = {}
        for j, (p, b) in enumerate(parts):
            inputs[f"b{j}"] = Q(b, "rub", _PART_LABELS[p.kind])
            inputs[f"r{j}"] = Q(p.rate, "rate", _("rate"))
        label = _("Contributions to date: {fund}", fund=FUNDS[fund])
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
            label=_("Contributions this month: {fund}", fund=FUNDS[fund]),
            to_date=Q(to_date, "rub", _("to date")),
            before=Q(before.get(fund, ZERO), "rub", _("before this month")),
            source=_("Tax Code art. 431 para. 1"),
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
            raise InputError(_("No month {m}.", m=m), "month")
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


def _monthly(values: Any, what: Text, field_: str, n: int = 12) -> list[Decimal]:
    if isinstance(values, Sequence) and not isinstance(values, str):
        vals = list(values)
        if not 1 <= len(vals) <= 12:
            raise InputError(_("Please give {what} for 1 to 12 months.", what=what), field_)
    else:
        vals = [values] * n
    return [amount(v, field_, what) for v in vals]


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
    gross = _monthly(monthly_gross, pgettext("what to enter", "the gross pay"), "gross")
    north = _monthly(northern, pgettext("what to enter", "the northern part"), "northern", len(gross))
    if len(north) != len(gross):
        raise InputError(_("The northern part is needed for every month."), "northern")
    for g, n in zip(gross, north, strict=True):
        if n > g:
            raise InputError(_("The northern part cannot exceed the month's gross pay."), "northern")
    taxes, contrib = _rows(gross, north, o)
    return YearResult(options=o, taxes=taxes, contrib=contrib)


def annual_payroll(monthly_gross: Any, year: int, lang: str | None = None, **kwargs: Any) -> Any:
    """``pandas.DataFrame``, one row per month: gross, ndfl, net, contributions (+ by fund), accident,
    total_cost, the marginal НДФЛ rate and the events (a band or a cap crossed), in ``lang``."""
    return year_payroll(monthly_gross, year, **kwargs).frame(lang)


# ---------------------------------------------------------------- one month and its inverse


def _steady(gross: Decimal, month: int, o: Options) -> tuple[list[MonthTax], list[MonthContributions]]:
    pays = [gross] * month
    return _rows(pays, [ZERO] * month, o)


def _fast(gross: Decimal, month: int, o: Options) -> MonthCost:
    taxes, contrib = _steady(gross, month, o)
    return _month_figures(month - 1, taxes, contrib, o)


def _breaks(month: int, o: Options) -> list[Decimal]:
    """Gross amounts where the month's figures may jump or turn (the same gross in every month).

    A year's threshold X (a tax band, a contribution cap, a deduction's income limit) is crossed
    in this month at X / month and in an earlier month at X / (month − 1); the SME threshold is a
    month's own. Between two of these amounts net and total cost move one way only.
    """
    rb = rulebook(o.country)
    t = tariff(o.kind, date(o.year, month, 1), o.country)
    annual = [x for x, _ in marginal_kinks(o.year, o.kind, o.country)]  # tax bands and contribution caps
    for name in ("deductions.child", "deductions.personal"):
        limit = (rb.value(name, date(o.year, 1, 1)) or {}).get("income_limit")
        if limit is not None:
            annual.append(dec(limit))
    out = {x / n for x in annual for n in (month - 1, month) if n >= 1}
    return sorted(out | ({t.threshold} if t.threshold else set()))


def _inverse_note(found: Solution, what: Text, rounding: Text) -> Text | None:
    """Say when several gross amounts give the figure asked for, and why."""
    if len(found.exact) < 2:
        return None
    if len(found.pieces) > 1:
        lows = [min(p) for p in found.pieces]
        return _(
            "{what} comes from more than one gross pay (for example {amounts}): with the same pay "
            "every month, a higher pay reaches a contribution cap or a deduction limit in an earlier month, so "
            "this month's figure can fall as the pay rises. The smallest pay is shown.",
            what=what,
            amounts=lambda lang, lows=lows: ", ".join(money(x, lang) for x in lows),
        )
    exact = list(found.exact)
    return _(
        "{n} gross amounts give {what_lower} ({amounts}) because of {rounding}; the smallest is shown.",
        n=len(exact),
        what=what,
        what_lower=lambda lang: tr(what, lang).lower(),
        amounts=lambda lang: ", ".join(money(x, lang) for x in exact),
        rounding=rounding,
    )


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

    The same gross is assumed in every month from January to ``month``. The inverse is not
    one-to-one: НДФЛ is whole rubles and contributions kopecks, so some amounts come from two gross
    amounts and some from none; and after January a higher gross may cross a contribution cap or a
    deduction's income limit in an earlier month, so two distant gross amounts can give the same
    net or total cost. The smallest exact gross is returned (with ``inverse_note`` saying so when
    there are several); with none, the nearest gross above, ``exact=False``.
    """
    given = [x is not None for x in (gross, net, total_cost)]
    if sum(given) != 1:
        raise InputError(_("Give exactly one of: gross pay, net pay or total cost."), "gross")
    if year is None:
        raise InputError(_("Please give the year."), "year")
    m = int(number(month, "month", _("the month"), low=1, high=12, integer=True))
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
    found = None
    if gross is not None:
        g, exact, note = amount(gross, "gross", _("the gross pay")), True, None
    else:
        found, g, exact, note = _invert(net, total_cost, m, o)
    taxes, contrib = _steady(g, m, o)
    mc = _explained_month(m - 1, taxes, contrib, o)
    others = tuple(x for x in found.exact if x != g) if found else ()
    return replace(mc, inverse_note=note, exact=exact, other_grosses=others)


NET_ROUNDING = _("НДФЛ being rounded to whole rubles")
COST_ROUNDING = _("contributions being rounded to kopecks")


def _invert(net: Any, total_cost: Any, month: int, o: Options) -> tuple[Solution, Decimal, bool, Text | None]:
    """The gross for a net pay or a total cost: the smallest exact solution, else the nearest above."""
    breaks = _breaks(month, o)
    if net is not None:
        field_, target = "net", amount(net, "net", _("the net pay"))
        what, rounding = _("This net pay"), NET_ROUNDING
        found = solve(
            lambda x: _fast(x, month, o).net, target, target, 2 * target + 10_000, RUBLE, breaks=breaks, quantum=KOPECK
        )
    else:
        field_, target = "total_cost", amount(total_cost, "total_cost", _("the total cost"))
        what, rounding = _("This total cost"), COST_ROUNDING
        found = solve(
            lambda x: _fast(x, month, o).total_cost, target, ZERO, target, KOPECK, breaks=breaks, quantum=KOPECK
        )
    if found.exact:
        return found, found.exact[0], True, _inverse_note(found, what, rounding)
    if found.above is None:
        raise InputError(
            _("No gross pay gives {target}.", target=lambda lang, target=target: money(target, lang)),
            field_,
        )
    got = getattr(_fast(found.above, month, o), field_)
    return (
        found,
        found.above,
        False,
        _(
            "No gross pay gives exactly {target} (because of {rounding}); the nearest is {got}.",
            target=lambda lang, target=target: money(target, lang),
            rounding=rounding,
            got=lambda lang, got=got: money(got, lang),
        ),
    )


def marginal_kinks(year: int, kind: str = "general", country: str = "ru") -> list[tuple[Decimal, Text]]:
    """Annual amounts where a tax band or a contribution cap begins (for charts)."""
    rb = rulebook(country)
    rb.check_year(year)
    on = date(year, 1, 1)
    out: list[tuple[Decimal, Text]] = []
    for start, rate in rb.value("ndfl.resident_scale", on)[1:]:
        out.append((dec(start), _("Income tax {rate}", rate=lambda lang, rate=rate: percent(dec(rate), lang))))

    for f in tariff(kind, on, country).general:
        if f.cap is not None:
            out.append((f.cap, _("Cap: {fund}", fund=FUNDS[f.fund])))
    return sorted(out, key=lambda x: x[0])
