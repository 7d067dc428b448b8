"""Final settlement app: the seed example and changes, equal to calc.final_settlement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from payroll_ui.apps import dismissal


def build(lang: str = "ru", params: dict[str, str] | None = None) -> dismissal.DismissalApp:
    """The app with the source article's example loaded (as "Example from the article" does)."""
    app = dismissal.build(lang)
    app.load_example()
    if params:
        app.load(params)
    return app

SEED_PAY = dict(
    hours_worked="44", hourly_method="year", night_hours="16", night_rate=Decimal("0.4"), bonus_percent=Decimal("1.5"),
    allowances=[calc.Allowance("harmful", percent=Decimal("0.04")),
                calc.Allowance("personal", amount="2000", worked=2, planned=8)],
)


def test_seed_example(shown) -> None:
    app = build("ru")
    figs = shown(app)
    assert figs["gross"] == Decimal("13652.12")
    assert figs["ndfl"] == Decimal("1775")
    assert figs["net"] == Decimal("11877.12")
    r = calc.final_settlement(date(2017, 8, 7), 8300, average_daily="769.53", unused_days="9.34", **SEED_PAY)
    assert figs["net"] == r.net
    assert "13 622,13" in app.seed_note.value and "30 ₽" in app.seed_note.value
    app.w_salary.value = "9000"
    assert app.seed_note.value == ""
    assert "8,300" in app.example_note.value or "8 300" in app.example_note.value  # the example is still named


def test_opens_on_a_neutral_current_case_and_clear_drops_every_extra(shown) -> None:
    """Issue 12: the worked example never leaks into the visitor's case."""
    app = dismissal.build("en")
    on = calc.rulebook().default_date()
    assert app.w_date.value == on and app.example_note.value == "" and app.seed_note.value == ""
    app.w_salary.value = "120,000"  # as English writes it
    r = calc.final_settlement(on, Decimal(120000), earnings_12m=Decimal(1440000), full_months=12, unused_days=0,
                              hourly_method="month")
    assert shown(app)["gross"] == r.gross and shown(app)["net"] == r.net
    app.load_example()
    assert shown(app)["net"] == Decimal("11877.12") and app.pay.more.selected_index == 0  # extras visible
    app.w_salary.value = "120000"
    assert shown(app)["net"] > r.net  # the example's bonus and allowances still apply, and the banner says so
    assert app.example_note.value
    app.clear()
    app.w_salary.value = "120000"
    assert shown(app)["net"] == r.net and app.example_note.value == ""


def test_leave_by_months_and_average_from_earnings(shown) -> None:
    app = build("en")
    app.w_leave.value = "months"
    app.w_months.value = "7"
    app.w_used.value = "3"
    app.w_avg.value = "12m"
    app.w_earnings.value = "250000"
    app.w_full.value = 11
    r = calc.final_settlement(date(2017, 8, 7), 8300, earnings_12m="250000", full_months=11, months_for_leave="7",
                              used_days="3", **SEED_PAY)
    figs = shown(app)
    assert figs["net"] == r.net
    assert figs["unused_days"] == r.unused_days
    assert figs["average_daily"] == r.average_daily
    assert app.messages() == {}


def test_days_mode(shown) -> None:
    app = build("ru")
    app.w_time.value = "days"
    app.w_days.value = "5"
    assert app.fields["hours"].box.layout.display == "none"
    pay = {**SEED_PAY, "days_worked": "5"}
    pay.pop("hours_worked")
    r = calc.final_settlement(date(2017, 8, 7), 8300, average_daily="769.53", unused_days="9.34", **pay)
    assert shown(app)["net"] == r.net


def test_bad_inputs_keep_last_result(shown, text) -> None:
    app = build("ru")
    before = shown(app)["net"]
    cases = [("w_salary", "-8300", "salary"), ("w_hours", "1000", "hours"), ("w_average", "abc", "average_daily"),
             ("w_unused", "-1", "unused_days")]
    for attr, bad, field in cases:
        good = getattr(app, attr).value
        getattr(app, attr).value = bad
        assert app.field_message(field), attr
        assert shown(app)["net"] == before
        getattr(app, attr).value = good
    app.w_date.value = None
    assert app.field_message("date")
    app.w_date.value = date(2030, 1, 1)
    assert "2030" in app.field_message("date")
    app.w_date.value = date(2017, 8, 7)
    app.pay.w["planned"].value = "0"
    assert app.field_message("shifts")
    assert shown(app)["net"] == before
    assert "Traceback" not in text(app)


