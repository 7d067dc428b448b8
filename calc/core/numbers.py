"""Numbers as people type them: read the way the language writes them (the pages' fields, the command line).

Pure (babel only): the UI kit (:mod:`payroll_ui.kit`) and the command line of :mod:`calc.workforce.dask` share it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from babel.numbers import NumberFormatError
from babel.numbers import parse_decimal as babel_decimal

from calc.core.errors import InputError
from calc.core.i18n import _
from calc.core.text import LOCALES, num

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_UNIT = re.compile(r"\s*(₽|руб\.?|р\.|rub|RUB|₫|đồng|đ|VND|%)\s*$")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}[.,]\d{3}")
_POINT_DECIMAL = re.compile(r"[-+]?\d+\.(\d{1,2}|\d{4,})")
"""On the Vietnamese page a point groups thousands (12.345.678); one point before 1, 2 or 4+ digits can only be
a decimal point (a link carries numbers so: 4.98, 1.5)."""


def read_number(text: Any, lang: str, field: str) -> Decimal:
    """A number typed into a field, read the way the page's language writes it (babel, strict).

    Accepted: "120000", "120 000", "120 000 ₽", "120 000,50" (ru), "120,000.50" (en: the page's own
    formats, also a trailing ₽, ₫ or %), "12.345.678 ₫", "1,5" and "1.5" (vi: a point before other than three
    digits is a decimal point); in Russian a decimal point too
    ("8300.50"). Refused with a message at the field: a text that could mean two numbers — "120,000" or
    "120.000" on the Russian page (120 or 120 000?), "120,000" on the Vietnamese page (a comma is the decimal
    mark there, a dot groups the thousands), "8300,50" on the English page — and anything that is not a
    number.
    """
    raw = str(text if text is not None else "").strip()
    s = _SPACES.sub("", _UNIT.sub("", raw))
    if not s:
        raise InputError(_("Please enter a number."), field)
    locale = LOCALES.get(lang, "ru_RU")
    if lang == "ru" or (lang == "vi" and "," in s):
        if _THOUSANDS.fullmatch(s):
            small, large = Decimal(s.replace(",", ".")).normalize(), Decimal(s.replace(",", "").replace(".", ""))
            raise InputError(
                _(
                    "'{text}' could mean {small} or {large}. Please write the number without a thousands separator "
                    "({plain}) or with a space between the thousands.",
                    text=raw,
                    small=lambda lg: num(small, lg, "#,##0.###"),
                    large=lambda lg: num(large, lg, "#,##0"),
                    plain=format(large, "f"),
                ),
                field,
            )
        if lang == "ru" and "," in s and "." in s:  # one groups the thousands: accept it only as English writes it
            locale = "en_US"
    if lang == "vi" and _POINT_DECIMAL.fullmatch(s):  # "4.98", "1.5": a point before other than 3 digits is no group
        locale = "en_US"
    try:
        d = babel_decimal(s, locale=locale, strict=True)
    except NumberFormatError:
        if lang == "en" and re.fullmatch(r"[-+]?[\d,]*\d,\d{1,2}", s):
            raise InputError(
                _(
                    "'{text}' is not a number as English writes it: the decimal mark is a point and a comma separates "
                    "thousands (120,000.50). Did you mean {guess}?",
                    text=raw,
                    guess=s.replace(",", ".", s.count(",")),
                ),
                field,
            ) from None
        raise InputError(_("Please enter a number (you typed '{text}').", text=raw), field) from None
    if not d.is_finite():
        raise InputError(_("Please enter a number (you typed '{text}').", text=raw), field)
    return d
