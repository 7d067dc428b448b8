"""What a collective agreement's demands cost, for a whole workforce, over the agreement's term.

A union's demand and the employer's offer are each a :class:`Package` of demands:

- :class:`Raise` — a pay rise in percent, a flat raise in rubles, or both ("5 % but at least
  3,000 ₽": the larger of the two), from the first day of a month, once or every year (compounding);
- :class:`Floor` — no salary below an amount, or below k × the federal МРОТ of each month
  (the МРОТ from the rule data, ``contributions.mrot``; ТК РФ ст. 133);
- :class:`SeniorityScale` — a changed long-service scale (``calc.seniority``), from a month;
- :class:`Bonus` — a one-off or yearly bonus in percent of the month's salary or in rubles
  (a 13th salary is ``Bonus(percent=100, …)``);
- :class:`ExtraLeave` — extra paid leave days, paid at the average daily earnings
  (ТК РФ ст. 139: the 12 months' earnings / 12 / 29.3, here (salary + long-service allowance) × 12 of
  the month of payment, i.e. full months);
- :class:`NightPremium` — the night-work surcharge in percent of the hourly rate (at least the legal
  20 %, ТК РФ ст. 154) for the monthly night hours of the staff file's ``night_hours`` column.

Each demand applies to everyone or to a :class:`Group` (departments, occupations or scales).
:func:`cost_term` computes every month of every year of the term for the baseline (the file as it
is) and for each package with the vectorised kernel (:mod:`calc.workforce.kernel`), i.e. the
single-person engine's figures to the kopeck: ``calc.pay_lines`` (salary, long-service allowance, night
pay, allowances, district coefficient and northern allowance) and ``calc.year_payroll`` (НДФЛ,
contributions with their caps, accident insurance). Money is integer kopecks. See docs/bargaining.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from calc.core.errors import InputError
from calc.core.i18n import _
from calc.core.rules import rulebook
from calc.core.text import Text, money, percent
from calc.ru.calendar import work_hours
from calc.ru.contributions import accident_rate as _accident_rate
from calc.ru.long_service import MAX_YEARS, Scale
from calc.workforce import (
    BLOCK,
    Checked,
    ScaleSpec,
    _assign,
    _checked,
    _defaults,
    prepare,
    resolve_scale,
    scale_table,
    too_big,
)
from calc.workforce import compiled as C
from calc.workforce import kernel as K
from calc.workforce.input import INFO, MAX_SALARY, normalise_header

GROUP_COLUMNS = ("department", "occupation", "scale")
"""The columns a demand's group may select by."""

TERM_FIGURES = ("gross", "ndfl", "net", "contributions", "accident", "total_cost")
"""The annual figures of each year of the term (kopecks)."""

EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "night_hours": ("night_hours", "ночные часы", "часы ночью", "ночных часов", "ночные часы в месяц"),
    "gender": ("gender", "sex", "пол"),
}
"""Optional columns the bargaining view reads beyond the engine's (header spellings accepted)."""

MAX_TERM = 3
MAX_NIGHT_HOURS = 248  # as calc.pay_lines accepts for a month


# ------------------------------------------------------------------ the demands


@dataclass(frozen=True)
class Group:
    """The people a demand covers: those whose ``column`` is one of ``values`` (None: everyone)."""

    column: str
    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.column not in GROUP_COLUMNS:
            raise InputError(
                _(
                    "A group is chosen by department, occupation or scale, not by '{column}'.",
                    column=self.column,
                ),
                "group",
            )
        vals = tuple(str(v).strip() for v in ([self.values] if isinstance(self.values, str) else self.values))
        if not vals or not all(vals):
            raise InputError(_("The group is empty: choose at least one {what}.", what=_what(self.column)), "group")
        object.__setattr__(self, "values", vals)


def _what(column: str) -> Text:
    return {"department": _("department"), "occupation": _("occupation"), "scale": _("scale")}[column]


@dataclass(frozen=True)
class Raise:
    """A pay rise from ``start`` (the 1st of a month): ``percent`` of the salary, ``flat`` rubles, or
    both — then the larger ("5 % but at least 3,000 ₽"). ``yearly``: again on the same day every year
    of the term, each time on the salary as raised before (compounding)."""

    percent: Any = None
    flat: Any = None
    start: date | None = None
    yearly: bool = False
    group: Group | None = None
    kind = "raise"


@dataclass(frozen=True)
class Floor:
    """No salary below ``amount`` rubles, or below ``mrot_multiple`` × the МРОТ of each month, from ``start``."""

    amount: Any = None
    mrot_multiple: Any = None
    start: date | None = None
    group: Group | None = None
    kind = "floor"


@dataclass(frozen=True)
class SeniorityScale:
    """A changed long-service scale (an id, a Scale or rows of (full years, rate)) from ``start``."""

    scale: ScaleSpec
    start: date | None = None
    group: Group | None = None
    kind = "scale"


@dataclass(frozen=True)
class Bonus:
    """A bonus paid in the month of ``start``: ``percent`` of that month's salary or ``amount`` rubles;
    ``yearly``: in the same month of every following year of the term too."""

    percent: Any = None
    amount: Any = None
    start: date | None = None
    yearly: bool = True
    group: Group | None = None
    kind = "bonus"


@dataclass(frozen=True)
class ExtraLeave:
    """``days`` extra paid leave days a year, paid in the month of ``start`` (and of each later year)
    at the average daily earnings (ТК РФ ст. 139, full months)."""

    days: Any
    start: date | None = None
    group: Group | None = None
    kind = "leave"


@dataclass(frozen=True)
class NightPremium:
    """The night-work surcharge ``percent`` of the hourly rate (≥ 20 %, ТК РФ ст. 154) from ``start``,
    for the monthly hours of the file's ``night_hours`` column."""

    percent: Any
    start: date | None = None
    group: Group | None = None
    kind = "night"


