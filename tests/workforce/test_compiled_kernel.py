"""The compiled (numba) kernel against the numpy int64 kernel and the calendar, and its disk cache.

The kernel's figures against the single-person engine are tested in test_workforce_engine.py (scale
view) and test_demands.py (every demand kind); here: the compiled loop equals the numpy arrays on
random blocks of every year, employer kind, district coefficient and northern allowance, to the kopeck.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.ru.long_service import MAX_YEARS
from calc.workforce import kernel as K

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("general", "sme", "sme_manufacturing")


@st.composite
def blocks(draw: st.DrawFn) -> tuple[K.Inputs, K.YearRules]:
    year = draw(st.integers(2011, 2026))
    n = draw(st.integers(1, 40))
    ints = lambda lo, hi, shape: np.array(  # noqa: E731
        draw(st.lists(st.integers(lo, hi), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    ).reshape(shape)
    salary = ints(1, 2_000_000_00, (n, 12)) if draw(st.booleans()) else ints(1, 2_000_000_00, (n,))
    rules = K.year_rules(year, KINDS)
    coef_den, pct_den = 100, 100
    inp = K.Inputs(
        salary=salary.astype(np.int64),
        service=np.zeros((n, 12), np.int64),
        rate_num=ints(0, 60, (n, 12)).astype(np.int64),
        rate_den=100,
        coef_num=np.array(draw(st.lists(st.sampled_from([0, 15, 50, 100]), min_size=n, max_size=n)), np.int64),
        coef_den=coef_den,
        pct_num=np.array(draw(st.lists(st.sampled_from([0, 10, 50, 80]), min_size=n, max_size=n)), np.int64),
        pct_den=pct_den,
        children=ints(0, 5, (n,)).astype(np.int64),
        kind=ints(0, len(KINDS) - 1, (n,)).astype(np.int64),
        acc_num=draw(st.sampled_from([2, 13, 85])),
        acc_den=1000,
        extra=ints(0, 300_000_00, (n, 12)).astype(np.int64) if draw(st.booleans()) else None,
    )
    return inp, rules


@settings(max_examples=150, deadline=None)
@given(blocks())
def test_compiled_year_equals_the_numpy_kernel(case: tuple[K.Inputs, K.YearRules]) -> None:
    inp, rules = case
    a, b = K.year(inp, rules), K.year_numpy(inp, rules)
    assert a.keys() == b.keys()
    for k in a:
        assert np.array_equal(a[k], b[k]), k


def test_compiled_refuses_a_year_over_the_limit_like_the_numpy_kernel() -> None:
    rules = K.year_rules(2026, ("general",))
    n = 3
    inp = K.Inputs(
        salary=np.array([10_000_00, 9_000_000_000, 5_000_00], np.int64),
        service=np.zeros((n, 12), np.int64),
        rate_num=np.zeros((n, 12), np.int64),
        rate_den=1,
        coef_num=np.zeros(n, np.int64),
        coef_den=1,
        pct_num=np.zeros(n, np.int64),
        pct_den=1,
        children=np.zeros(n, np.int64),
        kind=np.zeros(n, np.int64),
        acc_num=2,
        acc_den=1000,
    )
    for f in (K.year, K.year_numpy):
        try:
            f(inp, rules)
        except K._TooBig as e:
            assert e.rows.tolist() == [1]
        else:
            raise AssertionError(f)


def test_compiled_service_equals_the_numpy_service() -> None:
    """Every hire date of 1940–2026 (and whole months at 1 January) on the 1st of each month of three years."""
    start = date(1940, 1, 1)
    for year in (2012, 2024, 2026):
        days = [start + timedelta(d) for d in range((date(year, 12, 31) - start).days + 1)]
        hire = np.array(days, dtype="datetime64[D]")
        got = K.service(np.full(len(days), -1), hire.astype(np.int64), year, MAX_YEARS)
        want = np.minimum(K.service_years_from_hire(hire, year), MAX_YEARS)
        assert np.array_equal(got, want), year
    months = np.arange(0, 12 * 90)
    got = K.service(months, np.zeros(len(months), np.int64), 2026, MAX_YEARS)
    assert np.array_equal(got, np.minimum(K.service_years_from_months(months), MAX_YEARS))


def test_the_compiled_kernel_caches_outside_a_read_only_package(tmp_path: Path) -> None:
    """When the package folder cannot be written (``os.access`` says so: the test may run as root, who writes
    anyway), the kernel caches in the user's cache folder: the first process writes the cache there, the second
    loads it (same figures)."""
    cache_home = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env.update(PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(cache_home))
    probe = (
        "import os\n"
        "real = os.access\n"
        "os.access = lambda p, mode, **kw: False if 'calc' in str(p) and mode == os.W_OK else real(p, mode, **kw)\n"
        "import pandas as pd\n"
        "from calc import workforce as W\n"
        "os.access = real\n"
        "df = pd.DataFrame({'id': ['a'], 'salary': ['50000'], 'hire_date': ['2015-03-01'],"
        " 'scale': ['civil_service']})\n"
        "print(W.year_workforce(df, 2026).totals()['total_cost'], os.environ.get('NUMBA_CACHE_DIR'))\n"
    )
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    a = run()
    where = cache_home / "payroll-numba"
    assert a[1] == str(where)
    written = sorted(where.rglob("*.nbi"))
    assert written, "no cache index written"
    stamps = [f.stat().st_mtime_ns for f in written]
    assert run() == a
    assert [f.stat().st_mtime_ns for f in sorted(where.rglob("*.nbi"))] == stamps  # loaded, not compiled again


PARALLEL_PROBE = """
import concurrent.futures as cf, sys
import numpy as np, numba
sys.path.insert(0, {tests!r})
from test_compiled_kernel import many
from calc import workforce as W
table = many(1500)
ref = W.year_workforce(table, 2026, scale="civil_service", block=600)
with cf.ThreadPoolExecutor(4) as ex:
    runs = list(ex.map(lambda _: W.year_workforce(table, 2026, scale="civil_service", block=600), range(8)))
