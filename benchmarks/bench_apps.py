"""Speed and memory of the calculator apps (prints figures; not a timed test).

1. Kernel: from a changed input to updated figures, and with the charts redrawn (each app, ≥20 changes).
2. Browser (Debian's Chromium via Playwright, Voilà with the repo's voila.json and preheated kernels):
   from opening a page to a usable app (``.app-ready``), and from a key press on a slider to the new
   figure on the page.
3. Memory: resident memory (RSS) of the kernel behind one open app (Voilà without preheating, one page
   open at a time).

Run: ``python benchmarks/bench_apps.py [--runs 20] [--skip-browser] [--only kernel|browser|memory]``.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
APPS = ["start", "seniority", "advance", "cost", "payslip", "dismissal"]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # this machine is offline: other hosts (Voilà's Font Awesome CDN links) fail at once, as by a request
    # interception, which would put every request of the page through Playwright and turn the HTTP cache off
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
]


def spread(values: list[float], unit: str = "ms", scale: float = 1000) -> str:
    """median, p10, p90, min, max of a series."""
    v = sorted(x * scale for x in values)
    q = statistics.quantiles(v, n=10) if len(v) >= 2 else [v[0]] * 9
    return (
        f"median {statistics.median(v):7.1f} {unit}  p10 {q[0]:7.1f}  p90 {q[-1]:7.1f}  "
        f"min {v[0]:7.1f}  max {v[-1]:7.1f}  (n={len(v)})"
    )


# ---------------------------------------------------------------- 1. kernel side


def kernel_series(runs: int) -> dict[str, Callable[[], Any]]:
    """Each series: build an app, then a function that makes one input change (cycling values)."""
    from payroll_ui.apps import advance as advance_app
    from payroll_ui.apps import cost as cost_app
    from payroll_ui.apps import dismissal as dismissal_app
    from payroll_ui.apps import payslip as payslip_app
    from payroll_ui.apps import seniority as seniority_app

    def cycle(app: Any, widget: Any, values: list[Any]) -> Callable[[], Any]:
        state = {"i": 0}

        def step() -> Any:
            state["i"] += 1
            widget.value = values[state["i"] % len(values)]
            return app

        return step

    sen = seniority_app.build("ru")
    sen2 = seniority_app.build("ru")
    adv = advance_app.build("ru")
    cost = cost_app.build("ru")
    pay = payslip_app.build("ru")
    dis = dismissal_app.build("ru")
    money = [str(40000 + 1000 * i) for i in range(runs + 1)]
    return {
        "seniority: years slider": cycle(sen, sen.w_years, list(range(0, 31))),
        "seniority: salary typed": cycle(sen2, sen2.w_salary, money),
        "advance: salary typed": cycle(adv, adv.w_salary, money),
        "cost: gross typed": cycle(cost, cost.w_amount, [str(60000 + 7000 * i) for i in range(runs + 1)]),
        "payslip: salary typed": cycle(pay, pay.w_salary, money),
        "dismissal: salary typed": cycle(dis, dis.w_salary, [str(8000 + 100 * i) for i in range(runs + 1)]),
    }


def bench_kernel(runs: int) -> None:
    print(f"\n1. Kernel: changed input → figures / → figures and charts ({runs} changes each)")
    for name, step in kernel_series(runs).items():
        figures, charts, walls = [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            app = step()
            walls.append(time.perf_counter() - t0)
            figures.append(app.timing["figures"])
            charts.append(app.timing["chart"])
            assert not app.failures and not app.messages(), (name, app.failures, app.messages())
        print(f"  {name}")
        print(f"    figures  {spread(figures)}")
        print(f"    + charts {spread(charts)}")


# ---------------------------------------------------------------- 2. browser side


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def voila(*extra: str) -> Iterator[tuple[str, Path, int]]:
    """A Voilà server on a free port from the repo root; yields (base url, log file, pid)."""
    port = free_port()
    log = Path(f"/tmp/bench-voila-{port}.log")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "voila", "notebooks/apps", f"--port={port}", "--no-browser", *extra],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            import urllib.request

            for _ in range(180):
                try:
                    urllib.request.urlopen(f"http://localhost:{port}/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            yield f"http://localhost:{port}", log, proc.pid
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def filled(log: Path, app: str) -> int:
    return len(re.findall(rf"Kernel pool of {app}\.ipynb is filled", log.read_text()))


def wait_filled(log: Path, app: str, at_least: int, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while filled(log, app) < at_least and time.time() < deadline:
        time.sleep(0.2)


def new_page(browser: Any, base: str) -> Any:
    """A page in its own browser context (kept open after the page closes, so Voilà's shutdown beacon
    leaves); requests to other hosts fail at once (``ARGS``: this machine is offline)."""
    return browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def bench_browser(runs: int) -> None:
    from playwright.sync_api import sync_playwright

    print(f"\n2. Browser (Chromium, preheated kernels): open page → usable app ({runs} opens, apps in turn)")
    print("   idle: each page opened once the kernel taken by the previous one has been replaced;")
    print("   busy: the next page opened 0.3 s after the previous, while its replacement kernel starts")
    with voila() as (base, log, _pid), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for app in APPS:
            wait_filled(log, app, 1, timeout=120)
        time.sleep(15)  # the pools report "filled" while their last kernels still run the notebook
        uses = dict.fromkeys(APPS, 0)
        for mode in ("idle", "busy"):
            times: dict[str, list[float]] = {a: [] for a in APPS}
            for i in range(runs):
                app = APPS[i % len(APPS)]
                wait_filled(log, app, uses[app] + 1)  # a preheated kernel is ready again
                time.sleep(0.3)
                page = new_page(browser, base)
                t0 = time.perf_counter()
                page.goto(f"{base}/voila/render/{app}.ipynb?lang=ru")
                page.wait_for_selector(f".app-{app}.app-ready", timeout=60_000)
                times[app].append(time.perf_counter() - t0)
                uses[app] += 1
                page.close(run_before_unload=True)
                if mode == "idle":
                    wait_filled(log, app, uses[app] + 1)  # its replacement kernel is ready
                    time.sleep(1)
            every = [t for ts in times.values() for t in ts]
            print(f"  {mode}: all apps {spread(every, 's', 1)}")
            for app, ts in times.items():
                print(f"  {app:12s} {spread(ts, 's', 1)}")

        print(f"\n   Browser: key press on the years slider → new figures on the page ({runs} presses)")
        wait_filled(log, "seniority", uses["seniority"] + 1)
        page = new_page(browser, base)
        page.goto(f"{base}/voila/render/seniority.ipynb?lang=ru&years=0")
        page.wait_for_selector(".app-seniority.app-ready", timeout=60_000)
        handle = page.locator(".in-years .noUi-handle").first
        handle.focus()
        lat = []
        for _ in range(runs):
            old = page.locator('[data-figure="years"]').first.get_attribute("data-value")
            t0 = time.perf_counter()
            handle.press("ArrowRight")
            page.wait_for_function(
                "old => { const e = document.querySelector(\"[data-figure='years']\");"
                " return e && e.dataset.value !== old; }", arg=old, timeout=20_000)
            lat.append(time.perf_counter() - t0)
            page.wait_for_timeout(200)
        print(f"  seniority    {spread(lat)}")
        page.close(run_before_unload=True)
        browser.close()


# ---------------------------------------------------------------- 3. memory


def kernels(pid: int) -> list[Any]:
    import psutil

    out = []
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                out.append(child)
        except psutil.Error:
            pass
    return out


def bench_memory() -> None:
    import psutil
    from playwright.sync_api import sync_playwright

    print("\n3. Memory: kernel RSS of one open app (Voilà without preheating, one page at a time)")
    with voila("--preheat_kernel=False") as (base, _log, pid), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for app in APPS:
            page = new_page(browser, base)
            page.goto(f"{base}/voila/render/{app}.ipynb?lang=ru")
            page.wait_for_selector(f".app-{app}.app-ready", timeout=90_000)
            page.wait_for_timeout(500)
            ks = kernels(pid)
            newest = max(ks, key=lambda k: k.create_time())  # the kernel of the page just opened
            rss = newest.memory_info().rss
            uss = None
            with suppress(psutil.Error):
                uss = newest.memory_full_info().uss
            print(f"  {app:12s} RSS {rss / 2**20:6.1f} MiB" + (f"  USS {uss / 2**20:6.1f} MiB" if uss else "")
                  + f"  (kernels running: {len(ks)})")
            context = page.context
            page.close(run_before_unload=True)  # as a browser closing the tab: Voilà shuts the kernel down
            for _ in range(100):
                if not kernels(pid):
                    break
                time.sleep(0.2)
            context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--only", choices=["kernel", "browser", "memory"])
    args = parser.parse_args()
    print(f"bench_apps: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average {os.getloadavg()}")
    parts = [args.only] if args.only else ["kernel", "browser", "memory"]
    if args.skip_browser or not Path(CHROMIUM).exists():
        parts = [p for p in parts if p == "kernel"]
    if "kernel" in parts:
        bench_kernel(args.runs)
    if "browser" in parts:
        bench_browser(max(args.runs, 20))
    if "memory" in parts:
        bench_memory()
    print(f"\nload average at the end {os.getloadavg()} (other work on the machine skews the figures)")


if __name__ == "__main__":
    main()
