"""The Vietnamese overtime app: overtime, night work and night overtime equal calc.vn (Labour Code art. 98);
the advance checked by art. 101 (a civic-duty advance above a month's salary refused at its field)."""

from __future__ import annotations

from decimal import Decimal

import calc.vn as vn
from payroll_ui.apps.vn_overtime import build


def test_example_figures_equal_the_engine(text) -> None:
    app = build("vi")
    assert app.figures["total"] == 0 and app.failures == []
    app.load_example()
    assert app.figures["part_workday"] == vn.overtime_pay(40000, 10, 2026, 3).value == Decimal("600000")
    assert app.figures["part_weekly_rest"] == vn.overtime_pay(40000, 8, 2026, 3, day="weekly_rest").value
    night = vn.overtime_pay(40000, 4, 2026, 3, night=True, day_overtime_before=True).value
    assert app.figures["night_overtime"] == night == Decimal("336000")  # 40 000 × (150 % + 30 % + 20 % × 150 %) × 4
    assert app.figures["total"] == Decimal("1576000")
    assert "Điều 98" in app.explain_source(app.result, "vi") and "art. 98" in app.explain_source(app.result, "en")
    app.set_lang("en")
    assert "1,576,000\u00a0₫" in text(app)


def test_night_hours_and_holiday() -> None:
    app = build("en", {"hourly": "50000", "night_hours": "8", "ot_holiday": "2", "year": "2025", "month": "9"})
    assert app.figures["night"] == vn.night_pay(50000, 8, 2025, 9).value == Decimal("520000")
    assert app.figures["part_holiday"] == Decimal("300000")


def test_advance_by_the_labour_code() -> None:
    app = build("vi", {"advance": "5000000", "salary": "10000000"})
    assert app.figures["advance"] == 5_000_000 and "không quy định mức tối đa" in app.notes.value
    app.w_reason.value = "civic_duty"
    app.w_advance.value = "12000000"
    assert "10.000.000" in app.field_message("advance") and app.figures["advance"] == 5_000_000
    app.w_reason.value = "annual_leave"
    assert app.fields["leave_pay"].box.layout.display == ""
    app.w_leave_pay.value = "15000000"
    assert app.figures["advance"] == 12_000_000 and "15.000.000" in app.notes.value


def test_bad_hours_at_the_field() -> None:
    app = build("en")
    app.hours["ot_workday"].value = "-3"
    assert "the hours" in app.field_message("ot_workday") and app.failures == []
    app.hours["ot_workday"].value = ""
    assert app.messages() == {} and app.figures["total"] == 0
