"""Public-sector seniority allowances by scale (calc.vn.seniority_allowance), worked by hand from the rules
of the sources (docs/vietnam.md): teachers 5 % after 5 full years + 1 % a further year (Decree 77/2021 art. 4),
beyond-frame A0–A3 5 % after 3 years + 1 % (Decree 204/2004 art. 6), the salary = coefficient × base salary."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc.vn as vn
from calc.core.errors import InputError


@pytest.mark.parametrize(("scale", "years", "rate"), [
    ("teachers", 4, "0"), ("teachers", 5, "0.05"), ("teachers", 6, "0.06"), ("teachers", 12, "0.12"),
    ("armed_forces", 5, "0.05"), ("armed_forces", 20, "0.20"),
    ("beyond_frame", 2, "0"), ("beyond_frame", 3, "0.05"), ("beyond_frame", 4, "0.06"),
])
def test_rates_by_scale(scale: str, years: int, rate: str) -> None:
    assert vn.seniority_allowance(scale, years, 3, 2025, 6).rate == Decimal(rate)


def test_a_teacher_in_august_2026() -> None:
    # coefficient 4.98 × base salary 2 530 000 ₫ (from 1 Jul 2026) = 12 599 400 ₫; 12 full years: 5 % + 7 × 1 %
    # = 12 %; 12 599 400 × 12 % = 1 511 928 ₫. In June 2026 (base salary 2 340 000 ₫): 11 653 200 × 12 % = 1 398 384 ₫.
    r = vn.seniority_allowance("teachers", 12, "4.98", 2026, 8)
    assert (r.salary, r.allowance, r.next_rise_after) == (Decimal(12_599_400), Decimal(1_511_928), 13)
    assert vn.seniority_allowance("teachers", 12, "4.98", 2026, 6).allowance == Decimal(1_398_384)
    assert "Điều 4" in r.explain("vi") and "art. 4" in r.explain("en") and "⚠" in r.explain("en")
    assert vn.seniority_allowance("teachers", 2, 4, 2026).next_rise_after == 5


@given(st.sampled_from(vn.allowances.SCALES), st.integers(min_value=0, max_value=59),
       st.decimals(min_value=1, max_value=10, places=2))
def test_one_more_year_never_lowers_it(scale: str, years: int, k: Decimal) -> None:
    a = vn.seniority_allowance(scale, years, k, 2026, 3)
    b = vn.seniority_allowance(scale, years + 1, k, 2026, 3)
    assert b.rate >= a.rate and b.allowance >= a.allowance and a.allowance <= a.salary


@pytest.mark.parametrize(("args", "field"), [(("police", 5, 3), "scale"), (("teachers", -1, 3), "years"),
                                             (("teachers", "5.5", 3), "years"), (("teachers", 5, "ba"), "coefficient"),
                                             (("teachers", 5, 31), "coefficient")])
def test_bad_input(args: tuple, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError) as e:
        vn.seniority_allowance(*args, 2026)
    assert e.value.field == field and e.value.message("vi") != e.value.message("en")
