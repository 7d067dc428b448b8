"""The bargaining view: a whole workforce through a year, and what a new seniority scale costs.

A union negotiating a collective agreement asks: *if the long-service allowance goes from this scale
to that one, what does it cost the employer a year, and what does each worker take home?*
:func:`compare` answers it for a whole workforce; :func:`year_workforce` gives every figure of
every month of every employee. The figures are the single-person engine's, to the kopeck
(``calc.pay_lines`` for the month's gross, ``calc.year_payroll`` for НДФЛ, contributions,
accident insurance and the cost) — checked by a property test on random workforces.

Conventions (documented in docs/bargaining.md):

- **Full months.** Every employee is paid the full salary in every month of the year (the
  agreement's cost is a projection; absences, hires and leavers during the year are not modelled).
  A hire date only sets the length of service; rows hired after the year are rejected.
- **The seniority rate of a month is the rate on its first day**: service is counted as
  ``calc.service_length([Period(hire_date)], date(year, month, 1))`` — a step reached during a
  month applies from the next month. With ``years_of_service`` (service at 1 January, whole or
  fractional years) service grows by one month each month; whole years at 1 January keep the
  same rate all year.
- **The bonus base is the salary only** (``calc.seniority``); the district coefficient and the
  northern allowance are charged on salary + bonus (ТК РФ ст. 148, 315–317).
- НДФЛ is withheld cumulatively from January (НК РФ ст. 226 п. 3), contributions are cumulated
  from January with caps and the SME threshold (НК РФ ст. 421, 425–427, 431), accident insurance
  on each month's gross (Law 125-FZ art. 21–22), for a resident employee with the standard child
  deduction for the given number of children (НК РФ ст. 218 п. 1 пп. 4).

Money in the result frames is exact integer kopecks (columns ending ``_kop``); :func:`rubles`
turns them into ``Decimal`` rubles. Service bands are by full years at 1 January:
0–1, 1–3, 3–5, 5–10, 10–15, 15–20, 20+ (each band includes its lower bound).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from calc.core.errors import InputError, UnknownScaleError
from calc.core.i18n import _
from calc.core.rules import rulebook
from calc.core.text import Text
from calc.ru.contributions import accident_rate as _accident_rate
from calc.ru.long_service import MAX_YEARS, SCALES, Scale, custom_scale
from calc.workforce import kernel as K
from calc.workforce.input import COLUMNS, INFO, MAX_BYTES, MAX_ROWS, Checked, check, read_table

__all__ = [
    "BANDS",
    "COLUMNS",
    "FIGURES",
    "MAX_BYTES",
    "MAX_ROWS",
    "Checked",
    "Comparison",
    "WorkforceYear",
    "band_labels",
    "check",
    "compare",
    "read_table",
    "rubles",
    "sample_workforce",
    "scale_name",
    "year_workforce",
]

BANDS: tuple[tuple[int, int | None], ...] = ((0, 1), (1, 3), (3, 5), (5, 10), (10, 15), (15, 20), (20, None))
"""Service bands [from, to) in full years at 1 January."""

FIGURES = ("bonus", "gross", "ndfl", "net", "contributions", "accident", "total_cost")
"""The annual figures compared between two scales (kopecks)."""

FIGURE_LABELS: dict[str, Text] = {
    "service_years": _("service, full years"),
    "seniority_rate": _("seniority rate"),
    "bonus": _("long-service allowance"),
    "gross": _("gross pay"),
    "northern": _("district coefficient and northern allowance"),
    "ndfl": _("income tax (НДФЛ)"),
    "net": _("net pay"),
    "contributions": _("insurance contributions"),
    "accident": _("accident insurance"),
    "total_cost": _("cost to the employer"),
}

ScaleSpec = str | Scale | Sequence[tuple[Any, Any]]
PROPOSED_ID, CURRENT_ID = "proposed", "current"
SCALE_ID_NAMES: dict[str, Text] = {
    PROPOSED_ID: _("proposed"),
    CURRENT_ID: _("current"),
}
"""How the ids of scales given as rows of (full years, rate) are shown in each language."""
BLOCK = 32_768  # employees per block: keeps the (block × 12) arrays in cache and memory bounded


def band_labels() -> list[str]:
    """'0–1', '1–3', …, '20+' (the same in Russian and English)."""
    return [f"{a}–{b}" if b is not None else f"{a}+" for a, b in BANDS]


def band_of(years: np.ndarray) -> np.ndarray:
    """Band index (0…6) for full years of service."""
    starts = np.array([a for a, _ in BANDS])
    return (np.searchsorted(starts, np.asarray(years), side="right") - 1).astype(np.int8)


def rub(kopecks: int | np.integer) -> Decimal:
    """Kopecks → Decimal rubles."""
    return Decimal(int(kopecks)).scaleb(-2)


def rubles(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every ``*_kop`` column as ``Decimal`` rubles (named without the suffix)."""
    out = frame.copy()
    for c in frame.columns:
        if isinstance(c, str) and c.endswith("_kop"):
            out[c[:-4]] = [rub(v) for v in frame[c].to_numpy()]
            del out[c]
    return out


