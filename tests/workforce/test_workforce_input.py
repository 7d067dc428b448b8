"""Uploaded workforce tables: every problem reported (ru/en), nothing silently dropped; safe export."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from app_upload import texts_of

import calc
from calc import workforce as W
from calc.core.text import tr
from calc.workforce.export import safe, to_xlsx

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 21)

GOOD = (
    "id,salary,hire_date,scale,kind,district_coef,northern_percent,children\n"
    "1,50000,2015-03-01,civil_service,general,1,0,0\n"
    "2,65000.50,01.09.2019,education,sme,1.5,0.5,2\n"
)


def csv(text: str) -> pd.DataFrame:
    return W.read_table(text.encode("utf-8"), "staff.csv")


def check(text: str, year: int = 2026, **kw: object) -> W.Checked:
    return W.check(csv(text), year, today=TODAY, **kw)


def reasons(chk: W.Checked, lang: str = "en") -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for r in chk.rejected.itertuples():
        out.setdefault(r.row, []).append(tr(r.reason, lang))
    return out


def test_good_file_has_no_rejections() -> None:
    chk = check(GOOD)
    assert chk.rejected.empty and len(chk.employees) == 2
    e = chk.employees
    assert e["salary_kop"].tolist() == [5_000_000, 6_500_050]
    assert str(e["hire_date"].iloc[1])[:10] == "2019-09-01"
    assert e["district_coef"].tolist() == ["1", "1.5"]


@pytest.mark.parametrize(
    ("header", "needle_en", "needle_ru"),
    [
        ("id,salry,hire_date,scale", "did you mean 'Salary, RUB'", "возможно, имелся в виду «Оклад, руб.»"),
        ("id,hire_date,scale", "the required column 'Salary, RUB'", "нет обязательного столбца «Оклад, руб.»"),
        ("id,salary,scale", "a column 'Hire date' or 'Years of service' is needed", "«Дата приёма» или «Стаж, лет»"),
        ("id,salary,hire_date,scale,childen", "did you mean 'Children'", "«Дети»"),
        ("id,salary,hire_date,scale,Оклад (руб.)", "columns 'salary' and 'Оклад (руб.)' both mean", "оба означают"),
    ],
)
def test_column_problems_name_the_nearest_expected_column(header: str, needle_en: str, needle_ru: str) -> None:
    with pytest.raises(calc.InputError) as e:
        check(header + "\n" + ",".join(str(i) for i in range(header.count(",") + 1)) + "\n")
    assert needle_en in e.value.message("en")
    assert needle_ru in e.value.message("ru")
    assert e.value.field == "columns"


def test_scale_column_required_only_without_a_default() -> None:
    text = "id,salary,hire_date\n1,50000,2015-03-01\n"
    with pytest.raises(calc.InputError, match="'Seniority scale' is missing"):
        check(text)
    assert check(text, scale="police").employees["scale"].tolist() == ["police"]


def test_a_row_with_too_many_cells_is_rejected_alone() -> None:
    text = (
        "id,name,salary,years_of_service,scale\n"
        "1,Иванова Анна,50000,3,police\n"  # row 2
        "2,Петров, Пётр,61000,4,police\n"  # row 3: an unquoted comma in the name
        "3,Сидоров,70000\n"  # row 4: too few cells — rejected on its own, as before
        '4,"Кузнецов, Иван",52000,5,police\n'  # row 5: quoted, fine
        "5,Орлова,48000,2,police,\n"  # row 6: a trailing separator (an empty cell) is harmless
        "\n"  # row 7: a blank line is skipped, the numbering goes on as in a spreadsheet
        "6,Белов,55000,1,police\n"  # row 8
    )
    chk = check(text)
    assert chk.employees["row"].tolist() == [2, 5, 6, 8]
    assert chk.employees["name"].tolist() == ["Иванова Анна", "Кузнецов, Иван", "Орлова", "Белов"]
    r = reasons(chk)
    assert set(r) == {3, 4}
    assert r[3] == [
        "the row has 6 cells but the header has 5: a text probably contains the separator without quotes "
        '(e.g. "Petrov, Pyotr") — put such text in quotes; the row is not computed'
    ]
    assert "в строке 6 ячеек, а в заголовке 5" in reasons(chk, "ru")[3][0]
    row3 = chk.rejected[chk.rejected["row"] == 3].iloc[0]
    assert row3["id"] == "2" and row3["value"] == "2,Петров, Пётр,61000,4,police"
    assert any("Empty rows skipped (1): 7" in n["en"] for n in chk.notices)
    assert any("Пустые строки пропущены (1): 7" in n["ru"] for n in chk.notices)
    # the marker column is not a column of the file
    assert not any("_malformed_row" in n["en"] for n in chk.notices)


def test_a_quote_open_to_the_end_stops_with_its_line() -> None:
    # the rows after an unclosed quote would vanish into one cell: the file as a whole is refused
    with pytest.raises(calc.InputError) as e:
        csv('id,name,salary,years_of_service,scale\n1,a,2,3,police\n2,"Петров,3,4,police\n3,b,5,6,police\n')
    assert "a quote opened on line 3 is not closed" in e.value.message("en")
    assert "кавычка, открытая в строке 3" in e.value.message("ru")
    # a stray quote inside a cell is read as a spreadsheet reads it
    chk = check('id,name,salary,years_of_service,scale\n1,"a"b,50000,3,police\n2,c"d,50000,3,police\n')
    assert chk.employees["name"].tolist() == ["ab", 'c"d']


def test_unrelated_columns_are_listed_not_silently_ignored() -> None:
    chk = check(GOOD.replace("children\n", "children,comment\n").replace(",0\n", ",0,ok\n").replace(",2\n", ",2,x\n"))
    assert chk.rejected.empty
    assert any("comment" in n["en"] for n in chk.notices)


def test_russian_headers_semicolons_and_decimal_commas() -> None:
    text = "Табельный номер;Оклад;Дата приёма;Шкала;Дети\nА-1;45 300,50;15.02.2012;archives;1\n"
    chk = check(text)
    assert chk.rejected.empty
    assert chk.employees["salary_kop"].tolist() == [4_530_050]
    assert chk.employees["id"].tolist() == ["А-1"]


def test_windows_1251_csv() -> None:
    text = "id;оклад;стаж;шкала\n7;30000;4;police\n"
    chk = W.check(W.read_table(text.encode("cp1251"), "a.csv"), 2026, today=TODAY)
    assert chk.rejected.empty and chk.employees["service_months"].tolist() == [48]


BAD = (
    "id,salary,hire_date,years_of_service,scale,kind,district_coef,northern_percent,children,occupation\n"
    "1,50000,2015-03-01,,civil_service,general,1,0,0,teacher\n"  # row 2 good
    "2,-100,2015-03-01,,civil_service,general,1,0,0,\n"  # 3 negative
    "3,abc,2015-03-01,,civil_service,general,1,0,0,\n"  # 4 not a number
    "4,100.555,2015-03-01,,civil_service,general,1,0,0,\n"  # 5 decimals
    "5,50000,2027-01-05,,civil_service,general,1,0,0,\n"  # 6 future
    "6,50000,31/31/2020,,civil_service,general,1,0,0,\n"  # 7 not a date
    "7,50000,2015-03-01,,navy,general,1,0,0,\n"  # 8 unknown scale
    "8,50000,2015-03-01,,civil_service,corp,1,0,0,\n"  # 9 unknown kind
    "9,50000,2015-03-01,,civil_service,general,0.9,0,0,\n"  # 10 coefficient < 1
    "10,50000,2015-03-01,,civil_service,general,1,50,0,\n"  # 11 percent given as 50
    "11,50000,2015-03-01,,civil_service,general,1,0,1.5,\n"  # 12 children not whole
    '12,50000,2015-03-01,,civil_service,general,1,0,0,=HYPERLINK("http://evil")\n'  # 13 formula
    "=1+1,50000,2015-03-01,,civil_service,general,1,0,0,\n"  # 14 formula id
    "14,50000,,,civil_service,general,1,0,0,\n"  # 15 neither date nor years
    "15,50000,,85,civil_service,general,1,0,0,\n"  # 16 years > 80
    "16,0,2015-03-01,,civil_service,general,1,0,0,\n"  # 17 zero
    "17,50000,2015-03-01,,civil_service,general,1,0,0,@cmd\n"  # 18 formula @
    "18,50000,2015-03-01,,,general,1,0,0,\n"  # 19 no scale, no default
    ",50000,2015-03-01,,civil_service,general,1,0,0,\n"  # 20 empty id
    "20,50000,1900-01-01,,civil_service,general,1,0,0,\n"  # 21 more than 80 years
    "21,=2*3,2015-03-01,,civil_service,general,1,0,0,\n"  # 22 formula salary
    "22,50000,,4.5,civil_service,,,,,\n"  # 23 good: defaults for empty optional cells
    "23,99999999,2015-03-01,,civil_service,general,1,0,0,\n"  # 24 above the engine's limit
    "24,50000,2015-03-01,,civil_service,general,1.1234567,0,0,\n"  # 25 too many decimals
)


def test_every_bad_row_rejected_with_its_reason_and_good_rows_kept() -> None:
    chk = check(BAD)
    r = reasons(chk)
    # rows 13 and 18: a formula-like occupation is kept as text behind an apostrophe, not rejected
    assert set(chk.employees["row"]) == {2, 13, 18, 23}
    assert set(r) == set(range(3, 23)) - {13, 18} | {24, 25}
    # nothing silently dropped: every data row is either processed or rejected
    assert len(chk.employees) + chk.rejected["row"].nunique() == len(BAD.splitlines()) - 1
    expect = {
        3: "negative",
        4: "a number is needed",
        5: "at most 2 decimals",
        6: "in the future",
        7: "not a date",
        8: "unknown scale 'navy'",
        9: "unknown employer kind 'corp'",
        10: "from 1 to 3",
        11: "give a fraction: 0.5 for 50%",
        12: "a whole number",
        14: "formulas are not accepted",
        15: "neither a hire date nor years of service",
        16: "from 0 to 80",
        17: "must be above 0",
        19: "no seniority scale given",
        20: "id is empty",
        21: "more than 80 years",
        22: "formulas are not accepted",
        24: "the engine's limit",
        25: "up to 6 decimals",
    }
    for row, needle in expect.items():
        assert any(needle in x for x in r[row]), (row, r[row])
    ru = reasons(chk, "ru")
    assert all(ru[row] for row in expect)
    assert "отрицательным" in ru[3][0]
    e = chk.employees.set_index("row")
    assert e.loc[23, "service_months"] == 54 and e.loc[23, "kind"] == "general"
    assert e.loc[23, "district_coef"] == "1" and e.loc[23, "children"] == 0
    assert e.loc[13, "occupation"] == '\'=HYPERLINK("http://evil")' and e.loc[18, "occupation"] == "'@cmd"
    assert any("rows 13, 18" in n["en"] and "leading apostrophe" in n["en"] for n in chk.notices)


def test_duplicate_ids_reject_every_copy() -> None:
    text = "id,salary,years_of_service,scale\n1,100,1,police\n2,100,1,police\n1,200,1,police\n"
    chk = check(text)
    assert chk.employees["id"].tolist() == ["2"]
    r = reasons(chk)
    assert set(r) == {2, 4} and "rows 2, 4" in r[2][0]


def test_hired_after_the_year_is_not_employed_that_year() -> None:
    chk = check("id,salary,hire_date,scale\n1,100,2020-05-01,police\n", year=2015)
    assert "after 2015" in tr(chk.rejected["reason"].iloc[0], "en")


def test_empty_too_large_and_wrong_kind_of_file() -> None:
    with pytest.raises(calc.InputError, match="empty"):
        W.read_table(b"", "a.csv")
    with pytest.raises(calc.InputError, match="no data rows"):
        W.read_table(b"id,salary\n", "a.csv")
    with pytest.raises(calc.InputError, match="too large") as e:
        W.read_table(b"x" * 2000, "a.csv", max_bytes=1000)
    assert "слишком большой" in e.value.message("ru")
    with pytest.raises(calc.InputError, match="CSV or XLSX"):
        W.read_table(b"abc", "a.pdf")
    with pytest.raises(calc.InputError, match="XLSX file cannot be read"):
        W.read_table(b"not a zip", "a.xlsx")
    with pytest.raises(calc.InputError, match="rows; the page takes at most 2"):
        W.read_table(b"id\n1\n2\n3\n", "a.csv", max_rows=2)
    with pytest.raises(calc.InputError):
        W.check(pd.DataFrame(), 2026)


def test_xlsx_upload_with_dates_and_numbers() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Salary", "Hire date", "Scale", "Northern percent"])
    ws.append([101, 55000.5, date(2010, 5, 20), "police", 0.3])
    ws.append([102, 1e5, "2001-01-01", "archives", None])
    buf = io.BytesIO()
    wb.save(buf)
    chk = W.check(W.read_table(buf.getvalue(), "staff.xlsx"), 2026, today=TODAY)
    assert chk.rejected.empty
    assert chk.employees["id"].tolist() == ["101", "102"]
    assert chk.employees["salary_kop"].tolist() == [5_500_050, 10_000_000]
    assert chk.employees["northern_percent"].tolist() == ["0.3", "0"]


def test_typed_frames_take_the_fast_paths() -> None:
    df = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "salary": [45000.10, 1e6, 12.345],
            "hire_date": pd.to_datetime(["2001-02-03", "2020-01-01", "2020-01-01"]),
            "scale": "police",
            "district_coef": [1.15, 1.0, 1.0],
        }
    )
    chk = W.check(df, 2026, today=TODAY)
    assert chk.employees["salary_kop"].tolist() == [4_500_010, 100_000_000]
    assert chk.employees["district_coef"].tolist() == ["1.15", "1.0"]
    assert "at most 2 decimals" in tr(chk.rejected["reason"].iloc[0], "en")


def test_rejected_rows_in_the_strict_api() -> None:
    with pytest.raises(calc.InputError) as e:
        W.year_workforce(csv(BAD), 2026, today=TODAY)
    assert "Rows rejected: 20" in e.value.message("en") and "Отклонено строк: 20" in e.value.message("ru")


# ------------------------------------------------------------------ export


def test_safe_escapes_formula_starts() -> None:
    for bad in ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert safe(bad) == "'" + bad
    assert safe("ok") == "ok" and safe(-5) == -5


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_xlsx_export_has_no_runnable_formula(lang: str) -> None:
    text = BAD.replace(",teacher\n", ",=cmd|' /C calc'!A0\n")
    cmp = W.compare(csv(text), 2026, [(0, "0.1"), (5, "0.2")], today=TODAY, strict=False)
    data = to_xlsx(cmp, lang)
    texts = texts_of(data)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert all(not t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)
    assert "'=cmd|' /C calc'!A0" in texts
    assert len(wb.sheetnames) == 5
    rejected = wb.worksheets[4]
    assert rejected.max_row - 1 == len(cmp.rejected)
    summary = {r[0].value: r[1].value for r in wb.worksheets[0].iter_rows()}
    label = "Изменение затрат работодателя за год" if lang == "ru" else "Change in the employer's annual cost"
    assert pytest.approx(float(cmp.headline()["cost_change"])) == summary[label]


# ------------------------------------------------------------------ the sample


def test_committed_sample_equals_the_generator() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample_workforce.py"), "--check"], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("year", [2025, 2026])
def test_sample_is_clean_for_recent_years(year: int) -> None:
    chk = W.check(W.sample_workforce(), year, today=TODAY)
    assert chk.rejected.empty and len(chk.employees) == 3000 and not chk.notices
    assert set(chk.employees["kind"]) == {"general", "sme"}
    assert (chk.employees["district_coef"] != "1").sum() > 100