Demand = Raise | Floor | SeniorityScale | Bonus | ExtraLeave | NightPremium


@dataclass(frozen=True)
class Package:
    """Several demands together: the union's demand or the employer's offer."""

    name: str
    demands: tuple[Demand, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "demands", tuple(self.demands))


# ------------------------------------------------------------------ checking the demands


def _number(v: Any, what: Text, field_: str) -> Decimal:
    try:
        d = Decimal(str(v).replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise InputError(_("{what}: a number is needed, not '{v}'.", what=what, v=v), field_) from None
    if not d.is_finite():
        raise InputError(_("{what}: a number is needed, not '{v}'.", what=what, v=v), field_)
    return d


def _rubles_kop(v: Any, what: Text, field_: str) -> int:
    d = _number(v, what, field_)
    if d < 0:
        raise InputError(_("{what} cannot be negative.", what=what), field_)
    if d > MAX_SALARY:
        raise InputError(
            _("{what} is above the largest monthly salary the engine accepts (83,333,333.33 ₽).", what=what), field_
        )
    if d * 100 != (d * 100).to_integral_value():
        raise InputError(_("{what}: at most 2 decimal places (kopecks).", what=what), field_)
    return int(d * 100)


def _fraction(v: Any, what: Text, field_: str) -> Fraction:
    d = _number(v, what, field_)
    if d != d.quantize(Decimal("0.0001")):
        raise InputError(_("{what}: at most 4 decimal places.", what=what), field_)
    return Fraction(d)


def _start(d: date | None, years: Sequence[int], what: Text) -> tuple[int, int]:
    """(year, month) a demand takes effect: the 1st of a month within the term."""
    if d is None:
        return years[0], 1
    if not isinstance(d, date):
        raise InputError(_("{what}: the start must be a date.", what=what), "start")
    if d.day != 1:
        raise InputError(
            _("{what}: a demand takes effect from the 1st of a month, not from {d}.", what=what, d=d.isoformat()),
            "start",
        )
    if d.year not in years:
        raise InputError(
            _(
                "{what}: the start {d} is outside the agreement's term ({first}–{last}).",
                what=what,
                d=d.isoformat(),
                first=years[0],
                last=years[-1],
            ),
            "start",
        )
    return d.year, d.month


def _label(dem: Demand) -> Text:
    return {
        "raise": _("The pay rise"),
        "floor": _("The minimum salary"),
        "scale": _("The seniority scale"),
        "bonus": _("The bonus"),
        "leave": _("The extra leave"),
        "night": _("The night premium"),
    }[dem.kind]


# ------------------------------------------------------------------ the term


def last_data_year(country: str = "ru") -> int:
    """The last year of the law data (taxes, contributions, caps, МРОТ, calendar)."""
    return rulebook(country).covered_to.year


def rules_year(year: int, country: str = "ru") -> int:
    """The year whose law a year of the term is computed with: the year itself, or the last year of the law
    data for a later year (the rules of that year carried forward; see :attr:`TermCost.assumptions`)."""
    return min(year, last_data_year(country))


def cpi_forecast(year: int, country: str = "ru") -> Any:
    """The Bank of Russia's inflation forecast for ``year`` in the rule data (``cpi.cbr_forecast``), or None.

    Read beyond the years the law data covers: the forecast is what a later year of the term rests on."""
    p = rulebook(country).params.get("cpi.cbr_forecast")
    for d in p.values if p is not None else ():
        if d.valid_from.year == year:
            return d
    return None


def last_forecast_year(country: str = "ru") -> int:
    """The last year a term may reach: the last year of the law data or of the inflation forecast."""
    p = rulebook(country).params.get("cpi.cbr_forecast")
    years = [d.valid_from.year for d in p.values] if p is not None else []
    return max([last_data_year(country), *years])


def term_years(first_year: int, years: int, country: str = "ru") -> list[int]:
    """The calendar years of the agreement (1–3): within the law data, or after it up to the last year of
    the inflation forecast (computed with the last year's rules, see :func:`rules_year`)."""
    if not isinstance(years, int) or not 1 <= years <= MAX_TERM:
        raise InputError(_("The agreement's term is 1, 2 or 3 years."), "years")
    rb = rulebook(country)
    first, last, top = rb.covered_from.year, rb.covered_to.year, last_forecast_year(country)
    if not isinstance(first_year, int) or isinstance(first_year, bool) or first_year < first:
        raise InputError(
            _(
                "The year {y} is outside the years the rule data covers ({first}–{last}): "
                "the term cannot start before them.",
                y=first_year,
                first=first,
                last=last,
            ),
            "year",
        )
    out = [first_year + k for k in range(years)]
    for y in out:
        if y > top:
            raise InputError(
                _(
                    "The year {y} cannot be computed: the law data end in {last} and the inflation forecast, "
                    "on which later years rest, ends in {top}. Choose a shorter term.",
                    y=y,
                    last=last,
                    top=top,
                ),
                "year",
            )
    return out


@dataclass
class _Staff:
    """The checked employees and what every scenario shares."""

    emp: pd.DataFrame
    years: list[int]
    scales: list[Scale]  # baseline scales, then each package's new scales
    codes: np.ndarray
    extra_scales: dict[str, Scale]
    night_num: np.ndarray | None
    night_den: int
    gender: np.ndarray | None
    prepared: dict[int, Any] = field(default_factory=dict)
    check_groups: bool = True  # False in one part of a larger workforce (the values are checked on the whole)
    masks: dict[Group, np.ndarray] = field(default_factory=dict)
    mrot: dict[int, np.ndarray] = field(default_factory=dict)  # year → (12,) the МРОТ of each month, kopecks


def _extra_column(table: pd.DataFrame, emp: pd.DataFrame, name: str, first_row: int = 2) -> pd.Series | None:
    """An optional column of the raw table (any accepted spelling), aligned with the checked rows."""
    want = {normalise_header(h) for h in EXTRA_COLUMNS[name]}
    for h in table.columns:
        if isinstance(h, str) and normalise_header(h) in want:
            col = table[h].reset_index(drop=True)
            return col.iloc[emp["row"].to_numpy() - first_row].reset_index(drop=True)
    return None


def _night_hours(col: pd.Series, emp: pd.DataFrame) -> tuple[np.ndarray, int]:
    """Monthly night hours as exact numerators over one den (an empty cell: 0 hours); each distinct value read once."""
    found, distinct = pd.factorize(col, use_na_sentinel=True)
    uniques = [*distinct, ""]  # an empty cell: the last value
    codes = np.where(found < 0, len(uniques) - 1, found).astype(np.int64)
    vals: list[Fraction] = []
    bad_code = np.zeros(len(uniques), bool)
    for i, v in enumerate(uniques):
        t = str(v).strip().replace(",", ".")
        if t == "":
            vals.append(Fraction(0))
            continue
        try:
            d = Decimal(t)
            ok = d.is_finite() and 0 <= d <= MAX_NIGHT_HOURS and d == d.quantize(Decimal("0.01"))
        except InvalidOperation:
            ok = False
        bad_code[i] = not ok
        vals.append(Fraction(d) if ok else Fraction(0))
    bad = emp["row"].to_numpy()[bad_code[codes]] if len(codes) else np.zeros(0, np.int64)
    if len(bad):
        raise InputError(
            _(
                "Night hours: a number of hours a month from 0 to {top} is needed (rows {rows}).",
                top=MAX_NIGHT_HOURS,
                rows=", ".join(str(int(r)) for r in bad[:10]) + (", …" if len(bad) > 10 else ""),
            ),
            "night_hours",
        )
    nums, den = K.ratios(vals or [Fraction(0)], "night hours")
    return (nums[codes] if len(codes) else np.zeros(0, np.int64)), den


def _group_mask(st: _Staff, g: Group | None) -> np.ndarray:
    """Who a group covers; unknown values and a group that matches nobody are refused."""
    n = len(st.emp)
    if g is None:
        return np.ones(n, bool)
    if g in st.masks:
        return st.masks[g]
    if g.column not in st.emp:
        raise InputError(_("The file has no '{column}' column to choose a group by.", column=_what(g.column)), "group")
    col = st.emp[g.column].astype(object).map(lambda v: "" if v is None or v != v else str(v).strip())
    present = set(col.unique()) - {""}
    unknown = [v for v in g.values if v not in present] if st.check_groups else []
    if unknown:
        shown = ", ".join(sorted(present)[:20]) + (", …" if len(present) > 20 else "")
        raise InputError(
            _(
                "Not found in the file ({what}): {unknown}. The file has: {shown}.",
                what=_what(g.column),
                unknown=", ".join(unknown),
                shown=shown,
            ),
            "group",
        )
    mask = col.isin(g.values).to_numpy()
    if not mask.any() and st.check_groups:
        raise InputError(_("The group matches nobody in the file."), "group")
    st.masks[g] = mask
    return mask


# ------------------------------------------------------------------ one scenario, year by year


@dataclass(frozen=True)
class _Plan:
    """One package's demands, checked, as the arithmetic needs them."""

    raises: tuple[tuple[np.ndarray, tuple[int, int], bool, Fraction | None, int | None], ...]
    floors: tuple[tuple[np.ndarray, tuple[int, int], int | None, Fraction | None], ...]
    scales: tuple[tuple[np.ndarray, tuple[int, int], int], ...]  # mask, start, index into _Staff.scales
    bonuses: tuple[tuple[np.ndarray, tuple[int, int], bool, Fraction | None, int | None], ...]
    leaves: tuple[tuple[np.ndarray, tuple[int, int], int], ...]
    nights: tuple[tuple[np.ndarray, tuple[int, int], Fraction], ...]


def _plan(pkg: Package, st: _Staff, country: str) -> _Plan:
    """Check every demand of a package against the term and the file."""
    raises, floors, scales, bonuses, leaves, nights = [], [], [], [], [], []
    for d in pkg.demands:
        what = _label(d)
        at = _start(d.start, st.years, what)
        mask = _group_mask(st, d.group)
        if isinstance(d, Raise):
            raises.append((mask, at, bool(d.yearly), *_raise_terms(d, what)))
        elif isinstance(d, Floor):
            floors.append((mask, at, *_floor_terms(d, what)))
        elif isinstance(d, SeniorityScale):
            sc = resolve_scale(d.scale, st.extra_scales)
            st.scales.append(sc)
            scales.append((mask, at, len(st.scales) - 1))
        elif isinstance(d, Bonus):
            bonuses.append((mask, at, bool(d.yearly), *_bonus_terms(d, what)))
        elif isinstance(d, ExtraLeave):
            days = _number(d.days, what, "days")
            if days != days.to_integral_value() or not 0 < days <= 60:
                raise InputError(_("Extra leave: a whole number of days from 1 to 60."), "days")
            leaves.append((mask, at, int(days)))
        elif isinstance(d, NightPremium):
            rate = _night_rate(d.percent, _rule_date(at[0], at[1], country), country)
            if st.night_num is None:
                raise InputError(
                    _("A night premium needs the night hours of each person: the file has no 'night_hours' column."),
                    "night_hours",
                )
            nights.append((mask, at, rate))
        else:
            raise InputError(_("Unknown demand."), "demand")
    return _Plan(*(tuple(x) for x in (raises, floors, scales, bonuses, leaves, nights)))


def _raise_terms(d: Raise, what: Text) -> tuple[Fraction | None, int | None]:
    if d.percent is None and d.flat is None:
        raise InputError(_("The pay rise: give a percentage, an amount in rubles, or both."), "percent")
    pct = None
    if d.percent is not None:
        pct = _fraction(d.percent, what, "percent") / 100
        if pct <= -1:
            raise InputError(_("A pay rise cannot be −100 % or less: the salary would be zero or negative."), "percent")
        if pct > 10:
            raise InputError(_("A pay rise above 1,000 % is not accepted."), "percent")
    flat = _rubles_kop(d.flat, what, "flat") if d.flat is not None else None
    return pct, flat


def _floor_terms(d: Floor, what: Text) -> tuple[int | None, Fraction | None]:
    if (d.amount is None) == (d.mrot_multiple is None):
        raise InputError(_("The minimum salary: give either an amount or a multiple of the МРОТ."), "floor")
    if d.amount is not None:
        return _rubles_kop(d.amount, what, "floor"), None
    k = _fraction(d.mrot_multiple, what, "floor")
    if not 0 < k <= 100:
        raise InputError(_("The minimum salary: a multiple of the МРОТ above 0 and at most 100."), "floor")
    return None, k


def _bonus_terms(d: Bonus, what: Text) -> tuple[Fraction | None, int | None]:
    if (d.percent is None) == (d.amount is None):
        raise InputError(_("The bonus: give either a percentage of the salary or an amount."), "bonus")
    if d.percent is not None:
        p = _fraction(d.percent, what, "bonus") / 100
        if not 0 < p <= 10:
            raise InputError(_("The bonus: a percentage above 0 and at most 1,000."), "bonus")
        return p, None
    return None, _rubles_kop(d.amount, what, "bonus")


def _night_rate(percent: Any, on: date, country: str) -> Fraction:
    r = _fraction(percent, _("The night premium"), "night") / 100
    low = Fraction(Decimal(str(rulebook(country).value("labour.night_surcharge_min", on))))
    if r < low or r > 2:
        raise InputError(
            _(
                "The night premium: at least {low} % (the legal minimum, Labour Code art. 154) and at most 200 %.",
                low=int(low * 100),
            ),
            "night",
        )
    return r


def _mul(s: np.ndarray, f: Fraction) -> np.ndarray:
    """Kopecks × an exact positive fraction, half up."""
    return K.half_up(s * f.numerator, f.denominator)


def _mrot_kop(year: int, month: int, country: str) -> int:
    return K.kop(rulebook(country).value("contributions.mrot", date(year, month, 1)))


def _rule_date(year: int, month: int, country: str) -> date:
    """The 1st of the month whose rules apply: the same month of the last data year for a later year."""
    return date(rules_year(year, country), month, 1)


def _mrot_years(
    years: Sequence[int], given: Mapping[int, Any] | None, country: str
) -> tuple[dict[int, np.ndarray], list[Text]]:
    """The МРОТ of each month of the term (kopecks) and the assumptions made for years after the law data:
    the МРОТ given for the year (rubles a month), else the МРОТ of December of the year before raised by
    the Bank of Russia's inflation forecast for the year, rounded half up to whole rubles."""
    last = last_data_year(country)
    given = dict(given or {})
    for y in given:
        if y not in years or y <= last:
            raise InputError(
                _("The МРОТ can be given only for a year of the term after {last}, not for {y}.", last=last, y=y),
                "mrot",
            )
    out: dict[int, np.ndarray] = {}
    notes: list[Text] = []
    for y in years:
        if y <= last:
            out[y] = np.array([_mrot_kop(y, m, country) for m in range(1, 13)], np.int64)
            continue
        prev = out[y - 1][-1] if y - 1 in out else _mrot_kop(last, 12, country)
        if given.get(y) is not None:
            v = _rubles_kop(given[y], _("The МРОТ of {y}", y=y), "mrot")
            if v <= 0:
                raise InputError(_("The МРОТ of {y} must be above zero.", y=y), "mrot")
            notes.append(_("The МРОТ of {y}: {amount} a month, as given.", y=y, amount=_rub(v)))
        else:
            f = cpi_forecast(y, country)
            if f is None:
                raise InputError(_("There is no inflation forecast for {y}: give the МРОТ of {y}.", y=y), "mrot")
            grown = Fraction(int(prev)) * (1 + Fraction(Decimal(str(f.value))))
            v = int(K.half_up(np.array([grown.numerator]), grown.denominator * 100)[0]) * 100
            notes.append(
                _(
                    "The МРОТ of {y} is not known yet: {amount} a month is assumed — the МРОТ of {prev_year} "
                    "({prev}) raised by the Bank of Russia's inflation forecast for {y}, {pct}{check}, "
                    "rounded to whole rubles. It can be given instead.",
                    y=y,
                    amount=_rub(v),
                    prev_year=y - 1,
                    prev=_rub(int(prev)),
                    pct=lambda lang, v=Decimal(str(f.value)): percent(v, lang),
                    check=_(" (a figure still to be checked)") if f.verify else "",
                )
            )
        out[y] = np.full(12, v, np.int64)
    return out, notes


def _rub(kop_: int) -> Any:
    """An amount in kopecks as rubles for a message, in the language's format."""
    return lambda lang, v=Decimal(int(kop_)) / 100: money(v, lang)


def _assumptions(years: Sequence[int], mrot_notes: list[Text], night_hours: bool, country: str) -> list[Text]:
    """Everything assumed for the years of the term after the law data, in plain words (empty if none)."""
    last = last_data_year(country)
    later = [y for y in years if y > last]
    if not later:
        return []
    span = ", ".join(str(y) for y in later)
    out: list[Text] = [
        _(
            "The law data end in {last}. For {years} the rules of {last} are carried forward: НДФЛ rates and "
            "deductions, contribution rates, caps and the small-business threshold, the accident insurance rate, "
            "the average month of days for leave pay and the legal minimum night premium. Changes in the law "
            "after {last} are not known and not included.",
            last=last,
            years=span,
        ),
        _(
            "Years of service keep counting in {years}: the long-service allowance follows each person's real "
            "service in those years.",
            years=span,
        ),
        *mrot_notes,
    ]
    if night_hours:
        out.append(
            _(
                "The working hours of each month of {years} (for the hourly rate of night work) are taken from "
                "the production calendar of {last}: the calendar of later years is not published yet.",
                years=span,
                last=last,
            )
        )
    return out


def term_assumptions(
    first_year: int,
    years: int,
    *,
    mrot: Mapping[int, Any] | None = None,
    night_hours: bool = False,
    country: str = "ru",
) -> list[Text]:
    """What :func:`cost_term` assumes for the years of the term after the law data (its
    :attr:`TermCost.assumptions`) without computing anything: ``mrot`` as there, ``night_hours`` whether the
    staff file has the column. Wrong years or values of ``mrot`` are refused as there."""
    yrs = term_years(first_year, years, country)
    _, notes = _mrot_years(yrs, mrot, country)
    return _assumptions(yrs, notes, night_hours, country)


def term_mrot(
    first_year: int, years: int, *, mrot: Mapping[int, Any] | None = None, country: str = "ru"
) -> dict[int, int]:
    """The МРОТ of December of each year of the term as :func:`cost_term` takes it (kopecks a month): the law
    data's, the one given in ``mrot``, or the estimate (see :attr:`TermCost.assumptions`)."""
    yrs = term_years(first_year, years, country)
    months, _notes = _mrot_years(yrs, mrot, country)
    return {y: int(m[-1]) for y, m in months.items()}


def has_extra_column(columns: Sequence[Any], name: str) -> bool:
    """Does a table with these headers have the optional column ``name`` (:data:`EXTRA_COLUMNS`, any spelling)?"""
    want = {normalise_header(h) for h in EXTRA_COLUMNS[name]}
    return any(isinstance(h, str) and normalise_header(h) in want for h in columns)


def _due(at: tuple[int, int], yearly: bool, y: int) -> int | None:
    """The month (1–12) of year ``y`` a bonus or leave starting ``at`` is paid, if any."""
    y0, m0 = at
    return m0 if y == y0 or (yearly and y > y0) else None


def _in_force(start: tuple[int, int], y: int) -> np.ndarray:
    """(12,) bool: the months of year ``y`` from ``start`` on."""
    return np.array([(y, m) >= start for m in range(1, 13)], np.bool_)


@dataclass(frozen=True)
class _YearPlan:
    """One package's demands in year ``y`` as the compiled kernel (:func:`calc.workforce.compiled.term_year`)
    takes them: per demand its group (an index into ``masks``), when it acts, its numbers."""

    masks: np.ndarray
    raises: tuple[np.ndarray, ...]
    floors: tuple[np.ndarray, ...]
    scales: tuple[np.ndarray, ...]
    nights: tuple[Any, ...]
    bonuses: tuple[np.ndarray, ...]
    leaves: tuple[np.ndarray, ...]


def _year_plan(plan: _Plan, st: _Staff, y: int, base_night: Fraction, country: str) -> _YearPlan:
    """The demands acting in year ``y`` (each demand's numbers are exact: fractions as numerator and den)."""
    masks: list[np.ndarray] = []
    ids: dict[int, int] = {}

    def mask_of(m: np.ndarray) -> int:
        if id(m) not in ids:
            ids[id(m)] = len(masks)
            masks.append(m)
        return ids[id(m)]

    i64 = np.int64
    r_rows = [
        (
            [m == at[1] and (y == at[0] or (yearly and y > at[0])) for m in range(1, 13)],
            mask_of(mask),
            pct is not None,
            pct.numerator if pct is not None else 0,
            pct.denominator if pct is not None else 1,
            flat if flat is not None else -1,
        )
        for mask, at, yearly, pct, flat in plan.raises
    ]
    raises = (
        np.array([r[0] for r in r_rows], np.bool_).reshape(len(r_rows), 12),
        *(np.array([r[j] for r in r_rows], np.bool_ if j == 2 else i64) for j in range(1, 6)),
    )
    f_val = np.full((len(plan.floors), 12), -1, i64)
    for j, (_mask, start, amount, k) in enumerate(plan.floors):
        for m in range(1, 13):
            if (y, m) >= start:
                f_val[j, m - 1] = amount if amount is not None else int(_mul(np.array([st.mrot[y][m - 1]]), k)[0])
    floors = (f_val, np.array([mask_of(f[0]) for f in plan.floors], i64))
    scales = (
        np.array([_in_force(start, y) for _m, start, _k in plan.scales], np.bool_).reshape(len(plan.scales), 12),
        np.array([mask_of(x[0]) for x in plan.scales], i64),
        np.array([x[2] for x in plan.scales], i64),
    )
    nums, nden = K.ratios([base_night, *(r for _m, _s, r in plan.nights)], "night rate")
    nights = (
        int(nums[0]),
        np.array([_in_force(start, y) for _m, start, _r in plan.nights], np.bool_).reshape(len(plan.nights), 12),
        np.array([mask_of(x[0]) for x in plan.nights], i64),
        np.ascontiguousarray(nums[1:]),
        nden,
        np.array([work_hours(rules_year(y, country), m, country) for m in range(1, 13)], i64),
    )
    b_rows = [
        (
            (m - 1) if (m := _due(at, yearly, y)) is not None else -1,
            mask_of(mask),
            pct is not None,
            pct.numerator if pct is not None else 0,
            pct.denominator if pct is not None else 1,
            amount if amount is not None else 0,
        )
        for mask, at, yearly, pct, amount in plan.bonuses
    ]
    bonuses = tuple(np.array([r[j] for r in b_rows], np.bool_ if j == 2 else i64) for j in range(6))
    l_rows = []
    for mask, at, days in plan.leaves:
        m = _due(at, True, y)
        # the average month's days in force in the month of payment (29.4 before 2.4.2014), × 12
        avg = (
            Fraction(Decimal(str(rulebook(country).value("labour.avg_month_days", _rule_date(y, m, country))))) * 12
            if m is not None
            else Fraction(1)
        )
        l_rows.append(((m - 1) if m is not None else -1, mask_of(mask), days, avg.numerator, avg.denominator))
    leaves = tuple(np.array([r[j] for r in l_rows], i64) for j in range(5))
    mk = np.stack(masks, axis=1) if masks else np.ones((len(st.emp), 1), np.bool_)
    return _YearPlan(mk, raises, floors, scales, nights, bonuses, leaves)


@dataclass
class YearFigures:
    """One scenario's year: each person's annual figures (kopecks) and the monthly checks."""

    year: int
    annual: dict[str, np.ndarray]  # TERM_FIGURES → (n,)
    salary_dec: np.ndarray  # (n,) December's salary
    net_dec: np.ndarray  # (n,) December's net pay
    below_mrot: np.ndarray  # (n,) months below the МРОТ (ТК ст. 133)
    monthly: dict[str, np.ndarray] | None = None  # every month (kept only when asked for)


def _prepared(st: _Staff, y: int, accident: Any, country: str) -> Any:
    """The employees' arrays for year ``y`` (shared by every scenario): service grows a year each year."""
    if y not in st.prepared:
        acc, _ignored = _accident_rate(accident, None, _rule_date(y, 1, country), country)
        p = prepare(st.emp, y, acc, country, rules_year=rules_year(y, country))
        if y != st.years[0]:
            months = p.months0
            p = replace(p, months0=np.where(months >= 0, months + 12 * (y - st.years[0]), months))
        st.prepared[y] = p
    return st.prepared[y]


def _scenario(
    plan: _Plan, st: _Staff, base_night: Fraction, country: str, accident: Any, block: int, keep_months: bool
) -> list[YearFigures]:
    """Every year of the term for one package (or the baseline: an empty plan)."""
    table, den = scale_table(st.scales)
    s = st.emp["salary_kop"].to_numpy(np.int64)
    out = []
    for y in st.years:
        prep = _prepared(st, y, accident, country)
        yp = _year_plan(plan, st, y, base_night, country)
        mrot = st.mrot[y]
        yf, s = _kernel(prep, s, yp, st, table, den, mrot, block, keep_months)
        yf.year = y
        out.append(yf)
    return out


def _kernel(
    prep: Any,
    s0: np.ndarray,
    yp: _YearPlan,
    st: _Staff,
    table: np.ndarray,
    den: int,
    mrot: np.ndarray,
    block: int,
    keep_months: bool,
) -> tuple[YearFigures, np.ndarray]:
    """One year of one scenario through the compiled kernel, in blocks of employees, each employee's year
    reduced to its figures at once (every month kept only with ``keep_months``). Returns the year's figures
    and each person's salary after December."""
    n = len(s0)
    rules = prep.rules
    keys = K.figure_keys(rules)
    nfig = len(keys)
    annual = {f: np.zeros(n, np.int64) for f in TERM_FIGURES}
    net_dec = np.zeros(n, np.int64)
    below = np.zeros(n, np.int64)
    s_end = np.zeros(n, np.int64)
    bad = np.zeros(n, np.bool_)
    monthly = np.zeros((n if keep_months else 0, nfig, 12), np.int64)
    m_salary, m_extra, m_service = (np.zeros((n if keep_months else 0, 12), np.int64) for _ in range(3))
    night = st.night_num if st.night_num is not None else np.zeros(n, np.int64)
    s0 = K.i64(s0)
    for start in range(0, n, max(block, 1)):
        sl = slice(start, min(start + block, n))
        ms = sl if keep_months else slice(0, 0)
        with C.LAUNCH:
            nbad = C.term_year(
                s0[sl],
                yp.masks[sl],
                *yp.raises,
                *yp.floors,
                st.codes[sl],
                table,
                den,
                *yp.scales,
                prep.months0[sl],
                prep.hire[sl],
                prep.year,
                MAX_YEARS,
                night[sl],
                st.night_den,
                *yp.nights,
                *yp.bonuses,
                *yp.leaves,
                mrot,
                prep.coef[sl],
                prep.coef_den,
                prep.pct[sl],
                prep.pct_den,
                prep.children[sl],
                prep.kind[sl],
                prep.acc_num,
                prep.acc_den,
                rules.packed,
                nfig,
                *(a[sl] for a in annual.values()),
                net_dec[sl],
                below[sl],
                s_end[sl],
                keep_months,
                monthly[ms],
                m_salary[ms],
                m_extra[ms],
                m_service[ms],
                bad[sl],
            )
        if nbad:
            too_big(st.emp, start + np.flatnonzero(bad[sl]))
    mon = None
    if keep_months:
        mon = {
            "service_years": m_service,
            **{k: np.ascontiguousarray(monthly[:, j]) for j, k in enumerate(keys)},
            "salary": m_salary,
            "extra": m_extra,
        }
    return YearFigures(0, annual, s_end.copy(), net_dec, below, mon), s_end


# ------------------------------------------------------------------ the result


BASELINE = "baseline"


@dataclass
class TermCost:
    """The baseline and each package over every year of the term."""

    years: list[int]
    employees: pd.DataFrame
    scenarios: dict[str, list[YearFigures]]
    gender: np.ndarray | None
    rejected: pd.DataFrame
    notices: list[Text]
    assumptions: list[Text] = field(default_factory=list)
    """What is assumed for years after the law data (rules carried forward, the МРОТ); empty within the data."""

    @property
    def packages(self) -> list[str]:
        return [k for k in self.scenarios if k != BASELINE]

    def by_year(self) -> pd.DataFrame:
        """Each scenario's totals by year and over the term, and the change against the baseline (kopecks)."""
        rows = []
        for name, yrs in self.scenarios.items():
            base = self.scenarios[BASELINE]
            for yf, bf in zip(yrs, base, strict=True):
                r: dict[str, Any] = {"scenario": name, "year": yf.year}
                for f in TERM_FIGURES:
                    r[f"{f}_kop"] = int(yf.annual[f].sum())
                    r[f"{f}_change_kop"] = int(yf.annual[f].sum() - bf.annual[f].sum())
                r["below_mrot"] = int((yf.below_mrot > 0).sum())
                rows.append(r)
        df = pd.DataFrame(rows)
        tot = df.groupby("scenario", sort=False).sum(numeric_only=True).reset_index()
        tot["year"] = "total"
        tot["below_mrot"] = df.groupby("scenario", sort=False)["below_mrot"].max().to_numpy()
        return pd.concat([df, tot], ignore_index=True)

    def term_total(self, name: str, figure: str = "total_cost") -> np.ndarray:
        """Each person's figure summed over the term (kopecks)."""
        return sum((yf.annual[figure] for yf in self.scenarios[name]), np.zeros(len(self.employees), np.int64))

    def per_employee(self, name: str) -> pd.DataFrame:
        """Each person: the term's cost, gross and net under the baseline and the package, and the change."""
        emp = self.employees
        cols: dict[str, Any] = {"id": emp["id"].array, "row": emp["row"].to_numpy()}
        cols.update({c: emp[c].array for c in (*INFO, "scale") if c in emp})
        if self.gender is not None:
            cols["gender"] = self.gender
        for f in ("total_cost", "gross", "net"):
            a, b = self.term_total(BASELINE, f), self.term_total(name, f)
            cols[f"{f}_baseline_kop"], cols[f"{f}_kop"], cols[f"{f}_change_kop"] = a, b, b - a
        return pd.DataFrame(cols)

    def gains(self, name: str, n: int = 10, most: bool = True) -> pd.DataFrame:
        """The ``n`` people whose net pay over the term grows most (or least)."""
        rows = self.per_employee(name)
        d = rows["net_change_kop"].to_numpy()
        order = np.argsort(-d if most else d, kind="stable")
        return rows.iloc[order[:n]].reset_index(drop=True)

    def pay_band(self) -> np.ndarray:
        """Each person's pay band: fifths of the baseline's salary in December of the first year (0 = lowest)."""
        s = self.scenarios[BASELINE][0].salary_dec
        if len(s) == 0:
            return np.zeros(0, np.int8)
        ranks = np.argsort(np.argsort(s, kind="stable"), kind="stable")
        return (ranks * 5 // len(s)).astype(np.int8)

    def by_group(self, name: str, by: str) -> pd.DataFrame:
        """The term's changes summed by ``by``: 'pay_band', 'department', 'occupation', 'scale' or 'gender'."""
        rows = self.per_employee(name)
        if by == "pay_band":
            key = pd.Series(self.pay_band() + 1, name="pay_band")
        elif by == "gender" and by in rows:  # a gender empty or not understood is left out (see the notice)
            known = rows[by].astype(object).isin(["f", "m"]).to_numpy()
            rows, key = rows[known].reset_index(drop=True), rows.loc[known, by].astype(object).reset_index(drop=True)
        elif by in rows:
            key = rows[by].astype(object).fillna("—")
        else:
            raise InputError(_("The file has no '{column}' column.", column=by), "by")
        cols = ["total_cost_change_kop", "gross_change_kop", "net_change_kop"]
        g = rows[cols].groupby(key.to_numpy()).sum()
        g["employees"] = rows.groupby(key.to_numpy()).size()
        g["net_change_per_employee_kop"] = [
            int((Decimal(int(s)) / int(k)).quantize(Decimal(1), ROUND_HALF_UP))
            for s, k in zip(g["net_change_kop"], g["employees"], strict=True)
        ]
        g.index.name = by
        return g

    def below_mrot(self, name: str) -> pd.DataFrame:
        """People whose salary with the long-service allowance is below the МРОТ in some month (ТК РФ ст. 133)."""
        months = sum(yf.below_mrot for yf in self.scenarios[name])
        hit = np.flatnonzero(months > 0)
        return pd.DataFrame({"id": self.employees["id"].to_numpy()[hit], "months": months[hit]})


def cost_term(
    table: pd.DataFrame | Checked,
    first_year: int,
    years: int,
    packages: Mapping[str, Package] | Sequence[Package],
    *,
    current: ScaleSpec | Mapping[str, ScaleSpec] | None = None,
    default_scale: ScaleSpec | None = None,
    night_percent: Any = None,
    accident_rate: Any = None,
    country: str = "ru",
    today: date | None = None,
    strict: bool = True,
    block: int = BLOCK,
    keep_months: bool = False,
    raw: pd.DataFrame | None = None,
    first_row: int = 2,
    check_groups: bool = True,
    mrot: Mapping[int, Any] | None = None,
) -> TermCost:
    """The baseline (the file as it is) and every package over ``years`` calendar years from ``first_year``.

    ``packages``: {name: Package} (e.g. {"demand": …, "offer": …}) or a list of packages (by their names).
    ``current``: the baseline's seniority scale as in :func:`calc.workforce.compare` (default: each
    person's ``scale`` column). ``night_percent``: the night surcharge paid today (default: the legal
    minimum, 20 %). ``raw``: the raw table, when ``table`` is already checked, for the optional
    column ``night_hours`` (``first_row``: the spreadsheet number of its first row); gender is read from
    the checked table (``f`` / ``m``; one empty or not understood is left out of the distribution).
    ``check_groups=False``: a group value absent here is no error (one part of a larger workforce whose
    values were checked as a whole). Nothing is computed if a demand or a group is wrong.

    A year after the last year of the law data (up to the last year of the inflation forecast) is computed
    with the rules of the last data year carried forward, service growing with the real year, and the МРОТ
    of ``mrot`` ({year: rubles a month}) or, if not given, the last known МРОТ raised by the forecast; each
    assumption is listed in :attr:`TermCost.assumptions`.
    """
    yrs = term_years(first_year, years, country)
    if not isinstance(packages, Mapping):
        packages = {p.name: p for p in packages}
    if BASELINE in packages:
        raise InputError(_("A package cannot be called '{name}'.", name=BASELINE), "package")
    extra, ds = _defaults(current, default_scale, None)
    uses_column = current is None or isinstance(current, Mapping)
    chk = _checked(table, yrs[0], ds, extra, today, strict, uses_column)
    emp = chk.employees
    if len(emp) == 0:
        raise InputError(_("No employee left to compute."), "rows")
    raw = raw if raw is not None else (table if isinstance(table, pd.DataFrame) else None)
    scales, codes = _assign(emp, current, extra)
    night_num, night_den, gender = None, 1, None
    if raw is not None:
        nh = _extra_column(raw, emp, "night_hours", first_row)
        if nh is not None:
            night_num, night_den = _night_hours(nh, emp)
    if "gender" in emp:  # the checked column: ``f`` / ``m``, '' where empty or not understood
        gender = emp["gender"].astype(object).fillna("").astype(str).to_numpy()
    st = _Staff(emp, yrs, list(scales), codes, extra, night_num, night_den, gender, check_groups=check_groups)
    st.mrot, mrot_notes = _mrot_years(yrs, mrot, country)
    assumptions = _assumptions(yrs, mrot_notes, st.night_num is not None, country)
    base_night = _night_rate(
        night_percent
        if night_percent is not None
        else Decimal(str(rulebook(country).value("labour.night_surcharge_min", _rule_date(yrs[0], 1, country)))) * 100,
        _rule_date(yrs[0], 1, country),
        country,
    )
    plans = {BASELINE: _Plan((), (), (), (), (), ())}
    for name, p in packages.items():  # every check before computing
        try:
            plans[name] = _plan(p, st, country)
        except InputError as e:
            e.package = name  # type: ignore[attr-defined]  # which side's form is at fault
            raise
    result = {
        name: _scenario(plan, st, base_night, country, accident_rate, block, keep_months)
        for name, plan in plans.items()
    }
    return TermCost(yrs, emp, result, gender, chk.rejected, chk.notices, assumptions)


KINDS: dict[str, type] = {
    "raise": Raise,
    "floor": Floor,
    "scale": SeniorityScale,
    "bonus": Bonus,
    "leave": ExtraLeave,
    "night": NightPremium,
}


def package_from_json(name: str, data: Any) -> Package:
    """A package from JSON (a list of demands, e.g. for the command line)::

    [{"kind": "raise", "percent": 5, "flat": 3000, "start": "2026-01-01", "yearly": true},
     {"kind": "bonus", "percent": 100, "start": "2026-12-01"},
     {"kind": "floor", "mrot_multiple": 1.2, "group": {"department": ["Школы"]}}]
    """
    import json

    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError as e:
            raise InputError(
                _("The package '{name}' is not valid JSON: {e}.", name=name, e=str(e)), "package"
            ) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(_("The package '{name}' must be a list of demands.", name=name), "package")
    out = []
    for item in data:
        if not isinstance(item, dict) or item.get("kind") not in KINDS:
            raise InputError(_("Each demand needs a kind: one of {kinds}.", kinds=", ".join(KINDS)), "package")
        kw = {k: v for k, v in item.items() if k != "kind"}
        if isinstance(kw.get("start"), str):
            try:
                kw["start"] = date.fromisoformat(kw["start"])
            except ValueError:
                raise InputError(_("A start date is written YYYY-MM-DD, not '{d}'.", d=kw["start"]), "start") from None
        if isinstance(kw.get("group"), dict) and len(kw["group"]) == 1:
            ((col, vals),) = kw["group"].items()
            kw["group"] = Group(col, tuple(vals) if isinstance(vals, list) else (vals,))
        if item["kind"] == "scale" and isinstance(kw.get("scale"), list):
            kw["scale"] = [tuple(x) for x in kw["scale"]]
        try:
            out.append(KINDS[item["kind"]](**kw))
        except TypeError:
            raise InputError(
                _("Demand '{kind}': unknown settings in {item}.", kind=item["kind"], item=json.dumps(item)), "package"
            ) from None
    return Package(name, tuple(out))


def with_start(d: Demand, start: date) -> Demand:
    """The same demand from another start (handy for a term's second year)."""
    return replace(d, start=start)


__all__ = [
    "BASELINE",
    "Bonus",
    "ExtraLeave",
    "Floor",
    "Group",
    "NightPremium",
    "Package",
    "Raise",
    "SeniorityScale",
    "TermCost",
    "cost_term",
    "package_from_json",
    "term_assumptions",
    "term_mrot",
    "term_years",
]
