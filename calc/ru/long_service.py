"""Long-service (seniority) bonus: scales as data, the rate for a length of service, the bonus.

Convention: a rate applies from the day the N-th full year of service is completed (the N-th
anniversary of the start of service); only full years count. The bonus is a share of the base
salary only (no other allowances in its base).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from calc.core.errors import InputError, ScaleDefinitionError, UnknownScaleError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, a_date, amount, dec, floor_int, listed, number
from calc.core.rules import Dated, rulebook
from calc.core.text import T, Text, day, num, percent, plural
from calc.ru.service import ServiceLength, date_reaching, merge_periods, service_length

MAX_YEARS = 80
MAX_RATE = Decimal(3)  # 300 % — anything above is surely a typing mistake


@dataclass(frozen=True)
class Scale:
    """A seniority scale. ``breakpoints(max_years)`` gives [(full years, rate)] where the rate changes."""

    id: str
    label: Text
    source: Text
    valid_from: date | None = None
    verify: bool = False
    disputed: bool = False
    note: Text | None = None
    custom: bool = False

    def rate(self, full_years: int) -> Decimal:  # pragma: no cover - abstract
        raise NotImplementedError

    def breakpoints(self, max_years: int = 40) -> list[tuple[int, Decimal]]:
        """Full years at which the rate changes, with the new rate (the first is at 0 years)."""
        out = [(0, self.rate(0))]
        for y in range(1, max_years + 1):
            r = self.rate(y)
            if r != out[-1][1]:
                out.append((y, r))
        return out

    def next_step(self, full_years: int) -> tuple[int, Decimal] | None:
        """The next (full years, rate) at which the rate goes up, or None at the top."""
        now = self.rate(full_years)
        for y in range(full_years + 1, MAX_YEARS + 1):
            r = self.rate(y)
            if r > now:
                return y, r
        return None

    def max_rate(self) -> Decimal:
        return self.rate(MAX_YEARS)

    def as_rule(self) -> Dated | None:
        """The scale as a dated rule value (for "rules used"); None for a custom scale."""
        if self.custom or self.valid_from is None:
            return None
        return Dated(
            f"seniority.{self.id}",
            self.label,
            "scale",
            tuple(self.breakpoints()),
            self.valid_from,
            self.source,
            self.verify,
            self.note,
        )


@dataclass(frozen=True)
class StepScale(Scale):
    """From N full years → rate (a step table); below the first step the rate is 0."""

    steps: tuple[tuple[int, Decimal], ...] = field(default=())

    def rate(self, full_years: int) -> Decimal:
        r = ZERO
        for years, rate in self.steps:
            if full_years >= years:
                r = rate
        return r


@dataclass(frozen=True)
class IncrementScale(Scale):
    """``start_rate`` from ``start_years``, ``step_rate`` more each further full year, up to ``cap``."""

    start_years: int = 1
    start_rate: Decimal = ZERO
    step_rate: Decimal = ZERO
    cap: Decimal = ZERO

    def rate(self, full_years: int) -> Decimal:
        if full_years < self.start_years:
            return ZERO
        return min(self.cap, self.start_rate + self.step_rate * (full_years - self.start_years))


def _said(d: Decimal, lang: str, pct: bool = False) -> str:
    """A typed number as the message quotes it: an absurd one (a typing slip like 10^30) in short form."""
    if abs(d.adjusted()) > 12:
        return f"{d * 100 if pct else d:.2E}" + (" %" if pct else "")
    return percent(d, lang) if pct else num(d, lang)


def _check_steps(steps: Sequence[tuple[Any, Any]], where: Text) -> tuple[tuple[int, Decimal], ...]:
    """The scale's rows as (whole years, rate), checked: numbers, in range, rising (``where`` names the scale)."""
    out: list[tuple[int, Decimal]] = []
    for i, pair in enumerate(steps, 1):
        try:
            y_raw, r_raw = pair
            y, r = dec(y_raw), dec(r_raw)
        except (TypeError, ValueError, ArithmeticError):
            raise ScaleDefinitionError(
                _("{where}: row {i} needs two numbers: years and rate.", where=where, i=i), "steps"
            ) from None
        if not r.is_finite() or not y.is_finite():
            raise ScaleDefinitionError(_("{where}: row {i} is not a number.", where=where, i=i), "steps")
        if y != y.to_integral_value() or not 0 <= y <= MAX_YEARS:
            raise ScaleDefinitionError(
                _(
                    "{where}: row {i} — service must be whole years from 0 to {top}, got {got}.",
                    where=where,
                    i=i,
                    top=MAX_YEARS,
                    got=lambda lang, y=y: _said(y, lang),
                ),
                "steps",
            )
        if not ZERO <= r <= MAX_RATE:
            raise ScaleDefinitionError(
                _(
                    "{where}: row {i} — the bonus must be from 0 to {top}, got {got}.",
                    where=where,
                    i=i,
                    top=lambda lang: percent(MAX_RATE, lang),
                    got=lambda lang, r=r: _said(r, lang, pct=True),
                ),
                "steps",
            )
        if out and int(y) <= out[-1][0]:
            raise ScaleDefinitionError(
                _(
                    "{where}: steps overlap or are out of order (row {i}: {years} after {prev}). "
                    "Each step must start later than the one before.",
                    where=where,
                    i=i,
                    years=lambda lang, y=int(y): f"{y}\u00a0{plural(y, 'years', lang)}",
                    prev=out[-1][0],
                ),
                "steps",
            )
        if out and r < out[-1][1]:
            raise ScaleDefinitionError(
                _("{where}: the rate must not fall as service grows (row {i}).", where=where, i=i), "steps"
            )
        out.append((int(y), r))
    if not out:
        raise ScaleDefinitionError(_("{where}: the scale has no steps.", where=where), "steps")
    return tuple(out)


