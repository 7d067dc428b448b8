"""The start page: links to every calculator and to the lessons, the language switch, the date the
rates are valid as of, and a paragraph for trainers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.text import Text, tr
from payroll_ui.kit import App, esc

REPO = Path(__file__).resolve().parents[2]
APPS_DIR = REPO / "notebooks" / "apps"
LESSONS_DIR = REPO / "notebooks" / "lessons"

APPS: list[tuple[str, Text, Text]] = [
    ("seniority", _("Long-service (seniority) bonus"),
     _("How much is my long-service bonus, and when does it go up? By the law's scale or your collective "
       "agreement's.")),
    ("advance", _("The advance and pay days"),
     _("How much should the advance be, how much tax comes off it, and what is left for the end of the month?")),
    ("cost", _("What an employee costs the employer"),
     _("What do I get in hand from my salary, and what does the employer pay in all, with the contributions?")),
    ("payslip", _("Payslip and the year"),
     _("Is my payslip right? Every line of a month's pay, the tax, the advance, and the whole year.")),
    ("dismissal", _("Final settlement on dismissal"),
     _("What am I owed on my last day: pay for the month, money for unused leave, the tax and the amount in "
       "hand.")),
    ("leave", _("Leave pay"),
     _("How much leave pay will I get, for which days, and by which day must it be paid?")),
    ("sick", _("Sick pay and maternity pay"),
     _("How much will my sick note or maternity leave pay, and what do the employer and the Social Fund each "
       "pay?")),
    ("late_pay", _("Compensation for late pay"),
     _("How much does the employer owe me for paying my wages, leave pay or settlement late?")),
    ("payslip_check", _("Check my payslip"),
     _("Is each line of my payslip right by the law — and if not, by how much and in whose favour?")),
    ("bargaining", _("Bargaining over a seniority scale"),
     _("What would a new seniority scale cost the employer, and what would the workers gain?")),
]

TXT: dict[str, Text] = {
    "calculators": _("Calculators"),
    "lessons": _("Lessons"),
    "trainers": _("For trainers"),
    "trainer_text": _(
        "Each calculator is one page: change the values in the fields and sliders and the figures and charts "
        "update at once. 'How is this computed?' unfolds every figure: the formula, the numbers put in, the "
        "rounding and the article of law. 'Link to this scenario' at the bottom of a page keeps every value "
        "entered — send it to participants and the same example opens for them. Switch the language with the "
        "buttons at the top or with ?lang=ru / ?lang=en in the link. Rates come from rules checked against their "
        "sources on the date below; values marked ⚠ could not be confirmed against a primary source.",
    ),
    "lessons_lab": _(
        "For trainers: the same lessons with their code, and the trainer's guide, open in JupyterLab (in a new "
        "tab).",
    ),
    "lessons_here": _(
        "Each lesson is a page with explanations, worked examples, calculators to try and exercises that check "
        "your answer. Your trainer will say which lesson to open:",
    ),
    "trainer_guide": _("Trainer's guide"),
    "trainer_guide_hint": _("session plans, answers, common mistakes"),
    "folder": _("Lessons folder"),
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


def served_root() -> tuple[Path, int] | None:
    """The folder Voilà serves and how deep this page lies in it, from the page's address (Voilà's
    ``SCRIPT_NAME``: ``…/voila/render/<path of the notebook in the served folder>``); None outside Voilà.

    ``voila notebooks/apps`` (scripts/start.sh) serves notebooks/apps: the page is ``start.ipynb`` at depth 0.
    JupyterLab or Binder started in the project folder serve the whole project: the page is
    ``notebooks/apps/start.ipynb`` at depth 2.
    """
    path = os.environ.get("SCRIPT_NAME", "") or ""
    marker = "/voila/render/"
    if marker not in path:
        return None
    parts = [p for p in path.split(marker, 1)[1].split("/")[:-1] if p]
    here = APPS_DIR.parts
    if len(parts) > len(here) - 1 or (parts and list(here[len(here) - len(parts):]) != parts):
        return None  # the page is not this project's start page: no guess
    return Path(*here[: len(here) - len(parts)]), len(parts)


def lab_prefix() -> str | None:
    """A relative link prefix to JupyterLab's files (``…/lab/tree/``) when the served folder holds the lessons
    (JupyterLab, Binder: ``../../../../lab/tree/``), else None (Voilà serving notebooks/apps only, or no Voilà).

    Relative, so it works behind any base URL (Binder's ``/user/<name>/``): from
    ``<base>/voila/render/<dirs>/start.ipynb`` it climbs the page's folders and ``voila/render`` to ``<base>/``.
    """
    found = served_root()
    if found is None:
        return None
    root, depth = found
    if depth == 0 or not LESSONS_DIR.is_relative_to(root):
        return None
    return "../" * (depth + 2) + "lab/tree/"


def lessons_path() -> str:
    """notebooks/lessons as a path inside the served folder (for ``lab/tree/…`` links)."""
    found = served_root()
    root = found[0] if found else REPO
    return LESSONS_DIR.relative_to(root).as_posix()


class StartApp(App):
    """The start page (no computation: the links, the language switch, the rules' date)."""

    name = "start"
    render_after_request = True  # the lesson links depend on the page's address
    title = _("Payroll calculators")
    intro = _(
        "Check your pay: each calculator answers one question and shows how every figure is computed, with the "
        "article of law it rests on. Print the result or save it as PDF for a claim.",
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
        """The lessons as pages of this server, in plain words (Voilà serves them beside the apps, without
        their code: ``lessons/<lang>/…``, docs/lessons.md). Under JupyterLab or Binder started in the project
        folder, trainers also get the notebooks with their code and the trainer's guide; otherwise the guide
        is only named (it holds the answers: participants should not open it during a class)."""
        lang = self.lang
        items = lesson_notebooks(lang)
        links = "".join(
            f'<li><a class="lesson-link" href="lessons/{lang}/{esc(f)}">{esc(t)}</a></li>' for f, t in items
        )
        text = f'<p class="pa-lessons-note">{esc(tr(TXT["lessons_here"], lang))}</p><ul>{links}</ul>'
        prefix = lab_prefix()
        guide = "TRAINER.ru.md" if lang == "ru" else "TRAINER.en.md"
        has_guide = (LESSONS_DIR / guide).exists()
        if prefix is not None:
            base = f"{prefix}{lessons_path()}"
            extra = (f'<li><a href="{esc(base)}/{lang}" target="_blank" rel="noopener">'
                     f"{esc(tr(TXT['folder'], lang))}</a></li>")
            if has_guide:
                extra += (f'<li><a class="guide-link" href="{esc(base)}/{guide}" target="_blank" rel="noopener">'
                          f"{esc(tr(TXT['trainer_guide'], lang))}</a> "
                          f"<small>({esc(tr(TXT['trainer_guide_hint'], lang))})</small></li>")
            return f"{text}<p>{esc(tr(TXT['lessons_lab'], lang))}</p><ul>{extra}</ul>"
        if has_guide:
            text += (f"<p>{esc(tr(TXT['trainer_guide'], lang))} "
                     f"<small>({esc(tr(TXT['trainer_guide_hint'], lang))})</small></p>")
        return text


def build(lang: str = "ru", params: dict[str, str] | None = None) -> StartApp:
    """Build the start page (for tests and for notebooks)."""
    return StartApp(lang, params)


def main() -> StartApp:
    """Show the start page, in the language of the URL (?lang=en)."""
    from payroll_ui.kit import run

    return run(StartApp)
