"""The page's watch on its kernel: a message with a reload button when the kernel dies or the connection is lost.

The server adds ``watch_html()`` to every page Voilà renders (``WatchTransform``, before ``</body>``; it also
drops the template's links to Font Awesome on a CDN, ``CDN_LINK``):
standalone Voilà through ``identity.ClassroomIdentityProvider``, a jupyter_server with Voilà's extension
(JupyterLab, Binder) through this package's server extension; the apps' kernels know nothing of it. The script
opens its own websocket to the page's kernel with a session id starting with ``WATCH_SESSION``;
``connection.GuardedConnection`` sends such a connection nothing but the server's "restarting" / "dead"
notices, so it costs no traffic. The message appears when one of those arrives or the websocket closes (the
kernel was shut down, the server stopped, the network dropped), never while the visitor is leaving the page.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tornado import httputil, web

from calc.core.i18n import _
from calc.core.text import LANGS, tr

WATCH_SESSION = "payroll-watch-"
DELAY_MS = 2000  # after the page's load event: the page's own websocket comes first
LOST = _(
    "The connection to the server was lost: this page no longer recalculates. Reload it — the values typed will "
    "have to be typed again (or open the “Link to this scenario”).",
)
RELOAD = _("Reload the page")

SCRIPT = """
(function () {
  if (window.__payrollWatch) return;
  window.__payrollWatch = true;
  var texts = %(texts)s, leaving = false;
  window.addEventListener('beforeunload', function () { leaving = true; });
  window.addEventListener('pagehide', function () { leaving = true; });
  function lang() {
    var q = new URLSearchParams(location.search).get('lang');
    if (q === 'ru' || q === 'en') return q;
    return (navigator.language || 'ru').slice(0, 2) === 'en' ? 'en' : 'ru';
  }
  function show() {
    if (leaving || document.querySelector('.payroll-fault')) return;
    var t = texts[lang()], box = document.createElement('div'), p = document.createElement('p'),
        b = document.createElement('button');
    box.className = 'payroll-fault'; box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;top:0;left:0;right:0;z-index:10000;padding:1em 1.5em;' +
      'background:#fff3cd;border-bottom:2px solid #c99a00;color:#222;font:16px system-ui,sans-serif;';
    p.textContent = t.lost; p.style.margin = '0 0 .6em';
    b.textContent = t.reload; b.className = 'payroll-reload'; b.style.cssText = 'font-size:1em;padding:.3em 1em';
    b.onclick = function () { location.reload(); };
    box.appendChild(p); box.appendChild(b); document.body.appendChild(box);
  }
  function connect() {
    var cfg = JSON.parse(document.getElementById('jupyter-config-data').textContent);
    if (!cfg.kernelId) return;
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + (cfg.baseUrl || '/') +
      'api/kernels/' + cfg.kernelId + '/channels?session_id=%(session)s' + Math.random().toString(36).slice(2);
    var ws = new WebSocket(url, ['v1.kernel.websocket.jupyter.org']);
    ws.binaryType = 'arraybuffer';
    ws.onmessage = function (e) {
      var text = typeof e.data === 'string' ? e.data : new TextDecoder().decode(e.data);
      if (/"execution_state":\\s*"(restarting|dead)"/.test(text)) show();
    };
    ws.onclose = function () { setTimeout(show, 1000); };
    window.__payrollWatchSocket = ws;
  }
  // once the page has loaded and its widgets have connected: the watch never delays the app
  function later() { setTimeout(connect, %(delay)d); }
  if (document.readyState === 'complete') later(); else window.addEventListener('load', later);
})();
"""


def watch_html() -> str:
    """The ``<script>`` added to a rendered page (both languages; the page's ``?lang=`` chooses)."""
    texts = {lang: {"lost": tr(LOST, lang), "reload": tr(RELOAD, lang)} for lang in LANGS}
    script = SCRIPT % {"texts": json.dumps(texts, ensure_ascii=False), "session": WATCH_SESSION, "delay": DELAY_MS}
    return f"<script>{script}</script>"


BODY_END = b"</body>"
# Voilà's lab template links Font Awesome from a CDN although its own bundle carries it (chunk with the fonts,
# served by this server): on a classroom network without internet the page waited for those two stylesheets
# before running any script. Rendered pages go without them.
CDN_LINK = re.compile(rb'<link[^>]+href="https://cdn\.jsdelivr\.net/npm/@fortawesome/[^"]*"[^>]*>\s*')


def is_rendered_page(request: httputil.HTTPServerRequest) -> bool:
    """A notebook rendered by Voilà (standalone: ``/voila/render/…``; jupyter_server's extension: the same)."""
    return request.method == "GET" and "/voila/render/" in request.path


class WatchTransform(web.OutputTransform):
    """Adds the watch's ``<script>`` to a rendered page, before its ``</body>`` (or at its end).

    Registered first among the application's transforms (``web_app.transforms.insert(0, …)``) or the request's
    (``add_to``), so it sees the page before it is compressed or chunked.
    """

    def __init__(self, request: httputil.HTTPServerRequest) -> None:
        self.active = is_rendered_page(request)
        self.done = False

    def transform_first_chunk(self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes,
                              finishing: bool) -> tuple[int, httputil.HTTPHeaders, bytes]:
        html = headers.get("Content-Type", "").startswith("text/html")
        self.active = self.active and status_code == 200 and html and "Content-Encoding" not in headers
        chunk = self.transform_chunk(chunk, finishing)
        if self.active and "Content-Length" in headers:  # the whole page in one write
            headers["Content-Length"] = str(len(chunk))
        return status_code, headers, chunk

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        if not self.active or self.done:
            return chunk
        chunk = CDN_LINK.sub(b"", chunk)
        at = chunk.rfind(BODY_END)
        if at < 0 and not finishing:
            return chunk
        self.done = True
        script = watch_html().encode()
        return chunk + script if at < 0 else chunk[:at] + script + chunk[at:]

    @classmethod
    def add_to(cls, handler: Any) -> None:
        """Watch this request's page (for servers whose application's transforms cannot be configured)."""
        transforms = getattr(handler, "_transforms", None)
        if transforms is not None and not any(isinstance(t, cls) for t in transforms):
            transforms.insert(0, cls(handler.request))
