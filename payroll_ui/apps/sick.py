"""Sick pay and maternity pay app (Law 255-FZ): the first day, the days, the two years' earnings, the
insurance record, the district coefficient → the daily benefit, the employer's and the Social Fund's
days and amounts, gross, НДФЛ, net; maternity pay for 140 / 156 / 194 days."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.text import Text, tr
from calc.ru.sick_pay import CASES
from payroll_ui.apps.casework import DATE_HINT, date_param, date_text, date_value, parse_date_param
from payroll_ui.kit import App, Example, Figure, Param, esc, options_for, parse_choice, parse_decimal, run, setter

NEUTRAL = {"days": "7", "e1": "700000", "e2": "800000", "years": "6"}
"""A neutral current case: a 7-day sick note from today, 700,000 and 800,000 ₽ in the two years, 6 years."""
EXAMPLE = Example(
    {"kind": "maternity", "start": "2025-03-01", "mk": "normal", "e1": "0", "e2": "0", "excluded": "0",
     "years": "1", "months": "0", "district": "1"},
    _("Social Fund, 05.01.2025: the minimum maternity pay for 140 days from 2025 is 103,285 ₽ (737.75 ₽ a day)"),
)

TXT: dict[str, Text] = {
    "kind": _("Benefit"),
    "kind_sick": _("sick pay"),
    "kind_maternity": _("maternity pay"),
    "start": _("First day of the sick note"),
    "start_maternity": _("First day of the maternity leave"),
    "days": _("Days of the sick note (calendar days)"),
    "case": _("Reason"),
    "earnings": _("Earnings of {year}, ₽"),
    "earnings_hint": _(
        "Everything on which insurance contributions were charged in that year, at this and earlier employers "
        "(the certificate of earnings); amounts above the year's cap are not counted.",
    ),
    "record_years": _("Insurance record, full years"),
    "record_months": _("…and months"),
    "record_hint": _("Under 5 years: 60 %, 5 to 8 years: 80 %, 8 years and more: 100 % of average earnings."),
    "district": _("District coefficient (1 if none)"),
    "prior": _("Income earlier this year, ₽ (for НДФЛ)"),
    "maternity_kind": _("Leave"),
    "mk_normal": _("140 days (normal birth)"),
    "mk_complicated": _("156 days (complicated birth)"),
    "mk_multiple": _("194 days (multiple pregnancy)"),
    "excluded": _("Days of the two years on sick, maternity or child-care leave"),
    "daily": _("Daily benefit"),
    "average": _("Average daily earnings"),
    "employer": _("Paid by the employer"),
    "fund": _("Paid by the Social Fund"),
    "gross": _("Benefit accrued"),
    "ndfl": _("НДФЛ (income tax)"),
    "net": _("To be paid"),
    "m_days": _("Days of leave"),
    "m_gross": _("Maternity pay (not taxed)"),
    "split": _(
        "The first {n} days of one's own illness are paid by the employer, the rest by the Social Fund (Law 255-FZ "
        "art. 3 part 2). Sick pay is taxed (Tax Code art. 217 para. 1).",
    ),
    "split_fund": _("In this case the Social Fund pays from the first day (Law 255-FZ art. 3 part 2)."),
    "maternity_note": _("Maternity pay is 100 % of average earnings (Law 255-FZ art. 11) and is not taxed."),
}


class SickApp(App):
    """The sick pay and maternity pay calculator."""

    name = "sick"
    title = _("Sick pay and maternity pay")
    intro = _(
        "Enter the first day, the days, your earnings of the two years before and your insurance record — see "
        "the daily benefit, what the employer and the Social Fund pay, the tax and the amount paid out.",
    )
    error_fields: ClassVar[dict[str, str]] = {"district_coef": "district", "excluded_days": "excluded",
                                              "record_years": "record_years", "record_months": "record_months"}

    example = EXAMPLE

    def build(self) -> None:
        s = NEUTRAL
        self.w_kind = W.ToggleButtons(options=[("", "sick"), ("", "maternity")], value="sick")
        self.w_start = W.Text(value=date_text(calc.rulebook().default_date()), continuous_update=False)
        self.w_days = W.Text(value=s["days"], continuous_update=False)
        self.w_case = W.Dropdown(options=[(k, k) for k in CASES], value="illness")
        self.w_e1 = W.Text(value=s["e1"], continuous_update=False)
        self.w_e2 = W.Text(value=s["e2"], continuous_update=False)
        self.w_years = W.Text(value=s["years"], continuous_update=False)
        self.w_months = W.Text(value="0", continuous_update=False)
        self.w_district = W.Text(value="1", continuous_update=False)
        self.w_prior = W.Text(value="0", continuous_update=False)
        self.w_mk = W.Dropdown(options=[(k, k) for k in ("normal", "complicated", "multiple")], value="normal")
        self.w_excluded = W.Text(value="0", continuous_update=False)
        self.add_field("kind", self.w_kind, TXT["kind"])
        self.add_field("start", self.w_start, TXT["start"], DATE_HINT)
        self.add_field("days", self.w_days, TXT["days"])
        self.add_field("case", self.w_case, TXT["case"])
        self.add_field("maternity_kind", self.w_mk, TXT["maternity_kind"])
        self.add_field("earnings1", self.w_e1, TXT["earnings"], TXT["earnings_hint"])
        self.add_field("earnings2", self.w_e2, TXT["earnings"], TXT["earnings_hint"])
        self.add_field("excluded", self.w_excluded, TXT["excluded"])
        self.add_field("record_years", self.w_years, TXT["record_years"], TXT["record_hint"])
        self.add_field("record_months", self.w_months, TXT["record_months"])
        self.add_field("district", self.w_district, TXT["district"])
        self.add_field("prior_income", self.w_prior, TXT["prior"])
        self.note = W.HTML()
        self.note.add_class("pa-note")
        self._show_kind()

    def inputs(self) -> list[W.Widget]:
        keys = ("kind", "start", "days", "case", "maternity_kind", "earnings1", "earnings2", "excluded",
                "record_years", "record_months", "district", "prior_income")
        return [self.fields[k].box for k in keys]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.note]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_kind, [(tr(TXT["kind_sick"], lang), "sick"),
                                       (tr(TXT["kind_maternity"], lang), "maternity")])
        self.set_options(self.w_case, options_for(((v, k) for k, v in CASES.items()), lang))
        self.set_options(self.w_mk, [(tr(TXT[f"mk_{k}"], lang), k) for k in ("normal", "complicated", "multiple")])
        self.w_start.placeholder = tr(DATE_HINT, lang)
        self._year_labels()

    def _year_labels(self) -> None:
        """The earnings fields are labelled with the two years before the first day."""
        try:
            y = date_value(self.w_start.value, "start", _("the first day")).year
        except calc.CalcError:
            return
        for key, year in (("earnings1", y - 2), ("earnings2", y - 1)):
            f = self.fields[key]
            f.label = _("Earnings of {year}, ₽", year=year)
            f.set_lang(self.lang)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self._show_kind()
        self._year_labels()

    def _show_kind(self) -> None:
        sick = self.w_kind.value == "sick"
        for k in ("days", "case", "prior_income"):
            self.fields[k].show(sick)
        for k in ("maternity_kind", "excluded"):
            self.fields[k].show(not sick)
        self.fields["start"].label = TXT["start"] if sick else TXT["start_maternity"]
        self.fields["start"].set_lang(self.lang)

    def _on_change(self, change: Any) -> None:
        owner = change.get("owner")
        if owner is self.w_kind:
            self._show_kind()
        if owner is self.w_start:
            self._year_labels()
        super()._on_change(change)

    # ------------------------------------------------------------ compute and render

    def compute(self) -> calc.SickPay | calc.MaternityPay:
        start = date_value(self.w_start.value, "start", _("the first day"))
        self._year_labels()
        earnings = {start.year - 2: self._earning(self.w_e1, "earnings1", start.year - 2),
                    start.year - 1: self._earning(self.w_e2, "earnings2", start.year - 1)}
        if self.w_kind.value == "maternity":
            return calc.maternity_pay(start, earnings, kind=self.w_mk.value, excluded_days=self.w_excluded.value,
                                      record_years=self.w_years.value, record_months=self.w_months.value,
                                      district_coef=self.w_district.value)
        return calc.sick_pay(start, self.w_days.value, earnings, record_years=self.w_years.value,
                             record_months=self.w_months.value, case=self.w_case.value,
                             district_coef=self.w_district.value, prior_income=self.w_prior.value)

    @staticmethod
    def _earning(widget: W.Text, field: str, year: int) -> Any:
        from calc.core.money import amount

        return amount(widget.value, field, _("the earnings of {year}", year=year))

    def render(self, r: calc.SickPay | calc.MaternityPay) -> None:
        lang = self.lang
        self.figures = {}
        if isinstance(r, calc.MaternityPay):
            self.show_figures([
                Figure("net", TXT["net"], r.net, main=True),
                Figure("gross", TXT["m_gross"], r.gross),
                Figure("days", TXT["m_days"], r.days, "days"),
                Figure("daily", TXT["average"], r.daily),
            ])
            self.note.value = f'<div class="pa-ok">{esc(tr(TXT["maternity_note"], lang))}</div>'
            return
        self.show_figures([
            Figure("net", TXT["net"], r.net, main=True),
            Figure("gross", TXT["gross"], r.gross),
            Figure("ndfl", TXT["ndfl"], r.ndfl),
            Figure("daily", TXT["daily"], r.daily, note=f"{tr(TXT['average'], lang)}: "
                   f"{Figure('a', '', r.average_daily).shown(lang)}"),
            Figure("employer_amount", TXT["employer"], r.employer_amount,
                   note=Figure("employer_days", "", r.employer_days, "days").shown(lang)),
            Figure("fund_amount", TXT["fund"], r.fund_amount,
                   note=Figure("fund_days", "", r.fund_days, "days").shown(lang)),
        ])
        self.figures.update(average_daily=r.average_daily, employer_days=r.employer_days, fund_days=r.fund_days)
        split = tr(TXT["split"], lang).format(n=r.employer_days) if r.employer_days else tr(TXT["split_fund"], lang)
        self.note.value = (f'<div class="pa-ok" data-figure="employer_days" data-value="{r.employer_days}">'
                           f"{esc(split)}</div>")

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        sick = lambda: self.w_kind.value == "sick"  # noqa: E731
        return [
            Param("kind", parse_choice(["sick", "maternity"]), setter(self.w_kind), lambda: self.w_kind.value),
            Param("start", parse_date_param, setter(self.w_start), lambda: date_param(self.w_start.value)),
            Param("days", parse_decimal(1, 366), setter(self.w_days), lambda: self.w_days.value if sick() else None),
            Param("case", parse_choice(list(CASES)), setter(self.w_case),
                  lambda: self.w_case.value if sick() else None),
            Param("mk", parse_choice(["normal", "complicated", "multiple"]), setter(self.w_mk),
                  lambda: None if sick() else self.w_mk.value),
            Param("e1", parse_decimal(0, 10**9), setter(self.w_e1), lambda: self.w_e1.value.strip()),
            Param("e2", parse_decimal(0, 10**9), setter(self.w_e2), lambda: self.w_e2.value.strip()),
            Param("excluded", parse_decimal(0, 731), setter(self.w_excluded),
                  lambda: None if sick() else self.w_excluded.value.strip()),
            Param("years", parse_decimal(0, 80), setter(self.w_years), lambda: self.w_years.value.strip()),
            Param("months", parse_decimal(0, 11), setter(self.w_months), lambda: self.w_months.value.strip()),
            Param("district", parse_decimal(1, 3), setter(self.w_district), lambda: self.w_district.value.strip()),
            Param("prior", parse_decimal(0, 10**9), setter(self.w_prior),
                  lambda: self.w_prior.value.strip() if sick() else None),
        ]

    def apply_params(self, params: Any) -> None:
        super().apply_params(params)
        self._show_kind()


def build(lang: str = "ru", params: dict[str, str] | None = None) -> SickApp:
    """Build the app (for tests and for notebooks)."""
    return SickApp(lang, params)


def main() -> SickApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(SickApp)
