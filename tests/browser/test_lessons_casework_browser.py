"""Lessons 9–12 served by Voilà as trainees see them, in Debian's Chromium: no code on the page, the try-it
calculator answers when an input changes, an exercise box judges a typed answer, and the quiz at the end says
all right when the right options are chosen.

The lessons' Voilà server of tests/browser/conftest.py (``lessons_url``: no preheated kernels, the other
helpers' pages share the machine), one page at a time."""

from __future__ import annotations

from typing import Any

import pytest

from payroll_ui.lessons.quiz import QUIZZES, WORDS

PAGES = [
    ("ru/09_otpusk_bolnichny", "ru", "Отпускные (начислено)"),
    ("en/10_late_pay", "en", "Compensation for the delay"),
    ("ru/11_cifrovye_navyki", "ru", "Рабочих дней"),
    ("en/12_payslip_mistakes", "en", "May be deducted this month"),
]


@pytest.mark.parametrize(("path", "lang", "result_word"), PAGES, ids=[p[0] for p in PAGES])
def test_lesson_page_has_no_code_and_its_widgets_answer(browser: Any, lessons_url: str, path: str, lang: str,
                                                        result_word: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(lessons_url)
               else r.fulfill(status=200, content_type="text/css", body=""))
    try:
        page.goto(f"{lessons_url}/voila/render/lessons/{path}.ipynb", wait_until="commit", timeout=120_000)
        tryit = page.locator(".lesson-tryit").first
        tryit.wait_for(timeout=180_000)
        assert result_word in tryit.inner_text(timeout=60_000)
        body = page.inner_text("body")
        for code in ("import calc", "exercise(\"", "try_it(\"", "LANG =", "setup(LANG)"):
            assert code not in body, f"code on the page: {code!r}"
        # the try-it answers a change of its first text input
        before = tryit.inner_text()
        box = tryit.locator("input[type=text]").first
        if box.count():
            box.fill("7")
            box.press("Enter")
            page.wait_for_function("([el, old]) => el.innerText !== old", arg=[tryit.element_handle(), before],
                                   timeout=60_000)
        else:  # the calendar: a month drop-down
            tryit.locator("select").nth(1).select_option(index=5)
            page.wait_for_function("([el, old]) => el.innerText !== old", arg=[tryit.element_handle(), before],
                                   timeout=60_000)
        # an exercise box judges a typed answer
        ex = page.locator(".lesson-exercise").first
        ex.locator("input[type=text]").first.fill("1")
        ex.locator("button").first.click()
        word = "Not yet" if lang == "en" else "Пока неверно"
        page.wait_for_function("([el, w]) => el.innerText.includes(w)", arg=[ex.element_handle(), word],
                               timeout=60_000)
        # the self-study quiz at the end: the right options clicked, checked, all right
        questions = QUIZZES[int(path.split("/")[1][:2])]
        quiz = page.locator(".lesson-quiz")
        for i, q in enumerate(questions):
            quiz.locator(".widget-radio-box").nth(i).get_by_text(q.options[q.right](lang), exact=True).click()
        quiz.locator("button").last.click()
        quiz.get_by_text(WORDS["score"][lang].format(len(questions), len(questions))).wait_for(timeout=30_000)
        assert quiz.locator("text=✔").count() == len(questions)
        assert not errors, errors
    finally:
        context.close()
