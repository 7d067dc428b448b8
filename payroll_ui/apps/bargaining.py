"""Bargaining app: a workforce (the sample or an uploaded CSV/XLSX), the current seniority scale and a
proposed one edited as a table → the annual cost to the employer, the workers' net gain, the change in
tax, by service band, the employees most and least affected, and the results as an XLSX download.

All figures come from :mod:`calc.workforce` (equal to the single-person engine to the kopeck).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import ipywidgets as W
import pandas as pd

import calc
from calc import workforce as WF
from calc.core.i18n import _, pgettext
from calc.core.text import Text, money, num, percent, tr
from calc.workforce.export import TEMPLATE_NAME, rejected_count, rejected_xlsx, template_csv, template_xlsx, to_xlsx
from calc.workforce.input import MAX_BYTES, column_of, scale_ids
from payroll_ui.apps.bargaining_term import TermPanel, TermResult
from payroll_ui.kit import (
    UI,
    App,
    Chart,
    Figure,
    Param,
    ParamError,
    RuleNote,
    covered_years,
    default_year,
    esc,
    figure_span,
    money_formatter,
    options_for,
    parse_choice,
    parse_int,
    run,
    setter,
    table_html,
)

SAMPLE, FILE = "sample", "file"
AS_FILE = "as_file"
EVERYONE = "all"
MAX_STEPS = 12
DEFAULT_STEPS: tuple[tuple[int, str], ...] = ((1, "10"), (3, "15"), (5, "20"), (10, "25"), (15, "30"), (20, "35"))
DEFAULT_APPLIES = "education"
TOP = 10
DOWNLOAD_LIMIT = 7_000_000  # bytes of XLSX: a data link must fit in one widget message (~10 MB base64)
MAX_ROWS = 20_000  # rows of an upload: the results file of the largest stays a few seconds' work and ~3 MB
PAGE_REJECTED = 1_000  # rejection lines listed on the page (every one is in the XLSX file)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TXT: dict[str, Text] = {
    "data": _("Workforce"),
    "data_hint": _(
        "The sample is a fictional institution of 3,000 people. Your own file: CSV or XLSX of up to 5 MB and "
        "20,000 rows, one row per person, with the columns Employee No., Salary, Hire date (or Years of service) "
        "and Seniority scale, headed as your spreadsheet heads them; optionally the employer kind, district "
        "coefficient, northern allowance, children, full name, position, department and gender. The template "
        "below has them all.",
    ),
    "sample": _("Sample"),
    "file": _("My file"),
    "upload": _("Upload CSV / XLSX"),
    "upload_limit": _("Up to {size} MB and {rows} rows."),
    "too_large": _(
        "The file '{name}' is {size} MB, larger than the limit of {limit} MB, so it was not sent. Keep only the "
        "columns needed, or, for a larger staff list, ask whoever runs this server to use the command-line "
        "version described in the guide."
    ),
    "no_file": _("No file yet — choose one with the button."),
    "loaded": _("File '{name}': {rows} rows."),
    "sample_info": _("Sample: a fictional institution, {rows} employees."),
    "template": _("Template of a staff file: {xlsx} · {csv}"),
    "year": pgettext("payroll_ui.apps.bargaining", "Year"),
    "current": _("Current scale"),
    "current_hint": _(
        "'As in the file' — each person's own scale from the column 'Seniority scale' (its name as listed here, "
        "or its code); or one scale for everyone.",
    ),
    "as_file": _("As in the file (column 'Seniority scale')"),
    "applies": _("The proposal covers"),
    "applies_hint": _("Everyone, or only those now on this scale (the others keep their scale)."),
    "everyone": _("Everyone"),
    "on_scale": _("Scale '{label}'"),
    "steps": _("Proposed scale: from service (years) → bonus (%)"),
    "steps_hint": _(
        "Each row is a step: from which service (full years) and what percentage of the salary. Steps go up in "
        "service; the percentage does not fall.",
    ),
    "add": _("+ step"),
    "remove": _("− last"),
    "fill": _("Start from the current scale"),
    "row_years": _("years"),
    "row_pct": _("%"),
    "proposal": _("proposal"),
    "proposed_name": _("Proposed scale"),
    "proposed_source": _("bargaining proposal (collective agreement)"),
    "cost_change": _("Change in the employer's cost a year"),
    "cost_note": _("{pct} of the current cost"),
    "net_change": _("Change in workers' net pay a year (all)"),
    "net_note": _("{avg} per employee a year on average"),
    "ndfl_change": _("Change in income tax (НДФЛ) a year"),
    "contrib_change": _("Change in insurance contributions a year"),
    "contrib_note": _("and accident insurance {acc}"),
    "employees": _("Employees computed"),
    "gaining": _("Gaining / losing"),
    "status": _("Rows in the data: {rows}; computed {ok}; rejected {bad}."),
    "rejected": _("Rejected rows — {n}: they are not computed. Correct them in the file and upload it again."),
    "rejected_more": _(
        "Here are the first {shown} of {total} problems. The whole list is in the XLSX results file (the button "
        "below), sheet 'Rejected'.",
    ),
    "row": _("Row"),
    "column": _("Column"),
    "reason": _("Reason"),
    "bands": _("By length of service (changes over the year)"),
    "band": _("Service, years"),
    "people": _("People"),
    "d_contrib": _("of which contributions and accident insurance"),
    "d_cost": _("Change in employer's cost"),
    "d_net": _("Change in net pay"),
    "d_net_avg": _("Net change per person"),
    "d_ndfl": _("Change in НДФЛ"),
    "total": _("Total"),
    "most": _("Most affected"),
    "least": _("Least affected (of those the proposal covers)"),
    "who": _("Employee"),
    "service": _("Service"),
    "scales": _("Scale: now → proposed"),
    "net_year": _("Net a year: now → proposed"),
    "chart_title": _("Change over the year by length of service"),
    "chart_cost": _("Employer's cost"),
    "chart_net": _("Workers' net pay"),
    "chart_x": _("Service at 1 January, full years"),
    "prepare": _("Prepare the XLSX file"),
    "download": _("Download the results (XLSX, {size})"),
    "too_big": _(
        "The results file is too large to download from the page ({size}): the file's cells hold very long texts. "
        "Shorten them, or compute this workforce in Python: calc.workforce (docs/bargaining.md).",
    ),
    "download_rejected": _("Download the rejected rows (XLSX, {size})"),
    "none_computed": _("No row could be computed — correct the rejected rows (listed below)."),
    "method": _("How it is computed"),
    "example": _("Example: {who}, {month} {year}, proposed scale"),
    "same": _("The whole-workforce calculation gave the same figures (checked: {figure})."),
    "explain_points": _(
        "Each employee is paid the full salary in every month of the year (a projection of the scale's cost).|A "
        "month's bonus rate is by full years of service on the 1st of the month: a step reached during a month "
        "applies from the next month.|Bonus = salary × rate; the district coefficient and the northern allowance "
        "are charged on salary + bonus (Labour Code art. 148, 315–317).|НДФЛ is cumulative from January with the "
        "child deductions (Tax Code art. 226, 218, 224); contributions are cumulative with the caps and the SME "
        "tariff (Tax Code art. 421, 425–427); accident insurance on each month's pay.|Service bands are by full "
        "years at 1 January; '1–3' means from 1 up to but not including 3 years.",
    ),
}


@dataclass
class Result:
    """What one computation produced (kept while the page shows it)."""

    cmp: WF.Comparison
    year: int
    rows_in_data: int
    proposed: calc.Scale
    headline: dict[str, Any]
    bands: pd.DataFrame
    most: pd.DataFrame
    least: pd.DataFrame
    notices: list[Text] = field(default_factory=list)
    term: TermResult | None = None


def _scale_options(lang: str) -> list[tuple[str, str]]:
    return [(tr(TXT["as_file"], lang), AS_FILE)] + [(tr(s.label, lang), k) for k, s in calc.SCALES.items()]


def scales_in(table: pd.DataFrame | None) -> list[str]:
    """The known scale ids in a table's ``scale`` column, most common first."""
    if table is None:
        return []
    for h in table.columns:
        if column_of(h) == "scale":
            counts = pd.Series(scale_ids(table[h].astype(str).str.strip())).value_counts()
            return [s for s in counts.index if s in calc.SCALES]
    return []


