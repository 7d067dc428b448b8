"""Files people really have: headers as they write them, scales by their names, the encodings and
separators Excel saves, other files refused with what to save instead, the template round trip, and
the upload limits said in plain words."""

from __future__ import annotations

import ast
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calc
from calc import workforce as W
from calc.core.i18n import Message
from calc.core.money import ROUNDINGS
from calc.core.text import tr
from calc.workforce.export import EXAMPLES, TEMPLATE_COLUMNS, template_csv, template_rows, template_xlsx, to_xlsx
from calc.workforce.input import ALIASES, COLUMNS, HEADERS, WRITTEN, column_of, scale_ids

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 21)
LANGS = ("ru", "en")

# ------------------------------------------------------------------ headers


def test_every_column_has_spellings_and_its_template_header_is_one_of_them() -> None:
    assert set(WRITTEN) == set(COLUMNS) == set(HEADERS)
    for canon in COLUMNS:
        assert column_of(canon) == canon
        for lang in LANGS:
            assert column_of(tr(HEADERS[canon], lang)) == canon, (canon, lang)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Таб. №", "id"),
        ("Табельный номер", "id"),
        ("ТАБ.№", "id"),
        ("Оклад, руб.", "salary"),
        ("Оклад (руб.)", "salary"),
        ("оклад,руб", "salary"),
        ("Salary, RUB", "salary"),
        ("Дата приёма", "hire_date"),
        ("Дата приема", "hire_date"),
        ("ДАТА  ПРИЁМА:", "hire_date"),
        ("Hire date (YYYY-MM-DD)", "hire_date"),
        ("ФИО", "name"),
        ("Ф.И.О.", "name"),
        ("Full name", "name"),
        ("Подразделение", "department"),
        ("Отдел", "department"),
        ("Department", "department"),
        ("Должность", "occupation"),
        ("Position", "occupation"),
        ("Пол", "gender"),
        ("Gender", "gender"),
        ("Стаж, лет", "years_of_service"),
        ("Шкала надбавки", "scale"),
        ("Кол-во детей", "children"),
        ("\ufeffid", "id"),  # a BOM left on the first header
    ],
)
def test_headers_as_people_write_them(header: str, field: str) -> None:
    assert column_of(header) == field


def _spelling() -> st.SearchStrategy[tuple[str, str]]:
    """(a header as someone might type it, its column): an alias with random case, spacing, punctuation,
    ё for е, a unit or a mark at the end."""
    pairs = [(w, c) for c, ws in WRITTEN.items() for w in (c, *ws)]
    pairs += [(tr(HEADERS[c], lang), c) for c in HEADERS for lang in LANGS]
    units = {
        "salary": ["", ", руб.", " (руб.)", ", ₽", " (RUB)", ", р.", " rub"],
        "years_of_service": ["", ", лет", " (лет)", ", years"],
        "hire_date": ["", " (ДД.ММ.ГГГГ)", " (YYYY-MM-DD)", ", дд.мм.гггг"],
    }
    seps = st.sampled_from([" ", "  ", "_", ".", " . ", ", ", " - ", "\t", "\u00a0", "/"])

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, str]:
        written, canon = draw(st.sampled_from(pairs))
        parts = re.split(r"[^\w№#]+", written.strip())
        text = parts[0]
        for part in parts[1:]:
            text += draw(seps) + part
        text = "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in text)
        text = "".join("ё" if ch == "е" and draw(st.booleans()) else ch for ch in text)
        text += draw(st.sampled_from(units.get(canon, [""])))
        head, tail = (
            draw(st.sampled_from(["", " ", "  ", "\ufeff"])),
            draw(st.sampled_from(["", " ", ":", ".", "*", " *"])),
        )
        return head + text + tail, canon

    return build()


@settings(max_examples=400, deadline=None)
@given(_spelling())
def test_random_spellings_of_the_aliases_map_to_their_column(case: tuple[str, str]) -> None:
    header, canon = case
    assert column_of(header) == canon


