"""Helpers for the widget tests: read the figures an app shows (the DOM contract) from its HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

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
    import ipywidgets as W

    out = []
    if isinstance(widget, W.HTML):
        out.append(widget)
    for child in getattr(widget, "children", ()) or ():
        out.extend(_html_widgets(child))
    return out


def page_text(app: Any) -> str:
    """All HTML text of the app (for checks that no traceback leaks)."""
    return "".join(w.value for w in _html_widgets(app.root))


@pytest.fixture
def shown() -> Callable[[Any], dict[str, Decimal | str]]:
    """``shown(app)`` → {figure: Decimal value (or text)} as displayed."""

    def read(app: Any) -> dict[str, Decimal | str]:
        out: dict[str, Decimal | str] = {}
        for k, v in shown_figures(app).items():
            try:
                out[k] = Decimal(v)
            except ArithmeticError:
                out[k] = v
        return out

    return read


@pytest.fixture
def text() -> Callable[[Any], str]:
    return page_text
