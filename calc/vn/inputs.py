"""Checked inputs for Vietnam's formulas: amounts in whole đồng, the region, counts, yes/no answers.

Bad input raises :class:`~calc.core.errors.InputError` with a message in Vietnamese and English
saying what is wrong and what is allowed. The đồng has no minor unit, so in a typed amount dots,
commas and spaces are digit-group separators: "10.000.000", "10,000,000" and "10 000 000" are ten
million đồng; "1000.5" is a fraction, refused.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from calc.core.errors import InputError
from calc.core.i18n import Message, _
from calc.core.money import dec
from calc.core.rules import rulebook
from calc.core.text import dong, num

COUNTRY = "vn"
MAX_DONG = Decimal(10) ** 11
"""100 billion đồng a month: anything larger is a typing mistake."""
REGIONS = ("I", "II", "III", "IV")
EMPLOYERS = ("enterprise", "state_enterprise", "public_unit", "state_budget")


_GROUPED = re.compile(r"\d{1,3}([.,  \u00a0]\d{3})+")
"""10.000.000 / 10,000,000 / 10 000 000: digit groups (the đồng has no minor unit)."""
_SEPARATORS = str.maketrans("", "", ".,  \u00a0")


def _shown(value: object) -> str:
    return str(value)[:40]


def dong_amount(value: object, field: str, what: Message, *, maximum: Decimal = MAX_DONG) -> Decimal:
    """A checked amount of money in whole đồng, from 0 to ``maximum``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(_("Please enter {what}.", what=what), field)
    if isinstance(value, bool):
        raise InputError(_("Please enter {what} as a number of đồng.", what=what), field)
    try:
        if isinstance(value, str):
            value = value.strip().rstrip("₫đ").strip()
            value = value.translate(_SEPARATORS) if _GROUPED.fullmatch(value) else value.replace(",", ".")
        d = dec(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        raise InputError(
            _("Please enter {what} as a number of đồng (got '{got}').", what=what, got=_shown(value)), field
        ) from None
    if not d.is_finite():
        raise InputError(_("Please enter {what} as a number of đồng (got '{got}').", what=what, got=_shown(d)), field)
    if d != d.to_integral_value():
        raise InputError(
            _(
                "Please enter {what} in whole đồng: the đồng has no smaller unit (got {got}).",
                what=what,
                got=lambda lang, d=d: num(d, lang, "#,##0.####"),
            ),
            field,
        )
    if not 0 <= d <= maximum:
        raise InputError(
            _(
                "Please enter {what} from 0 to {top} (got {got}).",
                what=what,
                top=lambda lang: dong(maximum, lang),
                got=lambda lang, d=d: dong(d, lang),
            ),
            field,
        )
    return Decimal(int(d))


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
    """A whole number from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InputError(_("Please enter {what} as a whole number (got '{got}').", what=what, got=_shown(value)), field)
    try:
        d = dec(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError):
        raise InputError(
            _("Please enter {what} as a whole number (got '{got}').", what=what, got=_shown(value)), field
        ) from None
    if not d.is_finite() or d != d.to_integral_value() or not low <= d <= high:
        raise InputError(
            _(
                "Please enter {what} as a whole number from {low} to {high} (got '{got}').",
                what=what,
                low=low,
                high=high,
                got=_shown(value),
            ),
            field,
        )
    return int(d)


def number(value: object, field: str, what: Message, *, high: int) -> Decimal:
    """A number (not necessarily whole) from 0 to ``high``: hours, a rate."""
    try:
        ok = not isinstance(value, bool) and isinstance(value, int | str | Decimal)
        d = dec(value.strip().replace(",", ".") if isinstance(value, str) else value) if ok else None  # type: ignore[arg-type]
    except (InvalidOperation, ValueError):
        d = None
    if d is None or not d.is_finite() or not 0 <= d <= high:
        raise InputError(
            _("Please enter {what} as a number from 0 to {high} (got '{got}').", what=what, high=high,
              got=_shown(value)),
            field,
        )
    return d


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
