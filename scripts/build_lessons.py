#!/usr/bin/env python
"""Build the lesson notebooks and the trainer's guides from one source, for each series of lessons: Russia's
(Russian and English) and Vietnam's (Vietnamese and English, sources ``vnNN.yaml`` with ``country: vn``).

    python scripts/build_lessons.py              # write and execute all notebooks, write the guides
    python scripts/build_lessons.py --lesson 3   # only lesson 3 of the Russian series (both languages)
    python scripts/build_lessons.py --lesson vn2 # only lesson 2 of the Vietnamese series (vi and en)
    python scripts/build_lessons.py --check      # is everything up to date? (no execution; exit 1 if not)

Sources: ``notebooks/lessons/source/NN.yaml`` (the narrative, in both languages side by side, and
the code cells, which are the same in both languages) and ``payroll_ui/lessons/content.py`` (the
exercises). In a code cell ``_("русский текст", "English text")`` is replaced by the text in the
notebook's language, so the two notebooks differ only in their words. Notebooks are executed with
nbclient and stored with their outputs, which nbval then checks against the engine on every test
run. Outputs are made deterministic: no timings, fixed cell ids, and the interactive widget cells
(tagged ``widget``, marked ``# NBVAL_IGNORE_OUTPUT``) store a short note instead of a widget model.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "notebooks" / "lessons"
SOURCES = LESSONS / "source"
SERIES: dict[str, tuple[str, ...]] = {"ru": ("ru", "en"), "vn": ("vi", "en")}
"""Each series of lessons (a country's, ``country:`` in a source; Russia's by default) and its languages: the
country's own first (it is the first argument of ``_("…", "…")`` in code cells), then English."""
LANGS = ("ru", "en", "vi")
GUIDE_NAMES = {("ru", "ru"): "TRAINER.ru.md", ("ru", "en"): "TRAINER.en.md",
               ("vn", "vi"): "TRAINER.vi.md", ("vn", "en"): "TRAINER.vn.en.md"}
"""The trainer's guide of each series in each of its languages."""
KERNEL = {"name": "python3", "display_name": "Python 3 (payroll)", "language": "python"}
WIDGET_TAG = "widget"
EXERCISE_TAG = "exercise"
IGNORE = "# NBVAL_IGNORE_OUTPUT"

sys.path.insert(0, str(ROOT))

from calc.core.text import T, tr  # noqa: E402
from payroll_ui.lessons.content import EXERCISES, exercises_for  # noqa: E402

WORDS = {
    "lesson": T("Урок", "Lesson"),
    "of": T("из", "of"),
    "minutes": T("мин", "min"),
    "questions": T("На какие вопросы отвечает урок", "Questions this lesson answers"),
    "goals": T("Что вы научитесь делать", "What you will learn to do"),
    "prerequisites": T("Что нужно знать заранее", "What you need to know first"),
    "time": T("Время", "Time"),
    "setup_time": T("из них {} мин — подготовка: открыть страницу урока, выбрать язык, найти поля для ответов",
                    "of which {} min set-up: open the lesson page, choose the language, find the answer boxes"),
    "exercises": T("Упражнения", "Exercises"),
    "exercise": T("Упражнение", "Exercise"),
    "key_points": T("Главное", "Key points"),
    "glossary": T("Словарь урока", "Glossary"),
    "law_links": T("Закон и источники", "The law and sources"),
    "law_intro": T("Тексты статей и данные, на которые опирается урок (открываются в новой вкладке):",
                   "The articles and data this lesson rests on (they open in a new tab):"),
    "home": T("Все уроки и калькуляторы", "All lessons and calculators"),
    "try": T("Попробуйте сами", "Try it yourself"),
    "how_to": T(
        "*Как работать с уроком.* Читайте сверху вниз. В полях «Попробуйте сами» меняйте числа — результат "
        "пересчитывается сразу. В полях для ответа пишите так, как в расчётном листке: «22 500», «22 500,00» или "
        "«22 500 ₽», и нажмите «Проверить».",
        "*How to use this lesson.* Read from top to bottom. In the 'Try it yourself' boxes change the numbers — "
        "the result updates at once. Type answers the way a payslip writes them: '22,500', '22500.00' or "
        "'22 500 ₽', and press 'Check'.",
    ),
    "placeholder": T(
        "▶ Интерактивное поле: работает на странице урока (или после Run All в JupyterLab).",
        "▶ Interactive box: it works on the lesson page (or after Run All in JupyterLab).",
    ),
    "lang_comment": T("язык урока", "the lesson's language"),
}
VI_WORDS = {
    "lesson": "Bài",
    "of": "/",
    "minutes": "phút",
    "questions": "Bài học trả lời những câu hỏi nào",
    "goals": "Học xong, anh chị sẽ làm được",
    "prerequisites": "Cần biết trước",
    "time": "Thời gian",
    "setup_time": "trong đó {} phút chuẩn bị: mở trang bài học, chọn ngôn ngữ, tìm ô trả lời",
    "exercises": "Bài tập",
    "exercise": "Bài tập",
    "key_points": "Những điều cần nhớ",
    "glossary": "Thuật ngữ của bài",
    "law_links": "Văn bản pháp luật và nguồn",
    "law_intro": "Các điều luật và số liệu mà bài học dựa vào (mở trong thẻ mới):",
    "home": "Tất cả bài học và công cụ tính",
    "try": "Anh chị tự tính thử",
    "how_to": (
        "*Cách dùng bài học.* Đọc từ trên xuống. Trong các ô «Anh chị tự tính thử», thay số — kết quả tính lại "
        "ngay. Trong ô trả lời, gõ số như trên phiếu lương: «1.250.000», «1250000» hoặc «1.250.000 ₫», rồi bấm "
        "«Kiểm tra»."
    ),
    "placeholder": "▶ Ô tương tác: hoạt động trên trang bài học (hoặc sau Run All trong JupyterLab).",
    "lang_comment": "ngôn ngữ của bài",
}
for _key, _text in VI_WORDS.items():
    WORDS[_key]["vi"] = _text
