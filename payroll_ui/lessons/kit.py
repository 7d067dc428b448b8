"""Display helpers for the lesson notebooks: explanations, sentences with computed figures, tables
and charts, in the lesson's language.

Every figure shown goes through ``calc`` and ``calc.core.text`` formatting; the notebooks only say
which calculation to show. Outputs are plain HTML, Markdown and PNG so they are deterministic
(checked by nbval) and print well in the handouts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import calc
from calc.core.i18n import Message, _, pgettext
from calc.core.text import LANGS, Text, day, dong, money, month_name, num, percent, quantity, tr

__all__ = [
    "bar_chart",
    "bargain_table",
    "calendar_table",
    "child_deductions",
    "compare_scales",
    "country",
    "fmt",
    "footer",
    "holiday_name",
    "html_table",
    "lang",
    "lines_table",
    "list_check",
    "month_in",
    "month_of",
    "month_summary",
    "ndfl_scales",
    "payslip_table",
    "pct",
    "plain",
    "qty",
    "rule_value",
    "say",
    "scale_note",
    "scale_steps_text",
    "scales_table",
    "seed_check",
    "setup",
    "show",
    "show_text",
    "table",
    "tariff_table",
    "vnd",
    "when",
    "withholding_table",
    "workforce_bands",
    "workforce_headline",
    "workforce_table",
    "year_table",
]

_state = {"lang": "ru", "country": "ru"}
COUNTRY_LANGS = {"ru": ("ru", "en"), "vn": ("vi", "en")}
"""The languages of each country's lessons (scripts/build_lessons.py ``SERIES``)."""

STYLE = """<style>
.lesson-table {border-collapse: collapse; margin: 0.4em 0 1em 0; font-size: 0.95em;}
.lesson-table th, .lesson-table td {border: 1px solid #c8c8c8; padding: 3px 8px; vertical-align: top;}
.lesson-table th, .lesson-table td {text-align: left !important;}
.lesson-table th {background: #f0f0f0;}
.lesson-table td.num {text-align: right !important; white-space: nowrap;}
.lesson-table tr.total td {font-weight: bold; background: #fafafa;}
.lesson-table tr.mark td {background: #fff4d6;}
.calc-explain {border-collapse: collapse; margin: 0.4em 0 1em 0; font-size: 0.92em;}
.calc-explain th, .calc-explain td {border: 1px solid #c8c8c8; padding: 3px 8px; vertical-align: top;
  text-align: left !important;}
.calc-explain th {background: #f0f0f0;}
.calc-explain .numbers {color: #1a4d8f;}
.lesson-ok {color: #1b7a2e; font-weight: bold;}
.lesson-bad {color: #b3261e; font-weight: bold;}
@media print {.jp-OutputArea-output, .output_area {break-inside: avoid;}}
</style>"""


def lang() -> str:
    """The lesson's language (set once by :func:`setup`)."""
    return _state["lang"]


def country() -> str:
    """The lesson's country ("ru", "vn"): its currency and its rules (set once by :func:`setup`)."""
    return _state["country"]


def setup(language: str, country: str = "ru") -> None:
    """Start a lesson: remember its language and country (amounts in ₽ or ₫, the rules in the footer), add the
    table styles, draw charts as PNG."""
    if language not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
    if language not in COUNTRY_LANGS.get(country, ()):
        raise ValueError(f"the lessons of {country!r} are in {COUNTRY_LANGS.get(country, ())}, not {language!r}")
    _state["lang"] = language
    _state["country"] = country
    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
    except ImportError:  # pragma: no cover - outside Jupyter
        pass
    _display_html(STYLE)


def pick_text(ru: str, en: str) -> str:
    """A text in the lesson's language (the lesson builder writes the chosen text in directly)."""
    return ru if lang() == "ru" else en


# ---------------------------------------------------------------- typed values for sentences


