"""Inputs shared by the casework apps (leave, sick, late pay, payslip check): dates typed as text
(so that 31.02 or a date in the wrong order gets a message at the field, not a silent fix by a date
picker), optional amounts, and a small editable table of rows (add / remove a row)."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.money import ZERO, amount, number
from calc.core.text import Text, day, money, month_name, num, tr
from payroll_ui.kit import (
    Param,
    ParamError,
    esc,
    parse_choice,
    parse_decimal,
    parse_int,
    read_number,
    setter,
    table_html,
)

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


# --- average daily earnings (leave pay, final settlement) -------------------------------------------

AVG_TXT: dict[str, Text] = {
    "avg_mode": _("Average daily earnings"),
    "avg_12m": _("from the 12 months' earnings"),
    "avg_months": _("month by month"),
    "avg_direct": _("I know it"),
    "average_daily": _("Average daily earnings, ₽"),
    "full_months": _("Of them, months worked in full"),
    "part_months": _("Months worked in part"),
    "part_hint": _("For each month not worked in full: its calendar days and the calendar days worked in it."),
    "col_month_days": _("days in month"),
    "col_worked": _("days worked"),
    "add_part": _("+ a month worked in part"),
    "period_months": _("The 12 months before, one by one"),
    "period_hint": _(
        "For each month: the earnings that count (everything accrued except sick pay, earlier leave pay and other "
        "payments at average earnings) and the calendar days excluded (sick leave, earlier leave, downtime and other "
        "time of the regulation's para. 5). A month left empty is not counted (e.g. before you were hired).",
    ),
    "col_month": _("Month"),
    "col_pay": _("earnings, ₽"),
    "col_excluded": _("days excluded"),
    "by_month": _("The months of the calculation period"),
    "col_cal": _("calendar days"),
    "col_counted": _("days counted"),
    "col_divisor": _("part of the divisor"),
}
MODES = ("12m", "months", "direct")
PERIOD_KEYS = ("pay", "excluded")


class MonthTable:
    """The 12 months of the calculation period (Regulation para. 4), one row each: the month (set from the
    event's date), its earnings and the calendar days excluded from it (para. 5)."""

    def __init__(self, key: str = "period_months") -> None:
        self.key = key
        self.lang = "ru"
        self.event: date | None = None
        self.months: list[tuple[int, int]] = []
        width = {"pay": "130px", "excluded": "100px"}
        self.labels = [W.HTML(layout=W.Layout(width="150px")) for _ in range(12)]
        self.cells = {k: [W.Text(value="", continuous_update=False, layout=W.Layout(width=width[k]))
                          for _ in range(12)] for k in PERIOD_KEYS}
        for k, cells in self.cells.items():
            for w in cells:
                w.add_class(f"cell-{k}")
        self.head = W.HBox([])
        rows = []
        for i in range(12):
            row = W.HBox([self.labels[i], *(self.cells[k][i] for k in PERIOD_KEYS)])
            row.add_class("pa-row")
            rows.append(row)
        self.box = W.VBox([self.head, *rows])
        self.box.add_class("pa-rows")
        self.box.add_class(f"rows-{key}")
        self.value = ""

    def widgets(self) -> list[W.Widget]:
        return [w for k in PERIOD_KEYS for w in self.cells[k]]

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        heads = (("col_month", "150px"), ("col_pay", "130px"), ("col_excluded", "100px"))
        self.head.children = [W.HTML(f"<small><b>{esc(tr(AVG_TXT[k], lang))}</b></small>",
                                     layout=W.Layout(width=w)) for k, w in heads]
        if self.event is not None:
            self.set_event(self.event)

    def set_event(self, event: date) -> None:
        """Name the 12 months before the month of ``event``."""
        self.event = event
        first, _last = calc.billing_period(event)
        self.months = [((first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1) for i in range(12)]
        for label, (y, m) in zip(self.labels, self.months, strict=True):
            label.value = esc(month_name(m, self.lang, y).capitalize())

    def rows(self) -> list[dict[str, str]]:
        return [{k: self.cells[k][i].value for k in PERIOD_KEYS} for i in range(12)]

    def set_rows(self, rows: Sequence[dict[str, str]]) -> None:
        for i in range(12):
            for k in PERIOD_KEYS:
                self.cells[k][i].value = rows[i].get(k, "") if i < len(rows) else ""

    def mark(self, bad: tuple[int, str] | None = None) -> None:
        for k in PERIOD_KEYS:
            for i, w in enumerate(self.cells[k]):
                if bad == (i, k):
                    w.add_class("cell-error")
                else:
                    w.remove_class("cell-error")


class AverageInputs:
    """The average daily earnings section of the leave and dismissal apps (Labour Code art. 139, Regulation
    para. 10): typed (``direct``), from the 12 months' total (``12m``: months worked in full, optionally the
    months worked in part) or the 12 months one by one (``months``: each month's earnings and excluded days,
    through ``calc.average_earnings``). Creates the fields on ``app``; ``kwargs()`` gives the engine's
    arguments; ``last`` holds the computed average, for the explanation."""

    def __init__(self, app: Any, *, modes: Sequence[str], default: str, earnings_label: Text,
                 earnings_hint: Text, full: W.Widget, parts: bool = False, earnings: str = "") -> None:
        self.app = app
        self.modes = [m for m in MODES if m in modes]
        self.w_mode = W.ToggleButtons(options=[("", m) for m in self.modes], value=default)
        self.w_average = W.Text(value="", continuous_update=False)
        self.w_earnings = W.Text(value=earnings, continuous_update=False)
        self.w_full = full
        self.last: Any = None
        app.add_field("avg_mode", self.w_mode, AVG_TXT["avg_mode"])
        app.add_field("average_daily", self.w_average, AVG_TXT["average_daily"])
        app.add_field("earnings", self.w_earnings, earnings_label, earnings_hint)
        app.add_field("full_months", full, AVG_TXT["full_months"])
        self.keys = ["avg_mode", "average_daily", "earnings", "full_months"]
        self.parts: RowTable | None = None
        if parts:
            self.parts = RowTable("part_months", [Column("month_days", AVG_TXT["col_month_days"], "110px",
                                                         options=[(str(n), str(n)) for n in (31, 30, 29, 28)]),
                                                  Column("worked", AVG_TXT["col_worked"], "110px")],
                                  AVG_TXT["add_part"], app.refresh, max_rows=12)
            app.add_field("part_months", self.parts.box, AVG_TXT["part_months"], AVG_TXT["part_hint"], watch=False)
            self.keys.append("part_months")
        self.period: MonthTable | None = None
        if "months" in self.modes:
            self.period = MonthTable()
            app.add_field("period_months", self.period.box, AVG_TXT["period_months"], AVG_TXT["period_hint"],
                          watch=False)
            app.watch(*self.period.widgets())
            self.period.set_event(calc.rulebook().default_date())
            self.keys.append("period_months")

    @property
    def mode(self) -> str:
        return str(self.w_mode.value)

    def boxes(self) -> list[W.Widget]:
        return [self.app.fields[k].box for k in self.keys]

    def show(self) -> None:
        f, mode = self.app.fields, self.mode
        f["average_daily"].show(mode == "direct")
        for k in ("earnings", "full_months", "part_months"):
            if k in f:
                f[k].show(mode == "12m")
        if self.period is not None:
            f["period_months"].show(mode == "months")

    def relabel(self, lang: str) -> None:
        self.app.set_options(self.w_mode, [(tr(AVG_TXT[f"avg_{m}"], lang), m) for m in self.modes])
        if self.parts is not None:
            self.parts.set_lang(lang)
        if self.period is not None:
            self.period.set_lang(lang)

    def reset(self) -> None:
        if self.parts is not None:
            self.parts.set_rows([])
        self.show()

    def kwargs(self, event: date, earnings_default: Callable[[], Any] | None = None) -> dict[str, Any]:
        """The engine's arguments: ``average_daily``, or ``earnings_12m`` with ``full_months`` and
        ``part_months``; in the month-by-month mode the average of ``calc.average_earnings`` (para. 10)."""
        self.last = None
        n = self.app.number
        if self.mode == "direct":
            return {"average_daily": n(self.w_average, "average_daily")}
        if self.mode == "months":
            self.last = self.by_month(event)
            return {"average_daily": self.last.leave_daily}
        earnings = n(self.w_earnings, "earnings")
        if earnings == "" and earnings_default is not None:
            earnings = earnings_default()
        out: dict[str, Any] = {"earnings_12m": earnings, "full_months": self.w_full.value}
        if self.parts is not None:
            out["part_months"] = self._parts()
        return out

    def _parts(self) -> list[tuple[int, Decimal]]:
        assert self.parts is not None
        out = []
        self.parts.mark()
        for i, row in enumerate(self.parts.rows()):
            try:
                worked = number(row["worked"], "part_months", _("the days worked in month No. {i}", i=i + 1),
                                low=0, high=int(row["month_days"]))
            except calc.CalcError:
                self.parts.mark({i: "worked"})
                raise
            out.append((int(row["month_days"]), worked))
        return out

    def by_month(self, event: date) -> calc.AverageEarnings:
        """The 12 months typed one by one → ``calc.average_earnings`` (an empty month is left out)."""
        assert self.period is not None
        t = self.period
        t.set_event(event)
        t.mark()
        months = []
        for i, ((y, m), row) in enumerate(zip(t.months, t.rows(), strict=True)):
            if row["pay"].strip() or row["excluded"].strip():
                months.append(self._month(i, y, m, row))
        if not months:
            raise calc.InputError(_("Please enter the earnings of the months of the calculation period."),
                                  "period_months")
        try:
            return calc.average_earnings(event, months)
        except calc.CalcError as e:
            e.field = "period_months"
            raise

    def _month(self, i: int, y: int, m: int, row: dict[str, str]) -> calc.PeriodMonth:
        """One row of the month table, checked cell by cell (the faulty cell is marked)."""
        assert self.period is not None
        name = {"month": lambda lang: month_name(m, lang, y)}
        try:
            typed = read_number(row["pay"], self.app.lang, "period_months") if row["pay"].strip() else ZERO
            pay = amount(typed, "period_months", _("the earnings of {month}", **name))
        except calc.CalcError:
            self.period.mark((i, "pay"))
            raise
        try:
            excluded = number(row["excluded"] or "0", "period_months", _("the days excluded in {month}", **name),
                              low=0, high=monthrange(y, m)[1], integer=True)
        except calc.CalcError:
            self.period.mark((i, "excluded"))
            raise
        return calc.PeriodMonth(y, m, pay=pay, excluded_days=excluded)

    def months_html(self, lang: str) -> str:
        """The explanation's month-by-month table: earnings, calendar days, excluded and counted days, and the
        month's part of the divisor (29.3, or 29.3 / calendar days × days counted; Regulation para. 10)."""
        r = self.last
        if not isinstance(r, calc.AverageEarnings):
            return ""
        k = Decimal(str(calc.rulebook().value("labour.avg_month_days", r.event)))
        rows = []
        for f in r.months:
            counted = f.calendar_days - f.excluded_days
            share = k if f.full else (k / f.calendar_days * counted).quantize(Decimal("0.0001"))
            name = month_name(f.month, lang, f.year).capitalize()
            rows.append([esc(name), esc(money(f.pay, lang)), str(f.calendar_days), str(f.excluded_days), str(counted),
                         esc(num(share, lang))])
        head = [esc(tr(AVG_TXT[c], lang)) for c in ("col_month", "col_pay", "col_cal", "col_excluded",
                                                     "col_counted", "col_divisor")]
        return (f'<div class="pa-period"><b>{esc(tr(AVG_TXT["by_month"], lang))}</b>'
                + table_html(head, rows, num_cols=(1, 2, 3, 4, 5), small=True) + "</div>")

    def params(self) -> list[Any]:
        mode = self.mode
        full = self.w_full

        def set_full(v: int) -> None:
            full.value = v if isinstance(full, W.IntSlider) else str(v)

        out = [
            Param("avg", parse_choice(self.modes), setter(self.w_mode), lambda: self.w_mode.value),
            Param("average", parse_decimal(0, 10**9), setter(self.w_average),
                  lambda: self.w_average.value.strip() if mode == "direct" else None),
            Param("earnings", parse_decimal(0, 10**9), setter(self.w_earnings),
                  lambda: self.w_earnings.value.strip() if mode == "12m" else None),
            Param("full", parse_int(0, 12), set_full,
                  lambda: (str(full.value).strip() or None) if mode == "12m" else None),
        ]
        if self.parts is not None:
            parts = self.parts
            keys = ("month_days", "worked")
            out.append(Param("parts", parse_rows_param(keys), parts.set_rows,
                             lambda: rows_param(parts.rows(), keys) if mode == "12m" else None))
        if self.period is not None:
            period = self.period
            out.append(Param("period", parse_rows_param(PERIOD_KEYS), period.set_rows,
                             lambda: rows_param(period.rows(), PERIOD_KEYS) if mode == "months" else None))
        return out
