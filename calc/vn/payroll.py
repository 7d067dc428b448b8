"""One month of one employee in Vietnam: gross ⇄ net ⇄ cost to the employer.

gross − employee's insurance (BHXH, BHYT, BHTN) − personal income tax − union dues = net;
gross + employer's insurance + union fund = total cost. Any one of gross, net or total cost is given;
the others follow (the inverse by exact search over whole đồng). Amounts are whole đồng, each
contribution and the tax rounded half up: the currency unit is the đồng (Law on Accounting 88/2015/QH13
art. 10); no statutory rounding rule for these amounts was found, so half up is an assumption
(``money.rounding``, flagged verify; see docs/vietnam.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.rules import rulebook
from calc.core.solve import solve_rising
from calc.core.text import Text, dong
from calc.vn.income_tax import non_resident_tax, resident_tax
from calc.vn.inputs import COUNTRY, dong_amount, employer_type, month_start, one_of, whole, yes_no
from calc.vn.inputs import region as check_region
from calc.vn.insurance import NOT_COVERED, contributions, coverage
from calc.vn.terms import trace
from calc.vn.union import union_dues, union_fund


@dataclass(frozen=True)
class Options:
    """Everything besides the pay that the month's figures depend on."""

    on: date
    region: str = "I"
    dependants: int = 0
    resident: bool = True
    member: bool = False
    employer: str = "enterprise"
    foreign: bool = False
    contract_months: int | None = None
    reduced_accident_rate: bool = False
    insurance_salary: Decimal | None = None  # None: the gross pay
    non_taxable: Decimal = ZERO
    voluntary_pension: Decimal = ZERO


@dataclass(frozen=True, kw_only=True)
class MonthPay(Explained):
    """The worker's side and the employer's side of one month, in whole đồng."""

    year: int
    month: int
    region: str
    gross: Decimal
    insurance_salary: Decimal
    si_base: Decimal
    ui_base: Decimal
    employee: dict[str, Decimal]  # social, health, unemployment
    employer: dict[str, Decimal]  # retirement, sickness, accident, health, unemployment
    employee_insurance: Decimal
    employer_insurance: Decimal
    taxable_income: Decimal
    pit: Decimal
    union_dues: Decimal
    union_fund: Decimal
    net: Decimal
    total_cost: Decimal
    minimum_wage: Decimal
    below_minimum: bool
    notes: tuple[Text, ...] = ()
    inverse_note: Text | None = None
    exact: bool = True


NO_SOCIAL_INSURANCE = _("The union fund and the dues are based on the salary for social insurance, which this "
                        "employee does not pay.")


def _figures(gross: Decimal, o: Options) -> MonthPay:
    rb = rulebook(COUNTRY)
    trc = trace()
    trc.given("gross", gross)
    salary = gross if o.insurance_salary is None else o.insurance_salary
    covered = coverage(o.on, o.foreign, o.contract_months)
    ins = contributions(trc, salary, o.on, o.region, covered=covered, reduced_accident_rate=o.reduced_accident_rate)
    notes: list[Text] = [NOT_COVERED[f] for f in ("social", "unemployment") if not covered[f]]
    employee_ins = trc.calc("employee_insurance", "employee_si + employee_hi + employee_ui", rounding="dong",
                            employee_si=ins.employee["social"], employee_hi=ins.employee["health"],
                            employee_ui=ins.employee["unemployment"])
    taxable_pay = gross
    if o.non_taxable:
        taxable_pay = trc.calc("taxable_pay", "max(gross - non_taxable, 0)", rounding="dong", gross=gross,
                               non_taxable=o.non_taxable)
    if o.resident:
        ti, tax = resident_tax(trc, taxable_pay, employee_ins, o.on, dependants=o.dependants,
                               voluntary_pension=o.voluntary_pension)
    else:
        ti, tax = taxable_pay, non_resident_tax(trc, taxable_pay, o.on)
    take_home = gross - employee_ins - tax
    dues = ZERO
    if o.member and covered["social"]:
        dues = union_dues(trc, ins.si_base, take_home, o.on, o.employer)
    elif o.member:
        dues = trc.given("union_dues", ZERO, note=NO_SOCIAL_INSURANCE)
    net = trc.calc("net", "gross - employee_insurance - pit - union_dues", rounding="dong", gross=gross,
                   rules=[rb.lookup("money.rounding", o.on)],
                   employee_insurance=employee_ins, pit=tax, union_dues=dues)
    e = ins.employer
    employer_ins = trc.calc(
        "employer_insurance", "employer_retirement + employer_sickness + employer_accident + employer_hi + employer_ui",
        rounding="dong", employer_retirement=e["retirement"], employer_sickness=e["sickness"],
        employer_accident=e["accident"], employer_hi=e["health"], employer_ui=e["unemployment"],
    )
    if covered["social"]:  # the union's base is the salary for social insurance
        fund = union_fund(trc, ins.si_base, o.on, o.employer)
    else:
        fund = trc.given("union_fund", ZERO, note=NO_SOCIAL_INSURANCE)
    total = trc.calc("total_cost", "gross + employer_insurance + union_fund", rounding="dong", gross=gross,
                     employer_insurance=employer_ins, union_fund=fund)
    wage = rb.lookup("wages.minimum_wage", o.on)
    minimum = Decimal(wage.value[o.region])
    below = salary < minimum
    if below:
        notes.append(_(
            "The salary is below the regional minimum wage ({minimum} in region {region}): for a full month of "
            "normal hours it may not be lower (Labour Code 2019 art. 90–91; Decree 293/2025/NĐ-CP).",
            minimum=lambda lang: dong(minimum, lang), region=o.region,
        ))
    return MonthPay(
        year=o.on.year, month=o.on.month, region=o.region, gross=gross, insurance_salary=salary,
        si_base=ins.si_base, ui_base=ins.ui_base, employee=ins.employee, employer=ins.employer,
        employee_insurance=employee_ins, employer_insurance=employer_ins, taxable_income=ti, pit=tax,
        union_dues=dues, union_fund=fund, net=net, total_cost=total, minimum_wage=minimum, below_minimum=below,
        notes=tuple(notes), steps=tuple(trc.steps),
    )


