"""The Vietnamese apps served by Voilà and used in Chromium as a person would, in Vietnamese and English:
the figures equal calc.vn's, typing a new gross pay changes net pay and the employer's cost, amounts read
and shown as the page's language writes them, no error on the page; the start page's country choice leads to
the Vietnamese calculators in Vietnamese."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc.vn as vn

pytestmark = pytest.mark.browser

TITLES = {"vi": "Lương gộp, lương thực nhận và chi phí của người sử dụng lao động",
          "en": "Gross pay, net pay and the employer's cost in Vietnam"}
TYPED = {"vi": ("30.000.000", "30.000.000\u00a0₫"), "en": ("30,000,000", "30,000,000\u00a0₫")}


def check_clean(p) -> None:
    body = p.page.locator("body").inner_text()
    assert "Traceback" not in body and "Error" not in body
    assert p.error_texts() == []
    assert p.errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_vn_pay_change_gross(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("vn_pay", "&year=2026&month=3&dependants=1&member=yes")
    case = {"year": 2026, "month": 3, "dependants": 1, "member_of_union": True}
    assert TITLES[lang] in p.page.locator("body").inner_text()
    assert Decimal(p.figure("net")) == vn.monthly(gross=15_000_000, **case).net
    old_net, old_cost = p.figure("net"), p.figure("total_cost")
    typed, shown = TYPED[lang]
    p.type_into("in-amount", typed)
    new_net = p.wait_figure_change("net", old_net)
    r = vn.monthly(gross=30_000_000, **case)
    assert Decimal(new_net) == r.net == Decimal("26442500")
    assert p.figure("total_cost") != old_cost and Decimal(p.figure("total_cost")) == r.total_cost
    assert Decimal(p.figure("union_fund")) == r.union_fund and Decimal(p.figure("pit")) == r.pit
    assert shown in p.page.locator(".pa-figures").inner_text()
    p.page.locator(".pa-how .jupyter-widget-Collapse-header").first.click()
    p.page.wait_for_selector("table.calc-explain", timeout=30_000)
    assert ("Luật" if lang == "vi" else "Law") in p.page.locator(".pa-explain").first.inner_text()
    check_clean(p)
    p.screenshot(f"vn_pay-{lang}")


def test_vn_overtime_in_vietnamese(open_page) -> None:
    p = open_page("vi")
    p.open("vn_overtime", "&year=2026&month=3&hourly=40000")
    old = p.figure("total")
    p.type_into("in-ot_workday", "10")
    assert Decimal(p.wait_figure_change("total", old)) == vn.overtime_pay(40000, 10, 2026, 3).value
    assert "600.000\u00a0₫" in p.page.locator(".pa-figures").inner_text()
    check_clean(p)
    p.screenshot("vn_overtime-vi")


def test_start_page_country_choice(open_page) -> None:
    p = open_page("ru")
    p.open("start")
    p.page.locator(".in-country button", has_text="Вьетнам").click()
    p.page.wait_for_selector('a.app-link[href="vn_pay.ipynb?lang=vi"]', timeout=30_000)
    body = p.page.locator("body").inner_text()
    assert "Quy định của Việt Nam" in body and "Các mức áp dụng tại ngày" in body
    p.screenshot("start-vn")
    p.page.locator('a.app-link[data-app="vn_pay"]').click()
    p.page.wait_for_selector(".app-vn_pay.app-ready", timeout=120_000)
    assert TITLES["vi"] in p.page.locator("body").inner_text()
    p.page.locator(".pa-title a").first.click()  # back to all calculators: Vietnam's, in Vietnamese
    p.page.wait_for_selector('a.app-link[href="vn_overtime.ipynb?lang=vi"]', timeout=120_000)
    assert p.page.locator('a.app-link[data-app="vn_seniority"]').count() == 1
    p.page.locator(".in-country button", has_text="Liên bang Nga").click()
    p.page.wait_for_selector('a.app-link[href="cost.ipynb?lang=ru"]', timeout=30_000)
    assert p.errors == []


def test_vn_seniority_in_english(open_page) -> None:
    p = open_page("en")
    p.open("vn_seniority", "&scale=teachers&years=12&year=2026&month=8")
    old = p.figure("allowance")
    p.type_into("in-coefficient", "4.98")
    new = p.wait_figure_change("allowance", old)
    assert Decimal(new) == vn.seniority_allowance("teachers", 12, "4.98", 2026, 8).allowance == 1_511_928
    assert "1,511,928\u00a0₫" in p.page.locator(".pa-figures").inner_text()
    check_clean(p)
