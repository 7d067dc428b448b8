"""In Chromium: the payslip opens on a neutral case with the article's example one click away; the leave
app's 12 months typed month by month; the payslip check for hours (shift and hourly workers)."""

from __future__ import annotations

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
