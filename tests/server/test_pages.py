"""The pages payroll_server writes itself: the class-full page and the watch script (language, escaping)."""

from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from tornado.httputil import HTTPHeaders

from payroll_server.capacity import class_pool
from payroll_server.identity import busy_page, page_lang
from payroll_server.static import MAX_AGE, StaticTransform
from payroll_server.watch import WATCH_SESSION, WatchTransform, watch_html


def handler(query_lang: str = "", accept: str = "") -> SimpleNamespace:
    return SimpleNamespace(get_argument=lambda _name, _default="": query_lang,
                           request=SimpleNamespace(headers={"Accept-Language": accept}))


@pytest.mark.parametrize(("lang", "accept", "expected"), [
    ("en", "ru-RU", "en"), ("ru", "en-GB", "ru"), ("", "en-GB,en;q=0.9", "en"), ("", "de-DE,en;q=0.5", "en"),
    ("", "de-DE", "ru"), ("", "", "ru"), ("xx", "en", "en"),
])
def test_the_page_language_follows_the_address_then_the_browser(lang, accept, expected):
    assert page_lang(handler(lang, accept)) == expected


def test_the_class_full_page_retries_by_itself_in_its_language():
    ru, en = busy_page("ru"), busy_page("en")
    assert '<html lang="ru">' in ru and "Класс заполнен" in ru and "5 секунд" in ru
    assert "The class is full" in en and "every 5 seconds" in en
    assert all('http-equiv="refresh" content="5"' in p and "location.reload()" in p for p in (ru, en))


def test_the_watch_script_holds_both_languages_and_its_session_marker():
    script = watch_html()
    assert script.startswith("<script>") and script.endswith("</script>")
    assert "Связь с сервером прервалась" in script and "The connection to the server was lost" in script
    assert WATCH_SESSION in script and "</script>" not in script[len("<script>"):-len("</script>")]


@pytest.mark.parametrize(("people", "notebooks", "limit", "expected"), [
    (30, 1, 120, 30), (30, 7, 120, 12), (30, 7, 40, 1), (1, 7, 120, 1), (100, 1, 120, 20), (3, 7, 120, 3),
])
def test_class_pools_fit_the_limit_with_a_kernel_per_participant(people, notebooks, limit, expected):
    size = class_pool(people, notebooks, limit)
    assert size == expected
    assert size == 1 or size * notebooks + people <= limit


def transform(path: str = "/voila/render/seniority.ipynb", method: str = "GET") -> WatchTransform:
    return WatchTransform(SimpleNamespace(method=method, path=path))


def test_the_watch_goes_before_the_end_of_a_rendered_page_streamed_in_chunks():
    t = transform()
    *_answer, first = t.transform_first_chunk(200, HTTPHeaders({"Content-Type": "text/html"}), b"<html><body>",
                                                     False)
    assert first == b"<html><body>" and t.transform_chunk(b"<p>app</p>", False) == b"<p>app</p>"
    last = t.transform_chunk(b"</body></html>", False)
    assert last.startswith(b"<script>") and last.endswith(b"</script></body></html>")
    assert t.transform_chunk(b"", True) == b""  # once


def test_the_watch_in_a_page_written_at_once_corrects_its_length():
    page = b"<html><body><p>app</p></body></html>"
    headers = HTTPHeaders({"Content-Type": "text/html; charset=UTF-8", "Content-Length": str(len(page))})
    _status, headers, chunk = transform().transform_first_chunk(200, headers, page, True)
    assert WATCH_SESSION.encode() in chunk and headers["Content-Length"] == str(len(chunk))


def test_a_page_without_its_end_gets_the_watch_when_it_finishes():
    t = transform()
    t.transform_first_chunk(200, HTTPHeaders({"Content-Type": "text/html"}), b"<html>", False)
    assert WATCH_SESSION.encode() in t.transform_chunk(b"", True)


@pytest.mark.parametrize(("path", "method", "status", "kind"), [
    ("/voila/api/contents/", "GET", 200, "application/json"), ("/voila/render/a.ipynb", "GET", 503, "text/html"),
    ("/voila/render/a.ipynb", "POST", 200, "text/html"), ("/voila/render/a.ipynb", "GET", 200, "image/png"),
    ("/lab/tree/a.ipynb", "GET", 200, "text/html"),
])
def test_other_answers_are_left_alone(path, method, status, kind):
    t = transform(path, method)
    body = b"<html><body></body></html>"
    _status, _headers, chunk = t.transform_first_chunk(status, HTTPHeaders({"Content-Type": kind}), body, True)
    assert chunk == body


def test_the_page_goes_without_the_font_awesome_cdn_links():
    page = (b'<html><head><link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5'
            b'/css/all.min.css" type="text/css" />\n'
            b'<link rel="stylesheet" href="/voila/templates/lab/static/index.css">'
            b"</head><body></body></html>")
    headers = HTTPHeaders({"Content-Type": "text/html", "Content-Length": str(len(page))})
    _status, headers, chunk = transform().transform_first_chunk(200, headers, page, True)
    assert b"cdn.jsdelivr" not in chunk and b"/voila/templates/lab/static/index.css" in chunk
    assert headers["Content-Length"] == str(len(chunk))


