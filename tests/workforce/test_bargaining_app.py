"""The bargaining app driven from Python as a person would: figures equal calc.workforce's."""

from __future__ import annotations

import base64
import html
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import nbformat
import openpyxl
import pytest
from app_pages import shown_figures as shown
from app_upload import upload

import calc
from calc import workforce as WF
from payroll_ui.apps.bargaining import DEFAULT_STEPS, build

APPS = Path(__file__).resolve().parents[2] / "notebooks" / "apps"
def proposed(rows: Any) -> calc.StepScale:
    return calc.custom_scale([(int(y), Decimal(p) / 100) for y, p in rows], scale_id="proposed")


def engine(
    year: int,
    rows: Any = DEFAULT_STEPS,
    current: str | None = None,
    applies: str | None = "education",
    table: Any = None,
) -> dict[str, Any]:
    sc = proposed(rows)
    spec: Any = {applies: sc} if applies and current is None else sc
    return WF.compare(
        WF.sample_workforce() if table is None else table, year, spec, current=current, strict=False
    ).headline()


@pytest.fixture(scope="module")
def app() -> Any:
    return build("ru")


def test_default_figures_equal_the_engine(app: Any) -> None:
    h = engine(app.w_year.value)
    figs = shown(app)
    for k in ("cost_change", "net_change", "ndfl_change", "contributions_change"):
        assert Decimal(figs[k]) == h[k], k
    assert figs["employees"] == "3000" and figs["rejected"] == "0"
    assert app.w_applies.value == "education" and app.w_current.value == "as_file"
    assert bytes(app.chart.image.value).startswith(b"\x89PNG")
    assert app.messages() == {} and not app.failures
    # band table cells add up to the headline
    bands = sum(Decimal(figs[f"band{i}_cost"]) for i in range(7))
    assert bands == h["cost_change"]


def test_editing_the_proposed_table_recomputes(app: Any) -> None:
    rate = app.rows_box.children[1].children[2]
    old = app.figures["cost_change"]
    rate.value = "18"
    rows = list(DEFAULT_STEPS)
    rows[1] = (3, "18")
    h = engine(app.w_year.value, rows)
    assert app.figures["cost_change"] == h["cost_change"] != old
    assert Decimal(shown(app)["net_change"]) == h["net_change"]
    rate.value = "15"


def test_bad_table_row_shows_under_the_table_and_keeps_the_last_result() -> None:
    a = build("en")
    good = a.figures["cost_change"]
    a.rows_box.children[2].children[0].value = "2"  # 5 → 2 years: below the step before (3)
    assert "steps overlap or are out of order" in a.field_message("steps")
    assert a.figures["cost_change"] == good
    assert "pa-stale" in a.root._dom_classes
    a.rows_box.children[2].children[0].value = "5"
    assert a.messages() == {}


def test_one_current_scale_for_everyone_and_fill_from_it() -> None:
    a = build("en")
    a.w_current.value = "police"
    assert a.fields["applies"].box.layout.display == "none"
    assert a.figures["cost_change"] == engine(a.w_year.value, current="police", applies=None)["cost_change"]
    a._fill_current()
    assert a.rows() == [
        (str(y), format((r * 100).normalize(), "f")) for y, r in calc.SCALES["police"].breakpoints(40) if r > 0
    ]
    assert a.figures["cost_change"] == 0
    assert any("applies to everyone" in tr_en for tr_en in [n["en"] for n in a.result.notices])


def test_proposal_for_everyone(app: Any) -> None:
    a = build("ru")
    a.w_applies.value = "all"
    assert a.figures["cost_change"] == engine(a.w_year.value, applies=None)["cost_change"]


def test_language_switch_keeps_the_figures() -> None:
    a = build("ru")
    before = a.figures["cost_change"]
    a.lang_switch.value = "en"
    assert "Change in the employer&#x27;s cost a year" in a.cards.value
    assert "By length of service" in a.bands_html.value
    assert a.figures["cost_change"] == before
    assert "Bargaining over a seniority scale" in a.title_html.value


def test_url_parameters_and_a_bad_one() -> None:
    a = build("en", {"year": "2025", "current": "civil_service", "steps": "1:12,5:18,10:25", "applies": "nope"})
    assert a.w_year.value == 2025 and a.w_current.value == "civil_service"
    assert a.rows() == [("1", "12"), ("5", "18"), ("10", "25")]
    h = engine(2025, [(1, "12"), (5, "18"), (10, "25")], current="civil_service", applies=None)
    assert a.figures["cost_change"] == h["cost_change"]
    assert "applies=nope" in a.notice.value
    assert "current=civil_service" in a.share.value


