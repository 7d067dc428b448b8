"""The bargaining app's term section in Chromium: set a 5 % raise in the union's demand and see the cost
over the term change to what calc.workforce.demands computes; a wrong raise gets a message at its box;
the one-page summary downloads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calc import workforce as WF
from calc.workforce.demands import Group, Package, Raise, cost_term
from payroll_ui.kit import default_year

pytestmark = pytest.mark.browser

KEY = "term_demand_total_cost_change_total"


def demand_cost(percent: str, flat: str | None, group: Group | None = None) -> Decimal:
    y = default_year()
    pk = Package("demand", (Raise(percent=percent, flat=flat, start=date(y, 1, 1), yearly=True, group=group),))
    res = cost_term(WF.sample_workforce(), y, 1, {"demand": pk}, strict=False)
    by = res.by_year()
    return WF.rub(int(by[(by.scenario == "demand") & (by.year == "total")]["total_cost_change_kop"].iloc[0]))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_5_percent_raise_changes_the_cost(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("bargaining")
    old = p.figure(KEY)
    assert Decimal(old) == demand_cost("10", "3000")  # the form's default: 10 % but at least 3,000 ₽
    box = p.page.locator(".in-demand_raise input")
    box.fill("5")
    box.press("Enter")
    new = p.wait_figure_change(KEY, old)
    assert Decimal(new) == demand_cost("5", "3000")
    flat = p.page.locator(".in-demand_flat input")
    flat.fill("")
    flat.press("Enter")
    assert Decimal(p.wait_figure_change(KEY, new)) == demand_cost("5", None)
    assert p.page.locator(".chart-real").count() == 1
    assert p.error_texts() == []
    assert p.errors == []
    p.screenshot(f"bargaining-term-{lang}")


def test_a_raise_below_minus_100_is_refused_and_the_summary_downloads(open_page, tmp_path: Path) -> None:
    p = open_page("en")
    p.open("bargaining")
    box = p.page.locator(".in-offer_raise input")
    box.fill("-150")
    box.press("Enter")
    p.page.get_by_text("A pay rise cannot be −100 % or less").wait_for(timeout=30_000)
    box.fill("4")
    box.press("Enter")
    p.page.wait_for_function("() => !document.querySelector('.field-offer_raise.has-error')", timeout=30_000)
    p.page.locator(".in-summary").click()
    link = p.page.locator("a.pa-summary-link")
    link.wait_for(timeout=30_000)
    with p.page.expect_download() as dl:
        link.click()
    html = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "size:A4" in html and "union" in html and "Real pay" in html
    assert p.errors == []


def test_an_occupation_group_and_the_workbook_download(open_page) -> None:
    """The union's demand for teachers only (the group list, Russian page); the term's workbook downloads."""
    import io

    import openpyxl

    p = open_page("ru")
    p.open("bargaining")
    old = p.figure(KEY)
    p.page.locator(".in-demand_group select").select_option(label="Должность: Учитель")
    want = demand_cost("10", "3000", Group("occupation", ("Учитель",)))
    assert Decimal(p.wait_figure_change(KEY, old)) == want < Decimal(old)
    p.page.locator(".in-term-workbook").click()
    link = p.page.locator("a.pa-term-workbook-link")
    link.wait_for(timeout=30_000)
    with p.page.expect_download() as dl:
        link.click()
    assert dl.value.suggested_filename.endswith(".xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes()), read_only=True)
    head = next(wb["Сотрудники по годам"].iter_rows(values_only=True))
    assert head[0] == "Таб. №" and "Шкала" in head
    assert p.error_texts() == [] and p.errors == []