@dataclass(frozen=True)
class Shown:
    """A value with the way to show it."""

    value: Any
    unit: str

    def text(self, language: str) -> str:
        if self.unit == "rate":
            return percent(self.value, language)
        if self.unit == "date":
            return day(self.value, language)
        if self.unit == "month":
            return month_name(self.value[1], language, self.value[0])
        if self.unit == "plain":
            return num(self.value, language, "#,##0.####")
        return quantity(self.value, self.unit, language)


def pct(value: Any) -> Shown:
    """A rate shown as a percentage (0.15 → 15 %)."""
    return Shown(value, "rate")


def qty(value: Any, unit: str) -> Shown:
    """A count with its word: ``qty(20, "days")`` → "20 дней" / "20 days"."""
    return Shown(value, unit)


def vnd(value: Any) -> Shown:
    """An amount in đồng (in a Vietnamese lesson a Decimal is shown in đồng anyway)."""
    return Shown(value, "vnd")


def plain(value: Any) -> Shown:
    """A number without a unit."""
    return Shown(value, "plain")


def when(value: date) -> Shown:
    return Shown(value, "date")


_MONTHS_IN_RU = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                 "октябре", "ноябре", "декабре")


def month_in(month: int, language: str | None = None) -> str:
    """The month's name as it follows "в" / "in": "августе" / "August" ("в {} доход…" / "in {} income…")."""
    language = language or lang()
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return _MONTHS_IN_RU[month - 1] if language == "ru" else month_name(month, language)


def month_of(year: int, month: int) -> Shown:
    """"май 2017" / "May 2017"."""
    return Shown((year, month), "month")


def fmt(value: Any, language: str | None = None) -> str:
    """Show a value: Decimal → money, int → number, date → date, Shown → by its unit, text as is."""
    language = language or lang()
    if isinstance(value, Shown):
        return value.text(language)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return dong(value, language) if _state["country"] == "vn" else money(value, language)
    if isinstance(value, int):
        return num(value, language)
    if isinstance(value, date):
        return day(value, language)
    if isinstance(value, dict | Message):
        return tr(value, language)
    return str(value)


# ---------------------------------------------------------------- output


def _display_html(text: str) -> None:
    from IPython.display import HTML, display

    display(HTML(text))


def say(text: str, *values: Any) -> None:
    """A sentence (Markdown) with computed figures put in: ``say("Pay for May: {}", pay.amount)``."""
    from IPython.display import Markdown, display

    display(Markdown(text.format(*(fmt(v) for v in values))))


def show(result: Any) -> None:
    """The engine's explanation of a result as a table: item, formula with the numbers, result, law."""
    _display_html(result.explain_html(lang()))


def show_text(result: Any) -> None:
    """The engine's explanation as plain text (the same text the exercises reveal)."""
    print(result.explain(lang()))


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    total: Sequence[Any] | None = None,
    marked: Iterable[int] = (),
) -> str:
    """An HTML table; numbers and money right-aligned; ``marked`` row indexes highlighted."""
    e = html.escape
    marks = set(marked)

    def cells(row: Sequence[Any]) -> str:
        out = []
        for v in row:
            numeric = isinstance(v, Decimal | int | Shown) and not isinstance(v, bool)
            out.append(f"<td class='num'>{e(fmt(v))}</td>" if numeric else f"<td>{e(fmt(v))}</td>")
        return "".join(out)

    body = [
        f"<tr class='mark'>{cells(r)}</tr>" if i in marks else f"<tr>{cells(r)}</tr>" for i, r in enumerate(rows)
    ]
    if total is not None:
        body.append(f"<tr class='total'>{cells(total)}</tr>")
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    return f"<table class='lesson-table'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], **kwargs: Any) -> None:
    """Show a table (see :func:`html_table`)."""
    _display_html(html_table(headers, rows, **kwargs))


def _t(text: Text) -> str:
    return tr(text, lang())


# ---------------------------------------------------------------- ready-made tables


_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def holiday_name(name: Text, language: str | None = None) -> str:
    """A holiday's name from the calendar as a lesson shows it: in English, the ``holidays`` package's
    US dates ("substituted from 01/07/2017", month first) are written out ("7 Jan 2017") and its US
    spelling ("Labor") becomes British ("Labour")."""
    language = language or lang()
    text = tr(name, language)
    if language != "en":
        return text
    text = _US_DATE.sub(lambda m: day(date(int(m.group(3)), int(m.group(1)), int(m.group(2))), "en"), text)
    return re.sub(r"\bLabor\b", "Labour", text)


