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
from calc.text import T, Text, money_short, percent, tr

from .common import (
    App,
    Chart,
    Figure,
    Param,
    amount_text,
    covered_years,
    default_year,
    esc,
    money_formatter,
    money_html,
    month_options,
    nice_ceiling,
    options_for,
    parse_choice,
    parse_decimal,
    parse_int,
    percent_formatter,
    run,
    safe,
    setter,
    table_html,
)

WHICH = ("gross", "net", "total")
SWEEP_POINTS = 90

TXT: dict[str, Text] = {
    "which": T("Я знаю сумму", "I know the amount"),
    "which_gross": T("начислено", "gross"),
    "which_net": T("на руки", "net"),
    "which_total": T("полная стоимость", "total cost"),
    "amount_gross": T("Начислено за месяц (до НДФЛ), ₽", "Gross pay for the month (before НДФЛ), ₽"),
    "amount_net": T("На руки за месяц, ₽", "Net pay for the month, ₽"),
    "amount_total": T("Полная стоимость для работодателя за месяц, ₽", "Total monthly cost to the employer, ₽"),
    "amount_hint": T(
        "Введите одну сумму — остальные калькулятор найдёт сам.",
        "Type one amount — the calculator finds the others.",
    ),
    "year": T("Год", "Year"),
    "month": T("Месяц", "Month"),
    "month_hint": T(
        "Считается, что с января по этот месяц каждый месяц начислялась одна и та же сумма: так учитываются "
        "ступени НДФЛ и предельная база взносов, пройденные раньше в году.",
        "The same pay is assumed in every month from January to this one, so tax bands and contribution caps "
        "crossed earlier in the year are taken into account.",
    ),
    "kind": T("Работодатель", "Employer"),
    "accident": T("Класс профессионального риска", "Occupational risk class"),
    "accident_hint": T(
        "Взносы на травматизм: 0,2 % для офисной работы (1 класс) и до 8,5 % для самых опасных производств.",
        "Accident insurance: 0.2% for office work (class 1) up to 8.5% for the most dangerous industries.",
    ),
    "gross": T("Начислено", "Gross pay"),
    "ndfl": T("НДФЛ", "НДФЛ (income tax)"),
    "net": T("На руки", "Net pay"),
    "contributions": T("Страховые взносы", "Insurance contributions"),
    "accident_fig": T("Взносы на травматизм", "Accident insurance"),
    "total": T("Полная стоимость", "Total cost"),
    "ndfl_rate": T("Ставка НДФЛ в этом месяце", "НДФЛ rate this month"),
    "breakdown": T("Из чего складывается стоимость работника", "What the employee costs"),
    "item": T("Статья", "Item"),
    "amount_col": T("Сумма за месяц", "Amount a month"),
    "share": T("Доля от полной стоимости", "Share of the total cost"),
    "x_sweep": T("Начислено за год, ₽", "Gross pay for the year, ₽"),
    "y_sweep": T("За год, ₽", "For the year, ₽"),
    "y_marginal": T("Ставка на след. рубль", "Rate on next ruble"),
    "line_net": T("на руки", "net pay"),
    "line_total": T("полная стоимость", "total cost"),
    "line_gross": T("начислено", "gross"),
    "line_mndfl": T("НДФЛ", "НДФЛ"),
    "line_mcontrib": T("взносы", "contributions"),
    "sweep_title": T("Вся шкала: на руки и стоимость за год, {year} г.", "The whole range: net pay and cost a year, "
                     "{year}"),
    "waterfall_title": T("От стоимости для работодателя к сумме на руки", "From the employer's cost to net pay"),
    "you": T("Вы", "You"),
    "sme_threshold": T("Порог МСП", "SME threshold"),
    "caps": T("Предельная база взносов", "Contribution cap"),
    "year_note": T(
        "За год при такой зарплате каждый месяц: начислено {gross}, на руки {net}, стоимость {total}.",
        "For the year with this pay every month: gross {gross}, net {net}, cost {total}.",
    ),
}


