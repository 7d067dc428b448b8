"""Every public function of calc refuses bad input with a typed error (a CalcError with a message in both
languages) — never a raw TypeError / ValueError / AttributeError / ZeroDivisionError, and never a result
computed from nonsense.

The property test takes one valid call per function (``VALID``) and replaces one parameter at a time by a
bad value of its kind (``KINDS``: wrong types, out-of-range numbers, NaN/inf, bool for a number, None, a
string where a sequence of amounts is expected, dates in reverse order, huge numbers in a custom scale).
``python tests/test_bad_input.py`` prints the survey: every function × bad value that is not refused.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calc
from calc import Allowance, Bonus, Debt, Deduction, Payment, PayRise, PeriodMonth, RatePeriod
from calc.core.errors import CalcError, InputError, ScaleDefinitionError

D = date
NAN, INF = float("nan"), float("inf")
MONTHS = [PeriodMonth(2023, m, 60_000) for m in range(6, 13)] + [PeriodMonth(2024, m, 60_000) for m in range(1, 6)]


class Odd:
    """A value of no expected type."""

    def __repr__(self) -> str:
        return "Odd()"


# --------------------------------------------------------------------------- bad values of each kind

_NUMBER = [None, True, "abc", NAN, -INF, INF, [1000], {"a": 1}, Odd(), Decimal("NaN")]
KINDS: dict[str, list[Any]] = {
    "amount": [*_NUMBER, -1, 10**15, Decimal("1e400"), "120,000", "1,234.56"],
    "year": [*_NUMBER, 2.5, -1, 10**12, "2024x"],
    "month": [*_NUMBER, 0, 13, 2.5, -1, 10**12],
    "count": [*_NUMBER, -1, 2.5, 10**12],  # days, months, children: whole and not negative
    "days": [*_NUMBER, -1, 10**6],
    "hours": [*_NUMBER, -1, 10**6],  # hours of a month or a period
    "years": [*_NUMBER, -1, 10**12],  # years of service (a fraction is a part of a year)
    "week_hours": [*_NUMBER, -1, 0, 41, 169, 10**6],
    "rate": [*_NUMBER, -0.1, 100, 10**12],  # a fraction (0.15 for 15 %)
    "coef": [*_NUMBER, -1, 0, 10**6],
    "any_date": [None, True, "2024-01-01", 20240101, NAN, [D(2024, 1, 1)], Odd()],
    "date": [None, True, "2024-01-01", 20240101, NAN, [D(2024, 1, 1)], Odd(), D(1900, 1, 1), D(2999, 1, 1)],
    "flag": [None, "yes", "нет", 2, NAN, [True], Odd()],
    "choice": [None, 123, "nonsense", [], NAN, Odd(), True],
    "amounts": ["123456", 123456, None, [None], ["abc"], [-1], [NAN], [True], {"a": 1}, Odd(), [1000] * 13],
    "hours_list": ["123", 123.5, [None], ["abc"], [-1], [NAN], [True], {"a": 1}, Odd(), [169]],
    "pairs": ["abc", 123, [None], [(1,)], [("a", "b")], [(-1, 10)], [(31, 40)], [(NAN, 1)], Odd(), None],
    "periods": ["abc", 123, [None], [(D(2020, 1, 1), D(2019, 1, 1))], [("a", "b")], [()], Odd(), None],
    "earnings": ["123", [1, 2], {2023: "x"}, {2023: -1}, {"abc": 1}, {2023: NAN}, {2023: 10**15}, None, Odd()],
    "scale_steps": [
        [(10**30, "0.1")],
        [(1, 10**30)],
        [(1, Decimal("1e400"))],
        "abc",
        None,
        [(NAN, 0.1)],
        [(1, NAN)],
        {1: "x"},
        [(1, -0.1)],
        [(1, True)],
        Odd(),
        [None],
    ],
    "scale": [None, 123, "nonsense", [], Odd(), True],
    "items": ["abc", 123, [None], [1], [{"x": 1}], None, Odd()],
    "months_seq": [
        "abc",
        123,
        [None],
        [1],
        None,
        Odd(),
        [PeriodMonth(2023, 13, 1)],
        [PeriodMonth(2023, 5, -1)],
        [PeriodMonth(2023, 5, "abc")],
        [PeriodMonth("2023", 5, 1)],
    ],
    "allowances": [
        "abc",
        123,
        [None],
        [1],
        Odd(),
        [Allowance("x", percent=-1)],
        [Allowance("x", amount="abc")],
        [Allowance("x", amount=1, worked=5, planned=2)],
        [Allowance("x")],
        [Allowance("x", percent=NAN)],
    ],
    "debts": [
        "abc",
        123,
        [None],
        [1],
        None,
        Odd(),
        [Debt(-1, D(2024, 1, 10))],
        [Debt("abc", D(2024, 1, 10))],
        [Debt(1000, "2024-01-10")],
        [Debt(1000, D(2024, 1, 10), kind="nonsense")],
    ],
    "payments": [
        "abc",
        123,
        [None],
        [1],
        None,
        Odd(),
        [Payment(D(2024, 2, 1), -1)],
        [Payment("x", 1000)],
        [Payment(D(2024, 2, 1), 1000, debt=5)],
    ],
    "rates": [
        "abc",
        123,
        [None],
        [1],
        None,
        Odd(),
        [RatePeriod(D(2024, 1, 1), -1)],
        [RatePeriod("x", 0.16)],
        [RatePeriod(D(2024, 1, 1), NAN)],
    ],
    "deductions": [
        "abc",
        123,
        [None],
        [1],
        None,
        Odd(),
        [Deduction("nonsense", share=0.1)],
        [Deduction("writ", share=-1)],
        [Deduction("writ", share=NAN)],
        [Deduction("writ", amount="abc")],
    ],
    "bonuses": ["abc", 123, [None], [1], None, Odd(), [Bonus(-1)], [Bonus("abc")], [Bonus(1000, kind="nonsense")]],
    "pay_rise": ["abc", 123, Odd(), PayRise("x", 1.1), PayRise(D(2024, 1, 1), -1), PayRise(D(2024, 1, 1), NAN)],
    "month_list": ["123", 123, [None], [0], [13], ["abc"], [True], None, Odd()],
    "mapping": ["abc", 123, [1], {"x": "y"}, Odd()],
    "country": [None, 123, "zz", [], Odd()],
}

# --------------------------------------------------------------------------- one valid call per function

Call = tuple[dict[str, Any], dict[str, str]]  # (valid keyword arguments, {parameter: kind of bad values})

VALID: dict[str, Call] = {
    "advance": (
        dict(salary=60_000, year=2024, month=5, days_worked=5, prior_income=100_000),
        dict(
            salary="amount",
            year="year",
            month="month",
            method="choice",
            days_worked="days",
            prior_income="amount",
            withhold_ndfl="flag",
            resident="flag",
            month_gross="amount",
            percent="rate",
            country="country",
        ),
    ),
    "annual_payroll": (dict(monthly_gross=[60_000] * 12, year=2024), dict(monthly_gross="amounts", year="year")),
    "average_daily_earnings": (
        dict(earnings=600_000, on=D(2024, 6, 1), part_months=[(30, 10)], full_months=11),
        dict(earnings="amount", on="date", full_months="count", part_months="pairs"),
    ),
    "average_earnings": (
        dict(event=D(2024, 6, 1), months=MONTHS),
        dict(event="date", months="months_seq", bonuses="bonuses", pay_rise="pay_rise"),
    ),
    "billing_period": (dict(event=D(2024, 6, 1)), dict(event="date", country="country")),
    "custom_scale": (dict(steps=[(1, "0.1"), (5, "0.2")]), dict(steps="scale_steps")),
    "daily_tariff_pay": (dict(daily_rate=3000, days_worked=20), dict(daily_rate="amount", days_worked="days")),
    "date_reaching": (
        dict(periods=[(D(2010, 1, 1), None)], years=20, on=D(2024, 1, 1)),
        dict(periods="periods", years="years", on="any_date"),
    ),
    "deductions": (
        dict(pay=60_000, items=[Deduction("writ", share="0.2", priority=4)], on=D(2024, 6, 1), keep_minimum=True),
        dict(
            pay="amount",
            items="deductions",
            on="date",
            ndfl="amount",
            prior_income="amount",
            resident="flag",
            exempt="mapping",
            keep_minimum="flag",
            minimum="amount",
        ),
    ),
    "employer_cost": (
        dict(gross=60_000, year=2024),
        dict(
            gross="amount",
            year="year",
            month="month",
            kind="choice",
            accident_rate="rate",
            accident_class="count",
            resident="flag",
            children="count",
            sole_parent="flag",
            net="amount",
            total_cost="amount",
        ),
    ),
    "final_settlement": (
        dict(
            dismissal=D(2024, 6, 10),
            salary=60_000,
            earnings_12m=600_000,
            full_months=11,
            months_for_leave=4,
            ground="redundancy",
            average_daily_worked=2000,
        ),
        dict(
            dismissal="date",
            salary="amount",
            average_daily="amount",
            unused_days="days",
            months_for_leave="count",
            earnings_12m="amount",
            full_months="count",
            used_days="days",
            prior_income="amount",
            resident="flag",
            ground="choice",
            far_north="flag",
            service_months="count",
            leave_method="choice",
        ),
    ),
    "get_scale": (dict(scale="police"), dict(scale="scale")),
    "grounds": (dict(on=D(2024, 6, 1)), dict(on="date")),
    "holiday_pay": (
        dict(rate_per_hour=500, hours=8),
        dict(
            rate_per_hour="amount", hours="hours", salaried="flag", within_norm="flag", day_off_taken="flag", on="date"
        ),
    ),
    "hourly_rate": (
        dict(salary=60_000, year=2024, month=5),
        dict(salary="amount", year="year", month="month", method="choice", round_rate="flag"),
    ),
    "hourly_tariff_pay": (dict(hourly_rate=500, hours_worked=160), dict(hourly_rate="amount", hours_worked="hours")),
    "hours_norm": (dict(year=2024, month=5), dict(year="year", month="month", week_hours="week_hours")),
    "late_pay_compensation": (
        dict(debts=[Debt(50_000, D(2024, 1, 10))], payments=[Payment(D(2024, 2, 1), 50_000)]),
        dict(debts="debts", payments="payments", until="date", base="choice", denominator="coef", rates="rates"),
    ),
    "leave_months": (dict(start=D(2023, 1, 1), end=D(2024, 6, 1)), dict(start="date", end="date")),
    "leave_span": (dict(start=D(2024, 6, 3), days=14), dict(start="date", days="days", end="date")),
    "marginal_kinks": (dict(year=2024), dict(year="year", kind="choice")),
    "maternity_pay": (
        dict(start=D(2025, 3, 1), earnings={2023: 600_000, 2024: 600_000}),
        dict(
            start="date",
            earnings="earnings",
            kind="choice",
            days="days",
            excluded_days="days",
            record_years="count",
            record_months="count",
            district_coef="coef",
        ),
    ),
    "merge_periods": (dict(periods=[(D(2010, 1, 1), D(2015, 1, 1))]), dict(periods="periods")),
    "month_days": (dict(year=2024, month=5), dict(year="year", month="month")),
    "ndfl": (dict(income=60_000, year=2024), dict(income="amount", year="year", resident="flag", northern="amount")),
    "ndfl_detail": (
        dict(income=60_000, year=2024),
        dict(income="amount", year="year", resident="flag", northern="amount"),
    ),
    "night_surcharge": (
        dict(hourly_rate=500, night_hours=8),
        dict(hourly_rate="amount", night_hours="hours", night_rate="rate", on="date"),
    ),
    "overtime_pay": (dict(hourly_rate=500, hours=[2, 3]), dict(hourly_rate="amount", hours="hours_list", on="date")),
    "pay_deadline": (dict(start=D(2024, 6, 3)), dict(start="date")),
    "pay_lines": (
        dict(salary=60_000, year=2024, month=5, seniority_years=5, scale="police", night_hours=2, holiday_hours=4),
        dict(
            salary="amount",
            year="year",
            month="month",
            days_worked="days",
            hours_worked="hours",
            seniority_years="years",
            scale="scale",
            night_hours="hours",
            night_rate="rate",
            overtime_hours="hours_list",
            holiday_hours="hours",
            allowances="allowances",
            bonus_percent="rate",
            district_coef="coef",
            northern_percent="rate",
            last_day="date",
            hourly_method="choice",
            holiday_within_norm="flag",
        ),
    ),
    "payslip": (
        dict(salary=60_000, year=2024, month=5, prior_months=[60_000] * 4),
        dict(
            salary="amount",
            year="year",
            month="month",
            prior_months="amounts",
            advance_method="choice",
            advance_percent="rate",
            kind="choice",
            accident_rate="rate",
            children="count",
            sole_parent="flag",
            resident="flag",
        ),
    ),
    "period_norm_hours": (dict(year=2024, months=[1, 2, 3]), dict(year="year", months="month_list")),
    "period_overtime": (
        dict(hourly_rate=500, hours_worked=500, norm_hours=450),
        dict(hourly_rate="amount", hours_worked="hours", norm_hours="hours", holiday_hours="hours", on="date"),
    ),
    "rulebook": (dict(country="ru"), dict(country="country")),
    "salary_for_days": (
        dict(salary=60_000, days_worked=10, norm_days=20),
        dict(salary="amount", days_worked="days", norm_days="days"),
    ),
    "salary_for_hours": (
        dict(salary=60_000, hours_worked=100, norm_hours=160),
        dict(salary="amount", hours_worked="hours", norm_hours="hours"),
    ),
    "salary_for_month": (
        dict(salary=60_000, year=2024, month=5, days_worked=10),
        dict(salary="amount", year="year", month="month", days_worked="days"),
    ),
    "seniority": (dict(salary=60_000, years=5, scale="police"), dict(salary="amount", years="years", scale="scale")),
    "seniority_bonus": (
        dict(salary=60_000, years=5, scale="police"),
        dict(salary="amount", years="years", scale="scale"),
    ),
    "seniority_on": (
        dict(salary=60_000, periods=[(D(2015, 1, 1), None)], scale="police", on=D(2024, 1, 1)),
        dict(salary="amount", periods="periods", scale="scale", on="any_date"),
    ),
    "seniority_rate": (dict(years=5, scale="police"), dict(years="years", scale="scale")),
    "service_length": (dict(periods=[(D(2015, 1, 1), None)], on=D(2024, 1, 1)), dict(periods="periods", on="any_date")),
    "service_since": (dict(hire=D(2015, 1, 1), on=D(2024, 1, 1)), dict(hire="any_date", on="any_date")),
    "severance_pay": (
        dict(dismissal=D(2024, 6, 10), ground_key="redundancy", average_daily=2000),
        dict(
            dismissal="date",
            ground_key="choice",
            average_daily="amount",
            months="months_seq",
            far_north="flag",
            service_months="count",
            prior_income="amount",
            resident="flag",
        ),
    ),
    "shift_pay": (
        dict(hourly_rate=500, hours=12, night_hours=2),
        dict(hourly_rate="amount", hours="hours", night_hours="hours", night_rate="rate", on="date", shifts="count"),
    ),
    "sick_pay": (
        dict(start=D(2024, 6, 3), days=10, earnings={2022: 600_000, 2023: 600_000}, record_years=10),
        dict(
            start="date",
            days="days",
            earnings="earnings",
            record_years="count",
            record_months="count",
            case="choice",
            hired="any_date",
            district_coef="coef",
            prior_income="amount",
            resident="flag",
        ),
    ),
    "tariff": (dict(kind="general", on=D(2024, 6, 1)), dict(kind="choice", on="date")),
    "unused_leave_days": (
        dict(months=4, on=D(2024, 6, 1)),
        dict(months="count", on="date", used_days="days", leave_days="days", method="choice", ground="choice"),
    ),
    "vacation_pay": (
        dict(start=D(2024, 6, 3), days=14, average_daily=2000),
        dict(
            start="date",
            days="days",
            end="date",
            average_daily="amount",
            months="months_seq",
            paid_on="date",
            prior_income="amount",
            month_pay="amount",
            kind="choice",
            resident="flag",
        ),
    ),
    "withholding": (
        dict(monthly_income=[60_000] * 12, year=2024),
        dict(
            monthly_income="amounts",
            year="year",
            resident="flag",
            children="count",
            sole_parent="flag",
            northern="amounts",
        ),
    ),
    "work_hours": (dict(year=2024, month=5), dict(year="year", month="month")),
    "working_days": (dict(year=2024, month=5), dict(year="year", month="month")),
    "working_days_between": (dict(start=D(2024, 5, 1), end=D(2024, 5, 31)), dict(start="date", end="date")),
    "year_payroll": (
        dict(monthly_gross=[60_000] * 12, year=2024),
        dict(
            monthly_gross="amounts",
            year="year",
            kind="choice",
            accident_rate="rate",
            children="count",
            resident="flag",
            sole_parent="flag",
            northern="amount",
        ),
    ),
    "year_work_hours": (dict(year=2024), dict(year="year")),
    "year_working_days": (dict(year=2024), dict(year="year")),
}

# values that are allowed for a parameter although they look bad (a documented meaning)
ALLOWED: dict[tuple[str, str], list[Any]] = {
    ("advance", "month_gross"): [None],
    ("advance", "days_worked"): [None],
    ("advance", "percent"): [None],
    ("advance", "withhold_ndfl"): [None],
    ("final_settlement", "earnings_12m"): [None],
    ("final_settlement", "ground"): [None],
    ("deductions", "ndfl"): [None],
    ("deductions", "minimum"): [None],
    ("deductions", "exempt"): [None],
    ("holiday_pay", "on"): [None],
    ("hourly_rate", "month"): [None],
    ("late_pay_compensation", "until"): [None],
    ("late_pay_compensation", "denominator"): [None],
    ("leave_span", "end"): [None],
    ("leave_span", "days"): [None],
    ("maternity_pay", "days"): [None],
    ("night_surcharge", "night_rate"): [None],
    ("night_surcharge", "on"): [None],
    ("overtime_pay", "on"): [None],
    ("pay_lines", "night_rate"): [None],
    ("pay_lines", "last_day"): [None],
    ("pay_lines", "days_worked"): [None],
    ("pay_lines", "hours_worked"): [None],
    ("pay_lines", "seniority_years"): [None],
    ("pay_lines", "scale"): [None],
    ("payslip", "prior_months"): [None],
    ("payslip", "advance_percent"): [None],
    ("period_overtime", "on"): [None],
    ("salary_for_month", "days_worked"): [None],
    ("severance_pay", "average_daily"): [None],
    ("severance_pay", "months"): [None],
    ("shift_pay", "night_rate"): [None],
    ("shift_pay", "on"): [None],
    ("sick_pay", "hired"): [None],
    ("unused_leave_days", "leave_days"): [None],
    ("unused_leave_days", "ground"): [None],
    ("vacation_pay", "end"): [None],
    ("vacation_pay", "paid_on"): [None],
    ("vacation_pay", "average_daily"): [None],
    ("vacation_pay", "months"): [None],
    ("withholding", "northern"): [None],
    ("employer_cost", "net"): [None],
    ("employer_cost", "total_cost"): [None],
    ("employer_cost", "accident_rate"): [None],
    ("employer_cost", "accident_class"): [None],
    ("payslip", "accident_rate"): [None],
    ("year_payroll", "accident_rate"): [None],
    ("severance_pay", "pay_rise"): [None],
    ("average_earnings", "pay_rise"): [None],
    ("average_earnings", "bonuses"): [None],
    ("annual_payroll", "monthly_gross"): ["123456", 123456],  # one amount for every month
    ("year_payroll", "monthly_gross"): ["123456", 123456],
    ("late_pay_compensation", "rates"): [None],
    ("final_settlement", "average_daily"): [None],
    ("final_settlement", "unused_days"): [None],
    ("final_settlement", "months_for_leave"): [None],
}

EXCLUSIVE = {  # a parameter that replaces another: give it alone
    ("employer_cost", "net"): {"gross": None},
    ("employer_cost", "total_cost"): {"gross": None},
    ("final_settlement", "earnings_12m"): {"average_daily": None},
    ("severance_pay", "months"): {"average_daily": None},
    ("vacation_pay", "months"): {"average_daily": None},
    ("vacation_pay", "end"): {"days": None},
    ("leave_span", "end"): {"days": None},
    ("advance", "percent"): {"method": "percent", "days_worked": None},
    ("payslip", "advance_percent"): {"advance_method": "percent"},
    ("final_settlement", "average_daily"): {"earnings_12m": None},
    ("final_settlement", "unused_days"): {"months_for_leave": None},
}


def allowed(fn: str, param: str, bad: Any) -> bool:
    """Whether ``bad`` is in fact a valid value there (a default of None means 'not given')."""
    return any(type(bad) is type(a) and (bad is a or bad == a) for a in ALLOWED.get((fn, param), []))


def cases() -> list[tuple[str, str, int]]:
    """(function, parameter, index of the bad value) for every bad value of every parameter's kind."""
    return [
        (fn, p, i)
        for fn, (_, params) in VALID.items()
        for p, kind in params.items()
        for i, bad in enumerate(KINDS[kind])
        if not allowed(fn, p, bad)
    ]