EN_VN_HOW_TO = (
    "*How to use this lesson.* Read from top to bottom. In the 'Try it yourself' boxes change the numbers — the "
    "result updates at once. Type answers the way a payslip writes them: '1,250,000', '1250000' or '1,250,000 ₫', "
    "and press 'Check'."
)

# Fields every lesson source has, in both languages (docs/lessons.md, "Lesson fields").
LIST_FIELDS = ("questions", "goals", "prerequisites", "key_points")
APPS_FROM_LESSON = "../../"  # a lesson is served at lessons/<lang>/…; the apps at the served folder's top

# ---------------------------------------------------------------- reading and checking the sources


def country(src: dict[str, Any]) -> str:
    """The series a lesson belongs to (``country:`` in its source; Russia's by default)."""
    return str(src.get("country", "ru"))


def langs_of(src: dict[str, Any]) -> tuple[str, ...]:
    """The lesson's languages: its series' (``langs:`` in the source must say the same)."""
    return SERIES.get(country(src), SERIES["ru"])


def name_of(src: dict[str, Any]) -> str:
    """How ``--lesson`` names a lesson: "3" (Russian series), "vn3" (Vietnamese series)."""
    return f"{'' if country(src) == 'ru' else country(src)}{src.get('lesson')}"


def series_of(src: dict[str, Any], sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lessons of ``src``'s series, in order."""
    return [s for s in sources if country(s) == country(src)]


def _wanted(name: str | int) -> str:
    """"3" / "03" → "3"; "vn2" / "vn02" / "VN2" → "vn2"."""
    m = re.fullmatch(r"([a-z]*)0*(\d+)", str(name).strip().lower())
    if not m:
        raise SystemExit(f"--lesson {name!r}: give a number (3) or a series and a number (vn2)")
    return f"{'' if m.group(1) in ('', 'ru') else m.group(1)}{m.group(2)}"


def load_sources(only: Iterable[int | str] | None = None) -> list[dict[str, Any]]:
    """The lesson sources, in lesson order within each series, Russia's first (optionally only some lessons:
    3 or "3" for the Russian series, "vn2" for the Vietnamese)."""
    wanted = {_wanted(x) for x in only or []}
    out = []
    for path in sorted(SOURCES.glob("*.yaml")):
        with path.open(encoding="utf-8") as f:
            try:
                src = yaml.safe_load(f)
            except yaml.YAMLError as e:  # say which file, in plain words
                where = path.relative_to(ROOT)
                raise SystemExit(f"{where}: not valid YAML (quote texts that contain ': ')\n{e}") from None
        src["_path"] = path
        if "key_points" not in src and "summary" in src:  # the field's former name
            src["key_points"] = src.pop("summary")
        if not wanted or name_of(src) in wanted:
            out.append(src)
    order = list(SERIES)
    out.sort(key=lambda s: (order.index(country(s)) if country(s) in order else len(order), s.get("lesson") or 0))
    return out


def _bilingual(value: Any, where: str, langs: tuple[str, ...] = SERIES["ru"]) -> list[str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str | list) and value.get(k) for k in langs):
        return [f"{where}: needs both {' and '.join(repr(k) for k in langs)}"]
    return []


