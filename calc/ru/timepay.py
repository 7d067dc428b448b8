"""Time-based pay: salary for time worked, daily and hourly tariffs, hourly rates from a salary,
shifts with night hours, overtime and work on weekends and holidays (ТК РФ ст. 96, 152–154).

Rounding: every amount to kopecks, half up. An hourly rate derived from a salary is rounded to
kopecks by default (as payroll departments publish it, e.g. 49.40 and 50.48 in the seed article),
and amounts are then computed from the rounded rate; pass ``round_rate=False`` to keep it exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Step, Trace
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, amount, dec, flag, listed, number, rate
from calc.core.rules import Dated, rulebook
from calc.core.text import Text
from calc.ru.calendar import CALENDAR, calendar_rule, work_hours, working_days, year_work_hours

LAW_136 = _("Labour Code art. 129 and 135 (salary for time worked)")


@dataclass(frozen=True, kw_only=True)
class Pay(Explained):
    """An amount of pay with its explanation."""

    amount: Decimal


@dataclass(frozen=True, kw_only=True)
class HourlyRate(Explained):
    rate: Decimal
    method: str
    norm_hours: Decimal


DAYS_WORKED = pgettext("what to enter", "the days worked")


def _days(value: Any, field: str, what: Text, high: int = 31) -> Decimal:
    return number(value, field, what, low=0, high=high)


def salary_for_days(salary: Any, days_worked: Any, norm_days: Any) -> Pay:
    """Salary for a partly worked month: salary / working days of the month × days worked."""
    s = amount(salary, "salary", _("the salary"))
    norm = number(
        norm_days,
        "norm_days",
        pgettext("calc.ru.timepay", "the working days of the month"),
        low=1,
        high=31,
        integer=True,
    )
    worked = _days(days_worked, "days_worked", DAYS_WORKED)
    if worked > norm:
        raise InputError(
            _(
                "{worked} days worked is more than the month's {norm} working days. Work beyond the norm is paid "
                "separately (overtime or weekend work).",
                worked=worked,
                norm=norm,
            ),
            "days_worked",
        )
    tr = Trace()
    pay = tr.calc(
        "salary_pay", "salary / norm_days * days_worked", salary=s, norm_days=norm, days_worked=worked, source=LAW_136
    )
    return Pay(amount=pay, steps=tuple(tr.steps))


def salary_for_month(salary: Any, year: int, month: int, days_worked: Any = None, country: str = "ru") -> Pay:
    """Salary for the month by the production calendar; a full month pays the whole salary."""
    norm = working_days(year, month, country)
    return salary_for_days(salary, norm if days_worked is None else days_worked, norm)


def salary_for_hours(salary: Any, hours_worked: Any, norm_hours: Any) -> Pay:
    """Salary under summarised hours: salary / hour norm × hours worked."""
    s = amount(salary, "salary", _("the salary"))
    norm = number(norm_hours, "norm_hours", _("the hour norm"), low=1, high=744)
    worked = number(hours_worked, "hours_worked", _("the hours worked"), low=0, high=744)
    tr = Trace()
    pay = tr.calc(
        "salary_pay",
        "salary / norm_hours * hours_worked",
        salary=s,
        norm_hours=norm,
        hours_worked=worked,
        source=LAW_136,
    )
    return Pay(amount=pay, steps=tuple(tr.steps))


def daily_tariff_pay(daily_rate: Any, days_worked: Any) -> Pay:
    """Daily tariff × days worked."""
    r = amount(daily_rate, "daily_rate", _("the daily rate"))
    d = _days(days_worked, "days_worked", DAYS_WORKED)
    tr = Trace()
    pay = tr.calc(
        "tariff_pay",
        "daily_rate * days_worked",
        daily_rate=r,
        days_worked=d,
        source=_("Labour Code art. 129"),
    )
    return Pay(amount=pay, steps=tuple(tr.steps))


def hourly_tariff_pay(hourly_rate: Any, hours_worked: Any) -> Pay:
    """Hourly tariff × hours worked."""
    r = amount(hourly_rate, "hourly_rate", _("the hourly rate"))
    h = number(hours_worked, "hours_worked", _("the hours worked"), low=0, high=744)
    tr = Trace()
    pay = tr.calc(
        "tariff_pay",
        "hourly_rate * hours_worked",
        hourly_rate=r,
        hours_worked=h,
        source=_("Labour Code art. 129"),
    )
    return Pay(amount=pay, steps=tuple(tr.steps))


def hourly_rate(
    salary: Any,
    year: int,
    month: int | None = None,
    method: str = "month",
    round_rate: bool = True,
    country: str = "ru",
) -> HourlyRate:
    """Hourly rate from a monthly salary.

    ``method="month"``: salary / hour norm of that month (the rate floats month to month).
    ``method="year"``: salary / (hour norm of the year / 12) (constant through the year).
    """
    s = amount(salary, "salary", _("the salary"))
    rounded = flag(round_rate, "round_rate", _("whether the rate is rounded"))
    rounding = "kopeck" if rounded else "none"
    tr = Trace()
    src = _("Set by the employer's local act (Labour Code art. 104 and 135)")
    if method == "month":
        if month is None:
            raise InputError(_("Give the month for the month's norm."), "month")
        norm = Decimal(work_hours(year, month, country))
        tr.given("norm_hours", norm, source=CALENDAR, rules=[calendar_rule(year, country)])
        r = tr.calc("hourly_rate", "salary / norm_hours", rounding=rounding, salary=s, norm_hours=norm, source=src)
    elif method == "year":
        yh = Decimal(year_work_hours(year, country))
        tr.given("year_hours", yh, source=CALENDAR, rules=[calendar_rule(year, country)])
        norm = yh / 12
        r = tr.calc(
            "hourly_rate",
            "salary / (year_hours / months)",
            rounding=rounding,
            salary=s,
            year_hours=yh,
            months=Q(12, "months"),
            source=src,
        )
    else:
        raise InputError(
            _(
                "Unknown method '{method}': use month (the month's norm) or year (the year's average).",
                method=method,
            ),
            "method",
        )
    return HourlyRate(rate=r, method=method, norm_hours=norm, steps=tuple(tr.steps))


def night_hours_max(on: date | None = None, country: str = "ru") -> int:
    """Hours of night time in a day (22:00–06:00 is 8; ТК РФ ст. 96), from the rule data."""
    rb = rulebook(country)
    v = rb.value("labour.night_hours", on or rb.default_date())
    return (int(v["end"]) - int(v["start"])) % 24


def night_rate_checked(night_rate: Any, on: date | None, country: str = "ru") -> tuple[Decimal, Dated]:
    """The night surcharge rate: at least the legal minimum (20 %), configurable above it."""
    rb = rulebook(country)
    minimum = rb.lookup("labour.night_surcharge_min", on or rb.default_date())
    if night_rate is None:
        return dec(minimum.value), minimum
    r = rate(night_rate, "night_rate", _("the night surcharge"), high=2)
    if r < minimum.value:
        raise InputError(
            _(
                "A night surcharge of {r:.0f}% is below the legal minimum of {value:.0f}% (Labour Code art. 154, "
                "Decree 554).",
                r=r * 100,
                value=minimum.value * 100,
            ),
            "night_rate",
        )
    return r, minimum


def shift_pay(
    hourly_rate: Any,
    hours: Any,
    night_hours: Any = 0,
    night_rate: Any = None,
    *,
    on: date | None = None,
    shifts: Any = 1,
    country: str = "ru",
) -> Pay:
    """Pay for ``shifts`` shifts of ``hours`` hours, ``night_hours`` of them at night (22:00–06:00).

    Per shift: hourly rate × hours + hourly rate × night hours × night surcharge (ТК РФ ст. 96, 154).
    """
    r = amount(hourly_rate, "hourly_rate", _("the hourly rate"))
    h = number(hours, "hours", _("the shift's hours"), low=0, high=24)
    nh = number(night_hours, "night_hours", _("the night hours"), low=0, high=night_hours_max(on, country))
    if nh > h:
        raise InputError(_("Night hours cannot exceed the shift's hours."), "night_hours")
    n = number(shifts, "shifts", _("the number of shifts"), low=0, high=31, integer=True)
    nr, minimum = night_rate_checked(night_rate, on, country)
    tr = Trace()
    base = tr.calc(
        "hours_pay",
        "hourly_rate * hours_worked",
        hourly_rate=r,
        hours_worked=Q(h, "hours"),
        source=_("Labour Code art. 129"),
    )
    night = tr.calc(
        "night_pay",
        "hourly_rate * night_hours * night_rate",
        hourly_rate=r,
        night_hours=nh,
        night_rate=nr,
        rules=[minimum],
    )
    one = tr.calc("shift_pay", "hours_pay + night_pay", hours_pay=base, night_pay=night)
    total = one if n == 1 else tr.calc("shifts_pay", "shift_pay * shifts", shift_pay=one, shifts=n)
    return Pay(amount=total, steps=tuple(tr.steps))


def night_surcharge(
    hourly_rate: Any, night_hours: Any, night_rate: Any = None, *, on: date | None = None, country: str = "ru"
) -> Pay:
    """Surcharge for night hours only: hourly rate × night hours × surcharge (at least 20 %)."""
    r = amount(hourly_rate, "hourly_rate", _("the hourly rate"))
    nh = number(night_hours, "night_hours", _("the night hours"), low=0, high=744)
    nr, minimum = night_rate_checked(night_rate, on, country)
    tr = Trace()
    pay = tr.calc(
        "night_pay",
        "hourly_rate * night_hours * night_rate",
        hourly_rate=r,
        night_hours=nh,
        night_rate=nr,
        rules=[minimum],
    )
    return Pay(amount=pay, steps=tuple(tr.steps))


def overtime_pay(
    hourly_rate: Any,
    hours: Any | Sequence[Any],
    *,
    on: date | None = None,
    country: str = "ru",
    rate_key: str = "hourly_rate",
) -> Pay:
    """Overtime (ТК РФ ст. 152): for each occasion the first 2 hours ×1.5, the rest ×2.

    ``hours`` is one occasion's hours or a list of hours per occasion (day); ``rate_key`` names the
    rate in the explanation (``extra_rate``: the rate with allowances and bonus).
    """
    r = amount(hourly_rate, "hourly_rate", _("the hourly rate"))
    occasions = list(hours) if isinstance(hours, list | tuple) else [hours]
    rb = rulebook(country)
    rule = rb.lookup("labour.overtime", on or rb.default_date())
    first_n = dec(rule.value["first_hours"])
    first = after = ZERO
    for i, h in enumerate(occasions, 1):
        hh = number(
            h, "overtime_hours", _("overtime hours (occasion {i})", i=i), low=0, high=24
        )
        first += min(hh, first_n)
        after += max(hh - first_n, ZERO)
    tr = Trace()
    tr.steps.extend(_overtime_pay_steps(r, first, after, rule, extra_only=False, rate_key=rate_key))
    return Pay(amount=tr.steps[-1].result, steps=tuple(tr.steps))


def _overtime_pay_steps(
    rate_: Decimal,
    first: Decimal,
    after: Decimal,
    rule: Dated,
    *,
    extra_only: bool,
    note: Text | None = None,
    rate_key: str = "hourly_rate",
) -> list[Step]:
    """Pay for the first hours and the further hours of overtime (ТК РФ ст. 152); with ``extra_only``
    only what is due on top of hours already paid once."""
    tr = Trace()
    v = rule.value
    pays = {}
    for part, hours, factor in (("first", first, v["first_factor"]), ("after", after, v["after_factor"])):
        pays[f"overtime_{part}_pay"] = tr.calc(
            f"overtime_{part}_pay",
            f"{rate_key} * overtime_{part}_hours * "
            + (f"(overtime_{part}_factor - 1)" if extra_only else f"overtime_{part}_factor"),
            rules=[rule],
            **{rate_key: rate_, f"overtime_{part}_hours": hours, f"overtime_{part}_factor": dec(factor)},
        )
    tr.calc("overtime_pay", "overtime_first_pay + overtime_after_pay", note=note, **pays)
    return tr.steps


def period_norm_hours(year: int, months: Sequence[int], country: str = "ru") -> int:
    """The hour norm of an accounting period: the sum of its months' norms (40-hour week)."""
    return sum(work_hours(year, m, country) for m in listed(months, "months", _("the months")))


