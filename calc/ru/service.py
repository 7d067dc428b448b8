"""Length of service from employment periods (a work-book list of start and end dates).

Rules used here:
- Overlapping or touching periods are counted once (merged first).
- Each period counts from its first day to its last day inclusive, as calendar years, months and
  days. One continuous period is counted by the calendar alone (a full year on each anniversary).
  Several periods are added up part by part and every 30 days make a month, every 12 months a year
  (the usual way of adding up periods of service, as in the rules for counting insurance service).
- Service "on" a date is the service completed before that date (the state at the start of the
  day), so a new full year is reached on the anniversary of the start of service.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.money import a_date, listed, number
from calc.core.text import day, plural

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, order=True)
class ServiceLength:
    """Years, months and days of service."""

    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def normalised(cls, years: int, months: int, days: int) -> ServiceLength:
        months += days // 30
        days %= 30
        years += months // 12
        months %= 12
        return cls(years, months, days)

    def __add__(self, other: ServiceLength) -> ServiceLength:
        return ServiceLength.normalised(self.years + other.years, self.months + other.months, self.days + other.days)

    def text(self, lang: str = "ru") -> str:
        parts = [(self.years, "years"), (self.months, "months"), (self.days, "days")]
        shown = [f"{n} {plural(n, w, lang)}" for n, w in parts if n] or [f"0 {plural(0, 'days', lang)}"]
        return " ".join(shown)


@dataclass(frozen=True)
class Period:
    """A period of work from ``start`` to ``end`` inclusive; ``end=None`` means still working."""

    start: date
    end: date | None = None


def _as_period(p: Any, i: int) -> Period:
    if isinstance(p, Period):
        per = p
    else:
        try:
            start, end = (p[0], p[1]) if len(p) > 1 else (p[0], None)
        except (TypeError, IndexError):
            msg = _("Period {i}: a start date and an end date (or none) are needed.", i=i)
            raise InputError(msg, "periods") from None
        per = Period(start, end)
    if not isinstance(per.start, date) or (per.end is not None and not isinstance(per.end, date)):
        raise InputError(_("Period {i}: the dates must be dates.", i=i), "periods")
    if per.end is not None and per.end < per.start:
        raise InputError(
            _(
                "Period {i}: the end {end} is before the start {start}.",
                i=i,
                end=lambda lang, per=per: day(per.end, lang),
                start=lambda lang, per=per: day(per.start, lang),
            ),
            "periods",
        )
    return per


def merge_periods(periods: Iterable[Any]) -> list[Period]:
    """Sort and merge overlapping or touching periods so each day counts once."""
    given = listed(periods, "periods", _("the periods of work"))
    ps = sorted((_as_period(p, i) for i, p in enumerate(given, 1)), key=lambda p: p.start)
    out: list[Period] = []
    for p in ps:
        if out:
            last = out[-1]
            if last.end is None or p.start <= last.end + ONE_DAY:
                end = None if last.end is None or p.end is None else max(last.end, p.end)
                out[-1] = Period(last.start, end)
                continue
        out.append(p)
    return out


def _span(start: date, end: date) -> ServiceLength:
    """Calendar years, months, days from ``start`` to ``end`` inclusive (days stay under a month)."""
    rd = relativedelta(end + ONE_DAY, start)
    return ServiceLength(rd.years, rd.months, rd.days)


def service_length(periods: Iterable[Any], on: date) -> ServiceLength:
    """Service completed before ``on`` from the given periods (overlaps counted once)."""
    on = a_date(on, "on", _("the calculation date"))
    spans = []
    for p in merge_periods(periods):
        if p.start >= on:
            continue
        end = on - ONE_DAY if p.end is None or p.end >= on else p.end
        spans.append(_span(p.start, end))
    if len(spans) == 1:
        return spans[0]
    total = ServiceLength()
    for s in spans:
        total = total + s
    return total


def service_since(hire: date, on: date) -> ServiceLength:
    """Service of one continuing period that began on ``hire``."""
    hire = a_date(hire, "hire_date", _("the hire date"))
    on = a_date(on, "on", _("the calculation date"))
    if hire > on:
        raise InputError(
            _(
                "The hire date {hire} is after the calculation date {on}.",
                hire=lambda lang, hire=hire: day(hire, lang),
                on=lambda lang, on=on: day(on, lang),
            ),
            "hire_date",
        )
    return service_length([Period(hire)], on)


def date_reaching(periods: Iterable[Any], years: int, on: date) -> date | None:
    """The first date on or after ``on`` when service reaches ``years`` full years, if work continues.

    Returns None when the last period has ended before ``on`` (service no longer grows).
    """
    what = pgettext("calc.ru.service", "the years of service")
    years = int(number(years, "years", what, low=0, high=100, integer=True))
    merged = merge_periods(periods)
    if service_length(merged, on).years >= years:
        return on
    if not merged or (merged[-1].end is not None and merged[-1].end < on):
        return None
    ongoing = [*merged[:-1], Period(merged[-1].start, None)]
    lo, hi = on, on + relativedelta(years=years + 1)
    while lo < hi:  # smallest date with enough service; service never falls as the date moves on
        mid = lo + (hi - lo) // 2
        if service_length(ongoing, mid).years >= years:
            hi = mid
        else:
            lo = mid + ONE_DAY
    if merged[-1].end is not None and lo > merged[-1].end + ONE_DAY:
        return None
    return lo
