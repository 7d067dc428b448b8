"""The bargaining app served by Voilà, in Chromium, in both languages: change the proposed scale and
see the headline figures change to what calc.workforce computes; upload a file; download the XLSX."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import calc
from calc import workforce as WF
from payroll_ui.apps.bargaining import DEFAULT_APPLIES, DEFAULT_STEPS
from payroll_ui.kit import default_year

pytestmark = pytest.mark.browser

TITLE = {"ru": "Переговоры о шкале надбавки", "en": "Bargaining over a seniority scale"}


def headline(rows: list[tuple[int, str]], table: object = None) -> dict:
    sc = calc.custom_scale([(y, Decimal(p) / 100) for y, p in rows], scale_id="proposed")
    src = WF.sample_workforce() if table is None else table
    return WF.compare(src, default_year(), {DEFAULT_APPLIES: sc}, strict=False).headline()


def check_clean(p, lang: str) -> None:
    body = p.page.locator("body").inner_text()
    assert TITLE[lang] in body
    assert "Traceback" not in body
    assert p.error_texts() == []
    assert p.errors == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_change_the_proposed_scale(open_page, lang: str) -> None:
    p = open_page(lang)
    p.open("bargaining")
    h = headline(list(DEFAULT_STEPS))
    old = p.figure("cost_change")
    assert Decimal(old) == h["cost_change"]
    assert Decimal(p.figure("net_change")) == h["net_change"]

    rate = p.page.locator(".in-step-rate input").nth(1)  # the 3-year step: 15 % → 18 %
    rate.fill("18")
    rate.press("Enter")
    new = p.wait_figure_change("cost_change", old)
    rows = list(DEFAULT_STEPS)
    rows[1] = (3, "18")
    h2 = headline(rows)
    assert Decimal(new) == h2["cost_change"]
    assert Decimal(p.figure("net_change")) == h2["net_change"]
    assert Decimal(p.figure("ndfl_change")) == h2["ndfl_change"]
    assert p.page.locator(".chart-bands").count() == 1
    check_clean(p, lang)
    p.screenshot(f"bargaining-{lang}")


def test_upload_a_file_and_download_the_results(open_page, tmp_path: Path) -> None:
    p = open_page("en")
    p.open("bargaining")
    src = tmp_path / "staff.csv"
    text = (
        "id,salary,hire_date,scale,occupation\n"
        "1,50000,2015-03-01,education,teacher\n"
        "2,-5,2015-03-01,education,\n"
        "3,61000,2020-01-10,education,=HYPERLINK(1)\n"
        "4,72000,2009-06-01,education,\n"
    )
    src.write_text(text, encoding="utf-8")
    old = p.figure("cost_change")
    p.page.locator(".widget-toggle-button", has_text="My file").click()
    with p.page.expect_file_chooser() as fc:
        p.page.locator(".in-upload").click()
    fc.value.set_files(str(src))
    p.wait_figure_change("cost_change", old)
    p.page.wait_for_function("() => document.querySelector(\"[data-figure='computed']\")?.dataset.value === '3'")
    assert p.figure("rejected") == "1"  # the negative salary; "=HYPERLINK(1)" as an occupation is kept as text
    h = headline(list(DEFAULT_STEPS), WF.read_table(text.encode(), "staff.csv"))
    assert Decimal(p.figure("cost_change")) == h["cost_change"]
    assert "the salary cannot be negative" in p.page.locator(".pa-status").inner_text()

    p.page.locator(".in-prepare").click()
    link = p.page.locator("a.pa-xlsx")
    link.wait_for(timeout=30_000)
    with p.page.expect_download() as dl:
        link.click()
    data = Path(dl.value.path()).read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[0] == "Summary"
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert p.errors == []


def _choose(p, path: Path) -> None:
    with p.page.expect_file_chooser() as fc:
        p.page.locator(".in-upload").click()
    fc.value.set_files(str(path))


def test_a_too_large_file_is_named_and_a_failed_upload_clears_the_old_result(open_page, tmp_path: Path) -> None:
    from calc.workforce.input import MAX_BYTES

    p = open_page("en")
    p.open("bargaining")
    assert "Up to 5 MB and 20,000 rows." in p.page.locator(".pa-upload-limit").inner_text()
    good = tmp_path / "staff.csv"
    good.write_text("id,salary,hire_date,scale\n1,50000,2015-03-01,education\n2,72000,2009-06-01,education\n")
    old = p.figure("cost_change")
    p.page.locator(".widget-toggle-button", has_text="My file").click()
    _choose(p, good)
    p.wait_figure_change("cost_change", old)
    p.page.locator(".in-prepare").click()
    p.page.locator("a.pa-xlsx").wait_for(timeout=30_000)

    big = tmp_path / "big.csv"
    big.write_bytes(b"id,salary\n" + b"1,50000\n" * (MAX_BYTES // 8 + 10))
    _choose(p, big)
    msg = p.page.locator(".pa-too-large")
    msg.wait_for(state="visible", timeout=10_000)
    assert "The file 'big.csv' is 5.0 MB, larger than the limit of 5 MB, so it was not sent" in msg.inner_text()

    bad = tmp_path / "bad.csv"
    bad.write_text("id,salary\n")  # no data rows
    _choose(p, bad)
    p.page.get_by_text("The file has no data rows.").wait_for(timeout=30_000)
    assert p.page.locator(".pa-too-large").inner_text() == ""  # a file under the limit clears the size message
    assert p.page.locator("a.pa-xlsx").count() == 0
    assert p.page.locator("[data-figure='cost_change']").count() == 0
    assert p.errors == []
