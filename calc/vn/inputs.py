"""Checked inputs for Vietnam's formulas: amounts in whole đồng, the region, counts, yes/no answers.

Bad input raises :class:`~calc.core.errors.InputError` with a message in Vietnamese and English
saying what is wrong and what is allowed. Amounts and numbers go through the core checks
(:func:`calc.core.money.amount` with ``currency="VND"``, :func:`calc.core.money.number`): the đồng has no
minor unit, so in a typed amount dots, commas and spaces are digit-group separators — "10.000.000",
"10,000,000" and "10 000 000" are ten million đồng; "1000.5" is a fraction, refused.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.i18n import Message, _
from calc.core.money import CURRENCIES, amount
from calc.core.money import number as core_number
from calc.core.rules import rulebook

COUNTRY = "vn"
MAX_DONG = CURRENCIES["VND"].maximum
"""100 billion đồng a month: anything larger is a typing mistake."""
REGIONS = ("I", "II", "III", "IV")
EMPLOYERS = ("enterprise", "state_enterprise", "public_unit", "state_budget")


def _shown(value: object) -> str:
    return str(value)[:40]


def dong_amount(value: object, field: str, what: Message, *, maximum: Decimal = MAX_DONG) -> Decimal:
    """A checked amount of money in whole đồng, from 0 to ``maximum`` (the core check in đồng)."""
    return amount(value, field, what, maximum=maximum, currency="VND")


def region(value: object) -> str:
    """The minimum-wage region: I, II, III or IV (also 1–4)."""
    text = str(value).strip().upper() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if text in {"1", "2", "3", "4"}:
        text = REGIONS[int(text) - 1]
    if text not in REGIONS:
        raise InputError(
            _("Please choose the region: I, II, III or IV (got '{got}').", got=_shown(value)), "region"
        )
    return text


def whole(value: object, field: str, what: Message, *, low: int = 0, high: int = 100) -> int:
    """A whole number from ``low`` to ``high`` (the core check)."""
    return int(core_number(value, field, what, low=low, high=high, integer=True))


def number(value: object, field: str, what: Message, *, high: int) -> Decimal:
    """A number (not necessarily whole) from 0 to ``high``: hours, a rate (the core check)."""
    return core_number(value, field, what, low=0, high=high)


def yes_no(value: object, field: str, what: Message) -> bool:
    """A yes/no answer: ``True`` or ``False`` (or 1 / 0)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InputError(_("Please answer {what}: yes or no (got '{got}').", what=what, got=_shown(value)), field)


def employer_type(value: object) -> str:
    if value not in EMPLOYERS:
        raise InputError(
            _(
                "Please choose the type of employer: enterprise, state_enterprise, public_unit or state_budget "
                "(got '{got}').",
                got=_shown(value),
            ),
            "employer",
        )
    return str(value)


def month_start(year: object, month: object) -> date:
    """The first day of a month the rules cover."""
    if year is None:
        raise InputError(_("Please enter {what}.", what=_("the year")), "year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(_("Please enter the year as a whole number (got '{got}').", got=_shown(year)), "year")
    rulebook(COUNTRY).check_year(year)
    m = whole(month, "month", _("the month"), low=1, high=12)
    return date(year, m, 1)


def one_of(**given: Any) -> str:
    """The name of the one input given (not None) among ``given``; an error if none or several."""
    names = [k for k, v in given.items() if v is not None]
    if len(names) != 1:
        raise InputError(_("Please give exactly one of: gross pay, net pay or total cost to the employer."), "gross")
    return names[0]
