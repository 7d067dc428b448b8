"""Advance app driven from Python: figures equal calc.advance for the same inputs."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest

import calc
from payroll_ui.apps import advance
from payroll_ui.apps.advance import first_half_days


def build(lang: str = "ru", params: dict[str, str] | None = None) -> advance.AdvanceApp:
    """The app with the source article's example loaded (October 2018, 75 000 ₽), then the link's values."""
    app = advance.build(lang)
    app.load_example()
    if params:
        app.load(params)
    return app


def test_opens_on_this_month_not_the_article() -> None:
    app = advance.build("en")
    today = calc.rulebook().default_date()
    assert (app.w_year.value, app.w_month.value) == (today.year, today.month)
    assert app.figures["advance"] == calc.advance(Decimal(60000), today.year, today.month,
                                                  prior_income=Decimal(60000) * (today.month - 1)).paid


def test_default_is_the_seed_month_by_the_real_calendar(shown) -> None:
    app = build("ru")
    r = calc.advance(75000, 2018, 10, basis="net")
    assert r.paid == shown(app)["advance"] == app.figures["advance"]
    assert str(shown(app)["advance"]) == "31206.52"
    assert shown(app)["final_payment"] == r.final_payment
    assert shown(app)["norm_days"] == 23
    assert app.w_days.value == 11 == app.w_days.max


def test_seed_article_figure_with_its_own_day_counts() -> None:
    assert calc.advance(75000, 2018, 10, basis="net", days_worked=10, days_in_month=22).paid == calc.advance(
        "75000", 2018, 10, basis="net", days_worked="10", days_in_month="22"
    ).paid


def test_days_slider_and_month(shown) -> None:
    app = build("en")
    app.w_days.value = 6
    assert shown(app)["advance"] == calc.advance(75000, 2018, 10, basis="net", days_worked=6).paid
    app.w_year.value = 2025
    app.w_month.value = 5
    assert app.w_days.max == first_half_days(2025, 5) == 7
    assert app.w_days.value == 6
    r = calc.advance(75000, 2025, 5, days_worked=6)
    assert shown(app)["advance"] == r.paid
    assert shown(app)["advance_ndfl"] == r.ndfl > 0


def test_full_half_stays_full_when_the_month_changes() -> None:
    app = build("ru")
    app.w_month.value = 1
    assert app.w_days.value == app.w_days.max == first_half_days(2018, 1)


def test_percent_method(shown) -> None:
    app = build("ru")
    assert app.fields["percent"].box.layout.display == "none"
    app.w_year.value = 2024
    app.w_method.value = "percent"
    assert app.fields["percent"].box.layout.display == ""
    app.w_percent.value = "40"
    r = calc.advance(75000, 2024, 10, method="percent", percent="0.4", days_worked=app.w_days.value)
    assert shown(app)["advance"] == r.paid
    app.w_percent.value = "150"
    assert "100" in app.field_message("percent")
    assert shown(app)["advance"] == r.paid


def test_net_basis_after_2023_is_explained_next_to_the_basis() -> None:
    app = build("ru")
    app.w_basis.value = "net"
    good = dict(app.figures)
    app.w_year.value = 2024
    assert "263-ФЗ" in app.field_message("basis")
    assert app.figures == good
    app.w_withhold.value = "no"
    assert app.messages() == {}
    assert app.figures["advance"] == calc.advance(75000, 2024, 10, basis="net", withhold_ndfl=False).paid


def test_bad_salary(shown) -> None:
    app = build("en")
    before = shown(app)["advance"]
    app.w_salary.value = "-75000"
    assert "salary above 0 and up to" in app.field_message("salary")
    assert shown(app)["advance"] == before
    app.w_salary.value = "0"
    assert app.field_message("salary")


def test_calendar_grid() -> None:
    app = build("en", {"year": "2025", "month": "5"})
    cal = app.calendar.value
    assert 'data-day="2025-05-09" data-kind="holiday"' in cal
    assert "Victory Day" in cal
    assert cal.count("first-half") == 15
    app.set_lang("ru")
    assert "День Победы" in app.calendar.value
    assert "пн" in app.calendar.value


def test_url_params(shown) -> None:
    app = build("ru", {"lang": "en", "salary": "100000", "year": "2025", "month": "3", "days": "5",
                       "method": "percent", "percent": "50", "basis": "gross"})
    r = calc.advance(100000, 2025, 3, method="percent", percent="0.5", basis="gross", days_worked=5)
    assert shown(app)["advance"] == r.paid
    assert app.notice.value == ""
    bad = build("ru", {"year": "1999", "month": "13", "days": "99", "basis": "x"})
    assert bad.figures["advance"] == calc.advance(75000, 2018, 10, basis="net").paid
    for key in ("year=1999", "month=13", "days=99", "basis=x"):
        assert key in bad.notice.value


def test_footer_says_whether_tax_is_withheld_from_the_advance() -> None:
    assert "from the advance: <b>no</b>" in build("en").footer.value
    assert "с аванса: <b>да</b>" in build("ru", {"year": "2024"}).footer.value


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_advance_payslip_and_cost_agree_for_the_same_person_and_month(lang: str) -> None:
    """300,000 ₽ in December 2025: the same pay every month from January in all three apps."""
    from payroll_ui.apps import cost as cost_app
    from payroll_ui.apps import payslip as payslip_app

    adv = build(lang, {"salary": "300000", "year": "2025", "month": "12"})
    slip = payslip_app.build(lang, {"salary": "300000", "year": "2025", "month": "12", "scale": "none", "bonus": "0"})
    cost = cost_app.build(lang, {"amount": "300000", "year": "2025", "month": "12"})
    assert adv.figures["month_ndfl"] == slip.figures["ndfl"] == cost.figures["ndfl"] == 45000
    assert adv.figures["advance"] == slip.figures["advance"] == Decimal("127500")
    assert adv.figures["month_net"] == slip.figures["net"] == cost.figures["net"]
    assert adv.figures["final_payment"] == slip.figures["final_payment"]
    expected = calc.advance(300000, 2025, 12, prior_income=300000 * 11)
    assert adv.figures["advance"] == expected.paid
    # the page says so, and so does the explanation
    said = {"ru": "с января каждый месяц начислялся этот же оклад: до 1 декабря 2025 — 3\u00a0300\u00a0000,00\u00a0₽",
            "en": "the same salary is assumed for every month from January: 3,300,000.00\u00a0₽ before 1 December 2025"}
    assert said[lang] in html.unescape(adv.note.value)
    adv.explain.panel.selected_index = 0
    assert said[lang] in html.unescape(adv.explain.html.value)


def test_january_has_no_income_before_it() -> None:
    app = build("en", {"salary": "300000", "year": "2025", "month": "1"})
    assert app.figures["month_ndfl"] == calc.advance(300000, 2025, 1).month_ndfl == 39000
    assert "January is the first month" in app.note.value


def test_allowances_and_district_coefficient_go_into_the_advance(shown) -> None:
    """Mintrud letters 14-1/В-725 (2017) and 14-1/В-178 (2019): allowances for time worked and the regional
    pay on them are part of the advance; 'the salary alone' keeps the older practice."""
    app = build("en")
    app.w_year.value, app.w_month.value = 2025, 3
    app.w_salary.value = "60000"
    app.w_allowances.value = "9000"
    app.w_district.value = "1.2"
    app.w_northern.value = "30"
    kw = {"allowances": 9000, "district_coef": "1.2", "northern_percent": "0.3", "days_worked": app.w_days.value}
    first = calc.advance(60000, 2025, 3, **kw)
    r = calc.advance(60000, 2025, 3, **kw, prior_income=first.month_gross * 2, prior_northern=first.month_northern * 2)
    assert shown(app)["advance"] == r.paid and r.gross == Decimal("49285.71")
    assert "Ministry of Labour" in app.explain_source(app.compute(), "en")
    link = app.shown_scenario()
    assert (link["allowances"], link["district"], link["northern"]) == ("9000", "1.2", "30")
    assert "advance_on" not in link  # the default is left out of the link
    app.w_advance_on.value = "salary"
    assert shown(app)["advance"] == calc.advance(60000, 2025, 3, days_worked=app.w_days.value,
                                                 prior_income=120000).paid
    assert app.shown_scenario()["advance_on"] == "salary"


def test_allowance_fields_from_the_url(shown) -> None:
    app = build("ru", {"salary": "60000", "year": "2025", "month": "3", "allowances": "9000", "advance_on": "salary"})
    assert app.w_allowances.value == "9000" and app.w_advance_on.value == "salary"
    assert shown(app)["advance"] == calc.advance(60000, 2025, 3, days_worked=app.w_days.value,
                                                 prior_income=120000).paid
