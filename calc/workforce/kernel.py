"""The vectorised year of a whole workforce: exact integer kopecks, exact rational rates.

This module is the arithmetic behind :mod:`calc.workforce`. Every amount is an ``int64`` number
of kopecks in an array of shape (employees, 12 months); every rate is an exact fraction (integer
numerators over one common denominator). A positive amount ``n / d`` is rounded to kopecks half
up as ``(2n + d) // (2d)`` — the same result as ``Decimal.quantize(ROUND_HALF_UP)`` in the scalar
engine, never binary floating point.

The law is not restated here: rates, caps, thresholds, bands, deductions and roundings are read
from the rule data with the scalar engine's own lookups (``calc.rulebook``, ``calc.tariff``,
scales' ``.rate()``), and the formulas follow the scalar functions one to one:

- the month's pay lines (``calc.pay_lines``): bonus = salary × rate; district coefficient and
  northern allowance on salary + bonus (ТК РФ ст. 148, 315–317);
- НДФЛ withheld cumulatively from January (``calc.ru.income_tax.withholding``; НК РФ ст. 226 п. 3,
  ст. 52 п. 6, ст. 224, ст. 218 п. 1 пп. 4; from 2025 a separate base for the northern part,
  ст. 210 п. 6.2);
- contributions by fund, caps and SME threshold cumulated from January
  (``calc.ru.contributions.year_contributions``; НК РФ ст. 421, 425–427, 431 п. 1);
- accident insurance each month on the gross (Law 125-FZ art. 21–22).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache, cached_property
from math import lcm

import numpy as np

from calc.core.errors import InputError, RuleDataError
from calc.core.i18n import _
from calc.core.money import MAX_AMOUNT, ROUNDINGS, dec
from calc.core.rules import rulebook
from calc.ru.contributions import tariff
from calc.workforce import compiled as C

MONTHS = 12
MAX_DENOMINATOR = 10**6  # rates with more than 6 decimal places are refused (int64 headroom)
INF = np.int64(1) << np.int64(60)  # "no cap" / "no threshold" in kopecks
MAX_KOP = int(MAX_AMOUNT * 100)  # the scalar engine accepts at most 1 billion rubles a year


def kop(value: Decimal | int | str) -> int:
    """Exact kopecks of a ruble amount (refuses fractions of a kopeck)."""
    d = dec(value) * 100
    if d != d.to_integral_value():
        raise RuleDataError(_("Amount {value} is not whole kopecks.", value=value))
    return int(d)


def ratios(values: Iterable[Decimal | int | str | Fraction], what: str = "rate") -> tuple[np.ndarray, int]:
    """Exact fractions as integer numerators over one common denominator."""
    fr = [v if isinstance(v, Fraction) else Fraction(dec(v)) for v in values]
    den = lcm(1, *(f.denominator for f in fr))
    if den > MAX_DENOMINATOR:
        raise InputError(_("{what}: at most 6 decimal places are allowed.", what=what), what)
    return np.array([int(f * den) for f in fr], dtype=np.int64), den


def half_up(n: np.ndarray, d: int) -> np.ndarray:
    """n / d rounded half up, for n ≥ 0 (exact integer arithmetic)."""
    if d == 1:
        return n
    return (2 * n + d) // (2 * d)


def round_by(n: np.ndarray, d: int, rule: str) -> np.ndarray:
    """Kopecks n / d rounded by a named rule of :data:`calc.core.money.ROUNDINGS` (result in kopecks)."""
    r = ROUNDINGS[rule]
    if r.quantum is None:
        raise RuleDataError(_("Rounding '{rule}' is not supported here.", rule=rule))
    q = kop(r.quantum)
    if r.mode == ROUND_HALF_UP:
        return half_up(n, d * q) * q
    if r.mode == ROUND_CEILING:
        return -((-n) // (d * q)) * q
    raise RuleDataError(_("Rounding '{rule}' is not supported here.", rule=rule))


def _rounding(rule: str) -> tuple[int, int]:
    """A named rounding as the compiled kernel takes it: (0 half up | 1 up, quantum in kopecks)."""
    r = ROUNDINGS[rule]
    if r.quantum is not None and r.mode in (ROUND_HALF_UP, ROUND_CEILING):
        return (0 if r.mode == ROUND_HALF_UP else 1), kop(r.quantum)
    raise RuleDataError(_("Rounding '{rule}' is not supported here.", rule=rule))


def cum_diff(to_date: np.ndarray) -> np.ndarray:
    """Each month's amount from amounts to date (axis 1)."""
    out = to_date.copy()
    out[:, 1:] -= to_date[:, :-1]
    return out


