"""Shared test configuration."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100)
settings.load_profile("ci")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail a full run that collected suspiciously few tests (PAYROLL_MIN_TESTS, set by scripts/test.sh)."""
    minimum = int(os.environ.get("PAYROLL_MIN_TESTS", "0") or 0)
    if minimum and len(session.items) < minimum:
        raise pytest.UsageError(
            f"only {len(session.items)} tests collected, at least {minimum} expected: "
            "tests are missing or failed to import"
        )
