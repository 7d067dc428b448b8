"""The check's fast paths give the same answers as the plain ones: repeated ids found in one compiled pass
(against pandas' ``duplicated``), and few-valued text columns of a large table read once per distinct value
(against the same rows checked in small pieces, where that path is not taken)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import workforce as W
from calc.workforce.input import _repeated, reasons

TODAY = date(2026, 11, 21)
TEXTS = st.lists(st.sampled_from(["1", "01", "a", "A", "", "ё", "е", "Ж-7", "x" * 40, "7 ", "Таб № 5"]), max_size=60)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.data(), st.sampled_from(["str", object]))
def test_repeated_ids_as_pandas_finds_them(values: list[str], data: st.DataObject, dtype: object) -> None:
    s = pd.Series(values, dtype=dtype)
    counted = np.array(data.draw(st.lists(st.booleans(), min_size=len(s), max_size=len(s))), bool)
    expected = s.where(counted).duplicated(keep=False).to_numpy() & counted
    assert (_repeated(s, counted) == expected).all()
    if len(s) > 3:  # a slice of a column (an offset into the text buffers)
        tail = s.iloc[3:].reset_index(drop=True)
        assert (_repeated(tail, counted[3:]) == (tail.where(counted[3:]).duplicated(keep=False) & counted[3:])).all()


def messy_table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    pick = lambda *v: rng.choice(np.array(v, dtype=object), n)  # noqa: E731
    return pd.DataFrame(
        {
            "id": [f"T{i}" for i in range(n)],
            "salary": pick("50000", "61 500,50", "-5", "abc", "", "70000"),
            "hire_date": pick("2015-03-01", "01.09.2019", "2031-01-01", "вчера", ""),
            "scale": pick("civil_service", "Образование", " EDUCATION ", "no such scale", "=1+1", ""),
            "kind": pick("general", "sme", "МСП", "banana", ""),
            "district_coef": pick("1", "1,15", "1.5", "7", "x", ""),
            "northern_percent": pick("0", "0.5", "50", ""),
            "children": pick("0", "2", "1.5", "30", ""),
            "gender": pick("ж", "М", "female", "?", ""),
            "department": pick("Цех 1", "=HYPERLINK()", "Бухгалтерия", ""),
        }
    ).astype("str")


def test_large_table_checked_as_its_pieces() -> None:
    n, piece = 3000, 500  # the fast path starts at 1000 rows
    table = messy_table(n)
    whole = W.check(table, 2026, scale="civil_service", today=TODAY)
    parts = [
        W.check(
            table.iloc[a : a + piece].reset_index(drop=True), 2026, scale="civil_service", today=TODAY, first_row=a + 2
        )
        for a in range(0, n, piece)
    ]
    rej = pd.concat([p.rejected for p in parts], ignore_index=True)
    assert len(whole.rejected) > 1000  # the table is messy enough to test something

    def shown(r: pd.DataFrame) -> list[tuple]:  # each reason as the reader sees it, in both languages
        return list(zip(r["row"], r["column"], reasons(r, "en"), reasons(r, "ru"), strict=True))

    assert shown(whole.rejected) == shown(rej.sort_values(["row", "column"], kind="stable"))
    emp = pd.concat([p.employees for p in parts], ignore_index=True)
    assert len(whole.employees) == len(emp) > 50
    for c in whole.employees.columns:
        assert whole.employees[c].astype(str).tolist() == emp[c].astype(str).tolist(), c
