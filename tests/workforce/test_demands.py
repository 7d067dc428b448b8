"""Every demand kind, over a term of 1–3 years, equals the single-person engine to the kopeck."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wf_demand_ref import term_months

import calc
from calc import workforce as W
from calc.core.errors import InputError
from calc.workforce.demands import (
    BASELINE,
    Bonus,
    ExtraLeave,
    Floor,
    Group,
    NightPremium,
    Package,
    Raise,
    SeniorityScale,
    cost_term,
)

TODAY = date(2026, 11, 21)
FIGS = ("gross", "ndfl", "net", "contributions", "accident", "total_cost")
DEPTS = ["Школы", "Администрация", "Склад"]


def _money(k: int) -> str:
    return f"{k // 100}.{k % 100:02d}"


@st.composite
def people(draw: st.DrawFn, first: int) -> dict[str, object]:
    row: dict[str, object] = {
        "salary": _money(draw(st.one_of(st.integers(1_000_00, 150_000_00), st.integers(150_000_00, 3_000_000_00)))),
        "scale": draw(st.sampled_from(["civil_service", "education", "police"])),
        "kind": draw(st.sampled_from(list(calc.KINDS))),
        "district_coef": draw(st.sampled_from(["1", "1.15", "1.5", "2"])),
        "northern_percent": draw(st.sampled_from(["0", "0.3", "0.8"])),
        "children": str(draw(st.integers(0, 3))),
        "department": draw(st.sampled_from(DEPTS)),
        "night_hours": str(draw(st.sampled_from([0, 0, 8, 40, Decimal("37.5"), 120]))),
        "gender": draw(st.sampled_from(["ж", "м"])),
    }
    if draw(st.booleans()):
        row["hire_date"] = draw(st.dates(date(first - 40, 1, 1), date(first, 12, 31))).isoformat()
        row["years_of_service"] = ""
    else:
        row["hire_date"] = ""
        row["years_of_service"] = str(draw(st.decimals(0, 40, places=2)))
    return row


def starts(first: int, years: int) -> st.SearchStrategy[date]:
    return st.builds(date, st.integers(first, first + years - 1), st.integers(1, 12), st.just(1))


@st.composite
def demands(draw: st.DrawFn, first: int, years: int, kind: str) -> object:
    start = draw(starts(first, years))
    group = draw(st.one_of(st.none(), st.just(Group("department", ("Школы",)))))
    if kind == "raise":
        pct = draw(st.one_of(st.none(), st.decimals(-20, 30, places=2)))
        flat = draw(st.one_of(st.none(), st.integers(0, 10_000))) if pct is not None else draw(st.integers(0, 10_000))
        return Raise(percent=pct, flat=flat, start=start, yearly=draw(st.booleans()), group=group)
    if kind == "floor":
        if draw(st.booleans()):
            return Floor(amount=_money(draw(st.integers(10_000_00, 80_000_00))), start=start, group=group)
        return Floor(mrot_multiple=draw(st.sampled_from(["1", "1.2", "1.5", "2.25"])), start=start, group=group)
    if kind == "scale":
        return SeniorityScale([(1, "0.1"), (3, "0.15"), (5, "0.2"), (10, "0.3")], start=start, group=group)
    if kind == "bonus":
        if draw(st.booleans()):
            return Bonus(percent=draw(st.sampled_from([100, 50, "12.5"])), start=start, yearly=draw(st.booleans()))
        return Bonus(amount=draw(st.integers(1, 50_000)), start=start, yearly=draw(st.booleans()), group=group)
    if kind == "leave":
        return ExtraLeave(draw(st.integers(1, 10)), start=start, group=group)
    return NightPremium(draw(st.sampled_from([20, 35, 40, "50.5"])), start=start, group=group)


KINDS = ["raise", "floor", "scale", "bonus", "leave", "night"]


@st.composite
def cases(draw: st.DrawFn, kind: str) -> tuple[int, int, pd.DataFrame, Package]:
    years = draw(st.integers(1, 3))
    first = draw(st.integers(2011, 2026 - years + 1))
    rows = draw(st.lists(people(first), min_size=1, max_size=3))
    df = pd.DataFrame(rows)
    df.insert(0, "id", [f"e{i}" for i in range(len(df))])
    if not (df["department"] == "Школы").any():
        df.loc[0, "department"] = "Школы"
    dems = [draw(demands(first, years, kind))]
    if kind in ("raise", "bonus"):  # two of a kind: compounding, two lines
        dems.append(draw(demands(first, years, kind)))
    return first, years, df, Package("p", tuple(dems))


def _check(first: int, years: int, df: pd.DataFrame, pkg: Package) -> None:
    res = cost_term(df, first, years, {"p": pkg}, today=TODAY, keep_months=True, block=2)
    night = Decimal("0.2")
    for name, p in ((BASELINE, Package("b")), ("p", pkg)):
        for i, row in df.iterrows():
            want = term_months(row.to_dict(), res.years, p.demands, calc.SCALES[row["scale"]], night)
            for yf in res.scenarios[name]:
                mon = yf.monthly
                assert mon is not None
                for m, w in enumerate(want[yf.year]):
                    assert mon["salary"][i, m] == int(w["salary"] * 100), (name, yf.year, m)
                    for f in FIGS:
                        assert mon[f][i, m] == int(w[f] * 100), (name, f, yf.year, m + 1, row.to_dict())
                for f in FIGS:
                    assert yf.annual[f][i] == sum(int(w[f] * 100) for w in want[yf.year])


@pytest.mark.parametrize("kind", KINDS)
def test_every_demand_kind_equals_the_single_person_engine(kind: str) -> None:
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases(kind))
    def run(case: tuple[int, int, pd.DataFrame, Package]) -> None:
        _check(*case)

    run()


def test_a_package_of_every_kind_equals_the_single_person_engine() -> None:
    df = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "salary": ["25000", "90000.50", "2500000"],
            "hire_date": ["2010-05-17", "", "2024-03-01"],
            "years_of_service": ["", "4.75", ""],
            "scale": ["education", "civil_service", "police"],
            "district_coef": ["1.5", "1", "1.15"],
            "northern_percent": ["0.5", "0", "0"],
            "department": ["Школы", "Администрация", "Школы"],
            "night_hours": ["40", "", "7.5"],
        }
    )
    pkg = Package(
        "demand",
        (
            Raise(percent=5, flat=3000, start=date(2025, 4, 1), yearly=True),
            Floor(mrot_multiple="1.25", start=date(2025, 1, 1)),
            SeniorityScale([(1, "0.1"), (5, "0.2")], start=date(2026, 1, 1), group=Group("department", ["Школы"])),
            Bonus(percent=100, start=date(2025, 12, 1)),
            ExtraLeave(3, start=date(2025, 7, 1)),
            NightPremium(40, start=date(2025, 9, 1)),
        ),
    )
    _check(2025, 2, df, pkg)


# ------------------------------------------------------------------ bad input: a message, nothing computed


@pytest.fixture
def staff() -> pd.DataFrame:
    return W.sample_workforce()


@pytest.mark.parametrize(
    ("demand", "words"),
    [
        (Raise(percent=-100), "−100"),
        (Raise(percent=-150), "−100"),
        (Raise(), "percentage"),
        (Raise(percent=5, start=date(2030, 1, 1)), "outside"),
        (Raise(percent=5, start=date(2026, 3, 15)), "1st of a month"),
        (Floor(amount="90000000"), "largest monthly salary"),
        (Floor(mrot_multiple=500), "МРОТ"),
        (Floor(), "either"),
        (Raise(percent=5, group=Group("department", ("Нет такого",))), "Not found"),
        (Bonus(percent=0), "percentage"),
        (ExtraLeave(0), "days"),
        (NightPremium(10), "at least 20"),
        (NightPremium(30), "night_hours"),
    ],
)
def test_bad_demands_are_refused_with_a_message(staff: pd.DataFrame, demand: object, words: str) -> None:
    with pytest.raises(InputError) as e:
        cost_term(staff, 2026, 1, {"d": Package("d", (demand,))}, strict=False, today=TODAY)
    assert words in e.value.message("en")
    assert e.value.message("ru")


def test_empty_group_and_bad_group_column_are_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        Group("department", ())
    with pytest.raises(InputError, match="department, occupation or scale"):
        Group("colour", ("red",))


def test_term_outside_the_data_is_refused(staff: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="outside the years"):
        cost_term(staff, 2010, 2, {}, strict=False, today=TODAY)
    with pytest.raises(InputError, match="2029") as e:  # past the inflation forecast (2028)
        cost_term(staff, 2027, 3, {}, strict=False, today=TODAY)
    assert "forecast" in e.value.message("en") and "прогноз" in e.value.message("ru")
    with pytest.raises(InputError, match="1, 2 or 3"):
        cost_term(staff, 2024, 4, {}, strict=False, today=TODAY)


def test_group_matching_nobody_is_refused() -> None:
    df = pd.DataFrame({"id": ["a"], "salary": ["50000"], "years_of_service": ["3"], "scale": ["education"]})
    with pytest.raises(InputError, match="no 'department' column"):
        cost_term(df, 2026, 1, {"d": Package("d", (Raise(percent=5, group=Group("department", ("X",))),))})


def test_results_by_year_group_band_and_gender(staff: pd.DataFrame) -> None:
    staff = staff.assign(gender=np.where(np.arange(len(staff)) % 2, "ж", "м"))
    res = cost_term(
        staff,
        2025,
        2,
        {
            "demand": Package("demand", (Raise(percent=10, yearly=True),)),
            "offer": Package("offer", (Raise(percent=4),)),
        },
        strict=False,
        today=TODAY,
    )
    by = res.by_year()
    tot = by[(by.scenario == "demand") & (by.year == "total")].iloc[0]
    years = by[(by.scenario == "demand") & (by.year != "total")]
    assert tot["total_cost_change_kop"] == years["total_cost_change_kop"].sum() > 0
    off = by[(by.scenario == "offer") & (by.year == "total")].iloc[0]
    assert 0 < off["total_cost_change_kop"] < tot["total_cost_change_kop"]
    for key in ("pay_band", "department", "gender"):
        g = res.by_group("demand", key)
        assert g["employees"].sum() == len(res.employees)
        assert g["net_change_kop"].sum() == res.per_employee("demand")["net_change_kop"].sum()
    most = res.gains("demand", 1)["net_change_kop"].iloc[0]
    least = res.gains("demand", 1, most=False)["net_change_kop"].iloc[0]
    assert most >= least > 0


def test_leave_in_2014_uses_the_average_month_of_the_month_paid() -> None:
    """29.4 days before 2 April 2014, 29.3 after (ТК РФ ст. 139): a draw hypothesis found."""
    df = pd.DataFrame({"id": ["e0"], "salary": ["1000.00"], "years_of_service": ["0"], "scale": ["civil_service"]})
    for month in (3, 5):
        _check(2014, 1, df, Package("p", (ExtraLeave(1, start=date(2014, month, 1)),)))


def test_gender_is_read_from_the_checked_table_not_the_raw_cells(staff: pd.DataFrame) -> None:
    """«Ж», «female» and «ж.» are one gender; a value not understood is left out of the distribution."""
    spell = ["Ж", "female", "м", "Male", "ж.", "?"]
    staff = staff.assign(gender=[spell[i % len(spell)] for i in range(len(staff))])
    res = cost_term(staff, 2025, 1, {"demand": Package("demand", (Raise(percent=10),))}, strict=False, today=TODAY)
    g = res.by_group("demand", "gender")
    assert set(g.index) <= {"f", "m"}
    per = res.per_employee("demand")
    known = per["gender"].isin(["f", "m"])
    assert g["employees"].sum() == known.sum() < len(per)
    assert g["net_change_kop"].sum() == per.loc[known, "net_change_kop"].sum()


def test_night_hours_cells_read_as_written_and_bad_ones_named() -> None:
    """Night hours: empty cells and NaN are 0 hours, "37,5" is 37.5; a cell that is not hours names its rows."""
    base = {"id": ["a", "b", "c", "d"], "salary": ["60000"] * 4, "hire_date": ["2015-03-01"] * 4}
    pkg = {"demand": Package("demand", (NightPremium(40, start=date(2026, 1, 1)),))}
    good = pd.DataFrame({**base, "night_hours": ["40", "", None, "37,5"]})
    res = cost_term(good, 2026, 1, pkg, default_scale="civil_service", today=TODAY)
    gain = res.per_employee("demand").set_index("id")["gross_change_kop"]
    assert gain["b"] == gain["c"] == 0 and gain["a"] > gain["d"] > 0
    bad = pd.DataFrame({**base, "night_hours": ["40", "много", "", "-3"]})
    with pytest.raises(InputError, match=r"rows 3, 5"):
        cost_term(bad, 2026, 1, pkg, default_scale="civil_service", today=TODAY)
