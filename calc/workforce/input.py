"""Reading and checking a workforce table (CSV / XLSX upload or a pandas DataFrame).

Files as people have them: XLSX, CSV with ``;``, ``,`` or tabs in UTF-8 (with or without a BOM) or
Windows-1251, Excel's "Unicode text" (UTF-16); other kinds of file are refused with what to save
instead. Headers as people write them ("Таб. №", "Оклад, руб.", "Дата приёма", any case and
punctuation: :data:`WRITTEN`); scales and employer kinds by their names in Russian or English.

Every problem is reported in the user's language (catalogue messages; the rejected rows carry each reason
as one message, column ``reason``, shown in the reader's language by :func:`reasons`); nothing is dropped
silently:

- problems with the file as a whole (empty, too large, unreadable, a required column missing or
  misspelt — the nearest expected name is suggested) raise :class:`calc.InputError`;
- problems with single rows (a wrong type, a negative salary, a hire date in the future or after
  the year, a duplicate id, an unknown scale or employer kind, an id or a value that would run as a
  spreadsheet formula, a CSV row with more cells than the header, …) reject that row with its
  reason; the other rows are processed;
- free text (name, occupation, department) starting with = + - or @ is kept as text behind a leading
  apostrophe (``'=1+1``), not rejected; such cells, empty rows (skipped), a gender not understood
  (the person is computed) and columns that are not understood are listed in ``notices``.

Cells are checked as they are stored: stripped of whitespace at both ends. Rows are numbered as in a
spreadsheet: the header is row 1, the first employee row 2.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.money import MAX_AMOUNT
from calc.core.text import TEXT_LANGS, Text, num, tr
from calc.ru.contributions import KINDS
from calc.ru.long_service import MAX_YEARS, SCALES, Scale
from calc.workforce import compiled as C

MAX_BYTES = 5_000_000  # uploads: Tornado caps a websocket message near 10 MB
MAX_ROWS = 100_000  # read_table's default; the app accepts fewer (payroll_ui.apps.bargaining.MAX_ROWS)
MAX_UNPACKED = 100_000_000  # bytes of an XLSX's parts once unzipped: a 100,000-row table needs about a third of it
MAX_RATIO = 100  # a workbook packed tighter than 100:1 is a zip bomb, not a table (real ones: 5–20:1)
CELLS_PER_ROW = 64  # the cell limit of an upload: max_rows × this
MAX_SALARY = MAX_AMOUNT / 12  # the scalar engine accepts at most 1 billion rubles of income a year
MAX_CHILDREN = 20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CHARS = ("=", "+", "-", "@")  # a formula starts so once the cell's text is stripped
MALFORMED = "_malformed_row"  # column read_table adds: (cells, text) of a CSV row with more cells than the header

COLUMNS: dict[str, Text] = {
    "id": _("employee id (unique)"),
    "salary": _("monthly salary, RUB"),
    "hire_date": _("hire date (YYYY-MM-DD or DD.MM.YYYY)"),
    "years_of_service": _("years of service at 1 January"),
    "scale": _("seniority scale (its name as the page lists it, or its id)"),
    "kind": _("employer kind (general, sme, …)"),
    "district_coef": _("district coefficient (1–3)"),
    "northern_percent": _("northern allowance (fraction 0–1)"),
    "children": _("number of children (deduction)"),
    "name": _("name"),
    "occupation": _("occupation"),
    "department": _("department"),
    "gender": _("gender (м / ж, male / female)"),
}
REQUIRED = ("id", "salary")
INFO = ("name", "occupation", "department", "gender")
"""Columns carried through to the results as they are (gender: as ``f`` / ``m``, see :data:`GENDERS`)."""
FREE_TEXT = ("name", "occupation", "department")


def _spellings(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split("|"))


HEADERS: dict[str, Text] = {
    "id": pgettext("column header", "Employee No."),
    "name": pgettext("column header", "Full name"),
    "department": pgettext("column header", "Department"),
    "occupation": pgettext("column header", "Position"),
    "gender": pgettext("column header", "Gender"),
    "salary": pgettext("column header", "Salary, RUB"),
    "hire_date": pgettext("column header", "Hire date"),
    "years_of_service": pgettext("column header", "Years of service"),
    "scale": pgettext("column header", "Seniority scale"),
    "kind": pgettext("column header", "Employer kind"),
    "district_coef": pgettext("column header", "District coefficient"),
    "northern_percent": pgettext("column header", "Northern allowance"),
    "children": pgettext("column header", "Children"),
}
"""Each column's header as the template writes it in the page's language (every one is also an alias)."""
WRITTEN: dict[str, tuple[str, ...]] = {
    "id": _spellings(
        "Таб. № | Табельный номер | Таб. номер | Табельный | Таб № | ТН | "
        "Employee No. | Employee number | Employee ID | Emp. No. | Emp ID | Staff ID | Staff No. | "
        "Staff number | Personnel number | Personnel No. | Payroll number"
    ),
    "salary": _spellings(
        "Оклад | Оклад, руб. | Оклад (руб.) | Оклад, ₽ | Должностной оклад | Оклад в месяц | Месячный оклад | "
        "Оклад (тарифная ставка) | Тарифная ставка | Зарплата | "
        "Salary, RUB | Salary | Monthly salary | Base salary | Base pay | Basic salary | Wage"
    ),
    "hire_date": _spellings(
        "Дата приёма | Дата приема | Дата приёма на работу | Принят | Принят на работу | Дата поступления | "
        "Дата начала работы | "
        "Hire date | Date of hire | Date hired | Hired | Start date | Employment date | Date of employment | "
        "Hiring date"
    ),
    "years_of_service": _spellings(
        "Стаж | Стаж, лет | Стаж (лет) | Стаж работы | Стаж на 1 января | Выслуга | Выслуга лет | "
        "Years of service | Service, years | Service | Service years | Length of service | Seniority | Tenure"
    ),
    "scale": _spellings(
        "Шкала | Шкала надбавки | Шкала выслуги | Шкала надбавки за выслугу лет | Шкала за выслугу | "
        "Seniority scale | Scale | Long-service scale | Service scale"
    ),
    "kind": _spellings(
        "Вид работодателя | Тип работодателя | Категория работодателя | Тариф взносов | "
        "Employer kind | Employer type | Kind | Employer category"
    ),
    "district_coef": _spellings(
        "Районный коэффициент | Районный коэф. | Район. коэф. | РК | Р. к. | "
        "District coefficient | District coef | Regional coefficient"
    ),
    "northern_percent": _spellings(
        "Северная надбавка | Процентная надбавка | Северные | Северная надбавка, % | "
        "Northern allowance | Northern percent | Northern bonus"
    ),
    "children": _spellings(
        "Дети | Детей | Число детей | Количество детей | Кол-во детей | "
        "Children | Number of children | Kids | Dependants"
    ),
    "name": _spellings(
        "ФИО | Ф.И.О. | Фамилия Имя Отчество | Фамилия, имя, отчество | Фамилия И.О. | Сотрудник | Работник | "
        "Full name | Name | Employee name | Employee | Surname and name"
    ),
    "occupation": _spellings(
        "Должность | Профессия | Должность (профессия) | Должность, профессия | Штатная должность | "
        "Position | Occupation | Job title | Job | Post | Title"
    ),
    "department": _spellings(
        "Подразделение | Отдел | Структурное подразделение | Цех | Служба | Участок | "
        "Department | Dept. | Division | Unit | Section"
    ),
    "gender": _spellings("Пол | Gender | Sex"),
}
"""Headers as people write them, by column: matched in any case, with any spacing and punctuation, ё as е,
and a unit at the end dropped ("Оклад (руб.)", "Стаж, лет"); see :func:`normalise_header`. Left out on
purpose: "№" and "Номер" alone (a row counter, "№ п/п", as often as an employee's number) and "Ставка" alone
(as often the share of a post, 0,5 ставки, as a salary)."""
_UNITS = frozenset(
    _spellings("руб | рублей | рубля | рубли | р | rub | rur | rubles | roubles | лет | год | года | г | years | yrs")
    + _spellings("y | мес | месяц | month | дд | мм | гггг | dd | mm | yyyy")
)


def normalise_header(h: object) -> str:
    """A header as a key: lower case, ё as е, № as "номер", words joined by "_", a unit at the end dropped.

    ``"Оклад, руб."`` → ``"оклад"``, ``"Таб. №"`` → ``"таб_номер"``, ``"hire_date (YYYY-MM-DD)"`` →
    ``"hire_date"``.
    """
    s = str(h).casefold().replace("ё", "е").replace("№", " номер ").replace("#", " no ")
    words = re.findall(r"[^\W_]+", s)
    while len(words) > 1 and words[-1] in _UNITS:
        words.pop()
    return "_".join(words)


def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for canon in COLUMNS:
        for written in (canon, *WRITTEN[canon]):
            key = normalise_header(written)
            if out.setdefault(key, canon) != canon:  # pragma: no cover - a defect of the lists (tested)
                raise ValueError(f"header {written!r} is an alias of both {out[key]} and {canon}")
    return out


ALIASES: dict[str, str] = _aliases()
"""{normalised header: column} for every spelling of :data:`WRITTEN` and the column names themselves."""


def column_of(header: object) -> str | None:
    """The column a header stands for (``"Оклад, руб."`` → ``"salary"``), or None if it is not understood."""
    return ALIASES.get(normalise_header(header))


GENDERS: dict[str, str] = {
    **dict.fromkeys(("ж", "жен", "женский", "женщина", "f", "female", "woman", "w"), "f"),
    **dict.fromkeys(("м", "муж", "мужской", "мужчина", "m", "male", "man"), "m"),
}
"""Gender as written (any case, a dot at the end ignored) → ``f`` / ``m``."""


@dataclass
class Checked:
    """The result of checking a table: good rows (typed), rejected rows with reasons, notices."""

    employees: pd.DataFrame
    rejected: pd.DataFrame
    notices: list[Text] = field(default_factory=list)
    year: int | None = None

    def rejected_text(self, lang: str = "ru", limit: int = 10) -> str:
        word = tr(_("row"), lang)
        lines = [f"{word} {r.row}: {tr(r.reason, lang)}" for r in self.rejected.head(limit).itertuples()]
        more = len(self.rejected) - limit
        if more > 0:
            lines.append(tr(_("… {more} more", more=more), lang))
        return "\n".join(lines)


REJECTED_COLUMNS = ["row", "id", "column", "value", "reason"]
"""The rejected rows' columns: the spreadsheet row, the id, the column at fault, its value as written and the
reason — a message (:class:`calc.core.text.Text`), shown in the reader's language by :func:`reasons`."""


def reasons(rejected: pd.DataFrame, lang: str) -> list[str]:
    """The ``reason`` of every rejected row in ``lang``."""
    return [tr(r, lang) for r in rejected["reason"].tolist()]


# ------------------------------------------------------------------ reading files


def read_table(content: bytes, filename: str, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """A table file as a DataFrame of raw cells: XLSX, or text — CSV with ``;`` or ``,`` (or tab-separated)
    in UTF-8 (with or without a BOM) or Windows-1251, and Excel's "Unicode text" (UTF-16 with a BOM, tabs).

    The kind is told by the content, not only the name: an old ``.xls`` workbook, an OpenDocument sheet, a
    web page or a PDF is refused with what to save instead."""
    size = len(content)
    if size == 0:
        raise InputError(_("The file is empty."), "file")
    if size > max_bytes:
        raise InputError(
            _(
                "The file is too large: {size} MB; the page takes files of up to {max_bytes} MB. For a larger staff "
                "list ask whoever runs this server to use the command-line version described in the guide: it "
                "computes the same figures for any number of employees.",
                size=lambda lang: num(Decimal(size) / 1_000_000, lang, "#,##0.0"),
                max_bytes=lambda lang: num(Decimal(max_bytes) / 1_000_000, lang, "#,##0"),
            ),
            "file",
        )
    kind = _file_kind(content, filename)
    df = _read_xlsx(content, max_rows) if kind == "xlsx" else _read_csv(content, max_rows)
    if df.shape[1] == 0 or len(df) == 0:
        raise InputError(_("The file has no data rows."), "file")
    return df


TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab", ".prn")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _file_kind(content: bytes, filename: str) -> str:
    """'xlsx' or 'text' by the file's first bytes and name; any other kind of file is refused."""
    name = filename.lower()
    head = content[:1024].lstrip()
    if name.endswith(".ods") or (content.startswith(_ZIP) and b"opendocument" in content[:200]):
        raise InputError(
            _(
                "File '{filename}' is an OpenDocument spreadsheet (.ods). Save it as 'Excel 2007-365 (.xlsx)' or "
                "as CSV, and upload that file.",
                filename=filename,
            ),
            "file",
        )
    if content.startswith(_OLE):
        raise InputError(
            _(
                "File '{filename}' is an old Excel workbook (.xls, Excel 97–2003), which the page does not read. In "
                "Excel choose 'Save As' and the type 'Excel Workbook (*.xlsx)' or 'CSV UTF-8', and upload that file.",
                filename=filename,
            ),
            "file",
        )
    if name.endswith(XLSX_SUFFIXES) or content.startswith(_ZIP):
        return "xlsx"
    if head.startswith(b"%PDF") or head[:15].lower().startswith((b"<!doctype", b"<html", b"<?xml", b"<table")):
        raise InputError(_("File '{filename}' is not a table: {allowed}", filename=filename, allowed=ACCEPTED), "file")
    if name.endswith((*TEXT_SUFFIXES, ".xls")):
        return "text"
    raise InputError(_("File '{filename}': {allowed}", filename=filename, allowed=ACCEPTED), "file")


ACCEPTED = _(
    "a CSV or XLSX file is needed — an Excel workbook (.xlsx), CSV with ; or , (UTF-8 or Windows-1251), or "
    "Excel's 'Unicode text' (.txt)."
)


def _decode_as(content: bytes) -> tuple[str, str]:
    """The text of a table file and its encoding: UTF-16 with a BOM (Excel's "Unicode text"), UTF-8 with or
    without a BOM, or Windows-1251 (Excel's "CSV (semicolon-separated)" in Russian Windows). Anything else
    (UTF-16 without a BOM, a binary file) is refused."""
    try:
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            return content.decode("utf-16"), "utf-16"
        if content.startswith(b"\xef\xbb\xbf"):
            return content.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        raise _unreadable() from None
    if b"\x00" in content[:4096]:  # UTF-16 or UTF-32 without a BOM, or not a text at all
        raise _unreadable()
    for enc in ("utf-8", "cp1251"):
        try:
            return content.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise _unreadable()


def _decode(content: bytes) -> str:
    return _decode_as(content)[0]


def text_encoding(head: bytes) -> str:
    """The encoding of a text table from its first bytes (which may end inside a character), as
    :func:`read_table` reads it: ``utf-16``, ``utf-8-sig``, ``utf-8`` or ``cp1251``."""
    found = None
    for cut in range(min(4, len(head))):  # a UTF-8 character is at most 4 bytes: drop a cut one at the end
        try:
            found = _decode_as(head[: len(head) - cut])[1]
        except InputError:
            continue
        if found != "cp1251":
            return found
    if found is None:
        raise _unreadable()
    return found


def _unreadable() -> InputError:
    return InputError(
        _(
            "The file's text encoding is not one the page reads. Save the table from the spreadsheet as 'CSV UTF-8', "
            "'CSV (semicolon-separated)' or 'Unicode text', or as an Excel workbook (.xlsx), and upload it again."
        ),
        "file",
    )


def separator(line: str) -> str:
    """The separator of a CSV header line: the most frequent of ; tab , outside quotes (; on a tie)."""
    bare = re.sub(r'"[^"]*"', "", line)
    counts = {sep: bare.count(sep) for sep in (";", "\t", ",")}
    best = max(counts.values())
    return next(sep for sep, c in counts.items() if c == best) if best else ","


def _too_many_rows(max_rows: int) -> InputError:
    """The file has more rows than allowed (found while reading: the rest is not read)."""
    return InputError(
        _(
            "The file has more than {max_rows} rows; the page takes at most {max_rows}. For a larger staff list ask "
            "whoever runs this server to use the command-line version described in the guide: it computes the same "
            "figures for any number of employees.",
            max_rows=lambda lang: num(Decimal(max_rows), lang),
        ),
        "file",
    )


def _read_csv(content: bytes, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """The cells of a CSV file as text, one row per record, numbered as in a spreadsheet.

    A record with more cells than the header (e.g. an unquoted comma in a name: ``Петров, Пётр``)
    is kept at the header's width and marked in the column :data:`MALFORMED`, so that :func:`check`
    rejects that row alone with its spreadsheet number; surplus empty cells at the end of a record
    (a trailing separator) are dropped. Shorter records are padded with empty cells; blank lines
    stay as empty rows (skipped by :func:`check`), so the numbers of the rows after them are kept.
    """
    text = _decode(content)
    if not text or text.isspace():
        raise InputError(_("The file is empty."), "file")
    start = re.search(r"[^\r\n]", text).start()  # the first line with text, found without copying the file
    end = text.find("\n", start)
    first = text[start : end if end >= 0 else len(text)].splitlines()[0]
    sep = separator(first)
    records = _csv_records(text, sep, max_rows)
    while records and not any(c.strip() for c in records[-1]):
        records.pop()  # blank lines at the end
    while records and not any(c.strip() for c in records[0]):
        records.pop(0)  # blank lines before the header
    if not records:
        raise InputError(_("The file is empty."), "file")
    header, body = records[0], records[1:]
    width = len(header)
    malformed: dict[int, tuple[int, str]] = {}
    rows: list[list[str]] = []
    for i, rec in enumerate(body):
        if len(rec) > width:
            if any(c.strip() for c in rec[width:]):
                malformed[i] = (len(rec), sep.join(rec))
            rec = rec[:width]
        elif len(rec) < width:
            rec = rec + [""] * (width - len(rec))
        rows.append(rec)
    columns = list(zip(*rows, strict=True)) if rows else [()] * width
    df = pd.DataFrame({j: pd.Series(col, dtype="str") for j, col in enumerate(columns)})
    df.columns = _header_names(header)
    if malformed:
        marks = np.full(len(df), None, dtype=object)
        for i, m in malformed.items():
            marks[i] = m
        df[MALFORMED] = marks
    return df


def _lines(text: str) -> Iterable[str]:
    """The lines of a text with their ends, one at a time (no copy of the whole text, unlike StringIO)."""
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _csv_records(text: str, sep: str, max_rows: int = MAX_ROWS) -> list[list[str]]:
    """The records of a CSV text, read up to ``max_rows`` rows after the header (reading stops at the
    first record with data beyond it). A quote left open to the end of the file stops with its line
    (the rows after it cannot be told apart); other stray quotes are read leniently, as spreadsheets do."""
    reader = csv.reader(_lines(text), delimiter=sep, strict=True)
    records: list[list[str]] = []
    start, first = 1, None
    try:
        for rec in reader:
            records.append(rec)
            start = reader.line_num + 1
            if first is None and any(c.strip() for c in rec):
                first = len(records) - 1  # the header
            elif first is not None and len(records) - first > max_rows + 1 and any(c.strip() for c in rec):
                raise _too_many_rows(max_rows)
        return records
    except csv.Error as e:
        if "unexpected end of data" in str(e):
            raise InputError(
                _(
                    "CSV: a quote opened on line {start} is not closed before the end of the file — the rows after "
                    "it cannot be told apart. Close the quote or remove it.",
                    start=start,
                ),
                "file",
            ) from None
    try:
        lenient = csv.reader(_lines(text), delimiter=sep)
        records = list(itertools.islice(lenient, max_rows + len(records) + 2))
        if next(lenient, None) is not None:
            raise _too_many_rows(max_rows)
        return records
    except csv.Error as e:  # pragma: no cover - the lenient reader accepts any text
        raise InputError(_("The CSV cannot be read: {e}.", e=e), "file") from None


def _read_xlsx(content: bytes, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """The first sheet's cells, read row by row and stopped at the row and cell limits; the workbook's
    unpacked size is checked first, so a zip bomb is refused before any XML is parsed. A formula cell
    without a saved value is read as its formula text (rejected as in a CSV)."""
    _check_packing(content)
    try:
        rows = _sheet_rows(content, max_rows, data_only=True)
        if _has_formulas(content):
            rows = _unsaved_formulas(rows, _sheet_rows(content, max_rows, data_only=False))
    except InputError:
        raise
    except Exception as e:  # any reader failure means the file is not a readable workbook
        raise InputError(_("The XLSX file cannot be read: {name}.", name=type(e).__name__), "file") from None
    width = max((len(r) for r in rows), default=0)
    df = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object)
    return _with_header(df.where(df.notna(), np.nan))


def _unsaved_formulas(values: list[list[Any]], formulas: list[list[Any]]) -> list[list[Any]]:
    """The values, with the formula text where a formula cell has no saved value."""
    out = []
    for i in range(max(len(values), len(formulas))):
        vrow, frow = (values[i] if i < len(values) else []), (formulas[i] if i < len(formulas) else [])
        n = max(len(vrow), len(frow))
        vrow, frow = vrow + [None] * (n - len(vrow)), frow + [None] * (n - len(frow))
        out.append([getattr(f, "text", f) if v is None else v for v, f in zip(vrow, frow, strict=True)])
    return out


def _check_packing(content: bytes) -> None:
    """Refuse a workbook whose parts unpack to more than :data:`MAX_UNPACKED` or tighter than
    :data:`MAX_RATIO` (the sizes declared in the archive: the zip reader never unpacks beyond them)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError(_("The XLSX file cannot be read: {name}.", name=type(e).__name__), "file") from None
    unpacked = sum(i.file_size for i in infos)
    size, packed = f"{unpacked / 1e6:.0f}", f"{len(content) / 1e6:.1f}"
    if unpacked > MAX_UNPACKED:
        raise InputError(
            _(
                "The workbook unpacks to {size} MB; the limit is {limit} MB. Save only the sheet with the staff, "
                "or upload a CSV.",
                size=size,
                limit=f"{MAX_UNPACKED / 1e6:.0f}",
            ),
            "file",
        )
    if unpacked > MAX_RATIO * max(len(content), 100_000):
        raise InputError(
            _(
                "The workbook is a {packed} MB file that unpacks to {size} MB, more than {ratio} times its size: a "
                "table of staff never packs so tightly. Save the sheet again from the spreadsheet, or upload a CSV.",
                packed=packed,
                size=size,
                ratio=MAX_RATIO,
            ),
            "file",
        )


def _has_formulas(content: bytes) -> bool:
    """Whether a worksheet of the workbook holds a formula (an ``<f>`` element)."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return any(
            re.search(rb"<(\w+:)?f[ >/]", z.read(i)) for i in z.infolist() if i.filename.startswith("xl/worksheets/")
        )


def _sheet_rows(content: bytes, max_rows: int, *, data_only: bool) -> list[list[Any]]:
    """The rows of the first sheet up to its last non-empty one, each up to its last value (None: empty)."""
    wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=data_only, keep_links=False)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the declared dimensions may be wrong: read the real extent
        rows: list[list[Any]] = []
        last, cells = -1, 0
        for i, row in enumerate(ws.iter_rows()):
            cells += len(row)
            if cells > max_rows * CELLS_PER_ROW:
                raise InputError(
                    _("The sheet has more than {cells} cells; the limit is {cells}.", cells=max_rows * CELLS_PER_ROW),
                    "file",
                )
            values = [_xlsx_value(c) for c in row]
            while values and values[-1] is None:
                values.pop()
            if values:
                if i > max_rows:
                    raise _too_many_rows(max_rows)
                last = i
            rows.append(values)
        return rows[: last + 1]
    finally:
        wb.close()


def _xlsx_value(cell: Any) -> Any:
    """A cell's value as pandas reads it: whole numbers as int, errors (#N/A) and blanks as None."""
    v = cell.value
    if v is None or cell.data_type == "e" or (isinstance(v, str) and v == ""):
        return None
    if cell.data_type == "n" and isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _with_header(df: pd.DataFrame) -> pd.DataFrame:
    """The first row as the header, kept as written (repeated names are not renamed)."""
    if len(df) == 0:
        return df
    out = df.iloc[1:].reset_index(drop=True)
    out.columns = _header_names(df.iloc[0].tolist())
    return out


def _header_names(cells: Sequence[Any]) -> list[str]:
    """Header cells as column names; an empty header cell is named by its position: '(3)'."""
    return [
        f"({j + 1})" if h is None or (isinstance(h, float) and np.isnan(h)) or not str(h).strip() else str(h).strip()
        for j, h in enumerate(cells)
    ]


# ------------------------------------------------------------------ columns


def _map_columns(df: pd.DataFrame, need_scale: bool) -> tuple[dict[str, str], list[Text]]:
    """{original header: canonical name}; raises one InputError naming every column problem, each header
    that was not understood and the headers that are."""
    mapping: dict[str, str] = {}
    problems: list[Text] = []
    notices: list[Text] = []
    unknown: list[tuple[str, str]] = []
    for h in df.columns:
        if h == MALFORMED:
            continue
        key = normalise_header(h)
        canon = ALIASES.get(key)
        if canon is None:
            unknown.append((str(h), key))
            continue
        if canon in mapping.values():
            first = next(k for k, c in mapping.items() if c == canon)
            problems.append(
                _("columns '{first}' and '{h}' both mean '{header}' ({what})", first=first, h=h, **_field(canon))
            )
            continue
        mapping[str(h)] = canon
    present = set(mapping.values())
    strange: list[str] = []
    suggested: set[str] = set()
    for h, key in unknown:
        near = difflib.get_close_matches(key, list(ALIASES), n=1, cutoff=0.75)
        if near and ALIASES[near[0]] not in present:
            c = ALIASES[near[0]]
            suggested.add(c)
            problems.append(_("column '{h}' is not understood — did you mean '{header}' ({what})?", h=h, **_field(c)))
        else:
            strange.append(h)
    missing = [c for c in REQUIRED if c not in present and c not in suggested]
    if not {"hire_date", "years_of_service"} & (present | suggested):
        missing.append("hire_date")
    if need_scale and not {"scale"} & (present | suggested):
        missing.append("scale")
    for c in missing:
        if c == "hire_date":
            problems.append(
                _(
                    "a column '{header}' or '{other}' is needed — the hire date or the years of service",
                    header=HEADERS["hire_date"],
                    other=HEADERS["years_of_service"],
                )
            )
        elif c == "scale":
            problems.append(
                _(
                    "the column '{header}' is missing — give each person's scale in it, or choose one scale for "
                    "everyone",
                    header=HEADERS["scale"],
                )
            )
        else:
            problems.append(_("the required column '{header}' ({what}) is missing", **_field(c)))
    if problems:
        if strange:
            problems.append(_("headers not understood: {headers}", headers=", ".join(f"«{h}»" for h in strange)))
        raise InputError(
            _(
                "File columns: {problems}. The columns understood (any case and punctuation): {allowed}.",
                problems=lambda lang: "; ".join(tr(p, lang) for p in problems),
                allowed=allowed_columns,
            ),
            "columns",
        )
    notices += [_("Column '{h}' is not understood, so it is not used.", h=h) for h in strange]
    return mapping, notices


def _field(canon: str) -> dict[str, Text]:
    return {"header": HEADERS[canon], "what": COLUMNS[canon]}


def allowed_columns(lang: str) -> str:
    """The columns a file may have, each by its header in ``lang``, in the other language and by its name,
    the required ones first (every spelling of :data:`WRITTEN` is understood too)."""
    need = {"id": _("required"), "salary": _("required"), "hire_date": _("or years of service: one is required")}
    other = "en" if lang == "ru" else "ru"
    quote = "«{}»" if lang == "ru" else "'{}'"
    out = []
    for canon in ("id", "salary", "hire_date", *(c for c in HEADERS if c not in ("id", "salary", "hire_date"))):
        extra = f" — {tr(need[canon], lang)}" if canon in need else ""
        out.append(f"{quote.format(tr(HEADERS[canon], lang))} ({tr(HEADERS[canon], other)}, {canon}){extra}")
    return "; ".join(out)


# ------------------------------------------------------------------ cell parsers


def _is_text_dtype(s: pd.Series) -> bool:
    """A pandas string column (not object): vectorised ``.str`` methods apply."""
    return pd.api.types.is_string_dtype(s.dtype) and s.dtype != object


def _per_value(s: pd.Series, f: Callable[[Any], Any], dtype: Any) -> np.ndarray:
    """``f`` of each cell, evaluated once per distinct value (``f(None)`` for empty cells)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    vals = np.array([f(u) for u in uniques] + [f(None)], dtype=dtype)
    return vals[np.where(codes < 0, len(uniques), codes)]


def _missing(s: pd.Series) -> np.ndarray:
    if _is_text_dtype(s):
        return (s.isna() | s.str.strip().eq("")).to_numpy(dtype=bool, na_value=True)
    if s.dtype == object or isinstance(s.dtype, pd.CategoricalDtype):
        return _per_value(s, lambda v: v is None or (isinstance(v, str) and not v.strip()) or v != v, bool)
    return s.isna().to_numpy().copy()


def _as_text(s: pd.Series) -> pd.Series:
    """Cells as text; whole floats (from spreadsheets) without '.0'."""
    if pd.api.types.is_float_dtype(s.dtype):
        whole = s.notna() & (s == np.floor(s))
        out = s.astype(object).where(~whole, s.where(~whole, 0).astype(np.int64).astype(str))
        return out.astype(str).str.strip()
    if pd.api.types.is_integer_dtype(s.dtype):
        return s.astype(str)
    if _is_text_dtype(s):
        return s.fillna("").str.strip()
    return pd.Series(_per_value(s, _cell_text, object), index=s.index, dtype=object)


def _cell_text(v: Any) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _formula(s: pd.Series) -> np.ndarray:
    """Text cells that would start a spreadsheet formula (OWASP CSV injection) once stripped as they are stored."""
    if _is_text_dtype(s):
        return _formula_text(s.fillna("").str.strip())
    if s.dtype == object or isinstance(s.dtype, pd.CategoricalDtype):
        return _per_value(s, lambda v: isinstance(v, str) and _starts_formula(v), bool)
    return np.zeros(len(s), bool)


def _formula_text(text: pd.Series) -> np.ndarray:
    """Stripped text (as from :func:`_as_text`) that starts with = + - or @."""
    if len(text) == 0:
        return np.zeros(0, bool)
    return text.str.startswith(FORMULA_CHARS).to_numpy(dtype=bool, na_value=False)


def _decimal(v: Any) -> Decimal | None:
    """A cell as an exact Decimal, or None if it is not a number (floats via their shortest repr)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        d = v
    elif isinstance(v, int | np.integer):
        d = Decimal(int(v))
    elif isinstance(v, float | np.floating):
        d = Decimal(repr(float(v)))
    elif isinstance(v, str):
        t = v.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        if t.endswith("%"):
            return None
        try:
            d = Decimal(t)
        except InvalidOperation:
            return None
    else:
        return None
    return d if d.is_finite() else None


def _decimals(s: pd.Series) -> list[Decimal | None]:
    """Per-cell Decimals, parsing each distinct value once."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    parsed = [_decimal(u) for u in uniques]
    return [None if c < 0 else parsed[c] for c in codes]


MONEY_PROBLEMS = ("", "not_number", "decimals", "negative", "zero", "large")
_NOT_NUMBER, _DECIMALS, _NEGATIVE, _ZERO, _LARGE = range(1, 6)


def _money_kop(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Kopecks (int64) and a problem code per cell: its position in :data:`MONEY_PROBLEMS` (0: none)."""
    n = len(s)
    kopv = np.zeros(n, np.int64)
    code = np.zeros(n, np.int8)
    limit = int(MAX_SALARY * 100)
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        v = s.to_numpy(np.int64)
        big = np.abs(v) > limit // 100
        kopv = np.where(big, 0, v) * 100
    elif pd.api.types.is_float_dtype(s.dtype):
        v = s.to_numpy(np.float64)
        fin = np.isfinite(v)
        code[~fin] = _NOT_NUMBER
        vv = np.where(fin, v, 0.0) * 100
        big = np.abs(vv) > limit
        vv = np.where(big, 0.0, vv)
        r = np.rint(vv)
        code[fin & (np.abs(vv - r) > 1e-3)] = _DECIMALS
        kopv = r.astype(np.int64)
        code[big & fin] = _LARGE
    else:
        for i, d in enumerate(_decimals(s)):
            if d is None:
                code[i] = _NOT_NUMBER
                continue
            k = d * 100
            if abs(d) > MAX_SALARY:
                code[i] = _LARGE
            elif k != k.to_integral_value():
                code[i] = _DECIMALS
            else:
                kopv[i] = int(k)
    ok = code == 0
    code[ok & (kopv < 0)] = _NEGATIVE
    code[ok & (kopv == 0)] = _ZERO
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        code[big] = _LARGE
    return kopv, code


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y")


def _one_date(v: Any) -> date | None:
    if isinstance(v, datetime | pd.Timestamp):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, np.datetime64):
        return pd.Timestamp(v).date() if not np.isnat(v) else None
    if isinstance(v, str):
        t = v.strip()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(t, fmt).date()
            except ValueError:
                continue
    return None


