"""The Vietnamese lessons 3–5: their try-its open on neutral values, refuse bad input, and compute an
exercise's answer when given its inputs; the exercises' answers come from calc.vn (issue 16, part B)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc.vn
from payroll_ui.lessons.answers import format_answer
from payroll_ui.lessons.content import exercises_for, get
from payroll_ui.lessons.exercises import TRY_ITS

OWN = {"vn_employer": "gross", "vn_overtime": "hourly", "vn_reveal": "net"}
ANSWERS = [e for n in (3, 4, 5) for e in exercises_for(n, "vn")]


@pytest.mark.parametrize("name", list(OWN))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_try_its_open_on_neutral_values_and_refuse_bad_input(name: str, lang: str) -> None:
    box = TRY_ITS[name](lang)
    assert box.ok and "₫" in box.result.value
    for ex in ANSWERS:  # no exercise's answer on opening
        assert format_answer(ex.answer(), "vnd", lang) not in box.result.value, ex.id
    box.inputs[OWN[name]].value = "mười triệu"
    assert not box.ok and box.error


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_try_its_compute_the_exercises(lang: str) -> None:
    emp = TRY_ITS["vn_employer"](lang)
    for key, value in {"gross": "11 800 000", "region": "III", "year": 2026, "month": 4}.items():
        emp.inputs[key].value = value
    assert format_answer(get("V3.1").answer(), "vnd", lang) in emp.result.value
    for key, value in {"gross": "7 500 000", "rise": "700 000", "workers": 25, "region": "II", "month": 7}.items():
        emp.inputs[key].value = value
    assert format_answer(get("V3.3").answer(), "vnd", lang) in emp.result.value
    ot = TRY_ITS["vn_overtime"](lang)
    for key, value in {"hourly": "42 000", "hours": 6, "day": "weekly_rest", "month": 3}.items():
        ot.inputs[key].value = value
    assert format_answer(get("V4.1").answer(), "vnd", lang) in ot.result.value
    reveal = TRY_ITS["vn_reveal"](lang)
    for key, value in {"net": "18 000 000", "region": "I", "month": 3}.items():
        reveal.inputs[key].value = value
    assert format_answer(get("V5.3").answer(), "vnd", lang) in reveal.result.value


def test_the_answers_follow_the_law_as_written() -> None:
    """Hand-checkable rates: 21.5 % employer's share under the ceilings; 200 % on the weekly rest day;
    night 130 %; 30 % deduction limit; the gross of V5.3 gives back its net."""
    assert get("V3.1").answer() == Decimal(11800000) * Decimal("0.215")
    assert get("V4.1").answer() == 42000 * 2 * 6
    assert get("V4.2").answer() == Decimal(35000) * Decimal("1.3") * 160
    assert get("V4.3").answer() == 50000 * 3 * 3
    assert get("V4.4").answer() == Decimal(9450000) * Decimal("0.3")
    gross = get("V5.3").answer()
    assert calc.vn.monthly(gross=gross, year=2026, month=3, region="I").net == 18000000
    one = (calc.vn.monthly(gross=8200000, year=2026, month=7, region="II").total_cost
           - calc.vn.monthly(gross=7500000, year=2026, month=7, region="II").total_cost)
    assert get("V3.3").answer() == 25 * one > 25 * 700000