def calendar_table(year: int, month: int, *, only_days_off: bool = False, first_half: int | None = None) -> None:
    """The month in the production calendar: each day's kind and the holiday's name.

    ``first_half=15`` highlights the working days from the 1st to the 15th.
    """
    from calc.ru.calendar import KIND_LABELS

    days = calc.month_days(year, month)
    rows, marked = [], []
    for d in days:
        if only_days_off and d.working and d.kind != "shortened":
            continue
        if first_half and d.working and d.date.day <= first_half:
            marked.append(len(rows))
        rows.append([d.date, _weekday(d.date), _t(KIND_LABELS[d.kind]), holiday_name(d.name) if d.name else "",
                     d.hours])
    headers = [_t(_("Date")), _t(_("Day")), _t(_("Kind of day")),
               _t(_("Holiday / transfer")), _t(_("Hours"))]
    table(headers, rows, marked=marked)


def _weekday(d: date) -> str:
    from babel.dates import format_date

    from calc.core.text import LOCALES

    return format_date(d, "EEE", locale=LOCALES[lang()])


def month_summary(year: int, months: Iterable[int] = range(1, 13)) -> None:
    """Working days and hour norms of the months of a year."""
    rows = [
        [month_name(m, lang()), qty(calc.working_days(year, m), "days"), qty(calc.work_hours(year, m), "hours")]
        for m in months
    ]
    headers = [_t(_("Month")), _t(_("Working days")), _t(_("Hour norm"))]
    table(headers, rows)


def lines_table(lines: Sequence[Any], total_label: Text | None = None, total: Decimal | None = None) -> None:
    """Pay lines (label, amount), with a total row."""
    rows = [[_t(x.label), x.amount] for x in lines]
    tot = [_t(total_label or _("Total")), total if total is not None else sum((x.amount for x in lines),
                                                                                      Decimal(0))]
    table([_t(_("Line")), _t(_("Amount"))], rows, total=tot)


def payslip_table(p: calc.Payslip) -> None:
    """A payslip: accrued, withheld, paid out, and what the employer pays on top."""
    acc, wh, paid, top = (_("Accrued"), _("Withheld"), _("Paid out"),
                          _("The employer pays on top"))
    rows: list[list[Any]] = [[_t(acc), _t(x.label), x.amount] for x in p.lines]
    rows.append([_t(acc), _t(_("Total accrued")), p.gross])
    rows.append([_t(wh), _t(_("Income tax (НДФЛ)")), p.ndfl])
    rows.append([_t(paid), _t(_("Advance (first half of the month)")),
                 p.advance.paid])
    rows.append([_t(paid), _t(_("Final payment")), p.final_payment])
    rows.append([_t(paid), _t(_("Total net pay")), p.net])
    rows.append([_t(top), _t(_("Insurance contributions")), p.cost.contributions])
    rows.append([_t(top), _t(_("Accident insurance")), p.cost.accident])
    rows.append([_t(top), _t(_("Total cost of the worker")), p.cost.total_cost])
    marked = [len(p.lines), len(p.lines) + 4]
    table([_t(_("Section")), _t(pgettext("payroll_ui.lessons.kit", "Line")), _t(_("Amount"))], rows, marked=marked)


def scale_steps_text(scale: calc.Scale, max_years: int = 40) -> str:
    """A scale's steps in words: "с 1 года — 10 %, с 5 лет — 15 %…" / "from 1 year — 10%, …"."""
    parts = []
    for years, rate in scale.breakpoints(max_years)[1:]:
        if lang() == "ru":
            word = "года" if years % 10 == 1 and years % 100 != 11 else "лет"
            parts.append(f"с\u00a0{years}\u00a0{word} — {percent(rate, 'ru')}")
        else:
            parts.append(f"from {years}\u00a0year{'' if years == 1 else 's'} — {percent(rate, 'en')}")
    return ", ".join(parts)