PER_DAY_OVERTIME_FROM = date(2026, 1, 1)
"""From when :func:`period_overtime` warns of art. 152's 2026 wording (first two hours per day or shift; text as
amended to 25.05.2026, notebooks/lessons/LAW_LINKS.md); its date of entry into force is not confirmed."""


def period_overtime(
    hourly_rate: Any,
    hours_worked: Any,
    norm_hours: Any,
    *,
    holiday_hours: Any = 0,
    on: date | None = None,
    country: str = "ru",
) -> Pay:
    """Overtime under summarised working time, counted at the end of the accounting period.

    Overtime = hours worked − the period's norm − weekend/holiday hours already paid double
    (ТК РФ ст. 104, 152 ч. 3). Every hour was already paid once in its month, so what is still
    due is the extra: (1.5 − 1) × rate for the first 2 hours of the period, (2 − 1) × rate for the rest.
    """
    r = amount(hourly_rate, "hourly_rate", _("the hourly rate"))
    worked = number(hours_worked, "period_hours", _("the period's hours"), low=0, high=9000)
    norm = number(norm_hours, "norm_hours", _("the period's hour norm"), low=0, high=9000)
    hol = number(
        holiday_hours,
        "holiday_hours",
        _("the weekend and holiday hours"),
        low=0,
        high=worked,
    )
    rb = rulebook(country)
    rule = rb.lookup("labour.overtime", on or rb.default_date())
    first_n = dec(rule.value["first_hours"])
    tr = Trace()
    over = tr.calc(
        "period_overtime_hours",
        "max(period_hours - holiday_hours - norm_hours, 0)",
        rounding="none",
        period_hours=worked,
        holiday_hours=hol,
        norm_hours=norm,
        source=_("Labour Code art. 104 and 152 part 3"),
    )
    first = tr.calc(
        "overtime_first_hours",
        "min(period_overtime_hours, first_n)",
        rounding="none",
        period_overtime_hours=over,
        first_n=Q(first_n, "hours", _("first hours")),
    )
    after = tr.calc(
        "overtime_after_hours",
        "period_overtime_hours - overtime_first_hours",
        rounding="none",
        period_overtime_hours=over,
        overtime_first_hours=first,
    )
    note = _("The extra on top of hours already paid once, at the end of the accounting period.")
    if (on or rb.default_date()) >= PER_DAY_OVERTIME_FROM:
        note = _(
            "The extra on top of hours already paid once, at the end of the accounting period. Caution: the 2026 "
            "wording of Labour Code art. 152 counts the first two hours of each day (shift) at time and a half and "
            "every hour from the 121st in a year at double; this is the minimum for the period as one block — if "
            "the overtime fell on several days, count it day by day (the date this wording took effect is not yet "
            "in the rule data)."
        )
    tr.steps.extend(_overtime_pay_steps(r, first, after, rule, extra_only=True, note=note))
    return Pay(amount=tr.steps[-1].result, steps=tuple(tr.steps))


