"""The bargaining view beyond one machine: the same computation on a Dask DataFrame.

Employees are independent, so a workforce splits into partitions and each partition goes through
exactly the in-memory path (:func:`calc.workforce.check` and :func:`calc.workforce.compare`) via
``map_partitions``; only the small band table, the headline and the rejected rows come back to
the client. A first pass over the ``id`` column counts each partition's rows and finds the ids
repeated anywhere (and, if there are any, the rows of their copies), so that every row carries its
number in the whole data as in a spreadsheet (the header is row 1) and every copy of a repeated id
is rejected with the same reason as in memory.

By default a :class:`distributed.LocalCluster` is started on this machine (one single-threaded
worker process per core); give ``address="tcp://scheduler:8786"`` to use a real cluster. Every
worker needs the same environment (``pip install -r requirements.txt`` and this package) and access
to the input files (shared storage: NFS, S3, …). See docs/bargaining.md.

Command line::

    python -m calc.workforce.dask data/*.parquet --year 2026 --proposed "0:0.05,3:0.10,5:0.15,10:0.20"
    python -m calc.workforce.dask data/ --year 2026 --proposed education_alt --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from calc.core.errors import CalcError, InputError
from calc.core.i18n import _
from calc.core.numbers import read_number
from calc.core.text import Text, tr
from calc.ru.long_service import Scale
from calc.workforce import (
    FIGURES,
    ScaleSpec,
    _defaults,
    band_table,
    compare,
    finish_bands,
    headline,
    resolve_scale,
)
from calc.workforce.demands import (
    BASELINE,
    TERM_FIGURES,
    Package,
    cost_term,
    has_extra_column,
    package_from_json,
    term_assumptions,
    term_years,
)
from calc.workforce.input import (
    ALIASES,
    INFO,
    REJECTED_COLUMNS,
    TEXT_SUFFIXES,
    XLSX_SUFFIXES,
    _as_text,
    _missing,
    check,
    normalise_header,
    read_table,
    reasons,
    separator,
    text_encoding,
    text_hashes,
)

TEXT = "str"
STATUS_OK = "ok"
STATUS_REJECTED = "rejected"


def connect(
    address: str | None = None,
    *,
    n_workers: int | None = None,
    threads_per_worker: int = 1,
    memory_limit: str | float = "auto",
    **cluster_kw: Any,
) -> Any:
    """A ``distributed.Client``: to the scheduler at ``address``, else to a new LocalCluster here."""
    from distributed import Client, LocalCluster

    if address:
        return Client(address)
    import os

    cluster = LocalCluster(
        n_workers=n_workers or os.cpu_count() or 1,
        threads_per_worker=threads_per_worker,
        processes=True,
        memory_limit=memory_limit,
        **cluster_kw,
    )
    return Client(cluster)


def close(client: Any) -> None:
    """Close a client and, if :func:`connect` started it, its LocalCluster."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _info_columns(columns: list[str]) -> list[str]:
    return [c for c in INFO if c in {ALIASES.get(normalise_header(h)) for h in columns}]


def _id_column(columns: list[str]) -> str | None:
    for h in columns:
        if ALIASES.get(normalise_header(h)) == "id":
            return h
    return None


def output_schema(info: list[str]) -> dict[str, Any]:
    """Columns and dtypes of the per-employee rows (ok and rejected) of every partition."""
    schema: dict[str, Any] = {
        "partition": np.int64,
        "row": np.int64,
        "id": TEXT,
        "status": TEXT,
        "service_years": np.int64,
        "band": np.int64,
        "scale_current": TEXT,
        "scale_proposed": TEXT,
    }
    schema.update(dict.fromkeys(info, TEXT))
    for f in FIGURES:
        for w in ("current", "proposed", "change"):
            schema[f"{f}_{w}_kop"] = np.int64
    schema.update({"column": TEXT, "value": TEXT, "reason": object})  # reason: a message, shown in a language
    return schema


