"""A class opening the apps (prints figures; not a timed test).

Voilà with the repo's voila.json (payroll_server's kernel limit and class pools), ``PARTICIPANTS`` set, only
the measured app preheated (the others would take the same machine):

1. idle: one visitor at a time, each once the previous one's replacement kernel is ready: median seconds from
   opening the page to a usable app (``.app-ready``) in Chromium;
2. class: ``--visitors`` visitors (30) of one app within ``--within`` seconds (10), each in its own browser
   context: seconds to usable for each, how many saw the class-full page first, errors;
3. burst: ``--burst`` (100) requests of the app page at the same moment (HTTP, as many browsers would send):
   how many got the app, the class-full page (503), anything else (a blank page or an error); then whether the
   server still answers another visitor, and how fast.

Also printed: the machine's load (``uptime``) at each step, kernel resident memory, errors in the server's log.
Run: ``python benchmarks/bench_class.py [--app seniority] [--participants 30] [--runs 8]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_apps import APPS, ARGS, CHROMIUM, REPO, kernels, spread, voila
from bench_common import HelpFormatter


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def pool_ready(log: Path, app: str) -> int:
    return len(re.findall(rf"Kernel pool of {app}\.ipynb is filled", log.read_text()))


def wait_pool(log: Path, app: str, at_least: int, timeout: float = 600) -> None:
    deadline = time.time() + timeout
    while pool_ready(log, app) < at_least and time.time() < deadline:
        time.sleep(0.5)


async def visit(browser: Any, base: str, app: str, delay: float) -> tuple[float, bool, str]:
    """Seconds from opening to usable (through class-full pages, which reload themselves), whether the class-full
    page was seen, and an error if the app never came."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    busy = False

    def saw(response: Any) -> None:
        nonlocal busy
        busy = busy or response.status == 503

    page.on("response", saw)
    t0 = time.perf_counter()
    error = ""
    try:
        await page.goto(f"{base}/voila/render/{app}.ipynb?lang=ru", wait_until="commit", timeout=180_000)
        await page.wait_for_selector(f".app-{app}.app-ready", timeout=180_000)
    except Exception as e:  # a timeout: the app never became usable
        error = type(e).__name__
    took = time.perf_counter() - t0
    return took, busy, error, page  # type: ignore[return-value]


async def class_burst(base: str, app: str, visitors: int, within: float) -> list[tuple[float, bool, str]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        results = await asyncio.gather(*(visit(browser, base, app, i * within / visitors) for i in range(visitors)))
        for *_, page in results:
            await page.close(run_before_unload=True)  # as closing the tab: Voilà shuts the kernel down
        await asyncio.sleep(2)
        await browser.close()
    return [r[:3] for r in results]


def fetch(url: str) -> tuple[str, float]:
    kind, took, _text = fetch_text(url)
    return kind, took


def fetch_text(url: str, opener: Any = None) -> tuple[str, float, str]:
    """What a page request got: ``app`` (a page holding the app's widgets), ``busy`` (the class-full page),
    ``blank`` (a page without the app) or an error; seconds; the text."""
    t0 = time.perf_counter()
    text = ""
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=300) as r:
            text = r.read().decode("utf-8", "replace")
            kind = "app" if r.status == 200 and "application/vnd.jupyter.widget-view+json" in text else "blank"
            if kind == "blank" and "/voila/render/" in url:
                Path("/tmp/bench-class-blank.html").write_text(text)
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        kind = "busy" if e.code == 503 and "payroll-busy" in text else f"HTTP {e.code}"
    except Exception as e:
        kind = type(e).__name__
    return kind, time.perf_counter() - t0, text


def script_visit(base: str, app: str, delay: float) -> tuple[float, bool, str]:
    """A visitor without a browser (participants' browsers run on their own machines): the page, retried as the
    class-full page does, then the page's kernel answering over its websocket (what the widgets need). Returns
    seconds to that point, whether the class-full page came first, and an error."""
    from http.cookiejar import CookieJar

    import websocket

    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    time.sleep(delay)
    t0 = time.perf_counter()
    busy = False
    while time.perf_counter() - t0 < 300:
        kind, _took, text = fetch_text(f"{base}/voila/render/{app}.ipynb?lang=ru", opener)
        if kind == "busy":
            busy = True
            time.sleep(5)
            continue
        if kind != "app":
            return time.perf_counter() - t0, busy, kind
        kernel = re.search(r'"kernelId": *"([^"]+)"', text).group(1)  # type: ignore[union-attr]
        url = base.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels?session_id=bench-{kernel}"
        ws = websocket.create_connection(url, timeout=120)
        ws.send(json.dumps({"header": {"msg_id": kernel, "msg_type": "comm_info_request", "session": "b",
                                       "username": "", "version": "5.3", "date": ""}, "parent_header": {},
                            "metadata": {}, "content": {}, "channel": "shell"}))
        while "comm_info_reply" not in str(ws.recv()):
            pass
        took = time.perf_counter() - t0
        ws.close()
        xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
        with suppress(OSError):  # the visitor leaves, as Voilà's page does when its tab closes
            opener.open(urllib.request.Request(f"{base}/voila/api/shutdown/{kernel}", data=f"_xsrf={xsrf}".encode(),
                                               method="POST"), timeout=60)
        return took, busy, ""
    return time.perf_counter() - t0, busy, "no app within 300 s"


