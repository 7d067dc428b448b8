"""The start page: links to every calculator and to the lessons, the language switch, the date the
rates are valid as of, and a paragraph for trainers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import ipywidgets as W

import calc
from calc.text import T, Text, tr

from .common import App, esc

REPO = Path(__file__).resolve().parents[1]
APPS_DIR = REPO / "notebooks" / "apps"
LESSONS_DIR = REPO / "notebooks" / "lessons"

APPS: list[tuple[str, Text, Text]] = [
    ("seniority", T("Надбавка за выслугу лет", "Long-service (seniority) bonus"),
     T("Шкалы из законов и своя шкала коллективного договора; процент, сумма, следующая ступень.",
       "Scales from the law or your own collective-agreement scale; the rate, the amount, the next step.")),
    ("advance", T("Аванс и дни выплаты", "The advance and pay days"),
     T("Аванс за первую половину месяца, НДФЛ с аванса, окончательный расчёт, календарь месяца.",
       "The first-half advance, НДФЛ withheld from it, the final payment, the month's calendar.")),
    ("cost", T("Сколько работник стоит работодателю", "What an employee costs the employer"),
     T("Начислено ⇄ на руки ⇄ полная стоимость; взносы по фондам; вся шкала с изломами.",
       "Gross ⇄ net ⇄ total cost; contributions by fund; the whole range with its kinks.")),
    ("payslip", T("Расчётный листок и год", "Payslip and the year"),
     T("Все начисления месяца, НДФЛ, аванс, окончательный расчёт и 12 месяцев года.",
       "A month's full pay, НДФЛ, the advance, the final payment and the 12 months of the year.")),
    ("dismissal", T("Окончательный расчёт при увольнении", "Final settlement on dismissal"),
     T("Оплата последнего месяца, компенсация за отпуск, НДФЛ и сумма на руки.",
       "Pay for the last month, leave compensation, НДФЛ and the net amount.")),
    ("bargaining", T("Переговоры о шкале надбавки", "Bargaining over a seniority scale"),
     T("Сколько стоит работодателю предложенная шкала для всего коллектива и что получают работники.",
       "What a proposed scale costs the employer for the whole workforce and what the workers gain.")),
]

TXT: dict[str, Text] = {
    "calculators": T("Калькуляторы", "Calculators"),
    "lessons": T("Уроки", "Lessons"),
    "trainers": T("Для преподавателей", "For trainers"),
    "trainer_text": T(
        "Каждый калькулятор — одна страница: меняйте значения в полях и ползунках, цифры и графики обновляются "
        "сразу. Раздел «Как это посчитано?» раскрывает каждую цифру: формулу, подставленные числа, округление и "
        "статью закона. Ссылка «Ссылка на этот расчёт» внизу страницы сохраняет все введённые значения — "
        "отправьте её участникам, и у них откроется тот же пример. Язык переключается кнопками вверху страницы "
        "или параметром ссылки ?lang=ru / ?lang=en. Ставки взяты из правил, сверенных с источниками на дату ниже; "
        "значения со знаком ⚠ сверить с первоисточником не удалось.",
        "Each calculator is one page: change the values in the fields and sliders and the figures and charts "
        "update at once. 'How is this computed?' unfolds every figure: the formula, the numbers put in, the "
        "rounding and the article of law. 'Link to this scenario' at the bottom of a page keeps every value "
        "entered — send it to participants and the same example opens for them. Switch the language with the "
        "buttons at the top or with ?lang=ru / ?lang=en in the link. Rates come from rules checked against their "
        "sources on the date below; values marked ⚠ could not be confirmed against a primary source.",
    ),
    "lessons_lab": T(
        "Уроки — это блокноты Jupyter с заданиями; они открываются в JupyterLab, где можно запускать код.",
        "The lessons are Jupyter notebooks with exercises; they open in JupyterLab, where code can be run.",
    ),
    "lessons_local": T(
        "Уроки — это блокноты Jupyter в папке notebooks/lessons/{lang} проекта. Откройте их в JupyterLab "
        "(команда «jupyter lab notebooks/lessons» в папке проекта) или через Binder.",
        "The lessons are Jupyter notebooks in the project's notebooks/lessons/{lang} folder. Open them in "
        "JupyterLab ('jupyter lab notebooks/lessons' in the project folder) or on Binder.",
    ),
    "trainer_guide": T("Руководство для преподавателя", "Trainer's guide"),
    "folder": T("Папка с уроками", "Lessons folder"),
}


def lesson_notebooks(lang: str) -> list[tuple[str, str]]:
    """(file name, title) of each lesson notebook in ``notebooks/lessons/<lang>``, sorted."""
    out = []
    for path in sorted((LESSONS_DIR / lang).glob("*.ipynb")):
        title = path.stem
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
            for cell in cells:
                if cell.get("cell_type") == "markdown":
                    text = "".join(cell.get("source", []))
                    heading = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
                    title = heading or title
                    break
        except (OSError, ValueError):
            pass
        out.append((path.name, title))
    return out


def lab_prefix() -> str | None:
    """The JupyterLab URL prefix when the apps run inside Jupyter Server (Binder), else None."""
    path = os.environ.get("SCRIPT_NAME", "") or ""
    marker = "/voila/render/notebooks/apps/"
    if marker in path:
        return path.split(marker)[0] + "/lab/tree/"
    return None


class StartApp(App):
    """The start page (no computation: the links, the language switch, the rules' date)."""

    name = "start"
    title = T("Калькуляторы оплаты труда", "Payroll calculators")
    intro = T(
        "Правила оплаты труда в России 2011–2026 годов в виде калькуляторов — для занятий с профсоюзным активом.",
        "Russian pay rules 2011–2026 as calculators — for training trade-union staff.",
    )

    def build(self) -> None:
        self.links = W.HTML()
        self.links.add_class("pa-start")

    def inputs(self) -> list[W.Widget]:
        return []

    def layout(self) -> list[W.Widget]:
        """Header, intro, the links and the footer (no input column, no explanation panel)."""
        children = super().layout()
        css, header, intro, notice = children[:4]
        return [css, header, intro, notice, self.links, self.footer]

    def outputs(self) -> list[W.Widget]:
        return [self.links]

    def compute(self) -> Any:
        return calc.rulebook()

    def rules(self, result: Any) -> list[Any]:
        return []

    def explain_source(self, result: Any, lang: str) -> str:
        return ""

    def render(self, result: Any) -> None:
        lang = self.lang
        apps = []
        for name, label, text in APPS:
            if not (APPS_DIR / f"{name}.ipynb").exists():
                continue
            apps.append(
                f'<li><a class="app-link" data-app="{name}" href="{name}.ipynb?lang={lang}">'
                f"<b>{esc(tr(label, lang))}</b></a><br><small>{esc(tr(text, lang))}</small></li>"
            )
        self.links.value = (
            f"<h3>{esc(tr(TXT['calculators'], lang))}</h3><ul class=\"pa-apps\">{''.join(apps)}</ul>"
            f"<h3>{esc(tr(TXT['lessons'], lang))}</h3>{self._lessons()}"
            f"<h3>{esc(tr(TXT['trainers'], lang))}</h3><p>{esc(tr(TXT['trainer_text'], lang))}</p>"
        )

    def _lessons(self) -> str:
        lang = self.lang
        items = lesson_notebooks(lang)
        prefix = lab_prefix()
        guide = "TRAINER.ru.md" if lang == "ru" else "TRAINER.en.md"
        if prefix is not None:
            links = "".join(
                f'<li><a href="{esc(prefix)}notebooks/lessons/{lang}/{esc(f)}" target="_blank">{esc(t)}</a></li>'
                for f, t in items
            )
            extra = (f'<li><a href="{esc(prefix)}notebooks/lessons/{lang}" target="_blank">'
                     f"{esc(tr(TXT['folder'], lang))}</a></li>")
            if (LESSONS_DIR / guide).exists():
                extra += (f'<li><a href="{esc(prefix)}notebooks/lessons/{guide}" target="_blank">'
                          f"{esc(tr(TXT['trainer_guide'], lang))}</a></li>")
            return f"<p>{esc(tr(TXT['lessons_lab'], lang))}</p><ul>{links}{extra}</ul>"
        listing = "".join(f"<li>{esc(t)} <small>({esc(f)})</small></li>" for f, t in items)
        return f"<p>{esc(tr(TXT['lessons_local'], lang).format(lang=lang))}</p><ul>{listing}</ul>"


def build(lang: str = "ru", params: dict[str, str] | None = None) -> StartApp:
    """Build the start page (for tests and for notebooks)."""
    return StartApp(lang, params)


def main() -> StartApp:
    """Show the start page, in the language of the URL (?lang=en)."""
    from .common import run

    return run(StartApp)
