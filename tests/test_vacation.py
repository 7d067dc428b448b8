"""Leave pay: days with holidays left out (ТК ст. 120), amount, НДФЛ, contributions, due date, months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError, OutOfRangeError
from calc.core.explain import evaluate, evaluate_exact
from calc.core.money import round_to

D = Decimal


def test_published_task_leave_over_12_june() -> None:
    """student-files.ru, "Задача 10": a leave of 28 days from 26 May to 23 June, the holiday of 12 June not
    counted; 245,000 paid in the 12 months; 29.4 days a month. (The site sells the answer; the figures
    here are computed: 245,000 / (12 × 29.4) = 694.444… → 694.44; × 28 = 19,444.32.) 29.4 puts the task
    before 02.04.2014: the year 2013 is taken (12 June 2013 a Wednesday)."""
    avg = calc.average_daily_earnings(245_000, date(2013, 5, 26)).average_daily
    assert avg == D("694.44")
    by_end = calc.vacation_pay(date(2013, 5, 26), end=date(2013, 6, 23), average_daily=avg)
    assert (by_end.calendar_days, by_end.holidays, by_end.days) == (29, (date(2013, 6, 12),), 28)
    assert by_end.gross == D("19444.32")
    by_length = calc.vacation_pay(date(2013, 5, 26), 28, average_daily=avg)
    assert by_length.end == date(2013, 6, 23) and by_length.gross == by_end.gross
    assert [(m.month, m.days, m.amount) for m in by_length.by_month] == [(5, 6, D("4166.64")), (6, 22, D("15277.68"))]


def test_new_year_holidays_lengthen_the_leave() -> None:
    """1–8 January are public holidays (ТК ст. 112): a 14-day leave from 1 January 2025 ends on the 22nd."""
    r = calc.vacation_pay(date(2025, 1, 1), 14, average_daily=2000)
    assert r.end == date(2025, 1, 22) and r.calendar_days == 22 and len(r.holidays) == 8 and r.days == 14
    assert r.gross == D("28000.00") and r.ndfl == D("3640") and r.net == D("24360.00")
    assert r.pay_by == date(2024, 12, 28)  # 29 Dec 2024 is a Sunday; Saturday 28 Dec was a working day
    assert calc.month_days(2024, 12)[27].working


def test_transferred_days_off_are_leave_days() -> None:
    """2 and 8 May 2025 are days off moved from weekends, not holidays: they count as leave days."""
    r = calc.vacation_pay(date(2025, 5, 1), end=date(2025, 5, 14), average_daily=1000)
    assert r.holidays == (date(2025, 5, 1), date(2025, 5, 9)) and r.days == 12


def test_leave_across_the_year() -> None:
    """23.12.2024 + 28 days: 9 days in December, 1–8 January left out, 19 days in January; НДФЛ on the whole
    payment in the year it is paid (2024), contributions in the month accrued (December 2024, 30 %)."""
    r = calc.vacation_pay(date(2024, 12, 23), 28, average_daily="2047.78", prior_income=700_000)
    assert r.end == date(2025, 1, 27) and r.days == 28 and r.gross == D("57337.84")
    assert [(m.year, m.month, m.days, m.amount) for m in r.by_month] == [
        (2024, 12, 9, D("18430.02")),
        (2025, 1, 19, D("38907.82")),
    ]
    assert r.paid_on == r.pay_by == date(2024, 12, 20)
    assert r.ndfl == calc.ndfl(700_000 + r.gross, 2024) - calc.ndfl(700_000, 2024) == D("7454")
    assert r.contributions == D("17201.35") and r.accident == D("114.68")  # 30 % and 0.2 % of 57,337.84


def test_contributions_above_the_cap() -> None:
    """2024 cap 2,225,000: above it the unified tariff is 15.1 %."""
    r = calc.vacation_pay(date(2024, 11, 11), 14, average_daily=5000, prior_income=2_300_000)
    assert r.contributions == D("10570.00")  # 70,000 × 15.1 %


def test_pay_deadline() -> None:
    """ТК ст. 136 ч. 9: three days before the start; a weekend or holiday moves it to the working day before."""
    assert calc.pay_deadline(date(2024, 7, 15)) == date(2024, 7, 12)
    assert calc.pay_deadline(date(2024, 7, 16)) == date(2024, 7, 12)  # 13 July is a Saturday
    with pytest.raises(InputError, match="before the leave starts"):
        calc.vacation_pay(date(2024, 7, 15), 14, average_daily=1000, paid_on=date(2024, 7, 16))


def test_explained_in_both_languages() -> None:
    r = calc.vacation_pay(date(2024, 6, 3), 14, average_daily=1000)
    assert r.end == date(2024, 6, 17) and r.holidays == (date(2024, 6, 12),)
    en, ru = r.explain("en"), r.explain("ru")
    assert "Labour Code art. 120" in en and "ТК РФ ст. 120" in ru and "14,000.00" in en
    assert "by 31 May 2024" in en


def test_bad_input() -> None:
    with pytest.raises(InputError, match=r"ends .* before it starts"):
        calc.vacation_pay(date(2024, 7, 15), end=date(2024, 7, 1), average_daily=1000)
    with pytest.raises(InputError, match="either the length"):
        calc.vacation_pay(date(2024, 7, 15), 14, end=date(2024, 7, 28), average_daily=1000)
    with pytest.raises(InputError, match="from 0"):
        calc.vacation_pay(date(2024, 7, 15), 14, average_daily=-5)
    with pytest.raises(InputError, match="from 1 to 366"):
        calc.vacation_pay(date(2024, 7, 15), 0, average_daily=1000)
    with pytest.raises(InputError, match="average daily"):
        calc.vacation_pay(date(2024, 7, 15), 14)
    with pytest.raises(OutOfRangeError):
        calc.vacation_pay(date(2027, 1, 10), 14, average_daily=1000)
    with pytest.raises(OutOfRangeError):
        calc.vacation_pay(date(2026, 12, 20), 28, average_daily=1000)  # runs past the calendar's data


@given(st.dates(date(2011, 2, 1), date(2026, 11, 1)), st.integers(1, 60), st.integers(1, 10_000_00))
def test_months_add_up_to_the_total(start: date, days: int, kopecks: int) -> None:
    r = calc.vacation_pay(start, days, average_daily=D(kopecks) / 100)
    assert sum(m.amount for m in r.by_month) == r.gross
    assert sum(m.days for m in r.by_month) == r.days == days
    assert r.net == r.gross - r.ndfl and r.pay_by < start


@given(st.integers(100, 100_000), st.integers(1, 100_000))
def test_leave_pay_rises_with_earnings(pay: int, more: int) -> None:
    months = [calc.PeriodMonth(2023, m, pay) for m in range(1, 13)]
    richer = [calc.PeriodMonth(2023, m, pay + more) for m in range(1, 13)]
    low = calc.vacation_pay(date(2024, 1, 15), 28, months=months)
    high = calc.vacation_pay(date(2024, 1, 15), 28, months=richer)
    assert high.gross > low.gross
    assert high.net > low.net - 1  # НДФЛ in whole rubles: a kopeck more can cost up to a ruble of tax


EXPLAINED = {
    "vacation": lambda: calc.vacation_pay(date(2024, 12, 23), 28, average_daily="2047.78", prior_income=700_000),
    "vacation_months": lambda: calc.vacation_pay(
        date(2024, 1, 15),
        14,
        months=[calc.PeriodMonth(2023, m, 50_000, excluded_days=2 if m == 4 else 0) for m in range(1, 13)],
        pay_rise=calc.PayRise(date(2023, 3, 1), coefficient="1.1"),
    ),
    "average": lambda: calc.average_earnings(
        date(2024, 1, 15),
        [
            calc.PeriodMonth(2023, m, 50_000, excluded=((date(2023, 4, 3), date(2023, 4, 7)),) if m == 4 else ())
            for m in range(1, 13)
        ],
        bonuses=[calc.Bonus(100_000, "annual", 2023)],
    ),
    "severance": lambda: calc.severance_pay(
        date(2025, 12, 10), "redundancy", average_daily=9000, far_north=True, service_months=3
    ),
    "settlement": lambda: calc.final_settlement(
        date(2024, 6, 10),
        60_000,
        average_daily=2000,
        average_daily_worked=2900,
        months_for_leave=7,
        ground="liquidation",
        service_months=1,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPLAINED))
def test_every_formula_recomputes_and_speaks_both_languages(name: str) -> None:
    """As tests/test_explain.py does for the older results: the formula shown is the formula used."""
    result = EXPLAINED[name]()
    for s in result.steps:
        if s.formula is None:
            assert s.result == s.exact
            continue
        values = {i.name: i.value for i in s.inputs}
        assert evaluate(s.formula, values) == s.exact, s.key
        assert round_to(evaluate_exact(s.formula, values), s.rounding) == s.result, s.key
    for lang in ("ru", "en"):
        text = result.explain(lang)
        assert text and "Decimal(" not in text and "None" not in text and "{" not in text
    assert result.explain("ru") != result.explain("en")
    assert any(r["source"] for r in result.explain_rows("ru"))


def test_district_share_of_leave_pay_is_a_separate_base_from_2026() -> None:
    """НК ст. 210 п. 6.2 as amended by Law 425-FZ of 28.11.2025 (FNS letter 18.02.2026 No. ЗГ-35-11/1411@):
    the district share of leave pay joins the 13/15 % base. 2,600,000 earned before (all main pay): leave pay
    of 14 days at 3,000 = 42,000 with coefficient 1.4: 12,000 of it district, taxed at 13 %, 30,000 at 15 %."""
    kw = {"average_daily": 3000, "prior_income": 2_600_000, "district_coef": "1.4"}
    r = calc.vacation_pay(date(2026, 8, 3), 14, **kw)
    assert r.gross == D("42000.00") and r.ndfl == D("6060")  # 30,000 × 15 % + 12,000 × 13 %
    assert calc.vacation_pay(date(2025, 8, 4), 14, **kw).ndfl == D("6300")  # 2025: all 15 %


def test_a_holiday_moved_off_a_weekend_is_counted_in_the_leave() -> None:
    """ТК ст. 120: only the holidays of ст. 112 ч. 1 are not counted. 9 May 2026 is a Saturday; its day
    off moved to Monday 11 May (ст. 112 ч. 2) is a day of the leave like any other (14 days from 4 May end
    on 18 May, one holiday inside; counting 11 May out gave 19 May)."""
    from calc.ru.calendar import month_days

    kinds = {d.date.day: d.kind for d in month_days(2026, 5)}
    assert kinds[9] == "holiday" and kinds[11] == "day_off"
    assert calc.leave_span(date(2026, 5, 4), 14) == (date(2026, 5, 18), [date(2026, 5, 9)])
    assert calc.leave_span(date(2026, 3, 2), 14) == (date(2026, 3, 16), [date(2026, 3, 8)])