def test_upload_csv_with_rejected_rows() -> None:
    a = build("en")
    text = (
        "id,salary,hire_date,scale,occupation\n"
        "1,50000,2015-03-01,education,teacher\n"
        "2,-5,2015-03-01,education,\n"
        "3,61000,2020-01-10,archives,=HYPERLINK(1)\n"
        "4,72000,2009-06-01,archives,\n"
    )
    upload(a, "staff.csv", text.encode())
    figs = shown(a)
    assert a.w_source.value == "file"
    # the formula-like occupation is kept as text ('=HYPERLINK(1)): only the negative salary is rejected
    assert figs["rows"] == "4" and figs["computed"] == "3" and figs["rejected"] == "1"
    assert "the salary cannot be negative" in a.status.value and "leading apostrophe" in a.status.value
    assert [v for _, v in a.w_applies.options] == ["all", "education", "archives"]
    table = WF.read_table(text.encode(), "staff.csv")
    h = engine(a.w_year.value, current=None, applies="education", table=table)
    assert a.figures["cost_change"] == h["cost_change"]
    a.prepare_download()
    m = re.search(r'href="data:[^;]+;base64,([^"]+)"', a.download.value)
    assert m
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(m.group(1))))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert "'=HYPERLINK(1)" in [c.value for c in cells]
    a.set_lang("ru")  # the reason is one message, shown in the page's language
    assert "оклад не может быть отрицательным" in a.status.value and "the salary" not in a.status.value
    assert not a.failures


def test_upload_errors_show_under_the_data_field() -> None:
    a = build("en")
    good = a.figures["cost_change"]
    upload(a, "staff.csv", b"id,salry,hire_date,scale\n1,100,2020-01-01,police\n")
    assert "did you mean 'Salary, RUB'" in a.field_message("data")
    assert a.figures["cost_change"] == good
    upload(a, "staff.pdf", b"%PDF")
    assert "CSV or XLSX" in a.field_message("data")
    upload(a, "empty.csv", b"")
    assert "empty" in a.field_message("data")
    a.w_source.value = "sample"
    assert a.messages() == {}
    assert not a.failures


def test_xlsx_upload() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Табельный номер", "Оклад", "Стаж", "Шкала"])
    ws.append(["A1", 45000, 4, "police"])
    ws.append(["A2", 52000.5, 12, "police"])
    buf = io.BytesIO()
    wb.save(buf)
    a = build("ru")
    upload(a, "штат.xlsx", buf.getvalue())
    assert shown(a)["computed"] == "2" and a.messages() == {}


def test_explanation_is_the_single_person_engine(app: Any) -> None:
    app.explain.panel.selected_index = 0
    text = app.explain.html.value
    app.explain.panel.selected_index = None
    assert "Как считается" in text and "calc-explain" in text
    assert not app.failures
    assert "Ставки действуют на" in app.footer.value


def test_download_link_russian(app: Any) -> None:
    data = app.prepare_download()
    assert data and data[:2] == b"PK"
    assert 'download="bargaining-' in app.download.value and "Скачать результаты" in app.download.value


def test_notebook_is_thin() -> None:
    nb = nbformat.read(APPS / "bargaining.ipynb", as_version=4)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert nb.cells[0].source.startswith("# ")
    assert nb.cells[1].source.strip() == "from payroll_ui.apps.bargaining import main\n\nmain();"


@pytest.mark.notebooks
def test_notebook_executes() -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(APPS / "bargaining.ipynb", as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(APPS)}}).execute()
    outputs = nb.cells[1].outputs
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


def test_page_names_scales_and_formats_counts_for_the_language(app: Any) -> None:
    """Scale names, not ids; counts grouped as the language writes them; the contributions column
    says it holds accident insurance too (its total is contributions + accident insurance)."""
    most = app.affected_html.value
    assert "education →" not in most and "предложение" in most
    assert tr_label("education", "ru") in most
    assert "в т. ч. взносы и травматизм" in app.bands_html.value
    h = engine(app.w_year.value)
    gaining = shown(app)["gaining"]
    assert gaining == f"{h['gaining']:,} / {h['losing']:,}".replace(",", "\xa0")


def tr_label(sid: str, lang: str) -> str:
    return html.escape(calc.SCALES[sid].label[lang])
