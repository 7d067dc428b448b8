"""Time and peak memory of refusing oversized uploads: an XLSX zip bomb (refused by its unpacked size before
any XML is parsed) and a CSV or XLSX with too many rows (reading stops at the row limit).

Usage:
    PYTHONPATH=. python benchmarks/bench_upload_bounds.py               # the bomb unpacks to 1 GB
    PYTHONPATH=. python benchmarks/bench_upload_bounds.py --unpacked 200

Peak memory is the Python heap's (tracemalloc) while the upload is read, beyond the file's own bytes.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
from pathlib import Path

from bench_common import HelpFormatter

import calc
from calc import workforce as W

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "workforce"))
from test_upload_bounds import workbook, zip_bomb  # the tests' generators


def refuse(content: bytes, name: str, **kw: int) -> tuple[float, float, str]:
    """(seconds, peak MiB, the message) of reading ``content`` until it is refused."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        W.read_table(content, name, **kw)
        msg = "accepted"
    except calc.InputError as e:
        msg = e.message("en")
    took = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return took, peak, msg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=HelpFormatter)
    ap.add_argument("--unpacked", type=int, default=1000, help="MB the zip bomb's sheet unpacks to")
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of the over-long CSV")
    args = ap.parse_args()

    bomb = zip_bomb(args.unpacked * 1_000_000)
    took, peak, msg = refuse(bomb, "bomb.xlsx")
    print(f"zip bomb: {len(bomb) / 1e6:.2f} MB file unpacking to {args.unpacked} MB")
    print(f"  refused in {took * 1000:.1f} ms, peak {peak:.2f} MiB: {msg[:90]}…")

    csv = ("id,salary,years_of_service,scale\n" + "".join(f"{i},50000,3,police\n" for i in range(args.rows))).encode()
    took, peak, msg = refuse(csv, "staff.csv", max_rows=20_000, max_bytes=len(csv))
    print(f"CSV of {args.rows:,} rows ({len(csv) / 1e6:.1f} MB), limit 20,000 rows")
    print(f"  refused in {took * 1000:.0f} ms, peak {peak:.1f} MiB: {msg[:70]}…")

    rows = [["id", "salary", "years_of_service", "scale"]] + [[i, 50000, 3, "police"] for i in range(100_000)]
    book = workbook(rows)
    took, peak, msg = refuse(book, "staff.xlsx", max_rows=20_000, max_bytes=len(book))
    print(f"XLSX of 100,000 rows ({len(book) / 1e6:.1f} MB), limit 20,000 rows")
    print(f"  refused in {took * 1000:.0f} ms, peak {peak:.1f} MiB: {msg[:70]}…")
    buf = io.BytesIO(book)
    t0 = time.perf_counter()
    import pandas as pd

    pd.read_excel(buf, dtype=object, engine="openpyxl", header=None)  # the former path: the whole sheet first
    print(f"  (the former path, the whole sheet parsed before the row count: {time.perf_counter() - t0:.1f} s)")
    accepted_at_the_limit()


def accepted_at_the_limit() -> None:
    """Reading an upload at the page's limit (20,000 rows, every column, Russian headers) in each encoding
    Excel saves: time and peak memory of read_table + check."""
    from calc.workforce.export import template_rows

    head, *examples = template_rows("ru")
    rows = [head] + [[f"{i:05d}", *[str(v) for v in examples[i % 2][1:]]] for i in range(20_000)]
    for name, sep, enc in (("CSV UTF-8 with BOM, ;", ";", "utf-8-sig"), ("CSV Windows-1251, ;", ";", "cp1251"),
                           ("Unicode text (UTF-16, tab)", "\t", "utf-16")):
        content = "".join(sep.join(r) + "\r\n" for r in rows).encode(enc)
        tracemalloc.start()
        t0 = time.perf_counter()
        chk = W.check(W.read_table(content, "staff.txt", max_rows=20_000, max_bytes=len(content)), 2026)
        took = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{name}: 20,000 rows, {len(content) / 1e6:.1f} MB: read and checked in {took * 1000:.0f} ms, "
              f"peak {peak:.0f} MiB, {len(chk.employees):,} rows good")


if __name__ == "__main__":
    main()
