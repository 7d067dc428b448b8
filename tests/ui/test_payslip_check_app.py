"""Check my payslip, driven from Python: each line equals calc.payslip; differing lines are marked with
the difference and in whose favour; empty lines are computed, not compared."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from payroll_ui.apps.payslip_check import build

CASE = {"year": "2025", "month": "10", "salary": "60000", "long": "10", "bonus": "25", "district": "1.15",
        "northern": "30"}


def engine() -> calc.Payslip:
    return calc.payslip(60000, 2025, 10, allowances=[calc.Allowance("Надбавка за выслугу лет", percent="0.1")],
                        bonus_percent="0.25", district_coef="1.15", northern_percent="0.3")


def test_every_line_is_the_engines_and_empty_lines_are_not_compared(shown) -> None:
    app = build("en", CASE)
    r = engine()
    lines = {x.key: x.amount for x in r.lines}
    f = shown(app)
    assert f["correct-salary_pay"] == lines["salary_pay"] == Decimal("60000.00")
    assert f["correct-long_service"] == lines["allowance_1"] == Decimal("6000.00")
    assert f["correct-bonus"] == lines["bonus_pay"] and f["correct-district"] == lines["district_pay"]
    assert f["correct-northern"] == lines["northern_pay"] and f["correct-gross"] == r.gross == Decimal("117450.00")
    assert f["correct-ndfl"] == r.ndfl and f["correct-advance"] == r.advance.paid
    assert f["correct-paid"] == r.final_payment
    assert f["differs"] == 0 and "printed-gross" not in f and app.verdict.value == ""


def test_differing_lines_marked_with_amount_and_side(shown) -> None:
    r = engine()
    paid = r.final_payment - Decimal("216.35")  # the member was paid 216.35 ₽ short
    app = build("ru", {**CASE, "p_salary_pay": "60000", "p_ndfl": "15300", "p_paid": str(paid)})
    f = shown(app)
    assert f["differs"] == 2
    assert f["diff-salary_pay"] == 0
    assert f["diff-ndfl"] == Decimal("15300") - r.ndfl == 32  # withheld 32 ₽ too much
    assert f["diff-paid"] == paid - r.final_payment
    assert f["owed"] == r.final_payment - paid == Decimal("216.35")
    table = app.table.value
    assert table.count('class="differs"') == 2 and table.count('class="same"') == 1
    assert table.count("не в вашу пользу") == 2 and "ст. 226" in table
    app.printed["paid"].value = str(r.final_payment + 1000)
    assert "в вашу пользу" in app.table.value


def test_days_worked_and_prior_income(shown) -> None:
    app = build("en", {**CASE, "days": "20", "prior": "900000"})
    r = calc.payslip(60000, 2025, 10, days_worked=20, prior_months=[900000, *([0] * 8)],
                     allowances=[calc.Allowance("x", percent="0.1")], bonus_percent="0.25", district_coef="1.15",
                     northern_percent="0.3")
    assert shown(app)["correct-salary_pay"] == r.lines[0].amount and shown(app)["correct-ndfl"] == r.ndfl
    assert shown(app)["norm_days"] == 23


def test_deductions_above_the_limit_are_flagged() -> None:
    app = build("en", {**CASE, "p_deductions": "30000"})
    assert "Labour Code art. 138" in app.verdict.value and "20%" in app.verdict.value
    app.printed["deductions"].value = "1000"
    assert "art. 138" not in app.verdict.value


@pytest.mark.parametrize(("widget", "value", "field", "words"), [
    ("w_salary", "", "salary", "Please enter"),
    ("w_salary", "abc", "salary", "as a number"),
    ("w_salary", "-1", "salary", "above 0"),
    ("w_salary", "1000000000000", "salary", "above 0"),
    ("w_days", "40", "days", "from 0 to 23"),
    ("w_long", "-10", "long_service", "from 0"),
    ("w_district", "9", "district", "from 1 to 3"),
    ("w_northern", "abc", "northern", "number"),
])
def test_bad_input(shown, text, widget: str, value: str, field: str, words: str) -> None:
    app = build("en", CASE)
    before = shown(app)["correct-gross"]
    getattr(app, widget).value = value
    assert words in app.field_message(field)
    assert shown(app)["correct-gross"] == before and "Traceback" not in text(app) and app.failures == []


@pytest.mark.parametrize("value", ["abc", "-5", "1000000000000"])
def test_bad_printed_line(shown, value: str) -> None:
    app = build("ru", CASE)
    app.printed["gross"].value = value
    assert app.field_message("p_gross")
    app.printed["gross"].value = ""
    assert app.messages() == {}


def test_link_round_trip(shown) -> None:
    app = build("en", {**CASE, "p_ndfl": "15300"})
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert shown(again) == shown(app)