BREAKDOWN = """
import time
t = [time.perf_counter()]
import ipykernel.kernelapp, ipykernel.ipkernel
t.append(time.perf_counter())
import ipywidgets
t.append(time.perf_counter())
import calc
calc.rulebook()
t.append(time.perf_counter())
from payroll_ui.apps import {app} as m
t.append(time.perf_counter())
import sys
lazy = "matplotlib" not in sys.modules
app = m.{cls}("ru")
t.append(time.perf_counter())
print(" ".join(f"{{b - a:.3f}}" for a, b in zip(t, t[1:])), int(lazy), int("matplotlib" in sys.modules),
      int("pandas" in sys.modules))
"""
STEPS = ["ipykernel", "ipywidgets", "calc (rules loaded)", "the app's module", "first build + render"]


def app_class(app: str) -> str:
    """The app's class name in ``payroll_ui.apps.<app>`` (the one ``main()`` runs)."""
    import importlib
    import inspect

    module = importlib.import_module(f"payroll_ui.apps.{app}")
    source = inspect.getsource(module.main)
    found = re.search(r"run\((\w+)\)", source)
    return found.group(1) if found else "App"


def kernel_breakdown(app: str, runs: int = 3) -> None:
    """Where a kernel's start goes, in a fresh interpreter each time (what Voilà's kernel does, step by step),
    then the slowest imports of the app's module and first render (``python -X importtime``)."""
    code = BREAKDOWN.format(app=app, cls=app_class(app))
    rows, flags = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
        values = out.stdout.split()
        rows.append([float(x) for x in values[:len(STEPS)]] + [time.perf_counter() - t0])
        flags = values[len(STEPS):]
    for i, name in enumerate([*STEPS, "whole interpreter"]):
        print(f"    {name:22s} {statistics.median(r[i] for r in rows):.3f} s")
    lazy, mpl, pandas = (f == "1" for f in flags)
    print(f"    the module imports matplotlib: {'no' if lazy else 'yes'}; after the first render: matplotlib "
          f"{'loaded' if mpl else 'not loaded'}, pandas {'loaded' if pandas else 'not loaded'}")
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    top = []  # (cumulative µs, package) of the top-level packages imported
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and not parts[2].startswith("  "):
            top.append((int(parts[1]), parts[2].strip()))
    print("    slowest top-level imports (-X importtime, cumulative): " + ", ".join(
        f"{name} {us / 1e6:.2f} s" for us, name in sorted(top, reverse=True)[:8]))


MARKS = """
(() => {
  const marks = window.__marks = {};
  const now = () => performance.now() / 1000;
  const check = () => {
    if (!marks.figure && document.querySelector('[data-figure]')) marks.figure = now();
    if (!marks.ready && document.querySelector('.app-ready')) marks.ready = now();
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  document.addEventListener('load', e => {
    const t = e.target;
    if (!marks.chart && t.tagName === 'IMG' && t.closest('.pa-chart, img.pa-chart') && t.naturalWidth > 0) {
      marks.chart = now();
    }
  }, true);
})();
"""
MILESTONES = {"first byte": "", "page received": "", "DOM ready": "", "first figure": "figure",
              "first chart": "chart", "usable (.app-ready)": "ready"}


def wait_kernels_idle(pid: int, timeout: float = 120) -> None:
    """Until every kernel of the server has used under 5 % of a core for a second (a replacement kernel has
    run its notebook: Voilà reports a pool filled once the kernel is up, before the notebook has run)."""
    import psutil

    deadline = time.time() + timeout
    while time.time() < deadline:
        procs = kernels(pid)
        for k in procs:
            with suppress(psutil.Error):
                k.cpu_percent(None)
        time.sleep(1)
        busy = 0.0
        for k in procs:
            with suppress(psutil.Error):
                busy = max(busy, k.cpu_percent(None))
        if busy < 5:
            return