# ------------------------------------------------------------------ service and the rate


def service_years_from_hire(hire: np.ndarray, year: int) -> np.ndarray:
    """Full years of service on the first day of each month of ``year`` (shape (n, 12)).

    Same as ``calc.service_length([Period(hire)], date(year, m, 1)).years`` for one continuing
    period: the N-th full year is reached on the N-th anniversary (tested exhaustively against it).
    """
    h = hire.astype("datetime64[D]")
    months = h.astype("datetime64[M]")
    hy = months.astype("datetime64[Y]").astype(np.int64) + 1970
    hm = (months.astype(np.int64) % 12) + 1
    hd = (h - months.astype("datetime64[D]")).astype(np.int64) + 1
    m = np.arange(1, MONTHS + 1, dtype=np.int64)[None, :]
    before = (m < hm[:, None]) | ((m == hm[:, None]) & (hd[:, None] > 1))
    years = (year - hy)[:, None] - before.astype(np.int64)
    return np.maximum(years, 0)


def service(months0: np.ndarray, hire: np.ndarray, year: int, max_years: int) -> np.ndarray:
    """(n, 12) full years of service on the 1st of each month, compiled: from whole months at 1 January
    (``months0`` ≥ 0, as :func:`service_years_from_months`) or from the hire date in days since 1970
    (as :func:`service_years_from_hire`), at most ``max_years``."""
    out = np.empty((len(months0), MONTHS), np.int64)
    with C.LAUNCH:
        C.service_block(i64(months0), i64(hire), int(year), int(max_years), out)
    return out


def service_years_from_months(months_at_jan: np.ndarray) -> np.ndarray:
    """Full years in each month from whole months of service at 1 January (+ months elapsed)."""
    return (months_at_jan[:, None] + np.arange(MONTHS, dtype=np.int64)[None, :]) // 12


# ------------------------------------------------------------------ the year's rules as arrays


@dataclass(frozen=True)
class TaxScale:
    starts: np.ndarray  # band starts, kopecks
    nums: np.ndarray  # rates over den
    den: int

    @classmethod
    def of(cls, scale: Sequence[Sequence[object]]) -> TaxScale:
        nums, den = ratios([r for _, r in scale], "ndfl")
        return cls(np.array([kop(s) for s, _ in scale], dtype=np.int64), nums, den)

    def tax_num(self, base: np.ndarray) -> np.ndarray:
        """Exact tax × den in kopecks on a cumulative base (each rate on its own band; ст. 224 п. 1)."""
        out = np.zeros_like(base)
        top = base.max(initial=0)
        for i, start in enumerate(self.starts):
            if i and start >= top:
                break  # no one's income reaches this band (or any above it)
            part = base - start
            if i + 1 < len(self.starts):
                part = np.minimum(part, self.starts[i + 1] - start)
            out += np.maximum(part, 0) * self.nums[i]
        return out


@dataclass(frozen=True)
class FundRates:
    """One fund through the year: per-month rate arrays over the year's common denominator."""

    fund: str
    under: np.ndarray  # (12,) general rate up to the cap
    above: np.ndarray  # (12,) general rate above the cap
    cap: np.ndarray  # (12,) cap in kopecks (INF = none)
    red_under: np.ndarray  # (K, 12) reduced rate (SME, part of pay above the threshold) up to its cap
    red_above: np.ndarray  # (K, 12)
    red_cap: np.ndarray  # (K, 12)


