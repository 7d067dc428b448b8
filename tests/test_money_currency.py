"""The core money check in each currency (calc.core.money.amount): rubles keep kopecks; đồng, which has no
minor unit, read with its digit groups, whole only, its messages in the amount's own words (calc/vn uses it)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.core.errors import InputError
from calc.core.money import amount
from calc.core.text import dong


@given(st.integers(min_value=0, max_value=10**11), st.sampled_from(["vi", "en"]))
def test_dong_as_written_is_read_back(n: int, lang: str) -> None:
    shown = dong(n, lang)
    assert amount(shown, currency="VND") == n
    assert amount(shown.replace("\u00a0₫", ""), currency="VND") == n


@pytest.mark.parametrize("text", ["1000.5", "1000,5", "12,5 ₫"])
def test_a_fraction_of_a_dong_is_refused(text: str) -> None:
    with pytest.raises(InputError) as e:
        amount(text, "gross", currency="VND")
    assert "đồng" in e.value.message("en") and "đồng chẵn" in e.value.message("vi")


def test_each_currency_says_its_own_range() -> None:
    with pytest.raises(InputError) as e:
        amount(-1, currency="VND")
    assert "100.000.000.000\u00a0₫" in e.value.message("vi")
    with pytest.raises(InputError) as e:
        amount(-1)
    assert "1\u00a0000\u00a0000\u00a0000 ₽" in e.value.message("ru")
    assert amount("75000") == Decimal("75000.00") and amount("75000", currency="VND") == Decimal(75000)
    with pytest.raises(InputError) as e:
        amount("1.200.000")  # rubles: two ways to read it, refused as before
    assert "two ways" in e.value.message("en")
    assert amount("1.200.000", currency="VND") == 1_200_000
    with pytest.raises(InputError) as e:
        amount("nhiều", "gross", currency="VND")
    assert "bằng số đồng" in e.value.message("vi")