def idle(base: str, log: Path, app: str, runs: int, pool: int, pid: int) -> None:
    """One visitor at a time, each once the previous page's replacement kernel is ready: seconds from navigation
    to each milestone (the browser's navigation timing, then the first figure, the first chart drawn and the
    app usable, recorded in the page)."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    phases: dict[str, list[float]] = {key: [] for key in MILESTONES}
    used = pool_ready(log, app)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(MARKS)
            page = context.new_page()
            t0 = time.perf_counter()
            page.goto(f"{base}/voila/render/{app}.ipynb?lang=ru", timeout=180_000)
            page.wait_for_selector(f".app-{app}.app-ready", timeout=120_000)
            times.append(time.perf_counter() - t0)
            page.wait_for_timeout(300)  # the chart's image decodes
            got = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                " return [n.responseStart / 1000, n.responseEnd / 1000,"
                                " n.domContentLoadedEventEnd / 1000, window.__marks]; })()")
            marks = got[3] or {}
            for i, (key, mark) in enumerate(MILESTONES.items()):
                value = got[i] if not mark else marks.get(mark)
                if value is not None:
                    phases[key].append(value)
            print(f"    visit {len(times):2d}: usable after {times[-1]:.2f} s; " + ", ".join(
                f"{key} {values[-1]:.2f}" for key, values in phases.items() if values) + f"   [{load()}]",
                flush=True)
            page.close(run_before_unload=True)
            context.close()
            used += 1
            wait_pool(log, app, used + 1, timeout=180)  # the used kernel's replacement is up
            wait_kernels_idle(pid)  # and has run the notebook
        browser.close()
    print(f"  idle, open → usable: {spread(times, 's', 1)}   [{load()}]")
    for key, values in phases.items():  # where the time goes: the server's answer, then the browser
        if values:
            print(f"    → {key:20s} {spread(values, 's', 1)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    parser.add_argument("--app", default="seniority", choices=APPS)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--visitors", type=int, default=30)
    parser.add_argument("--within", type=float, default=10.0)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--steps", default="0123", help="which of the steps to run, e.g. 3 for the burst alone")
    args = parser.parse_args()
    others = [p.stem for p in sorted((REPO / "notebooks" / "apps").glob("*.ipynb")) if p.stem != args.app]
    denylist = "[" + ",".join(f'"{a}.ipynb"' for a in others) + "]"
    os.environ["PARTICIPANTS"] = str(args.participants)
    print(f"Class of {args.participants}, app {args.app}; {load()}")
    with voila(f"--VoilaKernelManager.preheat_denylist={denylist}") as (base, log, pid):
        t0 = time.perf_counter()
        wait_pool(log, args.app, 1)
        pool = int(re.search(r"(\d+) preheated kernel", log.read_text()).group(1))  # type: ignore[union-attr]
        limits = re.search(r"At most .*", log.read_text())
        print(f"  {limits.group(0) if limits else ''}; pool of {pool} ready after {time.perf_counter() - t0:.0f} s")
        time.sleep(10)
        rss = [k.memory_info().rss / 2**20 for k in kernels(pid)]
        print(f"  preheated kernels: {len(rss)}, RSS median {statistics.median(rss):.0f} MiB, max {max(rss):.0f} MiB")

        if "0" in args.steps:
            print(f"\n0. A kernel's start for {args.app}, median of 3 fresh interpreters   [{load()}]")
            kernel_breakdown(args.app)
        if "1" in args.steps:
            print("\n1. One visitor at a time")
            wait_kernels_idle(pid)
            idle(base, log, args.app, args.runs, pool, pid)
        if "2" in args.steps:
            class_step(base, log, pid, args)
        if "3" in args.steps:
            burst_step(base, log, pid, args)


def class_step(base: str, log: Path, pid: int, args: argparse.Namespace) -> None:
    wait_kernels_idle(pid, timeout=600)  # the preheated kernels have run the notebook (not only started)
    print(f"\n2. {args.visitors} visitors within {args.within:.0f} s (page, then its kernel answers)  [{load()}]")
    with ThreadPoolExecutor(args.visitors) as pool_v:
        delays = [i * args.within / args.visitors for i in range(args.visitors)]
        results = list(pool_v.map(lambda d: script_visit(base, args.app, d), delays))
    ok = [t for t, _b, e in results if not e]
    print(f"  usable: {len(ok)} of {len(results)}; {spread(ok, 's', 1) if ok else ''}")
    print(f"  the last usable after {max(ok):.1f} s" if ok else "")
    print(f"  saw the class-full page first: {sum(b for _t, b, _e in results)}; "
          f"errors: {[e for *_x, e in results if e]}   [{load()}]")
    wait_pool(log, args.app, 2, timeout=300)


def burst_step(base: str, log: Path, pid: int, args: argparse.Namespace) -> None:
    time.sleep(20)
    print(f"\n3. {args.burst} requests at once   [{load()}]")
    with ThreadPoolExecutor(args.burst) as pool_x:
        got = list(pool_x.map(fetch, [f"{base}/voila/render/{args.app}.ipynb?lang=en"] * args.burst))
    kinds: dict[str, list[float]] = {}
    for kind, took in got:
        kinds.setdefault(kind, []).append(took)
    for kind, times in sorted(kinds.items()):
        print(f"  {kind:10s} {len(times):3d}   {spread(times, 's', 1)}")
    t1 = time.perf_counter()
    with urllib.request.urlopen(f"{base}/voila/api/contents/", timeout=30) as r:
        r.read()
    print(f"  afterwards another visitor is answered in {time.perf_counter() - t1:.2f} s   [{load()}]")
    text = log.read_text()
    print(f"  server log: {len(re.findall('Traceback', text))} tracebacks, "
          f"{len(re.findall('Address already in use', text))} port clashes, "
          f"{len(re.findall('Server full', text))} class-full pages; kernels now {len(kernels(pid))}")

if __name__ == "__main__":
    main()
