"""Compulsory insurance on one month's insurance salary: social (BHXH), health (BHYT), unemployment (BHTN).

The salary is capped: BHXH and BHYT at 20 × the reference level (= the base salary), BHTN at 20 × the
regional minimum wage. Employee: 8 % + 1.5 % + 1 %; employer: 14 % + 3 % + 0.5 % (or 0.3 % where
approved) + 3 % + 1 %. Each contribution is rounded to whole đồng, half up. Foreign employees: BHXH
only with a contract of 12 months or more, BHYT always, no BHTN (Decree 143/2018/NĐ-CP).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calc.core.explain import Trace
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.rules import rulebook

COUNTRY = "vn"
RATES = {"social": "insurance.social_rates", "health": "insurance.health_rates",
         "unemployment": "insurance.unemployment_rates"}
EMPLOYEE = {"social": ("social", "employee", "employee_si"), "health": ("health", "employee", "employee_hi"),
            "unemployment": ("unemployment", "employee", "employee_ui")}
"""Each part: (fund, key of its rate in the fund's rates, name of the quantity)."""
EMPLOYER = {
    "retirement": ("social", "retirement", "employer_retirement"),
    "sickness": ("social", "sickness", "employer_sickness"),
    "accident": ("social", "accident", "employer_accident"),
    "health": ("health", "employer", "employer_hi"),
    "unemployment": ("unemployment", "employer", "employer_ui"),
}


@dataclass(frozen=True)
class Insurance:
    """One month's contributions, by part, in whole đồng."""

    si_base: Decimal
    ui_base: Decimal
    employee: dict[str, Decimal]
    employer: dict[str, Decimal]
    covered: dict[str, bool]

    @property
    def employee_total(self) -> Decimal:
        return sum(self.employee.values(), ZERO)

    @property
    def employer_total(self) -> Decimal:
        return sum(self.employer.values(), ZERO)


def coverage(on: date, foreign: bool, contract_months: int | None) -> dict[str, bool]:
    """Which funds cover the employee: all for a Vietnamese employee; for a foreigner, as the rules say."""
    if not foreign:
        return {"social": True, "health": True, "unemployment": True}
    c = rulebook(COUNTRY).value("insurance.foreign_coverage", on)
    months = 12 if contract_months is None else contract_months
    return {"social": months >= c["social_min_contract_months"], "health": bool(c["health"]),
            "unemployment": bool(c["unemployment"])}


def contributions(
    trc: Trace,
    salary: Decimal,
    on: date,
    region: str,
    *,
    covered: dict[str, bool],
    reduced_accident_rate: bool = False,
) -> Insurance:
    """Record the caps and every contribution of the month in ``trc``."""
    rb = rulebook(COUNTRY)
    caps = rb.lookup("insurance.caps", on)
    ref = rb.lookup("insurance.reference_level", on)
    wage = rb.lookup("wages.minimum_wage", on)
    trc.given("insurance_salary", salary)
    si_base = ui_base = ZERO
    if covered["social"] or covered["health"]:
        si_cap = trc.calc("si_cap", "cap_multiple * reference_level", rounding="dong", rules=[caps, ref],
                          cap_multiple=caps.value["social"], reference_level=ref.value)
        si_base = trc.calc("si_base", "min(insurance_salary, si_cap)", rounding="dong",
                           insurance_salary=salary, si_cap=si_cap)
    if covered["unemployment"]:
        ui_cap = trc.calc("ui_cap", "cap_multiple * minimum_wage", rounding="dong", rules=[caps, wage],
                          cap_multiple=caps.value["unemployment"], minimum_wage=wage.value[region])
        ui_base = trc.calc("ui_base", "min(insurance_salary, ui_cap)", rounding="dong",
                           insurance_salary=salary, ui_cap=ui_cap)
    bases = {"social": ("si_base", si_base), "health": ("si_base", si_base), "unemployment": ("ui_base", ui_base)}
    reduced = rb.lookup("insurance.accident_reduced_rate", on) if reduced_accident_rate else None
    out: dict[str, dict[str, Decimal]] = {"employee": {}, "employer": {}}
    for side, parts in (("employee", EMPLOYEE), ("employer", EMPLOYER)):
        for part, (fund, rate_key, name) in parts.items():
            if not covered[fund]:
                out[side][part] = ZERO
                continue
            rule = rb.lookup(RATES[fund], on)
            rate, rules = rule.value[rate_key], [rule]
            if part == "accident" and reduced is not None:
                rate, rules = reduced.value, [reduced]
            b, base = bases[fund]
            out[side][part] = trc.calc(name, f"{b} * rate", rounding="dong", rules=rules, **{b: base, "rate": rate})
    return Insurance(si_base, ui_base, out["employee"], out["employer"], covered)


NOT_COVERED = {
    "social": _("A foreign employee with a contract of less than 12 months is not in social insurance."),
    "unemployment": _("Unemployment insurance does not cover foreign employees."),
}