def _dates(s: pd.Series) -> np.ndarray:
    """datetime64[D] per cell (NaT where not a date)."""
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        return s.to_numpy().astype("datetime64[D]")
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    parsed = np.array(
        [np.datetime64(d, "D") if (d := _one_date(u)) is not None else np.datetime64("NaT", "D") for u in uniques]
        + [np.datetime64("NaT", "D")],
        dtype="datetime64[D]",
    )
    return parsed[np.where(codes < 0, len(uniques), codes)]


# ------------------------------------------------------------------ the check


class _Problems:
    """Problems found so far: rows (positions), column and reason; ``skip`` rows get no reasons from ``add``."""

    def __init__(self, n: int, skip: np.ndarray | None = None) -> None:
        self.rows: list[np.ndarray] = []
        self.cols: list[str] = []
        self.reasons: list[Callable[[int], Text] | Text] = []
        self.bad = np.zeros(n, bool)
        self.skip = np.zeros(n, bool) if skip is None else skip

    def add(
        self,
        mask: np.ndarray,
        column: str,
        reason: Callable[[int], Text] | Text,
        *,
        always: bool = False,
    ) -> None:
        """Reject the rows of ``mask`` for ``reason`` (a message, or a function of the row's position)."""
        idx = np.flatnonzero(mask if always else mask & ~self.skip)
        if len(idx):
            self.rows.append(idx)
            self.cols.append(column)
            self.reasons.append(reason)
            self.bad[idx] = True

    def frame(self, ids: pd.Series, raw: Mapping[str, pd.Series], first_row: int) -> pd.DataFrame:
        """The rejected rows (:data:`REJECTED_COLUMNS`): each reason kept as its message, translated when shown."""
        out: list[tuple[int, str, str, str, Text]] = []
        for idx, col, reason in zip(self.rows, self.cols, self.reasons, strict=True):
            vals = raw.get(col)
            for i in idx:
                value = "" if vals is None else _cell_text(vals.iloc[i])
                why = reason(i) if callable(reason) else reason  # type: ignore[operator]
                out.append((int(i) + first_row, str(ids.iloc[i]), col, value, why))
        df = pd.DataFrame(out, columns=REJECTED_COLUMNS)
        df["reason"] = df["reason"].astype(object)
        return df.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def _number_column(
    p: _Problems,
    s: pd.Series,
    column: str,
    what: Text,
    low: Decimal,
    high: Decimal,
    default: Decimal,
    integer: bool = False,
    hint: Callable[[Decimal], Text | None] | None = None,
    max_places: int = 6,
) -> NumCol:
    """Checked numbers of one column (``default`` where empty or bad).

    Each distinct value is parsed and checked once, then spread to the rows.
    """
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    parsed = [_decimal(u) for u in uniques]
    blank = np.array([isinstance(u, str) and not u.strip() for u in uniques] + [True], bool)
    form = np.array(
        [isinstance(u, str) and _starts_formula(u) and d is None for u, d in zip(uniques, parsed, strict=True)]
        + [False],
        bool,
    )
    notnum = np.array([d is None for d in parsed] + [False], bool) & ~blank & ~form
    out_range = np.array(
        [
            d is not None
            and (
                not low <= d <= high
                or (integer and d != d.to_integral_value())
                or -d.normalize().as_tuple().exponent > max_places  # type: ignore[operator]
            )
            for d in parsed
        ]
        + [False],
        bool,
    )
    values = np.empty(len(uniques) + 1, dtype=object)
    for i, d in enumerate(parsed):
        values[i] = default if d is None else d
    values[-1] = default
    idx = np.where(codes < 0, len(uniques), codes)
    p.add(form[idx], column, _no_formula(what))
    needed = _("{what}: a whole number is needed", what=what) if integer else _("{what}: a number is needed", what=what)
    p.add(notnum[idx], column, needed)

    def msg(i: int) -> Text:
        d = parsed[idx[i]]
        h = hint(d) if hint and d is not None else None
        values = {"what": what, "value": str(d), "low": str(low), "high": str(high), "places": max_places}
        extra = {"extra": (lambda lang: f" ({tr(h, lang)})") if h else ""}
        if integer:
            return _("{what}: {value} — allowed: a whole number from {low} to {high}{extra}", **values, **extra)
        return _(
            "{what}: {value} — allowed: a number from {low} to {high}, up to {places} decimals{extra}",
            **values,
            **extra,
        )

    p.add(out_range[idx], column, msg)
    values[:-1][out_range[:-1] | notnum[:-1] | form[:-1]] = default
    return NumCol(idx, values)


