"""Vietnam: gross ⇄ net ⇄ cost to the employer for one month, in Vietnamese and English.

Any one of gross pay, net pay or the employer's total cost is typed; the app shows the rest with every
compulsory insurance contribution (BHXH, BHYT, BHTN) of both sides, the personal income tax, the union fund
(kinh phí công đoàn) and the member's dues (đoàn phí), for the month and for a year of the same pay, and the
regional minimum-wage check (Labour Code 2019 art. 90–91). The engine is ``calc.vn.monthly``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc.vn as vn
from calc.core.i18n import _
from calc.core.rules import rulebook
from calc.core.text import Text, dong, tr
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    KnownAmount,
    Param,
    esc,
    money_html,
    month_options,
    options_for,
    parse_choice,
    parse_decimal,
    parse_int,
    run,
    setter,
    table_html,
)

COUNTRY = "vn"
WHICH = ("gross", "net", "total")
REGIONS = ("I", "II", "III", "IV")
EMPLOYERS = ("enterprise", "state_enterprise", "public_unit", "state_budget")
YES_NO = ("yes", "no")
EXAMPLE_BUTTON = _("Worked example")
"""The example button of the Vietnamese apps (their examples are checked by hand, not from an article)."""

TXT: dict[str, Text] = {
    "which": _("I know the amount"),
    "which_gross": _("gross"),
    "which_net": _("net"),
    "which_total": _("total cost"),
    "amount_gross": _("Gross pay for the month (before insurance and tax), ₫"),
    "amount_net": _("Net pay for the month (in hand), ₫"),
    "amount_total": _("Total monthly cost to the employer, ₫"),
    "amount_hint": _("Type one amount in whole đồng — the calculator finds the others."),
    "year": _("Year"),
    "month": _("Month"),
    "month_hint": _("The rates of the month: the base salary and the caps change on 1 July 2026, the tax "
                    "schedule and the family deductions on 1 January 2026."),
    "region": _("Region (minimum wage)"),
    "region_hint": _("The region of the employer's workplace (Decree 293/2025/NĐ-CP): region I are the most "
                     "urban areas (urban Hanoi and Ho Chi Minh City among them), region IV the least."),
    "region_n": _("Region {region}"),
    "dependants": _("Registered dependants"),
    "dependants_hint": _("Dependants registered for the family deduction (children, parents you support)."),
    "resident": _("Resident for tax"),
    "resident_hint": _("A resident (in Vietnam 183 days or more in the year, or with a regular residence there) "
                       "pays the progressive schedule after the family deductions; a non-resident pays 20 % of the "
                       "pay (Law on PIT art. 2)."),
    "member": _("Union member"),
    "member_hint": _("A member pays dues (đoàn phí) from the pay; the employer pays the union fund "
                     "(kinh phí công đoàn) in any case."),
    "yes": _("yes"),
    "no": _("no"),
    "employer": _("Employer"),
    "employer_enterprise": _("enterprise (non-state, foreign-invested)"),
    "employer_state_enterprise": _("state-owned enterprise"),
    "employer_public_unit": _("public service unit"),
    "employer_state_budget": _("agency funded by the state budget"),
    "net": _("Net pay"),
    "gross": _("Gross pay"),
    "employee_insurance": _("Employee's insurance"),
    "pit": _("Personal income tax"),
    "union_dues": _("Union dues"),
    "employer_insurance": _("Employer's insurance"),
    "union_fund": _("Union fund"),
    "total_cost": _("Total cost"),
    "taxable": _("taxable income {amount}"),
    "breakdown": _("Every contribution, for the month and the year"),
    "item": _("Item"),
    "month_col": _("A month"),
    "year_col": _("The year {year}"),
    "year_note": _("The year: the same gross pay in every month of {year}, each month by its own rates; the tax "
                   "is the monthly withholding, not the year's settlement (quyết toán)."),
    "worker_side": _("Paid by the employee (deducted from the pay)"),
    "employer_side": _("Paid by the employer (on top of the pay)"),
    "e_social": _("Social insurance (BHXH), 8 %"),
    "e_health": _("Health insurance (BHYT), 1.5 %"),
    "e_unemployment": _("Unemployment insurance (BHTN), 1 %"),
    "r_retirement": _("BHXH: retirement and death fund"),
    "r_sickness": _("BHXH: sickness and maternity fund"),
    "r_accident": _("BHXH: occupational accident and disease fund"),
    "r_health": _("Health insurance (BHYT), 3 %"),
    "r_unemployment": _("Unemployment insurance (BHTN), 1 %"),
    "minimum_ok": _("The salary for insurance, {salary}, is not below the regional minimum wage of region {region}, "
                    "{minimum} a month (Labour Code 2019 art. 90–91)."),
    "example_source": _("a hand-checked case: 30,000,000 ₫ a month in March 2026, region I, one dependant, a union "
                        "member in an enterprise (the rates of Law 109/2025/QH15, Resolution 110/2025/UBTVQH15 and "
                        "Decision 61/QĐ-TLĐ)"),
}


def _years() -> list[int]:
    rb = rulebook(COUNTRY)
    return list(range(rb.covered_from.year, rb.covered_to.year + 1))


def _choices(prefix: str, keys: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    return options_for([(TXT[f"{prefix}_{k}"], k) for k in keys], lang)


def year_totals(gross: Decimal, year: int, **options: Any) -> dict[str, Decimal]:
    """The year's sums of every figure with the same gross pay in every month (each month by its rates)."""
    months = [vn.monthly(gross=gross, year=year, month=m, **options) for m in range(1, 13)]
    keys = ("gross", "net", "pit", "employee_insurance", "employer_insurance", "union_dues", "union_fund",
            "total_cost")
    out = {k: sum((getattr(r, k) for r in months), Decimal(0)) for k in keys}
    for side in ("employee", "employer"):
        for part in months[0].__dict__[side]:
            out[f"{side}_{part}"] = sum((r.__dict__[side][part] for r in months), Decimal(0))
    return out


