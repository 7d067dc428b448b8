"""Deductions from pay (ТК РФ ст. 137, 138, 377; 229-ФЗ ст. 99–101, 111; СК РФ ст. 81)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError

D = Decimal
Ded = calc.Deduction
ON = date(2025, 3, 5)


@pytest.mark.parametrize(("children", "expected"), [(1, "10875.00"), (2, "14500.00"), (3, "21750.00"), (5, "21750.00")])
def test_alimony_shares_family_code_81(children: int, expected: str) -> None:
    """50 000 pay, 6 500 НДФЛ, 43 500 after tax: ¼ = 10 875, ⅓ = 14 500, ½ = 21 750 (СК ст. 81)."""
    r = calc.deductions(50000, [Ded("alimony", children=children)], on=ON)
    assert r.ndfl == 6500 and r.net_before == D("43500.00")
    assert r.items[0].amount == D(expected) and r.received == D("43500.00") - D(expected)


def test_general_limit_20_percent_for_the_employer() -> None:
    """Damage to the employer 15 000 from 43 500 after tax: at most 20 % = 8 700 (ТК ст. 138 ч. 1)."""
    r = calc.deductions(50000, [Ded("employer", amount=15000)], on=ON)
    assert r.items[0].amount == D("8700.00")


def test_writs_limit_50_percent_and_priorities() -> None:
    """Alimony ⅓ (14 500) first; an ordinary writ of 30 000 gets what is left up to 50 % (21 750 − 14 500 =
    7 250); the employer's deduction gets nothing, the total already being above 20 %."""
    items = [Ded("alimony", children=2), Ded("writ", amount=30000, priority=4), Ded("employer", amount=5000)]
    r = calc.deductions(50000, items, on=ON)
    assert [x.amount for x in r.items] == [D("14500.00"), D("7250.00"), D("0.00")]
    assert r.total == D("21750.00") and r.received == D("21750.00")


def test_alimony_limit_70_percent() -> None:
    """Fixed alimony of 40 000 and harm to health of 10 000 from 43 500: together at most 70 % = 30 450,
    shared in proportion (229-ФЗ ст. 111 ч. 3): 24 360 and 6 090."""
    r = calc.deductions(50000, [Ded("alimony", amount=40000), Ded("harm_health", amount=10000)], on=ON)
    assert [x.amount for x in r.items] == [D("24360.00"), D("6090.00")]


def test_proportional_within_a_priority_rounds_down() -> None:
    r = calc.deductions(10001, [Ded("writ", amount=3000, priority=4)] * 3, on=ON, ndfl=0)
    # 50 % of 10 001 = 5 000.50, split in three: 1 666.833… → 1 666.83 each
    assert [x.amount for x in r.items] == [D("1666.83")] * 3 and r.total <= D("5000.50")


def test_subsistence_minimum_kept_on_application() -> None:
    """30 000 pay, 26 100 after tax; two writs; the worker keeps 19 329 (2025 figure): 6 771 is shared 2 : 1."""
    items = [Ded("writ", amount=20000, priority=4), Ded("writ", amount=10000, priority=4)]
    r = calc.deductions(30000, items, on=ON, keep_minimum=True)
    assert [x.amount for x in r.items] == [D("4514.00"), D("2257.00")]
    assert r.received == D("19329.00")


def test_subsistence_minimum_does_not_protect_against_alimony() -> None:
    r = calc.deductions(30000, [Ded("alimony", children=3)], on=ON, keep_minimum=True)
    assert r.items[0].amount == D("13050.00")  # ½ of 26 100, below the kept minimum


def test_subsistence_minimum_only_from_february_2022() -> None:
    with pytest.raises(InputError):
        calc.deductions(30000, [Ded("writ", amount=100, priority=4)], on=date(2021, 5, 5), keep_minimum=True)
    r = calc.deductions(30000, [Ded("writ", amount=100000, priority=4)], on=date(2022, 3, 5), keep_minimum=True)
    assert r.received == D("13793.00")


