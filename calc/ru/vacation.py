"""Leave pay (ТК РФ ст. 114, 139): days × average daily earnings, НДФЛ, contributions, when due.

- Leave days: calendar days of the leave; non-working public holidays inside it are not counted and
  not paid, and a leave given by its length is extended over them (ТК ст. 120 ч. 1, holidays of ст. 112
  from the production calendar). Transferred days off are ordinary leave days.
- Amount = average daily earnings for leave (п. 10 of the average-earnings regulation) × leave days,
  kopecks half up. НДФЛ on the whole payment when paid (НК ст. 223 п. 1 пп. 1, ст. 226), in whole
  rubles; contributions in the month accrued (НК ст. 424 п. 1).
- Due at the latest 3 calendar days before the leave starts (ТК ст. 136 ч. 9); on a weekend or
  holiday, the working day before.
- A leave crossing a month or a year: the part of each month (the employer's expense by month), the
  kopecks of the parts adding up exactly to the total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import a_date, amount, number
from calc.core.rules import rulebook
from calc.core.text import T, day, month_name
from calc.ru.average_earnings import LAW_139, Bonus, PayRise, PeriodMonth, average_earnings, decree
from calc.ru.calendar import calendar_rule, month_days
from calc.ru.income_tax import resident_flag
from calc.ru.payment import average_pay_northern, payment_contributions, payment_ndfl

LAW_120 = _("Labour Code art. 120 part 1")
NON_WORKING = ("weekend", "holiday", "day_off")


def _kind(d: date, country: str) -> str:
    """The kind of a day in the production calendar (working, weekend, holiday…)."""
    rulebook(country).check_date(d)
    return _month_kinds(d.year, d.month, country)[d.day - 1]


@cache
def _month_kinds(year: int, month: int, country: str) -> tuple[str, ...]:
    return tuple(d.kind for d in month_days(year, month, country))


def leave_span(start: date, days: Any = None, end: date | None = None, country: str = "ru") -> tuple[date, list[date]]:
    """The last day of a leave and the public holidays inside it (not counted, ТК ст. 120).

    Give ``days`` (the leave's length in calendar days: extended over holidays) or ``end``.
    """
    start = a_date(start, "start", _("the first day of the leave"))
    rulebook(country).check_date(start)
    if (days is None) == (end is None):
        raise InputError(_("Give either the length of the leave or its last day."), "days")
    if end is not None:
        end = a_date(end, "end", _("the last day of the leave"))
        if end < start:
            raise InputError(
                _(
                    "The leave ends ({end}) before it starts ({start}).",
                    end=lambda lang, end=end: day(end, lang),
                    start=lambda lang, start=start: day(start, lang),
                ),
                "end",
            )
        n_cal = (end - start).days + 1
        if n_cal > 366:
            raise InputError(_("The leave is longer than a year."), "end")
        span = [start + timedelta(days=i) for i in range(n_cal)]
        return end, [d for d in span if _kind(d, country) == "holiday"]
    n = int(number(days, "days", _("the length of the leave"), low=1, high=366, integer=True))
    counted, d, holidays = 0, start, []
    while True:
        if _kind(d, country) == "holiday":
            holidays.append(d)
        else:
            counted += 1
            if counted == n:
                return d, holidays
        d += timedelta(days=1)


def pay_deadline(start: date, country: str = "ru") -> date:
    """The last day leave pay may be paid: 3 calendar days before the leave, a working day (ТК ст. 136 ч. 9)."""
    rb = rulebook(country)
    rule = rb.value("leave.pay_days_before", start)
    d = start - timedelta(days=int(rule["days"]))
    while rule["non_working"] == "earlier" and d >= rb.covered_from and _kind(d, country) in NON_WORKING:
        d -= timedelta(days=1)
    return d


@dataclass(frozen=True)
class LeaveMonth:
    """The part of a leave in one calendar month: the employer's expense of that month."""

    year: int
    month: int
    days: int
    amount: Decimal


@dataclass(frozen=True, kw_only=True)
class VacationPay(Explained):
    start: date
    end: date
    calendar_days: int
    holidays: tuple[date, ...]
    days: int
    average_daily: Decimal
    gross: Decimal
    ndfl: Decimal
    net: Decimal
    pay_by: date
    paid_on: date
    contributions: Decimal
    by_fund: dict[str, Decimal]
    accident: Decimal
    by_month: tuple[LeaveMonth, ...]


def vacation_pay(
    start: date,
    days: Any = None,
    *,
    end: date | None = None,
    average_daily: Any = None,
    months: Sequence[PeriodMonth] | None = None,
    bonuses: Sequence[Bonus] = (),
    pay_rise: PayRise | None = None,
    paid_on: date | None = None,
    prior_income: Any = 0,
    prior_base: Any = None,
    month_pay: Any = 0,
    kind: str = "general",
    accident_class: Any = None,
    resident: bool = True,
    district_coef: Any = 1,
    northern_percent: Any = 0,
    prior_northern: Any = 0,
    country: str = "ru",
) -> VacationPay:
    """Leave pay for a leave from ``start`` of ``days`` calendar days (or up to ``end``).

    Average: ``average_daily`` given, or computed from the billing period's ``months`` (with
    ``bonuses`` and ``pay_rise``). ``paid_on``: the day it is paid (default: the last day allowed);
    ``prior_income``: income earlier in that year (for НДФЛ); ``prior_base``: the contribution base of
    the earlier months of that year (default ``prior_income``); ``month_pay``: other pay of that month.
    ``district_coef`` / ``northern_percent`` of the worker's pay and ``prior_northern`` (that part of
    ``prior_income``): from 2026 the regional part of leave pay is taxed on the separate base.
    """
    resident = resident_flag(resident)
    last, holidays = leave_span(start, days, end, country)
    tr = Trace()
    if average_daily is not None:
        avg = tr.given(
            "average_daily",
            amount(average_daily, "average_daily", _("the average daily earnings")),
            source=LAW_139,
            rules=[decree(start, country)],
        )
    elif months is not None:
        avg = average_earnings(start, months, bonuses=bonuses, pay_rise=pay_rise, country=country, trace=tr).leave_daily
    else:
        raise InputError(
            _("Give the average daily earnings or the billing period's pay month by month."),
            "average_daily",
        )
    rules = [calendar_rule(y, country) for y in range(start.year, last.year + 1)]
    cal_days = (last - start).days + 1
    tr.given(
        "leave_calendar_days",
        cal_days,
        note=_(
            "{start} – {last}",
            start=lambda lang, start=start: day(start, lang),
            last=lambda lang, last=last: day(last, lang),
        ),
    )
    hol = tr.given(
        "leave_holidays",
        len(holidays),
        source=LAW_120,
        rules=rules,
        note=T(", ".join(day(d, "ru") for d in holidays) or "нет", ", ".join(day(d, "en") for d in holidays) or "none"),
    )
    n = tr.calc(
        "leave_days",
        "leave_calendar_days - leave_holidays",
        rounding="none",
        leave_calendar_days=cal_days,
        leave_holidays=hol,
        source=LAW_120,
    )
    gross = tr.calc("vacation_pay", "average_daily * leave_days", average_daily=avg, leave_days=n, source=LAW_139)
    by_month = _by_month(tr, start, last, set(holidays), avg, gross)
    pay_by = pay_deadline(start, country)
    tr.given(
        "pay_by",
        int(rulebook(country).value("leave.pay_days_before", start)["days"]),
        label=_("Pay at the latest … before the leave starts"),
        unit="days",
        rules=[rulebook(country).lookup("leave.pay_days_before", start)],
        note=_("by {pay_by}", pay_by=lambda lang, pay_by=pay_by: day(pay_by, lang)),
    )
    when = pay_by if paid_on is None else a_date(paid_on, "paid_on", _("the payment date"))
    rulebook(country).check_date(when)
    if when > start:
        raise InputError(_("Leave pay is paid before the leave starts."), "paid_on")
    prior = amount(prior_income, "prior_income", _("the income earlier this year"))
    north = average_pay_northern(tr, "vacation_pay", gross, when, district_coef, northern_percent, country)
    prior_north = amount(prior_northern, "prior_northern", _("the northern part of that income"))
    tax = payment_ndfl(tr, gross, prior, when.year, resident, country, northern=north, prior_northern=prior_north)
    net = tr.calc("net", "vacation_pay - ndfl_payment", rounding="none", vacation_pay=gross, ndfl_payment=tax)
    c = payment_contributions(
        tr,
        gross,
        when,
        prior_base=prior if prior_base is None else prior_base,
        month_pay=month_pay,
        kind=kind,
        accident_class=accident_class,
        country=country,
    )
    return VacationPay(
        start=start,
        end=last,
        calendar_days=cal_days,
        holidays=tuple(holidays),
        days=int(n),
        average_daily=avg,
        gross=gross,
        ndfl=tax,
        net=net,
        pay_by=pay_by,
        paid_on=when,
        contributions=c.total,
        by_fund=c.by_fund,
        accident=c.accident,
        by_month=by_month,
        steps=tuple(tr.steps),
    )


def _by_month(
    tr: Trace, start: date, end: date, holidays: set[date], avg: Decimal, gross: Decimal
) -> tuple[LeaveMonth, ...]:
    """The leave's days and pay in each calendar month; the last month takes the kopeck remainder."""
    counts: dict[tuple[int, int], int] = {}
    d = start
    while d <= end:
        if d not in holidays:
            counts[(d.year, d.month)] = counts.get((d.year, d.month), 0) + 1
        d += timedelta(days=1)
    if len(counts) == 1:
        (y, m), k = next(iter(counts.items()))
        return (LeaveMonth(y, m, k, gross),)
    out: list[LeaveMonth] = []
    rest = gross
    for i, ((y, m), k) in enumerate(counts.items()):
        label = _("Leave pay for {m}", m=lambda lang, m=m, y=y: month_name(m, lang, y))
        if i < len(counts) - 1:
            part = tr.calc(
                "month_leave_pay",
                "average_daily * month_leave_days",
                label=label,
                average_daily=avg,
                month_leave_days=k,
            )
            rest -= part
        else:
            part = tr.calc(
                "month_leave_pay",
                "vacation_pay - earlier_months",
                rounding="kopeck",
                label=label,
                vacation_pay=gross,
                earlier_months=Q(gross - rest, "rub", _("earlier months")),
            )
        out.append(LeaveMonth(y, m, k, part))
    return tuple(out)
