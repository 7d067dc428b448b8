#!/usr/bin/env python3
"""Benchmark: the full year of a large workforce in one process, against the scalar engine.

    python benchmarks/bench_workforce.py                       # 1 000 000 employees, 2026
    python benchmarks/bench_workforce.py --employees 200000 --scalar-sample 300

Prints: the compiled kernel's compile time (first call in a fresh process with an empty cache, then
with the cache on disk); employee-months per second (check + compute, and compute alone) of this
engine (exact int64 kopecks, compiled with numba), of the same engine's former numpy int64 kernel and
of a plain numpy float64 version of the same model (rounding with ``np.floor(x + 0.5)``), the time of a
per-employee loop over the scalar engine (``calc.pay_lines`` × 12 + ``calc.year_payroll``) on a sample
of the same workforce, and peak memory: process RSS sampled every 10 ms with psutil (not tracemalloc).
The figures of the float64 version, the numpy kernel and the scalar sample are compared with this
engine's (the float64 version's differences, if any, are counted and printed). The load average of
the machine is printed beside the figures (other jobs may share it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import numba
import numpy as np
import pandas as pd
import psutil
from bench_common import HelpFormatter, Sampler, load_generator  # this script's folder is on sys.path

import calc
from calc import workforce as W
from calc.workforce import kernel as K


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


def float_year(inp: K.Inputs, r: K.YearRules) -> dict[str, np.ndarray]:
    """The same model in plain numpy float64 rubles (the usual way): rates as floats, rounding with
    ``np.floor(x + 0.5)``; each figure as an array of (employees, 12). For speed and memory only."""

    def r2(x: np.ndarray) -> np.ndarray:  # to kopecks, half up
        return np.floor(x * 100 + 0.5) / 100

    salary = inp.salary / 100
    salary = salary if salary.ndim == 2 else salary[:, None]
    bonus = r2(salary * (inp.rate_num / inp.rate_den))
    base = salary + bonus
    north = r2(base * (inp.coef_num / inp.coef_den)[:, None]) + r2(base * (inp.pct_num / inp.pct_den)[:, None])
    gross = base + north
    cum_main = np.cumsum(gross - north, axis=1)
    cum_north = np.cumsum(north, axis=1)
    c = inp.children
    per = ((c >= 1) * r.child_first + (c >= 2) * r.child_second + np.maximum(c - 2, 0) * r.child_third) / 100
    ded = np.where(cum_main + cum_north <= r.child_limit / 100, per[:, None], 0.0)
    tb = np.maximum(cum_main - np.cumsum(ded, axis=1), 0)

    def tax(b: np.ndarray, sc: K.TaxScale) -> np.ndarray:
        out = np.zeros_like(b)
        starts = sc.starts / 100
        for i, s0 in enumerate(starts):
            part = b - s0
            if i + 1 < len(starts):
                part = np.minimum(part, starts[i + 1] - s0)
            out += np.maximum(part, 0) * (sc.nums[i] / sc.den)
        return np.floor(out + 0.5)  # whole rubles (НК ст. 52 п. 6)

    if r.northern_scale is None:
        to_date = tax(tb + cum_north, r.ndfl_scale)
    else:
        to_date = tax(tb, r.ndfl_scale) + tax(cum_north, r.northern_scale)
    ndfl = np.diff(to_date, axis=1, prepend=0)
    prior = np.cumsum(gross, axis=1) - gross
    contrib = np.zeros_like(gross)
    if r.has_reduced:  # SME: the reduced rates on the part of a month's pay above the threshold
        thr = np.where(r.threshold >= K.INF, np.inf, r.threshold / 100)[inp.kind]
        low = np.minimum(gross, thr)
    else:
        low = gross
    high = gross - low
    for f in r.funds:
        cap = np.where(f.cap >= K.INF, np.inf, f.cap / 100)
        under = np.minimum(low, np.maximum(cap - prior, 0))
        acc = under * (f.under / r.contrib_den) + (low - under) * (f.above / r.contrib_den)
        if r.has_reduced:
            rcap = np.where(f.red_cap >= K.INF, np.inf, f.red_cap / 100)[inp.kind]
            under2 = np.minimum(high, np.maximum(rcap - (prior + low), 0))
            acc += (under2 * f.red_under[inp.kind] + (high - under2) * f.red_above[inp.kind]) / r.contrib_den
        contrib += np.diff(r2(np.cumsum(acc, axis=1)), axis=1, prepend=0)
    accident = r2(gross * (inp.acc_num / inp.acc_den))
    return {
        "bonus": bonus,
        "gross": gross,
        "ndfl": ndfl,
        "net": gross - ndfl,
        "contributions": contrib,
        "accident": accident,
        "total_cost": gross + contrib + accident,
    }


def run_engine(chk: W.Checked, year: int, kernel: object) -> tuple[W.WorkforceYear, float]:
    """``year_workforce`` with the given block kernel (``K.year`` and its stand-ins)."""
    saved = K.year

    def in_place(
        inp: K.Inputs, r: K.YearRules, out: np.ndarray | None = None, sums: object = None
    ) -> dict[str, np.ndarray]:
        res = kernel(inp, r)  # type: ignore[operator]
        if out is not None:  # the engine reads its figures from the array it gave
            for i, key in enumerate(K.figure_keys(r)):
                out[:, i] = res.get(key, 0)  # the float model has no figures by fund
        return res

    K.year = in_place  # type: ignore[assignment]
    try:
        t = time.perf_counter()
        res = W.year_workforce(chk, year)
        return res, time.perf_counter() - t
    finally:
        K.year = saved


def float_kernel(inp: K.Inputs, r: K.YearRules) -> dict[str, np.ndarray]:
    """float_year in the engine's place (its figures turned into kopecks for the comparison only)."""
    out = float_year(inp, r)
    res = {"service_years": inp.service}
    res.update({k: np.rint(v * 100).astype(np.int64) for k, v in out.items()})
    res["northern"] = np.zeros_like(res["gross"])
    return res


