"""The Vietnamese pay app: any one of gross, net or total cost → the others, equal to calc.vn.monthly; every
contribution and the union money shown for the month and the year; Vietnamese and English; amounts in whole
đồng as vi_VN writes them; the minimum-wage check; bad input at its field."""

from __future__ import annotations

from decimal import Decimal

import calc.vn as vn
from payroll_ui.apps.vn_pay import build, year_totals

CASE = {"year": 2026, "month": 3, "region": "I", "dependants": 1, "resident": True, "member_of_union": True,
        "employer": "enterprise"}


def test_vietnamese_by_default_and_english(shown, text) -> None:
    app = build()
    assert app.lang == "vi" and app.lang_switch.options == (("English", "en"), ("Tiếng Việt", "vi"))
    page = text(app)
    assert "Lương thực nhận" in page and "Kinh phí công đoàn" in page and "Các mức áp dụng tại ngày" in page
    assert "15.000.000\u00a0₫" in page  # whole đồng, vi_VN digit groups
    assert app.failures == [] and app.messages() == {}
    app.set_lang("en")
    assert "Net pay" in text(app) and "15,000,000\u00a0₫" in text(app)
    assert build("vi", {"lang": "ru"}).lang == "vi"  # the Russian language is not this app's
    assert "lang=ru" in build("vi", {"lang": "ru"}).notice.value


def test_figures_equal_the_engine(shown) -> None:
    app = build("vi", {"amount": "30000000", "year": "2026", "month": "3", "dependants": "1", "member": "yes"})
    r = vn.monthly(gross=30_000_000, **CASE)
    figs = shown(app)
    for key in ("gross", "net", "pit", "employee_insurance", "employer_insurance", "union_dues", "union_fund",
                "total_cost"):
        assert figs[key] == getattr(r, key), key
    for part, value in r.employee.items():
        assert figs[f"row-employee_{part}"] == value
    for part, value in r.employer.items():
        assert figs[f"row-employer_{part}"] == value
    year = year_totals(r.gross, 2026, **{k: v for k, v in CASE.items() if k not in ("year", "month")})
    assert figs["year-net"] == year["net"] and figs["year-total_cost"] == year["total_cost"]
    assert figs["net"] == Decimal("26442500") and figs["total_cost"] == Decimal("37050000")


def test_net_or_total_given(shown) -> None:
    app = build("vi", {"amount": "30000000", "year": "2026", "month": "3", "dependants": "1", "member": "yes"})
    app.w_which.value = "net"
    assert app.w_amount.value == "26442500"  # the scenario is kept
    assert shown(app)["gross"] == Decimal("30000000")
    app.w_amount.value = "20.000.000"  # as Vietnamese write it
    assert shown(app)["net"] == 20_000_000
    assert shown(app)["gross"] == vn.monthly(net=20_000_000, **CASE).gross
    app.w_which.value = "total"
    app.w_amount.value = "50000000"
    assert shown(app)["gross"] == vn.monthly(total_cost=50_000_000, **CASE).gross
    assert app.failures == []


def test_minimum_wage_check(text) -> None:
    app = build("en", {"amount": "4000000", "region": "I", "year": "2026", "month": "1"})
    assert app.minimum.value.count("pa-below-minimum") == 1 and "5,310,000" in app.minimum.value
    app.w_region.value = "IV"
    assert "pa-ok" in app.minimum.value and "region IV" in app.minimum.value


def test_bad_amount_at_its_field() -> None:
    app = build("vi")
    before = app.figures["net"]
    app.w_amount.value = "1000,5"
    assert "đồng" in app.field_message("amount")
    assert app.figures["net"] == before and "pa-stale" in app.root._dom_classes
    app.w_amount.value = "120,000"
    assert "120.000" in app.field_message("amount")  # could be 120 or 120 000: said, not guessed


def test_example_clear_and_link() -> None:
    app = build("vi")
    neutral = dict(app.figures)
    app.load_example()
    assert app.figures["net"] == Decimal("26442500") and "30.000.000" in app.example_note.value
    app.clear()
    assert app.figures == neutral and app.example_note.value == ""
    app.w_dependants.value = 2
    link = app.share.value
    assert "vn_pay.ipynb?lang=vi" in link and "dependants=2" in link
    again = build("en", dict(p.split("=") for p in link.split("?", 1)[1].split('"')[0].split("&amp;")))
    assert again.figures == app.figures and again.lang == "vi"


def test_explanation_cites_the_law() -> None:
    app = build("vi", {"amount": "30000000", "year": "2026", "month": "3", "dependants": "1"})
    vi = app.explain_source(app.result, "vi")
    assert "giảm trừ gia cảnh" not in vi or "109/2025" in vi
    assert "Luật" in vi and "thuế thu nhập cá nhân" in vi
    assert "Law" in app.explain_source(app.result, "en")