def compare_partition(
    pdf: pd.DataFrame,
    year: int,
    proposed: ScaleSpec | Mapping[str, ScaleSpec],
    current: ScaleSpec | Mapping[str, ScaleSpec] | None,
    default_scale: Scale | None,
    scales: Mapping[str, Scale],
    accident_rate: Any,
    accident_class: Any,
    today: date,
    duplicate_ids: Mapping[str, list[int]],
    info: list[str],
    offsets: list[int] | None = None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One partition through the in-memory path: per-employee rows, and rejected rows with reasons.

    ``offsets``: the number of rows before each partition, so that rows are numbered in the whole data
    (spreadsheet numbers: the header is row 1, the first data row 2).
    """
    schema = output_schema(info)
    number = int(partition_info["number"]) if partition_info else -1
    if len(pdf) == 0:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in schema.items()})
    first_row = 2 + (offsets[number] if offsets is not None and number >= 0 else 0)
    uses_column = current is None or isinstance(current, Mapping) or isinstance(proposed, Mapping)
    chk = check(
        pdf,
        year,
        scale=default_scale,
        scales=scales,
        today=today,
        first_row=first_row,
        duplicate_ids=duplicate_ids,
        scale_column=uses_column,
    )
    cmp = compare(
        chk,
        year,
        proposed,
        current=current,
        scales=scales,
        accident_rate=accident_rate,
        accident_class=accident_class,
        strict=False,
        months=False,  # only the year's figures leave a partition
    )
    ok = cmp.per_employee().copy()
    ok["status"] = pd.Categorical.from_codes(np.zeros(len(ok), np.int8), categories=[STATUS_OK])
    rej = chk.rejected.copy()
    rej["status"] = STATUS_REJECTED
    out = pd.concat([ok, rej], ignore_index=True) if len(rej) else ok
    out["partition"] = number
    for c, t in schema.items():
        if c not in out:
            out[c] = 0 if t is np.int64 else ""
        elif t is np.int64:
            out[c] = out[c].fillna(0)
        elif t is object:  # the reasons: messages as they are ('' for a computed row)
            out[c] = out[c].astype(object).where(out[c].notna(), "")
        else:
            out[c] = _as_str(out[c])
    return out[list(schema)].astype(schema)


def _as_str(col: pd.Series) -> pd.Series:
    """A text column as the pandas string dtype, empty cells as '' (categoricals via their categories)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        cats = pd.array([str(c) for c in col.cat.categories] + [""], dtype=TEXT)
        codes = col.cat.codes.to_numpy()
        return pd.Series(cats.take(np.where(codes < 0, len(cats) - 1, codes)), index=col.index)
    if pd.api.types.is_string_dtype(col.dtype) and col.dtype != object:
        return col.fillna("")
    obj = col.astype(object)
    return obj.where(obj.notna(), "").astype(TEXT)


@dataclass
class DaskComparison:
    """The comparison over a Dask workforce: the small tables are computed, the rows stay lazy."""

    year: int
    bands: pd.DataFrame
    rejected: pd.DataFrame
    rows: Any  # dask DataFrame of per-employee rows (status "ok") — write it with .to_parquet(...)
    gaining: int = 0
    losing: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def by_band(self) -> pd.DataFrame:
        return self.bands

    def headline(self) -> dict[str, Any]:
        return {**headline(self.bands), "gaining": self.gaining, "losing": self.losing}


def _id_text(col: pd.Series) -> pd.Series:
    """A partition's ids as ``check`` reads them (text, stripped); empty ids left out."""
    ids = _as_text(col.reset_index(drop=True))
    return ids[~_missing(col.reset_index(drop=True))]


def _id_hashes(col: pd.Series) -> pd.Series:
    """A partition's ids (as ``check`` reads them, empty ones left out) as 64-bit hashes."""
    return pd.Series(text_hashes(_id_text(col)), dtype=np.uint64)


def _dup_rows(col: pd.Series, hashes: np.ndarray, offsets: list[int], partition_info: Any = None) -> pd.DataFrame:
    """(id, spreadsheet row) of every id of one partition whose hash is one of ``hashes``."""
    plain = col.reset_index(drop=True)
    ids = _as_text(plain)
    keep = ~_missing(plain)
    hit = np.zeros(len(ids), bool)
    if keep.any():
        hit[keep] = np.isin(text_hashes(ids[keep]), hashes)
    start = 2 + offsets[int(partition_info["number"])] if partition_info else 2
    pos = np.flatnonzero(hit)
    return pd.DataFrame({"id": ids.to_numpy(dtype=object)[pos], "row": pos.astype(np.int64) + start})


def layout(ddf: Any) -> tuple[list[int], dict[str, list[int]]]:
    """Rows before each partition, and each id repeated anywhere with the spreadsheet rows of all its copies.

    One pass counts the rows of every partition and hashes the ids (as ``check`` reads them; 8 bytes an id
    come back); only if two hashes are equal, a second pass brings the ids of those hashes with their rows,
    and the texts themselves decide (two distinct ids may share a hash; equal ids always do).
    """
    import dask

    col = _id_column(list(ddf.columns))
    lengths = ddf.map_partitions(len, meta=(None, np.int64))
    if col is None:
        (sizes,) = dask.compute(lengths)
        return _offsets(sizes), {}
    hashes = ddf[col].map_partitions(_id_hashes, meta=(col, np.uint64))
    sizes, every = dask.compute(lengths, hashes)
    offsets = _offsets(sizes)
    h = np.sort(np.asarray(every, dtype=np.uint64))
    twice = np.unique(h[1:][h[1:] == h[:-1]])
    if len(twice) == 0:
        return offsets, {}
    found = ddf[col].map_partitions(_dup_rows, twice, offsets, meta={"id": object, "row": np.int64}).compute()
    rows: dict[str, list[int]] = {}
    for k, r in zip(found["id"].tolist(), found["row"].tolist(), strict=True):
        rows.setdefault(k, []).append(int(r))
    return offsets, {k: sorted(v) for k, v in rows.items() if len(v) > 1}


def _offsets(sizes: Any) -> list[int]:
    counts = [int(x) for x in np.asarray(sizes).ravel()]
    return [0, *np.cumsum(counts).tolist()[:-1]] if counts else [0]


def duplicate_ids(ddf: Any) -> set[str]:
    """Ids that appear more than once anywhere in the Dask frame (as text, like ``check`` reads them)."""
    return set(layout(ddf)[1])


def compare_dask(
    ddf: Any,
    year: int,
    proposed: ScaleSpec | Mapping[str, ScaleSpec],
    *,
    current: ScaleSpec | Mapping[str, ScaleSpec] | None = None,
    default_scale: ScaleSpec | None = None,
    scales: Mapping[str, Scale] | None = None,
    accident_rate: Any = None,
    accident_class: Any = None,
    today: date | None = None,
    client: Any = None,
    output: str | None = None,
) -> DaskComparison:
    """:func:`calc.workforce.compare` on a ``dask.dataframe`` partition by partition.

    ``client``: a ``distributed.Client`` (default: the current one, else a new LocalCluster).
    ``output``: a folder to write the per-employee rows to (parquet), in the same pass.
    """
    import dask
    from distributed import default_client

    if client is None:
        try:
            client = default_client()
        except ValueError:
            client = connect()
    extra, ds = _defaults(current, default_scale, scales)
    if not isinstance(proposed, Mapping):
        proposed = resolve_scale(proposed, extra)
    today = today or date.today()
    t0 = time.perf_counter()
    offsets, dups = layout(ddf)
    t1 = time.perf_counter()
    info = _info_columns(list(ddf.columns))
    schema = output_schema(info)
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in schema.items()})
    rows = ddf.map_partitions(
        compare_partition,
        year,
        proposed,
        current,
        ds,
        extra,
        accident_rate,
        accident_class,
        today,
        dups,
        info,
        offsets,
        meta=meta,
        enforce_metadata=False,
    )
    ok = rows[rows["status"] == STATUS_OK]
    cols = [f"{f}_change_kop" for f in FIGURES] + [f"{f}_current_kop" for f in FIGURES]
    sums = ok.groupby("band")[cols].sum()
    sizes = ok.groupby("band").size()
    rejected = rows[rows["status"] == STATUS_REJECTED][["partition", "row", "id", *REJECTED_COLUMNS[2:]]]
    net = ok["net_change_kop"]
    todo = [sums, sizes, rejected, (net > 0).sum(), (net < 0).sum()]
    if output:
        todo.append(ok.drop(columns="reason").to_parquet(output, compute=False, write_index=False))  # no reasons here
    got = dask.compute(*todo)
    g = got[0].copy()
    g["employees"] = got[1]
    g = g.reindex(range(7), fill_value=0).fillna(0)
    timings = {"duplicates": t1 - t0, "compute": time.perf_counter() - t1}
    rej = got[2].sort_values(["row", "column"], kind="stable").reset_index(drop=True)
    return DaskComparison(year, finish_bands(g), rej, ok, int(got[3]), int(got[4]), timings)


