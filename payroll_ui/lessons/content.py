"""The lessons' exercises, defined once for both languages (pure: no widgets, no Jupyter).

Each exercise has an id ("L2.3"), a question in Russian and English, the calculator call that
computes its answer, the unit the answer is typed in, a tolerance, a hint, and known mistakes
("traps") with a message each. Answers are never typed in: :meth:`Exercise.answer` runs the
engine every time, and the worked solution a learner can reveal is the engine's own explanation.
The Russian and English notebooks call ``exercise("L2.3", lang)``, the trainer's answer key is
built from the same objects, so the two languages and the key cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

import calc
from calc.core.errors import CalcError
from calc.core.i18n import _, pgettext
from calc.core.text import TEXT_LANGS, Text, day, month_name, percent, quantity, tr
from payroll_ui.lessons import bargain as lb
from payroll_ui.lessons import words
from payroll_ui.lessons.answers import Verdict, candidates, date_number, format_answer, parse_answer

D = Decimal

# ---------------------------------------------------------------- the machinery


@dataclass(frozen=True)
class Solution:
    """An answer with its worked explanation (``explain(lang)`` → text).

    ``brief(lang)`` is the method in one line for the trainer's answer key (the key steps with their
    numbers); without it the key takes the explanation's lines joined.
    """

    value: Decimal
    explain: Callable[[str], str]
    brief: Callable[[str], str] | None = None


_SCALE_REF = {
    "ru": re.compile(r"(шкал[а-яё]*) ([a-z][a-z_]*[a-z])\b"),
    "en": re.compile(r"\b(scale) ([a-z][a-z_]*[a-z])\b|\bthe ([a-z][a-z_]*[a-z]) scale\b"),
}


def readable(text: str, lang: str) -> str:
    """Scale ids in a text ("см. шкалу education_alt") replaced by the scales' names, for learners."""

    def label(sid: str) -> str | None:
        sc = calc.SCALES.get(sid)
        return tr(sc.label, lang) if sc is not None else None

    def sub(m: re.Match[str]) -> str:
        if lang == "ru":
            name = label(m.group(2))
            return f"{m.group(1)} «{name}»" if name else m.group(0)
        if m.group(2):
            name = label(m.group(2))
            return f'{m.group(1)} "{name}"' if name else m.group(0)
        name = label(m.group(3))
        return f'the "{name}" scale' if name else m.group(0)

    text = _SCALE_REF["ru" if lang == "ru" else "en"].sub(sub, text)
    if lang != "ru":  # the lessons' English terms (docs/lessons.md) over the engine's own wording
        text = re.sub(r"\s*\(НДФЛ\)", "", text).replace("НДФЛ", "income tax")
        for pattern, term in LESSON_TERMS:
            text = pattern.sub(term, text)
    return text


# English as a labour lawyer writes it (issue 15): the engine's words → the lessons' words.
LESSON_TERMS = [(re.compile(a), b) for a, b in (
    (r"\b(L|l)ong-service bonus", r"\1ong-service allowance"), (r"\bseniority bonus", "long-service allowance"),
    (r"\b(N|n)ight(?:-work)? surcharge", r"\1ight-work premium"), (r"\bdistrict coefficient", "regional coefficient"),
    (r"\bnorthern allowance", "northern supplement"), (r"(?<![A-Za-z])p\. (\d)", r"clause \1"),
)]


_PATH = re.compile(r"\.?([A-Za-z_]\w*)(\((\d+)\))?|\[(\d+)\]")


def follow(obj: Any, path: str) -> tuple[Any, Any]:
    """Walk ``path`` ("amount", "month(8).ndfl", "[0].tax", "service.years") from ``obj``.

    Returns (the value at the end, the last object on the way that can explain itself).
    """
    explainer = obj if hasattr(obj, "explain") else None
    pos = 0
    while pos < len(path):
        m = _PATH.match(path, pos)
        if not m:
            raise ValueError(f"bad path {path!r} at {pos}")
        name, call, arg, index = m.group(1), m.group(2), m.group(3), m.group(4)
        if index is not None:
            obj = obj[int(index)]
        else:
            obj = getattr(obj, name)
            if call:
                obj = obj(int(arg)) if arg else obj()
        if hasattr(obj, "explain") and callable(obj.explain):
            explainer = obj
        pos = m.end()
    return obj, explainer


def _arg_text(v: Any) -> str:
    if isinstance(v, Call):
        return v.describe()
    if isinstance(v, date):
        return f"date({v.year}, {v.month}, {v.day})"
    if isinstance(v, Decimal):
        return f'"{v}"'
    if is_dataclass(v) and not isinstance(v, type):
        shown = []
        for f in fields(v):
            value = getattr(v, f.name)
            if value != f.default:
                shown.append(f"{f.name}={_arg_text(value)}")
        return f"calc.{type(v).__name__}({', '.join(shown)})"
    if isinstance(v, list | tuple):
        inner = ", ".join(_arg_text(x) for x in v)
        return f"[{inner}]" if isinstance(v, list) else f"({inner}{',' if len(v) == 1 else ''})"
    return repr(v)


def _fn_text(fn: Callable[..., Any]) -> str:
    name = fn.__name__
    if getattr(calc, name, None) is fn:
        return f"calc.{name}"
    return f"{fn.__module__}.{name}"


def _resolve(v: Any) -> Any:
    if isinstance(v, Call):
        return v.value()
    if isinstance(v, list):
        return [_resolve(x) for x in v]
    if isinstance(v, tuple):
        return tuple(_resolve(x) for x in v)
    return v


