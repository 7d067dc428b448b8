"""Average earnings (ТК РФ ст. 139): the regulation of Decree 922 of 24.12.2007, from 01.09.2025 of
Decree 540 of 24.04.2025 (the same core method; the one in force on the event's date is cited).

- Billing period: the 12 calendar months before the month of the event (п. 4).
- Counted: the pay the caller gives for each month (п. 2–3), bonuses by п. 15, a pay rise by п. 16.
- Excluded time (п. 5: sick leave, earlier leave, downtime…): calendar days, as periods or counts.
- Leave and unused-leave compensation (п. 10): earnings / (29.3 × full months + Σ 29.3 / calendar
  days of the month × calendar days worked); 29.4 before 02.04.2014.
- Everything else, severance included (п. 9): earnings / days actually worked (five-day week).
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from dateutil.relativedelta import relativedelta

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, a_date, amount, dec, items_of, listed, number
from calc.core.rules import Dated, rulebook
from calc.core.text import T, Text, month_name
from calc.ru.calendar import calendar_rule, month_days

LAW_139 = _("Labour Code art. 139; regulation on computing average earnings")


def decree(on: date, country: str = "ru") -> Dated:
    """The average-earnings regulation in force on ``on`` (Decree 922, from 01.09.2025 Decree 540)."""
    return rulebook(country).lookup("average_earnings.decree", on)


@cache
def _month_label(year: int, month: int) -> Text:
    return T(month_name(month, "ru", year), month_name(month, "en", year))


def _law(on: date, point: str, country: str) -> Text:
    d = decree(on, country).value
    return _("Labour Code art. 139; {d}, p. {point}", d=lambda lang, d=d: d[lang], point=point)


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
    """Average daily earnings for leave pay and compensation (п. 10).

    ``part_months``: (calendar days in the month, calendar days counted) for each partly worked month.
    """
    rb = rulebook(country)
    e = amount(earnings, "earnings_12m", _("the 12 months' earnings"))
    full = number(full_months, "full_months", _("the full months"), low=0, high=12, integer=True)
    avg_rule = rb.lookup("labour.avg_month_days", on)
    k = dec(avg_rule.value)
    tr_ = trace or Trace()
    parts = ZERO
    part_months = listed(part_months, "part_months", _("the partly worked months"))
    for pair in part_months:
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InputError(
                _("Each partly worked month is a pair: (days in the month, days counted), e.g. (31, 10)."),
                "part_months",
            )
        cal, counted = pair
        c = number(cal, "part_months", _("the days in the month"), low=28, high=31, integer=True)
        d = number(counted, "part_months", _("days counted"), low=0, high=c)
        parts += k / c * d
    if full + len(part_months) > 12:
        raise InputError(_("The reference period has at most 12 months."), "part_months")
    tr_.given("avg_month_days", k, rules=[avg_rule])
    divisor = tr_.calc(
        "avg_divisor",
        "avg_month_days * full_months + part_month_days",
        rounding="none",
        avg_month_days=k,
        full_months=full,
        part_month_days=parts,
    )
    if divisor <= 0:
        raise InputError(_("No time worked in the reference period."), "full_months")
    avg = tr_.calc("average_daily", "earnings_12m / avg_divisor", earnings_12m=e, avg_divisor=divisor, source=LAW_139)
    return Average(average_daily=avg, divisor=divisor, steps=tuple(tr_.steps))


# --- the billing period month by month ------------------------------------------------------------


@dataclass(frozen=True)
class PeriodMonth:
    """One month of the billing period.

    ``pay``: the payments that count (п. 2–3), bonuses given separately as :class:`Bonus`.
    Excluded time (п. 5): ``excluded`` as (first, last) date periods and/or ``excluded_days`` as a
    count of calendar days. ``days_worked``: working days actually worked (needed for п. 9 and the
    pro-rating of bonuses when the exclusions are given only as a count). ``pay_before_rise``: the
    part of ``pay`` earned before a pay rise that falls inside this month (п. 16).
    """

    year: int
    month: int
    pay: Any = 0
    excluded_days: Any = 0
    excluded: tuple[tuple[date, date], ...] = ()
    days_worked: Any = None
    pay_before_rise: Any = None


BONUS_KINDS: dict[str, Text] = {
    "monthly": _("monthly bonus"),
    "quarterly": _("quarterly bonus"),
    "half_year": _("half-year bonus"),
    "annual": _("annual bonus"),
    "other": _("bonus for another period"),
}


@dataclass(frozen=True)
class Bonus:
    """A bonus accrued in the billing period (п. 15); the annual one for the previous calendar year.

    ``period``: the month (1–12), quarter (1–4) or half-year (1–2) it is for, in ``year``;
    ``indicator``: what it rewards (one bonus per indicator and period counts); ``months``: for
    ``kind="other"``, the months it is for (over 12: the monthly part for each month of the period).
    ``for_time_worked``: accrued for the time actually worked, so not pro-rated again.
    """

    amount: Any
    kind: str = "monthly"
    year: int = 0
    period: int = 1
    indicator: str = ""
    months: Any = None
    for_time_worked: bool = False


@dataclass(frozen=True)
class PayRise:
    """A pay rise in the organisation (п. 16): ``coefficient``, or the ``old`` and ``new`` salary."""

    on: date
    coefficient: Any = None
    old: Any = None
    new: Any = None

    def factor(self) -> Decimal:
        if self.coefficient is not None:
            return number(self.coefficient, "pay_rise", _("the rise coefficient"), low=1, high=10)
        if self.old is None or self.new is None:
            raise InputError(_("Pay rise: give the coefficient, or the old and the new salary."), "pay_rise")
        old = amount(self.old, "pay_rise", _("the old salary"), allow_zero=False)
        new = amount(self.new, "pay_rise", _("the new salary"), allow_zero=False)
        if new < old:
            raise InputError(_("Pay rise: the new salary is below the old one."), "pay_rise")
        return new / old


def billing_period(event: date, country: str = "ru") -> tuple[date, date]:
    """First and last day of the 12 calendar months before the month of ``event`` (п. 4)."""
    rb = rulebook(country)
    rb.check_date(event)
    n = int(rb.value("average_earnings.billing_period_months", event))
    first = date(event.year, event.month, 1) - relativedelta(months=n)
    return first, date(event.year, event.month, 1) - timedelta(days=1)


@dataclass(frozen=True)
class MonthFigures:
    """What the billing period's month counts: calendar and working days, days worked."""

    year: int
    month: int
    pay: Decimal
    calendar_days: int
    excluded_days: int
    norm_days: int
    days_worked: Decimal | None

    @property
    def full(self) -> bool:
        return self.excluded_days == 0


