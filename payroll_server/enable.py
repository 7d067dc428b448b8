"""Enable this package as a jupyter_server extension (JupyterLab, Binder): ``python -m payroll_server.enable [DIR]``.

Writes ``DIR/jupyter_server_config.d/payroll_server.json`` — the file an extension package ships and
``jupyter server extension enable`` expects to find already (it refuses a module not named in one). ``DIR`` is
a Jupyter configuration folder; by default the running Python's ``sys.prefix/etc/jupyter`` (the project's
``.venv``, Binder's environment). ``scripts/setup.sh`` and ``binder/postBuild`` run it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ENABLED = {"ServerApp": {"jpserver_extensions": {"payroll_server": True}}}


def enable(config_dir: str | Path = Path(sys.prefix) / "etc" / "jupyter") -> Path:
    """Write the file that enables the extension in ``config_dir``; returns its path."""
    target = Path(config_dir) / "jupyter_server_config.d" / "payroll_server.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(ENABLED, indent=2) + "\n")
    return target


if __name__ == "__main__":
    print(f"payroll_server enabled as a jupyter_server extension: {enable(*sys.argv[1:2])}")
