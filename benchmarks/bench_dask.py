#!/usr/bin/env python3
"""Benchmark: ten million employees on disk (partitioned parquet) through the Dask path.

    python benchmarks/bench_dask.py                         # 10 000 000 employees, 2 local workers
    python benchmarks/bench_dask.py --employees 2000000 --workers 2 --memory-limit 4GiB
    python benchmarks/bench_dask.py --scheduler tcp://10.0.0.5:8786   # a real cluster (shared data path)

The workforce is generated once into ``benchmarks/data/`` (git-ignored), one parquet file per
partition, with the sample generator (``scripts/make_sample_workforce.py``). The run compares the
files' own scales with a proposed scale for the whole year: 2 × 12 months per employee. Printed:
wall time, employee-months per second, and peak memory — the sum of all worker processes' RSS
(sampled together every 0.2 s), plus this client process.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from pathlib import Path

import dask.dataframe as dd
import psutil
from bench_common import HelpFormatter, Sampler, load_generator  # this script's folder is on sys.path

from calc.workforce.dask import close, compare_dask, connect

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
PROPOSED = [(0, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"), (20, "0.30")]


def make_data(folder: Path, employees: int, per_file: int) -> None:
    """Write the workforce as parquet files of ``per_file`` employees (skipped if already there)."""
    done = folder / "_complete"
    if done.exists() and done.read_text() == f"{employees} {per_file}":
        print(f"using {folder} ({employees:,} employees)")
        return
    gen = load_generator()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.parquet"):
        old.unlink()
    t = time.perf_counter()
    for i, start in enumerate(range(0, employees, per_file)):
        n = min(per_file, employees - start)
        g = gen.generate(n, seed=1000 + i, start_id=start + 1)
        g["salary"] = g.pop("salary_kop") / 100  # float rubles, as a spreadsheet or database exports them
        g.to_parquet(folder / f"part-{i:05d}.parquet", index=False)
    done.write_text(f"{employees} {per_file}")
    size = sum(p.stat().st_size for p in folder.glob("*.parquet"))
    print(f"generated {employees:,} employees in {time.perf_counter() - t:.1f} s → {folder} ({size / 2**20:,.0f} MiB)")


class ClusterMemory(Sampler):
    """Samples the summed RSS of the workers (and their nanny processes) and of this process."""

    def __init__(self, client: object, every: float = 0.2) -> None:
        super().__init__(every)
        pids = client.run(os.getpid)  # type: ignore[attr-defined]
        self.workers = [psutil.Process(p) for p in pids.values()]
        self.nannies = [w.parent() for w in self.workers if w.parent() and w.parent().pid != os.getpid()]
        self.me = psutil.Process()
        self.peak_workers = self.peak_all = self.peak_me = 0

    def _rss(self, procs: list[psutil.Process]) -> int:
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return total

    def sample(self) -> None:
        w = self._rss(self.workers)
        me = self.me.memory_info().rss
        self.peak_workers = max(self.peak_workers, w)
        self.peak_me = max(self.peak_me, me)
        self.peak_all = max(self.peak_all, w + self._rss(self.nannies) + me)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    ap.add_argument("--employees", type=int, default=10_000_000, help="employees in the generated workforce")
    ap.add_argument("--per-file", type=int, default=100_000, help="employees per parquet file (= partition)")
    ap.add_argument("--year", type=int, default=2026, help="year of the calculation")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="local worker processes")
    ap.add_argument("--memory-limit", default="8GiB", help="per local worker")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler (the data path must be shared)")
    ap.add_argument("--data", type=Path, help="folder of parquet files (default: benchmarks/data/workforce_<n>)")
    args = ap.parse_args()
    folder = args.data or DATA / f"workforce_{args.employees}"
    make_data(folder, args.employees, args.per_file)

    local = {} if args.scheduler else {"n_workers": args.workers, "memory_limit": args.memory_limit}
    client = connect(args.scheduler, dashboard_address=":0", **local)
    try:
        nworkers = len(client.scheduler_info()["workers"])
        ddf = dd.read_parquet(str(folder))
        with ClusterMemory(client) as mem:
            t = time.perf_counter()
            res = compare_dask(ddf, args.year, PROPOSED, client=client)
            took = time.perf_counter() - t
    finally:
        close(client)
    h = res.headline()
    months = 2 * 12 * h["employees"]
    total_mem = psutil.virtual_memory().total
    print(f"\nDask, {nworkers} workers × 1 thread, {ddf.npartitions} partitions, year {args.year}")
    print(f"  employees computed {h['employees']:,}; rejected rows {len(res.rejected):,}")
    print(f"  wall time {took:,.1f} s for {months:,} employee-months (2 scales) = {months / took / 1e6:.2f} M/s")
    print(f"  of which: duplicate-id pass {res.timings['duplicates']:.1f} s, main pass {res.timings['compute']:.1f} s")
    print(f"  load average during the run {os.getloadavg()[0]:.1f} (2 cores; other jobs share this machine)")
    print(f"  peak sum of worker RSS {mem.peak_workers / 2**20:,.0f} MiB")
    print(
        f"  peak client RSS {mem.peak_me / 2**20:,.0f} MiB; workers + nannies + client {mem.peak_all / 2**20:,.0f} MiB"
    )
    print(f"  machine memory {total_mem / 2**30:,.1f} GiB")
    print(f"  cost change {h['cost_change']:,} RUB ({h['cost_change_percent']} %), net change {h['net_change']:,} RUB")
    print(res.by_band()[["employees", "total_cost_change_kop", "net_change_kop", "net_change_per_employee_kop"]])


if __name__ == "__main__":
    main()
