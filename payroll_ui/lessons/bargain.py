"""Lesson 8: what a proposed seniority scale costs the employer and gives the workers.

A small worked workforce is costed with the scalar engine, one person at a time: each month the
full years of service on the 1st of the month give the bonus rate on each scale; the year's pay
under each scale goes through :func:`calc.year_payroll` (НДФЛ cumulated from January, contributions
with their caps, accident insurance). The difference between the two years is the price of the
proposal: the employer's extra cost, the workers' extra net pay, and what goes to the budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import calc
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.text import Text, money, tr
from calc.ru.long_service import Scale

YEAR = 2026
"""The year the lesson's bargaining example is costed for."""


@dataclass(frozen=True)
class Worker:
    """One person of the worked workforce: a name with the job, the monthly salary, the hire date."""

    name: Text
    salary: Decimal
    hired: date


WORKFORCE: tuple[Worker, ...] = (
    Worker(_("Ivanova A. — storekeeper"), Decimal(42000), date(2024, 9, 2)),
    Worker(_("Petrov S. — driver"), Decimal(55000), date(2019, 3, 11)),
    Worker(_("Sidorova M. — accountant"), Decimal(68000), date(2011, 5, 16)),
    Worker(_("Kuznetsov O. — fitter"), Decimal(61000), date(2016, 10, 3)),
    Worker(_("Smirnova O. — machine operator"), Decimal(47000), date(2022, 2, 1)),
    Worker(_("Popov I. — electrician"), Decimal(64000), date(2009, 7, 20)),
    Worker(_("Vasilyeva N. — cleaner"), Decimal(35000), date(2013, 11, 5)),
    Worker(_("Morozov D. — shop foreman"), Decimal(82000), date(2005, 4, 18)),
    Worker(_("Novikova E. — cashier"), Decimal(45000), date(2020, 12, 14)),
    Worker(_("Fyodorov A. — apprentice fitter"), Decimal(38000), date(2025, 8, 25)),
)

CURRENT_STEPS: tuple[tuple[int, str], ...] = ((3, "0.05"), (5, "0.10"), (10, "0.15"))
"""Today's collective agreement: 5 % from 3 years, 10 % from 5, 15 % from 10."""

