"""Payslip and the year app: a month's full pay (salary for days worked, long-service allowance, night hours,
overtime, allowances, bonus, district coefficient, northern allowance) → the payslip lines, НДФЛ, the
advance, the final payment and the employer's cost; and the 12 months of the year with the month a tax
band or a contribution cap is crossed. The page opens on a neutral case of this month (a salary, every
working day, no bonus or allowance); the source article's example (May 2017, 45,000 ₽, 10 of 20 working
days → 22,500 ₽) is one click away."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _, pgettext
from calc.core.text import Text, month_name, percent, tr
from payroll_ui.apps.paylines import ERROR_FIELDS, PayInputs, lines_html
from payroll_ui.kit import (
    App,
    Chart,
    Example,
    Figure,
    Param,
    covered_years,
    default_year,
    esc,
    fit_slider,
    money_formatter,
    money_html,
    month_options,
    nice_ceiling,
    options_for,
    parse_choice,
    parse_decimal,
    parse_int,
    run,
    safe,
    setter,
    slider_setter,
    table_html,
)

NO_SCALE = "none"

EXAMPLE = Example(
    {"salary": "45000", "year": "2017", "month": "5", "days": "10", "scale": NO_SCALE},
    _("the article “How to calculate average pay. An example of holiday pay” (the course's source text): salary "
      "45,000 ₽, May 2017, 10 of the 20 working days worked, no bonus — 22,500 ₽"),
)
"""The source article's example (V. V. Sergeev, May 2017), loaded by "Example from the article"."""

TXT: dict[str, Text] = {
    "salary": _("Monthly salary, ₽"),
    "year": _("Year"),
    "month": _("Month"),
    "days": _("Working days worked"),
    "days_hint": _("The maximum is every working day of the month by the production calendar."),
    "scale": _("Long-service allowance: scale"),
    "no_scale": _("no bonus"),
    "years": _("Service, full years"),
    "gross": _("Gross pay"),
    "ndfl": _("НДФЛ (income tax)"),
    "net": pgettext("payroll_ui.apps.payslip", "Net pay for the month"),
    "advance": _("Advance paid"),
    "final": _("Final payment"),
    "contributions": _("Employer contributions"),
    "total_cost": _("Cost to the employer"),
    "hourly": _("Hourly rate"),
    "payslip": _("Payslip: {month}"),
    "year_title": _("The year month by month (the same pay every month)"),
    "m": _("Month"),
    "rate": _("НДФЛ rate"),
    "gross_s": _("Gross"),
    "net_s": _("Net"),
    "contrib_s": _("Contrib."),
    "cost_s": _("Cost"),
    "no_events": _("With this pay the НДФЛ rate does not change this year and the contribution cap is not reached."),
    "year_total": _("Year total"),
    "chart_title": _("Each month: net pay, НДФЛ and employer contributions"),
    "y_axis": _("₽ a month"),
}


def _month_short(m: int, lang: str) -> str:
    return month_name(m, lang)[:3].capitalize()


