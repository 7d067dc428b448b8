"""The shared pieces: parsers of URL values, the safe refresh cycle, HTML escaping, the footer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from payroll_ui import common
from payroll_ui.seniority_app import build


def test_parsers_accept_good_values() -> None:
    assert common.parse_int(0, 50)("12") == 12
    assert common.parse_decimal(0, 10**9)("45 000,50") == "45000.50"
    assert common.parse_choice(["a", "b"])("b") == "b"
    assert common.parse_date(date(2011, 1, 1), date(2026, 12, 31))("2017-08-07") == date(2017, 8, 7)


@pytest.mark.parametrize(
    ("parser", "raw"),
    [
        (common.parse_int(0, 50), "abc"),
        (common.parse_int(0, 50), "51"),
        (common.parse_decimal(0, 100), "1e999"),
        (common.parse_decimal(0, 100), "NaN"),
        (common.parse_decimal(0, 100), "-1"),
        (common.parse_choice(["a"]), "b"),
        (common.parse_date(date(2011, 1, 1), date(2026, 12, 31)), "2030-01-01"),
        (common.parse_date(date(2011, 1, 1), date(2026, 12, 31)), "07.08.2017"),
        (common.parse_int(0, 50), "1" * 500),
    ],
)
def test_parsers_refuse_bad_values(parser, raw: str) -> None:
    with pytest.raises(common.ParamError) as e:
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
    assert app.messages()["general"] == common.tr(common.UI["oops"], "ru")
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
    markup = common.cards_html([common.Figure("bonus", common.T("Надбавка", "Bonus"), Decimal("6750.00"))], "ru")
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
    assert common.read_params() == {"lang": "en", "years": "12", "x": ""}
    monkeypatch.delenv("QUERY_STRING")
    assert common.read_params() == {}


def test_formatters_take_numpy_values() -> None:
    import numpy as np

    assert common.money_formatter("ru")(np.float64(45000.0)) == "45\u00a0000\u00a0₽"
    assert common.money_formatter("en", "millions")(np.float64(2_500_000.0)) == "2.5M\u00a0₽"
    assert common.percent_formatter("en")(np.float64(0.15)) == "15%"
