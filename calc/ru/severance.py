"""Severance pay and average earnings kept for the job search, by the ground of dismissal.

- Liquidation or redundancy (ТК РФ ст. 81 ч. 1 п. 1–2, ст. 178 ч. 1–2): severance of one month's
  average earnings on the day of dismissal; average earnings kept for the job search up to the end of
  the 2nd month from dismissal (the severance counting as the 1st), the 3rd month on the employment
  service's decision. Far North and equivalent areas (ст. 318): up to the 3rd month, the 4th–6th on
  the service's decision. The grounds of ст. 178 ч. 3 give two weeks' average earnings.
- Average daily earnings per day worked (п. 9 of the average-earnings regulation) × working days of
  the period paid (production calendar, five-day week). From 01.09.2025 one month of severance =
  average daily × working days of the year / 12 (Decree 540 п. 9).
- НДФЛ (НК РФ ст. 217 п. 3): severance and kept earnings are exempt up to three average monthly
  earnings in total (six in the Far North); only the excess is taxed, when paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, a_date, amount, flag, number
from calc.core.rules import Dated, rulebook
from calc.core.text import Text, day
from calc.ru.average_earnings import Bonus, PayRise, PeriodMonth, average_earnings, decree
from calc.ru.calendar import calendar_rule, month_days, year_working_days
from calc.ru.income_tax import resident_flag
from calc.ru.payment import payment_ndfl

LAW_217 = _("Tax Code art. 217 para. 3")


@dataclass(frozen=True)
class Ground:
    """A ground of dismissal and what it gives (from ``severance.yaml``)."""

    key: str
    label: Text
    article: Text
    pay: str  # "month", "two_weeks" or "none"
    job_search: bool
    full_leave: bool
    notice_compensation: bool = False


def grounds(on: date, country: str = "ru") -> dict[str, Ground]:
    """The grounds of dismissal known on ``on``, by key."""
    raw = rulebook(country).value("severance.grounds", on)
    return {
        k: Ground(
            k,
            v["label"],
            v["article"],
            v["pay"],
            bool(v["job_search"]),
            bool(v["full_leave"]),
            bool(v.get("notice_compensation", False)),
        )
        for k, v in raw.items()
    }


def ground(key: Any, on: date, country: str = "ru") -> Ground:
    """One ground of dismissal; an unknown key is refused with the list of known ones."""
    known = grounds(on, country)
    if not isinstance(key, str) or key not in known:
        raise InputError(
            _("Unknown ground of dismissal '{key}'. Allowed: {known}.", key=key, known=', '.join(known)),
            "ground",
        )
    return known[key]


def working_days_in(first: date, last: date, country: str = "ru") -> int:
    """Working days (five-day week, shortened days included) from ``first`` to ``last`` inclusive."""
    rb = rulebook(country)
    total, d = 0, first
    while d <= last:
        rb.check_date(d)
        days = month_days(d.year, d.month, country)
        total += sum(x.working for x in days if d <= x.date <= last)
        d = date(d.year, d.month, 1) + relativedelta(months=1)
    return total

def _span_days(tr_: Trace, first: date, last: date, country: str, rules: Sequence[Dated] = ()) -> Decimal:
    """The working days paid from ``first`` to ``last``, as a step showing the span."""
    return tr_.given(
        "severance_days",
        working_days_in(first, last, country),
        rules=list(rules),
        note=_("{first} – {last}", first=lambda lang: day(first, lang), last=lambda lang: day(last, lang)),
    )



def month_from(dismissal: date, k: int) -> tuple[date, date]:
    """The k-th month from the day after dismissal: (first day, last day)."""
    return dismissal + relativedelta(months=k - 1) + timedelta(days=1), dismissal + relativedelta(months=k)


@dataclass(frozen=True)
class DuePayment:
    """One payment due on dismissal or after it, with its НДФЛ."""

    key: str
    label: Text
    amount: Decimal
    due: date
    period: tuple[date, date] | None = None
    days: Decimal = ZERO
    exempt: Decimal = ZERO
    taxable: Decimal = ZERO
    ndfl: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.amount - self.ndfl


@dataclass(frozen=True, kw_only=True)
class SeveranceResult(Explained):
    ground: str
    average_daily: Decimal
    average_monthly: Decimal
    exempt_limit: Decimal
    payments: tuple[DuePayment, ...]

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def taxable(self) -> Decimal:
        return sum((p.taxable for p in self.payments), ZERO)

    @property
    def exempt(self) -> Decimal:
        return sum((p.exempt for p in self.payments), ZERO)

    @property
    def ndfl(self) -> Decimal:
        return sum((p.ndfl for p in self.payments), ZERO)


def _month_days(tr_: Trace, dismissal: date, country: str) -> tuple[Decimal, Text, list[Dated]]:
    """Working days of one month of average earnings for severance and the exempt limit."""
    rule = rulebook(country).lookup("average_earnings.severance_month_days", dismissal)
    if rule.value["method"] == "year_average":
        year_days = year_working_days(dismissal.year, country)
        days = tr_.calc(
            "severance_days",
            "year_days / 12",
            rounding="none",
            year_days=Q(
                year_days, "days", _("working days in {year}", year=dismissal.year)
            ),
            rules=[rule, calendar_rule(dismissal.year, country)],
        )
        return days, _("average month of the year"), [rule]
    first, last = month_from(dismissal, 1)
    rules = [rule, calendar_rule(first.year, country), calendar_rule(last.year, country)]
    return _span_days(tr_, first, last, country, rules), _("the month after dismissal"), [rule]


def severance_pay(
    dismissal: date,
    ground_key: str,
    *,
    average_daily: Any = None,
    months: Sequence[PeriodMonth] | None = None,
    bonuses: Sequence[Bonus] = (),
    pay_rise: PayRise | None = None,
    far_north: bool = False,
    service_months: Any = 0,
    employed_on: date | None = None,
    notice_ends: date | None = None,
    prior_income: Any = 0,
    prior_northern: Any = 0,
    resident: bool = True,
    country: str = "ru",
    trace: Trace | None = None,
) -> SeveranceResult:
    """Severance pay and kept average earnings for a dismissal on ``dismissal`` on ``ground_key``.

    ``average_daily``: per day worked (п. 9), or computed from the billing period's ``months``.
    ``service_months``: extra months granted by the employment service (0–1; in the Far North 0–3);
    ``employed_on``: the day the worker starts a new job (kept earnings stop the day before);
    ``notice_ends``: the last day of the two months' notice when the worker leaves earlier with
    consent (ТК ст. 180 ч. 3: average earnings for the working days left, paid on dismissal);
    ``prior_income``: taxable income of the dismissal's year before these payments (for НДФЛ);
    ``prior_northern``: its district coefficient and northern allowance (a separate base from 2025).
    """
    dismissal = a_date(dismissal, "dismissal", _("the dismissal date"))
    rb = rulebook(country)
    rb.check_date(dismissal)
    g = ground(ground_key, dismissal, country)
    north = flag(far_north, "far_north", _("whether it is the Far North"))
    resident = resident_flag(resident)
    area = "far_north" if north else "general"
    search_rule = rb.lookup("severance.job_search_months", dismissal)
    extra = int(
        number(
            service_months,
            "service_months",
            _("the months granted by the employment service"),
            low=0,
            high=search_rule.value[area]["by_service"],
            integer=True,
        )
    )
    tr_ = trace or Trace()
    avg = _average(tr_, dismissal, average_daily, months, bonuses, pay_rise, country)
    month_days_, month_what, month_rules = _month_days(tr_, dismissal, country)
    payments: list[DuePayment] = []
    if g.pay == "month":
        amt = tr_.calc(
            "severance_pay",
            "average_daily * severance_days",
            average_daily=avg,
            severance_days=month_days_,
            source=g.article,
            note=_(
                "{label}; {month_what}",
                label=lambda lang, g=g: g.label[lang],
                month_what=lambda lang, month_what=month_what: month_what[lang],
            ),
        )
        payments.append(
            DuePayment(
                "severance_pay",
                _("Severance pay"),
                amt,
                dismissal,
                month_from(dismissal, 1),
                month_days_,
            )
        )
    elif g.pay == "two_weeks":
        span = int(rb.value("severance.two_weeks_days", dismissal))
        first, last = dismissal + timedelta(days=1), dismissal + timedelta(days=span)
        n = _span_days(tr_, first, last, country, [rb.lookup("severance.two_weeks_days", dismissal)])
        amt = tr_.calc(
            "severance_pay",
            "average_daily * severance_days",
            average_daily=avg,
            severance_days=n,
            source=g.article,
            label=_("Severance pay (two weeks)"),
        )
        payments.append(
            DuePayment(
                "severance_pay",
                _("Severance pay (two weeks)"),
                amt,
                dismissal,
                (first, last),
                n,
            )
        )
    if notice_ends is not None:
        payments += _notice(tr_, g, dismissal, avg, notice_ends, country)
    if g.job_search:
        last_month = int(search_rule.value[area]["employer"]) + extra
        stop = (
            None
            if employed_on is None
            else a_date(employed_on, "employed_on", _("the date of the new job"))
        )
        payments += _kept(tr_, dismissal, avg, last_month, stop, search_rule, country)
    monthly = tr_.calc(
        "average_monthly",
        "average_daily * severance_days",
        average_daily=avg,
        severance_days=month_days_,
        source=LAW_217,
        rules=month_rules,
    )
    priors = (prior_income, prior_northern)
    return _taxed(tr_, g, avg, monthly, payments, area, dismissal, priors, resident, country)


def _average(
    tr_: Trace,
    dismissal: date,
    average_daily: Any,
    months: Sequence[PeriodMonth] | None,
    bonuses: Sequence[Bonus],
    pay_rise: PayRise | None,
    country: str,
) -> Decimal:
    if average_daily is not None:
        return tr_.given(
            "average_daily_worked",
            amount(average_daily, "average_daily", _("the average daily earnings")),
            rules=[decree(dismissal, country)],
        )
    if months is None:
        raise InputError(
            _("Give the average daily earnings (per day worked) or the billing period's pay month by month."),
            "average_daily",
        )
    a = average_earnings(dismissal, months, bonuses=bonuses, pay_rise=pay_rise, country=country, trace=tr_)
    if a.daily is None:
        raise InputError(
            _("Severance pay needs the days worked in each month (days_worked) or the excluded periods as dates."),
            "days_worked",
        )
    return a.daily


LAW_180 = _("Labour Code art. 180 part 3")


def _notice(tr_: Trace, g: Ground, dismissal: date, avg: Decimal, notice_ends: Any, country: str) -> list[DuePayment]:
    """ст. 180 ч. 3: average earnings for the working days from dismissal to the end of the notice."""
    end = a_date(notice_ends, "notice_ends", _("the last day of the notice"))
    if not g.notice_compensation:
        raise InputError(
            _("Compensation for leaving before the notice ends applies only to liquidation or redundancy."),
            "notice_ends",
        )
    if end < dismissal:
        raise InputError(_("The notice ends before the dismissal day."), "notice_ends")
    if end == dismissal:
        return []
    first = dismissal + timedelta(days=1)
    label = _("Compensation for leaving before the notice ends")
    n = _span_days(tr_, first, end, country)
    amt = tr_.calc(
        "kept_earnings",
        "average_daily * severance_days",
        label=label,
        average_daily=avg,
        severance_days=n,
        source=LAW_180,
    )
    return [DuePayment("notice_compensation", label, amt, dismissal, (first, end), n)]


def _kept(
    tr_: Trace, dismissal: date, avg: Decimal, last_month: int, stop: date | None, rule: Dated, country: str
) -> list[DuePayment]:
    """Average earnings kept for the 2nd… months from dismissal, up to the day before a new job."""
    out = []
    for k in range(2, last_month + 1):
        first, last = month_from(dismissal, k)
        if stop is not None:
            last = min(last, stop - timedelta(days=1))
        if last < first:
            break
        label = _("Average earnings kept for month {k}", k=k)
        n = _span_days(tr_, first, last, country, [rule])
        amt = tr_.calc(
            "kept_earnings",
            "average_daily * severance_days",
            label=label,
            average_daily=avg,
            severance_days=n,
            source=_("Labour Code art. 178, 318"),
        )
        due = month_from(dismissal, k)[1] + timedelta(days=1)
        out.append(DuePayment(f"kept_month_{k}", label, amt, due, (first, last), n))
    return out


def _taxed(
    tr_: Trace,
    g: Ground,
    avg: Decimal,
    monthly: Decimal,
    payments: list[DuePayment],
    area: str,
    dismissal: date,
    priors: tuple[Any, Any],
    resident: bool,
    country: str,
) -> SeveranceResult:
    """НДФЛ of each payment when paid: the part above the exempt limit (НК ст. 217 п. 3) is taxed."""
    rule = rulebook(country).lookup("severance.ndfl_exempt_multiple", dismissal)
    multiple = rule.value[area]
    limit = tr_.calc(
        "exempt_limit",
        "exempt_multiple * average_monthly",
        exempt_multiple=multiple,
        average_monthly=monthly,
        source=LAW_217,
        rules=[rule],
    )
    prior = {dismissal.year: amount(priors[0], "prior_income", _("the income earlier this year"))}
    north = amount(priors[1], "prior_northern", _("the northern part of that income"))
    room = limit
    out = []
    for p in payments:
        exempt = min(p.amount, room)
        room -= exempt
        taxable = tr_.calc(
            "taxable_part",
            "max(payment_amount - exempt_room, 0)",
            rounding="none",
            payment_amount=p.amount,
            exempt_room=exempt + room,
            label=_("Taxable part: {label}", label=p.label),
        )
        year = p.due.year
        north_before = north if year == dismissal.year else ZERO
        tax = (
            payment_ndfl(tr_, taxable, prior.get(year, ZERO), year, resident, country, prior_northern=north_before)
            if taxable
            else ZERO
        )
        prior[year] = prior.get(year, ZERO) + taxable
        out.append(DuePayment(p.key, p.label, p.amount, p.due, p.period, p.days, exempt, taxable, tax))
    return SeveranceResult(
        ground=g.key,
        average_daily=avg,
        average_monthly=monthly,
        exempt_limit=limit,
        payments=tuple(out),
        steps=tuple(tr_.steps),
    )
