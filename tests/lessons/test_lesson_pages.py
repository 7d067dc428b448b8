"""Lessons as pages of the apps' server (issue 12, issue 15): every lesson has its questions, goals,
prerequisites, time, key points, glossary and law links in both languages; every link in a lesson resolves
on the served folder (``notebooks/apps``, where ``lessons`` leads to ``notebooks/lessons``)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.lessons.test_lesson_notebooks import ALL_CASES, ALL_IDS, ALL_SOURCES, LESSONS, ROOT, SOURCES, build, notebook

SERVED = ROOT / "notebooks" / "apps"  # what scripts/start.sh serves: voila notebooks/apps
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")
LANGS = ("ru", "en")
CASES, IDS = ALL_CASES, ALL_IDS  # both series, each in its languages


def links_of(nb: Any) -> list[str]:
    """Every link of a stored lesson: in its Markdown and in its stored HTML outputs."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            texts.append(cell.source)
        for out in cell.get("outputs", []):
            texts.append(str(out.get("data", {}).get("text/html", "")))
    return [a or b for text in texts for a, b in LINK.findall(text)]


def served_target(lang: str, link: str) -> Path | None:
    """The file a relative link of a lesson at ``lessons/<lang>/`` opens on the server, or None when the link
    climbs out of the served folder."""
    path = urlsplit(link).path
    target = os.path.normpath(os.path.join(SERVED, "lessons", lang, path))
    if not (target + os.sep).startswith(str(SERVED) + os.sep):
        return None
    return Path(target)


@pytest.mark.parametrize("src", ALL_SOURCES, ids=lambda s: f"lesson{build.name_of(s)}")
def test_every_lesson_has_its_fields_in_both_languages(src: dict[str, Any]) -> None:
    LANGS = build.langs_of(src)
    for key in ("title", "questions", "goals", "prerequisites", "key_points"):
        for lang in LANGS:
            value = src[key][lang]
            items = value if isinstance(value, list) else [value]
            assert items and all(isinstance(i, str) and i.strip() for i in items), (key, lang)
    assert isinstance(src["minutes"], int) and src["minutes"] > 0
    assert src["glossary"] and src["law_links"]
    for entry in src["glossary"]:
        assert all(entry[part][lang].strip() for part in ("term", "meaning") for lang in LANGS), entry
    for link in src["law_links"]:
        assert all(link["label"][lang].strip() for lang in LANGS), link
        assert link["url"].startswith("https://") and " " not in link["url"], link["url"]
    assert build.validate(src) == []


def test_the_first_lesson_has_ten_minutes_of_set_up() -> None:
    first = SOURCES[0]
    assert first["setup_minutes"] == 10
    assert first["plan"][0]["minutes"] == 10 and "Set-up" in first["plan"][0]["en"]
    assert "10 min set-up" in notebook(first, "en").cells[0].source


def test_a_lesson_without_its_fields_is_refused() -> None:
    src = {**SOURCES[0], "questions": {"ru": ["?"], "en": []}, "law_links": [{"label": {"ru": "a", "en": "b"},
                                                                               "url": "http://x.ru"}]}
    src.pop("glossary")
    problems = " ".join(build.validate(src))
    assert "questions" in problems and "glossary" in problems and "https://" in problems


@pytest.mark.parametrize(("src", "lang"), CASES, ids=IDS)
def test_the_fields_are_on_the_page(src: dict[str, Any], lang: str) -> None:
    """Top: questions, goals, prerequisites, time; bottom: key points, glossary, law links, navigation."""
    nb = notebook(src, lang)
    top = nb.cells[0].source
    for key in ("questions", "goals", "prerequisites"):
        assert all(item.strip() in top for item in src[key][lang]), key
    assert f"{src['minutes']} " in top
    bottom = "\n".join(c.source for c in nb.cells[-6:] if c.cell_type == "markdown")
    assert all(item.strip() in bottom for item in src["key_points"][lang])
    assert all(g["term"][lang].strip() in bottom and g["meaning"][lang].strip() in bottom for g in src["glossary"])
    assert all(f"]({link['url']})" in bottom for link in src["law_links"])
    assert f"start.ipynb?lang={lang}" in nb.cells[-1].source


def test_lessons_are_served_beside_the_apps() -> None:
    """``voila notebooks/apps`` serves the lessons at ``lessons/<lang>/…`` (a link to ../lessons), without their
    code, and preheats no kernel for them (16 kernels waiting would take the memory of a class)."""
    assert (SERVED / "lessons").resolve() == LESSONS.resolve()
    assert (SERVED / "lessons" / "ru" / "01_oklad.ipynb").is_file()
    config = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    assert config["VoilaConfiguration"]["strip_sources"] is True
    (pattern,) = config["VoilaKernelManager"]["preheat_denylist"]  # Voilà: re.match on the notebook's path
    for lesson in ("lessons/ru/01_oklad.ipynb", "/srv/x/notebooks/apps/lessons/en/01_salary.ipynb"):
        assert re.match(pattern, lesson)
    for app in ("start.ipynb", "/srv/lessons/notebooks/apps/bargaining.ipynb"):
        assert not re.match(pattern, app) and pattern not in app


@pytest.mark.parametrize(("src", "lang"), CASES, ids=IDS)
def test_every_link_in_a_lesson_resolves_on_the_server(src: dict[str, Any], lang: str) -> None:
    links = links_of(notebook(src, lang))
    assert links, "a lesson links at least the start page and the law"
    for link in links:
        parts = urlsplit(link)
        if parts.scheme or link.startswith(("#", "data:")):
            assert parts.scheme == "https" or link.startswith(("#", "data:")), link
            continue
        target = served_target(lang, link)
        assert target is not None, f"{link}: outside the served folder"
        assert target.is_file(), f"{link}: no such page on the server ({target})"
        if "lang=" in parts.query:
            assert f"lang={lang}" in parts.query, f"{link}: the app opens in another language"


def test_the_bargaining_link_of_lesson_8_opens_the_app() -> None:
    """Issue 12: the link was ../../apps/bargaining.ipynb — a 404 on the served server."""
    src = next(s for s in SOURCES if s["lesson"] == 8)
    for lang in LANGS:
        links = links_of(notebook(src, lang))
        app = [link for link in links if "bargaining.ipynb" in link]
        assert app and all(served_target(lang, link) == SERVED / "bargaining.ipynb" for link in app)


def test_the_start_page_links_every_lesson_page() -> None:
    from payroll_ui.apps.start import build as start_page

    for lang in LANGS:
        page = start_page(lang).links.value
        hrefs = [h for h in re.findall(r'href="(lessons/[^"]+)"', page)]
        expected = sorted(p.name for p in (LESSONS / lang).glob("*.ipynb") if not p.name.startswith("vn"))
        assert sorted(Path(h).name for h in hrefs) == expected
        assert all((SERVED / h).is_file() for h in hrefs)
    for lang, params in (("vi", None), ("en", {"country": "vn"})):  # Vietnam chosen: its own lessons only
        page = start_page(lang, params).links.value
        hrefs = [h for h in re.findall(r'href="(lessons/[^"]+)"', page)]
        expected = sorted(build.notebook_path(s, lang).name for s in ALL_SOURCES if build.country(s) == "vn")
        assert expected and sorted(Path(h).name for h in hrefs) == expected
        assert all(h.startswith(f"lessons/{lang}/vn") and (SERVED / h).is_file() for h in hrefs)
