"""The final settlement on dismissal (ТК РФ ст. 140): pay for time worked in the last month with its
allowances, compensation for unused leave (ст. 127) at average daily earnings (ст. 139), НДФЛ, net.

- Average daily earnings for leave = earnings of the 12 months before / (12 × 29.3); a partly worked
  month counts 29.3 / calendar days × calendar days worked (29.4 before 02.04.2014).
- Unused leave: 28 days a year → 28 / 12 per month of the working year; a remainder under half a
  month is dropped, half a month or more counts as a month (Leave Rules of 1930 para. 35). The days
  are rounded up to hundredths, in the worker's favour (``method="exact"``); ``method="2.33"`` uses
  the rounded 2.33 days a month that many payroll departments use. A last working year of 11
  months (5½ for the grounds of para. 28, e.g. redundancy) earns the full year's leave.
- With a ground of dismissal: severance pay and kept average earnings (``calc.severance``), each
  payment with its date and НДФЛ. Average earnings: ``calc.average_earnings``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, a_date, amount, date_order, dec, number
from calc.core.rules import Dated, rulebook
from calc.ru.average_earnings import (  # noqa: F401 (Average: public here before)
    LAW_139,
    Average,
    Bonus,
    PayRise,
    PeriodMonth,
    average_daily_earnings,
    average_earnings,
)
from calc.ru.payment import average_pay_northern, payment_ndfl
from calc.ru.payslip import Line, pay_lines
from calc.ru.severance import LAW_217, DuePayment, SeveranceResult, severance_pay
from calc.ru.severance import ground as severance_ground

LAW_127 = _("Labour Code art. 127")


def leave_months(start: date, end: date, country: str = "ru") -> int:
    """Months of a working year from ``start`` to ``end`` inclusive, with the half-month rule."""
    start = a_date(start, "start", _("the start date"))
    end = a_date(end, "end", _("the end date"))
    date_order(start, end, "end")
    rulebook(country).check_date(start)
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
    ground: str | None = None,
    country: str = "ru",
    trace: Trace | None = None,
) -> Leave:
    """Unused leave days: leave days a year / 12 × months − days used.

    A last working year of 11 months or more (from 5½ months for the grounds of the 1930 Leave
    Rules para. 28, e.g. redundancy) earns the full year's leave.
    """
    rb = rulebook(country)
    m = number(
        months, "leave_months", _("the months counting for leave"), low=0, high=600, integer=True
    )
    used = number(used_days, "leave_days_used", _("the leave days used"), low=0, high=10000)
    rule = rb.lookup("labour.annual_leave_days", on)
    per_year = (
        dec(rule.value)
        if leave_days is None
        else number(leave_days, "leave_days_year", _("the leave days a year"), low=28, high=100)
    )
    tr = trace or Trace()
    tr.given("leave_days_year", per_year, rules=[rule])
    if method not in ("exact", "2.33"):
        raise InputError(_("Method: exact (28/12 a month) or 2.33."), "method")
    full = _full_years(int(m), on, ground, country)
    if full is not None:
        years, full_rule = full
        earned = tr.calc(
            "leave_days_earned",
            "leave_days_year * working_years",
            rounding="none",
            leave_days_year=per_year,
            working_years=Q(years, "years", _("working years (the last in full)")),
            source=LAW_127,
            rules=[full_rule],
        )
    elif method == "exact":
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
    days = tr.calc(
        "unused_days",
        "max(leave_days_earned - leave_days_used, 0)",
        rounding="none",
        leave_days_earned=earned,
        leave_days_used=used,
    )
    return Leave(days=days, steps=tuple(tr.steps))


def _full_years(months: int, on: date, ground: str | None, country: str) -> tuple[int, Dated] | None:
    """Working years to pay in full when the last one reaches the months of the 1930 Leave Rules para. 28."""
    rule = rulebook(country).lookup("leave.full_compensation_months", on)
    years, rest = divmod(months, 12)
    listed = ground is not None and severance_ground(ground, on, country).full_leave
    if rest and (rest >= int(rule.value["all"]) or (listed and rest >= int(rule.value["listed_grounds"]))):
        return years + 1, rule
    return None


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
    # every payment due with its date and НДФЛ: the dismissal day's, then kept earnings month by month
    payments: tuple[DuePayment, ...] = ()
    severance: SeveranceResult | None = None


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
    prior_northern: Any = 0,
    resident: bool = True,
    ground: str | None = None,
    far_north: bool = False,
    service_months: Any = 0,
    employed_on: date | None = None,
    notice_ends: date | None = None,
    period_months: Sequence[PeriodMonth] | None = None,
    bonuses: Sequence[Bonus] = (),
    pay_rise: PayRise | None = None,
    average_daily_worked: Any = None,
    country: str = "ru",
    **pay: Any,
) -> Settlement:
    """Everything due on the day of dismissal, with НДФЛ and the net amount.

    Leave: give ``unused_days``, or ``months_for_leave`` (and ``used_days``) to compute them.
    Average: give ``average_daily``, or ``earnings_12m`` (and ``full_months`` / ``part_months``).
    ``pay`` takes the arguments of :func:`calc.ru.payslip.pay_lines` for the last month (days or hours
    worked up to and including the day of dismissal, allowances…).
    Or give the billing period month by month (``period_months``, ``bonuses``, ``pay_rise``): both
    averages come from it. ``ground`` (a key of :func:`calc.severance.grounds`) adds the severance pay
    and the kept average earnings (``far_north``, ``service_months``, ``employed_on``, ``notice_ends``; average per day
    worked: ``average_daily_worked`` or from ``period_months``) and the full-year leave rule.
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
            amount(average_daily, "average_daily", _("the average daily earnings")),
            source=LAW_139,
        )
    elif earnings_12m is not None:
        avg = average_daily_earnings(
            earnings_12m, dismissal, full_months=full_months, part_months=part_months, country=country, trace=tr
        ).average_daily
    elif period_months is not None:
        ae = average_earnings(dismissal, period_months, bonuses=bonuses, pay_rise=pay_rise, country=country, trace=tr)
        avg = ae.leave_daily
        average_daily_worked = ae.daily if average_daily_worked is None else average_daily_worked
    else:
        raise InputError(_("Give the average daily earnings or the earnings of the 12 months."), "average_daily")
    if unused_days is not None:
        days = tr.given(
            "unused_days",
            number(
                unused_days, "unused_days", _("the unused leave days"), low=0, high=1000
            ),
        )
    elif months_for_leave is not None:
        days = unused_leave_days(
            months_for_leave,
            dismissal,
            used_days=used_days,
            method=leave_method,
            ground=ground,
            country=country,
            trace=tr,
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
    prior = amount(prior_income, "prior_income", _("the income earlier this year"))
    prior_north = amount(prior_northern, "prior_northern", _("the northern part of that income"))
    if prior_north > prior:
        raise InputError(
            _("The district and northern part of earlier income cannot exceed that income."), "prior_northern"
        )
    year = dismissal.year
    coef_north = (pay.get("district_coef", 1), pay.get("northern_percent", 0))
    north = pl.northern + average_pay_northern(tr, "leave_compensation", comp, dismissal, *coef_north, country)
    tax = payment_ndfl(
        tr,
        gross,
        prior,
        year,
        resident,
        country,
        key="ndfl",
        taxable_name="settlement_gross",
        northern=north,
        prior_northern=prior_north,
    )
    to_date = prior + gross
    sev = None
    if ground is not None:
        sev = (
            severance_pay(
                dismissal,
                ground,
                average_daily=average_daily_worked,
                far_north=far_north,
                service_months=service_months,
                employed_on=employed_on,
                notice_ends=notice_ends,
                prior_income=to_date,
                prior_northern=prior_north + north,
                resident=resident,
                country=country,
                trace=tr,
            )
            if severance_ground(ground, dismissal, country).pay != "none"
            else None
        )
        gross, tax, lines = _with_severance(tr, sev, dismissal, gross, tax, lines)
    net = tr.calc(
        "net",
        "settlement_gross - ndfl",
        rounding="none",
        settlement_gross=gross,
        ndfl=tax,
        source=_("Labour Code art. 140"),
    )
    exempt = sum((p.exempt for p in sev.payments if p.due == dismissal), ZERO) if sev else ZERO
    day_payment = DuePayment(
        "dismissal_day",
        _("Final settlement on the dismissal day"),
        gross,
        dismissal,
        exempt=exempt,
        taxable=gross - exempt,
        ndfl=tax,
    )
    later = tuple(p for p in sev.payments if p.due > dismissal) if sev else ()
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
        payments=(day_payment, *later),
        severance=sev,
        steps=tuple(tr.steps),
    )


