"""Cost to the employer app: type any one of gross pay, net pay or total cost → the others, the
breakdown (contributions by fund, accident insurance, НДФЛ) as a table and a waterfall chart, and the
net pay and total cost against gross over a wide range with the kinks where bands and caps begin."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.text import T, Text, percent, tr
from payroll_ui.kit import (
    App,
    Chart,
    Example,
    Figure,
    KnownAmount,
    Param,
    covered_years,
    default_year,
    esc,
    money_formatter,
    money_html,
    money_label,
    month_options,
    nice_ceiling,
    options_for,
    parse_choice,
    parse_decimal,
    parse_int,
    percent_formatter,
    place_text,
    run,
    safe,
    setter,
    table_html,
)

WHICH = ("gross", "net", "total")
SWEEP_POINTS = 90

TXT: dict[str, Text] = {
    "which": _("I know the amount"),
    "which_gross": _("gross"),
    "which_net": _("net"),
    "which_total": _("total cost"),
    "amount_gross": _("Gross pay for the month (before НДФЛ), ₽"),
    "amount_net": _("Net pay for the month, ₽"),
    "amount_total": _("Total monthly cost to the employer, ₽"),
    "amount_hint": _("Type one amount — the calculator finds the others."),
    "year": _("Year"),
    "month": _("Month"),
    "month_hint": _(
        "The same pay is assumed in every month from January to this one, so tax bands and contribution caps "
        "crossed earlier in the year are taken into account.",
    ),
    "kind": _("Employer"),
    "accident": _("Occupational risk class"),
    "accident_hint": _(
        "Accident insurance: 0.2% for office work (class 1) up to 8.5% for the most dangerous industries.",
    ),
    "gross": _("Gross pay"),
    "ndfl": _("НДФЛ (income tax)"),
    "net": _("Net pay"),
    "contributions": _("Insurance contributions"),
    "accident_fig": _("Accident insurance"),
    "total": _("Total cost"),
    "ndfl_rate": _("НДФЛ rate this month"),
    "breakdown": _("What the employee costs"),
    "item": _("Item"),
    "amount_col": _("Amount a month"),
    "share": _("Share of the total cost"),
    "x_sweep": _("Gross pay for the year, ₽"),
    "y_sweep": _("For the year, ₽"),
    "y_marginal": _("Rate on next ruble"),
    "line_net": _("net pay"),
    "line_total": _("total cost"),
    "line_gross": _("gross"),
    "line_mndfl": _("income tax"),
    "line_mcontrib": _("contributions"),
    "sweep_title": _("The whole range: net pay and cost a year, {year}"),
    "waterfall_title": _("From the employer's cost to net pay"),
    "you": _("You"),
    "sme_threshold": _("SME threshold"),
    "caps": _("Contribution cap"),
    "cap_of": _("Contribution cap ({fund})"),
    "band": _("Income tax {rate}"),
    "beyond": _("Beyond the right edge of the chart: {items}."),
    "beyond_item": _("{label} from {amount} a year"),
    "off_chart": _(
        "The whole-range chart covers pay up to {limit} a year; this is {annual} a year, so it is not shown. "
        "{kinks}",
    ),
    "all_passed": _(
        "Every income-tax band and contribution cap is behind: the last, {label}, starts at {amount} a year.",
    ),
    "y_waterfall": _("₽ a month"),
    "year_note": _("For the year with this pay every month: gross {gross}, net {net}, cost {total}."),
}


def _accident_labels(year: int, lang: str) -> list[tuple[str, int]]:
    table = calc.rulebook().value("contributions.accident_classes", date(year, 1, 1))
    return [(f"{k} — {percent(Decimal(str(v)), lang)}", int(k)) for k, v in table.items()]


def _kind_options(lang: str) -> list[tuple[str, str]]:
    return options_for([(label, kind) for kind, label in calc.KINDS.items()], lang)


FUND_SHORT: dict[str, Text] = {
    "pension": _("pension"), "social": _("FSS"), "medical": _("FOMS"),
    "medical_federal": _("FFOMS"), "medical_territorial": _("TFOMS"),
}


def kinks(year: int, kind: str) -> list[tuple[Decimal, Text]]:
    """Where tax bands and contribution caps begin (short labels, merged when they coincide), plus the SME
    threshold × 12 — the yearly amounts of ``calc.marginal_kinks`` with labels short enough for a chart."""
    on = date(year, 1, 1)
    t = calc.tariff(kind, on)
    found: list[tuple[Decimal, Text]] = []
    for start, rate in calc.rulebook().value("ndfl.resident_scale", on)[1:]:
        r = Decimal(str(rate))
        found.append((Decimal(str(start)), T(tr(TXT["band"], "ru").format(rate=percent(r, "ru")),
                                             tr(TXT["band"], "en").format(rate=percent(r, "en")))))
    caps = [f for f in t.general if f.cap is not None]
    several = len({f.cap for f in caps}) > 1
    for f in caps:
        if several and f.fund in FUND_SHORT:
            short = FUND_SHORT[f.fund]
            found.append((f.cap, T(tr(TXT["cap_of"], "ru").format(fund=short["ru"]),
                                   tr(TXT["cap_of"], "en").format(fund=short["en"]))))
        else:
            found.append((f.cap, TXT["caps"]))
    if t.threshold:
        found.append((t.threshold * 12, TXT["sme_threshold"]))
    merged: dict[Decimal, list[Text]] = {}
    for x, label in sorted(found, key=lambda k: k[0]):
        labels = merged.setdefault(x, [])
        if label not in labels:
            labels.append(label)
    return [(x, labels[0] if len(labels) == 1 else T(" · ".join(tr(x_, "ru") for x_ in labels),
                                                      " · ".join(tr(x_, "en") for x_ in labels)))
            for x, labels in merged.items()]


SWEEP_LIMIT = 120_000_000
"""The widest sweep (yearly gross): far above every band and cap, and 90 points still show the kinks."""


def sweep_max(annual: Decimal) -> int:
    """The right end of the sweep: at least 6 million a year, 1.5 × the person's pay, in steps of 2 million."""
    top = max(Decimal(6_000_000), annual * Decimal("1.5"))
    step = 2_000_000
    return min(int(-(-top // step) * step), SWEEP_LIMIT)


@lru_cache(maxsize=32)
def sweep(year: int, kind: str, accident: int, xmax: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Annual gross, net, total cost and НДФЛ over [0, xmax] (the grid includes every kink exactly)."""
    grid = {Decimal(xmax) * i / SWEEP_POINTS for i in range(SWEEP_POINTS + 1)}
    for x, _kind in kinks(year, kind):
        if 0 < x < xmax:
            grid |= {x, x + 1000}
    xs = sorted(grid)
    g, n, c, t = [], [], [], []
    for x in xs:
        tot = calc.year_payroll(x / 12, year, kind=kind, accident_class=accident).totals()
        g.append(float(tot["gross"]))
        n.append(float(tot["net"]))
        c.append(float(tot["total_cost"]))
        t.append(float(tot["ndfl"]))
    return g, n, c, t


def _marginal(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """Step data of the slope of ``ys`` between grid points (for a step plot)."""
    out_x, out_y = [], []
    for i in range(len(xs) - 1):
        dx = xs[i + 1] - xs[i]
        if dx > 0:
            out_x.append(xs[i])
            out_y.append((ys[i + 1] - ys[i]) / dx)
    return out_x, out_y


class CostApp(KnownAmount, App):
    """Gross ⇄ net ⇄ total cost calculator."""

    amount_labels: ClassVar[dict[str, Text]] = {k: TXT[f"amount_{k}"] for k in ("gross", "net", "total")}

    name = "cost"
    title = _("What an employee costs the employer")
    intro = _(
        "Type one amount — gross pay, net pay or the total cost — and the calculator finds the rest: НДФЛ, "
        "contributions by fund and accident insurance.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        "gross": "amount", "net": "amount", "total_cost": "amount", "accident_class": "accident",
        "accident_rate": "accident",
    }

    example = Example(
        {"which": "gross", "amount": "30000", "year": "2011", "month": "1"},
        _("the article “How to calculate average pay. An example of holiday pay” (the course's source text): "
          "30,000 ₽ a month in 2011, contributions 34 % and accident insurance 0.2 %"),
    )

    def build(self) -> None:
        year = default_year()
        opts = self._choices(self.lang, year)
        self.w_which = W.ToggleButtons(options=opts["which"], value="gross")
        self.w_amount = W.Text(value="100000", continuous_update=False)
        self.w_year = W.Dropdown(options=covered_years(), value=year)
        self.w_month = W.Dropdown(options=opts["month"], value=calc.rulebook().default_date().month)
        self.w_kind = W.Dropdown(options=opts["kind"], value="general")
        self.w_accident = W.Dropdown(options=opts["accident"], value=1)
        self.add_field("which", self.w_which, TXT["which"], watch=False)
        self.add_field("amount", self.w_amount, TXT["amount_gross"], TXT["amount_hint"])
        self.add_field("year", self.w_year, TXT["year"])
        self.add_field("month", self.w_month, TXT["month"], TXT["month_hint"])
        self.add_field("kind", self.w_kind, TXT["kind"])
        self.add_field("accident", self.w_accident, TXT["accident"], TXT["accident_hint"])
        self.w_which.observe(self._on_which, names="value")
        self.w_year.observe(self._on_year, names="value")
        self.inverse = W.HTML()
        self.inverse.add_class("pa-inverse")
        self.table = W.HTML()
        self.table.add_class("pa-breakdown")
        self.waterfall = Chart(6.6, 3.3, cls="chart-waterfall")
        self.sweep_chart = Chart(6.6, 4.8, cls="chart-sweep")
        self.sweep_note = W.HTML()
        self.sweep_note.add_class("pa-chart-note")
        self.sweep_note.add_class("pa-sweep-note")

    def inputs(self) -> list[W.Widget]:
        return [self.fields[k].box for k in ("which", "amount", "year", "month", "kind", "accident")]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.inverse, self.table, self.waterfall.image, self.sweep_chart.image,
                self.sweep_note]

    @staticmethod
    def _choices(lang: str, year: int) -> dict[str, list[tuple[str, Any]]]:
        """The options of every selection field in ``lang`` (the one place: ``build``, ``relabel``, a new year)."""
        return {
            "which": [(tr(TXT[f"which_{k}"], lang), k) for k in WHICH],
            "month": month_options(lang),
            "kind": _kind_options(lang),
            "accident": _accident_labels(year, lang),
        }

    def relabel(self) -> None:
        for key, options in self._choices(self.lang, self.w_year.value).items():
            self.set_options(self.fields[key].widget, options)
        self.label_amount()

    @safe
    def _on_year(self, _change: Any) -> None:
        self.set_options(self.w_accident, self._choices(self.lang, self.w_year.value)["accident"])

    # ------------------------------------------------------------ compute and render

    def compute(self) -> calc.MonthCost:
        which = self.w_which.value
        key = {"gross": "gross", "net": "net", "total": "total_cost"}[which]
        return calc.employer_cost(
            year=self.w_year.value,
            month=self.w_month.value,
            kind=self.w_kind.value,
            accident_class=self.w_accident.value,
            **{key: self.number(self.w_amount, "amount")},
        )

    def render(self, r: calc.MonthCost) -> None:
        lang = self.lang
        self.figures = {f"contrib_{fund}": v for fund, v in r.by_fund.items()}
        self.show_figures([
            Figure("net", TXT["net"], r.net, main=True),
            Figure("gross", TXT["gross"], r.gross),
            Figure("ndfl", TXT["ndfl"], r.ndfl, note=f"{tr(TXT['ndfl_rate'], lang)}: {percent(r.ndfl_rate, lang)}"),
            Figure("contributions", TXT["contributions"], r.contributions),
            Figure("accident", TXT["accident_fig"], r.accident),
            Figure("total_cost", TXT["total"], r.total_cost, main=True),
        ])
        self.inverse.value = f'<div class="pa-warn">{esc(tr(r.inverse_note, lang))}</div>' if r.inverse_note else ""
        self.table.value = self._table(r)

    def _table(self, r: calc.MonthCost) -> str:
        lang = self.lang
        total = r.total_cost

        def share(v: Decimal) -> str:
            return percent((v / total).quantize(Decimal("0.001")), lang) if total else "—"

        rows = [[f"<b>{esc(tr(TXT['total'], lang))}</b>", money_html("row-total_cost", total, lang), share(total)]]
        for fund, v in r.by_fund.items():
            rows.append([f"&nbsp;&nbsp;{esc(tr(calc.FUNDS[fund], lang))}", money_html(f"row-contrib_{fund}", v, lang),
                         share(v)])
        rows.append([f"&nbsp;&nbsp;{esc(tr(TXT['accident_fig'], lang))}", money_html("row-accident", r.accident, lang),
                     share(r.accident)])
        rows.append([f"<b>{esc(tr(TXT['gross'], lang))}</b>", money_html("row-gross", r.gross, lang), share(r.gross)])
        rows.append([f"&nbsp;&nbsp;{esc(tr(TXT['ndfl'], lang))}, {esc(percent(r.ndfl_rate, lang))}",
                     money_html("row-ndfl", r.ndfl, lang), share(r.ndfl)])
        rows.append([f"<b>{esc(tr(TXT['net'], lang))}</b>", money_html("row-net", r.net, lang), share(r.net)])
        head = [esc(tr(TXT[k], lang)) for k in ("item", "amount_col", "share")]
        classes = ["total"] + [""] * (len(rows) - 2) + ["total"]
        return f"<b>{esc(tr(TXT['breakdown'], lang))}</b>" + table_html(head, rows, num_cols=(1, 2),
                                                                           row_classes=classes)

    def rules(self, r: calc.MonthCost) -> list[Any]:
        acc = calc.rulebook().lookup("contributions.accident_classes", date(r.year, 1, 1))
        return [*r.rules_used(), acc]

    # ------------------------------------------------------------ charts

    def render_chart(self, r: calc.MonthCost) -> None:
        """Waterfall: axes static (they change only with the rounded scale), bars dynamic. Sweep: curves
        static per year, kind, risk class and range; the person's point dynamic. A person beyond the sweep's
        range gets a note instead of the sweep (the chart never shows anyone else's figures)."""
        labels = self._waterfall_labels(r)
        top = nice_ceiling(float(r.total_cost) * 1.3)
        self.waterfall.draw((self.lang, tuple(labels), top), lambda fig: self._waterfall_axes(fig, labels, top),
                            lambda fig: self._waterfall_bars(fig, r))
        self._draw_sweep(r)

    def _draw_sweep(self, r: calc.MonthCost) -> None:
        lang = self.lang
        annual = r.gross * 12
        ks = kinks(r.year, r.kind)
        year_tot = None
        if annual <= SWEEP_LIMIT:
            try:
                year = calc.year_payroll(r.gross, r.year, kind=r.kind, accident_class=self.w_accident.value)
                year_tot = year.totals()
            except calc.CalcError:  # e.g. a yearly income the engine does not take
                year_tot = None
        if year_tot is None:
            self.sweep_chart.image.layout.display = "none"
            last = ks[-1] if ks else None
            passed = (tr(TXT["all_passed"], lang).format(label=tr(last[1], lang), amount=money_label(last[0], lang))
                      if last is not None and last[0] < annual else "")
            self.sweep_note.value = esc(tr(TXT["off_chart"], lang).format(
                limit=money_label(Decimal(SWEEP_LIMIT), lang), annual=money_label(annual, lang), kinks=passed))
            return
        self.sweep_chart.image.layout.display = ""
        xmax = sweep_max(annual)
        data = sweep(r.year, r.kind, self.w_accident.value, xmax)
        skey = (lang, r.year, r.kind, self.w_accident.value, xmax)
        self.sweep_chart.draw(skey, lambda fig: self._sweep(fig, data, r.year, r.kind, xmax),
                              lambda fig: self._you(fig, year_tot))
        beyond = [(x, label) for x, label in ks if x >= xmax]
        items = "; ".join(tr(TXT["beyond_item"], lang).format(label=tr(label, lang), amount=money_label(x, lang))
                          for x, label in beyond)
        self.sweep_note.value = esc(tr(TXT["beyond"], lang).format(items=items)) if beyond else ""

    def _waterfall_labels(self, r: calc.MonthCost) -> list[str]:
        lang = self.lang
        funds = [f"− {tr(calc.FUNDS[f], lang)}" for f in r.by_fund]
        return [tr(TXT["total"], lang), *funds, f"− {tr(TXT['accident_fig'], lang)}", tr(TXT["gross"], lang),
                f"− {tr(TXT['ndfl'], lang)}", tr(TXT["net"], lang)]

    def _waterfall_axes(self, fig: Any, labels: list[str], top: float) -> None:
        """The static part of the waterfall, lying on its side: one row per step from the total cost down to
        net pay, each category name on its own line at the left (they cannot run into each other), the ₽
        axis up to a round limit, the title."""
        from matplotlib.ticker import MaxNLocator

        lang = self.lang
        ax = fig.add_subplot(111)
        n = len(labels)
        ax.set_ylim(n - 0.5, -0.6)
        ax.set_xlim(0, top)
        ax.set_autoscale_on(False)
        ax.set_yticks(range(n), [_wrap(x, 30) for x in labels], fontsize=8 if n <= 7 else 7.5)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))  # room for long amounts
        ax.xaxis.set_major_formatter(money_formatter(lang))
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel(tr(TXT["y_waterfall"], lang), fontsize=9)
        ax.grid(axis="x", alpha=0.3)
        ax.set_title(tr(TXT["waterfall_title"], lang), fontsize=11, loc="left")
        renderer = fig.canvas.get_renderer()
        widest = max(t.get_window_extent(renderer).width for t in ax.get_yticklabels())
        width_px = fig.get_figwidth() * fig.dpi
        fig.subplots_adjust(left=min(0.45, (widest + 14) / width_px), right=0.93, top=0.9, bottom=0.15)

    def _waterfall_bars(self, fig: Any, r: calc.MonthCost) -> list[Any]:
        """The dynamic part: total cost → minus each fund and accident insurance → gross → minus НДФЛ → net;
        each amount beside its own bar (right of it, else left of it, else inside it)."""
        from matplotlib.transforms import Bbox

        lang = self.lang
        ax = fig.axes[0]
        bars: list[tuple[float, float, str, Decimal]] = [(0.0, float(r.total_cost), "#57606a", r.total_cost)]
        level = float(r.total_cost)
        for v in [*r.by_fund.values(), r.accident]:
            bars.append((level - float(v), level, "#fb8f44", v))
            level -= float(v)
        bars += [(0.0, float(r.gross), "#0969da", r.gross), (float(r.net), float(r.gross), "#cf222e", r.ndfl),
                 (0.0, float(r.net), "#2da44e", r.net)]
        ys = range(len(bars))
        rects = ax.barh(ys, [hi - lo for lo, hi, _, _ in bars], left=[lo for lo, _, _, _ in bars],
                        color=[c for _, _, c, _ in bars], height=0.62)
        ax.containers.remove(rects)  # the rectangles are drawn (and removed) one by one
        artists: list[Any] = list(rects)
        frame = Bbox(ax.get_window_extent().get_points())
        for y, (lo, hi, _colour, v) in zip(ys, bars, strict=True):
            text = money_label(v, lang)

            def at(option: tuple[float, float, str, str], y: int = y, text: str = text) -> Any:
                x, dx, ha, color = option
                return ax.annotate(text, (x, y), xytext=(dx, 0), textcoords="offset points", ha=ha, va="center",
                                   fontsize=8, color=color)

            places = [(hi, 3, "left", "#1f2328"), (lo, -3, "right", "#1f2328"), ((lo + hi) / 2, 0, "center", "white")]
            label, _ = place_text(ax, at, places, inside=frame)
            artists.append(label)
        return artists

    def _sweep(self, fig: Any, data: tuple, year: int, kind: str, xmax: int) -> None:
        """The static part: net pay, gross and total cost a year over the range; below, the rate on the next
        ruble; the kinks as dashed lines, each labelled at the top where it runs into no curve, no legend
        and no other label (several rows if needed)."""
        import numpy as np
        from matplotlib.ticker import MaxNLocator

        lang = self.lang
        g, n, c, t = data
        fig.subplots_adjust(left=0.15, right=0.96, top=0.93, bottom=0.1, hspace=0.12)
        ax, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.4, 1]})
        curves = [
            ax.plot(g, c, color="#57606a", linewidth=2, label=tr(TXT["line_total"], lang))[0],
            ax.plot(g, g, color="#0969da", linewidth=1, linestyle=":", label=tr(TXT["line_gross"], lang))[0],
            ax.plot(g, n, color="#2da44e", linewidth=2, label=tr(TXT["line_net"], lang))[0],
        ]
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, max(c) * 1.32)  # room above the curves for the kinks' labels
        ax.set_autoscale_on(False)
        ax.yaxis.set_major_formatter(money_formatter(lang, "millions"))
        ax.set_ylabel(tr(TXT["y_sweep"], lang))
        # the legend stands in the empty corner above the curves, below the rows of the kinks' labels
        legend = ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.72), fontsize=8, frameon=False)
        ax.grid(alpha=0.3)
        ax.set_title(tr(TXT["sweep_title"], lang).format(year=year), fontsize=11, loc="left")
        mx, m_tax = _marginal(g, t)
        _, m_cost = _marginal(g, c)
        ax2.step(mx, m_tax, where="post", color="#cf222e", label=tr(TXT["line_mndfl"], lang))
        ax2.step(mx, [v - 1 for v in m_cost], where="post", color="#fb8f44", label=tr(TXT["line_mcontrib"], lang))
        ax2.set_ylim(0, 0.5)
        ax2.yaxis.set_major_formatter(percent_formatter(lang))
        ax2.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        ax2.xaxis.set_major_formatter(money_formatter(lang, "millions"))
        ax2.set_ylabel(tr(TXT["y_marginal"], lang), fontsize=8)
        ax2.set_xlabel(tr(TXT["x_sweep"], lang))
        ax2.legend(loc="upper right", fontsize=8, frameon=False, ncol=2)
        ax2.grid(alpha=0.3)
        renderer = fig.canvas.get_renderer()
        lines = [ln.get_transform().transform(np.column_stack(ln.get_data())) for ln in curves]
        boxes = [legend.get_window_extent(renderer)]
        row = 11.0  # points between label rows
        for x, label in kinks(year, kind):
            if not 0 < x < xmax:
                continue
            for a in (ax, ax2):
                a.axvline(float(x), color="#8c959f", linestyle="--", linewidth=0.8)

            def at(option: tuple[int, str], x: Decimal = x, text: str = tr(label, lang)) -> Any:
                level, side = option
                return ax.annotate(text, (float(x), 1.0), xycoords=("data", "axes fraction"),
                                   xytext=(3 if side == "left" else -3, -4 - row * level), textcoords="offset points",
                                   ha=side, va="top", fontsize=7.5, color="#57606a")

            options = [(level, side) for level in range(5) for side in ("left", "right")]
            _, box = place_text(ax, at, options, avoid=boxes, lines=lines)
            boxes.append(box)
        self._sweep_avoid = (boxes, lines)

    def _you(self, fig: Any, tot: dict[str, Decimal]) -> list[Any]:
        """The person's year: a vertical line at their annual gross, points on the net and cost curves, two
        labels placed off the curves, the kinks' labels and the legend."""
        import numpy as np

        lang = self.lang
        ax, ax2 = fig.axes[0], fig.axes[1]
        x = float(tot["gross"])
        y_cost, y_net = float(tot["total_cost"]), float(tot["net"])
        box = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}
        style = {"textcoords": "offset points", "fontsize": 9, "color": "#cf222e", "fontweight": "bold", "bbox": box}
        you = tr(TXT["you"], lang)
        artists = [
            ax.axvline(x, color="#cf222e", linewidth=1),
            ax2.axvline(x, color="#cf222e", linewidth=1),
            *ax.plot([x, x], [y_net, y_cost], "o", color="#cf222e", markersize=7),
        ]
        boxes, lines = getattr(self, "_sweep_avoid", ([], []))
        to_px = ax.transData.transform
        top = ax.get_ylim()[1]
        red = to_px(np.array([(x, 0.0), (x, top)]))
        lines = [*lines, red]
        marks = [_around(to_px((x, y)), 6) for y in (y_cost, y_net)]
        texts = [(f"{you}: {tr(TXT['line_total'], lang)} {money_label(tot['total_cost'], lang)}", y_cost, UPPER),
                 (f"{tr(TXT['line_net'], lang)} {money_label(tot['net'], lang)}", y_net, LOWER)]
        placed: list[Any] = []
        for text, y, places in texts:

            def at(option: tuple[float, float, str, str], text: str = text, y: float = y) -> Any:
                dx, dy, ha, va = option
                corner = (0.0 if ha == "left" else 1.0, 0.0 if va == "bottom" else 1.0)
                lead = ({"arrowstyle": "-", "color": "#cf222e", "linewidth": 0.8, "relpos": corner}
                        if abs(dy) > 10 or abs(dx) > 10 else None)
                return ax.annotate(text, (x, y), xytext=(dx, dy), ha=ha, va=va, arrowprops=lead, **style)

            label, b = place_text(ax, at, places, avoid=[*boxes, *marks, *placed], lines=lines)
            placed.append(b)
            artists.append(label)
        return artists

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = covered_years()
        return [
            Param("which", parse_choice(WHICH), setter(self.w_which), lambda: self.w_which.value),
            Param("amount", parse_decimal(0, 10**9), setter(self.w_amount), lambda: self.w_amount.value.strip()),
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), setter(self.w_month), lambda: self.w_month.value),
            Param("kind", parse_choice(calc.KINDS), setter(self.w_kind), lambda: self.w_kind.value),
            Param("accident", parse_int(1, 32), setter(self.w_accident), lambda: self.w_accident.value),
        ]


