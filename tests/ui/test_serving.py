"""Serving files: voila.json settings, Binder pins equal to the root pins, the start script's URL."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            out[name.strip().lower()] = version.strip()
    return out


def test_voila_json() -> None:
    cfg = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    vc = cfg["VoilaConfiguration"]
    assert vc["preheat_kernel"] is True
    assert vc["show_tracebacks"] is False
    assert vc["strip_sources"] is True
    pools = cfg["VoilaKernelManager"]["kernel_pools_config"]
    assert 1 <= pools["default"]["pool_size"] <= 2
    assert cfg["MappingKernelManager"]["cull_connected"] is False


def test_binder_pins_follow_the_root_pins() -> None:
    root = pins(REPO / "requirements.txt")
    binder = pins(REPO / "binder" / "requirements.txt")
    for name in ("voila", "ipywidgets", "matplotlib", "babel", "holidays", "pandas", "pyyaml", "ipykernel"):
        assert name in binder
    for name, version in binder.items():
        assert root.get(name) == version, name
    for tool in ("pytest", "playwright", "ruff", "nbval"):
        assert tool not in binder
    assert (REPO / "binder" / "runtime.txt").read_text().strip() in ("python-3.11", "python-3.12")
    post = (REPO / "binder" / "postBuild").read_text()
    assert "set -e" in post and "pip install" in post and "--no-deps -e ." in post


def test_runtime_and_development_requirements_are_separate() -> None:
    """start.sh installs only what the apps need; test.sh adds the tools (requirements-dev.txt)."""
    runtime = pins(REPO / "requirements.txt")
    dev_text = (REPO / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "-r requirements.txt" in dev_text.splitlines()
    for tool in ("pytest", "playwright", "ruff", "nbval", "hypothesis", "import-linter", "pypdf"):
        assert tool not in runtime and f"{tool}==" in dev_text, tool
    assert "setup.sh --dev" in (REPO / "scripts" / "test.sh").read_text()
    assert "--dev" not in (REPO / "scripts" / "start.sh").read_text()


def test_start_script_prints_the_start_page() -> None:
    text = (REPO / "scripts" / "start.sh").read_text()
    assert "/voila/render/start.ipynb" in text
    assert "bash scripts/setup.sh" in text
    assert "voila notebooks/apps" in text