def sample_workforce() -> pd.DataFrame:
    """The built-in fictional enterprise (``calc/data/sample_workforce.csv``) as raw cells."""
    content = resources.files("calc.data").joinpath("sample_workforce.csv").read_bytes()
    return read_table(content, "sample_workforce.csv")


# ------------------------------------------------------------------ scales


def resolve_scale(spec: ScaleSpec, extra: Mapping[str, Scale] | None = None) -> Scale:
    """A scale from an id (built-in or in ``extra``), a Scale, or rows of (full years, rate)."""
    if isinstance(spec, Scale):
        return spec
    if isinstance(spec, str):
        known = {**SCALES, **(extra or {})}
        if spec in known:
            return known[spec]
        raise UnknownScaleError(
            _("Scale '{spec}' not found. Available: {known}.", spec=spec, known=", ".join(known)),
            "scale",
        )
    return custom_scale(spec, "Предлагаемая шкала", "Proposed scale", scale_id=PROPOSED_ID)


def scale_name(scale_id: str, lang: str = "ru") -> str:
    """A scale id as shown to a person: built-in ids as they are, 'proposed' / 'current' in ``lang``."""
    name = SCALE_ID_NAMES.get(scale_id)
    return name[lang] if name else scale_id


def scale_table(scales: Sequence[Scale]) -> tuple[np.ndarray, int]:
    """Rates of each scale for 0…MAX_YEARS full years (``scale.rate``), as numerators over one den."""
    rates = [sc.rate(y) for sc in scales for y in range(MAX_YEARS + 1)]
    nums, den = K.ratios(rates, "seniority rate")
    return nums.reshape(len(scales), MAX_YEARS + 1), den


def codes_of(col: pd.Series) -> tuple[np.ndarray, list[Any]]:
    """Integer codes and the distinct values of a column (categoricals without re-hashing)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        codes = col.cat.codes.to_numpy().astype(np.int64)
        cats = list(col.cat.categories)
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(cats)))
        if len(used) == len(cats):
            return codes, cats
        remap = np.full(len(cats), -1, np.int64)
        remap[used] = np.arange(len(used))
        return remap[codes], [cats[i] for i in used]
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    return codes.astype(np.int64), list(uniques)


def scale_labels(scales: list[Scale], codes: np.ndarray) -> pd.Categorical:
    """Each employee's scale id, as a categorical."""
    ids = [s.id for s in scales]
    cats, inverse = np.unique(np.array(ids, dtype=object), return_inverse=True)
    return pd.Categorical.from_codes(inverse[codes], categories=pd.Index(cats, dtype=object))