def test_no_spelling_means_two_columns() -> None:
    keys = [(c, ALIASES.get(W.input.normalise_header(w))) for c, ws in WRITTEN.items() for w in ws]
    assert all(c == got for c, got in keys)


def _csv(text: str, sep: str = ";") -> pd.DataFrame:
    return W.read_table(text.replace(";", sep).encode("utf-8"), "staff.csv")


RUSSIAN = (
    "Таб. №;ФИО;Подразделение;Должность;Пол;Оклад, руб.;Дата приёма;Шкала надбавки\n"
    "0001;Иванова Анна;Школа № 5;Учитель;ж;45 000,00;01.03.2015;Педагогические работники (вариант 10–30 %)\n"
    "0002;Петров Сергей;Архив;Архивист;М;38500,5;15.06.2010;archives\n"
)


def test_a_russian_staff_list_as_people_keep_it() -> None:
    chk = W.check(_csv(RUSSIAN), 2026, today=TODAY)
    assert chk.rejected.empty, chk.rejected
    e = chk.employees
    assert e["id"].tolist() == ["0001", "0002"]
    assert e["salary_kop"].tolist() == [4_500_000, 3_850_050]
    assert e["scale"].tolist() == ["education", "archives"]
    assert e["gender"].tolist() == ["f", "m"]
    assert e["department"].tolist() == ["Школа № 5", "Архив"]
    assert not chk.notices


@pytest.mark.parametrize("lang", LANGS)
def test_headers_not_understood_are_named_with_what_is_allowed(lang: str) -> None:
    text = "Таб. №;Сумма к выплате;Примечание;Дата приёма;Шкала\n1;50000;x;2015-03-01;police\n"
    with pytest.raises(calc.InputError) as e:
        W.check(_csv(text), 2026, today=TODAY)
    msg = e.value.message(lang)
    assert e.value.field == "columns"
    assert "«Сумма к выплате»" in msg and "«Примечание»" in msg  # each header not understood, as written
    if lang == "ru":
        assert "нет обязательного столбца «Оклад, руб.»" in msg and "не распознаны заголовки" in msg
        assert "«Таб. №» (Employee No., id) — обязательный" in msg and "«Пол» (Gender, gender)" in msg
    else:
        assert "the required column 'Salary, RUB'" in msg and "headers not understood" in msg
        assert "'Employee No.' (Таб. №, id) — required" in msg and "'Gender' (Пол, gender)" in msg


def test_a_header_not_understood_in_a_good_file_is_a_notice() -> None:
    chk = W.check(
        _csv(
            RUSSIAN.replace("Шкала надбавки", "Шкала надбавки;Примечание")
            .replace("\n0", ";x\n0")
            .replace("archives\n", "archives;y\n")
        ),
        2026,
        today=TODAY,
    )
    assert chk.rejected.empty
    assert any("«Примечание» не распознан и не используется" in n["ru"] for n in chk.notices)


def test_two_headers_of_one_column_are_refused() -> None:
    with pytest.raises(calc.InputError) as e:
        W.check(_csv("Таб. №;Оклад;Оклад, руб.;Стаж;Шкала\n1;2;3;4;police\n"), 2026, today=TODAY)
    assert "столбцы «Оклад» и «Оклад, руб.» оба означают «Оклад, руб.»" in e.value.message("ru")


# ------------------------------------------------------------------ scales, kinds and gender by name


def _one_column(column: str, values: list[str], **kw: object) -> W.Checked:
    rows = "".join(f"{i};50000;3;{v}\n" for i, v in enumerate(values, start=1))
    return W.check(_csv(f"id;salary;years_of_service;{column}\n{rows}"), 2026, today=TODAY, **kw)


