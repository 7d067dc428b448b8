"""The vectorised workforce engine equals the single-person engine to the kopeck."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wf_scalar_ref import scalar_year

import calc
from calc import workforce as W
from calc.workforce import kernel as K

TODAY = date(2026, 11, 21)
YEARS = [2011, 2012, 2014, 2015, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
FIGS = ("bonus", "gross", "northern", "ndfl", "net", "contributions", "accident", "total_cost")


def kop(d: Decimal) -> int:
    return int(d * 100)


# ------------------------------------------------------------------ service years


@pytest.mark.parametrize("year", [2024, 2025])
def test_service_years_from_hire_equal_scalar_service_length(year: int) -> None:
    """Every hire date of 30 years (all days incl. 29 February) on the first of every month."""
    start = date(1996, 1, 1)
    days = [start + timedelta(d) for d in range((date(year, 12, 31) - start).days + 1)]
    got = K.service_years_from_hire(np.array(days, dtype="datetime64[D]"), year)
    for i, h in enumerate(days):
        want = [calc.service_length([calc.Period(h)], date(year, m, 1)).years for m in range(1, 13)]
        assert got[i].tolist() == want, h


def test_service_years_from_months_grow_by_month() -> None:
    got = K.service_years_from_months(np.array([0, 11, 12, 57, 60 * 12]))
    assert got[0].tolist() == [0] * 12
    assert got[1].tolist() == [0] + [1] * 11
    assert got[2].tolist() == [1] * 12
    assert got[3].tolist() == [4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5]  # 4 years 9 months at 1 January
    assert got[4].tolist() == [60] * 12


def test_step_reached_during_a_month_applies_from_the_next() -> None:
    df = pd.DataFrame({"id": ["a"], "salary": ["100000"], "hire_date": ["2021-03-15"], "scale": ["civil_service"]})
    r = W.year_workforce(df, 2026, today=TODAY)
    # 5 full years on 15 March 2026: April is the first month at 15 % (civil service: 5–10 years)
    assert r.figures["service_years"][0].tolist() == [4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5]
    assert r.figures["bonus"][0].tolist()[2:4] == [10_000_00, 15_000_00]


# ------------------------------------------------------------------ the property test


def _money(k: int) -> str:
    return f"{k // 100}.{k % 100:02d}"


salaries = st.one_of(
    st.integers(1_000_00, 300_000_00),
    st.integers(300_000_00, 2_000_000_00),
    st.integers(2_000_000_00, 12_000_000_00),
)
coefs = st.one_of(
    st.sampled_from(["1", "1.15", "1.2", "1.3", "1.4", "1.5", "1.7", "1.8", "2"]),
    st.decimals(1, 3, places=2).map(str),
)
pcts = st.one_of(st.sampled_from(["0", "0.1", "0.3", "0.5", "0.8", "1"]), st.decimals(0, 1, places=2).map(str))
KINDS = list(calc.KINDS)
BUILTIN = [s for s in calc.SCALES]


@st.composite
def custom_scales(draw: st.DrawFn) -> calc.StepScale:
    raw = draw(st.lists(st.tuples(st.integers(0, 40), st.decimals(0, 1, places=4)), min_size=1, max_size=6))
    years = sorted({y for y, _ in raw})
    rates = sorted(r for _, r in raw)[: len(years)]
    while len(rates) < len(years):
        rates.append(rates[-1])
    return calc.custom_scale(list(zip(years, rates, strict=True)), scale_id="agreement")


@st.composite
def employees(draw: st.DrawFn, year: int) -> dict[str, object]:
    by_hire = draw(st.booleans())
    row: dict[str, object] = {
        "salary": _money(draw(salaries)),
        "scale": draw(st.sampled_from([*BUILTIN, "agreement"])),
        "kind": draw(st.sampled_from(KINDS)),
        "district_coef": draw(coefs),
        "northern_percent": draw(pcts),
        "children": str(draw(st.integers(0, 5))),
    }
    if by_hire:
        lo = date(year - 81, 12, 2)
        hi = min(date(year, 12, 31), TODAY)
        row["hire_date"] = draw(st.dates(lo, hi)).isoformat()
        row["years_of_service"] = ""
    else:
        row["hire_date"] = ""
        row["years_of_service"] = str(draw(st.decimals(0, 79, places=2)))
    return row


@st.composite
def workforces(draw: st.DrawFn) -> tuple[int, pd.DataFrame, calc.StepScale, int]:
    year = draw(st.sampled_from(YEARS))
    rows = draw(st.lists(employees(year), min_size=1, max_size=4))
    df = pd.DataFrame(rows)
    df.insert(0, "id", [f"e{i}" for i in range(len(df))])
    return year, df, draw(custom_scales()), draw(st.integers(1, 32))


def _reference_row(row: pd.Series) -> dict[str, object]:
    d: dict[str, object] = {k: (v if v != "" else None) for k, v in row.items()}
    d["hire_date"] = date.fromisoformat(str(d["hire_date"])) if d.get("hire_date") else None
    return d


def _assert_equal_to_scalar(
    res: W.WorkforceYear, df: pd.DataFrame, scales: dict[str, calc.Scale], **kw: object
) -> None:
    for i, row in df.iterrows():
        d = _reference_row(row)
        ref = scalar_year(d, res.year, scales[str(d["scale"])], **kw)
        for m, want in enumerate(ref):
            got = {k: int(res.figures[k][i, m]) for k in FIGS}
            assert got == {k: kop(want[k]) for k in FIGS}, (d, m + 1)
            assert int(res.figures["service_years"][i, m]) == want["service_years"]
            for fund, v in want["by_fund"].items():
                assert int(res.figures[f"contrib_{fund}"][i, m]) == kop(v), (d, m + 1, fund)
            extra = set(k[8:] for k in res.figures if k.startswith("contrib_")) - set(want["by_fund"])
            assert all(int(res.figures[f"contrib_{f}"][i, m]) == 0 for f in extra)


@settings(max_examples=150)
@given(workforces())
def test_every_month_equals_the_scalar_engine(case: tuple[int, pd.DataFrame, calc.StepScale, int]) -> None:
    year, df, custom, acc_class = case
    res = W.year_workforce(df, year, scales={"agreement": custom}, accident_class=acc_class, today=TODAY)
    assert len(res) == len(df) and res.rejected.empty
    rate = calc.ru.contributions.accident_rate(None, acc_class, date(year, 1, 1))[0]
    _assert_equal_to_scalar(res, df, {**calc.SCALES, "agreement": custom}, accident_rate=rate)


@settings(max_examples=40)
@given(workforces(), st.sampled_from(BUILTIN))
def test_comparison_equals_scalar_differences(case: tuple, proposed_id: str) -> None:
    year, df, custom, _ = case
    cmp = W.compare(df, year, custom, current=proposed_id, today=TODAY)
    rows = cmp.per_employee()
    for i, row in df.iterrows():
        d = _reference_row(row)
        a = scalar_year(d, year, calc.get_scale(proposed_id))
        b = scalar_year(d, year, custom)
        for f in W.FIGURES:
            change = sum(x[f] for x in b) - sum(x[f] for x in a)
            assert rows.loc[i, f"{f}_change_kop"] == kop(change), (d, f)
    h = cmp.headline()
    assert h["cost_change"] == h["gross_change"] + h["contributions_change"] + h["accident_change"]
    assert h["net_change"] == h["gross_change"] - h["ndfl_change"]


# ------------------------------------------------------------------ chosen cases


def test_director_crosses_bands_and_caps_2025() -> None:
    """3.5 M a month crosses 2.4 M, 5 M and 20 M (НДФЛ) and the 2 759 000 cap; northern part too."""
    df = pd.DataFrame(
        {
            "id": ["ceo", "north"],
            "salary": ["3500000", "900000"],
            "hire_date": ["2000-01-01", "2010-07-02"],
            "scale": ["civil_service", "police"],
            "district_coef": ["1", "1.7"],
            "northern_percent": ["0", "0.8"],
            "children": ["3", "1"],
        }
    )
    res = W.year_workforce(df, 2025, today=TODAY)
    _assert_equal_to_scalar(res, df, dict(calc.SCALES))
    tax = res.figures["ndfl"][0]
    assert len(set(tax.tolist())) > 2  # the rate rises during the year


def test_sme_2020_reduced_rate_from_april() -> None:
    df = pd.DataFrame({"id": ["a"], "salary": ["80000"], "years_of_service": ["3"], "scale": ["civil_service"]})
    df["kind"] = "sme"
    res = W.year_workforce(df, 2020, today=TODAY)
    c = res.figures["contributions"][0]
    assert c[0] == c[1] == c[2] > c[3]
    _assert_equal_to_scalar(res, df, dict(calc.SCALES))


def test_scale_for_everyone_and_mapping() -> None:
    df = pd.DataFrame(
        {
            "id": ["a", "b"],
            "salary": ["50000", "60000"],
            "years_of_service": ["6", "12"],
            "scale": ["police", "archives"],
        }
    )
    same = W.year_workforce(df, 2026, scale="civil_service", today=TODAY)
    assert [s.id for s in same.scales] == ["civil_service"]
    mapped = W.year_workforce(df, 2026, scale={"police": "military"}, today=TODAY)
    assert sorted(s.id for s in mapped.scales) == ["archives", "military"]
    no_column = df.drop(columns="scale")
    with pytest.raises(calc.InputError, match="scale"):
        W.year_workforce(no_column, 2026, today=TODAY)
    assert len(W.year_workforce(no_column, 2026, default_scale="education", today=TODAY)) == 2


def test_empty_after_rejection_is_allowed_when_not_strict() -> None:
    df = pd.DataFrame({"id": ["a"], "salary": ["-5"], "years_of_service": ["3"], "scale": ["police"]})
    with pytest.raises(calc.InputError, match="negative"):
        W.year_workforce(df, 2026, today=TODAY)
    res = W.year_workforce(df, 2026, today=TODAY, strict=False)
    assert len(res) == 0 and len(res.rejected) == 1
    assert res.figures["gross"].shape == (0, 12)
    assert W.compare(df, 2026, "police", today=TODAY, strict=False).headline()["employees"] == 0


def test_rates_with_too_many_decimals_are_refused() -> None:
    sc = calc.custom_scale([(0, Decimal("0.1234567"))])
    df = pd.DataFrame({"id": ["a"], "salary": ["5"], "years_of_service": ["3"], "scale": ["police"]})
    with pytest.raises(calc.InputError, match="6 decimal places"):
        W.year_workforce(df, 2026, scale=sc, today=TODAY)


def test_year_over_the_engine_limit_is_refused_with_the_ids() -> None:
    df = pd.DataFrame(
        {"id": ["big"], "salary": ["80000000"], "years_of_service": ["30"], "scale": ["anti_plague_medical"]}
    )
    with pytest.raises(calc.InputError, match="big"):
        W.year_workforce(df, 2026, today=TODAY)


def test_blocks_do_not_change_results() -> None:
    df = W.sample_workforce()
    a = W.year_workforce(df, 2025, today=TODAY)
    b = W.year_workforce(df, 2025, today=TODAY, block=97)
    for k in a.figures:
        assert np.array_equal(a.figures[k], b.figures[k])


def test_sample_comparison_adds_up() -> None:
    cmp = W.compare(W.sample_workforce(), 2026, [(0, "0.05"), (3, "0.1"), (10, "0.2"), (20, "0.3")], today=TODAY)
    rows, bands, h = cmp.per_employee(), cmp.by_band(), cmp.headline()
    assert h["employees"] == len(rows) == 3000 == bands["employees"].sum()
    for f in W.FIGURES:
        assert bands[f"{f}_change_kop"].sum() == rows[f"{f}_change_kop"].sum()
    assert W.rub(rows["total_cost_change_kop"].sum()) == h["cost_change"]
    assert list(bands.index) == W.band_labels()
    most, least = cmp.most_affected(5), cmp.least_affected(5)
    assert most["net_change_kop"].abs().min() >= least["net_change_kop"].abs().max()
    monthly = cmp.current.monthly()
    assert len(monthly) == 36_000 and monthly["gross_kop"].sum() == rows["gross_current_kop"].sum()
    assert W.rubles(rows.head(2))["gross_current"].iloc[0] == W.rub(rows["gross_current_kop"].iloc[0])
