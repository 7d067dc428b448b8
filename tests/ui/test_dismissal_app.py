"""Final settlement app: the seed example and changes, equal to calc.final_settlement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import calc
from payroll_ui.dismissal_app import build

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
    app.w_salary.value = "8300"
    assert app.seed_note.value


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
    again = build("ru", {k: str(v) for k, v in app.scenario().items()})
    assert shown(again)["net"] == r.net
