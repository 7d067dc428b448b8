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
from calc.core.money import amount
from calc.core.text import Text, day, money, month_name, tr
from payroll_ui.apps.casework import (
    DATE_HINT,
    ROWS_CSS,
    AverageInputs,
    date_param,
    date_text,
    date_value,
    parse_date_param,
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
    "earnings": _("Earnings of the 12 months before the leave, ₽"),
    "earnings_hint": _(
        "Everything accrued in the 12 calendar months before the month the leave starts, except sick pay, earlier "
        "leave pay and other payments at average earnings (Labour Code art. 139).",
    ),
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
        self.w_prior = W.Text(value="0", continuous_update=False)
        self.add_field("start", self.w_start, TXT["start"], DATE_HINT)
        self.add_field("length_mode", self.w_mode, TXT["length_mode"])
        self.add_field("days", self.w_days, TXT["days"], TXT["days_hint"])
        self.add_field("end", self.w_end, TXT["end"], DATE_HINT)
        self.avg = AverageInputs(self, modes=("12m", "months", "direct"), default="12m", parts=True,
                                 earnings_label=TXT["earnings"], earnings_hint=TXT["earnings_hint"],
                                 full=W.Text(value=s["full_months"], continuous_update=False),
                                 earnings=s["earnings"])
        self.w_avg, self.w_average, self.w_earnings = self.avg.w_mode, self.avg.w_average, self.avg.w_earnings
        self.w_full, self.parts, self.period = self.avg.w_full, self.avg.parts, self.avg.period
        self.add_field("prior_income", self.w_prior, TXT["prior"], TXT["prior_hint"])
        self.note = W.HTML()
        self.note.add_class("pa-note")
        self.months = W.HTML()
        self.months.add_class("pa-months")
        self.claim = ClaimPanel(self.name, self.claim_source, lambda: calc.rulebook().checked_on)
        self._show_modes()

    def inputs(self) -> list[W.Widget]:
        keys = ("start", "length_mode", "days", "end")
        return [W.HTML(ROWS_CSS), *(self.fields[k].box for k in keys), *self.avg.boxes(),
                self.fields["prior_income"].box]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.note, self.months, self.claim.panel]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_mode, [(tr(TXT["by_days"], lang), "days"), (tr(TXT["by_end"], lang), "end")])
        for w in (self.w_start, self.w_end):
            w.placeholder = tr(DATE_HINT, lang)
        self.avg.relabel(lang)
        self.claim.set_lang(lang)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self.avg.reset()
        self._show_modes()

    def _show_modes(self) -> None:
        by_days = self.w_mode.value == "days"
        self.fields["days"].show(by_days)
        self.fields["end"].show(not by_days)
        self.avg.show()

    def _on_change(self, change: Any) -> None:
        if change.get("owner") in (self.w_mode, self.w_avg):
            self._show_modes()
        super()._on_change(change)

    # ------------------------------------------------------------ compute and render

    def start(self) -> date:
        return date_value(self.w_start.value, "start", _("the first day of the leave"))

    def average_daily(self, start: date) -> Decimal:
        """Typed, from the 12 months' total (Regulation para. 10) or from the 12 months one by one."""
        kw = self.avg.kwargs(start)
        if "average_daily" in kw:
            field = "period_months" if self.avg.mode == "months" else "average_daily"
            return amount(kw["average_daily"], field, _("the average daily earnings"), allow_zero=False)
        avg = calc.average_daily_earnings(kw["earnings_12m"], start, full_months=kw["full_months"],
                                          part_months=kw["part_months"])
        self.avg.last = avg
        return avg.average_daily

    def compute(self) -> calc.VacationPay:
        start = self.start()
        avg = self.average_daily(start)
        prior = amount(self.w_prior.value, "prior_income", _("the income earlier this year"))
        if self.w_mode.value == "days":
            return calc.vacation_pay(start, self.w_days.value, average_daily=avg, prior_income=prior)
        end = date_value(self.w_end.value, "end", _("the last day of the leave"))
        return calc.vacation_pay(start, end=end, average_daily=avg, prior_income=prior)

    def explain_source(self, result: calc.VacationPay, lang: str) -> str:
        """The average's own explanation (and, month by month, each month's line) before the leave pay's."""
        avg = self.avg.last
        if avg is not None and avg.average_daily == result.average_daily:
            return self.avg.months_html(lang) + avg.explain_html(lang) + result.explain_html(lang)
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
        return [
            Param("start", parse_date_param, setter(self.w_start), lambda: date_param(self.w_start.value)),
            Param("mode", parse_choice(["days", "end"]), setter(self.w_mode), lambda: self.w_mode.value),
            Param("days", parse_int(1, 366), lambda v: setattr(self.w_days, "value", str(v)),
                  lambda: self.w_days.value.strip() if self.w_mode.value == "days" else None),
            Param("end", parse_date_param, setter(self.w_end),
                  lambda: date_param(self.w_end.value) if self.w_mode.value == "end" else None),
            *self.avg.params(),
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