COMPILE_PROBE = """
import time, numpy as np
t = time.perf_counter()
from calc.workforce import compiled as C
t_import = time.perf_counter() - t
import pandas as pd
from calc import workforce as W
df = pd.DataFrame({"id": ["a"], "salary": ["50000"], "hire_date": ["2015-03-01"], "scale": ["civil_service"]})
t = time.perf_counter()
W.year_workforce(df, 2026)
t_year = time.perf_counter() - t
from datetime import date
from calc.workforce.demands import Package, Raise, cost_term
t = time.perf_counter()
cost_term(df, 2026, 1, [Package("p", (Raise(percent=5, start=date(2026, 1, 1)),))])
print(f"{t_year:.2f} {time.perf_counter() - t:.2f}")
"""


def compile_times() -> list[tuple[float, float]]:
    """(year_workforce, cost_term) first-call times in fresh processes: empty numba cache, then cached."""
    out = []
    with tempfile.TemporaryDirectory() as d:
        env = {**os.environ, "NUMBA_CACHE_DIR": d, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        for _ in range(2):
            p = subprocess.run(
                [sys.executable, "-c", COMPILE_PROBE], env=env, capture_output=True, text=True, check=True
            )
            a, b = p.stdout.split()[-2:]
            out.append((float(a), float(b)))
    return out


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return (
        f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} (uptime) on {os.cpu_count()} cores;"
        f" numba: {numba.get_num_threads()} threads, {numba.threading_layer()} layer"
    )


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
    ap.add_argument("--no-compile-probe", action="store_true", help="skip timing the compile in fresh processes")
    args = ap.parse_args()
    n, year = args.employees, args.year
    gen = load_generator()
    if not args.no_compile_probe and not args.packages_only:
        (c_wf, c_term), (h_wf, h_term) = compile_times()
        print("compiled kernel (numba), first call in a fresh process on 1 employee:")
        print(f"  empty cache (compiles):  year_workforce {c_wf:.2f} s, cost_term {c_term:.2f} s")
        print(f"  cached on disk:          year_workforce {h_wf:.2f} s, cost_term {h_term:.2f} s")

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
    print(f"  {load()}")
    sums_only(df, n, year, args.repeat)

    chk = W.check(df, year)
    res = W.year_workforce(chk, year)
    for name, kern in (("numpy int64 kernel (before numba)", K.year_numpy), ("numpy float64 model", float_kernel)):
        with PeakRSS() as mem:
            other, t_o = run_engine(chk, year, kern)
        diff = {k: int((other.figures[k] != res.figures[k]).sum()) for k in FIGS}
        same = "equal" if not any(diff.values()) else f"differ in {diff} employee-months"
        print(
            f"\n{name}: compute {t_o:.2f} s = {months / t_o / 1e6:.2f} M employee-months/s;"
            f" peak RSS {mib(mem.peak)} (growth {mib(mem.peak - mem.start)}); figures {same}"
        )
        print(f"  {load()}")
        del other
    del chk
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


