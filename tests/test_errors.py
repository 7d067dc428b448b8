"""Impossible input gets a typed error with a message a non-programmer understands, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

import calc
from calc.errors import CalcError, InputError, OutOfRangeError, ScaleDefinitionError, UnknownScaleError

CASES = [
    ("negative salary", lambda: calc.seniority_bonus(-100, 5, "police"), InputError, "salary"),
    ("absurd salary", lambda: calc.employer_cost(10**12, 2024), InputError, "gross"),
    ("text salary", lambda: calc.employer_cost("много", 2024), InputError, "gross"),
    ("empty salary", lambda: calc.advance("", 2024, 5), InputError, "salary"),
    ("infinite salary", lambda: calc.employer_cost("inf", 2024), InputError, "gross"),
    ("days above the month", lambda: calc.salary_for_month(45000, 2017, 5, 25), InputError, "days_worked"),
    ("days above the first half", lambda: calc.advance(75000, 2024, 5, days_worked=14), InputError, "days_worked"),
    ("unknown scale", lambda: calc.seniority_bonus(1000, 5, "pilots"), UnknownScaleError, "scale"),
    ("overlapping custom steps", lambda: calc.custom_scale([(5, "0.1"), (5, "0.2")]), ScaleDefinitionError, "steps"),
    ("year before the data", lambda: calc.employer_cost(1000, 2010), OutOfRangeError, "year"),
    ("year after the data", lambda: calc.advance(1000, 2027, 1), OutOfRangeError, "year"),
    ("date after the data", lambda: calc.final_settlement(date(2027, 2, 1), 1000, average_daily=1, unused_days=1),
     OutOfRangeError, "date"),
    ("negative service", lambda: calc.seniority_rate(-3, "civil_service"), InputError, "years"),
    ("unknown employer kind", lambda: calc.employer_cost(1000, 2024, kind="ngo"), InputError, "kind"),
    ("negative pay in a year", lambda: calc.annual_payroll([1000, -5], 2024), InputError, "gross"),
    ("thirteen months", lambda: calc.annual_payroll([1000] * 13, 2024), InputError, "gross"),
    ("hire after the date", lambda: calc.service_since(date(2025, 1, 1), date(2024, 1, 1)), InputError, "hire_date"),
    ("period ends before it starts", lambda: calc.service_length([(date(2020, 1, 1), date(2019, 1, 1))],
                                                                 date(2024, 1, 1)), InputError, "periods"),
]


@pytest.mark.parametrize(("name", "call", "kind", "field"), CASES, ids=[c[0] for c in CASES])
def test_typed_error_with_a_clear_message(name: str, call, kind: type, field: str) -> None:
    with pytest.raises(kind) as e:
        call()
    err = e.value
    assert isinstance(err, CalcError) and isinstance(err, ValueError)
    assert err.field == field
    ru, en = err.message("ru"), err.message("en")
    assert ru and en and ru != en
    assert "Traceback" not in ru and "Decimal(" not in en
    assert any("а" <= ch <= "я" for ch in ru.lower())  # the Russian message is in Russian
