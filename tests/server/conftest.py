"""A Voilà server with the repo's voila.json (so ``payroll_server`` is loaded), started per test module."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serving import free_port, stop, voila_answers

REPO = Path(__file__).resolve().parents[2]






class Server:
    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.base = f"http://localhost:{self.port}"
        self.log = REPO / "artifacts" / f"voila-server-{self.port}.log"
        self.log.parent.mkdir(exist_ok=True)
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "voila", "notebooks/apps", f"--port={self.port}", "--no-browser", *args],
                cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "PYTHONPATH": str(REPO), **env},
            )
        deadline = time.time() + 90
        while not voila_answers(f"{self.base}/"):
            if self.proc.poll() is not None or time.time() > deadline:
                self.stop()
                pytest.fail(f"Voilà did not start: {self.log}")
            time.sleep(0.5)

    def log_text(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        stop(self.proc)


@pytest.fixture(scope="module")
def server_factory() -> Iterator[Callable[..., Server]]:
    """``server_factory(env, *voila_args)``; every server started is stopped at the end of the module."""
    servers: list[Server] = []

    def make(env: dict[str, str] | None = None, *args: str) -> Server:
        servers.append(Server(env or {}, *args))
        return servers[-1]

    yield make
    for s in servers:
        s.stop()
