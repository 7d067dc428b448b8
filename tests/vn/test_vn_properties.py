"""Invariants of Vietnam's month (hypothesis): the parts add up, the inverse round-trips, tax rises."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import calc.vn as vn

months = st.tuples(st.sampled_from([2025, 2026]), st.integers(1, 12))
grosses = st.integers(0, 300_000_000)
regions = st.sampled_from(["I", "II", "III", "IV"])
options = st.fixed_dictionaries({
    "dependants": st.integers(0, 4),
    "member_of_union": st.booleans(),
    "resident": st.booleans(),
    "foreign": st.booleans(),
    "employer": st.sampled_from(["enterprise", "state_enterprise", "public_unit", "state_budget"]),
})


@given(grosses, months, regions, options)
@settings(max_examples=60)
def test_parts_add_up(gross: int, ym: tuple[int, int], region: str, o: dict) -> None:
    r = vn.monthly(gross=gross, year=ym[0], month=ym[1], region=region, **o)
    assert r.net + r.employee_insurance + r.pit + r.union_dues == r.gross
    assert r.employee_insurance == sum(r.employee.values())
    assert r.total_cost == r.gross + r.employer_insurance + r.union_fund
    assert r.employer_insurance == sum(r.employer.values())
    for x in (r.net, r.pit, r.total_cost, *r.employee.values(), *r.employer.values()):
        assert x == x.to_integral_value()  # whole đồng
    assert r.pit >= 0 and r.net >= 0


@given(st.integers(1_000_000, 250_000_000), months, regions, options, st.sampled_from(["net", "total_cost"]))
@settings(max_examples=25)
def test_inverse_round_trips(gross: int, ym: tuple[int, int], region: str, o: dict, field: str) -> None:
    r = vn.monthly(gross=gross, year=ym[0], month=ym[1], region=region, **o)
    back = vn.monthly(year=ym[0], month=ym[1], region=region, **o, **{field: getattr(r, field)})
    assert back.exact
    assert getattr(back, field) == getattr(r, field)
    assert back.gross <= gross  # the smallest gross giving the figure


@given(st.integers(0, 200_000_000), st.integers(1, 5_000_000), st.sampled_from([2025, 2026]))
def test_pit_rises_with_income(ti: int, more: int, year: int) -> None:
    assert vn.pit(ti + more, year) >= vn.pit(ti, year)
    assert vn.pit(ti, year) <= Decimal(ti) * Decimal("0.35")


@given(grosses, months, regions)
@settings(max_examples=40)
def test_net_rises_with_gross_up_to_rounding(gross: int, ym: tuple[int, int], region: str) -> None:
    a = vn.monthly(gross=gross, year=ym[0], month=ym[1], region=region)
    b = vn.monthly(gross=gross + 100_000, year=ym[0], month=ym[1], region=region)
    assert b.net > a.net and b.total_cost > a.total_cost and b.pit >= a.pit
