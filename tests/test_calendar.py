"""The production calendar against the official figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from calc.core.errors import InputError, OutOfRangeError

# Official monthly figures (reference ru-payroll-rules.md §6; Government decrees 1314, 1335, 1466).
DAYS = {
    2024: [17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21],
    2025: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
    2026: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
}
HOURS = {
    2024: [136, 159, 159, 168, 159, 151, 184, 176, 168, 184, 167, 168],
    2025: [136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176],
    2026: [120, 152, 168, 175, 151, 167, 184, 168, 176, 176, 159, 176],
}
# Annual totals (days, hours) for the 40-hour week, 2011–2026.
TOTALS = {
    2011: (248, 1981),
    2012: (249, 1986),
    2013: (247, 1970),
    2014: (247, 1970),
    2015: (247, 1971),
    2016: (247, 1974),
    2017: (247, 1973),
    2018: (247, 1970),
    2019: (247, 1970),
    2020: (248, 1979),
    2021: (247, 1972),
    2022: (247, 1973),
    2023: (247, 1973),
    2024: (248, 1979),
    2025: (247, 1972),
    2026: (247, 1972),
}
SHORTENED = {
    2024: ["2024-02-22", "2024-03-07", "2024-05-08", "2024-06-11", "2024-11-02"],
    2025: ["2025-03-07", "2025-04-30", "2025-06-11", "2025-11-01"],
    2026: ["2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03"],
}


@pytest.mark.parametrize("year", sorted(DAYS))
@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_2024_2026(year: int, month: int) -> None:
    assert calc.working_days(year, month) == DAYS[year][month - 1]
    assert calc.work_hours(year, month) == HOURS[year][month - 1]


@pytest.mark.parametrize("year", sorted(TOTALS))
def test_every_year_total(year: int) -> None:
    assert (calc.year_working_days(year), calc.year_work_hours(year)) == TOTALS[year]


@pytest.mark.parametrize("year", sorted(SHORTENED))
def test_shortened_days(year: int) -> None:
    days = [d for m in range(1, 13) for d in calc.month_days(year, m) if d.kind == "shortened"]
    assert [d.date.isoformat() for d in days] == SHORTENED[year]
    assert all(d.hours == 7 and d.working for d in days)


def test_the_seed_months_of_2017() -> None:
    assert calc.working_days(2017, 5) == 20
    assert calc.working_days(2017, 6) == 21
    assert calc.work_hours(2017, 7) == 168
    assert calc.year_work_hours(2017) == 1973


def test_correction_where_the_holidays_package_is_wrong() -> None:
    """8 March 2014 fell on a Saturday; the day off moved to Monday 10 March (package misses it)."""
    d = next(x for x in calc.month_days(2014, 3) if x.date == date(2014, 3, 10))
    assert d.kind == "day_off" and not d.working
    assert calc.working_days(2014, 3) == 20


def test_kinds_of_days_in_november_2024() -> None:
    days = {d.date.day: d for d in calc.month_days(2024, 11)}
    assert days[2].kind == "shortened"  # working Saturday before the holiday
    assert days[3].kind == "weekend"
    assert days[4].kind == "holiday" and days[4].name["ru"] == "День народного единства"
    assert days[5].kind == "working" and days[5].hours == 8
    assert len(days) == 30


def test_transferred_day_off_and_working_weekend() -> None:
    april = {d.date.day: d for d in calc.month_days(2024, 4)}
    assert april[27].working  # Saturday 27 April 2024 was a working day
    assert april[29].kind == "day_off" and april[30].kind == "day_off"


def test_hour_norm_for_a_shorter_week() -> None:
    # 36-hour week: 7.2 h a day, minus 1 h per shortened day (Order 588n)
    assert calc.hours_norm(2024, 3, 36) == Decimal("7.2") * 20 - 1
    assert calc.hours_norm(2024, 3) == 159


def test_working_days_between() -> None:
    assert calc.working_days_between(date(2018, 10, 1), date(2018, 10, 15)) == 11
    with pytest.raises(InputError, match="give the dates in order"):  # reversed dates are a mistake, not 0 days
        calc.working_days_between(date(2018, 10, 16), date(2018, 10, 1))


@pytest.mark.parametrize(("year", "month"), [(2010, 5), (2027, 1)])
def test_years_outside_the_data(year: int, month: int) -> None:
    with pytest.raises(OutOfRangeError):
        calc.working_days(year, month)


@pytest.mark.parametrize("month", [0, 13, "май"])
def test_bad_month(month) -> None:
    with pytest.raises(InputError) as e:
        calc.working_days(2024, month)
    assert "1" in e.value.message("ru") and "12" in e.value.message("en")


def test_holiday_names_in_english_are_british_and_unambiguous() -> None:
    """The `holidays` package writes US dates (01/07/2017 is 7 January) and "Labor"."""
    names = {d.date.day: d.name["en"] for d in calc.month_days(2017, 5) if d.name}
    assert names[8] == "Day off (substituted from 7 Jan 2017)"
    assert names[1] == "Holiday of Spring and Labour"
