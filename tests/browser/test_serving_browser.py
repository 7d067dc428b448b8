"""How the server sends a page's files (payroll_server.static, the watch's CDN filter), seen from Chromium: no
request leaves the server, Font Awesome's icons still come (from Voilà's own bundle), and a second visit takes
Voilà's scripts from the browser's cache. No request interception here: it would turn the cache off."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ICON = """() => { const i = document.createElement('i'); i.className = 'fa fa-lightbulb-o'; document.body.append(i);
  const s = getComputedStyle(i, '::before'); const out = [s.content, s.fontFamily]; i.remove(); return out; }"""
SCRIPTS = """() => performance.getEntriesByType('resource').filter(e => e.name.split('?')[0].endsWith('.js'))
  .map(e => [e.name, e.transferSize])"""


def test_a_page_needs_no_other_host_and_a_second_visit_uses_the_cache(browser, voila_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []
    context.on("request", lambda r: elsewhere.append(r.url)  # data: and blob: (the charts) are the page's own
               if r.url.startswith(("http:", "https:")) and not r.url.startswith(voila_url) else None)
    page = context.new_page()
    try:
        scripts = []
        for _ in range(2):
            page.goto(f"{voila_url}/voila/render/seniority.ipynb?lang=en", timeout=120_000)
            page.wait_for_selector(".app-seniority.app-ready", timeout=120_000)
            scripts.append(page.evaluate(SCRIPTS))
        content, family = page.evaluate(ICON)
        assert content not in ("", "none", "normal") and "Font Awesome" in family
        assert elsewhere == []
        first, second = scripts
        assert len(first) > 50 and 10**6 / 2 < sum(size for _name, size in first) < 2.5 * 10**6  # 4.5 MB unpacked
        unasked = [name for name, size in second if size == 0]  # from the cache without asking the server
        assert len(unasked) >= 0.9 * len(second), sorted(set(name for name, _ in second) - set(unasked))[:5]
    finally:
        context.close()