def sums_only(df: pd.DataFrame, n: int, year: int, repeat: int) -> None:
    """The same year keeping only each figure's year sum per person (``months=False``), as the Dask path does."""
    full = W.year_workforce(W.check(df, year), year).totals()
    best = None
    for _ in range(repeat):
        with PeakRSS() as mem:
            t1 = time.perf_counter()
            chk = W.check(df, year)
            t2 = time.perf_counter()
            res = W.year_workforce(chk, year, months=False)
            t3 = time.perf_counter()
        run = (t3 - t1, t2 - t1, t3 - t2, mem.peak - mem.start)
        best = run if best is None or run[0] < best[0] else best
        same = res.totals() == full
        del res, chk
    assert best is not None
    total, t_check, t_comp, grown = best
    months = 12 * n
    print(f"\nthe same, only the year's sums kept (months=False), best of {repeat}:")
    print(f"  check {t_check:.2f} s + compute {t_comp:.2f} s ({months / t_comp / 1e6:.2f} M employee-months/s compute")
    print(f"  alone); with the check {months / total / 1e6:.2f} M employee-months/s;")
    print(f"  growth during the run {mib(grown)} = {grown / n:,.0f} bytes per employee;")
    print(f"  totals equal to the months kept: {'yes' if same else 'NO'}")
    print(f"  {load()}")


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
    cost_term(df.iloc[:10], first, term, {"demand": demand, "offer": offer}, strict=False)  # loads the compiled code
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        chk = W.check(df, first)
        tc = time.perf_counter()
        res = cost_term(chk, first, term, {"demand": demand, "offer": offer}, strict=False, raw=df)
        t1 = time.perf_counter()
        by = res.by_year()
        t2 = time.perf_counter()
    em = n * 12 * term * 3  # baseline, demand and offer
    print(f"\ndemand packages: baseline + demand (every kind) + offer, {n:,} employees × 12 months × {term} year(s)")
    print(
        f"  = {em:,} employee-months: check {tc - t0:.2f} s + compute {t1 - tc:.2f} s"
        f" ({em / (t1 - tc) / 1e6:.2f} M employee-months/s compute alone);"
        f" with the check {em / (t1 - t0) / 1e6:.2f} M employee-months/s"
    )
    print(
        f"  tables by year {t2 - t1:.2f} s; peak RSS {mib(mem.peak)}; growth during the run {mib(mem.peak - mem.start)}"
    )
    tot = by[by["year"] == "total"].set_index("scenario")
    for s in ("demand", "offer"):
        print(f"  {s}: extra cost {W.rub(int(tot.loc[s, 'total_cost_change_kop'])):,} RUB over the term")
    print(f"  {load()}")


FIGS = ("bonus", "gross", "ndfl", "net", "contributions", "accident", "total_cost")

if __name__ == "__main__":
    main()
