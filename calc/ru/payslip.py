"""A month's pay in full — the payslip: salary for time worked, long-service allowance, night, overtime
and holiday pay, other allowances and the monthly bonus, district coefficient and northern
allowance; НДФЛ, the advance and the final payment; and what the employer pays on top.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Step, Trace
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, a_date, amount, amounts, dec, items_of, number, rate, round_to
from calc.core.rules import rulebook
from calc.core.text import T, Text, day, num, quantity
from calc.ru.advance import AdvanceResult, advance, regional
from calc.ru.calendar import CALENDAR, calendar_rule, check_month, work_hours, working_days, working_days_between
from calc.ru.cost import MonthCost, year_payroll
from calc.ru.income_tax import NORTHERN_BASE
from calc.ru.long_service import Scale, full_years, get_scale, rate_step
from calc.ru.service import ServiceLength
from calc.ru.timepay import LAW_136, holiday_pay, hourly_rate, night_rate_checked, overtime_pay

LAST_DAY_SOURCE = _("Labour Code art. 84.1 and 140: the day of dismissal is the last day of work")
REGIONAL_SOURCE = _("Labour Code art. 148 and 315–317")


@dataclass(frozen=True)
class Allowance:
    """Another allowance: ``percent`` of the salary for time worked, or a fixed monthly ``amount``
    prorated by time worked (or by ``worked`` / ``planned`` units, e.g. shifts, when given)."""

    label: str
    label_en: str | None = None
    percent: Any = None
    amount: Any = None
    prorate: bool = True
    worked: Any = None
    planned: Any = None

    def text(self) -> Text:
        return T(self.label, self.label_en or self.label)


@dataclass(frozen=True)
class Line:
    key: str
    label: Text
    amount: Decimal
    regional: bool = True  # the district coefficient and northern allowance apply to it


@dataclass(frozen=True, kw_only=True)
class PayLines(Explained):
    lines: tuple[Line, ...]
    hourly_rate: Decimal
    worked_share: Decimal
    advance_allowances: Decimal = ZERO  # the allowances for time worked for a whole month (for the advance)

    @property
    def gross(self) -> Decimal:
        return sum((x.amount for x in self.lines), ZERO)

    @property
    def northern(self) -> Decimal:
        return sum((x.amount for x in self.lines if x.key in ("district_pay", "northern_pay")), ZERO)


def _days_worked(days_worked: Any, norm: int, on: date, last_day: date | None, tr: Trace, country: str) -> Decimal:
    """Days worked: as given, else the whole month or, when the job ends, the working days up to its last day."""
    top = norm
    if last_day is not None:
        top = working_days_between(on, last_day, country)
        if days_worked is None:
            return tr.given(
                "days_worked",
                top,
                source=LAST_DAY_SOURCE,
                note=_(
                    "Working days from the 1st to the day of dismissal, {last_day}, inclusive.",
                    last_day=lambda lang, last_day=last_day: day(last_day, lang),
                ),
            )
    if days_worked is None:
        return Decimal(norm)
    if last_day is None:
        return number(days_worked, "days_worked", _("the days worked"), low=0, high=norm)
    days = number(days_worked, "days_worked", _("the days worked"), low=0, high=10**6)
    if days > top:
        raise InputError(
            _(
                "From the 1st to {last_day} the production calendar has {top} working days — please enter the days "
                "worked from 0 to {top}; you typed {days}.",
                last_day=lambda lang, last_day=last_day: day(last_day, lang),
                top=top,
                days=lambda lang, days=days: num(days, lang),
            ),
            "days_worked",
        )
    return days


def _hours_worked(hours_worked: Any, on: date, last_day: date | None) -> Decimal:
    """Hours worked: at most 24 a calendar day of the month, or up to the last day when the job ends."""
    if last_day is None:
        top = 24 * monthrange(on.year, on.month)[1]
        return number(hours_worked, "hours_worked", _("the hours worked"), low=0, high=top)
    hours = number(hours_worked, "hours_worked", _("the hours worked"), low=0, high=10**6)
    days = (last_day - on).days + 1
    if hours > 24 * days:
        raise InputError(
            _(
                "From the 1st to {last} there are {days} — at most {top} (24 hours a day); you typed {hours}. "
                "Please check the hours.",
                last=lambda lang: day(last_day, lang),
                days=lambda lang: quantity(days, "days", lang),
                top=lambda lang: quantity(24 * days, "hours", lang),
                hours=lambda lang: quantity(hours, "hours", lang),
            ),
            "hours_worked",
        )
    return hours


def pay_lines(
    salary: Any,
    year: int,
    month: int,
    *,
    days_worked: Any = None,
    hours_worked: Any = None,
    hourly_method: str = "month",
    seniority_years: Any = None,
    scale: str | Scale | None = None,
    night_hours: Any = 0,
    night_rate: Any = None,
    overtime_hours: Any = (),
    holiday_hours: Any = 0,
    holiday_within_norm: bool = True,
    overtime_base: str | None = None,
    holiday_base: str | None = None,
    allowances: Sequence[Allowance] = (),
    bonus_percent: Any = 0,
    district_coef: Any = 1,
    northern_percent: Any = 0,
    last_day: date | None = None,
    country: str = "ru",
) -> PayLines:
    """The accrual lines of one month (what the payslip lists under "accrued").

    ``last_day``: the employment ends on this day of the month (dismissal): by default the working
    days from the 1st to it are paid, and no more can be given as worked (ТК РФ ст. 84.1, 140).
    ``overtime_base`` / ``holiday_base``: ``"pay"`` — the hourly rate with the month's allowances and
    bonus (ТК ст. 152 after ruling 35-P of 27.06.2023 and Law 91-FZ; ст. 153 after ruling 26-P of
    28.06.2018), ``"tariff"`` — the bare rate; default: what the law of the month says.
    """
    s = amount(salary, "salary", _("the salary"))
    check_month(year, month, country)
    on = date(year, month, 1)
    allowances = items_of(allowances, Allowance, "allowances", _("the allowances"))
    if last_day is not None:
        last_day = a_date(last_day, "last_day", _("the last day of work"))
        if not (last_day.year, last_day.month) == (year, month):
            raise InputError(_("The last day of work must be in the month of the payslip."), "last_day")
    tr = Trace()
    hr = hourly_rate(s, year, month, hourly_method, country=country)
    if hours_worked is not None or any(_given(x) for x in (night_hours, overtime_hours, holiday_hours)):
        tr.extend(hr.steps)  # the hourly rate is shown only where a line uses it
    if hours_worked is None:
        norm = working_days(year, month, country)
        tr.given("norm_days", norm, source=CALENDAR, rules=[calendar_rule(year, country)])
        worked = _days_worked(days_worked, norm, on, last_day, tr, country)
        pay = tr.calc(
            "salary_pay",
            "salary / norm_days * days_worked",
            salary=s,
            norm_days=norm,
            days_worked=worked,
            source=LAW_136,
        )
        share = worked / norm
    else:
        hours = _hours_worked(hours_worked, on, last_day)
        pay = tr.calc(
            "salary_pay",
            "hourly_rate * hours_worked",
            hourly_rate=hr.rate,
            hours_worked=hours,
            source=_("Summarised working time (Labour Code art. 104)"),
        )
        share = hours / Decimal(work_hours(year, month, country))
    lines = [Line("salary_pay", _("Salary for time worked"), pay)]
    for_advance = ZERO
    if scale is not None:
        sc = get_scale(scale)
        y = full_years(seniority_years if seniority_years is not None else ServiceLength())
        r = rate_step(tr, sc, y)
        bonus = tr.calc("seniority_bonus", "salary_pay * seniority_rate", salary_pay=pay, seniority_rate=r)
        lines.append(Line("seniority_bonus", _("Long-service allowance"), bonus))
        for_advance += round_to(s * r, "kopeck")
    incentives: list[Line] = []
    inc = Trace()  # allowances and bonus: computed first (the overtime rate needs them), explained after
    for i, a in enumerate(allowances, 1):
        line, whole = _allowance(inc, a, i, pay, share, s)
        incentives.append(line)
        for_advance += whole
    bp = rate(bonus_percent, "bonus_percent", _("the bonus (share of salary)"), high=10)
    if bp:
        b = inc.calc(
            "bonus_pay",
            "salary_pay * bonus_percent",
            salary_pay=pay,
            bonus_percent=bp,
            source=_("Bonus regulations (Labour Code art. 135, 191)"),
        )
        incentives.append(Line("bonus_pay", _("Bonus"), b))
    extra = _ExtraRate(tr, hr.rate, pay, lines[1:] + incentives, on, country, overtime_base, holiday_base)
    nh = number(night_hours, "night_hours", _("the night hours"), low=0, high=248)
    if nh:
        nr, minimum = night_rate_checked(night_rate, on, country)
        night = tr.calc(
            "night_pay",
            "hourly_rate * night_hours * night_rate",
            hourly_rate=hr.rate,
            night_hours=nh,
            night_rate=nr,
            rules=[minimum],
        )
        lines.append(Line("night_pay", _("Night-work surcharge"), night))
    if overtime_hours not in ((), [], 0, None):
        key, r_ot = extra.rate("overtime")
        ot = overtime_pay(r_ot, overtime_hours, on=on, country=country, rate_key=key)
        tr.extend(ot.steps)
        lines.append(Line("overtime_pay", _("Overtime"), ot.amount))
    hh = number(holiday_hours, "holiday_hours", _("the weekend/holiday hours"), low=0, high=744)
    if hh:
        key, r_hol = extra.rate("holiday")
        hp = holiday_pay(r_hol, hh, within_norm=holiday_within_norm, on=on, country=country, rate_key=key)
        tr.extend(hp.steps)
        lines.append(Line("holiday_pay", _("Weekend or holiday work"), hp.amount))
    lines.extend(incentives)
    tr.extend(inc.steps)
    coef, north = regional(district_coef, northern_percent)
    if coef > 1 or north:
        base = sum((x.amount for x in lines if x.regional), ZERO)
        tr.given("regional_base", base, source=REGIONAL_SOURCE)
        if coef > 1:
            d = tr.calc(
                "district_pay",
                "regional_base * (district_coef - 1)",
                regional_base=base,
                district_coef=coef,
                source=REGIONAL_SOURCE,
            )
            lines.append(Line("district_pay", _("District coefficient"), d, regional=False))
        if north:
            n = tr.calc(
                "northern_pay",
                "regional_base * northern_percent",
                regional_base=base,
                northern_percent=north,
                source=REGIONAL_SOURCE,
            )
            lines.append(Line("northern_pay", _("Northern allowance"), n, regional=False))
    names = {f"l{i}": Q(x.amount, "rub", x.label) for i, x in enumerate(lines)}
    tr.calc("gross", " + ".join(names), rounding="none", **names)
    return PayLines(
        lines=tuple(lines),
        hourly_rate=hr.rate,
        worked_share=share,
        advance_allowances=for_advance,
        steps=tuple(tr.steps),
    )


EXTRA_BASES = {
    "overtime": ("labour.overtime_with_allowances", "overtime_base"),
    "holiday": ("labour.holiday_with_allowances", "holiday_base"),
}


class _ExtraRate:
    """The hourly rate of overtime and weekend/holiday work: bare, or with the month's compensatory and
    incentive payments (allowances, long-service allowance, monthly bonus), as the law of the month says."""

    def __init__(
        self,
        tr: Trace,
        hourly: Decimal,
        salary_pay: Decimal,
        extras: list[Line],
        on: date,
        country: str,
        overtime_base: str | None,
        holiday_base: str | None,
    ) -> None:
        self.tr, self.hourly, self.salary_pay, self.on, self.country = tr, hourly, salary_pay, on, country
        self.extras = sum((x.amount for x in extras), ZERO)
        self.bases = {"overtime": overtime_base, "holiday": holiday_base}
        for kind, base in self.bases.items():
            if base not in (None, "pay", "tariff"):
                raise InputError(
                    _("The base of overtime and holiday pay must be pay (with allowances) or tariff (the bare rate)."),
                    EXTRA_BASES[kind][1],
                )
        self.value: Decimal | None = None

    def rate(self, kind: str) -> tuple[str, Decimal]:
        """(name of the rate in the explanation, the rate) for ``kind`` ("overtime" or "holiday")."""
        rule = rulebook(self.country).lookup(EXTRA_BASES[kind][0], self.on)
        base = self.bases[kind] or ("pay" if rule.value else "tariff")
        if base == "tariff" or not self.extras or not self.salary_pay:
            return "hourly_rate", self.hourly
        if self.value is None:
            with_extras = self.tr.calc(
                "pay_with_allowances",
                "salary_pay + extra_payments",
                rounding="none",
                salary_pay=self.salary_pay,
                extra_payments=Q(self.extras, "rub", _("allowances, long-service allowance and monthly bonus")),
            )
            self.value = self.tr.calc(
                "extra_rate",
                "hourly_rate * pay_with_allowances / salary_pay",
                hourly_rate=self.hourly,
                pay_with_allowances=with_extras,
                salary_pay=self.salary_pay,
                rules=[rule],
                note=EXTRA_NOTE,
            )
        return "extra_rate", self.value


EXTRA_NOTE = _(
    "Overtime and weekend or holiday work are paid on the rate with the compensatory and incentive payments of "
    "the pay system (allowances, long-service allowance, the monthly bonus; not one-off bonuses): Labour Code art. 152 "
    "and 153, Constitutional Court rulings 26-P of 28.06.2018 and 35-P of 27.06.2023. The night surcharge is "
    "left out: it pays particular hours.",
)


def _given(value: Any) -> bool:
    """True unless the value is empty or zero (bad values count as given: they are checked later)."""
    if value in (None, "", (), []):
        return False
    if isinstance(value, list | tuple):
        return True
    try:
        return dec(value) != 0
    except (ArithmeticError, TypeError, ValueError):
        return True


def _allowance(tr: Trace, a: Allowance, i: int, pay: Decimal, share: Decimal, salary: Decimal) -> tuple[Line, Decimal]:
    """The allowance's line for time worked, and its amount for a whole month (for the advance)."""
    label = a.text()
    if (a.percent is None) == (a.amount is None):
        raise InputError(_("Allowance '{name}': give either a percentage or an amount.", name=label), "allowances")
    if a.percent is not None:
        p = rate(a.percent, "allowances", _("allowance '{name}'", name=label), high=10)
        v = tr.calc(
            "allowance",
            "salary_pay * allowance_percent",
            label=label,
            salary_pay=pay,
            allowance_percent=Q(p, "rate", _("allowance percentage")),
        )
        return Line(f"allowance_{i}", label, v), round_to(salary * p, "kopeck")
    amt = amount(a.amount, "allowances", _("allowance '{name}'", name=label))
    if not a.prorate:
        v = tr.given("allowance", amt, label=label)
    elif a.worked is not None:
        w = number(a.worked, "allowances", _("the shifts or days worked"), low=0, high=744)
        pl = number(a.planned, "allowances", _("the planned shifts or days"), low=1, high=744)
        if w > pl:
            raise InputError(
                _(
                    "Allowance '{name}': {worked} worked is more than planned ({planned}).",
                    name=label,
                    worked=lambda lang: num(w, lang),
                    planned=lambda lang: num(pl, lang),
                ),
                "allowances",
            )
        v = tr.calc(
            "allowance",
            "allowance_amount / planned_units * worked_units",
            label=label,
            allowance_amount=Q(amt, "rub", _("monthly amount")),
            planned_units=Q(pl, "number", _("planned")),
            worked_units=Q(w, "number", _("worked")),
        )
    else:
        v = tr.calc(
            "allowance",
            "allowance_amount * worked_share",
            label=label,
            allowance_amount=Q(amt, "rub", _("monthly amount")),
            worked_share=Q(share, "number", _("share of time worked")),
        )
    return Line(f"allowance_{i}", label, v), amt


