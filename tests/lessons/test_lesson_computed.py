"""Answers are computed by the engine, never typed in: change a rule of the law (or the engine's
arithmetic) and every exercise's answer must change with it."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import calc
import calc.core.explain
import calc.ru.calendar
from calc.core.rules import Parameter, rulebook
from payroll_ui.lessons.content import EXERCISE_LIST, Call, Exercise, Solution

D = Decimal
SENIORITY = importlib.import_module("calc.ru.long_service")


def _scaled(value: Any, factor: Decimal) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | Decimal):
        return D(value) * factor
    if isinstance(value, list):
        return [_scaled(v, factor) for v in value]
    if isinstance(value, dict):
        return {k: _scaled(v, factor) for k, v in value.items()}
    return value


def _books() -> list[Any]:
    """The cached rule books (``rulebook()`` and ``rulebook("ru")`` are cached separately)."""
    books = []
    for rb in (rulebook(), rulebook("ru")):
        if all(rb is not b for b in books):
            books.append(rb)
    return books


def _patch_param(mp: pytest.MonkeyPatch, name: str, change: Callable[[Any], Any]) -> None:
    for rb in _books():
        p = rb.params[name]
        values = tuple(dataclasses.replace(v, value=change(v.value)) for v in p.values)
        mp.setitem(rb.params, name, Parameter(p.name, p.label, p.unit, values))


def _ndfl(mp: pytest.MonkeyPatch) -> None:
    _patch_param(mp, "ndfl.resident_scale", lambda scale: [[start, D(rate) + D("0.01")] for start, rate in scale])


def _caps(mp: pytest.MonkeyPatch) -> None:
    for name in ("contributions.cap_single", "contributions.cap_pension", "contributions.cap_social"):
        if name in rulebook().params:
            _patch_param(mp, name, lambda v: None if v is None else D(v) * D("0.9"))


def _rates(value: Any) -> Any:
    """Every contribution rate in a tariff a tenth higher."""
    if isinstance(value, dict):
        return {k: (D(v) * D("1.1") if k in ("rate", "above_cap") else _rates(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_rates(v) for v in value]
    return value


def _contribution_rates(mp: pytest.MonkeyPatch) -> None:
    for name in ("contributions.general", "contributions.sme"):
        _patch_param(mp, name, _rates)


def _deductions(mp: pytest.MonkeyPatch) -> None:
    _patch_param(mp, "deductions.child", lambda v: _scaled(v, D("0.8")))


def _formulas(mp: pytest.MonkeyPatch) -> None:
    """Every formula the engine evaluates comes out a tenth of a percent higher."""
    original = calc.core.explain.evaluate_exact
    mp.setattr(calc.core.explain, "evaluate_exact", lambda f, values: original(f, values) * Fraction(1001, 1000))
    mp.setattr(calc.core.explain, "_evaluate_decimal", lambda f, values: None)  # no exact-Decimal shortcut past it


def _service(mp: pytest.MonkeyPatch) -> None:
    """Every period of service counts one month more."""
    service = importlib.import_module("calc.ru.service")
    original = service._span
    mp.setattr(service, "_span", lambda start, end: original(start, end) + calc.ServiceLength(0, 1, 0))


def _calendar(mp: pytest.MonkeyPatch) -> None:
    """The first working day of every month becomes a day off."""
    original = calc.ru.calendar._year

    def year(country: str, y: int) -> dict[date, calc.Day]:
        days = dict(original(country, y))
        seen: set[int] = set()
        for d in sorted(days):
            if days[d].working and d.month not in seen:
                seen.add(d.month)
                days[d] = calc.Day(d, "day_off", 0)
        return days

    mp.setattr(calc.ru.calendar, "_year", year)


def _scales(mp: pytest.MonkeyPatch) -> None:
    """Every built-in seniority rate a tenth higher (15 % becomes 16.5 %)."""

    def bump(s: calc.Scale) -> calc.Scale:
        if isinstance(s, calc.StepScale):
            return dataclasses.replace(s, steps=tuple((y, r * D("1.1")) for y, r in s.steps))
        return dataclasses.replace(s, start_rate=s.start_rate * D("1.1"))  # type: ignore[call-arg]

    bumped = {k: bump(v) for k, v in SENIORITY.SCALES.items()}
    mp.setattr(SENIORITY, "SCALES", bumped)


MUTATIONS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "income tax rate": _ndfl,
    "contribution caps": _caps,
    "contribution rates": _contribution_rates,
    "child deductions": _deductions,
    "engine arithmetic": _formulas,
    "production calendar": _calendar,
    "seniority scales": _scales,
    "service counting": _service,
}


@contextmanager
def mutated(name: str) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        MUTATIONS[name](mp)
        yield


def answer_or_error(ex: Exercise) -> Decimal | str:
    try:
        return ex.answer()
    except Exception as e:  # a mutated rule may make an input invalid: that too shows a dependency
        return f"error: {type(e).__name__}"


def sensitive_to(ex: Exercise) -> list[str]:
    base = ex.answer()
    changed = []
    for name in MUTATIONS:
        with mutated(name):
            if answer_or_error(ex) != base:
                changed.append(name)
    return changed


@pytest.mark.parametrize("ex", EXERCISE_LIST, ids=lambda e: e.id)
def test_every_answer_follows_the_engine(ex: Exercise) -> None:
    base = ex.answer()
    assert sensitive_to(ex), f"{ex.id}: no change of the rules changes its answer — is it typed in?"
    assert ex.answer() == base  # the patches were undone


def test_a_typed_in_answer_would_be_caught() -> None:
    """The check above is not vacuous: an exercise whose answer is a literal passes no mutation."""
    typed = Exercise(
        "L1.99",
        calc.core.text.T("?", "?"),
        lambda: Solution(D("22500.00"), lambda lang: "typed in"),
        "rub",
        calc.core.text.T("", ""),
    )
    assert sensitive_to(typed) == []


def test_the_mutations_touch_what_they_claim() -> None:
    with mutated("income tax rate"):
        assert calc.ndfl(100000, 2018) == 14000
    with mutated("contribution caps"):
        assert calc.rulebook().value("contributions.cap_single", date(2011, 1, 1)) == D("416700.0")
    with mutated("contribution rates"):
        assert calc.employer_cost(30000, 2026).contributions == D("9900.00")
    with mutated("production calendar"):
        assert calc.working_days(2017, 5) == 19
    with mutated("seniority scales"):
        assert calc.seniority(10000, 7, "civil_service").rate == D("0.165")
    with mutated("service counting"):
        assert calc.service_since(date(2020, 1, 1), date(2025, 1, 1)).months == 1
    with mutated("engine arithmetic"):
        assert calc.salary_for_days(45000, 10, 20).amount == D("22522.50")
    assert calc.ndfl(100000, 2018) == 13000 and calc.working_days(2017, 5) == 20


@pytest.mark.parametrize("ex", EXERCISE_LIST, ids=lambda e: e.id)
def test_answers_are_exact_decimals_from_a_calculator_call(ex: Exercise) -> None:
    sol = ex.solution()
    assert isinstance(sol.value, Decimal)
    assert sol.explain("ru") and sol.explain("en")
    if isinstance(ex.solve, Call):
        assert ex.how().startswith(("calc.", "payroll_ui.lessons."))


@pytest.mark.parametrize("ex", [e for e in EXERCISE_LIST if e.traps], ids=lambda e: e.id)
def test_every_known_mistake_differs_from_the_answer(ex: Exercise) -> None:
    for trap in ex.traps:
        assert abs(trap.figure() - ex.answer()) > ex.tol, (ex.id, trap.figure())
        assert ex.check(str(trap.figure()), "en").status == "trap"


def test_the_seed_figures_the_lessons_criticise() -> None:
    """The engine's figures for the seed examples named in the issue."""
    from payroll_ui.lessons.content import LVOV_PAY, get, lvov_settlement

    assert get("L1.1").answer() == D("29250.00")  # 45 000 / 20 working days of May 2017 × 13
    # the lesson's worked examples (the seed's own figures, corrected)
    assert calc.advance(75000, 2018, 10, basis="net", days_worked=10, days_in_month=22).gross == D("29659.09")
    assert calc.advance(75000, 2018, 10, basis="net").gross == D("31206.52")
    assert lvov_settlement().gross == D("13652.12") and lvov_settlement().net == D("11877.12")
    assert LVOV_PAY["night_hours"] == 16
    assert calc.employer_cost(30000, 2011).total_cost == D("40260.00")
    # the exercises on new inputs (transfer), checked by hand
    assert get("L3.1").answer() == D("25309.09")  # 64 000 × 0.87 / 22 × 10
    assert get("L3.2").answer() == D("26514.29")  # November 2018: 21 working days, 10 of them on 1–15 November
    assert get("L4.1").answer() == D("49.40") and get("L4.2").answer() == D("50.48")
    assert get("L6.1").answer() == D("55693.00") and get("L6.2").answer() == 8  # 41 500 × 1.342
    assert get("L4.6").answer() == D("3780.00")  # Q2 2017: 552 h against a norm of 488 h → 64 h: 60 × (2 × ½ + 62)
    assert get("L7.1").answer() == D("537.22")  # 9 200 × 12 / 1 973 h = 55.96; × 24 × 40 %
    assert get("L7.2").answer() == D("14154.49") and get("L7.3").answer() == D("12314.49")


def test_the_watchman_holiday_hours_are_not_overtime() -> None:
    from payroll_ui.lessons.content import quarter_overtime

    assert quarter_overtime().value == D("4850.00")
    assert quarter_overtime(48).value == D("2450.00")  # two January shifts on public holidays: 50 h of overtime