def _assign(
    emp: pd.DataFrame, spec: ScaleSpec | Mapping[str, ScaleSpec] | None, extra: Mapping[str, Scale] | None
) -> tuple[list[Scale], np.ndarray]:
    """The scales in use and each employee's index into them."""
    if spec is None or isinstance(spec, Mapping):
        codes, uniques = codes_of(emp["scale"])
        mapping = spec or {}
        scales = [resolve_scale(mapping.get(u, u), extra) for u in uniques]
        return scales, codes.astype(np.int64)
    return [resolve_scale(spec, extra)], np.zeros(len(emp), np.int64)


# ------------------------------------------------------------------ results


@dataclass
class WorkforceYear:
    """Every figure of every month of every employee (arrays of shape (employees, 12), kopecks)."""

    year: int
    employees: pd.DataFrame
    figures: dict[str, np.ndarray]
    scales: list[Scale]
    scale_codes: np.ndarray
    rate_table: np.ndarray
    rate_den: int
    rejected: pd.DataFrame = field(default_factory=pd.DataFrame)
    notices: list[Text] = field(default_factory=list)
    months: bool = True  # False: each figure holds the year's sum (one column), service_years January's

    def __len__(self) -> int:
        return len(self.employees)

    def _need_months(self) -> None:
        if not self.months:
            raise ValueError("computed with months=False: only the year's sums were kept")

    def rates(self) -> np.ndarray:
        """Seniority rate of each employee-month as a float (for display; amounts are exact)."""
        self._need_months()
        nums = self.rate_table[self.scale_codes[:, None], self.figures["service_years"]]
        return nums / self.rate_den

    def money_keys(self) -> list[str]:
        return [k for k in self.figures if k != "service_years"]

    def monthly(self) -> pd.DataFrame:
        """Long table: one row per employee and month; money in kopecks (``*_kop``)."""
        self._need_months()
        n = len(self)
        cols: dict[str, Any] = {
            "id": np.repeat(self.employees["id"].to_numpy(), 12),
            "month": np.tile(np.arange(1, 13, dtype=np.int8), n),
            "scale": scale_labels(self.scales, np.repeat(self.scale_codes, 12)),
            "service_years": self.figures["service_years"].ravel(),
            "seniority_rate": self.rates().ravel(),
        }
        cols.update({f"{k}_kop": self.figures[k].ravel() for k in self.money_keys()})
        return pd.DataFrame(cols)

    def annual_sums(self) -> dict[str, np.ndarray]:
        if not self.months:  # each figure already holds its year's sum
            return {k: self.figures[k][:, 0] for k in self.money_keys()}
        return {k: self.figures[k].sum(axis=1) for k in self.money_keys()}

    def annual(self) -> pd.DataFrame:
        """One row per employee: service at 1 January, band, scale and the year's totals (kopecks)."""
        emp = self.employees
        svc = self.figures["service_years"][:, 0]
        cols: dict[str, Any] = {
            "id": emp["id"].array,
            "row": emp["row"].to_numpy(),
            "service_years": svc,
            "band": band_of(svc),
            "scale": scale_labels(self.scales, self.scale_codes),
        }
        cols.update({f"{k}_kop": v for k, v in self.annual_sums().items()})
        cols.update({c: emp[c].array for c in INFO if c in emp})
        return pd.DataFrame(cols)

    def totals(self) -> dict[str, Decimal]:
        """The year's totals over the workforce in rubles."""
        return {k: rub(int(v.sum())) for k, v in self.figures.items() if k != "service_years"}


