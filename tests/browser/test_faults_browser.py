"""A kernel that dies under an open page: the page says so in its language and offers a reload
(payroll_server.watch); the reload gives a working app again."""

from __future__ import annotations

import signal

import psutil
import pytest

pytestmark = pytest.mark.browser

MESSAGE = {"ru": "Связь с сервером прервалась", "en": "The connection to the server was lost"}


def kernel_process(kernel_id: str) -> psutil.Process:
    for p in psutil.process_iter(["cmdline"]):
        if any(kernel_id in part for part in p.info["cmdline"] or []):
            return p
    raise AssertionError(f"no process for kernel {kernel_id}")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_dead_kernel_shows_a_message_with_a_reload_button(open_page, lang):
    p = open_page(lang)
    p.open("seniority")
    assert not p.page.locator(".payroll-fault").count()
    kernel_id = p.page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    p.page.wait_for_function("window.__payrollWatchSocket && window.__payrollWatchSocket.readyState === 1")
    kernel_process(kernel_id).send_signal(signal.SIGKILL)
    fault = p.page.locator(".payroll-fault")
    fault.wait_for(timeout=30_000)
    assert MESSAGE[lang] in fault.inner_text()
    p.page.locator(".payroll-reload").click()
    p.page.wait_for_selector(".app-seniority.app-ready", timeout=120_000)
    assert not p.page.locator(".payroll-fault").count()
