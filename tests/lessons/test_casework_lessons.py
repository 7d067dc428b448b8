"""Lessons 9–12 (casework): the exercises test transfer — no answer is printed in the lesson or shown by
a try-it calculator when it opens — the sources carry every part of a lesson page, the try-its answer
in both languages and refuse bad input clearly, and lesson 12's printed payslip is a real one (its lines
add up, no employer contributions) whose planted mistakes are mistakes."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import nbformat
import pytest

from payroll_ui.lessons import casework_content as cw
from payroll_ui.lessons.answers import format_answer
from payroll_ui.lessons.casework_tryits import TRY_ITS as CASEWORK_TRY_ITS
from payroll_ui.lessons.content import exercises_for
from payroll_ui.lessons.exercises import TRY_ITS, try_it

ROOT = Path(__file__).resolve().parents[2]
NEW = (9, 10, 11, 12)


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_lessons_cw", ROOT / "scripts" / "build_lessons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lessons_cw"] = module
    spec.loader.exec_module(module)
    return module


build = _builder()
SOURCES = [s for s in build.load_sources() if build.country(s) == "ru" and s["lesson"] in NEW]


def _shown(value: Decimal, unit: str) -> list[str]:
    """The ways an answer could be written in a lesson's text (both languages, with and without groups)."""
    if unit == "rub":
        q = f"{value:.2f}"
        whole, frac = q.split(".")
        grouped = f"{int(whole):,}"
        return [f"{grouped}.{frac}", f"{grouped.replace(',', ' ')},{frac}", f"{grouped.replace(',', chr(160))},{frac}",
                f"{whole}.{frac}", f"{whole},{frac}"]
    return [format_answer(value, unit, lang) for lang in ("ru", "en")]


def _text_of(nb: Any) -> str:
    """Everything a learner reads: Markdown and every stored output except the exercise/try-it boxes."""
    parts = []
    for c in nb.cells:
        if c.cell_type == "markdown":
            if "exercise" not in c.metadata.get("tags", []):
                parts.append(c.source)
            continue
        for o in c.get("outputs", []):
            for v in o.get("data", {}).values():
                parts.append(v if isinstance(v, str) else "".join(v))
            if "text" in o:
                parts.append(o["text"])
    return html.unescape(" ".join(parts))


def test_the_new_lessons_have_their_exercises() -> None:
    for n in {s["lesson"] for s in SOURCES}:
        exs = exercises_for(n)
        assert len(exs) >= 3, n
        for ex in exs:
            assert isinstance(ex.answer(), Decimal)


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_answer_is_printed_in_the_lesson(src: dict[str, Any], lang: str) -> None:
    nb = nbformat.read(build.notebook_path(src, lang), as_version=4)
    text = _text_of(nb)
    for ex in exercises_for(src["lesson"]):
        for shown in _shown(ex.answer(), ex.unit):
            assert shown not in text, f"{ex.id}: its answer {shown!r} is printed in the lesson"


@pytest.mark.parametrize("name", list(CASEWORK_TRY_ITS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_try_its_open_on_neutral_values(name: str, lang: str) -> None:
    w = try_it(name, lang)
    assert w.ok, w.error
    opening = html.unescape(w.result.value) + " ".join(str(v) for v in w.values().values())
    for n in NEW:
        for ex in exercises_for(n):
            if ex.unit == "rub":
                for shown in _shown(ex.answer(), ex.unit):
                    assert shown not in opening, f"{name} opens on {ex.id}'s answer {shown!r}"


def test_the_try_its_are_registered() -> None:
    assert set(CASEWORK_TRY_ITS) <= set(TRY_ITS)


BAD_FIELDS = [("leave", "average"), ("leave", "days"), ("sick", "y1"), ("sick", "record"), ("late_pay", "amount"),
              ("deduction", "pay")]


@pytest.mark.parametrize(("name", "field"), BAD_FIELDS)
@pytest.mark.parametrize("bad", ["abc", "-5", ""])
def test_try_its_refuse_bad_input_clearly(name: str, field: str, bad: str) -> None:
    w = try_it(name, "ru")
    w.inputs[field].value = bad
    assert not w.ok
    assert w.error and "Traceback" not in w.error and not re.search(r"[A-Za-z]{4,}Error", w.error)


def test_try_it_without_a_date_says_so() -> None:
    w = try_it("late_pay", "en")
    w.inputs["paid"].value = None
    assert not w.ok and "date" in (w.error or "")


def test_the_printed_payslip_adds_up_and_has_no_employer_contributions() -> None:
    p = cw.printed_payslip()
    assert p["gross"] == p["salary_pay"] + p["long_service"] + p["bonus"] + p["district"]
    assert p["paid"] == p["gross"] - p["ndfl"] - p["advance"] - p["deductions"]
    labels = " ".join(row[1] for lang in ("ru", "en") for row in cw.printed_rows(lang)).lower()
    assert "взнос" not in labels and "contribution" not in labels


def test_the_planted_mistakes_are_mistakes() -> None:
    due, p = cw.slip_lines(), cw.printed_payslip()
    by_key = {x.key: x.amount for x in due.lines}
    assert p["salary_pay"] < by_key["salary_pay"]  # a 22-day norm in a 19-day month
    assert p["district"] < by_key["district_pay"]  # the coefficient on the salary only
    assert p["ndfl"] != p["ndfl"].quantize(Decimal(1))  # the tax to the kopeck, not the ruble
    after_tax = cw.slip_due().gross - cw.slip_due().ndfl
    assert p["deductions"] > after_tax * Decimal("0.2")  # over the art. 138 limit


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
def test_the_sources_have_every_part_of_a_lesson_page(src: dict[str, Any]) -> None:
    for key in ("questions", "prerequisites", "goals", "key_points", "summary"):
        assert src[key]["ru"] and len(src[key]["ru"]) == len(src[key]["en"]), key
    assert isinstance(src["minutes"], int) and sum(s["minutes"] for s in src["plan"]) == src["minutes"]
    for g in src["glossary"]:
        assert g["term"]["ru"] and g["term"]["en"] and g["meaning"]["ru"] and g["meaning"]["en"]
    for link in src["law_links"]:
        assert link["url"].startswith(("https://", "http://")) and link["label"]["ru"] and link["label"]["en"]
    english = " ".join(str(v) for k, v in _walk(src, "en"))
    assert not re.search(r"\bp\. \d", english), "English uses 'para.', not 'p.'"


def _walk(node: Any, lang: str, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        if lang in node and isinstance(node[lang], str | list):
            return [(key, node[lang])]
        return [x for k, v in node.items() if k != "code" for x in _walk(v, lang, k)]
    if isinstance(node, list):
        return [x for v in node for x in _walk(v, lang, key)]
    return []
