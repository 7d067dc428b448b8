"""The kernel manager of the served apps (``VoilaConfiguration.multi_kernel_manager_class``).

Voilà builds its preheating manager on top of this class. It keeps three promises:
- never more than ``max_kernels`` kernels (open pages, preheated ones, ones starting): a start beyond waits;
- at most ``start_concurrency`` kernels start at once (one per core): a burst of visitors gets kernels one
  after another instead of all of them timing out together;
- a pool's replacement kernel that no visitor waits for yet starts once visitors stop arriving
  (``QUIET_SECONDS``): during a class burst the machine serves the visitors first;
- a pool's kernel starts only while fewer preheated kernels than starting slots still run their notebook: the
  pool fills one or two ready kernels at a time instead of all of them ready together at the end;
- ``admit()`` tells the page guard (``identity``) whether a visitor can have a kernel now and soon (pages being
  served < preheated kernels ready — started and their notebook run — + ``max_starting``); an admitted visitor
  holds a reservation until the kernel started for them (or the pool's replacement) takes it.
With ``PARTICIPANTS`` set, every app's preheated pool is sized for the class (``capacity.class_pool``).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer, default

from . import capacity

WAIT_STEP = 0.25  # seconds between looks at the count while the server is full
QUIET_SECONDS = 5.0  # a preheated pool is refilled once no visitor has arrived for this long
VISIT_SECONDS = 300.0  # a page still not sent after this long no longer counts as being served
STARTS_PER_SLOT = 6  # a kernel starts in 2.5 s on an idle core, several times that under load: 6 queued per slot


class LimitedKernelManager(AsyncMappingKernelManager):
    """Counts kernels against a limit; see the module's docstring."""

    max_kernels = Integer(help="The most kernels at once (PAYROLL_MAX_KERNELS; default from memory and cores)").tag(
        config=True
    )
    start_concurrency = Integer(help="Kernels starting at the same time (default: one per core)").tag(config=True)
    max_starting = Integer(help="Pages being served beyond the preheated kernels ready, from which a visitor gets "
                           "the class-full page (default: 6 per starting slot)").tag(config=True)
    reservation_seconds = Float(60.0, help="How long an admitted visitor's place is kept").tag(config=True)

    @default("max_kernels")
    def _default_max_kernels(self) -> int:
        return capacity.max_kernels()

    @default("start_concurrency")
    def _default_start_concurrency(self) -> int:
        return capacity.cores()

    @default("max_starting")
    def _default_max_starting(self) -> int:
        return STARTS_PER_SLOT * max(1, self.start_concurrency)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starts: set[asyncio.Task[Any] | None] = set()  # the tasks inside start_kernel
        self._reserved: list[float] = []
        self._last_admitted = 0.0
        self._visitors: dict[object, float] = {}  # pages being served → when admitted
        self._gate = asyncio.Semaphore(max(1, self.start_concurrency))
        people = capacity.participants()
        if people and hasattr(self, "kernel_pools_config"):
            self._size_pools(people)
        self.log.info("At most %s kernels, %s starting at once, %s waiting to start", self.max_kernels,
                      self.start_concurrency, self.max_starting)

    def _size_pools(self, people: int) -> None:
        """The same preheated pool for every app (Voilà fills the pools right after this)."""
        root = Path(getattr(self.parent, "root_dir", ".") or ".")
        keep = getattr(self, "_notebook_filter", lambda _path: True)  # Voilà's: no checkpoints, no denylisted
        notebooks = [p for p in root.rglob("*.ipynb") if keep(p.relative_to(root))]
        size = capacity.class_pool(people, len(notebooks), self.max_kernels)
        self.kernel_pools_config = {"default": {"pool_size": size}}
        self.log.info("PARTICIPANTS=%s: %s preheated kernel(s) for each of %s notebooks", people, size, len(notebooks))

    def used(self) -> int:
        """Kernels running, starting and promised to admitted visitors."""
        now = time.monotonic()
        self._reserved = [t for t in self._reserved if now - t < self.reservation_seconds]
        return len(self.list_kernel_ids()) + len(self._starts) + len(self._reserved)

    def _in_pool(self, task: asyncio.Task[Any] | None) -> bool:
        """A preheated pool's kernel that no visitor has taken yet (Voilà keeps the pool as a list of tasks)."""
        return any(task in pool for pool in getattr(self, "_pools", {}).values())

    def _pool_items(self) -> list[tuple[asyncio.Task[Any], asyncio.Task[Any] | None]]:
        """(pool task, its notebook's render task) of each preheated kernel not yet taken. Voilà's pool task is
        done once the kernel has started; the notebook then runs in the render task."""
        items = []
        for pool in getattr(self, "_pools", {}).values():
            for t in pool:
                render = None
                if t.done() and not t.cancelled() and t.exception() is None:
                    content = t.result()
                    render = content.get("task") if isinstance(content, dict) else None
                items.append((t, render))
        return items

    def ready(self) -> int:
        """Preheated kernels started, their notebook run, and not yet taken."""
        return sum(t.done() and not t.cancelled() and t.exception() is None and (r is None or r.done())
                   for t, r in self._pool_items())

    def warming(self) -> int:
        """Preheated kernels started whose notebook still runs."""
        return sum(r is not None and not r.done() for _t, r in self._pool_items())

    def admit(self, visitor: object) -> bool:
        """Whether a visitor's page can have a kernel now and soon: room under the limit, and fewer pages being
        served than preheated kernels ready plus ``max_starting``. If so, its place is reserved until
        ``release(visitor)`` (the page is sent) or ``VISIT_SECONDS``."""
        now = time.monotonic()
        self._visitors = {v: t for v, t in self._visitors.items() if now - t < VISIT_SECONDS}
        if self.used() >= self.max_kernels or len(self._visitors) >= self.ready() + self.max_starting:
            return False
        self._reserved.append(now)
        self._visitors[visitor] = now
        self._last_admitted = now
        return True

    def release(self, visitor: object) -> None:
        self._visitors.pop(visitor, None)

    def _refill_can_wait(self) -> bool:
        """This start is a preheated pool's replacement nobody has taken yet, while visitors keep arriving."""
        return self._in_pool(asyncio.current_task()) and time.monotonic() - self._last_admitted < QUIET_SECONDS

    def _refill_waits_for_warming(self) -> bool:
        """This start is a preheated pool's, and as many preheated kernels as there are starting slots still run
        their notebook: Voilà runs every started kernel's notebook at once, so a refill of 30 kernels ran 30
        notebooks together and none was ready before all were (80 s under load, for the visitors too)."""
        return self._in_pool(asyncio.current_task()) and self.warming() >= max(1, self.start_concurrency)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """jupyter_server's culler, skipping kernels still starting (no activity recorded yet): it raised on them
        and logged the error every minute."""
        kernel = self._kernels.get(kernel_id)
        if kernel is None or "last_activity" not in getattr(kernel, "_trait_values", {}):
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        if self._reserved:
            self._reserved.pop(0)  # the place an admitted visitor holds
        else:
            while self.used() >= self.max_kernels:  # a pool refill while the server is full
                await asyncio.sleep(WAIT_STEP)
        task = asyncio.current_task()
        self._starts.add(task)
        try:
            while self._refill_can_wait() or self._refill_waits_for_warming():
                await asyncio.sleep(WAIT_STEP)
            async with self._gate:
                return await super().start_kernel(*args, **kwargs)
        finally:
            self._starts.discard(task)
