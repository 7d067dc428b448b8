"""The calculators for Russia, as the start page lists them: (notebook name, title, the question it answers).

Their texts are in the Russian catalogue only (the Vietnamese one serves the Vietnamese apps' list,
``payroll_ui/apps/vn_apps.py``): see ``calc.core.i18n.CATALOGUE_CODE``."""

from __future__ import annotations

from calc.core.i18n import _
from calc.core.text import Text

APPS: list[tuple[str, Text, Text]] = [
    ("seniority", _("Long-service (seniority) bonus"),
     _("How much is my long-service allowance, and when does it go up? By the law's scale or your collective "
       "agreement's.")),
    ("advance", _("The advance and pay days"),
     _("How much should the advance be, how much tax comes off it, and what is left for the end of the month?")),
    ("cost", _("What an employee costs the employer"),
     _("What do I get in hand from my salary, and what does the employer pay in all, with the contributions?")),
    ("payslip", _("Payslip and the year"),
     _("Is my payslip right? Every line of a month's pay, the tax, the advance, and the whole year.")),
    ("dismissal", _("Final settlement on dismissal"),
     _("What am I owed on my last day: pay for the month, money for unused leave, the tax and the amount in "
       "hand.")),
    ("leave", _("Leave pay"),
     _("How much leave pay will I get, for which days, and by which day must it be paid?")),
    ("sick", _("Sick pay and maternity pay"),
     _("How much will my sick note or maternity leave pay, and what do the employer and the Social Fund each "
       "pay?")),
    ("late_pay", _("Compensation for late pay"),
     _("How much does the employer owe me for paying my wages, leave pay or settlement late?")),
    ("payslip_check", _("Check my payslip"),
     _("Is each line of my payslip right by the law — and if not, by how much and in whose favour?")),
    ("bargaining", _("Bargaining over a seniority scale"),
     _("What would a new seniority scale cost the employer, and what would the workers gain?")),
]
