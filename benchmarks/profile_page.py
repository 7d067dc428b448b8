"""Where one idle page load's time goes in Chromium (prints a profile; not a timed test).

Voilà with the repo's voila.json, one preheated kernel per app; each visit in a fresh browser context (nothing
cached) unless ``--warm`` (the second visit of the same context: a returning visitor). Per visit: the
navigation timing, the script files (count, bytes, when the last arrived), the kernel's websocket opened, the
first figure and ``.app-ready`` (recorded in the page), and the main thread's time by kind (CDP
``Performance.getMetrics``: script, layout, style, tasks), and the JavaScript CPU profile's self time per file.

Run: ``python benchmarks/profile_page.py [--app seniority] [--runs 3] [--warm]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_apps import APPS, ARGS, CHROMIUM, voila, wait_filled
from bench_class import MARKS, wait_kernels_idle

WS = """
(() => {
  const Orig = window.WebSocket;
  window.WebSocket = function (...a) {
    const ws = new Orig(...a);
    if (String(a[0]).includes('/channels')) {
      (window.__marks = window.__marks || {}).ws = window.__marks.ws || performance.now() / 1000;
      ws.addEventListener('open', () => { window.__marks.wsopen = window.__marks.wsopen || performance.now() / 1000; });
    }
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""

RESOURCES = """(() => performance.getEntriesByType('resource').map(e => [e.name, e.initiatorType, e.startTime / 1000,
  e.responseEnd / 1000, e.transferSize, e.encodedBodySize, e.decodedBodySize]))()"""


def short(url: str) -> str:
    return url.split("/voila/", 1)[-1].split("?")[0]


def visit(page, base: str, app: str, cdp) -> dict:  # type: ignore[no-untyped-def]
    cdp.send("Performance.enable")
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 500})
    cdp.send("Profiler.start")
    t0 = time.perf_counter()
    page.goto(f"{base}/voila/render/{app}.ipynb?lang=ru", timeout=180_000)
    page.wait_for_selector(f".app-{app}.app-ready", timeout=120_000)
    usable = time.perf_counter() - t0
    profile = cdp.send("Profiler.stop")["profile"]
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                        " return [n.responseStart / 1000, n.responseEnd / 1000, n.domContentLoadedEventEnd / 1000,"
                        " n.loadEventEnd / 1000, window.__marks]; })()")
    res = page.evaluate(RESOURCES)
    # self time per script file from the CPU profile
    nodes = {n["id"]: n for n in profile["nodes"]}
    per_url: dict[str, float] = defaultdict(float)
    deltas = profile.get("timeDeltas", [])
    for sid, dt in zip(profile.get("samples", []), deltas, strict=False):
        frame = nodes[sid]["callFrame"]
        per_url[short(frame["url"]) or frame["functionName"] or "(other)"] += dt / 1e6
    return {"usable": usable, "nav": nav, "res": res, "metrics": metrics, "per_url": per_url}


def report(v: dict) -> None:
    rs, rend, dcl, loadend, marks = v["nav"]
    marks = marks or {}
    scripts = [r for r in v["res"] if r[1] == "script" or r[0].split("?")[0].endswith(".js")]
    last_js = max((r[3] for r in scripts), default=0)
    print(f"  usable {v['usable']:.2f} s | first byte {rs:.2f}, page received {rend:.2f}, DOM ready {dcl:.2f}, "
          f"load {loadend:.2f}; last script {last_js:.2f} ({len(scripts)} files, "
          f"{sum(r[5] for r in scripts) / 1024:.0f} KiB on the wire, {sum(r[6] for r in scripts) / 1024:.0f} KiB, "
          f"{sum(r[4] for r in scripts) / 1024:.0f} KiB transferred); all resources {len(v['res'])}; "
          + ", ".join(f"{k} {marks[k]:.2f}" for k in ("ws", "wsopen", "figure", "ready", "chart") if k in marks))
    m = v["metrics"]
    print("    main thread: " + ", ".join(f"{k} {m.get(k, 0):.2f} s" for k in
                                           ("TaskDuration", "ScriptDuration", "LayoutDuration",
                                            "RecalcStyleDuration")))
    top = sorted(v["per_url"].items(), key=lambda kv: -kv[1])[:8]
    print("    JS self time: " + ", ".join(f"{k} {s:.2f}" for k, s in top))
    waves: dict[int, int] = defaultdict(int)
    for r in scripts:
        waves[int(r[2] * 10)] += 1
    print("    script requests started per 0.1 s: " + ", ".join(f"{k / 10:.1f}s:{n}" for k, n in sorted(waves.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="seniority", choices=APPS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", action="store_true", help="also a second visit in the same browser context")
    parser.add_argument("--list", action="store_true", help="print every resource of the first visit")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"profile_page {args.app}; load average {os.getloadavg()}")
    with voila() as (base, log, pid), sync_playwright() as p:
        wait_filled(log, args.app, 1, timeout=180)
        wait_kernels_idle(pid)
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        used = 1
        usable: dict[str, list[float]] = defaultdict(list)
        for run in range(args.runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(MARKS)
            context.add_init_script(WS)
            for kind in ("cold", "warm") if args.warm else ("cold",):
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                v = visit(page, base, args.app, cdp)
                print(f"visit {run + 1} {kind} [load {os.getloadavg()[0]:.2f}]")
                report(v)
                usable[kind].append(v["usable"])
                if args.list and run == 0 and kind == "cold":
                    for r in sorted(v["res"], key=lambda r: r[2]):
                        print(f"      {r[2]:5.2f}–{r[3]:5.2f}  {r[5] / 1024:7.1f} KiB  {short(r[0])}")
                page.close(run_before_unload=True)
                used += 1
                wait_filled(log, args.app, used, timeout=180)
                wait_kernels_idle(pid)
            context.close()
        browser.close()
    for kind, ts in usable.items():
        print(f"{kind}: usable median {statistics.median(ts):.2f} s, min {min(ts):.2f}, max {max(ts):.2f} "
              f"(n={len(ts)}); load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
