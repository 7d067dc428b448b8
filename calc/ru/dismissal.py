"""The final settlement on dismissal (ТК РФ ст. 140): pay for time worked in the last month with its
allowances, compensation for unused leave (ст. 127) at average daily earnings (ст. 139), НДФЛ, net.

- Average daily earnings for leave = earnings of the 12 months before / (12 × 29.3); a partly worked
  month counts 29.3 / calendar days × calendar days worked (29.4 before 02.04.2014).
- Unused leave: 28 days a year → 28 / 12 per month of the working year; a remainder under half a
  month is dropped, half a month or more counts as a month (Leave Rules of 1930 p. 35). The days
  are rounded up to hundredths, in the worker's favour (``method="exact"``); ``method="2.33"`` uses
  the rounded 2.33 days a month that many payroll departments use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, amount, dec, number
from calc.core.rules import rulebook
from calc.ru.income_tax import NDFL_226, ndfl_detail
from calc.ru.payslip import Line, pay_lines

LAW_139 = _("Labour Code art. 139; regulation on computing average earnings")
LAW_127 = _("Labour Code art. 127")


@dataclass(frozen=True, kw_only=True)
class Average(Explained):
    average_daily: Decimal
    divisor: Decimal


def average_daily_earnings(
    earnings: Any,
    on: date,
    *,
    full_months: Any = 12,
    part_months: Iterable[tuple[Any, Any]] = (),
    country: str = "ru",
    trace: Trace | None = None,
) -> Average:
    """Average daily earnings for leave pay and compensation.

    ``part_months``: (calendar days in the month, calendar days counted) for each partly worked month.
    """
    rb = rulebook(country)
    e = amount(earnings, "earnings_12m", "заработок за 12 месяцев", "the 12 months' earnings")
    full = number(full_months, "full_months", "полные месяцы", "the full months", low=0, high=12, integer=True)
    avg_rule = rb.lookup("labour.avg_month_days", on)
    k = dec(avg_rule.value)
    tr = trace or Trace()
    parts = ZERO
    part_months = list(part_months)
    for cal, counted in part_months:
        c = number(cal, "part_months", "число дней в месяце", "the days in the month", low=28, high=31, integer=True)
        d = number(counted, "part_months", "учтённые дни", "days counted", low=0, high=c)
        parts += k / c * d
    if full + len(part_months) > 12:
        raise InputError(_("The reference period has at most 12 months."), "part_months")
    tr.given("avg_month_days", k, rules=[avg_rule])
    divisor = tr.calc(
        "avg_divisor",
        "avg_month_days * full_months + part_month_days",
        rounding="none",
        avg_month_days=k,
        full_months=full,
        part_month_days=parts,
    )
    if divisor <= 0:
        raise InputError(_("No time worked in the reference period."), "full_months")
    avg = tr.calc("average_daily", "earnings_12m / avg_divisor", earnings_12m=e, avg_divisor=divisor, source=LAW_139)
    return Average(average_daily=avg, divisor=divisor, steps=tuple(tr.steps))


def leave_months(start: date, end: date, country: str = "ru") -> int:
    """Months of a working year from ``start`` to ``end`` inclusive, with the half-month rule."""
    if end < start:
        raise InputError(_("The end date is before the start date."), "dates")
    rd = relativedelta(end + timedelta(days=1), start)
    half = int(rulebook(country).value("labour.leave_half_month_rule", end)["drop_below_days"])
    return rd.years * 12 + rd.months + (1 if rd.days >= half else 0)


@dataclass(frozen=True, kw_only=True)
class Leave(Explained):
    days: Decimal


def unused_leave_days(
    months: Any,
    on: date,
    *,
    used_days: Any = 0,
    leave_days: Any = None,
    method: str = "exact",
    country: str = "ru",
    trace: Trace | None = None,
) -> Leave:
    """Unused leave days: leave days a year / 12 × months − days used."""
    rb = rulebook(country)
    m = number(
        months, "leave_months", "месяцы для отпуска", "the months counting for leave", low=0, high=600, integer=True
    )
    used = number(used_days, "leave_days_used", "использованные дни отпуска", "the leave days used", low=0, high=10000)
    rule = rb.lookup("labour.annual_leave_days", on)
    per_year = (
        dec(rule.value)
        if leave_days is None
        else number(leave_days, "leave_days_year", "дни отпуска в году", "the leave days a year", low=28, high=100)
    )
    tr = trace or Trace()
    tr.given("leave_days_year", per_year, rules=[rule])
    if method == "exact":
        earned = tr.calc(
            "leave_days_earned",
            "leave_days_year / 12 * leave_months",
            rounding="hundredth_up",
            leave_days_year=per_year,
            leave_months=m,
            source=LAW_127,
        )
    elif method == "2.33":
        earned = tr.calc(
            "leave_days_earned",
            "per_month * leave_months",
            rounding="none",
            per_month=Q(Decimal("2.33"), "days", _("days a month (rounded)")),
            leave_months=m,
            source=LAW_127,
        )
    else:
        raise InputError(_("Method: exact (28/12 a month) or 2.33."), "method")
    days = tr.calc(
        "unused_days",
        "max(leave_days_earned - leave_days_used, 0)",
        rounding="none",
        leave_days_earned=earned,
        leave_days_used=used,
    )
    return Leave(days=days, steps=tuple(tr.steps))


@dataclass(frozen=True, kw_only=True)
class Settlement(Explained):
    dismissal: date
    lines: tuple[Line, ...]
    pay: Decimal  # pay for time worked in the last month
    average_daily: Decimal
    unused_days: Decimal
    compensation: Decimal
    gross: Decimal
    ndfl: Decimal
    net: Decimal


def final_settlement(
    dismissal: date,
    salary: Any,
    *,
    average_daily: Any = None,
    earnings_12m: Any = None,
    full_months: Any = 12,
    part_months: Iterable[tuple[Any, Any]] = (),
    unused_days: Any = None,
    months_for_leave: Any = None,
    used_days: Any = 0,
    leave_method: str = "exact",
    prior_income: Any = 0,
    resident: bool = True,
    country: str = "ru",
    **pay: Any,
) -> Settlement:
    """Everything due on the day of dismissal, with НДФЛ and the net amount.

    Leave: give ``unused_days``, or ``months_for_leave`` (and ``used_days``) to compute them.
    Average: give ``average_daily``, or ``earnings_12m`` (and ``full_months`` / ``part_months``).
    ``pay`` takes the arguments of :func:`calc.ru.payslip.pay_lines` for the last month (days or hours
    worked up to and including the day of dismissal, allowances…).
    """
    if not isinstance(dismissal, date):
        raise InputError(_("Please give the dismissal date."), "dismissal")
    rb = rulebook(country)
    rb.check_date(dismissal)
    pl = pay_lines(salary, dismissal.year, dismissal.month, last_day=dismissal, country=country, **pay)
    tr = Trace(list(pl.steps))
    if average_daily is not None:
        avg = tr.given(
            "average_daily",
            amount(average_daily, "average_daily", "средний дневной заработок", "the average daily earnings"),
            source=LAW_139,
        )
    elif earnings_12m is not None:
        avg = average_daily_earnings(
            earnings_12m, dismissal, full_months=full_months, part_months=part_months, country=country, trace=tr
        ).average_daily
    else:
        raise InputError(_("Give the average daily earnings or the earnings of the 12 months."), "average_daily")
    if unused_days is not None:
        days = tr.given(
            "unused_days",
            number(
                unused_days, "unused_days", "неиспользованные дни отпуска", "the unused leave days", low=0, high=1000
            ),
        )
    elif months_for_leave is not None:
        days = unused_leave_days(
            months_for_leave, dismissal, used_days=used_days, method=leave_method, country=country, trace=tr
        ).days
    else:
        raise InputError(_("Give the unused leave days or the months of the working year."), "unused_days")
    comp = tr.calc(
        "leave_compensation", "average_daily * unused_days", average_daily=avg, unused_days=days, source=LAW_127
    )
    lines = (
        *pl.lines,
        Line(
            "leave_compensation",
            _("Compensation for unused leave"),
            comp,
            regional=False,
        ),
    )
    gross = tr.calc(
        "settlement_gross",
        "pay + leave_compensation",
        rounding="none",
        pay=Q(pl.gross, "rub", _("pay for the last month")),
        leave_compensation=comp,
    )
    prior = amount(prior_income, "prior_income", "доход с начала года", "the income earlier this year")
    year = dismissal.year
    to_date = tr.calc(
        "income_to_date", "prior_income + settlement_gross", rounding="none", prior_income=prior, settlement_gross=gross
    )
    tax_to_date = ndfl_detail(to_date, year, resident, country=country, trace=tr, key="ndfl_to_date").tax
    tax_before = ndfl_detail(prior, year, resident, country=country, trace=tr, key="ndfl_before").tax if prior else ZERO
    tax = tr.calc(
        "ndfl",
        "ndfl_to_date - ndfl_before",
        rounding="none",
        ndfl_to_date=tax_to_date,
        ndfl_before=tax_before,
        source=NDFL_226,
        rules=[
            rb.lookup("ndfl.resident_scale" if resident else "ndfl.nonresident_rate", date(year, 1, 1)),
            rb.lookup("ndfl.rounding", date(year, 1, 1)),
        ],
    )
    net = tr.calc(
        "net",
        "settlement_gross - ndfl",
        rounding="none",
        settlement_gross=gross,
        ndfl=tax,
        source=_("Labour Code art. 140"),
    )
    return Settlement(
        dismissal=dismissal,
        lines=lines,
        pay=pl.gross,
        average_daily=avg,
        unused_days=days,
        compensation=comp,
        gross=gross,
        ndfl=tax,
        net=net,
        steps=tuple(tr.steps),
    )
