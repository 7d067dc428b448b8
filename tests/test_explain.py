"""Every figure explains itself, from the computation itself, in Russian and in English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from calc.core.explain import GLOSSARY, evaluate, evaluate_exact
from calc.core.money import round_to

RESULTS = {
    "seniority": lambda: calc.seniority(45000, 7, "civil_service"),
    "salary": lambda: calc.salary_for_month(45000, 2017, 5, 10),
    "hourly": lambda: calc.hourly_rate(8300, 2017, method="year"),
    "shift": lambda: calc.shift_pay(50, 24, 8, "0.2", shifts=8),
    "overtime": lambda: calc.overtime_pay(300, [3, 1]),
    "advance": lambda: calc.advance(75000, 2025, 10),
    "advance_net": lambda: calc.advance(75000, 2018, 10, basis="net"),
    "cost": lambda: calc.employer_cost(250_000, 2024, month=9, kind="sme", children=2),
    "cost_north": lambda: calc.employer_cost(300_000, 2025),
    "tax": lambda: calc.ndfl_detail(6_000_000, 2025, northern=1_000_000),
    "payslip": lambda: calc.payslip(
        60_000,
        2025,
        3,
        scale="police",
        seniority_years=12,
        night_hours=8,
        district_coef="1.3",
        northern_percent="0.5",
        children=1,
    ),
    "dismissal": lambda: calc.final_settlement(
        date(2017, 8, 7),
        8300,
        hours_worked=44,
        hourly_method="year",
        earnings_12m=99600,
        months_for_leave=4,
        night_hours=16,
    ),
}


@pytest.fixture(params=sorted(RESULTS))
def result(request):
    return RESULTS[request.param]()


def test_every_formula_recomputes_its_result(result) -> None:
    """The formula shown is the formula used: evaluating it on the recorded inputs gives the figure."""
    for s in result.steps:
        if s.formula is None:
            assert s.result == s.exact
            continue
        values = {i.name: i.value for i in s.inputs}
        assert evaluate(s.formula, values) == s.exact, s.key
        assert round_to(evaluate_exact(s.formula, values), s.rounding) == s.result, s.key


def test_every_step_speaks_both_languages(result) -> None:
    for lang in ("ru", "en"):
        text = result.explain(lang)
        assert text and "Decimal(" not in text and "None" not in text and "{" not in text
        for row in result.explain_rows(lang):
            assert row["label"] and row["result"]
            if row["formula"]:
                assert row["numbers"]
    assert result.explain("ru") != result.explain("en")


def test_law_is_cited(result) -> None:
    assert any(r["source"] for r in result.explain_rows("ru"))


def test_every_term_used_has_a_label() -> None:
    for make in RESULTS.values():
        for s in make().steps:
            assert s.label.get("ru") and s.label.get("en"), s.key
            assert s.key in GLOSSARY, s.key


def test_html_is_escaped() -> None:
    sc = calc.custom_scale([(1, "0.1")], "<script>alert(1)</script>", "<b>x</b>")
    html = calc.seniority(1000, 3, sc).explain_html("en")
    assert "<script>" not in html and "&lt;script&gt;" not in html  # the scale's name is not in the steps
    r = calc.payslip(40_000, 2024, 2, allowances=[calc.Allowance("<img src=x onerror=alert(1)>", amount=1)])
    assert "<img" not in r.explain_html("ru") and "&lt;img" in r.explain_html("ru")


def test_explanation_shows_the_numbers_put_in() -> None:
    text = calc.seniority(45000, 7, "civil_service").explain("ru").replace("\u00a0", " ")
    assert "оклад × ставка надбавки за выслугу лет" in text
    assert "45 000,00 ₽ × 15 % = 6 750,00 ₽" in text
    assert "79-ФЗ" in text


def test_table_and_rules_used() -> None:
    r = calc.employer_cost(100_000, 2026)
    df = r.explain_table("en")
    assert list(df.columns) == ["Item", "Formula", "Numbers", "Result", "Rounding", "Source"]
    names = {d.name for d in r.rules_used()}
    assert {"contributions.general", "contributions.cap_single", "ndfl.resident_scale"} <= names
    assert all(d.valid_from <= date(2026, 1, 1) for d in r.rules_used())


def test_verify_flag_shows_in_the_explanation() -> None:
    r = calc.employer_cost(100_000, 2024, accident_class=5)
    assert any(row["verify"] for row in r.explain_rows("en"))


def test_rounding_is_stated_where_it_happens() -> None:
    rows = calc.advance(75000, 2025, 10).explain_rows("en")
    gross = next(r for r in rows if r["key"] == "advance_gross")
    assert gross["rounding"] == "to kopecks, half up"
    tax = calc.ndfl_detail(Decimal("3.85"), 2024).explain_rows("ru")
    assert "до полных рублей" in tax[-1]["rounding"]
