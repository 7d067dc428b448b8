"""Shared inputs and outputs of the apps that build a month's pay lines (payslip, final settlement):
night hours, overtime, weekend/holiday hours, allowances, bonus, district coefficient and northern
allowance → keyword arguments of ``calc.pay_lines``; and the table of pay lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

import ipywidgets as W

import calc
from calc.core.i18n import _, pgettext
from calc.core.text import Text, money, percent, quantity, tr
from payroll_ui.kit import App, Param, esc, money_html, parse_decimal, parse_percent, read_number, setter, table_html

TXT: dict[str, Text] = {
    "more": _("Night, overtime, weekends, regional pay"),
    "bonus": _("Bonus, % of the salary for time worked"),
    "allowance_pct": _("Allowance, % of salary (e.g. harmful work)"),
    "allowance_rub": _("Allowance in ₽ a month (e.g. personal)"),
    "allowance_rub_hint": _("Paid in proportion to the time worked (or to the shifts, if given)."),
    "shifts": _("Shifts for the ₽ allowance: worked / planned"),
    "shifts_hint": _(
        "If the allowance is split by shifts: shifts worked and shifts planned. Empty — in proportion to the time "
        "worked.",
    ),
    "night_hours": _("Night hours (22:00–06:00)"),
    "night_rate": _("Night surcharge, % of the hourly rate"),
    "night_rate_hint": _("At least 20% (Decree 554)."),
    "overtime": _("Overtime hours per occasion, separated by ';'"),
    "overtime_hint": _(
        "E.g. '3; 2' — two occasions of 3 and 2 hours. The first 2 hours of each — ×1.5, the rest ×2 (Labour Code "
        "art. 152).",
    ),
    "holiday_hours": _("Hours worked on a weekend or holiday"),
    "district": _("District coefficient (1 — none)"),
    "northern": _("Northern allowance, %"),
    "line": _("Accrual"),
    "amount": _("Amount"),
    "total": _("Total gross pay"),
    "pct_label": _("Allowance {p} of salary"),
    "rub_label": _("Allowance {a} a month"),
    "shifts_over": _(
        "{worked} worked is more than the {planned} planned. Please check: the shifts worked cannot exceed the "
        "shifts planned.",
    ),
}

ERROR_FIELDS = {
    "night_hours": "night_hours",
    "night_rate": "night_rate",
    "overtime_hours": "overtime",
    "holiday_hours": "holiday_hours",
    "bonus_percent": "bonus",
    "allowances": "allowance_rub",
    "district_coef": "district",
    "northern_percent": "northern",
}
"""calc's field names → the field keys made here (merge into an app's ``error_fields``)."""

_SPLIT = re.compile(r"[;+\s]+")


class PayInputs:
    """The pay-line fields of an :class:`App` (created on ``app``; ``kwargs()`` feeds ``calc.pay_lines``).

    ``main`` fields are shown directly (bonus, allowances); the rarer ones sit in a folding box that opens
    by itself when a URL or the user sets them.
    """

    MAIN = ("bonus", "allowance_pct", "allowance_rub")
    MORE = ("night_hours", "night_rate", "overtime", "holiday_hours", "district", "northern")

    def __init__(self, app: App, defaults: dict[str, str] | None = None, shifts: bool = False) -> None:
        self.app = app
        d = {"bonus": "0", "allowance_pct": "0", "allowance_rub": "0", "night_hours": "0", "night_rate": "20",
             "overtime": "", "holiday_hours": "0", "district": "1", "northern": "0", "worked": "", "planned": ""}
        d.update(defaults or {})
        self.defaults = d
        self.w: dict[str, W.Text] = {}
        for key in (*self.MAIN, *self.MORE):
            self.w[key] = W.Text(value=d[key], continuous_update=False)
            app.add_field(key, self.w[key], TXT[key], TXT.get(f"{key}_hint"))
        self.shifts = shifts
        if shifts:
            self.w["worked"] = W.Text(value=d["worked"], continuous_update=False, layout=W.Layout(width="80px"))
            self.w["planned"] = W.Text(value=d["planned"], continuous_update=False, layout=W.Layout(width="80px"))
            self.w["worked"].add_class("in-shifts-worked")
            self.w["planned"].add_class("in-shifts-planned")
            app.watch(self.w["worked"], self.w["planned"])
            box = W.HBox([self.w["worked"], W.HTML("&nbsp;/&nbsp;"), self.w["planned"]])
            app.add_field("shifts", box, TXT["shifts"], TXT["shifts_hint"], watch=False)
        self.more = W.Accordion(children=[W.VBox([app.fields[k].box for k in self.MORE])], selected_index=None)
        self.more.add_class("pa-more")

    def boxes(self) -> list[W.Widget]:
        """The widgets to place in the app's input column."""
        f = self.app.fields
        main = [f[k].box for k in self.MAIN]
        if self.shifts:
            main.append(f["shifts"].box)
        return [*main, self.more]

    def relabel(self, lang: str) -> None:
        self.more.set_title(0, tr(TXT["more"], lang))

    def open_if_set(self) -> None:
        """Unfold the rarer fields when any of them differs from its default."""
        if any(self.w[k].value.strip() != self.defaults[k] for k in self.MORE):
            self.more.selected_index = 0

    # ------------------------------------------------------------ values for calc

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``calc.pay_lines`` / ``calc.payslip`` / ``calc.final_settlement``."""
        v = {k: w.value for k, w in self.w.items()}
        lang = self.app.lang

        def num(key: str, field: str, blank: str) -> Any:
            return self.app.number(self.w[key], field) if self.w[key].value.strip() else blank

        return {
            "bonus_percent": parse_percent(v["bonus"], "bonus_percent", _("the bonus"), high=1000, lang=lang),
            "allowances": self.allowances(),
            "night_hours": num("night_hours", "night_hours", "0"),
            "night_rate": parse_percent(v["night_rate"], "night_rate", pgettext(
                "payroll_ui.apps.paylines",
                "the night surcharge",
            ),
                                        high=200, lang=lang) if v["night_rate"].strip() else None,
            "overtime_hours": overtime_hours(v["overtime"], lang),
            "holiday_hours": num("holiday_hours", "holiday_hours", "0"),
            "district_coef": num("district", "district_coef", "1"),
            "northern_percent": parse_percent(v["northern"], "northern_percent", _("the northern allowance"),
                                              lang=lang),
        }

    def allowances(self) -> list[calc.Allowance]:
        """The % allowance and the ₽ allowance, if set (labels say how much).

        Both are checked here, each next to its own field and named as the field is named on the page — the
        engine's messages quote an allowance's label, which would echo a bad value inside a name — and so is
        the rule that no more shifts are worked than planned (the engine does not check it)."""
        from calc.core.money import amount, number

        out = []
        pct = parse_percent(self.w["allowance_pct"].value, "allowance_pct", _("the allowance in % of salary"),
                            high=1000, lang=self.app.lang)
        if pct:
            out.append(calc.Allowance(
                tr(TXT["pct_label"], "ru").format(p=percent(pct, "ru")),
                tr(TXT["pct_label"], "en").format(p=percent(pct, "en")),
                percent=pct,
            ))
        raw = self.w["allowance_rub"].value.strip()
        rub = (amount(self.app.number(self.w["allowance_rub"], "allowance_rub"), "allowance_rub",
                      _("the allowance in ₽")) if raw else Decimal(0))
        if rub:
            worked = self.w["worked"].value.strip() if self.shifts else ""
            planned = self.w["planned"].value.strip() if self.shifts else ""
            units: dict[str, Decimal] = {}
            if worked or planned:
                units["worked"] = number(self.app.number(self.w["worked"], "shifts"), "shifts",
                                         _("the shifts worked"), low=0, high=744)
                units["planned"] = number(self.app.number(self.w["planned"], "shifts"), "shifts",
                                          _("the planned shifts"), low=1, high=744)
                if units["worked"] > units["planned"]:
                    worked_n, planned_n = units["worked"], units["planned"]
                    raise calc.InputError(replace(TXT["shifts_over"], kwargs=(
                        ("worked", lambda lang: quantity(worked_n, "shifts", lang)),
                        ("planned", lambda lang: quantity(planned_n, "shifts", lang)),
                    )), "shifts")
            out.append(calc.Allowance(
                tr(TXT["rub_label"], "ru").format(a=money(rub, "ru")),
                tr(TXT["rub_label"], "en").format(a=money(rub, "en")),
                amount=rub,
                **units,
            ))
        return out

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        """URL parameters for every field (left out of the link while at their defaults)."""
        spec = {
            "bonus": parse_decimal(0, 1000), "allowance_pct": parse_decimal(0, 1000),
            "allowance_rub": parse_decimal(0, 10**9), "night_hours": parse_decimal(0, 744),
            "night_rate": parse_decimal(0, 200), "overtime": _parse_overtime, "holiday_hours": parse_decimal(0, 744),
            "district": parse_decimal(1, 3), "northern": parse_decimal(0, 100),
        }
        if self.shifts:
            spec.update(worked=parse_decimal(0, 744), planned=parse_decimal(0, 744))
        return [Param(k, parse, setter(self.w[k]), self._current(k), kept=self._kept(k)) for k, parse in spec.items()]

    def _kept(self, key: str) -> Any:
        return lambda: self.w[key].value.strip()

    def _current(self, key: str) -> Any:
        def current() -> str | None:
            value = self.w[key].value.strip()
            return None if value == self.defaults[key] else value

        return current


def overtime_hours(text: str, lang: str) -> list[Decimal]:
    """Overtime hours per occasion typed as '3; 2' (ТК ст. 152 counts the first 2 hours of each occasion)."""
    return [read_number(h, lang, "overtime_hours") for h in _SPLIT.split(str(text).strip()) if h]


def parse_overtime(raw: str) -> str:
    """A URL value of overtime occasions ('3;2'), each 0–24 hours."""
    return _parse_overtime(raw)


def _parse_overtime(raw: str) -> str:
    from payroll_ui.kit import ParamError

    parts = [p for p in _SPLIT.split(raw.strip()) if p]
    if len(parts) > 31:
        raise ParamError(_("too many occasions."))
    for p in parts:
        parse_decimal(0, 24)(p)
    return "; ".join(parts)




def lines_html(lines: Sequence[Any], lang: str, extra: Iterable[tuple[str, Text, Decimal]] = (),
               total: Decimal | None = None) -> str:
    """The pay lines as a table; each amount is a figure ``line-<key>``; ``extra`` rows after the total."""
    rows = [[esc(tr(ln.label, lang)), money_html(f"line-{ln.key}", ln.amount, lang)] for ln in lines]
    classes = [""] * len(rows)
    if total is not None:
        rows.append([f"<b>{esc(tr(TXT['total'], lang))}</b>", money_html("line-total", total, lang)])
        classes.append("total")
    for key, label, value in extra:
        rows.append([esc(tr(label, lang)), money_html(key, value, lang)])
        classes.append("total" if key in ("net", "final_payment") else "")
    head = [esc(tr(TXT["line"], lang)), esc(tr(TXT["amount"], lang))]
    return table_html(head, rows, num_cols=(1,), row_classes=classes)
