"""Who may open a page (``Voila.identity_provider_class``): the class code, then the kernel limit.

Voilà 0.5 lets configuration replace the identity provider, which jupyter_server asks before every
handler runs; it is the one place a page request can be answered before Voilà starts a kernel for it.
The class code is Voilà's token (``--Voila.token``, set by ``scripts/start.sh`` for a network): checked by
jupyter_server's ``PasswordIdentityProvider``, which this class extends. A visitor with the code who opens
an app while the server holds its most kernels (``kernels.LimitedKernelManager.admit``) gets the
"class is full" page: HTTP 503, ``Retry-After``, and a page in their language that retries by itself. An
admitted page gets the watch on its kernel (``watch.WatchTransform``). The first request adds the cache
headers and compression of Voilà's files to the application (``static.StaticTransform``).
"""

from __future__ import annotations

import html
from typing import Any

from jupyter_server.auth.identity import PasswordIdentityProvider, User
from tornado import web

from calc.core.i18n import _
from calc.core.text import tr
from payroll_server import static
from payroll_server.watch import WatchTransform, is_rendered_page

RETRY_SECONDS = 5
TITLE = _("The class is full")
BODY = _(
    "The server is running as many pages as it can hold. This page opens by itself as soon as there is room: it "
    "tries again every {s} seconds. There is no need to close it.",
)
RETRY = _("Try now")


def page_lang(handler: web.RequestHandler) -> str:
    """``?lang=`` of the address, else the browser's first language among ours; Russian by default."""
    asked = handler.get_argument("lang", "")
    if asked in ("ru", "en"):
        return asked
    for part in handler.request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in ("ru", "en"):
            return code
    return "ru"


def busy_page(lang: str) -> str:
    """A small page that reloads itself every ``RETRY_SECONDS`` (meta refresh: works without JavaScript)."""
    title = html.escape(tr(TITLE, lang))
    body = html.escape(tr(BODY, lang).format(s=RETRY_SECONDS))
    retry = html.escape(tr(RETRY, lang))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="{RETRY_SECONDS}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}"
        "button{font-size:1em;padding:.4em 1em}</style></head>"
        f'<body class="payroll-busy"><h1>{title}</h1><p>{body}</p>'
        f'<p><button onclick="location.reload()">{retry}</button></p></body></html>'
    )


class ClassroomIdentityProvider(PasswordIdentityProvider):
    """The class code (token) as jupyter_server checks it, then the kernel limit for app pages."""

    async def _get_user(self, handler: web.RequestHandler) -> User | None:
        static.install(handler.application)  # the requests that follow: Voilà's files cached and compressed
        user = await super()._get_user(handler)
        if user is None or getattr(handler, "_payroll_admitted", False) or not is_rendered_page(handler.request):
            return user
        manager: Any = handler.settings.get("kernel_manager")
        if manager is not None and hasattr(manager, "admit") and not manager.admit(handler):
            lang = page_lang(handler)
            self.log.warning("Server full (%s kernels): the class-full page for %s", manager.used(),
                             handler.request.remote_ip)
            handler.set_status(503)
            handler.set_header("Retry-After", str(RETRY_SECONDS))
            handler.set_header("Content-Type", "text/html; charset=UTF-8")
            handler.set_header("Cache-Control", "no-store")
            raise web.Finish(busy_page(lang))
        handler._payroll_admitted = True  # type: ignore[attr-defined]
        WatchTransform.add_to(handler)  # the page's watch on its kernel (watch.py)
        if manager is not None and hasattr(manager, "release"):
            finish = handler.on_finish
            handler.on_finish = lambda: (manager.release(handler), finish())  # type: ignore[method-assign]
        # A preheated page renders no template on the request, so nothing sets the _xsrf cookie that Voilà's
        # shutdown beacon sends back: without it a closed page's kernel stayed until culled (10 minutes).
        handler.current_user = user
        _ = handler.xsrf_token
        return user
