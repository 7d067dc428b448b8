"""What the benchmark scripts share: --help formatting, the workforce generator, a memory sampler."""

from __future__ import annotations

import argparse
import importlib.util
import threading
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """--help shows the module's usage examples as written and each option's default (1,000,000)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if action.option_strings and default is not None and default is not argparse.SUPPRESS:
            big = isinstance(default, int) and not isinstance(default, bool) and abs(default) >= 10_000
            shown = f"{default:,}" if big else str(default)  # 1,000,000 employees; year 2026
            text += f" (default: {shown})"
        return text


def load_generator() -> ModuleType:
    """``scripts/make_sample_workforce.py`` as a module (the fixed-seed workforce generator)."""
    path = ROOT / "scripts" / "make_sample_workforce.py"
    spec = importlib.util.spec_from_file_location("make_sample_workforce", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Sampler:
    """Calls :meth:`sample` every ``every`` seconds in a thread while the ``with`` block runs, and once at its end."""

    def __init__(self, every: float) -> None:
        self.every = every
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.every)

    def __enter__(self) -> Sampler:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.sample()