def test_the_scale_column_takes_the_names_the_page_shows() -> None:
    values, want = [], []
    for sid, sc in calc.SCALES.items():
        values += [sid, tr(sc.label, "ru"), tr(sc.label, "en"), tr(sc.label, "ru").upper()]
        want += [sid] * 4
    chk = _one_column("scale", values)
    assert chk.rejected.empty, chk.rejected.head()
    assert chk.employees["scale"].tolist() == want


def test_scale_names_are_read_with_any_spacing_and_dash() -> None:
    chk = _one_column("scale", ["педагогические  работники (вариант 10-30%)", " Teaching staff (10 – 30 % version) "])
    assert chk.employees["scale"].tolist() == ["education", "education"]
    assert scale_ids(["Police (internal affairs) officers", "nobody", ""]) == ["police", None, None]


def test_an_unknown_scale_name_is_rejected_with_what_is_allowed() -> None:
    chk = _one_column("scale", ["Педагоги", "police"])
    r = chk.rejected.iloc[0]
    assert r["row"] == 2 and r["column"] == "scale" and r["value"] == "Педагоги"
    ru, en = tr(r["reason"], "ru"), tr(r["reason"], "en")
    assert ru.startswith("шкала «Педагоги» не известна; допустимо название шкалы, как в списке на странице")
    assert "education" in en and "a scale's name as the page lists it" in en


def test_a_custom_scale_is_taken_by_its_name_too() -> None:
    agreement = calc.custom_scale([(0, "0.05"), (5, "0.2")], "Шкала коллективного договора", "Agreement scale", "cba")
    chk = _one_column("scale", ["шкала коллективного договора", "Agreement scale", "cba"], scales={"cba": agreement})
    assert chk.rejected.empty and chk.employees["scale"].tolist() == ["cba"] * 3


def test_employer_kinds_by_name() -> None:
    chk = _one_column("kind", ["Общий тариф", "general", "SME in manufacturing", ""], scale="police")
    assert chk.rejected.empty and chk.employees["kind"].tolist() == [
        "general",
        "general",
        "sme_manufacturing",
        "general",
    ]


def test_gender_values_and_a_value_not_understood() -> None:
    chk = _one_column("Пол", ["ж", "М", "жен.", "female", "Male", "", "x", "=1+1"], scale="police")
    assert chk.rejected.empty  # a gender changes nobody's pay: the person is computed
    assert chk.employees["gender"].tolist() == ["f", "m", "f", "f", "m", "", "", ""]
    (notice,) = chk.notices
    assert notice["ru"] == (
        "Пол не распознан в строках 8, 9 («x», «=1+1»): эти работники посчитаны, но в распределениях по полу не "
        "учтены. Допустимо: м / ж, male / female или пустая ячейка."
    )
    assert notice["en"].startswith("Gender not understood in rows 8, 9")


# ------------------------------------------------------------------ encodings, separators, other files

TABLE = [
    ["Таб. №", "ФИО", "Оклад, руб.", "Дата приёма", "Шкала"],
    ["1", "Ёлкина Анна", "45000,5", "01.03.2015", "Педагогические работники (вариант 10–30 %)"],
    ["2", "Петров, Пётр", "38500", "2010-06-15", "archives"],
]


def _text(sep: str) -> str:
    def cell(c: str) -> str:
        return f'"{c}"' if sep in c or "," in c else c

    return "".join(sep.join(cell(c) for c in row) + "\r\n" for row in TABLE)


SAVED = {
    "UTF-8, ;": _text(";").encode("utf-8"),
    "UTF-8 with BOM, ;": _text(";").encode("utf-8-sig"),
    "UTF-8, ,": _text(",").encode("utf-8"),
    "Windows-1251, ;": _text(";").encode("cp1251"),
    "Windows-1251, ,": _text(",").encode("cp1251"),
    "Unicode text (UTF-16 LE, tab)": _text("\t").encode("utf-16"),  # Python writes the BOM, as Excel does
    "UTF-16 BE with BOM, tab": b"\xfe\xff" + _text("\t").encode("utf-16-be"),
    "UTF-8, tab": _text("\t").encode("utf-8"),
}


