"""The self-check exercise widget and the "try it" calculators, driven from Python."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from calc.core.text import money
from payroll_ui.lessons.content import exercises_for, get
from payroll_ui.lessons.exercises import TRY_ITS, ExerciseWidget, exercise, try_it


def text_of(widget_html: str) -> str:
    return html.unescape(widget_html)


@pytest.mark.parametrize("typed", ["29 250", "29250,00", "29 250 ₽", "29250", "29 250,00 руб."])
def test_right_answer_ru(typed: str) -> None:
    w = exercise("L1.1", "ru")
    assert w.check(typed) == "right"
    assert "Верно" in text_of(w.feedback.value)
    assert w.status == "right"


@pytest.mark.parametrize("typed", ["29,250", "29250.00", "29 250 ₽", "29,250.00 RUB"])
def test_right_answer_en(typed: str) -> None:
    w = exercise("L1.1", "en")
    assert w.check(typed) == "right"
    assert "Right" in text_of(w.feedback.value)


def test_wrong_answer_shows_the_hint() -> None:
    w = exercise("L1.1", "ru")
    assert w.check("20 000") == "wrong"
    shown = text_of(w.feedback.value)
    assert "Подсказка" in shown
    assert get("L1.1").hint["ru"] in shown
    w_en = exercise("L1.1", "en")
    assert w_en.check("20000") == "wrong"
    assert get("L1.1").hint["en"] in text_of(w_en.feedback.value)


def test_known_mistake_gets_its_own_message_and_the_hint() -> None:
    w = exercise("L1.1", "ru")
    assert w.check("18 870,97") == "trap"  # 45 000 / 31 × 13: calendar days
    shown = text_of(w.feedback.value)
    assert "календарный" in shown and "Подсказка" in shown


def test_the_seed_mistake_is_recognised_on_new_inputs() -> None:
    """Exercise 7.1 asks the seed's night line for another leaver: the seed's way (the unrounded rate) is a trap."""
    w = exercise("L7.1", "en")
    from payroll_ui.lessons.content import leaver_night_unrounded

    assert w.check(str(leaver_night_unrounded())) == "trap"
    assert "unrounded" in text_of(w.feedback.value)


def test_rounding_slip_is_close() -> None:
    w = exercise("L1.2", "ru")
    assert w.check("32 143") == "close"
    assert "округл" in text_of(w.feedback.value)


def test_hint_button_shows_the_hint() -> None:
    w = exercise("L4.3", "en")
    w.hint_button.click()
    assert get("L4.3").hint["en"] in text_of(w.feedback.value)


def test_reveal_shows_the_engine_explanation_and_the_answer() -> None:
    w = exercise("L1.1", "ru")
    assert w.solution.value == ""
    w.reveal_button.click()
    shown = text_of(w.solution.value)
    assert "оклад / рабочих дней в месяце по норме × отработано дней" in shown
    assert f"Ответ: {money(get('L1.1').answer(), 'ru')}" in shown
    assert get("L1.1").solution().explain("ru") in shown


def test_reveal_explains_in_plain_lines_and_keeps_the_full_trace_one_click_away() -> None:
    """Issue 15: the method in words, the key steps with their numbers and the answer first; the engine's raw
    trace (decree numbers, "max(…; 0)") folded under a second click."""
    w = exercise("L1.1", "ru")
    w.reveal()
    page = w.solution.value
    brief, folded = page.replace("\u00a0", " ").split("<details>")
    assert get("L1.1").hint["ru"][1:] in brief and "45 000,00 ₽ / 20 дней × 13 дней = 29 250,00 ₽" in brief
    assert "Ответ: 29 250,00 ₽" in brief
    assert "<summary>" in folded and get("L1.1").solution().explain("ru").splitlines()[0][:20] in html.unescape(folded)
    en = exercise("L5.5", "en")
    en.reveal()
    brief_en = en.solution.value.split("<details>")[0]
    assert "Answer: 37,800.00" in brief_en.replace("\u00a0", " ") and not re.search("[а-яё]", brief_en, re.I)


def test_reveal_in_english() -> None:
    w = exercise("L4.2", "en")
    text = w.reveal()
    assert "hour norm of the year" in text and "Answer: 50.48" in text


def test_check_button_reads_the_box() -> None:
    w = exercise("L4.1", "ru")
    w.answer_box.value = "49,40"
    w.check_button.click()
    assert w.status == "right"


@pytest.mark.parametrize("typed", ["", "   ", "abc", "1e999", "nan", "22..500", "∞", "<b>1</b>", "9" * 100])
def test_garbage_gives_a_clear_message_not_an_exception(typed: str) -> None:
    w = exercise("L1.1", "ru")
    w.answer_box.value = typed
    w.check_button.click()
    assert w.status in {"invalid", "empty"}
    shown = text_of(w.feedback.value)
    assert "Traceback" not in shown
    assert ("Введите" in shown) or ("Не удалось" in shown)


def test_an_internal_error_never_shows_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    w = exercise("L1.1", "en")

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(w.ex.__class__, "solution_text", boom)
    w.reveal_button.click()
    assert w.status == "error"
    assert "engine exploded" not in w.feedback.value
    assert "check the inputs" in text_of(w.feedback.value)


def test_unknown_exercise_and_language() -> None:
    with pytest.raises(KeyError):
        exercise("L9.9", "ru")
    with pytest.raises(ValueError):
        ExerciseWidget(get("L1.1"), "de")


def test_every_exercise_widget_builds_and_reveals_in_both_languages() -> None:
    from payroll_ui.lessons.content import EXERCISE_LIST

    for ex in EXERCISE_LIST:
        for lang in ("ru", "en"):
            w = exercise(ex.id, lang)
            assert w.check(ex.answer_text(lang)) == "right", (ex.id, lang)
            assert ex.answer_text(lang) in w.reveal()


# ---------------------------------------------------------------- try-it calculators


@pytest.mark.parametrize("name", list(TRY_ITS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_try_it_builds_with_a_result(name: str, lang: str) -> None:
    t = try_it(name, lang)
    assert t.ok, t.error
    assert t.result.value
    assert "Traceback" not in t.result.value


def test_try_salary_opens_on_neutral_values_and_computes_an_exercise() -> None:
    t = try_it("salary", "ru")
    assert money(get("L1.1").answer(), "ru") not in t.result.value  # issue 15: no exercise's inputs on opening
    for key, value in {"salary": "45 000", "year": 2017, "month": 5, "days": "13"}.items():
        t.inputs[key].value = value
    assert money(get("L1.1").answer(), "ru") in t.result.value
    t.inputs["days"].value = "20"
    assert "45\u00a0000,00\u00a0₽" in t.result.value


@pytest.mark.parametrize(
    ("name", "field", "bad"),
    [
        ("salary", "salary", "сорок тысяч"),
        ("salary", "days", "40"),
        ("salary", "salary", "-5"),
        ("seniority", "years", "много"),
        ("seniority", "salary", ""),
        ("advance", "percent", "200"),
        ("advance", "salary", "abc"),
        ("hours", "night", "30"),
        ("hours", "shifts", "2.5"),
        ("ndfl", "gross", "1e999"),
        ("cost", "gross", "x"),
        ("settlement", "months", "-1"),
        ("settlement", "average", ""),
        ("bargain", "proposal", "1: 10\n1: 20"),
        ("bargain", "proposal", "5: 20\n10: 10"),
        ("bargain", "proposal", "three: ten"),
    ],
)
def test_try_it_bad_input_gives_a_clear_message(name: str, field: str, bad: str) -> None:
    for lang in ("ru", "en"):
        t = try_it(name, lang)
        if name == "advance":
            t.inputs["method"].value = "percent"
        t.inputs[field].value = bad
        assert not t.ok
        assert t.error
        assert "Traceback" not in t.result.value
        t.inputs[field].value = try_it(name, lang).inputs[field].value  # back to the default value
        assert t.ok, t.error


def test_try_advance_percent_method() -> None:
    t = try_it("advance", "en")
    t.inputs["year"].value = 2024
    t.inputs["month"].value = 3
    t.inputs["salary"].value = "64,000"
    t.inputs["method"].value = "percent"
    t.inputs["percent"].value = "40"
    assert money(get("L3.4").answer(), "en") in t.result.value


def test_try_settlement_needs_a_date() -> None:
    t = try_it("settlement", "ru")
    t.inputs["dismissal"].value = None
    assert not t.ok and "дату" in t.error
    t.inputs["dismissal"].value = date(2025, 3, 14)
    assert t.ok
    assert money(get("L7.5").answer(), "ru") not in t.result.value
    lesson_7_5(t)
    assert money(get("L7.5").answer(), "ru") in t.result.value


def lesson_7_5(t: object) -> None:
    """Exercise 7.5's inputs in the settlement try-it (it opens on other, neutral ones)."""
    for key, value in {"dismissal": date(2025, 3, 14), "salary": "40 000", "days": "10", "months": "7",
                       "average": "1 450"}.items():
        t.inputs[key].value = value  # type: ignore[attr-defined]


