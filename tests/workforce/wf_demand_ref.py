"""The demands, person by person, through the single-person engine: the reference for calc.workforce.demands.

The demand semantics are restated here in plain Decimal arithmetic (docs/bargaining.md); every month
goes through ``calc.pay_lines`` (salary, long-service allowance, night pay, allowances as fixed or
percentage lines, district coefficient and northern allowance) and every year through
``calc.year_payroll``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from wf_scalar_ref import full_years

import calc
from calc.core.rules import rulebook
from calc.ru.average_earnings import average_daily_earnings
from calc.workforce import resolve_scale
from calc.workforce.demands import Bonus, ExtraLeave, Floor, NightPremium, Raise, SeniorityScale

CENT = Decimal("0.01")


def _covers(d: Any, row: dict[str, Any]) -> bool:
    return d.group is None or str(row.get(d.group.column) or "").strip() in d.group.values


def _at(d: Any, first: int) -> tuple[int, int]:
    return (d.start.year, d.start.month) if d.start else (first, 1)


def _due(d: Any, first: int, y: int, m: int, yearly: bool) -> bool:
    y0, m0 = _at(d, first)
    return m == m0 and (y == y0 or (yearly and y > y0))


def _raised(s: Decimal, d: Raise) -> Decimal:
    new = s
    if d.percent is not None:
        new = (s * (1 + Decimal(str(d.percent)) / 100)).quantize(CENT, ROUND_HALF_UP)
    if d.flat is not None:
        flat = s + Decimal(str(d.flat))
        new = max(new, flat) if d.percent is not None else flat
    return new


def term_months(
    row: dict[str, Any], years: list[int], demands: tuple[Any, ...], base_scale: Any, base_night: Decimal
) -> dict[int, list[dict[str, Decimal]]]:
    """Every month of every year of the term for one person under a package."""
    first = years[0]
    mine = [d for d in demands if _covers(d, row)]
    s = Decimal(str(row["salary"]))
    coef = Decimal(str(row.get("district_coef") or 1))
    pct = Decimal(str(row.get("northern_percent") or 0))
    nh = Decimal(str(row.get("night_hours") or 0))
    out = {}
    for y in years:
        r = dict(row)
        h = r.get("hire_date")
        r["hire_date"] = date.fromisoformat(h) if isinstance(h, str) and h else (h or None)
        if r.get("years_of_service") not in (None, ""):
            r["years_of_service"] = Decimal(str(r["years_of_service"])) + (y - first)
        lines = []
        for m in range(1, 13):
            for d in mine:
                if isinstance(d, Raise) and _due(d, first, y, m, d.yearly):
                    s = _raised(s, d)
                if isinstance(d, Floor) and (y, m) >= _at(d, first):
                    mrot = Decimal(str(rulebook().value("contributions.mrot", date(y, m, 1))))
                    fl = Decimal(str(d.amount)) if d.amount is not None else mrot * Decimal(str(d.mrot_multiple))
                    s = max(s, fl.quantize(CENT, ROUND_HALF_UP))
            scale, night = base_scale, base_night
            for d in mine:
                if isinstance(d, SeniorityScale) and (y, m) >= _at(d, first):
                    scale = resolve_scale(d.scale)
                if isinstance(d, NightPremium) and (y, m) >= _at(d, first):
                    night = Decimal(str(d.percent)) / 100
            years_ = full_years(r, y, m)
            kw: dict[str, Any] = dict(scale=scale, seniority_years=years_, district_coef=coef, northern_percent=pct)
            allowances = []
            for d in mine:
                if isinstance(d, Bonus) and _due(d, first, y, m, d.yearly):
                    if d.percent is not None:
                        allowances.append(calc.Allowance("премия", percent=Decimal(str(d.percent)) / 100))
                    else:
                        allowances.append(calc.Allowance("премия", amount=Decimal(str(d.amount)), prorate=False))
                if isinstance(d, ExtraLeave) and _due(d, first, y, m, True):
                    pl0 = calc.pay_lines(s, y, m, scale=scale, seniority_years=years_)
                    bonus = sum((x.amount for x in pl0.lines if x.key == "seniority_bonus"), Decimal(0))
                    avg = average_daily_earnings((s + bonus) * 12, date(y, m, 1)).average_daily
                    allowances.append(calc.Allowance("отпуск", amount=avg * int(d.days), prorate=False))
            if nh:
                kw.update(night_hours=nh, night_rate=night)
            lines.append((s, calc.pay_lines(s, y, m, allowances=allowances, **kw)))
        yr = calc.year_payroll(
            [pl.gross for _s, pl in lines],
            y,
            kind=row.get("kind") or "general",
            children=int(row.get("children") or 0),
            northern=[pl.northern for _s, pl in lines],
        )
        out[y] = [
            {
                "salary": sal,
                "gross": mc.gross,
                "ndfl": mc.ndfl,
                "net": mc.net,
                "contributions": mc.contributions,
                "accident": mc.accident,
                "total_cost": mc.total_cost,
            }
            for (sal, _pl), mc in zip(lines, yr.months(), strict=True)
        ]
    return out
