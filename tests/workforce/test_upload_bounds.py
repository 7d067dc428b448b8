"""Uploads are bounded while they are read: a zip bomb is refused by its unpacked size before any XML is
parsed, a CSV or a sheet with too many rows stops at the limit, a formula cell without a saved value is
refused as in a CSV. Time and memory of the refusal: benchmarks/bench_upload_bounds.py."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

import calc
from calc import workforce as W
from calc.core.text import tr
from calc.workforce import input as I

TODAY = __import__("datetime").date(2026, 11, 21)


def workbook(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_bomb(unpacked: int) -> bytes:
    """A valid XLSX whose sheet XML is padded with empty rows to ``unpacked`` bytes (packs ~1000:1)."""
    good = zipfile.ZipFile(io.BytesIO(workbook([["id", "salary"], [1, 50000]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in good.infolist():
            data = good.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                with z.open(info.filename, "w", force_zip64=True) as f:
                    head, tail = data.split(b"</sheetData>")
                    f.write(head)
                    chunk = b"<row/>" * 100_000
                    for _ in range(unpacked // len(chunk) + 1):
                        f.write(chunk)
                    f.write(b"</sheetData>" + tail)
            else:
                z.writestr(info, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = zip_bomb(I.MAX_UNPACKED + 1)
    assert len(bomb) < 1_000_000  # a small file …
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist()) > I.MAX_UNPACKED  # … that expands

    def never(*a: object, **k: object) -> None:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(calc.InputError) as e:
        W.read_table(bomb, "staff.xlsx")
    assert e.value.field == "file"
    assert "the limit is 100 MB" in e.value.message("en") and "допустимо до 100 МБ" in e.value.message("ru")


def test_a_tightly_packed_workbook_is_refused_by_its_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = zip_bomb(20_000_000)  # under the size limit, but 20 MB from a ~20 kB file
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(calc.InputError, match="unpacks to 20 MB"):
        W.read_table(bomb, "staff.xlsx")


def test_a_csv_with_too_many_rows_stops_at_the_limit() -> None:
    # after the limit, a quote left open to the end would be its own error if the rest were read
    text = "id,salary\n" + "".join(f"{i},50000\n" for i in range(1, 12)) + '12,"50000\n13,1\n'
    with pytest.raises(calc.InputError, match="CSV: a quote opened"):
        W.read_table(text.encode(), "a.csv", max_rows=20)  # under the limit: the whole file is read
    with pytest.raises(calc.InputError) as e:
        W.read_table(text.encode(), "a.csv", max_rows=10)
    assert "more than 10 rows; the page takes at most 10" in e.value.message("en")
    assert "больше 10 строк" in e.value.message("ru")


def test_blank_lines_do_not_count_and_the_limit_itself_is_accepted() -> None:
    text = "\n\nid,salary\n" + "".join(f"{i},50000\n" for i in range(1, 11)) + "\n\n\n"
    assert len(W.read_table(text.encode(), "a.csv", max_rows=10)) == 10


def test_a_sheet_with_too_many_rows_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook([["id", "salary"]] + [[i, 50000] for i in range(1, 1001)])
    assert len(W.read_table(data, "a.xlsx", max_rows=1000)) == 1000
    seen = []
    real = I._xlsx_value
    monkeypatch.setattr(I, "_xlsx_value", lambda c: seen.append(1) or real(c))
    with pytest.raises(calc.InputError, match="more than 10 rows"):
        W.read_table(data, "a.xlsx", max_rows=10)
    assert len(seen) <= 2 * 12  # the header, 10 rows and the first one over: the other 989 never read


def test_a_formula_without_a_saved_value_is_refused_as_in_a_csv() -> None:
    data = workbook(
        [["id", "salary", "years_of_service", "scale"], [1, "=40000+10000", 3, "police"], [2, 60000, 3, "police"]]
    )
    chk = W.check(W.read_table(data, "staff.xlsx"), 2026, today=TODAY)
    assert chk.employees["id"].tolist() == ["2"]
    row = chk.rejected.iloc[0]
    assert row["row"] == 2 and row["column"] == "salary" and "formulas are not accepted" in tr(row["reason"], "en")
    csv = W.check(
        W.read_table(b"id,salary,years_of_service,scale\n1,=40000+10000,3,police\n", "a.csv"), 2026, today=TODAY
    )
    assert tr(csv.rejected.iloc[0]["reason"], "en") == tr(row["reason"], "en")
