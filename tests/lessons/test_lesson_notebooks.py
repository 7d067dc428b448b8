"""The stored lesson notebooks: the two languages pose the same exercises with the same answers, the
notebooks are up to date with their sources, and their stored outputs are deterministic."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import tokenize
from pathlib import Path
from typing import Any

import nbformat
import pytest

from calc.core.text import T, tr
from payroll_ui.lessons.content import EXERCISE_LIST, EXERCISES, exercises_for
from payroll_ui.lessons.exercises import exercise

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "notebooks" / "lessons"
EXERCISE_CALL = re.compile(r'^exercise\("(L\d+\.\d+)", LANG\)$', re.M)
TRY_CALL = re.compile(r'^try_it\("(\w+)", LANG\)$', re.M)


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_lessons", ROOT / "scripts" / "build_lessons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lessons"] = module
    spec.loader.exec_module(module)
    return module


build = _builder()
ALL_SOURCES = build.load_sources()
"""Every lesson: Russia's series and Vietnam's (``country: vn``, languages vi and en)."""
SOURCES = [s for s in ALL_SOURCES if build.country(s) == "ru"]
"""Russia's series (lessons 1–12, ru and en); the Vietnamese series: tests/lessons/test_vn_lessons.py."""
ALL_CASES = [(src, lang) for src in ALL_SOURCES for lang in build.langs_of(src)]
ALL_IDS = [f"lesson{build.name_of(src)}-{lang}" for src, lang in ALL_CASES]


def notebook(src: dict[str, Any], lang: str) -> Any:
    return nbformat.read(build.notebook_path(src, lang), as_version=4)


def exercise_ids(nb: Any) -> list[str]:
    return [m for c in nb.cells if c.cell_type == "code" for m in EXERCISE_CALL.findall(c.source)]