@dataclass(frozen=True)
class YearRules:
    """Everything of one year's law the kernel needs, read from the rule data."""

    year: int
    kinds: tuple[str, ...]
    ndfl_scale: TaxScale
    northern_scale: TaxScale | None
    ndfl_rounding: str
    child_limit: int  # kopecks
    child_first: int
    child_second: int
    child_third: int
    personal: int  # the 400 ₽ deduction in kopecks (НК ст. 218 п. 1 пп. 3, to 2011; 0 from 2012)
    personal_limit: int
    funds: tuple[FundRates, ...]
    contrib_den: int
    contrib_rounding: str
    threshold: np.ndarray  # (K, 12) SME threshold in kopecks (INF = none)
    has_reduced: bool

    @cached_property
    def packed(self) -> tuple:
        """The year's rules as the compiled kernel takes them (arrays and integers; see ``compiled._person``)."""
        n_k = len(self.kinds)
        nf = len(self.funds)

        def stack(attr: str, shape: tuple[int, ...]) -> np.ndarray:
            if not nf:
                return np.zeros((0, *shape), np.int64)
            return np.ascontiguousarray(np.stack([getattr(f, attr) for f in self.funds]), dtype=np.int64)

        ns = self.northern_scale
        nd_mode, nd_q = _rounding(self.ndfl_rounding)
        c_mode, c_q = _rounding(self.contrib_rounding)
        return (
            self.ndfl_scale.starts,
            self.ndfl_scale.nums,
            self.ndfl_scale.den,
            ns.starts if ns is not None else self.ndfl_scale.starts,
            ns.nums if ns is not None else self.ndfl_scale.nums,
            ns.den if ns is not None else self.ndfl_scale.den,
            ns is not None,
            nd_mode,
            nd_q,
            self.child_first,
            self.child_second,
            self.child_third,
            self.child_limit,
            self.personal,
            self.personal_limit,
            stack("under", (MONTHS,)),
            stack("above", (MONTHS,)),
            stack("cap", (MONTHS,)),
            stack("red_under", (n_k, MONTHS)),
            stack("red_above", (n_k, MONTHS)),
            stack("red_cap", (n_k, MONTHS)),
            np.ascontiguousarray(self.threshold, dtype=np.int64),
            self.has_reduced,
            self.contrib_den,
            c_mode,
            c_q,
        )

    def child_deduction(self, children: np.ndarray) -> np.ndarray:
        """Monthly child deduction in kopecks by number of children (ст. 218 п. 1 пп. 4)."""
        c = children.astype(np.int64)
        return (c >= 1) * self.child_first + (c >= 2) * self.child_second + np.maximum(c - 2, 0) * self.child_third


def _fund_fields(f: object) -> tuple[Decimal, Decimal, int]:
    cap = int(INF) if f.cap is None else kop(f.cap)  # type: ignore[attr-defined]
    return f.rate, f.above_cap, cap  # type: ignore[attr-defined]


@cache
def year_rules(year: int, kinds: tuple[str, ...], country: str = "ru") -> YearRules:
    """Read one year's parameters (cached). ``kinds``: employer kinds, in code order."""
    rb = rulebook(country)
    rb.check_year(year)
    jan1 = date(year, 1, 1)
    scale = rb.value("ndfl.resident_scale", jan1)
    north = rb.value("ndfl.northern_scale", jan1)
    child = rb.value("deductions.child", jan1)
    personal = rb.value("deductions.personal", jan1)
    tariffs = [[tariff(k, date(year, m, 1), country) for m in range(1, MONTHS + 1)] for k in kinds]
    all_rates = [r for row in tariffs for t in row for f in (*t.general, *t.reduced) for r in (f.rate, f.above_cap)]
    _, den = ratios(all_rates, "contributions")
    funds = list(dict.fromkeys(f.fund for row in tariffs for t in row for f in (*t.general, *t.reduced)))

    def num(r: Decimal) -> int:
        return int(Fraction(dec(r)) * den)

    n_k = len(kinds)
    out_funds = []
    for fund in funds:
        under = np.zeros(MONTHS, np.int64)
        above = np.zeros(MONTHS, np.int64)
        cap = np.full(MONTHS, INF, np.int64)
        red_under = np.zeros((n_k, MONTHS), np.int64)
        red_above = np.zeros((n_k, MONTHS), np.int64)
        red_cap = np.full((n_k, MONTHS), INF, np.int64)
        for m in range(MONTHS):
            t0 = tariffs[0][m] if tariffs else tariff("general", date(year, m + 1, 1), country)
            for f in t0.general:
                if f.fund == fund:
                    r, a, c = _fund_fields(f)
                    under[m], above[m], cap[m] = num(r), num(a), c
            for k in range(n_k):
                for f in tariffs[k][m].reduced:
                    if f.fund == fund:
                        r, a, c = _fund_fields(f)
                        red_under[k, m], red_above[k, m], red_cap[k, m] = num(r), num(a), c
        out_funds.append(FundRates(fund, under, above, cap, red_under, red_above, red_cap))
    threshold = np.full((n_k, MONTHS), INF, np.int64)
    for k in range(n_k):
        for m in range(MONTHS):
            t = tariffs[k][m]
            if t.threshold is not None:
                threshold[k, m] = kop(t.threshold)
    return YearRules(
        year=year,
        kinds=kinds,
        ndfl_scale=TaxScale.of(scale),
        northern_scale=TaxScale.of(north) if north is not None else None,
        ndfl_rounding=rb.value("ndfl.rounding", jan1),
        child_limit=kop(child["income_limit"]),
        child_first=kop(child["first"]),
        child_second=kop(child["second"]),
        child_third=kop(child["third_plus"]),
        personal=kop(personal["amount"]) if personal else 0,
        personal_limit=kop(personal["income_limit"]) if personal else 0,
        funds=tuple(out_funds),
        contrib_den=den,
        contrib_rounding=rb.value("contributions.rounding", jan1),
        threshold=threshold,
        has_reduced=bool((threshold < INF).any()),
    )