def scales_table(ids: Iterable[str] | None = None) -> None:
    """The built-in seniority scales: who, the steps, the source, and flags for doubtful data."""
    rows = []
    for sid in ids or calc.SCALES:
        sc = calc.SCALES[sid]
        flags = []
        if sc.verify:
            flags.append(_t(_("not checked against the act")))
        if sc.disputed:
            flags.append(_t(_("the source contradicts itself")))
        rows.append([_t(sc.label), scale_steps_text(sc), _t(sc.source), "; ".join(flags)])
    headers = [
        _t(_("Who")),
        _t(_("Steps (full years — rate)")),
        _t(_("Source")),
        _t(_("Caution")),
    ]
    table(headers, rows)


def list_check(rows: Sequence[tuple[Any, Any, str]], years: int) -> None:
    """Which rows of a published list ("from A to B years — R %") a length of service falls into.

    A list is sound when exactly one row matches every length of service.
    """
    out, marked = [], []
    for i, (lo, hi, rate) in enumerate(rows):
        hit = Decimal(str(lo)) <= years and (hi is None or years < Decimal(str(hi)))
        if hit:
            marked.append(i)
        lo_t = num(Decimal(str(lo)), lang())
        span = f"{lo_t}–{num(Decimal(str(hi)), lang())}" if hi is not None else f"{lo_t}+"
        out.append([span, rate, "✔" if hit else ""])
    headers = [_t(_("Range, years")), _t(_("Rate")),
               _t(_("Fits {years} years?", years=years))]
    table(headers, out, marked=marked)
    n = len(marked)
    verdict = (
        _("No row fits — the list has a gap.")
        if n == 0
        else _("Exactly one row fits.")
        if n == 1
        else _("{n} rows fit at once — the list contradicts itself.", n=n)
    )
    say(f"**{_t(verdict)}**")


def seed_check(rows: Sequence[tuple[Text | str, str, Decimal]], unit: str = "rub") -> None:
    """The seed article's printed figures next to the engine's: item, article, calculator, difference."""

    def shown(v: Decimal) -> Any:
        return v if unit == "rub" else Shown(v, unit)

    out, marked = [], []
    for i, (label, printed, computed) in enumerate(rows):
        seed = Decimal(printed)
        diff = computed - seed
        ok = diff == 0
        if not ok:
            marked.append(i)
        out.append([fmt(label), shown(seed), shown(computed), shown(diff) if not ok else "", "✔" if ok else "✘"])
    headers = [_t(pgettext("payroll_ui.lessons.kit", "Item")), _t(_("Article")), _t(_("Calculator")),
               _t(_("Difference")), ""]
    table(headers, out, marked=marked)


def year_table(result: calc.YearResult, fields: Sequence[tuple[str, Text]], *, events: bool = True) -> None:
    """Month by month figures of a year (``fields``: attribute of the month and its column title)."""
    rows, marked = [], []
    for mc in result.months():
        row: list[Any] = [month_name(mc.month, lang())]
        row += [getattr(mc, key) for key, _label in fields]
        if events:
            row.append(_events_text([_t(e) for e in mc.events]))
            if mc.events:
                marked.append(mc.month - 1)
        rows.append(row)
    totals = result.totals()
    total_row: list[Any] = [_t(pgettext("payroll_ui.lessons.kit", "Year"))]
    total_row += [totals.get(key, "") for key, _label in fields]
    if events:
        total_row.append("")
    headers = [_t(_("Month"))] + [_t(label) for _k, label in fields]
    if events:
        headers.append(_t(_("What happened")))
    table(headers, rows, total=total_row, marked=marked)


def _events_text(texts: Sequence[str]) -> str:
    """Join a month's events, merging "X (fund A)", "X (fund B)" into "X (fund A; fund B)"."""
    groups: dict[str, list[str]] = {}
    for text in texts:
        head, sep, tail = text.partition(" (")
        groups.setdefault(head, []).append(tail[:-1] if sep and tail.endswith(")") else "")
    out = []
    for head, tails in groups.items():
        shown = [t for t in tails if t]
        out.append(f"{head} ({'; '.join(shown)})" if shown else head)
    return "; ".join(out)


