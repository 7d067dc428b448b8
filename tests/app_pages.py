"""Reading an app's page from Python as the browser shows it: the figures (the DOM contract's
``data-figure`` / ``data-value``) and the text of its HTML widgets."""

from __future__ import annotations

import html
import re
from typing import Any

import ipywidgets as W

FIGURE = re.compile(r'data-figure="([^"]+)" data-value="([^"]*)"')


def figures_in(markup: str) -> dict[str, str]:
    """data-figure → data-value (first occurrence) in an HTML string."""
    out: dict[str, str] = {}
    for key, value in FIGURE.findall(markup):
        out.setdefault(html.unescape(key), html.unescape(value))
    return out


def shown_figures(app: Any) -> dict[str, str]:
    """Every figure on the app's page (cards, tables, footer)."""
    markup = "".join(w.value for w in _html_widgets(app.root))
    return figures_in(markup)


def _html_widgets(widget: Any) -> list[Any]:
    out = []
    if isinstance(widget, W.HTML):
        out.append(widget)
    for child in getattr(widget, "children", ()) or ():
        out.extend(_html_widgets(child))
    return out


def page_text(app: Any) -> str:
    """All HTML text of the app (for checks that no traceback leaks)."""
    return "".join(w.value for w in _html_widgets(app.root))