@pytest.mark.parametrize("name", list(SAVED))
def test_the_files_excel_saves_are_read_alike(name: str) -> None:
    suffix = ".txt" if "tab" in name else ".csv"
    chk = W.check(W.read_table(SAVED[name], "staff" + suffix), 2026, today=TODAY)
    assert chk.rejected.empty, chk.rejected
    e = chk.employees
    assert e["name"].tolist() == ["Ёлкина Анна", "Петров, Пётр"]
    assert e["salary_kop"].tolist() == [4_500_050, 3_850_000]
    assert e["scale"].tolist() == ["education", "archives"]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


@pytest.mark.parametrize(
    ("content", "filename", "needle_en", "needle_ru"),
    [
        (OLE, "staff.xls", "old Excel workbook (.xls", "книга Excel старого формата"),
        (OLE, "staff.csv", "old Excel workbook (.xls", "Сохранить как"),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            "a.ods",
            "OpenDocument",
            "OpenDocument",
        ),
        (_text("\t").encode("utf-16-le"), "staff.txt", "encoding is not one the page reads", "Текст в Юникоде"),
        (b"%PDF-1.4\n...", "staff.csv", "is not a table", "не таблица"),
        (b"<html><body><table><tr><td>1</td></tr></table>", "staff.xls", "is not a table", "не таблица"),
        (b"id;salary\n1;\x98\x00\x01\x02\n", "staff.csv", "encoding is not one the page reads", "кодировка"),
        (b"id,salary\n1,2\n", "staff.docx", "a CSV or XLSX file is needed", "нужен файл CSV или XLSX"),
    ],
    ids=["xls", "xls-named-csv", "ods", "utf16-no-bom", "pdf", "html-as-xls", "binary", "docx"],
)
def test_other_files_are_refused_with_what_to_save(
    content: bytes, filename: str, needle_en: str, needle_ru: str
) -> None:
    with pytest.raises(calc.InputError) as e:
        W.read_table(content, filename)
    assert e.value.field == "file"
    assert needle_en in e.value.message("en")
    assert needle_ru.lower() in e.value.message("ru").lower()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["a.csv", "a.txt", "a.xlsx", "a.xls", "a.pdf"]))
def test_any_bytes_are_read_or_refused_with_a_message(content: bytes, filename: str) -> None:
    try:
        W.read_table(content, filename)
    except calc.InputError as e:
        assert e.message("ru") and e.message("en")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(SAVED.values())), st.integers(0, 400))
def test_a_cut_file_is_read_or_refused_with_a_message(content: bytes, cut: int) -> None:
    try:
        W.read_table(content[: max(1, len(content) - cut)], "staff.csv")
    except calc.InputError as e:
        assert e.message("ru") and e.message("en")


# ------------------------------------------------------------------ the template


def _expected(lang: str) -> list[dict[str, object]]:
    out = []
    for ex in EXAMPLES:
        out.append(
            {
                "id": ex["id"],
                "name": tr(ex["name"], lang),
                "department": tr(ex["department"], lang),
                "occupation": tr(ex["occupation"], lang),
                "gender": ex["gender"],
                "salary_kop": int(ex["salary"] * 100),
                "scale": ex["scale"],
                "kind": ex["kind"],
                "district_coef": str(ex["district_coef"].normalize()),
                "northern_percent": str(ex["northern_percent"].normalize()),
                "children": ex["children"],
            }
        )
    return out


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_template_reads_back_as_its_example_rows(lang: str, kind: str) -> None:
    data = template_xlsx(lang) if kind == "xlsx" else template_csv(lang)
    chk = W.check(W.read_table(data, f"template.{kind}"), 2026, today=TODAY)
    assert chk.rejected.empty and not chk.notices, (chk.rejected, chk.notices)
    e = chk.employees
    got = e[list(_expected(lang)[0])].to_dict("records")
    assert got == _expected(lang)
    assert str(e["hire_date"].iloc[0])[:10] == "2015-03-01" and e["service_months"].iloc[1] == 7 * 12


