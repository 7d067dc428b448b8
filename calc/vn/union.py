"""Trade union money: the employer's union fund and the members' dues.

Union fund (kinh phí công đoàn): 2 % of the salary used for social insurance, paid by the employer
whether or not there is a grassroots union (Trade Union Law 2012 art. 26; Law 50/2024/QH15), none
for agencies fully funded by the state budget from 1 June 2025. Dues (đoàn phí công đoàn), paid by
a member: 1 % of the insurance salary until 30 June 2025 (Guidance 258/HD-TLĐ), 0.5 % from 1 July
2025 (Decision 61/QĐ-TLĐ), at most 10 % of the base salary, by type of employer. Whole đồng.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc.core.explain import Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO
from calc.core.rules import rulebook

COUNTRY = "vn"


def union_fund(trc: Trace, si_base: Decimal, on: date, employer: str) -> Decimal:
    rule = rulebook(COUNTRY).lookup("union.fund_rate", on)
    return trc.calc("union_fund", "si_base * rate", rounding="dong", rules=[rule], si_base=si_base,
                    rate=rule.value[employer])


def union_dues(trc: Trace, si_base: Decimal, take_home: Decimal, on: date, employer: str) -> Decimal:
    """A member's dues for the month (the base by type of employer, then the cap)."""
    rb = rulebook(COUNTRY)
    rule = rb.lookup("union.dues", on)
    d = rule.value[employer]
    if not d["rate"]:
        return trc.given("union_dues", ZERO, rules=[rule])
    base_name, base = ("take_home", take_home) if d["base"] == "take_home" else ("si_base", si_base)
    if d["cap"] is None:
        return trc.calc("union_dues", f"{base_name} * rate", rounding="dong", rules=[rule],
                        **{base_name: base, "rate": d["rate"]})
    salary = rb.lookup("wages.base_salary", on)
    cap = trc.calc("dues_cap", "share * base_salary", rounding="dong", rules=[rule, salary],
                   share=Q(d["cap"], "rate", _("share of the base salary")), base_salary=salary.value)
    return trc.calc("union_dues", f"min({base_name} * rate, dues_cap)", rounding="dong", rules=[rule],
                    **{base_name: base, "rate": d["rate"], "dues_cap": cap})