def custom_scale(
    steps: Iterable[tuple[Any, Any]] | Mapping[Any, Any],
    name: str = "Шкала коллективного договора",
    name_en: str = "Collective agreement scale",
    scale_id: str = "custom",
) -> StepScale:
    """A user-defined step scale (e.g. from a collective agreement): rows of (full years, rate).

    Rates are fractions (0.05 for 5 %). Steps must start later one after another and rates must
    not fall; otherwise :class:`ScaleDefinitionError` says which row is wrong.
    """
    rows = list(steps.items()) if isinstance(steps, Mapping) else listed(steps, "steps", _("the steps"))
    checked = _check_steps(rows, T(name, name_en))
    return StepScale(
        scale_id,
        T(name, name_en),
        _("collective agreement / local act"),
        custom=True,
        steps=checked,
    )


def _from_yaml(scale_id: str, raw: dict[str, Any]) -> Scale:
    common = dict(
        id=scale_id,
        label=raw["label"],
        source=raw["source"],
        valid_from=raw.get("from"),
        verify=bool(raw.get("verify")),
        disputed=bool(raw.get("disputed")),
        note=raw.get("note"),
    )
    if raw["kind"] == "steps":
        return StepScale(**common, steps=_check_steps(raw["steps"], T(scale_id, scale_id)))
    if raw["kind"] == "increment":
        return IncrementScale(
            **common,
            start_years=int(raw["start_years"]),
            start_rate=dec(raw["start_rate"]),
            step_rate=dec(raw["step_rate"]),
            cap=dec(raw["cap"]),
        )
    raise ScaleDefinitionError(_("{scale_id}: unknown kind of scale.", scale_id=scale_id))


def load_scales(country: str = "ru") -> Mapping[str, Scale]:
    raw = rulebook(country).raw("seniority")
    return MappingProxyType({k: _from_yaml(k, v) for k, v in raw.items()})


SCALES: Mapping[str, Scale] = load_scales()
"""Every built-in scale by id (read-only)."""


