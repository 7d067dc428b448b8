"""The shared pieces: parsers of URL values, the safe refresh cycle, HTML escaping, the footer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from calc.core.text import T, tr
from payroll_ui import kit
from payroll_ui.apps.seniority import build


def test_parsers_accept_good_values() -> None:
    assert kit.parse_int(0, 50)("12") == 12
    assert kit.parse_decimal(0, 10**9)("45 000,50") == "45000.50"
    assert kit.parse_choice(["a", "b"])("b") == "b"
    assert kit.parse_date(date(2011, 1, 1), date(2026, 12, 31))("2017-08-07") == date(2017, 8, 7)


@pytest.mark.parametrize(
    ("parser", "raw"),
    [
        (kit.parse_int(0, 50), "abc"),
        (kit.parse_int(0, 50), "51"),
        (kit.parse_decimal(0, 100), "1e999"),
        (kit.parse_decimal(0, 100), "NaN"),
        (kit.parse_decimal(0, 100), "-1"),
        (kit.parse_choice(["a"]), "b"),
        (kit.parse_date(date(2011, 1, 1), date(2026, 12, 31)), "2030-01-01"),
        (kit.parse_date(date(2011, 1, 1), date(2026, 12, 31)), "07.08.2017"),
        (kit.parse_int(0, 50), "1" * 500),
    ],
)
def test_parsers_refuse_bad_values(parser, raw: str) -> None:
    with pytest.raises(kit.ParamError) as e:
        parser(raw)
    assert e.value.text["ru"] and e.value.text["en"]


def test_url_values_are_escaped_in_the_notice(text) -> None:
    app = build("ru", {"salary": "<script>alert(1)</script>", "scale": '"><img src=x onerror=alert(1)>'})
    markup = text(app)
    assert "<script>" not in markup
    assert "<img src=x" not in markup
    assert "&lt;script&gt;" in app.notice.value
    assert app.figures["bonus"] == calc.seniority(45000, 7, "civil_service").bonus


def test_unexpected_exception_shows_a_message_not_a_traceback(monkeypatch, text) -> None:
    app = build("ru")
    before = dict(app.figures)

    def boom() -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(app, "compute", boom)
    app.w_years.value = 20
    assert app.figures == before
    assert "internal detail" not in text(app)
    assert "Traceback" not in text(app)
    assert app.messages()["general"] == tr(kit.UI["oops"], "ru")
    assert app.failures


def test_chart_failure_keeps_the_figures(monkeypatch) -> None:
    app = build("en")

    def broken(_result) -> None:
        raise ValueError("chart")

    monkeypatch.setattr(app, "render_chart", broken)
    app.w_years.value = 12
    assert app.figures["bonus"] == calc.seniority(45000, 12, "civil_service").bonus
    assert app.messages() == {}


def test_footer_shows_the_date_rates_are_valid_as_of(shown) -> None:
    app = build("ru")
    assert shown(app)["checked_on"] == calc.rulebook().checked_on.isoformat()
    assert "Ставки действуют на" in app.footer.value
    app.set_lang("en")
    assert "Rates valid as of" in app.footer.value


def test_verify_values_are_marked_with_a_tooltip() -> None:
    app = build("ru", {"scale": "archives"})
    assert calc.SCALES["archives"].verify
    assert 'class="pa-verify" title=' in app.footer.value
    assert "⚠" in app.footer.value


def test_cards_follow_the_dom_contract() -> None:
    markup = kit.cards_html([kit.Figure("bonus", T("Надбавка", "Bonus"), Decimal("6750.00"))], "ru")
    assert 'data-figure="bonus" data-value="6750.00"' in markup
    assert "6\u00a0750,00\u00a0₽" in markup


def test_root_classes_and_input_classes() -> None:
    app = build("ru")
    assert {"payroll-app", "app-seniority", "app-ready"} <= set(app.root._dom_classes)
    assert "in-salary" in app.w_salary._dom_classes
    assert "field-error" in app.fields["salary"].error._dom_classes


def test_share_link_uses_the_page_path(monkeypatch) -> None:
    monkeypatch.setenv("SCRIPT_NAME", "/user/x/voila/render/notebooks/apps/seniority.ipynb")
    app = build("en", {"years": "12"})
    path = "/user/x/voila/render/notebooks/apps/seniority.ipynb"
    assert f'href="{path}?lang=en&amp;scale=civil_service' in app.share.value


def test_read_params_outside_voila(monkeypatch) -> None:
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "lang=en&years=3&years=12&x=")
    assert kit.read_params() == {"lang": "en", "years": "12", "x": ""}
    monkeypatch.delenv("QUERY_STRING")
    assert kit.read_params() == {}


def test_formatters_take_numpy_values() -> None:
    import numpy as np

    assert kit.money_formatter("ru")(np.float64(45000.0)) == "45\u00a0000\u00a0₽"
    assert kit.money_formatter("en", "millions")(np.float64(2_500_000.0)) == "2.5M\u00a0₽"
    assert kit.percent_formatter("en")(np.float64(0.15)) == "15%"


# ---------------------------------------------------------------- every app: the link, plain words, URL notices

APPS = {
    "seniority": ("payroll_ui.apps.seniority", "w_salary", "salary"),
    "advance": ("payroll_ui.apps.advance", "w_salary", "salary"),
    "cost": ("payroll_ui.apps.cost", "w_amount", "amount"),
    "payslip": ("payroll_ui.apps.payslip", "w_salary", "salary"),
    "dismissal": ("payroll_ui.apps.dismissal", "w_salary", "salary"),
}


def _build(name: str, lang: str = "ru", params: dict | None = None):
    import importlib

    return importlib.import_module(APPS[name][0]).build(lang, params)


def _link_params(app) -> dict[str, str]:
    import html
    import re
    from urllib.parse import parse_qs, urlsplit

    href = html.unescape(re.search(r'class="pa-share-link" href="([^"]+)"', app.share.value).group(1))
    return {k: v[-1] for k, v in parse_qs(urlsplit(href).query).items()}


@pytest.mark.parametrize("name", list(APPS))
def test_link_describes_the_result_on_the_page_not_the_bad_input(name: str) -> None:
    app = _build(name, "ru")
    attr, param = APPS[name][1], APPS[name][2]
    good = getattr(app, attr).value.strip()
    before = dict(app.figures)
    getattr(app, attr).value = "-7"
    assert app.messages()
    assert app.figures == before
    assert _link_params(app)[param] == good
    assert "последнему верному расчёту" in app.share.value
    app.set_lang("en")  # re-rendering in another language while the input is still bad
    link = _link_params(app)
    assert link[param] == good and link["lang"] == "en"
    again = _build(name, "ru", link)  # the link opens exactly the figures on the page
    assert again.figures == app.figures
    getattr(app, attr).value = good
    assert "last valid result" not in app.share.value


def test_untouched_empty_field_asks_instead_of_an_error() -> None:
    app = _build("dismissal", "en")
    app.w_avg.value = "direct"  # a new, empty field appears: the visitor has done nothing wrong
    assert app.messages() == {}
    assert set(app.prompts()) == {"average_daily"}
    f, w = app.fields["average_daily"], app.w_average
    assert "field-prompt" in f.error._dom_classes
    assert "field-error" not in f.error._dom_classes
    assert "has-error" not in f.box._dom_classes
    w.value = "abc"  # now typed: a real error
    assert "average_daily" in app.messages()
    assert "field-error" in f.error._dom_classes
    w.value = ""  # emptied by the visitor: an error too
    assert "average_daily" in app.messages()
    w.value = "2000"
    assert app.messages() == {} and app.prompts() == {}
    app.w_leave.value = "months"
    assert app.messages() == {}
    assert "months" in app.prompts()


JARGON = ("(001)", "seed", "Исходная статья", "github", "справочником проекта", "d10xa")


@pytest.mark.parametrize("name", list(APPS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_internal_jargon_reaches_the_page(name: str, lang: str, text) -> None:
    variants = [{}]
    if name == "seniority":
        variants += [{"scale": s} for s in calc.SCALES] + [{"scale": "custom"}]
    if name == "cost":
        variants.append({"year": "2011", "amount": "30000"})
    for params in variants:
        app = _build(name, lang, params)
        app.explain.panel.selected_index = 0
        page = text(app).lower()
        for word in JARGON:
            assert word.lower() not in page, (params, word)


@pytest.mark.parametrize("name", ["payslip", "dismissal"])
def test_url_notice_says_the_value_kept(name: str) -> None:
    app = _build(name, "ru", {"bonus": "abc", "district": "9", "night_rate": "x"})
    kept = "0"  # the neutral case keeps no bonus
    assert f"«bonus=abc» не подошёл: нужно число. Оставлено: {kept}." in app.notice.value
    assert "«district=9» не подошёл: нужно число от 1 до 3. Оставлено: 1." in app.notice.value
    assert "Оставлено: —" not in app.notice.value
    app.set_lang("en")
    assert f"Kept: {kept}." in app.notice.value


def test_percent_fields_speak_percent() -> None:
    with pytest.raises(calc.CalcError) as e:
        kit.parse_percent("-0,5", "x", {"ru": "доплату", "en": "the allowance"}, high=1000)
    assert e.value.message("ru") == "Укажите доплату от 0 до 1\u00a0000\u00a0% (введено: -0,5\u00a0%)."
    assert e.value.message("en") == "Please enter the allowance from 0 to 1,000% (you typed -0.5%)."


def test_place_text_avoids_boxes_lines_and_edges() -> None:
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.path import Path
    from matplotlib.text import Text

    fig = MplFigure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(111)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    line = ax.transData.transform(np.array([(0, 5), (10, 5)]))

    def at(option):
        dx, dy, ha, va = option
        return ax.annotate("a label", (9.5, 5), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va)

    options = [(0, 0, "center", "center"), (8, 0, "left", "center"), (-8, 6, "right", "bottom")]
    art, _ = kit.place_text(ax, at, options, lines=[line])
    assert (art.get_position(), art.get_ha()) == ((-8, 6), "right")
    assert not Path(line).intersects_bbox(Text.get_window_extent(art), filled=False)
    assert len([t for t in ax.texts]) == 1  # the rejected candidates are gone


def test_a_request_that_changes_nothing_keeps_the_preheated_render():
    """A preheated kernel builds the Russian page; ``?lang=ru`` then costs no second computation (issue 13: the
    page's time to usable), while a real change still recomputes."""
    app = build("ru")
    calls: list[int] = []
    app._refresh = lambda: calls.append(1)  # type: ignore[method-assign]
    app.load({"lang": "ru"})
    assert calls == []
    app.load({"lang": "ru", "years": "abc"})  # a bad value: the page must say so
    assert calls == [1] and app.notices
    app.load({"lang": "en"})
    assert calls == [1, 1]
