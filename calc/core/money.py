"""Exact money: Decimal amounts, the law's rounding rules, and checked conversion of inputs.

Amounts are ``Decimal``. Kopecks are rounded half up; НДФЛ is rounded to whole rubles
(НК РФ ст. 52 п. 6: under 50 kopecks dropped, 50 and over rounded up).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, NamedTuple

from calc.core.errors import InputError

Number = Decimal | int | float | str

KOPECK = Decimal("0.01")
RUBLE = Decimal("1")
ZERO = Decimal(0)

MAX_AMOUNT = Decimal("1000000000")  # 1 billion rubles: anything larger is a typing mistake


class Rounding(NamedTuple):
    """A rounding rule: quantum, mode, and how to say it."""

    quantum: Decimal | None
    mode: str
    ru: str
    en: str
    vi: str = ""

    def say(self, lang: str) -> str:
        """How to say it in ``lang`` (English when there are no words in that language)."""
        return getattr(self, lang, "") or self.en


ROUNDINGS: dict[str, Rounding] = {
    "kopeck": Rounding(KOPECK, ROUND_HALF_UP, "до копеек, половина — вверх", "to kopecks, half up"),
    "ruble": Rounding(
        RUBLE,
        ROUND_HALF_UP,
        "до полных рублей: меньше 50 коп. отбрасывается, 50 коп. и более — до рубля",
        "to whole rubles: under 50 kopecks dropped, 50 kopecks and over rounded up",
    ),
    "hundredth_up": Rounding(
        KOPECK, ROUND_CEILING, "до сотых в пользу работника", "up to hundredths, in the worker's favour"
    ),
    "dong": Rounding(
        RUBLE,
        ROUND_HALF_UP,
        "до целого донга, половина — вверх",
        "to whole đồng, half up",
        "làm tròn đến đồng, từ 0,5 đồng trở lên làm tròn lên",
    ),
    "none": Rounding(None, ROUND_HALF_UP, "без округления", "not rounded", "không làm tròn"),
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


def _ru_num(d: Decimal) -> str:
    return _en_num(d).replace(",", "\u00a0").replace(".", ",")


def _en_num(d: Decimal) -> str:
    if abs(d.adjusted()) > 15:  # a typing slip like 1e400: say it short
        return f"{d:.2E}"
    return f"{d:,f}"


_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")  # "120,000": 120 thousand or 120.000?


def _plain_number(text: str, field: str, what_ru: str, what_en: str) -> str:
    """A typed number with one decimal separator (a dot or a comma) and spaces between thousands.

    Refused as ambiguous: a comma before exactly three digits ("120,000" — 120 thousand in English,
    120 in Russian) and mixed or repeated separators ("1,234.56", "1.200.000")."""
    s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    seps = s.count(",") + s.count(".")
    grouped = seps == 1 and _GROUPED.fullmatch(s) is not None and s == text.strip()
    if seps > 1 or grouped:
        raise InputError(
            f"Число «{text.strip()[:40]}» можно прочитать двояко. Укажите {what_ru} без разделителей тысяч "
            "или с пробелами между ними и с одним десятичным знаком — запятой или точкой: "
            "120000, 120 000, 120000,50 или 120000.50.",
            f"The number '{text.strip()[:40]}' can be read two ways. Please enter {what_en} without "
            "thousands separators (or with spaces between thousands) and one decimal mark, a comma or a dot: "
            "120000, 120 000, 120000,50 or 120000.50.",
            field,
        )
    return s.replace(",", ".")


def _number(value: object, field: str, what_ru: str, what_en: str) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f"Укажите {what_ru}.", f"Please enter {what_en}.", field)
    if isinstance(value, bool):
        raise InputError(f"Укажите {what_ru} числом.", f"Please enter {what_en} as a number.", field)
    if isinstance(value, str):
        value = _plain_number(value, field, what_ru, what_en)
    try:
        d = dec(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        raise InputError(
            f"Укажите {what_ru} числом (получено: «{value}»).",
            f"Please enter {what_en} as a number (got '{value}').",
            field,
        ) from None
    if not d.is_finite():
        raise InputError(f"Укажите {what_ru} конечным числом.", f"Please enter {what_en} as a finite number.", field)
    return d


def amount(
    value: object,
    field: str = "amount",
    what_ru: str = "сумму",
    what_en: str = "the amount",
    *,
    allow_zero: bool = True,
    maximum: Decimal = MAX_AMOUNT,
) -> Decimal:
    """A checked money amount in rubles: a finite number from 0 to ``maximum``."""
    d = _number(value, field, what_ru, what_en)
    if d < 0 or (d == 0 and not allow_zero) or d > maximum:
        top_ru, top_en = f"{_ru_num(maximum)} ₽", f"{_en_num(maximum)} RUB"
        span_ru = f"от 0 до {top_ru}" if allow_zero else f"больше 0 и не больше {top_ru}"
        span_en = f"from 0 to {top_en}" if allow_zero else f"above 0 and up to {top_en}"
        raise InputError(
            f"Укажите {what_ru} {span_ru} (получено: {_ru_num(d)} ₽).",
            f"Please enter {what_en} {span_en} (got {_en_num(d)}).",
            field,
        )
    return d.quantize(KOPECK) if d.as_tuple().exponent > -2 else d  # 75000 → 75000.00, 0.125 kept as given


def number(
    value: object,
    field: str,
    what_ru: str,
    what_en: str,
    *,
    low: Number = 0,
    high: Number = 10**9,
    integer: bool = False,
) -> Decimal:
    """A checked number within [low, high] (optionally whole)."""
    d = _number(value, field, what_ru, what_en)
    lo, hi = dec(low), dec(high)
    if integer and d != d.to_integral_value():
        raise InputError(
            f"Укажите {what_ru} целым числом (получено: {_ru_num(d)}).",
            f"Please enter {what_en} as a whole number (got {_en_num(d)}).",
            field,
        )
    if not lo <= d <= hi:
        raise InputError(
            f"Укажите {what_ru} от {_ru_num(lo)} до {_ru_num(hi)} (получено: {_ru_num(d)}).",
            f"Please enter {what_en} from {_en_num(lo)} to {_en_num(hi)} (got {_en_num(d)}).",
            field,
        )
    return d


def rate(value: object, field: str, what_ru: str, what_en: str, *, high: Number = 10) -> Decimal:
    """A checked rate given as a fraction (0.15 for 15 %); the message speaks in percent."""
    d = _number(value, field, what_ru, what_en)
    hi = dec(high)
    if not 0 <= d <= hi:
        pct = (d * 100).normalize()
        top = (hi * 100).normalize()
        hint_ru, hint_en = "", ""
        if 1 < d <= 100:
            hint_ru = f"; доля пишется дробью: {_ru_num(d / 100)} — это {_ru_num(d)} %"
            hint_en = f"; a share is written as a fraction: {_en_num(d / 100)} means {_en_num(d)}%"
        raise InputError(
            f"Укажите {what_ru} от 0 до {_ru_num(top)} % (получено: {_ru_num(d)} = {_ru_num(pct)} %{hint_ru}).",
            f"Please enter {what_en} from 0 to {_en_num(top)}% (got {_en_num(d)} = {_en_num(pct)}%{hint_en}).",
            field,
        )
    return d


def a_date(value: object, field: str, what_ru: str, what_en: str) -> date:
    """A calendar date input (a ``datetime.date``); anything else is refused with a clear message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise InputError(
        f"Укажите {what_ru} — дату (например, 2024-06-10), получено {str(value)[:40]!r}.",
        f"Please enter {what_en} as a date (e.g. 2024-06-10), got {str(value)[:40]!r}.",
        field,
    )


