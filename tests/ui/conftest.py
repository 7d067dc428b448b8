"""Helpers for the widget tests: read the figures an app shows (the DOM contract) from its HTML."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from app_pages import page_text, shown_figures


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
