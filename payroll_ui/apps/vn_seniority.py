"""Vietnam: the public-sector seniority allowance (phụ cấp thâm niên) by scale — teachers, the armed forces,
beyond-frame grades A0–A3 — in Vietnamese and English. The engine is ``calc.vn.seniority_allowance``."""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as W

import calc.vn as vn
from calc.core.i18n import _
from calc.core.rules import rulebook
from calc.core.text import Text, tr
from calc.vn.allowances import SCALES
from payroll_ui.apps.vn_pay import COUNTRY, EXAMPLE_BUTTON, _years
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    month_options,
    parse_choice,
    parse_decimal,
    parse_int,
    run,
    setter,
)

TXT: dict[str, Text] = {
    "scale": _("Scale"),
    "scale_teachers": _("teachers (Decree 77/2021/NĐ-CP)"),
    "scale_armed_forces": _("armed forces and police"),
    "scale_beyond_frame": _("beyond-frame, grades A0–A3"),
    "scale_hint": _("A private employer's seniority allowance is set by the contract or the collective agreement, "
                    "not by these scales."),
    "years": _("Full years of qualifying service"),
    "years_hint": _("Teachers: years of teaching with compulsory social insurance; beyond-frame: years on the top "
                    "step of the grade."),
    "coefficient": _("Salary coefficient"),
    "coefficient_hint": _("The grade's coefficient plus the leadership and beyond-frame allowances (for teachers), "
                          "e.g. 4.98; the salary is this × the base salary of the month."),
    "year": _("Year"),
    "month": _("Month"),
    "allowance": _("Seniority allowance a month"),
    "rate": _("Rate"),
    "salary": _("Salary by the coefficient"),
    "next": _("Rises after"),
    "next_years": _("{years} full years"),
    "example_source": _("a hand-checked case: a teacher with 12 full years and the coefficient 4.98 in August 2026 "
                        "(base salary 2,530,000 ₫; Decree 77/2021/NĐ-CP art. 4)"),
}


class VnSeniorityApp(App):
    """The seniority allowance of the public sector in Vietnam."""

    name = "vn_seniority"
    langs: ClassVar[tuple[str, ...]] = ("vi", "en")
    country = COUNTRY
    title = _("Seniority allowance in the public sector of Vietnam")
    intro = _("Choose the scale and type the full years of service and the salary coefficient: the calculator gives "
              "the rate, the monthly allowance and when it next rises, with the article it rests on. Only the "
              "scales a source confirms are here.")
    example = Example({"scale": "teachers", "years": "12", "coefficient": "4.98", "year": "2026", "month": "8"},
                      TXT["example_source"], EXAMPLE_BUTTON)

    def build(self) -> None:
        today = rulebook(COUNTRY).default_date()
        self.w_scale = W.Dropdown(options=[("", s) for s in SCALES], value="teachers")
        self.w_years = W.Dropdown(options=list(range(61)), value=10)
        self.w_coefficient = W.Text(value="3", continuous_update=False)
        self.w_year = W.Dropdown(options=_years(), value=today.year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=today.month)
        self.add_field("scale", self.w_scale, TXT["scale"], TXT["scale_hint"])
        self.add_field("years", self.w_years, TXT["years"], TXT["years_hint"])
        self.add_field("coefficient", self.w_coefficient, TXT["coefficient"], TXT["coefficient_hint"])
        self.add_field("year", self.w_year, TXT["year"])
        self.add_field("month", self.w_month, TXT["month"])

    def inputs(self) -> list[W.Widget]:
        return [f.box for f in self.fields.values()]

    def relabel(self) -> None:
        self.set_options(self.w_scale, [(tr(TXT[f"scale_{s}"], self.lang), s) for s in SCALES])
        self.set_options(self.w_month, month_options(self.lang))

    def compute(self) -> vn.Seniority:
        return vn.seniority_allowance(self.w_scale.value, self.w_years.value, self.number(self.w_coefficient,
                                                                                          "coefficient"),
                                      self.w_year.value, self.w_month.value)

    def render(self, r: vn.Seniority) -> None:
        self.show_figures([
            Figure("allowance", TXT["allowance"], r.allowance, unit="vnd", main=True),
            Figure("rate", TXT["rate"], r.rate, unit="rate"),
            Figure("salary", TXT["salary"], r.salary, unit="vnd"),
            Figure("next", TXT["next"], tr(TXT["next_years"], self.lang).format(years=r.next_rise_after),
                   unit="text"),
        ])

    def params(self) -> list[Param]:
        years = _years()
        return [
            Param("scale", parse_choice(SCALES), setter(self.w_scale), lambda: self.w_scale.value),
            Param("years", parse_int(0, 60), setter(self.w_years), lambda: self.w_years.value),
            Param("coefficient", parse_decimal(0, 30), setter(self.w_coefficient), lambda: self.w_coefficient.value),
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), setter(self.w_month), lambda: self.w_month.value),
        ]


def build(lang: str = "vi", params: dict[str, str] | None = None) -> VnSeniorityApp:
    """Build the app (for tests and notebooks)."""
    return VnSeniorityApp(lang, params)


def main() -> VnSeniorityApp:
    """Show the app, in the language of the URL (?lang=en; Vietnamese by default)."""
    return run(VnSeniorityApp)
