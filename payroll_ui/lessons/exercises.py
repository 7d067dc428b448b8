"""Lesson widgets: the self-check exercise and the "try it" calculators (ipywidgets 8).

``exercise("L2.3", lang)`` — the learner types an answer ("22 500", "22500,00", "22 500 ₽"),
presses *Check* and gets right / almost / wrong with a hint; *Show the solution* reveals the
engine's explanation. ``try_it("advance", lang)`` — a small calculator for the lesson's topic.

Every callback catches errors: bad input gives a clear message in the lesson's language, never a
traceback. The logic is in plain methods (``check``, ``reveal``, ``update``) so tests can drive
the widgets from Python by setting values.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as widgets

import calc
from calc.core.errors import CalcError
from calc.core.i18n import _, pgettext
from calc.core.text import LANGS, Text, money, month_name, num, percent, quantity, tr
from payroll_ui.lessons import bargain as lb
from payroll_ui.lessons import words
from payroll_ui.lessons.answers import PLACEHOLDERS, parse_answer
from payroll_ui.lessons.content import Exercise, get

COLOURS = {"right": "#1b7a2e", "close": "#9a6700", "trap": "#b3261e", "wrong": "#b3261e", "invalid": "#b3261e",
           "empty": "#555555", "error": "#b3261e"}
MARKS = {"right": "✔", "close": "≈", "trap": "✘", "wrong": "✘", "invalid": "⚠", "empty": "…", "error": "⚠"}

OOPS = words.OOPS


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, got {lang!r}")
    return lang


def message_html(status: str, text: str) -> str:
    """A coloured one-line message."""
    colour = COLOURS.get(status, "#333333")
    return f"<div style='color:{colour}; margin:4px 0'><b>{MARKS.get(status, '')}</b> {html.escape(text)}</div>"


def pre_html(text: str) -> str:
    return (
        "<pre style='white-space:pre-wrap; background:#f6f8fa; border:1px solid #d0d7de; padding:8px; "
        f"font-size:12.5px; line-height:1.35'>{html.escape(text)}</pre>"
    )


# ---------------------------------------------------------------- the self-check exercise


class ExerciseWidget(widgets.VBox):
    """Answer box, *Check*, *Hint* and *Show the solution* for one :class:`Exercise`."""

    def __init__(self, ex: Exercise, lang: str = "ru") -> None:
        self.ex, self.lang = ex, _check_lang(lang)
        self.status: str | None = None
        self.answer_box = widgets.Text(
            placeholder=tr(PLACEHOLDERS[ex.unit], lang),
            description=tr(words.ANSWER_LABEL, lang),
            layout=widgets.Layout(width="24em"),
        )
        self.check_button = widgets.Button(
            description=tr(words.CHECK, lang), button_style="primary", icon="check"
        )
        self.hint_button = widgets.Button(description=tr(words.HINT, lang), icon="lightbulb-o")
        self.reveal_button = widgets.Button(
            description=tr(words.SHOW_SOLUTION, lang), icon="eye",
            layout=widgets.Layout(width="auto"),
        )
        self.feedback = widgets.HTML()
        self.solution = widgets.HTML()
        self.check_button.on_click(lambda _b: self._guard(self.check))
        self.hint_button.on_click(lambda _b: self._guard(self.show_hint))
        self.reveal_button.on_click(lambda _b: self._guard(self.reveal))
        word = tr(words.EXERCISE, lang)
        title = widgets.HTML(f"<b>{html.escape(word)} {ex.id[1:]}</b>")
        buttons = widgets.HBox([self.check_button, self.hint_button, self.reveal_button])
        super().__init__([title, self.answer_box, buttons, self.feedback, self.solution])
        self.add_class("lesson-exercise")

    def _guard(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except Exception:  # a learner must never see a traceback
            self.status = "error"
            self.feedback.value = message_html("error", tr(OOPS, self.lang))

    def check(self, text: str | None = None) -> str:
        """Check the typed answer (or ``text``); show the verdict; return its status."""
        if text is not None:
            self.answer_box.value = text
        verdict = self.ex.check(self.answer_box.value, self.lang)
        self.status = verdict.status
        self.feedback.value = message_html(verdict.status, tr(verdict.message, self.lang))
        return verdict.status

    def show_hint(self) -> None:
        hint = tr(words.HINT_PREFIX, self.lang) + tr(self.ex.hint, self.lang)
        self.feedback.value = message_html("empty", hint)

    def reveal(self) -> str:
        """Show the solution in a few plain lines with the numbers — the method, the key steps, the answer —
        and, one more click away, the calculator's full explanation; return all of it as text."""
        lang = self.lang
        method, steps, answer = self.ex.plain_solution(lang)
        head, more = tr(words.SOLUTION, lang), tr(words.FULL_EXPLANATION, lang)
        word = tr(words.ANSWER, lang)
        full = self.ex.solution_text(lang)
        items = "".join(f"<li>{html.escape(step)}</li>" for step in steps)
        self.solution.value = (
            f"<div class='lesson-solution'><div><b>{html.escape(head)}</b></div><p>{html.escape(method)}</p>"
            f"<ul>{items}</ul><p><b>{html.escape(word)}: {html.escape(answer)}</b></p>"
            f"<details><summary>{html.escape(more)}</summary>{pre_html(full)}</details></div>"
        )
        return "\n".join([head, method, *steps, f"{word}: {answer}", more, full])


