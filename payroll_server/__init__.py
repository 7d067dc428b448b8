"""Server side of the calculator apps: classes that Voilà (and jupyter_server under it) load by configuration.

- ``frames``: checks of binary kernel websocket frames, in time and memory linear in the frame's size;
- ``connection``: the kernel websocket connection that rejects malformed frames and keeps tracebacks on the server;
- ``capacity``: how many kernels this machine holds and how large the preheated pools are for a class;
- ``kernels``: the kernel manager that never starts more kernels than that;
- ``identity``: the class code (Voilà's token) and the "class is full" page for visitors above the limit;
- ``watch``: the script every rendered page gets, saying when its kernel or the connection is lost;
- ``static``: Voilà's script and style files kept by the browser and sent compressed.

Standalone Voilà (``scripts/start.sh``) loads them by ``voila.json``, read from the repo root. Under
jupyter_server (``jupyter lab``, Binder's JupyterLab and its Voilà start page) this package is a server
extension, enabled by ``python -m payroll_server.enable`` (``scripts/setup.sh``,
``binder/postBuild``): linked, it sets ``SERVER_CONFIG`` on the server before the server makes its kernel
manager; loaded, it adds the watch to the pages Voilà's extension renders and the cache headers and compression of
Voilà's files.
"""

from __future__ import annotations

from typing import Any

SERVER_CONFIG: dict[str, Any] = {
    "ServerApp": {
        "kernel_websocket_connection_class": "payroll_server.connection.GuardedConnection",
        "kernel_manager_class": "payroll_server.kernels.LimitedKernelManager",
    },
    # A JupyterLab user runs their own code: their tracebacks and stderr reach them (the apps' visitors' do not)
    "GuardedConnection": {"hide_tracebacks": False},
    "KernelManager": {"transport": "ipc"},  # local sockets: no TCP ports to clash between kernels started together
}
"""What the extension sets on a jupyter_server: checked kernel frames and the kernel limit (docs/security.md)."""


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """jupyter_server finds the extension here (``ServerApp.jpserver_extensions``)."""
    return [{"module": "payroll_server"}]


def _link_jupyter_server_extension(serverapp: Any) -> None:
    """Before the server makes its kernel manager and web application: the guards of ``SERVER_CONFIG``."""
    from traitlets.config import Config

    serverapp.update_config(Config(SERVER_CONFIG))


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Every page Voilà's extension renders gets the watch on its kernel (``watch.WatchTransform``)."""
    from payroll_server.static import install
    from payroll_server.watch import WatchTransform

    transforms = serverapp.web_app.transforms
    if WatchTransform not in transforms:
        transforms.insert(0, WatchTransform)  # before compression and chunking
    install(serverapp.web_app)  # Voilà's files: cache headers and gzip
    serverapp.log.info("payroll_server: frames checked, at most %s kernels, rendered pages watch their kernel",
                       getattr(serverapp.kernel_manager, "max_kernels", "?"))
