"""Numbers typed into the apps are read the way the page's language writes them (issue 12): babel in
the page's locale, strict; a text that could mean two numbers is refused with a message, never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calc
from calc.core.text import money, num
from payroll_ui.apps import cost
from payroll_ui.kit import read_number


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "120,000", "120000"), ("en", "120,000.00", "120000.00"), ("en", "120 000 ₽", "120000"),
    ("en", "8300.50", "8300.50"), ("ru", "120 000", "120000"), ("ru", "120\u00a0000,00 ₽", "120000.00"),
    ("ru", "8300,50", "8300.50"), ("ru", "8300.50", "8300.50"), ("ru", "120,00", "120.00"), ("ru", "15 %", "15"),
])
def test_accepted(lang: str, text: str, value: str) -> None:
    assert read_number(text, lang, "salary") == Decimal(value)


@pytest.mark.parametrize(("lang", "text", "said"), [
    ("ru", "120,000", "120 000"), ("ru", "120.000", "120 000"), ("ru", "1,500", "1,5"),
    ("en", "8300,50", "8300.50"), ("en", "120,00", "120.00"), ("en", "abc", "abc"), ("ru", "12a", "12a"),
])
def test_ambiguous_or_not_a_number_is_refused_with_a_message(lang: str, text: str, said: str) -> None:
    with pytest.raises(calc.InputError) as e:
        read_number(text, lang, "salary")
    assert e.value.field == "salary"
    assert said in e.value.message(lang).replace("\u00a0", " ")


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["ru", "en"]))
def test_the_pages_own_formats_read_back(value: Decimal, lang: str) -> None:
    """What a page prints ("120 000,00 ₽", "120,000.00 ₽", grouped digits) is read back as the same number."""
    assert read_number(money(value, lang), lang, "x") == value
    assert read_number(num(value, lang, "#,##0.00"), lang, "x") == value


def test_english_grouping_reaches_the_figures_and_the_link() -> None:
    app = cost.build("en")
    app.w_amount.value = "120,000"
    assert app.messages() == {}
    assert app.figures["gross"] == calc.employer_cost(Decimal(120000), app.w_year.value).gross
    assert app.shown_scenario()["amount"] == "120000"  # the link carries the number, not the typed text
    app.set_lang("ru")
    app.w_amount.value = "120,000"
    assert "amount" in app.messages() and app.figures["gross"] == Decimal("120000.00")  # kept, dimmed