def _accident_labels(year: int, lang: str) -> list[tuple[str, int]]:
    table = calc.rulebook().value("contributions.accident_classes", date(year, 1, 1))
    return [(f"{k} — {percent(Decimal(str(v)), lang)}", int(k)) for k, v in table.items()]


def _kind_options(lang: str) -> list[tuple[str, str]]:
    return options_for([(label, kind) for kind, label in calc.KINDS.items()], lang)


def kinks(year: int, kind: str) -> list[tuple[Decimal, Text]]:
    """Where bands and caps begin (merged when they coincide), plus the SME threshold × 12."""
    found = list(calc.marginal_kinks(year, kind))
    threshold = calc.tariff(kind, date(year, 1, 1)).threshold
    if threshold:
        found.append((threshold * 12, TXT["sme_threshold"]))
    merged: dict[Decimal, list[Text]] = {}
    for x, label in sorted(found, key=lambda k: k[0]):
        merged.setdefault(x, []).append(label)
    return [(x, labels[0] if len(labels) == 1 else TXT["caps"]) for x, labels in merged.items()]


def sweep_max(annual: Decimal) -> int:
    """The right end of the sweep: at least 6 million a year, 1.5 × the person's pay, in steps of 2 million."""
    top = max(Decimal(6_000_000), annual * Decimal("1.5"))
    step = 2_000_000
    return min(int(-(-top // step) * step), 120_000_000)


@lru_cache(maxsize=32)
def sweep(year: int, kind: str, accident: int, xmax: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Annual gross, net, total cost and НДФЛ over [0, xmax] (the grid includes every kink exactly)."""
    grid = {Decimal(xmax) * i / SWEEP_POINTS for i in range(SWEEP_POINTS + 1)}
    for x, _ in kinks(year, kind):
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


class CostApp(App):
    """Gross ⇄ net ⇄ total cost calculator."""

    name = "cost"
    title = T("Сколько работник стоит работодателю", "What an employee costs the employer")
    intro = T(
        "Введите одну сумму — начисленную зарплату, зарплату на руки или полную стоимость — и калькулятор найдёт "
        "остальные: НДФЛ, страховые взносы по фондам и взносы на травматизм.",
        "Type one amount — gross pay, net pay or the total cost — and the calculator finds the rest: НДФЛ, "
        "contributions by fund and accident insurance.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        "gross": "amount", "net": "amount", "total_cost": "amount", "accident_class": "accident",
        "accident_rate": "accident",
    }

    def build(self) -> None:
        self.w_which = W.ToggleButtons(options=[("", k) for k in WHICH], value="gross")
        self.w_amount = W.Text(value="100000", continuous_update=False)
        year = default_year()
        self.w_year = W.Dropdown(options=covered_years(), value=year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=1)
        self.w_kind = W.Dropdown(options=_kind_options(self.lang), value="general")
        self.w_accident = W.Dropdown(options=_accident_labels(year, self.lang), value=1)
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
        self.waterfall = Chart(6.6, 3.1, cls="chart-waterfall")
        self.sweep_chart = Chart(6.6, 4.6, cls="chart-sweep")

    def inputs(self) -> list[W.Widget]:
        return [self.fields[k].box for k in ("which", "amount", "year", "month", "kind", "accident")]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.inverse, self.table, self.waterfall.image, self.sweep_chart.image]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_which, [(tr(TXT[f"which_{k}"], lang), k) for k in WHICH])
        self.set_options(self.w_month, month_options(lang))
        self.set_options(self.w_kind, _kind_options(lang))
        self.set_options(self.w_accident, _accident_labels(self.w_year.value, lang))
        f = self.fields["amount"]
        f.label = TXT[f"amount_{self.w_which.value}"]
        f.set_lang(lang)

    @safe
    def _on_year(self, _change: Any) -> None:
        self.set_options(self.w_accident, _accident_labels(self.w_year.value, self.lang))

    @safe
    def _on_which(self, change: Any) -> None:
        """Switching the known amount keeps the scenario: the field takes the current value of that amount."""
        r = self.result
        if r is not None:
            value = {"gross": r.gross, "net": r.net, "total": r.total_cost}[change["new"]]
            with self.hold():
                self.w_amount.value = amount_text(value)
        f = self.fields["amount"]
        f.label = TXT[f"amount_{change['new']}"]
        f.set_lang(self.lang)
        self.refresh()

    # ------------------------------------------------------------ compute and render

    def compute(self) -> calc.MonthCost:
        which = self.w_which.value
        key = {"gross": "gross", "net": "net", "total": "total_cost"}[which]
        return calc.employer_cost(
            year=self.w_year.value,
            month=self.w_month.value,
            kind=self.w_kind.value,
            accident_class=self.w_accident.value,
            **{key: self.w_amount.value},
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
        static per year, kind, risk class and range; the person's point dynamic."""
        labels = self._waterfall_labels(r)
        top = nice_ceiling(float(r.total_cost) * 1.12)
        self.waterfall.draw((self.lang, tuple(labels), top), lambda fig: self._waterfall_axes(fig, labels, top),
                            lambda fig: self._waterfall_bars(fig, r))
        annual = r.gross * 12
        xmax = sweep_max(annual)
        data = sweep(r.year, r.kind, self.w_accident.value, xmax)
        year_tot = calc.year_payroll(r.gross, r.year, kind=r.kind, accident_class=self.w_accident.value).totals()
        skey = (self.lang, r.year, r.kind, self.w_accident.value, xmax)
        self.sweep_chart.draw(skey, lambda fig: self._sweep(fig, data, r.year, r.kind, xmax),
                              lambda fig: self._you(fig, year_tot))

    def _waterfall_labels(self, r: calc.MonthCost) -> list[str]:
        lang = self.lang
        funds = [f"− {tr(calc.FUNDS[f], lang)}" for f in r.by_fund]
        return [tr(TXT["total"], lang), *funds, f"− {tr(TXT['accident_fig'], lang)}", tr(TXT["gross"], lang),
                f"− {tr(TXT['ndfl'], lang)}", tr(TXT["net"], lang)]

    def _waterfall_axes(self, fig: Any, labels: list[str], top: float) -> None:
        """The static part of the waterfall: categories, the ₽ axis up to a round limit, the title."""
        lang = self.lang
        fig.subplots_adjust(left=0.17, right=0.98, top=0.9, bottom=0.22)
        ax = fig.add_subplot(111)
        ax.set_xlim(-0.6, len(labels) - 0.4)
        ax.set_ylim(0, top)
        ax.set_autoscale_on(False)
        crowded = len(labels) > 7
        ticks = [_wrap(x, 11 if crowded else 12) for x in labels]
        ax.set_xticks(range(len(labels)), ticks, fontsize=7 if crowded else 8)
        ax.yaxis.set_major_formatter(money_formatter(lang))
        ax.set_ylabel("₽ / " + ("месяц" if lang == "ru" else "month"))
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(tr(TXT["waterfall_title"], lang), fontsize=11, loc="left")

    def _waterfall_bars(self, fig: Any, r: calc.MonthCost) -> list[Any]:
        """The dynamic part: total cost → minus each fund and accident insurance → gross → minus НДФЛ → net."""
        lang = self.lang
        ax = fig.axes[0]
        bars: list[tuple[float, float, str, Decimal]] = [(0.0, float(r.total_cost), "#57606a", r.total_cost)]
        level = float(r.total_cost)
        for v in [*r.by_fund.values(), r.accident]:
            bars.append((level - float(v), level, "#fb8f44", v))
            level -= float(v)
        bars += [(0.0, float(r.gross), "#0969da", r.gross), (float(r.net), float(r.gross), "#cf222e", r.ndfl),
                 (0.0, float(r.net), "#2da44e", r.net)]
        xs = range(len(bars))
        rects = ax.bar(xs, [hi - lo for lo, hi, _, _ in bars], bottom=[lo for lo, _, _, _ in bars],
                       color=[c for _, _, c, _ in bars], width=0.65)
        artists: list[Any] = list(rects)
        for x, (_, hi, _, v) in zip(xs, bars, strict=True):
            artists.append(ax.annotate(money_short(v.quantize(Decimal(1)), lang), (x, hi), xytext=(0, 2),
                                       textcoords="offset points", ha="center", va="bottom", fontsize=8))
        ax.containers.remove(rects)  # the rectangles are drawn (and removed) one by one
        return artists

    def _sweep(self, fig: Any, data: tuple, year: int, kind: str, xmax: int) -> None:
        lang = self.lang
        g, n, c, t = data
        fig.subplots_adjust(left=0.13, right=0.95, top=0.92, bottom=0.11, hspace=0.12)
        ax, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
        ax.plot(g, c, color="#57606a", linewidth=2, label=tr(TXT["line_total"], lang))
        ax.plot(g, g, color="#0969da", linewidth=1, linestyle=":", label=tr(TXT["line_gross"], lang))
        ax.plot(g, n, color="#2da44e", linewidth=2, label=tr(TXT["line_net"], lang))
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, max(c) * 1.05)
        ax.set_autoscale_on(False)
        ax.yaxis.set_major_formatter(money_formatter(lang, "millions"))
        ax.set_ylabel(tr(TXT["y_sweep"], lang))
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        ax.grid(alpha=0.3)
        ax.set_title(tr(TXT["sweep_title"], lang).format(year=year), fontsize=11, loc="left")
        mx, m_tax = _marginal(g, t)
        _, m_cost = _marginal(g, c)
        ax2.step(mx, m_tax, where="post", color="#cf222e", label=tr(TXT["line_mndfl"], lang))
        ax2.step(mx, [v - 1 for v in m_cost], where="post", color="#fb8f44", label=tr(TXT["line_mcontrib"], lang))
        ax2.set_ylim(0, 0.45)
        ax2.yaxis.set_major_formatter(percent_formatter(lang))
        ax2.xaxis.set_major_formatter(money_formatter(lang, "millions"))
        ax2.set_ylabel(tr(TXT["y_marginal"], lang), fontsize=8)
        ax2.set_xlabel(tr(TXT["x_sweep"], lang))
        ax2.legend(loc="upper right", fontsize=8, frameon=False, ncol=2)
        ax2.grid(alpha=0.3)
        for i, (x, label) in enumerate(kinks(year, kind)):
            if 0 < x < xmax:
                for a in (ax, ax2):
                    a.axvline(float(x), color="#8c959f", linestyle="--", linewidth=0.8)
                ax.annotate(tr(label, lang), (float(x), 0), xytext=(3, 4 + 12 * (i % 3)), textcoords="offset points",
                            fontsize=7.5, color="#57606a", rotation=0)

    def _you(self, fig: Any, tot: dict[str, Decimal]) -> list[Any]:
        """The person's year: a vertical line at their annual gross, points on the net and cost curves."""
        lang = self.lang
        ax, ax2 = fig.axes[0], fig.axes[1]
        x = float(tot["gross"])
        left = x < ax.get_xlim()[1] * 0.6
        box = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}
        style = {"textcoords": "offset points", "fontsize": 9, "color": "#cf222e", "fontweight": "bold", "bbox": box,
                 "ha": "left" if left else "right"}
        dx = 8 if left else -8
        you = tr(TXT["you"], lang)
        return [
            ax.axvline(x, color="#cf222e", linewidth=1),
            ax2.axvline(x, color="#cf222e", linewidth=1),
            *ax.plot([x, x], [float(tot["net"]), float(tot["total_cost"])], "o", color="#cf222e", markersize=7),
            ax.annotate(f"{you}: {tr(TXT['line_total'], lang)} {money_short(tot['total_cost'], lang)}",
                        (x, float(tot["total_cost"])), xytext=(dx, 4), **style),
            ax.annotate(f"{tr(TXT['line_net'], lang)} {money_short(tot['net'], lang)}",
                        (x, float(tot["net"])), xytext=(dx, -14), **style),
        ]

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
