"""The Dask path (partition by partition on a distributed cluster) equals the in-memory path."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import dask.dataframe as dd
import openpyxl
import pandas as pd
import pytest
from distributed import LocalCluster

from calc import workforce as W
from calc.core.text import tr
from calc.workforce.dask import compare_dask, connect, main
from calc.workforce.input import reasons

TODAY = date(2026, 11, 21)
PROPOSED = [(0, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"), (20, "0.3")]


def shown(rejected: pd.DataFrame) -> pd.DataFrame:
    """The rejected rows as a reader sees them: each reason in Russian and in English."""
    out = rejected.drop(columns="reason")
    for lang in ("ru", "en"):
        out[f"reason_{lang}"] = reasons(rejected, lang)
    return out


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
    df.loc[1500, "occupation"] = "=HYPERLINK(1)"  # kept as text behind an apostrophe, computed
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
    assert len(got) == len(want) == len(workforce) - 3
    assert got.loc[got["id"] == workforce.loc[1500, "id"], "occupation"].tolist() == ["'=HYPERLINK(1)"]
    for c in want.columns:
        if c.endswith("_kop") or c in ("id", "service_years", "band", "scale_current", "scale_proposed"):
            assert got[c].tolist() == want[c].tolist(), c

    pd.testing.assert_frame_equal(shown(res.rejected.drop(columns="partition")), shown(mem.rejected))
    dup = res.rejected[res.rejected["id"] == workforce.loc[20, "id"]]
    assert len(dup) == 2 and dup["partition"].nunique() == 2
    assert dup["row"].tolist() == [22, 2992]
    assert set(reasons(dup, "en")) == {f"id '{workforce.loc[20, 'id']}' appears more than once (rows 22, 2992)"}


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
    assert "did you mean 'Salary, RUB'" in capsys.readouterr().err


def bad_file(tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    """The sample with bad rows near the start and the end, an id repeated within one part of the data and
    one repeated across parts, written as a CSV file."""
    df = W.sample_workforce()
    df.loc[5, "salary"] = "-1"  # row 7
    df.loc[1000, "id"] = df.loc[1001, "id"]  # rows 1002 and 1003: the same partition
    df.loc[2998, "id"] = df.loc[10, "id"]  # rows 12 and 3000: different partitions
    df.loc[2999, "hire_date"] = "31/31/2020"  # row 3001
    df.loc[1500, "id"] = "=1+1"  # row 1502: an id is never rewritten, so a formula-like one is rejected
    df.loc[200, "department"] = "-"  # a placeholder: kept as text, computed
    src = tmp_path / "staff.csv"
    df.to_csv(src, index=False)
    return src, df


def test_rejected_rows_are_the_same_in_memory_and_on_dask(client: object, tmp_path: Path) -> None:
    src, _ = bad_file(tmp_path)
    mem = W.compare(W.read_table(src.read_bytes(), "staff.csv"), 2026, PROPOSED, today=TODAY, strict=False)
    assert mem.rejected["row"].tolist() == [7, 12, 1002, 1003, 1502, 3000, 3001]
    within = tr(mem.rejected[mem.rejected["row"] == 1002]["reason"].iloc[0], "en")
    assert "(rows 1002, 1003)" in within and "other parts" not in within
    ddf = dd.read_csv(src, dtype=str, keep_default_na=False, blocksize=60_000)
    assert ddf.npartitions >= 4
    for frame in (ddf, dd.from_pandas(W.read_table(src.read_bytes(), "staff.csv"), npartitions=7)):
        res = compare_dask(frame, 2026, PROPOSED, today=TODAY, client=client)
        assert res.rejected["partition"].nunique() > 1
        pd.testing.assert_frame_equal(shown(res.rejected.drop(columns="partition")), shown(mem.rejected))
        assert res.headline() == mem.headline()


def test_command_line_numbers_rows_as_in_a_spreadsheet(
    cluster: LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, df = bad_file(tmp_path)
    code = main([str(src), "--year", "2026", "--proposed", "0:0.05,3:0.1", "--scheduler", cluster.scheduler_address])
    out = capsys.readouterr().out
    assert code == 0
    listed = [line.split()[:2] for line in out.split("rejected rows: 7")[1].strip().splitlines()[1:]]
    assert listed == [
        ["7", df.loc[5, "id"]],
        ["12", df.loc[10, "id"]],
        ["1002", df.loc[1001, "id"]],
        ["1003", df.loc[1001, "id"]],
        ["1502", "=1+1"],
        ["3000", df.loc[10, "id"]],
        ["3001", df.loc[2999, "id"]],
    ]


def test_a_reason_is_one_message_shown_in_the_readers_language(
    cluster: LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rejected rows carry one ``reason`` column of messages (not a column per language), also back from
    the workers; the command line, the XLSX sheet and the page render it in their language."""
    from calc.core.i18n import Message
    from calc.workforce.export import rejected_xlsx

    src, _df = bad_file(tmp_path)
    mem = W.check(W.read_table(src.read_bytes(), "staff.csv"), 2026, today=TODAY)
    assert list(mem.rejected.columns) == ["row", "id", "column", "value", "reason"]
    assert all(isinstance(r, Message) for r in mem.rejected["reason"])
    neg = mem.rejected[mem.rejected["row"] == 7]["reason"].iloc[0]
    assert tr(neg, "en") == "the salary cannot be negative" and tr(neg, "ru") == "оклад не может быть отрицательным"
    for lang, said in (("ru", "оклад не может быть отрицательным"), ("en", "the salary cannot be negative")):
        code = main([str(src), "--year", "2026", "--proposed", "0:0.05", "--lang", lang,
                     "--scheduler", cluster.scheduler_address])  # fmt: skip
        assert code == 0 and said in capsys.readouterr().out
        book = openpyxl.load_workbook(io.BytesIO(rejected_xlsx(mem.rejected, lang)), read_only=True)
        assert said in [r[4] for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