def call_with(fn: str, param: str, bad: Any) -> Any:
    kwargs, _ = VALID[fn]
    kwargs = {**kwargs, **EXCLUSIVE.get((fn, param), {}), param: bad}
    return getattr(calc, fn)(**kwargs)


def outcome(fn: str, param: str, bad: Any) -> str:
    """'refused' (a CalcError with both messages), 'accepted' or the name of the raw exception."""
    try:
        call_with(fn, param, bad)
    except CalcError as e:
        ru, en = e.message("ru"), e.message("en")
        return "refused" if ru and en and ru != en else "refused, not translated"
    except Exception as e:
        return type(e).__name__
    return "accepted"


# --------------------------------------------------------------------------- the tests


def test_the_valid_calls_are_valid_and_cover_every_public_function() -> None:
    public = {n for n in calc.__all__ if inspect.isfunction(getattr(calc, n))}
    assert set(VALID) == public
    for fn, (kwargs, params) in VALID.items():
        getattr(calc, fn)(**kwargs)
        assert set(params) <= set(inspect.signature(getattr(calc, fn)).parameters), fn


@pytest.mark.parametrize(("fn", "param", "i"), cases(), ids=[f"{f}-{p}-{i}" for f, p, i in cases()])
def test_every_bad_value_is_refused(fn: str, param: str, i: int) -> None:
    bad = KINDS[VALID[fn][1][param]][i]
    assert outcome(fn, param, bad) == "refused", f"{fn}({param}={bad!r})"


