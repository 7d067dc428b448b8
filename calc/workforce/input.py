"""Reading and checking a workforce table (CSV / XLSX upload or a pandas DataFrame).

Every problem is reported in Russian and English; nothing is dropped silently:

- problems with the file as a whole (empty, too large, unreadable, a required column missing or
  misspelt — the nearest expected name is suggested) raise :class:`calc.InputError`;
- problems with single rows (a wrong type, a negative salary, a hire date in the future or after
  the year, a duplicate id, an unknown scale or employer kind, an id or a value that would run as a
  spreadsheet formula, a CSV row with more cells than the header, …) reject that row with its
  reason; the other rows are processed;
- free text (name, occupation, department) starting with = + - or @ is kept as text behind a leading
  apostrophe (``'=1+1``), not rejected; such cells, empty rows (skipped) and columns that are not
  used at all are listed in ``notices``.

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

from calc.core.errors import InputError
from calc.core.i18n import _, pgettext
from calc.core.money import MAX_AMOUNT
from calc.core.text import Text, tr
from calc.ru.contributions import KINDS
from calc.ru.long_service import MAX_YEARS, SCALES, Scale

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
    "scale": _("seniority scale (id)"),
    "kind": _("employer kind (general, sme, …)"),
    "district_coef": _("district coefficient (1–3)"),
    "northern_percent": _("northern allowance (fraction 0–1)"),
    "children": _("number of children (deduction)"),
    "name": _("name"),
    "occupation": _("occupation"),
    "department": _("department"),
}
REQUIRED = ("id", "salary")
INFO = ("name", "occupation", "department")
ALIASES: dict[str, str] = {
    **{c: c for c in COLUMNS},
    "табельный_номер": "id",
    "таб_номер": "id",
    "номер": "id",
    "оклад": "salary",
    "дата_приема": "hire_date",
    "стаж": "years_of_service",
    "стаж_лет": "years_of_service",
    "шкала": "scale",
    "вид_работодателя": "kind",
    "районный_коэффициент": "district_coef",
    "северная_надбавка": "northern_percent",
    "дети": "children",
    "детей": "children",
    "фио": "name",
    "должность": "occupation",
    "подразделение": "department",
}


def normalise_header(h: object) -> str:
    s = str(h).strip().lower().replace("ё", "е")
    return re.sub(r"[\s\-.]+", "_", s).strip("_")


@dataclass
class Checked:
    """The result of checking a table: good rows (typed), rejected rows with reasons, notices."""

    employees: pd.DataFrame
    rejected: pd.DataFrame
    notices: list[Text] = field(default_factory=list)
    year: int | None = None

    def rejected_text(self, lang: str = "ru", limit: int = 10) -> str:
        col = "reason_ru" if lang == "ru" else "reason_en"
        word = tr(_("row"), lang)
        lines = [f"{word} {r.row}: {getattr(r, col)}" for r in self.rejected.head(limit).itertuples()]
        more = len(self.rejected) - limit
        if more > 0:
            lines.append(f"… ещё {more}" if lang == "ru" else f"… {more} more")
        return "\n".join(lines)


REJECTED_COLUMNS = ["row", "id", "column", "value", "reason_ru", "reason_en"]


# ------------------------------------------------------------------ reading files


def read_table(content: bytes, filename: str, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """A CSV (comma or semicolon, UTF-8 or Windows-1251) or XLSX file as a DataFrame of raw cells."""
    size = len(content)
    if size == 0:
        raise InputError(_("The file is empty."), "file")
    if size > max_bytes:
        raise InputError(
            _(
                "The file is too large: {size:.1f} MB; the limit is {max_bytes:.0f} MB. Compute a larger workforce "
                "in Python (calc.workforce) or through Dask (docs/bargaining.md).",
                size=size / 1000000.0,
                max_bytes=max_bytes / 1000000.0,
            ),
            "file",
        )
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        df = _read_xlsx(content, max_rows)
    elif name.endswith((".csv", ".txt")):
        df = _read_csv(content, max_rows)
    else:
        raise InputError(_("File '{filename}': a CSV or XLSX file is needed.", filename=filename), "file")
    if df.shape[1] == 0 or len(df) == 0:
        raise InputError(_("The file has no data rows."), "file")
    return df


def _too_many_rows(max_rows: int) -> InputError:
    """The file has more rows than allowed (found while reading: the rest is not read)."""
    return InputError(
        _(
            "The file has more than {max_rows} rows; the limit is {max_rows}. Compute a larger workforce in "
            "Python (calc.workforce) or through Dask (docs/bargaining.md).",
            max_rows=lambda lang: f"{max_rows:,}".replace(",", "\u00a0" if lang == "ru" else ","),
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
    for enc in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte string
        raise InputError(_("Could not read the file's encoding."), "file")
    if not text or text.isspace():
        raise InputError(_("The file is empty."), "file")
    start = re.search(r"[^\r\n]", text).start()  # the first line with text, found without copying the file
    end = text.find("\n", start)
    first = text[start : end if end >= 0 else len(text)].splitlines()[0]
    sep = ";" if first.count(";") > first.count(",") else ("\t" if "\t" in first and "," not in first else ",")
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
    """{original header: canonical name}; raises one InputError listing every column problem."""
    mapping: dict[str, str] = {}
    problems_ru: list[str] = []
    problems_en: list[str] = []
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
            problems_ru.append(f"столбец «{canon}» встречается дважды ({h})")
            problems_en.append(f"column '{canon}' appears twice ({h})")
            continue
        mapping[str(h)] = canon
    present = set(mapping.values())
    for h, key in unknown:
        near = difflib.get_close_matches(key, list(ALIASES), n=1, cutoff=0.75)
        if near and ALIASES[near[0]] not in present:
            c = ALIASES[near[0]]
            problems_ru.append(f"столбец «{h}» не известен — возможно, имелся в виду «{c}» ({COLUMNS[c]['ru']})")
            problems_en.append(f"column '{h}' is not known — did you mean '{c}' ({COLUMNS[c]['en']})?")
        else:
            notices.append(_("Column '{h}' is not used.", h=h))
    missing = [c for c in REQUIRED if c not in present]
    if "hire_date" not in present and "years_of_service" not in present:
        missing.append("hire_date")
    if need_scale and "scale" not in present:
        missing.append("scale")
    for c in missing:
        alt_ru = " (или «years_of_service»)" if c == "hire_date" else ""
        alt_en = " (or 'years_of_service')" if c == "hire_date" else ""
        problems_ru.append(f"нет обязательного столбца «{c}»{alt_ru} — {COLUMNS[c]['ru']}")
        problems_en.append(f"the required column '{c}'{alt_en} is missing — {COLUMNS[c]['en']}")
    if problems_ru:
        expected = ", ".join(COLUMNS)
        raise InputError(
            "Столбцы файла: " + "; ".join(problems_ru) + f". Ожидаемые столбцы: {expected}.",
            "File columns: " + "; ".join(problems_en) + f". Expected columns: {expected}.",
            "columns",
        )
    return mapping, notices


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
    if s.dtype == object:
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
    return pd.Series(_per_value(s, _cell_text, object), index=s.index)


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
    if s.dtype == object:
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


def _money_kop(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Kopecks (int64) and a problem code per cell: '' ok, else not_number / decimals / negative / zero / large."""
    n = len(s)
    kopv = np.zeros(n, np.int64)
    code = np.full(n, "", dtype=object)
    limit = int(MAX_SALARY * 100)
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        v = s.to_numpy(np.int64)
        big = np.abs(v) > limit // 100
        kopv = np.where(big, 0, v) * 100
    elif pd.api.types.is_float_dtype(s.dtype):
        v = s.to_numpy(np.float64)
        fin = np.isfinite(v)
        code[~fin] = "not_number"
        vv = np.where(fin, v, 0.0) * 100
        big = np.abs(vv) > limit
        vv = np.where(big, 0.0, vv)
        r = np.rint(vv)
        code[fin & (np.abs(vv - r) > 1e-3)] = "decimals"
        kopv = r.astype(np.int64)
        code[big & fin] = "large"
    else:
        for i, d in enumerate(_decimals(s)):
            if d is None:
                code[i] = "not_number"
                continue
            k = d * 100
            if abs(d) > MAX_SALARY:
                code[i] = "large"
            elif k != k.to_integral_value():
                code[i] = "decimals"
            else:
                kopv[i] = int(k)
    ok = code == ""
    code[ok & (kopv < 0)] = "negative"
    code[ok & (kopv == 0)] = "zero"
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        code[big] = "large"
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
        self.ru: list[Callable[[int], str] | str] = []
        self.en: list[Callable[[int], str] | str] = []
        self.bad = np.zeros(n, bool)
        self.skip = np.zeros(n, bool) if skip is None else skip

    def add(
        self,
        mask: np.ndarray,
        column: str,
        ru: Callable[[int], str] | str,
        en: Callable[[int], str] | str,
        *,
        always: bool = False,
    ) -> None:
        idx = np.flatnonzero(mask if always else mask & ~self.skip)
        if len(idx):
            self.rows.append(idx)
            self.cols.append(column)
            self.ru.append(ru)
            self.en.append(en)
            self.bad[idx] = True

    def frame(self, ids: pd.Series, raw: Mapping[str, pd.Series], first_row: int) -> pd.DataFrame:
        out: list[tuple[int, str, str, str, str, str]] = []
        for idx, col, ru, en in zip(self.rows, self.cols, self.ru, self.en, strict=True):
            vals = raw.get(col)
            for i in idx:
                value = "" if vals is None else _cell_text(vals.iloc[i])
                out.append(
                    (
                        int(i) + first_row,
                        str(ids.iloc[i]),
                        col,
                        value,
                        ru(i) if callable(ru) else ru,
                        en(i) if callable(en) else en,
                    )
                )
        df = pd.DataFrame(out, columns=REJECTED_COLUMNS)
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
    kind_ru = "целое число" if integer else "число"
    kind_en = "a whole number" if integer else "a number"
    p.add(form[idx], column, f"{what['ru']}: формулы не принимаются", f"{what['en']}: formulas are not accepted")
    p.add(notnum[idx], column, f"{what['ru']}: нужно {kind_ru}", f"{what['en']}: {kind_en} is needed")

    def msg(i: int, lang: str) -> str:
        d = parsed[idx[i]]
        h = hint(d) if hint and d is not None else None
        extra = f" ({h[lang]})" if h else ""
        if lang == "ru":
            return f"{what['ru']}: {d} — допустимо {kind_ru} от {low} до {high}, до {max_places} знаков{extra}"
        return f"{what['en']}: {d} — allowed: {kind_en} from {low} to {high}, up to {max_places} decimals{extra}"

    p.add(out_range[idx], column, lambda i: msg(i, "ru"), lambda i: msg(i, "en"))
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
    p.add(neither, where, "нет ни даты приёма, ни стажа", "neither a hire date nor years of service")
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
    for c in INFO:
        if c in raw:
            text, neutral = _free_text(raw[c])
            cols[c] = text.array
            neutral = neutral & ~(blank | malformed)
            if neutral.any():
                notices.append(_neutralised_notice(c, numbers[neutral]))
    width = sum(1 for h in table.columns if h != MALFORMED)
    p.add(
        malformed,
        "",
        lambda i: _malformed_reason(marks[i][0], width, "ru"),
        lambda i: _malformed_reason(marks[i][0], width, "en"),
        always=True,
    )
    if blank.any():
        notices.append(_blank_notice(numbers[blank]))
    emp = pd.DataFrame(cols)
    texts = (
        pd.Series([m[1] if bad else "" for m, bad in zip(marks, malformed, strict=True)]) if malformed.any() else None
    )
    rejected = p.frame(ids, {**raw, "": texts} if texts is not None else raw, first_row)
    return Checked(emp[~p.bad & ~blank].reset_index(drop=True), rejected, notices, year)


