"""The final settlement on dismissal: the seed's example line by line, average earnings, leave days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from calc.core.errors import InputError

D = Decimal

# Seed 002, "Львов С.С." dismissed on 7 August 2017: what the article published.
PUBLISHED = {
    "salary_pay": D("2221.12"),
    "bonus_pay": D("3331.68"),
    "allowance_1": D("500.00"),
    "night_pay": D("323.08"),
    "allowance_2": D("88.84"),
    "leave_compensation": D("7187.41"),
    "total": D("13622.13"),
    "ndfl": D("1771"),
    "net": D("11851.13"),
}


def seed_settlement() -> calc.Settlement:
    return calc.final_settlement(
        date(2017, 8, 7),
        8300,
        hours_worked=44,
        hourly_method="year",  # 2 shifts × 22 h at 8,300 / (1,973 / 12) = 50.48
        night_hours=16,
        night_rate="0.40",
        bonus_percent="1.5",  # monthly bonus 150 % of the salary for time worked
        allowances=[
            calc.Allowance("Надбавка персональная", "Personal allowance", amount=2000, worked=2, planned=8),
            calc.Allowance("Доплата за вредные условия труда", "Harmful conditions", percent="0.04"),
        ],
        average_daily="769.53",
        unused_days="9.34",
    )


def test_seed_lines_that_are_right() -> None:
    lines = {x.key: x.amount for x in seed_settlement().lines}
    for key in ("salary_pay", "bonus_pay", "allowance_1", "allowance_2", "leave_compensation"):
        assert lines[key] == PUBLISHED[key], key


def test_seed_night_line_differs_by_a_kopeck() -> None:
    """The article used the unrounded rate (50.4815… × 16 × 40 % = 323.08) while every other line uses the
    published 50.48; with 50.48 the surcharge is 323.07."""
    lines = {x.key: x.amount for x in seed_settlement().lines}
    assert lines["night_pay"] == D("323.07") != PUBLISHED["night_pay"]


def test_seed_total_is_thirty_rubles_short_of_its_own_lines() -> None:
    """The article's lines add up to 13,652.13, not 13,622.13; with the right night line 13,652.12."""
    assert sum(v for k, v in PUBLISHED.items() if k not in ("total", "ndfl", "net")) == D("13652.13")
    r = seed_settlement()
    assert r.gross == D("13652.12")
    assert r.ndfl == D("1775")  # 13 % of 13,652.12 = 1,774.78 → 1,775 (whole rubles)
    assert r.net == D("11877.12")
    assert (r.gross, r.ndfl, r.net) != (PUBLISHED["total"], PUBLISHED["ndfl"], PUBLISHED["net"])


def test_seed_leave_days_are_four_months_rounded_up() -> None:
    """9.34 days = 28 / 12 × 4 months (9.333…) rounded up in the worker's favour; 2.33 × 4 = 9.32."""
    assert calc.leave_months(date(2017, 4, 1), date(2017, 8, 7)) == 4
    assert calc.unused_leave_days(4, date(2017, 8, 7)).days == D("9.34")
    assert calc.unused_leave_days(4, date(2017, 8, 7), method="2.33").days == D("9.32")
    r = calc.final_settlement(
        date(2017, 8, 7), 8300, hours_worked=44, hourly_method="year", average_daily="769.53", months_for_leave=4
    )
    assert r.unused_days == D("9.34") and r.compensation == D("7187.41")


def test_half_month_rule() -> None:
    assert calc.leave_months(date(2017, 4, 1), date(2017, 8, 14)) == 4  # 4 months 14 days
    assert calc.leave_months(date(2017, 4, 1), date(2017, 8, 15)) == 5  # 4 months 15 days
    assert calc.unused_leave_days(12, date(2024, 1, 1), used_days=28).days == 0


def test_average_daily_earnings() -> None:
    assert calc.average_daily_earnings(270_000, date(2024, 5, 1)).average_daily == D("767.92")  # / (12 × 29.3)
    r = calc.average_daily_earnings(250_000, date(2024, 5, 1), full_months=11, part_months=[(31, 10)])
    assert r.divisor == D("29.3") * 11 + D("29.3") / 31 * 10
    assert r.average_daily == (D(250_000) / r.divisor).quantize(D("0.01"))
    assert calc.average_daily_earnings(294_000, date(2014, 3, 31)).average_daily == D(
        "833.33"
    )  # 29.4 before 02.04.2014