class Call:
    """A calculator call written down as data: ``Call(calc.advance, 75000, 2018, 10, pick="gross")``.

    Arguments may themselves be calls (evaluated first). ``pick`` is the path to the answer in
    the result; a function returning a :class:`Solution` needs no ``pick``.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, pick: str = "", **kwargs: Any) -> None:
        self.fn, self.args, self.kwargs, self.pick = fn, args, kwargs, pick

    def result(self) -> Any:
        args = [_resolve(a) for a in self.args]
        kwargs = {k: _resolve(v) for k, v in self.kwargs.items()}
        return self.fn(*args, **kwargs)

    def value(self) -> Any:
        """The picked value (for a call used as another call's argument)."""
        res = self.result()
        if isinstance(res, Solution):
            return res.value
        return follow(res, self.pick)[0] if self.pick else res

    def solve(self) -> Solution:
        res = self.result()
        if isinstance(res, Solution):
            return res
        value, explainer = follow(res, self.pick) if self.pick else (res, res)
        if explainer is None:
            raise TypeError(f"{self.describe()} gives nothing that can explain itself")
        answer = _decimal(value)
        return Solution(answer, explainer.explain, lambda lang: key_steps(explainer, answer, lang))

    def describe(self) -> str:
        """The call as a line of Python: what the answer key prints under "how it is computed"."""
        parts = [_arg_text(a) for a in self.args] + [f"{k}={_arg_text(v)}" for k, v in self.kwargs.items()]
        text = f"{_fn_text(self.fn)}({', '.join(parts)})"
        if self.pick:
            text += self.pick if self.pick.startswith(("[", ".")) else f".{self.pick}"
        return text


def _step_line(step: Any, lang: str) -> str:
    r = step.row(lang)
    rounding = f" ({r['rounding']})" if r["rounding"] else ""
    return f"{r['label']} = {r['formula']} = {r['numbers']} = {r['result']}{rounding}"


def _trivial(step: Any) -> bool:
    """A step that only renames another (``ndfl = band_tax_0``) and changes nothing."""
    return bool(re.fullmatch(r"\s*\w+\s*", step.formula or "")) and step.exact == step.result


def _source(steps: Sequence[Any], i: int, name: str, value: Decimal) -> int | None:
    """The step before ``steps[i]`` that computed its input ``name``: by name, else by value."""
    k = next((k for k in range(i - 1, -1, -1) if steps[k].key == name), None)
    if k is None:
        k = next((k for k in range(i - 1, -1, -1) if steps[k].formula and steps[k].result == value), None)
    if k is None or not steps[k].formula:
        return None  # a given or looked-up value
    if _trivial(steps[k]):  # a rename: what it renames
        inner = steps[k].inputs[0]
        return _source(steps, k, inner.name, inner.value)
    return k


def _feeding(steps: Sequence[Any], i: int) -> list[int]:
    """Indexes of the computed steps before ``steps[i]`` whose results are its inputs."""
    out: list[int] = []
    for inp in steps[i].inputs:
        k = _source(steps, i, inp.name, inp.value)
        if k is not None and k not in out:
            out.append(k)
    return out


def key_steps(explainer: Any, answer: Decimal, lang: str, most: int = 3) -> str:
    """The method in one line, from the engine's own explanation ("item = formula = numbers = result"):
    the first computed step that gives the answer, after the steps that feed it (two levels, at most
    ``most`` lines in all; a step fed by many others is shown alone)."""
    steps = list(explainer.steps)
    end = next((i for i, s in enumerate(steps) if s.formula and not _trivial(s) and s.result == answer), None)
    if end is None:  # a looked-up value: the explanation's first lines
        return " · ".join(line.strip() for line in explainer.explain(lang).splitlines()[:2])
    chosen = [end]
    first = _feeding(steps, end)
    if len(chosen) + len(first) <= most:
        chosen += first
        second = [j for i in first for j in _feeding(steps, i) if j not in chosen]
        if len(chosen) + len(second) <= most:
            chosen += second
    return " · ".join(_step_line(steps[i], lang) for i in sorted(chosen))


def _decimal(value: Any) -> Decimal:
    if isinstance(value, date):
        return date_number(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"an answer must be a Decimal, an int or a date, got {type(value).__name__}")
    return Decimal(value)


@dataclass(frozen=True)
class Trap:
    """A known wrong answer and what to say about it.

    ``value`` is a calculator call (the wrong method, computed by the engine) or, for figures
    printed in the seed article, the quoted figure as a string (``seed`` is then true).
    """

    value: Call | str
    message: Text

    @property
    def seed(self) -> bool:
        return isinstance(self.value, str)

    def figure(self) -> Decimal:
        if isinstance(self.value, str):
            return Decimal(self.value)
        return _decimal(self.value.value())


SERIES_OF_PREFIX = {"L": "ru", "V": "vn"}
"""An exercise id's first letter → its series of lessons."""

DEFAULT_TOLERANCE = {
    "rub": D("0.005"),
    "percent": D("0.00005"),
    "days": D("0.005"),
    "hours": D("0.005"),
    "years": D(0),
    "number": D("0.005"),
    "month": D(0),
    "date": D(0),
    "vnd": D("0.5"),
}
DEFAULT_CLOSE: dict[str, tuple[Decimal, Text]] = {
    "rub": (D(1), words.CLOSE_RUB),
    "days": (D("0.05"), words.CLOSE_DAYS),
    "vnd": (D(10), words.CLOSE_VND),
}


@dataclass(frozen=True)
class Exercise:
    """One self-check exercise (see the module docstring)."""

    id: str
    question: Text
    solve: Call | Callable[[], Solution]
    unit: str
    hint: Text
    traps: tuple[Trap, ...] = ()
    tolerance: Decimal | None = None
    close: Decimal | None = None
    close_hint: Text | None = None

    @property
    def lesson(self) -> int:
        return int(self.id[1:].split(".")[0])

    @property
    def series(self) -> str:
        """The series of lessons: "ru" (ids "L3.1"), "vn" (ids "V3.1", the Vietnamese lessons)."""
        return SERIES_OF_PREFIX.get(self.id[:1], "ru")

    @property
    def tol(self) -> Decimal:
        return DEFAULT_TOLERANCE[self.unit] if self.tolerance is None else self.tolerance

    def solution(self) -> Solution:
        """Run the engine: the answer and its worked explanation."""
        return self.solve.solve() if isinstance(self.solve, Call) else self.solve()

    def answer(self) -> Decimal:
        return self.solution().value

    def how(self) -> str:
        """How the answer is computed, as a line of Python (for developers)."""
        if isinstance(self.solve, Call):
            return self.solve.describe()
        return f"{self.solve.__module__}.{self.solve.__name__}()"

    def method(self, lang: str) -> str:
        """How the answer is computed, in words with the numbers: the engine's key steps, one line
        (what the trainer's answer key shows; it is regenerated from the engine, so it cannot drift)."""
        sol = self.solution()
        text = sol.brief(lang) if sol.brief else " · ".join(x.strip() for x in sol.explain(lang).splitlines() if x)
        return readable(text, lang)

    def answer_text(self, lang: str) -> str:
        return format_answer(self.answer(), self.unit, lang)

    def plain_solution(self, lang: str) -> tuple[str, list[str], str]:
        """The solution for a trainee: the method in a plain sentence (the hint), the key steps with their
        numbers (from the engine's explanation, as in the trainer's key) and the answer."""
        hint = tr(self.hint, lang).strip()
        steps = [step.strip() for step in self.method(lang).split(" · ") if step.strip()]
        return hint[:1].upper() + hint[1:], steps, self.answer_text(lang)

    def solution_text(self, lang: str) -> str:
        """The engine's explanation followed by the answer."""
        sol = self.solution()
        word = tr(words.ANSWER, lang)
        return f"{readable(sol.explain(lang), lang)}\n\n{word}: {format_answer(sol.value, self.unit, lang)}"

    def _close(self) -> tuple[Decimal, Text] | None:
        if self.close is not None:
            return self.close, self.close_hint or DEFAULT_CLOSE.get(self.unit, (D(0), ""))[1]
        return DEFAULT_CLOSE.get(self.unit)

    def check(self, text: object, lang: str = "ru") -> Verdict:
        """Judge a typed answer. Never raises for anything a learner can type."""
        try:
            value, had_percent = parse_answer(text, self.unit, lang)
        except CalcError as e:
            status = "empty" if not str(text or "").strip() else "invalid"
            return Verdict(status, {code: e.message(code) for code in TEXT_LANGS})
        meant = candidates(value, had_percent, self.unit)
        answer, tol = self.answer(), self.tol
        if any(abs(v - answer) <= tol for v in meant):
            return Verdict(
                "right",
                words.right(lambda lang, answer=answer, self=self: format_answer(answer, self.unit, lang)),
                value,
            )
        hint = words.hint(lambda lang, self=self: tr(self.hint, lang))
        for trap in self.traps:
            figure = trap.figure()
            if abs(figure - answer) > tol and any(abs(v - figure) <= tol for v in meant):
                message = words.trap(lambda lang, trap=trap: tr(trap.message, lang), lambda lang, hint=hint: hint[lang])
                return Verdict("trap", message, value)
        close = self._close()
        if close and any(abs(v - answer) <= close[0] for v in meant):
            return Verdict("close", close[1], value)
        return Verdict(
            "wrong", words.not_yet(lambda lang, hint=hint: hint[lang]), value
        )


# ---------------------------------------------------------------- helpers for compound answers


def scale_gap(salary: Any, years: Any, better: Any, worse: Any) -> Solution:
    """How much more a month one scale pays than another for the same salary and service."""
    a = calc.seniority(salary, years, better)
    b = calc.seniority(salary, years, worse)

    def explain(lang: str) -> str:
        label_a, label_b = tr(a.scale.label, lang), tr(b.scale.label, lang)
        gap = _("Difference a month")
        return (
            f"{label_a}:\n{a.explain(lang)}\n\n{label_b}:\n{b.explain(lang)}\n\n"
            f"{tr(gap, lang)} = {format_answer(a.bonus, 'rub', lang)} − {format_answer(b.bonus, 'rub', lang)}"
            f" = {format_answer(a.bonus - b.bonus, 'rub', lang)}"
        )

    def brief(lang: str) -> str:
        gap = _("Difference a month")
        parts = [f"{tr(r.scale.label, lang)}: {key_steps(r, r.bonus, lang, most=1)}" for r in (a, b)]
        return " · ".join(
            [*parts, f"{tr(gap, lang)} = {format_answer(a.bonus, 'rub', lang)} − {format_answer(b.bonus, 'rub', lang)}"
                     f" = {format_answer(a.bonus - b.bonus, 'rub', lang)}"]
        )

    return Solution(a.bonus - b.bonus, explain, brief)


def service_solution(periods: Sequence[tuple[date, date | None]], on: date) -> Solution:
    """Full years of service on a date, period by period (each period's years, months and days)."""
    merged = calc.merge_periods(periods)
    total = calc.service_length(merged, on)

    def explain(lang: str) -> str:
        lines = []
        for p in merged:
            part = calc.service_length([p], on)
            end = p.end or on
            to = pgettext("payroll_ui.lessons.content", "to date") if p.end is None else None
            shown_end = tr(to, lang) if to else day(end, lang)
            lines.append(f"{day(p.start, lang)} — {shown_end}: {part.text(lang)}")
        rule = _(
            "Periods are added up in years, months and days; every 30 days make a month, 12 months a year. Service "
            "on {on}: {text}; full years: {years}.",
            on=lambda lang, on=on: day(on, lang),
            text=lambda lang, total=total: total.text(lang),
            years=total.years,
        )
        return "\n".join([*lines, tr(rule, lang)])

    return Solution(Decimal(total.years), explain, lambda lang: " · ".join(explain(lang).splitlines()))


def next_step_solution(salary: Any, periods: Sequence[tuple[date, date | None]], scale: str, on: date) -> Solution:
    """The date the bonus reaches the next step, if service goes on without a break."""
    r = calc.seniority_on(salary, periods, scale, on)
    if r.next_step is None or r.next_step_date is None or r.service is None:
        raise ValueError("no next step")
    years, rate = r.next_step
    when = r.next_step_date
    service = r.service

    several = (
        _(
            "\nThere are several periods: they are added up in years, months and days, every 30 days counting as a "
            "month — so the step can come a day or two before the calendar anniversary.",
        )
        if len(calc.merge_periods(periods)) > 1
        else ""
    )

    def explain(lang: str) -> str:
        before = calc.service_length(periods, when - timedelta(days=1))
        at = calc.service_length(periods, when)
        text = _(
            "Service on {on}: {text} — rate {rate}.\nNext step: {years} full years — {rate2}.\nService on {when}: "
            "{text2}; on {when2}: {text3}.\nSo the new rate applies from {when2}.{several}",
            on=lambda lang, on=on: day(on, lang),
            text=lambda lang, service=service: service.text(lang),
            rate=lambda lang, r=r: percent(r.rate, lang),
            years=years,
            rate2=lambda lang, rate=rate: percent(rate, lang),
            when=lambda lang, when=when: day(when - timedelta(days=1), lang),
            text2=lambda lang, before=before: before.text(lang),
            when2=lambda lang, when=when: day(when, lang),
            text3=lambda lang, at=at: at.text(lang),
            several=lambda lang, several=several: several[lang],
        )
        return tr(text, lang)

    return Solution(
        date_number(when),
        lambda lang: explain(lang) + "\n\n" + r.explain(lang),
        lambda lang: " · ".join(explain(lang).splitlines()),
    )


def _month_table(result: calc.YearResult, lang: str, cols: Sequence[tuple[str, Text]]) -> str:
    head = [_("Month"), *[label for _, label in cols]]
    lines = [" | ".join(tr(h, lang) for h in head)]
    for mc in result.months():
        cells = [month_name(mc.month, lang)]
        cells += [format_answer(getattr(mc, key), "rub", lang) for key, _ in cols]
        events = "; ".join(tr(e, lang) for e in mc.events)
        lines.append(" | ".join(cells) + (f"  ← {events}" if events else ""))
    return "\n".join(lines)


def cap_month(monthly_gross: Any, year: int) -> Solution:
    """The month in which the year's contribution base reaches the cap (same pay every month)."""
    result = calc.year_payroll(monthly_gross, year)
    month = next((c.month for c in result.contrib if c.crossed), None)
    if month is None:
        raise ValueError("the cap is not reached in this year")

    def explain(lang: str) -> str:
        cols = [("gross", _("Gross")), ("contributions", _("Contributions"))]
        return _month_table(result, lang, cols) + "\n\n" + result.month(month).explain(lang)

    def brief(lang: str) -> str:
        before, at = result.month(month - 1) if month > 1 else None, result.month(month)
        base = _("contribution base since January")
        parts = [] if before is None else [
            f"{month_name(month - 1, lang)}: {tr(base, lang)} {format_answer(before.base_to_date, 'rub', lang)}"
        ]
        parts.append(f"{month_name(month, lang)}: {tr(base, lang)} {format_answer(at.base_to_date, 'rub', lang)}")
        parts += [tr(e, lang) for e in at.events]
        return " · ".join(parts)

    return Solution(Decimal(month), explain, brief)


def first_month_without_deduction(monthly_gross: Any, year: int, children: int) -> Solution:
    """The first month in which the child deduction is no longer given (income passed the limit)."""
    rows = calc.withholding([monthly_gross] * 12, year, children=children)
    month = next((r.month for r in rows if r.deduction == 0), None)
    if month is None:
        raise ValueError("the deduction lasts all year")

    def explain(lang: str) -> str:
        head = _("Month | Income since January | Deduction | Tax")
        lines = [tr(head, lang)]
        for r in rows:
            lines.append(
                f"{month_name(r.month, lang)} | {format_answer(r.income_to_date, 'rub', lang)} | "
                f"{format_answer(r.deduction, 'rub', lang)} | {format_answer(r.tax, 'rub', lang)}"
            )
        rule = calc.rulebook().lookup("deductions.child", date(year, 1, 1))
        limit = format_answer(Decimal(rule.value["income_limit"]), "rub", lang)
        note = _(
            "The deduction stops in the month income since January passes {limit} ({source}).",
            limit=limit,
            source=rule.source,
        )
        return "\n".join(lines) + "\n\n" + tr(note, lang)

    def brief(lang: str) -> str:
        income, deduction = _("income since January"), _("deduction")
        parts = [
            f"{month_name(r.month, lang)}: {tr(income, lang)} {format_answer(r.income_to_date, 'rub', lang)}, "
            f"{tr(deduction, lang)} {format_answer(r.deduction, 'rub', lang)}"
            for r in rows
            if r.month in (month - 1, month)
        ]
        return " · ".join([*parts, explain(lang).rsplit("\n\n", 1)[-1]])

    return Solution(Decimal(month), explain, brief)


EXERCISE_PROPOSAL: tuple[tuple[int, str], ...] = ((1, "0.05"), (3, "0.10"), (5, "0.15"), (10, "0.18"), (15, "0.22"))
"""Lesson 8's exercises: the union's revised proposal (not the one the lesson costs, so the answers are new)."""


def bargain_figure(name: str, steps: tuple[tuple[int, str], ...] = EXERCISE_PROPOSAL) -> Solution:
    """One total for lesson 8's ten workers moving to the scale ``steps`` (extra cost, net gain, extra tax…)."""
    b = lb.bargain(new=lb.proposed_scale(steps))
    value = getattr(b, name)

    def brief(lang: str) -> str:
        each = _(
            "each of the {rows} workers' year on both scales through the calculator (income tax cumulated, "
            "contributions with the cap, accident insurance), then the sum over everyone",
            rows=len(b.rows),
        )
        return f"{tr(each, lang)} · {key_steps(b, value, lang, most=1)}"

    return Solution(value, lambda lang: lb.explain_bargain(b, lang), brief)


def extra_cost() -> Solution:
    """Lesson 8: the employer's extra cost for the year."""
    return bargain_figure("extra_cost")


def net_gain() -> Solution:
    """Lesson 8: the workers' extra net pay for the year."""
    return bargain_figure("net_gain")


def extra_ndfl() -> Solution:
    """Lesson 8: the extra income tax for the year."""
    return bargain_figure("extra_ndfl")


# ---------------------------------------------------------------- the seed article's figures

SEED_CIVIL_WRONG = ((1, "0.10"), (3, "0.15"), (5, "0.20"), (10, "0.30"))
"""Seed 001, first list for civil servants: 1–3 years 10 %, 3–5 15 %, 5–10 20 %, over 10 30 %."""
SEED_POLICE_GAP = ((2, "0.10"), (5, "0.15"), (10, "0.20"), (15, "0.25"), (25, "0.40"))
"""Seed 001, second police list: the 20–25 years step (30 %) is missing."""
SEED_SETTLEMENT_LINES = ("2221.12", "3331.68", "500", "323.08", "88.84", "7187.41")
"""Seed 002, the dismissal example's lines as printed (salary, bonus, allowance, night, harmful, leave)."""
SEED_SETTLEMENT = {"gross": "13622.13", "ndfl": "1771", "net": "11851.13"}
"""Seed 002, the dismissal example's totals as printed."""

LVOV_DATE = date(2017, 8, 7)
LVOV_PAY: dict[str, Any] = {
    "hours_worked": 44,
    "hourly_method": "year",
    "night_hours": 16,
    "night_rate": "0.40",
    "bonus_percent": "1.5",
    "allowances": [
        calc.Allowance("Надбавка персональная", "Personal allowance", amount=2000, worked=2, planned=8),
        calc.Allowance("Доплата за вредные условия труда", "Harmful work conditions", percent="0.04"),
    ],
    "average_daily": "769.53",
    "unused_days": "9.34",
}


def lvov_settlement() -> calc.Settlement:
    """The seed's dismissal example (Lvov S.S., 7 August 2017) computed by the engine:
    ``calc.final_settlement(LVOV_DATE, 8300, **LVOV_PAY)``."""
    return calc.final_settlement(LVOV_DATE, 8300, **LVOV_PAY)


def lvov(pick: str) -> Call:
    """A figure of the seed's dismissal example."""
    return Call(lvov_settlement, pick=pick)


LEAVER_DATE = date(2017, 8, 10)
LEAVER_SALARY = 9200
LEAVER_PAY: dict[str, Any] = {
    "hours_worked": 48,
    "hourly_method": "year",
    "night_hours": 24,
    "night_rate": "0.40",
    "bonus_percent": "0.5",
    "allowances": [
        calc.Allowance("Доплата за вредные условия труда", "Harmful work conditions", percent="0.04"),
    ],
    "average_daily": "812.40",
    "unused_days": "11.67",
}
"""Exercises 7.1–7.3 (transfer): another leaver, paid the way of the seed's example."""


def leaver_settlement() -> calc.Settlement:
    """Exercises 7.1–7.3's leaver: ``calc.final_settlement(LEAVER_DATE, LEAVER_SALARY, **LEAVER_PAY)``."""
    return calc.final_settlement(LEAVER_DATE, LEAVER_SALARY, **LEAVER_PAY)


def leaver(pick: str) -> Call:
    """A figure of the exercises' leaver."""
    return Call(leaver_settlement, pick=pick)


def leaver_night_unrounded() -> Decimal:
    """A known mistake (the seed's): the night-work premium from the unrounded hourly rate."""
    rate = calc.hourly_rate(LEAVER_SALARY, LEAVER_DATE.year, LEAVER_DATE.month, method="year", round_rate=False).rate
    return calc.night_surcharge(rate, LEAVER_PAY["night_hours"], LEAVER_PAY["night_rate"]).amount


def leaver_gross_unrounded_night() -> Decimal:
    """A known mistake: the total with the night line from the unrounded rate."""
    s = leaver_settlement()
    night = next(x.amount for x in s.lines if x.key == "night_pay")
    return s.gross - night + leaver_night_unrounded()


def leaver_gross_without_leave() -> Decimal:
    """A known mistake: the total without the compensation for unused leave."""
    s = leaver_settlement()
    return s.gross - next(x.amount for x in s.lines if x.key == "leave_compensation")


def leaver_net_untaxed_rounding() -> Decimal:
    """A known mistake: income tax to the kopeck instead of the whole ruble."""
    s = leaver_settlement()
    return s.gross - (s.gross * Decimal("0.13")).quantize(Decimal("0.01"))


def seed_lines_total() -> str:
    """The sum of the seed's own printed lines (a figure derived from quotes, for a trap)."""
    return str(sum((Decimal(x) for x in SEED_SETTLEMENT_LINES), Decimal(0)))


WATCHMAN_RATE = 50
"""Seed 002, the watchman: 50 ₽ an hour, 24-hour shifts (16 day + 8 night hours), a 20 % night-work premium."""
WATCHMAN_SHIFT_HOURS = 24
WATCHMAN_SHIFTS = {1: 8, 2: 6, 3: 9}
"""Seed 002: shifts worked in January, February and March 2017; the accounting period is the quarter."""
WATCHMAN_YEAR = 2017
SEED_WATCHMAN: tuple[int, int, dict[int, int]] = (WATCHMAN_RATE, WATCHMAN_YEAR, WATCHMAN_SHIFTS)
"""The seed's watchman (the lesson's worked example): rate, year, shifts by month."""
EXERCISE_WATCHMAN: tuple[int, int, dict[int, int]] = (60, 2017, {4: 7, 5: 8, 6: 8})
"""Exercise 4.6's watchman (transfer): another rate and the second quarter of 2017."""


def whole_rubles(amount: Any) -> Decimal:
    """A known mistake: the kopecks dropped (the seed's advance)."""
    return Decimal(amount).quantize(Decimal(1), rounding=ROUND_DOWN)


def watchman_hours(watchman: tuple[int, int, dict[int, int]] = SEED_WATCHMAN) -> int:
    """Hours a watchman worked in the quarter: shifts × 24 hours."""
    return sum(watchman[2].values()) * WATCHMAN_SHIFT_HOURS


def quarter_overtime(holiday_hours: Any = 0, watchman: tuple[int, int, dict[int, int]] = SEED_WATCHMAN) -> Solution:
    """What is still due for a watchman's overtime at the end of the quarter (ТК РФ ст. 104, 152)."""
    rate, year, shifts_by_month = watchman
    months = list(shifts_by_month)
    norms = [calc.work_hours(year, m) for m in months]
    norm = calc.period_norm_hours(year, months)
    hours = watchman_hours(watchman)
    r = calc.period_overtime(rate, hours, norm, holiday_hours=holiday_hours)

    def norm_text(lang: str) -> str:
        word = _("the quarter's hour norm")
        parts = " + ".join(quantity(n, "hours", lang) for n in norms)
        worked = _("worked in the quarter")
        shifts = " + ".join(str(n) for n in shifts_by_month.values())
        return (
            f"{tr(worked, lang)} = ({shifts}) × {quantity(WATCHMAN_SHIFT_HOURS, 'hours', lang)} = "
            f"{quantity(hours, 'hours', lang)}; {tr(word, lang)} = {parts} = {quantity(norm, 'hours', lang)}"
        )

    def brief(lang: str) -> str:
        over = next(s for s in r.steps if s.key == "period_overtime_hours")
        return " · ".join([norm_text(lang), _step_line(over, lang), key_steps(r, r.amount, lang, most=1)])

    return Solution(r.amount, lambda lang: norm_text(lang) + "\n" + r.explain(lang), brief)


def overtime_month_by_month(watchman: tuple[int, int, dict[int, int]] = SEED_WATCHMAN) -> Decimal:
    """A known mistake: each month of the quarter treated as its own accounting period."""
    rate, year, shifts_by_month = watchman
    return sum(
        (
            calc.period_overtime(rate, n * WATCHMAN_SHIFT_HOURS, calc.period_norm_hours(year, [m])).amount
            for m, n in shifts_by_month.items()
        ),
        Decimal(0),
    )


SERVICE_PERIODS = ((date(2013, 8, 17), date(2019, 3, 31)), (date(2019, 11, 15), None))
SERVICE_ON = date(2026, 3, 1)

# ---------------------------------------------------------------- the exercises

_ROUND_TAX = _("Almost: income tax is rounded to the whole ruble (under 50 kopecks dropped, 50 and over up).")

EXERCISE_LIST: tuple[Exercise, ...] = (
    # ---- Lesson 1: salary, tariff, payslip
    Exercise(
        "L1.1",
        _(
            "The salary is 45,000 ₽. In May 2017 the worker worked 13 working days and spent the other working "
            "days of the month on unpaid leave. How much salary is due for May?",
        ),
        Call(calc.salary_for_month, 45000, 2017, 5, days_worked=13, pick="amount"),
        "rub",
        _(
            "divide the salary by the working days of May 2017 in the production calendar and multiply by the days "
            "worked.",
        ),
        traps=(
            Trap(
                Call(calc.salary_for_days, 45000, 13, 31, pick="amount"),
                _(
                    "You divided the salary by 31 calendar days. A salary is divided by the month's working days "
                    "in the production calendar (the norm), not by calendar days.",
                ),
            ),
        ),
    ),
    Exercise(
        "L1.2",
        _("The same salary of 45,000 ₽. In June 2017 the worker worked 15 working days. How much is due for June?"),
        Call(calc.salary_for_month, 45000, 2017, 6, days_worked=15, pick="amount"),
        "rub",
        _("every month has its own number of working days: look up June 2017."),
        traps=(
            Trap(
                Call(calc.salary_for_days, 45000, 15, Call(calc.working_days, 2017, 5), pick="amount"),
                _("You used May's norm (20 days). June 2017 has a different norm."),
            ),
        ),
    ),
    Exercise(
        "L1.3",
        _(
            "The salary is 38,000 ₽. In January 2026 the worker worked every working day of the month (there are "
            "few of them because of the New Year holidays). How much salary is due for January?",
        ),
        Call(calc.salary_for_month, 38000, 2026, 1, pick="amount"),
        "rub",
        _(
            "a salary pays for a calendar month: when every scheduled working day is worked it is paid in full, "
            "however many working days the month has (Labour Code art. 129).",
        ),
        traps=(
            Trap(
                Call(calc.salary_for_days, 38000, Call(calc.working_days, 2026, 1), 22, pick="amount"),
                _(
                    "You rescaled the salary to an 'average' 22 working days. In a fully worked month the salary "
                    "is not reduced.",
                ),
            ),
        ),
    ),
    Exercise(
        "L1.4",
        _(
            "The salary is 48,000 ₽, March 2026 is fully worked, there is no other pay and no children. How much "
            "does the worker receive for March in total (the advance plus the final payment)?",
        ),
        Call(calc.payslip, 48000, 2026, 3, pick="net"),
        "rub",
        _(
            "net = gross − income tax; the employer withholds the tax, while contributions are paid on top and are "
            "not deducted from the pay.",
        ),
        traps=(
            Trap(
                Call(calc.payslip, 48000, 2026, 3, pick="gross"),
                _("That is the gross pay, before income tax is withheld."),
            ),
            Trap(
                Call(calc.payslip, 48000, 2026, 3, pick="advance.paid"),
                _("That is only the advance. The month's total is asked."),
            ),
        ),
    ),
    # ---- Lesson 2: long-service allowance
    Exercise(
        "L2.1",
        _(
            "A federal civil servant: salary 46,000 ₽, 11 full years of civil service. What monthly long-service "
            "allowance does the law (79-FZ art. 50) give?",
        ),
        Call(calc.seniority, 46000, 11, "civil_service", pick="bonus"),
        "rub",
        _("by the law: 1 to 5 years 10%, 5 to 10 15%, 10 to 15 20%, over 15 30% of the salary."),
        traps=(
            Trap(
                Call(calc.seniority, 46000, 11, Call(calc.custom_scale, SEED_CIVIL_WRONG), pick="bonus"),
                _("That follows the article's first list ('over 10 years 30%'), which does not match the law."),
            ),
        ),
    ),
    Exercise(
        "L2.2",
        _(
            "A police officer: pay (salary part) 35,000 ₽, 22 full years of service. What monthly long-service "
            "allowance does the law (247-FZ art. 2 part 7) give?",
        ),
        Call(calc.seniority, 35000, 22, "police", pick="bonus"),
        "rub",
        _("the law's steps are at 2, 5, 10, 15, 20 and 25 years; find the step for 22 years."),
        traps=(
            Trap(
                Call(calc.seniority, 35000, 22, Call(calc.custom_scale, SEED_POLICE_GAP), pick="bonus"),
                _("That is what the article's second list gives: it leaves out the 20–25 years step (30%)."),
            ),
        ),
    ),
    Exercise(
        "L2.3",
        _(
            "From the work book: civil service from 17.08.2013 to 31.03.2019, then from 15.11.2019 to date. How "
            "many full years of service are there on 01.03.2026?",
        ),
        Call(service_solution, SERVICE_PERIODS, SERVICE_ON),
        "years",
        _(
            "count each period in years, months and days and add them up (30 days make a month, 12 months a year); "
            "the gap between the periods does not count.",
        ),
        traps=(
            Trap(
                Call(calc.service_since, date(2013, 8, 17), SERVICE_ON, pick="years"),
                _(
                    "You counted from the first day of service without leaving out the gap from April to November "
                    "2019.",
                ),
            ),
        ),
    ),
    Exercise(
        "L2.4",
        _(
            "The same civil servant. From what date does the bonus go up to the next step (15 full years — 30%) if "
            "he keeps serving without a break? Type the date as DD.MM.YYYY.",
        ),
        Call(next_step_solution, 40000, SERVICE_PERIODS, "civil_service", SERVICE_ON),
        "date",
        _(
            "work out how much service is still missing to 15 full years and add those years, months and days to "
            "01.03.2026.",
        ),
        close=D(5),
        close_hint=_(
            "Almost: the exact day depends on how the remaining days are counted. The calculator adds periods up "
            "in years, months and days (30 days to a month), as when counting insurance service.",
        ),
    ),
    Exercise(
        "L2.5",
        _(
            "A teacher with a salary of 36,000 ₽ and 12 full years of teaching. The article gives teachers two "
            "different scales (10–30% and 5–20%). By how many rubles a month does the bonus differ between them?",
        ),
        Call(scale_gap, 36000, 12, "education", "education_alt"),
        "rub",
        _(
            "find the rate for 12 years on each scale, compute both bonuses and subtract the smaller from the "
            "larger.",
        ),
    ),
    # ---- Lesson 3: the advance
    Exercise(
        "L3.1",
        _(
            "The article's method for another worker: salary 64,000 ₽, October 2018. The advance is paid by days "
            "worked on the salary less income tax; take the article's count: 22 working days in the month, 10 "
            "worked before the pay day. How much is the advance?",
        ),
        Call(calc.advance, 64000, 2018, 10, basis="net", days_worked=10, days_in_month=22, pick="gross"),
        "rub",
        _("(salary − 13% income tax) / 22 × 10, to the kopeck."),
        traps=(
            Trap(
                Call(whole_rubles, Call(calc.advance, 64000, 2018, 10, basis="net", days_worked=10,
                                        days_in_month=22, pick="gross")),
                _("You dropped the kopecks, as the article did. The advance is paid to the kopeck."),
            ),
        ),
    ),
    Exercise(
        "L3.2",
        _(
            "The same worker (salary 64,000 ₽) in November 2018, now by the real production calendar: the whole "
            "first half of the month (1–15 November) is worked. How much is the advance by the same method "
            "(salary less income tax, by days worked)?",
        ),
        Call(calc.advance, 64000, 2018, 11, basis="net", pick="gross"),
        "rub",
        _(
            "count the working days of the whole of November 2018 and those from 1 to 15 November in the calendar "
            "(4 November fell on a Sunday: the day off moved to Monday the 5th).",
        ),
        traps=(
            Trap(
                Call(calc.advance, 64000, 2018, 11, basis="net", days_worked=10, days_in_month=22, pick="gross"),
                _("You used the article's 22 and 10 days. Count them in the calendar of November 2018."),
            ),
        ),
    ),
    Exercise(
        "L3.3",
        _(
            "October 2025, salary 68,000 ₽. The advance is paid for the working days of the first half of the "
            "month (all worked) on the salary; since 2023 income tax is withheld from the advance too. How much "
            "does the worker receive on the advance day?",
        ),
        Call(calc.advance, 68000, 2025, 10, pick="paid"),
        "rub",
        _(
            "first the gross advance: salary / working days of October × working days of 1–15 October; then "
            "subtract 13% income tax rounded to the ruble.",
        ),
        traps=(
            Trap(
                Call(calc.advance, 68000, 2025, 10, pick="gross"),
                _("That is the gross advance. Since 2023 income tax is withheld from it."),
            ),
        ),
    ),
    Exercise(
        "L3.4",
        _(
            "March 2024, salary 64,000 ₽. The pay regulations set the advance at 40% of the salary. How much does "
            "the worker receive as the advance?",
        ),
        Call(calc.advance, 64000, 2024, 3, method="percent", percent="0.40", pick="paid"),
        "rub",
        _("40% of the salary, less 13% income tax on it (to the ruble)."),
        traps=(
            Trap(
                Call(calc.advance, 64000, 2024, 3, method="percent", percent="0.40", pick="gross"),
                _("That is the gross advance. Since 2023 income tax is withheld from the advance too."),
            ),
        ),
    ),
    # ---- Lesson 4: hourly rates, shifts, night work
    Exercise(
        "L4.1",
        _(
            "The salary is 8,300 ₽. What is the hourly rate for July 2017 when it is computed from the month's "
            "hour norm?",
        ),
        Call(calc.hourly_rate, 8300, 2017, 7, method="month", pick="rate"),
        "rub",
        _("salary / the hour norm of July 2017."),
        traps=(
            Trap(
                Call(calc.hourly_rate, 8300, 2017, 7, method="year", pick="rate"),
                _("That is the rate by the year's monthly average. Here July's own norm is asked."),
            ),
        ),
    ),
    Exercise(
        "L4.2",
        _(
            "The same salary of 8,300 ₽. What is the hourly rate in 2017 when it is computed from the year's "
            "average monthly hour norm?",
        ),
        Call(calc.hourly_rate, 8300, 2017, 7, method="year", pick="rate"),
        "rub",
        _("salary / (the hour norm of 2017 / 12)."),
        traps=(
            Trap(
                Call(calc.hourly_rate, 8300, 2017, 7, method="month", pick="rate"),
                _("That is the rate by July's norm. Here the year's monthly average is asked."),
            ),
        ),
    ),
    Exercise(
        "L4.3",
        _(
            "A watchman: 50 ₽ an hour, a shift of 24 hours with 8 at night, a 20% night-work premium. In March he "
            "worked 11 shifts. How much is due for March?",
        ),
        Call(calc.shift_pay, 50, 24, 8, "0.20", shifts=11, pick="amount"),
        "rub",
        _("a shift = rate × 24 h + rate × 8 night h × 20%; multiply by the number of shifts."),
        traps=(
            Trap(
                Call(calc.shift_pay, 50, 24, 0, shifts=11, pick="amount"),
                _("You left out the night-work premium."),
            ),
        ),
    ),
    Exercise(
        "L4.4",
        _(
            "The rate is 60 ₽ an hour, 24-hour shifts with 8 night hours each. The collective agreement sets a 40% "
            "night-work premium (above the legal minimum). 7 shifts in the month. How much is due?",
        ),
        Call(calc.shift_pay, 60, 24, 8, "0.40", shifts=7, pick="amount"),
        "rub",
        _("the agreement's surcharge is 40%, not 20%: rate × 8 × 40% for each shift."),
        traps=(
            Trap(
                Call(calc.shift_pay, 60, 24, 8, "0.20", shifts=7, pick="amount"),
                _("That uses 20%, the legal minimum. The collective agreement gives 40%."),
            ),
        ),
    ),
    Exercise(
        "L4.5",
        _(
            "The hourly rate is 340 ₽. On one day the worker did 3 hours of overtime. What is the least that must "
            "be paid for them (Labour Code art. 152)?",
        ),
        Call(calc.overtime_pay, 340, 3, pick="amount"),
        "rub",
        _("the first two hours at least time and a half, the rest at least double."),
        traps=(
            Trap(
                Call(calc.overtime_pay, 340, [2, 1], pick="amount"),
                _("You paid all three hours at time and a half. The third hour in a row is at least double."),
            ),
        ),
    ),
    Exercise(
        "L4.6",
        _(
            "Another watchman: summarised working time, the accounting period is the quarter. In the second "
            "quarter of 2017 he worked 7 + 8 + 8 = 23 shifts of 24 hours at 60 ₽ an hour, none of them on a public "
            "holiday; every hour worked has already been paid once in its month. How much more does the employer "
            "owe for overtime at the end of the quarter (the minimum under Labour Code art. 152)?",
        ),
        Call(quarter_overtime, 0, EXERCISE_WATCHMAN),
        "rub",
        _(
            "overtime = the quarter's hours − the quarter's hour norm (April + May + June in the production "
            "calendar). Each hour is already paid once: add half a rate for the first two hours and one more rate "
            "for the rest.",
        ),
        traps=(
            Trap(
                "0",
                _(
                    "That is what the article implies: it pays the shifts month by month and never closes the "
                    "quarter. But more than the norm was worked in the quarter — that is overtime.",
                ),
            ),
            Trap(
                Call(overtime_month_by_month, EXERCISE_WATCHMAN),
                _(
                    "You counted overtime month by month. The accounting period is the quarter: hours above the "
                    "norm are counted for the whole quarter, and time and a half applies only to the first two.",
                ),
            ),
        ),
    ),
    # ---- Lesson 5: income tax
    Exercise(
        "L5.1",
        _(
            "The article says 'income tax on a salary of 75,000 ₽ is 9,750 ₽'. Check it: what is the tax on a "
            "month's income of 75,000 ₽ in 2018 (no deductions)?",
        ),
        Call(calc.ndfl_detail, 75000, 2018, pick="tax"),
        "rub",
        _("in 2018 there is one rate, 13%."),
        close_hint=_ROUND_TAX,
        tolerance=D(0),
    ),
    Exercise(
        "L5.2",
        _(
            "In January 2024 a worker's gross pay is 52,777.77 ₽, with no deductions. How much income tax is "
            "withheld?",
        ),
        Call(calc.ndfl_detail, "52777.77", 2024, pick="tax"),
        "rub",
        _("13% of the income, then round to the whole ruble."),
        close_hint=_ROUND_TAX,
        tolerance=D(0),
    ),
    Exercise(
        "L5.3",
        _(
            "2025, a salary of 70,000 ₽ a month, the worker has two children (not disabled) and no other "
            "deductions. How much income tax is withheld for January?",
        ),
        Call(calc.year_payroll, 70000, 2025, children=2, pick="month(1).ndfl"),
        "rub",
        _(
            "from 2025 the deduction is 1,400 ₽ for the first child and 2,800 ₽ for the second; tax = 13% × "
            "(income − deductions).",
        ),
        traps=(
            Trap(
                Call(calc.year_payroll, 70000, 2025, pick="month(1).ndfl"),
                _("That is the tax without the child deductions."),
            ),
            Trap(
                Call(calc.year_payroll, 70000, 2024, children=2, pick="month(1).ndfl"),
                _(
                    "That uses the 2024 deductions (1,400 ₽ each for the first and second child). From 2025 the "
                    "second child's is 2,800 ₽.",
                ),
            ),
        ),
        close_hint=_ROUND_TAX,
        tolerance=D(0),
    ),
    Exercise(
        "L5.4",
        _(
            "The same worker (70,000 ₽ a month, two children, 2025). From which month is the child deduction no "
            "longer given? Type the month's number or name.",
        ),
        Call(first_month_without_deduction, 70000, 2025, 2),
        "month",
        _(
            "the deduction is given until income since January passes 450,000 ₽ (from 2025); add the income up "
            "month by month.",
        ),
    ),
    Exercise(
        "L5.5",
        _("2025, gross pay of 260,000 ₽ every month, no deductions. How much income tax is withheld for October?"),
        Call(calc.year_payroll, 260000, 2025, pick="month(10).ndfl"),
        "rub",
        _(
            "the tax is cumulative: income since January above 2,400,000 ₽ is taxed at 15%. October's tax = tax on "
            "January–October income − tax on January–September income.",
        ),
        traps=(
            Trap(
                Call(calc.year_payroll, 260000, 2025, pick="month(1).ndfl"),
                _(
                    "That is 13% of the month's pay. In October income since January passes 2.4 million ₽ and part "
                    "of it is taxed at 15%.",
                ),
            ),
        ),
        close_hint=_ROUND_TAX,
        tolerance=D(0),
    ),
    # ---- Lesson 6: cost to the employer
    Exercise(
        "L6.1",
        _(
            "2011, a salary of 41,500 ₽, January. Contributions at the general tariff and accident insurance at "
            "0.2%. What does this worker cost the employer for the month (pay plus all contributions)?",
        ),
        Call(calc.employer_cost, 41500, 2011, pick="total_cost"),
        "rub",
        _("in 2011 contributions are 34% (26 + 2.9 + 3.1 + 2), plus 0.2% accident insurance; add them to the pay."),
        traps=(
            Trap(
                Call(calc.employer_cost, 41500, 2011, pick="contributions"),
                _("That is only the contributions. The total is asked."),
            ),
        ),
    ),
    Exercise(
        "L6.2",
        _(
            "2011, a salary of 62,000 ₽ every month. In which month does the contribution base since January reach "
            "the cap? Type the month's number or name.",
        ),
        Call(cap_month, 62000, 2011),
        "month",
        _("the 2011 cap is 463,000 ₽; add up the salaries from January until the sum passes it."),
    ),
    Exercise(
        "L6.3",
        _(
            "The same worker (2011, 62,000 ₽ a month). How much insurance contribution (without accident "
            "insurance) does the employer owe for August?",
        ),
        Call(calc.year_payroll, 62000, 2011, pick="month(8).contributions"),
        "rub",
        _(
            "in August contributions are charged only on the part of the pay that fits under the 463,000 ₽ cap; "
            "above it the 2011 rate is 0%.",
        ),
        traps=(
            Trap(
                Call(calc.year_payroll, 62000, 2011, pick="month(1).contributions"),
                _("That is a month below the cap (34% of the whole pay). In August the base passes the cap."),
            ),
        ),
    ),
    Exercise(
        "L6.4",
        _(
            "2026, a salary of 65,000 ₽, January, general tariff, accident insurance 0.2%. What does this worker "
            "cost the employer for the month?",
        ),
        Call(calc.employer_cost, 65000, 2026, pick="total_cost"),
        "rub",
        _("since 2023 the unified tariff is 30% up to the cap; plus 0.2% accident insurance."),
        traps=(
            Trap(
                Call(calc.employer_cost, 65000, 2011, pick="total_cost"),
                _("That is the article's 2011 figure (34%)."),
            ),
        ),
    ),
    Exercise(
        "L6.5",
        _(
            "2025, a small business (not manufacturing), a salary of 70,000 ₽, January. How much insurance "
            "contribution (without accident insurance) does it pay for the month?",
        ),
        Call(calc.employer_cost, 70000, 2025, kind="sme", pick="contributions"),
        "rub",
        _("in 2025 an SME pays 30% up to 1.5 × the minimum wage (22,440 ₽) and 15% on the part above."),
        traps=(
            Trap(
                Call(calc.employer_cost, 70000, 2025, pick="contributions"),
                _("That is the general tariff. An SME pays 15% above the threshold."),
            ),
        ),
    ),
    # ---- Lesson 7: final settlement
    Exercise(
        "L7.1",
        _(
            "Another leaver, paid the way of the article's example: dismissed on 10.08.2017, salary 9,200 ₽, "
            "the hourly rate by the year's norm of hours (as in the article), rounded to the kopeck; 24 night hours "
            "in August, a 40% night-work premium. What is the night-work premium?",
        ),
        leaver("lines[1].amount"),
        "rub",
        _("hourly rate = salary × 12 / the year's hours, to the kopeck; then rate × 24 × 40%, to the kopeck."),
        traps=(
            Trap(
                Call(leaver_night_unrounded),
                _(
                    "You used the unrounded hourly rate, as the article did. Every other line uses the rate to the "
                    "kopeck.",
                ),
            ),
        ),
    ),
    Exercise(
        "L7.2",
        _(
            "The same leaver: 48 hours worked in August, a 50% bonus on the salary for the time worked, a 4% "
            "harmful-work allowance, and compensation for 11.67 unused leave days at average daily earnings of "
            "812.40 ₽. What is the total gross settlement?",
        ),
        leaver("gross"),
        "rub",
        _(
            "add up the salary for the hours worked, the night-work premium, the harmful-work allowance, the bonus "
            "and the leave compensation (812.40 × 11.67).",
        ),
        traps=(
            Trap(
                Call(leaver_gross_without_leave),
                _(
                    "You left out the compensation for unused leave: it is paid on the last day too (Labour Code "
                    "art. 127).",
                ),
            ),
            Trap(
                Call(leaver_gross_unrounded_night),
                _("The night line is from the unrounded rate. From the rate to the kopeck it is a few kopecks less."),
            ),
        ),
    ),
    Exercise(
        "L7.3",
        _("How much does this leaver receive after income tax (13%, rounded to the ruble)?"),
        leaver("net"),
        "rub",
        _("net = total gross − income tax; tax = 13% of the gross, to the ruble."),
        traps=(
            Trap(
                Call(leaver_net_untaxed_rounding),
                _("You kept the tax's kopecks. Income tax is rounded to the whole ruble (Tax Code art. 52)."),
            ),
            Trap(
                leaver("gross"),
                _("That is the gross. Income tax is withheld from it."),
            ),
        ),
    ),
    Exercise(
        "L7.4",
        _(
            "The worker's working year at dismissal is 4 full months, no leave taken, 28 days of basic leave. How "
            "many unused leave days are compensated (the exact method: 28 / 12 a month, rounded in the worker's "
            "favour)?",
        ),
        Call(calc.unused_leave_days, 4, LVOV_DATE, pick="days"),
        "days",
        _("28 / 12 × 4, rounded up to hundredths."),
        traps=(
            Trap(
                Call(calc.unused_leave_days, 4, LVOV_DATE, method="2.33", pick="days"),
                _("That uses the rounded 2.33 days a month, which gives less than 28 / 12 does."),
            ),
        ),
    ),
    Exercise(
        "L7.5",
        _(
            "A worker with a salary of 40,000 ₽ leaves on 14.03.2025. The working year at dismissal is 7 months, "
            "no leave taken, average daily earnings 1,450 ₽. What is the compensation for unused leave?",
        ),
        Call(
            calc.final_settlement, date(2025, 3, 14), 40000, days_worked=10, average_daily="1450.00",
            months_for_leave=7, pick="compensation",
        ),
        "rub",
        _("days = 28 / 12 × 7 (up to hundredths); compensation = average daily earnings × days."),
        traps=(
            Trap(
                Call(
                    calc.final_settlement, date(2025, 3, 14), 40000, days_worked=10, average_daily="1450.00",
                    months_for_leave=7, leave_method="2.33", pick="compensation",
                ),
                _("That uses 2.33 days a month: the worker is underpaid."),
            ),
        ),
    ),
    # ---- Lesson 8: bargaining over a seniority scale
    Exercise(
        "L8.1",
        _(
            "The lesson's 10 workers, 2026, the current collective agreement scale. The union revises its proposal: "
            "5% from 1 year, 10% from 3, 15% from 5, 18% from 10 and 22% from 15 years of service. By how much does "
            "the employer's cost for the year go up (pay plus all contributions)?",
        ),
        extra_cost,
        "rub",
        _("for each worker: the year's cost under the proposal − under the current scale; add up for everyone."),
        traps=(
            Trap(
                Call(bargain_figure, "extra_gross"),
                _("That is only the extra gross pay. The employer also pays contributions on top."),
            ),
        ),
    ),
    Exercise(
        "L8.2",
        _("With the same revised proposal: how much more net pay do the workers receive for the year (all together)?"),
        net_gain,
        "rub",
        _("the net gain = the extra gross pay − the extra income tax; add up for every worker."),
        traps=(
            Trap(
                Call(bargain_figure, "extra_gross"),
                _("That is the gain before income tax is withheld."),
            ),
        ),
    ),
    Exercise(
        "L8.3",
        _("With the same revised proposal: by how much does the income tax withheld from the workers for the year go "
          "up?"),
        extra_ndfl,
        "rub",
        _("income tax under the proposal − under the current scale, cumulative over the year for each worker."),
    ),
    Exercise(
        "L8.4",
        _(
            "Petrov, a driver: salary 55,000 ₽, hired on 11.03.2019. By how many rubles a month is his December "
            "2026 bonus under the proposal higher than under the current scale?",
        ),
        Call(
            scale_gap,
            55000,
            Call(calc.service_since, date(2019, 3, 11), date(2026, 12, 1), pick="years"),
            Call(lb.proposed_scale),
            Call(lb.current_scale),
        ),
        "rub",
        _("find his full years of service on 01.12.2026 and the rate on each scale."),
    ),
)

from payroll_ui.lessons import (  # noqa: E402  (lessons 9–12 and the Vietnamese series; use this module)
    casework_content,
    vn_content,
)

EXERCISE_LIST = (*EXERCISE_LIST, *casework_content.exercises(), *vn_content.exercises())
EXERCISES: Mapping[str, Exercise] = {e.id: e for e in EXERCISE_LIST}
"""Every exercise by id."""


def exercises_for(lesson: int, series: str = "ru") -> list[Exercise]:
    """The exercises of one lesson of a series ("ru": Russia's lessons, "vn": Vietnam's), in order."""
    return [e for e in EXERCISE_LIST if e.lesson == lesson and e.series == series]


def get(exercise_id: str) -> Exercise:
    """An exercise by id, with a clear error for an unknown one."""
    try:
        return EXERCISES[exercise_id]
    except KeyError:
        raise KeyError(f"no exercise {exercise_id!r}; known: {', '.join(EXERCISES)}") from None


def question(exercise_id: str, lang: str) -> str:
    return tr(get(exercise_id).question, lang)


__all__ = [
    "EXERCISES",
    "EXERCISE_LIST",
    "Call",
    "Exercise",
    "Solution",
    "Trap",
    "exercises_for",
    "get",
    "question",
]