def test_exempt_incomes_are_outside_the_base() -> None:
    """A travel allowance of 5 000 inside the pay (229-ФЗ ст. 101): the base is 43 500 − 5 000 = 38 500."""
    r = calc.deductions(50000, [Ded("alimony", children=1)], on=ON, ndfl=6500, exempt={"business_travel": 5000})
    assert r.base == D("38500.00") and r.items[0].amount == D("9625.00")


def test_union_dues_outside_the_limits() -> None:
    """1 % of the accrued pay on the worker's application (ТК ст. 377) — taken even when the 20 % limit is used up."""
    r = calc.deductions(50000, [Ded("employer", amount=20000), Ded("union_dues")], on=ON)
    assert [x.amount for x in r.items] == [D("8700.00"), D("500.00")]
    assert r.total == D("9200.00")


@pytest.mark.parametrize(
    ("items", "kw", "field"),
    [
        ([Ded("alimony", share="0.8")], {}, "deductions"),
        ([Ded("writ", share="0.6", priority=4)], {}, "deductions"),
        ([Ded("fine", amount=100)], {}, "deductions"),
        ([Ded("writ", amount=100)], {}, "priority"),
        ([Ded("employer", amount=-1)], {}, "deductions"),
        ([Ded("alimony")], {}, "deductions"),
        ([Ded("alimony", children=1)], {"exempt": {"bonus": 100}}, "exempt"),
        ([Ded("alimony", children=1)], {"ndfl": 60000}, "ndfl"),
    ],
)
def test_bad_input(items, kw, field) -> None:
    with pytest.raises(InputError) as e:
        calc.deductions(50000, items, on=ON, **kw)
    assert e.value.field == field and e.value.ru and e.value.en


def test_explanation_cites_the_articles() -> None:
    r = calc.deductions(50000, [Ded("alimony", children=2), Ded("writ", amount=30000, priority=4)], on=ON)
    assert "СК РФ ст. 81" in r.explain("ru") and "Family Code art. 81" in r.explain("en")


kinds = st.sampled_from(["alimony", "harm_health", "writ", "employer", "union_dues"])


@settings(max_examples=80, deadline=None)
@given(
    pay=st.integers(0, 500_000),
    items=st.lists(st.tuples(kinds, st.integers(0, 400_000), st.integers(2, 4)), max_size=5),
    keep=st.booleans(),
)
def test_limits_and_balance(pay: int, items, keep: bool) -> None:
    ded = [Ded(k, amount=a, priority=p) for k, a, p in items]
    r = calc.deductions(pay, ded, on=ON, keep_minimum=keep)
    limited = sum((x.amount for x in r.items if x.kind != "union_dues"), D(0))
    assert limited <= D("0.70") * r.base
    if not any(x.kind in ("alimony", "harm_health") for x in r.items):
        assert limited <= D("0.50") * r.base
    if all(x.kind in ("employer", "union_dues") for x in r.items):
        assert limited <= D("0.20") * r.base
    for x in r.items:
        assert 0 <= x.amount <= x.requested
    assert r.received + r.total + r.ndfl == r.pay
    assert r.received >= 0


def test_published_alimony_example_40000() -> None:
    """Published example (Yandex «Нейро» answer citing payroll guides, ya.ru/neurum): pay 40 000, НДФЛ 5 200,
    34 800 after tax, alimony 25 % = 8 700, the worker keeps 26 100."""
    r = calc.deductions(40000, [Ded("alimony", children=1)], on=ON)
    assert (r.ndfl, r.net_before, r.items[0].amount, r.received) == (5200, D("34800.00"), D("8700.00"), D("26100.00"))


def test_published_proportional_example_four_claimants() -> None:
    """konspekta.net, «Очередность взысканий» (229-ФЗ ст. 111 ч. 3): 10 000 available, four claims of the same
    priority of 5 000 each — each gets 2 500. Here 10 000 is the 50 % limit of 20 000 pay without НДФЛ."""
    r = calc.deductions(20000, [Ded("writ", amount=5000, priority=2)] * 4, on=ON, ndfl=0)
    assert [x.amount for x in r.items] == [D("2500.00")] * 4 and r.received == D("10000.00")
