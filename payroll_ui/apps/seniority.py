"""Seniority (long-service) bonus app: a scale, years of service or a hire date, a salary → the rate,
the monthly and yearly bonus, the next step and a ladder chart of the scale."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.text import T, Text, day, money, percent, plural, tr
from calc.ru.long_service import MAX_RATE
from calc.ru.long_service import MAX_YEARS as MAX_STEP_YEARS
from payroll_ui.kit import (
    App,
    Chart,
    Figure,
    Param,
    RuleNote,
    esc,
    money_formatter,
    options_for,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    percent_formatter,
    percent_text,
    place_text,
    run,
    safe,
    setter,
)

CUSTOM = "custom"
MAX_YEARS = 50
MAX_ROWS = 12
DEFAULT_CUSTOM = ((1, "5"), (3, "10"), (5, "15"), (10, "20"), (15, "30"))
EARLIEST_HIRE = date(1940, 1, 1)
MAX_SERVICE = 80  # years: the engine's limit for a length of service

TXT: dict[str, Text] = {
    "scale": _("Bonus scale"),
    "scale_hint": _("Scales from laws and decrees; 'own scale' — e.g. from a collective agreement."),
    "custom": _("Own scale (collective agreement)"),
    "mode": _("Service is given"),
    "by_years": _("in years"),
    "by_date": _("by hire date"),
    "years": _("Service, full years"),
    "hire": _("Start of service (hire date)"),
    "on": _("Calculation date"),
    "salary": _("Monthly salary, ₽"),
    "steps": _("Steps: from service (years) → bonus (%)"),
    "steps_hint": _(
        "Each row is a step: from which service and what percentage. Steps go up in service; the percentage does "
        "not fall.",
    ),
    "add": _("+ step"),
    "remove": _("− last"),
    "rate": _("Bonus, % of salary"),
    "bonus": _("Bonus a month"),
    "yearly": _("A year (12 months)"),
    "service": _("Service on the date"),
    "full_years": _("Service"),
    "next": _("Next step"),
    "top": _("This is the top of the scale"),
    "no_more": _("Service no longer grows"),
    "next_in": _("from {years} years of service: {rate}"),
    "next_on": _("{date} — {rate} ({bonus} a month)"),
    "source": _("Source"),
    "verify_scale": _("This scale is not confirmed against the primary text — check it against the act."),
    "disputed": _(
        "Sources disagree: the article on long-service allowances that the course's examples come from gives "
        "contradictory versions of this scale.",
    ),
    "x_axis": _("Service, full years"),
    "y_axis": _("Bonus, % of salary"),
    "y2_axis": _("₽ a month"),
    "you": _("You"),
    "chart_title": _("Bonus ladder: {scale}"),
    "next_mark": _("next step"),
    "years_too_long": _("Service over 80 years — please check the date."),
    "need_hire": _("Please enter the hire date."),
    "row_years": _("years"),
    "row_pct": _("%"),
    "no_steps": _("Please fill in at least one step: from which service (years) and what bonus (%)."),
    "bad_years": _("Row {row}: service is a whole number of years from 0 to {top}; you typed '{raw}'."),
    "bad_pct": _("Row {row}: the bonus must be a number of percent from 0 to {top}; you typed '{raw}'."),
    "pct_range": _("Row {row}: the bonus must be from 0 to {top}; you typed {pct}."),
    "order": _(
        "Steps overlap or are out of order: row {row} ({years}) does not start after row {prev_row} "
        "({prev_years}). Each step must start later than the one before.",
    ),
    "falling": _(
        "Row {row}: the bonus {pct} is less than in row {prev_row} ({prev_pct}). The bonus must not fall as "
        "service grows.",
    ),
    "incomplete_one": _("Row {rows} is not filled in yet and is left out for now."),
    "incomplete_many": _("Rows {rows} are not filled in yet and are left out for now."),
}


def _scale_options() -> list[tuple[Text, str]]:
    return [(s.label, k) for k, s in calc.SCALES.items()] + [(TXT["custom"], CUSTOM)]


class SeniorityApp(App):
    """The long-service allowance calculator."""

    name = "seniority"
    title = _("Long-service (seniority) bonus")
    intro = _(
        "Pick a scale, enter the service and the salary — see the bonus rate, the amount a month and a year, and "
        "when the next step comes.",
    )
    error_fields: ClassVar[dict[str, str]] = {"hire_date": "hire", "steps": "steps", "periods": "hire", "date": "on"}

    # ------------------------------------------------------------ widgets

    def build(self) -> None:
        self.w_scale = W.Dropdown(options=options_for(_scale_options(), self.lang), value="civil_service")
        self.w_mode = W.ToggleButtons(options=[("", "years"), ("", "hire")], value="years")
        self.w_years = W.IntSlider(value=7, min=0, max=MAX_YEARS, continuous_update=False)
        today = calc.rulebook().default_date()
        self.w_hire = W.DatePicker(value=date(today.year - 7, today.month, 1))
        self.w_on = W.DatePicker(value=today)
        self.w_salary = W.Text(value="45000", continuous_update=False)
        self.rows_box = W.VBox()
        self.w_add = W.Button(layout=W.Layout(width="auto"))
        self.w_remove = W.Button(layout=W.Layout(width="auto"))
        self.w_add.on_click(self._add_row)
        self.w_remove.on_click(self._remove_row)
        self.w_add.add_class("in-add-step")
        self.w_remove.add_class("in-remove-step")
        self.rows_box.add_class("pa-cells")
        self._bad_cells: list[W.Text] = []
        self.steps_note = W.HTML()
        self.steps_note.add_class("pa-steps-note")
        steps_box = W.VBox([self.rows_box, W.HBox([self.w_add, self.w_remove]), self.steps_note])
        # the scale and the mode change which inputs exist (the custom table is built on first use): one
        # observer first updates the inputs, then recomputes — never the other way round
        self.add_field("scale", self.w_scale, TXT["scale"], TXT["scale_hint"], watch=False)
        self.add_field("steps", steps_box, TXT["steps"], TXT["steps_hint"], watch=False)
        self.add_field("mode", self.w_mode, TXT["mode"], watch=False)
        self.add_field("years", self.w_years, TXT["years"])
        self.add_field("hire", self.w_hire, TXT["hire"])
        self.add_field("on", self.w_on, TXT["on"])
        self.add_field("salary", self.w_salary, TXT["salary"])
        self._cell = W.Layout(width="80px")
        self.scale_info = W.HTML()
        self.scale_info.add_class("pa-scale-info")
        self.chart = Chart(6.6, 3.5, cls="chart-ladder")
        self.w_scale.observe(self._on_visibility, names="value")
        self.w_mode.observe(self._on_visibility, names="value")
        self._update_visibility()

    def inputs(self) -> list[W.Widget]:
        f = self.fields
        return [f[k].box for k in ("scale", "steps", "mode", "years", "hire", "on", "salary")]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.scale_info, self.chart.image]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_scale, options_for(_scale_options(), lang))
        self.set_options(self.w_mode, [(tr(TXT["by_years"], lang), "years"), (tr(TXT["by_date"], lang), "hire")])
        self.w_add.description = tr(TXT["add"], lang)
        self.w_remove.description = tr(TXT["remove"], lang)
        for row in self.rows_box.children:
            row.children[0].placeholder = tr(TXT["row_years"], lang)
            row.children[1].placeholder = tr(TXT["row_pct"], lang)

    # ------------------------------------------------------------ the custom table

    def _row(self, years: Any = "", pct: Any = "") -> W.HBox:
        """One step: years → percent (two small text inputs sharing one layout)."""
        y = W.Text(value=str(years), continuous_update=False, layout=self._cell)
        p = W.Text(value=str(pct), continuous_update=False, layout=self._cell)
        y.add_class("in-step-years")
        p.add_class("in-step-rate")
        y.placeholder = tr(TXT["row_years"], self.lang)
        p.placeholder = tr(TXT["row_pct"], self.lang)
        self.watch(y, p)
        return W.HBox([y, p])

    def set_rows(self, rows: Any) -> None:
        """Replace the custom table's rows with (years, percent) pairs."""
        old = self.rows_box.children
        self.rows_box.children = [self._row(y, p) for y, p in list(rows)[:MAX_ROWS]]
        for row in old:
            for cell in row.children:
                cell.close()
            row.close()

    def rows(self) -> list[tuple[str, str]]:
        """The custom table as text pairs (years, percent), empty rows left out."""
        out = []
        for row in self.rows_box.children:
            y, p = row.children
            if y.value.strip() or p.value.strip():
                out.append((y.value.strip(), p.value.strip()))
        return out

    @safe
    def _add_row(self, _button: Any = None) -> None:
        if len(self.rows_box.children) >= MAX_ROWS:
            return
        last = self.rows()[-1:] or [("0", "0")]
        try:
            guess = (int(last[0][0]) + 5, "")
        except ValueError:
            guess = ("", "")
        self.rows_box.children = [*self.rows_box.children, self._row(*guess)]
        self.refresh()

    @safe
    def _remove_row(self, _button: Any = None) -> None:
        if len(self.rows_box.children) <= 1:
            return
        *keep, last = self.rows_box.children
        self.rows_box.children = keep
        for cell in last.children:
            cell.close()
        last.close()
        self.refresh()

    def complete_rows(self) -> list[tuple[str, str]]:
        """The rows with both cells filled (a row being filled in is left out until it is complete)."""
        return [(y, p) for y, p in self.rows() if y and p]

    def custom(self) -> calc.StepScale:
        """The custom scale from the table. Each row is checked here, so that the message names the row in
        the page's language, speaks in percent as typed, and only the faulty cell is marked; a row with an
        empty cell (e.g. just added with "+ step") is left out with a note, not an error."""
        lang = self.lang
        pairs: list[tuple[int, Decimal]] = []
        incomplete: list[int] = []
        prev: tuple[int, int, Decimal] | None = None  # row number, years, percent
        for n, row in enumerate(self.rows_box.children, 1):
            y_cell, p_cell = row.children
            y_raw, p_raw = y_cell.value.strip(), p_cell.value.strip()
            if not y_raw or not p_raw:
                if y_raw or p_raw:
                    incomplete.append(n)
                continue
            years = _number(y_raw)
            if years is None or years != years.to_integral_value() or not 0 <= years <= MAX_STEP_YEARS:
                self._cell_error(y_cell, "bad_years", row=n, top=MAX_STEP_YEARS, raw=y_raw)
            pct = _number(p_raw.replace("%", ""))
            top = _both(percent_text, MAX_RATE * 100)
            if pct is None:
                self._cell_error(p_cell, "bad_pct", row=n, top=top, raw=p_raw)
            if not 0 <= pct <= MAX_RATE * 100:  # said as typed, in percent, with the page's decimal separator
                self._cell_error(p_cell, "pct_range", row=n, top=top, pct=_both(percent_text, pct))
            y = int(years)
            if prev is not None and y <= prev[1]:
                self._cell_error(y_cell, "order", row=n, prev_row=prev[0], years=_both(_years_text, y),
                                 prev_years=_both(_years_text, prev[1]))
            if prev is not None and pct < prev[2]:
                self._cell_error(p_cell, "falling", row=n, prev_row=prev[0], pct=_both(percent_text, pct),
                                 prev_pct=_both(percent_text, prev[2]))
            pairs.append((y, pct / 100))
            prev = (n, y, pct)
        self._show_incomplete(incomplete)
        if not pairs:
            raise calc.ScaleDefinitionError(TXT["no_steps"], "steps")
        name = tr(TXT["custom"], lang)  # the page's language in every message calc might give
        return calc.custom_scale(pairs, name=name, name_en=name)

    def _cell_error(self, cell: W.Text, key: str, **values: Any) -> None:
        """Mark one cell of the table and raise the row's message (values may differ by language)."""
        cell.add_class("cell-error")
        self._bad_cells.append(cell)

        raise calc.ScaleDefinitionError(replace(TXT[key], kwargs=tuple(values.items())), "steps")

    def _clear_cells(self) -> None:
        for cell in self._bad_cells:
            cell.remove_class("cell-error")
        self._bad_cells = []

    def _show_incomplete(self, rows: list[int]) -> None:
        if not rows:
            self.steps_note.value = ""
            return
        key = "incomplete_one" if len(rows) == 1 else "incomplete_many"
        listed = ", ".join(str(r) for r in rows)
        self.steps_note.value = f"<small>{esc(tr(TXT[key], self.lang).format(rows=listed))}</small>"

    # ------------------------------------------------------------ visibility

    @safe
    def _on_visibility(self, _change: Any) -> None:
        self._update_visibility()
        self.refresh()

    def _update_visibility(self) -> None:
        f = self.fields
        by_date = self.w_mode.value == "hire"
        custom = self.w_scale.value == CUSTOM
        if custom and not self.rows_box.children:  # the table is built when first needed
            self.set_rows(DEFAULT_CUSTOM)
        f["steps"].show(custom)
        f["years"].show(not by_date)
        f["hire"].show(by_date)
        f["on"].show(by_date)

    # ------------------------------------------------------------ compute and render

    def scale(self) -> calc.Scale:
        self._clear_cells()
        if self.w_scale.value != CUSTOM:
            self.steps_note.value = ""
            return calc.get_scale(self.w_scale.value)
        return self.custom()

    def compute(self) -> calc.SeniorityResult:
        sc = self.scale()
        salary = self.number(self.w_salary, "salary")
        if self.w_mode.value == "years":
            return calc.seniority(salary, self.w_years.value, sc)
        hire, on = self.w_hire.value, self.w_on.value or calc.rulebook().default_date()
        if hire is None:
            raise calc.InputError(TXT["need_hire"], "hire_date")
        service = calc.service_since(hire, on)
        if service.years > MAX_SERVICE:
            raise calc.InputError(TXT["years_too_long"], "hire_date")
        return calc.seniority_on(salary, [calc.Period(hire)], sc, on)

    def render(self, r: calc.SeniorityResult) -> None:
        lang = self.lang
        self.figures = {"years": r.years}
        figs = [
            Figure("rate", TXT["rate"], r.rate, "rate", main=True),
            Figure("bonus", TXT["bonus"], r.bonus, main=True),
            Figure("yearly", TXT["yearly"], r.yearly),
        ]
        if r.service is not None:
            figs.append(Figure("service", TXT["service"], r.service.text(lang), "text"))
        else:
            figs.append(Figure("years", TXT["full_years"], r.years, "years"))
        figs.append(self._next_figure(r))
        self.show_figures(figs)
        self.scale_info.value = self._scale_info(r.scale)

    def _next_figure(self, r: calc.SeniorityResult) -> Figure:
        lang = self.lang
        if r.next_step is None:
            self.figures.update(next_step_years=None, next_step_rate=None, next_step_date=None)
            return Figure("next_step", TXT["next"], tr(TXT["top"], lang), "text")
        years, rate = r.next_step
        self.figures.update(next_step_years=years, next_step_rate=rate)
        if r.service is not None:
            if r.next_step_date is None:
                return Figure("next_step", TXT["next"], tr(TXT["no_more"], lang), "text")
            self.figures["next_step_date"] = r.next_step_date
            text = tr(TXT["next_on"], lang).format(
                date=day(r.next_step_date, lang), rate=percent(rate, lang), bonus=money(r.salary * rate, lang)
            )
            return Figure("next_step", TXT["next"], text, "text")
        text = tr(TXT["next_in"], lang).format(years=f"{years}", rate=percent(rate, lang))
        return Figure("next_step", TXT["next"], text, "text")

    def _scale_info(self, sc: calc.Scale) -> str:
        lang = self.lang
        parts = []
        if sc.verify:
            parts.append(f"⚠ {esc(tr(TXT['verify_scale'], lang))}")
        if sc.disputed:
            parts.append(f"⚠ {esc(tr(TXT['disputed'], lang))}")
        if (sc.verify or sc.disputed) and sc.note:
            parts.append(esc(tr(sc.note, lang)))
        source = f"<div><small>{esc(tr(TXT['source'], lang))}: {esc(tr(sc.source, lang))}</small></div>"
        warn = f'<div class="pa-warn">{"<br>".join(parts)}</div>' if parts else ""
        return warn + source

    def rules(self, r: calc.SeniorityResult) -> list[Any]:
        sc = r.scale
        return [RuleNote(sc.label, sc.source, sc.verify or sc.disputed, sc.valid_from), *r.rules_used()]

    def render_chart(self, r: calc.SeniorityResult) -> None:
        """The scale is the static part (redrawn when the scale changes); the person, the next step and the
        ₽ axis (it depends on the salary) are drawn on top of it."""
        sc = r.scale
        top = sc.breakpoints(MAX_SERVICE)[-1][0]
        xmax = min(MAX_SERVICE, max(30, top + 5, r.years + 3))
        points = tuple(sc.breakpoints(xmax))
        key = (self.lang, tr(sc.label, "en"), points, xmax)
        self.chart.draw(key, lambda fig: self._ladder(fig, sc, points, xmax), lambda fig: self._you(fig, r))

    def _ladder(self, fig: Any, sc: calc.Scale, points: tuple, xmax: int) -> None:
        """The static part: the scale as a step line, the axis in % of salary, the caption of the ₽ axis."""
        lang = self.lang
        xs = [y for y, _ in points] + [xmax]
        ys = [float(rate) for _, rate in points]
        ys.append(ys[-1])
        fig.subplots_adjust(left=0.1, right=0.83, top=0.85, bottom=0.15)
        ax = fig.add_subplot(111)
        ax.step(xs, ys, where="post", color="#0969da", linewidth=2)
        ax.fill_between(xs, ys, step="post", color="#0969da", alpha=0.08)
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, max(ys) * 1.3 + 0.01)
        ax.set_autoscale_on(False)
        ax.yaxis.set_major_formatter(percent_formatter(lang))
        ax.set_xlabel(tr(TXT["x_axis"], lang))
        ax.set_ylabel(tr(TXT["y_axis"], lang))
        ax.grid(alpha=0.3)
        title = tr(TXT["chart_title"], lang).format(scale=tr(sc.label, lang))
        ax.set_title(textwrap.fill(title, 54), fontsize=10, loc="left")
        # the ₽ axis is drawn with the person (it depends on the salary); its caption stands above it,
        # level with the title, where no tick label can run into it
        ax.annotate(tr(TXT["y2_axis"], lang), (1.0, 1.0), xycoords="axes fraction", xytext=(2, 10),
                    textcoords="offset points", ha="left", va="bottom", fontsize=9, color="#57606a")
        # the ladder as drawn (every corner), for placing labels off the line
        corners = []
        for i in range(len(xs) - 1):
            corners += [(xs[i], ys[i]), (xs[i + 1], ys[i])]
        self._ladder_xy = corners

    def _money_axis(self, ax: Any, salary: Decimal) -> list[Any]:
        """The right axis in ₽ a month for this salary (a dynamic artist: it changes with the salary)."""
        s = float(salary)
        if s <= 0:
            return []
        sec = ax.secondary_yaxis("right", functions=(lambda v: v * s, lambda v: v / s))
        sec.yaxis.set_major_formatter(money_formatter(self.lang))
        sec.tick_params(labelsize=9)
        return [sec]

    def _you(self, fig: Any, r: calc.SeniorityResult) -> list[Any]:
        """The dynamic part: the person's point, the arrow to the next step and their labels, each label
        placed where it covers neither the ladder, the arrow, the points nor the other label."""
        import numpy as np
        from matplotlib.transforms import Bbox

        lang = self.lang
        ax = fig.axes[0]
        to_px = ax.transData.transform
        y_you = float(r.rate)
        box = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}
        label = f"{tr(TXT['you'], lang)}: {r.years}\u00a0{plural(r.years, 'years', lang)} → {percent(r.rate, lang)}"
        artists = [
            *self._money_axis(ax, r.salary),
            *ax.plot([r.years], [y_you], "o", color="#cf222e", markersize=9, zorder=5),
        ]
        lines = [to_px(np.array(getattr(self, "_ladder_xy", [(0, 0)])))]
        marks = [_around(to_px((r.years, y_you)), 8)]
        if r.next_step is not None:
            ny, nr = r.next_step
            artists += [
                *ax.plot([ny], [float(nr)], "o", mfc="white", color="#cf222e", markersize=8, zorder=5),
                ax.annotate("", xy=(ny, float(nr)), xytext=(r.years, y_you),
                            arrowprops={"arrowstyle": "->", "color": "#cf222e", "linestyle": "--"}),
            ]
            lines.append(to_px(np.array([(r.years, y_you), (ny, float(nr))])))
            marks.append(_around(to_px((ny, float(nr))), 7))
        frame = Bbox(ax.get_window_extent().get_points())

        def you_at(option: tuple[float, float, str, str]) -> Any:
            dx, dy, ha, va = option
            return ax.annotate(label, (r.years, y_you), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                               color="#cf222e", fontsize=10, fontweight="bold", bbox=box, zorder=6,
                               arrowprops=_leader(dx, dy, ha, va, "#cf222e"))

        you, you_box = place_text(ax, you_at, LABEL_PLACES, avoid=marks, lines=lines, inside=frame)
        artists.append(you)
        if r.next_step is not None:
            ny, nr = r.next_step

            def next_at(option: tuple[float, float, str, str]) -> Any:
                dx, dy, ha, va = option
                return ax.annotate(tr(TXT["next_mark"], lang), (ny, float(nr)), xytext=(dx, dy),
                                   textcoords="offset points", ha=ha, va=va, fontsize=9, color="#57606a", bbox=box,
                                   zorder=6, arrowprops=_leader(dx, dy, ha, va, "#8c959f"))

            places = [(0, 10, "center", "bottom"), (-8, 8, "right", "bottom"), (8, 8, "left", "bottom"),
                      *LABEL_PLACES]
            nxt, _ = place_text(ax, next_at, places, avoid=[*marks, you_box], lines=lines, inside=frame)
            artists.append(nxt)
        return artists

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        rb = calc.rulebook()
        return [
            Param("scale", parse_choice([*calc.SCALES, CUSTOM]), setter(self.w_scale), lambda: self.w_scale.value),
            Param("steps", parse_steps, self.set_rows, self._steps_param),
            Param("mode", parse_choice(["years", "hire"]), setter(self.w_mode), lambda: self.w_mode.value),
            Param("years", parse_int(0, MAX_YEARS), setter(self.w_years), self._years_param),
            Param("hire", parse_date(EARLIEST_HIRE, rb.covered_to), self._set_hire, self._hire_param),
            Param("on", parse_date(rb.covered_from, rb.covered_to), setter(self.w_on), self._on_param),
            Param("salary", parse_decimal(0, 10**9), setter(self.w_salary), lambda: self.w_salary.value.strip()),
        ]

    def _set_hire(self, value: date) -> None:
        self.w_hire.value = value
        self.w_mode.value = "hire"

    def _years_param(self) -> int | None:
        return self.w_years.value if self.w_mode.value == "years" else None

    def _hire_param(self) -> date | None:
        return self.w_hire.value if self.w_mode.value == "hire" else None

    def _on_param(self) -> date | None:
        return self.w_on.value if self.w_mode.value == "hire" else None

    def _steps_param(self) -> str | None:
        if self.w_scale.value != CUSTOM:
            return None
        return ",".join(f"{y}:{p}" for y, p in self.complete_rows())


