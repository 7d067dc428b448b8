"""Exact money: Decimal amounts, the law's rounding rules, and checked conversion of inputs.

Amounts are ``Decimal``. Kopecks are rounded half up; НДФЛ is rounded to whole rubles
(НК РФ ст. 52 п. 6: under 50 kopecks dropped, 50 and over rounded up). An input amount is checked by
:func:`amount` in its currency (``currency="RUB"``, the default, or ``"VND"``: whole đồng, see :data:`CURRENCIES`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, NamedTuple

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.text import Text, dong, num_exact, tr

Number = Decimal | int | float | str

KOPECK = Decimal("0.01")
RUBLE = Decimal("1")
ZERO = Decimal(0)

AMOUNT = pgettext("what to enter", "the amount")
MAX_AMOUNT = Decimal("1000000000")  # 1 billion rubles: anything larger is a typing mistake


class Rounding(NamedTuple):
    """A rounding rule: quantum, mode, and how to say it (a message)."""

    quantum: Decimal | None
    mode: str
    label: Text

    def say(self, lang: str) -> str:
        """How to say it in ``lang``."""
        return tr(self.label, lang)


ROUNDINGS: dict[str, Rounding] = {
    "kopeck": Rounding(KOPECK, ROUND_HALF_UP, _("to kopecks, half up")),
    "ruble": Rounding(
        RUBLE, ROUND_HALF_UP, _("to whole rubles: under 50 kopecks dropped, 50 kopecks and over rounded up")
    ),
    "hundredth_up": Rounding(KOPECK, ROUND_CEILING, _("up to hundredths, in the worker's favour")),
    "dong": Rounding(RUBLE, ROUND_HALF_UP, _("to whole đồng, half up")),
    "none": Rounding(None, ROUND_HALF_UP, _("not rounded")),
}


def dec(value: Number) -> Decimal:
    """Decimal from an int, str, Decimal or float (a float goes through its shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_to(value: Decimal | Fraction, rule: str) -> Decimal:
    """Round ``value`` by a named rule of ``ROUNDINGS``.

    A ``Fraction`` (an exact quotient) is rounded exactly, so 37,958.125 rounds half up to .13
    even where a 28-digit Decimal division would have cut it to 37,958.124999….
    """
    r = ROUNDINGS[rule]
    if isinstance(value, Fraction):
        if r.quantum is None:
            return to_decimal(value)
        steps = value / Fraction(r.quantum)
        if r.mode == ROUND_CEILING:
            k = math.ceil(steps)
        else:  # half up: halves away from zero
            k = math.floor(abs(steps) + Fraction(1, 2)) * (1 if steps >= 0 else -1)
        return Decimal(k) * r.quantum
    return value if r.quantum is None else value.quantize(r.quantum, rounding=r.mode)


def to_decimal(value: Fraction) -> Decimal:
    """A Fraction as a Decimal (exact when it terminates, else to 28 significant digits)."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def kopecks(value: Number) -> Decimal:
    """Round to kopecks, half up."""
    return dec(value).quantize(KOPECK, rounding=ROUND_HALF_UP)


def rubles(value: Number) -> Decimal:
    """Round to whole rubles, half up (НК РФ ст. 52 п. 6)."""
    return dec(value).quantize(RUBLE, rounding=ROUND_HALF_UP)


# Messages address the user in the imperative ("Укажите оклад …", "Please enter the salary …"), so
# callers pass the name of the quantity in the accusative ("полную стоимость", "часовую ставку").


_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")  # "120,000": 120 thousand or 120.000?


def _shown(d: Decimal) -> Callable[[str], str]:
    """A number as the message's language writes it (for the texts of the input checks)."""
    return lambda lang: num_exact(d, lang)


def _got(value: object) -> str:
    return repr(str(value)[:40])


def _plain_number(text: str, field: str, what: Text) -> str:
    """A typed number with one decimal separator (a dot or a comma) and spaces between thousands.

    Refused as ambiguous: a comma before exactly three digits ("120,000" — 120 thousand in English,
    120 in Russian) and mixed or repeated separators ("1,234.56", "1.200.000")."""
    s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    seps = s.count(",") + s.count(".")
    grouped = seps == 1 and _GROUPED.fullmatch(s) is not None and s == text.strip()
    if seps > 1 or grouped:
        raise InputError(
            _(
                "The number '{text}' can be read two ways. Please enter {what} without thousands separators "
                "(or with spaces between thousands) and one decimal mark, a comma or a dot: "
                "120000, 120 000, 120000,50 or 120000.50.",
                text=text.strip()[:40],
                what=what,
            ),
            field,
        )
    return s.replace(",", ".")


class Currency(NamedTuple):
    """How an amount of a currency is typed, checked and said: its smallest unit (``quantum``), the largest
    plausible amount, how an amount is shown in a message, and the message for a text that is not an amount."""

    code: str
    quantum: Decimal
    maximum: Decimal
    shown: Callable[[Decimal, str], str]
    not_a_number: Callable[[Text, object], Text]

    @property
    def whole(self) -> bool:
        """No minor unit (the đồng): a typed amount's dots and commas group digits, a fraction is refused."""
        return self.quantum == RUBLE


def _rub(d: Decimal, lang: str) -> str:
    return f"{num_exact(d, 'ru')} ₽" if lang == "ru" else f"{num_exact(d, 'en')} RUB"


CURRENCIES: dict[str, Currency] = {
    "RUB": Currency("RUB", KOPECK, MAX_AMOUNT, _rub,
                    lambda what, got: _("Please enter {what} as a number (got '{got}').", what=what, got=got)),
    "VND": Currency("VND", RUBLE, Decimal(10) ** 11, dong,
                    lambda what, got: _("Please enter {what} as a number of đồng (got '{got}').", what=what,
                                        got=str(got)[:40])),
}
"""Rubles (kopecks, up to 1 billion) and Vietnamese đồng (no minor unit: Law on Accounting 88/2015/QH13 art. 10;
up to 100 billion a month, anything larger is a typing mistake)."""

_DONG_GROUPED = re.compile(r"\d{1,3}([.,\s\u00a0\u202f]\d{3})+")
"""10.000.000 / 10,000,000 / 10 000 000: digit groups of an amount in đồng (which has no minor unit)."""


def _whole_unit_text(text: str) -> str:
    """A typed amount of a currency without a minor unit: digit groups joined, a trailing ₫ or đ dropped;
    otherwise a comma is read as a decimal mark (and the fraction refused later)."""
    s = text.strip().rstrip("₫đ").strip()
    return re.sub(r"[.,\s\u00a0\u202f]", "", s) if _DONG_GROUPED.fullmatch(s) else s.replace(",", ".")


def _number(value: object, field: str, what: Text, currency: Currency | None = None) -> Decimal:
    """A finite number; in a ``currency`` without a minor unit, digit groups are read as such."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(_("Please enter {what}.", what=what), field)
    if isinstance(value, bool):
        if currency is not None and currency.whole:
            raise InputError(currency.not_a_number(what, value), field)
        raise InputError(_("Please enter {what} as a number.", what=what), field)
    if isinstance(value, str):
        value = _whole_unit_text(value) if currency is not None and currency.whole else _plain_number(value, field,
                                                                                                     what)
    try:
        d = dec(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        not_a_number = (currency or CURRENCIES["RUB"]).not_a_number
        raise InputError(not_a_number(what, value), field) from None
    if not d.is_finite():
        raise InputError(_("Please enter {what} as a finite number.", what=what), field)
    return d


def amount(
    value: object,
    field: str = "amount",
    what: Text = AMOUNT,
    *,
    allow_zero: bool = True,
    maximum: Decimal | None = None,
    currency: str = "RUB",
) -> Decimal:
    """A checked money amount in ``currency``: a finite number from 0 to ``maximum`` (the currency's largest
    plausible amount if not given). Rubles: 75000 → 75000.00, an unrounded 0.125 kept as given. Đồng
    (``"VND"``): whole đồng only ("10.000.000", "10,000,000 ₫" are ten million; "1000.5" is refused)."""
    cur = CURRENCIES[currency]
    top_amount = cur.maximum if maximum is None else maximum
    d = _number(value, field, what, cur)
    if cur.whole and d != d.to_integral_value():
        raise InputError(_("Please enter {what} in whole đồng: the đồng has no smaller unit (got {got}).", what=what,
                           got=_shown(d)), field)
    if d < 0 or (d == 0 and not allow_zero) or d > top_amount:
        top = lambda lang: cur.shown(top_amount, lang)  # noqa: E731
        span = _("from 0 to {top}", top=top) if allow_zero else _("above 0 and up to {top}", top=top)
        if cur.whole:
            got = lambda lang: cur.shown(d, lang)  # noqa: E731
        else:
            got = lambda lang: f"{num_exact(d, 'ru')} ₽" if lang == "ru" else num_exact(d, "en")  # noqa: E731
        raise InputError(_("Please enter {what} {span} (got {got}).", what=what, span=span, got=got), field)
    if cur.whole:
        return Decimal(int(d))
    return d.quantize(KOPECK) if d.as_tuple().exponent > -2 else d


def number(
    value: object,
    field: str,
    what: Text,
    *,
    low: Number = 0,
    high: Number = 10**9,
    integer: bool = False,
) -> Decimal:
    """A checked number within [low, high] (optionally whole)."""
    d = _number(value, field, what)
    lo, hi = dec(low), dec(high)
    if integer and d != d.to_integral_value():
        raise InputError(_("Please enter {what} as a whole number (got {got}).", what=what, got=_shown(d)), field)
    if not lo <= d <= hi:
        raise InputError(
            _(
                "Please enter {what} from {low} to {high} (got {got}).",
                what=what,
                low=_shown(lo),
                high=_shown(hi),
                got=_shown(d),
            ),
            field,
        )
    return d


def rate(value: object, field: str, what: Text, *, high: Number = 10) -> Decimal:
    """A checked rate given as a fraction (0.15 for 15 %); the message speaks in percent."""
    d = _number(value, field, what)
    hi = dec(high)
    if not 0 <= d <= hi:
        hint: Text = ""
        if 1 < d <= 100:
            hint = _("; a share is written as a fraction: {fraction} means {share}%", fraction=_shown(d / 100),
                     share=_shown(d))
        raise InputError(
            _(
                "Please enter {what} from 0 to {top}% (got {got} = {pct}%{hint}).",
                what=what,
                top=_shown((hi * 100).normalize()),
                got=_shown(d),
                pct=_shown((d * 100).normalize()),
                hint=hint,
            ),
            field,
        )
    return d


def a_date(value: object, field: str, what: Text) -> date:
    """A calendar date input (a ``datetime.date``); anything else is refused with a clear message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise InputError(_("Please enter {what} as a date (e.g. 2024-06-10), got {got}.", what=what, got=_got(value)),
                     field)


def flag(value: object, field: str, what: Text) -> bool:
    """A yes/no input: ``True`` / ``False`` (or 1 / 0); anything else is refused, not guessed."""
    if hasattr(value, "item") and not isinstance(value, Decimal):
        value = value.item()  # a numpy scalar
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InputError(_("Please enter {what}: yes or no (True / False), got {got}.", what=what, got=_got(value)),
                     field)


def floor_int(value: Decimal) -> int:
    """Whole part of a non-negative Decimal."""
    return math.floor(value)


def listed(value: object, field: str, what: Text) -> list[Any]:
    """A list given as a list or tuple (or another sequence); text, a lone number or a mapping is refused,
    so "123456" is never read as six months of income, one per character."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputError(
            _("Please enter {what} as a list, e.g. [60000, 60000], got {got}.", what=what, got=_got(value)), field
        )
    return list(value)


def amounts(value: object, field: str, what: Text, *, most: int | None = None) -> list[Decimal]:
    """A list of checked amounts (``most``: the longest list allowed, e.g. 12 months)."""
    items = listed(value, field, what)
    if most is not None and len(items) > most:
        raise InputError(
            _("Please enter {what}: at most {most} values (got {n}).", what=what, most=most, n=len(items)), field
        )
    return [amount(x, field, what) for x in items]


def items_of(value: object, kind: type | tuple[type, ...], field: str, what: Text) -> list[Any]:
    """A list whose every element is of ``kind`` (e.g. ``Debt``); anything else is refused."""
    items = listed(value, field, what)
    for x in items:
        if not isinstance(x, kind):
            raise InputError(
                _("Please enter {what}: the list may hold only the records it is for, got {got}.", what=what,
                  got=_got(x)),
                field,
            )
    return items


def choice(value: object, options: Iterable[str], field: str, what: Text) -> str:
    """One of the ``options`` (a text key such as a kind of employer); anything else is refused."""
    opts = list(options)
    if not isinstance(value, str) or value not in opts:
        raise InputError(
            _("Please enter {what}: one of {options} (got {got}).", what=what, options=", ".join(opts),
              got=_got(value)),
            field,
        )
    return value


def date_order(start: date, end: date, field: str) -> None:
    """Refuse a period whose end comes before its start."""
    if end < start:
        raise InputError(
            _(
                "The end date {end} is before the start date {start}: give the dates in order.",
                end=end.isoformat(),
                start=start.isoformat(),
            ),
            field,
        )
