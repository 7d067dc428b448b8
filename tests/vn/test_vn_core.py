"""What calc.core gives Vietnam: texts in vi with English fallback, vi_VN formatting, rule texts in vi/en."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calc.core.errors import RuleDataError
from calc.core.rules import RuleBook, parse_parameter
from calc.core.text import day, dong, percent, quantity, tr


def test_vietnamese_text_falls_back_to_english() -> None:
    assert tr({"vi": "lương cơ sở", "en": "base salary"}, "vi") == "lương cơ sở"
    assert tr({"vi": "lương cơ sở", "en": "base salary"}, "ru") == "base salary"
    assert tr({"ru": "оклад", "en": "salary"}, "vi") == "salary"


def test_vi_vn_formatting() -> None:
    assert dong(30_000_000, "vi") == "30.000.000\u00a0₫"
    assert dong(30_000_000, "en") == "30,000,000\u00a0₫"
    assert quantity(Decimal("881244.4"), "vnd", "vi") == "881.244,4\u00a0₫"
    assert percent(Decimal("0.175"), "vi") == "17,5%"
    assert day(date(2026, 7, 1), "vi") == "01/07/2026"


def test_rule_texts_must_be_in_the_countrys_languages(tmp_path: Path) -> None:
    raw = {"label": {"en": "Base salary"}, "unit": "vnd",
           "values": [{"from": date(2025, 1, 1), "value": 1, "source": {"vi": "NĐ", "en": "Decree"}}]}
    with pytest.raises(RuleDataError) as e:
        parse_parameter("wages.base_salary", raw, ("vi", "en"))
    assert "vi, en" in e.value.message("vi")
    raw["label"]["vi"] = "Lương cơ sở"
    assert parse_parameter("wages.base_salary", raw, ("vi", "en")).label["vi"] == "Lương cơ sở"
    with pytest.raises(RuleDataError):
        parse_parameter("wages.base_salary", raw)  # Russia's default: ru and en


def test_vietnam_rulebook_reads_vi_en() -> None:
    rb = RuleBook("vn")
    assert rb.languages == ("vi", "en")
    assert rb.value("wages.minimum_wage", date(2026, 1, 1))["I"] == 5_310_000
