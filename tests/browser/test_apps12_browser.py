"""In Chromium: the payslip opens on a neutral case with the article's example one click away; the leave
app's 12 months typed month by month; the payslip check for hours (shift and hourly workers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc

pytestmark = pytest.mark.browser


def test_payslip_opens_neutral_then_example_then_clear(open_page) -> None:
    p = open_page("en")
    p.open("payslip")
    on = calc.rulebook().default_date()
    neutral = calc.payslip(60000, on.year, on.month)
    assert p.page.locator(".pa-example").count() == 0
    assert Decimal(p.figure("net")) == neutral.net
    assert p.page.locator('[data-figure="line-seniority_bonus"]').count() == 0    # no leftover example values
    assert p.page.locator('[data-figure="line-bonus_pay"]').count() == 0
    p.page.locator("button.pa-example-btn").click()
    example = calc.payslip(45000, 2017, 5, days_worked=10)
    p.page.wait_for_selector(f'[data-figure="net"][data-value="{example.net}"]', timeout=20_000)
    assert p.figure("line-salary_pay") == "22500.00"
    assert "22,500" in p.page.locator(".pa-example").inner_text()
    p.page.locator("button.pa-clear-btn").click()
    p.page.wait_for_selector(".pa-example", state="detached")
    assert Decimal(p.wait_figure_change("net", str(example.net))) == neutral.net
    assert p.error_texts() == []


def test_leave_month_by_month(open_page) -> None:
    """The 12 months typed one by one (Regulation para. 10): the average equals calc.average_earnings; the
    explanation lists each month."""
    p = open_page("en")
    p.open("leave", "&start=2025-07-01&days=14")
    p.page.locator(".in-avg_mode .widget-toggle-button", has_text="month by month").click()
    p.page.wait_for_selector(".rows-period_months .cell-pay input")
    assert "July 2024" in p.page.locator(".rows-period_months").inner_text()
    pays = p.page.locator(".rows-period_months .cell-pay input")
    for i in range(12):
        pays.nth(i).fill("50,000")
        pays.nth(i).press("Enter")
    excluded = p.page.locator(".rows-period_months .cell-excluded input").nth(3)   # October 2024: 10 days sick
    excluded.fill("10")
    excluded.press("Enter")
    months = [calc.PeriodMonth(2024 + (6 + i) // 12, (6 + i) % 12 + 1, pay=50000, excluded_days=10 if i == 3 else 0)
              for i in range(12)]
    avg = calc.average_earnings(date(2025, 7, 1), months).leave_daily
    p.page.wait_for_selector(f'[data-figure="average_daily"][data-value="{avg}"]', timeout=30_000)
    r = calc.vacation_pay(date(2025, 7, 1), 14, average_daily=avg)
    assert Decimal(p.figure("gross")) == r.gross
    p.page.locator(".pa-how .jupyter-widget-Collapse-header").first.click()
    p.page.wait_for_selector(".pa-period")
    assert "October 2024" in p.page.locator(".pa-period").inner_text()
    assert p.error_texts() == []


def test_payslip_check_hours_mode(open_page) -> None:
    """A shift worker types hours, night, overtime and weekend hours and the printed overtime line: the
    overtime on the bare rate (before ruling 35-П) is marked against the member."""
    p = open_page("en")
    p.open("payslip_check", "&year=2025&month=10&salary=60000&bonus=10")
    p.page.locator(".in-time .widget-toggle-button", has_text="hours").click()
    p.page.wait_for_selector(".in-hours input")
    old = p.figure("net")
    for cls, value in (("in-hours", "160"), ("in-night", "40"), ("in-overtime", "3; 1"), ("in-holiday", "8")):
        p.type_into(cls, value)
    r = calc.payslip(60000, 2025, 10, hours_worked=160, night_hours=40, overtime_hours=["3", "1"], holiday_hours=8,
                     bonus_percent="0.1")
    p.page.wait_for_selector(f'[data-figure="net"][data-value="{r.net}"]', timeout=30_000)
    assert old != p.figure("net")
    lines = {x.key: x.amount for x in r.lines}
    assert Decimal(p.figure("correct-overtime")) == lines["overtime_pay"]
    assert Decimal(p.figure("correct-holiday")) == lines["holiday_pay"]
    bare = Decimal("326.09") * Decimal("6.5")   # 3 + 1 hours at ×1.5 / ×2 on the bare hourly rate
    p.type_into("in-p_overtime", f"{bare:.2f}")
    p.page.wait_for_selector('[data-figure="diff-overtime"]', timeout=30_000)
    assert Decimal(p.figure("diff-overtime")) == bare.quantize(Decimal("0.01")) - lines["overtime_pay"]
    assert p.page.locator("tr.differs").count() == 1
    assert "35-P" in p.page.locator(".pa-check").inner_text()
    assert p.error_texts() == []
