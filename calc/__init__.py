"""calc — the rules of pay as code (Russia 2011–2026): seniority bonus, the advance, time-based pay,
НДФЛ, employer contributions, the cost to the employer, the final settlement on dismissal.

Law parameters are data (``calc/rules/<country>/*.yaml``): dated values with their legal source.
Every result can explain itself: ``result.explain("ru")`` or ``result.explain("en")``.
Amounts are ``Decimal``; kopecks are rounded half up, НДФЛ to whole rubles (НК РФ ст. 52 п. 6).
"""

from .advance import AdvanceResult, advance
from .calendar import (
    Day,
    hours_norm,
    month_days,
    work_hours,
    working_days,
    working_days_between,
    year_work_hours,
    year_working_days,
)
from .contributions import FUNDS, KINDS, tariff
from .cost import MonthCost, YearResult, annual_payroll, employer_cost, marginal_kinks, year_payroll
from .dismissal import (
    Settlement,
    average_daily_earnings,
    final_settlement,
    leave_months,
    unused_leave_days,
)
from .errors import (
    CalcError,
    InputError,
    OutOfRangeError,
    RuleDataError,
    ScaleDefinitionError,
    UnknownScaleError,
)
from .income_tax import Children, ndfl, ndfl_detail, withholding
from .long_service import (
    SCALES,
    IncrementScale,
    Scale,
    SeniorityResult,
    StepScale,
    custom_scale,
    get_scale,
    seniority,
    seniority_bonus,
    seniority_on,
    seniority_rate,
)
from .payslip import Allowance, Payslip, pay_lines, payslip
from .rules import rulebook
from .service import (
    Period,
    ServiceLength,
    date_reaching,
    merge_periods,
    service_length,
    service_since,
)
from .timepay import (
    daily_tariff_pay,
    holiday_pay,
    hourly_rate,
    hourly_tariff_pay,
    night_surcharge,
    overtime_pay,
    salary_for_days,
    salary_for_hours,
    salary_for_month,
    shift_pay,
)

__all__ = [
    "FUNDS",
    "KINDS",
    "SCALES",
    "AdvanceResult",
    "Allowance",
    "CalcError",
    "Children",
    "Day",
    "IncrementScale",
    "InputError",
    "MonthCost",
    "OutOfRangeError",
    "Payslip",
    "Period",
    "RuleDataError",
    "Scale",
    "ScaleDefinitionError",
    "SeniorityResult",
    "ServiceLength",
    "Settlement",
    "StepScale",
    "UnknownScaleError",
    "YearResult",
    "advance",
    "annual_payroll",
    "average_daily_earnings",
    "custom_scale",
    "daily_tariff_pay",
    "date_reaching",
    "employer_cost",
    "final_settlement",
    "get_scale",
    "holiday_pay",
    "hourly_rate",
    "hourly_tariff_pay",
    "hours_norm",
    "leave_months",
    "marginal_kinks",
    "merge_periods",
    "month_days",
    "ndfl",
    "ndfl_detail",
    "night_surcharge",
    "overtime_pay",
    "pay_lines",
    "payslip",
    "rulebook",
    "salary_for_days",
    "salary_for_hours",
    "salary_for_month",
    "seniority",
    "seniority_bonus",
    "seniority_on",
    "seniority_rate",
    "service_length",
    "service_since",
    "shift_pay",
    "tariff",
    "unused_leave_days",
    "withholding",
    "work_hours",
    "working_days",
    "working_days_between",
    "year_payroll",
    "year_work_hours",
    "year_working_days",
]
