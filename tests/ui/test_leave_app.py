"""Leave pay app driven from Python: figures equal calc.vacation_pay for the same inputs; bad input
gets a message at its field and the last good figures stay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from payroll_ui.apps.leave import build


def test_neutral_case_is_today_and_equals_the_engine(shown) -> None:
    app = build("ru")
    today = calc.rulebook().default_date()
    avg = calc.average_daily_earnings(600000, today).average_daily
    r = calc.vacation_pay(today, 14, average_daily=avg)
    assert shown(app)["gross"] == r.gross and shown(app)["net"] == r.net and shown(app)["ndfl"] == r.ndfl
    assert app.example_note.value == ""


def test_published_example_over_12_june(shown) -> None:
    """student-files.ru, task 10 (tests/test_vacation.py): 28 days from 26.05.2013, 245,000 ₽ → 19,444.32 ₽."""
    app = build("en")
    app.load_example()
    f = shown(app)
    assert (f["average_daily"], f["gross"], f["leave_days"]) == (Decimal("694.44"), Decimal("19444.32"), 28)
    assert f["month-2013-05"] == Decimal("4166.64") and f["month-2013-06"] == Decimal("15277.68")
    assert "12 Jun 2013" in app.note.value and "Russia Day" in app.note.value
    assert "student-files.ru" in app.example_note.value
    app.clear()
    assert app.example_note.value == "" and shown(app)["leave_days"] == 14


def test_by_last_day_part_months_and_prior_income(shown) -> None:
    app = build("ru", {"start": "2025-01-01", "mode": "end", "end": "2025-01-22", "earnings": "500000",
                       "full": "11", "parts": "31~10", "prior": "0"})
    avg = calc.average_daily_earnings(500000, date(2025, 1, 1), full_months=11, part_months=[(31, 10)])
    r = calc.vacation_pay(date(2025, 1, 1), end=date(2025, 1, 22), average_daily=avg.average_daily)
    assert shown(app)["gross"] == r.gross and shown(app)["leave_days"] == 14 == r.days
    assert 'data-count="8"' in app.note.value  # 1–8 January
    app.w_prior.value = "5000000"  # paid in December 2024: the 2024 band of 5 million
    r2 = calc.vacation_pay(date(2025, 1, 1), end=date(2025, 1, 22), average_daily=avg.average_daily,
                           prior_income=5000000)
    assert shown(app)["ndfl"] == r2.ndfl > r.ndfl
    app.explain.panel.selected_index = 0
    assert "29,3" in app.explain.html.value and "ст. 120" in app.explain.html.value


@pytest.mark.parametrize(("widget", "value", "field", "words"), [
    ("w_start", "", "start", "дд.мм.гггг"),
    ("w_start", "завтра", "start", "датой"),
    ("w_start", "31.02.2025", "start", "Такой даты нет"),
    ("w_days", "abc", "days", "числом"),
    ("w_days", "-5", "days", "от 1 до 366"),
    ("w_days", "1000000000000", "days", "от 1 до 366"),
    ("w_earnings", "", "earnings", "Укажите"),
    ("w_earnings", "-100", "earnings", "от 0"),
    ("w_earnings", "1000000000000", "earnings", "от 0"),
    ("w_full", "13", "full_months", "от 0 до 12"),
    ("w_prior", "x", "prior_income", "числом"),
])
def test_bad_input_keeps_the_last_figures(shown, text, widget: str, value: str, field: str, words: str) -> None:
    app = build("ru")
    before = shown(app)["gross"]
    getattr(app, widget).value = value
    assert words in app.field_message(field)
    assert shown(app)["gross"] == before
    assert "pa-stale" in app.root._dom_classes
    assert "Traceback" not in text(app) and app.failures == []


def test_last_day_before_the_first_and_part_month_cell() -> None:
    app = build("en")
    app.w_mode.value = "end"
    app.w_end.value = "01.01.2020"
    assert "before it starts" in app.field_message("end")
    app.w_mode.value = "days"
    app.parts.add_row({"month_days": "30", "worked": "31"})
    app.w_full.value = "11"
    assert "from 0 to 30" in app.field_message("part_months")
    assert "cell-error" in app.parts.cell(0, "worked")._dom_classes
    app.parts.remove_row(0)
    assert app.messages() == {}


def test_share_link_round_trip(shown) -> None:
    app = build("en", {"start": "2024-06-03", "days": "21", "earnings": "720000", "parts": "30~15!31~3",
                       "full": "10"})
    assert app.notice.value == ""
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert shown(again) == shown(app)
    bad = build("en", {"start": "2025-02-31", "days": "0"})
    assert "start=2025-02-31" in bad.notice.value and "days=0" in bad.notice.value


def _period(start: date, rows: dict[int, tuple[str, str]]) -> list[calc.PeriodMonth]:
    first, _last = calc.billing_period(start)
    out = []
    for i, (pay, excluded) in sorted(rows.items()):
        y, m = (first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1
        out.append(calc.PeriodMonth(y, m, pay=Decimal(pay), excluded_days=int(excluded or 0)))
    return out


def test_month_by_month_equals_the_engine_and_explains_each_month(shown) -> None:
    """Regulation para. 10: the 12 months typed one by one → calc.average_earnings; a month with sick days counts
    29.3 / calendar days × days counted; an empty month is left out (before the hire)."""
    app = build("ru", {"start": "2025-07-01", "days": "14"})
    app.w_avg.value = "months"
    assert app.fields["period_months"].box.layout.display != "none"
    assert app.fields["earnings"].box.layout.display == "none"
    assert "Июль 2024" in app.period.labels[0].value and "Июнь 2025" in app.period.labels[11].value
    rows = {i: ("50000", "") for i in range(1, 12)} | {3: ("40000", "10")}   # July 2024 empty: not yet hired
    with app.hold():
        for i, (pay, excl) in rows.items():
            app.period.cells["pay"][i].value = pay
            app.period.cells["excluded"][i].value = excl
    app.refresh()
    avg = calc.average_earnings(date(2025, 7, 1), _period(date(2025, 7, 1), rows))
    r = calc.vacation_pay(date(2025, 7, 1), 14, average_daily=avg.leave_daily)
    f = shown(app)
    assert f["average_daily"] == avg.leave_daily == r.average_daily and f["gross"] == r.gross
    assert app.messages() == {}
    app.explain.panel.selected_index = 0
    how = app.explain.html.value
    assert "Октябрь 2024" in how and "pa-period" in how and "29,3" in how
    assert how.count("<tr") >= 12  # 11 months in the table, its head, and the engine's steps
    # the link carries the months and brings the same figures back
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert again.w_avg.value == "months" and shown(again)["gross"] == r.gross


def test_month_by_month_bad_cells_are_marked(shown) -> None:
    app = build("en", {"start": "2025-07-01", "avg": "months"})
    assert "Please enter the earnings" in app.field_message("period_months")  # nothing typed yet
    app.period.cells["pay"][0].value = "50000"
    good = shown(app)["gross"]
    app.period.cells["excluded"][0].value = "40"
    assert "from 0 to 31" in app.field_message("period_months")
    assert "cell-error" in app.period.cells["excluded"][0]._dom_classes
    assert shown(app)["gross"] == good and "pa-stale" in app.root._dom_classes
    app.period.cells["excluded"][0].value = ""
    app.period.cells["pay"][1].value = "50,000"  # English page: a comma groups thousands
    assert app.messages() == {} and "cell-error" not in app.period.cells["excluded"][0]._dom_classes
    app.period.cells["pay"][1].value = "-5"
    assert "cell-error" in app.period.cells["pay"][1]._dom_classes and app.field_message("period_months")
    app.clear()
    assert app.w_avg.value == "12m" and all(w.value == "" for w in app.period.widgets())
    assert app.messages() == {}
