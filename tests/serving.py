"""Helpers of the tests that start a server (Voilà, Jupyter): a free port, whether Voilà answers on it, and
stopping the server with its kernels."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
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


def stop(proc: subprocess.Popen) -> None:
    """Stop a server the test started in its own process group (``start_new_session=True``), with its
    kernels: SIGTERM, then SIGKILL if it is frozen and still there after 20 s."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:  # a frozen server ignores SIGTERM
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
