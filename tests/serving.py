"""Helpers of the tests that start a Voilà server: a free port, and whether Voilà answers on it."""

from __future__ import annotations

import socket
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def voila_answers(url: str) -> bool:
    """True when Voilà answers (another program on the port, e.g. a kernel's socket, does not count)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and b"voila" in r.read(20000).lower()
    except Exception:
        return False