def test_the_csv_template_is_what_russian_excel_opens() -> None:
    data = template_csv("ru")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the Cyrillic right
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == ";".join(tr(HEADERS[c], "ru") for c in TEMPLATE_COLUMNS)
    assert lines[0].startswith("Таб. №;ФИО;Подразделение;Должность;Пол;Оклад, руб.;Дата приёма")
    assert "01.03.2015" in lines[1] and "38500,5" in lines[2] and ";1,15;0,3;" in lines[2]
    en = template_csv("en").decode("utf-8-sig")  # English Excel splits at commas
    assert en.startswith("Employee No.,Full name,") and "2015-03-01" in en and ",38500.5," in en


@pytest.mark.parametrize("lang", LANGS)
def test_the_xlsx_template_has_the_headers_of_the_page_and_typed_cells(lang: str) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(lang)))
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == template_rows(lang)[0] == [tr(HEADERS[c], lang) for c in TEMPLATE_COLUMNS]
    assert rows[0][0] == ("Таб. №" if lang == "ru" else "Employee No.")
    j = TEMPLATE_COLUMNS.index
    assert rows[1][j("id")] == "0001"  # text: the leading zeros stay
    assert rows[1][j("hire_date")].date() == date(2015, 3, 1)  # a date cell, shown as the page writes dates
    assert ws.cell(2, j("hire_date") + 1).number_format == ("dd.mm.yyyy" if lang == "ru" else "yyyy-mm-dd")
    assert rows[2][j("salary")] == 38500.5
    assert rows[1][j("scale")] == tr(calc.SCALES["education"].label, lang)  # a name, not an id
    assert len(wb.worksheets) == 2 and wb.worksheets[1].max_row == len(TEMPLATE_COLUMNS) + 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_workbook_of_the_template_names_scales_and_gender(lang: str) -> None:
    table = W.read_table(template_xlsx(lang), "t.xlsx")
    cmp = W.compare(table, 2026, [(0, "0.1"), (5, "0.3")], today=TODAY)
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(cmp, lang)))
    rows = list(wb.worksheets[2].iter_rows(values_only=True))
    head = rows[0]
    current = head.index("Текущая шкала" if lang == "ru" else "Current scale")
    gender = head.index("Пол" if lang == "ru" else "Gender")
    assert [r[current] for r in rows[1:]] == [tr(calc.SCALES[s].label, lang) for s in ("education", "archives")]
    assert [r[gender] for r in rows[1:]] == (["ж", "м"] if lang == "ru" else ["female", "male"])
    assert head[0] == ("Таб. №" if lang == "ru" else "Employee No.")


# ------------------------------------------------------------------ limits


def _refusal(**kw: int) -> calc.InputError:
    text = "id,salary,years_of_service,scale\n" + "".join(f"{i},50000,3,police\n" for i in range(50))
    with pytest.raises(calc.InputError) as e:
        W.read_table(text.encode(), "staff.csv", **kw)
    return e.value


@pytest.mark.parametrize("kw", [{"max_rows": 10}, {"max_bytes": 100}], ids=["rows", "bytes"])
def test_above_the_limit_the_way_out_is_said_in_plain_words(kw: dict[str, int]) -> None:
    e = _refusal(**kw)
    ru, en = e.message("ru"), e.message("en")
    assert "попросите того, кто обслуживает этот сервер, посчитать его версией для командной строки" in ru
    assert "ask whoever runs this server to use the command-line version described in the guide" in en
    for msg in (ru, en):
        assert not re.search(r"Python|calc\.|docs/|\.md|Dask|--|\$ ", msg), msg
    assert "command-line" in (ROOT / "docs" / "bargaining.md").read_text()