def test_settlement_with_average_from_earnings_and_prior_income() -> None:
    r = calc.final_settlement(
        date(2024, 6, 10),
        60_000,
        days_worked=6,
        earnings_12m=720_000,
        months_for_leave=5,
        used_days=0,
        prior_income=300_000,
    )
    assert r.average_daily == D("2047.78")  # 720,000 / 351.6
    assert r.unused_days == D("11.67")  # 28 / 12 × 5 = 11.666… → 11.67
    assert r.gross == r.pay + r.compensation
    assert r.ndfl == calc.ndfl(300_000 + r.gross, 2024) - calc.ndfl(300_000, 2024)


def test_last_month_is_paid_up_to_the_day_of_dismissal() -> None:
    """Dismissed on 10 June 2024: 6 of June's 19 working days are paid (ТК ст. 84.1, 140), not the month."""
    r = calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000, unused_days=3)
    assert r.pay == D("18947.37")  # 60,000 / 19 × 6 = 18,947.368…
    days = next(s for s in r.steps if s.key == "days_worked")
    assert days.result == 6 and "10 Jun 2024" in r.explain("en")
    with pytest.raises(InputError, match="from 0 to 6"):  # more days than worked up to the 10th
        calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000, unused_days=3, days_worked=7)
    last_day = calc.final_settlement(date(2024, 6, 28), 60_000, average_daily=1000, unused_days=0)
    assert last_day.pay == 60_000  # the last working day of June: the whole month


def test_settlement_tax_is_explained_band_by_band() -> None:
    r = calc.final_settlement(date(2025, 12, 5), 400_000, average_daily=10_000, unused_days=10,
                              prior_income=4_900_000)
    keys = [s.key for s in r.steps]
    assert {"income_to_date", "ndfl_to_date", "ndfl_before", "band_tax"} <= set(keys)
    rates = {s.inputs[1].value for s in r.steps if s.key == "band_tax"}
    assert {D("0.13"), D("0.15"), D("0.18")} == rates  # the 2025 bands: 2.4 M and 5 M crossed
    assert r.ndfl == calc.ndfl(4_900_000 + r.gross, 2025) - calc.ndfl(4_900_000, 2025)


def test_part_months_given_once_as_an_iterator_still_count() -> None:
    with pytest.raises(InputError, match="at most 12 months"):
        calc.average_daily_earnings(700_000, date(2024, 6, 10), full_months=12, part_months=iter([(30, 10)] * 5))


def test_bad_input() -> None:
    with pytest.raises(InputError, match="average daily"):
        calc.final_settlement(date(2024, 6, 10), 60_000, unused_days=3)
    with pytest.raises(InputError, match="unused leave"):
        calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000)
    with pytest.raises(InputError):
        calc.leave_months(date(2024, 6, 10), date(2024, 1, 1))


def test_northern_base_in_the_final_settlement() -> None:
    """НК ст. 210 п. 6.2: district pay earned earlier in the year stays in the separate base (from 2025), and
    from 2026 the district share of the leave compensation joins it too (Law 425-FZ of 28.11.2025).

    Dismissal 10.10.2025, salary 200,000 × 1.5, 20 days' compensation at 10,000; 2,700,000 earned before,
    900,000 of it district pay: the main base stays under 2.4 M, all at 13 % — 39,565 (45,652 when the earlier
    district pay was counted as main income and this month's as well, the old result)."""
    kw = {"average_daily": 10_000, "unused_days": 20, "district_coef": "1.5", "prior_income": 2_700_000}
    r = calc.final_settlement(date(2025, 10, 10), 200_000, prior_northern=900_000, **kw)
    assert r.gross == D("304347.83") and r.ndfl == D("39565")
    assert calc.final_settlement(date(2025, 10, 10), 200_000, **kw).ndfl == D("44957")  # earlier district pay unknown
    r26 = calc.final_settlement(date(2026, 10, 9), 200_000, prior_northern=900_000, **kw)
    comp_north = next(s for s in r26.steps if s.key == "leave_compensation_northern").result
    assert comp_north == D("66666.67")  # 200,000 × 0.5 / 1.5
    assert r26.ndfl == D("38409")
    with pytest.raises(InputError) as e:
        calc.final_settlement(date(2025, 10, 10), 200_000, prior_northern=3_000_000, **kw)
    assert e.value.field == "prior_northern"


def test_leave_compensation_before_2026_stays_in_the_main_base() -> None:
    r = calc.final_settlement(date(2025, 10, 10), 200_000, average_daily=10_000, unused_days=20, district_coef="1.5")
    assert not any(s.key == "leave_compensation_northern" for s in r.steps)
