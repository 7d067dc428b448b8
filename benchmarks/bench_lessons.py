"""How long each lesson takes to run top to bottom (a learner's "Run all"), executed with nbclient.

    python benchmarks/bench_lessons.py            # every lesson
    python benchmarks/bench_lessons.py ru/03      # lessons whose path contains the text

Prints seconds per lesson and the slowest; the goal is under 30 s each on a 2-core machine. Errors in a
lesson are the tests' business (nbval); here a failing lesson is reported and skipped.
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 30


def _fresh(path: Path) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nbformat.read(path, as_version=4))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def run(path: Path) -> float | None:
    client = NotebookClient(_fresh(path), timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}})
    started = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as e:
        print(f"{path.relative_to(ROOT)}: error ({str(e).splitlines()[0][:80]})")
        return None
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    paths = sorted((ROOT / "notebooks" / "lessons").glob("*/*.ipynb"))
    if argv:
        paths = [p for p in paths if any(a in str(p) for a in argv)]
    times: dict[str, float] = {}
    for p in paths:
        s = run(p)
        if s is not None:
            times[f"{p.parent.name}/{p.stem}"] = s
            print(f"{p.parent.name}/{p.stem}: {s:.1f} s")
    if times:
        worst = max(times, key=times.__getitem__)
        over = [k for k, v in times.items() if v >= GOAL_SECONDS]
        print(f"lessons: {len(times)}, slowest {worst} {times[worst]:.1f} s, over {GOAL_SECONDS} s: {len(over)}")


if __name__ == "__main__":
    main(sys.argv[1:])
