"""The app's limits hold together: every upload the page accepts can be downloaded as XLSX, and every
rejected row can be reached (on the page, in the results file, or in a rejected-rows file of its own)."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
from app_pages import figures_in
from app_upload import upload

from calc.workforce.input import MAX_BYTES
from payroll_ui.apps import bargaining as B

ROOT = Path(__file__).resolve().parents[2]
SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Новиков", "Морозов"]
NAMES = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Николай", "Павел", "Юрий"]
PATRONYMICS = ["Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Иванович", "Петрович", "Юрьевич"]
DEPARTMENTS = [
    "Средняя общеобразовательная школа № {}",
    "Городская клиническая больница № {}, терапевтическое отделение",
    "Управление социальной защиты населения района № {}",
]
OCCUPATIONS = ["Учитель начальных классов", "Медицинская сестра", "Главный специалист-эксперт"]


def staff_csv(rows: int, bad: int = 0, seed: int = 5, text: bool = True) -> bytes:
    """A realistic upload with every text column filled (names vary, so the text compresses as real ones),
    just under the 5 MB limit at 20,000 rows; ``bad`` rows have a salary that is not a number."""
    rng = np.random.default_rng(seed)
    lines = ["id,name,department,occupation,salary,hire_date,scale,kind,district_coef,northern_percent,children"]
    scales = ["education", "civil_service", "anti_plague_medical", "archives"]
    for i in range(rows):
        name = f"{rng.choice(SURNAMES)} {rng.choice(NAMES)} {rng.choice(PATRONYMICS)}"
        dept = DEPARTMENTS[i % 3].format(rng.integers(1, 300))
        salary = "abc" if i < bad else f"{rng.integers(25_000, 250_000)}.{rng.integers(0, 100):02d}"
        hire = f"{rng.integers(1985, 2026)}-{rng.integers(1, 13):02d}-{rng.integers(1, 29):02d}"
        coef, pct = ("1.5", "0.5") if i % 10 == 0 else ("1", "0")
        lines.append(
            f'T{i + 1:06d},{name},"{dept}",{OCCUPATIONS[i % 3]},{salary},{hire},{scales[i % 4]},general,'
            f"{coef},{pct},{rng.integers(0, 4)}"
        )
    return ("\n".join(lines) + "\n").encode()


def figures(a: Any) -> dict[str, str]:
    return figures_in(a.status.value)


def link(a: Any, cls: str) -> bytes:
    m = re.search(rf'<a class="{cls}" download="[^"]+" href="data:[^;]+;base64,([^"]+)"', a.download.value)
    assert m, a.download.value
    return base64.b64decode(m.group(1))


def test_the_largest_upload_the_page_accepts_downloads() -> None:
    content = staff_csv(B.MAX_ROWS, bad=3)
    assert 0.95 * MAX_BYTES < len(content) <= MAX_BYTES
    a = B.build("en")
    upload(a, "staff.csv", content)
    assert figures(a)["computed"] == str(B.MAX_ROWS - 3) and figures(a)["rejected"] == "3"
    t0 = time.perf_counter()
    data = a.prepare_download()
    took = time.perf_counter() - t0
    assert data is not None and len(data) <= B.DOWNLOAD_LIMIT
    assert link(a, "pa-xlsx") == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        employees = z.read("xl/worksheets/sheet3.xml")
        assert f'<row r="{B.MAX_ROWS - 3 + 1}"'.encode() in employees
        assert f'<row r="{B.MAX_ROWS - 3 + 2}"'.encode() not in employees
    print(f"\nXLSX of {B.MAX_ROWS:,} rows: {len(data) / 1e6:.2f} MB in {took:.1f} s")
    assert not a.failures


def test_one_row_more_is_refused_with_the_way_out() -> None:
    a = B.build("ru")
    upload(a, "staff.csv", staff_csv(B.MAX_ROWS + 1, text=False))
    msg = a.field_message("data")
    assert "больше 20\u00a0000 строк" in msg and "не больше 20\u00a0000" in msg
    # the way out in words a union economist follows: no code, no folder, no command on the page
    assert "версией для командной строки, описанной в руководстве" in msg
    assert not any(w in msg for w in ("Python", "calc.", "docs/", "Dask", ".md"))
    e = B.build("en")
    upload(e, "staff.csv", staff_csv(B.MAX_ROWS + 1, text=False))
    assert "The file has more than 20,000 rows; the page takes at most 20,000" in e.field_message("data")


def test_every_rejected_row_is_listed_on_the_page_and_in_the_file() -> None:
    a = B.build("en")
    upload(a, "staff.csv", staff_csv(40, bad=25))
    assert figures(a)["rejected"] == "25"
    assert a.status.value.count("salary: a number is needed") == 25
    assert 'class="pa-rejected" style="max-height' in a.status.value and "first" not in a.status.value

    upload(a, "staff.csv", staff_csv(B.PAGE_REJECTED + 300, bad=B.PAGE_REJECTED + 200))
    assert a.status.value.count("salary: a number is needed") == B.PAGE_REJECTED
    assert "Here are the first 1,000 of 1,200 problems" in a.status.value
    wb = openpyxl.load_workbook(io.BytesIO(a.prepare_download() or b""), read_only=True)
    assert wb["Rejected"].max_row - 1 == B.PAGE_REJECTED + 200
    assert dict(wb["Summary"].iter_rows(values_only=True))[
        "Rows rejected (not computed; listed on the sheet 'Rejected')"
    ] == (B.PAGE_REJECTED + 200)


def test_a_results_file_too_large_still_gives_the_rejected_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    a = B.build("ru")
    upload(a, "staff.csv", staff_csv(300, bad=30))
    monkeypatch.setattr(B, "DOWNLOAD_LIMIT", 40_000)
    a.prepare_download()
    assert "слишком большой" in a.download.value and 'class="pa-xlsx"' not in a.download.value
    assert "Скачать отклонённые строки" in a.download.value
    wb = openpyxl.load_workbook(io.BytesIO(link(a, "pa-rejected-xlsx")), read_only=True)
    assert wb.sheetnames == ["Отклонено"] and wb["Отклонено"].max_row - 1 == 30


def test_benchmark_help_shows_the_defaults() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_workforce.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"employees in the generated workforce\s+\(default:\s+1,000,000\)", out)
    assert "(default: 2026)" in out and "(default: 300)" in out
