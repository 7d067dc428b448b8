"""Lesson 8: the scalar costing of the worked workforce, and its agreement with the bargaining engine."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from payroll_ui.lessons import bargain as lb


def test_totals_add_up() -> None:
    b = lb.bargain()
    assert b.extra_cost == b.net_gain + b.extra_ndfl + b.extra_contributions
    assert b.to_budget == b.extra_ndfl + b.extra_contributions
    assert b.extra_cost == sum((r.delta("total_cost") for r in b.rows), Decimal(0))
    assert b.extra_gross == sum((r.delta("gross") for r in b.rows), Decimal(0))
    assert b.gainers == len(lb.WORKFORCE)


def test_same_scale_costs_nothing() -> None:
    b = lb.bargain(new=lb.current_scale())
    assert b.extra_cost == b.net_gain == b.extra_ndfl == 0
    assert b.cost_per_ruble == 0 and b.gainers == 0


def test_service_and_monthly_pay() -> None:
    petrov = lb.WORKFORCE[1]
    pay = lb.monthly_pay(petrov, lb.proposed_scale())
    assert pay[0] == petrov.salary * Decimal("1.15")  # 6 full years on 1 January 2026
    assert lb.service_years(petrov, petrov.hired.replace(year=petrov.hired.year - 1)) == 0


def test_steps_text_round_trip() -> None:
    text = lb.steps_text(lb.PROPOSAL_STEPS)
    assert [(int(y), Decimal(r)) for y, r in lb.parse_steps(text)] == [
        (y, Decimal(r)) for y, r in lb.PROPOSAL_STEPS
    ]
    assert lb.parse_steps("1 — 5 %\n\n3 - 10") == [("1", "0.05"), ("3", "0.1")]
    with pytest.raises(calc.ScaleDefinitionError):
        lb.parse_steps("три: десять")
    with pytest.raises(calc.ScaleDefinitionError):
        lb.parse_steps("3: много")


def test_agrees_with_the_bargaining_engine() -> None:
    """The lesson's person-by-person costing equals calc.workforce's vectorised one, to the kopeck."""
    workforce = pytest.importorskip("calc.workforce")
    pd = pytest.importorskip("pandas")
    table = pd.DataFrame(
        [{"id": i + 1, "salary": int(w.salary), "hire_date": w.hired.isoformat()} for i, w in enumerate(lb.WORKFORCE)]
    )
    c = workforce.compare(table, lb.YEAR, proposed=list(lb.PROPOSAL_STEPS), current=list(lb.CURRENT_STEPS))
    rows = c.per_employee().sort_values("row")
    b = lb.bargain()
    for r, (_, e) in zip(b.rows, rows.iterrows(), strict=True):
        assert r.delta("total_cost") * 100 == e["total_cost_change_kop"]
        assert r.delta("net") * 100 == e["net_change_kop"]
        assert r.delta("ndfl") * 100 == e["ndfl_change_kop"]
