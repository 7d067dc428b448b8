"""Exercises test transfer (issue 15): an exercise's expected answer appears neither in the lesson's text
(Markdown, the stored figures of the worked examples) nor in the opening state of a "try it" calculator, so a
trainee applies the method to new inputs instead of looking the figure up.

Checked: every answer in rubles of 100 ₽ or more (with and without its kopecks when they are zero) and every
date, as the lesson's language writes them. Small counts (days, years, a percentage) are left out: "20" or
"3 years" occur in any text about pay."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from calc.core.text import tr
from payroll_ui.lessons.answers import format_answer
from payroll_ui.lessons.content import Exercise, exercises_for
from payroll_ui.lessons.exercises import TRY_ITS
from tests.lessons.test_lesson_notebooks import ALL_CASES, ALL_IDS, SOURCES, build, notebook

SPACES = re.compile(r"[\u00a0\u202f\u2009 ]+")
TRY_CALL = re.compile(r'try_it\("(\w+)", LANG\)')
CASES, IDS = ALL_CASES, ALL_IDS  # both series (Vietnam's: vi and en, answers in đồng)


def plain(text: str) -> str:
    return SPACES.sub(" ", text)


def needles(ex: Exercise, lang: str) -> list[str]:
    """How the answer would be written in the lesson: "22 500,00" and "22 500 ₽" (ru), "22,500.00" (en)."""
    value = ex.answer()
    if ex.unit == "date":
        return [plain(format_answer(value, "date", lang))]
    if ex.unit == "vnd":  # đồng: "1.533.000" (vi), "1,533,000" (en); small sums are left out as for rubles
        return [plain(format_answer(value, "vnd", lang)).replace("₫", "").strip()] if abs(value) >= 1000 else []
    if ex.unit != "rub" or abs(value) < 100:
        return []
    shown = plain(format_answer(value, "rub", lang)).replace("₽", "").strip()
    out = [shown]
    if value == value.to_integral_value():
        out.append(shown[:-3])  # "22 500" without ",00"
    return out


def found(needle: str, text: str) -> bool:
    """The figure as a whole number (not a part of a longer one)."""
    return re.search(rf"(?<![\d.,]){re.escape(needle)}(?![\d]|[.,]\d)", text) is not None


def lesson_text(nb: Any) -> str:
    """What a trainee reads: every Markdown cell and every stored output, but the exercises' own questions (an
    exercise may quote a figure to check, or ask what a full month pays on a stated basic salary)."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "exercise" not in cell.metadata.get("tags", []):
            parts.append(cell.source)
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            parts.append(str(data.get("text/html", "")) + str(data.get("text/markdown", "")))
    return plain("\n".join(parts))


def opening_states(nb: Any, lang: str) -> dict[str, str]:
    """Each try-it calculator of the lesson as it opens: its inputs and its first result."""
    out = {}
    for cell in nb.cells:
        for name in TRY_CALL.findall(cell.source if cell.cell_type == "code" else ""):
            box = TRY_ITS[name](lang)
            values = " | ".join(str(v) for v in box.values().values())
            out[name] = plain(f"{values}\n{box.result.value}")
    return out


@pytest.mark.parametrize(("src", "lang"), CASES, ids=IDS)
def test_no_answer_is_printed_in_the_lesson_or_opens_in_a_calculator(src: dict[str, Any], lang: str) -> None:
    nb = notebook(src, lang)
    text = lesson_text(nb)
    states = opening_states(nb, lang)
    leaks = []
    for ex in build.lesson_exercises(src):
        question = plain(tr(ex.question, lang))
        shown = needles(ex, lang)
        if any(found(n, question) for n in shown):
            continue  # the question itself states the figure (an input, or the article's claim to check)
        for needle in shown:
            if found(needle, text):
                leaks.append(f"{ex.id}: {needle} is in the lesson's text")
            leaks += [f"{ex.id}: {needle} opens in try-it {name}" for name, state in states.items()
                      if found(needle, state)]
    assert not leaks, "\n".join(leaks)


def test_the_check_finds_a_printed_answer() -> None:
    """Control: an answer printed in the text is found, in either language's way of writing it."""
    ex = next(e for e in exercises_for(1) if e.unit == "rub")
    for lang in ("ru", "en"):
        (shown, *_rest) = needles(ex, lang)
        assert found(shown, f"Due: {shown} ₽.")
        assert not found(shown, f"Due: 1{shown}9 ₽.")
    assert needles(ex, "ru")[0] != needles(ex, "en")[0] or ex.answer() < Decimal(1000)

