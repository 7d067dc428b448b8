"""Law as data: dated parameters read from YAML files under ``calc/<country>/rules/``.

Each parameter file holds one topic; each parameter has a label (ru/en), a unit and a list of
values, each with the date it takes effect (``from``), its legal ``source`` (ru/en) and an optional
``verify`` flag for figures not yet confirmed against a primary text. Code asks for "the value of X
on date D" with :meth:`RuleBook.lookup` and gets :class:`OutOfRangeError` for a date the data does
not cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from calc.core.errors import InputError, OutOfRangeError, RuleDataError
from calc.core.i18n import _
from calc.core.text import Text, day

CALC_DIR = Path(__file__).resolve().parents[1]
"""Each country is a folder ``calc/<country>/`` with its rule data in ``rules/``."""
SPECIAL_FILES = {"country", "calendar", "seniority"}


class _Loader(yaml.SafeLoader):
    """YAML loader that reads decimal numbers as ``Decimal``, never as binary float."""


_Loader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node)))


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


def rules_dir(country: str) -> Path:
    """Where a country's rule files are: ``calc/<country>/rules/``."""
    return CALC_DIR / country / "rules"


@dataclass(frozen=True)
class Dated:
    """One dated value of a parameter, with where it comes from."""

    name: str
    label: Text
    unit: str
    value: Any
    valid_from: date
    source: Text
    verify: bool = False
    note: Text | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    label: Text
    unit: str
    values: tuple[Dated, ...]


RU_EN = ("ru", "en")
"""The languages of a country's rule texts unless its ``country.yaml`` says ``languages:`` (Vietnam: vi, en)."""


def _bilingual(obj: Any, where: str, what: str, langs: tuple[str, ...] = RU_EN) -> Text:
    if not (isinstance(obj, dict) and all(obj.get(lang) for lang in langs)):
        if langs == RU_EN:
            raise RuleDataError(_("{where}: {what} in Russian and English is missing.", where=where, what=what))
        raise RuleDataError(
            _("{where}: {what} is missing in one of the languages ({langs}).", where=where, what=what,
              langs=", ".join(langs))
        )
    return obj


def parse_parameter(name: str, raw: Any, langs: tuple[str, ...] = RU_EN) -> Parameter:
    """Check and build one parameter from its YAML mapping (labels and sources in ``langs``)."""
    if not isinstance(raw, dict) or "values" not in raw:
        raise RuleDataError(_("{name}: the list of values is missing.", name=name))
    label = _bilingual(raw.get("label"), name, "подписи / label", langs)
    unit = raw.get("unit")
    if not unit:
        raise RuleDataError(_("{name}: the unit is missing.", name=name))
    values = []
    for i, v in enumerate(raw["values"] or []):
        where = f"{name} [{i}]"
        if not isinstance(v, dict) or not isinstance(v.get("from"), date):
            raise RuleDataError(_("{where}: the effective date (from) is missing.", where=where))
        if "value" not in v:
            raise RuleDataError(_("{where}: the value is missing.", where=where))
        source = _bilingual(v.get("source"), where, "источника / source", langs)
        values.append(
            Dated(name, label, unit, v["value"], v["from"], source, bool(v.get("verify", False)), v.get("note"))
        )
    if not values:
        raise RuleDataError(_("{name}: no values.", name=name))
    dates = [v.valid_from for v in values]
    if dates != sorted(dates) or len(set(dates)) != len(dates):
        raise RuleDataError(_("{name}: dates must increase.", name=name))
    return Parameter(name, label, unit, tuple(values))


class RuleBook:
    """All rule data of one country."""

    def __init__(self, country: str, directory: Path | None = None) -> None:
        self.country = country
        self.dir = directory or rules_dir(country)
        if not self.dir.is_dir():
            raise RuleDataError(_("No rules for country '{country}'.", country=country))
        self.meta: dict[str, Any] = load_yaml(self.dir / "country.yaml")
        self.covered_from: date = self.meta["covered"]["from"]
        self.covered_to: date = self.meta["covered"]["to"]
        self.checked_on: date = self.meta["checked_on"]
        self.languages: tuple[str, ...] = tuple(self.meta.get("languages") or RU_EN)
        self.params: dict[str, Parameter] = {}
        for path in sorted(self.dir.glob("*.yaml")):
            if path.stem in SPECIAL_FILES:
                continue
            for key, raw in (load_yaml(path) or {}).items():
                self.params[f"{path.stem}.{key}"] = parse_parameter(f"{path.stem}.{key}", raw, self.languages)

    def raw(self, stem: str) -> Any:
        """A special file (calendar, seniority) as loaded YAML."""
        return load_yaml(self.dir / f"{stem}.yaml")

    def check_date(self, on: date) -> None:
        """Raise :class:`OutOfRangeError` if ``on`` is outside what the rule files cover."""
        if not isinstance(on, date) or isinstance(on, datetime):
            raise InputError(
                _("Please enter the date as a date (e.g. 2024-06-10), got {got}.", got=repr(on)[:40]), "date"
            )
        if not self.covered_from <= on <= self.covered_to:
            raise OutOfRangeError(
                _(
                    "The rules are known from {covered_from} to {covered_to}; the date asked for is {on}.",
                    covered_from=lambda lang, self=self: day(self.covered_from, lang),
                    covered_to=lambda lang, self=self: day(self.covered_to, lang),
                    on=lambda lang, on=on: day(on, lang),
                ),
                "date",
            )

    def default_date(self) -> date:
        """Today, or the last covered day if the data ends earlier (for rules that do not change)."""
        return min(date.today(), self.covered_to)

    def check_year(self, year: int) -> None:
        if not isinstance(year, int) or isinstance(year, bool):
            raise OutOfRangeError(_("The year must be a whole number."), "year")
        if not self.covered_from.year <= year <= self.covered_to.year:
            raise OutOfRangeError(
                _(
                    "The rules cover {year}–{year2}; the year asked for is {year3}.",
                    year=self.covered_from.year,
                    year2=self.covered_to.year,
                    year3=year,
                ),
                "year",
            )

    def lookup(self, name: str, on: date) -> Dated:
        """The value of parameter ``name`` in force on ``on``."""
        self.check_date(on)
        try:
            param = self.params[name]
        except KeyError:
            raise RuleDataError(_("No parameter '{name}'.", name=name)) from None
        found = None
        for v in param.values:
            if v.valid_from <= on:
                found = v
        if found is None:
            first = param.values[0].valid_from
            raise OutOfRangeError(
                _(
                    "'{label}': known from {first}; asked for {on}.",
                    label=lambda lang, param=param: param.label[lang],
                    first=lambda lang, first=first: day(first, lang),
                    on=lambda lang, on=on: day(on, lang),
                ),
                "date",
            )
        return found

    def value(self, name: str, on: date) -> Any:
        return self.lookup(name, on).value


def rulebook(country: str = "ru") -> RuleBook:
    """The rule book of a country (one shared instance per country)."""
    known = _countries()
    if country not in known:
        raise InputError(
            _("Unknown country {got}: rules are known for {known}.", got=repr(country)[:40], known=", ".join(known)),
            "country",
        )
    return _rulebook(country)


@cache
def _countries() -> tuple[str, ...]:
    return tuple(sorted(p.parents[1].name for p in CALC_DIR.glob("*/rules/country.yaml")))


@cache
def _rulebook(country: str) -> RuleBook:
    return RuleBook(country)
