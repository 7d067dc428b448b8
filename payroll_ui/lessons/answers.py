"""Reading and judging a learner's typed answer (pure: no widgets, no Jupyter).

A learner types what a payslip shows — "22 500", "22500,00", "22 500 ₽", "15 %", "август",
"14.11.2029" — and gets a verdict: right, close (a rounding slip), a known mistake, wrong, or a
clear message when the text cannot be read as an answer. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel import Locale

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.text import LOCALES, Text, day, dong, money, num, percent

UNITS = ("rub", "percent", "days", "hours", "years", "number", "month", "date", "vnd")
"""What an answer is measured in; decides how it is read and shown."""

MAX_LENGTH = 40

# Unit words a learner may type after the number (lower case; longest first when stripping).
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "rub": ("рублей", "рубля", "рубль", "руб.", "руб", "р.", "р", "₽", "roubles", "rubles", "rouble", "ruble", "rub"),
    "percent": ("%", "процентов", "процента", "процент", "percent", "pct"),
    "days": ("дней", "дня", "день", "дн.", "дн", "days", "day", "d"),
    "hours": ("часов", "часа", "час", "ч.", "ч", "hours", "hour", "hrs", "h"),
    "years": ("лет", "года", "год", "г.", "г", "years", "year", "y"),
    "number": (),
    "month": (),
    "date": (),
    "vnd": ("việt nam đồng", "đồng", "dong", "vnđ", "vnd", "đ", "₫"),
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_PLAIN = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d+[.,]\d+")
_GROUPED = re.compile(r"[+-]?\d{1,3}([,.]\d{3})+")
_DATE_RU = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*г\.?)?", re.UNICODE)

EXAMPLES: dict[str, Text] = {
    "rub": _("a number, for example 22,500 or 22500.00"),
    "percent": _("a percentage, for example 15 or 15%"),
    "days": _("a number of days, for example 9.34"),
    "hours": _("a number of hours, for example 168"),
    "years": _("a number of full years, for example 11"),
    "number": _("a number, for example 1.25"),
    "month": _("the month's number (1–12) or name, for example 8 or August"),
    "date": _("a date as DD.MM.YYYY, for example 14.11.2029"),
    "vnd": _("an amount in đồng, for example 1,250,000 or 1250000"),
}
"""What to type, for messages about unreadable answers."""

PLACEHOLDERS: dict[str, Text] = {
    "rub": _("e.g. 22,500.00"),
    "percent": _("e.g. 15%"),
    "days": _("e.g. 9.34"),
    "hours": _("e.g. 168"),
    "years": _("e.g. 11"),
    "number": _("e.g. 1.25"),
    "month": _("e.g. 8 or August"),
    "date": _("DD.MM.YYYY"),
    "vnd": _("e.g. 1,250,000"),
}
"""A short example shown in the empty answer box."""


def _unreadable(text: str, unit: str) -> InputError:
    shown = text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…"
    ex = EXAMPLES[unit]
    return InputError(
        _("Could not read the answer '{shown}'. Please type {ex}.", shown=shown, ex=lambda lang, ex=ex: ex[lang]),
        "answer",
    )


def _strip_suffix(s: str, unit: str) -> tuple[str, bool]:
    """Drop a trailing unit word; report whether a percent sign was there."""
    low = s.lower()
    for word in sorted(_SUFFIXES[unit], key=len, reverse=True):
        if low.endswith(word) and (len(word) > 1 or not low[-2:-1].isalpha()):
            return s[: len(s) - len(word)].rstrip(" .\u00a0\u202f"), unit == "percent"
    return s, False


def parse_number(text: str, lang: str = "ru") -> Decimal:
    """A number written the way people write money: spaces or commas between thousands, a decimal
    comma or point. Raises :class:`calc.InputError` (never anything else) when it cannot be read."""
    s = _SPACES.sub("", text.strip()).replace("−", "-").replace("–", "-")
    if _PLAIN.fullmatch(s):
        return Decimal(s)
    if "," in s and "." in s:
        dec_sep = "," if s.rfind(",") > s.rfind(".") else "."
        group = "." if dec_sep == "," else ","
        whole, _, frac = s.rpartition(dec_sep)
        if not (_GROUPED.fullmatch(whole) or _PLAIN.fullmatch(whole)) or not frac.isdigit():
            raise ValueError(text)
        return Decimal(whole.replace(group, "") + "." + frac)
    if _GROUPED.fullmatch(s) and (s.count(",") + s.count(".") > 1 or (lang == "en" and "," in s)):
        return Decimal(s.replace(",", "").replace(".", ""))
    if _DECIMAL.fullmatch(s):
        return Decimal(s.replace(",", "."))
    raise ValueError(text)


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for loc in LOCALES.values():
        months = Locale.parse(loc).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for m, name in months[context][width].items():
                    names[name.lower().rstrip(".")] = m
    return names


_MONTHS = _month_names()


def _parse_month(s: str) -> Decimal:
    if m := re.fullmatch(r"(.*?)\s*\((.*)\)\s*", s):  # "8 (август)" as the solution shows it
        outside, inside = (_parse_month(part) if part.strip() else None for part in m.groups())
        if outside is None or inside is None or outside == inside:
            found = outside or inside
            if found is not None:
                return found
        raise ValueError(s)
    low = s.lower().strip(" .")
    for prefix in ("в ", "in "):
        low = low.removeprefix(prefix)
    if low in _MONTHS:
        return Decimal(_MONTHS[low])
    hits = {m for name, m in _MONTHS.items() if len(low) >= 3 and name.startswith(low[:3]) and name[:3] == low[:3]}
    if len(hits) == 1 and low.isalpha():
        return Decimal(hits.pop())
    n = Decimal(_SPACES.sub("", low))
    if n != n.to_integral_value() or not 1 <= n <= 12:
        raise ValueError(s)
    return n


def _parse_date(s: str) -> date:
    if m := _DATE_WORDS.fullmatch(s.strip().replace("\u00a0", " ")):  # "14 Apr 2030", "14 апреля 2030 г."
        d, name, y = m.groups()
        return date(int(y), _MONTHS[name.lower()], int(d))
    s = _SPACES.sub("", s)
    if m := _DATE_RU.fullmatch(s):
        d, mo, y = (int(x) for x in m.groups())
    elif m := _DATE_ISO.fullmatch(s):
        y, mo, d = (int(x) for x in m.groups())
    else:
        raise ValueError(s)
    return date(y, mo, d)


def date_number(d: date) -> Decimal:
    """A date as a number (its ordinal), so date answers compare like numbers."""
    return Decimal(d.toordinal())


def parse_answer(text: object, unit: str, lang: str = "ru") -> tuple[Decimal, bool]:
    """Read a typed answer in ``unit``. Returns (value, had a percent sign).

    Dates come back as :func:`date_number`. Raises :class:`calc.InputError` with a message in both
    languages for anything unreadable — empty, too long, letters, two numbers, a NaN.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    s = "" if text is None else str(text).strip()
    if not s:
        raise InputError(_("Please type an answer."), "answer")
    if len(s) > MAX_LENGTH:
        raise _unreadable(s, unit)
    try:
        if unit == "month":
            return _parse_month(s), False
        if unit == "date":
            return date_number(_parse_date(s)), False
        body, had_percent = _strip_suffix(s, unit)
        compact = _SPACES.sub("", body)
        if unit == "vnd" and _GROUPED.fullmatch(compact):  # đồng have no minor unit: "500.000" is five hundred thousand
            value = Decimal(compact.replace(",", "").replace(".", ""))
        else:
            value = parse_number(body, lang)
    except (ValueError, ArithmeticError, InvalidOperation):
        raise _unreadable(s, unit) from None
    if not value.is_finite():
        raise _unreadable(s, unit)
    return value, had_percent


