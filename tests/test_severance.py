"""Severance pay and kept earnings by ground (ТК ст. 178, 318), the НДФЛ exemption (НК ст. 217 п. 3),
the full-year leave rule (1930 Rules para. 28) and the final settlement with every payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError

D = Decimal


def test_glavkniga_2025_month_is_247_working_days_over_12() -> None:
    """«Главная книга» 2025, «Выплаты при сокращении: расчет, налоги» (in КонсультантПлюс's selection
    «Расчет дней выходного пособия»): severance = average daily × 20.58 (247 days / 12 months), Decree 540
    п. 9, Ministry of Labour letter 05.08.2025 No. 14-1/ООГ-3551. The code keeps 247 / 12 exact
    (20.5833…): 3,000 × 247 / 12 = 61,750.00; with the rounded 20.58 it would be 61,740.00."""
    assert calc.year_working_days(2025) == 247
    r = calc.severance_pay(date(2025, 10, 10), "redundancy", average_daily=3000)
    assert r.payments[0].amount == D("61750.00") == r.average_monthly
    assert r.payments[0].due == date(2025, 10, 10)  # with the final settlement (ТК ст. 140)


def test_before_september_2025_the_month_after_dismissal() -> None:
    """Decree 922 п. 9: working days of the month after dismissal: 11.06–10.07.2024 has 21 (12 June a holiday)."""
    r = calc.severance_pay(date(2024, 6, 10), "liquidation", average_daily=3000, service_months=1)
    sev, m2, m3 = r.payments
    assert (sev.days, sev.amount, sev.period) == (21, D("63000.00"), (date(2024, 6, 11), date(2024, 7, 10)))
    assert (m2.days, m2.amount, m2.due) == (22, D("66000.00"), date(2024, 8, 11))
    assert (m3.days, m3.amount) == (22, D("66000.00"))
    assert r.exempt_limit == 3 * D("63000.00")  # НК ст. 217 п. 3: three average monthly earnings
    assert (m3.exempt, m3.taxable, m3.ndfl) == (D("60000.00"), D("6000.00"), D("780"))  # 13 % of the excess
    assert r.ndfl == D("780") and r.exempt == r.exempt_limit


def test_third_month_only_on_the_service_decision_and_new_job_stops_it() -> None:
    plain = calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000)
    assert [p.key for p in plain.payments] == ["severance_pay", "kept_month_2"]
    hired = calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000, employed_on=date(2024, 7, 22))
    assert [(p.key, p.days) for p in hired.payments] == [("severance_pay", 21), ("kept_month_2", 7)]  # 11–21 July
    early = calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000, employed_on=date(2024, 7, 1))
    assert [p.key for p in early.payments] == ["severance_pay"]  # the severance is not paid back
    with pytest.raises(InputError, match="from 0 to 1"):
        calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000, service_months=2)


def test_far_north_up_to_six_months_and_six_times_exempt() -> None:
    """ТК ст. 318: up to the 3rd month, the 4th–6th on the service's decision; НК ст. 217 п. 3: six times."""
    r = calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000, far_north=True, service_months=3)
    assert [p.key for p in r.payments] == ["severance_pay", *(f"kept_month_{k}" for k in range(2, 7))]
    assert r.exempt_limit == 6 * D("63000.00")
    assert r.taxable == r.total - r.exempt_limit
    with pytest.raises(InputError, match="from 0 to 3"):
        calc.severance_pay(date(2024, 6, 10), "redundancy", average_daily=3000, far_north=True, service_months=4)


def test_two_weeks_grounds() -> None:
    """ТК ст. 178 ч. 3: two weeks' average earnings: working days of the 14 days after dismissal."""
    r = calc.severance_pay(date(2024, 6, 10), "military_service", average_daily=3000)
    assert [(p.key, p.days, p.amount) for p in r.payments] == [("severance_pay", 9, D("27000.00"))]  # 12 June off
    assert calc.severance_pay(date(2024, 6, 10), "own_wish", average_daily=3000).payments == ()
    two_weeks = {k for k, g in calc.grounds(date(2024, 6, 10)).items() if g.pay == "two_weeks"}
    assert two_weeks == {
        "medical_transfer_refused",
        "military_service",
        "reinstatement",
        "relocation_refused",
        "unable_to_work",
        "changed_terms_refused",
    }


def test_average_from_the_billing_period() -> None:
    months = [calc.PeriodMonth(2023, m, 50_000) for m in range(1, 13)]
    r = calc.severance_pay(date(2024, 1, 15), "redundancy", months=months)
    assert r.average_daily == D("2429.15")  # 600,000 / 247 days worked (п. 9)
    counted = [calc.PeriodMonth(2023, m, 50_000, excluded_days=3 if m == 5 else 0) for m in range(1, 13)]
    with pytest.raises(InputError, match="days worked"):
        calc.severance_pay(date(2024, 1, 15), "redundancy", months=counted)


def test_unknown_ground() -> None:
    with pytest.raises(InputError, match=r"Unknown ground of dismissal 'fired'\. Allowed: liquidation, redundancy"):
        calc.severance_pay(date(2024, 6, 10), "fired", average_daily=3000)
    with pytest.raises(InputError) as e:
        calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000, unused_days=0, ground="fired")
    assert "Основание увольнения «fired» неизвестно" in e.value.message("ru")