# ------------------------------------------------------------------ the computation


@dataclass
class Inputs:
    """One block of employees as arrays (all money in kopecks, rates as numerators over a den)."""

    salary: np.ndarray  # (n,) int64 kopecks
    service: np.ndarray  # (n, 12) full years on the first day of each month
    rate_num: np.ndarray  # (n, 12) seniority rate numerators
    rate_den: int
    coef_num: np.ndarray  # (n,) district coefficient − 1, numerators
    coef_den: int
    pct_num: np.ndarray  # (n,) northern allowance, numerators
    pct_den: int
    children: np.ndarray  # (n,) int
    kind: np.ndarray  # (n,) int, index into YearRules.kinds
    acc_num: int
    acc_den: int
    extra: np.ndarray | None = None  # (n, 12) further pay lines, kopecks (night pay, bonuses, leave pay)


def pay(inp: Inputs) -> dict[str, np.ndarray]:
    """The month's gross as ``calc.pay_lines`` builds it for a full month worked.

    ``salary`` is one amount a year (n,) or one a month (n, 12); ``extra`` lines (each already in
    kopecks) join the base of the district coefficient and northern allowance, as every line of
    ``calc.pay_lines`` marked regional does (ТК РФ ст. 148, 315–317).
    """
    salary = inp.salary if inp.salary.ndim == 2 else inp.salary[:, None]
    bonus = half_up(salary * inp.rate_num, inp.rate_den)
    base = salary + bonus
    if inp.extra is not None:
        base = base + inp.extra
    district = half_up(base * inp.coef_num[:, None], inp.coef_den)
    northern = half_up(base * inp.pct_num[:, None], inp.pct_den)
    north = district + northern
    return {"bonus": bonus, "gross": base + north, "northern": north}


def ndfl(gross: np.ndarray, north: np.ndarray, children: np.ndarray, r: YearRules) -> np.ndarray:
    """Each month's НДФЛ withheld: tax on income to date in whole rubles − tax withheld before."""
    cum_main = np.cumsum(gross - north, axis=1)
    cum_north = np.cumsum(north, axis=1)
    per_month = r.child_deduction(children)[:, None]
    ded = np.where(cum_main + cum_north <= r.child_limit, per_month, 0)
    if r.personal:
        ded = ded + np.where(cum_main + cum_north <= r.personal_limit, r.personal, 0)
    base = np.maximum(cum_main - np.cumsum(ded, axis=1), 0)
    sc = r.ndfl_scale
    if r.northern_scale is None:
        to_date = round_by(sc.tax_num(base + cum_north), sc.den, r.ndfl_rounding)
    else:
        ns = r.northern_scale
        to_date = round_by(sc.tax_num(base), sc.den, r.ndfl_rounding)
        if north.any():
            to_date += round_by(ns.tax_num(cum_north), ns.den, r.ndfl_rounding)
    return cum_diff(to_date)