def validate(src: dict[str, Any]) -> list[str]:
    """Problems with a lesson source (missing translations, unknown exercises or try-its…)."""
    from payroll_ui.lessons.exercises import TRY_ITS

    n = name_of(src)
    langs = langs_of(src)
    errors: list[str] = []
    if country(src) not in SERIES:
        errors.append(f"lesson {n}: unknown country {country(src)!r} (known: {', '.join(SERIES)})")
    if "langs" in src and tuple(src["langs"]) != langs:
        errors.append(f"lesson {n}: 'langs' must be {list(langs)} for country {country(src)!r}")
    for key in ("slug", "title", *LIST_FIELDS):
        errors += _bilingual(src.get(key), f"lesson {n} {key}", langs)
    for key in LIST_FIELDS:
        value = src.get(key)
        if isinstance(value, dict) and all(isinstance(value.get(lang), list) for lang in langs):
            if len({len(value[lang]) for lang in langs}) != 1:
                errors.append(f"lesson {n}: {key} differ in number between {' and '.join(langs)}")
            if not all(isinstance(item, str) and item.strip() for lang in langs for item in value[lang]):
                errors.append(f"lesson {n}: every {key} item must be text (quote items that contain ': ')")
    if country(src) != "ru":
        slugs = src.get("slug") if isinstance(src.get("slug"), dict) else {}
        if not all(str(slugs.get(lang, "")).startswith(country(src)) for lang in langs):
            errors.append(f"lesson {n}: the file names (slug) must start with {country(src)!r}")
    errors += _check_minutes(src)
    errors += _check_glossary(src)
    errors += _check_law_links(src)
    for i, step in enumerate(src.get("plan", [])):
        errors += _bilingual(step, f"lesson {n} plan[{i}]", langs)
    for i, m in enumerate(src.get("mistakes", [])):
        errors += _bilingual(m, f"lesson {n} mistakes[{i}]", langs)
    for i, m in enumerate(src.get("seed_errors", [])):
        errors += _bilingual(m, f"lesson {n} seed_errors[{i}]", langs)
    markers = 0
    for i, cell in enumerate(src.get("cells", [])):
        where = f"lesson {n} cell {i}"
        if "md" in cell:
            errors += _bilingual(cell["md"], where, langs)
        elif "code" in cell:
            try:
                for lang in langs:
                    ast.parse(localise(cell["code"], lang))
            except SyntaxError as e:
                errors.append(f"{where}: {e}")
        elif "tryit" in cell:
            if cell["tryit"] not in TRY_ITS:
                errors.append(f"{where}: unknown try-it {cell['tryit']!r}")
            errors += _bilingual(cell.get("intro"), f"{where} intro", langs)
        elif cell == "exercises" or "exercises" in cell:
            markers += 1
        else:
            errors.append(f"{where}: unknown cell {cell!r}")
    if markers != 1:
        errors.append(f"lesson {n}: needs exactly one 'exercises' cell, has {markers}")
    if len(lesson_exercises(src)) < 3:
        errors.append(f"lesson {n}: needs at least three exercises in payroll_ui/lessons/content.py")
    return errors


def lesson_exercises(src: dict[str, Any]) -> list[Any]:
    """The lesson's exercises (ids "L3.1" in the Russian series, "V3.1" in the Vietnamese)."""
    return exercises_for(src["lesson"], country(src))


def _check_minutes(src: dict[str, Any]) -> list[str]:
    n = name_of(src)
    minutes, setup = src.get("minutes"), src.get("setup_minutes", 0)
    if not isinstance(minutes, int) or minutes <= 0:
        return [f"lesson {n}: 'minutes' must be a whole number of minutes"]
    if not isinstance(setup, int) or not 0 <= setup < minutes:
        return [f"lesson {n}: 'setup_minutes' must be a whole number below 'minutes'"]
    return []


def _check_glossary(src: dict[str, Any]) -> list[str]:
    """``glossary: [{term: {ru, en}, meaning: {ru, en}}, …]``, at least one term."""
    n, langs = name_of(src), langs_of(src)
    items = src.get("glossary")
    if not isinstance(items, list) or not items:
        return [f"lesson {n}: needs a 'glossary' (term and meaning in ru and en)"]
    errors: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(f"lesson {n} glossary[{i}]: needs 'term' and 'meaning'")
            continue
        errors += _bilingual(item.get("term"), f"lesson {n} glossary[{i}] term", langs)
        errors += _bilingual(item.get("meaning"), f"lesson {n} glossary[{i}] meaning", langs)
    return errors


def _check_law_links(src: dict[str, Any]) -> list[str]:
    """``law_links: [{label: {ru, en}, url: https://…}, …]``, at least one link."""
    n, langs = name_of(src), langs_of(src)
    items = src.get("law_links")
    if not isinstance(items, list) or not items:
        return [f"lesson {n}: needs 'law_links' (label in ru and en, an https url)"]
    errors: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(f"lesson {n} law_links[{i}]: needs 'label' and 'url'")
            continue
        errors += _bilingual(item.get("label"), f"lesson {n} law_links[{i}] label", langs)
        url = item.get("url")
        if not isinstance(url, str) or not url.startswith("https://") or " " in url:
            errors.append(f"lesson {n} law_links[{i}]: the url must start with https:// ({url!r})")
    return errors


# ---------------------------------------------------------------- code in one language


def localise(code: str, lang: str) -> str:
    """Replace each ``_("русский", "English")`` (``_("tiếng Việt", "English")`` in the Vietnamese series) in
    ``code`` by the text in ``lang``: the first argument is the series' own language, the second English."""
    tree = ast.parse(code)
    raw = code.encode("utf-8")
    starts = [0]
    for line in raw.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and len(node.args) == 2
            and not node.keywords
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        ):
            text = node.args[1 if lang == "en" else 0].value  # type: ignore[attr-defined]
            begin = starts[node.lineno - 1] + node.col_offset
            end = starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[operator]
            spans.append((begin, end, repr(text).encode("utf-8")))
    for begin, end, new in sorted(spans, reverse=True):
        raw = raw[:begin] + new + raw[end:]
    return raw.decode("utf-8")


