"""Median time per call of the average-earnings, leave-pay, severance and final-settlement functions.

Usage:
    PYTHONPATH=. python benchmarks/bench_casework.py            # 200 runs each
    PYTHONPATH=. python benchmarks/bench_casework.py --runs 50

Target: under 5 ms median per call (each call builds its full explanation). Wall-clock and CPU
medians are printed: on a loaded shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from bench_common import HelpFormatter

import calc

TARGET_MS = 5.0
MONTHS = [calc.PeriodMonth(2023, m, 60_000) for m in range(6, 13)] + [
    calc.PeriodMonth(2024, m, 60_000, excluded=((date(2024, 3, 11), date(2024, 3, 15)),) if m == 3 else ())
    for m in range(1, 6)
]
BONUSES = [calc.Bonus(120_000, "annual", 2023), calc.Bonus(10_000, "quarterly", 2024, 1)]

CASES: dict[str, Callable[[], Any]] = {
    "average_earnings (12 months, sick leave, bonuses)": lambda: calc.average_earnings(
        date(2024, 6, 10), MONTHS, bonuses=BONUSES
    ),
    "vacation_pay (average given, across the year)": lambda: calc.vacation_pay(
        date(2024, 12, 23), 28, average_daily="2047.78", prior_income=700_000
    ),
    "vacation_pay (from the billing period)": lambda: calc.vacation_pay(
        date(2024, 6, 10), 28, months=MONTHS, bonuses=BONUSES, prior_income=300_000
    ),
    "severance_pay (redundancy, 3rd month)": lambda: calc.severance_pay(
        date(2024, 6, 10), "redundancy", average_daily=2900, service_months=1, prior_income=300_000
    ),
    "severance_pay (Far North, 6 months)": lambda: calc.severance_pay(
        date(2025, 10, 10), "redundancy", average_daily=2900, far_north=True, service_months=3
    ),
    "final_settlement (redundancy, billing period)": lambda: calc.final_settlement(
        date(2024, 6, 10), 60_000, period_months=MONTHS, months_for_leave=7, ground="redundancy", service_months=1
    ),
}


def median_ms(f: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds per call (CPU time is steadier on a shared machine)."""
    f()  # warm the calendar and rule caches
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        f()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    p.add_argument("--runs", type=int, default=200, help="calls timed per function")
    args = p.parse_args()
    width = max(map(len, CASES))
    for name, f in CASES.items():
        wall, cpu = median_ms(f, args.runs)
        flag = "ok" if min(wall, cpu) < TARGET_MS else f"ABOVE {TARGET_MS} ms"
        print(f"{name:<{width}}  {wall:7.3f} ms wall, {cpu:7.3f} ms CPU (medians of {args.runs} runs)  {flag}")


if __name__ == "__main__":
    main()