def test_the_limits_are_said_as_the_language_writes_numbers() -> None:
    assert "больше 10 строк" in _refusal(max_rows=10).message("ru")
    e = _refusal(max_bytes=100)
    assert "0,0 МБ" in e.message("ru") or "МБ" in e.message("ru")


# ------------------------------------------------------------------ messages, not inline pairs


def _inline_russian(source: str) -> list[tuple[int, str]]:
    """Russian texts of the code that are not messages: outside docstrings, messages and the spellings data."""
    tree = ast.parse(source)
    data = {"WRITTEN", "_UNITS", "GENDERS"}  # how people write headers and values: data, not messages
    letters = {"normalise_header", "name_key"}  # ё as е, № as a word
    skip: set[int] = set()
    for node in ast.walk(tree):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id in data for t in targets) or (
            isinstance(node, ast.FunctionDef) and node.name in letters
        ):
            skip |= {id(n) for n in ast.walk(node)}
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # docstrings
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "pgettext"):
            skip |= {id(a) for a in node.args}  # a message id may quote what people type ("м / ж")
    cyrillic = [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and re.search("[а-яё]", n.value, re.I)
        and id(n) not in skip
    ]
    return cyrillic


def test_the_input_checks_have_no_inline_russian() -> None:
    """Issue 10: every reason of the rejected rows is a catalogue message (English id), no ru/en pair."""
    assert _inline_russian((ROOT / "calc" / "workforce" / "input.py").read_text()) == []
    # the check finds a pair as the former code wrote it
    former = 'def f(p, m):\n    p.add(m, "salary", "нет оклада", "the salary is empty")\n'
    assert _inline_russian(former) == [(2, "нет оклада")]


def test_roundings_are_messages_in_every_language() -> None:
    for r in ROUNDINGS.values():
        assert isinstance(r.label, Message)
        assert r.say("ru") != r.say("en") and r.say("vi") != r.say("en")
    assert ROUNDINGS["kopeck"].say("ru") == "до копеек, половина — вверх"


def test_rejected_rows_keep_their_texts() -> None:
    text = (
        "id,salary,hire_date,scale\n"
        "1,,2015-03-01,police\n"
        "2,abc,2015-03-01,police\n"
        "3,50000,2030-01-01,police\n"
        "3,50000,2015-03-01,police\n"
        "5,-1,2015-03-01,=1+1\n"
    )
    chk = W.check(_csv(text, ","), 2026, today=TODAY)
    ru = {(r.row, r.column): tr(r.reason, "ru") for r in chk.rejected.itertuples()}
    assert ru[(2, "salary")] == "нет оклада"
    assert ru[(3, "salary")] == "оклад: нужно число"
    assert ru[(4, "hire_date")] == "дата приёма 2030-01-01 в будущем"
    assert ru[(4, "id")] == ru[(5, "id")] == "номер «3» повторяется (строки 4, 5)"
    assert ru[(6, "salary")] == "оклад не может быть отрицательным"
    assert ru[(6, "scale")] == "шкала: формулы не принимаются"
    en = {(r.row, r.column): tr(r.reason, "en") for r in chk.rejected.itertuples()}
    assert en[(4, "id")] == "id '3' appears more than once (rows 4, 5)"
    assert en[(3, "salary")] == "salary: a number is needed"


def test_number_reasons_in_both_languages() -> None:
    chk = _one_column("district_coef", ["5", "abc"], scale="police")
    r = {x.row: (tr(x.reason, "ru"), tr(x.reason, "en")) for x in chk.rejected.itertuples()}
    assert r[2] == (
        "районный коэффициент: 5 — допустимо число от 1 до 3, до 6 знаков",
        "district coefficient: 5 — allowed: a number from 1 to 3, up to 6 decimals",
    )
    assert r[3] == ("районный коэффициент: нужно число", "district coefficient: a number is needed")
    kids = _one_column("children", ["2.5"], scale="police").rejected.iloc[0]
    assert tr(kids["reason"], "en") == "children: 2.5 — allowed: a whole number from 0 to 20"
    pct = _one_column("northern_percent", ["30"], scale="police").rejected.iloc[0]
    assert tr(pct["reason"], "ru").endswith("(укажите долю: 0.3 для 30 %)")