# ------------------------------------------------------------------ demand packages over a term

TERM_SCHEMA: dict[str, Any] = {
    "partition": np.int64,
    "status": TEXT,
    "scenario": TEXT,
    "year": np.int64,
    **{f"{f}_kop": np.int64 for f in TERM_FIGURES},
    **{f"{f}_change_kop": np.int64 for f in TERM_FIGURES},
    "below_mrot": np.int64,
    "employees": np.int64,
    "row": np.int64,
    "id": TEXT,
    "column": TEXT,
    "value": TEXT,
    "reason": object,  # a message (calc.core.text.Text), translated when shown
}


def term_partition(
    pdf: pd.DataFrame,
    first_year: int,
    years: int,
    packages: Mapping[str, Package],
    current: ScaleSpec | Mapping[str, ScaleSpec] | None,
    today: date,
    duplicate_ids: Mapping[str, list[int]],
    offsets: list[int] | None = None,
    mrot: Mapping[int, Any] | None = None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One partition through :func:`calc.workforce.demands.cost_term`: sums by scenario and year, and
    the rejected rows (numbered in the whole data)."""
    number = int(partition_info["number"]) if partition_info else -1
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in TERM_SCHEMA.items()})
    if len(pdf) == 0:
        return empty
    first_row = 2 + (offsets[number] if offsets is not None and number >= 0 else 0)
    pdf = pdf.reset_index(drop=True)
    extra, ds = _defaults(current, None, None)
    uses_column = current is None or isinstance(current, Mapping)
    chk = check(
        pdf,
        first_year,
        scale=ds,
        scales=extra,
        today=today,
        first_row=first_row,
        duplicate_ids=duplicate_ids,
        scale_column=uses_column,
    )
    parts = []
    if len(chk.employees):
        res = cost_term(
            chk,
            first_year,
            years,
            packages,
            current=current,
            today=today,
            strict=False,
            raw=pdf,
            first_row=first_row,
            check_groups=False,
            mrot=mrot,
        )
        by = res.by_year()
        by = by[by["year"] != "total"].copy()
        by["status"] = STATUS_OK
        by["employees"] = len(res.employees)
        parts.append(by)
    rej = chk.rejected.copy()
    if len(rej):
        rej["status"] = STATUS_REJECTED
        parts.append(rej)
    out = pd.concat(parts, ignore_index=True) if parts else empty.copy()
    out["partition"] = number
    for c, t in TERM_SCHEMA.items():
        if c not in out:
            out[c] = 0 if t is np.int64 else ""
        elif t is np.int64:
            out[c] = out[c].fillna(0)
        elif t is object:
            out[c] = out[c].astype(object).where(out[c].notna(), "")
        else:
            out[c] = _as_str(out[c].astype(object).where(out[c].notna(), "").astype(str))
    return out[list(TERM_SCHEMA)].astype(TERM_SCHEMA)


@dataclass
class DaskTerm:
    """Demand packages over a term on a Dask workforce: totals by scenario and year, rejected rows."""

    years: list[int]
    totals: pd.DataFrame  # scenario, year ('total' for the term), figures in kopecks, changes, below_mrot
    rejected: pd.DataFrame
    timings: dict[str, float] = field(default_factory=dict)
    assumptions: list[Text] = field(default_factory=list)
    """What the years after the law data rest on, as :attr:`calc.workforce.demands.TermCost.assumptions`."""

    def by_year(self) -> pd.DataFrame:
        return self.totals


def _group_values(ddf: Any, packages: Mapping[str, Package]) -> None:
    """Every group's values exist somewhere in the whole workforce (checked once, before computing)."""
    import dask

    wanted: dict[str, set[str]] = {}
    for p in packages.values():
        for d in p.demands:
            if d.group is not None:
                wanted.setdefault(d.group.column, set()).update(d.group.values)
    if not wanted:
        return
    cols = {ALIASES.get(normalise_header(h)): h for h in ddf.columns}
    todo = {}
    for c in wanted:
        if c not in cols:
            raise InputError(_("The file has no '{column}' column to choose a group by.", column=c), "group")
        todo[c] = ddf[cols[c]].dropna().astype(str).str.strip().unique()
    found = dict(zip(todo, dask.compute(*todo.values()), strict=True))
    for c, vals in wanted.items():
        present = set(found[c])
        unknown = sorted(vals - present)
        if unknown:
            shown = ", ".join(sorted(present)[:20])
            raise InputError(
                _(
                    "Not found in the file ({what}): {unknown}. The file has: {shown}.",
                    what=c,
                    unknown=", ".join(unknown),
                    shown=shown,
                ),
                "group",
            )


def cost_term_dask(
    ddf: Any,
    first_year: int,
    years: int,
    packages: Mapping[str, Package],
    *,
    current: ScaleSpec | Mapping[str, ScaleSpec] | None = None,
    today: date | None = None,
    client: Any = None,
    mrot: Mapping[int, Any] | None = None,
) -> DaskTerm:
    """:func:`calc.workforce.demands.cost_term` partition by partition: the same totals to the kopeck.

    ``mrot``: the МРОТ of years of the term after the law data ({year: rubles a month}), as for ``cost_term``
    (a year not given: the estimate); the assumptions come back in :attr:`DaskTerm.assumptions`.
    Pay bands (fifths of the whole workforce) and per-person tables stay with the in-memory path.
    """
    import dask
    from distributed import default_client

    if client is None:
        try:
            client = default_client()
        except ValueError:
            client = connect()
    yrs = term_years(first_year, years)
    mrot = dict(mrot or {})
    assumptions = term_assumptions(
        first_year, years, mrot=mrot, night_hours=has_extra_column(list(ddf.columns), "night_hours")
    )
    today = today or date.today()
    t0 = time.perf_counter()
    sample = ddf.head(1, npartitions=1)
    chk = check(
        sample,
        first_year,
        scale=_defaults(current, None, None)[1],
        today=today,
        scale_column=current is None or isinstance(current, Mapping),
    )
    st_ok = len(chk.employees) > 0
    if st_ok:  # the demands themselves are checked before the cluster is asked for anything
        cost_term(
            chk,
            first_year,
            years,
            packages,
            current=current,
            today=today,
            strict=False,
            raw=sample,
            check_groups=False,
            mrot=mrot,
        )
    _group_values(ddf, packages)
    offsets, dups = layout(ddf)
    t1 = time.perf_counter()
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in TERM_SCHEMA.items()})
    rows = ddf.map_partitions(
        term_partition,
        first_year,
        years,
        packages,
        current,
        today,
        dups,
        offsets,
        mrot,
        meta=meta,
        enforce_metadata=False,
    )
    (got,) = dask.compute(rows)
    ok = got[got["status"] == STATUS_OK]
    figs = [f"{f}_kop" for f in TERM_FIGURES] + [f"{f}_change_kop" for f in TERM_FIGURES] + ["below_mrot"]
    by = ok.groupby(["scenario", "year"], sort=False)[figs].sum().reset_index()
    order = [BASELINE, *packages]
    by["o"] = by["scenario"].map({k: i for i, k in enumerate(order)})
    by = by.sort_values(["o", "year"], kind="stable").drop(columns="o").reset_index(drop=True)
    tot = by.groupby("scenario", sort=False)[figs].sum().reset_index()
    tot["below_mrot"] = by.groupby("scenario", sort=False)["below_mrot"].max().to_numpy()
    tot["year"] = "total"
    by["year"] = by["year"].astype(object)
    totals = pd.concat([by, tot], ignore_index=True)[["scenario", "year", *figs]]
    rej = got[got["status"] == STATUS_REJECTED][["partition", "row", "id", *REJECTED_COLUMNS[2:]]]
    rej = rej.sort_values(["row", "column"], kind="stable").reset_index(drop=True)
    return DaskTerm(yrs, totals, rej, {"layout": t1 - t0, "compute": time.perf_counter() - t1}, assumptions)


