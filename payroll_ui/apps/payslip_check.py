"""Check my payslip: the member types the lines of the payslip as the employer printed them; the app
recomputes each line from the law and the inputs (calc.payslip), marks every line that differs — by
how much and in whose favour — and explains the correct figure with its article. Lines left empty are
computed, not compared. Time in days (a salary) or in hours (shift and hourly workers: a salary with the
hourly rate of the month's norm, or an hourly tariff; night hours, overtime by ТК ст. 152 and weekend or
holiday hours by ст. 153, both on the rate with allowances and bonus after rulings 35-П and 26-П).
A draft letter from the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, amount, number
from calc.core.text import Text, money, num, percent, tr
from payroll_ui.apps.casework import ROWS_CSS, optional_amount
from payroll_ui.apps.paylines import overtime_hours, parse_overtime
from payroll_ui.kit import (
    App,
    Figure,
    Param,
    covered_years,
    default_year,
    esc,
    month_options,
    parse_choice,
    parse_decimal,
    parse_int,
    parse_percent,
    run,
    safe,
    setter,
    table_html,
)
from payroll_ui.kit.claim import Claim, ClaimPanel, Fact

TXT: dict[str, Text] = {
    "year": _("Year"),
    "month": _("Month"),
    "salary": _("Monthly salary (as in the contract), ₽"),
    "days": _("Working days worked"),
    "days_hint": _("Empty: the whole month (the norm of the production calendar)."),
    "long_service": _("Long-service allowance, % of the salary"),
    "bonus": _("Monthly bonus, % of the salary"),
    "district": _("District coefficient (1 if none)"),
    "northern": _("Northern allowance, %"),
    "time": _("Time is counted in"),
    "in_days": _("days"),
    "in_hours": _("hours (shifts)"),
    "pay_kind": _("The pay is"),
    "by_salary": _("a monthly salary"),
    "by_tariff": _("an hourly rate"),
    "rate": _("Hourly rate (tariff), ₽"),
    "hours": _("Hours worked by the schedule, without overtime"),
    "hours_hint": _(
        "Every hour of the month's schedule, including the night hours and the hours on weekends and holidays; "
        "overtime hours are typed below. With a salary the hourly rate is the salary ÷ the month's hour norm.",
    ),
    "night": _("Of them, night hours (22:00–06:00)"),
    "night_rate": _("Night surcharge, % of the hourly rate"),
    "night_rate_hint": _("At least 20% (Labour Code art. 154, Decree 554); more if your contract says so."),
    "overtime": _("Overtime hours per occasion, separated by ';'"),
    "overtime_hint": _(
        "E.g. '3; 2' — two occasions of 3 and 2 hours. The first 2 hours of each — ×1.5, the rest ×2 (Labour Code "
        "art. 152).",
    ),
    "holiday": _("Of them, hours on weekends and public holidays"),
    "holiday_hint": _(
        "Worked on a day off or a public holiday within the month's norm: one more hourly rate on top (Labour Code "
        "art. 153), so these hours are paid at least double.",
    ),
    "norm_hours": _("Working hours in the month (norm)"),
    "hourly_rate": _("Hourly rate used"),
    "tariff_note": _(
        "An hourly rate of {rate} × the month's {norm} working hours = {salary}: it is used as the month's salary, "
        "so that the hourly rate below equals the tariff.",
    ),
    "p_night": _("Night-work surcharge"),
    "p_overtime": _("Overtime"),
    "p_holiday": _("Weekend or holiday work"),
    "prior": _("Income since January before this month, ₽"),
    "prior_hint": _("Empty: the same pay every month from January (the НДФЛ is counted from January)."),
    "printed": _("As printed on your payslip (leave empty what is not there)"),
    "p_salary_pay": _("Salary for time worked"),
    "p_long_service": _("Long-service allowance"),
    "p_bonus": _("Bonus"),
    "p_district": _("District coefficient"),
    "p_northern": _("Northern allowance"),
    "p_gross": _("Total accrued"),
    "p_ndfl": _("НДФЛ withheld"),
    "p_advance": _("Advance paid"),
    "p_deductions": _("Other deductions"),
    "p_paid": _("Paid at the end of the month"),
    "norm": _("Working days in the month (norm)"),
    "differs": _("Lines that differ"),
    "owed": _("Owed to you by these lines"),
    "col_line": _("Line"),
    "col_printed": _("Printed"),
    "col_correct": _("By the law"),
    "col_diff": _("Difference"),
    "col_who": _("In whose favour"),
    "col_how": _("How it is computed"),
    "same": _("matches"),
    "not_given": _("computed (not on your payslip)"),
    "for_you": _("in your favour"),
    "against_you": _("against you"),
    "advance_note": _("The advance's size is set by the employer's pay rules; the final payment settles it."),
    "deductions_given": _("as printed (not recomputed)"),
    "deductions_limit": _(
        "Deductions of {amount} are {share} of the pay after НДФЛ: the employer's own deductions may take at most "
        "{general}, writs at most {writs} (alimony and harm to health {special}) — Labour Code art. 138.",
    ),
    "all_same": _("Every line you typed matches the law's figure."),
    "some_differ": _("{n} of the lines you typed differ from the law's figure — see the marked rows."),
}

PRINTED = ("salary_pay", "night", "overtime", "holiday", "long_service", "bonus", "district", "northern", "gross",
           "ndfl", "advance", "deductions", "paid")
HOURS_ONLY = ("night", "overtime", "holiday")
"""Printed lines of the hours mode only (in the days mode they are neither asked nor compared)."""
LINE_KEYS = {"salary_pay": "salary_pay", "night": "night_pay", "overtime": "overtime_pay", "holiday": "holiday_pay",
             "long_service": "allowance_1", "bonus": "bonus_pay", "district": "district_pay",
             "northern": "northern_pay"}
"""The app's printed line → the key of calc's pay line."""
FAVOUR = {"ndfl": -1, "deductions": -1}
"""+1: more printed than due is in the member's favour; -1 (a deduction): more printed is against them."""
HOW = {
    "salary_pay": _("salary ÷ working days of the month × days worked — Labour Code art. 129, 135"),
    "salary_pay_hours": _("hourly rate × hours worked — Labour Code art. 129, 104 (summarised working time)"),
    "night": _("hourly rate × night hours × surcharge (at least 20 %) — Labour Code art. 96, 154; Decree 554"),
    "overtime": _("each occasion: the first 2 hours × 1.5, the rest × 2, on the hourly rate with the allowances and "
                  "bonus — Labour Code art. 152; Constitutional Court ruling 35-P of 27.06.2023"),
    "holiday": _("one more hourly rate (with the allowances and bonus) for each hour on a weekend or holiday — Labour "
                 "Code art. 153; Constitutional Court ruling 26-P of 28.06.2018"),
    "long_service": _("salary for time worked × long-service percent — Labour Code art. 135 (the pay system)"),
    "bonus": _("salary for time worked × bonus percent — Labour Code art. 135, 191 (bonus regulations)"),
    "district": _("pay before regional additions × (coefficient − 1) — Labour Code art. 148, 315–317"),
    "northern": _("pay before regional additions × northern percent — Labour Code art. 148, 315–317"),
    "gross": _("sum of the lines"),
    "ndfl": _("13 % … 22 % by bands, counted from January (the northern part by its own scale) — Tax Code art. "
              "224, 226 para. 3"),
    "advance": _("salary for the first half of the month less its НДФЛ — Labour Code art. 136 part 6"),
    "deductions": _("as printed — Labour Code art. 137, 138"),
    "paid": _("accrued − НДФЛ − advance − deductions — Labour Code art. 136, 137"),
}