# ---------------------------------------------------------------- the notebook


def _md(text: str, cid: str, tag: str | None = None) -> Any:
    cell = nbformat.v4.new_markdown_cell(text.strip())
    cell["id"] = cid
    if tag:
        cell["metadata"]["tags"] = [tag]
    return cell


def _code(text: str, cid: str, widget: bool = False) -> Any:
    cell = nbformat.v4.new_code_cell(text.strip())
    cell["id"] = cid
    if widget:
        cell["metadata"]["tags"] = [WIDGET_TAG]
    return cell


def slug(src: dict[str, Any], lang: str) -> str:
    return src["slug"][lang]


def notebook_path(src: dict[str, Any], lang: str) -> Path:
    return LESSONS / lang / f"{slug(src, lang)}.ipynb"


def _items(values: list[str]) -> str:
    return "\n".join(f"- {v.strip()}" for v in values)


def time_line(src: dict[str, Any], lang: str) -> str:
    """"Time: 90 min (of which 10 min set-up: …)"."""
    w = {k: tr(v, lang) for k, v in WORDS.items()}
    text = f"**{w['time']}:** {src['minutes']} {w['minutes']}"
    if src.get("setup_minutes"):
        text += f" ({w['setup_time'].format(src['setup_minutes'])})"
    return text + "."


def header(src: dict[str, Any], lang: str, total: int) -> str:
    """The top of a lesson: title, questions, goals, prerequisites, time, how to use the page (``total``: the
    number of lessons in its series)."""
    n = src["lesson"]
    w = {k: tr(v, lang) for k, v in WORDS.items()}
    if country(src) == "vn" and lang == "en":
        w["how_to"] = EN_VN_HOW_TO
    parts = [
        f"# {w['lesson']} {n}. {src['title'][lang]}",
        f"*{w['lesson']} {n} {w['of']} {total} · {src['minutes']} {w['minutes']}*",
    ]
    for key in ("questions", "goals", "prerequisites"):
        parts += [f"**{w[key]}**", _items(src[key][lang])]
    parts += [time_line(src, lang), w["how_to"]]
    return "\n\n".join(parts)


def glossary_text(src: dict[str, Any], lang: str) -> str:
    """The lesson's terms: "- **term** — meaning"."""
    rows = [f"- **{g['term'][lang].strip()}** — {g['meaning'][lang].strip()}" for g in src["glossary"]]
    return f"## {tr(WORDS['glossary'], lang)}\n\n" + "\n".join(rows)


def law_text(src: dict[str, Any], lang: str) -> str:
    """The law and the data the lesson cites, as links."""
    rows = [f"- [{link['label'][lang].strip()}]({link['url']})" for link in src["law_links"]]
    return f"## {tr(WORDS['law_links'], lang)}\n\n{tr(WORDS['law_intro'], lang)}\n\n" + "\n".join(rows)


def navigation(src: dict[str, Any], lang: str, sources: list[dict[str, Any]]) -> str:
    """Links to the previous and next lessons and to the start page (relative: lessons are served at
    ``lessons/<lang>/`` beside the apps, see docs/lessons.md)."""
    by_number = {s["lesson"]: s for s in series_of(src, sources)}
    w = {k: tr(v, lang) for k, v in WORDS.items()}
    links = []
    before, after = by_number.get(src["lesson"] - 1), by_number.get(src["lesson"] + 1)
    if before:
        links.append(f"[← {w['lesson']} {before['lesson']}. {before['title'][lang]}]({slug(before, lang)}.ipynb)")
    links.append(f"[{w['home']}]({APPS_FROM_LESSON}start.ipynb?lang={lang})")
    if after:
        links.append(f"[{w['lesson']} {after['lesson']}. {after['title'][lang]} →]({slug(after, lang)}.ipynb)")
    return "---\n\n" + " · ".join(links)


def setup_code(lang: str, series: str = "ru") -> str:
    choices = " / ".join(f'"{x}"' for x in SERIES[series])
    if series == "ru":
        return (
            f'LANG = "{lang}"  # {tr(WORDS["lang_comment"], lang)}: {choices}\n'
            "import calc\n"
            "from datetime import date\n"
            "from decimal import Decimal\n"
            "from calc.core.text import T, day, money, month_name, num, percent, tr\n"
            "from payroll_ui.lessons.exercises import exercise, try_it\n"
            "from payroll_ui.lessons.kit import *\n"
            "setup(LANG)"
        )
    return (
        f'LANG = "{lang}"  # {tr(WORDS["lang_comment"], lang)}: {choices}\n'
        "import calc\n"
        f"import calc.{series}\n"
        "from datetime import date\n"
        "from decimal import Decimal\n"
        "from calc.core.text import day, dong, month_name, num, percent, tr\n"
        "from payroll_ui.lessons.exercises import exercise, try_it\n"
        "from payroll_ui.lessons.kit import *\n"
        f'setup(LANG, country="{series}")'
    )


