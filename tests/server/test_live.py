"""Against a running Voilà server loaded with payroll_server (the repo's voila.json): the messages that froze
the whole server (docs/security.md) now close only the connection that sent them, other visitors are answered,
tracebacks stay in the server's log, and a visitor above the kernel limit gets the class-full page."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
import websocket
from wsclient import V1, connect, freeze_v1, freeze_voila, get, kernel_of, received, widget_comm

from payroll_server.watch import WATCH_SESSION

NO_PREHEAT = "--VoilaConfiguration.preheat_kernel=False"  # one kernel per test page, none waiting


@pytest.fixture(scope="module")
def server(server_factory):
    return server_factory({}, NO_PREHEAT)


@pytest.fixture(scope="module")
def page(server):
    status, _, text = get(f"{server.base}/voila/render/seniority.ipynb?lang=en")
    assert status == 200
    return kernel_of(text)


def answers_others(base: str) -> bool:
    """Another visitor's request (the list of apps, read from the disk) is answered within 1 s."""
    status, _, text = get(f"{base}/voila/api/contents/", timeout=1)
    return status == 200 and "seniority.ipynb" in text


def test_the_v1_freeze_closes_only_that_connection(server, page):
    bystander = connect(server.base, page, v1=True)
    attacker = connect(server.base, page, v1=True)
    attacker.send_binary(freeze_v1())
    received(attacker, 3)
    assert answers_others(server.base)
    assert attacker.getstatus() == 101 and not attacker.connected
    bystander.ping()
    assert bystander.connected
    assert "malformed frame (offset count 1099511627776" in server.log_text()


def test_the_voila_reader_freeze_is_harmless_and_the_traceback_stays_on_the_server(server, page):
    ws = connect(server.base, page, v1=False)
    ws.send_binary(freeze_voila(widget_comm(ws)))
    replies = received(ws, 3)
    assert answers_others(server.base)
    assert ws.connected
    echoed = [r for r in replies if isinstance(r, bytes)]
    assert echoed, "the kernel's binary echo should have come back"
    text = " ".join(r if isinstance(r, str) else r.decode("utf-8", "replace") for r in replies)
    assert "Traceback" not in text and "site-packages" not in text and "TraitError" not in text
    assert "TraitError" in server.log_text()  # kept on the server


def test_random_frames_never_stop_the_server(server, page):
    rng = random.Random(13)
    for _ in range(30):
        v1 = rng.random() < 0.5
        ws = connect(server.base, page, v1=v1)
        head = rng.choice([rng.getrandbits(64), rng.randrange(6, 40), 2**32 + 12]).to_bytes(8, "little")
        ws.send_binary(head + rng.randbytes(rng.randrange(0, 300)))
        received(ws, 0.3)
        ws.close()
        assert answers_others(server.base)
    status, _, text = get(f"{server.base}/voila/render/start.ipynb?lang=en")
    assert status == 200 and kernel_of(text)


def test_forged_widget_messages_get_no_traceback_over_v1(server, page):
    ws = connect(server.base, page, v1=True)
    legacy = websocket.create_connection(
        server.base.replace("http", "ws") + f"/api/kernels/{page}/channels?session_id=legacy", timeout=30)
    legacy.recv()
    comm = widget_comm(legacy)
    legacy.close()
    from wsclient import message, v1_frame

    content = {"comm_id": comm, "data": {"method": "update", "state": {"layout": "IPY_MODEL_nonexistent"}}}
    msg = message("comm_msg", content)
    ws.send_binary(v1_frame("shell", *(json.dumps(msg[k]).encode()
                                       for k in ("header", "parent_header", "metadata", "content"))))
    replies = received(ws, 3)
    text = " ".join(r.decode("utf-8", "replace") if isinstance(r, bytes) else r for r in replies)
    assert "Traceback" not in text and "/site-packages/" not in text and "File " not in text
    assert ws.connected
    assert V1


def test_a_visitor_above_the_limit_gets_the_class_full_page(server_factory):
    small = server_factory({"PAYROLL_MAX_KERNELS": "1"}, NO_PREHEAT)
    first = get(f"{small.base}/voila/render/seniority.ipynb?lang=en")
    assert first[0] == 200 and kernel_of(first[2])
    status, headers, text = get(f"{small.base}/voila/render/advance.ipynb?lang=en")
    assert status == 503 and headers.get("Retry-After") == "5"
    assert "The class is full" in text and 'http-equiv="refresh"' in text and "<button" in text
    ru = get(f"{small.base}/voila/render/advance.ipynb")  # no lang: Russian, the apps' default
    assert ru[0] == 503 and "Класс заполнен" in ru[2]
    assert answers_others(small.base)


