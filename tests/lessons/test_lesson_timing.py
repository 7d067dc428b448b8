"""Every lesson runs top to bottom in under 30 seconds (executed with nbclient, as a learner's Run All)."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks" / "lessons").glob("*/*.ipynb"))
LIMIT_SECONDS = 30
REPORT = ROOT / "artifacts" / "lesson_timings.json"


def _fresh(path: Path) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nbformat.read(path, as_version=4))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_lesson_runs_in_under_30_seconds(path: Path) -> None:
    nb = _fresh(path)
    client = NotebookClient(nb, timeout=LIMIT_SECONDS * 2, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(ROOT)}})
    started = time.perf_counter()
    client.execute()  # raises CellExecutionError on any error
    seconds = time.perf_counter() - started
    REPORT.parent.mkdir(exist_ok=True)
    try:
        timings = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    except ValueError:  # a half-written file from a parallel run
        timings = {}
    timings[f"{path.parent.name}/{path.name}"] = round(seconds, 2)
    REPORT.write_text(json.dumps(dict(sorted(timings.items())), indent=1))
    assert seconds < LIMIT_SECONDS, f"{path.name} took {seconds:.1f} s"
