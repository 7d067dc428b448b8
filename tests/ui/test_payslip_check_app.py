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


SHIFT = {"year": "2025", "month": "10", "time": "hours", "salary": "60000", "hours": "160", "night": "40",
         "overtime": "3;1", "holiday": "8", "bonus": "10"}
"""A shift worker on a salary, October 2025 (184 norm hours): 160 hours by the schedule, 40 of them at night, 8 on
a public holiday or day off, and two overtime occasions of 3 and 1 hours."""


def test_hours_mode_with_a_salary_equals_the_engine(shown) -> None:
    app = build("en", SHIFT)
    assert app.fields["hours"].box.layout.display != "none" and app.fields["days"].box.layout.display == "none"
    r = calc.payslip(60000, 2025, 10, hours_worked=160, night_hours=40, overtime_hours=["3", "1"], holiday_hours=8,
                     bonus_percent="0.1")
    lines = {x.key: x.amount for x in r.lines}
    f = shown(app)
    assert f["hourly_rate"] == r.hourly_rate == Decimal("326.09") and f["norm_hours"] == 184
    assert f["correct-salary_pay"] == lines["salary_pay"] == Decimal("52174.40")
    assert f["correct-night"] == lines["night_pay"] == Decimal("2608.72")       # 326.09 × 40 × 20 %
    # ТК ст. 152 after ruling 35-П: overtime on the rate with the bonus, 326.09 × 1.1 → 358.70 ₽/h;
    # first hours 2 + 1 at × 1.5, 1 hour at × 2: 1,614.15 + 717.40; ст. 153: one more rate for each of the 8 hours
    assert f["correct-overtime"] == lines["overtime_pay"] == Decimal("2331.55")
    assert f["correct-holiday"] == lines["holiday_pay"] == Decimal("2869.60")
    assert f["correct-gross"] == r.gross and f["correct-ndfl"] == r.ndfl and f["correct-paid"] == r.final_payment
    app.explain.panel.selected_index = 0
    assert "35-P" in app.explain.html.value and "night" in app.explain.html.value


def test_hours_mode_hourly_tariff_and_printed_lines(shown) -> None:
    """An hourly tariff of 300 ₽: the employer paid overtime on the bare rate (before ruling 35-П) — marked."""
    app = build("ru", {**SHIFT, "pay": "tariff", "rate": "300", "p_salary_pay": "48000", "p_overtime": "1950",
                       "p_night": "2400"})
    r = calc.payslip(300 * 184, 2025, 10, hours_worked=160, night_hours=40, overtime_hours=["3", "1"],
                     holiday_hours=8, bonus_percent="0.1")
    assert app.fields["rate"].box.layout.display != "none" and app.fields["salary"].box.layout.display == "none"
    f = shown(app)
    assert f["hourly_rate"] == Decimal("300.00") and f["correct-salary_pay"] == Decimal("48000.00")
    assert f["correct-overtime"] == Decimal("2145.00") == next(x.amount for x in r.lines if x.key == "overtime_pay")
    assert f["diff-overtime"] == Decimal("-195.00") and f["diff-night"] == 0 and f["differs"] == 1
    assert "не в вашу пользу" in app.table.value
    assert "52 800" in app.explain_source(app.result, "ru").replace("\u00a0", " ")   # 300 × 184: the tariff note
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert shown(again) == f
    app.w_time.value = "days"  # back to days: the hours' lines are neither asked nor compared
    assert app.fields["p_overtime"].box.layout.display == "none" and "correct-overtime" not in shown(app)


@pytest.mark.parametrize(("key", "value", "field", "words"), [
    ("w_hours", "", "hours", "hours worked"),
    ("w_hours", "abc", "hours", ""),
    ("w_hours", "-1", "hours", "from 0"),
    ("w_hours", "1000000000000", "hours", "from 0"),
    ("w_night", "500", "night", "is more than the hours worked"),
    ("w_holiday", "170", "holiday", "is more than the hours worked"),
    ("w_overtime", "30", "overtime", ""),
    ("w_night_rate", "10", "night_rate", "minimum"),
    ("w_rate", "0", "rate", ""),
])
def test_hours_mode_bad_input_at_the_field(shown, key: str, value: str, field: str, words: str) -> None:
    app = build("en", {**SHIFT, "pay": "tariff", "rate": "300"})
    before = shown(app)["net"]
    getattr(app, key).value = value
    assert words in app.field_message(field) and app.field_message(field)
    assert shown(app)["net"] == before and "pa-stale" in app.root._dom_classes and app.failures == []
