"""The start page links every app in the chosen language and lists the lessons."""

from __future__ import annotations

from payroll_ui.start_app import APPS_DIR, build, lesson_notebooks


def test_links_to_every_app() -> None:
    app = build("ru")
    assert {"payroll-app", "app-start", "app-ready"} <= set(app.root._dom_classes)
    for nb in APPS_DIR.glob("*.ipynb"):
        if nb.stem != "start":
            assert f'href="{nb.stem}.ipynb?lang=ru"' in app.links.value
    app.lang_switch.value = "en"
    assert 'href="seniority.ipynb?lang=en"' in app.links.value
    assert "For trainers" in app.links.value


def test_lessons_listed(monkeypatch) -> None:
    app = build("en")
    for _, title in lesson_notebooks("en"):
        assert title.replace("'", "&#x27;") in app.links.value
    monkeypatch.setenv("SCRIPT_NAME", "/user/x/voila/render/notebooks/apps/start.ipynb")
    binder = build("ru")
    assert 'href="/user/x/lab/tree/notebooks/lessons/ru' in binder.links.value


def test_url_language() -> None:
    assert build("ru", {"lang": "en"}).lang == "en"
    assert "lang=xx" in build("ru", {"lang": "xx"}).notice.value
