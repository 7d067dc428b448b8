"""The app notebooks stay thin (a title, one sentence, one call) and run without errors."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

APPS = Path(__file__).resolve().parents[2] / "notebooks" / "apps"
MINE = ["start", "seniority", "advance", "cost", "payslip", "dismissal", "leave", "sick", "late_pay", "payslip_check"]


@pytest.mark.parametrize("name", MINE)
def test_notebook_is_thin(name: str) -> None:
    nb = nbformat.read(APPS / f"{name}.ipynb", as_version=4)
    kinds = [c.cell_type for c in nb.cells]
    assert kinds == ["markdown", "code"]
    assert nb.cells[0].source.startswith("# ")
    assert nb.cells[1].source.strip() == f"from payroll_ui.apps.{name} import main\n\nmain();"


@pytest.mark.notebooks
def test_notebooks_execute() -> None:
    for name in MINE:
        nb = nbformat.read(APPS / f"{name}.ipynb", as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(APPS)}}).execute()
        outputs = nb.cells[1].outputs
        assert not [o for o in outputs if o.output_type == "error"], name
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), name
