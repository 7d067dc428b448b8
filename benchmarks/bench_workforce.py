#!/usr/bin/env python3
"""Benchmark: the full year of a large workforce in one process, against the scalar engine.

    python benchmarks/bench_workforce.py                       # 1 000 000 employees, 2026
    python benchmarks/bench_workforce.py --employees 200000 --scalar-sample 300

Prints: employee-months per second (check + compute, and compute alone), the time of a per-employee
loop over the scalar engine (``calc.pay_lines`` × 12 + ``calc.year_payroll``) on a sample of the same
workforce, the speed-up, and peak memory (RSS sampled every 10 ms) in total and per employee.
The sample's figures are also compared with the vectorised ones (they must be equal).
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
import psutil
from bench_common import HelpFormatter, Sampler, load_generator  # this script's folder is on sys.path

import calc
from calc import workforce as W


def typed_frame(g: pd.DataFrame) -> pd.DataFrame:
    """The generated workforce as a typed table (as read from parquet: float salary, datetime hire date)."""
    return pd.DataFrame(
        {
            "id": g["id"],
            "salary": g["salary_kop"].to_numpy() / 100,
            "hire_date": g["hire_date"],
            "scale": g["scale"],
            "kind": g["kind"],
            "district_coef": g["district_coef"],
            "northern_percent": g["northern_percent"],
            "children": g["children"],
        }
    )


class PeakRSS(Sampler):
    """Samples this process's resident memory every ``every`` seconds in a thread."""

    def __init__(self, every: float = 0.01) -> None:
        super().__init__(every)
        self.proc = psutil.Process()
        self.peak = self.start = self.proc.memory_info().rss

    def sample(self) -> None:
        self.peak = max(self.peak, self.proc.memory_info().rss)


def scalar_employee(row: pd.Series, year: int) -> list[calc.MonthCost]:
    """One employee through the scalar engine, exactly as the workforce engine defines the year."""
    hire = row["hire_date"].date()
    scale = calc.get_scale(row["scale"])
    salary = Decimal(int(row["salary_kop"])).scaleb(-2)
    lines = [
        calc.pay_lines(
            salary,
            year,
            m,
            scale=scale,
            seniority_years=calc.service_length([calc.Period(hire)], date(year, m, 1)).years,
            district_coef=Decimal(row["district_coef"]),
            northern_percent=Decimal(row["northern_percent"]),
        )
        for m in range(1, 13)
    ]
    return calc.year_payroll(
        [x.gross for x in lines],
        year,
        kind=row["kind"],
        children=int(row["children"]),
        northern=[x.northern for x in lines],
    ).months()


