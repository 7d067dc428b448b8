"""Advance and pay days app: salary, month, days worked, basis and method → the advance, НДФЛ
withheld, the final payment, and the month drawn as a production-calendar grid."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W
from babel import Locale

import calc
from calc.core.i18n import _
from calc.core.text import LOCALES, Text, day, money, month_name, tr
from calc.ru.calendar import KIND_LABELS
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    covered_years,
    esc,
    fit_slider,
    month_options,
    parse_choice,
    parse_decimal,
    parse_int,
    parse_percent,
    run,
    safe,
    setter,
    slider_setter,
)

TXT: dict[str, Text] = {
    "salary": _("Monthly salary, ₽"),
    "year": _("Year"),
    "month": _("Month"),
    "days": _("Days worked in the first half of the month"),
    "days_hint": _("Working days from the 1st to the 15th actually worked (without sick leave or holidays)."),
    "method": _("How the advance is set"),
    "by_days": _("by days worked"),
    "by_percent": _("share of salary"),
    "percent": _("Share of salary, %"),
    "basis": _("Advance basis"),
    "basis_hint": _(
        "'Salary' — the advance is a share of the salary and НДФЛ is withheld from it (the rule since 2023). "
        "'Salary less НДФЛ' — the old practice: the tax was withheld only at the final payment.",
    ),
    "basis_auto": _("by the year's rules"),
    "basis_gross": _("salary"),
    "basis_net": _("salary less НДФЛ"),
    "withhold": _("НДФЛ from the advance"),
    "withhold_hint": _("By law НДФЛ is withheld from the advance since 2023 and was not before 2023."),
    "withhold_law": _("as the law says"),
    "withhold_yes": _("withhold"),
    "withhold_no": _("do not withhold"),
    "allowances": _("Allowances for time worked, ₽ a month"),
    "allowances_hint": _(
        "Long-service, class, qualification and similar allowances for a whole month. They go into the advance "
        "(Ministry of Labour letters of 2017 and 2019); the monthly bonus and overtime are paid at the final payment.",
    ),
    "district": _("District coefficient"),
    "northern": _("Northern allowance, %"),
    "advance_on": _("The advance is paid on"),
    "advance_on_allowances": _("salary and allowances"),
    "advance_on_salary": _("the salary alone"),
    "advance": _("Advance paid"),
    "advance_gross": _("Advance before tax"),
    "advance_ndfl": _("НДФЛ from the advance"),
    "final": _("Final payment"),
    "month_net": _("Net pay for the month"),
    "month_ndfl": _("НДФЛ for the month"),
    "norm": _("Working days in the month"),
    "half": _("of them in the first half"),
    "note_net": _(
        "The basis is the salary less the month's НДФЛ; nothing is withheld from the advance, the whole НДФЛ is "
        "withheld at the final payment.",
    ),
    "note_gross_kept": _(
        "The advance is a share of the salary; НДФЛ is withheld from it on the day it is paid (Law 263-FZ, since "
        "2023).",
    ),
    "note_gross_not": _("The advance is a share of the salary; НДФЛ is withheld only at the final payment."),
    "cumulative": _(
        "НДФЛ (income tax) is counted on the income since January, so earlier months matter. Here, as in the "
        "'Payslip' and 'What an employee costs' calculators, the same salary is assumed for every month from "
        "January: {prior} before {month}.",
    ),
    "cumulative_jan": _(
        "НДФЛ (income tax) is counted on the income since January; January is the first month, with no income "
        "before it this year.",
    ),
    "calendar": _("Production calendar: {month}"),
    "first_half": _("first half of the month (paid as the advance)"),
    "legend": _("Key"),
    "pay_days": _(
        "Wages are paid at least every half month, no later than 15 calendar days after the period (Labour Code "
        "art. 136 part 6): the advance for the 1st–15th by the end of the month, the final payment by the 15th of "
        "the next month.",
    ),
}

KIND_COLORS = {
    "working": "#ffffff",
    "shortened": "#fff4c2",
    "weekend": "#eaeef2",
    "holiday": "#ffd8d3",
    "day_off": "#ffe9e5",
}

CAL_CSS = """
<style>
.payroll-app table.pa-cal {border-collapse: separate; border-spacing: 3px; font-size: 13px; margin: 4px 0;}
.payroll-app table.pa-cal th {font-weight: 600; color: #57606a; padding: 0 4px; text-align: center;}
.payroll-app table.pa-cal td {width: 40px; height: 32px; text-align: center; border: 1px solid #d0d7de;
  border-radius: 5px; cursor: default; position: relative;}
.payroll-app table.pa-cal td.first-half {box-shadow: inset 0 -4px 0 #54aeff;}
.payroll-app table.pa-cal td.kind-holiday {color: #a40e26; font-weight: 600;}
.payroll-app table.pa-cal td.kind-shortened::after {content: "*"; color: #9a6700; position: absolute; top: 0;
  right: 3px;}
.payroll-app .pa-legend span.sw {display: inline-block; width: 14px; height: 12px; border: 1px solid #d0d7de;
  border-radius: 3px; vertical-align: middle; margin: 0 3px 0 8px;}
.payroll-app .pa-legend {font-size: 12px; color: #57606a;}
</style>
"""


def _month_start(month: int, year: int, lang: str) -> str:
    """'1 декабря 2025' / '1 December 2025' (babel): the first day of the month, for "before …"."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "d MMMM y", locale=LOCALES[lang])


def first_half_end(year: int, month: int) -> int:
    """The last day of the month's first half (the 15th, from the rule files)."""
    return int(calc.rulebook().value("labour.advance_first_half_end", date(year, month, 1)))


def first_half_days(year: int, month: int) -> int:
    """Working days in the first half of the month by the production calendar."""
    end = first_half_end(year, month)
    return sum(d.working for d in calc.month_days(year, month) if d.date.day <= end)


def calendar_html(year: int, month: int, lang: str) -> str:
    """The month as a grid (Mon…Sun): kinds of days coloured, holiday names on hover, first half marked."""
    days = calc.month_days(year, month)
    end = first_half_end(year, month)
    names = Locale.parse(LOCALES[lang]).days["format"]["abbreviated"]
    head = "".join(f"<th>{esc(names[i])}</th>" for i in range(7))
    cells = ["<td></td>"] * days[0].date.weekday()
    for d in days:
        kind = tr(KIND_LABELS[d.kind], lang)
        title = f"{day(d.date, lang)} — {kind}" + (f": {tr(d.name, lang)}" if d.name else "")
        cls = f"kind-{d.kind}" + (" first-half" if d.date.day <= end else "")
        cells.append(
            f'<td class="{cls}" style="background:{KIND_COLORS[d.kind]}" title="{esc(title)}" '
            f'data-day="{d.date.isoformat()}" data-kind="{d.kind}">{d.date.day}</td>'
        )
    cells += ["<td></td>"] * (-len(cells) % 7)
    rows = "".join(f"<tr>{''.join(cells[i:i + 7])}</tr>" for i in range(0, len(cells), 7))
    caption = esc(tr(TXT["calendar"], lang).format(month=month_name(month, lang, year)))
    legend = "".join(
        f'<span class="sw" style="background:{KIND_COLORS[k]}"></span>{esc(tr(label, lang))}'
        for k, label in KIND_LABELS.items()
    )
    legend += (f'<span class="sw" style="box-shadow: inset 0 -4px 0 #54aeff"></span>'
               f"{esc(tr(TXT['first_half'], lang))}")
    return (
        f"<div><b>{caption}</b></div><table class=\"pa-cal\"><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table><div class=\"pa-legend\">{legend}</div>"
    )


class AdvanceApp(App):
    """The advance (first half of the month) calculator."""

    name = "advance"
    title = _("The advance and pay days")
    intro = _(
        "Enter the salary, the month and the days worked — see the advance, the НДФЛ withheld and the final "
        "payment, and the month's calendar.",
    )
    error_fields: ClassVar[dict[str, str]] = {"month_gross": "salary", "days_in_month": "days"}

    example = Example(
        {"salary": "75000", "year": "2018", "month": "10"},
        _("the article “How to calculate average pay. An example of holiday pay” (the course's source text): "
          "the advance for October 2018, salary 75,000 ₽"),
    )

    def build(self) -> None:
        today = calc.rulebook().default_date()  # the neutral case: this month, a plausible current salary
        full = first_half_days(today.year, today.month)
        self.w_salary = W.Text(value="60000", continuous_update=False)
        self.w_year = W.Dropdown(options=covered_years(), value=today.year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=today.month)
        self.w_days = W.IntSlider(value=full, min=0, max=full, continuous_update=False)
        self.w_method = W.ToggleButtons(options=[("", "days"), ("", "percent")], value="days")
        self.w_percent = W.Text(value="40", continuous_update=False)
        self.w_basis = W.Dropdown(options=[("", "auto"), ("", "gross"), ("", "net")], value="auto")
        self.w_withhold = W.Dropdown(options=[("", "law"), ("", "yes"), ("", "no")], value="law")
        self.w_allowances = W.Text(value="0", continuous_update=False)
        self.w_district = W.Text(value="1", continuous_update=False)
        self.w_northern = W.Text(value="0", continuous_update=False)
        self.w_advance_on = W.Dropdown(options=[("", "allowances"), ("", "salary")], value="allowances")
        self.add_field("salary", self.w_salary, TXT["salary"])
        self.add_field("year", self.w_year, TXT["year"], watch=False)
        self.add_field("month", self.w_month, TXT["month"], watch=False)
        self.add_field("days_worked", self.w_days, TXT["days"], TXT["days_hint"])
        self.add_field("method", self.w_method, TXT["method"])
        self.add_field("percent", self.w_percent, TXT["percent"])
        self.add_field("basis", self.w_basis, TXT["basis"], TXT["basis_hint"])
        self.add_field("withhold", self.w_withhold, TXT["withhold"], TXT["withhold_hint"])
        self.add_field("allowances", self.w_allowances, TXT["allowances"], TXT["allowances_hint"])
        self.add_field("district_coef", self.w_district, TXT["district"])
        self.add_field("northern_percent", self.w_northern, TXT["northern"])
        self.add_field("advance_on", self.w_advance_on, TXT["advance_on"])
        self.w_year.observe(self._on_month, names="value")
        self.w_month.observe(self._on_month, names="value")
        self.note = W.HTML()
        self.note.add_class("pa-note")
        self.calendar = W.HTML()
        self.calendar.add_class("pa-calendar")
        self._on_method()

    def inputs(self) -> list[W.Widget]:
        keys = ("salary", "year", "month", "days_worked", "method", "percent", "basis", "withhold", "allowances",
                "district_coef", "northern_percent", "advance_on")
        return [self.fields[k].box for k in keys]

    def outputs(self) -> list[W.Widget]:
        return [W.HTML(CAL_CSS), self.general_error, self.cards, self.note, self.calendar]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_month, month_options(lang))
        self.set_options(self.w_method, [(tr(TXT["by_days"], lang), "days"), (tr(TXT["by_percent"], lang), "percent")])
        self.set_options(self.w_basis, [(tr(TXT[f"basis_{k}"], lang), k) for k in ("auto", "gross", "net")])
        self.set_options(self.w_withhold, [(tr(TXT[f"withhold_{k}"], lang), k) for k in ("law", "yes", "no")])
        self.set_options(self.w_advance_on, [(tr(TXT[f"advance_on_{k}"], lang), k) for k in ("allowances", "salary")])

    def _on_method(self, _change: Any = None) -> None:
        self.fields["percent"].show(self.w_method.value == "percent")

    @safe
    def _on_month(self, _change: Any) -> None:
        self.sync_days()
        self.refresh()

    def sync_days(self) -> None:
        """Set the days slider's range to the month's first half; a full half stays full."""
        try:
            full = first_half_days(self.w_year.value, self.w_month.value)
        except calc.CalcError:
            return
        with self.hold():
            fit_slider(self.w_days, full)

    # ------------------------------------------------------------ compute and render

    def compute(self) -> calc.AdvanceResult:
        percent = None
        if self.w_method.value == "percent":
            percent = parse_percent(self.w_percent.value, "percent", _("the advance percentage"),
                                    lang=self.lang)
        withhold = {"law": None, "yes": True, "no": False}[self.w_withhold.value]
        basis = None if self.w_basis.value == "auto" else self.w_basis.value
        kw = {
            "method": self.w_method.value,
            "basis": basis,
            "percent": percent,
            "days_worked": self.w_days.value,
            "withhold_ndfl": withhold,
            "allowances": self.number(self.w_allowances, "allowances") or "0",
            "district_coef": self.number(self.w_district, "district_coef") or "1",
            "northern_percent": parse_percent(self.w_northern.value, "northern_percent", _("the northern allowance")),
            "salary_only": self.w_advance_on.value == "salary",
        }
        salary = self.number(self.w_salary, "salary")
        month = calc.advance(salary, self.w_year.value, self.w_month.value, **kw)
        prior, prior_north = self.prior_income(month)
        return calc.advance(salary, self.w_year.value, self.w_month.value, **kw,
                            prior_income=prior, prior_northern=prior_north)

    def prior_income(self, month: calc.AdvanceResult) -> tuple[Decimal, Decimal]:
        """Income earlier this year and its district/northern part: the same pay every month from January (as
        the payslip and cost apps assume), so the month's НДФЛ follows the bands crossed since January."""
        n = self.w_month.value - 1
        return month.month_gross * n, month.month_northern * n

    def _cumulative_note(self, r: calc.AdvanceResult, lang: str) -> str:
        if r.month == 1:
            return tr(TXT["cumulative_jan"], lang)
        month = _month_start(r.month, r.year, lang)
        prior = r.month_gross * (r.month - 1)  # from the result shown, not from fields being edited
        return tr(TXT["cumulative"], lang).format(month=month, prior=money(prior, lang))

    def explain_source(self, result: calc.AdvanceResult, lang: str) -> str:
        return f"<p>{esc(self._cumulative_note(result, lang))}</p>" + result.explain_html(lang)

    def render(self, r: calc.AdvanceResult) -> None:
        lang = self.lang
        self.figures = {}
        self.show_figures([
            Figure("advance", TXT["advance"], r.paid, main=True),
            Figure("final_payment", TXT["final"], r.final_payment, main=True),
            Figure("advance_gross", TXT["advance_gross"], r.gross),
            Figure("advance_ndfl", TXT["advance_ndfl"], r.ndfl),
            Figure("month_ndfl", TXT["month_ndfl"], r.month_ndfl),
            Figure("month_net", TXT["month_net"], r.month_net),
            Figure("norm_days", TXT["norm"], r.norm_days, "days",
                   note=f"{tr(TXT['half'], lang)}: {r.first_half_days}"),
        ])
        note = TXT["note_gross_kept"] if r.withheld else TXT["note_gross_not"]
        if r.basis == "net":
            note = TXT["note_net"]
        self.note.value = (f'<div class="pa-ok">{esc(tr(note, lang))}</div>'
                           f'<div class="pa-cumulative"><small>{esc(self._cumulative_note(r, lang))}</small></div>'
                           f"<div><small>{esc(tr(TXT['pay_days'], lang))}</small></div>")
        self.calendar.value = calendar_html(r.year, r.month, lang)

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = covered_years()
        return [
            Param("salary", parse_decimal(0, 10**9), setter(self.w_salary), lambda: self.w_salary.value.strip()),
            Param("year", parse_int(years[0], years[-1]), self._set_month("w_year"), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), self._set_month("w_month"), lambda: self.w_month.value),
            Param("days", parse_int(0, 31), slider_setter(self.w_days), lambda: self.w_days.value),
            Param("method", parse_choice(["days", "percent"]), setter(self.w_method), lambda: self.w_method.value),
            Param("percent", parse_decimal(0, 100), setter(self.w_percent), self._percent_param),
            Param("basis", parse_choice(["auto", "gross", "net"]), setter(self.w_basis), lambda: self.w_basis.value),
            Param("withhold", parse_choice(["law", "yes", "no"]), setter(self.w_withhold),
                  lambda: self.w_withhold.value),
            Param("allowances", parse_decimal(0, 10**9), setter(self.w_allowances),
                  self._text_param("w_allowances", "0")),
            Param("district", parse_decimal(1, 3), setter(self.w_district), self._text_param("w_district", "1")),
            Param("northern", parse_decimal(0, 100), setter(self.w_northern), self._text_param("w_northern", "0")),
            Param("advance_on", parse_choice(["allowances", "salary"]), setter(self.w_advance_on),
                  lambda: None if self.w_advance_on.value == "allowances" else self.w_advance_on.value),
        ]

    def _text_param(self, attr: str, default: str) -> Any:
        """A text field's value for the share link, left out while it is the default."""
        def get() -> str | None:
            v = getattr(self, attr).value.strip()
            return None if v in ("", default) else v

        return get

    def _set_month(self, attr: str) -> Any:
        def apply(value: int) -> None:
            getattr(self, attr).value = value
            self.sync_days()

        return apply

    def _percent_param(self) -> str | None:
        return self.w_percent.value.strip() if self.w_method.value == "percent" else None

    @safe
    def _on_change(self, change: Any) -> None:
        if change.get("owner") is self.w_method:
            self._on_method()
        super()._on_change(change)


def build(lang: str = "ru", params: dict[str, str] | None = None) -> AdvanceApp:
    """Build the app (for tests and for notebooks)."""
    return AdvanceApp(lang, params)


def main() -> AdvanceApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(AdvanceApp)
