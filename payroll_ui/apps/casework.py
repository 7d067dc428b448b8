"""Inputs shared by the casework apps (leave, sick, late pay, payslip check): dates typed as text
(so that 31.02 or a date in the wrong order gets a message at the field, not a silent fix by a date
picker), optional amounts, and a small editable table of rows (add / remove a row)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.money import amount
from calc.core.text import Text, day, tr
from payroll_ui.kit import ParamError, esc

DATE_RE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
DATE_HINT = _("dd.mm.yyyy")


def date_value(text: Any, field: str, what: Text) -> date:
    """A date typed as 'dd.mm.yyyy' (or ISO 'yyyy-mm-dd'); a missing or impossible date is refused."""
    s = str(text or "").strip()
    if not s:
        raise calc.InputError(_("Please enter {what} (dd.mm.yyyy).", what=what), field)
    m = DATE_RE.match(s)
    if m:
        d, mo, y = (int(x) for x in m.groups())
    else:
        iso = ISO_RE.match(s)
        if not iso:
            raise calc.InputError(
                _("Please enter {what} as a date like 07.08.2017 (you typed '{s}').", what=what, s=s[:40]), field
            )
        y, mo, d = (int(x) for x in iso.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        raise calc.InputError(
            _("There is no such date: {s}. Please check the day and the month ({what}).", s=s[:40], what=what),
            field,
        ) from None


def date_text(d: date | None) -> str:
    """A date as typed into a date field."""
    return "" if d is None else f"{d:%d.%m.%Y}"


def parse_date_param(raw: str) -> str:
    """A URL date (ISO or dd.mm.yyyy) → the text of a date field."""
    s = raw.strip()[:40]
    try:
        return date_text(date_value(s, "date", _("the date")))
    except calc.CalcError:
        raise ParamError(_("a date like 2017-08-07 is needed.")) from None


def date_param(d: str) -> str | None:
    """A date field's text as an ISO URL value (None when empty or faulty)."""
    try:
        return date_value(d, "date", _("the date")).isoformat()
    except calc.CalcError:
        return None


def optional_amount(text: Any, field: str, what: Text) -> Decimal | None:
    """An amount that may be left empty (None)."""
    if text is None or not str(text).strip():
        return None
    return amount(text, field, what)


def not_before(later: date, earlier: date, field: str, later_what: Text, earlier_what: Text) -> None:
    """Refuse dates in the wrong order."""
    if later < earlier:
        raise calc.InputError(
            _(
                "{later_what} ({later}) is before {earlier_what} ({earlier}).",
                later_what=later_what,
                earlier_what=earlier_what,
                later=lambda lang: day(later, lang),
                earlier=lambda lang: day(earlier, lang),
            ),
            field,
        )


@dataclass(frozen=True)
class Column:
    """A column of a :class:`RowTable`: ``options`` (id, label) make it a dropdown, else a text box."""

    key: str
    label: Text
    width: str = "110px"
    options: Sequence[tuple[str, Text]] = ()
    placeholder: Text | None = None