def build_notebook(src: dict[str, Any], lang: str, sources: list[dict[str, Any]]) -> Any:
    """The lesson's notebook in ``lang``, not yet executed (``sources``: all lessons, for the links)."""
    n = src["lesson"]
    total = len(series_of(src, sources))
    exs = lesson_exercises(src)
    prefix = "l" if country(src) == "ru" else country(src)
    cells = []

    def cid() -> str:
        return f"{prefix}{n}-{lang}-{len(cells):02d}"

    cells.append(_md(header(src, lang, total), cid()))
    cells.append(_code(setup_code(lang, country(src)), cid()))
    for cell in src["cells"]:
        if "md" in cell:
            cells.append(_md(cell["md"][lang], cid()))
        elif "code" in cell:
            cells.append(_code(localise(cell["code"], lang), cid()))
        elif "tryit" in cell:
            cells.append(_md(f"## {tr(WORDS['try'], lang)}\n\n{cell['intro'][lang].strip()}", cid(), tag="tryit"))
            cells.append(_code(f'{IGNORE}\ntry_it("{cell["tryit"]}", LANG)', cid(), widget=True))
        else:  # the exercises
            intro = cell.get("exercises") if isinstance(cell, dict) else None
            text = f"## {tr(WORDS['exercises'], lang)}"
            if isinstance(intro, dict):
                text += f"\n\n{intro[lang].strip()}"
            cells.append(_md(text, cid()))
            for ex in exs:
                label = f"**{tr(WORDS['exercise'], lang)} {ex.id[1:]}.**"
                cells.append(_md(f"{label} {tr(ex.question, lang)}", cid(), tag=EXERCISE_TAG))
                cells.append(_code(f'{IGNORE}\nexercise("{ex.id}", LANG)', cid(), widget=True))
    from payroll_ui.lessons.quiz import questions_for  # the self-study quiz (issue 15), where a lesson has one

    if questions_for(n, country(src)):
        cells.append(_code(f"{IGNORE}\nfrom payroll_ui.lessons.quiz import quiz\nquiz({n}, LANG)", cid(), widget=True))
    cells.append(_md(f"## {tr(WORDS['key_points'], lang)}\n\n{_items(src['key_points'][lang])}", cid()))
    cells.append(_md(glossary_text(src, lang), cid()))
    cells.append(_md(law_text(src, lang), cid()))
    cells.append(_code("footer()", cid()))
    cells.append(_md(navigation(src, lang, sources), cid()))
    nb = nbformat.v4.new_notebook(cells=cells)
    extra = {"country": country(src)} if country(src) != "ru" else {}
    nb["metadata"] = {
        "kernelspec": KERNEL,
        "language_info": {"name": "python"},
        "lesson": {"number": n, "lang": lang, "exercises": [e.id for e in exs]},
    }
    nb["metadata"]["lesson"].update(extra)
    return nb


# ---------------------------------------------------------------- executing and storing


def execute(nb: Any, timeout: int = 600) -> float:
    """Run every cell with nbclient; return the seconds it took."""
    from nbclient import NotebookClient

    started = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL["name"],
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()
    return time.perf_counter() - started


def tidy(nb: Any, lang: str) -> Any:
    """Deterministic outputs: the widget cells keep a short note instead of a widget model."""
    note = tr(WORDS["placeholder"], lang)
    for cell in nb.cells:
        cell["metadata"].pop("execution", None)
        if cell["cell_type"] != "code":
            continue
        if WIDGET_TAG in cell["metadata"].get("tags", []):
            cell["outputs"] = [
                nbformat.v4.new_output("display_data", data={"text/plain": note, "text/markdown": f"*{note}*"})
            ]
    nb["metadata"]["kernelspec"] = KERNEL
    nb["metadata"].get("language_info", {}).pop("version", None)
    return nb


