"""The link to a scenario (the page's own address plus its parameters) and its copy button."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from calc.core.text import tr
from payroll_ui.kit.html import esc, raw_value
from payroll_ui.kit.texts import UI


def xsrf_primer() -> str:
    """A prefetch of Voilà's file list, which sets the ``_xsrf`` cookie.

    Voilà shuts a page's kernel down on leaving the page with a POST that carries the ``_xsrf`` cookie;
    a page opened directly at ``/voila/render/...`` has no such cookie, the POST is refused (403) and the
    kernel lives on until culled (voila-dashboards/voila#1458). Prefetching ``/voila/tree`` sets it.
    """
    path = os.environ.get("SCRIPT_NAME", "") or ""
    prefix = path.split("/voila/render/")[0] if "/voila/render/" in path else os.environ.get("VOILA_BASE_URL", "/")
    return f'<link rel="prefetch" href="{esc(prefix.rstrip("/"))}/voila/tree">'


def share_href(name: str, params: Mapping[str, Any]) -> str:
    """The link to the scenario: the page's own path (from Voilà's SCRIPT_NAME) plus the parameters."""
    qs = urlencode({k: raw_value(v) for k, v in params.items() if v is not None and v != ""})
    path = os.environ.get("SCRIPT_NAME", "") or ""
    if not path.endswith(".ipynb"):
        path = f"{name}.ipynb"
    return f"{path}?{qs}"


def share_html(href: str, lang: str) -> str:
    """The link to the scenario with a copy button (the button uses the browser's clipboard)."""
    done = tr(UI["copied"], lang)
    ask = tr(UI["copy_prompt"], lang)
    copy_js = (
        "var a=this.parentNode.querySelector('a'),b=this;"
        f"function ask(){{window.prompt('{ask}',a.href);}}"
        "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(a.href)"
        f".then(function(){{b.textContent='{done} ✓';}},ask);}}else{{ask();}}"
    )
    return (
        f'<div class="pa-share"><a class="pa-share-link" href="{esc(href)}" target="_blank" rel="noopener">'
        f'{esc(tr(UI["share"], lang))}</a><button type="button" onclick="{esc(copy_js)}">'
        f"{esc(tr(UI['copy'], lang))}</button><span class=\"pa-share-url\"> {esc(href)}</span>"
        f"<br><small>{esc(tr(UI['share_hint'], lang))}</small></div>"
    )

