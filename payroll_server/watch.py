"""The page's watch on its kernel: a message with a reload button when the kernel dies or the connection is lost.

An app shows ``watch_html()`` once (``payroll_ui.common.run``); Voilà renders it as a trusted output, so its
script runs in the page. The script opens its own websocket to the page's kernel with a session id starting
with ``WATCH_SESSION``; ``connection.GuardedConnection`` sends such a connection nothing but the server's
"restarting" / "dead" notices, so it costs no traffic. The message appears when one of those arrives or the
websocket closes (the kernel was shut down, the server stopped, the network dropped), never while the visitor
is leaving the page. This module is imported by the apps' kernels: it needs only ``calc.text``.
"""

from __future__ import annotations

import json

from calc.core.i18n import _
from calc.core.text import LANGS, tr

WATCH_SESSION = "payroll-watch-"
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
})();
"""


def watch_html() -> str:
    """The ``<script>`` an app displays once (both languages; the page's ``?lang=`` chooses)."""
    texts = {lang: {"lost": tr(LOST, lang), "reload": tr(RELOAD, lang)} for lang in LANGS}
    script = SCRIPT % {"texts": json.dumps(texts, ensure_ascii=False), "session": WATCH_SESSION}
    return f"<script>{script}</script>"