def get_scale(scale: str | Scale) -> Scale:
    """A scale by id, or the scale itself."""
    if isinstance(scale, Scale):
        return scale
    try:
        return SCALES[scale]
    except (KeyError, TypeError):
        ids = ", ".join(SCALES)
        raise UnknownScaleError(
            _("Scale '{scale}' not found. Available: {ids} — or define your own scale.", scale=scale, ids=ids),
            "scale",
        ) from None


def full_years(years: int | float | Decimal | str | ServiceLength) -> int:
    """Full years of service from a number of years or a :class:`ServiceLength`."""
    if isinstance(years, ServiceLength):
        return years.years

    y = number(years, "years", _("the years of service"), low=0, high=MAX_YEARS)
    return floor_int(y)


def seniority_rate(years: int | float | Decimal | str | ServiceLength, scale: str | Scale) -> Decimal:
    """The bonus rate as a fraction (0.15 for 15 %) for ``years`` of service on ``scale``."""
    return get_scale(scale).rate(full_years(years))


@dataclass(frozen=True, kw_only=True)
class SeniorityResult(Explained):
    scale: Scale
    years: int
    rate: Decimal
    salary: Decimal
    bonus: Decimal
    yearly: Decimal
    next_step: tuple[int, Decimal] | None
    service: ServiceLength | None = None
    next_step_date: date | None = None


def rate_step(tr: Trace, sc: Scale, years: int) -> Decimal:
    """Record the full years and the scale's rate for them (citing the scale) and return the rate."""
    tr.given("service_years", years)
    rule = sc.as_rule()
    return tr.given(
        "seniority_rate", sc.rate(years), rules=[rule] if rule else [], source=None if rule else sc.source, note=sc.note
    )


def seniority(salary: Any, years: Any, scale: str | Scale) -> SeniorityResult:
    """The bonus on ``salary`` for ``years`` of service, with its explanation and the next step."""
    sc = get_scale(scale)
    y = full_years(years)
    base = amount(salary, "salary", _("the salary"))
    tr = Trace()
    rate = rate_step(tr, sc, y)
    bonus = tr.calc("seniority_bonus", "salary * seniority_rate", salary=base, seniority_rate=rate)
    yearly = tr.calc("seniority_bonus_year", "seniority_bonus * months", seniority_bonus=bonus, months=Q(12, "months"))
    nxt = sc.next_step(y)
    return SeniorityResult(
        scale=sc, years=y, rate=rate, salary=base, bonus=bonus, yearly=yearly, next_step=nxt, steps=tuple(tr.steps)
    )


def seniority_on(salary: Any, periods: Iterable[Any], scale: str | Scale, on: date) -> SeniorityResult:
    """The bonus on ``on`` for service from employment ``periods``, with the date of the next step up."""
    on = a_date(on, "on", _("the calculation date"))
    periods = listed(periods, "periods", _("the periods of work"))
    for p in merge_periods(periods):
        if p.start > on:
            raise InputError(
                _(
                    "A period of work starts on {start}, after the calculation date {on}.",
                    start=lambda lang, p=p: day(p.start, lang),
                    on=lambda lang, on=on: day(on, lang),
                ),
                "periods",
            )
    service = service_length(periods, on)
    res = seniority(salary, service, scale)
    when = date_reaching(periods, res.next_step[0], on) if res.next_step else None
    return replace(res, service=service, next_step_date=when)


def seniority_bonus(salary: Any, years: Any, scale: str | Scale) -> Decimal:
    """The monthly bonus in rubles (kopecks, half up): salary × rate."""
    return seniority(salary, years, scale).bonus


__all__ = [
    "SCALES",
    "IncrementScale",
    "Scale",
    "SeniorityResult",
    "StepScale",
    "custom_scale",
    "full_years",
    "get_scale",
    "seniority",
    "seniority_bonus",
    "seniority_on",
    "seniority_rate",
]