def exercise(exercise_id: str, lang: str = "ru") -> ExerciseWidget:
    """The self-check widget for exercise ``exercise_id`` (e.g. ``"L2.3"``) in ``lang``."""
    return ExerciseWidget(get(exercise_id), lang)


# ---------------------------------------------------------------- "try it" calculators


def _money_value(text: str, lang: str, what: Text) -> Decimal:
    try:
        value, _ignored = parse_answer(text, "rub", lang)
    except CalcError as e:
        raise CalcError(
            words.field_error(lambda lang, what=what: tr(what, lang), lambda lang, e=e: e.message(lang)),
        ) from None
    return value


def _number(text: str, lang: str, what: Text, unit: str = "number") -> Decimal:
    return _money_value(text, lang, what) if unit == "rub" else _parse(text, lang, what, unit)


def _parse(text: str, lang: str, what: Text, unit: str) -> Decimal:
    try:
        value, _ignored = parse_answer(text, unit, lang)
    except CalcError as e:
        raise CalcError(
            words.field_error(lambda lang, what=what: tr(what, lang), lambda lang, e=e: e.message(lang)),
        ) from None
    return value / 100 if unit == "percent" else value


def _years(lang: str, value: int = 2026) -> widgets.Dropdown:
    rb = calc.rulebook()
    years = list(range(rb.covered_from.year, rb.covered_to.year + 1))
    return widgets.Dropdown(options=years, value=value, description=tr(words.YEAR, lang))


def _months(lang: str, value: int = 1) -> widgets.Dropdown:
    return widgets.Dropdown(
        options=[(month_name(m, lang), m) for m in range(1, 13)], value=value, description=tr(words.MONTH, lang)
    )


def _text(lang: str, label: Text, value: str, width: str = "18em") -> widgets.Text:
    return widgets.Text(value=value, description=tr(label, lang), layout=widgets.Layout(width=width),
                        style={"description_width": "10em"})


