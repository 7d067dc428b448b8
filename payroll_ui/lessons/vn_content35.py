"""Exercises of the Vietnamese lessons 3–5 (ids "V3.1"…), on the machinery of
:mod:`payroll_ui.lessons.content` and the helpers of :mod:`payroll_ui.lessons.vn_content` (``V``)."""

from __future__ import annotations

from typing import Any


def exercises() -> tuple[Any, ...]:
    """Lessons 3–5's exercises, in order (none yet)."""
    return ()
