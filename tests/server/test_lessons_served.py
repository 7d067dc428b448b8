"""The lessons on a running Voilà server, beside the apps (issue 12, issue 15): a lesson page answers without
its code, and every relative link of every lesson (to the apps, the start page, the other lessons) names a
file the server serves."""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import nbformat
import pytest
from wsclient import get

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "notebooks" / "lessons"
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


@pytest.fixture(scope="module")
def server(server_factory):
    return server_factory({}, "--VoilaConfiguration.preheat_kernel=False")


def relative_links(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    texts += [str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", [])]
    links = [a or b for t in texts for a, b in LINK.findall(t)]
    return [link for link in links if not urlsplit(link).scheme and not link.startswith(("#", "data:"))]


def test_a_lesson_page_answers_without_its_code(server) -> None:
    status, _, text = get(f"{server.base}/voila/render/lessons/en/01_salary.ipynb", timeout=120)
    assert status == 200
    assert "Lesson 1." in text and "Questions this lesson answers" in text and "Glossary" in text
    for code in ("import calc", "setup(LANG)", 'exercise("L1', "try_it(", "NBVAL"):
        assert code not in text, code


def test_a_vietnamese_lesson_page_answers_without_its_code(server) -> None:
    status, _, raw = get(f"{server.base}/voila/render/lessons/vi/vn01_phieu_luong.ipynb", timeout=120)
    assert status == 200
    text = html.unescape(raw)  # headings come as character references (B&#224;i)
    assert "Bài 1." in text and "Bài học trả lời những câu hỏi nào" in text and "Thuật ngữ của bài" in text
    for code in ("import calc", "setup(LANG", 'exercise("V1', "try_it(", "NBVAL"):
        assert code not in text, code


def test_every_link_of_every_lesson_is_served(server) -> None:
    checked = 0
    for path in sorted(LESSONS.glob("*/*.ipynb")):
        here = f"lessons/{path.parent.name}"
        for link in relative_links(path):
            served = posixpath.normpath(posixpath.join(here, urlsplit(link).path))
            assert not served.startswith(".."), f"{path.name}: {link} leaves the served folder"
            status, _, _ = get(f"{server.base}/voila/api/contents/{quote(served)}?content=0")
            assert status == 200, f"{path.name}: {link} → {served} is a {status} on the server"
            checked += 1
    assert checked >= 2 * len(list(LESSONS.glob("*/*.ipynb")))  # at least the start page and a neighbour


def test_the_bargaining_app_opens_from_lesson_8(server) -> None:
    status, _, _ = get(f"{server.base}/voila/api/contents/bargaining.ipynb?content=0")
    assert status == 200
    assert os.path.islink(REPO / "notebooks" / "apps" / "lessons")
