"""Labour Code 2019 (Law 45/2019/QH14): the regional minimum wage, overtime and night pay (art. 98),
the salary advance (art. 101), the limit on deductions (art. 102) and interest on late pay (art. 97).
Whole đồng, half up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.rules import rulebook
from calc.core.text import Text, dong
from calc.vn.inputs import COUNTRY, dong_amount, month_start, number, whole, yes_no
from calc.vn.inputs import region as check_region
from calc.vn.terms import trace

DAYS = ("workday", "weekly_rest", "holiday")
REASONS = ("agreement", "civic_duty", "annual_leave")


@dataclass(frozen=True, kw_only=True)
class Figure(Explained):
    """One amount with how it was found, and notes."""

    value: Decimal
    notes: tuple[Text, ...] = ()


@dataclass(frozen=True, kw_only=True)
class MinimumWage(Explained):
    region: str
    monthly: Decimal
    hourly: Decimal
    salary: Decimal | None = None
    hourly_pay: bool = False

    @property
    def ok(self) -> bool | None:
        """Is the salary given at least the minimum (None if no salary was given)?"""
        if self.salary is None:
            return None
        return self.salary >= (self.hourly if self.hourly_pay else self.monthly)


def minimum_wage(region: Any, year: int, month: Any = 1, *, salary: Any = None, hourly: Any = False) -> MinimumWage:
    """The regional minimum wage of a month, and whether ``salary`` (a month's, or an hour's) reaches it."""
    on, reg = month_start(year, month), check_region(region)
    per_hour = yes_no(hourly, "hourly", _("whether the salary is per hour"))
    rb, trc = rulebook(COUNTRY), trace()
    m, h = rb.lookup("wages.minimum_wage", on), rb.lookup("wages.minimum_wage_hourly", on)
    monthly = trc.given("minimum_wage", m.value[reg], rules=[m])
    hourly_ = trc.given("minimum_wage_hourly", h.value[reg], rules=[h])
    s = None if salary is None else dong_amount(salary, "salary", _("the salary"))
    return MinimumWage(region=reg, monthly=monthly, hourly=hourly_, salary=s, hourly_pay=per_hour,
                       steps=tuple(trc.steps))


def _hourly(hourly_wage: Any, hours: Any) -> tuple[Decimal, Decimal]:
    w = dong_amount(hourly_wage, "hourly_wage", _("the hourly wage"))
    return w, number(hours, "hours", _("the hours"), high=300)


def overtime_pay(
    hourly_wage: Any, hours: Any, year: int, month: Any = 1, *, day: str = "workday", night: Any = False,
    day_overtime_before: Any = False,
) -> Figure:
    """Overtime pay (art. 98(1)): at least 150 % on a workday, 200 % on the weekly rest day, 300 % on a
    public holiday or paid leave day; at night also +30 % (art. 98(2)) and +20 % of the day-time wage of
    that day (art. 98(3); Decree 145/2020/NĐ-CP art. 57: 100 % without day-time overtime on a workday,
    else that day's overtime rate)."""
    if day not in DAYS:
        raise InputError(_("Please choose the day: workday, weekly_rest or holiday (got '{got}').",
                           got=str(day)[:40]), "day")
    on = month_start(year, month)
    w, h = _hourly(hourly_wage, hours)
    at_night = yes_no(night, "night", _("whether the overtime is at night"))
    before = yes_no(day_overtime_before, "day_overtime_before", _("whether there was day-time overtime that day"))
    rb, trc = rulebook(COUNTRY), trace()
    f = rb.lookup("labour.overtime_factors", on)
    factor = f.value[day]
    if not at_night:
        pay = trc.calc("overtime_pay", "hourly_wage * factor * hours", rounding="dong", rules=[f],
                       hourly_wage=w, factor=factor, hours=h)
        return Figure(value=pay, steps=tuple(trc.steps))
    n, n2 = rb.lookup("labour.night_rate", on), rb.lookup("labour.night_overtime_rate", on)
    day_factor = factor if (day != "workday" or before) else Decimal(1)
    pay = trc.calc(
        "night_overtime_pay", "hourly_wage * (factor + night_rate + night_overtime_rate * day_factor) * hours",
        rounding="dong", rules=[f, n, n2], hourly_wage=w, factor=factor, night_rate=n.value,
        night_overtime_rate=n2.value, day_factor=day_factor, hours=h,
    )
    return Figure(value=pay, steps=tuple(trc.steps))


def night_pay(hourly_wage: Any, hours: Any, year: int, month: Any = 1) -> Figure:
    """Pay for normal hours worked at night (22:00–06:00): the hourly wage plus at least 30 % (art. 98(2))."""
    on = month_start(year, month)
    w, h = _hourly(hourly_wage, hours)
    n = rulebook(COUNTRY).lookup("labour.night_rate", on)
    trc = trace()
    pay = trc.calc("night_pay", "hourly_wage * (1 + night_rate) * hours", rounding="dong", rules=[n],
                   hourly_wage=w, night_rate=n.value, hours=h)
    return Figure(value=pay, steps=tuple(trc.steps))


def deduction_limit(pay_after_insurance_and_tax: Any, year: int, month: Any = 1) -> Figure:
    """The most that may be deducted from a month's pay to compensate damage: 30 % of the pay actually
    received after SI, HI, UI and PIT (art. 102(3))."""
    on = month_start(year, month)
    pay = dong_amount(pay_after_insurance_and_tax, "pay", _("the pay after insurance and tax"))
    rule = rulebook(COUNTRY).lookup("labour.deduction_limit", on)
    trc = trace()
    most = trc.calc("deduction_limit", "pay_after_insurance_and_tax * deduction_limit_rate", rounding="dong",
                    rules=[rule], pay_after_insurance_and_tax=pay, deduction_limit_rate=rule.value)
    return Figure(value=most, steps=tuple(trc.steps))


ADVANCE_SOURCE = _("Labour Code 2019 art. 101")


def advance(amount: Any, monthly_salary: Any, year: int, month: Any = 1, *, reason: str = "agreement",
            leave_pay: Any = None) -> Figure:
    """A salary advance (art. 101): interest-free, on terms agreed by both sides (no statutory maximum);
    for civic duties of a week or more, the employer must advance at most one month's salary; for
    annual leave, the employee may have at least the pay for the leave days. It is a pre-payment of
    the month's pay: tax and insurance are computed on the month's whole salary when it is settled."""
    month_start(year, month)
    if reason not in REASONS:
        raise InputError(_("Please choose the reason: agreement, civic_duty or annual_leave (got '{got}').",
                           got=str(reason)[:40]), "reason")
    a = dong_amount(amount, "amount", _("the advance"))
    salary = dong_amount(monthly_salary, "monthly_salary", _("the monthly salary"))
    trc = trace()
    trc.given("advance", a, source=ADVANCE_SOURCE,
              note=_("An advance bears no interest and is repaid from the pay it is an advance of."))
    notes: list[Text] = []
    if reason == "civic_duty" and a > salary:
        raise InputError(
            _("For civic duties the advance is at most one month's salary ({most}); got {got}.",
              most=lambda lang: dong(salary, lang), got=lambda lang: dong(a, lang)),
            "amount",
        )
    if reason == "annual_leave":
        pay = dong_amount(leave_pay, "leave_pay", _("the pay for the leave days"))
        if a < pay:
            notes.append(_("For annual leave the employee may have an advance of at least the pay for the leave "
                           "days ({pay}).", pay=lambda lang: dong(pay, lang)))
    if reason == "agreement" and a > salary:
        notes.append(_("The advance is larger than the monthly salary: the Labour Code sets no maximum, but the "
                       "remainder is repaid from later pay (deductions at most 30 % of a month's pay, art. 102)."))
    return Figure(value=a, notes=tuple(notes), steps=tuple(trc.steps))


def late_pay_interest(amount: Any, days_late: Any, deposit_rate: Any, year: int, month: Any = 1) -> Figure:
    """Interest on salary paid 15 days or more late (art. 97(4)): at least the interest on the amount at
    the 1-month deposit rate of the payroll bank (a yearly rate, as a fraction: 0.045 for 4.5 %); per
    day on a 365-day year (an assumption, flagged verify)."""
    on = month_start(year, month)
    a = dong_amount(amount, "amount", _("the salary paid late"))
    days = whole(days_late, "days_late", _("the days late"), high=3650)
    r = number(deposit_rate, "deposit_rate", _("the yearly deposit rate as a fraction (0.045 for 4.5 %)"), high=1)
    rule = rulebook(COUNTRY).lookup("labour.late_pay", on)
    trc = trace()
    notes: list[Text] = []
    if days > rule.value["days_at_most"]:
        notes.append(_("Pay may be late by at most {days} days, and only for force majeure (art. 97(4)).",
                       days=rule.value["days_at_most"]))
    if days < rule.value["days_without_interest"]:
        value = trc.given("late_interest", ZERO, rules=[rule],
                          note=_("Less than {days} days late: no interest is owed.",
                                 days=rule.value["days_without_interest"]))
    else:
        value = trc.calc("late_interest", "late_amount * deposit_rate * days_late / year_days", rounding="dong",
                         rules=[rule], late_amount=a, deposit_rate=r, days_late=days, year_days=Q(365, "number"))
    return Figure(value=value, notes=tuple(notes), steps=tuple(trc.steps))