def _package_arg(name: str, text: str) -> Package:
    """A package from the command line: JSON, or @file with JSON."""
    if text.startswith("@"):
        from pathlib import Path

        text = Path(text[1:]).read_text(encoding="utf-8")
    return package_from_json(name, text)


def read_mrot(items: list[str] | None, lang: str) -> dict[int, Decimal]:
    """The ``--mrot YEAR=RUBLES`` options: {year: the МРОТ a month}, the number read as ``lang`` writes it
    ("28 000", "28000,50" in Russian; "28,000.50" in English). A wrong one is refused with a message."""
    out: dict[int, Decimal] = {}
    for item in items or []:
        year, sep, value = item.partition("=")
        if not sep or not year.strip().isdigit() or not value.strip():
            raise InputError(
                _("The МРОТ is given as YEAR=RUBLES a month, e.g. --mrot 2027=28000, not '{text}'.", text=item),
                "mrot",
            )
        y = int(year.strip())
        if y in out:
            raise InputError(_("The МРОТ of {y} is given twice.", y=y), "mrot")
        try:
            out[y] = read_number(value, lang, "mrot")
        except InputError as e:
            raise InputError(_("The МРОТ of {y}: {why}", y=y, why=e.text), "mrot") from None
    return out


def _parse_scale(text: str) -> ScaleSpec:
    """'civil_service' or '0:0.05,3:0.10,5:0.15' (full years:rate)."""
    if ":" not in text:
        return text
    return [(int(y), r) for y, r in (part.split(":") for part in text.split(","))]


