"""The term section of the bargaining app, as widgets: figures equal to the engine, messages at the box at
fault, the one-page summary."""

from __future__ import annotations

import base64
import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from calc import workforce as WF
from calc.workforce.demands import Group, Package, Raise, cost_term
from payroll_ui.apps.bargaining import build
from payroll_ui.kit import default_year


@pytest.fixture(scope="module")
def app():
    return build("ru")


def test_the_demand_and_the_offer_equal_the_engine(app) -> None:
    y = default_year()
    form = app.term.forms["demand"].w
    form["raise"].value = "5"
    form["flat"].value = "3 000"  # as Russian writes it
    form["group"].value = "department:Школы"
    pk = {
        "demand": Package("demand", (Raise(5, 3000, date(y, 1, 1), True, Group("department", ("Школы",))),)),
        "offer": Package("offer", (Raise(4, None, date(y, 1, 1), True),)),
    }
    by = cost_term(WF.sample_workforce(), y, 1, pk, strict=False).by_year()
    for side in ("demand", "offer"):
        want = by[(by.scenario == side) & (by.year == "total")].iloc[0]
        assert app.figures[f"term_{side}_cost_change"] == WF.rub(int(want["total_cost_change_kop"]))
        assert app.figures[f"term_{side}_net_change"] == WF.rub(int(want["net_change_kop"]))
    assert app.messages() == {}
    assert "Школы" in app.term.results.value


def test_a_demand_can_cover_an_occupation_or_a_scale(app) -> None:
    """The group list offers departments, occupations and scales (by the name the page shows); each equals the
    engine's group; the summary names the group as the page shows it."""
    y = default_year()
    form = app.term.forms["demand"].w
    labels = dict((v, k) for k, v in form["group"].options)
    assert labels["occupation:Учитель"] == "Должность: Учитель"
    assert labels["scale:education"].startswith("Шкала: Педагогические работники")
    assert "Отдел: Школы" in labels.values()
    form["raise"].value, form["flat"].value = "5", ""
    for value, group in (
        ("occupation:Учитель", Group("occupation", ("Учитель",))),
        ("scale:archives", Group("scale", ("archives",))),
    ):
        form["group"].value = value
        pk = {
            "demand": Package("demand", (Raise(5, None, date(y, 1, 1), True, group),)),
            "offer": Package("offer", (Raise(4, None, date(y, 1, 1), True),)),
        }
        by = cost_term(WF.sample_workforce(), y, 1, pk, strict=False).by_year()
        want = by[(by.scenario == "demand") & (by.year == "total")].iloc[0]
        assert app.messages() == {}
        assert app.figures["term_demand_cost_change"] == WF.rub(int(want["total_cost_change_kop"]))
        everyone = cost_term(WF.sample_workforce(), y, 1, {"d": Package("d", (Raise(5),))}, strict=False).by_year()
        assert int(want["total_cost_change_kop"]) < int(everyone.iloc[-1]["total_cost_change_kop"])
    assert "Работники государственных архивов" in app.term.forms["demand"].describe(
        app.term.forms["demand"].package(), "ru"
    )
    form["group"].value = "all"


def test_bad_boxes_get_their_own_message_and_nothing_is_computed(app) -> None:
    before = dict(app.figures)
    app.term.forms["offer"].w["raise"].value = "-150"
    assert "−100" in app.messages()["offer_raise"]
    assert app.figures == before  # the last good result stays
    app.term.forms["offer"].w["raise"].value = "4"
    app.term.forms["demand"].w["night"].value = "30"  # the sample has no night hours
    assert "ночные часы" in app.messages()["demand_night"]
    app.term.forms["demand"].w["night"].value = ""
    app.term.w_term.value = 3  # 2026–2028: after the law data, computed with the assumptions shown
    assert "term" not in app.messages()
    assert "pa-assumptions" in app.term.results.value and "МРОТ" in app.term.results.value
    app.term._summary()  # the printed summary lists them too
    href = re.search(r'href="([^"]+)"', app.term.summary.value).group(1)
    page = base64.b64decode(href.split(",", 1)[1]).decode()
    assert "pa-assumptions" in page and "177,00" in page and "304,00" in page  # МРОТ 2027, 2028
    app.term.w_term.value = 1
    assert "pa-assumptions" not in app.term.results.value
    assert app.messages() == {}


def test_the_summary_is_one_a4_page_of_the_figures(app) -> None:
    app.term._summary()
    href = re.search(r'href="([^"]+)"', app.term.summary.value).group(1)
    page = base64.b64decode(href.split(",", 1)[1]).decode()
    assert "size:A4 portrait" in page
    for words in ("Требование профсоюза", "Предложение работодателя", "Реальная зарплата", "За весь срок"):
        assert words in page


def test_the_workbook_has_every_person_in_every_year_by_scale_name(app) -> None:
    """Russian headers, scale names (never ids), one row per person and year, figures equal the engine's."""
    app.term.w_term.value = 1
    app.term._workbook()
    href = re.search(r'href="([^"]+)"', app.term.workbook.value).group(1)
    assert "КБ" in app.term.workbook.value
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(href.split(",", 1)[1])), read_only=True)
    assert wb.sheetnames[:2] == ["По годам", "Сотрудники по годам"]
    rows = list(wb["Сотрудники по годам"].iter_rows(values_only=True))
    head = rows[0]
    assert head[0] == "Таб. №" and "Шкала" in head and "Год" in head
    res = app.result.term.res
    assert len(rows) - 1 == len(res.employees) * len(res.years)
    scale = [r[head.index("Шкала")] for r in rows[1:]]
    assert "education" not in scale and any(str(v).startswith("Педагогические работники") for v in scale)
    col = head.index("На руки: Требование профсоюза")
    want = Decimal(int(res.scenarios["demand"][0].annual["net"].sum())) / 100
    assert sum(Decimal(str(r[col])) for r in rows[1:]) == want
