"""Text cells: checked as they are stored, free text kept (never rejected for a leading = + - @), and no
cell of the exported XLSX file can run as a formula; the XLSX names the proposed scale in both languages."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from app_upload import texts_of

import calc
from calc import workforce as W
from calc.core.text import tr
from calc.workforce.export import rejected_xlsx, safe, to_xlsx

TODAY = date(2026, 11, 21)
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")
STEPS = [(0, "0.1"), (5, "0.2")]


def table(rows: list[list[str]]) -> W.Checked:
    head = ["id", "name", "occupation", "department", "salary", "years_of_service", "scale"]
    return W.read_table(("\n".join(",".join(f'"{c}"' for c in r) for r in [head, *rows]) + "\n").encode(), "staff.csv")


TRICKY = [
    ["1", "\n=1+1", "teacher", "Школы", "50000", "3", "education"],  # row 2: the formula after a line feed
    ["2", "Орлова", "-", "-", "50000", "3", "education"],  # row 3: placeholders in free text
    ["3", " @SUM(A1)", "+7 900", "\t=cmd|' /C calc'!A0", "50000", "3", "education"],  # row 4
    ["\n=2+2", "Белов", "driver", "", "50000", "3", "education"],  # row 5: an id is never rewritten
    ["5", "Ким", "", "", "50000", "3", "=cmd"],  # row 6: neither is a scale id
    ["6", "Ли", "", "", "=1*2", "3", "education"],  # row 7: nor a number
]


def test_free_text_is_kept_as_text_and_checked_after_the_same_strip() -> None:
    chk = W.check(table(TRICKY), 2026, today=TODAY)
    e = chk.employees.set_index("row")
    assert e.index.tolist() == [2, 3, 4]
    # stored stripped, so the check looks at the stripped text: '\n=1+1' is '=1+1', kept behind an apostrophe
    assert e.loc[2, "name"] == "'=1+1"
    assert e.loc[3, "occupation"] == "'-" and e.loc[3, "department"] == "'-"
    assert e.loc[4, "name"] == "'@SUM(A1)" and e.loc[4, "occupation"] == "'+7 900"
    assert e.loc[4, "department"] == "'=cmd|' /C calc'!A0"
    rej = chk.rejected.set_index("row")
    assert rej.loc[5, "column"] == "id" and "formulas are not accepted" in tr(rej.loc[5, "reason"], "en")
    assert rej.loc[6, "column"] == "scale" and "формулы не принимаются" in tr(rej.loc[6, "reason"], "ru")
    assert rej.loc[7, "column"] == "salary"
    notes = " ".join(n["en"] for n in chk.notices)
    assert "Column 'name' (name): cells starting with = + - or @ — 2 (rows 2, 4)" in notes
    assert "Column 'department' (department): cells starting with = + - or @ — 2 (rows 3, 4)" in notes
    assert "апострофом" in " ".join(n["ru"] for n in chk.notices)


def test_an_id_after_a_line_feed_is_checked_as_stored() -> None:
    chk = W.check(table([["\n=1+1", "a", "", "", "50000", "3", "education"]]), 2026, today=TODAY)
    assert chk.employees.empty and chk.rejected["column"].tolist() == ["id"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_exported_cell_can_run_as_a_formula(lang: str) -> None:
    cmp = W.compare(table(TRICKY), 2026, STEPS, today=TODAY, strict=False)
    for data in (to_xlsx(cmp, lang), rejected_xlsx(cmp.rejected, lang)):
        texts = texts_of(data)
        assert texts
        assert not [t for t in texts if t.startswith(FORMULA) or t.lstrip().startswith(FORMULA[:4])]
    texts = texts_of(to_xlsx(cmp, lang))
    assert {"'=1+1", "'-", "'@SUM(A1)", "'=cmd|' /C calc'!A0", "'=cmd", "'=1*2"} <= set(texts)


def test_safe_also_covers_spaces_and_line_feeds() -> None:
    for bad in [" =1", "\n=1", "  @x", "\nabc"]:
        assert safe(bad) == "'" + bad
    assert safe("'=1") == "'=1" and safe("Иванов") == "Иванов" and safe(3) == 3


@pytest.mark.parametrize(
    ("lang", "label", "current", "rejected"),
    [
        (
            "ru",
            "Предлагаемая шкала",
            "Педагогические работники (вариант 10–30 %)",
            "Отклонено строк (не посчитаны; список — на листе «Отклонено»)",
        ),
        (
            "en",
            "Proposed scale",
            "Teaching staff (10–30% version)",
            "Rows rejected (not computed; listed on the sheet 'Rejected')",
        ),
    ],
    ids=["ru", "en"],
)
def test_the_proposed_scale_and_the_rejected_count_in_the_workbook(
    lang: str, label: str, current: str, rejected: str
) -> None:
    cmp = W.compare(table(TRICKY), 2026, STEPS, today=TODAY, strict=False)
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(cmp, lang)))
    summary = {r[0].value: r[1].value for r in wb.worksheets[0].iter_rows()}
    assert summary[rejected] == 3 == cmp.rejected["row"].nunique()
    scales = {r[0].value for r in wb.worksheets[3].iter_rows(min_row=2)}
    assert scales == {label, current}  # the scales' names, never their ids
    employees = list(wb.worksheets[2].iter_rows(values_only=True))
    proposed_col = employees[0].index("Предлагаемая шкала" if lang == "ru" else "Proposed scale")
    current_col = employees[0].index("Текущая шкала" if lang == "ru" else "Current scale")
    assert {r[proposed_col] for r in employees[1:]} == {label}
    assert {r[current_col] for r in employees[1:]} == {current}
    ids = set(calc.SCALES) | {"proposed", "current"}
    assert not ids & {c for r in employees for c in r} and not ids & scales
    # money is exact: written from kopecks, read back as the same rubles
    proposed = "Надбавка за выслугу: предлагаемая" if lang == "ru" else "Long-service allowance: proposed"
    money = employees[0].index(proposed)
    per = cmp.per_employee()
    assert [round(r[money] * 100) for r in employees[1:]] == per["bonus_proposed_kop"].tolist()


def test_a_current_scale_given_as_rows_is_named_current() -> None:
    cmp = W.compare(table(TRICKY[:1]), 2026, STEPS, current=[(0, "0.05")], today=TODAY)
    assert cmp.current.scales[0].id == "current" and cmp.proposed.scales[0].id == "proposed"
    assert W.scale_name("current", "ru") == "текущая" and W.scale_name("police", "ru") == "police"