class RowTable:
    """A small editable table: one row of inputs per item, '+ add a row', '×' per row.

    ``on_change`` is called after any cell changes or a row is added or removed. ``rows()`` gives the
    cells' values row by row (dicts by column key); ``set_rows`` fills the table (URL parameters).
    """

    def __init__(self, key: str, columns: Sequence[Column], add_label: Text, on_change: Callable[[], None],
                 max_rows: int = 12) -> None:
        self.key = key
        self.columns = list(columns)
        self.add_label = add_label
        self.on_change = on_change
        self.max_rows = max_rows
        self.lang = "ru"
        self._rows: list[dict[str, W.Widget]] = []
        self._quiet = 0
        self.head = W.HBox([])
        self.body = W.VBox([])
        self.add = W.Button(layout=W.Layout(width="auto"))
        self.add.add_class(f"add-{key}")
        self.add.on_click(lambda _b: self.add_row())
        self.box = W.VBox([self.head, self.body, self.add])
        self.box.add_class("pa-rows")
        self.box.add_class(f"rows-{key}")
        self.value = ""  # a summary of the cells, so that ``Field`` treats the table as one input

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.head.children = [W.HTML(f"<small><b>{esc(tr(c.label, lang))}</b></small>",
                                     layout=W.Layout(width=c.width)) for c in self.columns]
        self.add.description = tr(self.add_label, lang)
        for row in self._rows:
            for c in self.columns:
                w = row[c.key]
                if c.options:
                    v = w.value
                    w.options = [(tr(label, lang), k) for k, label in c.options]
                    w.value = v
                elif c.placeholder is not None:
                    w.placeholder = tr(c.placeholder, lang)

    def _cell(self, c: Column, value: str) -> W.Widget:
        if c.options:
            w = W.Dropdown(options=[(tr(label, self.lang), k) for k, label in c.options],
                           value=value or c.options[0][0], layout=W.Layout(width=c.width))
        else:
            w = W.Text(value=value, continuous_update=False, layout=W.Layout(width=c.width),
                       placeholder=tr(c.placeholder, self.lang) if c.placeholder is not None else "")
        w.add_class(f"cell-{c.key}")
        w.observe(self._changed, names="value")
        return w

    def add_row(self, values: dict[str, str] | None = None, notify: bool = True) -> None:
        if len(self._rows) >= self.max_rows:
            return
        values = values or {}
        row = {c.key: self._cell(c, values.get(c.key, "")) for c in self.columns}
        self._rows.append(row)
        self._layout()
        if notify:
            self._changed()

    def remove_row(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            del self._rows[index]
            self._layout()
            self._changed()

    def _layout(self) -> None:
        boxes = []
        for i, row in enumerate(self._rows):
            rm = W.Button(description="×", layout=W.Layout(width="32px"), tooltip="remove")
            rm.add_class("pa-row-remove")
            rm.on_click(lambda _b, i=i: self.remove_row(i))
            box = W.HBox([*(row[c.key] for c in self.columns), rm])
            box.add_class("pa-row")
            boxes.append(box)
        self.body.children = boxes
        self.add.disabled = len(self._rows) >= self.max_rows

    def _changed(self, _change: Any = None) -> None:
        self.value = repr(self.rows())
        if not self._quiet:
            self.on_change()

    def rows(self) -> list[dict[str, str]]:
        return [{c.key: str(row[c.key].value) for c in self.columns} for row in self._rows]

    def cell(self, row: int, key: str) -> W.Widget:
        return self._rows[row][key]

    def set_rows(self, rows: Sequence[dict[str, str]]) -> None:
        self._quiet += 1
        try:
            self._rows = []
            for r in rows[: self.max_rows]:
                self.add_row(r, notify=False)
            self._layout()
        finally:
            self._quiet -= 1
        self.value = repr(self.rows())

    def mark(self, bad: dict[int, str] | None = None) -> None:
        """Mark faulty cells ({row: column key}) with ``cell-error``."""
        bad = bad or {}
        for i, row in enumerate(self._rows):
            for c in self.columns:
                if bad.get(i) == c.key:
                    row[c.key].add_class("cell-error")
                else:
                    row[c.key].remove_class("cell-error")


def rows_param(rows: list[dict[str, str]], keys: Sequence[str]) -> str | None:
    """Rows as one URL value: cells separated by '~', rows by '!' ('none' when there are none)."""
    if not rows:
        return "none"
    return "!".join("~".join(r.get(k, "").strip() for k in keys) for r in rows)


def parse_rows_param(keys: Sequence[str], max_rows: int = 12) -> Callable[[str], list[dict[str, str]]]:
    def parse(raw: str) -> list[dict[str, str]]:
        if len(raw) > 1000:
            raise ParamError(_("the value is too long."))
        if raw.strip() == "none":
            return []
        out = []
        for part in raw.split("!")[:max_rows]:
            cells = part.split("~")
            if len(cells) != len(keys):
                raise ParamError(_("each row needs {n} values separated by '~'.", n=len(keys)))
            out.append({k: v.strip()[:40] for k, v in zip(keys, cells, strict=True)})
        return out

    return parse


ROWS_CSS = """
<style>
.payroll-app .pa-rows .pa-row {margin: 0 0 2px 0;}
.payroll-app .pa-rows .widget-text, .payroll-app .pa-rows .widget-dropdown {margin-right: 2px;}
.payroll-app .pa-rows .cell-error input {border-color: #b42318; background: #fff5f5;}
.payroll-app tr.verify td {background: #fff8e1;}
.payroll-app tr.differs td {background: #fff1f0;}
.payroll-app tr.same td {background: #f3fbf4;}
</style>
"""
