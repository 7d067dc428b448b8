"""Single-person engine: calls per second of the explained results, computed and rendered.

What a page does on every slider move: compute one result with its explanation, then write the
explanation out in the page's language. Uses only the public ``calc`` API that has not changed since
the project began, so the same script measures an older checkout (``PYTHONPATH=<checkout>``) for a
before/after comparison. Prints one line per case: median of 7 rounds, calls/s and ms per call.

    python benchmarks/bench_engine.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import calc

ROUNDS = 7


def _rate(fn: Callable[[], object], seconds: float = 0.4) -> float:
    """Calls per second of ``fn``: the median of ROUNDS rounds of ~``seconds`` each."""
    fn()
    rates = []
    for _ in range(ROUNDS):
        n, t0 = 0, time.perf_counter()
        while (dt := time.perf_counter() - t0) < seconds:
            fn()
            n += 1
        rates.append(n / dt)
    return statistics.median(rates)


def _render(result: object, lang: str) -> str:
    return result.explain(lang) if callable(getattr(result, "explain", None)) else str(result)  # type: ignore[attr-defined]


CASES: dict[str, Callable[[], object]] = {
    "seniority (compute)": lambda: calc.seniority(45_000, 7, "civil_service"),
    "seniority + explain ru": lambda: _render(calc.seniority(45_000, 7, "civil_service"), "ru"),
    "seniority + explain en": lambda: _render(calc.seniority(45_000, 7, "civil_service"), "en"),
    "advance (compute)": lambda: calc.advance(80_000, 2025, 10),
    "advance + explain ru": lambda: _render(calc.advance(80_000, 2025, 10), "ru"),
    "cost, gross given (compute)": lambda: calc.employer_cost(100_000, 2026, month=6),
    "cost + explain ru": lambda: _render(calc.employer_cost(100_000, 2026, month=6), "ru"),
    "cost + explain en": lambda: _render(calc.employer_cost(100_000, 2026, month=6), "en"),
    "cost, net given (inverse)": lambda: calc.employer_cost(net=87_000, year=2026, month=6),
}


def main() -> None:
    print(f"calc from {calc.__file__}")
    for name, fn in CASES.items():
        r = _rate(fn)
        print(f"{name:32s} {r:10.0f} calls/s  {1000 / r:8.3f} ms/call")


if __name__ == "__main__":
    main()