@dataclass(frozen=True)
class NumCol:
    """A checked number column: ``values`` per distinct cell, ``idx`` maps each row to one."""

    idx: np.ndarray
    values: np.ndarray

    def map(self, f: Callable[[Decimal], Any], dtype: Any = object) -> np.ndarray:
        return np.array([f(v) for v in self.values], dtype=dtype)[self.idx]

    def categorical(self) -> pd.Categorical:
        """The values as text ('1.15'), one category per distinct number."""
        text = np.array([str(v) for v in self.values], dtype=object)
        cats, inverse = np.unique(text, return_inverse=True)
        return pd.Categorical.from_codes(inverse[self.idx], categories=pd.Index(cats, dtype=object))


def _starts_formula(t: str) -> bool:
    """The text, stripped as it is stored, starts a formula: '=1+1', ' @x', '\\n=1+1'."""
    return t.strip().startswith(FORMULA_CHARS)


def _pct_hint(d: Decimal) -> Text | None:
    if 1 < d <= 100:
        return _("give a fraction: {d} for {d2}%", d=d / 100, d2=d)
    return None


def check(
    table: pd.DataFrame,
    year: int,
    *,
    scale: str | Scale | None = None,
    scales: Mapping[str, Scale] | None = None,
    today: date | None = None,
    first_row: int = 2,
    duplicate_ids: Mapping[str, Sequence[int]] | Iterable[str] | None = None,
    scale_column: bool = True,
) -> Checked:
    """Check every row of ``table`` for the year ``year``; see the module docstring.

    ``scale``: the scale for rows without one (required if the table has no ``scale`` column).
    ``scales``: extra scales the ``scale`` column may name (e.g. ``{"agreement": custom_scale(...)}``).
    ``first_row``: the spreadsheet number of the table's first row (2: the header is row 1).
    ``duplicate_ids``: ids that repeat across the whole data (other partitions of a Dask frame), each
    with the spreadsheet numbers of all its rows; a plain set of ids is accepted too.
    ``scale_column``: False when one scale (``scale``) applies to everyone and the column is ignored.

    Rows whose every cell is empty are skipped (a notice lists them); a CSV row with more cells than
    the header (marked by :func:`read_table`) is rejected alone.
    """
    if table is None or table.shape[1] == 0 or len(table) == 0:
        raise InputError(_("The table has no data rows."), "file")
    today = today or date.today()
    raw, notices = _columns(table, scale, scale_column)
    n = len(table)
    numbers = np.arange(n, dtype=np.int64) + first_row
    blank = _blank_rows(table)
    if MALFORMED in table.columns:
        marks = table[MALFORMED].to_numpy(dtype=object)
        malformed = np.array([m is not None and m == m for m in marks], bool)  # None or NaN: a good row
    else:
        marks, malformed = np.full(n, None, object), np.zeros(n, bool)
    p = _Problems(n, skip=blank | malformed)
    ids = _check_ids(p, raw["id"], numbers, duplicate_ids)
    salary = _check_salary(p, raw["salary"])
    hire = _check_hire(p, raw["hire_date"], year, today) if "hire_date" in raw else np.full(n, NAT, "datetime64[D]")
    has_hire = ~np.isnat(hire)
    months0 = _check_years(p, raw["years_of_service"], has_hire) if "years_of_service" in raw else np.full(n, -1)
    neither = ~has_hire & (months0 < 0) & ~p.bad
    if "hire_date" in raw:
        neither &= _missing(raw["hire_date"])
    where = "hire_date" if "hire_date" in raw else "years_of_service"
    p.add(neither, where, _("neither a hire date nor years of service"))
    hire[months0 >= 0] = NAT
    cols: dict[str, Any] = {
        "row": numbers,
        "id": ids.array,
        "salary_kop": salary,
        "hire_date": hire,
        "service_months": months0.astype(np.int64),
        "scale": _categorical(_scale_column(p, raw, n, scale, {**SCALES, **(scales or {})})),
        "kind": _categorical(_kind_column(p, raw, n)),
        **_check_optional(p, raw, n),
    }
    if "gender" in raw:
        cols["gender"], unread = _gender_column(raw["gender"])
        unread &= ~(blank | malformed)
        if unread.any():
            notices.append(_gender_notice(numbers[unread], raw["gender"][unread]))
    for c in FREE_TEXT:
        if c in raw:
            text, neutral = _free_text(raw[c])
            cols[c] = text.array
            neutral = neutral & ~(blank | malformed)
            if neutral.any():
                notices.append(_neutralised_notice(c, numbers[neutral]))
    width = sum(1 for h in table.columns if h != MALFORMED)
    p.add(malformed, "", lambda i: _malformed_reason(marks[i][0], width), always=True)
    if blank.any():
        notices.append(_blank_notice(numbers[blank]))
    emp = pd.DataFrame(cols)
    texts = (
        pd.Series([m[1] if bad else "" for m, bad in zip(marks, malformed, strict=True)]) if malformed.any() else None
    )
    rejected = p.frame(ids, {**raw, "": texts} if texts is not None else raw, first_row)
    return Checked(emp[~p.bad & ~blank].reset_index(drop=True), rejected, notices, year)


