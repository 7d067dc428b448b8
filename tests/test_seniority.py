"""Seniority scales, the bonus, length of service and the next step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc import Period, ServiceLength
from calc.core.errors import InputError, ScaleDefinitionError, UnknownScaleError

D = Decimal
REQUIRED = [
    "civil_service",
    "police",
    "military",
    "central_executive_managers",
    "central_executive_staff",
    "education",
    "archives",
    "anti_plague_medical",
    "anti_plague_other",
    "leprosy_medical",
    "leprosy_other",
]


def test_required_scales_exist_with_both_kinds() -> None:
    assert set(REQUIRED) <= set(calc.SCALES)
    assert isinstance(calc.SCALES["civil_service"], calc.StepScale)
    assert isinstance(calc.SCALES["leprosy_other"], calc.IncrementScale)


@pytest.mark.parametrize(
    ("scale", "table"),
    [
        # 79-FZ art. 50 para. 5
        (
            "civil_service",
            {0: "0", 1: "0.10", 4: "0.10", 5: "0.15", 9: "0.15", 10: "0.20", 14: "0.20", 15: "0.30", 40: "0.30"},
        ),
        # 247-FZ art. 2 part 7; 306-FZ art. 2 part 13
        ("police", {1: "0", 2: "0.10", 5: "0.15", 10: "0.20", 15: "0.25", 20: "0.30", 24: "0.30", 25: "0.40"}),
        ("military", {1: "0", 2: "0.10", 5: "0.15", 10: "0.20", 15: "0.25", 20: "0.30", 25: "0.40"}),
        # Decree 638 of 1993
        ("central_executive_managers", {0: "0", 1: "0.10", 5: "0.20", 10: "0.30", 15: "0.40"}),
        ("central_executive_staff", {2: "0", 3: "0.10", 8: "0.15", 13: "0.20", 18: "0.25", 23: "0.30"}),
        ("archives", {2: "0", 3: "0.10", 8: "0.15", 13: "0.20", 18: "0.25", 22: "0.25", 23: "0.30"}),
        ("education", {0: "0", 1: "0.10", 5: "0.15", 10: "0.20", 15: "0.30"}),
        ("education_alt", {0: "0", 1: "0.05", 5: "0.10", 10: "0.15", 15: "0.20"}),
        # yearly increments with a cap (seed 001, health care)
        ("anti_plague_medical", {0: "0", 1: "0.10", 2: "0.20", 9: "0.90", 10: "1.00", 30: "1.00"}),
        ("anti_plague_other", {1: "0.10", 7: "0.70", 8: "0.80", 12: "0.80"}),
        ("leprosy_medical", {1: "0.10", 8: "0.80", 9: "0.80"}),
        ("leprosy_other", {1: "0.10", 4: "0.40", 5: "0.50", 6: "0.50"}),
    ],
)
def test_scale_rates(scale: str, table: dict[int, str]) -> None:
    for years, rate in table.items():
        assert calc.seniority_rate(years, scale) == D(rate), (scale, years)


def test_only_full_years_count() -> None:
    assert calc.seniority_rate(D("4.99"), "civil_service") == D("0.10")
    assert calc.seniority_rate(ServiceLength(4, 11, 29), "civil_service") == D("0.10")
    assert calc.seniority_rate(ServiceLength(5, 0, 0), "civil_service") == D("0.15")


def test_bonus_on_the_base_salary_only() -> None:
    assert calc.seniority_bonus(45000, 7, "civil_service") == D("6750.00")
    r = calc.seniority(45000, 7, "civil_service")
    assert (r.rate, r.yearly, r.next_step) == (D("0.15"), D("81000.00"), (10, D("0.20")))
    assert calc.seniority_bonus("33333.33", 2, "police") == D("3333.33")  # 3 333.333 → kopecks half up


def test_the_rate_applies_from_the_anniversary() -> None:
    """Convention: a rate applies from the day the N-th full year is completed."""
    periods = [Period(date(2020, 3, 1))]
    assert calc.seniority_on(50000, periods, "civil_service", date(2021, 2, 28)).rate == 0
    r = calc.seniority_on(50000, periods, "civil_service", date(2021, 3, 1))
    assert r.rate == D("0.10") and r.service == ServiceLength(1, 0, 0)
    assert r.next_step_date == date(2025, 3, 1)


def test_overlapping_periods_count_once() -> None:
    periods = [(date(2010, 1, 1), date(2014, 12, 31)), (date(2013, 1, 1), date(2016, 6, 30)), (date(2018, 1, 1), None)]
    # 2010-01-01..2016-06-30 = 6 y 6 m; 2018-01-01..2023-12-31 = 6 y → 12 y 6 m
    assert calc.service_length(periods, date(2024, 1, 1)) == ServiceLength(12, 6, 0)


def test_days_add_up_to_months_by_thirty() -> None:
    periods = [(date(2020, 1, 1), date(2020, 1, 20)), (date(2021, 1, 1), date(2021, 1, 15))]
    assert calc.service_length(periods, date(2022, 1, 1)) == ServiceLength(0, 1, 5)


def test_next_step_date_with_earlier_periods() -> None:
    periods = [(date(2010, 1, 1), date(2012, 12, 31)), (date(2020, 1, 1), None)]  # 3 y before
    r = calc.seniority_on(40000, periods, "civil_service", date(2021, 6, 1))
    assert r.service == ServiceLength(4, 5, 0)
    assert r.next_step == (5, D("0.15"))
    # Several periods are added up part by part and 30 days count as a month: on 31.12.2021 the current
    # period is 1 y 11 m 30 d, which with the 3 earlier years makes 5 full years.
    assert r.next_step_date == date(2021, 12, 31)
    assert calc.service_length(periods, r.next_step_date).years == 5
    assert calc.service_length(periods, date(2021, 12, 30)).years == 4


def test_one_continuous_period_counts_by_the_calendar() -> None:
    periods = [Period(date(2020, 1, 1))]
    assert calc.service_length(periods, date(2021, 12, 31)) == ServiceLength(1, 11, 30)
    assert calc.seniority_on(40000, periods, "police", date(2021, 12, 31)).next_step_date == date(2022, 1, 1)


def test_no_next_step_at_the_top_or_after_leaving() -> None:
    assert calc.seniority(40000, 30, "civil_service").next_step is None
    r = calc.seniority_on(40000, [(date(2000, 1, 1), date(2003, 6, 30))], "civil_service", date(2024, 1, 1))
    assert r.next_step == (5, D("0.15")) and r.next_step_date is None


def test_service_text_in_both_languages() -> None:
    assert ServiceLength(5, 2, 1).text("ru") == "5 лет 2 месяца 1 день"
    assert ServiceLength(1, 1, 21).text("en") == "1 year 1 month 21 days"
    assert ServiceLength(22, 0, 3).text("ru") == "22 года 3 дня"


def test_custom_scale_from_a_collective_agreement() -> None:
    sc = calc.custom_scale([(1, "0.05"), (3, "0.10"), (5, "0.20")], "Колдоговор-2026", "CBA 2026")
    assert [calc.seniority_rate(y, sc) for y in (0, 1, 2, 3, 5, 30)] == [
        0,
        D("0.05"),
        D("0.05"),
        D("0.10"),
        D("0.20"),
        D("0.20"),
    ]
    assert calc.seniority_bonus(60000, 4, sc) == D("6000.00")
    assert sc.breakpoints(10) == [(0, 0), (1, D("0.05")), (3, D("0.10")), (5, D("0.20"))]


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([(1, "0.05"), (1, "0.10")], "overlap"),
        ([(5, "0.05"), (3, "0.10")], "overlap"),
        ([(1, "0.10"), (3, "0.05")], "must not fall"),
        ([(1, "-0.05")], "from 0 to 300%, got -5%"),
        ([(1.5, "0.05")], "whole years"),
        ([], "no steps"),
        ([(1, "abc")], "two numbers"),
    ],
)
def test_bad_custom_scale_says_which_row_is_wrong(rows, fragment: str) -> None:
    with pytest.raises(ScaleDefinitionError) as e:
        calc.custom_scale(rows)
    assert fragment in e.value.message("en")
    assert e.value.message("ru")


def test_unknown_scale_lists_the_known_ones() -> None:
    with pytest.raises(UnknownScaleError) as e:
        calc.seniority_rate(5, "astronauts")
    assert "civil_service" in e.value.message("ru") and "astronauts" in e.value.message("en")


@pytest.mark.parametrize("years", [-1, "-0.5", 200, "много", None])
def test_bad_years(years) -> None:
    with pytest.raises(InputError):
        calc.seniority_rate(years, "police")


def test_disputed_scales_are_marked_with_a_note() -> None:
    for sid in ("education", "education_alt"):
        sc = calc.SCALES[sid]
        assert sc.disputed and sc.verify and sc.note["ru"] and sc.note["en"]
    assert not calc.SCALES["civil_service"].verify


@given(
    st.sampled_from(sorted(calc.SCALES)), st.integers(0, 60), st.integers(0, 60), st.decimals(0, 10_000_000, places=2)
)
def test_bonus_never_falls_as_service_grows(scale: str, a: int, b: int, salary: Decimal) -> None:
    lo, hi = sorted((a, b))
    assert calc.seniority_bonus(salary, lo, scale) <= calc.seniority_bonus(salary, hi, scale)


@given(st.dates(date(1980, 1, 1), date(2026, 1, 1)), st.integers(0, 20000), st.integers(1, 3000))
def test_service_never_falls_as_the_date_moves_on(start: date, offset: int, step: int) -> None:
    from datetime import timedelta

    on = start + timedelta(days=offset)
    assert calc.service_length([Period(start)], on) <= calc.service_length([Period(start)], on + timedelta(days=step))