def test_unused_leave_full_year_rules() -> None:
    """1930 Leave Rules para. 28: 11 months → the full 28 days; 5½–11 months → full for redundancy etc."""
    on = date(2024, 6, 10)
    assert calc.unused_leave_days(10, on).days == D("23.34")  # 28 / 12 × 10 rounded up
    assert calc.unused_leave_days(11, on).days == 28
    assert calc.unused_leave_days(23, on, used_days=28).days == 28  # second working year of 11 months
    assert calc.unused_leave_days(6, on, ground="redundancy").days == 28
    assert calc.unused_leave_days(6, on, ground="own_wish").days == 14
    assert calc.unused_leave_days(5, on, ground="redundancy").days == D("11.67")  # under 5½ months
    # 5½ months with the half-month rule (para. 35): 5 months 14 days count 5, 5 months 15 days count 6
    assert calc.leave_months(date(2024, 1, 1), date(2024, 6, 14)) == 5
    assert calc.leave_months(date(2024, 1, 1), date(2024, 6, 15)) == 6


def test_final_settlement_with_redundancy() -> None:
    r = calc.final_settlement(
        date(2024, 6, 10),
        60_000,
        average_daily=2000,
        months_for_leave=7,
        ground="redundancy",
        average_daily_worked=2900,
        service_months=1,
        prior_income=300_000,
    )
    assert r.unused_days == 28 and r.compensation == D("56000.00")  # para. 28: full for redundancy
    sev = r.severance.payments[0].amount
    assert sev == D("60900.00")  # 2,900 × 21
    assert r.gross == r.pay + r.compensation + sev
    assert r.ndfl == calc.ndfl(300_000 + r.pay + r.compensation, 2024) - calc.ndfl(300_000, 2024)  # severance exempt
    assert [(p.key, p.due) for p in r.payments] == [
        ("dismissal_day", date(2024, 6, 10)),
        ("kept_month_2", date(2024, 8, 11)),
        ("kept_month_3", date(2024, 9, 11)),
    ]
    assert r.payments[-1].ndfl == D("754")  # 3 × 60,900 = 182,700 exempt; 5,800 of month 3 taxed
    assert "Tax Code art. 217 para. 3" in r.explain("en")


def test_final_settlement_default_unchanged_and_own_wish() -> None:
    base = calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000, unused_days=3)
    wish = calc.final_settlement(date(2024, 6, 10), 60_000, average_daily=1000, unused_days=3, ground="own_wish")
    assert (base.gross, base.ndfl, base.net) == (wish.gross, wish.ndfl, wish.net)
    assert [p.key for p in base.payments] == ["dismissal_day"] and base.payments[0].amount == base.gross


def test_final_settlement_from_the_billing_period() -> None:
    months = [calc.PeriodMonth(2023, m, 50_000) for m in range(6, 13)] + [
        calc.PeriodMonth(2024, m, 50_000) for m in range(1, 6)
    ]
    r = calc.final_settlement(date(2024, 6, 10), 50_000, period_months=months, months_for_leave=6, ground="liquidation")
    assert r.average_daily == D("1706.48")  # 600,000 / 351.6 (п. 10)
    assert r.severance.average_daily == (
        D(600_000)
        / sum(calc.working_days(y, m) for y, m in [(2023, k) for k in range(6, 13)] + [(2024, k) for k in range(1, 6)])
    ).quantize(D("0.01"))


@given(st.integers(100_00, 50_000_00), st.booleans(), st.integers(0, 3), st.integers(0, 200))
def test_exempt_never_exceeds_the_multiple(kopecks: int, north: bool, extra: int, hired_after: int) -> None:
    avg = D(kopecks) / 100
    r = calc.severance_pay(
        date(2024, 6, 10),
        "redundancy",
        average_daily=avg,
        far_north=north,
        service_months=min(extra, 3 if north else 1),
        employed_on=date(2024, 6, 11) + (date(2024, 12, 1) - date(2024, 6, 1)) * hired_after // 200,
    )
    multiple = 6 if north else 3
    assert r.exempt <= multiple * r.average_monthly == r.exempt_limit
    assert r.exempt == min(r.total, r.exempt_limit)
    assert r.taxable == r.total - r.exempt
    assert all(p.ndfl == 0 for p in r.payments if not p.taxable)


def test_leaving_before_the_notice_ends() -> None:
    """ТК ст. 180 ч. 3: leaving before the two months' notice ends, with consent: average earnings for the
    working days left (11 May – 30 June 2024: 12 June a holiday → 34 days), paid on dismissal, within the
    НДФЛ exemption with the severance pay."""
    r = calc.severance_pay(date(2024, 5, 10), "redundancy", average_daily=3000, notice_ends=date(2024, 6, 30))
    sev, early, m2 = r.payments
    assert early.key == "notice_compensation" and early.due == date(2024, 5, 10)
    assert early.days == calc.working_days_between(date(2024, 5, 11), date(2024, 6, 30)) == 34
    assert early.amount == D("102000.00")
    assert sev.days == 21 and m2.period == (date(2024, 6, 11), date(2024, 7, 10))
    assert r.exempt == r.exempt_limit == 3 * sev.amount and r.taxable == r.total - r.exempt
    s = calc.final_settlement(
        date(2024, 5, 10),
        60_000,
        average_daily=2000,
        unused_days=0,
        ground="redundancy",
        average_daily_worked=3000,
        notice_ends=date(2024, 6, 30),
    )
    assert s.gross == s.pay + sev.amount + early.amount
    assert s.payments[0].taxable == s.pay + (sev.amount + early.amount - min(sev.amount + early.amount, r.exempt_limit))
    with pytest.raises(InputError, match="only to liquidation or redundancy"):
        calc.severance_pay(date(2024, 5, 10), "own_wish", average_daily=3000, notice_ends=date(2024, 6, 30))
    with pytest.raises(InputError, match="notice ends before"):
        calc.severance_pay(date(2024, 5, 10), "redundancy", average_daily=3000, notice_ends=date(2024, 5, 1))
