"""The start page: the country (Russia or Vietnam), links to its calculators and lessons, the language
switch, the date its rules are valid as of, and a paragraph for trainers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as W

from calc.core.i18n import _
from calc.core.rules import RuleBook, rulebook
from calc.core.text import Text, day, tr
from payroll_ui.apps import ru_apps, vn_apps
from payroll_ui.kit import App, Param, esc, parse_choice, safe, setter

REPO = Path(__file__).resolve().parents[2]
APPS_DIR = REPO / "notebooks" / "apps"
LESSONS_DIR = REPO / "notebooks" / "lessons"

COUNTRIES: dict[str, tuple[Text, tuple[str, ...], list[tuple[str, Text, Text]]]] = {
    "ru": (_("Russia"), ("ru", "en"), ru_apps.APPS),
    "vn": (_("Vietnam"), ("vi", "en"), vn_apps.APPS),
}
"""Each country: its name, the languages of its apps (the first is its own) and its calculators."""

TXT: dict[str, Text] = {
    "country": _("Country"),
    "covered": _("Rules of {country}: from {start} to {end}."),
    "calculators": _("Calculators"),
    "lessons": _("Lessons"),
    "trainers": _("For trainers"),
    "trainer_text": _(
        "Each calculator is one page: change the values in the fields and sliders and the figures and charts "
        "update at once. 'How is this computed?' unfolds every figure: the formula, the numbers put in, the "
        "rounding and the article of law. 'Link to this scenario' at the bottom of a page keeps every value "
        "entered — send it to participants and the same example opens for them. Switch the language with the "
        "buttons at the top or with {langs} in the link. Rates come from rules checked against their "
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

SERIES_PREFIX = {"vn": "vn"}
"""A country's lesson files start with this (Vietnam's: ``vn01_…``); Russia's lessons are the others."""
GUIDES = {("ru", "ru"): "TRAINER.ru.md", ("ru", "en"): "TRAINER.en.md",
          ("vn", "vi"): "TRAINER.vi.md", ("vn", "en"): "TRAINER.vn.en.md"}
"""The trainer's guide of each country's lessons in each language (scripts/build_lessons.py writes them)."""


def _of_country(name: str, country: str) -> bool:
    prefix = SERIES_PREFIX.get(country)
    if prefix is not None:
        return name.startswith(prefix)
    return not any(name.startswith(p) for p in SERIES_PREFIX.values())


def lesson_notebooks(lang: str, country: str = "ru") -> list[tuple[str, str]]:
    """(file name, title) of each lesson notebook of ``country`` in ``notebooks/lessons/<lang>``, sorted."""
    out = []
    for path in sorted((LESSONS_DIR / lang).glob("*.ipynb")):
        if not _of_country(path.name, country):
            continue
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


def country_of(lang: str) -> str:
    """The country whose apps speak ``lang`` as their own (Vietnamese → Vietnam; Russian, English → Russia)."""
    return next((c for c, (_n, langs, _a) in COUNTRIES.items() if langs[0] == lang), "ru")


