"""Public-sector seniority allowances (phụ cấp thâm niên) by scale, where a source confirms the scale
(``rules/allowances.yaml``): teachers (Decree 77/2021/NĐ-CP art. 4), the armed forces (Decree 25-CP/1993
art. 5, verify) and beyond-frame grades A0–A3 (Decree 204/2004/NĐ-CP art. 6, Decree 76/2009/NĐ-CP). From
``after_years`` full years the allowance is ``first_rate`` of the salary, then ``per_year_rate`` more for each
further full year; the salary is the coefficient × the base salary (lương cơ sở) of the month."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained
from calc.core.i18n import _
from calc.core.money import number as core_number
from calc.core.rules import rulebook
from calc.vn.inputs import COUNTRY, month_start, whole
from calc.vn.terms import trace

SCALES = ("teachers", "armed_forces", "beyond_frame")


@dataclass(frozen=True, kw_only=True)
class Seniority(Explained):
    """A month's seniority allowance with the rate, the salary it is a share of and when it next rises."""

    scale: str
    years: int
    rate: Decimal
    salary: Decimal
    allowance: Decimal
    starts_after: int

    @property
    def next_rise_after(self) -> int:
        """The full years of service after which the rate next rises (each further year, once it has begun)."""
        return max(self.years + 1, self.starts_after)


def seniority_allowance(scale: str, years: Any, coefficient: Any, year: int, month: Any = 1) -> Seniority:
    """The month's allowance on ``scale`` after ``years`` full years of qualifying service, for a salary of
    ``coefficient`` × the base salary (the grade's coefficient plus leadership and beyond-frame allowances)."""
    if scale not in SCALES:
        raise InputError(_("Please choose the scale: teachers, armed_forces or beyond_frame (got '{got}').",
                           got=str(scale)[:40]), "scale")
    on = month_start(year, month)
    n = whole(years, "years", _("the full years of service"), high=60)
    k = core_number(coefficient, "coefficient", _("the salary coefficient"), low=0, high=30)
    rb, trc = rulebook(COUNTRY), trace()
    rule, base = rb.lookup(f"allowances.{scale}", on), rb.lookup("wages.base_salary", on)
    terms = rule.value
    salary = trc.calc("public_salary", "coefficient * base_salary", rounding="dong", rules=[base],
                      coefficient=k, base_salary=base.value)
    trc.given("years_of_service", n)
    if n < terms["after_years"]:
        rate = trc.given("seniority_rate", 0, rules=[rule], note=_(
            "The allowance starts after {years} full years.", years=terms["after_years"]))
    else:
        rate = trc.calc("seniority_rate", "first_rate + per_year_rate * (years_of_service - after_years)",
                        rounding="none", rules=[rule], first_rate=terms["first_rate"],
                        per_year_rate=terms["per_year_rate"], years_of_service=n, after_years=terms["after_years"])
    allowance = trc.calc("seniority_allowance", "public_salary * seniority_rate", rounding="dong", rules=[rule],
                         public_salary=salary, seniority_rate=rate)
    return Seniority(scale=scale, years=n, rate=rate, salary=salary, allowance=allowance,
                     starts_after=terms["after_years"], steps=tuple(trc.steps))
