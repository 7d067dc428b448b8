"""Median time per call of sick pay, maternity pay, late-pay compensation and deductions (target < 5 ms each).

Usage: PYTHONPATH=. python benchmarks/bench_casework_b.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

import calc
from benchmarks.bench_common import HelpFormatter

CASES: dict[str, Callable[[], object]] = {
    "sick_pay (10 days, 2 months)": lambda: calc.sick_pay(
        date(2025, 3, 25), 10, {2023: 600000, 2024: 720000}, record_years=6
    ),
    "maternity_pay (140 days)": lambda: calc.maternity_pay(date(2025, 3, 1), {2023: 900000, 2024: 1000000}),
    "late_pay_compensation (1 debt, 3 rate periods)": lambda: calc.late_pay_compensation(
        [calc.Debt(100000, date(2023, 7, 20))], [calc.Payment(date(2023, 8, 20), 100000)]
    ),
    "late_pay_compensation (2 debts, 2016–2025, 66 periods)": lambda: calc.late_pay_compensation(
        [calc.Debt(50000, date(2016, 9, 10), ndfl=6500), calc.Debt(30000, date(2023, 7, 20), "leave_pay")],
        [calc.Payment(date(2020, 1, 10), 20000)],
        until=date(2025, 12, 31),
    ),
    "deductions (4 items, minimum kept)": lambda: calc.deductions(
        50000,
        [
            calc.Deduction("alimony", children=1),
            calc.Deduction("writ", amount=30000, priority=4),
            calc.Deduction("employer", amount=5000),
            calc.Deduction("union_dues"),
        ],
        on=date(2025, 3, 5),
        keep_minimum=True,
    ),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    ap.add_argument("--repeat", type=int, default=200, help="calls per case")
    args = ap.parse_args()
    for name, fn in CASES.items():
        fn()  # warm the rule book and caches
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        print(f"{name:55s} median {statistics.median(times) * 1000:7.3f} ms")


if __name__ == "__main__":
    main()
