"""Reading typed answers: tolerant of how people write money, clear about what it cannot read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.core.errors import CalcError
from payroll_ui.lessons.answers import candidates, date_number, format_answer, parse_answer, parse_number
from payroll_ui.lessons.content import EXERCISE_LIST, get

D = Decimal


@pytest.mark.parametrize(
    "text",
    ["22500", "22 500", "22\u00a0500", "22\u202f500", "22500,00", "22 500,00", "22 500 ₽", "22500 руб.", "22 500,00 р.",
     "22500.00", "22.500,00", "  22500  "],
)
def test_money_written_many_ways_ru(text: str) -> None:
    assert parse_answer(text, "rub", "ru")[0] == D("22500")


@pytest.mark.parametrize("text", ["22,500", "22,500.00", "22500.00", "22 500 ₽", "22500 RUB", "22500,00"])
def test_money_written_many_ways_en(text: str) -> None:
    assert parse_answer(text, "rub", "en")[0] == D("22500")


def test_decimal_comma_and_point() -> None:
    assert parse_number("49,40", "ru") == D("49.40")
    assert parse_number("49.40", "ru") == D("49.40")
    assert parse_number("49.40", "en") == D("49.40")
    assert parse_number("1 234 567,89", "ru") == D("1234567.89")
    assert parse_number("1,234,567.89", "en") == D("1234567.89")
    assert parse_number("-30", "ru") == D("-30")


def test_percent_days_hours_years_months_dates() -> None:
    assert parse_answer("15 %", "percent", "ru") == (D(15), True)
    assert candidates(*parse_answer("15", "percent", "ru"), "percent") == (D("0.15"),)
    assert D("0.15") in candidates(*parse_answer("0,15", "percent", "ru"), "percent")
    assert parse_answer("9,34 дн.", "days", "ru")[0] == D("9.34")
    assert parse_answer("9.34 days", "days", "en")[0] == D("9.34")
    assert parse_answer("168 ч", "hours", "ru")[0] == D(168)
    assert parse_answer("11 лет", "years", "ru")[0] == D(11)
    for text in ("8", "08", "август", "Августа", "в августе", "авг", "August", "aug", "in August"):
        assert parse_answer(text, "month", "ru")[0] == D(8), text
    assert parse_answer("май", "month", "ru")[0] == D(5)
    assert parse_answer("мая", "month", "ru")[0] == D(5)
    assert parse_answer("14.04.2030", "date", "ru")[0] == date_number(date(2030, 4, 14))
    assert parse_answer("2030-04-14", "date", "en")[0] == date_number(date(2030, 4, 14))


@pytest.mark.parametrize(
    ("text", "unit"),
    [("", "rub"), ("   ", "rub"), ("abc", "rub"), ("22 500 евро", "rub"), ("1e999", "rub"), ("nan", "rub"),
     ("inf", "rub"), ("22..5", "rub"), ("1,2,3,4", "rub"), ("12-34", "rub"), ("9" * 60, "rub"), ("13", "month"),
     ("0", "month"), ("ма", "month"), ("31.02.2030", "date"), ("14/04", "date"), ("1,5 %%", "percent"),
     ("<script>", "rub"), ("2 500 000 000 000 000 000 000 ₽ ₽", "rub")],
)
def test_unreadable_answers_give_a_clear_message(text: str, unit: str) -> None:
    with pytest.raises(CalcError) as err:
        parse_answer(text, unit, "ru")
    assert err.value.message("ru") and err.value.message("en")
    assert "Traceback" not in err.value.message("en")


@given(st.text(max_size=60), st.sampled_from(["rub", "percent", "days", "month", "date", "years"]))
def test_parse_never_raises_anything_but_a_calc_error(text: str, unit: str) -> None:
    try:
        value, _ = parse_answer(text, unit, "ru")
    except CalcError:
        return
    assert value.is_finite()


@given(st.text(max_size=40))
def test_checking_any_text_never_raises(text: str) -> None:
    verdict = get("L1.1").check(text, "en")
    assert verdict.status in {"right", "close", "trap", "wrong", "invalid", "empty"}
    assert verdict.message["ru"] and verdict.message["en"]


@pytest.mark.parametrize("ex", EXERCISE_LIST, ids=lambda e: e.id)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_shown_answer_is_accepted_when_typed_back(ex, lang: str) -> None:
    """Typing the answer exactly as the solution shows it (in either language) is judged right."""
    shown = format_answer(ex.answer(), ex.unit, lang)
    assert ex.check(shown, lang).status == "right", shown
    if ex.unit == "month":
        assert ex.check(shown.split(" (")[1].rstrip(")"), lang).status == "right"
