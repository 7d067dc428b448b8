"""Personal income tax (thuế thu nhập cá nhân) on one month's salary.

Resident: taxable income = income subject to tax − the employee's compulsory insurance − voluntary
pension (at most 1,000,000 đồng) − the family deductions (11,000,000 / 4,400,000 đồng until 2025;
15,500,000 / 6,200,000 đồng from the 2026 tax period), never below zero; the tax is the progressive
schedule on it (7 brackets until 2025, 5 from 2026). Non-resident: 20 % of the income subject to tax.
The tax is rounded to whole đồng, half up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc.core.explain import Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.rules import rulebook
from calc.vn.inputs import dong_amount, month_start
from calc.vn.terms import trace

COUNTRY = "vn"


def resident_tax(trc: Trace, taxable_pay: Decimal, insurance: Decimal, on: date, *, dependants: int,
                 voluntary_pension: Decimal = ZERO) -> tuple[Decimal, Decimal]:
    """The taxable income and the tax of a resident, recorded in ``trc``."""
    rb = rulebook(COUNTRY)
    personal = rb.lookup("income_tax.personal_deduction", on)
    per_dependant = rb.lookup("income_tax.dependant_deduction", on)
    values = {"taxable_pay": taxable_pay, "employee_insurance": insurance}
    formula = "taxable_pay - employee_insurance"
    if voluntary_pension:
        cap = rb.lookup("income_tax.voluntary_pension_cap", on)
        values["voluntary_pension"] = trc.calc("voluntary_pension", "min(voluntary_pension, cap)", rounding="dong",
                                               rules=[cap], voluntary_pension=voluntary_pension,
                                               cap=Q(cap.value, "vnd", _("at most")))
        formula += " - voluntary_pension"
    trc.given("personal_deduction", personal.value, rules=[personal])
    formula += " - personal_deduction"
    values["personal_deduction"] = personal.value
    if dependants:
        trc.given("dependant_deduction", per_dependant.value, rules=[per_dependant])
        formula += " - dependants * dependant_deduction"
        values |= {"dependants": dependants, "dependant_deduction": per_dependant.value}
    ti = trc.calc("taxable_income", f"max({formula}, 0)", rounding="dong", **values)
    return ti, schedule_tax(trc, ti, on)


def schedule_tax(trc: Trace, ti: Decimal, on: date) -> Decimal:
    """The progressive schedule on a monthly taxable income, bracket by bracket."""
    rule = rulebook(COUNTRY).lookup("income_tax.schedule", on)
    lower, taxes = ZERO, []
    for n, b in enumerate(rule.value, start=1):
        if ti <= lower:
            break
        upper = b["upto"]
        if upper is None:
            part = trc.calc("band_income", "taxable_income - lower", rounding="none",
                            label=_("taxable income in bracket {n}", n=n),
                            taxable_income=ti, lower=Q(lower, "vnd", _("lower bound of the bracket")))
        else:
            part = trc.calc("band_income", "min(taxable_income, upper) - lower", rounding="none",
                            label=_("taxable income in bracket {n}", n=n), taxable_income=ti,
                            upper=Q(upper, "vnd", _("upper bound of the bracket")),
                            lower=Q(lower, "vnd", _("lower bound of the bracket")))
        taxes.append(trc.calc("band_tax", "band_income * band_rate", rounding="none", rules=[rule],
                              label=_("tax of bracket {n}", n=n), band_income=part, band_rate=b["rate"]))
        lower = Decimal(upper) if upper is not None else lower
    return _total(trc, taxes, rule)


def _total(trc: Trace, taxes: list[Decimal], rule) -> Decimal:  # type: ignore[no-untyped-def]
    if not taxes:
        return trc.given("pit", ZERO, rules=[rule])
    names = {f"t{i}": Q(t, "vnd", _("tax of bracket {n}", n=i)) for i, t in enumerate(taxes, start=1)}
    return trc.calc("pit", " + ".join(names), rounding="dong", rules=[rule], **names)


def non_resident_tax(trc: Trace, taxable_pay: Decimal, on: date) -> Decimal:
    rule = rulebook(COUNTRY).lookup("income_tax.non_resident_rate", on)
    return trc.calc("pit", "taxable_pay * rate", rounding="dong", rules=[rule], taxable_pay=taxable_pay,
                    rate=rule.value)


def pit(taxable_income: object, year: int, month: int = 1) -> Decimal:
    """The resident's tax on a monthly taxable income (after insurance and deductions), in đồng."""
    on = month_start(year, month)
    ti = dong_amount(taxable_income, "taxable_income", _("the taxable income"))
    return schedule_tax(trace(), ti, on)