UPPER: tuple[tuple[float, float, str, str], ...] = (
    *((dx, dy, ha, "bottom") for dy in (6, 22, 38, 54, 70, 86) for dx, ha in ((8, "left"), (-8, "right"))),
    *((-dx, dy, "right", "bottom") for dx in (40, 80) for dy in (10, 30)),
)
"""Places for the label of the total cost point: above it (the curves are below), nearest first."""
LOWER: tuple[tuple[float, float, str, str], ...] = (
    *((dx, dy, ha, "top") for dy in (-6, -22, -38, -54) for dx, ha in ((8, "left"), (-8, "right"))),
    *((dx, dy, "left", "bottom") for dx in (40, 80, 120, 160) for dy in (-2, 2)),
)
"""Places for the label of the net pay point: below it and to the right (below the curves), nearest first;
far to the right when the point sits at the bottom of the chart."""


def _around(point: Any, half: float) -> Any:
    """A square box of ``half`` pixels around a display point (a marker)."""
    from matplotlib.transforms import Bbox

    x, y = point
    return Bbox.from_extents(x - half, y - half, x + half, y + half)


def _wrap(label: str, width: int = 12) -> str:
    """Break a long tick label into lines."""
    words, lines, line = label.split(), [], ""
    for w in words:
        if line and len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)


def build(lang: str = "ru", params: dict[str, str] | None = None) -> CostApp:
    """Build the app (for tests and for notebooks)."""
    return CostApp(lang, params)


def main() -> CostApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(CostApp)


__all__ = ["CostApp", "build", "main"]
