"""Sick pay and maternity pay (255-ФЗ ст. 7, 11, 14): the Social Fund's published figures, the caps,
the МРОТ minimum and floor, a short record, replaced years, errors, and invariants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError, OutOfRangeError

D = Decimal
RICH = 5_000_000  # above every cap


# Social Fund, Telegram channel, 05.01.2025 (reported by Российская газета and others): МРОТ 22 440 ₽ from
# 01.01.2025, "за 140 дней минимум — 103 285 руб., ... за 156 дней минимум — 115 089 руб., ...
# за 194 дня — 143 123 руб." (whole rubles in the post; the benefit is 737.75 ₽ a day × days).
@pytest.mark.parametrize(
    ("kind", "published", "exact"),
    [("normal", 103285, "103285.00"), ("complicated", 115089, "115089.00"), ("multiple", 143123, "143123.50")],
)
def test_maternity_minimum_2025_social_fund(kind: str, published: int, exact: str) -> None:
    r = calc.maternity_pay(date(2025, 3, 1), {2023: 0, 2024: 0}, kind=kind)
    assert r.daily == D("737.75")
    assert r.gross == D(exact) and int(r.gross) == published


# Тольятти city administration, "Повышается МРОТ — растут пособия" (tgl.ru): 2024 minimum daily 632.61 ₽;
# maternity minimum 2024: 88 565,40 / 98 687,16 / 122 726,34 ₽. (Its 2025 figures start from a misprinted
# МРОТ of 22 240 ₽ — 731.18 ₽ a day, 102 365.20 ₽ — the МРОТ is 22 440 ₽, giving 737.75 and 103 285.00.)
@pytest.mark.parametrize(
    ("kind", "published"), [("normal", "88565.40"), ("complicated", "98687.16"), ("multiple", "122726.34")]
)
def test_maternity_minimum_2024_published(kind: str, published: str) -> None:
    r = calc.maternity_pay(date(2024, 5, 1), {2022: 0, 2023: 0}, kind=kind)
    assert r.daily == D("632.61")
    assert r.gross == D(published)


def test_maternity_maximum_2025() -> None:
    """The Fund's maximum, 794 355 ₽ for 140 days, is (1 917 000 + 2 225 000) / 730 = 5 673.97 × 140 = 794 355.80.
    With 2024 a leap year the two years have 731 days (ст. 14 ч. 3.1: calendar days less excluded ones), so a
    woman earning above both caps gets 4 142 000 / 731 = 5 666.21 × 140 = 793 269.40 — below the published
    maximum; the maximum binds only when days are excluded."""
    r = calc.maternity_pay(date(2025, 3, 1), {2023: RICH, 2024: RICH})
    assert r.step("benefit_max_daily").result == D("5673.97")
    assert r.gross == D("793269.40")
    excluded = calc.maternity_pay(date(2025, 3, 1), {2023: RICH, 2024: RICH}, excluded_days=30)
    assert excluded.gross == D("794355.80") and excluded.ndfl == 0


def test_base_years_before_the_data_are_refused() -> None:
    """Illness or leave in 2011–2012 needs the caps of 2009–2010, which the data does not hold."""
    with pytest.raises(OutOfRangeError) as e:
        calc.maternity_pay(date(2012, 12, 1), {2010: 300000, 2011: 365000})
    assert "2010" in e.value.ru and "2010" in e.value.en


def test_maternity_excluded_days_divisor_2016() -> None:
    """Leave from 01.03.2016: 2014 (624 000 cap) and 2015 (670 000 cap), 365 + 365 − 20 excluded = 710 days."""
    r = calc.maternity_pay(date(2016, 3, 1), {2014: 500000, 2015: 600000}, excluded_days=20)
    assert r.daily == D("1549.30")  # 1 100 000 / 710 = 1549.295… → 1549.30
    assert r.gross == D("1549.30") * 140


def sick(**kw):
    args = {"start": date(2025, 3, 10), "days": 10, "earnings": {2023: 600000, 2024: 720000}, "record_years": 6}
    args.update(kw)
    return calc.sick_pay(**args)


def test_sick_pay_ordinary_case() -> None:
    """(600 000 + 720 000) / 730 = 1 808.22; 80 % for 6 years = 1 446.58 a day; 3 days employer, 7 days Fund."""
    r = sick()
    assert (r.average_daily, r.daily) == (D("1808.22"), D("1446.58"))
    assert (r.employer_days, r.fund_days) == (3, 7)
    assert (r.employer_amount, r.fund_amount, r.gross) == (D("4339.74"), D("10126.06"), D("14465.80"))
    assert r.ndfl == 1881 and r.net == D("12584.80")  # 13 % of 14 465.80 = 1 880.55 → 1 881
    assert "255" in r.explain("ru") and "Law 255-FZ" in r.explain("en")


def test_sick_pay_cap_in_the_two_year_base() -> None:
    """2023 earnings above the 1 917 000 cap count only up to it: (1 917 000 + 1 000 000) / 730 = 3 995.89."""
    r = sick(earnings={2023: 2500000, 2024: 1000000}, record_years=10)
    assert r.average_daily == D("3995.89") and r.daily == D("3995.89")


def test_sick_pay_maximum_2025() -> None:
    r = sick(earnings={2023: RICH, 2024: RICH}, record_years=10)
    assert r.daily == D("5673.97")  # (1 917 000 + 2 225 000) / 730


@pytest.mark.parametrize(("years", "share"), [(0, "0.6"), (4, "0.6"), (5, "0.8"), (7, "0.8"), (8, "1.0"), (30, "1.0")])
def test_share_by_record(years: int, share: str) -> None:
    assert sick(record_years=years, record_months=11 if years == 4 else 0).share == D(share)


def test_mrot_minimum_and_full_month_floor() -> None:
    """No earnings, 2 years' record: 737.75 × 60 % = 442.65 a day, below МРОТ / 31 = 723.87 in March 2025;
    from 2021 a full month is paid not below the МРОТ (ст. 14 ч. 1.1), so March is paid 723.87 a day
    (31 days = 22 439.97: the daily amount rounded to kopecks, as the Fund pays it)."""
    r = sick(start=date(2025, 3, 1), days=31, earnings={2023: 0, 2024: 0}, record_years=2)
    assert r.average_daily == D("737.75")
    assert r.daily == D("442.65")
    assert r.gross == D("723.87") * 31


def test_mrot_floor_not_before_april_2020() -> None:
    r = sick(start=date(2019, 3, 1), days=31, earnings={2017: 0, 2018: 0}, record_years=2)
    # 11 280 × 24 / 730 = 370.85; × 60 % = 222.51 a day, no monthly floor in 2019
    assert r.daily == D("222.51") and r.gross == D("222.51") * 31


def test_record_under_six_months_caps_at_mrot() -> None:
    """Record 4 months: at most the МРОТ for a full month — 22 440 / 30 = 748.00 a day in April 2025."""
    r = sick(start=date(2025, 4, 1), days=10, earnings={2023: 1000000, 2024: 1000000}, record_years=0, record_months=4)
    assert r.employer_amount == D("748.00") * 3 and r.fund_amount == D("748.00") * 7


def test_district_coefficient_raises_the_minimum() -> None:
    r = sick(earnings={2023: 0, 2024: 0}, record_years=10, district_coef="1.5")
    assert r.average_daily == D("1106.63")  # 22 440 × 1.5 × 24 / 730 = 1 106.63


def test_quarantine_paid_by_the_fund_from_day_one() -> None:
    r = sick(case="quarantine")
    assert r.employer_days == 0 and r.employer_amount == 0 and r.fund_amount == r.gross


def test_illness_across_months() -> None:
    r = sick(start=date(2025, 3, 30), days=5, earnings={2023: 0, 2024: 0}, record_years=10)
    # March: 737.75 ≥ 22 440 / 31 = 723.87; April: 737.75 ≥ 748.00? no — April floor 748.00
    assert r.employer_amount == D("737.75") * 2 + D("748.00")
    assert r.fund_amount == D("748.00") * 2


def test_replace_years_when_it_gives_more() -> None:
    """2023 spent on child-care leave: replaced by 2021 on application (ст. 14 ч. 1)."""
    r = sick(earnings={2021: 800000, 2023: 0, 2024: 720000}, replace_years={2023: 2021}, record_years=10)
    assert r.years == (2021, 2024) and r.average_daily == D("2082.19")  # 1 520 000 / 730


def test_replace_years_kept_when_it_gives_less() -> None:
    r = sick(earnings={2021: 100000, 2023: 600000, 2024: 720000}, replace_years={2023: 2021})
    assert r.years == (2023, 2024) and "не увеличивает" in r.explain("ru")


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"hired": date(2025, 4, 1)}, "hired"),
        ({"record_years": -1}, "record_years"),
        ({"case": "care"}, "case"),
        ({"days": 0}, "days"),
        ({"earnings": {2023: -5, 2024: 0}}, "earnings"),
        ({"earnings": {2024: 100}}, "earnings"),
        ({"replace_years": {2022: 2020}}, "replace_years"),
        ({"replace_years": {2023: 2024}}, "replace_years"),
    ],
)
def test_bad_input(kw: dict, field: str) -> None:
    with pytest.raises(InputError) as e:
        sick(**kw)
    assert e.value.field == field and e.value.ru and e.value.en


def test_date_outside_the_rules() -> None:
    with pytest.raises(OutOfRangeError):
        sick(start=date(2027, 1, 10))


@settings(max_examples=60, deadline=None)
@given(
    e1=st.integers(0, 4_000_000),
    e2=st.integers(0, 4_000_000),
    days=st.integers(1, 60),
    rec=st.integers(0, 40),
    day=st.integers(1, 28),
)
def test_employer_plus_fund_is_gross(e1: int, e2: int, days: int, rec: int, day: int) -> None:
    r = sick(start=date(2024, 2, day), days=days, earnings={2022: e1, 2023: e2}, record_years=rec)
    assert r.employer_amount + r.fund_amount == r.gross
    assert r.employer_days + r.fund_days == days
    assert r.net + r.ndfl == r.gross


@pytest.mark.parametrize(
    ("kind", "published"), [("normal", "955836"), ("complicated", "1065074.4"), ("multiple", "1324515.6")]
)
def test_maternity_maximum_2026_published(kind: str, published: str) -> None:
    """Dzen news post, January 2026: "не более 955 836 рублей — за 140 дней, 1 065 074,4 — за 156 дней,
    1 324 515,6 — за 194 дня" = (2 225 000 + 2 759 000) / 730 = 6 827.40 a day. The two years 2024–2025 have
    731 days, so the maximum is reached only with excluded days (here 10)."""
    r = calc.maternity_pay(date(2026, 2, 1), {2024: RICH, 2025: RICH}, kind=kind, excluded_days=10)
    assert r.daily == D("6827.40") and r.gross == D(published)
    plain = calc.maternity_pay(date(2026, 2, 1), {2024: RICH, 2025: RICH}, kind=kind)
    assert plain.daily == D("6818.06")  # 4 984 000 / 731


@pytest.mark.parametrize(
    ("start", "years", "published"),
    [
        # ФСС, January 2023 (quoted by org-walletconnect.app): "максимальная сумма дневной выплаты … 2 736,99 руб."
        (date(2023, 2, 1), (2021, 2022), "2736.99"),
        # Стоматологическая поликлиника (stomnkz.ru), 2024: "до 4 039,73 руб." a day
        (date(2024, 2, 1), (2022, 2023), "4039.73"),
    ],
)
def test_published_maximum_daily_sick_pay(start: date, years: tuple[int, int], published: str) -> None:
    r = calc.sick_pay(start, 5, dict.fromkeys(years, RICH), record_years=10)
    assert r.daily == D(published)


@pytest.mark.parametrize(("years", "daily"), [(3, "1200.00"), (6, "1600.00"), (9, "2000.00")])
def test_aif_example_share_by_record(years: int, daily: str) -> None:
    """aif.ru via news.mail.ru, 07.12.2025: average daily earnings 2 000 ₽ → 1 200 / 1 600 / 2 000 ₽ a day;
    over 12 days the difference between the extremes is 9 600 ₽. 2 000 × 730 = 1 460 000 over 2024–2025."""
    r = calc.sick_pay(date(2026, 3, 2), 12, {2024: 730000, 2025: 730000}, record_years=years)
    assert r.average_daily == D("2000.00") and r.daily == D(daily)
    if years == 9:
        low = calc.sick_pay(date(2026, 3, 2), 12, {2024: 730000, 2025: 730000}, record_years=3)
        assert r.gross - low.gross == D("9600.00")


# The explanation checks of tests/test_explain.py, for the results of sick pay, maternity pay, late pay and
# deductions (kept here, next to the benefits, so that the other engineers' RESULTS list stays untouched).
CASEWORK = {
    "sick": lambda: sick(start=date(2025, 3, 30), days=5, earnings={2023: 0, 2024: 0}, record_years=2),
    "sick_replaced": lambda: sick(earnings={2021: 800000, 2023: 0, 2024: 720000}, replace_years={2023: 2021}),
    "maternity": lambda: calc.maternity_pay(date(2025, 3, 1), {2023: 900000, 2024: 1000000}, excluded_days=15),
    "late_pay": lambda: calc.late_pay_compensation(
        [calc.Debt(50000, date(2016, 9, 10), ndfl=6500)],
        [calc.Payment(date(2016, 10, 20), 20000)],
        until=date(2026, 4, 1),
    ),
    "deductions": lambda: calc.deductions(
        30000,
        [
            Ded("alimony", children=1),
            Ded("writ", amount=9000, priority=4),
            Ded("employer", amount=100),
            Ded("union_dues"),
        ],
        on=date(2025, 3, 5),
        keep_minimum=True,
        exempt={"business_travel": 1000},
    ),
}
Ded = calc.Deduction


@pytest.mark.parametrize("name", sorted(CASEWORK))
def test_formulas_recompute_and_speak_both_languages(name: str) -> None:
    from calc.core.explain import evaluate, evaluate_exact
    from calc.core.money import round_to

    r = CASEWORK[name]()
    for s in r.steps:
        if s.formula is None:
            assert s.result == s.exact
            continue
        values = {i.name: i.value for i in s.inputs}
        assert evaluate(s.formula, values) == s.exact, s.key
        assert round_to(evaluate_exact(s.formula, values), s.rounding) == s.result, s.key
    for lang in ("ru", "en"):
        text = r.explain(lang)
        assert text and "Decimal(" not in text and "None" not in text and "{" not in text
        assert r.explain_html(lang).startswith("<table")
    assert r.explain("ru") != r.explain("en")
    assert any(row["source"] for row in r.explain_rows("ru"))
