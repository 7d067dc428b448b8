"""The self-study quiz (issue 15): driven from Python — choose an option, press *Check*, read the feedback in the
page's language; the options are the engine's figures."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest

import calc
from calc.core.text import money, tr
from payroll_ui.lessons.quiz import QUIZZES, quiz
from tests.lessons.test_lesson_notebooks import SOURCES, notebook


@pytest.mark.parametrize("lesson", sorted(QUIZZES))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_right_and_wrong_answers_get_feedback_in_the_page_language(lang: str, lesson: int) -> None:
    w = quiz(lesson, lang)
    assert 3 <= len(w.questions) <= 5
    for q, radio in zip(w.questions, w.choices, strict=True):
        assert radio.value is None  # nothing chosen on opening
        radio.index = q.right
    w.check_button.click()
    assert all(("Верно" if lang == "ru" else "Right") in box.value for box in w.feedback)
    assert all(tr(q.why, lang) in html.unescape(box.value) for q, box in zip(w.questions, w.feedback, strict=True))
    w.choices[0].index = (w.questions[0].right + 1) % len(w.questions[0].options)
    w.choices[1].index = None
    assert w.check() == len(w.questions) - 2  # one wrong, one unanswered
    assert ("Неверно" if lang == "ru" else "Not quite") in w.feedback[0].value
    assert ("Выберите" if lang == "ru" else "Choose") in w.feedback[1].value
    assert ("из" if lang == "ru" else "of") in w.score.value


def test_the_options_are_the_engine_figures() -> None:
    q = QUIZZES[1][0]
    right = calc.salary_for_month(52000, 2026, 3, days_worked=12).amount
    assert q.options[q.right]("ru") == money(right, "ru")
    assert right == (Decimal(52000) / calc.working_days(2026, 3) * 12).quantize(Decimal("0.01"))
    for questions in QUIZZES.values():
        for q in questions:
            for lang in ("ru", "en"):
                assert len({opt(lang) for opt in q.options}) == len(q.options)
                assert tr(q.text, lang) and tr(q.why, lang)


def test_every_lesson_with_a_quiz_shows_it_at_the_end() -> None:
    for src in SOURCES:
        if src["lesson"] not in QUIZZES:
            continue
        for lang in ("ru", "en"):
            cells = notebook(src, lang).cells
            at = [i for i, c in enumerate(cells) if "quiz(" in c.source]
            last_exercise = max(i for i, c in enumerate(cells) if "exercise(" in c.source)
            assert len(at) == 1 and at[0] > last_exercise