def static(path: str, method: str = "GET", gzip_ok: bool = True, query: str = "") -> StaticTransform:
    return StaticTransform(SimpleNamespace(method=method, path=path, query_arguments={"v": [b"1"]} if query else {},
                                           headers={"Accept-Encoding": "gzip, deflate"} if gzip_ok else {}))


SCRIPT_BODY = b"var x = 1;\n" * 2000


@pytest.mark.parametrize(("path", "query", "expected"), [
    ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/84.09c61a35dce1705f.js", "",
     "public, max-age=31536000, immutable"),
    ("/voila/templates/lab/static/index.css", "v", "public, max-age=31536000, immutable"),
    ("/voila/static/voila.js", "", f"public, max-age={MAX_AGE}"),
    ("/voila/static/1187.voila.js", "", f"public, max-age={MAX_AGE}"),
])
def test_voila_files_are_kept_by_the_browser_and_sent_compressed_once_made(path, query, expected):
    answers = []
    for _ in range(2):  # the second answer comes from the compressed copy kept in memory
        t = static(path, query=query)
        headers = HTTPHeaders({"Content-Type": "text/javascript", "Content-Length": str(len(SCRIPT_BODY)),
                               "Cache-Control": "no-cache", "Etag": '"abc"'})
        _status, headers, first = t.transform_first_chunk(200, headers, SCRIPT_BODY[:9000], False)
        body = first + t.transform_chunk(SCRIPT_BODY[9000:], False) + t.transform_chunk(b"", True)
        assert headers["Cache-Control"] == expected and headers["Content-Encoding"] == "gzip"
        assert "Content-Length" not in headers and gzip.decompress(body) == SCRIPT_BODY
        answers.append(body)
    assert answers[0] == answers[1] and len(answers[0]) < len(SCRIPT_BODY) / 10


def test_a_file_written_at_once_gets_its_compressed_length():
    t = static("/voila/static/2829.voila.js")
    headers = HTTPHeaders({"Content-Type": "text/javascript", "Content-Length": str(len(SCRIPT_BODY))})
    _status, headers, body = t.transform_first_chunk(200, headers, SCRIPT_BODY, True)
    assert headers["Content-Length"] == str(len(body)) and gzip.decompress(body) == SCRIPT_BODY


@pytest.mark.parametrize(("path", "method", "gzip_ok", "status", "kind", "cached", "packed"), [
    ("/voila/static/voila.js", "GET", False, 200, "text/javascript", True, False),  # the browser takes no gzip
    ("/voila/static/voila.js", "HEAD", True, 200, "text/javascript", True, False),
    ("/voila/static/voila.js", "GET", True, 304, "text/javascript", True, False),
    ("/voila/templates/lab/static/a.woff2", "GET", True, 200, "font/woff2", True, False),  # already compressed
    ("/voila/static/missing.js", "GET", True, 404, "text/html", False, False),
    ("/voila/render/seniority.ipynb", "GET", True, 200, "text/html", False, False),  # a page: per visitor
    ("/voila/api/contents/", "GET", True, 200, "application/json", False, False),
])
def test_other_answers_keep_their_body(path, method, gzip_ok, status, kind, cached, packed):
    t = static(path, method, gzip_ok)
    headers = HTTPHeaders({"Content-Type": kind, "Content-Length": str(len(SCRIPT_BODY)), "Cache-Control": "no-cache"})
    _status, headers, body = t.transform_first_chunk(status, headers, SCRIPT_BODY, True)
    assert body == SCRIPT_BODY and ("Content-Encoding" in headers) == packed
    assert (headers["Cache-Control"] != "no-cache") == cached


def test_a_preheated_kernel_is_ready_once_its_notebook_has_run_and_refills_wait_for_the_warming_ones():
    import asyncio

    from payroll_server.kernels import LimitedKernelManager as M

    async def check() -> None:
        loop = asyncio.get_running_loop()

        def item(started: bool, notebook_run: bool) -> asyncio.Future:
            pool_task = loop.create_future()
            if started:
                render = loop.create_future()
                if notebook_run:
                    render.set_result(None)
                pool_task.set_result({"task": render, "kernel_id": "k"})
            return pool_task

        pools = {"seniority.ipynb": [item(True, True), item(True, False), item(False, False)]}
        fake = SimpleNamespace(_pools=pools, start_concurrency=2)
        fake._pool_items = lambda: M._pool_items(fake)
        fake.warming = lambda: M.warming(fake)
        fake._in_pool = lambda task: M._in_pool(fake, task)
        assert M.ready(fake) == 1 and M.warming(fake) == 1
        pools["seniority.ipynb"][2].set_result({"task": loop.create_future(), "kernel_id": "k2"})
        assert M.warming(fake) == 2
        pools["seniority.ipynb"].append(asyncio.current_task())  # this task: a pool's refill starting
        assert M._refill_waits_for_warming(fake)
        pools["seniority.ipynb"][1].result()["task"].set_result(None)
        assert not M._refill_waits_for_warming(fake) and M.ready(fake) == 2
        pools["seniority.ipynb"].insert(0, item(True, False))
        assert M._refill_waits_for_warming(fake)
        pools["seniority.ipynb"].pop()
        assert not M._refill_waits_for_warming(fake)  # a visitor's own kernel never waits for the pool

    # in a thread of its own: an earlier test in this process (Playwright's sync API) may leave a running loop
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, check()).result()
