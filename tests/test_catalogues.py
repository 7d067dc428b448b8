"""The message catalogues are complete and up to date with the code (gettext, babel).

Every message of the code (``_``, ``ngettext``, ``pgettext`` in calc and payroll_ui) has a translation in
every catalogue, none is fuzzy or empty, no catalogue keeps messages the code no longer has, and the
Russian plurals have three forms. Fix: ``bash scripts/messages.sh``, then translate what is new.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from calc.core.i18n import LOCALE_DIR, _, ngettext
from calc.core.text import LANGS, tr

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
OTHER_LANGS = [lang for lang in LANGS if lang != "en"]


def _code_messages() -> dict[tuple[str, str | None], bool]:
    """(msgid, context) → is plural, for every message of the code."""
    found: dict[tuple[str, str | None], bool] = {}
    for package in ("calc", "payroll_ui"):
        for _fn, _line, msg, _comments, ctx in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
        ):
            msgid = msg[0] if isinstance(msg, tuple) else msg
            found[(msgid, ctx)] = isinstance(msg, tuple)
    return found


CODE = _code_messages()


def _catalogue(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def test_the_code_has_messages() -> None:
    assert len(CODE) > 200


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_message_is_translated(lang: str) -> None:
    cat = _catalogue(lang)
    missing, empty, fuzzy = [], [], []
    for (msgid, ctx), _plural in CODE.items():
        m = cat.get(msgid, context=ctx)
        if m is None:
            missing.append(msgid)
        elif m.fuzzy:
            fuzzy.append(msgid)
        elif not m.string or (isinstance(m.string, tuple) and not all(m.string)):
            empty.append(msgid)
    assert not missing, f"not in the {lang} catalogue (run scripts/messages.sh): {missing[:10]}"
    assert not empty, f"untranslated in {lang}: {empty[:10]}"
    assert not fuzzy, f"fuzzy in {lang} (check and clear the flag): {fuzzy[:10]}"


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_no_obsolete_messages(lang: str) -> None:
    cat = _catalogue(lang)
    stale = [m.id for m in cat if m.id and ((m.id[0] if isinstance(m.id, tuple) else m.id), m.context) not in CODE]
    assert not stale, f"the {lang} catalogue holds messages the code no longer has: {stale[:10]}"
    assert not cat.obsolete, f"obsolete entries left in {lang}: {list(cat.obsolete)[:10]}"


def test_russian_plurals_have_three_forms() -> None:
    cat = _catalogue("ru")
    assert cat.num_plurals == 3
    plurals = [m for m in cat if m.pluralizable]
    assert plurals
    for m in plurals:
        assert len(m.string) == 3 and all(m.string), m.id


def test_a_message_is_translated_when_shown() -> None:
    msg = _("Tax Code art. 431 p. 1")
    assert tr(msg, "en") == "Tax Code art. 431 p. 1"
    assert tr(msg, "ru") == "НК РФ ст. 431 п. 1"


@pytest.mark.parametrize(("n", "ru", "en"), [(1, "год", "year"), (3, "года", "years"), (5, "лет", "years"),
                                             (21, "год", "years"), (11, "лет", "years")])
def test_plural_forms_follow_cldr(n: int, ru: str, en: str) -> None:
    assert tr(ngettext("year", "years", n), "ru") == ru
    assert tr(ngettext("year", "years", n), "en") == en


def test_values_are_shown_in_the_same_language() -> None:
    from calc.core.text import money

    inner = _("to date")
    msg = _("Contributions to date: {fund}, {amount}", fund=inner, amount=lambda lang: money(1500, lang))
    assert tr(msg, "en") == "Contributions to date: to date, 1,500.00\u00a0₽"
    assert tr(msg, "ru").endswith("1\u00a0500,00\u00a0₽")


def test_an_empty_message_is_empty_not_the_catalogue_header() -> None:
    from calc.core.i18n import _
    from calc.core.text import tr

    assert tr(_(""), "ru") == "" and tr(_(""), "en") == ""
