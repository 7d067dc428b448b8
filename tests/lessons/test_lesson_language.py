"""No Python on a trainee's screen, no project meta-text, and English as a labour lawyer writes it (issue 15).

Scanned: the Markdown of every generated lesson, and the texts of its widgets — each exercise's question, hint,
known-mistake messages and the short solution, each try-it calculator's labels and opening result (the
engine's folded explanation is the engine's own text and is left out)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from calc.core.text import tr
from payroll_ui.lessons.content import exercises_for
from payroll_ui.lessons.exercises import TRY_ITS, exercise
from tests.lessons.test_lesson_notebooks import SOURCES, notebook

CODE = {
    "an import": re.compile(r"\bimport\b|\bfrom [a-z_.]+ import\b"),
    "a test marker": re.compile(r"NBVAL|pytest|nbval"),
    "a list comprehension": re.compile(r"\[[^\]\n]* for \w+ in [^\]\n]*\]"),
    "a function call": re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\([^)]*\)|`[^`\n]*\w\([^`\n]*`"),
    "a module name": re.compile(r"\bcalc\.\w+|`calc`|payroll_ui|\bLANG\b"),
}
META = re.compile(r"в источниках проекта|движок|\bproject's\b|\bthe project\b|\bcalc\.workforce\b|\bengine\b", re.I)
ENGLISH = {
    '"p." (write "para." or "clause")': re.compile(r"(?<![A-Za-z])p\. ?\d"),
    '"long-service allowance", not "bonus"': re.compile(r"(?:long-service|seniority) bonus", re.I),
    '"night-work premium"': re.compile(r"night(?:-work)? (?:surcharge|bonus)", re.I),
    '"regional coefficient"': re.compile(r"district coefficient", re.I),
    '"northern supplement"': re.compile(r"northern (?:allowance|bonus)", re.I),
}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
TRY_CALL = re.compile(r'try_it\("(\w+)", LANG\)')
CASES = [(src, lang) for src in SOURCES for lang in ("ru", "en")]
IDS = [f"lesson{src['lesson']}-{lang}" for src, lang in CASES]


def markdown(nb: Any) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def without_links(text: str) -> str:
    return re.sub(r"\]\([^)]*\)|href=\"[^\"]*\"", "]", text)


def widget_texts(src: dict[str, Any], nb: Any, lang: str) -> dict[str, str]:
    """What the lesson's widgets say: exercises (question, hint, traps, the short solution), try-its (labels and
    the opening result, the folded engine explanation left out)."""
    out = {}
    for ex in exercises_for(src["lesson"]):
        w = exercise(ex.id, lang)
        w.reveal()
        brief = w.solution.value.split("<details>")[0]
        traps = " ".join(tr(t.message, lang) for t in ex.traps)
        out[ex.id] = " ".join([tr(ex.question, lang), tr(ex.hint, lang), traps, brief, w.answer_box.description,
                               w.check_button.description, w.reveal_button.description])
    for name in {n for c in nb.cells if c.cell_type == "code" for n in TRY_CALL.findall(c.source)}:
        box = TRY_ITS[name](lang)
        labels = " ".join(getattr(i, "description", "") for i in box.inputs.values())
        out[f"try-it {name}"] = labels + " " + box.result.value.split("<details>")[0] + " " + box.children[0].value
    return out


@pytest.mark.parametrize(("src", "lang"), CASES, ids=IDS)
def test_no_python_and_no_meta_text_on_the_page(src: dict[str, Any], lang: str) -> None:
    nb = notebook(src, lang)
    texts = {"the lesson's text": without_links(markdown(nb)), **widget_texts(src, nb, lang)}
    problems = [f"{where}: {what} — {m.group(0)!r}" for where, text in texts.items()
                for what, pattern in CODE.items() for m in [pattern.search(text)] if m]
    problems += [f"{where}: project meta-text {m.group(0)!r}" for where, text in texts.items()
                 for m in [META.search(text)] if m]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
def test_english_terms_and_no_cyrillic_in_english_labels(src: dict[str, Any]) -> None:
    nb = notebook(src, "en")
    widgets = widget_texts(src, nb, "en")
    texts = {"the lesson's text": markdown(nb), **widgets}
    problems = [f"{where}: {what} — {m.group(0)!r}" for where, text in texts.items()
                for what, pattern in ENGLISH.items() for m in [pattern.search(text)] if m]
    problems += [f"{where}: Cyrillic in an English label — {m.group(0)!r}" for where, text in widgets.items()
                 for m in [CYRILLIC.search(text)] if m]
    assert not problems, "\n".join(problems)


def test_basic_salary_is_the_english_for_oklad() -> None:
    terms = {g["term"]["ru"]: g["term"]["en"] for src in SOURCES for g in src["glossary"]}
    assert terms["Оклад"] == "Basic salary"
    assert terms["Надбавка за выслугу лет"] == "Long-service allowance"
    assert "Basic salary" in TRY_ITS["salary"]("en").inputs["salary"].description


def test_the_scan_catches_code_and_old_terms() -> None:
    """Control: the patterns find what they are for."""
    assert CODE["an import"].search("import calc") and CODE["a test marker"].search("# NBVAL_IGNORE_OUTPUT")
    assert CODE["a list comprehension"].search("[r.tax for r in rows]")
    assert CODE["a function call"].search("calc.salary_for_month(45000, 2017, 5)")
    assert META.search("движок calc.workforce") and META.search("в источниках проекта")
    assert ENGLISH['"p." (write "para." or "clause")'].search("Tax Code art. 224 p. 1")
    assert not ENGLISH['"p." (write "para." or "clause")'].search("Tax Code art. 224 clause 1")
    assert ENGLISH['"long-service allowance", not "bonus"'].search("the long-service bonus")
