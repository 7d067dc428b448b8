"""Vietnam's glossary (``glossary.yaml``) and a Trace that uses it."""

from __future__ import annotations

from pathlib import Path

from calc.core.explain import Trace
from calc.core.rules import load_yaml

GLOSSARY = load_yaml(Path(__file__).with_name("glossary.yaml"))


def trace() -> Trace:
    """A new Trace with Vietnam's names of quantities."""
    return Trace(glossary=GLOSSARY)
