"""Every app served by Voilà, opened in Chromium in both languages, used as a person would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc

pytestmark = pytest.mark.browser

LANGS = ["ru", "en"]
TITLES = {
    "start": {"ru": "Калькуляторы оплаты труда", "en": "Payroll calculators"},
    "seniority": {"ru": "Надбавка за выслугу лет", "en": "Long-service (seniority) bonus"},
    "advance": {"ru": "Аванс и дни выплаты", "en": "The advance and pay days"},
    "cost": {"ru": "Сколько работник стоит работодателю", "en": "What an employee costs the employer"},
    "payslip": {"ru": "Расчётный листок и год", "en": "Payslip and the year"},
    "dismissal": {"ru": "Окончательный расчёт при увольнении", "en": "Final settlement on dismissal"},
}


def check_clean(p, app: str) -> None:
    """No error message, no traceback, no console error; the title is in the page's language."""
    body = p.page.locator("body").inner_text()
    assert TITLES[app][p.lang] in body
    assert "Traceback" not in body and "Error" not in body.replace("field-error", "")
    assert p.error_texts() == []
    assert p.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_seniority_slider_by_keyboard(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("seniority")
    old = p.figure("bonus")
    charts = p.chart_sources()
    assert Decimal(old) == calc.seniority(45000, 7, "civil_service").bonus
    handle = p.page.locator(".in-years .noUi-handle").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    new = p.wait_figure_change("bonus", old)
    years = int(p.page.locator(".in-years .widget-readout").first.inner_text())
    assert years == 10
    assert Decimal(new) == calc.seniority(45000, years, "civil_service").bonus
    p.wait_charts_change(charts)
    check_clean(p, "seniority")
    p.screenshot(f"seniority-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_advance_type_salary(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("advance", "&year=2018&month=10&salary=75000")  # the article's example, as a link
    old = p.figure("advance")
    assert Decimal(old) == calc.advance(75000, 2018, 10, basis="net").paid
    p.type_into("in-salary", "80000")
    new = p.wait_figure_change("advance", old)
    assert Decimal(new) == calc.advance(80000, 2018, 10, basis="net").paid
    assert p.page.locator('.pa-cal td[data-day="2018-10-01"]').count() == 1
    p.page.locator(".pa-how .jupyter-widget-Collapse-header").first.click()  # "How is this computed?"
    p.page.wait_for_selector("table.calc-explain", timeout=20_000)
    assert ("ст. 136" if lang == "ru" else "art. 136") in p.page.locator("table.calc-explain").inner_text()
    check_clean(p, "advance")
    p.screenshot(f"advance-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_cost_type_gross_then_tab(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("cost", "&year=2025&month=1")
    old = p.figure("total_cost")
    assert Decimal(old) == calc.employer_cost(100000, 2025).total_cost
    charts = p.chart_sources()
    assert len(charts) == 2
    p.type_into("in-amount", "250000", key="Tab")
    new = p.wait_figure_change("total_cost", old)
    assert Decimal(new) == calc.employer_cost(250000, 2025).total_cost
    assert Decimal(p.figure("net")) == calc.employer_cost(250000, 2025).net
    p.wait_charts_change(charts)
    check_clean(p, "cost")
    p.screenshot(f"cost-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_payslip_type_salary(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("payslip", "&year=2025&month=5&scale=civil_service&years=7&bonus=25")
    old = p.figure("net")
    old_line = p.figure("line-seniority_bonus")
    charts = p.chart_sources()
    p.type_into("in-salary", "70000")
    new = p.wait_figure_change("net", old)
    p.wait_figure_change("line-seniority_bonus", old_line)  # the payslip table is a widget of its own
    expected = calc.payslip(70000, 2025, 5, days_worked=calc.working_days(2025, 5), seniority_years=7,
                            scale="civil_service", bonus_percent=Decimal("0.25"))
    assert Decimal(new) == expected.net
    assert Decimal(p.figure("line-seniority_bonus")) == expected.lines[1].amount
    p.wait_charts_change(charts)
    check_clean(p, "payslip")
    p.screenshot(f"payslip-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_dismissal_seed_then_salary(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("dismissal")
    p.page.locator("button.pa-example-btn").click()  # the article's example is one click away
    p.page.wait_for_selector('[data-figure="net"][data-value="11877.12"]', timeout=20_000)
    old = p.figure("net")
    assert old == "11877.12"
    assert p.figure("gross") == "13652.12"
    p.type_into("in-salary", "9000")
    new = p.wait_figure_change("net", old)
    expected = calc.final_settlement(
        date(2017, 8, 7), 9000, average_daily="769.53", unused_days="9.34", hours_worked="44", hourly_method="year",
        night_hours="16", night_rate=Decimal("0.4"), bonus_percent=Decimal("1.5"),
        allowances=[calc.Allowance("h", percent=Decimal("0.04")), calc.Allowance("p", amount="2000", worked=2,
                                                                                  planned=8)],
    )
    assert Decimal(new) == expected.net
    check_clean(p, "dismissal")
    p.screenshot(f"dismissal-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_switch_language_and_open_an_app(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("start")
    check_clean(p, "start")
    p.screenshot(f"start-{lang}")
    other = "en" if lang == "ru" else "ru"
    p.page.locator(".in-lang button", has_text="English" if other == "en" else "Русский").click()
    p.page.wait_for_selector(f'a.app-link[href="cost.ipynb?lang={other}"]', timeout=20_000)
    p.page.locator('a.app-link[data-app="seniority"]').click()
    p.page.wait_for_selector(".app-seniority.app-ready", timeout=90_000)
    assert TITLES["seniority"][other] in p.page.locator("body").inner_text()
    assert p.errors == []


def test_bad_input_in_the_browser(open_page) -> None:
    p = open_page("ru")
    p.open("seniority", "&scale=police&years=12&salary=50000")
    old = p.figure("bonus")
    assert Decimal(old) == calc.seniority(50000, 12, "police").bonus
    p.type_into("in-salary", "-5")
    p.page.wait_for_selector(".field-salary.has-error", timeout=20_000)
    errors = p.error_texts()
    assert any("оклад" in e and "от 0 до" in e for e in errors)
    assert p.figure("bonus") == old
    assert "Traceback" not in p.page.locator("body").inner_text()
    p.type_into("in-salary", "60000")
    new = p.wait_figure_change("bonus", old)
    assert Decimal(new) == calc.seniority(60000, 12, "police").bonus
    assert p.error_texts() == []
    assert p.errors == []


def test_shared_link_opens_the_same_scenario(open_page) -> None:
    p = open_page("en")
    p.open("cost", "&which=net&amount=50000&year=2025&kind=sme&month=1")
    href = p.page.locator("a.pa-share-link").first.get_attribute("href")
    assert "which=net" in href and "kind=sme" in href
    total = p.figure("total_cost")
    assert Decimal(total) == calc.employer_cost(net=50000, year=2025, kind="sme").total_cost
    p.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=p.base)
    p.page.locator(".pa-share button").first.click()
    p.page.wait_for_selector(".pa-share button:has-text('Copied')", timeout=10_000)
    copied = p.page.evaluate("navigator.clipboard.readText()")
    assert copied == p.page.locator("a.pa-share-link").first.evaluate("a => a.href")
    assert p.errors == []
    q = open_page("en")
    q.page.goto(f"{q.base}{href}" if href.startswith("/") else f"{q.base}/voila/render/{href}",
                wait_until="commit", timeout=120_000)
    q.page.wait_for_selector(".app-cost.app-ready", timeout=120_000)
    assert q.figure("total_cost") == total