def mib(b: float) -> str:
    return f"{b / 2**20:,.0f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    ap.add_argument("--employees", type=int, default=1_000_000, help="employees in the generated workforce")
    ap.add_argument("--year", type=int, default=2026, help="year of the calculation")
    ap.add_argument(
        "--scalar-sample", type=int, default=300, help="employees run through the scalar engine for comparison"
    )
    ap.add_argument("--seed", type=int, default=7, help="seed of the workforce generator")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the vectorised engine (best is reported)")
    ap.add_argument("--term", type=int, default=1, help="years of the agreement for the demand packages")
    ap.add_argument("--packages-only", action="store_true", help="only the demand packages (skip the rest)")
    args = ap.parse_args()
    n, year = args.employees, args.year
    gen = load_generator()

    t0 = time.perf_counter()
    g = gen.generate(n, seed=args.seed)
    df = typed_frame(g)
    print(f"generated {n:,} employees in {time.perf_counter() - t0:.2f} s")

    if args.packages_only:
        bench_packages(df, n, year, args.term)
        return
    best = None
    for _ in range(args.repeat):
        with PeakRSS() as mem:
            t1 = time.perf_counter()
            chk = W.check(df, year)
            t2 = time.perf_counter()
            res = W.year_workforce(chk, year)
            t3 = time.perf_counter()
        run = (t3 - t1, t2 - t1, t3 - t2, mem.peak - mem.start, mem.peak)
        if best is None or run[0] < best[0]:
            best = run
        del res, chk
    assert best is not None
    total, t_check, t_comp, grown, peak = best
    months = 12 * n
    print(f"\nvectorised engine, {n:,} employees × 12 months = {months:,} employee-months (best of {args.repeat})")
    print(f"  check (validation) {t_check:8.2f} s")
    print(f"  compute            {t_comp:8.2f} s   {months / t_comp / 1e6:6.2f} M employee-months/s")
    print(f"  total              {total:8.2f} s   {months / total / 1e6:6.2f} M employee-months/s")
    print(f"  peak RSS {mib(peak)}; growth during the run {mib(grown)} = {grown / n:,.0f} bytes per employee")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other jobs may share the machine)")

    res = W.year_workforce(df, year)
    k = min(args.scalar_sample, n)
    sample = g.iloc[:k]
    t_scalar = float("inf")
    for _ in range(args.repeat):  # best of the same number of runs as the vectorised engine
        t4 = time.perf_counter()
        ref = [scalar_employee(row, year) for _, row in sample.iterrows()]
        t_scalar = min(t_scalar, time.perf_counter() - t4)
    mismatches = 0
    for i, months_ in enumerate(ref):
        for m, mc in enumerate(months_):
            for key, v in (("gross", mc.gross), ("ndfl", mc.ndfl), ("contributions", mc.contributions)):
                mismatches += int(res.figures[key][i, m]) != int(v * 100)
            mismatches += int(res.figures["total_cost"][i, m]) != int(mc.total_cost * 100)
    per_scalar = t_scalar / k
    per_vector_total = total / n
    per_vector = t_comp / n
    print(
        f"\nscalar engine loop on the first {k} employees (best of {args.repeat}): {t_scalar:.2f} s"
        f" = {per_scalar * 1e3:.2f} ms per employee"
    )
    print(
        f"  → {12 / per_scalar:,.0f} employee-months/s; the whole workforce would take {per_scalar * n / 60:,.1f} min"
    )
    print(f"  figures equal to the vectorised engine: {'yes' if mismatches == 0 else f'NO ({mismatches} differ)'}")
    print(
        f"speed-up: {per_scalar / per_vector_total:,.0f}× (check + compute), {per_scalar / per_vector:,.0f}× (compute)"
    )

    del res
    with PeakRSS() as mem2:
        t5 = time.perf_counter()
        cmp = W.compare(df, year, [(0, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"), (20, "0.30")])
        h = cmp.headline()
        t6 = time.perf_counter()
    print(f"\ncompare two scales ({2 * months:,} employee-months + per-employee and band tables): {t6 - t5:.2f} s")
    print(
        f"  cost change {h['cost_change']:,} RUB; net change {h['net_change']:,} RUB; НДФЛ change {h['ndfl_change']:,}"
    )
    print(f"  bands: {np.asarray(cmp.by_band()['employees']).tolist()}; peak RSS {mib(mem2.peak)}")
    del cmp
    bench_packages(df, n, year, args.term)


def bench_packages(df: pd.DataFrame, n: int, year: int, term: int) -> None:
    """The union's demand and the employer's offer (every demand kind) beside the baseline over the term."""
    from calc.workforce.demands import Bonus, ExtraLeave, Floor, NightPremium, Package, Raise, cost_term

    first = min(year, 2026 - term + 1)
    start = date(first, 1, 1)
    df = df.assign(night_hours=np.where(np.arange(n) % 5 == 0, "40", ""))
    demand = Package(
        "demand",
        (
            Raise(percent=8, flat=3000, start=start, yearly=True),
            Floor(mrot_multiple="1.2", start=start),
            Bonus(percent=100, start=date(first, 12, 1)),
            ExtraLeave(3, start=date(first, 7, 1)),
            NightPremium(40, start=start),
        ),
    )
    offer = Package("offer", (Raise(percent=4, start=date(first, 4, 1), yearly=True),))
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        res = cost_term(df, first, term, {"demand": demand, "offer": offer}, strict=False)
        t1 = time.perf_counter()
        by = res.by_year()
        t2 = time.perf_counter()
    em = n * 12 * term * 3  # baseline, demand and offer
    print(f"\ndemand packages: baseline + demand (every kind) + offer, {n:,} employees × 12 months × {term} year(s)")
    speed = em / (t1 - t0) / 1e6
    print(f"  = {em:,} employee-months in {t1 - t0:.2f} s (check included): {speed:.2f} M employee-months/s")
    print(f"  tables by year {t2 - t1:.2f} s; peak RSS {mib(mem.peak)}; growth {mib(mem.peak - mem.start)}")
    tot = by[by["year"] == "total"].set_index("scenario")
    for s in ("demand", "offer"):
        print(f"  {s}: extra cost {W.rub(int(tot.loc[s, 'total_cost_change_kop'])):,} RUB over the term")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