def read_files(paths: list[str]) -> Any:
    """The staff files of the command line as a Dask frame, read as the page reads them: parquet files (or a
    folder of them); CSV or text files (``;``, ``,`` or tab; UTF-8, Windows-1251 or Excel's "Unicode text",
    UTF-16) read block by block; or one XLSX workbook, read whole by the page's reader without its limits."""
    import dask.dataframe as dd

    low = [p.lower() for p in paths]
    if len(paths) == 1 and low[0].endswith(XLSX_SUFFIXES):
        content = Path(paths[0]).read_bytes()
        table = read_table(content, Path(paths[0]).name, max_bytes=len(content) + 1, max_rows=10**9)
        return dd.from_pandas(table, chunksize=100_000, sort=False)
    if not all(p.endswith(TEXT_SUFFIXES) for p in low):
        return dd.read_parquet(paths if len(paths) > 1 else paths[0])
    with open(paths[0], "rb") as f:
        head = f.read(65_536)
    enc = text_encoding(head)
    first = head.decode(enc, errors="ignore").lstrip("\ufeff\r\n").splitlines()[0] if head.strip() else ""
    # blank lines kept (check skips them) so that rows are numbered as in a spreadsheet
    kw: dict[str, Any] = {"dtype": str, "keep_default_na": False, "skip_blank_lines": False}
    kw |= {"sep": separator(first), "encoding": enc}
    if enc == "utf-16":
        kw["blocksize"] = None  # a block boundary could fall inside a two-byte character
    return dd.read_csv(paths if len(paths) > 1 else paths[0], **kw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Cost of a proposed seniority scale, or of demand packages over a term, over a workforce (Dask)."
    )
    ap.add_argument(
        "input",
        nargs="+",
        help="parquet files (or a folder of them), CSV / text files as Excel saves them, or one XLSX file",
    )
    ap.add_argument("--year", type=int, required=True, help="the year (the first year of the term)")
    ap.add_argument("--proposed", help="a scale id or 'years:rate,…' e.g. '0:0.05,3:0.1,5:0.15'")
    ap.add_argument("--current", help="one scale for everyone (default: the 'scale' column)")
    ap.add_argument("--demand", help='the union\'s demand: JSON, e.g. \'[{"kind": "raise", "percent": 5}]\', or @file')
    ap.add_argument("--offer", help="the employer's offer, as --demand")
    ap.add_argument("--term", type=int, default=1, help="years of the agreement (1-3)")
    ap.add_argument(
        "--mrot",
        action="append",
        metavar="YEAR=RUBLES",
        help="the МРОТ of a year of the term after the law data, a month, written as in --lang: "
        "--mrot 2027=28000 --mrot '2028=29 500,50' (a year not given: the estimate from the inflation forecast)",
    )
    ap.add_argument(
        "--workbook",
        metavar="FILE.xlsx",
        help="also write every person's figures by year of the term (the page's XLSX, without its size limit; "
        "the file is computed in memory here)",
    )
    ap.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: local)")
    ap.add_argument("--output", help="folder for the per-employee results of --proposed (parquet)")
    ap.add_argument("--lang", default="en", choices=["ru", "en"])
    args = ap.parse_args(argv)
    if not args.proposed and not (args.demand or args.offer):
        ap.error("give --proposed (a seniority scale) or --demand / --offer (packages over a term)")
    if (args.mrot or args.workbook) and not (args.demand or args.offer):
        ap.error("--mrot and --workbook go with --demand / --offer (packages over a term)")
    try:
        packages = {k: _package_arg(k, v) for k, v in (("demand", args.demand), ("offer", args.offer)) if v}
        mrot = read_mrot(args.mrot, args.lang)
        term_assumptions(args.year, args.term, mrot=mrot)  # wrong years or values: said before anything is read
        ddf = read_files(args.input)
    except CalcError as e:
        print(e.message(args.lang), file=sys.stderr)
        return 2
    client = connect(args.scheduler)
    current = _parse_scale(args.current) if args.current else None
    try:
        if packages:
            term = cost_term_dask(ddf, args.year, args.term, packages, current=current, client=client, mrot=mrot)
            _print_term(term, args.lang)
            if args.workbook:
                _write_workbook(ddf, args, packages, current, mrot)
        if args.proposed:
            res = compare_dask(
                ddf, args.year, _parse_scale(args.proposed), current=current, client=client, output=args.output
            )
            _print_comparison(res, args.lang)
    except CalcError as e:
        print(e.message(args.lang), file=sys.stderr)
        return 2
    finally:
        close(client)
    return 0