class BargainingApp(App):
    """The bargaining view: the cost of a proposed seniority scale for a whole workforce."""

    name = "bargaining"
    title = _("Bargaining over a seniority scale")
    intro = _(
        "What a new long-service allowance scale costs the employer a year and what the workers take home — for the "
        "whole workforce, by length of service and for each person.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        "file": "data",
        "columns": "data",
        "rows": "data",
        "salary": "data",
        "steps": "steps",
        "scale": "current",
        "year": "year",
        "date": "year",
    }

    # ------------------------------------------------------------ widgets

    def build(self) -> None:
        self._template_links: dict[str, str] = {}
        self.sample = WF.sample_workforce()
        self.uploaded: pd.DataFrame | None = None
        self.file_name = ""
        self.w_source = W.ToggleButtons(options=[("", SAMPLE), ("", FILE)], value=SAMPLE)
        self.w_upload = W.FileUpload(accept=".csv,.xlsx,.xlsm,.txt,.tsv", multiple=False)  # .txt: "Unicode text"
        self.w_upload.add_class("in-upload")
        self.w_upload.observe(self._on_upload, names="value")
        self.data_info = W.HTML()
        self.data_info.add_class("pa-data-info")
        self.upload_limit = W.HTML()  # the limit, and a file too large refused in the page before it is sent
        self.upload_limit.add_class("pa-upload-limit")
        self.w_year = W.Dropdown(options=covered_years(), value=default_year())
        self.term = TermPanel(self)  # the demand and the offer over the agreement's term
        self.w_current = W.Dropdown(options=_scale_options(self.lang), value=AS_FILE)
        self.w_applies = W.Dropdown(options=[("", EVERYONE)], value=EVERYONE)
        self.rows_box = W.VBox()
        self.w_add = W.Button(layout=W.Layout(width="auto"))
        self.w_remove = W.Button(layout=W.Layout(width="auto"))
        self.w_fill = W.Button(layout=W.Layout(width="auto"))
        for b, cls, fn in (
            (self.w_add, "in-add-step", self._add_row),
            (self.w_remove, "in-remove-step", self._remove_row),
            (self.w_fill, "in-fill-current", self._fill_current),
        ):
            b.add_class(cls)
            b.on_click(fn)
        steps_box = W.VBox([self.rows_box, W.HBox([self.w_add, self.w_remove]), self.w_fill])
        data_box = W.VBox([self.w_source, W.HBox([self.w_upload, self.upload_limit]), self.data_info])
        self.w_current.observe(self._on_current, names="value")  # before the field's recompute
        self.add_field("data", data_box, TXT["data"], TXT["data_hint"], watch=False)
        self.add_field("year", self.w_year, TXT["year"])
        self.add_field("current", self.w_current, TXT["current"], TXT["current_hint"])
        self.add_field("applies", self.w_applies, TXT["applies"], TXT["applies_hint"])
        self.add_field("steps", steps_box, TXT["steps"], TXT["steps_hint"], watch=False)
        self.w_source.observe(self._on_source, names="value")
        self.set_rows(DEFAULT_STEPS)
        self._update_applies(prefer=DEFAULT_APPLIES)
        self.status = W.HTML()
        self.status.add_class("pa-status")
        self.bands_html = W.HTML()
        self.bands_html.add_class("pa-bands")
        self.chart = Chart(6.6, 3.2, cls="chart-bands")
        self.affected_html = W.HTML()
        self.affected_html.add_class("pa-affected")
        self.w_prepare = W.Button(layout=W.Layout(width="auto"), icon="file-excel-o")
        self.w_prepare.add_class("in-prepare")
        self.w_prepare.on_click(self._prepare)
        self.download = W.HTML()
        self.download.add_class("pa-download")
        self._update_source()

    def inputs(self) -> list[W.Widget]:
        f = self.fields
        return [f[k].box for k in ("data", "year", "current", "applies", "steps")]

    def outputs(self) -> list[W.Widget]:
        return [
            self.general_error,
            self.cards,
            self.status,
            self.bands_html,
            self.chart.image,
            self.affected_html,
            W.HBox([self.w_prepare, self.download], layout=W.Layout(align_items="center")),
        ]

    def layout(self) -> list[W.Widget]:
        """The seniority-scale calculator, then the term section (full width) below it."""
        out = super().layout()
        at = next(i for i, w in enumerate(out) if "pa-body" in getattr(w, "_dom_classes", ()))
        return [*out[: at + 1], self.term.box, *out[at + 1 :]]

    def relabel(self) -> None:
        lang = self.lang
        self.term.relabel()
        self.set_options(self.w_source, [(tr(TXT["sample"], lang), SAMPLE), (tr(TXT["file"], lang), FILE)])
        self.set_options(self.w_current, _scale_options(lang))
        self._update_applies()
        self.w_upload.description = tr(TXT["upload"], lang)
        self.w_add.description = tr(TXT["add"], lang)
        self.w_remove.description = tr(TXT["remove"], lang)
        self.w_fill.description = tr(TXT["fill"], lang)
        self.w_prepare.description = tr(TXT["prepare"], lang)
        for row in self.rows_box.children:
            row.children[0].placeholder = tr(TXT["row_years"], lang)
            row.children[2].placeholder = tr(TXT["row_pct"], lang)
        self._update_source()
        self.download.value = ""

    # ------------------------------------------------------------ the data

    def table(self) -> pd.DataFrame | None:
        return self.sample if self.w_source.value == SAMPLE else self.uploaded

    def load_file(self, name: str, content: bytes) -> None:
        """Read an uploaded file (errors show under the field); switch to it and recompute."""
        self.fields["data"].set_error("")
        try:
            table = WF.read_table(content, name, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
        except calc.CalcError as e:
            self.uploaded, self.file_name = None, name
            with self.hold():
                self.w_source.value = FILE
            self._update_source()
            self.drop_result()
            self.show_error(e)
            return
        self.uploaded, self.file_name = table, name
        with self.hold():
            self.w_source.value = FILE
            self._update_applies()
        self._update_source()
        self.refresh()

    def drop_result(self) -> None:
        """Remove the figures of an earlier file: they must not look like the result of the failed one."""
        self.result = None
        for w in (self.cards, self.status, self.bands_html, self.affected_html, self.download, self.term.results):
            w.value = ""
        self.chart.image.layout.display = "none"
        self.term.chart.image.layout.display = "none"

    def _on_upload(self, change: Any) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        self._load_upload(str(f.get("name", "upload")), bytes(f["content"]))

    def _load_upload(self, name: str, content: bytes) -> None:
        try:
            self.load_file(name, content)
        except Exception as e:  # never let a callback fail silently
            self.failures.append(repr(e))
            self.show_error(None)

    def _on_source(self, _change: Any) -> None:
        self._update_source()
        self._update_applies()
        self.refresh()

    def _update_source(self) -> None:
        lang = self.lang
        sample = self.w_source.value == SAMPLE
        self.w_upload.layout.display = "none" if sample else ""
        if sample:
            info = tr(TXT["sample_info"], lang).format(rows=num(Decimal(len(self.sample)), lang))
        elif self.uploaded is not None:
            info = tr(TXT["loaded"], lang).format(name=self.file_name, rows=num(Decimal(len(self.uploaded)), lang))
        else:
            info = tr(TXT["no_file"], lang)
        self.data_info.value = f"<small>{esc(info)}</small><br><small>{self.template_link()}</small>"
        self.upload_limit.value = self._limit_html()

    def _limit_html(self) -> str:
        """The upload limit next to the button, and the place of the page's message for a file over it
        (:data:`UPLOAD_CHECK`: such a file is not sent, the websocket would drop it without a word)."""
        lang = self.lang
        limit = f"{MAX_BYTES / 1e6:.0f}"
        said = tr(TXT["upload_limit"], lang).format(size=limit, rows=num(Decimal(MAX_ROWS), lang))
        too_large = tr(TXT["too_large"], lang).replace("{limit}", limit)
        return (
            f'<small class="pa-limit-text">{esc(said)}</small>'
            f'<div class="pa-too-large" role="alert" data-lang="{lang}" data-msg="{esc(too_large)}"></div>'
        )

    def template_link(self) -> str:
        """Links to the staff file's template in the page's language: XLSX, and CSV as Russian Excel opens it."""
        lang = self.lang
        if lang not in self._template_links:
            name = tr(TEMPLATE_NAME, lang)
            xlsx = base64.b64encode(template_xlsx(lang)).decode()
            csv = base64.b64encode(template_csv(lang)).decode()
            link = '<a class="{}" download="{}" href="data:{};base64,{}">{}</a>'
            self._template_links[lang] = esc(tr(TXT["template"], lang)).format(
                xlsx=link.format("pa-template", esc(name + ".xlsx"), XLSX_MIME, xlsx, "XLSX"),
                csv=link.format("pa-template-csv", esc(name + ".csv"), "text/csv", csv, "CSV"),
            )
        return self._template_links[lang]

    # ------------------------------------------------------------ scales

    def _on_current(self, _change: Any) -> None:
        self._update_applies()

    def _update_applies(self, prefer: str | None = None) -> None:
        """'Everyone' plus each scale in the data (only when the current scale is 'as in the file')."""
        lang = self.lang
        opts = [(tr(TXT["everyone"], lang), EVERYONE)]
        if self.w_current.value == AS_FILE:
            for sid in scales_in(self.table()):
                label = tr(TXT["on_scale"], lang).format(label=tr(calc.SCALES[sid].label, lang))
                opts.append((label, sid))
        value = prefer if prefer in [v for _, v in opts] else self.w_applies.value
        with self.hold():
            self.w_applies.options = opts
            self.w_applies.value = value if value in [v for _, v in opts] else EVERYONE
        self.fields["applies"].show(len(opts) > 1)

    def _row(self, years: Any = "", pct: Any = "") -> W.HBox:
        y = W.Text(value=str(years), continuous_update=False, layout=W.Layout(width="70px"))
        p = W.Text(value=str(pct), continuous_update=False, layout=W.Layout(width="70px"))
        y.add_class("in-step-years")
        p.add_class("in-step-rate")
        y.placeholder = tr(TXT["row_years"], self.lang)
        p.placeholder = tr(TXT["row_pct"], self.lang)
        self.watch(y, p)
        return W.HBox([y, W.HTML("→"), p], layout=W.Layout(align_items="center"))

    def set_rows(self, rows: Any) -> None:
        """Replace the proposed table with (years, percent) pairs."""
        for old in self.rows_box.children:
            old.close()
        self.rows_box.children = [self._row(y, p) for y, p in list(rows)[:MAX_STEPS]]

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for row in self.rows_box.children:
            y, _, p = row.children
            if y.value.strip() or p.value.strip():
                out.append((y.value.strip(), p.value.strip()))
        return out

    def _add_row(self, _button: Any = None) -> None:
        if len(self.rows_box.children) >= MAX_STEPS:
            return
        last = self.rows()[-1:] or [("0", "0")]
        try:
            guess: tuple[Any, Any] = (int(last[0][0]) + 5, "")
        except ValueError:
            guess = ("", "")
        self.rows_box.children = [*self.rows_box.children, self._row(*guess)]

    def _remove_row(self, _button: Any = None) -> None:
        if len(self.rows_box.children) <= 1:
            return
        *keep, last = self.rows_box.children
        self.rows_box.children = keep
        last.close()
        self.refresh()

    def _fill_current(self, _button: Any = None) -> None:
        """Copy the current scale (the one the proposal replaces) into the table."""
        sid = self.w_applies.value if self.w_applies.value != EVERYONE else self.w_current.value
        if sid not in calc.SCALES:
            return
        points = [(y, format((r * 100).normalize(), "f")) for y, r in calc.SCALES[sid].breakpoints(40) if r > 0]
        with self.hold():
            self.set_rows(points or [(0, "0")])
        self.refresh()

    def proposed(self) -> calc.StepScale:
        """The proposed scale from the table (ScaleDefinitionError names the row at fault)."""
        pairs: list[tuple[Any, Any]] = []
        for y, p in self.rows():
            try:
                rate: Any = Decimal(p.replace(",", ".").replace("%", "").strip()) / 100
            except InvalidOperation:
                rate = p
            pairs.append((y.replace(",", "."), rate))
        return calc.custom_scale(pairs, tr(TXT["proposed_name"], "ru"), tr(TXT["proposed_name"], "en"), WF.PROPOSED_ID)

    # ------------------------------------------------------------ compute and render

    def compute(self) -> Result:
        table = self.table()
        if table is None:
            raise calc.InputError(TXT["no_file"], "file")
        year = int(self.w_year.value)
        proposed = self.proposed()
        current = None if self.w_current.value == AS_FILE else self.w_current.value
        applies = self.w_applies.value
        spec: Any = proposed if applies == EVERYONE or current is not None else {applies: proposed}
        cmp = WF.compare(table, year, spec, current=current, strict=False)
        rows = cmp.per_employee()
        covered = rows[rows["scale_proposed"] == proposed.id]
        self.term.sync()
        term = self.term.compute(table, current)
        return Result(
            cmp=cmp,
            year=year,
            rows_in_data=len(table),
            proposed=proposed,
            headline=cmp.headline(),
            bands=cmp.by_band(),
            most=WF.affected(covered, TOP, most=True),
            least=WF.affected(covered, TOP, most=False),
            notices=cmp.notices,
            term=term,
        )

    def render(self, r: Result) -> None:
        lang = self.lang
        h = r.headline
        n = h["employees"]
        avg = (h["net_change"] / n).quantize(Decimal("0.01")) if n else Decimal(0)
        figs = [
            Figure(
                "cost_change",
                TXT["cost_change"],
                h["cost_change"],
                main=True,
                note=tr(TXT["cost_note"], lang).format(pct=percent(h["cost_change_percent"] / 100, lang)),
            ),
            Figure(
                "net_change",
                TXT["net_change"],
                h["net_change"],
                main=True,
                note=tr(TXT["net_note"], lang).format(avg=money(avg, lang)),
            ),
            Figure("ndfl_change", TXT["ndfl_change"], h["ndfl_change"]),
            Figure(
                "contributions_change",
                TXT["contrib_change"],
                h["contributions_change"],
                note=tr(TXT["contrib_note"], lang).format(acc=money(h["accident_change"], lang)),
            ),
            Figure("employees", TXT["employees"], Decimal(n), "number"),
            Figure(
                "gaining",
                TXT["gaining"],
                f"{num(Decimal(int(h['gaining'])), lang)} / {num(Decimal(int(h['losing'])), lang)}",
                "text",
            ),
        ]
        self.show_figures(figs)
        self.chart.image.layout.display = ""
        self.figures.update({k: v for k, v in h.items() if k not in self.figures})
        self.status.value = self._status_html(r)
        self.bands_html.value = self._bands_html(r)
        self.affected_html.value = self._affected_html(r)
        self.download.value = ""
        if r.term is not None:
            self.term.render(r.term)
        if n == 0:
            self.general_error.value = esc(tr(TXT["none_computed"], lang))

    def _status_html(self, r: Result) -> str:
        lang = self.lang
        rej = r.cmp.rejected
        bad = rejected_count(rej)
        text = tr(TXT["status"], lang).format(
            rows=figure_span("rows", r.rows_in_data, num(Decimal(r.rows_in_data), lang)),
            ok=figure_span("computed", r.headline["employees"], num(Decimal(r.headline["employees"]), lang)),
            bad=figure_span("rejected", bad, num(Decimal(bad), lang)),
        )
        notes = "".join(f"<div><small>{esc(tr(x, lang))}</small></div>" for x in r.notices)
        out = f'<div class="{"pa-warn" if bad else "pa-ok"}">{text}{notes}</div>'
        if bad:
            shown = rej.head(PAGE_REJECTED)
            rows = [[esc(x.row), esc(x.id), esc(x.column), esc(tr(x.reason, lang))] for x in shown.itertuples()]
            head = [esc(tr(TXT["row"], lang)), "id", esc(tr(TXT["column"], lang)), esc(tr(TXT["reason"], lang))]
            title = tr(TXT["rejected"], lang).format(n=num(Decimal(bad), lang))
            out += f"<b>{esc(title)}</b>"
            box = table_html(head, rows, small=True)
            out += f'<div class="pa-rejected" style="max-height: 18em; overflow-y: auto">{box}</div>'
            if len(rej) > len(shown):
                more = tr(TXT["rejected_more"], lang).format(
                    shown=num(Decimal(len(shown)), lang), total=num(Decimal(len(rej)), lang)
                )
                out += f"<div><small>{esc(more)}</small></div>"
        return out

    def _bands_html(self, r: Result) -> str:
        lang = self.lang
        b = r.bands
        head = [tr(TXT[k], lang) for k in ("band", "people", "d_cost", "d_contrib", "d_net", "d_net_avg", "d_ndfl")]
        rows = []
        keys = [
            ("cost", "total_cost_change_kop"),
            ("contrib", None),
            ("net", "net_change_kop"),
            ("net_avg", "net_change_per_employee_kop"),
            ("ndfl", "ndfl_change_kop"),
        ]
        for i, (label, x) in enumerate(b.iterrows()):
            cells = [
                esc(label),
                figure_span(f"band{i}_people", int(x["employees"]), num(Decimal(int(x["employees"])), lang)),
            ]
            for key, col in keys:
                kop = int(x["contributions_change_kop"] + x["accident_change_kop"]) if col is None else int(x[col])
                v = WF.rub(kop)
                cells.append(figure_span(f"band{i}_{key}", v, money(v, lang)))
            rows.append(cells)
        tot = [esc(tr(TXT["total"], lang)), esc(num(Decimal(int(b["employees"].sum())), lang))]
        for key, col in keys:
            if key == "net_avg":
                n = int(b["employees"].sum())
                v = (WF.rub(int(b["net_change_kop"].sum())) / n).quantize(Decimal("0.01")) if n else Decimal(0)
            elif col is None:
                v = WF.rub(int(b["contributions_change_kop"].sum() + b["accident_change_kop"].sum()))
            else:
                v = WF.rub(int(b[col].sum()))
            tot.append(esc(money(v, lang)))
        rows.append(tot)
        classes = [""] * (len(rows) - 1) + ["total"]
        return f"<b>{esc(tr(TXT['bands'], lang))}</b>" + table_html(
            [esc(x) for x in head], rows, num_cols=range(1, len(head)), row_classes=classes, small=True
        )

    def _affected_html(self, r: Result) -> str:
        lang = self.lang
        out = []
        for title, frame, key in ((TXT["most"], r.most, "most"), (TXT["least"], r.least, "least")):
            rows = []
            for i, x in enumerate(frame.itertuples()):
                who = esc(x.id) + (f" <small>{esc(x.occupation)}</small>" if hasattr(x, "occupation") else "")
                d = WF.rub(x.net_change_kop)
                rows.append(
                    [
                        who,
                        esc(num(Decimal(int(x.service_years)), lang)),
                        esc(f"{self._scale_name(x.scale_current)} → {self._scale_name(x.scale_proposed)}"),
                        esc(f"{money(WF.rub(x.net_current_kop), lang)} → {money(WF.rub(x.net_proposed_kop), lang)}"),
                        figure_span(f"{key}{i}_net", d, money(d, lang)),
                        esc(money(WF.rub(x.total_cost_change_kop), lang)),
                    ]
                )
            head = [tr(TXT[k], lang) for k in ("who", "service", "scales", "net_year", "d_net", "d_cost")]
            out.append(
                f"<b>{esc(tr(title, lang))}</b>"
                + table_html([esc(h) for h in head], rows, num_cols=(1, 4, 5), small=True)
            )
        return "".join(out)

    def _scale_name(self, sid: str) -> str:
        if sid == WF.PROPOSED_ID:
            return tr(TXT["proposal"], self.lang)
        return tr(calc.SCALES[sid].label, self.lang) if sid in calc.SCALES else sid

    def render_chart(self, r: Result) -> None:
        if r.term is not None:
            self.term.chart.image.layout.display = ""
            self.term.render_chart(r.term)
        b = r.bands
        key = (self.lang, tuple(b["total_cost_change_kop"]), tuple(b["net_change_kop"]))
        self.chart.draw(key, lambda fig: self._bars(fig, b))

    def _bars(self, fig: Any, b: pd.DataFrame) -> None:
        import numpy as np

        lang = self.lang
        x = np.arange(len(b))
        cost = b["total_cost_change_kop"].to_numpy() / 100
        net = b["net_change_kop"].to_numpy() / 100
        fig.subplots_adjust(left=0.16, right=0.98, top=0.88, bottom=0.17)
        ax = fig.add_subplot(111)
        ax.bar(x - 0.2, cost, 0.4, color="#cf222e", label=tr(TXT["chart_cost"], lang))
        ax.bar(x + 0.2, net, 0.4, color="#2da44e", label=tr(TXT["chart_net"], lang))
        ax.axhline(0, color="#57606a", linewidth=0.8)
        ax.set_xticks(x, list(b.index))
        ax.set_xlabel(tr(TXT["chart_x"], lang))
        ax.yaxis.set_major_formatter(money_formatter(lang))
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=9, loc="best")
        ax.set_title(tr(TXT["chart_title"], lang), fontsize=11, loc="left")

    # ------------------------------------------------------------ download

    def _prepare(self, _button: Any = None) -> None:
        try:
            self.prepare_download()
        except Exception as e:  # a failed export must not break the page
            self.failures.append(repr(e))
            self.download.value = esc(tr(UI["oops"], self.lang))

    def prepare_download(self) -> bytes | None:
        """Build the XLSX of the shown result and put an ``<a download>`` data link on the page."""
        r = self.result
        if r is None:
            return None
        lang = self.lang
        data = to_xlsx(r.cmp, lang, title=tr(self.title, lang))
        if len(data) <= DOWNLOAD_LIMIT:
            self.download.value = self._link(data, "pa-xlsx", f"bargaining-{r.year}-{lang}.xlsx", TXT["download"])
            return data
        # Only very long texts in the uploaded cells get here: the rejected rows still download on their own.
        out = f'<span class="pa-warn">{esc(tr(TXT["too_big"], lang).format(size=self._size(data)))}</span>'
        if rejected_count(r.cmp.rejected):
            rej = rejected_xlsx(r.cmp.rejected, lang)
            if len(rej) <= DOWNLOAD_LIMIT:
                out += " " + self._link(
                    rej, "pa-rejected-xlsx", f"rejected-{r.year}-{lang}.xlsx", TXT["download_rejected"]
                )
        self.download.value = out
        return data

    def _size(self, data: bytes) -> str:
        kb = f"{len(data) / 1024:,.0f}"
        return f"{kb} KB" if self.lang == "en" else f"{kb} КБ".replace(",", " ")

    def _link(self, data: bytes, cls: str, name: str, label: Text) -> str:
        href = f"data:{XLSX_MIME};base64," + base64.b64encode(data).decode()
        text = tr(label, self.lang).format(size=self._size(data))
        return f'<a class="{cls}" download="{esc(name)}" href="{href}">{esc(text)}</a>'

    # ------------------------------------------------------------ explanation and rules

    def explain_source(self, r: Result, lang: str) -> str:
        points = "".join(f"<li>{esc(p)}</li>" for p in tr(TXT["explain_points"], lang).split("|"))
        out = f"<b>{esc(tr(TXT['method'], lang))}</b><ul>{points}</ul>"
        ex = self._example(r)
        if ex is not None:
            who, pl, month = ex
            from calc.core.text import month_name

            out += (
                f"<b>{esc(tr(TXT['example'], lang).format(who=who, month=month_name(12, lang), year=r.year))}"
                f"</b>{pl.explain_html(lang)}{month.explain_html(lang)}"
            )
            out += f"<p>{esc(tr(TXT['same'], lang).format(figure=money(month.total_cost, lang)))}</p>"
        return out

    def _example(self, r: Result) -> tuple[str, Any, calc.MonthCost] | None:
        """The most affected employee's December through the single-person engine (for the explanation)."""
        if not len(r.most):
            return None
        row = r.most.iloc[0]
        emp = r.cmp.proposed.employees
        i = int(emp.index[emp["id"] == row["id"]][0])
        wy = r.cmp.proposed
        sc = wy.scales[int(wy.scale_codes[i])]
        e = emp.iloc[i]
        lines = [
            calc.pay_lines(
                WF.rub(e["salary_kop"]),
                r.year,
                m,
                scale=sc,
                seniority_years=int(wy.figures["service_years"][i, m - 1]),
                district_coef=Decimal(str(e["district_coef"])),
                northern_percent=Decimal(str(e["northern_percent"])),
            )
            for m in range(1, 13)
        ]
        yr = calc.year_payroll(
            [x.gross for x in lines],
            r.year,
            kind=str(e["kind"]),
            children=int(e["children"]),
            northern=[x.northern for x in lines],
        )
        dec = yr.month(12)
        if int(dec.total_cost * 100) != int(wy.figures["total_cost"][i, 11]):  # pragma: no cover - tested elsewhere
            self.failures.append(f"example differs for {row['id']}")
        return str(row["id"]), lines[11], dec

    def rules(self, r: Result) -> list[Any]:
        out: list[Any] = [RuleNote(TXT["proposed_name"], TXT["proposed_source"])]
        seen = set()
        for wy in (r.cmp.current,):
            for sc in wy.scales:
                if sc.id not in seen:
                    seen.add(sc.id)
                    out.append(RuleNote(sc.label, sc.source, sc.verify or sc.disputed, sc.valid_from))
        ex = self._example(r)
        if ex is not None:
            out += [*ex[2].rules_used()]
        return out

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = covered_years()
        return [
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param(
                "current", parse_choice([AS_FILE, *calc.SCALES]), setter(self.w_current), lambda: self.w_current.value
            ),
            Param("applies", parse_choice([EVERYONE, *calc.SCALES]), self._set_applies, self._applies_param),
            Param("steps", parse_steps, self.set_rows, lambda: ",".join(f"{y}:{p}" for y, p in self.rows())),
        ]

    def _set_applies(self, value: str) -> None:
        self._update_applies()
        setter(self.w_applies)(value)

    def _applies_param(self) -> str | None:
        return self.w_applies.value if self.fields["applies"].box.layout.display != "none" else None


