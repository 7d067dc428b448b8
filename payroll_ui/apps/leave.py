"""Leave pay app (ТК РФ ст. 114, 139, 120, 136): the leave's first day and length (or last day), the 12
months' earnings (total, months worked in full, partly worked months) or the average daily earnings,
income earlier in the year → the days paid (holidays excluded, named), average daily, gross, НДФЛ, net,
the pay-by date and the part of each month; a draft letter from the result."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.money import amount, number
from calc.core.text import Text, day, money, month_name, tr
from payroll_ui.apps.casework import (
    DATE_HINT,
    ROWS_CSS,
    Column,
    RowTable,
    date_param,
    date_text,
    date_value,
    parse_date_param,
    parse_rows_param,
    rows_param,
)
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    esc,
    parse_choice,
    parse_decimal,
    parse_int,
    run,
    setter,
    table_html,
)
from payroll_ui.kit.claim import Claim, ClaimPanel, Fact

NEUTRAL = {"days": "14", "earnings": "600000", "full_months": "12"}
"""A neutral current case: a 14-day leave from today, 600,000 ₽ earned in 12 full months."""
EXAMPLE = Example(
    {"start": "2013-05-26", "mode": "days", "days": "28", "avg": "12m", "earnings": "245000", "full": "12",
     "parts": "none", "prior": "0"},
    _("student-files.ru, task 10: a 28-day leave from 26.05.2013 over the 12 June holiday, 245,000 ₽ earned in 12 "
      "months — 694.44 ₽ a day, 19,444.32 ₽"),
)

TXT: dict[str, Text] = {
    "start": _("First day of the leave"),
    "length_mode": _("The leave is given by"),
    "by_days": _("its length"),
    "by_end": _("its last day"),
    "days": _("Length of the leave, calendar days"),
    "days_hint": _("Public holidays inside the leave are not counted and lengthen it (Labour Code art. 120)."),
    "end": _("Last day of the leave"),
    "avg_mode": _("Average daily earnings"),
    "avg_12m": _("from the 12 months' earnings"),
    "avg_direct": _("I know it"),
    "average_daily": _("Average daily earnings, ₽"),
    "earnings": _("Earnings of the 12 months before the leave, ₽"),
    "earnings_hint": _(
        "Everything accrued in the 12 calendar months before the month the leave starts, except sick pay, earlier "
        "leave pay and other payments at average earnings (Labour Code art. 139).",
    ),
    "full_months": _("Of them, months worked in full"),
    "part_months": _("Months worked in part"),
    "part_hint": _("For each month not worked in full: its calendar days and the calendar days worked in it."),
    "col_month_days": _("days in month"),
    "col_worked": _("days worked"),
    "add_part": _("+ a month worked in part"),
    "prior": _("Income earlier this year, ₽ (for НДФЛ)"),
    "prior_hint": _("Everything taxable paid to you since January before this payment; 0 if you do not know."),
    "leave_days": _("Leave days paid"),
    "average": _("Average daily earnings"),
    "gross": _("Leave pay accrued"),
    "ndfl": _("НДФЛ (income tax)"),
    "net": _("To be paid"),
    "pay_by": _("Pay at the latest"),
    "holidays": _("Public holidays inside the leave (not counted): {names}"),
    "no_holidays": _("No public holidays inside the leave."),
    "span": _("The leave: {start} – {end}, {n} calendar days."),
    "month": _("Month"),
    "month_days": _("Leave days"),
    "month_amount": _("Leave pay of the month"),
    "by_month": _("The part of each month (the employer's expense of that month)"),
    "claim_subject": _("my leave pay is as follows"),
}


class LeaveApp(App):
    """The leave pay calculator."""

    name = "leave"
    title = _("Leave pay")
    intro = _(
        "Enter the leave's first day and length and your earnings of the 12 months before it — see the days paid, "
        "the average daily earnings, the leave pay, the tax and the day it must be paid by.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        "earnings_12m": "earnings", "paid_on": "start", "average_daily": "average_daily",
    }

    example = EXAMPLE

    def build(self) -> None:
        s = NEUTRAL
        self.w_start = W.Text(value=date_text(calc.rulebook().default_date()), continuous_update=False)
        self.w_mode = W.ToggleButtons(options=[("", "days"), ("", "end")], value="days")
        self.w_days = W.Text(value=s["days"], continuous_update=False)
        self.w_end = W.Text(value="", continuous_update=False)
        self.w_avg = W.ToggleButtons(options=[("", "12m"), ("", "direct")], value="12m")
        self.w_average = W.Text(value="", continuous_update=False)
        self.w_earnings = W.Text(value=s["earnings"], continuous_update=False)
        self.w_full = W.Text(value=s["full_months"], continuous_update=False)
        self.parts = RowTable("part_months", [Column("month_days", TXT["col_month_days"], "110px",
                                                     options=[(str(n), str(n)) for n in (31, 30, 29, 28)]),
                                              Column("worked", TXT["col_worked"], "110px")],
                              TXT["add_part"], self.refresh, max_rows=12)
        self.w_prior = W.Text(value="0", continuous_update=False)
        self.add_field("start", self.w_start, TXT["start"], DATE_HINT)
        self.add_field("length_mode", self.w_mode, TXT["length_mode"])
        self.add_field("days", self.w_days, TXT["days"], TXT["days_hint"])
        self.add_field("end", self.w_end, TXT["end"], DATE_HINT)
        self.add_field("avg_mode", self.w_avg, TXT["avg_mode"])
        self.add_field("average_daily", self.w_average, TXT["average_daily"])
        self.add_field("earnings", self.w_earnings, TXT["earnings"], TXT["earnings_hint"])
        self.add_field("full_months", self.w_full, TXT["full_months"])
        self.add_field("part_months", self.parts.box, TXT["part_months"], TXT["part_hint"], watch=False)
        self.add_field("prior_income", self.w_prior, TXT["prior"], TXT["prior_hint"])
        self.note = W.HTML()
        self.note.add_class("pa-note")
        self.months = W.HTML()
        self.months.add_class("pa-months")
        self.claim = ClaimPanel(self.name, self.claim_source, lambda: calc.rulebook().checked_on)
        self._show_modes()

    def inputs(self) -> list[W.Widget]:
        keys = ("start", "length_mode", "days", "end", "avg_mode", "average_daily", "earnings", "full_months",
                "part_months", "prior_income")
        return [W.HTML(ROWS_CSS), *(self.fields[k].box for k in keys)]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.note, self.months, self.claim.panel]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_mode, [(tr(TXT["by_days"], lang), "days"), (tr(TXT["by_end"], lang), "end")])
        self.set_options(self.w_avg, [(tr(TXT["avg_12m"], lang), "12m"), (tr(TXT["avg_direct"], lang), "direct")])
        for w in (self.w_start, self.w_end):
            w.placeholder = tr(DATE_HINT, lang)
        self.parts.set_lang(lang)
        self.claim.set_lang(lang)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self.parts.set_rows([])
        self._show_modes()

    def _show_modes(self) -> None:
        by_days = self.w_mode.value == "days"
        self.fields["days"].show(by_days)
        self.fields["end"].show(not by_days)
        direct = self.w_avg.value == "direct"
        self.fields["average_daily"].show(direct)
        for k in ("earnings", "full_months", "part_months"):
            self.fields[k].show(not direct)

    def _on_change(self, change: Any) -> None:
        if change.get("owner") in (self.w_mode, self.w_avg):
            self._show_modes()
        super()._on_change(change)

    # ------------------------------------------------------------ compute and render

    def start(self) -> date:
        return date_value(self.w_start.value, "start", _("the first day of the leave"))

    def average_daily(self, start: date) -> Decimal:
        if self.w_avg.value == "direct":
            return amount(self.w_average.value, "average_daily", _("the average daily earnings"), allow_zero=False)
        parts = []
        self.parts.mark()
        for i, row in enumerate(self.parts.rows()):
            try:
                worked = number(row["worked"], "part_months", _("the days worked in month No. {i}", i=i + 1),
                                low=0, high=int(row["month_days"]))
            except calc.CalcError:
                self.parts.mark({i: "worked"})
                raise
            parts.append((int(row["month_days"]), worked))
        full = number(self.w_full.value, "full_months", _("the months worked in full"),
                      low=0, high=12, integer=True)
        return calc.average_daily_earnings(self.w_earnings.value, start, full_months=full,
                                           part_months=parts).average_daily

    def compute(self) -> calc.VacationPay:
        start = self.start()
        avg = self.average_daily(start)
        prior = amount(self.w_prior.value, "prior_income", _("the income earlier this year"))
        if self.w_mode.value == "days":
            return calc.vacation_pay(start, self.w_days.value, average_daily=avg, prior_income=prior)
        end = date_value(self.w_end.value, "end", _("the last day of the leave"))
        return calc.vacation_pay(start, end=end, average_daily=avg, prior_income=prior)

    def explain_source(self, result: calc.VacationPay, lang: str) -> str:
        if self.w_avg.value == "12m":
            try:
                avg = calc.average_daily_earnings(self.w_earnings.value, result.start,
                                                  full_months=int(self.w_full.value),
                                                  part_months=[(int(r["month_days"]), r["worked"])
                                                               for r in self.parts.rows()])
                if avg.average_daily == result.average_daily:
                    return avg.explain_html(lang) + result.explain_html(lang)
            except (calc.CalcError, ValueError):
                pass
        return result.explain_html(lang)

    def render(self, r: calc.VacationPay) -> None:
        lang = self.lang
        self.figures = {}
        self.show_figures([
            Figure("net", TXT["net"], r.net, main=True),
            Figure("gross", TXT["gross"], r.gross, main=True),
            Figure("ndfl", TXT["ndfl"], r.ndfl),
            Figure("leave_days", TXT["leave_days"], r.days, "days"),
            Figure("average_daily", TXT["average"], r.average_daily),
            Figure("pay_by", TXT["pay_by"], r.pay_by, "date"),
        ])
        self.figures["end"] = r.end
        span = tr(TXT["span"], lang).format(start=day(r.start, lang), end=day(r.end, lang), n=r.calendar_days)
        if r.holidays:
            names = "; ".join(f"{day(d, lang)} — {holiday_name(d, lang)}" for d in r.holidays)
            hol = tr(TXT["holidays"], lang).format(names=names)
        else:
            hol = tr(TXT["no_holidays"], lang)
        self.note.value = (f'<div class="pa-ok">{esc(span)}</div>'
                           f'<div class="pa-holidays" data-count="{len(r.holidays)}">{esc(hol)}</div>')
        rows = [[esc(month_name(m.month, lang, m.year)), str(m.days),
                 f'<span data-figure="month-{m.year}-{m.month:02d}" data-value="{m.amount}">'
                 f"{esc(money(m.amount, lang))}</span>"] for m in r.by_month]
        head = [esc(tr(TXT[k], lang)) for k in ("month", "month_days", "month_amount")]
        self.months.value = f"<b>{esc(tr(TXT['by_month'], lang))}</b>" + table_html(head, rows, num_cols=(1, 2))
        self.claim.update()

    def claim_source(self) -> Claim | None:
        r = self.result
        if r is None:
            return None
        return Claim(
            kind="leave",
            subject=TXT["claim_subject"],
            facts=[
                Fact(_("the leave"), _("{start} – {end}", start=lambda lang: day(r.start, lang),
                                       end=lambda lang: day(r.end, lang))),
                Fact(TXT["leave_days"], str(r.days)),
                Fact(TXT["average"], r.average_daily),
                Fact(TXT["gross"], r.gross),
                Fact(TXT["ndfl"], r.ndfl),
                Fact(TXT["net"], r.net),
                Fact(_("to be paid at the latest on"), r.pay_by),
            ],
            articles=[_("Labour Code art. 114, 120, 139 (average earnings), 136 part 9 (leave pay at the latest 3 "
                        "days before the leave)"),
                      _("Labour Code art. 236 (compensation for late payment)")],
        )

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        parts = ("month_days", "worked")
        return [
            Param("start", parse_date_param, setter(self.w_start), lambda: date_param(self.w_start.value)),
            Param("mode", parse_choice(["days", "end"]), setter(self.w_mode), lambda: self.w_mode.value),
            Param("days", parse_int(1, 366), lambda v: setattr(self.w_days, "value", str(v)),
                  lambda: self.w_days.value.strip() if self.w_mode.value == "days" else None),
            Param("end", parse_date_param, setter(self.w_end),
                  lambda: date_param(self.w_end.value) if self.w_mode.value == "end" else None),
            Param("avg", parse_choice(["12m", "direct"]), setter(self.w_avg), lambda: self.w_avg.value),
            Param("average", parse_decimal(0, 10**9), setter(self.w_average),
                  lambda: self.w_average.value.strip() if self.w_avg.value == "direct" else None),
            Param("earnings", parse_decimal(0, 10**9), setter(self.w_earnings),
                  lambda: self.w_earnings.value.strip() if self.w_avg.value == "12m" else None),
            Param("full", parse_int(0, 12), lambda v: setattr(self.w_full, "value", str(v)),
                  lambda: self.w_full.value.strip() if self.w_avg.value == "12m" else None),
            Param("parts", parse_rows_param(parts), self.parts.set_rows,
                  lambda: rows_param(self.parts.rows(), parts) if self.w_avg.value == "12m" else None),
            Param("prior", parse_decimal(0, 10**9), setter(self.w_prior), lambda: self.w_prior.value.strip()),
        ]

    def apply_params(self, params: Any) -> None:
        super().apply_params(params)
        self._show_modes()


def holiday_name(d: date, lang: str) -> str:
    """The name of a public holiday from the production calendar."""
    for x in calc.month_days(d.year, d.month):
        if x.date == d:
            return tr(x.name, lang) if x.name else ""
    return ""


def build(lang: str = "ru", params: dict[str, str] | None = None) -> LeaveApp:
    """Build the app (for tests and for notebooks)."""
    return LeaveApp(lang, params)


def main() -> LeaveApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(LeaveApp)
