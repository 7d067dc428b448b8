"""Final settlement on dismissal app: the date, the salary, time worked in the last month (days or
hours), allowances, average daily earnings (given or from 12 months' earnings), unused leave (given or
from the months of the working year) → the lines, НДФЛ and the net amount. The page opens on a neutral
case of today; the source article's worked example (dismissal on 07.08.2017) is one click away."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.text import Text, day, tr
from payroll_ui.apps.casework import AverageInputs
from payroll_ui.apps.paylines import ERROR_FIELDS, PayInputs, lines_html
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    esc,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    run,
    safe,
    setter,
)
from payroll_ui.kit.claim import Claim, ClaimPanel, Fact


def neutral() -> dict[str, Any]:
    """The case the page opens on: dismissal today (clamped to the rules' coverage), a salary of 60 000 ₽,
    every working day of the month worked, average earnings from 12 months at that salary, no unused leave
    entered and no bonus or allowance — nothing of a worked example."""
    return {
        "date": calc.rulebook().default_date(), "salary": "60000", "time_mode": "days", "days": "", "hours": "",
        "hourly_method": "month", "avg_mode": "12m", "average_daily": "", "earnings": "", "full_months": 12,
        "leave_mode": "days", "unused_days": "0", "months": "", "used_days": "0", "leave_method": "exact",
    }


EXAMPLE = Example(
    {"date": "2017-08-07", "salary": "8300", "time": "hours", "hours": "44", "hourly": "year", "avg": "direct",
     "average": "769.53", "leave": "days", "unused": "9.34", "bonus": "150", "allowance_pct": "4",
     "allowance_rub": "2000", "worked": "2", "planned": "8", "night_hours": "16", "night_rate": "40"},
    _("the article “How to calculate average pay. An example of holiday pay” (the course's source text): "
      "dismissal on 7 August 2017, salary 8,300 ₽, a 150 % bonus, allowances, night hours"),
)
"""The source article's worked example (dismissal on 07.08.2017), loaded by "Example from the article"."""


TXT: dict[str, Text] = {
    "date": _("Dismissal date (last working day)"),
    "salary": _("Monthly salary, ₽"),
    "time_mode": _("Time in the last month is counted in"),
    "in_days": _("days"),
    "in_hours": _("hours"),
    "days": _("Working days worked (incl. the last day)"),
    "days_empty": _("empty: every working day up to the last day"),
    "hours": _("Hours worked (incl. the last day)"),
    "hourly_method": _("The hourly rate is"),
    "hm_month": _("by this month's hour norm"),
    "hm_year": _("by the year's average monthly norm"),
    "earnings": _("Earnings of the 12 months before, ₽"),
    "earnings_hint": _(
        "Everything accrued in the 12 calendar months before the month of dismissal, except sick pay, holiday pay "
        "and other payments at average earnings (Labour Code art. 139).",
    ),
    "earnings_empty": _("empty: 12 months at this salary"),
    "leave_mode": _("Unused leave"),
    "leave_days": _("I know the days"),
    "leave_months": _("count by months"),
    "unused_days": _("Unused leave days"),
    "months": _("Months of the working year for leave"),
    "months_hint": _(
        "Full months since the start of the working year; a remainder under half a month is dropped, half or more "
        "counts as a month.",
    ),
    "used_days": _("Leave days already used"),
    "leave_method": _("Leave days per month"),
    "lm_exact": _("28 / 12 (exact)"),
    "lm_233": _("2.33 (rounded, as many payroll offices do)"),
    "gross": _("Total gross"),
    "ndfl": _("НДФЛ (income tax)"),
    "net": _("Net to be paid"),
    "pay": _("Pay for the last month"),
    "compensation": _("Leave compensation"),
    "average": _("Average daily earnings"),
    "unused": _("Leave days compensated"),
    "lines": _("Final settlement"),
    "seed": _(
        "This is the worked example of the article on pay, the advance and holiday pay that the course's examples "
        "come from: dismissal on 07.08.2017, salary 8,300 ₽, two 22-hour shifts. The article's total is 13,622.13 "
        "₽, while its own lines add up to 13,652.13 ₽: the total is exactly 30 ₽ short. Also, the night surcharge "
        "50.48 × 16 × 40% = 323.072 ₽ rounds to 323.07 ₽ (the article has 323.08 ₽). So here the gross is "
        "13,652.12 ₽, НДФЛ 1,775 ₽ (the article's 1,771 ₽ is taken from the short total), net 11,877.12 ₽.",
    ),
}


class DismissalApp(App):
    """The final settlement calculator."""

    name = "dismissal"
    title = _("Final settlement on dismissal")
    intro = _(
        "Everything due on the day of dismissal (Labour Code art. 140): pay for the last month with allowances and "
        "bonus, compensation for unused leave, НДФЛ and the net amount.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        **ERROR_FIELDS, "date": "date", "dismissal": "date", "days_worked": "days", "hours_worked": "hours",
        "hourly_method": "hourly_method", "earnings_12m": "earnings", "part_months": "full_months",
        "leave_months": "months", "leave_days_used": "used_days", "method": "leave_method", "month": "date",
    }

    example = EXAMPLE

    def build(self) -> None:
        self.claim = ClaimPanel(self.name, self.claim_source, lambda: calc.rulebook().checked_on)
        s = neutral()
        self.w_date = W.DatePicker(value=s["date"])
        self.w_salary = W.Text(value=s["salary"], continuous_update=False)
        self.w_time = W.ToggleButtons(options=[("", "days"), ("", "hours")], value=s["time_mode"])
        self.w_days = W.Text(value=s["days"], continuous_update=False)
        self.w_hours = W.Text(value=s["hours"], continuous_update=False)
        self.w_hm = W.Dropdown(options=[("", "month"), ("", "year")], value=s["hourly_method"])
        self.w_leave = W.ToggleButtons(options=[("", "days"), ("", "months")], value=s["leave_mode"])
        self.w_unused = W.Text(value=s["unused_days"], continuous_update=False)
        self.w_months = W.Text(value=s["months"], continuous_update=False)
        self.w_used = W.Text(value=s["used_days"], continuous_update=False)
        self.w_lm = W.Dropdown(options=[("", "exact"), ("", "2.33")], value=s["leave_method"])
        for key, widget in (("date", self.w_date), ("salary", self.w_salary), ("time_mode", self.w_time),
                            ("days", self.w_days), ("hours", self.w_hours), ("hourly_method", self.w_hm)):
            self.add_field(key, widget, TXT[key])
        self.pay = PayInputs(self, shifts=True)
        self.avg = AverageInputs(self, modes=("direct", "12m"), default=s["avg_mode"],
                                 earnings_label=TXT["earnings"], earnings_hint=TXT["earnings_hint"],
                                 full=W.IntSlider(value=s["full_months"], min=0, max=12, continuous_update=False))
        self.w_avg, self.w_average, self.w_earnings = self.avg.w_mode, self.avg.w_average, self.avg.w_earnings
        self.w_full = self.avg.w_full
        for key, widget in (("leave_mode", self.w_leave), ("unused_days", self.w_unused), ("months", self.w_months),
                            ("used_days", self.w_used), ("leave_method", self.w_lm)):
            self.add_field(key, widget, TXT[key], TXT.get(f"{key}_hint"))
        self.lines = W.HTML()
        self.lines.add_class("pa-lines")
        self.seed_note = W.HTML()
        self.seed_note.add_class("pa-seed-note")
        self._update_visibility()

    def inputs(self) -> list[W.Widget]:
        f = self.fields
        head = [f[k].box for k in ("date", "salary", "time_mode", "days", "hours", "hourly_method")]
        tail = [f[k].box for k in ("leave_mode", "unused_days", "months", "used_days", "leave_method")]
        return head + self.pay.boxes() + self.avg.boxes() + tail

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.lines, self.seed_note, self.claim.panel]

    def relabel(self) -> None:
        self.claim.set_lang(self.lang)
        lang = self.lang

        def opts(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
            return [(tr(TXT[k], lang), v) for k, v in pairs]

        self.set_options(self.w_time, opts(("in_days", "days"), ("in_hours", "hours")))
        self.set_options(self.w_hm, opts(("hm_month", "month"), ("hm_year", "year")))
        self.avg.relabel(lang)
        self.set_options(self.w_leave, opts(("leave_days", "days"), ("leave_months", "months")))
        self.set_options(self.w_lm, opts(("lm_exact", "exact"), ("lm_233", "2.33")))
        self.w_days.placeholder = tr(TXT["days_empty"], lang)
        self.w_earnings.placeholder = tr(TXT["earnings_empty"], lang)
        self.pay.relabel(lang)

    @safe
    def _on_change(self, change: Any) -> None:
        if change.get("owner") in (self.w_time, self.w_avg, self.w_leave):
            self._update_visibility()
        super()._on_change(change)

    def _update_visibility(self) -> None:
        f = self.fields
        hours = self.w_time.value == "hours"
        f["days"].show(not hours)
        f["hours"].show(hours)
        self.avg.show()
        by_days = self.w_leave.value == "days"
        f["unused_days"].show(by_days)
        for k in ("months", "used_days", "leave_method"):
            f[k].show(not by_days)

    # ------------------------------------------------------------ compute and render

    def compute(self) -> calc.Settlement:
        if self.w_date.value is None:
            raise calc.InputError(_("Please enter the dismissal date."), "date")
        n = self.number
        time = ({"hours_worked": n(self.w_hours, "hours"), "hourly_method": self.w_hm.value}
                if self.w_time.value == "hours" else
                {"days_worked": n(self.w_days, "days") if self.w_days.value.strip() else None,
                 "hourly_method": self.w_hm.value})
        avg = self.avg.kwargs(self.w_date.value, self.salary_12m)
        used = n(self.w_used, "used_days") if self.w_used.value.strip() else "0"
        leave = ({"unused_days": n(self.w_unused, "unused_days")} if self.w_leave.value == "days" else
                 {"months_for_leave": n(self.w_months, "months"), "used_days": used, "leave_method": self.w_lm.value})
        return calc.final_settlement(self.w_date.value, n(self.w_salary, "salary"), **time, **avg, **leave,
                                     **self.pay.kwargs())

    def salary_12m(self) -> Decimal | str:
        """The 12 months' earnings when the field is left empty: 12 months at the salary typed."""
        salary = self.number(self.w_salary, "salary")
        return salary * 12 if isinstance(salary, Decimal) else salary

    def render(self, r: calc.Settlement) -> None:
        lang = self.lang
        self.figures = {}
        self.show_figures([
            Figure("gross", TXT["gross"], r.gross),
            Figure("ndfl", TXT["ndfl"], r.ndfl),
            Figure("net", TXT["net"], r.net, main=True),
            Figure("pay", TXT["pay"], r.pay),
            Figure("compensation", TXT["compensation"], r.compensation),
            Figure("average_daily", TXT["average"], r.average_daily, "rub_per_day"),
            Figure("unused_days", TXT["unused"], r.unused_days, "days"),
        ])
        extra = [("line-ndfl", TXT["ndfl"], r.ndfl), ("line-net", TXT["net"], r.net)]
        self.lines.value = f"<b>{esc(tr(TXT['lines'], lang))}</b>" + lines_html(r.lines, lang, extra, total=r.gross)
        self.seed_note.value = f'<div class="pa-warn">{esc(tr(TXT["seed"], lang))}</div>' if self.is_seed() else ""
        self.claim.update()

    def claim_source(self) -> Claim | None:
        """The draft letter: what is due on the day of dismissal (Labour Code art. 140)."""
        r = self.result
        if r is None:
            return None
        return Claim(
            kind="dismissal",
            subject=_("the final settlement due to me on the day of dismissal, {d}, is as follows",
                      d=lambda lang: day(r.dismissal, lang)),
            facts=[Fact(TXT["pay"], r.pay), Fact(TXT["compensation"], r.compensation),
                   Fact(TXT["gross"], r.gross), Fact(TXT["ndfl"], r.ndfl), Fact(TXT["net"], r.net)],
            articles=[_("Labour Code art. 84.1, 140 (everything due is paid on the day of dismissal)"),
                      _("Labour Code art. 127 (compensation for unused leave), 139 (average earnings)"),
                      _("Labour Code art. 236 (compensation for late payment)")],
        )

    def is_seed(self) -> bool:
        """True while the source article's example is loaded and not changed by the visitor."""
        return self.example_shown and not self._touched

    def scenario_inputs(self) -> dict[str, Any]:
        out = {p.key: p.current() for p in self.params()}
        return {k: v for k, v in out.items() if v is not None}

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        rb = calc.rulebook()
        time_hours = self.w_time.value == "hours"
        by_days = self.w_leave.value == "days"
        return [
            Param("date", parse_date(rb.covered_from, rb.covered_to), setter(self.w_date), lambda: self.w_date.value),
            Param("salary", parse_decimal(0, 10**9), setter(self.w_salary), lambda: self.w_salary.value.strip()),
            Param("time", parse_choice(["days", "hours"]), setter(self.w_time), lambda: self.w_time.value),
            Param("days", parse_decimal(0, 31), setter(self.w_days),
                  lambda: None if time_hours else self.w_days.value.strip()),
            Param("hours", parse_decimal(0, 744), setter(self.w_hours),
                  lambda: self.w_hours.value.strip() if time_hours else None),
            Param("hourly", parse_choice(["month", "year"]), setter(self.w_hm), lambda: self.w_hm.value),
            *self.pay.params(),
            *self.avg.params(),
            Param("leave", parse_choice(["days", "months"]), setter(self.w_leave), lambda: self.w_leave.value),
            Param("unused", parse_decimal(0, 1000), setter(self.w_unused),
                  lambda: self.w_unused.value.strip() if by_days else None),
            Param("months", parse_int(0, 600), lambda v: setter(self.w_months)(str(v)),
                  lambda: None if by_days else self.w_months.value.strip()),
            Param("used", parse_decimal(0, 10000), setter(self.w_used),
                  lambda: None if by_days else self.w_used.value.strip()),
            Param("leave_method", parse_choice(["exact", "2.33"]), setter(self.w_lm),
                  lambda: None if by_days else self.w_lm.value),
        ]

    def apply_params(self, params: Any) -> None:
        super().apply_params(params)
        self._update_visibility()
        self.pay.open_if_set()




def build(lang: str = "ru", params: dict[str, str] | None = None) -> DismissalApp:
    """Build the app (for tests and for notebooks)."""
    return DismissalApp(lang, params)


def main() -> DismissalApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(DismissalApp)
