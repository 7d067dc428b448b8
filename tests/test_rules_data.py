"""Law as data: every value dated and sourced, texts bilingual, figures marked `verify` flagged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import calc
from calc.core.errors import OutOfRangeError, RuleDataError
from calc.core.rules import RuleBook, load_yaml, parse_parameter, rulebook, rules_dir

RU = rules_dir("ru")
PARAM_FILES = sorted(p for p in RU.glob("*.yaml") if p.stem not in {"country", "calendar", "seniority"})


def _bilingual_dicts(obj, path=""):
    if isinstance(obj, dict):
        keys = {str(k) for k in obj}
        if "ru" in keys or "en" in keys:
            yield path, obj
        for k, v in obj.items():
            yield from _bilingual_dicts(v, f"{path}/{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _bilingual_dicts(v, f"{path}[{i}]")


@pytest.mark.parametrize(
    "path", [*sorted(RU.glob("*.yaml")), Path(calc.__file__).parent / "core" / "glossary.yaml"], ids=lambda p: p.name
)
def test_every_text_is_in_both_languages_and_nothing_else(path: Path) -> None:
    """Catches unquoted commas in YAML flow mappings, which silently split a text into extra keys."""
    for where, d in _bilingual_dicts(load_yaml(path)):
        assert set(map(str, d)) <= {"ru", "en", "unit"}, f"{path.name}{where}: {sorted(map(str, d))}"
        assert d.get("ru") and d.get("en"), f"{path.name}{where}: missing a language"


@pytest.mark.parametrize("path", PARAM_FILES, ids=lambda p: p.name)
def test_every_value_has_a_date_and_a_source(path: Path) -> None:
    raw = load_yaml(path)
    assert raw, path
    for name, param in raw.items():
        assert param.get("unit"), f"{name}: unit"
        assert param["label"]["ru"] and param["label"]["en"], f"{name}: label"
        for v in param["values"]:
            assert isinstance(v.get("from"), date), f"{name}: a value without an effective date"
            assert v["source"]["ru"].strip() and v["source"]["en"].strip(), f"{name}: a value without a source"


def test_every_scale_has_a_source_a_date_and_a_label() -> None:
    for sid, raw in load_yaml(RU / "seniority.yaml").items():
        assert isinstance(raw.get("from"), date), sid
        assert raw["source"]["ru"] and raw["source"]["en"], sid
        assert raw["label"]["ru"] and raw["label"]["en"], sid


def test_calendar_data_is_sourced_and_covers_every_year() -> None:
    raw = load_yaml(RU / "calendar.yaml")
    assert raw["source"]["ru"] and raw["source"]["en"]
    assert sorted(raw["years"]) == list(range(2011, 2027))


def test_numbers_are_read_as_decimal_never_float() -> None:
    rb = rulebook()
    assert rb.value("ndfl.resident_scale", date(2025, 1, 1))[1] == [2400000, Decimal("0.15")]
    assert isinstance(rb.value("contributions.general", date(2024, 1, 1))["funds"][0]["above_cap"], Decimal)
    assert isinstance(rb.value("labour.avg_month_days", date(2020, 1, 1)), Decimal)


@pytest.mark.parametrize(
    ("name", "on"),
    [
        ("contributions.mrot", date(2011, 1, 1)),  # pre-2020 МРОТ: "verify" in the reference
        ("contributions.mrot", date(2019, 6, 1)),
        ("contributions.rounding", date(2024, 1, 1)),  # "computed in rubles and kopecks: verify"
        ("contributions.accident_classes", date(2024, 1, 1)),
        ("labour.avg_month_days", date(2015, 1, 1)),
    ],
)
def test_figures_the_reference_marks_verify_carry_the_flag(name: str, on: date) -> None:
    assert rulebook().lookup(name, on).verify


def test_confirmed_figures_are_not_flagged() -> None:
    rb = rulebook()
    assert not rb.lookup("contributions.mrot", date(2026, 1, 1)).verify
    assert not rb.lookup("contributions.cap_single", date(2026, 1, 1)).verify
    assert not rb.lookup("ndfl.resident_scale", date(2025, 1, 1)).verify


def test_lookup_gives_the_value_in_force_on_the_date() -> None:
    rb = rulebook()
    assert rb.value("contributions.mrot", date(2022, 5, 31)) == 13890
    assert rb.value("contributions.mrot", date(2022, 6, 1)) == 15279
    assert rb.value("contributions.cap_single", date(2026, 12, 31)) == 2979000
    assert rb.value("labour.avg_month_days", date(2014, 4, 1)) == Decimal("29.4")
    assert rb.value("labour.avg_month_days", date(2014, 4, 2)) == Decimal("29.3")


@pytest.mark.parametrize("on", [date(2010, 12, 31), date(2027, 1, 1)])
def test_a_date_outside_the_data_is_a_clear_error(on: date) -> None:
    with pytest.raises(OutOfRangeError) as e:
        rulebook().lookup("ndfl.resident_scale", on)
    assert "2011" in e.value.message("ru") and "2026" in e.value.message("en")
    assert e.value.field == "date"


def test_a_parameter_not_yet_in_force_is_a_clear_error() -> None:
    with pytest.raises(OutOfRangeError, match="known from"):
        rulebook().lookup("contributions.cap_pension", date(2014, 6, 1))


@pytest.mark.parametrize(
    "raw",
    [
        {"label": {"ru": "x", "en": "x"}, "unit": "rub", "values": [{"value": 1, "source": {"ru": "a", "en": "a"}}]},
        {"label": {"ru": "x", "en": "x"}, "unit": "rub", "values": [{"from": date(2011, 1, 1), "value": 1}]},
        {
            "label": {"ru": "x", "en": "x"},
            "unit": "rub",
            "values": [{"from": date(2011, 1, 1), "value": 1, "source": {"ru": "a"}}],
        },
        {
            "label": {"ru": "x", "en": "x"},
            "values": [{"from": date(2011, 1, 1), "value": 1, "source": {"ru": "a", "en": "a"}}],
        },
        {
            "label": {"ru": "x", "en": "x"},
            "unit": "rub",
            "values": [
                {"from": date(2012, 1, 1), "value": 1, "source": {"ru": "a", "en": "a"}},
                {"from": date(2011, 1, 1), "value": 2, "source": {"ru": "a", "en": "a"}},
            ],
        },
    ],
    ids=["no date", "no source", "source in one language", "no unit", "dates out of order"],
)
def test_the_loader_rejects_undated_or_unsourced_values(raw: dict) -> None:
    with pytest.raises(RuleDataError):
        parse_parameter("test.x", raw)


def test_a_second_country_is_a_folder_of_data(tmp_path: Path) -> None:
    """A country is its own folder: country.yaml plus topic files, read by the same loader."""
    (tmp_path / "country.yaml").write_text(
        "code: xx\nholidays_code: VN\ncovered: {from: 2024-01-01, to: 2025-12-31}\nchecked_on: 2025-01-01\n",
        encoding="utf-8",
    )
    (tmp_path / "tax.yaml").write_text(
        "rate:\n  label: {ru: ставка, en: rate}\n  unit: rate\n  values:\n"
        "    - {from: 2024-01-01, value: 0.1, source: {ru: закон, en: law}}\n",
        encoding="utf-8",
    )
    rb = RuleBook("xx", tmp_path)
    assert rb.value("tax.rate", date(2024, 6, 1)) == Decimal("0.1")
    with pytest.raises(OutOfRangeError):
        rb.value("tax.rate", date(2026, 1, 1))