def holiday_pay(
    rate_per_hour: Any,
    hours: Any,
    *,
    salaried: bool = True,
    within_norm: bool = True,
    day_off_taken: bool = False,
    on: date | None = None,
    country: str = "ru",
    rate_key: str = "hourly_rate",
) -> Pay:
    """Work on a weekend or public holiday (ТК РФ ст. 153).

    Tariff workers: at least double the rate. Salaried staff: within the monthly norm one extra
    rate on top of the salary, above the norm a double one. With another day off taken instead,
    the work is paid at the single rate and the day off is unpaid.
    """
    r = amount(rate_per_hour, "hourly_rate", _("the hourly rate"))
    h = number(hours, "holiday_hours", _("the weekend/holiday hours"), low=0, high=744)
    salaried = flag(salaried, "salaried", _("whether the worker is salaried"))
    within_norm = flag(within_norm, "within_norm", _("whether the work is within the norm"))
    day_off_taken = flag(day_off_taken, "day_off_taken", _("whether a day off was taken"))
    rb = rulebook(country)
    rule = rb.lookup("labour.holiday_work_factor", on or rb.default_date())
    double = dec(rule.value)
    if day_off_taken:
        factor, why = Decimal(1), _("another day off taken — single rate")
    elif salaried and within_norm:
        factor, why = (
            Decimal(1),
            _("salary, within the norm — one extra rate on top of the salary"),
        )
    else:
        factor, why = double, _("at least double the rate")
    tr = Trace()
    pay = tr.calc(
        "holiday_pay",
        f"{rate_key} * holiday_hours * holiday_factor",
        holiday_hours=h,
        holiday_factor=factor,
        rules=[rule],
        note=why,
        **{rate_key: r},
    )
    return Pay(amount=pay, steps=tuple(tr.steps))