@dataclass
class Comparison:
    """Two scales over the same workforce and year: current and proposed."""

    current: WorkforceYear
    proposed: WorkforceYear
    _rows: pd.DataFrame | None = field(default=None, init=False, repr=False)
    _bands: pd.DataFrame | None = field(default=None, init=False, repr=False)

    @property
    def year(self) -> int:
        return self.current.year

    @property
    def rejected(self) -> pd.DataFrame:
        return self.current.rejected

    @property
    def notices(self) -> list[Text]:
        return self.current.notices

    def per_employee(self) -> pd.DataFrame:
        """One row per employee: each annual figure under both scales and the change (kopecks)."""
        if self._rows is None:
            self._rows = comparison_rows(self.current.annual(), self.proposed.annual())
        return self._rows

    def by_band(self) -> pd.DataFrame:
        """Changes summed by service band (kopecks)."""
        if self._bands is None:
            self._bands = band_table(self.per_employee())
        return self._bands

    def headline(self) -> dict[str, Any]:
        return headline(self.by_band(), self.per_employee())

    def most_affected(self, n: int = 10) -> pd.DataFrame:
        return affected(self.per_employee(), n, most=True)

    def least_affected(self, n: int = 10) -> pd.DataFrame:
        return affected(self.per_employee(), n, most=False)


def comparison_rows(cur: pd.DataFrame, prop: pd.DataFrame) -> pd.DataFrame:
    """Per-employee rows from two ``annual()`` frames of the same employees (same order)."""
    cols: dict[str, Any] = {c: cur[c].array for c in ("id", "row", "service_years", "band")}
    cols["scale_current"] = cur["scale"].array
    cols["scale_proposed"] = prop["scale"].array
    cols.update({c: cur[c].array for c in INFO if c in cur})
    for f in FIGURES:
        a = cur[f"{f}_kop"].to_numpy()
        b = prop[f"{f}_kop"].to_numpy()
        cols[f"{f}_current_kop"] = a
        cols[f"{f}_proposed_kop"] = b
        cols[f"{f}_change_kop"] = b - a
    return pd.DataFrame(cols)


