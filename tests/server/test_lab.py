"""JupyterLab's server (jupyter_server) with payroll_server enabled as its extension, by the command of
``scripts/setup.sh`` and Binder's ``postBuild``: the kernel websocket frames are checked, the kernel limit
applies, tracebacks still reach the JupyterLab user, and pages rendered by Voilà's extension (Binder's start
page) watch their kernel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import websocket
from serving import free_port, stop
from wsclient import V1, freeze_v1, message, received

from payroll_server.watch import WATCH_SESSION

REPO = Path(__file__).resolve().parents[2]
TOKEN = "lab-code-13"


class Lab:
    """``jupyter server`` from the repo root, the extension enabled in a scratch configuration folder (besides
    the environment's, which enables JupyterLab and Voilà)."""

    def __init__(self, config_dir: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "JUPYTER_CONFIG_DIR": str(config_dir), "PAYROLL_MAX_KERNELS": "3"}
        subprocess.run([sys.executable, "-m", "payroll_server.enable", str(config_dir)], cwd=REPO, env=env, check=True)
        self.port = free_port()
        self.base = f"http://localhost:{self.port}"
        self.log = REPO / "artifacts" / f"jupyter-server-{self.port}.log"
        self.log.parent.mkdir(exist_ok=True)
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root", f"--port={self.port}",
                 f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={REPO}"],
                cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env,
            )
        deadline = time.time() + 120
        while not self.answers():
            if self.proc.poll() is not None or time.time() > deadline:
                self.stop()
                pytest.fail(f"jupyter server did not start: {self.log}")
            time.sleep(0.5)

    def request(self, path: str, data: dict | None = None, timeout: float = 120) -> tuple[int, str]:
        body = None if data is None else json.dumps(data).encode()
        req = urllib.request.Request(f"{self.base}{path}", data=body, headers={"Authorization": f"token {TOKEN}"},
                                     method="GET" if data is None else "POST")
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")

    def answers(self, timeout: float = 2) -> bool:
        try:
            return self.request("/api/status", timeout=timeout)[0] == 200
        except Exception:
            return False

    def connect(self, kernel: str, v1: bool, session: str = "") -> websocket.WebSocket:
        url = (self.base.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels"
               f"?token={TOKEN}&session_id={session or uuid.uuid4().hex}")
        ws = websocket.create_connection(url, subprotocols=[V1] if v1 else None, timeout=60)
        ws.recv()
        return ws

    def log_text(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        stop(self.proc)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    server = Lab(tmp_path_factory.mktemp("jupyter-config"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def kernel(lab: Lab) -> str:
    _status, text = lab.request("/api/kernels", {"name": "python3"})
    return json.loads(text)["id"]


def test_the_configuration_loads_the_guards(lab):
    text = lab.log_text()
    assert "At most 3 kernels" in text  # payroll_server.kernels.LimitedKernelManager
    assert "payroll_server: frames checked, at most 3 kernels, rendered pages watch their kernel" in text


def test_a_malformed_frame_closes_only_its_connection_and_the_server_keeps_answering(lab, kernel):
    bystander = lab.connect(kernel, v1=True)
    attacker = lab.connect(kernel, v1=True)
    attacker.send_binary(freeze_v1())  # jupyter_server's own reader would loop 2**40 times (docs/security.md)
    received(attacker, 3)
    assert not attacker.connected
    assert lab.answers(timeout=1)
    bystander.ping()
    assert bystander.connected
    assert "malformed frame (offset count 1099511627776" in lab.log_text()


def test_tracebacks_still_reach_the_jupyterlab_user(lab, kernel):
    ws = lab.connect(kernel, v1=False)
    ws.send(json.dumps(message("execute_request", {"code": "1/0", "silent": False, "store_history": False,
                                                   "user_expressions": {}, "allow_stdin": False})))
    text = " ".join(r if isinstance(r, str) else r.decode("utf-8", "replace") for r in received(ws, 10))
    assert "ZeroDivisionError" in text and "Traceback" in text


def test_a_page_rendered_by_voilas_extension_watches_its_kernel(lab):
    status, page = lab.request("/voila/render/notebooks/apps/start.ipynb?lang=en", timeout=240)
    assert status == 200 and "application/vnd.jupyter.widget-view+json" in page
    assert page.count(WATCH_SESSION) == 1 and page.rindex(WATCH_SESSION) < page.rindex("</body>")