class VnPayApp(KnownAmount, App):
    """Gross ⇄ net ⇄ total cost to the employer in Vietnam."""

    amount_labels: ClassVar[dict[str, Text]] = {k: TXT[f"amount_{k}"] for k in ("gross", "net", "total")}

    name = "vn_pay"
    langs: ClassVar[tuple[str, ...]] = ("vi", "en")
    country = COUNTRY
    title = _("Gross pay, net pay and the employer's cost in Vietnam")
    intro = _(
        "Type one amount — gross pay, net pay or the employer's total cost — and the calculator finds the rest: "
        "social, health and unemployment insurance of the employee and of the employer, personal income tax "
        "after the family deductions, the union fund and the union dues. Each figure is explained with its "
        "article of law under \"How is this computed?\"."
    )
    error_fields: ClassVar[dict[str, str]] = {"gross": "amount", "net": "amount", "total_cost": "amount",
                                              "member_of_union": "member"}
    example = Example(
        {"which": "gross", "amount": "30000000", "year": "2026", "month": "3", "region": "I", "dependants": "1",
         "resident": "yes", "member": "yes", "employer": "enterprise"},
        TXT["example_source"], EXAMPLE_BUTTON,
    )

    def build(self) -> None:
        today = rulebook(COUNTRY).default_date()
        self.w_which = W.ToggleButtons(options=[("", k) for k in WHICH], value="gross")
        self.w_amount = W.Text(value="15000000", continuous_update=False)
        self.w_year = W.Dropdown(options=_years(), value=today.year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=today.month)
        self.w_region = W.Dropdown(options=[(r, r) for r in REGIONS], value="I")
        self.w_dependants = W.Dropdown(options=list(range(11)), value=0)
        self.w_resident = W.ToggleButtons(options=[("", k) for k in YES_NO], value="yes")
        self.w_member = W.ToggleButtons(options=[("", k) for k in YES_NO], value="no")
        self.w_employer = W.Dropdown(options=_choices("employer", EMPLOYERS, self.lang), value="enterprise")
        self.add_field("which", self.w_which, TXT["which"], watch=False)
        self.add_field("amount", self.w_amount, TXT["amount_gross"], TXT["amount_hint"])
        self.add_field("year", self.w_year, TXT["year"])
        self.add_field("month", self.w_month, TXT["month"], TXT["month_hint"])
        self.add_field("region", self.w_region, TXT["region"], TXT["region_hint"])
        self.add_field("dependants", self.w_dependants, TXT["dependants"], TXT["dependants_hint"])
        self.add_field("resident", self.w_resident, TXT["resident"], TXT["resident_hint"])
        self.add_field("member", self.w_member, TXT["member"], TXT["member_hint"])
        self.add_field("employer", self.w_employer, TXT["employer"])
        self.w_which.observe(self._on_which, names="value")
        self.minimum = W.HTML()
        self.minimum.add_class("pa-minimum")
        self.notes = W.HTML()
        self.notes.add_class("pa-notes")
        self.table = W.HTML()
        self.table.add_class("pa-breakdown")

    def inputs(self) -> list[W.Widget]:
        return [f.box for f in self.fields.values()]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.minimum, self.notes, self.table]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_which, _choices("which", WHICH, lang))
        self.set_options(self.w_month, month_options(lang))
        self.set_options(self.w_region, [(tr(TXT["region_n"], lang).format(region=r), r) for r in REGIONS])
        yes_no = [(tr(TXT[k], lang), k) for k in YES_NO]
        self.set_options(self.w_resident, yes_no)
        self.set_options(self.w_member, yes_no)
        self.set_options(self.w_employer, _choices("employer", EMPLOYERS, lang))
        self.label_amount()

    # ------------------------------------------------------------ compute and render

    def options(self) -> dict[str, Any]:
        return {"region": self.w_region.value, "dependants": self.w_dependants.value,
                "resident": self.w_resident.value == "yes", "member_of_union": self.w_member.value == "yes",
                "employer": self.w_employer.value}

    def compute(self) -> vn.MonthPay:
        key = {"gross": "gross", "net": "net", "total": "total_cost"}[self.w_which.value]
        return vn.monthly(year=self.w_year.value, month=self.w_month.value, **self.options(),
                          **{key: self.number(self.w_amount, "amount")})

    def render(self, r: vn.MonthPay) -> None:
        lang = self.lang
        self.figures = {f"employee_{k}": v for k, v in r.employee.items()}
        self.figures.update({f"employer_{k}": v for k, v in r.employer.items()})
        taxable = tr(TXT["taxable"], lang).format(amount=dong(r.taxable_income, lang))
        self.show_figures([
            Figure("net", TXT["net"], r.net, unit="vnd", main=True),
            Figure("gross", TXT["gross"], r.gross, unit="vnd"),
            Figure("employee_insurance", TXT["employee_insurance"], r.employee_insurance, unit="vnd"),
            Figure("pit", TXT["pit"], r.pit, unit="vnd", note=taxable),
            Figure("union_dues", TXT["union_dues"], r.union_dues, unit="vnd"),
            Figure("employer_insurance", TXT["employer_insurance"], r.employer_insurance, unit="vnd"),
            Figure("union_fund", TXT["union_fund"], r.union_fund, unit="vnd"),
            Figure("total_cost", TXT["total_cost"], r.total_cost, unit="vnd", main=True),
        ])
        self.minimum.value = self._minimum(r)
        notes = [*(r.notes[:-1] if r.below_minimum else r.notes), *([r.inverse_note] if r.inverse_note else [])]
        self.notes.value = "".join(f'<div class="pa-warn">{esc(tr(n, lang))}</div>' for n in notes)
        self.table.value = self._table(r)

    def _minimum(self, r: vn.MonthPay) -> str:
        lang = self.lang
        if r.below_minimum:
            return f'<div class="pa-warn pa-below-minimum">{esc(tr(r.notes[-1], lang))}</div>'
        text = tr(TXT["minimum_ok"], lang).format(salary=dong(r.insurance_salary, lang), region=r.region,
                                                   minimum=dong(r.minimum_wage, lang))
        return f'<div class="pa-ok">{esc(text)}</div>'

    def _table(self, r: vn.MonthPay) -> str:
        lang = self.lang
        year = year_totals(r.gross, r.year, **self.options())

        def row(label: Text, key: str, month: Decimal, bold: bool = False, indent: bool = True) -> list[str]:
            text = esc(tr(label, lang))
            text = f"<b>{text}</b>" if bold else (f"&nbsp;&nbsp;{text}" if indent else text)
            return [text, money_html(f"row-{key}", month, lang, "vnd"), money_html(f"year-{key}", year[key], lang,
                                                                                   "vnd")]

        rows = [row(TXT["gross"], "gross", r.gross, bold=True),
                row(TXT["worker_side"], "employee_insurance", r.employee_insurance, indent=False)]
        rows += [row(TXT[f"e_{k}"], f"employee_{k}", v) for k, v in r.employee.items()]
        rows += [row(TXT["pit"], "pit", r.pit), row(TXT["union_dues"], "union_dues", r.union_dues),
                 row(TXT["net"], "net", r.net, bold=True),
                 row(TXT["employer_side"], "employer_insurance", r.employer_insurance, indent=False)]
        rows += [row(TXT[f"r_{k}"], f"employer_{k}", v) for k, v in r.employer.items()]
        rows += [row(TXT["union_fund"], "union_fund", r.union_fund),
                 row(TXT["total_cost"], "total_cost", r.total_cost, bold=True)]
        head = [esc(tr(TXT["item"], lang)), esc(tr(TXT["month_col"], lang)),
                esc(tr(TXT["year_col"], lang).format(year=r.year))]
        classes = ["total" if i in (0, 8, len(rows) - 1) else "" for i in range(len(rows))]
        note = f"<small>{esc(tr(TXT['year_note'], lang).format(year=r.year))}</small>"
        return (f"<b>{esc(tr(TXT['breakdown'], lang))}</b>"
                + table_html(head, rows, num_cols=(1, 2), row_classes=classes) + note)

    def rules(self, r: vn.MonthPay) -> list[Any]:
        return list(r.rules_used())

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = _years()
        return [
            Param("which", parse_choice(WHICH), setter(self.w_which), lambda: self.w_which.value),
            Param("amount", parse_decimal(0, 10**11), setter(self.w_amount), lambda: self.w_amount.value),
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), setter(self.w_month), lambda: self.w_month.value),
            Param("region", parse_choice(REGIONS), setter(self.w_region), lambda: self.w_region.value),
            Param("dependants", parse_int(0, 10), setter(self.w_dependants), lambda: self.w_dependants.value),
            Param("resident", parse_choice(YES_NO), setter(self.w_resident), lambda: self.w_resident.value),
            Param("member", parse_choice(YES_NO), setter(self.w_member), lambda: self.w_member.value),
            Param("employer", parse_choice(EMPLOYERS), setter(self.w_employer), lambda: self.w_employer.value),
        ]


def build(lang: str = "vi", params: dict[str, str] | None = None) -> VnPayApp:
    """Build the app (for tests and notebooks)."""
    return VnPayApp(lang, params)


def main() -> VnPayApp:
    """Show the app, in the language of the URL (?lang=en; Vietnamese by default)."""
    return run(VnPayApp)