@dataclass(frozen=True, kw_only=True)
class AverageEarnings(Explained):
    """Both averages of one billing period: for leave (п. 10) and for everything else (п. 9)."""

    event: date
    period: tuple[date, date]
    months: tuple[MonthFigures, ...]
    earnings: Decimal
    leave_divisor: Decimal
    leave_daily: Decimal
    days_worked: Decimal | None
    daily: Decimal | None  # п. 9; None when the days worked are not known

    @property
    def average_daily(self) -> Decimal:
        return self.leave_daily


def _month_figures(m: PeriodMonth, first: date, last: date, country: str) -> MonthFigures:
    if not isinstance(m, PeriodMonth):
        raise InputError(_("Each month of the billing period is a PeriodMonth(year, month, pay, …)."), "months")
    if not _whole(m.year) or not _whole(m.month) or not 1 <= m.month <= 12:
        raise InputError(
            _("A month of the billing period is wrong: {month}/{year}.", month=m.month, year=m.year),
            "months",
        )
    start = date(m.year, m.month, 1)
    if not first <= start <= last:
        raise InputError(
            _(
                "The month {month} is outside the billing period {first}–{last}.",
                month=lambda lang: month_name(m.month, lang, m.year),
                first=lambda lang: month_name(first.month, lang, first.year),
                last=lambda lang: month_name(last.month, lang, last.year),
            ),
            "months",
        )
    where = f"{m.month:02d}.{m.year}"
    days = month_days(m.year, m.month, country)
    cal = len(days)
    pay = amount(m.pay, "months", T(f"заработок за {where}", f"the pay of {m.month:02d}/{m.year}"))
    off: set[date] = set()
    for period in m.excluded:
        a = a_date(period[0], "excluded", _("the start of the excluded period"))
        b = a_date(period[1], "excluded", _("the end of the excluded period"))
        if b < a:
            raise InputError(_("An excluded period ends before it starts."), "excluded")
        off |= {d.date for d in days if a <= d.date <= b}
    counted = number(
        m.excluded_days,
        "excluded_days",
        T(f"исключаемые дни за {where}", f"the excluded days of {m.month:02d}/{m.year}"),
        low=0,
        high=cal,
        integer=True,
    )
    excluded = len(off) + int(counted)
    if excluded > cal:
        raise InputError(
            _(
                "{excluded} days are excluded in {month}, but the month has {cal} calendar days.",
                excluded=excluded,
                month=lambda lang: month_name(m.month, lang, m.year),
                cal=cal,
            ),
            "excluded_days",
        )
    norm = sum(d.working for d in days)
    if m.days_worked is not None:
        worked: Decimal | None = number(
            m.days_worked,
            "days_worked",
            T(f"отработанные дни за {where}", f"the days worked in {m.month:02d}/{m.year}"),
            low=0,
            high=norm,
        )
    elif counted == 0:
        worked = Decimal(sum(d.working and d.date not in off for d in days))
    else:
        worked = None  # a count of calendar days does not say how many working days were missed
    return MonthFigures(m.year, m.month, pay, cal, excluded, norm, worked)