@dataclass(frozen=True, kw_only=True)
class Payslip(Explained):
    year: int
    month: int
    lines: tuple[Line, ...]
    gross: Decimal
    ndfl: Decimal
    net: Decimal
    advance: AdvanceResult
    final_payment: Decimal
    cost: MonthCost
    hourly_rate: Decimal

    @property
    def contributions(self) -> Decimal:
        return self.cost.contributions

    @property
    def total_cost(self) -> Decimal:
        return self.cost.total_cost


def payslip(
    salary: Any,
    year: int,
    month: int,
    *,
    prior_months: Sequence[Any] | None = None,
    prior_northern: Sequence[Any] | None = None,
    advance_method: str = "days",
    advance_salary_only: bool = False,
    advance_percent: Any = None,
    advance_basis: str | None = None,
    kind: str = "general",
    accident_rate: Any = None,
    accident_class: Any = None,
    children: Any = 0,
    sole_parent: bool = False,
    resident: bool = True,
    country: str = "ru",
    **pay: Any,
) -> Payslip:
    """The payslip of one month. ``pay`` takes the arguments of :func:`pay_lines`.

    ``prior_months``: gross pay of each earlier month of the year (default: the same as this month),
    used for the cumulative НДФЛ and the contribution caps; ``prior_northern``: the district
    coefficient and northern allowance within each of them (a separate НДФЛ base from 2025; default:
    the same share of each month's pay as this month's coefficient and allowance give).
    The advance includes the allowances for time worked and the regional pay on them (Ministry of
    Labour letters of 2017 and 2019) unless ``advance_salary_only``.
    """
    rulebook(country).check_year(year)
    check_month(year, month, country)
    pl = pay_lines(salary, year, month, country=country, **pay)
    gross = pl.gross
    north = pl.northern
    coef, north_rate = regional(pay.get("district_coef", 1), pay.get("northern_percent", 0))
    extra: list[Step] = []
    if prior_months is None:
        gross_list, north_list = [gross] * month, [north] * month
    else:
        prior = amounts(prior_months, "prior_months", _("earlier months' pay"))
        if len(prior) != month - 1:
            raise InputError(_("The pay of {month} earlier months is needed.", month=month - 1), "prior_months")
        gross_list = [*prior, gross]
        north_list = [*_prior_northern(prior, prior_northern, coef, north_rate, extra), north]
    yr = year_payroll(
        gross_list,
        year,
        kind=kind,
        accident_rate=accident_rate,
        accident_class=accident_class,
        resident=resident,
        children=children,
        sole_parent=sole_parent,
        northern=north_list,
        country=country,
    )
    cost = yr.month(month)
    prior_income = sum(gross_list[:-1], ZERO)
    adv = advance(
        salary,
        year,
        month,
        method=advance_method,
        percent=advance_percent,
        basis=advance_basis,
        month_gross=gross,
        prior_income=prior_income,
        prior_northern=sum(north_list[:-1], ZERO),
        resident=resident,
        month_ndfl=cost.ndfl,
        allowances=pl.advance_allowances,
        district_coef=coef,
        northern_percent=north_rate,
        salary_only=advance_salary_only,
        days_worked=_advance_days(pay.get("days_worked"), year, month, country),
        country=country,
    )
    steps = (
        *pl.steps,
        *extra,
        *(x for x in cost.steps if x.key != "gross"),
        *(x for x in adv.steps if x.key not in ("month_gross", "month_ndfl", "prior_income", "prior_northern")),
    )
    return Payslip(
        year=year,
        month=month,
        lines=pl.lines,
        gross=gross,
        ndfl=cost.ndfl,
        net=cost.net,
        advance=adv,
        final_payment=adv.final_payment,
        cost=cost,
        hourly_rate=pl.hourly_rate,
        steps=steps,
    )


