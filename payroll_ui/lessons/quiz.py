"""A short self-study quiz at the end of a lesson (issue 15): multiple-choice questions as ipywidgets
(RadioButtons and a *Check* button), the feedback in the page's language, so it works on a Voilà page without code.

Each question's options are computed by ``calc`` (the right answer and the known mistakes), never typed; each has
a one-sentence *why* in both languages. ``quiz(lesson, lang)`` builds the widget; ``QUIZZES`` holds the questions.
Lessons 1, 3 and 6 have a quiz so far (the rest: to do)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
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
    3: (
        Question(
            T("Оклад 58 000 ₽, аванс за апрель 2025 года — 40 % оклада; с 2023 года НДФЛ удерживают и с аванса. "
              "Сколько работник получит в день аванса?",
              "Basic salary 58,000 ₽; the advance for April 2025 is 40% of the salary, and since 2023 income tax is "
              "withheld from the advance too. How much does the worker receive on the advance day?"),
            (
                _rub(lambda: calc.advance(58000, 2025, 4, method="percent", percent="0.40").gross),
                _rub(lambda: calc.advance(58000, 2025, 4, method="percent", percent="0.40").paid),
                _rub(lambda: 58000 * Decimal("0.40") * Decimal("0.87") * 2),
            ),
            1,
            T("Аванс — 40 % оклада, из него удерживают 13 % НДФЛ, округлённого до рубля.",
              "The advance is 40% of the salary, less 13% income tax rounded to the ruble."),
        ),
        Question(
            T("Как часто, по ТК РФ ст. 136, работодатель обязан платить зарплату?",
              "How often must the employer pay wages under Labour Code art. 136?"),
            (
                _words(T("Раз в месяц", "Once a month")),
                _words(T("Как решит работодатель", "As the employer decides")),
                _words(T("Не реже чем каждые полмесяца", "At least every half month")),
            ),
            2,
            T("Статья 136 требует платить не реже чем каждые полмесяца, поэтому аванс обязателен.",
              "Article 136 requires pay at least every half month, so an advance is compulsory."),
        ),
        Question(
            T("Удерживают ли НДФЛ с аванса с 2023 года?", "Since 2023, is income tax withheld from the advance?"),
            (
                _words(T("Да, с каждой выплаты, и с аванса тоже", "Yes, from every payment, the advance included")),
                _words(T("Нет, только с зарплаты в конце месяца", "No, only from the pay at the end of the month")),
                _words(T("Только если аванс больше половины оклада", "Only if the advance is over half the salary")),
            ),
            0,
            T("С 2023 года налог удерживают при каждой выплате дохода, поэтому аванс приходит уже за вычетом НДФЛ.",
              "Since 2023 the tax is withheld from every payment of income, so the advance arrives net of income tax."),
        ),
    ),
    6: (
        Question(
            T("2011 год, оклад 25 000 ₽, январь; взносы по общему тарифу 34 % и на травматизм 0,2 %. Во что работник "
              "обходится работодателю за месяц?",
              "2011, basic salary 25,000 ₽, January; contributions at the general 34% and accident insurance at "
              "0.2%. What does the worker cost the employer for the month?"),
            (
                _rub(lambda: calc.employer_cost(25000, 2011).contributions),
                _rub(lambda: Decimal(25000) + calc.employer_cost(25000, 2011).contributions),
                _rub(lambda: calc.employer_cost(25000, 2011).total_cost),
            ),
            2,
            T("Цена для работодателя — зарплата плюс все взносы, включая взносы на травматизм.",
              "The cost to the employer is the pay plus all contributions, accident insurance included."),
        ),
        Question(
            T("Кто платит страховые взносы?", "Who pays the social insurance contributions?"),
            (
                _words(T("Работодатель, сверх зарплаты", "The employer, on top of the pay")),
                _words(T("Работник, из своей зарплаты", "The worker, out of the pay")),
                _words(T("Пополам работник и работодатель", "Half each, worker and employer")),
            ),
            0,
            T("Взносы платит работодатель сверх зарплаты, из зарплаты работника их не удерживают (в отличие от НДФЛ).",
              "The employer pays the contributions on top of the pay; they are not withheld from it (unlike income "
              "tax)."),
        ),
        Question(
            T("Что происходит со взносами, когда выплаты с начала года превышают предельную базу?",
              "What happens to the contributions once the year's pay passes the contribution cap?"),
            (
                _words(T("Ничего, ставка та же", "Nothing, the rate stays the same")),
                _words(T("Взносы уменьшаются: ставка ниже или взносы не платятся",
                         "They fall: a lower rate, or none at all")),
                _words(T("Ставка удваивается", "The rate doubles")),
            ),
            1,
            T("Выше предельной базы взносы меньше: в 2011 году они не платились вовсе (кроме взносов на травматизм), "
              "по нынешнему единому тарифу действует пониженная ставка.",
              "Above the cap contributions fall: in 2011 none were paid (except accident insurance); under today's "
              "unified tariff a lower rate applies."),
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
