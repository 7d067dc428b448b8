"""Vietnam: payroll rules as dated data (``rules/*.yaml``) and formulas, on ``calc.core`` only.

``calc.vn.monthly(gross=…, year=…, month=…, region=…)`` — gross ⇄ net ⇄ cost to the employer;
``minimum_wage``, ``overtime_pay``, ``night_pay``, ``advance``, ``deduction_limit``,
``late_pay_interest`` (Labour Code 2019); ``pit`` on a taxable income; ``seniority_allowance`` (public sector,
by scale). See docs/vietnam.md.
"""

from calc.vn.allowances import Seniority, seniority_allowance
from calc.vn.income_tax import pit
from calc.vn.labour import advance, deduction_limit, late_pay_interest, minimum_wage, night_pay, overtime_pay
from calc.vn.payroll import MonthPay, monthly

__all__ = [
    "MonthPay",
    "Seniority",
    "advance",
    "deduction_limit",
    "late_pay_interest",
    "minimum_wage",
    "monthly",
    "night_pay",
    "overtime_pay",
    "pit",
    "seniority_allowance",
]