def test_salary_limit_is_written_as_the_language_writes_numbers() -> None:
    chk = W.check(_csv("id;salary;years_of_service\n1;999999999;3\n"), 2026, scale="police", today=TODAY)
    ru, en = (tr(chk.rejected.iloc[0]["reason"], lg) for lg in ("ru", "en"))
    assert "83\u00a0333\u00a0333,33 ₽" in ru and "83,333,333.33 RUB" in en
    assert Decimal("83333333.33") < W.input.MAX_SALARY


# ------------------------------------------------------------------ the command-line version reads the same files


@pytest.mark.parametrize("name", ["Windows-1251, ;", "Unicode text (UTF-16 LE, tab)", "UTF-8 with BOM, ;", "UTF-8, ,"])
def test_the_command_line_reads_the_files_excel_saves(name: str, tmp_path: Path) -> None:
    from calc.workforce.dask import read_files

    path = tmp_path / ("staff.txt" if "tab" in name else "staff.csv")
    path.write_bytes(SAVED[name])
    pdf = read_files([str(path)]).compute(scheduler="sync")
    chk = W.check(pdf, 2026, today=TODAY)
    want = W.check(W.read_table(SAVED[name], path.name), 2026, today=TODAY)
    assert chk.rejected.empty
    pd.testing.assert_frame_equal(chk.employees, want.employees, check_dtype=False)


@pytest.mark.parametrize("lang", LANGS)
def test_the_command_line_reads_the_xlsx_template(lang: str, tmp_path: Path) -> None:
    from calc.workforce.dask import read_files

    path = tmp_path / "staff.xlsx"
    path.write_bytes(template_xlsx(lang))
    chk = W.check(read_files([str(path)]).compute(scheduler="sync"), 2026, today=TODAY)
    assert chk.rejected.empty and chk.employees["scale"].tolist() == ["education", "archives"]


def test_the_command_line_refuses_what_the_page_refuses(tmp_path: Path) -> None:
    from calc.workforce.dask import main

    path = tmp_path / "staff.csv"
    path.write_bytes(_text("\t").encode("utf-16-le"))  # no BOM
    assert main([str(path), "--year", "2026", "--proposed", "education", "--lang", "ru"]) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ИШиш ;,Ёё\n0123456789abc€", max_size=200), st.integers(0, 3))
def test_the_encoding_of_a_file_start_cut_anywhere(text: str, cut: int) -> None:
    """The command line tells the encoding from the file's first 64 KB, which may end inside a character."""
    from calc.workforce.input import text_encoding

    data = ("Таб. №;ФИО\n" + text).encode("utf-8")
    assert text_encoding(data[: len(data) - cut]) == "utf-8"
    assert text_encoding(("Таб. №;ФИО\n" + text.replace("€", "")).encode("cp1251")) == "cp1251"
    assert text_encoding(("Таб. №\tФИО\n" + text).encode("utf-16")) == "utf-16"


def test_a_row_counter_and_a_share_of_a_post_are_not_taken_for_columns() -> None:
    text = "№;Таб. №;Оклад;Ставка;Стаж;Шкала\n1;0001;50000;0,5;3;police\n"
    chk = W.check(_csv(text), 2026, today=TODAY)
    assert chk.employees["id"].tolist() == ["0001"] and chk.employees["salary_kop"].tolist() == [5_000_000]
    assert sum("не распознан" in n["ru"] for n in chk.notices) == 2


def test_the_guide_lists_every_spelling() -> None:
    guide = (ROOT / "docs" / "bargaining.md").read_text()
    missing = [w for ws in WRITTEN.values() for w in ws if w not in guide]
    assert missing == []