LABEL_PLACES: tuple[tuple[float, float, str, str], ...] = (
    (0, -14, "center", "top"), (10, -10, "left", "top"), (-10, -10, "right", "top"),
    (10, 9, "left", "bottom"), (-10, 9, "right", "bottom"), (0, 12, "center", "bottom"),
    (0, -34, "center", "top"), (16, -30, "left", "top"), (-16, -30, "right", "top"),
    *((dx, dy, ha, "bottom") for dy in (28, 44, 60, 76) for dx, ha in ((16, "left"), (0, "center"), (-16, "right"))),
)
"""Where a label may stand around its point (offset in points, alignment), in order of preference."""


def _leader(dx: float, dy: float, ha: str, va: str, color: str) -> dict[str, Any] | None:
    """A thin line from a label standing away from its point back to the point (None when it is close)."""
    if abs(dy) <= 20:
        return None
    corner = ({"left": 0.0, "right": 1.0}.get(ha, 0.5), 0.0 if va == "bottom" else 1.0)
    return {"arrowstyle": "-", "color": color, "linewidth": 0.8, "relpos": corner, "shrinkB": 5}


def _around(point: Any, half: float) -> Any:
    """A square box of ``half`` pixels around a display point (a marker)."""
    from matplotlib.transforms import Bbox

    x, y = point
    return Bbox.from_extents(x - half, y - half, x + half, y + half)