def _prior_northern(
    prior: list[Decimal], given: Sequence[Any] | None, coef: Decimal, north: Decimal, extra: list[Step]
) -> list[Decimal]:
    """The district and northern part of each earlier month: as given, else that month's pay × this month's share."""
    if given is not None:
        what = pgettext("what to enter", "the earlier months' northern part")
        out = [amount(x, "prior_northern", what) for x in given]
        if len(out) != len(prior):
            raise InputError(_("The northern part is needed for every earlier month."), "prior_northern")
        if any(n > g for n, g in zip(out, prior, strict=True)):
            raise InputError(_("The northern part cannot exceed the month's gross pay."), "prior_northern")
        return out
    factor = coef + north
    if factor == 1:
        return [ZERO] * len(prior)
    tr = Trace()
    share = tr.calc(
        "regional_share",
        "(district_coef - 1 + northern_percent) / (district_coef + northern_percent)",
        rounding="none",
        district_coef=coef,
        northern_percent=north,
        source=NORTHERN_BASE,
        note=_(
            "The district and northern part of each earlier month is taken as this share of its pay (the same "
            "coefficient and allowance all year); give it month by month if it differed.",
        ),
    )
    out = [round_to(g * share, "kopeck") for g in prior]
    tr.given("prior_northern", sum(out, ZERO), source=NORTHERN_BASE)
    extra.extend(tr.steps)
    return out


def _advance_days(days_worked: Any, year: int, month: int, country: str) -> Decimal | None:
    """Days worked in the first half when the month has fewer days worked than the first half's working days."""
    if days_worked is None:
        return None
    half_end = int(rulebook(country).value("labour.advance_first_half_end", date(year, month, 1)))
    half = working_days_between(date(year, month, 1), date(year, month, half_end), country)
    worked = dec(days_worked)
    return worked if worked < half else None
