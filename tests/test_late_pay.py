"""Late-pay compensation (ТК РФ ст. 236): published examples, a rate change inside a delay, the change of
rule on 03.10.2016, partial payments, the data's last known day, errors, and invariants."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError, OutOfRangeError

D = Decimal
Debt, Payment = calc.Debt, calc.Payment


def test_published_example_50000_ten_days() -> None:
    """moshoztros.ru, "Как рассчитать компенсацию за задержку зарплаты": 50 000 × 7.5 % / 150 × 10 = 250 ₽.
    7.5 % was the key rate from 19.09.2022 to 23.07.2023."""
    r = calc.late_pay_compensation([Debt(50000, date(2022, 10, 5))], [Payment(date(2022, 10, 15), 50000)])
    assert [p.days for p in r.periods] == [10]
    assert r.total == D("250.00")


def test_published_example_45000_fourteen_days() -> None:
    """foureyers.ru: 45 000 × (0.075 / 150) × 14 = 315 ₽."""
    r = calc.late_pay_compensation([Debt(45000, date(2023, 1, 10))], [Payment(date(2023, 1, 24), 45000)])
    assert r.total == D("315.00")


def test_key_rate_changes_inside_the_delay() -> None:
    """Due 20.07.2023, paid 20.08.2023: 3 days at 7.5 %, 22 at 8.5 % (from 24.07), 6 at 12 % (from 15.08)."""
    r = calc.late_pay_compensation([Debt(100000, date(2023, 7, 20))], [Payment(date(2023, 8, 20), 100000)])
    rows = [(p.start, p.days, p.rate, p.amount) for p in r.periods]
    assert rows == [
        (date(2023, 7, 21), 3, D("0.075"), D("150.00")),
        (date(2023, 7, 24), 22, D("0.085"), D("1246.67")),  # 1 246.666… per period, rounded
        (date(2023, 8, 15), 6, D("0.12"), D("480.00")),
    ]
    assert r.total == D("1876.67")
    assert [p.verify for p in r.periods] == [True, False, False]  # 7.5 % from 19.09.2022 not confirmed in the data


def test_delay_across_3_october_2016() -> None:
    """1/300 of the refinancing rate (= key rate from 2016) up to 02.10.2016, 1/150 of the key rate from 03.10.2016."""
    r = calc.late_pay_compensation([Debt(50000, date(2016, 9, 10), ndfl=6500)], [Payment(date(2016, 10, 20), 43500)])
    assert [(p.days, p.rate, p.denominator, p.amount) for p in r.periods] == [
        (8, D("0.105"), 300, D("121.80")),
        (14, D("0.1"), 300, D("203.00")),
        (18, D("0.1"), 150, D("522.00")),
    ]
    assert r.total == D("846.80")


def test_refinancing_rate_before_2016() -> None:
    """2012: 1/300 of the refinancing rate 8 % (8.25 % from 14.09.2012): 30 000 × 8 % × 10 / 300 = 80."""
    r = calc.late_pay_compensation([Debt(30000, date(2012, 9, 3))], [Payment(date(2012, 9, 13), 30000)])
    assert r.total == D("80.00") and r.periods[0].denominator == 300


def test_base_after_ndfl_by_default_and_gross_on_request() -> None:
    debt = [Debt(10000, date(2023, 1, 10), ndfl=1300)]
    paid = [Payment(date(2023, 1, 25), 8700)]
    net = calc.late_pay_compensation(debt, paid)
    gross = calc.late_pay_compensation(debt, [Payment(date(2023, 1, 25), 10000)], base="gross")
    assert net.total == D("65.25")  # 8 700 × 7.5 % × 15 / 150
    assert gross.total == D("75.00")


def test_part_payment_and_oldest_first() -> None:
    """Two debts; a part payment goes to the older one first, the rest is computed up to the given day."""
    debts = [Debt(20000, date(2023, 2, 10), "advance"), Debt(30000, date(2023, 1, 25), "wage")]
    r = calc.late_pay_compensation(debts, [Payment(date(2023, 2, 20), 40000)], until=date(2023, 3, 1))
    by = [(p.debt, p.start, p.end, p.base) for p in r.periods]
    assert by == [
        (0, date(2023, 2, 11), date(2023, 2, 20), D("20000.00")),
        (0, date(2023, 2, 21), date(2023, 3, 1), D("10000.00")),
        (1, date(2023, 1, 26), date(2023, 2, 20), D("30000.00")),
    ]
    assert r.unpaid == D("10000.00")


def test_payment_named_for_a_debt() -> None:
    debts = [Debt(1000, date(2023, 1, 10)), Debt(1000, date(2023, 1, 20), "leave_pay")]
    r = calc.late_pay_compensation(debts, [Payment(date(2023, 1, 30), 1000, debt=1), Payment(date(2023, 2, 9), 1000)])
    assert [(p.debt, p.days) for p in r.periods] == [(0, 30), (1, 10)]


def test_higher_share_by_collective_agreement() -> None:
    r = calc.late_pay_compensation(
        [Debt(50000, date(2022, 10, 5))], [Payment(date(2022, 10, 15), 50000)], denominator=100
    )
    assert r.total == D("375.00")


def test_beyond_the_known_rates_is_flagged() -> None:
    r = calc.late_pay_compensation([Debt(30000, date(2026, 3, 1))], until=date(2026, 4, 30))
    assert r.verify and r.periods[-1].start == date(2026, 3, 23) and r.periods[-1].verify
    assert "⚠" in r.explain("ru")


def test_own_rate_periods_override_the_data() -> None:
    own = [calc.RatePeriod(date(2026, 3, 23), "0.15")]
    r = calc.late_pay_compensation([Debt(30000, date(2026, 3, 22))], until=date(2026, 4, 1), rates=own)
    assert r.periods[-1].rate == D("0.15") and r.total == D("300.00")  # 30 000 × 15 % × 10 / 150


@pytest.mark.parametrize(
    ("debts", "payments", "kw", "field"),
    [
        ([Debt(1000, date(2023, 1, 10))], [Payment(date(2023, 1, 5), 1000)], {}, "payments"),
        ([Debt(-5, date(2023, 1, 10))], [], {"until": date(2023, 2, 1)}, "amount"),
        ([Debt(1000, date(2023, 1, 10), "bonus")], [], {"until": date(2023, 2, 1)}, "kind"),
        ([Debt(1000, date(2023, 1, 10))], [Payment(date(2023, 1, 20), 2000)], {}, "payments"),
        ([Debt(1000, date(2023, 1, 10))], [], {}, "until"),
        ([Debt(1000, date(2023, 1, 10))], [], {"until": date(2023, 2, 1), "denominator": 300}, "denominator"),
        ([Debt(1000, date(2023, 1, 10))], [], {"until": date(2023, 2, 1), "base": "half"}, "base"),
        ([Debt(1000, date(2023, 1, 10), ndfl=1000)], [], {"until": date(2023, 2, 1)}, "ndfl"),
        ([Debt(1000, date(2023, 1, 10))], [(date(2023, 1, 20), 1000)], {}, "payments"),
        ([Debt(1000, date(2023, 1, 10))], [Payment("2023-01-20", 1000)], {}, "payments"),
        ([Debt(1000, "2023-01-10")], [], {"until": date(2023, 2, 1)}, "due"),
        ([Debt(1000, date(2023, 1, 10))], [], {"until": date(2023, 2, 1), "rates": [(date(2023, 1, 1), 0.1)]}, "rates"),
    ],
)
def test_bad_input(debts, payments, kw, field) -> None:
    with pytest.raises(InputError) as e:
        calc.late_pay_compensation(debts, payments, **kw)
    assert e.value.field == field and e.value.ru and e.value.en


def test_dates_outside_the_data() -> None:
    with pytest.raises(OutOfRangeError):
        calc.late_pay_compensation([Debt(1000, date(2010, 12, 1))], until=date(2011, 2, 1))


@settings(max_examples=60, deadline=None)
@given(
    amt=st.integers(1, 1_000_000),
    start=st.dates(date(2011, 1, 1), date(2025, 12, 1)),
    days=st.integers(1, 300),
    more=st.integers(1, 60),
)
def test_compensation_rises_with_days(amt: int, start: date, days: int, more: int) -> None:
    a = calc.late_pay_compensation([Debt(amt, start)], until=start + timedelta(days=days))
    b = calc.late_pay_compensation([Debt(amt, start)], until=start + timedelta(days=days + more))
    assert b.total >= a.total >= 0
    assert sum(p.days for p in a.periods) == days


@settings(max_examples=40, deadline=None)
@given(amt=st.integers(100, 1_000_000), r1=st.integers(1, 300), extra=st.integers(1, 300), days=st.integers(1, 200))
def test_compensation_rises_with_rate(amt: int, r1: int, extra: int, days: int) -> None:
    due = date(2024, 1, 10)

    def total(bp: int) -> Decimal:
        own = [calc.RatePeriod(date(2024, 1, 1), D(bp) / 10000)]
        return calc.late_pay_compensation([Debt(amt, due)], until=due + timedelta(days=days), rates=own).total

    assert total(r1 + extra) >= total(r1)
