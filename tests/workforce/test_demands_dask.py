"""Demand packages over a term on Dask (and from the command line) equal the in-memory path to the kopeck."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import LocalCluster

from calc import workforce as W
from calc.core.errors import InputError
from calc.workforce.dask import connect, cost_term_dask, main
from calc.workforce.demands import Group, Package, Raise, cost_term, package_from_json

TODAY = date(2026, 11, 21)
DEMAND = [
    {"kind": "raise", "percent": 6, "flat": 2500, "start": "2025-04-01", "yearly": True},
    {"kind": "floor", "mrot_multiple": "1.1"},
    {"kind": "bonus", "percent": 50, "start": "2025-12-01"},
    {"kind": "leave", "days": 2, "start": "2025-07-01", "group": {"department": ["Школы"]}},
    {"kind": "night", "percent": 40, "start": "2026-01-01"},
]
OFFER = [{"kind": "raise", "percent": 3, "start": "2025-07-01"}]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        cl = connect(c.scheduler_address)
        yield cl
        cl.close()


@pytest.fixture(scope="module")
def workforce() -> pd.DataFrame:
    df = W.sample_workforce()
    df["night_hours"] = np.where(np.arange(len(df)) % 7 == 0, "40", "")
    df.loc[10, "salary"] = "-1"  # rejected
    df.loc[2990, "id"] = df.loc[20, "id"]  # a duplicate across partitions
    return df


def test_dask_term_equals_in_memory(client: object, workforce: pd.DataFrame) -> None:
    packages = {"demand": package_from_json("demand", json.dumps(DEMAND)), "offer": package_from_json("offer", OFFER)}
    ddf = dd.from_pandas(workforce, npartitions=5)
    res = cost_term_dask(ddf, 2025, 2, packages, today=TODAY, client=client)
    mem = cost_term(workforce, 2025, 2, packages, today=TODAY, strict=False)
    want = mem.by_year()
    got = res.by_year()
    cols = [c for c in got.columns if c.endswith("_kop") or c == "below_mrot"]
    assert got["scenario"].tolist() == want["scenario"].tolist()
    assert got["year"].astype(str).tolist() == want["year"].astype(str).tolist()
    for c in cols:
        assert got[c].astype(np.int64).tolist() == want[c].astype(np.int64).tolist(), c
    assert sorted(res.rejected["row"].tolist()) == sorted(mem.rejected["row"].unique().tolist())


def test_dask_refuses_a_department_nobody_has(client: object, workforce: pd.DataFrame) -> None:
    pk = {"demand": Package("demand", (Raise(percent=5, group=Group("department", ("Нет такого",))),))}
    with pytest.raises(InputError, match="Not found"):
        cost_term_dask(dd.from_pandas(workforce, npartitions=3), 2026, 1, pk, today=TODAY, client=client)


def test_command_line_prints_the_same_totals(client: object, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = tmp_path / "staff.csv"
    W.sample_workforce().to_csv(src, index=False)
    demand = tmp_path / "demand.json"
    demand.write_text(json.dumps(DEMAND[:3]), encoding="utf-8")
    sched = client.scheduler.address  # type: ignore[attr-defined]
    args = [str(src), "--year", "2025", "--term", "2", "--demand", f"@{demand}", "--offer", json.dumps(OFFER)]
    assert main([*args, "--scheduler", sched]) == 0
    out = capsys.readouterr().out
    mem = cost_term(
        W.sample_workforce(),
        2025,
        2,
        {"demand": package_from_json("demand", DEMAND[:3]), "offer": package_from_json("offer", OFFER)},
        strict=False,
    ).by_year()
    tot = mem[(mem.scenario == "demand") & (mem.year == "total")].iloc[0]
    kop = int(tot["total_cost_change_kop"])
    assert f"{kop // 100}.{kop % 100:02d}" in out
    assert (
        main([str(src), "--year", "2025", "--demand", '[{"kind": "raise", "percent": -120}]', "--scheduler", sched])
        == 2
    )
    assert "−100" in capsys.readouterr().err
