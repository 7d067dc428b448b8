"""The casework apps (issue 12) served by Voilà and used in Chromium as a person would: figures equal the
engine's, "How is this computed?" opens, a bad value gets a message at its field (the last figures kept),
no error on the page; the draft letter downloads as a DOCX that holds the amounts and the articles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from docx import Document

import calc

pytestmark = pytest.mark.browser

TITLES = {
    "leave": {"ru": "Отпускные", "en": "Leave pay"},
    "sick": {"ru": "Больничные и декретные", "en": "Sick pay and maternity pay"},
    "late_pay": {"ru": "Компенсация за задержку зарплаты", "en": "Compensation for late pay"},
    "payslip_check": {"ru": "Проверка расчётного листка", "en": "Check my payslip"},
}


def check_clean(p, app: str) -> None:
    body = p.page.locator("body").inner_text()
    assert TITLES[app][p.lang] in body
    assert "Traceback" not in body and "Error" not in body
    assert p.error_texts() == []
    assert p.errors == []


def open_explanation(p, words: str) -> None:
    p.page.locator(".pa-how .jupyter-widget-Collapse-header").first.click()
    p.page.wait_for_selector("table.calc-explain", timeout=30_000)
    assert words in p.page.locator(".pa-explain").first.inner_text()


def bad_value_at_field(p, cls: str, value: str, field: str, figure: str, words: str) -> None:
    before = p.figure(figure)
    p.type_into(cls, value)
    p.page.wait_for_selector(f".field-{field}.has-error", timeout=20_000)
    assert words in p.page.locator(f".field-{field} .field-error").first.inner_text()
    assert p.figure(figure) == before
    assert p.page.locator(".payroll-app.pa-stale").count() == 1
    assert "Traceback" not in p.page.locator("body").inner_text()


def test_leave_pay(open_page) -> None:
    p = open_page("ru")
    p.open("leave", "&start=2025-01-01&days=14&earnings=600000&full=12")
    avg = calc.average_daily_earnings(600000, date(2025, 1, 1)).average_daily
    assert Decimal(p.figure("gross")) == calc.vacation_pay(date(2025, 1, 1), 14, average_daily=avg).gross
    old = p.figure("gross")
    p.type_into("in-days", "21")
    new = p.wait_figure_change("gross", old)
    r = calc.vacation_pay(date(2025, 1, 1), 21, average_daily=avg)
    assert Decimal(new) == r.gross and Decimal(p.figure("net")) == r.net and p.figure("pay_by") == "2024-12-28"
    assert "Рождество Христово" in p.page.locator(".pa-holidays").inner_text()
    open_explanation(p, "ст. 120")
    check_clean(p, "leave")
    p.screenshot("leave-ru")
    bad_value_at_field(p, "in-start", "31.02.2025", "start", "gross", "Такой даты нет")
    p.type_into("in-start", "01.01.2025")
    p.page.wait_for_function("() => !document.querySelector('.payroll-app.pa-stale')", timeout=20_000)
    bad_value_at_field(p, "in-earnings", "-5", "earnings", "gross", "от 0")
    assert p.errors == []


def test_sick_and_maternity_pay(open_page) -> None:
    p = open_page("en")
    p.open("sick", "&start=2025-03-10&days=10&e1=600000&e2=720000&years=6")
    assert Decimal(p.figure("gross")) == Decimal("14465.80")
    old = p.figure("gross")
    p.type_into("in-days", "12")
    new = p.wait_figure_change("gross", old)
    r = calc.sick_pay(date(2025, 3, 10), 12, {2023: 600000, 2024: 720000}, record_years=6)
    assert Decimal(new) == r.gross and Decimal(p.figure("fund_amount")) == r.fund_amount
    open_explanation(p, "Law 255-FZ")
    check_clean(p, "sick")
    p.page.locator(".pa-example-btn").first.click()  # the Social Fund's 2025 maternity minimum
    p.wait_figure_change("gross", new, timeout=30_000)
    assert Decimal(p.figure("gross")) == Decimal("103285.00")
    bad_value_at_field(p, "in-district", "7", "district", "gross", "from 1 to 3")
    assert p.errors == []


def test_late_pay_table(open_page) -> None:
    p = open_page("en")
    p.open("late_pay", "&debts=20.07.2023~100000~&pays=20.08.2023~100000")
    first = p.figure("total")  # the figure before the new row: a change may come on any of the steps below
    assert Decimal(first) == Decimal("1876.67")
    assert p.page.locator(".pa-periods tr.verify").count() == 1
    p.page.locator(".add-debts").first.click()
    p.page.locator(".rows-debts .cell-due input").nth(1).fill("10.08.2023")
    p.page.locator(".rows-debts .cell-due input").nth(1).press("Enter")
    # the page answers the new date (the row is drawn again, asking for its amount) before the amount is typed
    p.page.wait_for_selector(".field-debts.has-error", timeout=30_000)
    amount = p.page.locator(".rows-debts .cell-amount input").nth(1)
    amount.fill("20000")
    amount.press("Enter")
    new = p.wait_figure_change("total", first)
    debts = [calc.Debt(100000, date(2023, 7, 20)), calc.Debt(20000, date(2023, 8, 10))]
    paid = [calc.Payment(date(2023, 8, 20), 100000)]
    until = calc.rulebook().default_date()
    assert Decimal(new) == calc.late_pay_compensation(debts, paid, until=until).total
    open_explanation(p, "Labour Code art. 236")
    check_clean(p, "late_pay")
    p.screenshot("late_pay-en")
    amount.fill("abc")
    amount.press("Enter")
    p.page.wait_for_selector(".field-debts.has-error", timeout=20_000)
    assert "as a number" in p.page.locator(".field-debts .field-error").first.inner_text()
    assert p.figure("total") == new and p.errors == []


def test_payslip_check_marks_a_line(open_page) -> None:
    p = open_page("ru")
    p.open("payslip_check", "&year=2025&month=10&salary=60000&long=10&bonus=25&district=1.15&northern=30")
    r = calc.payslip(60000, 2025, 10, allowances=[calc.Allowance("x", percent="0.1")], bonus_percent="0.25",
                     district_coef="1.15", northern_percent="0.3")
    assert Decimal(p.figure("correct-ndfl")) == r.ndfl and Decimal(p.figure("correct-paid")) == r.final_payment
    old = p.figure("differs")
    p.type_into("in-p_ndfl", "15300")
    assert p.wait_figure_change("differs", old) == "1"
    assert Decimal(p.figure("diff-ndfl")) == Decimal("15300") - r.ndfl
    assert "не в вашу пользу" in p.page.locator(".pa-check tr.differs").inner_text()
    open_explanation(p, "НК")
    check_clean(p, "payslip_check")
    p.screenshot("payslip_check-ru")
    bad_value_at_field(p, "in-p_gross", "1000000000000", "p_gross", "correct-gross", "от 0")
    assert p.errors == []


def test_draft_letter_downloads_as_docx(open_page) -> None:
    p = open_page("ru")
    p.open("late_pay")
    p.page.locator(".pa-example-btn").first.click()
    p.page.wait_for_function("() => Number(document.querySelector(\"[data-figure='total']\").dataset.value) === 250",
                             timeout=30_000)
    p.page.locator(".pa-claim .jupyter-widget-Collapse-header").first.click()
    p.page.wait_for_selector(".pa-letter", timeout=20_000)
    p.type_into("in-claim_name", "Иванова Анна Петровна")
    p.page.wait_for_function("() => document.querySelector('.pa-letter').innerText.includes('Иванова')",
                             timeout=20_000)
    assert "не юридическая консультация" in p.page.locator(".pa-claim-note").inner_text()
    p.page.locator(".pa-claim-make").first.click()
    link = p.page.locator("a.pa-docx")
    link.wait_for(timeout=20_000)
    with p.page.expect_download() as d:
        link.click()
    doc = Document(str(d.value.path()))
    text = "\n".join(x.text for x in doc.paragraphs)
    assert "250,00" in text and "ст. 236 ТК РФ" in text and "ст. 136 ТК РФ" in text and "05.10.2022" in text
    assert "Иванова Анна Петровна" in text
    assert p.errors == []


def test_start_page_lists_the_new_calculators(open_page) -> None:
    p = open_page("en")
    p.open("start")
    for app in TITLES:
        assert p.page.locator(f'a.app-link[data-app="{app}"]').count() == 1
    p.page.locator('a.app-link[data-app="leave"]').first.click()
    p.page.wait_for_selector(".app-leave.app-ready", timeout=120_000)
    assert p.errors == []
