"""Impossible input gets a typed error with a message a non-programmer understands, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

import calc
from calc.core.errors import CalcError, InputError, OutOfRangeError, ScaleDefinitionError, UnknownScaleError

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
    ("children as text", lambda: calc.employer_cost(100_000, 2024, children="abc"), InputError, "children"),
    ("children as nothing", lambda: calc.employer_cost(100_000, 2024, children=None), InputError, "children"),
    ("resident as text", lambda: calc.employer_cost(100_000, 2024, resident="no"), InputError, "resident"),
    ("resident as text in ndfl", lambda: calc.ndfl(100_000, 2024, resident="нет"), InputError, "resident"),
    ("sole parent as text", lambda: calc.employer_cost(1, 2024, children=1, sole_parent="x"), InputError,
     "sole_parent"),
    ("withholding as text", lambda: calc.advance(75000, 2024, 5, withhold_ndfl="yes"), InputError, "withhold_ndfl"),
    ("no calculation date", lambda: calc.service_length([(date(2020, 1, 1), None)], None), InputError, "on"),
    ("no date for the bonus", lambda: calc.seniority_on(1000, [(date(2020, 1, 1), None)], "police", "2024"),
     InputError, "on"),
    ("no hire date", lambda: calc.service_since(None, date(2024, 1, 1)), InputError, "hire_date"),
]


def test_a_percentage_typed_as_a_whole_number_gets_a_hint() -> None:
    with pytest.raises(InputError) as e:
        calc.advance(50_000, 2025, 10, method="percent", percent=40)
    assert "0.4 means 40%" in e.value.message("en") and "0,4 — это 40 %" in e.value.message("ru")


def test_an_absurd_number_is_quoted_short() -> None:
    with pytest.raises(InputError) as e:
        calc.advance("1e400", 2025, 10)
    assert "1.00E+400" in e.value.message("en") and len(e.value.message("en")) < 120


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