NAT = np.datetime64("NaT")


def _no_formula(what: Text) -> Text:
    return _("{what}: formulas are not accepted", what=what)


def _blank_rows(table: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is empty (a blank line in a CSV file, an empty spreadsheet row)."""
    blank = np.ones(len(table), bool)
    order = sorted(range(table.shape[1]), key=lambda j: _is_text_dtype(table.iloc[:, j]))  # cheap columns first
    for j in order:
        if table.columns[j] != MALFORMED:
            blank &= _missing(table.iloc[:, j])
            if not blank.any():
                break
    return blank


def _rows_text(rows: np.ndarray, limit: int = 10) -> str:
    shown = ", ".join(str(int(r)) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def _blank_notice(rows: np.ndarray) -> Text:
    return _("Empty rows skipped ({rows}): {rows2}.", rows=len(rows), rows2=_rows_text(rows))


def _malformed_reason(cells: int, width: int) -> Text:
    return _(
        "the row has {cells} cells but the header has {width}: a text probably contains the separator without "
        'quotes (e.g. "Petrov, Pyotr") — put such text in quotes; the row is not computed',
        cells=cells,
        width=width,
    )


def _free_text(col: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A free-text column (name, occupation, department) as stored: stripped, and a cell that would start
    a spreadsheet formula (``=1+1``, ``-``, ``@x``) kept as text behind a leading apostrophe (``'=1+1``)."""
    text = _as_text(col)
    neutral = _formula_text(text)
    if neutral.any():
        text = text.where(~neutral, "'" + text.astype(object))
    return text, neutral


def _neutralised_notice(column: str, rows: np.ndarray) -> Text:
    what = COLUMNS[column]
    return _(
        "Column '{column}' ({what}): cells starting with = + - or @ — {rows} (rows {rows2}). They are kept as text "
        "with a leading apostrophe (') so that a spreadsheet cannot run them as a formula; this alone does not "
        "reject a row.",
        column=column,
        what=lambda lang, what=what: what[lang],
        rows=len(rows),
        rows2=_rows_text(rows),
    )


def _columns(
    table: pd.DataFrame, scale: str | Scale | None, scale_column: bool
) -> tuple[dict[str, pd.Series], list[Text]]:
    """The used columns by canonical name, and notices about the others."""
    if not scale_column and scale is None:
        raise InputError(_("No scale chosen."), "scale")
    mapping, notices = _map_columns(table, need_scale=scale is None)
    if not scale_column and "scale" in mapping.values():
        sid = scale.id if isinstance(scale, Scale) else scale
        mapping = {h: c for h, c in mapping.items() if c != "scale"}
        notices.append(_("Column 'scale' is not used: scale '{sid}' applies to everyone.", sid=sid))
    return {canon: _compact(table[h].reset_index(drop=True), canon) for h, canon in mapping.items()}, notices


COMPACTED = ("scale", "kind", "hire_date", "gender", "occupation", "department")


def _compact(s: pd.Series, canon: str) -> pd.Series:
    """A text column with few distinct values that the check reads more than once (a scale, a kind, a date) as a
    categorical: each distinct value is then read once instead of every cell. Number columns are read once
    anyway (:func:`_number_column`), ids and names have as many values as rows."""
    if canon not in COMPACTED or not (_is_text_dtype(s) or s.dtype == object) or len(s) < 1000:
        return s
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    if len(uniques) > len(s) // 10:
        return s
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object)), index=s.index)


