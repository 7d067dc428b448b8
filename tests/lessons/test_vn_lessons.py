"""The Vietnamese lesson series (issue 16): sources with ``country: vn`` and languages vi/en build into
``lessons/vi/vnNN_….ipynb`` and ``lessons/en/vnNN_….ipynb``; their exercises take answers in đồng; their try-its
open without an error; both notebooks of a lesson ask the same exercises; the navigation stays in the series."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from payroll_ui.lessons.answers import parse_answer
from payroll_ui.lessons.content import exercises_for
from payroll_ui.lessons.exercises import TRY_ITS, exercise
from tests.lessons.test_lesson_notebooks import ALL_SOURCES, build, notebook

VN = [s for s in ALL_SOURCES if build.country(s) == "vn"]


def test_the_series_is_numbered_and_named_apart_from_russias() -> None:
    assert [s["lesson"] for s in VN] == list(range(1, len(VN) + 1)) and len(VN) >= 2
    for src in VN:
        assert build.langs_of(src) == ("vi", "en") and src["langs"] == ["vi", "en"]
        for lang in ("vi", "en"):
            assert build.notebook_path(src, lang).name.startswith("vn")
            assert build.notebook_path(src, lang).is_file()


@pytest.mark.parametrize("text", ["1.533.000", "1533000", "1 533 000 ₫", "1,533,000", "1.533.000 đồng"])
def test_dong_are_read_as_people_write_them(text: str) -> None:
    assert parse_answer(text, "vnd", "vi")[0] == Decimal(1533000)
    assert parse_answer(text, "vnd", "en")[0] == Decimal(1533000)


def test_a_short_grouped_amount_is_thousands_not_a_fraction() -> None:
    assert parse_answer("500.000", "vnd", "vi")[0] == Decimal(500000)


@pytest.mark.parametrize("src", VN, ids=lambda s: build.name_of(s))
def test_both_notebooks_ask_the_same_exercises_in_the_series(src: dict[str, Any]) -> None:
    vi, en = notebook(src, "vi"), notebook(src, "en")
    expected = [e.id for e in exercises_for(src["lesson"], "vn")]
    assert len(expected) >= 3 and all(x.startswith("V") for x in expected)
    assert vi.metadata["lesson"]["exercises"] == en.metadata["lesson"]["exercises"] == expected
    assert vi.metadata["lesson"]["country"] == "vn"
    nav = vi.cells[-1].source
    assert "../../start.ipynb?lang=vi" in nav
    for other in VN:
        if abs(other["lesson"] - src["lesson"]) == 1:
            assert f"({build.notebook_path(other, 'vi').name})" in nav
    assert not any(s["slug"]["en"] in nav for s in ALL_SOURCES if build.country(s) == "ru")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_exercise_box_judges_dong_in_the_lesson_language(lang: str) -> None:
    ex = exercises_for(1, "vn")[0]
    w = exercise(ex.id, lang)
    w.answer_box.value = ex.answer_text(lang)
    w.check_button.click()
    assert "✔" in w.feedback.value
    w.answer_box.value = "12"
    w.check_button.click()
    assert "✘" in w.feedback.value
    if lang == "vi":
        assert w.check_button.description == "Kiểm tra" and "Chưa đúng" in w.feedback.value


@pytest.mark.parametrize("name", ["vn_payslip", "vn_pit"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_vietnamese_try_its_open_and_refuse_bad_input(name: str, lang: str) -> None:
    box = TRY_ITS[name](lang)
    assert box.ok and "₫" in box.result.value
    box.inputs["gross"].value = "mười triệu"
    assert not box.ok and box.error