class StartApp(App):
    """The start page (no computation: the country, the links, the language switch, the rules' date)."""

    name = "start"
    langs: ClassVar[tuple[str, ...]] = ("ru", "en", "vi")
    render_after_request = True  # the lesson links depend on the page's address
    title = _("Payroll calculators")
    intro = _(
        "Check your pay: each calculator answers one question and shows how every figure is computed, with the "
        "article of law it rests on. Print the result or save it as PDF for a claim.",
    )

    def build(self) -> None:
        self.country = country_of(self.lang)
        self.w_country = W.ToggleButtons(options=[(tr(n, self.lang), c) for c, (n, _l, _a) in COUNTRIES.items()],
                                         value=self.country, style={"button_width": "auto"})
        self.add_field("country", self.w_country, TXT["country"], watch=False)
        self.w_country.observe(self._on_country, names="value")
        self.links = W.HTML()
        self.links.add_class("pa-start")

    def inputs(self) -> list[W.Widget]:
        return [self.fields["country"].box]

    def layout(self) -> list[W.Widget]:
        """Header, intro, the country, the links and the footer (no input column, no explanation panel)."""
        children = super().layout()
        css, header, intro, notice = children[:4]
        return [css, header, intro, notice, self.fields["country"].box, self.links, self.footer]

    def outputs(self) -> list[W.Widget]:
        return [self.links]

    def params(self) -> list[Param]:
        return [Param("country", parse_choice(tuple(COUNTRIES)), setter(self.w_country),
                      lambda: self.w_country.value)]

    def apply_params(self, params: Any) -> None:
        """A link with ?lang= and no ?country= opens the country of that language (?lang=vi: Vietnam); a country
        whose apps do not speak the link's language shows its own (?lang=ru&country=vn: Vietnamese)."""
        if "country" not in params and params.get("lang") in self.langs:
            params = {**params, "country": country_of(params["lang"])}
        super().apply_params(params)
        self.country = self.w_country.value
        langs = COUNTRIES[self.country][1]
        if self.lang not in langs:
            self.lang = langs[0]
            self.lang_switch.value = langs[0]

    @safe
    def _on_country(self, change: Any) -> None:
        """Another country: its rules; the language changes to the country's own unless its apps speak it.
        (Ignored while the page changes several widgets itself: relabelling, links, the language switch.)"""
        if self._hold:
            return
        self.country = change["new"]
        langs = COUNTRIES[self.country][1]
        if self.lang not in langs:
            self.set_lang(langs[0])
        else:
            self.refresh()

    def set_lang(self, lang: str) -> None:
        """Russian or Vietnamese also choose their country; English keeps the one chosen."""
        if lang in self.langs and lang != "en" and COUNTRIES[self.w_country.value][1][0] != lang:
            with self.hold():
                self.w_country.value = country_of(lang)
            self.country = country_of(lang)
        super().set_lang(lang)

    def relabel(self) -> None:
        self.set_options(self.w_country, [(tr(n, self.lang), c) for c, (n, _l, _a) in COUNTRIES.items()])

    def compute(self) -> RuleBook:
        self.country = self.w_country.value
        return rulebook(self.country)

    def rules(self, result: Any) -> list[Any]:
        return []

    def explain_source(self, result: Any, lang: str) -> str:
        return ""

    def render(self, result: RuleBook) -> None:
        lang = self.lang
        name, langs, listing = COUNTRIES[self.country]
        apps = []
        for app, label, text in listing:
            if not (APPS_DIR / f"{app}.ipynb").exists():
                continue
            apps.append(
                f'<li><a class="app-link" data-app="{app}" href="{app}.ipynb?lang={lang}">'
                f"<b>{esc(tr(label, lang))}</b></a><br><small>{esc(tr(text, lang))}</small></li>"
            )
        covered = tr(TXT["covered"], lang).format(country=tr(name, lang), start=day(result.covered_from, lang),
                                                  end=day(result.covered_to, lang))
        has_lessons = bool(lesson_notebooks(lang, self.country))
        lessons = f"<h3>{esc(tr(TXT['lessons'], lang))}</h3>{self._lessons()}" if has_lessons else ""
        switch = " / ".join(f"?lang={code}" for code in langs)
        self.links.value = (
            f'<p class="pa-covered" data-country="{self.country}">{esc(covered)}</p>'
            f"<h3>{esc(tr(TXT['calculators'], lang))}</h3><ul class=\"pa-apps\">{''.join(apps)}</ul>{lessons}"
            f"<h3>{esc(tr(TXT['trainers'], lang))}</h3>"
            f"<p>{esc(tr(TXT['trainer_text'], lang).format(langs=switch))}</p>"
        )

    def _lessons(self) -> str:
        """The lessons as pages of this server, in plain words (Voilà serves them beside the apps, without
        their code: ``lessons/<lang>/…``, docs/lessons.md). Under JupyterLab or Binder started in the project
        folder, trainers also get the notebooks with their code and the trainer's guide; otherwise the guide
        is only named (it holds the answers: participants should not open it during a class)."""
        lang = self.lang
        items = lesson_notebooks(lang, self.country)
        links = "".join(
            f'<li><a class="lesson-link" href="lessons/{lang}/{esc(f)}">{esc(t)}</a></li>' for f, t in items
        )
        text = f'<p class="pa-lessons-note">{esc(tr(TXT["lessons_here"], lang))}</p><ul>{links}</ul>'
        prefix = lab_prefix()
        guide = GUIDES.get((self.country, lang), "")
        has_guide = bool(guide) and (LESSONS_DIR / guide).exists()
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
