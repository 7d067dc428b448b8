"""Bilingual text and locale formatting (babel) for amounts, rates, counts and dates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LANGS = ("ru", "en")
LOCALES = {"ru": "ru_RU", "en": "en_GB"}

Text = Mapping[str, str]
"""A text in both languages: ``{"ru": "...", "en": "..."}``."""


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, got {lang!r}")
    return lang


def tr(text: Text | str | None, lang: str) -> str:
    """The text in ``lang`` (a plain string is the same in both languages)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("en") or text.get("ru") or ""


def T(ru: str, en: str) -> dict[str, str]:
    """Build a bilingual text."""
    return {"ru": ru, "en": en}


_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    # ru: one, few, many ; en: one, other
    "days": {"ru": ("день", "дня", "дней"), "en": ("day", "days")},
    "hours": {"ru": ("час", "часа", "часов"), "en": ("hour", "hours")},
    "years": {"ru": ("год", "года", "лет"), "en": ("year", "years")},
    "months": {"ru": ("месяц", "месяца", "месяцев"), "en": ("month", "months")},
    "shifts": {"ru": ("смена", "смены", "смен"), "en": ("shift", "shifts")},
    "children": {"ru": ("ребёнок", "ребёнка", "детей"), "en": ("child", "children")},
}


def plural(n: Decimal | int, word: str, lang: str) -> str:
    """The word for ``n`` units in the language's plural form (babel's CLDR plural rules)."""
    forms = _WORDS[word][lang]
    if isinstance(n, Decimal) and n != n.to_integral_value():
        return forms[1] if lang == "ru" else forms[-1]  # fractions: "2,33 дня", "2.33 days"
    form = Locale(LOCALES[lang][:2]).plural_form(int(n))
    if lang == "ru":
        return {"one": forms[0], "few": forms[1]}.get(form, forms[2])
    return forms[0] if form == "one" else forms[1]


def num(value: Decimal | int, lang: str, pattern: str = "#,##0.##") -> str:
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def money(value: Decimal | int, lang: str) -> str:
    """45 000,00 ₽ / 45,000.00 ₽. An unrounded intermediate amount keeps up to 4 decimals (≈ if longer),
    so an explanation never shows a rounded input next to a result computed from the exact one."""
    d = Decimal(value)
    if d == d.quantize(Decimal("0.01")):
        return f"{format_decimal(d, format='#,##0.00', locale=LOCALES[lang])}\u00a0₽"
    approx = "≈\u00a0" if d != d.quantize(Decimal("0.0001")) else ""
    return f"{approx}{format_decimal(d, format='#,##0.00##', locale=LOCALES[lang])}\u00a0₽"


def money_short(value: Decimal | int, lang: str) -> str:
    """Rounded to rubles for chart labels: 45 000 ₽."""
    return f"{format_decimal(value, format='#,##0', locale=LOCALES[lang])}\u00a0₽"


def percent(value: Decimal | int, lang: str) -> str:
    """0.151 → 15,1 % / 15.1%"""
    s = format_percent(value, format="#,##0.###%", locale=LOCALES[lang])
    return s.replace("%", "\u00a0%") if lang == "ru" and "\u00a0%" not in s else s


def day(d: date, lang: str) -> str:
    return format_date(d, "dd.MM.yyyy" if lang == "ru" else "d MMM yyyy", locale=LOCALES[lang])


def month_name(month: int, lang: str, year: int | None = None) -> str:
    """'май 2017' / 'May 2017' (standalone month name)."""
    loc = Locale.parse(LOCALES[lang])
    name = loc.months["stand-alone"]["wide"][month]
    return f"{name} {year}" if year else name


UNIT_WORDS = {
    "days": "days",
    "hours": "hours",
    "years": "years",
    "months": "months",
    "shifts": "shifts",
    "children": "children",
}


def quantity(value: Decimal | int, unit: str, lang: str) -> str:
    """Format a value by its unit: money, rate, count with a word, coefficient or plain number."""
    if unit == "rub":
        return money(value, lang)
    if unit == "rate":
        return percent(value, lang)
    if unit == "rub_per_hour":
        return f"{money(value, lang)}/{'ч' if lang == 'ru' else 'h'}"
    if unit == "rub_per_day":
        return f"{money(value, lang)}/{'дн.' if lang == 'ru' else 'day'}"
    if unit in UNIT_WORDS:
        return f"{num(value, lang)}\u00a0{plural(value, UNIT_WORDS[unit], lang)}"
    if unit == "coef":
        return num(value, lang, "#,##0.###")
    return num(value, lang, "#,##0.####")
