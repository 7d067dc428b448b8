"""Inverse by exact search: the inputs on a grid that give a target figure exactly.

For figures that move one way with their input between known break points, except for steps of
rounding (net pay or total cost as the gross pay rises; a cap or a tax band is a break point): each
piece between two breaks that can hold the target is searched for the crossing (interpolation, then
bisection in a small bracket, each grid point computed once), then the grid points around it are
checked, so every exact solution near the crossing is found, and the smallest point giving at least
the target when none is exact. One search serves every country (``calc.ru.cost``, ``calc.vn.payroll``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise


@dataclass(frozen=True)
class Solution:
    """Every grid input giving the target exactly, piece by piece, and the smallest giving at least it."""

    pieces: tuple[tuple[Decimal, ...], ...]  # the exact solutions of each piece that holds some
    above: Decimal | None  # the smallest input found giving at least the target

    @property
    def exact(self) -> tuple[Decimal, ...]:
        """Every exact solution found, ascending."""
        return tuple(sorted({x for piece in self.pieces for x in piece}))


def solve(
    f: Callable[[Decimal], Decimal],
    target: Decimal,
    low: Decimal,
    high: Decimal,
    step: Decimal = Decimal(1),
    *,
    breaks: Iterable[Decimal] = (),
    window: int = 3,
    quantum: Decimal | None = None,
) -> Solution:
    """Solve ``f(x) == target`` for x = low + k·step in [low, high].

    Between two of ``breaks`` (and the ends) ``f`` must be monotone, rising or falling, up to a
    step of rounding; ``window`` grid points either side of each crossing are checked. ``quantum``
    sets the written precision of the solutions (e.g. kopecks).
    """
    edges = sorted({low, high, *(b for b in breaks if low < b < high)})
    seen: dict[int, Decimal] = {}

    def g(k: int) -> Decimal:  # each grid point computed once
        if k not in seen:
            seen[k] = f(low + k * step)
        return seen[k]

    pieces: list[tuple[Decimal, ...]] = []
    above: Decimal | None = None
    for a, b in pairwise(edges):
        ka, kb = _index(a, low, step, ROUND_CEILING), _index(b, low, step, ROUND_FLOOR)  # grid points in [a, b]
        if ka > kb:
            continue
        fa, fb = g(ka), g(kb)
        if max(fa, fb) < target - 3 * step or min(fa, fb) > target + 3 * step:
            continue
        sign = 1 if fa <= fb else -1  # a falling piece is searched as a rising one, negated
        k = ka + _crossing(lambda i, ka=ka, sign=sign: sign * g(ka + i), sign * target, kb - ka)
        near = {low + i * step: g(i) for i in range(max(ka, k - window), min(kb, k + window) + 1)}
        hits = tuple((x.quantize(quantum) if quantum else x) for x, v in near.items() if v == target)
        if hits:
            pieces.append(hits)
        over = [x for x, v in near.items() if v >= target]
        if above is None and over:
            above = min(over).quantize(quantum) if quantum else min(over)
    return Solution(tuple(pieces), above)


def _index(x: Decimal, low: Decimal, step: Decimal, rounding: str) -> int:
    """The grid index of ``x`` rounded up or down (Decimal's ``//`` truncates towards zero, not down)."""
    return int(((x - low) / step).to_integral_value(rounding=rounding))


PROBE = 16
"""After a guess by interpolation, the grid point this far on the other side is tried too, so that a guess
close to the crossing closes the bracket at once (a piecewise-linear figure is then found in a few steps)."""


def _crossing(h: Callable[[int], Decimal], target: Decimal, top: int) -> int:
    """The index k in [0, top] with h(k − 1) < target ≤ h(k) (0 if h(0) ≥ target; top if h(top) < target),
    for ``h`` rising up to rounding: interpolation between a bracket's ends, bisection when it is small."""
    a, b = 0, top
    fa = h(a)
    if fa >= target or top == 0:
        return 0
    fb = h(b)
    if fb < target:
        return top
    while b - a > 1:
        if b - a > 4 * PROBE and fb > fa:
            m = min(max(a + int((target - fa) * (b - a) / (fb - fa)), a + 1), b - 1)
            other = m - PROBE if h(m) >= target else m + PROBE
            points = [m, min(max(other, a + 1), b - 1)]
        else:
            points = [(a + b) // 2]
        for m in points:
            fm = h(m)
            if fm >= target:
                if m < b:
                    b, fb = m, fm
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
    """Solve ``f(x) == target`` on [low, high] for ``f`` rising (up to rounding) over the whole range."""
    return solve(f, target, low, high, step, window=window)
