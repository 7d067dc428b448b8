"""How many kernels this machine holds, and the preheated pools for a class.

Settings (environment variables, read when the server starts):
- ``PAYROLL_MAX_KERNELS``: the most kernels running at once (open pages + preheated ones); by default the
  smaller of available memory / ``KERNEL_MIB`` and cores × ``KERNELS_PER_CORE``;
- ``PARTICIPANTS``: how many people open the apps together; sizes every app's preheated pool (README,
  "Run a class"); unset, the pools of ``voila.json`` apply.
"""

from __future__ import annotations

import os

import psutil

KERNEL_MIB = 150  # resident memory of one app's kernel with its charts drawn, rounded up (benchmarks/bench_apps.py)
KERNELS_PER_CORE = 60  # idle kernels cost no processor time; this bounds a class clicking at once
MEMORY_SHARE = 0.8  # leave a fifth of the available memory to the server and the system


def _env_int(name: str) -> int | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError as e:
        raise SystemExit(f"{name}={raw!r}: a whole number is required") from e
    if value < 1:
        raise SystemExit(f"{name}={raw!r}: at least 1 is required")
    return value


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine_kernels() -> int:
    """Kernels this machine can hold: by memory and by cores, whichever is smaller (at least 2)."""
    by_memory = int(psutil.virtual_memory().available * MEMORY_SHARE / (KERNEL_MIB * 2**20))
    return max(2, min(by_memory, cores() * KERNELS_PER_CORE))


def max_kernels() -> int:
    """``PAYROLL_MAX_KERNELS`` or what the machine holds."""
    return _env_int("PAYROLL_MAX_KERNELS") or machine_kernels()


def participants() -> int | None:
    return _env_int("PARTICIPANTS")


def class_pool(people: int, notebooks: int, limit: int) -> int:
    """Preheated kernels per app for a class: the whole class opens an app with no kernel to start, as far as
    the pools of all apps plus one kernel per participant stay within ``limit`` (beyond, kernels start as
    visitors arrive, ``start_concurrency`` at a time)."""
    room = max(0, limit - people) // max(1, notebooks)
    return max(1, min(people, room))