def band_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Changes summed by service band (all bands listed, empty ones with zeros)."""
    cols = [f"{f}_change_kop" for f in FIGURES] + [f"{f}_current_kop" for f in FIGURES]
    g = rows.groupby("band")[cols].sum()
    g["employees"] = rows.groupby("band").size()
    g = g.reindex(range(len(BANDS)), fill_value=0)
    return finish_bands(g)


def finish_bands(g: pd.DataFrame) -> pd.DataFrame:
    """Labels and the mean change in net pay per employee (kopecks, half up) of a band sum table."""
    g = g.astype(np.int64)
    g.index = pd.Index(band_labels(), name="band")
    g["net_change_per_employee_kop"] = [
        int((Decimal(int(s)) / int(n)).quantize(Decimal(1), ROUND_HALF_UP)) if n else 0
        for s, n in zip(g["net_change_kop"], g["employees"], strict=True)
    ]
    front = ["employees", *[f"{f}_change_kop" for f in FIGURES], "net_change_per_employee_kop"]
    return g[front + [c for c in g.columns if c not in front]]


def headline(bands: pd.DataFrame, rows: pd.DataFrame | None = None) -> dict[str, Any]:
    """The headline figures in rubles: the employer's annual cost change, workers' net gain, tax change."""
    s = {c: int(bands[c].sum()) for c in bands.columns}
    out: dict[str, Any] = {
        "employees": s["employees"],
        "cost_change": rub(s["total_cost_change_kop"]),
        "gross_change": rub(s["gross_change_kop"]),
        "contributions_change": rub(s["contributions_change_kop"]),
        "accident_change": rub(s["accident_change_kop"]),
        "net_change": rub(s["net_change_kop"]),
        "ndfl_change": rub(s["ndfl_change_kop"]),
        "bonus_change": rub(s["bonus_change_kop"]),
        "cost_current": rub(s["total_cost_current_kop"]),
        "net_current": rub(s["net_current_kop"]),
    }
    cur = s["total_cost_current_kop"]
    out["cost_change_percent"] = (
        (Decimal(s["total_cost_change_kop"]) * 100 / cur).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if cur
        else Decimal(0)
    )
    if rows is not None:
        d = rows["net_change_kop"]
        out["gaining"] = int((d > 0).sum())
        out["losing"] = int((d < 0).sum())
    return out


def affected(rows: pd.DataFrame, n: int, most: bool) -> pd.DataFrame:
    """The ``n`` employees with the largest (``most``) or smallest change in net pay (by size)."""
    key = rows["net_change_kop"].abs()
    order = np.argsort(-key.to_numpy() if most else key.to_numpy(), kind="stable")
    return rows.iloc[order[:n]].reset_index(drop=True)


# ------------------------------------------------------------------ the computation


def _checked(
    table: pd.DataFrame | Checked,
    year: int,
    scale: Scale | None,
    scales: Mapping[str, Scale] | None,
    today: date | None,
    strict: bool,
    scale_column: bool = True,
) -> Checked:
    if isinstance(table, Checked):
        if table.year is not None and table.year != year:
            raise InputError(
                _("The table was checked for {year}, the calculation is for {year2}.", year=table.year, year2=year),
                "year",
            )
        chk = table
    else:
        chk = check(table, year, scale=scale, scales=scales, today=today, scale_column=scale_column)
    if strict and len(chk.rejected):
        raise InputError(
            _(
                "Rows rejected: {n}.\n{rows}",
                n=chk.rejected["row"].nunique(),
                rows=lambda lang, chk=chk: chk.rejected_text(lang),
            ),
            "rows",
        )
    return chk


def _factor(col: pd.Series, minus_one: bool = False) -> tuple[np.ndarray, int]:
    """Exact numerators over a den for a column of decimal strings (each distinct value once)."""
    codes, uniques = codes_of(col)
    fr = [Decimal(str(u)) - (1 if minus_one else 0) for u in uniques]
    nums, den = K.ratios(fr or [Decimal(0)], "coefficient")
    return (nums[codes] if len(codes) else np.zeros(0, np.int64)), den


def _service_inputs(emp: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Whole months of service at 1 January (-1: from the hire date) and the hire date in days since 1970."""
    months0 = emp["service_months"].to_numpy(np.int64)
    hire = emp["hire_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    return np.ascontiguousarray(months0), np.ascontiguousarray(hire)


@dataclass(frozen=True)
class Prepared:
    """The employees of a checked table as arrays, independent of the scale (shared by two scales)."""

    year: int
    rules: K.YearRules
    salary: np.ndarray
    months0: np.ndarray  # whole months of service at 1 January, -1: counted from the hire date
    hire: np.ndarray  # hire date, days since 1970-01-01
    coef: np.ndarray
    coef_den: int
    pct: np.ndarray
    pct_den: int
    children: np.ndarray
    kind: np.ndarray
    acc_num: int
    acc_den: int

    @cached_property
    def service(self) -> np.ndarray:
        """(n, 12) full years of service on the 1st of each month (at most MAX_YEARS)."""
        return K.service(self.months0, self.hire, self.year, MAX_YEARS)

    def inputs(
        self,
        sl: slice,
        rate_num: np.ndarray,
        rate_den: int,
        *,
        salary: np.ndarray | None = None,
        extra: np.ndarray | None = None,
    ) -> K.Inputs:
        """The kernel's inputs for the employees ``sl`` with these seniority rates (a salary per month and extra
        pay lines where the bargaining view's demands give them)."""
        return K.Inputs(
            salary=(self.salary if salary is None else salary)[sl],
            service=self.service[sl],
            rate_num=rate_num,
            rate_den=rate_den,
            coef_num=self.coef[sl],
            coef_den=self.coef_den,
            pct_num=self.pct[sl],
            pct_den=self.pct_den,
            children=self.children[sl],
            kind=self.kind[sl],
            acc_num=self.acc_num,
            acc_den=self.acc_den,
            extra=None if extra is None else extra[sl],
        )


def year_block(
    inp: K.Inputs,
    rules: K.YearRules,
    emp: pd.DataFrame,
    start: int,
    out: np.ndarray | None = None,
    sums: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """The kernel's year for one block of employees (rows ``start``…; written into ``out``, or only the year's
    sums into ``sums``, if given); a year's pay beyond the kernel's limit is refused naming the first ten
    employees."""
    try:
        return K.year(inp, rules, out, sums)
    except K._TooBig as e:
        too_big(emp, start + e.rows)
        raise  # not reached


def too_big(emp: pd.DataFrame, rows: np.ndarray) -> None:
    """Refuse a year's pay beyond the kernel's limit, naming the first ten employees (positions ``rows``)."""
    bad = emp["id"].to_numpy()[rows][:10]
    raise InputError(
        _("The year's pay exceeds 1 billion ₽ (the calculation's limit) for: {who}", who=", ".join(map(str, bad))),
        "salary",
    ) from None


def prepare(emp: pd.DataFrame, year: int, acc: Decimal, country: str = "ru", rules_year: int | None = None) -> Prepared:
    """Arrays of a checked table for ``year`` (see :class:`Prepared`). ``rules_year``: the year whose law is
    used (default ``year``; the bargaining view's later years carry the last data year's rules forward),
    while service is counted in ``year``."""
    kind_code, kinds_used = codes_of(emp["kind"])
    kinds = tuple(str(k) for k in kinds_used) or ("general",)
    coef, coef_den = _factor(emp["district_coef"], minus_one=True)
    pct, pct_den = _factor(emp["northern_percent"])
    acc_num, acc_den = K.ratios([acc], "accident rate")
    months0, hire = _service_inputs(emp)
    return Prepared(
        year=year,
        rules=K.year_rules(year if rules_year is None else rules_year, kinds, country),
        salary=emp["salary_kop"].to_numpy(np.int64),
        months0=months0,
        hire=hire,
        coef=coef,
        coef_den=coef_den,
        pct=pct,
        pct_den=pct_den,
        children=emp["children"].to_numpy(np.int64),
        kind=kind_code,
        acc_num=int(acc_num[0]),
        acc_den=acc_den,
    )


def _compute(
    emp: pd.DataFrame, prep: Prepared, scales: list[Scale], codes: np.ndarray, block: int, months: bool = True
) -> tuple[dict[str, np.ndarray], np.ndarray, int]:
    table, den = scale_table(scales)
    n = len(emp)
    rules = prep.rules
    if n == 0:
        keys = ("service_years", *K_KEYS, *(f"contrib_{f.fund}" for f in rules.funds))
        return {k: np.zeros((0, 12), np.int64) for k in keys}, table, den
    keys = K.figure_keys(rules)
    # every block's figures written in place: every month, or only the year's sums
    full = np.empty((n, len(keys), 12) if months else (n, len(keys)), np.int64)
    for start in range(0, n, block):
        sl = slice(start, min(start + block, n))
        svc = prep.service[sl]
        inp = prep.inputs(sl, table[codes[sl, None], svc], den)
        if months:
            year_block(inp, rules, emp, start, out=full[sl])
        else:
            year_block(inp, rules, emp, start, sums=full[sl])
    if months:
        return {"service_years": prep.service, **{k: full[:, j] for j, k in enumerate(keys)}}, table, den
    return {"service_years": prep.service[:, :1], **{k: full[:, j : j + 1] for j, k in enumerate(keys)}}, table, den


K_KEYS = ("bonus", "gross", "northern", "ndfl", "net", "contributions", "accident", "total_cost")


def year_workforce(
    table: pd.DataFrame | Checked,
    year: int,
    *,
    scale: ScaleSpec | Mapping[str, ScaleSpec] | None = None,
    default_scale: ScaleSpec | None = None,
    scales: Mapping[str, Scale] | None = None,
    accident_rate: Any = None,
    accident_class: Any = None,
    country: str = "ru",
    today: date | None = None,
    strict: bool = True,
    block: int = BLOCK,
    months: bool = True,
    _prepared: Prepared | None = None,
) -> WorkforceYear:
    """Every month of ``year`` for every employee of ``table`` (``months=False``: only each figure's sum over
    the year is kept — 12 times less memory, for large workforces whose months nobody looks at).

    ``table``: a DataFrame with the columns of :data:`COLUMNS` (or the result of :func:`check`).
    ``scale``: None — each employee's own ``scale`` column; a scale (id, Scale or rows of
    (full years, rate)) for everyone; or a mapping {scale id in the table: scale}.
    ``default_scale``: the scale for rows whose ``scale`` cell is empty (or with no such column).
    ``scales``: extra scales the ``scale`` column may name. ``accident_rate`` / ``accident_class``:
    as in ``calc.year_payroll`` (default: class 1). ``strict``: raise if any row is rejected;
    otherwise compute the good rows and list the rejected ones in ``.rejected``.
    """
    rulebook(country).check_year(year)
    extra, ds = _defaults(scale, default_scale, scales)
    chk = _checked(table, year, ds, extra, today, strict, scale is None or isinstance(scale, Mapping))
    emp = chk.employees
    if _prepared is None or _prepared.year != year:
        acc, _ignored = _accident_rate(accident_rate, accident_class, date(year, 1, 1), country)
        _prepared = prepare(emp, year, acc, country)
    sc, codes = _assign(emp, scale, extra)
    figures, tab, den = _compute(emp, _prepared, sc, codes, block, months)
    return WorkforceYear(year, emp, figures, sc, codes, tab, den, chk.rejected, chk.notices, months)


def compare(
    table: pd.DataFrame | Checked,
    year: int,
    proposed: ScaleSpec | Mapping[str, ScaleSpec],
    *,
    current: ScaleSpec | Mapping[str, ScaleSpec] | None = None,
    default_scale: ScaleSpec | None = None,
    scales: Mapping[str, Scale] | None = None,
    accident_rate: Any = None,
    accident_class: Any = None,
    country: str = "ru",
    today: date | None = None,
    strict: bool = True,
    block: int = BLOCK,
    months: bool = True,
) -> Comparison:
    """The year under the ``current`` scale (default: each employee's own) and under ``proposed`` (``months``:
    as in :func:`year_workforce`).

    ``proposed``: one scale for everyone (an id, a Scale, or rows of (full years, rate) — a
    custom scale), or a mapping {current scale id: proposed scale} (others keep theirs).
    """
    rulebook(country).check_year(year)
    if current is not None and not isinstance(current, str | Scale | Mapping):  # rows of (full years, rate)
        current = custom_scale(current, "Текущая шкала", "Current scale", scale_id=CURRENT_ID)
    extra, ds = _defaults(current, default_scale, scales)
    uses_column = current is None or isinstance(current, Mapping) or isinstance(proposed, Mapping)
    chk = _checked(table, year, ds, extra, today, strict, uses_column)
    kw: dict[str, Any] = dict(
        scales=extra,
        accident_rate=accident_rate,
        accident_class=accident_class,
        country=country,
        block=block,
        strict=False,
        months=months,
    )
    acc, _ignored = _accident_rate(accident_rate, accident_class, date(year, 1, 1), country)
    kw["_prepared"] = prepare(chk.employees, year, acc, country)
    cur = year_workforce(chk, year, scale=current, **kw)
    prop = year_workforce(chk, year, scale=proposed, **kw)
    return Comparison(cur, prop)


def _defaults(
    scale: ScaleSpec | Mapping[str, ScaleSpec] | None,
    default_scale: ScaleSpec | None,
    scales: Mapping[str, Scale] | None,
) -> tuple[dict[str, Scale], Scale | None]:
    """Extra scales by id, and the scale for rows without one (``default_scale``, else a single ``scale``)."""
    extra = dict(scales or {})
    ds = default_scale
    if ds is None and scale is not None and not isinstance(scale, Mapping):
        ds = scale
    if ds is None:
        return extra, None
    resolved = resolve_scale(ds, extra)
    if resolved.id not in SCALES or SCALES[resolved.id] is not resolved:
        extra[resolved.id] = resolved
    return extra, resolved
