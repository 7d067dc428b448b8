"""Lessons as a trainee opens them (issue 12, issue 15, issue 16): every lesson page (8 lessons × ru, en; the
Vietnamese lesson 1 in Vietnamese) of the apps'
Voilà server in Chromium shows no code cell, every exercise box answers (the right answer typed → "right"),
every try-it recomputes when a value changes, and the link to the start page is there."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import REPO, SHOTS, Page

from payroll_ui.lessons.content import exercises_for
from payroll_ui.lessons.quiz import WORDS, questions_for

LESSONS = [
    *sorted(
        (p.parent.name, p.stem, int(p.stem[:2]), "ru")
        for p in (REPO / "notebooks" / "lessons").glob("*/*.ipynb")
        if p.stem[:2].isdigit() and int(p.stem[:2]) <= 8  # 9–12 (other try-its): test_lessons_casework_browser.py
    ),
    *sorted(  # the Vietnamese series (vnNN), every lesson in Vietnamese and English
        (p.parent.name, p.stem, int(p.stem[2:4]), "vn")
        for p in (REPO / "notebooks" / "lessons").glob("*/vn*.ipynb")
    ),
]
TYPED = {"ru": "61 000", "en": "61,000", "vi": "12.000.000"}  # a changed amount, as each language writes it


@pytest.mark.parametrize(("lang", "name", "number", "series"), LESSONS,
                         ids=[f"{lang}-{name}" for lang, name, _, _ in LESSONS])
def test_a_lesson_page_has_no_code_and_every_widget_answers(browser: Any, lessons_url: str, lang: str, name: str,
                                                            number: int, series: str) -> None:
    page = Page(browser, lessons_url, lang)
    try:
        p = page.page
        p.goto(f"{lessons_url}/voila/render/lessons/{lang}/{name}.ipynb", wait_until="commit", timeout=120_000)
        boxes = p.locator(".lesson-exercise")
        exercises = exercises_for(number, series)
        boxes.nth(len(exercises) - 1).wait_for(timeout=300_000)  # lesson 8 loads a 3,000-person sample
        text = p.inner_text("body")
        for code in ("import calc", "setup(LANG)", "exercise(", "try_it(", "NBVAL", "footer()"):
            assert code not in text, code
        assert p.locator(".jp-InputArea-editor:visible, .CodeMirror:visible, .cm-editor:visible").count() == 0
        for i, ex in enumerate(exercises):  # every exercise box answers
            box = boxes.nth(i)
            box.locator("input").fill(ex.answer_text(lang))
            box.locator("button").first.click()
            box.locator("text=✔").wait_for(timeout=30_000)
        tries = p.locator(".lesson-tryit")
        assert tries.count() >= 1
        for i in range(tries.count()):  # every try-it recomputes
            box = tries.nth(i)
            before = box.inner_text()
            if box.locator("input[type=text]").count():
                field = box.locator("input[type=text]").first
                field.fill(TYPED[lang])
                field.press("Enter")
            else:  # lesson 8: a scale, one step a line
                box.locator("textarea").last.fill("1: 5\n5: 12\n10: 20")
                box.locator("textarea").last.blur()
            p.wait_for_function("([el, old]) => el.innerText !== old", arg=[box.element_handle(), before],
                                timeout=30_000)
        questions = questions_for(number, series)
        if questions:  # the self-study quiz at the end: choose the right options, check, all right
            quiz = p.locator(".lesson-quiz")
            for i, q in enumerate(questions):
                quiz.locator(".widget-radio-box").nth(i).get_by_text(q.options[q.right](lang), exact=True).click()
            quiz.locator("button").last.click()
            score = WORDS["score"][lang].format(len(questions), len(questions))
            quiz.get_by_text(score).wait_for(timeout=30_000)
            assert quiz.locator("text=✔").count() == len(questions)
        links = p.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert f"../../start.ipynb?lang={lang}" in links
        p.screenshot(path=str(SHOTS / f"lesson-{lang}-{name}.png"), full_page=True)
        assert not [e for e in page.errors if re.search(r"HTTP 404|Traceback", e)], page.errors
    finally:
        page.close()