def write(nb: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        nbformat.write(nb, f)


def sources_of(nb: Any) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(id, type, source, tags) of every cell: what ``--check`` compares."""
    return [(c.get("id", ""), c["cell_type"], c["source"], tuple(c["metadata"].get("tags", []))) for c in nb.cells]


# ---------------------------------------------------------------- the trainer's guide


VN_GUIDE = {
    "vi": {
        "title": "Hướng dẫn cho giảng viên — các bài học Việt Nam",
        "intro": (
            "Tài liệu này được tạo tự động bằng lệnh `python scripts/build_lessons.py` từ cùng dữ liệu với bài học: "
            "đáp án dưới đây do công cụ tính `calc` tính khi tạo tài liệu và trùng với đáp án mà ô bài tập chấp "
            "nhận. Cột «Cách tính» ghi các bước chính bằng lời, kèm con số, đúng như công cụ tính ghi; lời giải đầy "
            "đủ học viên xem trong bài bằng nút «Xem lời giải». Không sửa tệp này bằng tay — sửa nguồn của bài "
            "(`notebooks/lessons/source/vnNN.yaml`) hoặc bài tập (`payroll_ui/lessons/vn_content.py`) rồi tạo lại. "
            "Gợi ý dẫn lớp và lỗi thường gặp của từng bài: `notebooks/lessons/kit/vnNN.vi.md`."
        ),
        "before": "Trước buổi học",
        "before_items": (
            "- Chuẩn bị (một lần, khoảng 10 phút): `bash scripts/start.sh`. Học viên mở trang đầu (địa chỉ và mã lớp "
            "do lệnh in ra), chọn «Việt Nam»; các bài học là những trang không có mã lệnh trên cùng máy chủ, liên kết "
            "ở mục «Bài học». Bài học kèm mã lệnh dành cho giảng viên: `.venv/bin/jupyter lab notebooks/apps` "
            "(thư mục `lessons`).\n"
            "- Đề nghị học viên mang phiếu lương của mình (có thể che tên): bài tập tốt nhất là kiểm tra một phiếu "
            "lương thật.\n"
            "- Tự mở bài trên máy chủ và làm hết bài tập trước, để biết học viên sẽ vướng ở đâu.\n"
            "- Các số liệu ghi «cần kiểm tra» trong dữ liệu (verify) được bài học nói rõ: đối chiếu với văn bản mới "
            "nhất trước buổi học."
        ),
        "course": "Chương trình",
        "cols_course": "| Bài | Chủ đề | Phút | Tệp |",
        "goals": "Mục tiêu",
        "plan": "Kế hoạch buổi học",
        "cols_plan": "| Phút | Hoạt động |",
        "total": "Tổng",
        "key": "Đáp án",
        "cols_key": "| Số | Câu hỏi | Đáp án | Cách tính |",
        "mistakes": "Lỗi thường gặp",
        "seed_errors": "Những sai sót mà bài học phân tích",
        "trap_seed": "con số trong bài báo",
        "gives": "đáp án",
        "tolerance": (
            "Ô trả lời chấp nhận «1.250.000», «1250000», «1.250.000 ₫»; tiền được so đến từng đồng; đáp án lệch vài "
            "đồng được nhắc kiểm tra cách làm tròn."
        ),
    },
    "en": {
        "title": "Trainer's guide — the Vietnamese lessons",
        "intro": (
            "This guide is generated by `python scripts/build_lessons.py` from the same data as the lessons: the "
            "answers below are computed by the `calc` calculator at build time and are the ones the exercises "
            "accept. The column 'How it is computed' gives the main steps in words with their numbers, as the "
            "calculator itself writes them; the full solution is in the lesson behind 'Show the solution'. Do not "
            "edit this file by hand — edit the lesson source (`notebooks/lessons/source/vnNN.yaml`) or the exercises "
            "(`payroll_ui/lessons/vn_content.py`) and rebuild. Facilitation notes and common mistakes of each "
            "lesson: `notebooks/lessons/kit/vnNN.en.md`."
        ),
        "before": "Before a session",
        "before_items": (
            "- Setup (once, about 10 minutes): `bash scripts/start.sh`. Participants open the start page (the script "
            "prints the address and the class code) and choose 'Vietnam'; the lessons are pages without code on the "
            "same server, linked under 'Lessons'. The lessons with their code are for the trainer: "
            "`.venv/bin/jupyter lab notebooks/apps` (folder `lessons`).\n"
            "- Ask participants to bring their own payslips (phiếu lương; names may be blacked out): the best "
            "exercise is checking a real payslip.\n"
            "- Open the lesson on the server yourself and do the exercises, to know where participants will get "
            "stuck.\n"
            "- Figures marked 'verify' in the data are said so in the lessons: check them against the latest text "
            "before the session."
        ),
        "tolerance": (
            "The answer box accepts '1,250,000', '1250000', '1,250,000 ₫'; money is matched to the đồng; an answer "
            "a few đồng off gets a hint about rounding."
        ),
    },
}
"""The Vietnamese series' guide: its own words (the course, the currency) over the shared ones."""


def trainer_guide(sources: list[dict[str, Any]], lang: str, series: str = "ru") -> str:
    """The trainer's guide of one series (``sources``: its lessons) in ``lang``: course plan, and per lesson the
    session plan, the answer key (computed now by the engine from the exercise data) and common mistakes."""
    from payroll_ui.lessons.content import Exercise

    t = {
        "title": T("Руководство тренера", "Trainer's guide"),
        "intro": T(
            "Это руководство собирается автоматически командой `python scripts/build_lessons.py` из тех же "
            "данных, что и уроки: ответы ниже посчитаны калькулятором `calc` при сборке и совпадают с "
            "ответами в упражнениях. В столбце «Как посчитано» — главные шаги расчёта словами и с числами, "
            "как их записывает сам калькулятор; полное решение участник увидит в уроке по кнопке «Показать "
            "решение». Не правьте этот файл вручную — правьте источник урока (`notebooks/lessons/source/`) "
            "или упражнения (`payroll_ui/lessons/content.py`) и пересоберите.",
            "This guide is generated by `python scripts/build_lessons.py` from the same data as the lessons: "
            "the answers below are computed by the `calc` calculator at build time and are the ones the "
            "exercises accept. The column 'How it is computed' gives the main steps in words with their "
            "numbers, as the calculator itself writes them; the full solution is in the lesson behind 'Show the "
            "solution'. Do not edit this file by hand — edit the lesson source (`notebooks/lessons/source/`) or "
            "the exercises (`payroll_ui/lessons/content.py`) and rebuild.",
        ),
        "before": T("Перед занятием", "Before a session"),
        "before_items": T(
            "- Подготовка (один раз, около 10 минут): `bash scripts/start.sh`. Участники открывают стартовую "
            "страницу (адрес и код класса печатает скрипт); уроки — страницы без кода на том же сервере, ссылки на "
            "них — в разделе «Уроки». Уроки с кодом — для преподавателя: `.venv/bin/jupyter lab notebooks/apps` "
            "(папка `lessons`).\n"
            "- Распечатайте раздаточные материалы: `bash scripts/build_handouts.sh` → папка `handouts/ru/`.\n"
            "- Попросите участников принести свои расчётные листки (можно обезличенные): лучшие упражнения — "
            "это проверка настоящих листков.\n"
            "- Откройте урок на сервере сами и пройдите упражнения, чтобы знать, где участники застрянут.",
            "- Setup (once, about 10 minutes): `bash scripts/start.sh`. Participants open the start page (the script "
            "prints the address and the class code); the lessons are pages without code on the same server, "
            "linked under 'Lessons'. The lessons with their code are for the trainer: `.venv/bin/jupyter lab "
            "notebooks/apps` (folder `lessons`).\n"
            "- Print the handouts: `bash scripts/build_handouts.sh` → folder `handouts/en/`.\n"
            "- Ask participants to bring their own payslips (names may be blacked out): the best exercise is "
            "checking a real payslip.\n"
            "- Open the lesson on the server yourself and do the exercises, to know where participants will get stuck.",
        ),
        "course": T("Курс", "The course"),
        "cols_course": T("| Урок | Тема | Минут | Блокнот |", "| Lesson | Topic | Minutes | Notebook |"),
        "goals": T("Цели", "Goals"),
        "plan": T("План занятия", "Session plan"),
        "cols_plan": T("| Минут | Что делаем |", "| Minutes | Activity |"),
        "total": T("Всего", "Total"),
        "key": T("Ключ ответов", "Answer key"),
        "cols_key": T("| № | Вопрос | Ответ | Как посчитано |", "| No. | Question | Answer | How it is computed |"),
        "mistakes": T("Частые ошибки", "Common mistakes"),
        "seed_errors": T("Ошибки статьи, которые разбирает урок", "The article's errors this lesson covers"),
        "trap_seed": T("число из статьи", "the article's figure"),
        "gives": T("ответ", "answer"),
        "tolerance": T(
            "Поле ответа принимает «22 500», «22 500,00», «22 500 ₽»; деньги сверяются до копейки, НДФЛ — до "
            "рубля; ответ, отличающийся не больше чем на рубль, получает подсказку про округление.",
            "The answer box accepts '22,500', '22500.00', '22 500 ₽'; money is matched to the kopeck, income tax "
            "to the ruble; an answer a ruble or less off gets a hint about rounding.",
        ),
    }
    w = {k: tr(v, "en" if lang == "vi" else lang) for k, v in t.items()}
    if series == "vn":
        w.update(VN_GUIDE["en"])
        w.update(VN_GUIDE.get(lang, {}))
    out = [f"# {w['title']}", "", w["intro"], "", f"## {w['before']}", "", w["before_items"], ""]
    out += [f"## {w['course']}", "", w["cols_course"], "|---|---|---|---|"]
    for src in sources:
        link = f"[{slug(src, lang)}.ipynb]({lang}/{slug(src, lang)}.ipynb)"
        out.append(f"| {src['lesson']} | {src['title'][lang]} | {src['minutes']} | {link} |")
    out.append("")
    out += ["", w["tolerance"], ""]

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    for src in sources:
        n = src["lesson"]
        out += [f"## {tr(WORDS['lesson'], lang)} {n}. {src['title'][lang]}", "", f"### {w['goals']}", ""]
        out += [f"- {g}" for g in src["goals"][lang]]
        out += ["", f"### {w['plan']}", "", w["cols_plan"], "|---|---|"]
        for step in src.get("plan", []):
            out.append(f"| {step['minutes']} | {cell(step[lang])} |")
        out.append(f"| **{sum(s['minutes'] for s in src.get('plan', []))}** | **{w['total']}** |")
        out += ["", f"### {w['key']}", "", w["cols_key"], "|---|---|---|---|"]
        exs: list[Exercise] = lesson_exercises(src)
        for ex in exs:
            out.append(
                f"| {ex.id[1:]} | {cell(tr(ex.question, lang))} | **{cell(ex.answer_text(lang))}** | "
                f"{cell(ex.method(lang))} |"
            )
        out += ["", f"### {w['mistakes']}", ""]
        for ex in exs:
            for trap in ex.traps:
                figure = ex_format(ex, trap.figure(), lang)
                seed = f" ({w['trap_seed']})" if trap.seed else ""
                out.append(f"- {ex.id[1:]}: {w['gives']} {figure}{seed} — {tr(trap.message, lang)}")
        for m in src.get("mistakes", []):
            out.append(f"- {m[lang].strip()}")
        if src.get("seed_errors"):
            out += ["", f"### {w['seed_errors']}", ""]
            out += [f"- {m[lang].strip()}" for m in src["seed_errors"]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def ex_format(ex: Any, value: Any, lang: str) -> str:
    from payroll_ui.lessons.answers import format_answer

    return format_answer(value, ex.unit, lang)


def trainer_index(series: Iterable[str] = ("ru",)) -> str:
    text = (
        "# Руководство тренера / Trainer's guide\n\n"
        "- [Русская версия](TRAINER.ru.md) — план занятий, ключ ответов, частые ошибки.\n"
        "- [English version](TRAINER.en.md) — session plans, answer key, common mistakes.\n\n"
        "Оба файла собираются командой `python scripts/build_lessons.py` из тех же данных, что и уроки.\n"
        "Both files are generated by `python scripts/build_lessons.py` from the same data as the lessons.\n"
    )
    if "vn" in series:
        text += (
            "\n## Bài học Việt Nam / The Vietnamese lessons\n\n"
            "- [Tiếng Việt](TRAINER.vi.md) — kế hoạch buổi học, đáp án, lỗi thường gặp.\n"
            "- [English](TRAINER.vn.en.md) — session plans, answer key, common mistakes.\n"
        )
    return text


def guide_path(series: str, lang: str) -> Path:
    return LESSONS / GUIDE_NAMES[(series, lang)]


def guide_files(sources: list[dict[str, Any]]) -> dict[Path, str]:
    """Each series' guide in each of its languages, and the index of the guides."""
    present = [c for c in SERIES if any(country(s) == c for s in sources)]
    files = {}
    for series in present:
        lessons = [s for s in sources if country(s) == series]
        for lang in SERIES[series]:
            files[guide_path(series, lang)] = trainer_guide(lessons, lang, series)
    files[LESSONS / "TRAINER.md"] = trainer_index(present)
    return files


# ---------------------------------------------------------------- the command


def check(sources: list[dict[str, Any]], total: int, all_sources: list[dict[str, Any]]) -> list[str]:
    """What is out of date: notebooks whose cells differ from the source, or a stale guide."""
    problems = []
    for src in sources:
        for lang in langs_of(src):
            path = notebook_path(src, lang)
            if not path.exists():
                problems.append(f"missing {path.relative_to(ROOT)}")
                continue
            stored = nbformat.read(path, as_version=4)
            if sources_of(stored) != sources_of(build_notebook(src, lang, all_sources)):
                problems.append(f"{path.relative_to(ROOT)} differs from its source: rebuild it")
            if any(c["cell_type"] == "code" and c.get("execution_count") is None for c in stored.cells):
                problems.append(f"{path.relative_to(ROOT)} is not executed: rebuild it")
    for path, text in guide_files(all_sources).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            problems.append(f"{path.relative_to(ROOT)} is out of date: rebuild")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lesson", action="append",
                    help="only this lesson (repeatable): 3 in the Russian series, vn2 in the Vietnamese")
    ap.add_argument("--lang", choices=LANGS, action="append", help="only this language")
    ap.add_argument("--no-execute", action="store_true", help="write the notebooks without running them")
    ap.add_argument("--check", action="store_true", help="report what is out of date; exit 1 if anything is")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = ap.parse_args(argv)

    all_sources = load_sources()
    total = len(all_sources)
    wanted = {_wanted(x) for x in args.lesson or []}
    sources = [s for s in all_sources if not wanted or name_of(s) in wanted]
    if wanted - {name_of(s) for s in sources}:
        print(f"no such lesson: {', '.join(sorted(wanted - {name_of(s) for s in sources}))}", file=sys.stderr)
        return 2
    errors = [e for s in all_sources for e in validate(s)]
    for series in SERIES:
        numbers = [s["lesson"] for s in all_sources if country(s) == series]
        if numbers != list(range(1, len(numbers) + 1)):
            errors.append(f"lessons of the {series} series must be numbered 1..{len(numbers)}, found {numbers}")
    unused = set(EXERCISES) - {e.id for s in all_sources for e in lesson_exercises(s)}
    if unused:
        print(f"warning: exercises without a lesson source: {sorted(unused)}", file=sys.stderr)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    if args.check:
        problems = check(sources, total, all_sources)
        print("\n".join(problems) if problems else "lessons are up to date")
        return 1 if problems else 0

    for src in sources:
        for lang in [x for x in langs_of(src) if not args.lang or x in args.lang]:
            nb = build_notebook(src, lang, all_sources)
            path = notebook_path(src, lang)
            if not args.no_execute:
                seconds = execute(nb, args.timeout)
                tidy(nb, lang)
                print(f"{path.relative_to(ROOT)}: executed in {seconds:.1f} s")
            else:
                print(f"{path.relative_to(ROOT)}: written (not executed)")
            write(nb, path)
    for path, text in guide_files(all_sources).items():
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