def withholding_table(rows: Sequence[Any]) -> None:
    """Cumulative withholding month by month (rows of :func:`calc.withholding`)."""
    out, marked, prev = [], [], None
    for r in rows:
        if prev is not None and (r.rate != prev.rate or (prev.deduction and not r.deduction)):
            marked.append(r.month - 1)
        out.append([month_name(r.month, lang()), r.income, r.income_to_date, r.deduction, r.base_to_date,
                    r.tax_to_date, r.tax, pct(r.rate)])
        prev = r
    headers = [_t(h) for h in (
        _("Month"), _("Income"), _("Income since January"),
        _("Deduction"), _("Base since January"),
        _("Tax since January"), _("Tax this month"), _(
            "Rate",
        ),
    )]
    table(headers, out, marked=marked)


def rule_value(name: str, on: date) -> None:
    """One dated rule value from the law-as-data files, with its source and note."""
    r = calc.rulebook().lookup(name, on)
    value = r.value
    shown = fmt(Decimal(value)) if r.unit == "rub" and value is not None else fmt(Shown(value, "plain"))
    rows = [[_t(r.label), shown, day(r.valid_from, lang()), _t(r.source), _t(r.note) if r.note else ""]]
    headers = [_t(h) for h in (_("Parameter"), _("Value"), pgettext(
        "payroll_ui.lessons.kit",
        "From",
    ),
                                   _("Source"), _("Note"))]
    table(headers, rows)


def bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Decimal]]],
    *,
    title: str = "",
    ylabel: str = "",
    horizontal: bool = False,
) -> None:
    """A grouped bar chart (PNG) of money series."""
    import matplotlib.pyplot as plt

    n = len(series)
    size = (8, 0.45 * len(labels) + 1.5) if horizontal else (8, 3.6)
    fig, ax = plt.subplots(figsize=size, dpi=100)
    width = 0.8 / max(n, 1)
    for i, (name, values) in enumerate(series):
        pos = [k + (i - (n - 1) / 2) * width for k in range(len(labels))]
        vals = [float(v) for v in values]
        if horizontal:
            ax.barh(pos, vals, height=width, label=name)
        else:
            ax.bar(pos, vals, width=width, label=name)
    if horizontal:
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlabel(ylabel)
    else:
        ax.set_xticks(range(len(labels)), labels)
        ax.set_ylabel(ylabel)
    from matplotlib.ticker import FuncFormatter

    value_axis = ax.xaxis if horizontal else ax.yaxis
    value_axis.set_major_formatter(FuncFormatter(lambda v, _pos: num(Decimal(str(round(v, 2))), lang())))
    ax.set_title(title)
    ax.grid(axis="x" if horizontal else "y", alpha=0.3)
    if n > 1:
        ax.legend()
    fig.tight_layout()
    plt.show()
    plt.close(fig)


def footer() -> None:
    """Where the lesson's figures come from and how fresh the rules are."""
    rb = calc.rulebook(_state["country"])
    if _state["country"] == "vn" and lang() == "vi":
        say("*Mọi số tiền trong bài do công cụ tính tính theo quy định các năm {}–{} (dữ liệu đối chiếu ngày {}). "
            "Khi quy định thay đổi, bài học được tạo lại với số liệu mới.*",
            str(rb.covered_from.year), str(rb.covered_to.year), when(rb.checked_on))
        return
    say(
        _t(
            _(
                "*Every amount in this lesson is computed by the calculator from the rules of {}–{} (data "
                "checked on {}). When the rules change, the lesson is rebuilt with the new figures.*",
            )
        ),
        str(rb.covered_from.year),
        str(rb.covered_to.year),
        when(rb.checked_on),
    )


