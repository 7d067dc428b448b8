"""Inverse by exact search: the inputs on a grid that give a target figure exactly.

For figures that rise with their input except for steps of rounding (net pay or total cost as the
gross pay rises): find the crossing by interpolation (bisection in a small bracket), then check the grid
points around it, so every exact
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


PROBE = 16
"""After a guess by interpolation, the grid point this far on the other side is tried too, so that a guess
close to the crossing closes the bracket at once (a piecewise-linear figure is then found in a few steps)."""


def _crossing(g: Callable[[int], Decimal], target: Decimal, top: int) -> int:
    """The index k in [0, top] with g(k − 1) < target ≤ g(k) (0 if g(0) ≥ target; top if g(top) < target),
    by interpolation between a bracket's ends, with bisection when the bracket is small."""
    a, b = 0, top
    fa = g(a)
    if fa >= target or top == 0:
        return 0
    fb = g(b)
    if fb < target:
        return top
    while b - a > 1:
        if b - a > 4 * PROBE and fb > fa:
            m = min(max(a + int((target - fa) * (b - a) / (fb - fa)), a + 1), b - 1)
            other = m - PROBE if g(m) >= target else m + PROBE
            points = [m, min(max(other, a + 1), b - 1)]
        else:
            points = [(a + b) // 2]
        for m in points:
            fm = g(m)
            if fm >= target:
                b, fb = min(b, m), fm if m < b else fb
            elif m > a:
                a, fa = m, fm
    return b


def solve_rising(
    f: Callable[[Decimal], Decimal],
    target: Decimal,
    low: Decimal,
    high: Decimal,
    step: Decimal = Decimal(1),
    window: int = 12,
) -> Solution:
    """Solve ``f(x) == target`` for x = low + k·step in [low, high], ``f`` rising up to rounding steps: the
    crossing by interpolation search (few evaluations of ``f``), then every grid point within ``window`` of
    it (each ``f`` evaluated once)."""
    seen: dict[int, Decimal] = {}

    def g(k: int) -> Decimal:
        if k not in seen:
            seen[k] = f(low + k * step)
        return seen[k]

    top = int((high - low) // step)
    lo = _crossing(g, target, top)
    near = {low + k * step: g(k) for k in range(max(0, lo - window), min(top, lo + window) + 1)}
    exact = tuple(sorted(x for x, v in near.items() if v == target))
    over = [x for x, v in near.items() if v >= target]
    return Solution(exact, min(over) if over else None)