def _print_rejected(rejected: pd.DataFrame, lang: str) -> None:
    if len(rejected):
        print(f"\nrejected rows: {len(rejected)}")
        shown = rejected[["row", "id"]].head(20).copy()
        shown["reason"] = reasons(rejected.head(20), lang)
        print(shown.to_string(index=False))


def _print_comparison(res: DaskComparison, lang: str) -> None:
    print(json.dumps({k: str(v) for k, v in res.headline().items()}, ensure_ascii=False, indent=1))
    print(res.by_band().to_string())
    _print_rejected(res.rejected, lang)


def _rubles(kop: int) -> str:
    """Kopecks as exact rubles: -1234.05."""
    return ("-" if kop < 0 else "") + f"{abs(kop) // 100}.{abs(kop) % 100:02d}"


def _print_term(term: DaskTerm, lang: str) -> None:
    """The totals by scenario and year in rubles (exact, from the kopecks), then the assumptions of the years
    after the law data (in ``lang``)."""
    t = term.totals.copy()
    for c in [c for c in t.columns if c.endswith("_kop")]:
        t[c[:-4]] = [_rubles(int(v)) for v in t[c]]
        del t[c]
    print(t.to_string(index=False))
    if term.assumptions:
        print(f"\n{tr(_('Assumed for the years after the law data'), lang)}:")
        for a in term.assumptions:
            print(f"- {tr(a, lang)}")
    _print_rejected(term.rejected, lang)


def _write_workbook(
    ddf: Any, args: argparse.Namespace, packages: Mapping[str, Package], current: Any, mrot: Mapping[int, Any]
) -> None:
    """The per-person workbook of the term (:func:`calc.workforce.export.term_xlsx`), computed in memory."""
    from calc.workforce.export import term_xlsx

    t0 = time.perf_counter()
    table = ddf.compute().reset_index(drop=True)
    res = cost_term(table, args.year, args.term, packages, current=current, strict=False, mrot=mrot)
    data = term_xlsx(res, args.lang)
    Path(args.workbook).write_bytes(data)
    took = time.perf_counter() - t0
    print(f"\n{args.workbook}: {len(data) / 1e6:.1f} MB, {len(res.employees)} × {len(res.years)} rows, {took:.1f} s")


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "DaskComparison",
    "DaskTerm",
    "band_table",
    "close",
    "compare_dask",
    "compare_partition",
    "connect",
    "cost_term_dask",
    "duplicate_ids",
    "layout",
    "term_partition",
]