def test_url_params(shown) -> None:
    app = build("ru", {"lang": "en", "date": "2025-03-14", "salary": "40000", "time": "days", "days": "10",
                       "bonus": "0", "allowance_pct": "0", "allowance_rub": "0", "night_hours": "0",
                       "unused": "12.5"})
    r = calc.final_settlement(date(2025, 3, 14), 40000, days_worked="10", hourly_method="year", night_hours="0",
                              night_rate=Decimal("0.4"), average_daily="769.53", unused_days="12.5")
    assert shown(app)["net"] == r.net
    assert app.notice.value == ""
    again = dismissal.build("ru", {k: str(v) for k, v in app.scenario().items()})  # a link opens on the neutral case
    assert shown(again)["net"] == r.net


def test_hours_above_what_fits_up_to_the_dismissal_day_are_refused(shown) -> None:
    app = build("ru")
    before = shown(app)["net"]
    app.w_hours.value = "700"  # 7 August: at most 7 × 24 = 168 hours
    msg = app.field_message("hours")
    assert "С 1-го по 07.08.2017 всего 7\u00a0дней — это не больше 168\u00a0часов" in msg
    assert "введено 700\u00a0часов" in msg
    assert shown(app)["net"] == before
    app.w_hours.value = "168"
    assert app.messages() == {}
    app.set_lang("en")
    app.w_hours.value = "169"
    assert "From the 1st to 7 Aug 2017 there are 7\u00a0days — at most 168\u00a0hours" in app.field_message("hours")


def test_days_above_the_working_days_up_to_the_dismissal_day_are_refused() -> None:
    app = build("en")
    app.w_time.value = "days"
    assert app.messages() == {}  # empty: every working day up to the dismissal day
    app.w_days.value = "6"
    msg = app.field_message("days")
    assert "production calendar has 5 working days" in msg and "you typed 6" in msg
    app.w_days.value = "5"
    assert app.messages() == {}


def test_more_shifts_worked_than_planned_are_refused(shown) -> None:
    app = build("ru")
    before = shown(app)["net"]
    app.pay.w["worked"].value = "9"
    msg = app.field_message("shifts")
    assert msg.startswith("Отработано 9\u00a0смен — больше, чем по графику (8\u00a0смен).")
    assert shown(app)["net"] == before
    app.pay.w["worked"].value = "8"
    assert app.messages() == {}
    assert app.figures["net"] != before


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_allowance_messages_name_the_field_in_the_page_language(lang: str) -> None:
    app = build(lang)
    app.pay.w["allowance_rub"].value = "-1"
    msg = app.field_message("allowance_rub")
    expected = {"ru": "Укажите надбавку в рублях от 0 до", "en": "Please enter the allowance in ₽ from 0 to"}[lang]
    assert msg.startswith(expected)
    assert "Надбавка -1" not in msg and "-1,00" not in msg
    if lang == "en":
        assert not any("а" <= ch <= "я" for ch in msg.lower())
    app.pay.w["allowance_rub"].value = "2000"
    app.pay.w["allowance_pct"].value = "-1"
    msg = app.field_message("allowance_pct")
    assert {"ru": "доплату в % оклада от 0 до 1\u00a0000\u00a0% (введено: -1\u00a0%)",
            "en": "the allowance in % of salary from 0 to 1,000% (you typed -1%)"}[lang] in msg


def test_switching_to_earnings_or_months_asks_without_an_error() -> None:
    app = build("ru")
    app.w_avg.value = "12m"  # empty earnings: 12 months at the salary typed (8 300 ₽ a month)
    assert app.messages() == {} and app.prompts() == {}
    assert app.figures["average_daily"] == calc.final_settlement(
        date(2017, 8, 7), 8300, earnings_12m=8300 * 12, full_months=12, unused_days="9.34", **SEED_PAY).average_daily
    app.w_avg.value = "direct"
    assert app.messages() == {} and app.prompts() == {}
    app.w_leave.value = "months"
    assert app.messages() == {}
    assert set(app.prompts()) == {"months"}
