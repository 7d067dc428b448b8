"""Text in the user's language (messages, bilingual rule data) and locale formatting (babel) for amounts,
rates, counts and dates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, get_decimal_symbol, parse_pattern

from calc.core.i18n import Message, _, ngettext, pgettext

LOCALES = {"ru": "ru_RU", "en": "en_GB", "vi": "vi_VN"}
"""Every language texts, explanations and errors can be shown in: its babel locale (adding one: its
catalogue under calc/locale/ and an entry here)."""
TEXT_LANGS = tuple(LOCALES)
LANGS = ("ru", "en", "vi")
"""The languages of the apps (payroll_ui takes ?lang= from these). Each app speaks some of them
(``App.langs``: the Russian apps ru and en, the Vietnamese ones vi and en) and has a switch button for each."""

Text = Message | Mapping[str, str]
"""A text to show: a gettext :class:`Message` or bilingual rule data ``{"ru": "...", "en": "..."}``
(``{"vi": "...", "en": "..."}`` for Vietnam; a language missing from the data falls back to English)."""


def check_lang(lang: str) -> str:
    if lang not in TEXT_LANGS:
        raise ValueError(f"language must be one of {TEXT_LANGS}, got {lang!r}")
    return lang


def tr(text: Text | str | None, lang: str) -> str:
    """The text in ``lang`` (a plain string is the same in both languages)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, Message):
        return text.render(lang)
    return text.get(lang) or text.get("en") or text.get("ru") or ""


def T(ru: str, en: str) -> dict[str, str]:
    """A bilingual text from data that is not a message of the code (a name typed by the user, a
    rule file's label). Texts of the code are messages: ``_("English")``, see :mod:`calc.core.i18n`."""
    return {"ru": ru, "en": en}


UNIT_WORDS: dict[str, Callable[[Decimal | int], Message]] = {
    "days": lambda n: ngettext("day", "days", n),
    "hours": lambda n: ngettext("hour", "hours", n),
    "years": lambda n: ngettext("year", "years", n),
    "months": lambda n: ngettext("month", "months", n),
    "shifts": lambda n: ngettext("shift", "shifts", n),
    "children": lambda n: ngettext("child", "children", n),
}
"""The word of a count in the language's plural form (the catalogue's CLDR plural rule)."""


def plural(n: Decimal | int, word: str, lang: str) -> str:
    """The word for ``n`` units in the language's plural form: 1 день, 2 дня, 5 дней; 2,5 дня."""
    return UNIT_WORDS[word](n).render(lang)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def format_decimal(value: Decimal | int, format: str, lang: str) -> str:
    """babel's ``format_decimal`` with the locale and the pattern parsed once (explanations format
    hundreds of numbers per page update; parsing them every time took half the time)."""
    return _pattern(format).apply(value, _locale(lang))


def num(value: Decimal | int, lang: str, pattern: str = "#,##0.##") -> str:
    return format_decimal(value, pattern, lang)


def num_exact(value: Decimal | int, lang: str) -> str:
    """Every digit of a number as typed, in the language's grouping and decimal mark (a message repeating
    the user's input: 1 000,50 / 1,000.50 / 1.000,50); an absurd magnitude (a slip like 1e400) said short,
    1,00E+400. A language outside ``LOCALES`` writes it as English does."""
    lang = lang if lang in LOCALES else "en"
    d = Decimal(value)
    if abs(d.adjusted()) > 15:
        return f"{d:.2E}".replace(".", get_decimal_symbol(LOCALES[lang]))
    places = max(0, -d.as_tuple().exponent)
    return format_decimal(d, "#,##0" + ("." + "0" * places if places else ""), lang)


def money(value: Decimal | int, lang: str) -> str:
    """45 000,00 ₽ / 45,000.00 ₽. An unrounded intermediate amount keeps up to 4 decimals (≈ if longer),
    so an explanation never shows a rounded input next to a result computed from the exact one."""
    d = Decimal(value)
    if d == d.quantize(Decimal("0.01")):
        return f"{format_decimal(d, '#,##0.00', lang)}\u00a0₽"
    approx = "≈\u00a0" if d != d.quantize(Decimal("0.0001")) else ""
    return f"{approx}{format_decimal(d, '#,##0.00##', lang)}\u00a0₽"


def dong(value: Decimal | int, lang: str) -> str:
    """Vietnamese đồng, which has no minor unit: 10.000.000 ₫ / 10,000,000 ₫ (a fraction, in a step of
    an explanation, keeps up to 4 decimals)."""
    d = Decimal(value)
    approx = "≈\u00a0" if d != d.quantize(Decimal("0.0001")) else ""
    return f"{approx}{format_decimal(d, '#,##0.####', lang)}\u00a0₫"


def money_short(value: Decimal | int, lang: str) -> str:
    """Rounded to rubles for chart labels: 45 000 ₽."""
    return f"{format_decimal(value, '#,##0', lang)}\u00a0₽"


def percent(value: Decimal | int, lang: str) -> str:
    """0.151 → 15,1 % / 15.1%"""
    s = format_decimal(value, "#,##0.###%", lang)
    return s.replace("%", "\u00a0%") if lang == "ru" and "\u00a0%" not in s else s


@lru_cache(maxsize=8192)
def day(d: date, lang: str) -> str:
    """A date as the language writes it: 05.03.2026 / 5 Mar 2026 / 05/03/2026 (cached: tables have many rows)."""
    return format_date(d, DATE_FORMATS.get(lang, "d MMM yyyy"), locale=LOCALES[lang])


DATE_FORMATS = {"ru": "dd.MM.yyyy", "vi": "dd/MM/yyyy"}


def month_name(month: int, lang: str, year: int | None = None) -> str:
    """'май 2017' / 'May 2017' (standalone month name)."""
    loc = _locale(lang)
    name = loc.months["stand-alone"]["wide"][month]
    return f"{name} {year}" if year else name


def quantity(value: Decimal | int, unit: str, lang: str) -> str:
    """Format a value by its unit: money, rate, count with a word, coefficient or plain number."""
    if unit == "rub":
        return money(value, lang)
    if unit == "rate":
        return percent(value, lang)
    if unit == "vnd":
        return dong(value, lang)
    if unit == "vnd_per_hour":
        return dong(value, lang) + "/" + tr(_("h"), lang)
    if unit == "rub_per_hour":
        return money(value, lang) + "/" + tr(_("h"), lang)
    if unit == "rub_per_day":
        return money(value, lang) + "/" + tr(pgettext("per unit", "day"), lang)
    if unit in UNIT_WORDS:
        return f"{num(value, lang)}\u00a0{plural(value, unit, lang)}"
    if unit == "coef":
        return num(value, lang, "#,##0.###")
    return num(value, lang, "#,##0.####")
