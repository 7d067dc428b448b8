"""Late pay compensation app (ТК РФ ст. 236): the amounts with their due dates and the payments made
(two small editable tables), the date to count up to, the base (after or before НДФЛ), a higher share
by the collective agreement → the rate periods (from, to, days, rate, share, amount), the total, what
was due when; ⚠ on rows whose rate is to verify; a draft letter from the result."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.money import amount, number
from calc.core.text import Text, day, money, percent, tr
from payroll_ui.apps.casework import (
    DATE_HINT,
    ROWS_CSS,
    Column,
    RowTable,
    date_param,
    date_text,
    date_value,
    parse_date_param,
    parse_rows_param,
    rows_param,
)
from payroll_ui.kit import (
    App,
    Example,
    Figure,
    Param,
    esc,
    parse_choice,
    parse_int,
    run,
    setter,
    table_html,
    verify_mark,
)
from payroll_ui.kit.claim import Claim, ClaimPanel, Fact

EXAMPLE = Example(
    {"debts": "05.10.2022~50000~", "pays": "15.10.2022~50000", "base": "net"},
    _("moshoztros.ru, 'How to compute the compensation for late pay': 50,000 ₽ paid 10 days late at 7.5 % — "
      "50,000 × 7.5 % / 150 × 10 = 250 ₽"),
)
DEBT_KEYS = ("due", "amount", "ndfl")
PAY_KEYS = ("on", "amount")

TXT: dict[str, Text] = {
    "debts": _("Amounts paid late"),
    "debts_hint": _("Each amount with the last day it had to be paid (the pay day of your employer)."),
    "col_due": _("due on"),
    "col_amount": _("amount, ₽"),
    "col_ndfl": _("НДФЛ in it"),
    "add_debt": _("+ an amount"),
    "pays": _("Payments made"),
    "pays_hint": _("Each late payment with its day and amount; leave empty what is still unpaid."),
    "col_on": _("paid on"),
    "add_pay": _("+ a payment"),
    "until": _("Count up to (for what is unpaid)"),
    "base": _("Compensation is counted on"),
    "base_net": _("the amount after НДФЛ (paid to you)"),
    "base_gross": _("the accrued amount (before НДФЛ)"),
    "share": _("Higher share by the collective agreement: 1/N of the rate, N ="),
    "share_hint": _("Empty: the law's minimum, 1/150 of the key rate for each day (1/300 before 03.10.2016)."),
    "total": _("Compensation, total"),
    "unpaid": _("Still unpaid"),
    "days": _("Days of delay"),
    "periods": _("Rate periods"),
    "from": _("from"),
    "to": _("to"),
    "n_days": _("days"),
    "rate": _("rate"),
    "share_col": _("share"),
    "debt_col": _("amount unpaid"),
    "sum": _("compensation"),
    "due_table": _("What was due when"),
    "no": _("No."),
    "due_on": _("due on"),
    "base_col": _("base"),
    "paid_col": _("paid"),
    "verify": _("⚠ The rate of the marked rows could not be confirmed against a primary source — check it."),
    "claim_subject": _("the employer paid me late and owes compensation under Labour Code art. 236"),
}


class LatePayApp(App):
    """The late pay compensation calculator."""

    name = "late_pay"
    title = _("Compensation for late pay")
    intro = _(
        "Enter what was paid late, when it was due and when it was paid — see the compensation the employer owes "
        "for each day of delay (Labour Code art. 236), period by period.",
    )
    error_fields: ClassVar[dict[str, str]] = {"due": "debts", "amount": "debts", "ndfl": "debts", "kind": "debts",
                                              "payments": "payments", "until": "until", "denominator": "share"}

    example = EXAMPLE

    def build(self) -> None:
        self.debts = RowTable("debts", [Column("due", TXT["col_due"], "100px", placeholder=DATE_HINT),
                                        Column("amount", TXT["col_amount"], "95px"),
                                        Column("ndfl", TXT["col_ndfl"], "80px")],
                              TXT["add_debt"], self.refresh)
        self.pays = RowTable("payments", [Column("on", TXT["col_on"], "100px", placeholder=DATE_HINT),
                                          Column("amount", TXT["col_amount"], "95px")],
                             TXT["add_pay"], self.refresh)
        self.debts.set_rows(neutral_debts())
        self.w_until = W.Text(value=date_text(calc.rulebook().default_date()), continuous_update=False)
        self.w_base = W.Dropdown(options=[("", "net"), ("", "gross")], value="net")
        self.w_share = W.Text(value="", continuous_update=False)
        self.add_field("debts", self.debts.box, TXT["debts"], TXT["debts_hint"], watch=False)
        self.add_field("payments", self.pays.box, TXT["pays"], TXT["pays_hint"], watch=False)
        self.add_field("until", self.w_until, TXT["until"], DATE_HINT)
        self.add_field("base", self.w_base, TXT["base"])
        self.add_field("share", self.w_share, TXT["share"], TXT["share_hint"])
        self.table = W.HTML()
        self.table.add_class("pa-periods")
        self.due = W.HTML()
        self.due.add_class("pa-due")
        self.claim = ClaimPanel(self.name, self.claim_source, lambda: calc.rulebook().checked_on)

    def reset_inputs(self) -> None:
        super().reset_inputs()
        self.debts.set_rows(neutral_debts())
        self.pays.set_rows([])

    def inputs(self) -> list[W.Widget]:
        return [W.HTML(ROWS_CSS), *(self.fields[k].box for k in ("debts", "payments", "until", "base", "share"))]

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards, self.table, self.due, self.claim.panel]

    def relabel(self) -> None:
        lang = self.lang
        self.set_options(self.w_base, [(tr(TXT["base_net"], lang), "net"), (tr(TXT["base_gross"], lang), "gross")])
        self.w_until.placeholder = tr(DATE_HINT, lang)
        self.debts.set_lang(lang)
        self.pays.set_lang(lang)
        self.claim.set_lang(lang)

    # ------------------------------------------------------------ compute and render

    def _debts(self) -> list[calc.Debt]:
        out = []
        self.debts.mark()
        for i, r in enumerate(self.debts.rows()):
            if not any(v.strip() for v in r.values()):
                continue
            key = "due"
            try:
                due = date_value(r["due"], "debts", _("the due date of amount No. {i}", i=i + 1))
                key = "amount"
                a = amount(r["amount"], "debts", _("amount No. {i}", i=i + 1), allow_zero=False)
                key = "ndfl"
                tax = amount(r["ndfl"] or "0", "debts", _("the НДФЛ of amount No. {i}", i=i + 1))
                if tax >= a:
                    raise calc.InputError(_("The НДФЛ of amount No. {i} must be less than the amount.", i=i + 1),
                                          "debts")
            except calc.CalcError:
                self.debts.mark({i: key})
                raise
            out.append(calc.Debt(a, due, ndfl=tax))
        if not out:
            raise calc.InputError(_("Please give at least one amount paid late, with its due date."), "debts")
        return out

    def _payments(self) -> list[calc.Payment]:
        out = []
        self.pays.mark()
        for i, r in enumerate(self.pays.rows()):
            if not any(v.strip() for v in r.values()):
                continue
            key = "on"
            try:
                on = date_value(r["on"], "payments", _("the date of payment No. {i}", i=i + 1))
                key = "amount"
                a = amount(r["amount"], "payments", _("payment No. {i}", i=i + 1),
                           allow_zero=False)
            except calc.CalcError:
                self.pays.mark({i: key})
                raise
            out.append(calc.Payment(on, a))
        return out

    def compute(self) -> calc.LatePay:
        debts = self._debts()
        pays = self._payments()
        until = None
        if self.w_until.value.strip():
            until = date_value(self.w_until.value, "until", _("the date to count up to"))
        den = None
        if self.w_share.value.strip():
            den = int(number(self.w_share.value, "denominator", _("the share's N"),
                             low=1, high=150, integer=True))
        return calc.late_pay_compensation(debts, pays, until=until, base=self.w_base.value, denominator=den)

    def render(self, r: calc.LatePay) -> None:
        lang = self.lang
        self.figures = {}
        days = sum(p.days for p in r.periods)
        self.show_figures([
            Figure("total", TXT["total"], r.total, main=True),
            Figure("unpaid", TXT["unpaid"], r.unpaid),
        ])
        self.figures["verify"] = r.verify
        head = [esc(tr(TXT[k], lang)) for k in ("no", "from", "to", "n_days", "debt_col", "rate", "share_col", "sum")]
        rows, classes = [], []
        for k, p in enumerate(r.periods):
            mark = verify_mark(lang) if p.verify else ""
            rows.append([str(p.debt + 1), esc(day(p.start, lang)), esc(day(p.end, lang)), str(p.days),
                         esc(money(p.base, lang)), esc(percent(p.rate, lang)) + mark, f"1/{p.denominator}",
                         f'<span data-figure="period-{k}" data-value="{p.amount}">{esc(money(p.amount, lang))}</span>'])
            classes.append("verify" if p.verify else "")
        rows.append(["", "", "", str(days), "", "", "", esc(money(r.total, lang))])
        classes.append("total")
        note = f'<div class="pa-warn">{esc(tr(TXT["verify"], lang))}</div>' if r.verify else ""
        self.table.value = (f"<b>{esc(tr(TXT['periods'], lang))}</b>"
                            + table_html(head, rows, num_cols=(3, 4, 5, 7), row_classes=classes, small=True) + note)
        self.due.value = self._due_html(r, lang)
        self.claim.update()

    def _due_html(self, r: calc.LatePay, lang: str) -> str:
        head = [esc(tr(TXT[k], lang)) for k in ("no", "due_on", "base_col", "sum")]
        rows = []
        for i, d in enumerate(self._shown_debts()):
            comp = sum((p.amount for p in r.periods if p.debt == i), Decimal(0))
            base = r.bases[i] if i < len(r.bases) else Decimal(0)
            rows.append([str(i + 1), esc(day(d.due, lang)), esc(money(base, lang)), esc(money(comp, lang))])
        return f"<b>{esc(tr(TXT['due_table'], lang))}</b>" + table_html(head, rows, num_cols=(2, 3))

    def _shown_debts(self) -> list[calc.Debt]:
        try:
            return self._debts()
        except calc.CalcError:
            return []

    def claim_source(self) -> Claim | None:
        r = self.result
        if r is None:
            return None
        facts = []
        for i, d in enumerate(self._shown_debts()):
            comp = sum((p.amount for p in r.periods if p.debt == i), Decimal(0))
            facts.append(Fact(_("amount No. {i} of {base}, due on {due}: compensation", i=i + 1,
                                base=lambda lang, b=r.bases[i]: money(b, lang),
                                due=lambda lang, d=d: day(d.due, lang)), comp))
        facts.append(Fact(TXT["total"], r.total))
        if r.unpaid:
            facts.append(Fact(TXT["unpaid"], r.unpaid))
        return Claim(kind="late_pay", subject=TXT["claim_subject"], facts=facts,
                     articles=[_("Labour Code art. 136 (pay days)"),
                               _("Labour Code art. 236 (at least 1/150 of the Bank of Russia key rate for each "
                                 "day of delay)")])

    # ------------------------------------------------------------ URL parameters

    def params(self) -> list[Param]:
        return [
            Param("debts", parse_rows_param(DEBT_KEYS), self.debts.set_rows,
                  lambda: rows_param(self.debts.rows(), DEBT_KEYS)),
            Param("pays", parse_rows_param(PAY_KEYS), self.pays.set_rows,
                  lambda: rows_param(self.pays.rows(), PAY_KEYS)),
            Param("until", parse_date_param, setter(self.w_until), lambda: date_param(self.w_until.value)),
            Param("base", parse_choice(["net", "gross"]), setter(self.w_base), lambda: self.w_base.value),
            Param("share", parse_int(1, 150), lambda v: setattr(self.w_share, "value", str(v)),
                  lambda: self.w_share.value.strip() or None),
        ]


def neutral_debts() -> list[dict[str, str]]:
    """A neutral current case: 50,000 ₽ due a month before today, still unpaid."""
    due = calc.rulebook().default_date() - timedelta(days=30)
    return [{"due": date_text(due), "amount": "50000", "ndfl": ""}]


def build(lang: str = "ru", params: dict[str, str] | None = None) -> LatePayApp:
    """Build the app (for tests and for notebooks)."""
    return LatePayApp(lang, params)


def main() -> LatePayApp:
    """Show the app in a notebook / Voilà page, prefilled from the URL."""
    return run(LatePayApp)
