"""Demand packages over a term on Dask (and from the command line) equal the in-memory path to the kopeck."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import LocalCluster

from calc import workforce as W
from calc.core.errors import InputError
from calc.core.text import tr
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


# ------------------------------------------------------------------ the МРОТ of later years from the command line

LATER = [
    {"kind": "raise", "percent": 5, "start": "2026-04-01", "yearly": True},
    {"kind": "floor", "mrot_multiple": "1.05"},  # follows the МРОТ of each year: the given one changes the cost
]


def _printed(out: str) -> dict[tuple[str, str], dict[str, str]]:
    """The totals table the command line prints: (scenario, year) → {figure: as printed}."""
    lines = out.splitlines()
    head = lines[0].split()
    assert head[:2] == ["scenario", "year"]
    rows = {}
    for line in lines[1:]:
        if not line.strip():
            break
        cells = line.split()
        rows[(cells[0], cells[1])] = dict(zip(head[2:], cells[2:], strict=True))
    return rows


def _expected(res: object) -> dict[tuple[str, str], dict[str, str]]:
    """The same from a result's ``by_year()`` (kopecks as exact rubles)."""
    by = res.by_year()  # type: ignore[attr-defined]
    out = {}
    for r in by.to_dict("records"):
        vals = {"below_mrot": str(int(r["below_mrot"]))}
        for c in [c for c in by.columns if c.endswith("_kop")]:
            v = int(r[c])
            vals[c[:-4]] = ("-" if v < 0 else "") + f"{abs(v) // 100}.{abs(v) % 100:02d}"
        out[(str(r["scenario"]), str(r["year"]))] = vals
    return out


@pytest.mark.parametrize(
    ("lang", "given", "mrot"),
    [
        ("ru", [], None),
        ("ru", ["2027=28 000", "2028=29500,50"], {2027: "28000", 2028: "29500.50"}),
        ("en", ["2027=28,000.00"], {2027: "28000"}),
    ],
)
def test_command_line_takes_the_later_mrot_and_prints_the_assumptions(
    client: object, tmp_path: Path, capsys: pytest.CaptureFixture, lang: str, given: list[str], mrot: dict | None
) -> None:
    src = tmp_path / "staff.csv"
    staff = W.sample_workforce()
    staff.to_csv(src, index=False)
    sched = client.scheduler.address  # type: ignore[attr-defined]
    opts = [x for g in given for x in ("--mrot", g)]
    args = [str(src), "--year", "2026", "--term", "3", "--demand", json.dumps(LATER), "--lang", lang, *opts]
    assert main([*args, "--scheduler", sched]) == 0
    out = capsys.readouterr().out
    mem = cost_term(staff, 2026, 3, {"demand": package_from_json("demand", LATER)}, strict=False, mrot=mrot)
    assert _printed(out) == _expected(mem)  # every figure, every year, to the kopeck
    for a in mem.assumptions:
        assert tr(a, lang) in out
    shown = out.replace("\u00a0", " ").replace("\u202f", " ")
    if mrot is None:
        assert "28 177,00" in shown and "29 304,00" in shown  # the estimates
    else:
        other = cost_term(staff, 2026, 3, {"demand": package_from_json("demand", LATER)}, strict=False)
        assert _expected(other) != _expected(mem)  # the given МРОТ reached the figures
        assert ("28 000,00" if lang == "ru" else "28,000.00") in shown


@pytest.mark.parametrize(
    ("lang", "given", "said"),
    [
        ("en", "2027:28000", "YEAR=RUBLES"),
        ("ru", "2027=28,000", "28 000"),  # Russian: 28 or 28 000? refused, not guessed
        ("en", "2027=28000,50", "Did you mean 28000.50"),
        ("en", "2027=много", "много"),
        ("en", "2026=30000", "after 2026"),  # within the law data
        ("en", "2029=30000", "not for 2029"),  # not a year of the term
        ("en", "2027=-5", "negative"),
    ],
)
def test_command_line_refuses_a_wrong_mrot_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str, given: str, said: str
) -> None:
    src = tmp_path / "staff.csv"
    W.sample_workforce().head(20).to_csv(src, index=False)
    args = [str(src), "--year", "2026", "--term", "2", "--demand", json.dumps(LATER[:1]), "--mrot", given]
    assert main([*args, "--lang", lang, "--scheduler", "tcp://127.0.0.1:1"]) == 2  # refused before any cluster
    err = capsys.readouterr().err
    assert said in err.replace("\u00a0", " ") and "Traceback" not in err


def test_dask_term_with_a_given_mrot_equals_in_memory(client: object, workforce: pd.DataFrame) -> None:
    pk = {"demand": package_from_json("demand", LATER)}
    ddf = dd.from_pandas(workforce, npartitions=4)
    got = cost_term_dask(ddf, 2026, 2, pk, today=TODAY, client=client, mrot={2027: "30000"})
    mem = cost_term(workforce, 2026, 2, pk, today=TODAY, strict=False, mrot={2027: "30000"})
    assert _expected(got) == _expected(mem)
    assert [tr(a, "ru") for a in got.assumptions] == [tr(a, "ru") for a in mem.assumptions]
    assert any("night" in tr(a, "en") for a in got.assumptions)  # the file has night hours


def test_command_line_writes_the_per_person_workbook(
    client: object, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from openpyxl import load_workbook

    src = tmp_path / "staff.csv"
    staff = W.sample_workforce().head(300)
    staff.to_csv(src, index=False)
    book = tmp_path / "term.xlsx"
    sched = client.scheduler.address  # type: ignore[attr-defined]
    args = [str(src), "--year", "2026", "--term", "2", "--demand", json.dumps(LATER), "--mrot", "2027=29000"]
    assert main([*args, "--workbook", str(book), "--scheduler", sched]) == 0
    assert str(book) in capsys.readouterr().out
    mem = cost_term(staff, 2026, 2, {"demand": package_from_json("demand", LATER)}, strict=False, mrot={2027: 29000})
    wb = load_workbook(book, read_only=True)
    head, *rows = wb.worksheets[1].iter_rows(values_only=True)
    assert len(rows) == len(mem.employees) * 2
    year = head.index("Year")
    assert head[-4] == "Cost to the employer: The union's demand"
    cost_2027 = sum(Decimal(str(r[-4])) for r in rows if r[year] == 2027)  # the demand's cost
    assert cost_2027 * 100 == int(mem.scenarios["demand"][1].annual["total_cost"].sum())
