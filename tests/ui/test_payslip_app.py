"""Payslip app: the lines and figures equal calc.payslip; the year table equals calc.year_payroll."""

from __future__ import annotations

from decimal import Decimal

import calc
from payroll_ui.apps.payslip import build


def expected(app, **pay):
    args = dict(days_worked=app.w_days.value)
    args.update(pay)
    return calc.payslip(app.w_salary.value, app.w_year.value, app.w_month.value, **args)


def test_default(shown) -> None:
    app = build("ru")
    p = expected(app)
    figs = shown(app)
    for key in ("gross", "ndfl", "net", "final_payment", "total_cost", "hourly_rate"):
        assert figs[key] == getattr(p, key), key
    assert figs["advance"] == p.advance.paid
    for line in p.lines:
        assert figs[f"line-{line.key}"] == line.amount


def test_opens_neutral_then_example_then_clear(shown) -> None:
    """Today's month, every working day, no bonus, no long-service scale; the article's case one click away."""
    app = build("en")
    on = calc.rulebook().default_date()
    assert (app.w_year.value, app.w_month.value) == (on.year, on.month)
    assert app.w_days.value == calc.working_days(on.year, on.month)
    assert app.w_scale.value == "none" and app.fields["years"].box.layout.display == "none"
    assert all(app.pay.w[k].value in ("0", "", "1", "20") for k in app.pay.w)
    figs = shown(app)
    assert [x.key for x in expected(app).lines] == ["salary_pay"]
    assert figs["gross"] == Decimal(app.w_salary.value)
    assert app.example_note.value == ""
    app.load_example()
    assert "22,500" in app.example_note.value
    p = calc.payslip(45000, 2017, 5, days_worked=10)
    assert shown(app)["line-salary_pay"] == Decimal("22500.00") == p.lines[0].amount
    assert shown(app)["net"] == p.net
    app.clear()
    assert app.example_note.value == "" and (app.w_year.value, app.w_month.value) == (on.year, on.month)
    assert shown(app)["gross"] == Decimal(app.w_salary.value)


def test_scale_shows_the_years() -> None:
    app = build("ru")
    assert app.fields["years"].box.layout.display == "none"
    app.w_scale.value = "civil_service"
    assert app.fields["years"].box.layout.display != "none"
    app.w_years.value = 7
    p = calc.payslip(60000, app.w_year.value, app.w_month.value, days_worked=app.w_days.value, seniority_years=7,
                     scale="civil_service")
    assert app.figures["net"] == p.net


def test_days_month_and_extras(shown) -> None:
    app = build("en", {"scale": "civil_service", "years": "7", "bonus": "25"})
    app.w_year.value = 2025
    app.w_month.value = 5
    assert app.w_days.max == calc.working_days(2025, 5)
    app.w_days.value = 10
    app.pay.w["night_hours"].value = "16"
    app.pay.w["night_rate"].value = "40"
    app.pay.w["overtime"].value = "3; 2.5"  # the English page: a decimal point ("2,5" is refused, see below)
    app.pay.w["allowance_pct"].value = "4"
    app.pay.w["district"].value = "1,3"
    assert "1.3" in app.messages()["district"]  # a comma groups thousands in English: said, not guessed
    app.pay.w["district"].value = "1.3"
    app.pay.w["northern"].value = "30"
    p = calc.payslip(60000, 2025, 5, days_worked=10, seniority_years=7, scale="civil_service",
                     bonus_percent=Decimal("0.25"), night_hours=16, night_rate=Decimal("0.4"),
                     overtime_hours=["3", "2,5"], district_coef="1.3", northern_percent=Decimal("0.3"),
                     allowances=[calc.Allowance("x", percent=Decimal("0.04"))])
    figs = shown(app)
    assert figs["gross"] == p.gross
    assert figs["net"] == p.net
    assert figs["line-district_pay"] == next(x.amount for x in p.lines if x.key == "district_pay")
    assert app.messages() == {}


def test_year_table_marks_the_months_bands_and_caps_change(shown) -> None:
    app = build("ru", {"salary": "500000", "year": "2025", "month": "6", "scale": "civil_service", "years": "7",
                       "bonus": "25"})
    p = expected(app, seniority_years=7, scale="civil_service", bonus_percent=Decimal("0.25"))
    year = calc.year_payroll(p.gross, 2025)
    figs = shown(app)
    for mc in year.months():
        assert figs[f"year-{mc.month}-ndfl"] == mc.ndfl
        assert figs[f"year-{mc.month}-total_cost"] == mc.total_cost
    changed = [mc.month for mc in year.months() if mc.events]
    assert changed
    assert app.year_table.value.count('class="event"') == len(changed)
    assert "НДФЛ: с этого месяца ставка 15" in app.year_table.value


def test_bad_inputs(shown) -> None:
    app = build("ru")
    app.pay.w["night_hours"].value = "8"
    before = shown(app)["net"]
    app.pay.w["night_rate"].value = "10"
    assert "минимума" in app.field_message("night_rate")
    assert shown(app)["net"] == before
    app.pay.w["night_rate"].value = "20"
    app.pay.w["overtime"].value = "30"
    assert app.field_message("overtime")
    app.pay.w["overtime"].value = ""
    app.pay.w["district"].value = "7"
    assert app.field_message("district")
    app.pay.w["district"].value = "1"
    app.w_salary.value = "-1"
    assert app.field_message("salary")
    app.w_salary.value = "60000"
    assert app.messages() == {}


def test_url_params_open_the_extra_fields(shown) -> None:
    app = build("ru", {"salary": "80000", "northern": "50", "scale": "none", "days": "50"})
    assert app.pay.more.selected_index == 0
    assert "days=50" in app.notice.value
    p = calc.payslip(80000, app.w_year.value, app.w_month.value, days_worked=app.w_days.value,
                     northern_percent=Decimal("0.5"))
    assert shown(app)["net"] == p.net
    again = build("en", {k: str(v) for k, v in app.scenario().items()})
    assert shown(again)["net"] == p.net


def test_language_switch() -> None:
    app = build("ru")
    app.lang_switch.value = "en"
    assert "Payslip" in app.lines.value
    assert "The year month by month" in app.year_table.value


def test_allowance_message_in_english_names_the_field_not_a_russian_label() -> None:
    app = build("en")
    app.pay.w["allowance_rub"].value = "-1"
    msg = app.field_message("allowance_rub")
    assert msg.startswith("Please enter the allowance in ₽ from 0 to")
    assert not any("а" <= ch <= "я" for ch in msg.lower())
