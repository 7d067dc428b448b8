"""A short self-study quiz at the end of a lesson (issue 15): multiple-choice questions as ipywidgets
(RadioButtons and a *Check* button), the feedback in the page's language, so it works on a Voilà page without code.

Each question's options are computed by ``calc`` (the right answer and the known mistakes), never typed; each has
a one-sentence *why* in both languages. ``quiz(lesson, lang)`` builds the widget; ``QUIZZES`` holds the questions.
Only lesson 1 has a quiz so far (the rest: to do)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

import calc
from calc.core.text import T, Text, money, tr


@dataclass(frozen=True)
class Question:
    """One question: its text, the options (a callable giving each option's text in a language), which one is
    right, and why."""

    text: Text
    options: tuple[Callable[[str], str], ...]
    right: int
    why: Text


def _rub(fn: Callable[[], Any]) -> Callable[[str], str]:
    return lambda lang: money(fn(), lang)


def _words(text: Text) -> Callable[[str], str]:
    return lambda lang: tr(text, lang)


QUIZZES: dict[int, tuple[Question, ...]] = {
    1: (
        Question(
            T("Оклад 52 000 ₽; в марте 2026 года работник отработал 12 рабочих дней из положенных по календарю. "
              "Сколько ему начислят по окладу?",
              "Basic salary 52,000 ₽; in March 2026 the worker worked 12 of the month's working days. What is due "
              "for the time worked?"),
            (
                _rub(lambda: calc.salary_for_days(52000, 12, 31).amount),
                _rub(lambda: calc.salary_for_month(52000, 2026, 3, days_worked=12).amount),
                _rub(lambda: 52000),
            ),
            1,
            T("Оклад делят на рабочие дни месяца по производственному календарю и умножают на отработанные "
              "(ТК РФ ст. 129), а не на календарные дни.",
              "The basic salary is divided by the month's working days in the production calendar and multiplied by "
              "the days worked (Labour Code art. 129), not by calendar days."),
        ),
        Question(
            T("Что служит нормой дней месяца при пятидневной неделе?",
              "What is the month's norm of days for a five-day week?"),
            (
                _words(T("Календарные дни месяца", "The month's calendar days")),
                _words(T("Всегда 30 дней", "Always 30 days")),
                _words(T("Рабочие дни по производственному календарю", "The working days in the production calendar")),
            ),
            2,
            T("Норма — рабочие дни месяца по производственному календарю: в каждом месяце их своё число.",
              "The norm is the month's working days in the production calendar: each month has its own number."),
        ),
        Question(
            T("Оклад 52 000 ₽, апрель 2026 года отработан полностью, вычетов нет. Сколько работник получит на руки "
              "после НДФЛ?",
              "Basic salary 52,000 ₽, the whole of April 2026 worked, no deductions. How much does the worker "
              "receive after income tax?"),
            (
                _rub(lambda: calc.payslip(52000, 2026, 4).net),
                _rub(lambda: 52000),
                _rub(lambda: calc.payslip(52000, 2026, 4).net - calc.payslip(52000, 2026, 4).ndfl),
            ),
            0,
            T("На руки — начисленное за вычетом НДФЛ 13 %, округлённого до рубля; работодатель удерживает его сам.",
              "Net is the gross less income tax of 13%, rounded to the ruble; the employer withholds it."),
        ),
    ),
}

WORDS = {
    "title": T("Проверьте себя", "Check yourself"),
    "check": T("Проверить", "Check"),
    "right": T("Верно.", "Right."),
    "wrong": T("Неверно.", "Not quite."),
    "empty": T("Выберите ответ.", "Choose an answer."),
    "score": T("Верных ответов: {} из {}.", "Right answers: {} of {}."),
}


class QuizWidget(widgets.VBox):
    """The lesson's quiz: a RadioButtons group per question, one *Check* button, feedback under each."""

    def __init__(self, lesson: int, lang: str = "ru") -> None:
        self.lesson, self.lang = lesson, lang
        self.questions = QUIZZES[lesson]
        self.choices: list[widgets.RadioButtons] = []
        self.feedback: list[widgets.HTML] = []
        rows: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(tr(WORDS['title'], lang))}</h3>")]
        for i, q in enumerate(self.questions, 1):
            radio = widgets.RadioButtons(options=[opt(lang) for opt in q.options], value=None,
                                         layout=widgets.Layout(width="auto"))
            self.choices.append(radio)
            self.feedback.append(widgets.HTML())
            rows += [widgets.HTML(f"<b>{i}.</b> {html.escape(tr(q.text, lang))}"), radio, self.feedback[-1]]
        self.check_button = widgets.Button(description=tr(WORDS["check"], lang), button_style="primary", icon="check")
        self.score = widgets.HTML()
        self.check_button.on_click(lambda _b: self.check())
        super().__init__([*rows, self.check_button, self.score])
        self.add_class("lesson-quiz")

    def check(self) -> int:
        """Judge every answered question; return the number right."""
        lang, right = self.lang, 0
        for q, radio, box in zip(self.questions, self.choices, self.feedback, strict=True):
            if radio.index is None:
                box.value = f"<div style='color:#555'>… {html.escape(tr(WORDS['empty'], lang))}</div>"
                continue
            ok = radio.index == q.right
            right += ok
            word, colour, mark = (WORDS["right"], "#1b7a2e", "✔") if ok else (WORDS["wrong"], "#b3261e", "✘")
            box.value = (f"<div style='color:{colour}'><b>{mark} {html.escape(tr(word, lang))}</b> "
                         f"{html.escape(tr(q.why, lang))}</div>")
        self.score.value = f"<b>{html.escape(tr(WORDS['score'], lang).format(right, len(self.questions)))}</b>"
        return right


def quiz(lesson: int, lang: str = "ru") -> QuizWidget:
    """The quiz at the end of lesson ``lesson`` in ``lang``."""
    return QuizWidget(lesson, lang)
