"""The bargaining app's second part: the union's demand and the employer's offer side by side, over the
agreement's term (1–3 years), against inflation — with a one-page summary for the negotiating table.

The figures come from :func:`calc.workforce.demands.cost_term` and :mod:`calc.workforce.inflation`;
the forms read numbers the way the page's language writes them (``payroll_ui.kit.read_number``).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import ipywidgets as W
import numpy as np
import pandas as pd

import calc
from calc.core.i18n import _, pgettext
from calc.core.text import Text, day, money, num, tr
from calc.workforce import rub
from calc.workforce.demands import (
    BASELINE,
    Bonus,
    ExtraLeave,
    Floor,
    Group,
    NightPremium,
    Package,
    Raise,
    TermCost,
    cost_term,
    last_data_year,
    term_assumptions,
    term_mrot,
)
from calc.workforce.export import GENDER_WORDS, term_rows, term_xlsx
from calc.workforce.inflation import flags, inflation, real_pay, rule_of_thumb, scenario_name
from calc.workforce.input import column_of, scale_ids
from payroll_ui.kit import Chart, esc, figure_span, number_or_blank, table_html

if TYPE_CHECKING:
    from payroll_ui.apps.bargaining import BargainingApp

SIDES = ("demand", "offer")
EVERYONE = "all"
TERM_CHOICES = (1, 2, 3)
MAX_WORKBOOK_ROWS = 20_000
"""The most rows (employees × years of the term) of the per-person workbook the page prepares: the largest
upload (payroll_ui.apps.bargaining.MAX_ROWS) over one year. Measured (20,000 rows, three scenarios): about
4 s to write and 2.5 MB (3.3 MB in the page's download link); 60,000 rows (20,000 people, three years) took
14–18 s and 7.4 MB (9.9 MB in the link, at the ~10 MB a websocket message may carry). Above it the page
offers the totals only; the command line (``python -m calc.workforce.dask … --workbook``) writes it all."""
DEFAULTS: dict[str, dict[str, str]] = {
    "demand": {"raise": "10", "flat": "3000"},
    "offer": {"raise": "4", "flat": ""},
}

TXT: dict[str, Text] = {
    "section": _("The agreement over its term: the union's demand and the employer's offer"),
    "section_hint": _(
        "Each side is a package of demands. Leave a box empty if that side does not ask for it. Figures are "
        "for the whole workforce above, month by month, with the taxes and contributions of each year."
    ),
    "term": _("Term of the agreement"),
    "term_hint": _(
        "Calendar years from the year chosen above. Years after the law data are computed with the "
        "assumptions listed next to the result."
    ),
    "forecast": _("Inflation forecast for {year}, %"),
    "forecast_hint": _(
        "Used only for a year whose prices Rosstat has not published yet. Default: the Bank of Russia's forecast."
    ),
    "mrot": _("МРОТ of {year}, ₽ a month"),
    "mrot_hint": _(
        "The law data end in {last}: the МРОТ of later years is not known yet. Leave the box empty to use the "
        "estimate (the МРОТ of the year before raised by the Bank of Russia's inflation forecast), or give the "
        "amount you expect."
    ),
    "mrot_estimate": _("estimate: {amount}"),
    "productivity": _("Productivity growth, % a year"),
    "productivity_hint": _("For the rule of thumb of union guides: a fair raise = inflation + productivity growth."),
    "demand": _("The union's demand"),
    "offer": _("The employer's offer"),
    "raise": _("Pay rise, %"),
    "flat": _("…but at least, ₽ a month"),
    "start": pgettext("payroll_ui.apps.bargaining_term", "From"),
    "yearly": _("Again every year of the term"),
    "floor": _("No salary below, ₽"),
    "floor_mrot": _("…or below this many МРОТ"),
    "bonus": _("Bonus each December, % of the salary"),
    "leave": _("Extra paid leave, days a year"),
    "night": _("Night work premium, % of the hourly rate"),
    "group": _("Covers"),
    "dept": _("Department"),
    "gender": _("Gender"),
    "everyone": _("Everyone"),
    "by_year": _("Cost by year (with contributions and accident insurance) and what workers get after НДФЛ"),
    "year": _("Year"),
    "cost": _("Employer's cost"),
    "cost_change": _("Extra cost"),
    "net_change": _("Extra net pay"),
    "ndfl_change": _("Extra НДФЛ"),
    "contrib_change": _("Extra contributions"),
    "total": _("Whole term"),
    "by_band": _("Gains over the term by pay band (fifths of the workforce by salary)"),
    "band": _("Pay band"),
    "people": _("People"),
    "per_person": _("Net gain per person"),
    "by_dept": _("Gains over the term by department"),
    "by_gender": _("Gains over the term by gender"),
    "gains": _("Who gains most and least (net pay over the term)"),
    "most": _("Most"),
    "least": _("Least"),
    "real": _("Real pay (100 = buying power before the agreement)"),
    "prices": _("Prices since December before the term"),
    "median": _("Median worker"),
    "cpi_note": _("Prices: {sources}."),
    "real_brief": _("The median worker; in brackets, the range over the five pay bands. * a figure still to verify."),
    "thumb": _("Rule of thumb: inflation {infl} + productivity {prod} = a raise of {sum} for {year}."),
    "chart_title": _("Real pay of the median worker (100 = before the agreement)"),
    "flags": _("Warnings"),
    "assumptions": _("Assumed for the years after the law data"),
    "no_flags": _("No one below the МРОТ; real pay does not fall."),
    "summary": _("Prepare the one-page summary (A4)"),
    "summary_link": _("Download the summary (open it and print on A4)"),
    "summary_title": _("Collective bargaining: demand and offer"),
    "workforce": _("Workforce: {n} people; term {first}–{last}."),
    "none": _("nothing"),
    "d_raise": _("pay rise {pct}"),
    "d_flat": _("at least {amount} a month"),
    "d_from": _("from {day}"),
    "d_yearly": _("every year"),
    "d_floor": _("no salary below {amount}"),
    "d_floor_mrot": _("no salary below {k} МРОТ"),
    "d_bonus": _("bonus in December: {pct} of the salary"),
    "d_leave": _("extra leave: {days} days"),
    "d_night": _("night premium {pct}"),
    "d_group": _("for: {group}"),
    "workbook": _("Prepare the figures of every employee (XLSX)"),
    "workbook_link": _("Download the figures of every employee by year (XLSX, {size})"),
    "kb": _("KB"),
    "workbook_totals": _("Prepare the totals by year (XLSX)"),
    "workbook_totals_link": _("Download the totals by year (XLSX, {size})"),
    "workbook_too_big": _(
        "The figures of every employee are not prepared on the page for so large a calculation: {rows} rows "
        "(employees × years of the term), and the page prepares at most {limit}. The one-page summary and the "
        "totals by year are here. The full workbook of every employee is made by the calculator's command-line "
        "version, which has no such limit: ask the person who runs the calculator for your organisation."
    ),
    "g_department": _("Department: {name}"),
    "g_occupation": _("Occupation: {name}"),
    "g_scale": _("Scale: {name}"),
}


@dataclass
class TermResult:
    """The term's computation as the page shows it."""

    res: TermCost
    by_year: pd.DataFrame
    real: pd.DataFrame
    flags: list[Text]
    forecasts: dict[int, Any]
    packages: dict[str, Package]
    thumb: Text | None


def _pct(d: Decimal, lang: str) -> str:
    return num(d, lang, "#,##0.##") + ("\u00a0%")


def group_label(column: str, value: str, lang: str) -> str:
    """A group as the page shows it: «Department: Shop 1», «Scale: <the scale's name>»."""
    name = tr(calc.SCALES[value].label, lang) if column == "scale" and value in calc.SCALES else value
    return tr(TXT[f"g_{column}"], lang).format(name=name)


def _split(value: str) -> tuple[str, tuple[str, ...]]:
    column, _sep, name = value.partition(":")
    return column, (name,)


class SideForm:
    """One side's package: the union's demand or the employer's offer (fields ``<side>_<what>``)."""

    def __init__(self, app: BargainingApp, side: str) -> None:
        self.app, self.side = app, side
        d = DEFAULTS[side]
        self.w: dict[str, W.Widget] = {}
        for key in ("raise", "flat", "floor", "floor_mrot", "bonus", "leave", "night"):
            self.w[key] = W.Text(value=d.get(key, ""), continuous_update=False, layout=W.Layout(width="120px"))
        self.w["start"] = W.Dropdown(options=[("", "")], value="", layout=W.Layout(width="160px"))
        self.w["yearly"] = W.Checkbox(value=True, indent=False)
        self.w["group"] = W.Dropdown(options=[("", EVERYONE)], value=EVERYONE, layout=W.Layout(width="220px"))
        self.boxes = [
            app.add_field(f"{side}_{key}", self.w[key], TXT[key]).box
            for key in ("raise", "flat", "start", "yearly", "floor", "floor_mrot", "bonus", "leave", "night", "group")
        ]
        self.title = W.HTML()
        self.box = W.VBox([self.title, *self.boxes], layout=W.Layout(width="50%"))
        self.box.add_class(f"pa-side-{side}")

    def relabel(self, lang: str, years: list[int], groups: list[tuple[str, str]]) -> None:
        self.title.value = f"<b>{esc(tr(TXT[self.side], lang))}</b>"
        starts = [(day(date(y, m, 1), lang), date(y, m, 1).isoformat()) for y in years for m in range(1, 13)]
        self.app.set_options(self.w["start"], starts)
        if self.w["start"].value not in [v for _, v in starts]:
            with self.app.hold():
                self.w["start"].value = starts[0][1]
        opts = [(tr(TXT["everyone"], lang), EVERYONE)] + [(group_label(c, v, lang), f"{c}:{v}") for c, v in groups]
        self.app.set_options(self.w["group"], opts)
        if self.w["group"].value not in [v for _, v in opts]:
            with self.app.hold():
                self.w["group"].value = EVERYONE

    def _num(self, key: str) -> Decimal | None:
        v = number_or_blank(self.w[key].value, self.app.lang, f"{self.side}_{key}")
        return None if v == "" else Decimal(v)

    def package(self) -> Package:
        """The side's demands (None of a box left empty); a bad number names its box."""
        start = date.fromisoformat(self.w["start"].value) if self.w["start"].value else None
        g = self.w["group"].value
        group = Group(*_split(g)) if g and g != EVERYONE else None
        n = {k: self._num(k) for k in ("raise", "flat", "floor", "floor_mrot", "bonus", "leave", "night")}
        out: list[Any] = []
        if n["raise"] is not None or n["flat"] is not None:
            out.append(Raise(n["raise"], n["flat"], start, bool(self.w["yearly"].value), group))
        if n["floor"] is not None:
            out.append(Floor(amount=n["floor"], start=start, group=group))
        if n["floor_mrot"] is not None:
            out.append(Floor(mrot_multiple=n["floor_mrot"], start=start, group=group))
        if n["bonus"] is not None:
            out.append(Bonus(percent=n["bonus"], start=date((start or date(2026, 1, 1)).year, 12, 1), group=group))
        if n["leave"] is not None:
            out.append(ExtraLeave(n["leave"], start=start, group=group))
        if n["night"] is not None:
            out.append(NightPremium(n["night"], start=start, group=group))
        return Package(self.side, tuple(out))

    def describe(self, pkg: Package, lang: str) -> str:
        """The package in plain words (for the summary)."""
        parts = []
        for d in pkg.demands:
            if isinstance(d, Raise):
                s = (
                    [tr(TXT["d_raise"], lang).format(pct=_pct(Decimal(d.percent), lang))]
                    if d.percent is not None
                    else []
                )
                if d.flat is not None:
                    s.append(tr(TXT["d_flat"], lang).format(amount=money(Decimal(d.flat), lang)))
                s.append(tr(TXT["d_from"], lang).format(day=day(d.start, lang)) if d.start else "")
                if d.yearly:
                    s.append(tr(TXT["d_yearly"], lang))
                parts.append(", ".join(x for x in s if x))
            elif isinstance(d, Floor) and d.amount is not None:
                parts.append(tr(TXT["d_floor"], lang).format(amount=money(Decimal(d.amount), lang)))
            elif isinstance(d, Floor):
                parts.append(tr(TXT["d_floor_mrot"], lang).format(k=num(Decimal(d.mrot_multiple), lang)))
            elif isinstance(d, Bonus):
                parts.append(tr(TXT["d_bonus"], lang).format(pct=_pct(Decimal(d.percent), lang)))
            elif isinstance(d, ExtraLeave):
                parts.append(tr(TXT["d_leave"], lang).format(days=num(Decimal(d.days), lang)))
            elif isinstance(d, NightPremium):
                parts.append(tr(TXT["d_night"], lang).format(pct=_pct(Decimal(d.percent), lang)))
            if d.group is not None:
                shown = ", ".join(group_label(d.group.column, v, lang) for v in d.group.values)
                parts[-1] += " (" + tr(TXT["d_group"], lang).format(group=shown) + ")"
        return "; ".join(parts) or tr(TXT["none"], lang)


class TermPanel:
    """The term section: the two forms, the term and inflation inputs, the results and the summary link."""

    def __init__(self, app: BargainingApp) -> None:
        self.app = app
        self.w_term = W.Dropdown(options=[(str(k), k) for k in TERM_CHOICES], value=1, layout=W.Layout(width="90px"))
        self.w_forecast = W.Text(value="", continuous_update=False, layout=W.Layout(width="120px"))
        self.w_productivity = W.Text(value="", continuous_update=False, layout=W.Layout(width="120px"))
        self.w_term.observe(lambda _c: self.sync(), names="value")  # before the field's recompute
        app.w_year.observe(lambda _c: self.sync(), names="value")
        self.f_term = app.add_field("term", self.w_term, TXT["term"], TXT["term_hint"])
        self.f_forecast = app.add_field("forecast", self.w_forecast, TXT["forecast"], TXT["forecast_hint"])
        self.f_prod = app.add_field("productivity", self.w_productivity, TXT["productivity"], TXT["productivity_hint"])
        # the МРОТ of each year of the term after the law data (at most two: the page's years end with the data)
        self.w_mrot = [W.Text(value="", continuous_update=False, layout=W.Layout(width="140px")) for _k in range(2)]
        self.f_mrot = [
            app.add_field(f"mrot_{k + 1}", w, TXT["mrot"], TXT["mrot_hint"]) for k, w in enumerate(self.w_mrot)
        ]
        self.forms = {s: SideForm(app, s) for s in SIDES}
        self.head = W.HTML()
        self.results = W.HTML()
        self.results.add_class("pa-term")
        self.chart = Chart(6.6, 3.0, cls="chart-real")
        self.w_summary = W.Button(layout=W.Layout(width="auto"), icon="print")
        self.w_summary.add_class("in-summary")
        self.w_summary.on_click(self._summary)
        self.summary = W.HTML()
        self.summary.add_class("pa-summary")
        self.w_workbook = W.Button(layout=W.Layout(width="auto"), icon="file-excel-o")
        self.w_workbook.add_class("in-term-workbook")
        self.w_workbook.on_click(self._workbook)
        self.workbook = W.HTML()
        self.workbook.add_class("pa-term-workbook")
        self.workbook_note = W.HTML()
        self.workbook_note.add_class("pa-term-workbook-note")
        top = W.HBox([self.f_term.box, *(f.box for f in self.f_mrot), self.f_forecast.box, self.f_prod.box])
        sides = W.HBox([self.forms[s].box for s in SIDES])
        self.box = W.VBox(
            [
                self.head,
                top,
                sides,
                self.results,
                self.chart.image,
                W.HBox([self.w_summary, self.summary, self.w_workbook, self.workbook]),
                self.workbook_note,
            ]
        )
        self.box.add_class("pa-term-section")

    # ------------------------------------------------------------ inputs

    def years(self) -> list[int]:
        first = int(self.app.w_year.value)
        return [first + k for k in range(int(self.w_term.value))]

    def last_forecast_year(self) -> int:
        return self.years()[-1]

    def later_years(self) -> list[int]:
        """The years of the term after the law data (their МРОТ boxes are shown)."""
        last = last_data_year()
        return [y for y in self.years() if y > last]

    def sync(self) -> None:
        """The forms' choices for the term's months and the file's departments (no recompute)."""
        with self.app.hold():
            for f in self.forms.values():
                f.relabel(self.app.lang, self.years(), self.groups())
        self._forecast_label()
        self._mrot_labels()

    def _mrot_labels(self) -> None:
        """A МРОТ box for each year after the law data, named by its year, the estimate as its placeholder."""
        lang, later = self.app.lang, self.later_years()
        try:
            estimate = term_mrot(self.years()[0], len(self.years()), mrot=self.mrot(strict=False))
        except calc.InputError:
            estimate = term_mrot(self.years()[0], len(self.years()))
        for k, f in enumerate(self.f_mrot):
            f.show(k < len(later))
            if k < len(later):
                f.label = tr(TXT["mrot"], lang).replace("{year}", str(later[k]))
                f.hint = tr(TXT["mrot_hint"], lang).replace("{last}", str(last_data_year()))
                amount = money(rub(estimate[later[k]]), lang)
                self.w_mrot[k].placeholder = tr(TXT["mrot_estimate"], lang).format(amount=amount)
                f.set_lang(lang)

    def mrot(self, strict: bool = True) -> dict[int, Decimal]:
        """The МРОТ typed for the years after the law data ({year: rubles}; an empty box: the estimate). A bad
        box is refused with its own message (``strict=False``: left out instead)."""
        lang, years, out = self.app.lang, self.years(), {}
        for k, y in enumerate(self.later_years()):
            try:
                v = number_or_blank(self.w_mrot[k].value, lang, f"mrot_{k + 1}")
                if v != "":
                    term_assumptions(years[0], len(years), mrot={y: v})  # the value checked as the engine does
                    out[y] = Decimal(v)
            except calc.InputError as e:
                if strict:
                    e.field = f"mrot_{k + 1}"
                    raise
        return out

    def _forecast_label(self) -> None:
        """The forecast box names the term's last year (the one whose prices may not be published)."""
        self.f_forecast.label = tr(TXT["forecast"], self.app.lang).replace("{year}", str(self.last_forecast_year()))
        self.f_forecast.set_lang(self.app.lang)

    def relabel(self) -> None:
        lang = self.app.lang
        self.head.value = (
            f"<h3>{esc(tr(TXT['section'], lang))}</h3><p><small>{esc(tr(TXT['section_hint'], lang))}</small></p>"
        )
        self._forecast_label()
        self._mrot_labels()
        for f in self.forms.values():
            f.relabel(lang, self.years(), self.groups())
        self.w_summary.description = tr(TXT["summary"], lang)
        self.w_workbook.description = tr(TXT["workbook"], lang)
        self.summary.value = self.workbook.value = ""

    def departments(self) -> list[str]:
        return [v for c, v in self.groups() if c == "department"]

    def groups(self) -> list[tuple[str, str]]:
        """The groups a demand can cover: the file's departments, occupations and known scales (column, value)."""
        t = self.app.table()
        if t is None:
            return []
        out: list[tuple[str, str]] = []
        for col in ("department", "occupation", "scale"):
            for h in t.columns:
                if column_of(h) == col:
                    vals = t[h].dropna().astype(str).str.strip()
                    vals = vals[vals != ""]
                    if col == "scale":
                        ids = pd.Series(scale_ids(vals)).dropna()
                        out += [(col, v) for v in sorted(set(ids)) if v in calc.SCALES]
                    else:
                        out += [(col, v) for v in sorted(vals.unique())]
                    break
        return out

    # ------------------------------------------------------------ compute

    def compute(self, table: pd.DataFrame, current: Any) -> TermResult:
        """Both packages over the term; a wrong box gets its own message, nothing is computed."""
        lang = self.app.lang
        years = self.years()
        packages: dict[str, Package] = {}
        for side, form in self.forms.items():
            packages[side] = form.package()
        mrot = self.mrot()
        try:
            res = cost_term(table, years[0], len(years), packages, current=current, strict=False, mrot=mrot)
        except calc.InputError as e:
            side = getattr(e, "package", None)
            if e.field in ("year", "years"):
                e.field = "term"
            elif side in SIDES:
                e.field = f"{side}_{_box(e.field)}"
            raise
        forecasts: dict[int, Any] = {}
        fc = number_or_blank(self.w_forecast.value, lang, "forecast")
        last = years[-1]
        if fc != "":
            forecasts[last] = fc
        try:
            real = real_pay(res, forecasts)
        except calc.InputError as e:
            e.field = "forecast"
            raise
        prod = number_or_blank(self.w_productivity.value, lang, "productivity")
        thumb = None
        if prod != "":
            infl = inflation(last, forecasts).growth * 100
            infl_d = Decimal(infl.numerator) / Decimal(infl.denominator)
            total = rule_of_thumb(infl_d, prod)
            thumb = _(
                "Rule of thumb: inflation {infl} + productivity {prod} = a raise of {sum} for {year}.",
                infl=lambda lg, v=infl_d: _pct(v.quantize(Decimal("0.01")), lg),
                prod=lambda lg, v=Decimal(prod): _pct(v, lg),
                sum=lambda lg, v=total: _pct(v, lg),
                year=last,
            )
        return TermResult(res, res.by_year(), real, flags(res, forecasts, real), forecasts, packages, thumb)

    # ------------------------------------------------------------ render

    def render(self, t: TermResult) -> None:
        lang = self.app.lang
        for s in SIDES:
            by = t.by_year[(t.by_year.scenario == s) & (t.by_year.year == "total")].iloc[0]
            self.app.figures[f"term_{s}_cost_change"] = rub(int(by["total_cost_change_kop"]))
            self.app.figures[f"term_{s}_net_change"] = rub(int(by["net_change_kop"]))
        self.results.value = results_html(t, lang)
        self.summary.value = self.workbook.value = ""
        full = self.per_person(t)
        self.w_workbook.description = tr(TXT["workbook" if full else "workbook_totals"], lang)
        self.workbook_note.value = (
            ""
            if full
            else "<p><small>"
            + esc(
                tr(TXT["workbook_too_big"], lang).format(
                    rows=num(Decimal(term_rows(t.res)), lang), limit=num(Decimal(MAX_WORKBOOK_ROWS), lang)
                )
            )
            + "</small></p>"
        )

    @staticmethod
    def per_person(t: TermResult) -> bool:
        """Does the page prepare every person's figures (at most :data:`MAX_WORKBOOK_ROWS` rows), or the totals only?"""
        return term_rows(t.res) <= MAX_WORKBOOK_ROWS

    def render_chart(self, t: TermResult) -> None:
        lang = self.app.lang
        key = (lang, tuple(map(tuple, t.real[["scenario", "year", "median"]].astype(str).to_numpy())))
        self.chart.draw(key, lambda fig: real_chart(fig, t, lang))

    def _summary(self, _b: Any = None) -> None:
        r = self.app.result
        if r is None or r.term is None:
            return
        page = summary_page(r.term, self.app.lang, self.forms)
        href = "data:text/html;charset=utf-8;base64," + base64.b64encode(page.encode()).decode()
        name = f"bargaining-summary-{r.term.res.years[0]}-{self.app.lang}.html"
        self.summary.value = (
            f'<a class="pa-summary-link" download="{esc(name)}" href="{href}">'
            f"{esc(tr(TXT['summary_link'], self.app.lang))}</a>"
        )

    def _workbook(self, _b: Any = None) -> None:
        """Every person's figures in each year of the term, as an XLSX file (Russian headers on a Russian page);
        above :data:`MAX_WORKBOOK_ROWS` rows the totals by year only."""
        r = self.app.result
        if r is None or r.term is None:
            return
        lang = self.app.lang
        full = self.per_person(r.term)
        data = term_xlsx(r.term.res, lang, per_person=full)
        href = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
        href += base64.b64encode(data).decode()
        name = f"bargaining-term{'' if full else '-totals'}-{r.term.res.years[0]}-{lang}.xlsx"
        size = num(Decimal(len(data)) / 1000, lang, "#,##0") + "\u00a0" + tr(TXT["kb"], lang)
        link = tr(TXT["workbook_link" if full else "workbook_totals_link"], lang).format(size=size)
        self.workbook.value = f'<a class="pa-term-workbook-link" download="{esc(name)}" href="{href}">{esc(link)}</a>'


def _box(field: str | None) -> str:
    """The form box an engine field name belongs to."""
    return {
        "percent": "raise",
        "flat": "flat",
        "floor": "floor",
        "bonus": "bonus",
        "days": "leave",
        "night": "night",
        "night_hours": "night",
        "group": "group",
        "start": "start",
    }.get(field or "", "raise")


# ------------------------------------------------------------------ tables, chart, summary


def _m(kop: int, lang: str) -> str:
    return money(rub(kop), lang)


def year_table(t: TermResult, lang: str, keys: bool = True) -> str:
    head = [tr(TXT[k], lang) for k in ("year",)] + [
        f"{tr(scenario_name(s), lang)}: {tr(TXT[c], lang)}" for s in SIDES for c in ("cost_change", "net_change")
    ]
    rows = []
    years = [*t.res.years, "total"]
    for y in years:
        cells = [esc(tr(TXT["total"], lang) if y == "total" else y)]
        for s in SIDES:
            x = t.by_year[(t.by_year.scenario == s) & (t.by_year.year == y)].iloc[0]
            for c in ("total_cost_change_kop", "net_change_kop"):
                v = rub(int(x[c]))
                key = f"term_{s}_{c[:-4]}_{y}"
                cells.append(figure_span(key, v, money(v, lang)) if keys else esc(money(v, lang)))
        rows.append(cells)
    base = t.by_year[(t.by_year.scenario == BASELINE) & (t.by_year.year == "total")].iloc[0]
    note = f"<small>{esc(tr(TXT['cost'], lang))} ({esc(tr(scenario_name(BASELINE), lang))}): "
    note += f"{esc(_m(int(base['total_cost_kop']), lang))}</small>"
    return table_html([esc(h) for h in head], rows, num_cols=range(1, len(head)), small=True) + note


def group_table(t: TermResult, by: str, lang: str) -> str:
    frames = {s: t.res.by_group(s, by) for s in SIDES}
    idx = frames[SIDES[0]].index
    label_of = {"pay_band": TXT["band"], "department": TXT["dept"], "gender": TXT["gender"]}
    head = [tr(label_of[by], lang), tr(TXT["people"], lang)] + [
        f"{tr(scenario_name(s), lang)}: {tr(TXT['per_person'], lang)}" for s in SIDES
    ]
    rows = []
    for k in idx:
        label = (
            f"{int(k)} / 5"
            if by == "pay_band"
            else tr(GENDER_WORDS[k], lang)
            if by == "gender" and k in GENDER_WORDS
            else str(k)
        )
        cells = [esc(label), esc(num(Decimal(int(frames[SIDES[0]].loc[k, "employees"])), lang))]
        for s in SIDES:
            cells.append(esc(_m(int(frames[s].loc[k, "net_change_per_employee_kop"]), lang)))
        rows.append(cells)
    return table_html([esc(h) for h in head], rows, num_cols=range(1, len(head)), small=True)


def gains_table(t: TermResult, lang: str) -> str:
    head = ["", *[tr(scenario_name(s), lang) for s in SIDES]]
    rows = []
    for most in (True, False):
        cells = [esc(tr(TXT["most" if most else "least"], lang))]
        for s in SIDES:
            g = t.res.gains(s, 1, most=most).iloc[0]
            who = str(g["id"]) + (
                f", {g['occupation']}" if "occupation" in g and isinstance(g["occupation"], str) else ""
            )
            cells.append(esc(f"{who}: {_m(int(g['net_change_kop']), lang)}"))
        rows.append(cells)
    return table_html([esc(h) for h in head], rows, small=True)


def _sources(t: TermResult, lang: str) -> str:
    sources = []
    for y in t.res.years:
        inf = inflation(y, t.forecasts)
        v = Decimal(inf.growth.numerator) * 100 / Decimal(inf.growth.denominator)
        mark = " *" if inf.verify else ""
        sources.append(f"{y}: {_pct(v.quantize(Decimal('0.01')), lang)} ({tr(inf.source, lang)}){mark}")
    return f"<small>{esc(tr(TXT['cpi_note'], lang).format(sources='; '.join(sources)))}</small>"


def real_brief(t: TermResult, lang: str) -> str:
    """Real pay in one row a scenario: the median worker each year (the bands' range below it)."""
    head = ["", *[str(y) for y in t.res.years]]
    rows = []
    for s in (BASELINE, *SIDES):
        r = t.real[t.real.scenario == s]
        cells = [esc(tr(scenario_name(s), lang))]
        for x in r.itertuples():
            bands = [getattr(x, f"band_{b}") for b in range(1, 6)]
            lo, hi = num(min(bands), lang, "#,##0.0"), num(max(bands), lang, "#,##0.0")
            cells.append(
                f"<b style='display:inline'>{esc(num(x.median, lang, '#,##0.0'))}</b> <small>({lo}–{hi})</small>"
            )
        rows.append(cells)
    note = f"<small>{esc(tr(TXT['real_brief'], lang))}</small><br>"
    return table_html([esc(h) for h in head], rows, num_cols=range(1, len(head)), small=True) + note + _sources(t, lang)


def real_table(t: TermResult, lang: str) -> str:
    cols = ["median"] + [f"band_{b}" for b in range(1, 6)]
    head = [tr(TXT["year"], lang), "", tr(TXT["prices"], lang), tr(TXT["median"], lang)] + [
        f"{tr(TXT['band'], lang)} {b}/5" for b in range(1, 6)
    ]
    rows = []
    for x in t.real.itertuples():
        cells = [esc(x.year), esc(tr(scenario_name(x.scenario), lang)), esc("+" + _pct(x.prices, lang))]
        cells += [esc(num(getattr(x, c), lang, "#,##0.0")) for c in cols]
        rows.append(cells)
    return table_html([esc(h) for h in head], rows, num_cols=range(2, len(head)), small=True) + _sources(t, lang)


def flags_html(t: TermResult, lang: str) -> str:
    items = [f"<li>{esc(tr(f, lang))}</li>" for f in t.flags] or [f"<li>{esc(tr(TXT['no_flags'], lang))}</li>"]
    return (
        f"<div class='pa-term-h'><b>{esc(tr(TXT['flags'], lang))}</b></div><ul class='pa-flags'>{''.join(items)}</ul>"
    )


def assumptions_html(t: TermResult, lang: str) -> str:
    """What the years after the law data rest on (empty within the data): shown with the result and printed."""
    if not t.res.assumptions:
        return ""
    items = "".join(f"<li>{esc(tr(a, lang))}</li>" for a in t.res.assumptions)
    return (
        f"<div class='pa-term-h'><b>{esc(tr(TXT['assumptions'], lang))}</b></div>"
        f"<ul class='pa-assumptions'>{items}</ul>"
    )


def _h(key: str, lang: str) -> str:
    return f"<div class='pa-term-h'><b>{esc(tr(TXT[key], lang))}</b></div>"


def results_html(t: TermResult, lang: str) -> str:
    out = [_h("by_year", lang), year_table(t, lang), assumptions_html(t, lang), _h("gains", lang), gains_table(t, lang)]
    out += [_h("by_band", lang), group_table(t, "pay_band", lang)]
    if "department" in t.res.employees:
        out += [_h("by_dept", lang), group_table(t, "department", lang)]
    if t.res.gender is not None:
        out += [_h("by_gender", lang), group_table(t, "gender", lang)]
    out += [_h("real", lang), real_table(t, lang)]
    if t.thumb is not None:
        out.append(f"<p class='pa-thumb'>{esc(tr(t.thumb, lang))}</p>")
    out.append(flags_html(t, lang))
    return "".join(out)


COLOURS = {BASELINE: "#57606a", "demand": "#2da44e", "offer": "#cf222e"}


def real_chart(fig: Any, t: TermResult, lang: str) -> None:
    fig.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.15)
    ax = fig.add_subplot(111)
    years = t.res.years
    x = np.arange(len(years) + 1)
    for s in (BASELINE, *SIDES):
        r = t.real[t.real.scenario == s]
        ax.plot(
            x, [100.0, *[float(v) for v in r["median"]]], marker="o", color=COLOURS[s], label=tr(scenario_name(s), lang)
        )
        for b in (1, 5):  # the lowest and the highest band, thin
            ax.plot(x, [100.0, *[float(v) for v in r[f"band_{b}"]]], color=COLOURS[s], linewidth=0.6, alpha=0.5)
    ax.axhline(100, color="#999", linewidth=0.8, linestyle="--")
    ax.set_xticks(x, [str(years[0] - 1), *map(str, years)])
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    ax.set_title(tr(TXT["chart_title"], lang), fontsize=11, loc="left")


