"""Messages through gettext catalogues: English message ids, one catalogue per other language.

``_("Rate from {date}", date=day_of(d))`` is a lazy :class:`Message`; it is translated when shown,
``tr(message, lang)`` (or ``message.render(lang)``). Keyword values that are messages or bilingual
dicts are translated in the same language; a value may be a callable ``lang -> str`` for locale
formatting (money, percent, dates in that language). ``ngettext`` picks the plural form by the
catalogue's CLDR plural rule (Russian has three forms).

Catalogues: ``calc/locale/<lang>/LC_MESSAGES/messages.po`` (edited, committed) compiled to ``.mo``
by ``scripts/setup.sh`` (``pybabel compile``); a missing or older ``.mo`` is compiled in memory from
the ``.po``, so a fresh checkout works. English needs no catalogue (the message id is the text).
Adding a language: a ``.po`` file (``pybabel init -l vi``) and an entry in ``calc.core.text.LOCALES``.
"""

from __future__ import annotations

import fnmatch
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "messages"
SOURCE_LANG = "en"
CATALOGUE_CODE: dict[str, tuple[str, ...]] = {
    "ru": ("calc/core", "calc/ru", "calc/workforce", "payroll_ui", "payroll_server", "!payroll_ui/apps/vn_*.py"),
    "vi": ("calc/core", "calc/vn", "payroll_ui/kit", "!payroll_ui/kit/claim.py", "payroll_ui/apps/start.py",
           "payroll_ui/lessons/answers.py", "payroll_ui/lessons/words.py",
           "payroll_ui/apps/vn_*.py", "payroll_server/watch.py"),
}
"""Each language's catalogue holds the messages of the code it serves: the code of the countries whose apps
speak it, and the shared code their pages show. Entries are folders or files of the repository (``*`` as in a
file name); an entry starting with ``!`` takes files out again. Russian: everything but the Vietnamese apps;
Vietnamese: the shared core, calc/vn, the UI kit without the Russian claim letters (``kit/claim.py``), the start
page, the Vietnamese apps (``payroll_ui/apps/vn_*.py``) and the page's connection notice. A Russian-only message
(an app for Russia) thus needs no Vietnamese translation, and a Vietnamese app's none in Russian.
scripts/messages.sh updates each catalogue from its code, tests/test_catalogues.py checks it."""


def _matches(path: str, entry: str) -> bool:
    return path == entry or path.startswith(entry + "/") or fnmatch.fnmatchcase(path, entry)


def serves(lang: str, path: str) -> bool:
    """Does the catalogue of ``lang`` serve the code file ``path`` (relative to the repository, with ``/``)?"""
    entries = CATALOGUE_CODE.get(lang, ())
    inside = any(_matches(path, e) for e in entries if not e.startswith("!"))
    return inside and not any(_matches(path, e[1:]) for e in entries if e.startswith("!"))


def _compile(po: Path) -> bytes:
    with po.open("rb") as f:
        catalog = read_po(f, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def compile_all() -> list[Path]:
    """Write every language's ``.mo`` from its ``.po`` (scripts/setup.sh, scripts/messages.sh).

    Not ``pybabel compile``: its python-format check takes "15% of" in these str.format templates for a
    %-placeholder and fails."""
    out = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(_compile(po))
        out.append(mo)
    return out


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of ``lang`` (English: none, the message ids are English)."""
    if lang == SOURCE_LANG:
        return NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return Translations(f, DOMAIN)
    if not po.is_file():
        return NullTranslations()
    return Translations(io.BytesIO(_compile(po)), DOMAIN)


def _value(v: Any, lang: str) -> Any:
    if isinstance(v, Message):
        return v.render(lang)
    if isinstance(v, Mapping):
        return v.get(lang) or v.get(SOURCE_LANG) or next(iter(v.values()), "")
    if callable(v):
        return v(lang)
    return v


def _plural_n(n: Any) -> int:
    """gettext's plural rules take integers; a fraction takes the form of 2 ("2,5 дня", "2.5 days")."""
    d = Decimal(str(n))
    return int(d) if d == d.to_integral_value() else 2


@dataclass(frozen=True, eq=True)
class Message:
    """A text to translate when shown: message id (English), optional plural and context, values."""

    msgid: str
    plural: str | None = None
    n: Any = None
    context: str | None = None
    kwargs: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        t = translations(lang)
        if self.plural is not None:
            n = _plural_n(self.n)
            if self.context:
                text = t.npgettext(self.context, self.msgid, self.plural, n)
            else:
                text = t.ngettext(self.msgid, self.plural, n)
        elif not self.msgid:
            text = ""  # gettext("") is the catalogue's header, never a text to show
        elif self.context:
            text = t.pgettext(self.context, self.msgid)
        else:
            text = t.gettext(self.msgid)
        if not self.kwargs:
            return text
        return text.format(**{k: _value(v, lang) for k, v in self.kwargs})

    def __str__(self) -> str:
        return self.render(SOURCE_LANG)

    def get(self, lang: str, default: Any = None) -> str:
        """Like a bilingual dict: ``message.get("ru")``."""
        return self.render(lang)

    def __getitem__(self, lang: str) -> str:
        """Like a bilingual dict: ``message["ru"]`` (a message is not a sequence)."""
        if not isinstance(lang, str):
            raise TypeError("a message is indexed by a language code")
        return self.render(lang)

    __iter__ = None  # not iterable, although it can be indexed by a language code


def _(msgid: str, **kwargs: Any) -> Message:
    """A message to translate (English id, ``{name}`` placeholders filled from ``kwargs``)."""
    return Message(msgid, kwargs=tuple(kwargs.items()))


def pgettext(context: str, msgid: str, **kwargs: Any) -> Message:
    """A message whose English is shared with another one of a different meaning."""
    return Message(msgid, context=context, kwargs=tuple(kwargs.items()))


def ngettext(singular: str, plural: str, n: Any, **kwargs: Any) -> Message:
    """A message in the plural form for ``n`` (the catalogue's CLDR rule)."""
    return Message(singular, plural, n, kwargs=tuple(kwargs.items()))


def lazy(fn: Callable[[str], str]) -> Callable[[str], str]:
    """Mark a ``lang -> str`` formatter passed as a message value (readability only)."""
    return fn

