"""Average earnings (ТК ст. 139; Decree 922, from 01.09.2025 Decree 540): the billing period, п. 9, п. 10,
bonuses (п. 15), a pay rise (п. 16), the 29.4 → 29.3 change, and bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc import Bonus, PayRise, PeriodMonth
from calc.core.errors import InputError, OutOfRangeError

D = Decimal


def year_of(pay, first=(2023, 1), extra=None) -> list[PeriodMonth]:
    """Twelve months from ``first`` paying ``pay``; ``extra``: more fields of some months."""
    y, m = first
    out = []
    for _ in range(12):
        fields = {"pay": pay, **(extra or {}).get((y, m), {})}
        out.append(PeriodMonth(y, m, **fields))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# forum.klerk.ru, thread t=569819 ("Проверьте, пожалуйста, расчет отпускных"): leave 03.08–30.08.2015,
# pay of August 2014 – July 2015 (6,440 × 5, 6,900 × 6, May 2015: 2,683.33 — sick 15–29 May),
# total 76,283.33; days = 29.3 × 11 + 29.3 × (31 − 15) / 31 = 337.42; average 226.08; leave pay 6,330.24.
KLERK = [
    *[PeriodMonth(2014, m, "6440") for m in range(8, 13)],
    *[PeriodMonth(2015, m, "6900") for m in (1, 2, 3, 4)],
    PeriodMonth(2015, 5, "2683.33", excluded=((date(2015, 5, 15), date(2015, 5, 29)),)),
    PeriodMonth(2015, 6, "6900"),
    PeriodMonth(2015, 7, "6900"),
]


def test_klerk_forum_example_part_month_by_dates() -> None:
    a = calc.average_earnings(date(2015, 8, 3), KLERK)
    assert a.period == (date(2014, 8, 1), date(2015, 7, 31))
    assert a.earnings == D("76283.33")
    assert a.leave_divisor == D("29.3") * 11 + D("29.3") / 31 * 16  # 337.4226…, shown as 337.42
    assert a.leave_daily == D("226.08")
    r = calc.vacation_pay(date(2015, 8, 3), 28, months=KLERK)
    assert (r.end, r.days, r.gross) == (date(2015, 8, 30), 28, D("6330.24"))


def test_divisor_29_4_until_2_april_2014() -> None:
    """Law 55-FZ of 02.04.2014: 29.4 → 29.3 (labour.avg_month_days)."""
    months = year_of(29_400, (2013, 3))
    assert calc.average_earnings(date(2014, 3, 31), months).leave_daily == D("1000.00")  # 352,800 / 352.8
    later = calc.average_earnings(date(2014, 4, 2), year_of(29_400, (2013, 4)))
    assert later.leave_divisor == D("351.6") and later.leave_daily == D("1003.41")  # 352,800 / 351.6


def test_average_per_day_worked_p9() -> None:
    """п. 9: earnings / days actually worked (production calendar, five-day week): 2023 had 247 working days."""
    a = calc.average_earnings(date(2024, 1, 15), year_of(50_000))
    assert a.days_worked == calc.year_working_days(2023) == 247
    assert a.daily == (D(600_000) / 247).quantize(D("0.01")) == D("2429.15")
    sick = year_of(50_000, extra={(2023, 3): {"excluded": ((date(2023, 3, 13), date(2023, 3, 17)),)}})
    b = calc.average_earnings(date(2024, 1, 15), sick)
    assert b.days_worked == 242  # five working days of sick leave left out
    counted = year_of(50_000, extra={(2023, 3): {"excluded_days": 5}})
    assert calc.average_earnings(date(2024, 1, 15), counted).daily is None  # the working days are unknown
    assert calc.average_earnings(date(2024, 1, 15), counted).leave_divisor == b.leave_divisor


def test_annual_bonus_pro_rata_when_not_fully_worked() -> None:
    """п. 15: the annual bonus for the previous year counts in full when the period is fully worked,
    otherwise in proportion to the time worked (days worked / working days of the period)."""
    bonus = [Bonus(120_000, "annual", 2023)]
    full = calc.average_earnings(date(2024, 1, 15), year_of(50_000), bonuses=bonus)
    assert full.earnings == D("720000.00")
    sick = year_of(50_000, extra={(2023, 3): {"excluded": ((date(2023, 3, 13), date(2023, 3, 17)),), "pay": 40_000}})
    part = calc.average_earnings(date(2024, 1, 15), sick, bonuses=bonus)
    assert part.earnings == (D(590_000) + D(120_000) * 242 / 247).quantize(D("0.01"))
    worked = calc.average_earnings(
        date(2024, 1, 15), sick, bonuses=[Bonus(120_000, "annual", 2023, for_time_worked=True)]
    )
    assert worked.earnings == D("710000.00")


def test_bonus_rules() -> None:
    with pytest.raises(InputError, match="previous calendar year"):
        calc.average_earnings(date(2024, 1, 15), year_of(50_000), bonuses=[Bonus(1, "annual", 2022)])
    with pytest.raises(InputError, match="At most one bonus"):
        calc.average_earnings(
            date(2024, 1, 15),
            year_of(50_000),
            bonuses=[Bonus(1, "monthly", 2023, 5, "sales"), Bonus(2, "monthly", 2023, 5, "sales")],
        )
    two = calc.average_earnings(
        date(2024, 1, 15),
        year_of(50_000),
        bonuses=[Bonus(1000, "monthly", 2023, 5, "sales"), Bonus(2000, "monthly", 2023, 5, "quality")],
    )
    assert two.earnings == D("603000.00")  # different indicators: both count
    with pytest.raises(InputError, match="outside the billing period"):
        calc.average_earnings(date(2024, 1, 15), year_of(50_000), bonuses=[Bonus(1, "monthly", 2024, 1)])
    long = calc.average_earnings(date(2024, 1, 15), year_of(50_000), bonuses=[Bonus(24_000, "other", months=24)])
    assert long.earnings == D("612000.00")  # a bonus for 24 months: the monthly part × 12


def test_pay_rise_p16() -> None:
    """п. 16: pay earned before a rise within the period × the coefficient (old 40,000 → new 50,000)."""
    months = [PeriodMonth(2023, m, 40_000 if m < 7 else 50_000) for m in range(1, 13)]
    a = calc.average_earnings(date(2024, 1, 15), months, pay_rise=PayRise(date(2023, 7, 1), old=40_000, new=50_000))
    assert a.earnings == D("600000.00") and a.leave_daily == D("1706.48")  # 600,000 / 351.6
    mid = [*months[:6], PeriodMonth(2023, 7, 45_000, pay_before_rise=20_000), *months[7:]]
    b = calc.average_earnings(date(2024, 1, 15), mid, pay_rise=PayRise(date(2023, 7, 17), coefficient="1.25"))
    assert b.earnings == D(240_000) * D("1.25") + D(45_000) + D(20_000) * D("0.25") + D(250_000)
    after = calc.average_earnings(date(2024, 1, 15), year_of(40_000), pay_rise=PayRise(date(2024, 1, 9), "1.25"))
    assert after.earnings == D("600000.00")  # a rise after the period, before the event: the whole average × 1.25
    with pytest.raises(InputError, match="during the leave"):
        calc.average_earnings(date(2024, 1, 15), year_of(40_000), pay_rise=PayRise(date(2024, 1, 20), "1.25"))
    with pytest.raises(InputError, match="pay_before_rise"):
        calc.average_earnings(date(2024, 1, 15), months, pay_rise=PayRise(date(2023, 7, 17), coefficient="1.25"))


def test_hired_within_the_period() -> None:
    """Months before hiring are simply not given: they count as not worked."""
    a = calc.average_earnings(date(2024, 1, 15), [PeriodMonth(2023, m, 60_000) for m in range(7, 13)])
    assert a.leave_divisor == D("29.3") * 6 and a.leave_daily == D("2047.78")


def test_decree_cited_by_date() -> None:
    assert "922" in calc.average_earnings(date(2025, 8, 31), year_of(1, (2024, 8))).explain("ru")
    assert "540" in calc.average_earnings(date(2025, 9, 1), year_of(1, (2024, 9))).explain("en")


def test_bad_input() -> None:
    with pytest.raises(InputError, match="from 0 to 31"):
        calc.average_earnings(date(2024, 1, 15), year_of(50_000, extra={(2023, 1): {"excluded_days": 40}}))
    with pytest.raises(InputError, match="but the month has 31"):
        calc.average_earnings(
            date(2024, 1, 15),
            year_of(
                50_000, extra={(2023, 1): {"excluded_days": 20, "excluded": ((date(2023, 1, 1), date(2023, 1, 15)),)}}
            ),
        )
    with pytest.raises(InputError, match="from 0"):
        calc.average_earnings(date(2024, 1, 15), year_of(-1))
    with pytest.raises(InputError, match="outside the billing period"):
        calc.average_earnings(date(2024, 1, 15), [PeriodMonth(2024, 1, 1000)])
    with pytest.raises(InputError, match="given twice"):
        calc.average_earnings(date(2024, 1, 15), [PeriodMonth(2023, 5, 1), PeriodMonth(2023, 5, 1)])
    with pytest.raises(OutOfRangeError):
        calc.average_earnings(date(2027, 1, 15), year_of(1, (2026, 1)))
    with pytest.raises(InputError, match="No time worked"):
        calc.average_earnings(date(2024, 1, 15), [])
    with pytest.raises(InputError, match="ends before it starts"):
        calc.average_earnings(
            date(2024, 1, 15), [PeriodMonth(2023, 5, 1, excluded=((date(2023, 5, 9), date(2023, 5, 2)),))]
        )


def test_malformed_input_gets_a_typed_error() -> None:
    with pytest.raises(InputError, match="month of the billing period is wrong"):
        calc.average_earnings(date(2024, 1, 15), [PeriodMonth(2023, "5", 1)])
    with pytest.raises(InputError, match="is a PeriodMonth"):
        calc.average_earnings(date(2024, 1, 15), [(2023, 5, 1)])
    with pytest.raises(InputError, match="1 to 12"):
        calc.average_earnings(date(2024, 1, 15), year_of(1), bonuses=[Bonus(1, "monthly", 2023, 13)])
    with pytest.raises(InputError, match="give the year"):
        calc.average_earnings(date(2024, 1, 15), year_of(1), bonuses=[Bonus(1, "quarterly")])
    with pytest.raises(InputError, match="Unknown bonus kind"):
        calc.average_earnings(date(2024, 1, 15), year_of(1), bonuses=[Bonus(1, "weekly", 2023)])
    with pytest.raises(InputError, match="date"):
        calc.average_earnings("2024-01-15", year_of(1))


@given(st.integers(1_000, 500_000), st.integers(1, 100_000), st.integers(0, 30))
def test_average_rises_with_earnings(pay: int, more: int, sick: int) -> None:
    ex = {(2023, 4): {"excluded_days": sick}}
    low = calc.average_earnings(date(2024, 1, 15), year_of(pay, extra=ex))
    high = calc.average_earnings(date(2024, 1, 15), year_of(pay + more, extra=ex))
    assert high.leave_daily >= low.leave_daily
    assert high.leave_daily > low.leave_daily or more * 12 < high.leave_divisor  # at least a kopeck a day


MONTH = st.tuples(st.integers(0, 300_000), st.integers(0, 28), st.booleans())
"""One month of the period: pay in rubles, calendar days excluded, given (False: left out, e.g. before hire)."""


@given(st.lists(MONTH, min_size=12, max_size=12), st.sampled_from([date(2014, 1, 20), date(2025, 7, 1),
                                                                    date(2025, 10, 6)]))
def test_month_by_month_equals_the_totals_of_p10(months: list[tuple[int, int, bool]], event: date) -> None:
    """Regulation para. 10 month by month (the leave app's mode) equals the totals' formula: earnings /
    (k × full months + Σ k / calendar days × days counted), k = 29.3 (29.4 before 02.04.2014); a month left
    out counts like a month with every day excluded and no pay."""
    first, _last = calc.billing_period(event)
    given_, out, parts, full, total = [], [], [], 0, 0
    for i, (pay, excluded, shown) in enumerate(months):
        y, m = (first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1
        cal = len(calc.month_days(y, m))
        out.append(PeriodMonth(y, m, pay=pay if shown else 0, excluded_days=excluded if shown else cal))
        if not shown:
            continue
        given_.append(PeriodMonth(y, m, pay=pay, excluded_days=excluded))
        total += pay
        if excluded:
            parts.append((cal, cal - excluded))
        else:
            full += 1
    if not given_:  # no month at all: no time counted
        with pytest.raises(InputError):
            calc.average_earnings(event, given_)
        return
    r = calc.average_earnings(event, given_)
    expected = calc.average_daily_earnings(total, event, full_months=full, part_months=parts)
    assert r.leave_daily == expected.average_daily and r.leave_divisor == expected.divisor
    assert calc.average_earnings(event, out).leave_daily == r.leave_daily
    assert len(r.months) == len(given_)
