"""The calculators for Vietnam, as the start page lists them: (notebook name, title, the question it answers).

Their texts are in the Vietnamese catalogue only (``calc.core.i18n.CATALOGUE_CODE``)."""

from __future__ import annotations

from calc.core.i18n import _
from calc.core.text import Text

APPS: list[tuple[str, Text, Text]] = [
    ("vn_pay", _("Gross pay, net pay and the employer's cost"),
     _("What do I get in hand from my salary, and what does the employer pay in all: every insurance "
       "contribution, the personal income tax, the union fund and the union dues, for the month and the year?")),
    ("vn_overtime", _("Overtime, night work and the advance"),
     _("How much is owed for overtime, for work at night and on days off and holidays, and what are the rules "
       "of a salary advance?")),
    ("vn_seniority", _("Seniority allowance in the public sector"),
     _("How much is the seniority allowance of a teacher, an officer or a civil servant beyond the frame, and "
       "when does it go up?")),
]
