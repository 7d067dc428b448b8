"""The inverse search (calc.core.solve.solve_rising) finds what a full scan finds: every grid point giving the
target exactly and the smallest giving at least it, for rising figures with rounding steps and kinks (as
net pay and the employer's cost rise with gross pay), in few evaluations."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc.core.solve import solve_rising


def figure(slope1: Decimal, slope2: Decimal, kink: int):  # type: ignore[no-untyped-def]
    """A piecewise-linear figure rounded to whole units (a kink where a bracket or a cap begins)."""

    def f(x: Decimal) -> Decimal:
        y = x * slope1 if x <= kink else kink * slope1 + (x - kink) * slope2
        return y.quantize(Decimal(1), rounding=ROUND_HALF_UP)

    return f


@given(st.decimals(min_value="0.3", max_value="1.5", places=3), st.decimals(min_value="0.3", max_value="1.5", places=3),
       st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=6000))
def test_same_as_a_full_scan(slope1: Decimal, slope2: Decimal, kink: int, target: int) -> None:
    f = figure(slope1, slope2, kink)
    calls: list[Decimal] = []

    def counted(x: Decimal) -> Decimal:
        calls.append(x)
        return f(x)

    found = solve_rising(counted, Decimal(target), Decimal(0), Decimal(10_000))
    scan = {x: f(Decimal(x)) for x in range(10_001)}
    assert found.exact == tuple(Decimal(x) for x in sorted(x for x, v in scan.items() if v == target))
    above = [x for x, v in scan.items() if v >= target]
    assert found.above == (Decimal(min(above)) if above else None)
    assert len(calls) == len(set(calls)) and len(calls) <= 60  # each point once; bisection alone takes 14 + 25