def _number(text: str) -> Decimal | None:
    """A number typed with a comma or a point ('2,5', '2.5'), or None if it is not one."""
    try:
        d = Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _both(fmt: Any, value: Any) -> Text:
    """A value formatted for each language (``fmt(value, lang)``)."""
    return T(fmt(value, "ru"), fmt(value, "en"))


def _years_text(n: int, lang: str) -> str:
    """'2 года' / '2 years' (plural forms by calc.core.text.plural)."""
    return f"{n}\u00a0{plural(n, 'years', lang)}"


def parse_steps(raw: str) -> list[tuple[str, str]]:
    """URL form of a custom scale: ``1:5,3:10,5:15`` (years:percent); checked by calc on compute."""
    from payroll_ui.kit import ParamError

    rows = []
    for part in raw.split(",")[:MAX_ROWS]:
        if not part.strip():
            continue
        y, sep, p = part.partition(":")
        if not sep:
            raise ParamError(_("pairs 'years:percent' separated by commas are needed."))
        rows.append((y.strip()[:6], p.strip()[:8]))
    if not rows:
        raise ParamError(_("no steps given."))
    return rows


def build(lang: str = "ru", params: dict[str, str] | None = None) -> SeniorityApp:
    """Build the app (for tests and for notebooks)."""
    return SeniorityApp(lang, params)


def main() -> SeniorityApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(SeniorityApp)


__all__ = ["SeniorityApp", "build", "main"]
