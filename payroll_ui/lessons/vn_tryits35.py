""""Try it" calculators of the Vietnamese lessons 3–5 (registered through :mod:`payroll_ui.lessons.vn_tryits`;
helpers: :func:`payroll_ui.lessons.vn_tryits._x`, ``V`` from :mod:`payroll_ui.lessons.vn_content`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register(registry: dict[str, Callable[[str], Any]]) -> None:
    """Add lessons 3–5's try-its to ``registry`` (none yet)."""