def duplicate_text(key: str, rows: Sequence[int], elsewhere: bool = False) -> Text:
    """The reason given to every copy of a repeated id: the rows of its copies (at most five shown)."""
    shown = ", ".join(str(int(r)) for r in rows[:5]) + (", …" if len(rows) > 5 else "")
    if elsewhere:
        return _("id '{key}' appears more than once (rows {rows}; and in other parts of the data)", key=key, rows=shown)
    return _("id '{key}' appears more than once (rows {rows})", key=key, rows=shown)


def _check_ids(
    p: _Problems,
    col: pd.Series,
    numbers: np.ndarray,
    known: Mapping[str, Sequence[int]] | Iterable[str] | None,
) -> pd.Series:
    """Ids as text; empty, formula-like and repeated ids (every copy) are rejected.

    ``known``: ids repeated across the whole data with the spreadsheet numbers of all their rows
    (the Dask path), or just the ids (their other rows are then unknown: "in other parts of the data"
    is said of an id that appears once here).
    """
    ids = _as_text(col)
    missing = (ids == "").to_numpy(dtype=bool) if _is_text_dtype(col) else _missing(col)  # text: stripped once
    p.add(missing, "id", _("the employee id is empty"))
    p.add(_formula_text(ids) & ~missing, "id", _no_formula(pgettext("calc.workforce.input", "id")))
    counted = ~missing & ~p.skip
    dup = _repeated(ids, counted)
    rows_known = dict(known) if isinstance(known, Mapping) else dict.fromkeys(known or (), ())
    if rows_known:
        dup |= ids.isin(list(rows_known)).to_numpy() & counted
    if not dup.any():
        return ids
    pos = np.flatnonzero(dup)
    rows_of: dict[str, list[int]] = {}
    for k, r in zip(ids.to_numpy(dtype=object)[pos].tolist(), numbers[pos].tolist(), strict=True):
        rows_of.setdefault(k, []).append(r)
    where: dict[str, tuple[list[int], bool]] = {}
    for k, local in rows_of.items():
        other = rows_known.get(k, ())
        rows = sorted(set(local) | {int(r) for r in other})
        where[k] = (rows, k in rows_known and not other and len(local) == 1)

    def text(i: int) -> Text:
        k = ids.iloc[i]
        return duplicate_text(k, where[k][0], where[k][1])

    p.add(dup, "id", text)
    return ids