def _whole(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


PERIODS = {"monthly": 12, "quarterly": 4, "half_year": 2}


def _period_norm(first: date, last: date, country: str) -> int:
    total, d = 0, first
    while d <= last:
        total += sum(x.working for x in month_days(d.year, d.month, country))
        d += relativedelta(months=1)
    return total


def _check_bonuses(bonuses: Sequence[Bonus], event: date, first: date, last: date) -> None:
    seen: set[tuple[str, str, int, int]] = set()
    for b in bonuses:
        if not isinstance(b.kind, str) or b.kind not in BONUS_KINDS:
            raise InputError(
                _(
                    "Unknown bonus kind '{kind}'. Allowed: {bonus_kinds}.",
                    kind=b.kind,
                    bonus_kinds=', '.join(BONUS_KINDS),
                ),
                "bonuses",
            )
        top = PERIODS.get(b.kind)
        bad_year = not _whole(b.year) or (b.kind != "other" and b.year < 1900)
        if bad_year or (top and not (_whole(b.period) and 1 <= b.period <= top)):
            raise InputError(
                _("Bonus: give the year and the period ({kind}: 1 to {top}).", kind=BONUS_KINDS[b.kind], top=top),
                "bonuses",
            )
        if b.kind == "annual" and b.year != event.year - 1:
            raise InputError(
                _("An annual bonus counts only for the previous calendar year ({year}).", year=event.year - 1),
                "bonuses",
            )
        if b.kind == "monthly" and not first <= date(b.year, b.period, 1) <= last:
            raise InputError(
                _(
                    "The monthly bonus for {period:02d}/{year} is outside the billing period.",
                    period=b.period,
                    year=b.year,
                ),
                "bonuses",
            )
        key = (b.kind, b.indicator, b.year, b.period)
        if b.kind != "other" and key in seen:
            raise InputError(
                _(
                    "At most one bonus per indicator and period counts ({what}, {period}/{year}).",
                    what=BONUS_KINDS[b.kind],
                    period=b.period,
                    year=b.year,
                ),
                "bonuses",
            )
        seen.add(key)


def average_earnings(
    event: date,
    months: Sequence[PeriodMonth],
    *,
    bonuses: Sequence[Bonus] = (),
    pay_rise: PayRise | None = None,
    country: str = "ru",
    trace: Trace | None = None,
) -> AverageEarnings:
    """Average daily earnings of the billing period before ``event``: for leave (п. 10) and other cases (п. 9).

    Months of the period not given count as not worked (e.g. before the worker was hired).
    """
    event = a_date(event, "event", _("the date of the event"))
    first, last = billing_period(event, country)
    tr_ = trace or Trace()
    months = listed(months, "months", _("the months of the billing period"))
    bonuses = items_of(bonuses or (), Bonus, "bonuses", _("the bonuses"))
    if pay_rise is not None and not isinstance(pay_rise, PayRise):
        raise InputError(_("The pay rise is calc.PayRise(on, coefficient) or PayRise(on, old=…, new=…)."), "pay_rise")
    figs = [_month_figures(m, first, last, country) for m in months]
    if len({(f.year, f.month) for f in figs}) != len(figs):
        raise InputError(_("A month is given twice."), "months")
    rules = [decree(event, country), calendar_rule(first.year, country), calendar_rule(last.year, country)]
    law15, law16 = _law(event, "15", country), _law(event, "16", country)
    pay = tr_.calc(
        "period_pay",
        " + ".join(f"m{i}" for i in range(len(figs))) or "0",
        rounding="none",
        source=_law(event, "2–5", country),
        rules=rules[:1],
        **{f"m{i}": Q(f.pay, "rub", _month_label(f.year, f.month)) for i, f in enumerate(figs)},
    )
    after = pay_rise is not None and a_date(pay_rise.on, "pay_rise", _("the date of the rise")) > last
    if pay_rise is not None and not after:
        pay = _raise(tr_, pay, pay_rise, months, figs, event, first, last, law16)
    earnings = pay
    full = all(f.full for f in figs) and len(figs) == 12
    if bonuses:
        _check_bonuses(bonuses, event, first, last)
        earnings = _bonuses(tr_, pay, bonuses, figs, full, first, last, law15, country)
    if pay_rise is not None and after:
        earnings = _raise_after(tr_, earnings, pay_rise, event, law16)
    tr_.given("earnings_12m", earnings, source=LAW_139)
    parts = [(f.calendar_days, f.calendar_days - f.excluded_days) for f in figs if not f.full]
    leave = average_daily_earnings(
        earnings, event, full_months=sum(f.full for f in figs), part_months=parts, country=country, trace=tr_
    )
    worked: Decimal | None = None
    daily: Decimal | None = None
    if all(f.days_worked is not None for f in figs):
        worked = tr_.calc(
            "period_days_worked",
            " + ".join(f"d{i}" for i in range(len(figs))) or "0",
            rounding="none",
            rules=rules[1:],
            **{f"d{i}": Q(f.days_worked or 0, "days", _month_label(f.year, f.month)) for i, f in enumerate(figs)},
        )
        if worked > 0:
            daily = tr_.calc(
                "average_daily_worked",
                "earnings_12m / period_days_worked",
                earnings_12m=earnings,
                period_days_worked=worked,
                source=_law(event, "9", country),
            )
    return AverageEarnings(
        event=event,
        period=(first, last),
        months=tuple(figs),
        earnings=earnings,
        leave_divisor=leave.divisor,
        leave_daily=leave.average_daily,
        days_worked=worked,
        daily=daily,
        steps=tuple(tr_.steps),
    )


def _raise_after(tr_: Trace, earnings: Decimal, rise: PayRise, event: date, law: Text) -> Decimal:
    """п. 16: a rise after the billing period and up to the event raises the whole average."""
    if rise.on > event:
        raise InputError(
            _(
                "A rise after the event starts (e.g. during the leave) is not handled here: compute the parts "
                "separately.",
            ),
            "pay_rise",
        )
    k = tr_.given("rise_coefficient", rise.factor(), source=law)
    return tr_.calc(
        "period_pay_raised", "earnings_12m * rise_coefficient", earnings_12m=earnings, rise_coefficient=k, source=law
    )


def _raise(
    tr_: Trace,
    pay: Decimal,
    rise: PayRise,
    months: Sequence[PeriodMonth],
    figs: list[MonthFigures],
    event: date,
    first: date,
    last: date,
    law: Text,
) -> Decimal:
    """п. 16: pay earned before a rise inside the period × the coefficient."""
    on = a_date(rise.on, "pay_rise", _("the date of the rise"))
    k = rise.factor()
    if on <= first:
        raise InputError(
            _("A rise before the billing period does not change the average: leave it out."),
            "pay_rise",
        )
    before = ZERO
    for m, f in zip(months, figs, strict=True):
        if date(f.year, f.month, _cal.monthrange(f.year, f.month)[1]) < on:
            before += f.pay
        elif f.year == on.year and f.month == on.month and on.day > 1:
            if m.pay_before_rise is None:
                raise InputError(
                    _("A rise within a month: give that month's pay earned before the rise (pay_before_rise)."),
                    "pay_before_rise",
                )
            before += amount(
                m.pay_before_rise, "pay_before_rise", _("the pay before the rise"), maximum=f.pay
            )
    tr_.given("pay_before_rise", before, source=law)
    tr_.given("rise_coefficient", k, source=law)
    return tr_.calc(
        "period_pay_raised",
        "period_pay + pay_before_rise * (rise_coefficient - 1)",
        rounding="kopeck",
        period_pay=pay,
        pay_before_rise=before,
        rise_coefficient=k,
        source=law,
    )


def _bonuses(
    tr_: Trace,
    pay: Decimal,
    bonuses: Sequence[Bonus],
    figs: list[MonthFigures],
    full: bool,
    first: date,
    last: date,
    law: Text,
    country: str,
) -> Decimal:
    """п. 15: bonuses in full when the period is fully worked, else pro rata to the time worked."""
    whole, share_base = ZERO, ZERO
    for b in bonuses:
        a = amount(b.amount, "bonuses", _("the bonus"))
        if b.kind == "other" and b.months is not None:
            n = number(b.months, "bonuses", _("the bonus's months"), low=1, high=120, integer=True)
            a = a * min(n, 12) / n  # the monthly part for each month of the period
        if full or b.for_time_worked:
            whole += a
        else:
            share_base += a
    inputs: dict[str, Any] = {"period_pay": pay, "bonuses_whole": whole}
    formula = "period_pay + bonuses_whole"
    if share_base:
        if any(f.days_worked is None for f in figs):
            raise InputError(
                _(
                    "To pro-rate the bonuses give the days worked in each month (days_worked) or the excluded "
                    "periods as dates.",
                ),
                "days_worked",
            )
        worked = sum((f.days_worked or ZERO for f in figs), ZERO)
        norm = _period_norm(first, last, country)
        inputs |= {
            "bonuses_prorated": share_base,
            "period_days_worked": worked,
            "period_norm_days": Q(norm, "days", _("working days of the period")),
        }
        formula += " + bonuses_prorated * period_days_worked / period_norm_days"
    return tr_.calc("earnings_with_bonuses", formula, rounding="kopeck", source=law, **inputs)