def compare_scales(scales: Sequence[tuple[Text | str, Any]], years: Sequence[int], salary: Any = None) -> None:
    """Rates (and monthly bonuses on ``salary``) of several scales side by side for some lengths of service."""
    headers = [_t(_("Full years"))]
    for label, _scale in scales:
        headers.append(fmt(label))
        if salary is not None:
            headers.append(_t(_("bonus")))
    rows = []
    for y in years:
        row: list[Any] = [plain(y)]
        for _label, scale in scales:
            r = calc.seniority(salary if salary is not None else 0, y, scale)
            row.append(pct(r.rate))
            if salary is not None:
                row.append(r.bonus)
        rows.append(row)
    table(headers, rows)


def scale_note(scale_id: str) -> None:
    """A built-in scale's source and the note on how it was read from the seed article."""
    from payroll_ui.lessons.content import readable

    sc = calc.SCALES[scale_id]
    source = _t(_("Source"))
    text = f"**{_t(sc.label)}** — {scale_steps_text(sc)}.  \n{source}: {_t(sc.source)}"
    if sc.note:
        text += f"  \n> {readable(_t(sc.note), lang())}"
    say(text.replace("{", "{{").replace("}", "}}"))


def ndfl_scales(years: Sequence[int]) -> None:
    """The resident income tax scale in force in each of ``years``: bands and rates."""
    rows = []
    for y in years:
        r = calc.rulebook().lookup("ndfl.resident_scale", date(y, 1, 1))
        bands = r.value
        for i, (start, rate) in enumerate(bands):
            upper = bands[i + 1][0] if i + 1 < len(bands) else None
            span = (
                _t(_("above {start}", start=lambda lang, start=start: money(Decimal(start), lang)))
                if upper is None and start
                else _t(_("all income"))
                if upper is None
                else _t(_("up to {upper}", upper=lambda lang, upper=upper: money(Decimal(upper), lang)))
                if not start
                else _t(_(
                    "from {start} to {upper}",
                    start=lambda lang, start=start: money(Decimal(start), lang),
                    upper=lambda lang, upper=upper: money(Decimal(upper), lang),
                ))
            )
            rows.append([str(y) if i == 0 else "", span, pct(Decimal(rate)), _t(r.source) if i == 0 else ""])
    headers = [_t(_("From")), _t(_("Income since January")),
               _t(_("Rate")), _t(_("Source"))]
    table(headers, rows)


def child_deductions(years: Sequence[int]) -> None:
    """Standard child deductions a month and their income limit, as in force in each of ``years``."""
    rows = []
    for y in years:
        r = calc.rulebook().lookup("deductions.child", date(y, 1, 1))
        v = r.value
        rows.append([str(y), Decimal(v["first"]), Decimal(v["second"]), Decimal(v["third_plus"]),
                     Decimal(v["disabled"]), Decimal(v["income_limit"])])
    headers = [_t(h) for h in (
        _("From"), _("1st child"), _("2nd"), _("3rd and more"),
        _("disabled child (added)"), _("until income since January passes"),
    )]
    table(headers, rows)


def tariff_table(years: Sequence[int]) -> None:
    """The general contribution tariff in force in each of ``years``: funds, rates, caps."""
    rows = []
    for y in years:
        t = calc.tariff("general", date(y, 1, 1))
        for i, f in enumerate(t.general):
            cap = f.cap if f.cap is not None else _t(_("none"))
            rows.append([str(y) if i == 0 else "", _t(calc.FUNDS[f.fund]), pct(f.rate), cap, pct(f.above_cap)])
        total = sum((f.rate for f in t.general), Decimal(0))
        rows.append(["", _t(_("Total up to the cap")), pct(total), "", ""])
    headers = [_t(h) for h in (_("Year"), _("Fund"), _("Rate"),
                                   _("Annual cap"), _("Above the cap"))]
    table(headers, rows)


