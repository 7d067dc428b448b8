"""The start page links every app in the chosen language and lists the lessons."""

from __future__ import annotations

import pytest

from calc.core.rules import rulebook
from payroll_ui.apps.start import APPS_DIR, COUNTRIES, build, lesson_notebooks


def test_links_to_every_app() -> None:
    app = build("ru")
    assert {"payroll-app", "app-start", "app-ready"} <= set(app.root._dom_classes)
    vietnamese = {name for name, _t, _q in COUNTRIES["vn"][2]}
    for nb in APPS_DIR.glob("*.ipynb"):
        if nb.stem != "start" and nb.stem not in vietnamese:
            assert f'href="{nb.stem}.ipynb?lang=ru"' in app.links.value
    app.lang_switch.value = "en"
    assert 'href="seniority.ipynb?lang=en"' in app.links.value
    assert "For trainers" in app.links.value
    app.w_country.value = "vn"
    for name in vietnamese:
        if (APPS_DIR / f"{name}.ipynb").exists():
            assert f'href="{name}.ipynb?lang=en"' in app.links.value
    assert 'href="seniority.ipynb' not in app.links.value


def test_the_country_chooses_its_rules_and_language() -> None:
    """Vietnam: its calculators, its rules' dates and "valid as of", Vietnamese (or English); back: Russian."""
    app = build("ru")
    assert app.lang_switch.options == (("Русский", "ru"), ("English", "en"), ("Tiếng Việt", "vi"))
    app.w_country.value = "vn"
    assert app.lang == "vi" and app.country == "vn"
    assert 'href="vn_pay.ipynb?lang=vi"' in app.links.value
    assert "Quy định của Việt Nam: từ ngày 01/01/2025 đến ngày 31/12/2026." in app.links.value
    assert "Các mức áp dụng tại ngày" in app.footer.value
    assert f'data-value="{rulebook("vn").checked_on.isoformat()}"' in app.footer.value
    assert "<h3>Bài học</h3>" in app.links.value  # Vietnam's lessons, in Vietnamese, and only those
    assert 'href="lessons/vi/vn01_phieu_luong.ipynb"' in app.links.value and "lessons/ru/" not in app.links.value
    app.set_lang("en")
    assert app.country == "vn" and "Rules of Vietnam" in app.links.value
    app.set_lang("ru")
    assert app.country == "ru" and app.w_country.value == "ru" and "Калькуляторы" in app.links.value
    assert f'data-value="{rulebook("ru").checked_on.isoformat()}"' in app.footer.value
    assert build("ru", {"lang": "vi"}).country == "vn"
    linked = build("ru", {"lang": "en", "country": "vn"})
    assert (linked.lang, linked.country) == ("en", "vn")
    assert "country=xx" in build("ru", {"country": "xx"}).notice.value


def test_the_vietnamese_lessons_are_listed_when_vietnam_is_chosen(monkeypatch) -> None:
    """Vietnam in Vietnamese or English: the vnNN lessons of that language, not Russia's; Russia in English: not
    Vietnam's; under JupyterLab the series' own guide (TRAINER.vi.md, TRAINER.vn.en.md)."""
    vi = build("vi")
    files = [f for f, _ in lesson_notebooks("vi", "vn")]
    assert files and all(f.startswith("vn") for f in files)
    for f, _ in lesson_notebooks("vi", "vn"):
        assert f'href="lessons/vi/{f}"' in vi.links.value
    en_vn = build("en", {"country": "vn"})
    assert 'href="lessons/en/vn01_payslip.ipynb"' in en_vn.links.value and "01_salary" not in en_vn.links.value
    assert "vn01_payslip" not in build("en").links.value
    monkeypatch.setenv("SCRIPT_NAME", "/user/x/voila/render/notebooks/apps/start.ipynb")
    assert 'href="../../../../lab/tree/notebooks/lessons/TRAINER.vi.md"' in build("vi").links.value
    assert 'TRAINER.vn.en.md"' in build("en", {"country": "vn"}).links.value


def test_lessons_listed(monkeypatch) -> None:
    app = build("en")
    for _, title in lesson_notebooks("en"):
        assert title.replace("'", "&#x27;") in app.links.value
    for f, _ in lesson_notebooks("en"):  # the lesson pages of this server (notebooks/apps/lessons → ../lessons)
        assert f'href="lessons/en/{f}"' in app.links.value
    monkeypatch.setenv("SCRIPT_NAME", "/user/x/voila/render/notebooks/apps/start.ipynb")
    binder = build("ru")
    assert 'href="lessons/ru/01_oklad.ipynb"' in binder.links.value
    assert 'href="../../../../lab/tree/notebooks/lessons/ru"' in binder.links.value


def test_url_language() -> None:
    assert build("ru", {"lang": "en"}).lang == "en"
    assert "lang=xx" in build("ru", {"lang": "xx"}).notice.value


def test_lessons_under_jupyterlab_are_relative_links_to_lab(monkeypatch) -> None:
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/notebooks/apps/start.ipynb")
    app = build("en")
    for f, _ in lesson_notebooks("en"):
        assert f'href="lessons/en/{f}"' in app.links.value
    assert 'href="../../../../lab/tree/notebooks/lessons/TRAINER.en.md"' in app.links.value
    app.set_lang("ru")
    assert 'href="../../../../lab/tree/notebooks/lessons/TRAINER.ru.md"' in app.links.value
    assert 'href="lessons/ru/02_vysluga.ipynb"' in app.links.value


@pytest.mark.parametrize("script", ["/voila/render/start.ipynb", ""])
def test_lessons_without_jupyterlab_are_pages_of_this_server(monkeypatch, script: str) -> None:
    monkeypatch.setenv("SCRIPT_NAME", script)
    app = build("ru")
    lessons = app.links.value.split("<h3>Уроки</h3>")[1].split("<h3>")[0]
    assert "lab/tree" not in lessons
    assert 'href="lessons/ru/01_oklad.ipynb"' in lessons  # a Voilà page without code, beside the apps
    # the start page is for participants: no folder names, no shell commands (issue 12; the README has them)
    assert "jupyter" not in lessons.lower() and "notebooks/" not in lessons and "<code>" not in lessons
    assert "Руководство для преподавателя" in lessons and "guide-link" not in lessons  # named, not linked
    assert "скажет ваш преподаватель" in lessons
    app.set_lang("en")
    assert "Your trainer will say which lesson to open" in app.links.value
    page = app.links.value + app.intro_html.value
    assert ".venv" not in page and "notebooks/" not in page and "bash " not in page


def test_start_page_renders_again_once_the_request_is_known(monkeypatch) -> None:
    """A preheated kernel builds the page before the visit; the links depend on the page's address."""
    from payroll_ui import kit
    from payroll_ui.apps.start import StartApp

    monkeypatch.delenv("SCRIPT_NAME", raising=False)

    def request_arrives() -> dict[str, str]:
        monkeypatch.setenv("SCRIPT_NAME", "/voila/render/notebooks/apps/start.ipynb")  # undone after the test
        return {}

    monkeypatch.setattr(kit.app, "read_params", request_arrives)
    monkeypatch.setattr("IPython.display.display", lambda *_a, **_k: None)
    app = kit.run(StartApp)
    assert '"../../../../lab/tree/notebooks/lessons/ru"' in app.links.value  # trainers' links, address known


def test_links_look_like_links() -> None:
    from payroll_ui.kit import CSS

    assert ".payroll-app a, .payroll-app a:visited {color: #0969da; text-decoration: underline;" in CSS