@dataclass(frozen=True)
class CheckLine:
    key: str
    printed: Decimal | None
    correct: Decimal

    @property
    def diff(self) -> Decimal:
        return ZERO if self.printed is None else self.printed - self.correct

    @property
    def owed(self) -> Decimal:
        """What the member is owed by this line (positive: underpaid or over-withheld)."""
        return -self.diff * FAVOUR.get(self.key, 1)


@dataclass(frozen=True)
class Check:
    slip: calc.Payslip
    lines: tuple[CheckLine, ...]
    norm: int
    hours: bool = False
    norm_hours: int = 0
    tariff: Decimal | None = None

    @property
    def differing(self) -> list[CheckLine]:
        return [x for x in self.lines if x.printed is not None and x.diff != 0]

    def explain_html(self, lang: str) -> str:
        if self.tariff is None:
            return self.slip.explain_html(lang)
        note = tr(TXT["tariff_note"], lang).format(rate=money(self.tariff, lang), norm=self.norm_hours,
                                                   salary=money(self.tariff * self.norm_hours, lang))
        return f'<p class="pa-tariff-note">{esc(note)}</p>' + self.slip.explain_html(lang)

    def rules_used(self) -> Any:
        return self.slip.rules_used()


class PayslipCheckApp(App):
    """The payslip check."""

    name = "payslip_check"
    title = _("Check my payslip")
    intro = _(
        "Type the lines of your payslip as the employer printed them, and your salary and allowances — each line "
        "is recomputed by the law; the lines that differ are marked, with how much and in whose favour.",
    )
    error_fields: ClassVar[dict[str, str]] = {
        "days_worked": "days", "bonus_percent": "bonus", "district_coef": "district",
        "northern_percent": "northern", "allowances": "long_service", "prior_months": "prior_income",
        "hours_worked": "hours", "hourly_rate": "rate", "night_hours": "night", "night_rate": "night_rate",
        "overtime_hours": "overtime", "holiday_hours": "holiday", "salary": "salary",
    }

    def build(self) -> None:
        year = default_year()
        self.w_year = W.Dropdown(options=covered_years(), value=year)
        self.w_month = W.Dropdown(options=month_options(self.lang), value=calc.rulebook().default_date().month)
        self.w_salary = W.Text(value="60000", continuous_update=False)
        self.w_days = W.Text(value="", continuous_update=False)
        self.w_long = W.Text(value="", continuous_update=False)
        self.w_bonus = W.Text(value="", continuous_update=False)
        self.w_district = W.Text(value="1", continuous_update=False)
        self.w_northern = W.Text(value="", continuous_update=False)
        self.w_prior = W.Text(value="", continuous_update=False)
        self.w_time = W.ToggleButtons(options=[("", "days"), ("", "hours")], value="days")
        self.w_pay = W.ToggleButtons(options=[("", "salary"), ("", "tariff")], value="salary")
        self.w_rate = W.Text(value="", continuous_update=False)
        self.w_hours = W.Text(value="", continuous_update=False)
        self.w_night = W.Text(value="", continuous_update=False)
        self.w_night_rate = W.Text(value="20", continuous_update=False)
        self.w_overtime = W.Text(value="", continuous_update=False)
        self.w_holiday = W.Text(value="", continuous_update=False)
        for key, w, label, hint in (
            ("year", self.w_year, TXT["year"], None), ("month", self.w_month, TXT["month"], None),
            ("time", self.w_time, TXT["time"], None), ("pay_kind", self.w_pay, TXT["pay_kind"], None),
            ("salary", self.w_salary, TXT["salary"], None), ("rate", self.w_rate, TXT["rate"], None),
            ("days", self.w_days, TXT["days"], TXT["days_hint"]),
            ("hours", self.w_hours, TXT["hours"], TXT["hours_hint"]),
            ("night", self.w_night, TXT["night"], None),
            ("night_rate", self.w_night_rate, TXT["night_rate"], TXT["night_rate_hint"]),
            ("overtime", self.w_overtime, TXT["overtime"], TXT["overtime_hint"]),
            ("holiday", self.w_holiday, TXT["holiday"], TXT["holiday_hint"]),
            ("long_service", self.w_long, TXT["long_service"], None), ("bonus", self.w_bonus, TXT["bonus"], None),
            ("district", self.w_district, TXT["district"], None), ("northern", self.w_northern, TXT["northern"], None),
            ("prior_income", self.w_prior, TXT["prior"], TXT["prior_hint"]),
        ):
            self.add_field(key, w, label, hint)
        self.printed: dict[str, W.Text] = {}
        for key in PRINTED:
            w = W.Text(value="", continuous_update=False)
            self.printed[key] = w
            self.add_field(f"p_{key}", w, TXT[f"p_{key}"])
        self.printed_head = W.HTML()
        self.table = W.HTML()
        self.table.add_class("pa-check")
        self.verdict = W.HTML()
        self.claim = ClaimPanel(self.name, self.claim_source, lambda: calc.rulebook().checked_on)
        self._show_modes()

    @property
    def by_hours(self) -> bool:
        return self.w_time.value == "hours"

    def _show_modes(self) -> None:
        """Days: a salary and days worked. Hours: a salary or an hourly rate, hours, night, overtime, weekends."""
        hours, tariff = self.by_hours, self.by_hours and self.w_pay.value == "tariff"
        f = self.fields
        f["days"].show(not hours)
        f["salary"].show(not tariff)
        f["rate"].show(tariff)
        for k in ("pay_kind", "hours", "night", "night_rate", "overtime", "holiday", *(f"p_{x}" for x in HOURS_ONLY)):
            f[k].show(hours)

    @safe
    def _on_change(self, change: Any) -> None:
        if change.get("owner") in (self.w_time, self.w_pay):
            self._show_modes()
        super()._on_change(change)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self._show_modes()

    def apply_params(self, params: Any) -> None:
        super().apply_params(params)
        self._show_modes()

    def inputs(self) -> list[W.Widget]:
        keys = ("year", "month", "time", "pay_kind", "salary", "rate", "days", "hours", "night", "night_rate",
                "overtime", "holiday", "long_service", "bonus", "district", "northern", "prior_income")
        return [W.HTML(ROWS_CSS), *(self.fields[k].box for k in keys), self.printed_head,
                *(self.fields[f"p_{k}"].box for k in PRINTED)]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.verdict, self.table, self.claim.panel]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_month, month_options(lang))
        self.set_options(self.w_time, [(tr(TXT["in_days"], lang), "days"), (tr(TXT["in_hours"], lang), "hours")])
        self.set_options(self.w_pay, [(tr(TXT["by_salary"], lang), "salary"), (tr(TXT["by_tariff"], lang), "tariff")])
        self.printed_head.value = f"<b>{esc(tr(TXT['printed'], self.lang))}</b>"
        self.claim.set_lang(self.lang)

    # ------------------------------------------------------------ compute and render

    def compute(self) -> Check:
        year, month = self.w_year.value, self.w_month.value
        norm = calc.working_days(year, month)
        salary, time, tariff = self._time(year, month, norm)
        long = parse_percent(self.w_long.value, "allowances", _("the long-service allowance"))
        allowances = [calc.Allowance("Надбавка за выслугу лет", "Long-service allowance", percent=long)] if long else []
        prior = None
        if self.w_prior.value.strip():
            p = amount(self.w_prior.value, "prior_months", _("the income since January"))
            if month == 1 and p:
                raise calc.InputError(_("January has no earlier months this year: leave the field empty."),
                                      "prior_months")
            prior = [p, *([ZERO] * (month - 2))] if month > 1 else []
        keys = [k for k in PRINTED if self.by_hours or k not in HOURS_ONLY]
        printed = {k: optional_amount(self.printed[k].value, f"p_{k}", pgettext("what to enter", "the line's amount"))
                   for k in keys}
        slip = calc.payslip(
            salary, year, month, allowances=allowances, **time,
            bonus_percent=parse_percent(self.w_bonus.value, "bonus_percent", _("the bonus"), high=1000),
            district_coef=self.w_district.value or "1",
            northern_percent=parse_percent(self.w_northern.value, "northern_percent", _("the northern allowance")),
            prior_months=prior,
        )
        by_key = {x.key: x.amount for x in slip.lines}
        advance = printed["advance"] if printed["advance"] is not None else slip.advance.paid
        deductions = printed["deductions"] or ZERO
        correct = {k: by_key.get(line, ZERO) for k, line in LINE_KEYS.items()} | {
            "gross": slip.gross,
            "ndfl": slip.ndfl,
            "advance": slip.advance.paid,
            "deductions": deductions,
            "paid": slip.net - advance - deductions,
        }
        lines = tuple(CheckLine(k, printed[k], correct[k]) for k in keys)
        return Check(slip=slip, lines=lines, norm=norm, hours=self.by_hours,
                     norm_hours=calc.work_hours(year, month), tariff=tariff)

    def _time(self, year: int, month: int, norm: int) -> tuple[Decimal, dict[str, Any], Decimal | None]:
        """(the salary, calc.payslip's time arguments, the hourly tariff or None).

        Days: salary ÷ working days × days worked. Hours: the hourly rate (the salary ÷ the month's hour norm,
        or the tariff typed, turned into the salary of the norm so that the rate equals it) × hours, night hours,
        overtime (ТК ст. 152) and weekend or holiday hours (ст. 153) — the last two on the rate with the
        allowances and bonus where the law of the month says so (rulings 35-П of 2023, 26-П of 2018)."""
        if not self.by_hours:
            salary = amount(self.w_salary.value, "salary", _("the salary"), allow_zero=False)
            days = None
            if self.w_days.value.strip():
                days = number(self.w_days.value, "days_worked", _("the days worked"), low=0, high=norm)
            return salary, {"days_worked": days}, None
        tariff = None
        if self.w_pay.value == "tariff":
            tariff = amount(self.number(self.w_rate, "hourly_rate"), "hourly_rate", _("the hourly rate"),
                            allow_zero=False, maximum=Decimal(10**6))
            salary = tariff * calc.work_hours(year, month)
        else:
            salary = amount(self.w_salary.value, "salary", _("the salary"), allow_zero=False)
        hours = number(self.number(self.w_hours, "hours_worked"), "hours_worked", _("the hours worked"), low=0,
                       high=744)
        overtime = overtime_hours(self.w_overtime.value, self.lang)
        worked = hours + sum(overtime, ZERO)
        extra: dict[str, Any] = {}
        for key, widget, what in (("night_hours", self.w_night, _("the night hours")),
                                  ("holiday_hours", self.w_holiday, _("the weekend and holiday hours"))):
            n = number(self.number(widget, key) if widget.value.strip() else "0", key, what, low=0, high=744)
            if n > worked:
                raise calc.InputError(_("{what}: {n} h is more than the hours worked ({hours} h).",
                                        what=what, n=lambda lang, n=n: num(n, lang),
                                        hours=lambda lang: num(worked, lang)), key)
            extra[key] = n
        rate = parse_percent(self.w_night_rate.value, "night_rate", _("the night surcharge"), high=200,
                             lang=self.lang) if self.w_night_rate.value.strip() else None
        return salary, {"hours_worked": hours, "hourly_method": "month", "night_rate": rate,
                        "overtime_hours": overtime, **extra}, tariff

    def render(self, r: Check) -> None:
        lang = self.lang
        self.figures = {}
        paid = next(x for x in r.lines if x.key == "paid")
        figures = [
            Figure("net", _("Net pay for the month (by the law)"), r.slip.net, main=True),
            Figure("differs", TXT["differs"], len(r.differing), "number"),
            Figure("norm_days", TXT["norm"], r.norm, "days"),
        ]
        if paid.printed is not None:
            figures.insert(2, Figure("owed", TXT["owed"], paid.owed))
        if r.hours:
            figures += [Figure("hourly_rate", TXT["hourly_rate"], r.slip.hourly_rate, "rub_per_hour"),
                        Figure("norm_hours", TXT["norm_hours"], r.norm_hours, "hours")]
        self.show_figures(figures)
        rows, classes = [], []
        for x in r.lines:
            label = esc(tr(TXT[f"p_{x.key}"], lang))
            correct = (f'<span data-figure="correct-{x.key}" data-value="{x.correct}">'
                       f"{esc(money(x.correct, lang))}</span>")
            if x.printed is None:
                printed, diff, who = "—", "", esc(tr(TXT["not_given"], lang))
                classes.append("")
            else:
                printed = (f'<span data-figure="printed-{x.key}" data-value="{x.printed}">'
                           f"{esc(money(x.printed, lang))}</span>")
                shown = ("+" if x.diff > 0 else "") + money(x.diff, lang)
                diff = f'<span data-figure="diff-{x.key}" data-value="{x.diff}">{esc(shown)}</span>'
                if x.diff == 0:
                    who = esc(tr(TXT["same"], lang))
                    classes.append("same")
                else:
                    who = esc(tr(TXT["against_you"] if x.owed > 0 else TXT["for_you"], lang))
                    classes.append("differs")
            how = esc(tr(HOW["salary_pay_hours" if r.hours and x.key == "salary_pay" else x.key], lang))
            if x.key == "advance":
                how += f"<br><small>{esc(tr(TXT['advance_note'], lang))}</small>"
            rows.append([label, printed, correct, diff, who, f"<small>{how}</small>"])
            self.figures[f"correct-{x.key}"] = x.correct
        head = [esc(tr(TXT[k], lang)) for k in ("col_line", "col_printed", "col_correct", "col_diff", "col_who",
                                                "col_how")]
        self.table.value = table_html(head, rows, num_cols=(1, 2, 3), row_classes=classes, small=True)
        given = [x for x in r.lines if x.printed is not None]
        verdict = ""
        if given:
            n = len(r.differing)
            text = tr(TXT["some_differ"], lang).format(n=n) if n else tr(TXT["all_same"], lang)
            verdict = f'<div class="{"pa-warn" if n else "pa-ok"}">{esc(text)}</div>'
        verdict += self._deductions_note(r, lang)
        self.verdict.value = verdict
        self.claim.update()

    def _deductions_note(self, r: Check, lang: str) -> str:
        d = next(x for x in r.lines if x.key == "deductions").correct
        after_tax = r.slip.gross - r.slip.ndfl
        if not d or after_tax <= 0:
            return ""
        limits = calc.rulebook().lookup("pay_deductions.limits", date(r.slip.year, r.slip.month, 1)).value
        share = d / after_tax
        if share <= Decimal(limits["general"]):
            return ""
        text = tr(TXT["deductions_limit"], lang).format(
            amount=money(d, lang), share=percent(share.quantize(Decimal("0.001")), lang),
            general=percent(limits["general"], lang), writs=percent(limits["writs"], lang),
            special=percent(limits["special"], lang))
        return f'<div class="pa-warn pa-deductions">{esc(text)}</div>'

    def claim_source(self) -> Claim | None:
        r = self.result
        against = [x for x in r.differing if x.owed > 0] if r is not None else []
        if not against:
            return None
        from calc.core.text import month_name

        slip = r.slip
        facts = [Fact(_("{line}: printed {printed}, due by the law {correct}, difference", line=TXT[f"p_{x.key}"],
                        printed=lambda lang, x=x: money(x.printed, lang),
                        correct=lambda lang, x=x: money(x.correct, lang)), x.diff)
                 for x in against]
        return Claim(kind="payslip",
                     subject=_("my payslip for {month} differs from the pay due under the law and my contract",
                               month=lambda lang: month_name(slip.month, lang, slip.year)),
                     facts=facts,
                     articles=[_("Labour Code art. 22, 129, 135 (pay by the contract and the pay system)"),
                               _("Labour Code art. 136 (payslip and pay days), 137–138 (deductions)"),
                               _("Tax Code art. 224, 226 (НДФЛ)"),
                               _("Labour Code art. 236 (compensation for late payment)")])

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        years = covered_years()
        out = [
            Param("year", parse_int(years[0], years[-1]), setter(self.w_year), lambda: self.w_year.value),
            Param("month", parse_int(1, 12), setter(self.w_month), lambda: self.w_month.value),
        ]
        out += [
            Param("time", parse_choice(["days", "hours"]), setter(self.w_time), lambda: self.w_time.value),
            Param("pay", parse_choice(["salary", "tariff"]), setter(self.w_pay),
                  lambda: self.w_pay.value if self.by_hours else None),
            Param("overtime", parse_overtime, setter(self.w_overtime),
                  lambda: (self.w_overtime.value.strip() or None) if self.by_hours else None),
        ]
        hours = (("rate", self.w_rate), ("hours", self.w_hours), ("night", self.w_night),
                 ("night_rate", self.w_night_rate), ("holiday", self.w_holiday),
                 *((f"p_{k}", self.printed[k]) for k in HOURS_ONLY))
        for key, w in hours:
            out.append(Param(key, parse_decimal(0, 10**9), setter(w),
                             lambda w=w: (w.value.strip() or None) if self.by_hours else None))
        for key, w in (("salary", self.w_salary), ("days", self.w_days), ("long", self.w_long),
                       ("bonus", self.w_bonus), ("district", self.w_district), ("northern", self.w_northern),
                       ("prior", self.w_prior),
                       *((f"p_{k}", v) for k, v in self.printed.items() if k not in HOURS_ONLY)):
            out.append(Param(key, parse_decimal(0, 10**9), setter(w), lambda w=w: w.value.strip() or None))
        return out


def build(lang: str = "ru", params: dict[str, str] | None = None) -> PayslipCheckApp:
    """Build the app (for tests and for notebooks)."""
    return PayslipCheckApp(lang, params)


def main() -> PayslipCheckApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(PayslipCheckApp)
