"""The bargaining results as an XLSX workbook (Russian or English), safe to open in a spreadsheet.

Text cells that a spreadsheet could run as a formula — starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return — are written with a leading apostrophe (OWASP, "CSV Injection").
Money is written as numbers in rubles with two decimals (from the exact kopecks).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from .long_service import Scale
from .rules import rulebook
from .text import T, Text, tr
from .workforce import FIGURE_LABELS, FIGURES, Comparison, band_labels, rub

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0.00"

HEADLINE_LABELS: dict[str, Text] = {
    "employees": T("Сотрудников в расчёте", "Employees in the calculation"),
    "cost_change": T("Изменение затрат работодателя за год", "Change in the employer's annual cost"),
    "gross_change": T("  в т. ч. начислено работникам", "  of which gross pay"),
    "contributions_change": T("  в т. ч. страховые взносы", "  of which insurance contributions"),
    "accident_change": T("  в т. ч. взносы на травматизм", "  of which accident insurance"),
    "cost_change_percent": T("Изменение затрат, % к текущим", "Change in cost, % of the current cost"),
    "net_change": T("Изменение выплат на руки (всего)", "Change in workers' net pay (total)"),
    "ndfl_change": T("Изменение НДФЛ", "Change in income tax (НДФЛ)"),
    "bonus_change": T("Изменение надбавки за выслугу", "Change in the long-service bonus"),
    "gaining": T("Получат больше", "Employees gaining"),
    "losing": T("Получат меньше", "Employees losing"),
    "cost_current": T("Затраты работодателя при текущей шкале", "Employer's cost under the current scale"),
    "net_current": T("Выплаты на руки при текущей шкале", "Net pay under the current scale"),
}


def safe(value: Any) -> Any:
    """A cell value that cannot run as a formula: text starting with = + - @ tab CR gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _sheet(wb: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], money: set[int]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    bold = Font(bold=True)
    cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=safe(h))
        c.font = bold
        cells.append(c)
    ws.append(cells)
    for row in rows:
        out = []
        for j, v in enumerate(row):
            c = WriteOnlyCell(ws, value=safe(v))
            if j in money and isinstance(v, Decimal):
                c.number_format = MONEY_FORMAT
            out.append(c)
        ws.append(out)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _plain(v: Any) -> Any:
    """numpy scalars as Python values (openpyxl writes int/str/Decimal)."""
    return v.item() if isinstance(v, np.generic) else v


def _scale_rows(scale: Scale, lang: str) -> list[list[Any]]:
    return [[tr(scale.label, lang), y, float(r * 100)] for y, r in scale.breakpoints(40)]


def to_xlsx(cmp: Comparison, lang: str = "ru", *, title: str | None = None) -> bytes:
    """The comparison as an XLSX file: summary, by service band, employees, scales, rejected rows."""
    from openpyxl import Workbook

    ru = lang == "ru"
    wb = Workbook(write_only=True)
    h = cmp.headline()
    rb = rulebook()
    summary = [[title or ("Стоимость шкалы надбавки за выслугу" if ru else "Cost of the seniority scale"), ""]]
    summary.append(["Год" if ru else "Year", cmp.year])
    for k, label in HEADLINE_LABELS.items():
        if k in h:
            summary.append([tr(label, lang), h[k]])
    summary.append(
        [
            "Ставки и пределы действительны на" if ru else "Rates and caps valid as of",
            rb.checked_on.isoformat(),
        ]
    )
    _sheet(wb, "Итоги" if ru else "Summary", ["Показатель", "Значение"] if ru else ["Item", "Value"], summary, {1})

    bands = cmp.by_band()
    head = ["Стаж, лет" if ru else "Service, years", "Сотрудников" if ru else "Employees"]
    head += [f"{_cap(tr(FIGURE_LABELS[f], lang))}: {'изменение' if ru else 'change'}" for f in FIGURES]
    head += ["На руки: изменение на сотрудника" if ru else "Net pay: change per employee"]
    rows = []
    for label, r in zip(band_labels(), bands.itertuples(index=False), strict=True):
        d = r._asdict()
        rows.append(
            [label, d["employees"]]
            + [rub(d[f"{f}_change_kop"]) for f in FIGURES]
            + [rub(d["net_change_per_employee_kop"])]
        )
    _sheet(wb, "По стажу" if ru else "By service", head, rows, set(range(2, len(head))))

    per = cmp.per_employee()
    info = [c for c in ("name", "department", "occupation") if c in per]
    info_labels = {
        "name": T("ФИО", "Name"),
        "department": T("Подразделение", "Department"),
        "occupation": T("Должность", "Occupation"),
    }
    head = ["id", "Строка файла" if ru else "File row", *[tr(info_labels[c], lang) for c in info]]
    head += ["Стаж на 1 января" if ru else "Service at 1 January", "Стаж, лет" if ru else "Service band"]
    head += ["Текущая шкала" if ru else "Current scale", "Предлагаемая шкала" if ru else "Proposed scale"]
    words = ("текущая", "предлагаемая", "изменение") if ru else ("current", "proposed", "change")
    for f in FIGURES:
        head += [f"{_cap(tr(FIGURE_LABELS[f], lang))}: {w}" for w in words]
    labels = np.array(band_labels(), dtype=object)
    fixed = len(head) - 3 * len(FIGURES)
    text_cols = [per[c].to_numpy() for c in ("id", "row", *info, "service_years")]
    text_cols += [labels[per["band"].to_numpy().astype(int)], per["scale_current"].to_numpy()]
    text_cols += [per["scale_proposed"].to_numpy()]
    money_cols = [per[f"{f}_{w}_kop"].to_numpy() for f in FIGURES for w in ("current", "proposed", "change")]
    rows_iter = ([_plain(c[i]) for c in text_cols] + [rub(c[i]) for c in money_cols] for i in range(len(per)))
    _sheet(wb, "Сотрудники" if ru else "Employees", head, rows_iter, set(range(fixed, len(head))))

    scales = []
    seen = set()
    for wy in (cmp.current, cmp.proposed):
        for sc in wy.scales:
            if id(sc) not in seen:
                seen.add(id(sc))
                scales += [[sc.id, *r] for r in _scale_rows(sc, lang)]
    _sheet(
        wb,
        "Шкалы" if ru else "Scales",
        [
            "id",
            "Шкала" if ru else "Scale",
            "С полных лет" if ru else "From full years",
            "Ставка, %" if ru else "Rate, %",
        ],
        scales,
        set(),
    )

    rej: pd.DataFrame = cmp.rejected
    reason = "reason_ru" if ru else "reason_en"
    _sheet(
        wb,
        "Отклонено" if ru else "Rejected",
        [
            "Строка файла" if ru else "File row",
            "id",
            "Столбец" if ru else "Column",
            "Значение" if ru else "Value",
            "Причина" if ru else "Reason",
        ],
        ([r.row, r.id, r.column, r.value, getattr(r, reason)] for r in rej.itertuples()) if len(rej) else [],
        set(),
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
