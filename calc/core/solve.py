"""Inverse by exact search: the inputs on a grid that give a target figure exactly.

For figures that move one way with their input between known break points, except for steps of
rounding (net pay or total cost as the gross pay rises; a cap or a tax band is a break point):
each piece between two breaks that can hold the target is bisected for the crossing, then the grid
points around it are checked, so every exact solution near the crossing is found, and the smallest
point giving at least the target when none is exact. One search serves every country
(``calc.ru.cost``, ``calc.vn.payroll``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise


@dataclass(frozen=True)
class Solution:
    """Every grid input giving the target exactly, piece by piece, and the smallest giving at least it."""

    pieces: tuple[tuple[Decimal, ...], ...]  # the exact solutions of each piece that holds some
    above: Decimal | None  # the smallest input found giving at least the target

    @property
    def exact(self) -> tuple[Decimal, ...]:
        """Every exact solution found, ascending."""
        return tuple(sorted(x for piece in self.pieces for x in piece))


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
    pieces: list[tuple[Decimal, ...]] = []
    above: Decimal | None = None
    for a, b in pairwise(edges):
        ka, kb = -int(-(a - low) // step), int((b - low) // step)
        if ka > kb:
            continue
        fa, fb = f(low + ka * step), f(low + kb * step)
        if max(fa, fb) < target - 3 * step or min(fa, fb) > target + 3 * step:
            continue
        k = _crossing(f, target, low, step, ka, kb, rising=fa <= fb)
        grid = (low + i * step for i in range(max(ka, k - window), min(kb, k + window) + 1))
        near = {x.quantize(quantum) if quantum else x: f(x) for x in grid}
        hits = tuple(x for x, v in near.items() if v == target)
        if hits:
            pieces.append(hits)
        over = [x for x, v in near.items() if v >= target]
        if above is None and over:
            above = min(over)
    return Solution(tuple(pieces), above)


def _crossing(
    f: Callable[[Decimal], Decimal], target: Decimal, low: Decimal, step: Decimal, lo: int, hi: int, *, rising: bool
) -> int:
    """The first grid index in [lo, hi] on the far side of ``target`` (bisection)."""
    while lo < hi:
        mid = (lo + hi) // 2
        if (f(low + mid * step) >= target) == rising:
            hi = mid
        else:
            lo = mid + 1
    return lo


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