def parse_steps(raw: str) -> list[tuple[str, str]]:
    """URL form of the proposed scale: ``1:10,3:15,5:20`` (years:percent); checked by calc on compute."""
    rows = []
    for part in raw.split(",")[:MAX_STEPS]:
        if not part.strip():
            continue
        y, sep, p = part.partition(":")
        if not sep:
            raise ParamError(
                _("pairs 'years:percent' separated by commas are needed.")
            )
        rows.append((y.strip()[:6], p.strip()[:8]))
    if not rows:
        raise ParamError(_("no steps given."))
    return rows


def build(lang: str = "ru", params: dict[str, str] | None = None) -> BargainingApp:
    """Build the app (for tests and for notebooks)."""
    return BargainingApp(lang, params)


# In the page: a file over MAX_BYTES chosen for upload is not sent (Tornado drops a websocket message over
# ~10 MB without a word); its name and size are shown in the page's language instead. The upload widget
# clicks a file input that is not in the document, so the check is attached to it when it is clicked, as a
# capturing listener (run before the widget's own).
UPLOAD_CHECK = (
    "<style>.pa-too-large{color:#b42318;font-size:13px}</style><script>"
    "if(!window.paUploadCheck){window.paUploadCheck=1;"
    "var check=function(e){var t=e.target;var f=t.files&&t.files[0];"
    "var n=document.querySelector('.pa-upload-limit .pa-too-large');if(n)n.textContent='';"
    f"if(!f||f.size<={MAX_BYTES})return;"
    "e.stopImmediatePropagation();t.value='';if(!n)return;"
    "var s=(f.size/1e6).toFixed(1);if(n.dataset.lang==='ru')s=s.replace('.',',');"
    "n.textContent=n.dataset.msg.replace('{name}',f.name).replace('{size}',s);};"
    "var click=HTMLInputElement.prototype.click;HTMLInputElement.prototype.click=function(){"
    "if(this.type==='file'&&(this.accept||'').indexOf('.xlsx')>=0&&!this.paChecked){"
    "this.paChecked=1;this.addEventListener('change',check,true);}"
    "return click.apply(this,arguments);};}</script>"
)


def main() -> BargainingApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL, with the page's upload check."""
    from IPython.display import HTML, display

    app = run(BargainingApp)
    display(HTML(UPLOAD_CHECK))
    return app


__all__ = ["BargainingApp", "build", "main", "options_for", "parse_steps"]