PROPOSAL_STEPS: tuple[tuple[int, str], ...] = ((1, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"))
"""The union's proposal: 5 % from 1 year, 10 % from 3, 15 % from 5, 20 % from 10, 25 % from 15."""


def current_scale() -> Scale:
    """The scale of today's collective agreement."""
    return calc.custom_scale(CURRENT_STEPS, "Шкала действующего колдоговора", "Current collective agreement scale")


def proposed_scale(steps: Iterable[tuple[Any, Any]] = PROPOSAL_STEPS) -> Scale:
    """The union's proposed scale (or any other rows of full years and rates)."""
    return calc.custom_scale(steps, "Предложение профсоюза", "Union proposal", scale_id="proposal")


def service_years(worker: Worker, on: date) -> int:
    """Full years of service on a date (0 before the hire date)."""
    if on < worker.hired:
        return 0
    return calc.service_since(worker.hired, on).years


def monthly_pay(worker: Worker, scale: Scale, year: int = YEAR) -> list[Decimal]:
    """Salary plus the long-service allowance for each month (service counted on the 1st of the month)."""
    return [
        worker.salary + calc.seniority(worker.salary, service_years(worker, date(year, m, 1)), scale).bonus
        for m in range(1, 13)
    ]


FIELDS = ("gross", "ndfl", "net", "contributions", "accident", "total_cost")


@dataclass(frozen=True)
class WorkerResult:
    """One worker's year under both scales."""

    worker: Worker
    years_jan: int
    years_dec: int
    bonus_now: Decimal  # December bonus on the current scale
    bonus_new: Decimal  # December bonus on the proposal
    now: dict[str, Decimal]
    new: dict[str, Decimal]

    def delta(self, field: str) -> Decimal:
        return self.new[field] - self.now[field]


@dataclass(frozen=True, kw_only=True)
class Bargain(Explained):
    """The price of moving a workforce from one scale to another for one year."""

    year: int
    rows: tuple[WorkerResult, ...]
    now: dict[str, Decimal]
    new: dict[str, Decimal]
    extra_cost: Decimal
    extra_gross: Decimal
    net_gain: Decimal
    extra_ndfl: Decimal
    extra_contributions: Decimal
    to_budget: Decimal
    cost_per_ruble: Decimal
    budget_share: Decimal
    gainers: int

    def delta(self, field: str) -> Decimal:
        return self.new[field] - self.now[field]


def _sum(results: Sequence[dict[str, Decimal]]) -> dict[str, Decimal]:
    return {f: sum((r[f] for r in results), ZERO) for f in FIELDS}


def _worker(worker: Worker, now: Scale, new: Scale, year: int) -> WorkerResult:
    totals = [calc.year_payroll(monthly_pay(worker, s, year), year).totals() for s in (now, new)]
    dec_years = service_years(worker, date(year, 12, 1))
    return WorkerResult(
        worker=worker,
        years_jan=service_years(worker, date(year, 1, 1)),
        years_dec=dec_years,
        bonus_now=calc.seniority(worker.salary, dec_years, now).bonus,
        bonus_new=calc.seniority(worker.salary, dec_years, new).bonus,
        now=totals[0],
        new=totals[1],
    )


def _total(trace: Trace, key: str, label: Text, now: Decimal, new: Decimal) -> Decimal:
    return trace.calc(
        key,
        "new - now",
        rounding="none",
        label=label,
        unit="rub",
        new=Q(new, "rub", _("under the proposal")),
        now=Q(now, "rub", _("under the current scale")),
    )


def bargain(
    workforce: Sequence[Worker] = WORKFORCE,
    now: Scale | None = None,
    new: Scale | None = None,
    year: int = YEAR,
) -> Bargain:
    """Cost a move from scale ``now`` to scale ``new`` for ``workforce`` over ``year``."""
    now = now or current_scale()
    new = new or proposed_scale()
    rows = tuple(_worker(w, now, new, year) for w in workforce)
    before, after = _sum([r.now for r in rows]), _sum([r.new for r in rows])
    trace = Trace()
    extra_cost = _total(
        trace, "extra_cost", _("Employer's extra cost for the year"),
        before["total_cost"], after["total_cost"],
    )
    extra_gross = _total(
        trace, "extra_gross", _("Extra gross pay for the year"),
        before["gross"], after["gross"],
    )
    net_gain = _total(
        trace, "net_gain", _("Workers' extra net pay for the year"),
        before["net"], after["net"],
    )
    extra_ndfl = _total(trace, "extra_ndfl", _("Extra income tax for the year"),
                        before["ndfl"], after["ndfl"])
    extra_contrib = _total(
        trace, "extra_contributions",
        _("Extra insurance and accident contributions"),
        before["contributions"] + before["accident"], after["contributions"] + after["accident"],
    )
    to_budget = trace.calc(
        "to_budget",
        "extra_ndfl + extra_contributions",
        rounding="none",
        label=_("Of the extra cost, goes to the budget and funds"),
        unit="rub",
        extra_ndfl=Q(extra_ndfl, "rub", _("extra income tax")),
        extra_contributions=Q(extra_contrib, "rub", _("extra contributions")),
    )
    per_ruble = trace.calc(
        "cost_per_ruble",
        "extra_cost / net_gain",
        rounding="kopeck",
        label=_("Employer's cost for each ruble of net gain"),
        unit="coef",
        extra_cost=Q(extra_cost, "rub", _("employer's extra cost")),
        net_gain=Q(net_gain, "rub", _("net gain")),
    ) if net_gain else ZERO
    share = trace.calc(
        "budget_share",
        "to_budget / extra_cost",
        rounding="none",
        label=_("Share of the budget and funds in the cost"),
        unit="rate",
        to_budget=Q(to_budget, "rub", _("to the budget and funds")),
        extra_cost=Q(extra_cost, "rub", _("employer's extra cost")),
    ) if extra_cost else ZERO
    return Bargain(
        year=year,
        cost_per_ruble=per_ruble,
        budget_share=share,
        rows=rows,
        now=before,
        new=after,
        extra_cost=extra_cost,
        extra_gross=extra_gross,
        net_gain=net_gain,
        extra_ndfl=extra_ndfl,
        extra_contributions=extra_contrib,
        to_budget=to_budget,
        gainers=sum(1 for r in rows if r.delta("net") > 0),
        steps=tuple(trace.steps),
    )


def per_worker_text(b: Bargain, lang: str) -> str:
    """One line per worker: years of service, December bonus now → proposed, extra net and cost for the year."""
    head = _(
        "{name}: {years} years in December — bonus {now} → {new} a month; for the year net +{net}, cost +{cost}",
    )
    return "\n".join(
        tr(head, lang).format(
            name=tr(r.worker.name, lang),
            years=r.years_dec,
            now=money(r.bonus_now, lang),
            new=money(r.bonus_new, lang),
            net=money(r.delta("net"), lang),
            cost=money(r.delta("total_cost"), lang),
        )
        for r in b.rows
    )


def explain_bargain(b: Bargain, lang: str) -> str:
    """The whole working: each worker, then the totals with their formulas."""
    return per_worker_text(b, lang) + "\n\n" + b.explain(lang)


def parse_steps(text: str) -> list[tuple[str, str]]:
    """Scale rows typed one per line as ``years: percent`` ("3: 10" is 10 % from 3 full years).

    Raises :class:`calc.ScaleDefinitionError` with a clear message for a line it cannot read;
    the engine then checks the rows themselves (order, overlaps, falling rates).
    """
    rows: list[tuple[str, str]] = []
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.strip().replace("%", "").replace("\u00a0", " ")
        if not line:
            continue
        sep = ":" if ":" in line else ("—" if "—" in line else "-" if "-" in line else None)
        parts = [p.strip().replace(",", ".") for p in (line.split(sep, 1) if sep else line.split())]
        if len(parts) != 2 or not all(parts):
            raise calc.ScaleDefinitionError(
                _("Line {i} ('{strip}'): write 'years: percent', for example '3: 10'.", i=i, strip=raw.strip()),
                "steps",
            )
        try:
            rows.append((parts[0], str(Decimal(parts[1]) / 100)))
        except ArithmeticError:
            raise calc.ScaleDefinitionError(
                _("Line {i}: '{parts}' is not a percentage.", i=i, parts=parts[1]),
                "steps",
            ) from None
    return rows


def steps_text(steps: Iterable[tuple[Any, Any]]) -> str:
    """Scale rows as the text :func:`parse_steps` reads ("3: 10" per line)."""
    return "\n".join(f"{y}: {(calc.core.money.dec(r) * 100).normalize():f}" for y, r in steps)