def contributions(gross: np.ndarray, kind: np.ndarray, r: YearRules) -> dict[str, np.ndarray]:
    """Each month's contributions by fund: rounded contributions to date − those to the month before."""
    prior = np.cumsum(gross, axis=1) - gross
    single_kind = len(r.kinds) == 1
    if r.has_reduced:
        thr = r.threshold[0][None, :] if single_kind else r.threshold[kind]
        low = np.minimum(gross, thr)
        high = gross - low
    else:
        low, high = gross, None
    out = {}
    for f in r.funds:
        if (f.cap >= INF).all():
            acc = low * f.under[None, :]
        else:
            under = np.minimum(low, np.maximum(f.cap[None, :] - prior, 0))
            acc = under * f.under[None, :] + (low - under) * f.above[None, :]
        if high is not None and f.red_under.any() | f.red_above.any():
            ru = f.red_under[0][None, :] if single_kind else f.red_under[kind]
            ra = f.red_above[0][None, :] if single_kind else f.red_above[kind]
            rc = f.red_cap[0][None, :] if single_kind else f.red_cap[kind]
            under2 = np.minimum(high, np.maximum(rc - (prior + low), 0))
            acc = acc + under2 * ru + (high - under2) * ra
        to_date = round_by(np.cumsum(acc, axis=1), r.contrib_den, r.contrib_rounding)
        out[f.fund] = cum_diff(to_date)
    return out


def figure_keys(r: YearRules) -> tuple[str, ...]:
    """The figures of :func:`year` in the order of the compiled kernel's rows."""
    return (*FIGURE_KEYS, *(f"contrib_{f.fund}" for f in r.funds))


FIGURE_KEYS = ("bonus", "gross", "northern", "ndfl", "net", "contributions", "accident", "total_cost")


def i64(a: np.ndarray) -> np.ndarray:
    """A C-contiguous int64 array (no copy if it is one)."""
    return np.ascontiguousarray(a, dtype=np.int64)


def year(inp: Inputs, r: YearRules, out: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The whole year of a block of employees: every figure of every month, in kopecks (compiled kernel).

    The same figures as :func:`year_numpy` (tested), one employee at a time without temporaries. ``out``:
    where to write them, (figures, employees, 12) — e.g. this block's part of the whole workforce's array.
    """
    n = len(inp.salary)
    salary = inp.salary if inp.salary.ndim == 2 else np.broadcast_to(inp.salary[:, None], (n, MONTHS))
    extra = inp.extra if inp.extra is not None else np.zeros((n, MONTHS), np.int64)
    keys = figure_keys(r)
    out = np.empty((len(keys), n, MONTHS), np.int64) if out is None else out
    bad = np.zeros(n, np.bool_)
    with C.LAUNCH:
        nbad = C.year_months(
            i64(salary),
            i64(inp.rate_num),
            int(inp.rate_den),
            i64(extra),
            i64(inp.coef_num),
            int(inp.coef_den),
            i64(inp.pct_num),
            int(inp.pct_den),
            i64(inp.children),
            i64(inp.kind),
            int(inp.acc_num),
            int(inp.acc_den),
            r.packed,
            out,
            bad,
        )
    if nbad:
        raise _TooBig(np.flatnonzero(bad))
    res = {"service_years": inp.service}
    res.update(zip(keys, out, strict=True))
    return res


def year_numpy(inp: Inputs, r: YearRules) -> dict[str, np.ndarray]:
    """The whole year of a block of employees with numpy on int64 arrays (the reference of :func:`year`)."""
    p = pay(inp)
    gross = p["gross"]
    too_big = gross.sum(axis=1) > MAX_KOP
    if too_big.any():
        raise _TooBig(np.flatnonzero(too_big))
    tax = ndfl(gross, p["northern"], inp.children, r)
    by_fund = contributions(gross, inp.kind, r)
    contrib = np.zeros_like(gross)
    for v in by_fund.values():
        contrib += v
    accident = half_up(gross * inp.acc_num, inp.acc_den)
    out = {
        "service_years": inp.service,
        "bonus": p["bonus"],
        "gross": gross,
        "northern": p["northern"],
        "ndfl": tax,
        "net": gross - tax,
        "contributions": contrib,
        "accident": accident,
        "total_cost": gross + contrib + accident,
    }
    out.update({f"contrib_{k}": v for k, v in by_fund.items()})
    return out


class _TooBig(Exception):
    """Employees (row positions) whose year's pay exceeds what the scalar engine accepts."""

    def __init__(self, rows: np.ndarray) -> None:
        super().__init__(rows)
        self.rows = rows