def format_answer(value: Decimal, unit: str, lang: str) -> str:
    """An answer as a payslip would show it."""
    if unit == "rub":
        return money(value, lang)
    if unit == "vnd":
        return dong(value, lang)
    if unit == "percent":
        return percent(value, lang)
    if unit == "month":
        from calc.core.text import month_name

        return f"{num(value, lang)} ({month_name(int(value), lang)})"
    if unit == "date":
        return day(date.fromordinal(int(value)), lang)
    words = {
        "days": pgettext("payroll_ui.lessons.answers", "days"),
        "hours": pgettext("payroll_ui.lessons.answers", "hours"),
        "years": _("years"),
    }
    shown = num(value, lang, "#,##0.##")
    return f"{shown}\u00a0{words[unit][lang]}" if unit in words else shown


def candidates(value: Decimal, had_percent: bool, unit: str) -> tuple[Decimal, ...]:
    """What the learner may have meant. Percent answers are typed in points ("15" for 15 %); a
    fraction without a percent sign ("0,15") is accepted too."""
    if unit != "percent":
        return (value,)
    if had_percent or value > 1:
        return (value / 100,)
    return (value / 100, value)


@dataclass(frozen=True)
class Verdict:
    """The judgement on one typed answer.

    ``status``: ``right``, ``close`` (off by a rounding slip), ``trap`` (a known mistake),
    ``wrong``, ``invalid`` (could not be read) or ``empty``.
    """

    status: str
    message: Text
    value: Decimal | None = None

    @property
    def right(self) -> bool:
        return self.status == "right"
