"""The production calendar: working, non-working and shortened days of any month 2011–2026.

Base: the ``holidays`` package (holidays of ТК РФ ст. 112 and the government's day-off transfers,
with working weekends). Own data (``rules/<country>/calendar.yaml``): shortened pre-holiday days
(ТК РФ ст. 95) and corrections where the package differs from the official calendar.
Hour norm of a month (five-day week) = hours a day × working days − 1 h × shortened days
(Order 588n of 13.08.2009).
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

import holidays

from calc.core.errors import InputError, RuleDataError
from calc.core.i18n import _
from calc.core.money import a_date, date_order, number
from calc.core.rules import Dated, rulebook
from calc.core.text import Text, day

KINDS = ("working", "shortened", "weekend", "holiday", "day_off")
KIND_LABELS: dict[str, Text] = {
    "working": _("working"),
    "shortened": _("pre-holiday (1 h shorter)"),
    "weekend": _("weekend"),
    "holiday": _("public holiday"),
    "day_off": _("day off (transfer)"),
}
CALENDAR = _("Production calendar")
_DAY_OFF_NAME = _("Day off (transfer)")


@dataclass(frozen=True)
class Day:
    """One calendar day: its kind, the hours of a 40-hour week, and the holiday's name if any."""

    date: date
    kind: str
    hours: int
    name: Text | None = None

    @property
    def working(self) -> bool:
        return self.kind in ("working", "shortened")


def check_month(year: int, month: int, country: str) -> None:
    rulebook(country).check_year(year)
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise InputError(_("The month must be from 1 to 12, got: {month}.", month=month), "month")


_US_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def _british(name: str) -> str:
    """The package's English names in British usage, dates unambiguous: "substituted from 7 Jan 2017"."""
    name = _US_DATE.sub(lambda m: day(date(int(m[3]), int(m[1]), int(m[2])), "en"), name)
    return name.replace("Labor", "Labour")


def _transferred(name_en: str) -> bool:
    """A day off moved by law, not a holiday of ТК РФ ст. 112 ч. 1: a holiday falling on a weekend moved
    to the next working day (ч. 2, the package's "(observed)") or a government transfer ("substituted").
    The difference counts for leave: only the holidays of ч. 1 are not counted in it (ст. 120)."""
    low = name_en.lower()
    return "substituted" in low or "(observed)" in low


@cache
def _year(country: str, year: int) -> dict[date, Day]:
    rb = rulebook(country)
    rb.check_year(year)
    data = rb.raw("calendar")
    per_hour = int(data["hours_per_day"])
    shorter = int(data["shortened_by_hours"])
    extra = (data.get("years") or {}).get(year) or {}
    code = rb.meta["holidays_code"]
    ru = holidays.country_holidays(code, years=year, language="ru")
    en = holidays.country_holidays(code, years=year, language="en_US")
    workdays = set(ru.weekend_workdays) | set(extra.get("working_days") or [])
    days_off = set(extra.get("days_off") or [])
    shortened = set(extra.get("shortened") or [])
    out: dict[date, Day] = {}
    d = date(year, 1, 1)
    while d.year == year:
        if d in days_off and d not in ru:
            out[d] = Day(d, "day_off", 0, _DAY_OFF_NAME)
        elif d in ru and d not in workdays:
            name = {"ru": ru[d], "en": _british(en[d])}
            kind = "day_off" if _transferred(en[d]) else "holiday"
            out[d] = Day(d, kind, 0, name)
        elif d.weekday() >= 5 and d not in workdays:
            out[d] = Day(d, "weekend", 0)
        elif d in shortened:
            out[d] = Day(d, "shortened", per_hour - shorter)
        else:
            out[d] = Day(d, "working", per_hour)
        d += timedelta(days=1)
    bad = [s for s in shortened if s.year != year or not out[s].working]
    if bad:
        raise RuleDataError(_("calendar.yaml: shortened day {bad} is not a working day.", bad=bad))
    return out


@cache
def calendar_rule(year: int, country: str = "ru") -> Dated:
    """The production calendar of ``year`` as a dated rule (for "rules used"; verify where unconfirmed)."""
    rb = rulebook(country)
    rb.check_year(year)
    data = rb.raw("calendar")
    return Dated(
        "calendar",
        _("Production calendar {year}", year=year),
        "table",
        year,
        date(year, 1, 1),
        data["source"],
        year in (data.get("verify_years") or []),
    )


def month_days(year: int, month: int, country: str = "ru") -> list[Day]:
    """Every day of the month with its kind (working, shortened, weekend, holiday, day_off)."""
    check_month(year, month, country)
    days = _year(country, year)
    n = _cal.monthrange(year, month)[1]
    return [days[date(year, month, i)] for i in range(1, n + 1)]


def working_days(year: int, month: int, country: str = "ru") -> int:
    """Working days of the month (five-day week), shortened pre-holiday days included."""
    return sum(d.working for d in month_days(year, month, country))


def work_hours(year: int, month: int, country: str = "ru") -> int:
    """Hour norm of the month for a 40-hour week."""
    return sum(d.hours for d in month_days(year, month, country))


def hours_norm(year: int, month: int, week_hours: int | Decimal = 40, country: str = "ru") -> Decimal:
    """Hour norm for a five-day week of ``week_hours`` (40, 36, 24…): a day is week_hours / 5."""
    days = month_days(year, month, country)
    top = rulebook(country).value("labour.max_week_hours", date(year, month, 1))
    week = number(
        week_hours, "week_hours", _("the hours per week"), low=Decimal("0.01"), high=top
    )  # ТК РФ ст. 91: at most 40 a week; part-time (ст. 93) is fewer
    per_day = week / 5
    shortened = sum(d.kind == "shortened" for d in days)
    return per_day * sum(d.working for d in days) - shortened


def year_working_days(year: int, country: str = "ru") -> int:
    return sum(working_days(year, m, country) for m in range(1, 13))


def year_work_hours(year: int, country: str = "ru") -> int:
    return sum(work_hours(year, m, country) for m in range(1, 13))


def working_days_between(start: date, end: date, country: str = "ru") -> int:
    """Working days from ``start`` to ``end`` inclusive (both within one year)."""
    start = a_date(start, "start", _("the start date"))
    end = a_date(end, "end", _("the end date"))
    date_order(start, end, "end")
    if start.year != end.year:
        raise InputError(_("The period must be within one year."), "dates")
    days = _year(country, start.year)
    return sum(days[start + timedelta(days=i)].working for i in range((end - start).days + 1))