def test_try_bargain_recomputes_the_lesson_figures() -> None:
    from payroll_ui.lessons import bargain as lb

    t = try_it("bargain", "en")
    from payroll_ui.lessons.content import EXERCISE_PROPOSAL

    assert money(get("L8.1").answer(), "en") not in t.result.value  # opens on "no change"
    t.inputs["proposal"].value = lb.steps_text(EXERCISE_PROPOSAL)
    assert money(get("L8.1").answer(), "en") in t.result.value


def test_try_it_unexpected_error_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    import calc

    t = try_it("salary", "en")

    def boom(*_a: object, **_k: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(calc, "salary_for_month", boom)
    t.inputs["days"].value = "11"
    assert not t.ok
    assert "boom" not in t.result.value and "check the inputs" in t.result.value


def test_unknown_try_it() -> None:
    with pytest.raises(KeyError):
        try_it("nothing", "ru")


def test_try_its_speak_each_language_properly() -> None:
    """Numbers in the locale's format, whole phrases (not "10 — 20 %" or "работников 10 / 10")."""

    from payroll_ui.lessons import bargain as lb

    def shown(name: str, lang: str) -> str:
        t = try_it(name, lang)
        if name == "seniority":
            t.inputs["years"].value = "7"
        if name == "settlement":
            lesson_7_5(t)
        if name == "bargain":
            t.inputs["proposal"].value = lb.steps_text(lb.PROPOSAL_STEPS)
        return re.sub(r"[\u00a0\u202f]", " ", t.result.value)

    seniority = shown("seniority", "ru")
    assert "с 10 лет — 20 %" in seniority
    assert "from 10 years — 20%" in shown("seniority", "en")
    settlement = shown("settlement", "ru")
    assert "16,34" in settlement and "16.34" not in settlement
    assert "16.34" in shown("settlement", "en")
    bargain_ru = shown("bargain", "ru")
    assert "Сколько работников выигрывает" in bargain_ru and "10 из 10" in bargain_ru
    assert "10 of 10" in shown("bargain", "en")
    advance = shown("advance", "ru")
    assert "Аванс до удержания НДФЛ" in advance


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("ex_id", [e.id for n in (9, 10, 11, 12) for e in exercises_for(n)])
def test_casework_solutions_are_short_plain_lines_with_the_full_trace_folded(ex_id: str, lang: str) -> None:
    """Issue 15, lessons 9–12 as 1–8: "Show the solution" gives a few plain lines with the numbers (the method,
    the key steps of the trainer's key, the answer); the engine's whole explanation only under a second click."""
    ex = get(ex_id)
    w = exercise(ex_id, lang)
    w.reveal()
    brief, folded = w.solution.value.split("<details>")
    method, steps, answer = ex.plain_solution(lang)
    assert 1 <= len(steps) <= 4, steps
    assert steps == [s.strip() for s in ex.method(lang).split(" · ") if s.strip()]  # the trainer's key, same source
    shown = html.unescape(brief)
    assert method in shown and answer in shown and all(s in shown for s in steps)
    assert any(ch.isdigit() for s in steps for ch in s)
    assert ex.solution().explain(lang).splitlines()[0].strip() in html.unescape(folded)
    assert len(text_of(brief)) < len(text_of(folded)) or len(ex.solution().explain(lang).splitlines()) <= 2
    if lang == "en":
        assert not re.search("[а-яё]", text_of(brief), re.I)
