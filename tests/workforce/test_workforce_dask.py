"""The Dask path (partition by partition on a distributed cluster) equals the in-memory path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import LocalCluster

from calc import workforce as W
from calc.workforce_dask import compare_dask, connect, main

TODAY = date(2026, 11, 21)
PROPOSED = [(0, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"), (20, "0.3")]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[object]:
    c = connect(cluster.scheduler_address)  # the "real cluster" path: a scheduler address
    yield c
    c.close()


@pytest.fixture(scope="module")
def workforce() -> pd.DataFrame:
    df = W.sample_workforce()
    df.loc[10, "salary"] = "-1"  # rejected in partition 0
    df.loc[2990, "id"] = df.loc[20, "id"]  # a duplicate across partitions: both copies rejected
    df.loc[1500, "occupation"] = "=HYPERLINK(1)"
    return df


@pytest.mark.parametrize("current", [None, "civil_service"])
def test_dask_equals_in_memory(client: object, workforce: pd.DataFrame, current: str | None, tmp_path: Path) -> None:
    ddf = dd.from_pandas(workforce, npartitions=5)
    assert ddf.npartitions == 5 and len(workforce) > 600  # larger than one partition
    out = tmp_path / "rows"
    res = compare_dask(ddf, 2026, PROPOSED, current=current, today=TODAY, client=client, output=str(out))
    mem = W.compare(workforce, 2026, PROPOSED, current=current, today=TODAY, strict=False)

    pd.testing.assert_frame_equal(res.by_band(), mem.by_band())
    assert res.headline() == mem.headline()

    got = pd.read_parquet(out).sort_values("id").reset_index(drop=True)
    want = mem.per_employee().sort_values("id").reset_index(drop=True)
    assert len(got) == len(want) == len(workforce) - 4
    for c in want.columns:
        if c.endswith("_kop") or c in ("id", "service_years", "band", "scale_current", "scale_proposed"):
            assert got[c].tolist() == want[c].tolist(), c

    assert sorted(res.rejected["id"]) == sorted(mem.rejected["id"])
    assert sorted(res.rejected["reason_en"].str[:30]) == sorted(mem.rejected["reason_en"].str[:30])
    dup = res.rejected[res.rejected["id"] == workforce.loc[20, "id"]]
    assert len(dup) == 2 and dup["partition"].nunique() == 2
    assert all("other parts of the data" in r for r in dup["reason_en"])


def test_command_line_on_csv(cluster: LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "staff.csv"
    W.sample_workforce().head(400).to_csv(src, index=False)
    code = main([str(src), "--year", "2026", "--proposed", "0:0.05,3:0.1", "--scheduler", cluster.scheduler_address])
    out = capsys.readouterr().out
    assert code == 0
    mem = W.compare(W.sample_workforce().head(400), 2026, [(0, "0.05"), (3, "0.1")], today=TODAY)
    assert f'"cost_change": "{mem.headline()["cost_change"]}"' in out


def test_command_line_reports_input_errors(
    cluster: LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "staff.csv"
    src.write_text("id,salry,hire_date,scale\n1,100,2020-01-01,police\n", encoding="utf-8")
    code = main([str(src), "--year", "2026", "--proposed", "police", "--scheduler", cluster.scheduler_address])
    assert code == 2
    assert "did you mean 'salary'" in capsys.readouterr().err