def _bad_number(kind: str) -> st.SearchStrategy[Any]:
    """Random out-of-range or wrong-typed values for a numeric kind."""
    big = st.integers(min_value=10**13, max_value=10**40) | st.integers(max_value=-1)
    weird = st.sampled_from([NAN, INF, -INF, True, False, None]) | st.text(
        alphabet="abcxyz абв", min_size=1, max_size=8
    )
    return big | weird if kind in ("amount", "coef") else big | weird | st.floats(0.01, 0.99).map(lambda x: x + 1)


PARAMS = [(fn, p, kind) for fn, (_, ps) in VALID.items() for p, kind in ps.items()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_bad_values_give_only_typed_errors(data: st.DataObject) -> None:
    fn, param, kind = data.draw(st.sampled_from(PARAMS))
    if kind in ("amount", "year", "count", "days", "hours", "years", "coef", "week_hours"):
        bad = data.draw(_bad_number(kind) | st.sampled_from(KINDS[kind]))
    else:
        bad = data.draw(st.sampled_from(KINDS[kind]))
    if allowed(fn, param, bad) or (bad is False and kind in ("amount", "coef")):
        bad = Odd()
    try:
        call_with(fn, param, bad)
    except CalcError:
        return
    except Exception as e:
        pytest.fail(f"{fn}({param}={bad!r}) raised {type(e).__name__}: {e}")
    # fractional counts and hours may be valid (half a day): a result is then fine only when the value is in range
    fractional = ("days", "hours", "years", "coef", "week_hours")
    if isinstance(bad, float) and math.isfinite(bad) and 1 < bad < 2 and kind in fractional:
        return
    pytest.fail(f"{fn}({param}={bad!r}) was accepted")


# --------------------------------------------------------------------------- named cases


def _refused(call: Callable[[], Any], kind: type[CalcError], *words: str) -> CalcError:
    with pytest.raises(kind) as e:
        call()
    for w in words:
        assert w in e.value.message("en") or w in e.value.message("ru"), (w, e.value.message("en"))
    return e.value


def test_a_string_of_digits_is_not_twelve_months_of_income() -> None:
    _refused(lambda: calc.withholding("123456", 2024), InputError, "list")
    assert len(calc.year_payroll("60000", 2024).taxes) == 12  # one amount for every month, not one per digit


def test_weekly_hours_are_within_the_law() -> None:
    e = _refused(lambda: calc.hours_norm(2024, 5, week_hours=-5), InputError, "40")
    assert e.field == "week_hours"
    _refused(lambda: calc.hours_norm(2024, 5, week_hours=169), InputError, "40")


def test_dates_in_reverse_order() -> None:
    _refused(lambda: calc.working_days_between(D(2024, 5, 31), D(2024, 5, 1)), InputError, "2024")
    _refused(lambda: calc.leave_months(D(2024, 6, 1), D(2023, 1, 1)), InputError, "2023")


def test_huge_numbers_in_a_custom_scale_get_a_message() -> None:
    e = _refused(lambda: calc.custom_scale([(10**30, "0.1")]), ScaleDefinitionError)
    assert len(e.message("en")) < 300
    _refused(lambda: calc.custom_scale([(1, 10**30)]), ScaleDefinitionError, "%")


def test_messages_state_real_limits() -> None:
    e = _refused(lambda: calc.night_surcharge(500, 8, night_rate=5), InputError, "%")
    assert "10^" not in e.message("en") and "1e" not in e.message("en").lower()


def survey() -> dict[str, list[str]]:
    """{outcome: ['fn(param=value)', …]} over every case (the figures of the report)."""
    out: dict[str, list[str]] = {}
    for fn, p, i in cases():
        bad = KINDS[VALID[fn][1][p]][i]
        out.setdefault(outcome(fn, p, bad), []).append(f"{fn}({p}={bad!r})")
    return out


if __name__ == "__main__":
    res = survey()
    total = sum(len(v) for v in res.values())
    print(f"{len(VALID)} functions, {len(PARAMS)} parameters, {total} function × bad value cases")
    for k, v in sorted(res.items(), key=lambda kv: kv[0] != "refused"):
        print(f"{k}: {len(v)}")
        if k != "refused":
            for x in v:
                print("   ", x)


@pytest.mark.parametrize("text", ["120,000", "1,200,000", "1.200.000", "1,234.56", "1.234,56", "-5,000"])
def test_an_ambiguous_number_is_refused_with_the_ways_to_write_it(text: str) -> None:
    e = _refused(lambda: calc.ndfl(text, 2024), InputError, "read two ways", "120000,50")
    assert "двояко" in e.message("ru") and e.field == "income"


@pytest.mark.parametrize(
    ("text", "value"),
    [("120000", "120000"), ("120000.50", "120000.5"), ("120000,50", "120000.5"), ("120 000,50", "120000.5"),
     ("120 000", "120000"), ("0,125", "0.125"), ("1234,567", "1234.567"), ("120.000", "120")],
)
def test_unambiguous_numbers_stay_accepted(text: str, value: str) -> None:
    assert calc.salary_for_days(text, 1, 1).amount == calc.salary_for_days(Decimal(value), 1, 1).amount
