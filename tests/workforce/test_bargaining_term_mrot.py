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