assert all((r.figures[k] == ref.figures[k]).all() for r in runs for k in ref.figures)
print(numba.threading_layer(), numba.get_num_threads(), int(ref.figures["total_cost"].sum()))
"""


def many(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    start = date(1990, 1, 1)
    return pd.DataFrame(
        {
            "id": [f"P{i}" for i in range(n)],
            "salary": (rng.integers(20_000_00, 900_000_00, n) / 100).astype(str),
            "hire_date": [str(start + timedelta(days=int(d))) for d in rng.integers(0, 13_000, n)],
            "kind": rng.choice(["general", "sme"], n),
            "district_coef": rng.choice(["1", "1.15", "1.8"], n),
            "northern_percent": rng.choice(["0", "0.3", "0.8"], n),
            "children": rng.integers(0, 4, n).astype(str),
        }
    )


def test_parallel_chunks_and_blocks_equal_the_numpy_kernel() -> None:
    """Several parallel chunks (512 employees) and blocks written in place (600) against the numpy kernel."""
    from calc import workforce as W

    table = many(1500)
    res = W.year_workforce(table, 2026, scale="civil_service", block=600)
    saved = K.year

    def numpy_in_place(inp: K.Inputs, r: K.YearRules, out: np.ndarray | None = None) -> dict[str, np.ndarray]:
        figs = K.year_numpy(inp, r)
        for i, key in enumerate(K.figure_keys(r)):
            out[i] = figs[key]  # type: ignore[index]
        return figs

    K.year = numpy_in_place  # type: ignore[assignment]
    try:
        ref = W.year_workforce(table, 2026, scale="civil_service", block=1500)
    finally:
        K.year = saved
    assert res.figures.keys() == ref.figures.keys()
    for k in res.figures:
        assert (res.figures[k] == ref.figures[k]).all(), k
    assert int(res.figures["gross"].min()) > 0


def test_threads_launch_parallel_loops_one_at_a_time_even_on_the_workqueue_layer() -> None:
    """Dask's threads call the kernel at once: with numba's built-in layer (not thread-safe) the process would
    abort without the launch lock; the figures of 8 concurrent runs equal one run's."""
    env = {**os.environ, "NUMBA_THREADING_LAYER": "workqueue", "PYTHONPATH": str(ROOT)}
    probe = PARALLEL_PROBE.format(tests=str(Path(__file__).parent))
    p = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split()[0] == "workqueue"
