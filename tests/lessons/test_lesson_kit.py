"""Wording helpers of the lessons: month names after "в", holiday names, scale ids in notes."""

from __future__ import annotations

import re

import pytest

import calc
from payroll_ui.lessons.content import readable
from payroll_ui.lessons.kit import holiday_name, month_in


def test_month_in_is_the_prepositional_case_in_russian() -> None:
    assert [month_in(m, "ru") for m in (1, 5, 8, 12)] == ["январе", "мае", "августе", "декабре"]
    assert month_in(8, "en") == "August"
    with pytest.raises(ValueError):
        month_in(13, "ru")


def test_holiday_names_have_unambiguous_dates_and_british_spelling() -> None:
    days = {d.date.day: d for d in calc.month_days(2017, 5) if d.name}
    transfer = holiday_name(days[8].name, "en")
    assert "7 Jan 2017" in transfer and "/" not in transfer
    assert holiday_name(days[1].name, "en") == "Holiday of Spring and Labour"
    assert holiday_name(days[8].name, "ru") == calc.core.text.tr(days[8].name, "ru")  # Russian is left as it is
    for year in range(2011, 2027):
        for month in range(1, 13):
            for d in calc.month_days(year, month):
                if d.name:
                    shown = holiday_name(d.name, "en")
                    assert not re.search(r"\d{2}/\d{2}/\d{4}", shown) and "Labor" not in shown, shown


def test_scale_ids_in_notes_become_the_scales_names() -> None:
    note = calc.SCALES["education"].note
    assert "education_alt" in note["ru"]  # the engine's note names the id…
    for lang in ("ru", "en"):
        text = readable(calc.core.text.tr(note, lang), lang)
        assert "education_alt" not in text  # …the lesson shows the name
        assert calc.core.text.tr(calc.SCALES["education_alt"].label, lang) in text
    alt = readable(calc.core.text.tr(calc.SCALES["education_alt"].note, "en"), "en")
    assert "Teaching staff (10–30% version)" in alt and " education " not in alt
    assert readable("the field of education and police work", "en") == "the field of education and police work"