SUMMARY_CSS = (
    "@page{size:A4 portrait;margin:10mm}body{font:9pt/1.25 sans-serif;color:#111;max-width:186mm}"
    "h1{font-size:14pt;margin:0 0 4pt}table{border-collapse:collapse;width:100%;margin:3pt 0 6pt}"
    "td,th{border:1px solid #bbb;padding:0.5pt 3pt;font-size:8pt}td.num{text-align:right}"
    "b{display:block;margin-top:5pt}small{font-size:7.5pt}ul{margin:2pt 0;padding-left:14pt}"
)


def summary_page(t: TermResult, lang: str, forms: dict[str, SideForm]) -> str:
    """One A4 page for the negotiating table: demand, offer, cost per year, gains, real pay, warnings."""
    n = len(t.res.employees)
    intro = tr(TXT["workforce"], lang).format(n=num(Decimal(n), lang), first=t.res.years[0], last=t.res.years[-1])
    body = [f"<h1>{esc(tr(TXT['summary_title'], lang))}</h1><p>{esc(intro)}</p><ul>"]
    for s in SIDES:
        body.append(
            f"<li><b style='display:inline'>{esc(tr(scenario_name(s), lang))}:</b> "
            f"{esc(forms[s].describe(t.packages[s], lang))}</li>"
        )
    body.append("</ul>")
    body += [f"<b>{esc(tr(TXT['by_year'], lang))}</b>", year_table(t, lang, keys=False), assumptions_html(t, lang)]
    body += [f"<b>{esc(tr(TXT['gains'], lang))}</b>", gains_table(t, lang)]
    body += [f"<b>{esc(tr(TXT['by_band'], lang))}</b>", group_table(t, "pay_band", lang)]
    body += [f"<b>{esc(tr(TXT['real'], lang))}</b>", real_brief(t, lang)]
    if t.thumb is not None:
        body.append(f"<p>{esc(tr(t.thumb, lang))}</p>")
    body.append(flags_html(t, lang))
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>"
        f"{esc(tr(TXT['summary_title'], lang))}</title><style>{SUMMARY_CSS}</style></head><body>"
        + "".join(body)
        + "</body></html>"
    )
