"""The workforce kernel's loops, compiled with numba: one employee at a time, exact int64 kopecks.

The arithmetic is :mod:`calc.workforce.kernel`'s, written as a loop over employees and months so that
no (employees × 12) temporary is made: each employee's year is computed in a few 12-month scratch rows
and only what the caller keeps is written out (every month of every figure, or the year's sums).

Every amount is an integer number of kopecks, every rate an integer numerator over a denominator read
from the rule data by :func:`calc.workforce.kernel.year_rules` (nothing of the law is restated here).
A positive ``n / d`` is rounded half up as ``(2n + d) // (2d)`` (``Decimal.quantize(ROUND_HALF_UP)``);
НДФЛ to date and contributions to date are rounded by the data's rule (whole rubles, НК ст. 52 п. 6;
kopecks) with :func:`_round` (mode 0: half up, 1: up, to a quantum of ``q`` kopecks).

Compiled functions are cached on disk (``cache=True``): next to this file in ``__pycache__`` when the
package folder is writable, otherwise in ``NUMBA_CACHE_DIR`` — set here, before numba is imported, to
a folder of the user's cache (or of the temporary folder) when the package folder is read-only.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path


def _cache_dir() -> str | None:
    """Where numba should cache when it cannot write next to this file (None: its own default works)."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return None
    here = Path(__file__).resolve().parent
    if os.access(here, os.W_OK) and (not (here / "__pycache__").exists() or os.access(here / "__pycache__", os.W_OK)):
        return None
    for base in (os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache"), tempfile.gettempdir()):
        d = Path(base) / "payroll-numba"
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(d, os.W_OK):
            return str(d)
    return None


_dir = _cache_dir()
if _dir is not None:
    os.environ["NUMBA_CACHE_DIR"] = _dir

import numpy as np  # noqa: E402
from numba import njit, prange  # noqa: E402

from calc.core.money import MAX_AMOUNT  # noqa: E402

# rows of the per-employee scratch (and of the monthly output); contributions by fund follow
BONUS, GROSS, NORTHERN, NDFL, NET, CONTRIB, ACCIDENT, TOTAL = range(8)
FIXED = 8
MAX_KOP = int(MAX_AMOUNT * 100)  # the scalar engine's limit (1 billion rubles a year), in kopecks
CHUNK = 512  # employees per task of the parallel loops (each task has its own scratch rows)
LAUNCH = threading.Lock()
"""Held while a parallel loop runs: one at a time per process (numba's built-in "workqueue" threading layer,
used where no OpenMP or TBB library is found, aborts if two threads launch parallel loops at once — as
Dask's threads would)."""


@njit(cache=True)
def _half_up(n: int, d: int) -> int:
    if d == 1 or n == 0:
        return n
    return (2 * n + d) // (2 * d)


@njit(cache=True)
def _round(n: int, d: int, mode: int, q: int) -> int:
    if mode == 0:
        return _half_up(n, d * q) * q
    return -((-n) // (d * q)) * q


@njit(cache=True)
def _tax(base: int, starts: np.ndarray, nums: np.ndarray) -> int:
    """Tax × den on a cumulative base, each rate on its own band (НК ст. 224 п. 1)."""
    t = 0
    nb = starts.shape[0]
    for i in range(nb):
        part = base - starts[i]
        if part <= 0:
            break
        if i + 1 < nb:
            w = starts[i + 1] - starts[i]
            if part > w:
                part = w
        t += part * nums[i]
    return t


@njit(cache=True)
def _civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day counted from 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm)."""
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if m <= 2 else 0), m, d


@njit(cache=True)
def _service12(months0: int, hire: int, year: int, max_years: int, out: np.ndarray) -> None:
    """Full years of service on the 1st of each month of ``year`` (kernel.service_years_from_months / _from_hire):
    from whole months at 1 January (``months0`` ≥ 0, one month more each month) or from the hire date (days
    since 1970; the N-th year is reached on the N-th anniversary), at most ``max_years``."""
    if months0 >= 0:
        for m in range(12):
            out[m] = min((months0 + m) // 12, max_years)
        return
    hy, hm, hd = _civil(hire)
    for m in range(12):
        y = year - hy
        if m + 1 < hm or (m + 1 == hm and hd > 1):
            y -= 1
        out[m] = min(max(y, 0), max_years)


@njit(cache=True, parallel=True)
def service_block(months0: np.ndarray, hire: np.ndarray, year: int, max_years: int, out: np.ndarray) -> None:
    """:func:`_service12` for every employee into ``out`` (n, 12)."""
    for i in prange(months0.shape[0]):
        _service12(months0[i], hire[i], year, max_years, out[i])


@njit(cache=True)
def _person(sal, rate, rate_den, extra, cn, cd, pn, pd_, children, kind, acc_num, acc_den, ru, fig) -> bool:
    """One employee's year into ``fig`` (rows BONUS… and one per fund, 12 months); True if the year's
    gross exceeds the engine's limit (nothing else is then meaningful)."""
    (
        nd_starts,
        nd_nums,
        nd_den,
        no_starts,
        no_nums,
        no_den,
        north_scale,
        nd_mode,
        nd_q,
        ch_first,
        ch_second,
        ch_third,
        ch_limit,
        personal,
        personal_limit,
        f_under,
        f_above,
        f_cap,
        f_rund,
        f_rabv,
        f_rcap,
        threshold,
        has_reduced,
        c_den,
        c_mode,
        c_q,
    ) = ru
    total = 0
    for m in range(12):
        s = sal[m]
        b = _half_up(s * rate[m], rate_den)
        base = s + b + extra[m]
        north = _half_up(base * cn, cd) + _half_up(base * pn, pd_)
        fig[BONUS, m] = b
        fig[NORTHERN, m] = north
        fig[GROSS, m] = base + north
        total += base + north
    if total > MAX_KOP:
        return True
    # НДФЛ withheld cumulatively from January (НК ст. 226 п. 3), in whole rubles by the data's rule
    per_month = 0
    if children >= 1:
        per_month += ch_first
    if children >= 2:
        per_month += ch_second
    if children > 2:
        per_month += (children - 2) * ch_third
    cum_main = 0
    cum_north = 0
    cum_ded = 0
    before = 0
    for m in range(12):
        g = fig[GROSS, m]
        nn = fig[NORTHERN, m]
        cum_main += g - nn
        cum_north += nn
        if cum_main + cum_north <= ch_limit:
            cum_ded += per_month
        if personal and cum_main + cum_north <= personal_limit:
            cum_ded += personal
        tb = cum_main - cum_ded
        if tb < 0:
            tb = 0
        if north_scale:
            to_date = _round(_tax(tb, nd_starts, nd_nums), nd_den, nd_mode, nd_q)
            if cum_north:
                to_date += _round(_tax(cum_north, no_starts, no_nums), no_den, nd_mode, nd_q)
        else:
            to_date = _round(_tax(tb + cum_north, nd_starts, nd_nums), nd_den, nd_mode, nd_q)
        fig[NDFL, m] = to_date - before
        before = to_date
        fig[NET, m] = g - fig[NDFL, m]
        fig[CONTRIB, m] = 0
        fig[ACCIDENT, m] = _half_up(g * acc_num, acc_den)
    # contributions cumulated from January with the caps and the SME threshold (НК ст. 421, 425–427, 431)
    nf = f_under.shape[0]
    for f in range(nf):
        prior = 0
        cum = 0
        before = 0
        for m in range(12):
            g = fig[GROSS, m]
            low = g
            if has_reduced:
                thr = threshold[kind, m]
                if thr < low:
                    low = thr
            high = g - low
            room = f_cap[f, m] - prior
            if room < 0:
                room = 0
            under = low if low < room else room
            acc = under * f_under[f, m] + (low - under) * f_above[f, m]
            if high:
                room2 = f_rcap[f, kind, m] - (prior + low)
                if room2 < 0:
                    room2 = 0
                under2 = high if high < room2 else room2
                acc += under2 * f_rund[f, kind, m] + (high - under2) * f_rabv[f, kind, m]
            cum += acc
            to_date = _round(cum, c_den, c_mode, c_q)
            fig[FIXED + f, m] = to_date - before
            fig[CONTRIB, m] += to_date - before
            before = to_date
            prior += g
    for m in range(12):
        fig[TOTAL, m] = fig[GROSS, m] + fig[CONTRIB, m] + fig[ACCIDENT, m]
    return False


@njit(cache=True, parallel=True)
def year_months(
    sal, rate, rate_den, extra, cn, cd, pn, pd_, children, kind, acc_num, acc_den, ru, out, sums, bad
) -> int:
    """Every figure of a block: every month into ``out`` (n, FIXED + funds, 12) and the year's sums into ``sums``
    (n, FIXED + funds) — either may have no employees (shape (0, …)) when it is not wanted; ``bad`` marks
    employees over the limit (their rows are left as they were). Returns how many are over the limit."""
    n = sal.shape[0]
    nk = max(out.shape[1], sums.shape[1])
    keep = out.shape[0] > 0
    add = sums.shape[0] > 0
    for c in prange((n + CHUNK - 1) // CHUNK):
        fig = np.zeros((nk, 12), np.int64)
        for i in range(c * CHUNK, min(n, (c + 1) * CHUNK)):
            if _person(
                sal[i],
                rate[i],
                rate_den,
                extra[i],
                cn[i],
                cd,
                pn[i],
                pd_,
                children[i],
                kind[i],
                acc_num,
                acc_den,
                ru,
                fig,
            ):
                bad[i] = True
                continue
            for k in range(nk):
                t = 0
                for m in range(12):
                    t += fig[k, m]
                    if keep:
                        out[i, k, m] = fig[k, m]
                if add:
                    sums[i, k] = t
    return int(bad.sum())


@njit(cache=True, parallel=True)
def term_year(
    s0,  # (n,) salary at 1 January, kopecks
    masks,  # (n, D) bool: who each demand covers
    r_fire,  # (R, 12) bool: the raise is made in this month of the year
    r_mask,
    r_haspct,
    r_pnum,
    r_pden,
    r_flat,  # (R,) -1: none
    fl_val,  # (F, 12) the floor in kopecks in force in each month, -1: not yet
    fl_mask,
    codes,  # (n,) baseline scale index into ``table``
    table,  # (scales, MAX_YEARS + 1) seniority rate numerators
    rate_den,
    sc_on,  # (S, 12) bool: the demanded scale is in force this month
    sc_mask,
    sc_k,
    months0,  # (n,) whole months of service at 1 January of the year, -1: from the hire date
    hire,  # (n,) hire date, days since 1970-01-01
    year,
    max_years,
    night_num,  # (n,) night hours a month, numerators over night_den (zeros: no night work)
    night_den,
    nt_base,  # today's night rate, numerator over nt_den
    nt_on,  # (N, 12) bool: the demanded night rate is in force this month
    nt_mask,
    nt_num,
    nt_den,
    hours,  # (12,) the month's hour norm
    b_month,  # (B,) month index 0–11 of the bonus this year, -1: none
    b_mask,
    b_haspct,
    b_pnum,
    b_pden,
    b_amount,
    l_month,  # (L,) month index of the leave pay this year, -1: none
    l_mask,
    l_days,
    l_avg_num,  # avg month's days × 12 as a fraction: daily = earnings × den / num
    l_avg_den,
    mrot,  # (12,) the МРОТ of each month, kopecks
    cn,
    cd,
    pn,
    pd_,
    children,
    kind,
    acc_num,
    acc_den,
    ru,
    nfig,
    a_gross,  # out (n,): the year's sums
    a_ndfl,
    a_net,
    a_contrib,
    a_acc,
    a_total,
    net_dec,  # out (n,)
    below,  # out (n,) months whose salary + long-service allowance is below the МРОТ (ТК ст. 133)
    s_end,  # out (n,) the salary after December
    keep,  # also write every month:
    monthly,  # out (n, nfig, 12) or (0, nfig, 12)
    m_salary,  # out (n, 12) or (0, 12)
    m_extra,  # out (n, 12) or (0, 12)
    m_service,  # out (n, 12) or (0, 12)
    bad,  # out (n,) bool: over the engine's limit
) -> int:
    """One year of one scenario of the bargaining view for every employee (see calc.workforce.demands)."""
    n = s0.shape[0]
    for c in prange((n + CHUNK - 1) // CHUNK):  # chunks of employees on every core, each with its scratch rows
        fig = np.zeros((nfig, 12), np.int64)
        sal = np.zeros(12, np.int64)
        rate = np.zeros(12, np.int64)
        extra = np.zeros(12, np.int64)
        svc = np.zeros(12, np.int64)
        for i in range(c * CHUNK, min(n, (c + 1) * CHUNK)):
            _service12(months0[i], hire[i], year, max_years, svc)
            # the salary of each month: the raises made that month in order, then the floors in force
            s = s0[i]
            for m in range(12):
                for r in range(r_fire.shape[0]):
                    if r_fire[r, m] and masks[i, r_mask[r]]:
                        new = s
                        if r_haspct[r]:
                            new = _half_up(s * (r_pden[r] + r_pnum[r]), r_pden[r])
                        if r_flat[r] >= 0:
                            if r_haspct[r]:
                                if s + r_flat[r] > new:
                                    new = s + r_flat[r]
                            else:
                                new = s + r_flat[r]
                        s = new
                for f in range(fl_val.shape[0]):
                    if fl_val[f, m] >= 0 and masks[i, fl_mask[f]] and fl_val[f, m] > s:
                        s = fl_val[f, m]
                sal[m] = s
            s_end[i] = s
            # the long-service rate: the baseline scale, or the last demanded one in force for this person
            for m in range(12):
                k = codes[i]
                for j in range(sc_on.shape[0]):
                    if sc_on[j, m] and masks[i, sc_mask[j]]:
                        k = sc_k[j]
                rate[m] = table[k, svc[m]]
            # further pay lines: night pay, bonuses, leave pay
            for m in range(12):
                extra[m] = 0
            if night_num[i]:
                for m in range(12):
                    rn = nt_base
                    for j in range(nt_on.shape[0]):
                        if nt_on[j, m] and masks[i, nt_mask[j]]:
                            rn = nt_num[j]
                    hourly = _half_up(sal[m], hours[m])
                    extra[m] += _half_up(hourly * night_num[i] * rn, night_den * nt_den)
            for j in range(b_month.shape[0]):
                m = b_month[j]
                if m >= 0 and masks[i, b_mask[j]]:
                    if b_haspct[j]:
                        extra[m] += _half_up(sal[m] * b_pnum[j], b_pden[j])
                    else:
                        extra[m] += b_amount[j]
            for j in range(l_month.shape[0]):
                m = l_month[j]
                if m >= 0 and masks[i, l_mask[j]]:
                    earnings = (sal[m] + _half_up(sal[m] * rate[m], rate_den)) * 12
                    extra[m] += _half_up(earnings * l_avg_den[j], l_avg_num[j]) * l_days[j]
            if _person(
                sal, rate, rate_den, extra, cn[i], cd, pn[i], pd_, children[i], kind[i], acc_num, acc_den, ru, fig
            ):
                bad[i] = True
                continue
            a_g = 0
            a_t = 0
            a_c = 0
            a_a = 0
            nb = 0
            for m in range(12):
                a_g += fig[GROSS, m]
                a_t += fig[NDFL, m]
                a_c += fig[CONTRIB, m]
                a_a += fig[ACCIDENT, m]
                if sal[m] + fig[BONUS, m] < mrot[m]:  # without the regional parts (ТК ст. 133)
                    nb += 1
            a_gross[i] = a_g
            a_ndfl[i] = a_t
            a_net[i] = a_g - a_t
            a_contrib[i] = a_c
            a_acc[i] = a_a
            a_total[i] = a_g + a_c + a_a
            net_dec[i] = fig[NET, 11]
            below[i] = nb
            if keep:
                for k in range(nfig):
                    for m in range(12):
                        monthly[i, k, m] = fig[k, m]
                for m in range(12):
                    m_salary[i, m] = sal[m]
                    m_extra[i, m] = extra[m]
                    m_service[i, m] = svc[m]
    return int(bad.sum())


# ------------------------------------------------------------------ the check's loops


@njit(cache=True)
def _same_text(offsets: np.ndarray, data: np.ndarray, a: int, b: int) -> bool:
    la = offsets[a + 1] - offsets[a]
    if la != offsets[b + 1] - offsets[b]:
        return False
    for k in range(la):  # noqa: SIM110 - numba compiles this loop (not a generator)
        if data[offsets[a] + k] != data[offsets[b] + k]:
            return False
    return True


@njit(cache=True)
def _fnv(offsets: np.ndarray, data: np.ndarray, i: int) -> np.uint64:
    """FNV-1a 64-bit hash of text ``i``'s UTF-8 bytes."""
    h = np.uint64(14695981039346656037)
    for b in range(offsets[i], offsets[i + 1]):
        h = (h ^ np.uint64(data[b])) * np.uint64(1099511628211)
    return h


@njit(cache=True)
def text_hashes(offsets: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The :func:`_fnv` hash of every text (equal texts, equal hashes; a few distinct ones may share one)."""
    n = offsets.shape[0] - 1
    out = np.empty(n, np.uint64)
    for i in range(n):
        out[i] = _fnv(offsets, data, i)
    return out


@njit(cache=True)
def repeated_texts(offsets: np.ndarray, data: np.ndarray, counted: np.ndarray) -> np.ndarray:
    """Rows whose text (UTF-8 bytes ``data[offsets[i]:offsets[i + 1]]``) occurs more than once among the
    ``counted`` rows, every copy marked (``pandas.Series.duplicated(keep=False)``): one pass with a hash table
    (FNV-1a hashes, equal texts compared byte by byte)."""
    n = offsets.shape[0] - 1
    size = 1
    while size < 2 * n:
        size *= 2
    mask = np.uint64(size - 1)
    slots = np.full(size, -1, np.int64)
    hashes = np.zeros(n, np.uint64)
    out = np.zeros(n, np.bool_)
    for i in range(n):
        if not counted[i]:
            continue
        h = _fnv(offsets, data, i)
        hashes[i] = h
        j = np.int64(h & mask)
        while True:
            k = slots[j]
            if k < 0:
                slots[j] = i
                break
            if hashes[k] == h and _same_text(offsets, data, k, i):
                out[i] = True
                out[k] = True
                break
            j = np.int64((np.uint64(j) + np.uint64(1)) & mask)
    return out