def flag(value: object, field: str, what_ru: str, what_en: str) -> bool:
    """A yes/no input: ``True`` / ``False`` (or 1 / 0); anything else is refused, not guessed."""
    if hasattr(value, "item") and not isinstance(value, Decimal):
        value = value.item()  # a numpy scalar
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InputError(
        f"Укажите {what_ru}: да или нет (True / False), получено {str(value)[:40]!r}.",
        f"Please enter {what_en}: yes or no (True / False), got {str(value)[:40]!r}.",
        field,
    )


def floor_int(value: Decimal) -> int:
    """Whole part of a non-negative Decimal."""
    return math.floor(value)


def listed(value: object, field: str, what_ru: str, what_en: str) -> list[Any]:
    """A list given as a list or tuple (or another sequence); text, a lone number or a mapping is refused,
    so "123456" is never read as six months of income, one per character."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputError(
            f"Укажите {what_ru} списком, например [60000, 60000], получено {str(value)[:40]!r}.",
            f"Please enter {what_en} as a list, e.g. [60000, 60000], got {str(value)[:40]!r}.",
            field,
        )
    return list(value)


def amounts(value: object, field: str, what_ru: str, what_en: str, *, most: int | None = None) -> list[Decimal]:
    """A list of checked amounts (``most``: the longest list allowed, e.g. 12 months)."""
    items = listed(value, field, what_ru, what_en)
    if most is not None and len(items) > most:
        raise InputError(
            f"Укажите {what_ru}: не больше {most} значений (получено {len(items)}).",
            f"Please enter {what_en}: at most {most} values (got {len(items)}).",
            field,
        )
    return [amount(x, field, what_ru, what_en) for x in items]


def items_of(value: object, kind: type | tuple[type, ...], field: str, what_ru: str, what_en: str) -> list[Any]:
    """A list whose every element is of ``kind`` (e.g. ``Debt``); anything else is refused."""
    items = listed(value, field, what_ru, what_en)
    for x in items:
        if not isinstance(x, kind):
            raise InputError(
                f"Укажите {what_ru}: в списке должны быть только нужные записи, получено {str(x)[:40]!r}.",
                f"Please enter {what_en}: the list may hold only the records it is for, got {str(x)[:40]!r}.",
                field,
            )
    return items


def choice(value: object, options: Iterable[str], field: str, what_ru: str, what_en: str) -> str:
    """One of the ``options`` (a text key such as a kind of employer); anything else is refused."""
    opts = list(options)
    if not isinstance(value, str) or value not in opts:
        listed_opts = ", ".join(opts)
        raise InputError(
            f"Укажите {what_ru}: одно из {listed_opts} (получено {str(value)[:40]!r}).",
            f"Please enter {what_en}: one of {listed_opts} (got {str(value)[:40]!r}).",
            field,
        )
    return value


def date_order(start: date, end: date, field: str) -> None:
    """Refuse a period whose end comes before its start."""
    if end < start:
        raise InputError(
            f"Дата окончания {end.isoformat()} раньше даты начала {start.isoformat()}: укажите даты по порядку.",
            f"The end date {end.isoformat()} is before the start date {start.isoformat()}: give the dates in order.",
            field,
        )
