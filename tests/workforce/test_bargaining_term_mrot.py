"""Issue 14 on the page: the МРОТ of the term's years after the law data — a box per such year (shown only
then), read as the page's language writes numbers; empty means the estimate, which the page names as such."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calc import workforce as WF
from calc.core.text import tr
from calc.workforce.demands import Floor, Package, Raise, cost_term, last_data_year
from payroll_ui.apps.bargaining import build

LAST = last_data_year()


@pytest.fixture()
def app():
    a = build("ru")
    a.w_year.value = LAST
    a.term.forms["demand"].w["floor_mrot"].value = "1,5"  # a floor of 1.5 МРОТ: the МРОТ reaches the cost
    return a


def engine(years: int, mrot: dict | None = None) -> tuple[dict[str, Decimal], list[str]]:
    start = date(LAST, 1, 1)
    pk = {
        "demand": Package("demand", (Raise(10, 3000, start, True), Floor(mrot_multiple=Decimal("1.5"), start=start))),
        "offer": Package("offer", (Raise(4, None, start, True),)),
    }
    res = cost_term(WF.sample_workforce(), LAST, years, pk, strict=False, mrot=mrot)
    by = res.by_year()
    out = {}
    for side in ("demand", "offer"):
        row = by[(by.scenario == side) & (by.year == "total")].iloc[0]
        out[f"term_{side}_cost_change"] = WF.rub(int(row["total_cost_change_kop"]))
        out[f"term_{side}_net_change"] = WF.rub(int(row["net_change_kop"]))
    return out, [tr(a, "ru") for a in res.assumptions]


def shown(app, keys) -> dict[str, Decimal]:
    return {k: app.figures[k] for k in keys}


def test_the_boxes_appear_only_for_years_after_the_data(app) -> None:
    t = app.term
    t.w_term.value = 1
    assert [f.box.layout.display for f in t.f_mrot] == ["none", "none"]
    t.w_term.value = 2
    assert [f.box.layout.display for f in t.f_mrot] == ["", "none"]
    t.w_term.value = 3
    assert [f.box.layout.display for f in t.f_mrot] == ["", ""]
    assert f"МРОТ {LAST + 1}" in t.f_mrot[0].head.value and f"{LAST + 2}" in t.f_mrot[1].head.value
    est = [w.placeholder.replace("\u00a0", " ") for w in t.w_mrot]
    assert est == ["оценка: 28 177,00 ₽", "оценка: 29 304,00 ₽"]  # the estimate, named as such


def test_empty_boxes_use_the_estimate_and_typed_ones_reach_the_figures(app) -> None:
    t = app.term
    t.w_term.value = 3
    want, notes = engine(3)
    assert shown(app, want) == want and app.messages() == {}
    text = t.results.value.replace("\u00a0", " ")
    assert "28 177,00 ₽" in text and all(n.replace("\u00a0", " ")[:40] in text for n in notes)
    t.w_mrot[0].value = "32 000"  # as Russian writes it
    t.w_mrot[1].value = "33000,50"
    want2, notes2 = engine(3, {LAST + 1: Decimal("32000"), LAST + 2: Decimal("33000.50")})
    assert app.messages() == {}
    assert shown(app, want2) == want2 and want2 != want
    text = t.results.value.replace("\u00a0", " ")
    assert "32 000,00 ₽" in text and "33 000,50 ₽" in text and "28 177,00" not in text
    assert any("как указано" in n for n in notes2)


def test_a_hidden_box_is_not_used(app) -> None:
    t = app.term
    t.w_term.value = 3
    t.w_mrot[0].value = "40000"
    t.w_term.value = 1  # the term now ends with the law data
    want, _notes = engine(1)
    assert shown(app, want) == want and app.messages() == {}
    assert "pa-assumptions" not in t.results.value  # within the law data: nothing assumed


@pytest.mark.parametrize(
    ("typed", "said"),
    [("32,000", "32 000"), ("много", "много"), ("-5", "отрицательн"), ("0", "больше нуля"), ("30000,555", "2")],
)
def test_a_bad_value_gets_a_message_at_its_box_and_nothing_changes(app, typed: str, said: str) -> None:
    t = app.term
    t.w_term.value = 3
    before = dict(app.figures)
    t.w_mrot[1].value = typed
    msg = app.messages()
    assert set(msg) == {"mrot_2", "general"}
    assert said in msg["mrot_2"].replace("\u00a0", " ")
    assert app.figures == before  # the last good figures stay (dimmed)


def test_english_page_reads_english_numbers() -> None:
    a = build("en")
    a.w_year.value = LAST
    a.term.forms["demand"].w["floor_mrot"].value = "1.5"
    a.term.w_term.value = 2
    a.term.w_mrot[0].value = "32,000.00"
    assert a.messages() == {}
    assert "32,000.00" in a.term.results.value and "as given" in a.term.results.value
    assert a.term.w_mrot[0].placeholder.startswith("estimate: ")


# ------------------------------------------------------------------ the per-person workbook, bounded


def _book(app):
    import base64
    import io
    import re

    import openpyxl

    app.term._workbook()
    href = re.search(r'href="([^"]+)"', app.term.workbook.value).group(1)
    return openpyxl.load_workbook(io.BytesIO(base64.b64decode(href.split(",", 1)[1])), read_only=True)


def test_above_the_row_limit_the_page_offers_the_totals_and_says_where_the_rest_is(app, monkeypatch) -> None:
    from payroll_ui.apps import bargaining_term as BT

    t = app.term
    t.w_term.value = 1
    n = len(app.result.term.res.employees)
    monkeypatch.setattr(BT, "MAX_WORKBOOK_ROWS", 2 * n)  # 2 years fit, 3 do not
    t.w_term.value = 2
    assert t.workbook_note.value == "" and "каждому сотруднику" in t.w_workbook.description
    wb = _book(app)
    assert len(wb.sheetnames) >= 2 and wb.worksheets[1].max_row == 2 * n + 1
    t.w_term.value = 3
    note = t.workbook_note.value.replace("\u00a0", " ")
    assert f"{3 * n // 1000} {3 * n % 1000:03d} строк" in note and "командной строки" in note
    assert "итоги по годам" in t.w_workbook.description
    wb = _book(app)
    assert "totals" in t.workbook.value and wb.sheetnames[0] == "По годам"
    assert "Сотрудники по годам" not in wb.sheetnames  # no per-person sheet
    rows = list(wb["По годам"].iter_rows(values_only=True))
    by = app.result.term.by_year
    want = by[(by.scenario == "demand") & (by.year == "total")].iloc[0]
    got = next(r for r in rows if r[0] == "Требование профсоюза" and r[1] == "За весь срок")
    assert Decimal(str(got[2])) * 100 == int(want["total_cost_kop"])  # the totals equal the engine's
    app.set_lang("en")
    app.term.forms["demand"].w["floor_mrot"].value = "1.5"  # as English writes it
    assert app.messages() == {}
    assert "command-line" in app.term.workbook_note.value and "totals" in app.term.w_workbook.description
    monkeypatch.setattr(BT, "MAX_WORKBOOK_ROWS", 20_000)
    app.term.w_term.value = 2
    assert app.term.workbook_note.value == ""


def test_the_page_limit_is_the_largest_upload_over_one_year() -> None:
    from payroll_ui.apps import bargaining, bargaining_term

    assert bargaining_term.MAX_WORKBOOK_ROWS == bargaining.MAX_ROWS


def test_a_sheet_never_holds_more_rows_than_a_spreadsheet_takes(monkeypatch) -> None:
    import calc
    from calc.workforce import export

    res = cost_term(WF.sample_workforce().head(50), LAST, 2, {}, strict=False)
    monkeypatch.setattr(export, "SHEET_ROWS", 100)  # 50 × 2 = 100 rows + the header: too many
    with pytest.raises(calc.InputError, match="more than a spreadsheet"):
        export.term_xlsx(res, "en")
    assert export.term_xlsx(res, "en", per_person=False)[:2] == b"PK"
    monkeypatch.setattr(export, "SHEET_ROWS", 101)
    assert export.term_xlsx(res, "en")[:2] == b"PK"
