"""The bargaining results as an XLSX workbook (Russian or English), safe to open in a spreadsheet.

Written with XlsxWriter in constant-memory mode, row by row (a few seconds for 20,000 employees).

Nothing in the file can run as a formula: every cell is written as text or a number (never a
formula), and a text cell that a spreadsheet could turn into a formula when it is edited or saved
as CSV — starting with ``=``, ``+``, ``-``, ``@`` (after spaces), a tab, a carriage return or a line
feed — gets a leading apostrophe (OWASP, "CSV Injection"). Free-text cells of the input (name,
occupation, department) already carry that apostrophe from :func:`calc.workforce.check`.
Money is written as numbers in rubles with two decimals (exactly, from the kopecks).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from calc.core.i18n import _, pgettext
from calc.core.rules import rulebook
from calc.core.text import Text, num, tr
from calc.ru.long_service import SCALES, Scale
from calc.workforce import FIGURE_LABELS, FIGURES, Comparison, band_labels, scale_name
from calc.workforce.input import COLUMNS, HEADERS, reasons

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
MONEY_FORMAT = "#,##0.00"

HEADLINE_LABELS: dict[str, Text] = {
    "employees": _("Employees in the calculation"),
    "cost_change": _("Change in the employer's annual cost"),
    "gross_change": _("  of which gross pay"),
    "contributions_change": _("  of which insurance contributions"),
    "accident_change": _("  of which accident insurance"),
    "cost_change_percent": _("Change in cost, % of the current cost"),
    "net_change": _("Change in workers' net pay (total)"),
    "ndfl_change": _("Change in income tax (НДФЛ)"),
    "bonus_change": _("Change in the long-service allowance"),
    "gaining": _("Employees gaining"),
    "losing": _("Employees losing"),
    "cost_current": _("Employer's cost under the current scale"),
    "net_current": _("Net pay under the current scale"),
}
REJECTED_LABEL = _("Rows rejected (not computed; listed on the sheet 'Rejected')")
REJECTED_HEAD = (
    _("File row"),
    HEADERS["id"],
    _("Column"),
    _("Value"),
    _("Reason"),
)
SHEETS = {
    "summary": _("Summary"),
    "bands": _("By service"),
    "employees": _("Employees"),
    "scales": _("Scales"),
    "rejected": _("Rejected"),
}


def safe(value: Any) -> Any:
    """A cell value that cannot run as a formula: text starting with = + - @ (after spaces), tab, CR or LF
    gets an apostrophe."""
    if isinstance(value, str) and (value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START[:4])):
        return "'" + value
    return value


class _Book:
    """An XlsxWriter workbook in memory: strings are never turned into formulas, numbers or links."""

    def __init__(self) -> None:
        import xlsxwriter

        self.buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.buf,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.bold = self.wb.add_format({"bold": True})
        self.money = self.wb.add_format({"num_format": MONEY_FORMAT})

    def sheet(self, title: str, header: Sequence[str], widths: Sequence[float] = (), money: Iterable[int] = ()) -> Any:
        ws = self.wb.add_worksheet(title)
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        for j in money:
            ws.set_column(j, j, widths[j] if j < len(widths) else 14, self.money)
        for j, h in enumerate(header):
            ws.write_string(0, j, safe(h), self.bold)
        ws.freeze_panes(1, 0)
        return ws

    def close(self) -> bytes:
        self.wb.close()
        return self.buf.getvalue()


def _cell(ws: Any, r: int, c: int, v: Any) -> None:
    """One cell of a small sheet, by the type of its value (empty values are left blank)."""
    if isinstance(v, np.generic):
        v = v.item()
    if v is None or (isinstance(v, str) and not v):
        return
    if isinstance(v, str):
        ws.write_string(r, c, safe(v))
    elif isinstance(v, bool):
        ws.write_boolean(r, c, v)
    elif isinstance(v, int | float | Decimal):
        ws.write_number(r, c, v)
    elif isinstance(v, date):
        ws.write_string(r, c, v.isoformat())
    else:
        ws.write_string(r, c, safe(str(v)))


def _rows(ws: Any, rows: Iterable[Sequence[Any]], start: int = 1) -> None:
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            _cell(ws, start + i, j, v)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _rub(kop: np.ndarray) -> list[Decimal]:
    """Kopecks as exact Decimal rubles (written as 1234.56, never 1234.5600000000002)."""
    return [Decimal(k).scaleb(-2) for k in kop.tolist()]


def _scale_rows(scale: Scale, lang: str) -> list[list[Any]]:
    return [[tr(scale.label, lang), y, float(r * 100)] for y, r in scale.breakpoints(40)]


def rejected_count(rejected: pd.DataFrame) -> int:
    """Rows rejected (a row with several problems is counted once)."""
    return int(rejected["row"].nunique()) if len(rejected) else 0


def _summary(book: _Book, cmp: Comparison, lang: str, title: str | None) -> None:
    h = cmp.headline()
    rb = rulebook()
    rows: list[list[Any]] = [
        [title or tr(_("Cost of the seniority scale"), lang)],
        [tr(_("Year"), lang), cmp.year],
    ]
    rows += [[tr(label, lang), h[k]] for k, label in HEADLINE_LABELS.items() if k in h]
    rows.append([tr(REJECTED_LABEL, lang), rejected_count(cmp.rejected)])
    valid = tr(_("Rates and caps valid as of"), lang)
    rows.append([valid, rb.checked_on.isoformat()])
    head = [tr(pgettext("calc.workforce.export", "Item"), lang), tr(_("Value"), lang)]
    ws = book.sheet(SHEETS["summary"][lang], head, (52, 18))
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            if isinstance(v, Decimal):
                ws.write_number(i, j, v, book.money)
            else:
                _cell(ws, i, j, v)


def _bands(book: _Book, cmp: Comparison, lang: str) -> None:
    bands = cmp.by_band()
    head = [tr(_("Service, years"), lang), tr(pgettext("calc.workforce.export", "Employees"), lang)]
    change = tr(pgettext("calc.workforce.export", "change"), lang)
    head += [f"{_cap(tr(FIGURE_LABELS[f], lang))}: {change}" for f in FIGURES]
    head += [tr(_("Net pay: change per employee"), lang)]
    cols = [f"{f}_change_kop" for f in FIGURES] + ["net_change_per_employee_kop"]
    ws = book.sheet(SHEETS["bands"][lang], head, [12, 12] + [16] * len(cols), range(2, len(head)))
    money = [_rub(bands[c].to_numpy()) for c in cols]
    for i, label in enumerate(band_labels()):
        ws.write_string(i + 1, 0, label)
        ws.write_number(i + 1, 1, int(bands["employees"].iloc[i]))
        for j, col in enumerate(money):
            ws.write_number(i + 1, 2 + j, col[i])


def _employees(book: _Book, cmp: Comparison, lang: str) -> None:
    """One row per employee, written column-typed (the sheet that makes the file's size and time)."""
    per = cmp.per_employee()
    info = [c for c in ("name", "department", "occupation", "gender") if c in per]
    info_labels = {
        "name": _("Name"),
        "department": _("Department"),
        "occupation": _("Occupation"),
        "gender": HEADERS["gender"],
    }
    head = [tr(HEADERS["id"], lang), tr(_("File row"), lang), *[tr(info_labels[c], lang) for c in info]]
    head += [tr(_("Service at 1 January"), lang), tr(_("Service band"), lang)]
    head += [tr(_("Current scale"), lang), tr(_("Proposed scale"), lang)]
    words = tuple(
        tr(w, lang)
        for w in (
            pgettext("calc.workforce.export", "current"),
            pgettext("calc.workforce.export", "proposed"),
            pgettext("calc.workforce.export", "change"),
        )
    )
    for f in FIGURES:
        head += [f"{_cap(tr(FIGURE_LABELS[f], lang))}: {w}" for w in words]
    labels = np.array(band_labels(), dtype=object)
    scale_names = scale_labels(cmp, lang)

    def names(col: pd.Series, shown_as: dict[str, str]) -> list[str]:
        codes, uniques = pd.factorize(col.to_numpy(dtype=object))
        shown = np.array([shown_as.get(str(u), str(u)) for u in uniques] + [""], dtype=object)
        return shown[np.where(codes < 0, len(uniques), codes)].tolist()

    text = [[safe(v) for v in per["id"].astype(str).tolist()]]
    ints = [per["row"].to_numpy().tolist()]
    genders = {k: tr(v, lang) for k, v in GENDER_WORDS.items()}
    text_info = [
        names(per[c], genders) if c == "gender" else [safe(v) if isinstance(v, str) else "" for v in per[c].tolist()]
        for c in info
    ]
    cols: list[tuple[str, list[Any]]] = [("s", text[0]), ("n", ints[0])] + [("s", t) for t in text_info]
    cols += [("n", per["service_years"].to_numpy().tolist())]
    cols += [("s", labels[per["band"].to_numpy().astype(int)].tolist())]
    cols += [("s", names(per["scale_current"], scale_names)), ("s", names(per["scale_proposed"], scale_names))]
    fixed = len(cols)
    cols += [("n", _rub(per[f"{f}_{w}_kop"].to_numpy())) for f in FIGURES for w in ("current", "proposed", "change")]
    widths = [12, 8] + [24] * len(info) + [10, 8, 16, 16] + [14] * (len(head) - fixed)
    ws = book.sheet(SHEETS["employees"][lang], head, widths, range(fixed, len(head)))
    write_s, write_n = ws.write_string, ws.write_number
    for i in range(len(per)):
        r = i + 1
        for j, (kind, values) in enumerate(cols):
            v = values[i]
            if kind == "n":
                write_n(r, j, v)
            elif v:
                write_s(r, j, v)


def _used_scales(cmp: Comparison) -> list[Scale]:
    """The scales of the comparison, current first, each once."""
    out: dict[int, Scale] = {}
    for wy in (cmp.current, cmp.proposed):
        for sc in wy.scales:
            out.setdefault(id(sc), sc)
    return list(out.values())


def scale_labels(cmp: Comparison, lang: str) -> dict[str, str]:
    """{scale id: its name in ``lang``} as the page shows it (the workbook never shows an id)."""
    return {sc.id: tr(sc.label, lang) or scale_name(sc.id, lang) for sc in _used_scales(cmp)}


def _scales(book: _Book, cmp: Comparison, lang: str) -> None:
    rows = [r for sc in _used_scales(cmp) for r in _scale_rows(sc, lang)]
    head = [tr(_("Scale"), lang), tr(_("From full years"), lang), tr(_("Rate, %"), lang)]
    _rows(book.sheet(SHEETS["scales"][lang], head, (60, 14, 10)), rows)


def _rejected(book: _Book, rejected: pd.DataFrame, lang: str) -> None:
    ws = book.sheet(SHEETS["rejected"][lang], [tr(h, lang) for h in REJECTED_HEAD], (10, 12, 16, 24, 90))
    if len(rejected):
        cols = [rejected[c].tolist() for c in ("row", "id", "column", "value")] + [reasons(rejected, lang)]
        _rows(ws, zip(*cols, strict=True))


def to_xlsx(cmp: Comparison, lang: str = "ru", *, title: str | None = None) -> bytes:
    """The comparison as an XLSX file: summary, by service band, employees, scales, rejected rows."""
    book = _Book()
    _summary(book, cmp, lang, title)
    _bands(book, cmp, lang)
    _employees(book, cmp, lang)
    _scales(book, cmp, lang)
    _rejected(book, cmp.rejected, lang)
    return book.close()


TERM_SHEETS = {"by_year": _("By year"), "employees": _("Employees by year")}
TERM_XLSX_FIGURES = ("total_cost", "gross", "ndfl", "net")
SHEET_ROWS = 1_048_576
"""The rows a spreadsheet's sheet holds (Excel, LibreOffice): the header and 1,048,575 rows of data."""


def term_rows(res: Any) -> int:
    """The data rows of the per-person sheet of :func:`term_xlsx`: one a person and year of the term."""
    return len(res.employees) * len(res.years)


def term_xlsx(res: Any, lang: str = "ru", *, per_person: bool = True) -> bytes:
    """The agreement's term (a :class:`calc.workforce.demands.TermCost`) as an XLSX file: the totals by
    year and every person's figures in each year of the term under each scenario (scales by name);
    ``per_person=False``: the totals by year only (and the rejected rows).

    A per-person sheet is one row a person and year (:func:`term_rows`); more than a sheet holds
    (:data:`SHEET_ROWS`) is refused, never cut short."""
    from calc.core.errors import InputError
    from calc.workforce.inflation import scenario_name

    rows = term_rows(res)
    if per_person and rows >= SHEET_ROWS:
        raise InputError(
            _(
                "Every employee in every year makes {rows} rows, more than a spreadsheet's sheet holds "
                "({top}): write the totals only, or split the staff file (by department, for example).",
                rows=lambda lg: num(Decimal(rows), lg),
                top=lambda lg: num(Decimal(SHEET_ROWS - 1), lg),
            ),
            "workbook",
        )

    book = _Book()
    names = {s: tr(scenario_name(s), lang) for s in res.scenarios}
    year_word, total_word = tr(_("Year"), lang), tr(_("Whole term"), lang)
    head = [tr(_("Scenario"), lang), year_word] + [_cap(tr(FIGURE_LABELS[f], lang)) for f in TERM_XLSX_FIGURES]
    head += [
        f"{_cap(tr(FIGURE_LABELS[f], lang))}: {tr(pgettext('calc.workforce.export', 'change'), lang)}"
        for f in ("total_cost", "net")
    ]
    ws = book.sheet(TERM_SHEETS["by_year"][lang], head, [28, 12] + [18] * (len(head) - 2), range(2, len(head)))
    by = res.by_year()
    for i, r in enumerate(by.itertuples(index=False), start=1):
        d = r._asdict()
        ws.write_string(i, 0, safe(names.get(d["scenario"], str(d["scenario"]))))
        ws.write_string(i, 1, total_word if d["year"] == "total" else str(d["year"]))
        vals = [d[f"{f}_kop"] for f in TERM_XLSX_FIGURES] + [d[f"{f}_change_kop"] for f in ("total_cost", "net")]
        for j, v in enumerate(_rub(np.array(vals, dtype=np.int64)), start=2):
            ws.write_number(i, j, v)
    if not per_person:
        if len(res.rejected):
            _rejected(book, res.rejected, lang)
        return book.close()
    emp = res.employees
    info = [c for c in ("name", "department", "occupation") if c in emp]
    info_labels = {"name": _("Name"), "department": _("Department"), "occupation": _("Occupation")}
    head = [tr(HEADERS["id"], lang), tr(_("File row"), lang), *[tr(info_labels[c], lang) for c in info]]
    if res.gender is not None:
        head.append(tr(HEADERS["gender"], lang))
    head += [tr(_("Scale"), lang), year_word]
    fixed = len(head)
    head += [f"{_cap(tr(FIGURE_LABELS[f], lang))}: {names[s]}" for s in res.scenarios for f in TERM_XLSX_FIGURES]
    widths = [12, 8] + [24] * len(info) + ([8] if res.gender is not None else []) + [40, 8]
    ws = book.sheet(TERM_SHEETS["employees"][lang], head, widths + [16] * (len(head) - fixed), range(fixed, len(head)))
    genders = {k: tr(v, lang) for k, v in GENDER_WORDS.items()}
    text = [[safe(str(v)) for v in emp["id"].tolist()], emp["row"].to_numpy().tolist()]
    text += [[safe(v) if isinstance(v, str) else "" for v in emp[c].tolist()] for c in info]
    if res.gender is not None:
        text.append([genders.get(str(g), "") for g in res.gender])
    scales = emp["scale"].astype(str).tolist() if "scale" in emp else [""] * len(emp)
    shown = {k: tr(SCALES[k].label, lang) if k in SCALES else scale_name(k, lang) for k in set(scales) if k}
    text.append([shown.get(k, "") for k in scales])
    money = {
        (s, k): [_rub(yf.annual[f]) for f in TERM_XLSX_FIGURES]
        for s, yrs in res.scenarios.items()
        for k, yf in enumerate(yrs)
    }
    r = 1
    for k, year in enumerate(res.years):
        for i in range(len(emp)):
            for j, col in enumerate(text):
                v = col[i]
                if isinstance(v, str):
                    if v:
                        ws.write_string(r, j, v)
                else:
                    ws.write_number(r, j, v)
            ws.write_number(r, fixed - 1, year)
            j = fixed
            for s in res.scenarios:
                for col in money[(s, k)]:
                    ws.write_number(r, j, col[i])
                    j += 1
            r += 1
    if len(res.rejected):
        _rejected(book, res.rejected, lang)
    return book.close()


def rejected_xlsx(rejected: pd.DataFrame, lang: str = "ru") -> bytes:
    """Only the rejected rows, as a small XLSX file (one sheet)."""
    book = _Book()
    _rejected(book, rejected, lang)
    return book.close()


# ------------------------------------------------------------------ the template of a staff file

TEMPLATE_COLUMNS = (
    "id",
    "name",
    "department",
    "occupation",
    "gender",
    "salary",
    "hire_date",
    "years_of_service",
    "scale",
    "kind",
    "district_coef",
    "northern_percent",
    "children",
)
TEMPLATE_NAME = _("staff-template")
"""The template's file name (without the extension) in the page's language."""
GENDER_WORDS: dict[str, Text] = {"f": pgettext("gender", "female"), "m": pgettext("gender", "male")}
EXAMPLES: tuple[dict[str, Any], ...] = (
    {
        "id": "0001",
        "name": pgettext("template example", "Anna Ivanova"),
        "department": pgettext("template example", "School No. 5"),
        "occupation": pgettext("template example", "Teacher"),
        "gender": "f",
        "salary": Decimal("45000"),
        "hire_date": date(2015, 3, 1),
        "scale": "education",
        "kind": "general",
        "district_coef": Decimal("1"),
        "northern_percent": Decimal("0"),
        "children": 2,
    },
    {
        "id": "0002",
        "name": pgettext("template example", "Sergei Petrov"),
        "department": pgettext("template example", "Regional archive"),
        "occupation": pgettext("template example", "Archivist"),
        "gender": "m",
        "salary": Decimal("38500.50"),
        "years_of_service": 7,
        "scale": "archives",
        "kind": "general",
        "district_coef": Decimal("1.15"),
        "northern_percent": Decimal("0.3"),
        "children": 0,
    },
)
"""The template's example rows (fictional people): the second gives the years of service instead of a hire date."""


def _example_cell(column: str, value: Any, lang: str) -> Any:
    """An example value as the template shows it: texts and scales in ``lang``, the rest as they are."""
    if column == "scale":
        return tr(SCALES[value].label, lang)
    if column == "gender":
        return tr(GENDER_WORDS[value], lang)
    return tr(value, lang) if not isinstance(value, str | int | Decimal | date) else value


def template_rows(lang: str = "ru") -> list[list[Any]]:
    """The header (in ``lang``) and the example rows of the staff file's template."""
    head = [tr(HEADERS[c], lang) for c in TEMPLATE_COLUMNS]
    return [head] + [[_example_cell(c, row.get(c), lang) for c in TEMPLATE_COLUMNS] for row in EXAMPLES]


def _csv_value(v: Any, lang: str) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.strftime("%d.%m.%Y") if lang == "ru" else v.isoformat()
    if isinstance(v, Decimal):
        return num(v, lang, "0.##").replace("\u00a0", "")
    return str(v)


CSV_SEPARATORS = {"ru": ";", "en": ","}
"""The list separator of Excel in the language's locale: Russian Excel splits a double-clicked CSV at ``;``
(the comma is its decimal sign), English Excel at ``,``."""


def template_csv(lang: str = "ru") -> bytes:
    """The template as CSV the way Excel in ``lang`` opens it by a double click: UTF-8 with a BOM (so that
    Cyrillic is read right), the locale's list separator (``;`` in Russian), CRLF, and dates and decimals as
    the language writes them (01.03.2015 and 38500,5 in Russian)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=CSV_SEPARATORS.get(lang, ";"), lineterminator="\r\n")
    for row in template_rows(lang):
        w.writerow([_csv_value(v, lang) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def template_xlsx(lang: str = "ru") -> bytes:
    """The template as an XLSX workbook: the columns in ``lang`` with the example rows (dates as dates,
    amounts as numbers, ids as text), and a second sheet that says what each column holds."""
    book = _Book()
    rows = template_rows(lang)
    widths = [max(12, len(str(h)) + 2) for h in rows[0]]
    widths[TEMPLATE_COLUMNS.index("name")] = widths[TEMPLATE_COLUMNS.index("scale")] = 36
    ws = book.sheet(tr(_("Staff"), lang), rows[0], widths)
    day = book.wb.add_format({"num_format": "dd.mm.yyyy" if lang == "ru" else "yyyy-mm-dd"})
    for i, row in enumerate(rows[1:], start=1):
        for j, v in enumerate(row):
            if isinstance(v, date):
                ws.write_datetime(i, j, datetime(v.year, v.month, v.day), day)
            elif TEMPLATE_COLUMNS[j] == "salary" and v is not None:
                ws.write_number(i, j, v, book.money)
            else:
                _cell(ws, i, j, v)
    required = {"id", "salary"}
    head = [tr(pgettext("calc.workforce.export", "Column"), lang), tr(_("What it holds"), lang)]
    notes = [
        [tr(HEADERS[c], lang), tr(COLUMNS[c], lang) + (f" — {tr(_('required'), lang)}" if c in required else "")]
        for c in TEMPLATE_COLUMNS
    ]
    notes.append(["", tr(_("A hire date or the years of service is needed for each person."), lang)])
    _rows(book.sheet(tr(_("Columns"), lang), head, (26, 90)), notes)
    return book.close()