class PayslipApp(App):
    """The payslip and year calculator."""

    name = "payslip"
    title = _("Payslip and the year")
    intro = _(
        "Fill in what happened in the month — see the payslip (accruals, НДФЛ, the advance, the final payment), "
        "the cost to the employer and all 12 months of the year.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        **ERROR_FIELDS, "seniority_years": "years", "scale": "scale", "hours_worked": "days_worked",
        "prior_months": "salary",
    }

    example = EXAMPLE

    def build(self) -> None:
        year = default_year()
        month = calc.rulebook().default_date().month
        self.w_salary = W.Text(value="60000", continuous_update=False)
        self.w_year = W.Dropdown(options=covered_years(), value=year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=month)
        norm = calc.working_days(year, month)
        self.w_days = W.IntSlider(value=norm, min=0, max=norm, continuous_update=False)
        self.w_scale = W.Dropdown(options=self._scale_options(), value=NO_SCALE)
        self.w_years = W.IntSlider(value=0, min=0, max=50, continuous_update=False)
        self.add_field("salary", self.w_salary, TXT["salary"])
        self.add_field("year", self.w_year, TXT["year"], watch=False)
        self.add_field("month", self.w_month, TXT["month"], watch=False)
        self.add_field("days_worked", self.w_days, TXT["days"], TXT["days_hint"])
        self.add_field("scale", self.w_scale, TXT["scale"])
        self.add_field("years", self.w_years, TXT["years"])
        self.pay = PayInputs(self)
        self.w_year.observe(self._on_month, names="value")
        self.w_month.observe(self._on_month, names="value")
        self.lines = W.HTML()
        self.lines.add_class("pa-lines")
        self.year_table = W.HTML()
        self.year_table.add_class("pa-year")
        self.chart = Chart(6.6, 3.0, cls="chart-year")
        self._show_years()

    def _show_years(self) -> None:
        """The years of service matter only with a long-service scale."""
        self.fields["years"].show(self.w_scale.value != NO_SCALE)

    @safe
    def _on_change(self, change: Any) -> None:
        if change.get("owner") is self.w_scale:
            self._show_years()
        super()._on_change(change)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self._show_years()

    def _scale_options(self) -> list[tuple[str, str]]:
        pairs = [(TXT["no_scale"], NO_SCALE)] + [(s.label, k) for k, s in calc.SCALES.items()]
        return options_for(pairs, self.lang)

    def inputs(self) -> list[W.Widget]:
        keys = ("salary", "year", "month", "days_worked", "scale", "years")
        return [self.fields[k].box for k in keys] + self.pay.boxes()

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.lines, self.year_table, self.chart.image]

    def relabel(self) -> None:
        self.set_options(self.w_month, month_options(self.lang))
        self.set_options(self.w_scale, self._scale_options())
        self.pay.relabel(self.lang)

    @safe
    def _on_month(self, _change: Any) -> None:
        try:
            norm = calc.working_days(self.w_year.value, self.w_month.value)
        except calc.CalcError:
            norm = self.w_days.max
        with self.hold():
            fit_slider(self.w_days, norm)
        self.refresh()

    # ------------------------------------------------------------ compute and render

    def compute(self) -> tuple[calc.Payslip, calc.YearResult]:
        scale = None if self.w_scale.value == NO_SCALE else self.w_scale.value
        p = calc.payslip(
            self.number(self.w_salary, "salary"),
            self.w_year.value,
            self.w_month.value,
            days_worked=self.w_days.value,
            seniority_years=self.w_years.value if scale else None,
            scale=scale,
            **self.pay.kwargs(),
        )
        year = calc.year_payroll(p.gross, p.year, northern=p.cost.northern)
        return p, year

    def explain_source(self, result: Any, lang: str) -> str:
        return result[0].explain_html(lang)

    def rules(self, result: Any) -> list[Any]:
        return list(result[0].rules_used())

    def render(self, result: tuple[calc.Payslip, calc.YearResult]) -> None:
        p, year = result
        lang = self.lang
        self.figures = {}
        self.show_figures([
            Figure("gross", TXT["gross"], p.gross),
            Figure("ndfl", TXT["ndfl"], p.ndfl),
            Figure("net", TXT["net"], p.net, main=True),
            Figure("advance", TXT["advance"], p.advance.paid),
            Figure("final_payment", TXT["final"], p.final_payment, main=True),
            Figure("contributions", TXT["contributions"], p.contributions),
            Figure("total_cost", TXT["total_cost"], p.total_cost),
            Figure("hourly_rate", TXT["hourly"], p.hourly_rate, "rub_per_hour"),
        ])
        extra = [
            ("line-ndfl", TXT["ndfl"], p.ndfl),
            ("line-net", TXT["net"], p.net),
            ("line-advance", TXT["advance"], p.advance.paid),
            ("line-final", TXT["final"], p.final_payment),
        ]
        title = tr(TXT["payslip"], lang).format(month=month_name(p.month, lang, p.year))
        self.lines.value = f"<b>{esc(title)}</b>" + lines_html(p.lines, lang, extra, total=p.gross)
        self.year_table.value = self._year_html(year, p.month)

    def _year_html(self, year: calc.YearResult, current: int) -> str:
        """12 rows (the current month in bold, months with an event marked ▲) and the events listed below."""
        lang = self.lang
        months = year.months()
        rows, classes, events = [], [], []
        for mc in months:
            name = esc(month_name(mc.month, lang).capitalize())
            mark = ""
            if mc.events:
                text = "; ".join(tr(e, lang) for e in mc.events)
                mark = f' <span class="pa-verify" title="{esc(text)}">▲</span>'
                events.append(f"<li><b>{name}</b>: {esc(text)}</li>")
            rows.append([
                (f"<b>{name}</b>" if mc.month == current else name) + mark,
                money_html(f"year-{mc.month}-gross", mc.gross, lang),
                money_html(f"year-{mc.month}-ndfl", mc.ndfl, lang),
                money_html(f"year-{mc.month}-net", mc.net, lang),
                money_html(f"year-{mc.month}-contributions", mc.contributions, lang),
                money_html(f"year-{mc.month}-total_cost", mc.total_cost, lang),
                esc(percent(mc.ndfl_rate, lang)),
            ])
            classes.append("event" if mc.events else "")
        tot = year.totals()
        keys = ("gross", "ndfl", "net", "contributions", "total_cost")
        rows.append([esc(tr(TXT["year_total"], lang))] + [money_html(f"year-total-{k}", tot[k], lang) for k in keys]
                    + [""])
        classes.append("total")
        head = [esc(tr(TXT[k], lang)) for k in ("m", "gross_s", "ndfl", "net_s", "contrib_s", "cost_s", "rate")]
        table = table_html(head, rows, num_cols=(1, 2, 3, 4, 5, 6), row_classes=classes, small=True)
        after = (f"<ul class=\"pa-events\">{''.join(events)}</ul>" if events
                 else f"<div><small>{esc(tr(TXT['no_events'], lang))}</small></div>")
        return f"<b>{esc(tr(TXT['year_title'], lang))}</b>{table}{after}"

    def render_chart(self, result: tuple[calc.Payslip, calc.YearResult]) -> None:
        """Axes static (a round limit), the 12 stacked bars and the ▲ marks dynamic."""
        p, year = result
        months = year.months()
        top = nice_ceiling(max(float(m.net + m.ndfl + m.contributions) for m in months) * 1.3)
        self.chart.draw((self.lang, top), lambda fig: self._axes(fig, top),
                        lambda fig: self._bars(fig, months, p.month))

    def _axes(self, fig: Any, top: float) -> None:
        from matplotlib.patches import Patch  # here, not at the top: the module loads without matplotlib

        lang = self.lang
        fig.subplots_adjust(left=0.17, right=0.98, top=0.88, bottom=0.12)
        ax = fig.add_subplot(111)
        ax.set_xlim(0.4, 12.6)
        ax.set_ylim(0, top)
        ax.set_autoscale_on(False)
        ax.set_xticks(range(1, 13), [_month_short(m, lang) for m in range(1, 13)], fontsize=8)
        ax.yaxis.set_major_formatter(money_formatter(lang))
        ax.set_ylabel(tr(TXT["y_axis"], lang))
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(tr(TXT["chart_title"], lang), fontsize=10, loc="left")
        colors = (("#2da44e", "net"), ("#cf222e", "ndfl"), ("#fb8f44", "contributions"))
        handles = [Patch(color=c, label=tr(TXT[k], lang)) for c, k in colors]
        ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncol=3)

    def _bars(self, fig: Any, months: list[calc.MonthCost], current: int) -> list[Any]:
        ax = fig.axes[0]
        xs = [m.month for m in months]
        net = [float(m.net) for m in months]
        tax = [float(m.ndfl) for m in months]
        con = [float(m.contributions) for m in months]
        artists: list[Any] = [ax.axvspan(current - 0.5, current + 0.5, color="#0969da", alpha=0.12)]
        for values, bottom, color in ((net, None, "#2da44e"), (tax, net, "#cf222e"),
                                      (con, [a + b for a, b in zip(net, tax, strict=True)], "#fb8f44")):
            bars = ax.bar(xs, values, bottom=bottom, color=color)
            ax.containers.remove(bars)
            artists += list(bars)
        high = max(a + b + c for a, b, c in zip(net, tax, con, strict=True))
        for m in months:
            if m.events:
                artists.append(ax.annotate("▲", (m.month, high * 1.02), ha="center", color="#9a6700", fontsize=10))
        return artists

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = covered_years()
        return [
            Param("salary", parse_decimal(0, 10**9), setter(self.w_salary), lambda: self.w_salary.value.strip()),
            Param("year", parse_int(years[0], years[-1]), self._set_month(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), self._set_month(self.w_month), lambda: self.w_month.value),
            Param("days", parse_int(0, 31), slider_setter(self.w_days), lambda: self.w_days.value),
            Param("scale", parse_choice([NO_SCALE, *calc.SCALES]), setter(self.w_scale), lambda: self.w_scale.value),
            Param("years", parse_int(0, 50), setter(self.w_years), lambda: self.w_years.value),
            *self.pay.params(),
        ]

    def _set_month(self, widget: W.Widget) -> Any:
        def apply(value: int) -> None:
            setter(widget)(value)
            self._on_month(None)

        return apply


    def apply_params(self, params: Any) -> None:
        super().apply_params(params)
        self._show_years()
        self.pay.open_if_set()


def build(lang: str = "ru", params: dict[str, str] | None = None) -> PayslipApp:
    """Build the app (for tests and for notebooks)."""
    return PayslipApp(lang, params)


def main() -> PayslipApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(PayslipApp)


__all__ = ["PayslipApp", "build", "main"]
