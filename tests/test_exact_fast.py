"""A step without division is computed by exact Decimal arithmetic (faster than Fractions): the same value,
the same rounding and the same digits as the Fraction evaluation, for every rounding rule."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc.core.explain import _evaluate_decimal, _round_decimal, evaluate_exact
from calc.core.money import ROUNDINGS, round_to, to_decimal

FORMULAS = ["a * b", "a - b * c", "min(a * b, c) + 1", "max(a - c, 0) * b", "-a + b - c", "a * b * c * a * b",
            "(a + b) * c - 3 * a"]
amounts = st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False, allow_infinity=False)


@given(st.sampled_from(FORMULAS), amounts, amounts, st.decimals(min_value=0, max_value=1, places=5),
       st.sampled_from(sorted(ROUNDINGS)))
def test_decimal_path_equals_fraction_path(formula: str, a: Decimal, b: Decimal, c: Decimal, rule: str) -> None:
    values = {"a": a, "b": b, "c": c}
    fast = _evaluate_decimal(formula, values)
    exact = evaluate_exact(formula, values)
    assert fast is not None and fast == exact
    slow, quick = round_to(exact, rule), _round_decimal(fast, rule)
    assert quick == slow and str(quick) == str(slow)
    assert str(to_decimal(exact)) == str(_round_decimal(fast, "none")) or rule != "none"


def test_division_and_inexact_go_to_fractions() -> None:
    assert _evaluate_decimal("a / b", {"a": Decimal(1), "b": Decimal(3)}) is None
    huge = {"a": Decimal("1." + "1" * 100), "b": Decimal("1." + "3" * 100), "c": Decimal(0)}
    assert _evaluate_decimal("a * b", huge) is None  # 200 digits would be rounded: not exact
