"""Late pay compensation app driven from Python: the table equals calc.late_pay_compensation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from payroll_ui.apps.late_pay import build


def test_published_example_250(shown) -> None:
    """moshoztros.ru (tests/test_late_pay.py): 50,000 ₽ due 05.10.2022, paid 15.10.2022 → 250 ₽."""
    app = build("ru")
    app.load_example()
    assert shown(app)["total"] == Decimal("250.00") and shown(app)["unpaid"] == 0
    assert "moshoztros.ru" in app.example_note.value


def test_rate_periods_and_verify_rows(shown) -> None:
    """Due 20.07.2023, paid 20.08.2023: 3 days at 7.5 % (⚠ verify), 22 at 8.5 %, 6 at 12 % → 1,876.67 ₽."""
    app = build("en", {"debts": "20.07.2023~100000~", "pays": "20.08.2023~100000"})
    r = calc.late_pay_compensation([calc.Debt(100000, date(2023, 7, 20))],
                                   [calc.Payment(date(2023, 8, 20), 100000)])
    assert shown(app)["total"] == r.total == Decimal("1876.67")
    assert [shown(app)[f"period-{k}"] for k in range(3)] == [p.amount for p in r.periods]
    assert app.table.value.count('class="verify"') == 1 and "⚠" in app.table.value
    assert "7.5%" in app.table.value and "1/150" in app.table.value


def test_two_debts_part_payment_higher_share(shown) -> None:
    app = build("en", {"debts": "10.02.2023~20000~!25.01.2023~34482~4482", "pays": "20.02.2023~40000",
                       "until": "2023-03-01", "share": "100"})
    debts = [calc.Debt(20000, date(2023, 2, 10)), calc.Debt(34482, date(2023, 1, 25), ndfl=4482)]
    r = calc.late_pay_compensation(debts, [calc.Payment(date(2023, 2, 20), 40000)], until=date(2023, 3, 1),
                                   denominator=100)
    assert shown(app)["total"] == r.total and shown(app)["unpaid"] == r.unpaid == Decimal("10000.00")
    app.w_base.value = "gross"
    g = calc.late_pay_compensation(debts, [calc.Payment(date(2023, 2, 20), 40000)], until=date(2023, 3, 1),
                                   denominator=100, base="gross")
    assert shown(app)["total"] == g.total > r.total
    assert "25 Jan 2023" in app.due.value


def test_rows_added_and_removed(shown) -> None:
    app = build("ru")
    app.pays.add_row({"on": "", "amount": ""})  # an empty row is left out
    assert app.messages() == {}
    app.debts.add_row({"due": "31.02.2024", "amount": "1000", "ndfl": ""})
    assert "Такой даты нет" in app.field_message("debts")
    assert "cell-error" in app.debts.cell(1, "due")._dom_classes
    app.debts.remove_row(1)
    assert app.messages() == {}


@pytest.mark.parametrize(("table", "cells", "field", "words"), [
    ("debts", {"amount": ""}, "debts", "Please enter amount No. 1"),
    ("debts", {"amount": "abc"}, "debts", "as a number"),
    ("debts", {"amount": "-5"}, "debts", "above 0"),
    ("debts", {"amount": "1000000000000"}, "debts", "above 0"),
    ("debts", {"due": "2024-13-01"}, "debts", "no such date"),
    ("debts", {"ndfl": "60000"}, "debts", "less than the amount"),
    ("pays", {"on": "01.10.2022", "amount": "50000"}, "payments", "before the due date"),
    ("pays", {"on": "15.10.2022", "amount": "x"}, "payments", "as a number"),
])
def test_bad_cells(shown, text, table: str, cells: dict, field: str, words: str) -> None:
    app = build("en", {"debts": "05.10.2022~50000~", "pays": "none", "until": "2022-11-01"})
    before = shown(app)["total"]
    t = getattr(app, table)
    if not t.rows():
        t.add_row()
    for k, v in cells.items():
        t.cell(0, k).value = v
    assert words in app.field_message(field)
    assert shown(app)["total"] == before and "Traceback" not in text(app) and app.failures == []


def test_until_before_due_and_bad_share(shown) -> None:
    app = build("en", {"debts": "05.10.2022~50000~", "pays": "none", "until": "2022-11-01"})
    app.w_until.value = "01.09.2022"
    assert "before the due date" in app.field_message("until")
    app.w_until.value = "01.11.2022"
    app.w_share.value = "200"
    assert "from 1 to 150" in app.field_message("share")


def test_share_link_round_trip(shown) -> None:
    app = build("en", {"debts": "10.02.2023~20000~!25.01.2023~30000~", "pays": "20.02.2023~40000",
                       "until": "2023-03-01"})
    again = build("en", {k: str(v) for k, v in app.shown_scenario().items()})
    assert shown(again) == shown(app)
    bad = build("en", {"debts": "1~2", "share": "0"})
    assert "debts=1~2" in bad.notice.value and "share=0" in bad.notice.value