def test_the_class_full_page_speaks_the_browsers_language(server_factory):
    import urllib.request

    small = server_factory({"PAYROLL_MAX_KERNELS": "1"}, NO_PREHEAT)
    get(f"{small.base}/voila/render/seniority.ipynb")
    request = urllib.request.Request(f"{small.base}/voila/render/cost.ipynb", headers={"Accept-Language": "en-GB"})
    try:
        urllib.request.urlopen(request, timeout=60)
        raise AssertionError("expected 503")
    except urllib.error.HTTPError as e:
        assert e.code == 503 and "The class is full" in e.read().decode()
    time.sleep(0)


def test_a_class_code_is_needed_for_pages_and_kernels(server_factory):
    """What scripts/start.sh does for a network: Voilà's token as the class code."""
    coded = server_factory({}, NO_PREHEAT, "--Voila.token=class-code-13")
    status, _, text = get(f"{coded.base}/voila/render/seniority.ipynb?lang=en")
    assert status in (200, 302, 403) and "kernelId" not in text  # the login form, no kernel
    status, _, text = get(f"{coded.base}/voila/render/seniority.ipynb?lang=en&token=class-code-13")
    assert status == 200 and kernel_of(text)
    with pytest.raises(websocket.WebSocketBadStatusException):
        websocket.create_connection(coded.base.replace("http", "ws") + f"/api/kernels/{kernel_of(text)}/channels")


def test_a_preheated_page_sets_the_cookie_its_shutdown_beacon_needs(server_factory):
    """Voilà's page sends the _xsrf cookie with its shutdown beacon; without it the kernel of a closed page
    stayed until culled."""
    apps = Path(__file__).resolve().parents[2] / "notebooks" / "apps"
    others = ",".join(f'"{nb.name}"' for nb in sorted(apps.glob("*.ipynb")) if nb.name != "seniority.ipynb")
    preheated = server_factory({}, f"--VoilaKernelManager.preheat_denylist=[{others}]")
    status, headers, text = get(f"{preheated.base}/voila/render/seniority.ipynb?lang=en")
    assert status == 200 and kernel_of(text)
    assert "_xsrf=" in headers.get("Set-Cookie", "")
    assert "Using pre-heated kernel" in preheated.log_text()
    assert watched(text)


def watched(page: str) -> bool:
    """The server added the watch on the page's kernel once, inside the page (payroll_server.watch)."""
    return page.count(WATCH_SESSION) == 1 and page.rindex(WATCH_SESSION) < page.rindex("</body>")


def test_a_page_watches_its_kernel_and_the_class_full_page_does_not(server_factory):
    small = server_factory({"PAYROLL_MAX_KERNELS": "1"}, NO_PREHEAT)
    status, _, text = get(f"{small.base}/voila/render/seniority.ipynb?lang=en")
    assert status == 200 and watched(text)
    status, _, text = get(f"{small.base}/voila/render/advance.ipynb?lang=en")
    assert status == 503 and WATCH_SESSION not in text


def test_voila_files_come_compressed_and_cacheable_and_the_page_needs_no_cdn(server, page):
    """After a page (its request installs payroll_server.static): Voilà's bundle and a labextension chunk come
    gzip-compressed with cache headers, the same bytes the second time; the page links no CDN."""
    import gzip
    import sys
    import urllib.request

    from payroll_server.static import MAX_AGE

    status, _, text = get(f"{server.base}/voila/render/advance.ipynb?lang=en")
    assert status == 200 and "cdn.jsdelivr.net" not in text and watched(text)
    manager = Path(sys.prefix) / "share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager/static"
    entry = next(manager.glob("remoteEntry.*.js"))  # named by its content's hash
    files = {"/voila/static/voila.js": f"public, max-age={MAX_AGE}",
             f"/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/{entry.name}":
             "public, max-age=31536000, immutable"}
    for path, cache in files.items():
        bodies = []
        for _ in range(2):
            request = urllib.request.Request(server.base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request, timeout=30) as r:
                assert r.headers["Content-Encoding"] == "gzip" and r.headers["Cache-Control"] == cache
                bodies.append(r.read())
        plain = get(server.base + path)[2].encode()
        assert bodies[0] == bodies[1] and gzip.decompress(bodies[0]) == plain and len(bodies[0]) < len(plain) / 2