def _with_severance(
    tr: Trace, sev: SeveranceResult | None, dismissal: date, gross: Decimal, tax: Decimal, lines: tuple[Line, ...]
) -> tuple[Decimal, Decimal, tuple[Line, ...]]:
    """The dismissal day's total and НДФЛ with the severance pay paid that day (ТК ст. 140, 178)."""
    today = [p for p in sev.payments if p.due == dismissal] if sev else []
    if not today:
        return gross, tax, lines
    lines = (*lines, *(Line(p.key, p.label, p.amount, regional=False) for p in today))
    gross = tr.calc(
        "settlement_gross",
        "pay_and_compensation + severance_pay",
        rounding="none",
        pay_and_compensation=Q(gross, "rub", _("pay and leave compensation")),
        severance_pay=Q(
            sum((p.amount for p in today), ZERO),
            "rub",
            _("severance pay and compensations on dismissal"),
        ),
    )
    tax = tr.calc(
        "ndfl",
        "ndfl_pay + ndfl_severance",
        rounding="none",
        ndfl_pay=Q(tax, "rub", _("income tax on the pay and compensation")),
        ndfl_severance=Q(
            sum((p.ndfl for p in today), ZERO),
            "rub",
            _("income tax on the severance pay and compensations"),
        ),
        source=LAW_217,
    )
    return gross, tax, lines
