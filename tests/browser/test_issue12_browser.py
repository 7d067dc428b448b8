"""Issue 12 in Chromium: the neutral case and the example, numbers as the page's language writes them,
hints by keyboard and tap, no sideways scrolling at 390 px, print to A4 PDF with every figure."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest

import calc

pytestmark = pytest.mark.browser

SINGLE = ["seniority", "advance", "cost", "payslip", "dismissal", "leave", "sick", "late_pay", "payslip_check"]
"""The single-person apps, the casework ones included (the start page has no figures; bargaining is for a group)."""


def test_dismissal_opens_neutral_and_reads_english_numbers(open_page) -> None:
    p = open_page("en")
    p.open("dismissal")
    on = calc.rulebook().default_date()
    assert p.page.locator(".pa-example").count() == 0
    old = p.figure("net")
    p.type_into("in-salary", "120,000")
    new = p.wait_figure_change("net", old)
    r = calc.final_settlement(on, Decimal(120000), earnings_12m=Decimal(1440000), full_months=12, unused_days=0,
                              hourly_method="month")
    assert Decimal(new) == r.net and Decimal(p.figure("gross")) == r.gross
    assert p.error_texts() == []
    # the article's example is a visible choice, and Clear drops all of it
    p.page.locator("button.pa-example-btn").click()
    p.wait_figure_change("net", new)
    assert Decimal(p.figure("net")) == Decimal("11877.12")
    assert "7 August 2017" in p.page.locator(".pa-example").inner_text()
    p.page.locator("button.pa-clear-btn").click()
    p.page.wait_for_selector(".pa-example", state="detached")
    neutral = p.wait_figure_change("net", "11877.12")
    p.type_into("in-salary", "120000")
    assert Decimal(p.wait_figure_change("net", neutral)) == r.net


def test_ambiguous_number_is_refused_at_the_field(open_page) -> None:
    p = open_page("ru")
    p.open("dismissal")
    p.type_into("in-salary", "120,000")
    p.page.wait_for_selector(".field-salary.has-error")
    said = " ".join(p.error_texts()).replace("\u00a0", " ")
    assert "120 000" in said and "120," in said


def test_hint_opens_by_keyboard_and_by_tap(open_page) -> None:
    p = open_page("en")
    p.open("advance")
    hint = p.page.locator("button.pa-hint").first
    tip = p.page.locator("button.pa-hint + .pa-tip").first
    assert tip.is_hidden()
    hint.focus()
    p.page.keyboard.press("Enter")
    assert tip.is_visible() and hint.get_attribute("aria-expanded") == "true"
    hint.click()  # a tap is a click: closes it again
    assert tip.is_hidden()
    hint.dispatch_event("click")
    assert tip.is_visible()


def test_explanation_is_a_button_reached_by_tab(open_page) -> None:
    p = open_page("en")
    p.open("cost")
    title = p.page.locator(".pa-how .jupyter-widget-Collapse-header").first
    p.page.wait_for_selector(".pa-how .jupyter-widget-Collapse-header[tabindex='0'][role='button']")
    title.focus()
    assert p.page.evaluate("document.activeElement.closest('.pa-how') !== null")
    p.page.keyboard.press("Enter")
    assert title.get_attribute("aria-expanded") == "true"
    p.page.wait_for_selector(".pa-explain table, .pa-explain li, .pa-explain p", timeout=20_000)


@pytest.mark.parametrize("app", [*SINGLE, "start"])
def test_no_sideways_scrolling_on_a_phone(open_page, app: str) -> None:
    p = open_page("ru")
    p.page.set_viewport_size({"width": 390, "height": 844})
    p.open(app)
    p.page.wait_for_timeout(500)
    width = p.page.evaluate("document.documentElement.scrollWidth")
    print(f"{app}: scrollWidth at 390 px = {width}")
    assert width <= 390


def _pdf_text(data: bytes) -> tuple[str, list[tuple[float, float]]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text, [(float(pg.mediabox.width), float(pg.mediabox.height)) for pg in reader.pages]


def _digits(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]", "", text)


@pytest.mark.parametrize("app", SINGLE)
def test_print_to_a4_holds_every_figure_and_article(open_page, app: str) -> None:
    p = open_page("ru")
    p.open(app)
    p.page.evaluate("window.print = () => { window.__printed = true; }")
    p.page.locator("button.pa-print").click()  # opens the explanation, writes the link out
    p.page.wait_for_function("window.__printed === true", timeout=20_000)
    p.page.wait_for_selector(".pa-explain .widget-html-content:not(:empty)", timeout=20_000)
    shown = [t.strip() for t in p.page.locator(".pa-card .pa-v").all_inner_texts()]
    p.page.emulate_media(media="print")
    p.page.set_viewport_size({"width": 703, "height": 1000})  # A4 less the 12 mm margins, at 96 px an inch
    p.page.wait_for_timeout(300)
    too_wide = p.page.evaluate(
        "() => { const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
        "'.payroll-app *')].filter(e => e.getBoundingClientRect().right > w + 1 && e.offsetParent !== null)"
        ".map(e => e.className).slice(0, 5); }"
    )
    data = p.page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    text, sizes = _pdf_text(data)
    flat = _digits(text)
    print(f"{app}: {len(sizes)} page(s), {sizes[0][0]:.0f} x {sizes[0][1]:.0f} pt, wider in print: {too_wide}")
    assert len(sizes) >= 1 and all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in sizes)  # A4 portrait
    assert too_wide == []
    from pypdf import PdfReader

    assert (PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").strip()  # page 1 is not left blank
    for figure in shown:
        assert _digits(figure) in flat, figure
    assert "ст." in text or "Закон" in text or "НК РФ" in text or "ТК РФ" in text  # the legal basis
    assert "Ставки действуют на" in text or "действительны" in text.lower() or "checked" in text.lower()
    assert ".ipynb?" in flat  # the link to the scenario, as text