def _utf8(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A text column's UTF-8 bytes and each cell's offset into them (Arrow's layout, no copy where it is one)."""
    arr = ids.array.__arrow_array__() if hasattr(ids.array, "__arrow_array__") else None
    if arr is None:
        arr = pa.array(ids.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.large_string())
    _, offsets, data = arr.buffers()
    off = np.frombuffer(offsets, np.int64)[arr.offset : arr.offset + len(arr) + 1]
    raw = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    return np.ascontiguousarray(off), raw


def _repeated(ids: pd.Series, counted: np.ndarray) -> np.ndarray:
    """Every copy of an id that occurs more than once among the ``counted`` rows (texts compared exactly, in
    one compiled pass over their UTF-8 bytes: :func:`calc.workforce.compiled.repeated_texts`)."""
    off, raw = _utf8(ids)
    return C.repeated_texts(off, raw, np.ascontiguousarray(counted, dtype=np.bool_))


def text_hashes(texts: pd.Series) -> np.ndarray:
    """A 64-bit hash of each text (uint64): equal texts have equal hashes (the Dask path's repeated-id pass)."""
    if len(texts) == 0:
        return np.zeros(0, np.uint64)
    return C.text_hashes(*_utf8(texts))


def _check_salary(p: _Problems, col: pd.Series) -> np.ndarray:
    """Monthly salary in kopecks: a number above 0 with at most 2 decimals, within the engine's limit."""
    salary, code = _money_kop(col)
    missing = _missing(col)
    formula = _formula(col) & (code == _NOT_NUMBER)  # "-5000" is a negative number, not a formula
    p.add(missing, "salary", _("the salary is empty"))
    p.add(formula & ~missing, "salary", _no_formula(_("salary")))
    for c, reason in SALARY_REASONS.items():
        p.add((code == MONEY_PROBLEMS.index(c)) & ~missing & ~formula, "salary", reason)
    return salary


SALARY_REASONS: dict[str, Text] = {
    "not_number": _("salary: a number is needed"),
    "decimals": _("salary: at most 2 decimals (kopecks)"),
    "negative": _("the salary cannot be negative"),
    "zero": _("the salary must be above 0"),
    "large": _(
        "the salary is above {limit} RUB a month (the engine's limit is 1 billion RUB a year)",
        limit=lambda lang: num(MAX_SALARY, lang, "#,##0.00"),
    ),
}
"""Why a salary is rejected, by the problem code of :func:`_money_kop`."""


def _check_hire(p: _Problems, col: pd.Series, year: int, today: date) -> np.ndarray:
    """Hire dates (NaT where empty or rejected): not in the future, not after the year, ≤ 80 years ago."""
    missing = _missing(col)
    hire = _dates(col)
    formula = _formula(col) & ~missing
    p.add(formula, "hire_date", _no_formula(_("hire date")))
    p.add(np.isnat(hire) & ~missing & ~formula, "hire_date", _("hire date: not a date — use YYYY-MM-DD or DD.MM.YYYY"))
    has = ~np.isnat(hire)
    future = has & (hire > np.datetime64(today, "D"))
    p.add(future, "hire_date", lambda i: _("the hire date {date} is in the future", date=str(hire[i])))
    after = has & ~future & (hire > np.datetime64(date(year, 12, 31), "D"))
    p.add(
        after,
        "hire_date",
        lambda i: _("hired {date}, after {year}: not employed in that year", date=str(hire[i]), year=year),
    )
    too_old = has & (hire < np.datetime64(date(year - MAX_YEARS - 1, 12, 2), "D"))  # > 80 full years by December
    p.add(
        too_old,
        "hire_date",
        lambda i: _(
            "hire date {date}: more than {years} years of service — check the date", date=str(hire[i]), years=MAX_YEARS
        ),
    )
    return hire


def _check_years(p: _Problems, col: pd.Series, has_hire: np.ndarray) -> np.ndarray:
    """Whole months of service at 1 January from ``years_of_service`` (−1 where a hire date is used)."""
    use = ~has_hire
    ys = col.astype(object).where(pd.Series(use), None)
    num = _number_column(p, ys, "years_of_service", _("years of service"), Decimal(0), Decimal(MAX_YEARS), Decimal(-1))
    months0 = num.map(lambda d: int((d * 12).to_integral_value(rounding="ROUND_FLOOR")), np.int64)
    months0[~use] = -1
    p.add(
        use & (months0 + 11 > MAX_YEARS * 12) & ~p.bad,
        "years_of_service",
        _("years of service: more than {years} by December", years=MAX_YEARS),
    )
    return months0


def _check_optional(p: _Problems, raw: Mapping[str, pd.Series], n: int) -> dict[str, Any]:
    """District coefficient (1–3), northern allowance (0–1) and children (0–20), with their defaults."""
    empty = pd.Series([None] * n)
    coef = _number_column(
        p,
        raw.get("district_coef", empty),
        "district_coef",
        _("district coefficient"),
        Decimal(1),
        Decimal(3),
        Decimal(1),
    )
    pct = _number_column(
        p,
        raw.get("northern_percent", empty),
        "northern_percent",
        _("northern allowance"),
        Decimal(0),
        Decimal(1),
        Decimal(0),
        hint=_pct_hint,
    )
    kids = _number_column(
        p,
        raw.get("children", empty),
        "children",
        _("children"),
        Decimal(0),
        Decimal(MAX_CHILDREN),
        Decimal(0),
        integer=True,
    )
    return {
        "district_coef": coef.categorical(),
        "northern_percent": pct.categorical(),
        "children": kids.map(int, np.int64),
    }


def _categorical(values: np.ndarray | pd.Categorical) -> pd.Categorical:
    """Few distinct text values as a categorical (cheap to store, filter and factorise)."""
    if isinstance(values, pd.Categorical):
        return values
    codes, uniques = pd.factorize(values)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


def name_key(text: object) -> str:
    """A name as a key: any case, ё as е, no spaces or quotes, every dash as "-" ("10–30 %" = "10-30%")."""
    t = str(text).casefold().replace("ё", "е")
    t = re.sub("[\u2010-\u2015\u2212]", "-", t)
    return re.sub(r"[\s\"'«»“”„]+", "", t)


def _names(known: Mapping[str, Text]) -> dict[str, str]:
    """{key of an id or a name in any language: id} (a name shared by two ids is left out: it says neither)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for k in known:
        out[name_key(k)] = k
    for k, label in known.items():
        for lang in TEXT_LANGS:
            key = name_key(tr(label, lang))
            if key in out and out[key] != k:
                taken.add(key)
            out.setdefault(key, k)
    return {key: k for key, k in out.items() if key not in taken or key == name_key(k)}


def scale_ids(values: Iterable[object], known: Mapping[str, Scale] | None = None) -> list[str | None]:
    """The scale id of each cell: an id or a scale's name as the page lists it, in Russian or English
    (any case and spacing); None where it names no scale. ``known``: the scales (default: the built-in ones)."""
    names = _names({k: sc.label for k, sc in (known or SCALES).items()})
    return [names.get(name_key(v)) for v in values]


def _by_name(s: pd.Series, names: dict[str, str], default: str) -> pd.Categorical:
    """Each cell's id by :func:`name_key` in ``names`` (``default`` where empty); a cell naming nothing is
    kept as written (the caller rejects it). Each distinct cell is looked up once."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    ids = [names.get(name_key(t), t) if (t := _cell_text(u)) else default for u in uniques] + [default]
    cat_codes, cats = pd.factorize(np.array(ids, dtype=object))
    idx = np.where(codes < 0, len(uniques), codes)
    return pd.Categorical.from_codes(cat_codes[idx], categories=pd.Index(cats, dtype=object))


def _not_in(values: pd.Categorical, allowed: Iterable[str]) -> np.ndarray:
    """Cells of a categorical whose value is not one of ``allowed``."""
    ok = set(allowed)
    return ~np.array([c in ok for c in values.categories], bool)[values.codes]


def _scale_column(
    p: _Problems, raw: Mapping[str, pd.Series], n: int, default: str | Scale | None, known: Mapping[str, Scale]
) -> np.ndarray | pd.Categorical:
    """Each row's scale id; the column may give a scale's id or its name in Russian or English."""
    default_id = default.id if isinstance(default, Scale) else default
    if default is not None and default_id not in known and not isinstance(default, Scale):
        ids = ", ".join(known)
        raise InputError(_("Scale '{default}' not found. Available: {ids}.", default=default, ids=ids), "scale")
    if "scale" not in raw:
        return np.full(n, default_id, dtype=object)
    s = raw["scale"]
    miss = _missing(s)
    form = _formula(s) & ~miss
    p.add(form, "scale", _no_formula(_("scale")))
    if default is None:
        p.add(miss, "scale", _("no seniority scale given"))
    valid = {**known, **({default_id: default} if isinstance(default, Scale) else {})}
    names = _names({k: sc.label for k, sc in valid.items()})
    out = _by_name(s, names, default_id or "")
    unknown = ~miss & ~form & _not_in(out, valid)
    allowed = ", ".join(sorted(valid))
    p.add(
        unknown,
        "scale",
        lambda i: _(
            "unknown scale '{value}'; allowed: a scale's name as the page lists it, or its id: {allowed}",
            value=out[i],
            allowed=allowed,
        ),
    )
    return out


def _kind_column(p: _Problems, raw: Mapping[str, pd.Series], n: int) -> np.ndarray | pd.Categorical:
    """Each row's employer kind (an id such as ``general`` or its name in Russian or English)."""
    if "kind" not in raw:
        return np.full(n, "general", dtype=object)
    s = raw["kind"]
    miss = _missing(s)
    form = _formula(s) & ~miss
    p.add(form, "kind", _no_formula(_("employer kind")))
    out = _by_name(s, _names(KINDS), "general")
    unknown = ~form & _not_in(out, KINDS)
    allowed = ", ".join(KINDS)
    p.add(
        unknown,
        "kind",
        lambda i: _("unknown employer kind '{value}'; allowed: {allowed}", value=out[i], allowed=allowed),
    )
    return out


def _gender_column(s: pd.Series) -> tuple[pd.Categorical, np.ndarray]:
    """Gender as ``f`` / ``m`` ('' where empty or not understood), and which cells were not understood.

    A gender not understood does not reject the row: it changes nobody's pay, only the distributions by
    gender, so the person is computed and a notice names the rows (see :func:`_gender_notice`)."""
    txt = _as_text(s).where(~_missing(s), "")
    codes, uniques = pd.factorize(txt, use_na_sentinel=False)
    known = [GENDERS.get(u.casefold().rstrip("."), "?") if u else "" for u in uniques]
    out = np.array([*known, ""], dtype=object)[codes]
    unread = out == "?"
    out[unread] = ""
    return _categorical(out), unread


def _gender_notice(rows: np.ndarray, cells: pd.Series) -> Text:
    values = list(dict.fromkeys(_as_text(cells.reset_index(drop=True)).tolist()))
    shown = ", ".join(f"«{v}»" for v in values[:5]) + (", …" if len(values) > 5 else "")
    return _(
        "Gender not understood in rows {rows} ({values}): these people are computed, but left out of the "
        "distributions by gender. Allowed: м / ж, male / female, or an empty cell.",
        rows=_rows_text(rows),
        values=shown,
    )