def without_strings(code: str) -> list[tuple[int, str]]:
    """The code's tokens with every string literal blanked: what must agree between the languages."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            continue
        out.append((tok.type, "<str>" if tok.type == tokenize.STRING else tok.string))
    return out


def test_there_are_twelve_lessons_in_two_languages() -> None:
    assert [s["lesson"] for s in SOURCES] == list(range(1, 13))
    files = sorted(p.relative_to(LESSONS).as_posix() for p in LESSONS.glob("*/*.ipynb"))
    vn = [f for f in files if f.split("/")[1].startswith("vn")]  # the Vietnamese series: vi and en
    assert len(files) - len(vn) == 24, files
    assert len(vn) == 2 * sum(1 for s in ALL_SOURCES if build.country(s) == "vn"), vn
    for src in SOURCES:
        for lang in ("ru", "en"):
            assert build.notebook_path(src, lang).exists()


def test_sources_are_valid() -> None:
    assert [e for s in ALL_SOURCES for e in build.validate(s)] == []


def test_every_exercise_belongs_to_a_lesson_and_each_lesson_has_three_or_more() -> None:
    used = {e.id for s in ALL_SOURCES for e in build.lesson_exercises(s)}
    assert used == set(EXERCISES)
    for src in ALL_SOURCES:
        assert len(build.lesson_exercises(src)) >= 3


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
def test_both_languages_pose_the_same_exercises_in_the_same_order(src: dict[str, Any]) -> None:
    ru, en = notebook(src, "ru"), notebook(src, "en")
    expected = [e.id for e in exercises_for(src["lesson"])]
    assert exercise_ids(ru) == exercise_ids(en) == expected
    assert ru.metadata["lesson"]["exercises"] == en.metadata["lesson"]["exercises"] == expected
    for ex_id in expected:
        w_ru, w_en = exercise(ex_id, "ru"), exercise(ex_id, "en")
        assert w_ru.ex.answer() == w_en.ex.answer()
        assert w_ru.ex.unit == w_en.ex.unit and w_ru.ex.tol == w_en.ex.tol


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
def test_both_languages_have_the_same_cells_and_the_same_code(src: dict[str, Any]) -> None:
    """Only the words differ: the code cells agree token for token once string literals are blanked."""
    ru, en = notebook(src, "ru"), notebook(src, "en")
    assert [c.cell_type for c in ru.cells] == [c.cell_type for c in en.cells]
    for a, b in zip(ru.cells, en.cells, strict=True):
        if a.cell_type == "code":
            assert without_strings(a.source) == without_strings(b.source), a.source
            assert a.metadata.get("tags") == b.metadata.get("tags")
    assert TRY_CALL.findall("\n".join(c.source for c in ru.cells if c.cell_type == "code"))


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
def test_questions_in_the_notebooks_are_the_exercise_data(src: dict[str, Any]) -> None:
    for lang in ("ru", "en"):
        text = "\n".join(c.source for c in notebook(src, lang).cells if c.cell_type == "markdown")
        for ex in exercises_for(src["lesson"]):
            assert ex.question[lang] in text


def test_notebooks_and_trainer_guide_are_up_to_date() -> None:
    """A changed source, exercise or engine answer without a rebuild fails here (and in nbval)."""
    assert build.check(ALL_SOURCES, len(ALL_SOURCES), ALL_SOURCES) == []


@pytest.mark.parametrize("src", SOURCES, ids=lambda s: f"lesson{s['lesson']}")
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_stored_outputs_are_complete_and_deterministic(src: dict[str, Any], lang: str) -> None:
    nb = notebook(src, lang)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None
        assert "execution" not in cell.metadata  # no timings
        widget = "widget" in cell.metadata.get("tags", [])
        ignored = cell.source.startswith("# NBVAL_IGNORE_OUTPUT")
        assert widget == ignored, cell.source  # only interactive widgets escape the output check
        for out in cell.outputs:
            assert out.output_type != "error", out
            if out.output_type == "stream":
                assert out.name == "stdout", out.text  # no warnings
            data = out.get("data", {})
            assert "application/vnd.jupyter.widget-view+json" not in data
            for mime, value in data.items():
                if mime.startswith("text/"):
                    assert not re.search(r"0x[0-9a-f]{6,}", value), value[:200]
                    assert "Traceback" not in value
    assert "widgets" not in nb.metadata


def test_trainer_guide_has_every_answer() -> None:
    for (series, lang), name in build.GUIDE_NAMES.items():
        text = (LESSONS / name).read_text(encoding="utf-8")
        for ex in [e for e in EXERCISE_LIST if e.series == series]:
            assert f"**{ex.answer_text(lang)}**" in text, ex.id
            assert ex.method(lang) in text.replace("\\|", "|"), ex.id


@pytest.mark.parametrize("ex", EXERCISE_LIST, ids=lambda e: e.id)
def test_the_answer_key_says_how_in_words_not_code(ex: Any) -> None:
    """The trainer is not a programmer: "how it is computed" is the engine's working in words with numbers."""
    own = "vi" if ex.series == "vn" else "ru"
    for lang in (own, "en"):
        method = ex.method(lang)
        assert method and "\n" not in method
        assert not re.search(r"calc\.|payroll_ui|lesson_content|\w+\(\w*=|\b[a-z]+_[a-z_]+\b", method), method
        assert re.search(r"\d", method), method
    if own == "vi":  # Vietnamese words in the Vietnamese key, none in the English one
        assert re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", ex.method("vi"))
        assert not re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", ex.method("en"))
        return
    assert re.search(r"[а-яё]", ex.method("ru")) and not re.search(r"[а-яё]{4,}", ex.method("en").replace("НДФЛ", ""))


def test_code_words_are_put_in_the_notebook_language() -> None:
    code = 'say(_("Оплата: {}", "Pay: {}"), x)\nt = [_("а", "b"), "keep"]  # _("x", "y") stays\n'
    assert build.localise(code, "ru") == 'say(\'Оплата: {}\', x)\nt = [\'а\', "keep"]  # _("x", "y") stays\n'
    assert build.localise(code, "en") == 'say(\'Pay: {}\', x)\nt = [\'b\', "keep"]  # _("x", "y") stays\n'


def test_a_stale_notebook_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing an exercise's question without rebuilding is reported by ``--check``."""
    ex = EXERCISES["L1.1"]
    question = ex.question
    object.__setattr__(ex, "question", T(tr(question, "ru"), tr(question, "en") + " (changed)"))  # frozen
    try:
        problems = build.check([SOURCES[0]], len(SOURCES), SOURCES)
    finally:
        object.__setattr__(ex, "question", question)
    assert any("01_salary.ipynb differs from its source" in p for p in problems)
    assert any("TRAINER.en.md is out of date" in p for p in problems)