def monthly(
    gross: Any = None,
    year: int | None = None,
    month: Any = 1,
    *,
    net: Any = None,
    total_cost: Any = None,
    region: Any = "I",
    dependants: Any = 0,
    resident: Any = True,
    member_of_union: Any = False,
    employer: str = "enterprise",
    foreign: Any = False,
    contract_months: Any = None,
    reduced_accident_rate: Any = False,
    insurance_salary: Any = None,
    non_taxable: Any = 0,
    voluntary_pension: Any = 0,
) -> MonthPay:
    """One month's figures from any one of ``gross``, ``net`` or ``total_cost`` (whole đồng).

    ``region`` I–IV (of the employer's workplace); ``dependants`` registered for the family deduction;
    ``resident`` for tax; ``member_of_union`` pays dues; ``employer``: enterprise (non-state or
    foreign-invested), state_enterprise, public_unit or state_budget; ``foreign`` employee with a
    contract of ``contract_months``; ``reduced_accident_rate``: the approved 0.3 %; ``insurance_salary``
    if it differs from the gross pay; ``non_taxable`` income in the gross (tax-exempt allowances);
    ``voluntary_pension`` paid by the employee. From net or cost the smallest gross giving it exactly is
    returned (``inverse_note`` says when several do); with none, the nearest above (``exact=False``).
    """
    given = one_of(gross=gross, net=net, total_cost=total_cost)
    o = Options(
        on=month_start(year, month),
        region=check_region(region),
        dependants=whole(dependants, "dependants", _("the number of dependants"), high=20),
        resident=yes_no(resident, "resident", _("whether the employee is resident for tax")),
        member=yes_no(member_of_union, "member_of_union", _("whether the employee is a union member")),
        employer=employer_type(employer),
        foreign=yes_no(foreign, "foreign", _("whether the employee is a foreigner")),
        contract_months=None if contract_months is None
        else whole(contract_months, "contract_months", _("the contract length in months"), high=1200),
        reduced_accident_rate=yes_no(reduced_accident_rate, "reduced_accident_rate",
                                     _("whether the reduced accident insurance rate is approved")),
        insurance_salary=None if insurance_salary is None
        else dong_amount(insurance_salary, "insurance_salary", _("the insurance salary")),
        non_taxable=dong_amount(non_taxable, "non_taxable", _("the tax-exempt income")),
        voluntary_pension=dong_amount(voluntary_pension, "voluntary_pension", _("the voluntary pension")),
    )
    if given == "gross":
        return _figures(dong_amount(gross, "gross", _("the gross pay")), o)
    return _invert(given, dong_amount(net if given == "net" else total_cost, given,
                                      _("the net pay") if given == "net" else _("the total cost")), o)


def _invert(field: str, target: Decimal, o: Options) -> MonthPay:
    def f(g: Decimal) -> Decimal:
        return getattr(_figures(g, o), field)

    low, high = (target, 2 * target + 10_000_000) if field == "net" else (target * 3 // 4, target)
    found = solve_rising(f, target, Decimal(low), Decimal(high))
    if found.exact:
        g, note, exact = found.exact[0], None, True
        if len(found.exact) > 1:
            note = _(
                "{count} gross amounts give this figure ({amounts}) because each contribution and the tax are "
                "rounded to whole đồng; the smallest is shown.",
                count=len(found.exact),
                amounts=lambda lang, xs=found.exact: ", ".join(dong(x, lang) for x in xs),
            )
    elif found.above is not None:
        g, exact = found.above, False
        got = f(g)
        note = _(
            "No gross pay gives exactly {target} (because of the rounding to whole đồng); the nearest is {got}.",
            target=lambda lang: dong(target, lang), got=lambda lang: dong(got, lang),
        )
    else:
        raise InputError(_("No gross pay gives {target}.", target=lambda lang: dong(target, lang)), field)
    return replace(_figures(g, o), inverse_note=note, exact=exact)