def _summary(lang: str, rows: list[tuple[Text, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding:2px 10px 2px 0'>{html.escape(tr(k, lang))}</td>"
        f"<td style='text-align:right; padding:2px 0'><b>{html.escape(v)}</b></td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


class TryIt(widgets.VBox):
    """A small calculator: input widgets, a result that updates on every change, clear messages."""

    def __init__(self, lang: str, inputs: dict[str, widgets.Widget], compute: Callable[[dict[str, Any]], str],
                 title: Text) -> None:
        self.lang = _check_lang(lang)
        self.inputs, self._compute = inputs, compute
        self.result = widgets.HTML()
        self.ok = False
        self.error: str | None = None
        for w in inputs.values():
            w.observe(lambda _change: self.update(), names="value")
        head = widgets.HTML(f"<b>{html.escape(tr(title, lang))}</b>")
        super().__init__([head, *inputs.values(), self.result])
        self.add_class("lesson-tryit")
        self.update()

    def values(self) -> dict[str, Any]:
        return {k: w.value for k, w in self.inputs.items()}

    def update(self) -> str:
        """Recompute from the inputs; show the result or a clear message; return the HTML."""
        try:
            out = self._compute(self.values())
            self.ok, self.error = True, None
        except CalcError as e:
            self.ok, self.error = False, e.message(self.lang)
            out = message_html("error", self.error)
        except Exception:  # never a traceback in a lesson
            self.ok, self.error = False, tr(OOPS, self.lang)
            out = message_html("error", self.error)
        self.result.value = out
        return out


def _explain_block(result: Any, lang: str) -> str:
    head = tr(words.HOW_COMPUTED, lang)
    return f"<details><summary>{html.escape(head)}</summary>{result.explain_html(lang)}</details>"


def try_salary(lang: str) -> TryIt:
    """Salary for a month by the production calendar, for the days worked."""
    inputs = {
        "salary": _text(lang, _("Basic salary, ₽"), "50 000"),
        "year": _years(lang, 2026),
        "month": _months(lang, 4),
        "days": _text(lang, _("Days worked"), "15"),
    }

    def compute(v: dict[str, Any]) -> str:
        salary = _money_value(v["salary"], lang, _("Salary"))
        days = _parse(v["days"], lang, _("Days worked"), "days")
        r = calc.salary_for_month(salary, v["year"], v["month"], days)
        norm = calc.working_days(v["year"], v["month"])
        rows = [(_("Working days in the month"), str(norm)),
                (_("Salary due"), money(r.amount, lang))]
        return _summary(lang, rows) + _explain_block(r, lang)

    return TryIt(lang, inputs, compute, _("Try it: salary for time worked"))


def try_seniority(lang: str) -> TryIt:
    """The long-service allowance on a built-in scale, with the next step."""
    inputs = {
        "salary": _text(lang, _("Basic salary, ₽"), "50 000"),
        "years": _text(lang, _("Full years of service"), "4"),
        "scale": widgets.Dropdown(
            options=[(tr(s.label, lang), k) for k, s in calc.SCALES.items()],
            value="civil_service",
            description=tr(_("Scale"), lang),
            layout=widgets.Layout(width="40em"),
        ),
    }

    def compute(v: dict[str, Any]) -> str:
        salary = _money_value(v["salary"], lang, _("Salary"))
        years = _parse(v["years"], lang, _("Service"), "years")
        r = calc.seniority(salary, years, v["scale"])
        rows = [(_("Bonus rate"), percent(r.rate, lang)),
                (_("Bonus a month"), money(r.bonus, lang))]
        if r.next_step:
            years_text = quantity(r.next_step[0], "years", lang)
            rows.append((_("Next step"),
                         tr(_("from {} — {}"), lang).format(years_text, percent(r.next_step[1], lang))))
        warn = ""
        if r.scale.disputed or r.scale.verify:
            warn = message_html("close", tr(r.scale.note or _("Scale not checked against the act."), lang))
        return _summary(lang, rows) + warn + _explain_block(r, lang)

    return TryIt(lang, inputs, compute, _("Try it: long-service allowance"))


def try_advance(lang: str) -> TryIt:
    """The advance and the final payment of a month."""
    method = widgets.Dropdown(
        options=[(tr(_("by days worked"), lang), "days"),
                 (tr(_("a percentage of the salary"), lang), "percent")],
        value="days", description=tr(_("Method"), lang), layout=widgets.Layout(width="30em"),
    )
    inputs = {
        "salary": _text(lang, _("Basic salary, ₽"), "50 000"),
        "year": _years(lang, 2026),
        "month": _months(lang, 4),
        "method": method,
        "percent": _text(lang, _("Advance percentage"), "40"),
    }

    def compute(v: dict[str, Any]) -> str:
        salary = _money_value(v["salary"], lang, _("Salary"))
        pct = None
        if v["method"] == "percent":
            pct = _parse(v["percent"], lang, _("Advance percentage"), "percent")
        r = calc.advance(salary, v["year"], v["month"], method=v["method"], percent=pct)
        rows = [
            (_("Working days in the month / on the 1st–15th"),
             f"{r.norm_days} / {r.first_half_days}"),
            (_("Advance before income tax"), money(r.gross, lang)),
            (_("Income tax on the advance"), money(r.ndfl, lang)),
            (_("Advance paid"), money(r.paid, lang)),
            (pgettext("payroll_ui.lessons.exercises", "Final payment"), money(r.final_payment, lang)),
            (_("Net pay for the month"), money(r.month_net, lang)),
        ]
        return _summary(lang, rows) + _explain_block(r, lang)

    return TryIt(lang, inputs, compute, _("Try it: the advance"))


def try_hours(lang: str) -> TryIt:
    """An hourly rate from a salary (two ways) and the pay for shifts with night hours."""
    inputs = {
        "salary": _text(lang, _("Basic salary, ₽"), "50 000"),
        "year": _years(lang, 2026),
        "month": _months(lang, 4),
        "hours": _text(lang, _("Hours a shift"), "24"),
        "night": _text(lang, _("Of them at night"), "8"),
        "night_rate": _text(lang, _("Night-work premium, %"), "20"),
        "shifts": _text(lang, _("Shifts in the month"), "8"),
    }

    def compute(v: dict[str, Any]) -> str:
        salary = _money_value(v["salary"], lang, _("Salary"))
        by_month = calc.hourly_rate(salary, v["year"], v["month"], method="month")
        by_year = calc.hourly_rate(salary, v["year"], v["month"], method="year")
        night_rate = _parse(v["night_rate"], lang, _("Night-work premium"), "percent")
        hours = _parse(v["hours"], lang, _("Hours a shift"), "hours")
        night = _parse(v["night"], lang, _("Night hours"), "hours")
        shifts = _parse(v["shifts"], lang, _("Shifts"), "number")
        pay = calc.shift_pay(by_year.rate, hours, night, night_rate, shifts=shifts)
        rows = [(_("Rate by the month's norm"), money(by_month.rate, lang)),
                (_("Rate by the year's average"), money(by_year.rate, lang)),
                (_("Pay for the shifts (at the year's rate)"), money(pay.amount, lang))]
        return _summary(lang, rows) + _explain_block(pay, lang)

    return TryIt(lang, inputs, compute, _("Try it: hourly rate and shifts"))


def try_ndfl(lang: str) -> TryIt:
    """Income tax withheld month by month for a year of equal pay, with child deductions."""
    inputs = {
        "gross": _text(lang, _("Gross a month, ₽"), "50 000"),
        "year": _years(lang, 2026),
        "children": widgets.BoundedIntText(value=0, min=0, max=10, description=tr(_("Children"), lang)),
    }

    def compute(v: dict[str, Any]) -> str:
        gross = _money_value(v["gross"], lang, _("Gross"))
        rows = calc.withholding([gross] * 12, v["year"], children=int(v["children"] or 0))
        head = [_("Month"), _("Deduction"), _("Tax this month"),
                _("Rate")]
        body = "".join(
            f"<tr><td>{month_name(r.month, lang)}</td><td style='text-align:right'>{money(r.deduction, lang)}</td>"
            f"<td style='text-align:right'>{money(r.tax, lang)}</td><td>{percent(r.rate, lang)}</td></tr>"
            for r in rows
        )
        total = sum((r.tax for r in rows), Decimal(0))
        th = "".join(f"<th style='text-align:left; padding-right:10px'>{html.escape(tr(h, lang))}</th>" for h in head)
        return (f"<table><tr>{th}</tr>{body}</table>"
                + _summary(lang, [(_("Tax for the year"), money(total, lang))]))

    return TryIt(lang, inputs, compute, _("Try it: income tax month by month"))


def try_cost(lang: str) -> TryIt:
    """What one month of pay costs the employer, by year and kind of employer."""
    inputs = {
        "gross": _text(lang, _("Gross a month, ₽"), "50 000"),
        "year": _years(lang, 2026),
        "month": _months(lang, 4),
        "kind": widgets.Dropdown(options=[(tr(v, lang), k) for k, v in calc.KINDS.items()], value="general",
                                 description=tr(_("Employer"), lang),
                                 layout=widgets.Layout(width="30em")),
    }

    def compute(v: dict[str, Any]) -> str:
        gross = _money_value(v["gross"], lang, _("Gross"))
        c = calc.employer_cost(gross, v["year"], month=v["month"], kind=v["kind"])
        rows = [(_("Gross"), money(c.gross, lang)),
                (_("Income tax (from the pay)"), money(c.ndfl, lang)),
                (_("Net"), money(c.net, lang)),
                (_("Contributions (on top)"), money(c.contributions, lang)),
                (_("Accident insurance (on top)"), money(c.accident, lang)),
                (_("Total cost"), money(c.total_cost, lang))]
        events = "".join(message_html("close", tr(e, lang)) for e in c.events)
        return _summary(lang, rows) + events + _explain_block(c, lang)

    return TryIt(lang, inputs, compute, _("Try it: the cost of a worker"))


def try_settlement(lang: str) -> TryIt:
    """A final settlement: pay for the last month's days, leave compensation, tax, net."""
    inputs = {
        "dismissal": widgets.DatePicker(
            value=date(2026, 4, 15), description=tr(_("Last day"), lang)
        ),
        "salary": _text(lang, _("Basic salary, ₽"), "50 000"),
        "days": _text(lang, _("Days worked that month"), "9"),
        "months": _text(lang, _("Months of the working year"), "5"),
        "used": _text(lang, _("Leave days already taken"), "0"),
        "average": _text(lang, _("Average daily earnings, ₽"), "1 700"),
    }

    def compute(v: dict[str, Any]) -> str:
        if not isinstance(v["dismissal"], date):
            raise CalcError(_("Please give the last day of work."))
        s = calc.final_settlement(
            v["dismissal"],
            _money_value(v["salary"], lang, _("Salary")),
            days_worked=_parse(v["days"], lang, _("Days worked"), "days"),
            months_for_leave=_parse(v["months"], lang, _("Months"), "number"),
            used_days=_parse(v["used"], lang, _("Leave days"), "days"),
            average_daily=_money_value(v["average"], lang, _("Average earnings")),
        )
        rows = [(x.label, money(x.amount, lang)) for x in s.lines]
        rows += [(_("Leave days compensated"), num(s.unused_days, lang)),
                 (_("Total gross"), money(s.gross, lang)),
                 (_("Income tax"), money(s.ndfl, lang)),
                 (_("Paid on the last day"), money(s.net, lang))]
        return _summary(lang, rows) + _explain_block(s, lang)

    return TryIt(lang, inputs, compute, _("Try it: the final settlement"))


def try_bargain(lang: str) -> TryIt:
    """Cost a proposed seniority scale for the lesson's workforce (rows "years: percent")."""
    area = {"layout": widgets.Layout(width="22em", height="9em"), "style": {"description_width": "10em"}}
    inputs = {
        "current": widgets.Textarea(value=lb.steps_text(lb.CURRENT_STEPS),
                                    description=tr(_("Now (years: %)"), lang), **area),
        "proposal": widgets.Textarea(value=lb.steps_text(lb.CURRENT_STEPS),  # opens on "no change": write yours
                                     description=tr(_("Proposal"), lang), **area),
    }

    def compute(v: dict[str, Any]) -> str:
        now = calc.custom_scale(lb.parse_steps(v["current"]), "Сейчас", "Now")
        new = calc.custom_scale(lb.parse_steps(v["proposal"]), "Предложение", "Proposal", scale_id="proposal")
        b = lb.bargain(now=now, new=new)
        extra = pgettext("payroll_ui.lessons.exercises", "Employer's extra cost for the year")
        rows = [(extra, money(b.extra_cost, lang)),
                (_("Workers' extra net pay"), money(b.net_gain, lang)),
                (_("Extra income tax"), money(b.extra_ndfl, lang)),
                (_("Extra contributions"), money(b.extra_contributions, lang)),
                (_("Workers who gain"),
                 tr(_("{} of {}"), lang).format(b.gainers, len(b.rows)))]
        return _summary(lang, rows) + pre_html(lb.per_worker_text(b, lang))

    return TryIt(lang, inputs, compute, _("Try it: your own scale"))


TRY_ITS: dict[str, Callable[[str], TryIt]] = {
    "salary": try_salary,
    "seniority": try_seniority,
    "advance": try_advance,
    "hours": try_hours,
    "ndfl": try_ndfl,
    "cost": try_cost,
    "settlement": try_settlement,
    "bargain": try_bargain,
}


from payroll_ui.lessons import casework_tryits  # noqa: E402  (lessons 9–10's calculators)

casework_tryits.register(TRY_ITS)

from payroll_ui.lessons import vn_tryits  # noqa: E402  (the Vietnamese lessons' calculators)

vn_tryits.register(TRY_ITS)


def try_it(name: str, lang: str = "ru") -> TryIt:
    """The "try it" calculator ``name`` (one of :data:`TRY_ITS`) in ``lang``."""
    try:
        build = TRY_ITS[name]
    except KeyError:
        raise KeyError(f"no try-it {name!r}; known: {', '.join(TRY_ITS)}") from None
    return build(_check_lang(lang))
