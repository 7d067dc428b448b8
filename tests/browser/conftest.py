"""A Voilà server on a free port (the repo's voila.json, preheated kernels) and Debian's Chromium via
Playwright. The pages load Font Awesome from a CDN (Voilà's lab template); these machines are offline,
so the tests answer such requests with an empty stylesheet instead of letting them fail."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serving import free_port, stop, voila_answers

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
LOCALES = {"ru": "ru-RU", "en": "en-GB", "vi": "vi-VN"}






def start_voila(log: Any, *args: str) -> tuple[subprocess.Popen, str]:
    """Start ``voila notebooks/apps`` (extra ``args`` to Voilà) on a free port; try another port if the first is
    taken meanwhile."""
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "voila", "notebooks/apps", f"--port={port}", "--no-browser", *args],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        base = f"http://localhost:{port}"
        deadline = time.time() + 90
        while proc.poll() is None and time.time() < deadline:
            if voila_answers(f"{base}/"):
                return proc, base
            time.sleep(0.5)
        stop(proc)
    pytest.fail("Voilà did not start")


@pytest.fixture(scope="session")
def voila_url() -> Iterator[str]:
    """Start ``voila notebooks/apps`` from the repo root (so voila.json applies); stop it at the end."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (bash scripts/install-browser.sh)")
    (REPO / "artifacts").mkdir(exist_ok=True)
    with open(REPO / "artifacts" / "voila-test.log", "w") as log:
        proc, base = start_voila(log)
        try:
            yield base
        finally:
            stop(proc)


@pytest.fixture(scope="session")
def lessons_url() -> Iterator[str]:
    """A second ``voila notebooks/apps`` for the lesson pages (``/voila/render/lessons/…``), without preheated
    kernels: a lesson starts its own kernel, as on a class server."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (bash scripts/install-browser.sh)")
    (REPO / "artifacts").mkdir(exist_ok=True)
    with open(REPO / "artifacts" / "voila-lessons.log", "w") as log:
        proc, base = start_voila(log, "--VoilaConfiguration.preheat_kernel=False")
        try:
            yield base
        finally:
            stop(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """A browser page on one app with the console watched."""

    def __init__(self, browser: Any, base: str, lang: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=LOCALES[lang])
        self.page = self.context.new_page()
        self.base = base
        self.lang = lang
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.errors.append(f"HTTP {r.status} {r.request.method} {r.url}")
                     if r.status >= 400 else None)
        self.page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:  # offline machine: external stylesheets (Font Awesome CDN) get an empty answer
            route.fulfill(status=200, content_type="text/css", body="")

    def open(self, app: str, query: str = "") -> float:
        """Open an app and wait until it has rendered its first result; returns the seconds it took."""
        t0 = time.perf_counter()
        # a busy machine may need a fresh kernel (the preheated one taken): wait for the app, not the page load
        self.page.goto(f"{self.base}/voila/render/{app}.ipynb?lang={self.lang}{query}", wait_until="commit",
                       timeout=120_000)
        self.page.wait_for_selector(f".app-{app}.app-ready", timeout=120_000)
        return time.perf_counter() - t0

    def figure(self, key: str) -> str:
        return self.page.locator(f'[data-figure="{key}"]').first.get_attribute("data-value") or ""

    def wait_figure_change(self, key: str, old: str, timeout: int = 60_000) -> str:
        self.page.wait_for_function(
            "([k, old]) => { const e = document.querySelector(`[data-figure='${k}']`);"
            " return e && e.dataset.value !== old; }",
            arg=[key, old], timeout=timeout,
        )
        return self.figure(key)

    def type_into(self, cls: str, value: str, key: str = "Enter") -> None:
        box = self.page.locator(f".{cls} input").first
        box.fill(value)
        box.press(key)

    def error_texts(self) -> list[str]:
        return [t.strip() for t in self.page.locator(".field-error").all_inner_texts() if t.strip()]

    def chart_sources(self) -> list[str]:
        return [img.get_attribute("src") or "" for img in self.page.locator("img.pa-chart").all()]

    def wait_charts_change(self, old: list[str], timeout: int = 20_000) -> None:
        """Wait until every chart image has been replaced (the charts follow the figures)."""
        self.page.wait_for_function(
            "old => { const now = [...document.querySelectorAll('img.pa-chart')].map(i => i.src);"
            " return now.length === old.length && now.every((s, i) => s && s !== old[i]); }",
            arg=old, timeout=timeout,
        )

    def screenshot(self, name: str) -> Path:
        """Save the whole app (the viewport is stretched to the app's height first)."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.evaluate("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
        height = self.page.evaluate("document.querySelector('.payroll-app').getBoundingClientRect().bottom")
        self.page.set_viewport_size({"width": 1280, "height": int(height) + 40})
        self.page.wait_for_timeout(200)
        self.page.locator(".payroll-app").first.screenshot(path=str(path))
        return path

    def close(self) -> None:
        """Close as a person closing the tab does (Voilà then shuts the page's kernel down)."""
        self.page.close(run_before_unload=True)
        time.sleep(0.3)  # let the shutdown beacon leave before the context goes
        self.context.close()


@pytest.fixture
def page_on(browser: Any) -> Iterator[Any]:
    """``page_on(base, lang)``: a watched page on a server (Voilà, JupyterLab), closed at the end."""
    pages: list[Page] = []

    def make(base: str, lang: str) -> Page:
        p = Page(browser, base, lang)
        pages.append(p)
        return p

    yield make
    for p in pages:
        p.close()


@pytest.fixture
def open_page(page_on: Any, voila_url: str) -> Any:
    """``open_page(lang)``: a watched page on the test's Voilà server."""
    return lambda lang: page_on(voila_url, lang)


def _lab_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except Exception:
        return False


@pytest.fixture(scope="session")
def lab_url() -> Iterator[str]:
    """JupyterLab started in the project folder, as the start page tells trainers (no token, a free port);
    its Voilà extension serves the apps at /voila/render/notebooks/apps/…, the lessons are at /lab/tree/…"""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (bash scripts/install-browser.sh)")
    (REPO / "artifacts").mkdir(exist_ok=True)
    with open(REPO / "artifacts" / "jupyterlab-test.log", "w") as log:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--IdentityProvider.token=",
             "--ServerApp.password=", f"--ServerApp.root_dir={REPO}", "--allow-root"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        base = f"http://localhost:{port}"
        try:
            deadline = time.time() + 90
            while proc.poll() is None and time.time() < deadline and not _lab_answers(f"{base}/api/status"):
                time.sleep(0.5)
            if not _lab_answers(f"{base}/api/status"):
                pytest.fail("JupyterLab did not start")
            yield base
        finally:
            stop(proc)
