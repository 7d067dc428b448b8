"""Vietnam: overtime and night pay (Labour Code 2019 art. 98) and the salary advance (art. 101), in Vietnamese
and English. The engine is ``calc.vn.overtime_pay``, ``calc.vn.night_pay`` and ``calc.vn.advance``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc.vn as vn
from calc.core.i18n import _
from calc.core.money import number
from calc.core.rules import Dated, rulebook
from calc.core.text import Text, tr
from calc.vn.labour import Figure as LabourFigure
from payroll_ui.apps.vn_pay import COUNTRY, EXAMPLE_BUTTON, YES_NO, _years
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    esc,
    month_options,
    parse_choice,
    parse_decimal,
    parse_int,
    run,
    setter,
)

DAYS = ("workday", "weekly_rest", "holiday")
HOURS = _("the hours")
REASONS = ("agreement", "civic_duty", "annual_leave")

TXT: dict[str, Text] = {
    "year": _("Year"),
    "month": _("Month"),
    "hourly": _("Hourly wage of normal work, ₫"),
    "hourly_hint": _("The wage of one hour of normal working time: the month's wage divided by the normal working "
                     "days of the month and the hours of a day (Decree 145/2020/NĐ-CP art. 55)."),
    "ot_workday": _("Overtime hours on workdays (day-time)"),
    "ot_weekly_rest": _("Overtime hours on weekly rest days (day-time)"),
    "ot_holiday": _("Overtime hours on public holidays and paid days off (day-time)"),
    "night_hours": _("Normal hours worked at night (22:00–06:00)"),
    "night_ot": _("Overtime hours at night"),
    "night_day": _("The night overtime falls on"),
    "night_day_hint": _("The day whose night it is: a workday, a weekly rest day or a public holiday."),
    "day_before": _("Day-time overtime on that day too"),
    "day_before_hint": _("Night overtime is paid 20 % more of that day's day-time wage: 100 % of the hourly wage "
                         "without day-time overtime on a workday, that day's overtime rate otherwise (Decree "
                         "145/2020/NĐ-CP art. 57)."),
    "day_workday": _("workday"),
    "day_weekly_rest": _("weekly rest day"),
    "day_holiday": _("public holiday or paid day off"),
    "yes": _("yes"),
    "no": _("no"),
    "advance_head": _("The salary advance (Labour Code art. 101)"),
    "advance": _("Advance asked for, ₫"),
    "advance_hint": _("An advance bears no interest and is repaid from the pay it is an advance of; leave it 0 if "
                      "there is none."),
    "salary": _("Monthly salary under the contract, ₫"),
    "reason": _("Why the advance"),
    "reason_agreement": _("by agreement with the employer"),
    "reason_civic_duty": _("civic duties of a week or more"),
    "reason_annual_leave": _("annual leave"),
    "leave_pay": _("Pay for the leave days, ₫"),
    "overtime": _("Overtime pay"),
    "night": _("Night-work pay"),
    "night_overtime": _("Night overtime pay"),
    "total": _("Overtime and night pay in all"),
    "advance_fig": _("Advance"),
    "part_workday": _("Overtime on workdays"),
    "part_weekly_rest": _("Overtime on weekly rest days"),
    "part_holiday": _("Overtime on holidays"),
    "part_night": _("Normal hours at night"),
    "part_night_overtime": _("Overtime at night"),
    "part_advance": _("The advance"),
    "advance_ok": _("The Labour Code sets no maximum for an advance agreed with the employer; it bears no interest."),
    "example_source": _("a hand-checked case: 40,000 ₫ an hour, 10 overtime hours on workdays, 8 on a weekly rest "
                        "day and 4 at night on a workday after day-time overtime, in March 2026 (Labour Code 2019 "
                        "art. 98)"),
}


@dataclass(frozen=True)
class Month:
    """The parts of a month's overtime, night pay and advance (each with its explanation)."""

    parts: tuple[tuple[str, LabourFigure], ...]
    year: int
    advance: LabourFigure | None = None

    def value(self, key: str) -> Decimal:
        return next((f.value for k, f in self.parts if k == key), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum((f.value for _k, f in self.parts), Decimal(0))

    def rules_used(self) -> list[Dated]:
        seen: dict[tuple[str, Any], Dated] = {}
        for _k, f in self.all():
            for r in f.rules_used():
                seen.setdefault((r.name, r.valid_from), r)
        return list(seen.values())

    def all(self) -> list[tuple[str, LabourFigure]]:
        return [*self.parts, *([("advance", self.advance)] if self.advance is not None else [])]


class VnOvertimeApp(App):
    """Overtime, night pay and the advance in Vietnam."""

    name = "vn_overtime"
    langs: ClassVar[tuple[str, ...]] = ("vi", "en")
    country = COUNTRY
    title = _("Overtime, night work and the advance in Vietnam")
    intro = _("Type the hourly wage and the hours: the calculator gives the least the law requires for overtime "
              "(150 % on workdays, 200 % on weekly rest days, 300 % on holidays), for work at night (+30 %) and "
              "for overtime at night, and checks an advance against the Labour Code.")
    error_fields: ClassVar[dict[str, str]] = {"hourly_wage": "hourly", "amount": "advance",
                                              "monthly_salary": "salary"}
    example = Example(
        {"year": "2026", "month": "3", "hourly": "40000", "ot_workday": "10", "ot_weekly_rest": "8",
         "night_ot": "4", "night_day": "workday", "day_before": "yes"},
        TXT["example_source"], EXAMPLE_BUTTON,
    )

    def build(self) -> None:
        today = rulebook(COUNTRY).default_date()
        self.w_year = W.Dropdown(options=_years(), value=today.year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=today.month)
        self.hours: dict[str, W.Text] = {}
        self.add_field("year", self.w_year, TXT["year"])
        self.add_field("month", self.w_month, TXT["month"])
        self.w_hourly = W.Text(value="30000", continuous_update=False)
        self.add_field("hourly", self.w_hourly, TXT["hourly"], TXT["hourly_hint"])
        for key in ("ot_workday", "ot_weekly_rest", "ot_holiday", "night_hours", "night_ot"):
            self.hours[key] = W.Text(value="0", continuous_update=False)
            self.add_field(key, self.hours[key], TXT[key])
        self.w_night_day = W.Dropdown(options=[("", d) for d in DAYS], value="workday")
        self.add_field("night_day", self.w_night_day, TXT["night_day"], TXT["night_day_hint"])
        self.w_day_before = W.ToggleButtons(options=[("", k) for k in YES_NO], value="no")
        self.add_field("day_before", self.w_day_before, TXT["day_before"], TXT["day_before_hint"])
        self.w_advance = W.Text(value="0", continuous_update=False)
        self.w_salary = W.Text(value="10000000", continuous_update=False)
        self.w_reason = W.Dropdown(options=[("", r) for r in REASONS], value="agreement")
        self.w_leave_pay = W.Text(value="0", continuous_update=False)
        self.add_field("advance", self.w_advance, TXT["advance"], TXT["advance_hint"])
        self.add_field("salary", self.w_salary, TXT["salary"])
        self.add_field("reason", self.w_reason, TXT["reason"])
        self.add_field("leave_pay", self.w_leave_pay, TXT["leave_pay"])
        self.advance_head = W.HTML()
        self.parts = W.HTML()
        self.parts.add_class("pa-parts")
        self.notes = W.HTML()
        self.notes.add_class("pa-notes")

    def inputs(self) -> list[W.Widget]:
        first = [self.fields[k].box for k in ("year", "month", "hourly", "ot_workday", "ot_weekly_rest", "ot_holiday",
                                              "night_hours", "night_ot", "night_day", "day_before")]
        second = [self.fields[k].box for k in ("advance", "salary", "reason", "leave_pay")]
        return [*first, self.advance_head, *second]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.notes, self.parts]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_month, month_options(lang))
        self.set_options(self.w_night_day, [(tr(TXT[f"day_{d}"], lang), d) for d in DAYS])
        self.set_options(self.w_day_before, [(tr(TXT[k], lang), k) for k in YES_NO])
        self.set_options(self.w_reason, [(tr(TXT[f"reason_{r}"], lang), r) for r in REASONS])
        self.advance_head.value = f"<h4>{esc(tr(TXT['advance_head'], lang))}</h4>"

    # ------------------------------------------------------------ compute and render

    def compute(self) -> Month:
        year, month = self.w_year.value, self.w_month.value
        self.fields["leave_pay"].show(self.w_reason.value == "annual_leave")
        wage = self.number(self.w_hourly, "hourly_wage")
        hours = {k: self._hours(k) for k in self.hours}
        parts: list[tuple[str, LabourFigure]] = []
        for day in DAYS:
            if hours[f"ot_{day}"]:
                parts.append((day, vn.overtime_pay(wage, hours[f"ot_{day}"], year, month, day=day)))
        if hours["night_hours"]:
            parts.append(("night", vn.night_pay(wage, hours["night_hours"], year, month)))
        if hours["night_ot"]:
            parts.append(("night_overtime", vn.overtime_pay(wage, hours["night_ot"], year, month,
                                                             day=self.w_night_day.value, night=True,
                                                             day_overtime_before=self.w_day_before.value == "yes")))
        if not parts:  # nothing worked beyond normal day-time hours: the hourly wage is still checked
            parts.append(("workday", vn.overtime_pay(wage, 0, year, month)))
        amount = self.number(self.w_advance, "amount")
        advance = None
        if amount:
            leave = self.number(self.w_leave_pay, "leave_pay") if self.w_reason.value == "annual_leave" else None
            advance = vn.advance(amount, self.number(self.w_salary, "monthly_salary"), year, month,
                                 reason=self.w_reason.value, leave_pay=leave)
        return Month(parts=tuple(parts), year=year, advance=advance)

    def _hours(self, key: str) -> Decimal:
        """The hours typed into a field (blank: none), checked at that field: 0 to 300."""
        value = self.number(self.hours[key], key)
        return Decimal(0) if value == "" else number(value, key, HOURS, high=300)

    def render(self, r: Month) -> None:
        lang = self.lang
        self.show_figures([
            Figure("total", TXT["total"], r.total, unit="vnd", main=True),
            Figure("overtime", TXT["overtime"], sum((r.value(d) for d in DAYS), Decimal(0)), unit="vnd"),
            Figure("night", TXT["night"], r.value("night"), unit="vnd"),
            Figure("night_overtime", TXT["night_overtime"], r.value("night_overtime"), unit="vnd"),
            Figure("advance", TXT["advance_fig"], r.advance.value if r.advance else Decimal(0), unit="vnd"),
        ])
        self.figures.update({f"part_{k}": f.value for k, f in r.parts})
        notes = [n for _k, f in r.all() for n in f.notes]
        if r.advance is not None and not r.advance.notes:
            notes.append(TXT["advance_ok"])
        self.notes.value = "".join(f'<div class="pa-warn">{esc(tr(n, lang))}</div>' for n in notes)

    def explain_source(self, r: Month, lang: str) -> str:
        return "".join(f"<h4>{esc(tr(TXT[f'part_{k}'], lang))}</h4>{f.explain_html(lang)}" for k, f in r.all())

    def rules(self, r: Month) -> list[Any]:
        return r.rules_used()

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = _years()
        out = [
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), setter(self.w_month), lambda: self.w_month.value),
            Param("hourly", parse_decimal(0, 10**9), setter(self.w_hourly), lambda: self.w_hourly.value),
        ]
        for key, w in self.hours.items():
            out.append(Param(key, parse_decimal(0, 300), setter(w), lambda w=w: w.value))
        out += [
            Param("night_day", parse_choice(DAYS), setter(self.w_night_day), lambda: self.w_night_day.value),
            Param("day_before", parse_choice(YES_NO), setter(self.w_day_before), lambda: self.w_day_before.value),
            Param("advance", parse_decimal(0, 10**11), setter(self.w_advance), lambda: self.w_advance.value),
            Param("salary", parse_decimal(0, 10**11), setter(self.w_salary), lambda: self.w_salary.value),
            Param("reason", parse_choice(REASONS), setter(self.w_reason), lambda: self.w_reason.value),
            Param("leave_pay", parse_decimal(0, 10**11), setter(self.w_leave_pay), lambda: self.w_leave_pay.value),
        ]
        return out


def build(lang: str = "vi", params: dict[str, str] | None = None) -> VnOvertimeApp:
    """Build the app (for tests and notebooks)."""
    return VnOvertimeApp(lang, params)


def main() -> VnOvertimeApp:
    """Show the app, in the language of the URL (?lang=en; Vietnamese by default)."""
    return run(VnOvertimeApp)