def workforce_table(workforce: Sequence[Any], year: int) -> None:
    """The lesson 8 workforce: who, salary, hire date, full years of service in January and December."""
    from payroll_ui.lessons.bargain import service_years

    rows = [[_t(w.name), w.salary, w.hired, plain(service_years(w, date(year, 1, 1))),
             plain(service_years(w, date(year, 12, 1)))] for w in workforce]
    headers = [_t(h) for h in (_("Worker"), _("Salary"), _("Hired"),
                                   _("Service on 1 Jan {year}", year=year),
                                   _("Service on 1 Dec {year}", year=year))]
    table(headers, rows)


def bargain_table(b: Any) -> None:
    """Lesson 8: per worker, December bonus now and proposed, and the year's extra net pay and cost."""
    rows = [[_t(r.worker.name), plain(r.years_dec), r.bonus_now, r.bonus_new, r.delta("net"), r.delta("ndfl"),
             r.delta("total_cost")] for r in b.rows]
    total = [_t(pgettext("payroll_ui.lessons.kit", "Total")), "", "", "", b.net_gain, b.extra_ndfl, b.extra_cost]
    headers = [_t(h) for h in (
        _("Worker"), _("Years in December"), _("Bonus now"),
        _("Proposed bonus"), _("Net for the year +"),
        _("Tax for the year +"), _("Employer's cost +"),
    )]
    table(headers, rows, total=total)


def _rub(kopecks: Any) -> Decimal:
    return Decimal(int(kopecks)).scaleb(-2)


def workforce_headline(cmp: Any, scale: str | None = None) -> None:
    """Lesson 8: the headline of a whole-workforce comparison (``calc.workforce.compare``) as a table.

    ``scale``: the scale id the proposal replaces (to count the people it covers)."""
    h = cmp.headline()
    rows: list[list[Any]] = [[_t(_("Employees in the list")), plain(h["employees"])]]
    if scale is not None:
        covered = int((cmp.per_employee()["scale_current"] == scale).sum())
        label = _('Of them on the scale "{}" — the proposal covers them')
        rows.append([_t(label).format(_t(calc.SCALES[scale].label)), plain(covered)])
    rows += [
        [_t(_("Gain (more net pay)")), plain(h["gaining"])],
        [_t(_("Lose")), plain(h["losing"])],
        [_t(_("Employer's cost for the year: increase")), h["cost_change"]],
        [_t(_("…as a share of today's cost of all staff")),
         pct(h["cost_change_percent"] / 100)],
        [_t(_("Workers' net pay for the year: increase")), h["net_change"]],
        [_t(_("Income tax for the year: increase")), h["ndfl_change"]],
        [_t(_("Contributions and accident insurance: increase")),
         h["contributions_change"] + h["accident_change"]],
    ]
    table([_t(_("Headline")), _t(_("Figure"))], rows)


def workforce_bands(cmp: Any, scale: str | None = None) -> None:
    """Lesson 8: by service band (full years at 1 January) — how many people, how many gain, the mean and
    total change in net pay for the year and the employer's extra cost (only people on ``scale`` if given)."""
    from calc.workforce import band_labels

    rows_all = cmp.per_employee()
    rows_all = rows_all[rows_all["scale_current"] == scale] if scale is not None else rows_all
    labels = band_labels()
    out: list[list[Any]] = []
    for band, label in enumerate(labels):
        part = rows_all[rows_all["band"] == band]
        n = len(part)
        net = _rub(part["net_change_kop"].sum())
        mean = (net / n).quantize(Decimal("0.01"), ROUND_HALF_UP) if n else Decimal("0.00")
        out.append([label, plain(n), plain(int((part["net_change_kop"] > 0).sum())), mean, net,
                    _rub(part["total_cost_change_kop"].sum())])
    total_word = _t(pgettext("payroll_ui.lessons.kit", "Total"))
    total = [total_word, plain(len(rows_all)), plain(int((rows_all["net_change_kop"] > 0).sum())), "",
             _rub(rows_all["net_change_kop"].sum()), _rub(rows_all["total_cost_change_kop"].sum())]
    headers = [_t(h) for h in (
        _("Service, full years"), _("People"), _("Gain"),
        _("Net for the year +, mean per person"),
        _("Net for the year +, total"), _("Employer's cost +"),
    )]
    table(headers, out, total=total)
