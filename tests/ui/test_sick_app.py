"""Sick pay and maternity pay app driven from Python: figures equal calc.sick_pay / calc.maternity_pay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from payroll_ui.apps.sick import build


def test_sick_case_equals_the_engine(shown) -> None:
    """tests/test_sick_pay.py: 10 days from 10.03.2025, 600,000 + 720,000 ₽, 6 years → 14,465.80 ₽."""
    app = build("ru", {"start": "2025-03-10", "days": "10", "e1": "600000", "e2": "720000", "years": "6"})
    r = calc.sick_pay(date(2025, 3, 10), 10, {2023: 600000, 2024: 720000}, record_years=6)
    f = shown(app)
    assert (f["daily"], f["employer_amount"], f["fund_amount"]) == (Decimal("1446.58"), Decimal("4339.74"),
                                                                   Decimal("10126.06"))
    assert (f["gross"], f["ndfl"], f["net"]) == (r.gross, r.ndfl, r.net)
    assert app.figures["employer_days"] == 3 and app.figures["fund_days"] == 7
    assert "2023" in app.fields["earnings1"].head.value and "2024" in app.fields["earnings2"].head.value


def test_quarantine_and_district(shown) -> None:
    app = build("en", {"start": "2025-03-10", "days": "5", "case": "quarantine", "e1": "0", "e2": "0",
                       "years": "2", "district": "1.5"})
    r = calc.sick_pay(date(2025, 3, 10), 5, {2023: 0, 2024: 0}, record_years=2, case="quarantine",
                      district_coef="1.5")
    assert shown(app)["gross"] == r.gross and app.figures["employer_days"] == 0
    assert "from the first day" in app.note.value


@pytest.mark.parametrize(("kind", "days", "published"), [("normal", 140, "103285"), ("complicated", 156, "115089"),
                                                         ("multiple", 194, "143123")])
def test_maternity_minimum_2025_social_fund(shown, kind: str, days: int, published: str) -> None:
    """Social Fund, 05.01.2025: 103,285 / 115,089 / 143,123 ₽ (737.75 ₽ a day)."""
    app = build("ru")
    app.load_example()
    app.w_mk.value = kind
    f = shown(app)
    assert f["days"] == days and f["daily"] == Decimal("737.75")
    assert f["gross"] == Decimal("737.75") * days and int(f["gross"]) == int(published)
    assert f["net"] == calc.maternity_pay(date(2025, 3, 1), {2023: 0, 2024: 0}, kind=kind).net
    assert app.fields["days"].box.layout.display == "none"


@pytest.mark.parametrize(("widget", "value", "field", "words"), [
    ("w_start", "30.02.2025", "start", "no such date"),
    ("w_start", "", "start", "dd.mm.yyyy"),
    ("w_days", "", "days", "Please enter"),
    ("w_days", "ten", "days", "as a number"),
    ("w_days", "-1", "days", "from 1 to 366"),
    ("w_e1", "abc", "earnings1", "as a number"),
    ("w_e2", "-5", "earnings2", "from 0"),
    ("w_e2", "1000000000000", "earnings2", "from 0"),
    ("w_years", "100", "record_years", "from 0 to 80"),
    ("w_months", "12", "record_months", "from 0 to 11"),
    ("w_district", "0.5", "district", "from 1 to 3"),
])
def test_bad_input(shown, text, widget: str, value: str, field: str, words: str) -> None:
    app = build("en")
    before = shown(app)["net"]
    getattr(app, widget).value = value
    assert words in app.field_message(field)
    assert shown(app)["net"] == before and app.failures == []
    assert "Traceback" not in text(app)


def test_language_switch_and_link(shown) -> None:
    app = build("ru", {"kind": "maternity", "start": "2024-05-01", "e1": "0", "e2": "0"})
    assert shown(app)["gross"] == calc.maternity_pay(date(2024, 5, 1), {2022: 0, 2023: 0}).gross
    app.set_lang("en")
    assert "not taxed" in app.note.value
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert shown(again) == shown(app)
