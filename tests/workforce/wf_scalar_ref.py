"""The single-person engine, employee by employee: the reference the vectorised engine must match."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import calc
from calc.ru.long_service import Scale


def full_years(row: dict[str, Any], year: int, month: int) -> int:
    """Full years of service on the first day of the month, as the scalar engine counts them."""
    if row.get("hire_date") is not None:
        return calc.service_length([calc.Period(row["hire_date"])], date(year, month, 1)).years
    months0 = int((Decimal(str(row["years_of_service"])) * 12).to_integral_value(rounding="ROUND_FLOOR"))
    return (months0 + month - 1) // 12


def scalar_year(row: dict[str, Any], year: int, scale: Scale, accident_rate: Any = None) -> list[dict[str, Any]]:
    """Every month of one employee: calc.pay_lines for the gross, calc.year_payroll for the rest."""
    coef = Decimal(str(row.get("district_coef") or 1))
    pct = Decimal(str(row.get("northern_percent") or 0))
    salary = Decimal(str(row["salary"]))
    lines = []
    for m in range(1, 13):
        pl = calc.pay_lines(
            salary,
            year,
            m,
            scale=scale,
            seniority_years=full_years(row, year, m),
            district_coef=coef,
            northern_percent=pct,
        )
        lines.append(pl)
    yr = calc.year_payroll(
        [pl.gross for pl in lines],
        year,
        kind=row.get("kind") or "general",
        accident_rate=accident_rate,
        children=int(row.get("children") or 0),
        northern=[pl.northern for pl in lines],
    )
    out = []
    for m, (pl, mc) in enumerate(zip(lines, yr.months(), strict=True), 1):
        bonus = sum((x.amount for x in pl.lines if x.key == "seniority_bonus"), Decimal(0))
        out.append(
            {
                "month": m,
                "service_years": full_years(row, year, m),
                "bonus": bonus,
                "gross": mc.gross,
                "northern": mc.northern,
                "ndfl": mc.ndfl,
                "net": mc.net,
                "contributions": mc.contributions,
                "by_fund": mc.by_fund,
                "accident": mc.accident,
                "total_cost": mc.total_cost,
            }
        )
    return out
