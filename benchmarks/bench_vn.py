"""Speed of Vietnam's month (prints figures; not a timed test): gross → figures with the explanation,
and the inverse from net and from total cost (exact search over whole đồng: interpolation for the crossing,
then the 25 whole đồng around it), with the number of months the inverse computes.

Run: ``python benchmarks/bench_vn.py [--runs 20]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import calc.vn as vn
import calc.vn.payroll as payroll


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out), max(out)


def evaluations(**given: object) -> int:
    """How many months the inverse computes to find one gross pay (each with its explanation steps)."""
    real, count = payroll._figures, [0]

    def counted(*args: object) -> object:
        count[0] += 1
        return real(*args)  # type: ignore[arg-type]

    payroll._figures = counted  # type: ignore[assignment]
    try:
        vn.monthly(year=2026, month=8, dependants=1, **given)  # type: ignore[arg-type]
    finally:
        payroll._figures = real  # type: ignore[assignment]
    return count[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    runs = ap.parse_args().runs
    cases = {
        "gross → net, cost": lambda i: vn.monthly(gross=30_000_000 + 7919 * i, year=2026, month=8, dependants=1),
        "net → gross": lambda i: vn.monthly(net=25_000_000 + 7919 * i, year=2026, month=8, dependants=1),
        "total cost → gross": lambda i: vn.monthly(total_cost=40_000_000 + 7919 * i, year=2026, month=8),
        "explain (vi)": lambda i: vn.monthly(gross=30_000_000 + i, year=2026, month=8).explain("vi"),
    }
    print(f"calc.vn.monthly, {runs} runs each (ms: median / max)")
    for name, fn in cases.items():
        med, top = timed(fn, runs)
        print(f"  {name:20} {med:8.1f} / {top:8.1f}")
    print(f"months computed by the inverse: from net {evaluations(net=25_000_000)}, "
          f"from total cost {evaluations(total_cost=40_000_000)}")


if __name__ == "__main__":
    main()