NAT = np.datetime64("NaT")


def _no_formula(what: Text) -> tuple[str, str]:
    return f"{what['ru']}: формулы не принимаются", f"{what['en']}: formulas are not accepted"


def _blank_rows(table: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is empty (a blank line in a CSV file, an empty spreadsheet row)."""
    blank = np.ones(len(table), bool)
    for j, h in enumerate(table.columns):
        if h != MALFORMED:
            blank &= _missing(table.iloc[:, j])
            if not blank.any():
                break
    return blank


def _rows_text(rows: np.ndarray, limit: int = 10) -> str:
    shown = ", ".join(str(int(r)) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def _blank_notice(rows: np.ndarray) -> Text:
    return _("Empty rows skipped ({rows}): {rows2}.", rows=len(rows), rows2=_rows_text(rows))


def _malformed_reason(cells: int, width: int, lang: str) -> str:
    if lang == "ru":
        return (
            f"в строке {cells} ячеек, а в заголовке {width}: вероятно, в тексте есть разделитель без кавычек "
            "(например, «Петров, Пётр») — возьмите такой текст в кавычки; строка не посчитана"
        )
    return (
        f"the row has {cells} cells but the header has {width}: a text probably contains the separator "
        'without quotes (e.g. "Petrov, Pyotr") — put such text in quotes; the row is not computed'
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
    return {canon: table[h].reset_index(drop=True) for h, canon in mapping.items()}, notices


def duplicate_text(key: str, rows: Sequence[int], lang: str, elsewhere: bool = False) -> str:
    """The reason given to every copy of a repeated id: the rows of its copies (at most five shown)."""
    shown = ", ".join(str(int(r)) for r in rows[:5]) + (", …" if len(rows) > 5 else "")
    if lang == "ru":
        also = "; и в других частях данных" if elsewhere else ""
        return f"номер «{key}» повторяется (строки {shown}{also})"
    also = "; and in other parts of the data" if elsewhere else ""
    return f"id '{key}' appears more than once (rows {shown}{also})"


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
    missing = _missing(col)
    p.add(missing, "id", "нет табельного номера", "the employee id is empty")
    p.add(_formula_text(ids) & ~missing, "id", *_no_formula(pgettext("calc.workforce.input", "id")))
    counted = ~missing & ~p.skip
    dup = ids.where(counted).duplicated(keep=False).to_numpy() & counted
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

    def text(i: int, lang: str) -> str:
        k = ids.iloc[i]
        return duplicate_text(k, where[k][0], lang, where[k][1])

    p.add(dup, "id", lambda i: text(i, "ru"), lambda i: text(i, "en"))
    return ids


def _check_salary(p: _Problems, col: pd.Series) -> np.ndarray:
    """Monthly salary in kopecks: a number above 0 with at most 2 decimals, within the engine's limit."""
    salary, code = _money_kop(col)
    missing = _missing(col)
    formula = _formula(col) & (code == "not_number")  # "-5000" is a negative number, not a formula
    limit = f"{MAX_SALARY:,.2f}".replace(",", " ")
    p.add(missing, "salary", "нет оклада", "the salary is empty")
    p.add(formula & ~missing, "salary", *_no_formula(_("salary")))
    reasons = {
        "not_number": ("оклад: нужно число", "salary: a number is needed"),
        "decimals": ("оклад: не больше двух знаков после запятой (копейки)", "salary: at most 2 decimals (kopecks)"),
        "negative": ("оклад не может быть отрицательным", "the salary cannot be negative"),
        "zero": ("оклад должен быть больше 0", "the salary must be above 0"),
        "large": (
            f"оклад больше {limit} ₽ в месяц (предел расчёта — 1 млрд ₽ дохода в год)",
            f"the salary is above {limit} RUB a month (the engine's limit is 1 billion RUB a year)",
        ),
    }
    for c, (ru, en) in reasons.items():
        p.add((code == c) & ~missing & ~formula, "salary", ru, en)
    return salary


def _check_hire(p: _Problems, col: pd.Series, year: int, today: date) -> np.ndarray:
    """Hire dates (NaT where empty or rejected): not in the future, not after the year, ≤ 80 years ago."""
    missing = _missing(col)
    hire = _dates(col)
    formula = _formula(col) & ~missing
    p.add(formula, "hire_date", *_no_formula(_("hire date")))
    p.add(
        np.isnat(hire) & ~missing & ~formula,
        "hire_date",
        "дата приёма: не дата — нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
        "hire date: not a date — use YYYY-MM-DD or DD.MM.YYYY",
    )
    has = ~np.isnat(hire)
    future = has & (hire > np.datetime64(today, "D"))
    p.add(
        future,
        "hire_date",
        lambda i: f"дата приёма {hire[i]} в будущем",
        lambda i: f"the hire date {hire[i]} is in the future",
    )
    after = has & ~future & (hire > np.datetime64(date(year, 12, 31), "D"))
    p.add(
        after,
        "hire_date",
        lambda i: f"приём {hire[i]} — после {year} г.: в этом году не работал(а)",
        lambda i: f"hired {hire[i]}, after {year}: not employed in that year",
    )
    too_old = has & (hire < np.datetime64(date(year - MAX_YEARS - 1, 12, 2), "D"))  # > 80 full years by December
    p.add(
        too_old,
        "hire_date",
        lambda i: f"дата приёма {hire[i]}: стаж больше {MAX_YEARS} лет — проверьте дату",
        lambda i: f"hire date {hire[i]}: more than {MAX_YEARS} years of service — check the date",
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
        f"стаж: к декабрю больше {MAX_YEARS} лет",
        f"years of service: more than {MAX_YEARS} by December",
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


def _categorical(values: np.ndarray) -> pd.Categorical:
    """Few distinct text values as a categorical (cheap to store, filter and factorise)."""
    codes, uniques = pd.factorize(values)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


def _scale_column(
    p: _Problems, raw: Mapping[str, pd.Series], n: int, default: str | Scale | None, known: Mapping[str, Scale]
) -> np.ndarray:
    default_id = default.id if isinstance(default, Scale) else default
    if default is not None and default_id not in known and not isinstance(default, Scale):
        ids = ", ".join(known)
        raise InputError(_("Scale '{default}' not found. Available: {ids}.", default=default, ids=ids), "scale")
    if "scale" not in raw:
        return np.full(n, default_id, dtype=object)
    s = raw["scale"]
    miss = _missing(s)
    txt = _as_text(s)
    out = txt.where(~miss, default_id or "").to_numpy(dtype=object)
    form = _formula(s) & ~miss
    p.add(form, "scale", "шкала: формулы не принимаются", "scale: formulas are not accepted")
    if default is None:
        p.add(miss, "scale", "не указана шкала надбавки", "no seniority scale given")
    valid = set(known) | ({default_id} if default_id else set())
    unknown = ~miss & ~form & ~pd.Series(out).isin(valid).to_numpy()
    allowed = ", ".join(sorted(valid))
    p.add(
        unknown,
        "scale",
        lambda i: f"шкала «{out[i]}» не известна; допустимо: {allowed}",
        lambda i: f"unknown scale '{out[i]}'; allowed: {allowed}",
    )
    return out


def _kind_column(p: _Problems, raw: Mapping[str, pd.Series], n: int) -> np.ndarray:
    if "kind" not in raw:
        return np.full(n, "general", dtype=object)
    s = raw["kind"]
    miss = _missing(s)
    out = _as_text(s).where(~miss, "general").to_numpy(dtype=object)
    form = _formula(s) & ~miss
    p.add(form, "kind", "вид работодателя: формулы не принимаются", "employer kind: formulas are not accepted")
    unknown = ~form & ~pd.Series(out).isin(list(KINDS)).to_numpy()
    allowed = ", ".join(KINDS)
    p.add(
        unknown,
        "kind",
        lambda i: f"вид работодателя «{out[i]}» не известен; допустимо: {allowed}",
        lambda i: f"unknown employer kind '{out[i]}'; allowed: {allowed}",
    )
    return out
