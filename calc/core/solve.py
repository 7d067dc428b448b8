"""Inverse by exact search: the inputs on a grid that give a target figure exactly.

For figures that rise with their input except for steps of rounding (net pay or total cost as the
gross pay rises): bisect for the crossing, then check the grid points around it, so every exact
solution near the crossing is found, and the smallest point giving at least the target when none is
exact. (Russia's calc/ru/cost.py does the same piece by piece between the year's breaks.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Solution:
    exact: tuple[Decimal, ...]  # every input giving the target exactly (ascending)
    above: Decimal | None  # the smallest input giving at least the target


def solve_rising(
    f: Callable[[Decimal], Decimal],
    target: Decimal,
    low: Decimal,
    high: Decimal,
    step: Decimal = Decimal(1),
    window: int = 12,
) -> Solution:
    """Solve ``f(x) == target`` for x = low + k·step in [low, high], ``f`` rising up to rounding steps."""
    lo, hi = 0, int((high - low) // step)
    while lo < hi:
        mid = (lo + hi) // 2
        if f(low + mid * step) >= target:
            hi = mid
        else:
            lo = mid + 1
    top = int((high - low) // step)
    near = {low + k * step: f(low + k * step) for k in range(max(0, lo - window), min(top, lo + window) + 1)}
    exact = tuple(sorted(x for x, v in near.items() if v == target))
    over = [x for x, v in near.items() if v >= target]
    return Solution(exact, min(over) if over else None)
