"""The message catalogues are complete and up to date with the code (gettext, babel).

Each language's catalogue serves the code of its countries and the shared code their pages show
(``calc.core.i18n.CATALOGUE_CODE``: Russian for everything but the Vietnamese apps; Vietnamese for calc/core,
calc/vn, the UI kit without the Russian claim letters, the start page and the Vietnamese apps). Every
message of that code (``_``, ``ngettext``, ``pgettext``) has a translation in the catalogue, none is fuzzy
or empty, no catalogue keeps messages its code no longer has, and the Russian plurals have three forms.
Fix: ``bash scripts/messages.sh``, then translate what is new.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from calc.core.i18n import CATALOGUE_CODE, LOCALE_DIR, _, ngettext, serves
from calc.core.text import TEXT_LANGS, tr

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
OTHER_LANGS = [lang for lang in TEXT_LANGS if lang != "en"]


def _code_messages(folders: tuple[str, ...], lang: str | None = None) -> dict[tuple[str, str | None], bool]:
    """(msgid, context) → is plural, for every message of the code in ``folders`` (only the files the catalogue
    of ``lang`` serves, if given: ``calc.core.i18n.serves``)."""
    found: dict[tuple[str, str | None], bool] = {}
    for folder in folders:
        for fn, _line, msg, _comments, ctx in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
        ):
            if lang is not None and not serves(lang, f"{folder}/{fn}".replace("\\", "/")):
                continue
            msgid = msg[0] if isinstance(msg, tuple) else msg
            found[(msgid, ctx)] = isinstance(msg, tuple)
    return found


SOURCES = ("calc", "payroll_ui", "payroll_server")
CODE = _code_messages(SOURCES)
CODE_OF = {lang: _code_messages(SOURCES, lang) for lang in CATALOGUE_CODE}


def test_every_language_serves_declared_code() -> None:
    assert set(CATALOGUE_CODE) == set(OTHER_LANGS)
    for entries in CATALOGUE_CODE.values():
        for e in entries:
            assert list(ROOT.glob(e.lstrip("!"))), f"{e} names no file or folder"
    served = {m for code in CODE_OF.values() for m in code}
    assert set(CODE) <= served, f"messages no catalogue serves: {sorted(set(CODE) - served)[:10]}"


def test_russian_only_and_vietnamese_only_code() -> None:
    """The Russian apps' own messages need no Vietnamese, the Vietnamese apps' none in Russian; the kit and the
    start page, which both countries' apps show, are in both catalogues."""
    assert serves("ru", "payroll_ui/apps/cost.py") and not serves("vi", "payroll_ui/apps/cost.py")
    assert serves("vi", "payroll_ui/apps/vn_pay.py") and not serves("ru", "payroll_ui/apps/vn_pay.py")
    assert not serves("vi", "payroll_ui/kit/claim.py") and serves("ru", "payroll_ui/kit/claim.py")
    for both in ("payroll_ui/kit/app.py", "payroll_ui/kit/fields.py", "payroll_ui/apps/start.py", "calc/core/text.py"):
        assert serves("ru", both) and serves("vi", both), both
    assert not serves("vi", "calc/ru/income_tax.py") and not serves("ru", "calc/vn/payroll.py")


def _catalogue(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def test_the_code_has_messages() -> None:
    assert len(CODE) > 200


def _untranslated(cat, code: dict[tuple[str, str | None], bool]) -> tuple[list[str], list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The messages of ``code`` missing from, empty in and fuzzy in the catalogue ``cat``."""
    missing, empty, fuzzy = [], [], []
    for (msgid, ctx), _plural in code.items():
        m = cat.get(msgid, context=ctx)
        if m is None:
            missing.append(msgid)
        elif m.fuzzy:
            fuzzy.append(msgid)
        elif not m.string or (isinstance(m.string, tuple) and not all(m.string)):
            empty.append(msgid)
    return missing, empty, fuzzy


def test_a_missing_vietnamese_translation_is_found() -> None:
    cat = _catalogue("vi")
    code = dict(CODE_OF["vi"])
    some = next(iter(code))
    cat.get(some[0], context=some[1]).string = ""
    code[("A message nobody translated", None)] = False
    missing, empty, _fuzzy = _untranslated(cat, code)
    assert missing == ["A message nobody translated"] and empty == [some[0]]


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_message_is_translated(lang: str) -> None:
    missing, empty, fuzzy = _untranslated(_catalogue(lang), CODE_OF[lang])
    assert not missing, f"not in the {lang} catalogue (run scripts/messages.sh): {missing[:10]}"
    assert not empty, f"untranslated in {lang}: {empty[:10]}"
    assert not fuzzy, f"fuzzy in {lang} (check and clear the flag): {fuzzy[:10]}"


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_no_obsolete_messages(lang: str) -> None:
    cat = _catalogue(lang)
    code = CODE_OF[lang]
    stale = [m.id for m in cat if m.id and ((m.id[0] if isinstance(m.id, tuple) else m.id), m.context) not in code]
    assert not stale, f"the {lang} catalogue holds messages the code no longer has: {stale[:10]}"
    assert not cat.obsolete, f"obsolete entries left in {lang}: {list(cat.obsolete)[:10]}"


def test_russian_plurals_have_three_forms() -> None:
    cat = _catalogue("ru")
    assert cat.num_plurals == 3
    plurals = [m for m in cat if m.pluralizable]
    assert plurals
    for m in plurals:
        assert len(m.string) == 3 and all(m.string), m.id


def test_vietnamese_has_one_plural_form() -> None:
    assert _catalogue("vi").num_plurals == 1
    assert tr(ngettext("year", "years", 5), "vi") == "năm"


def test_a_message_is_translated_when_shown() -> None:
    msg = _("Tax Code art. 431 para. 1")
    assert tr(msg, "en") == "Tax Code art. 431 para. 1"
    assert tr(msg, "ru") == "НК РФ ст. 431 п. 1"
    assert tr(msg, "vi") == "Tax Code art. 431 para. 1"  # a Russian-only message: English in Vietnamese


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
