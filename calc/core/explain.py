"""Show the work: every figure carries its formula, the numbers put in, the rounding and the law.

A :class:`Trace` *computes* each quantity by evaluating a small arithmetic formula over named
inputs, so the formula shown is the formula used. The names and units of quantities come from
``glossary.yaml`` (Russian and English). Results inherit :class:`Explained` and can render their
steps as text, a table or HTML in either language.
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow, localcontext
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from calc.core.errors import RuleDataError
from calc.core.i18n import Message, _
from calc.core.money import ROUNDINGS, dec, round_to, to_decimal
from calc.core.rules import Dated, load_yaml
from calc.core.text import Text, check_lang, quantity, tr

GLOSSARY: dict[str, dict[str, str]] = load_yaml(Path(__file__).with_name("glossary.yaml"))

_OPS = {"*": "×", "-": "−", "/": "/", "+": "+", "(": "(", ")": ")", ",": "; "}
_FUNCS = {"min": {"ru": "мин", "en": "min", "vi": "min"}, "max": {"ru": "макс", "en": "max", "vi": "max"}}
_WORDS = {  # the headings of an explanation, by language (English when a language has none)
    "source": {"ru": "Основание", "en": "Source", "vi": "Căn cứ"},
    "note": {"ru": "Примечание", "en": "Note", "vi": "Ghi chú"},
    "label": {"ru": "Показатель", "en": "Item", "vi": "Chỉ tiêu"},
    "formula": {"ru": "Формула", "en": "Formula", "vi": "Công thức"},
    "numbers": {"ru": "Подстановка", "en": "Numbers", "vi": "Thay số"},
    "result": {"ru": "Результат", "en": "Result", "vi": "Kết quả"},
    "rounding": {"ru": "Округление", "en": "Rounding", "vi": "Làm tròn"},
    "formula_numbers": {"ru": "Формула и подстановка", "en": "Formula and numbers", "vi": "Công thức và thay số"},
}


def _word(key: str, lang: str) -> str:
    return _WORDS[key].get(lang) or _WORDS[key]["en"]
_ALLOWED = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.USub,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Call,
)
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+|\S")


@dataclass(frozen=True)
class Q:
    """An input with an explicit unit and/or label (for names not in the glossary)."""

    value: Decimal | int
    unit: str | None = None
    label: Text | None = None


@cache
def _compile(formula: str) -> Any:
    tree = ast.parse(formula, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise RuleDataError(_("Formula not allowed: {formula}", formula=formula))
        if isinstance(node, ast.Constant) and not isinstance(node.value, int):
            raise RuleDataError(_("Only integer constants: {formula}", formula=formula))
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in _FUNCS):
            raise RuleDataError(_("Function not allowed: {formula}", formula=formula))
    return compile(tree, "<formula>", "eval")


def evaluate_exact(formula: str, values: Mapping[str, Decimal]) -> Fraction:
    """Evaluate an arithmetic formula (+ − × / min max, integer constants) exactly, as a Fraction.

    Exact arithmetic makes the order of operations harmless: ``salary / days * worked`` rounds
    the same as ``salary * worked / days``.
    """
    env = {k: Fraction(dec(v)) for k, v in values.items()}
    return Fraction(eval(_compile(formula), {"__builtins__": {}, "min": min, "max": max}, env))


_EXACT = Context(prec=120, traps=[Inexact, InvalidOperation, Overflow, DivisionByZero])
"""Decimal arithmetic that stops (traps) rather than round: a result it gives is exact."""
_ROUNDING = Context(prec=120)
"""Rounding to a quantum (the one inexact operation intended)."""


def _evaluate_decimal(formula: str, values: Mapping[str, Decimal]) -> Decimal | None:
    """The formula's exact value by Decimal arithmetic when that is exact — no division, no digit lost
    (the ``Inexact`` trap) — else None (then :func:`evaluate_exact` with Fractions). The same value as
    ``evaluate_exact``, several times faster: most steps are sums and products of amounts and rates."""
    if "/" in formula:
        return None
    try:
        with localcontext(_EXACT):
            value = eval(_compile(formula), {"__builtins__": {}, "min": min, "max": max}, dict(values))
            return Decimal(value) if isinstance(value, int) else value
    except (Inexact, InvalidOperation, Overflow, DivisionByZero):
        return None


def _round_decimal(value: Decimal, rule: str) -> Decimal:
    """``round_to(Fraction(value), rule)`` for an exact Decimal: the same digits and representation."""
    r = ROUNDINGS[rule]
    if r.quantum is None:
        return to_decimal(Fraction(value))
    if value.adjusted() < 24:  # the usual case: quantize exactly (no -0: a zero is shown as the Fraction path has it)
        q = value.quantize(r.quantum, rounding=r.mode, context=_ROUNDING)
        return q if q else abs(q)
    with localcontext(_EXACT):
        k = (value / r.quantum).to_integral_value(rounding=r.mode)
    return Decimal(int(k)) * r.quantum


def evaluate(formula: str, values: Mapping[str, Decimal]) -> Decimal:
    """The formula's value as a Decimal (exact when it terminates, else to 28 significant digits)."""
    return to_decimal(evaluate_exact(formula, values))


def term(name: str) -> dict[str, str]:
    try:
        return GLOSSARY[name]
    except KeyError:
        raise RuleDataError(_("No term '{name}' in glossary.yaml", name=name)) from None


@dataclass(frozen=True)
class Input:
    name: str
    label: Text
    unit: str
    value: Decimal


@dataclass(frozen=True)
class Step:
    """One computed (or looked-up) quantity with everything needed to explain it."""

    key: str
    label: Text
    unit: str
    formula: str | None
    inputs: tuple[Input, ...]
    exact: Decimal
    result: Decimal
    rounding: str
    sources: tuple[Text, ...] = ()
    rules: tuple[Dated, ...] = ()
    note: Text | None = None

    def _render(self, lang: str, words: bool) -> str:
        if self.formula is None:
            return ""
        by_name = {i.name: i for i in self.inputs}
        out = ""
        for tok in _TOKEN.findall(self.formula):
            if tok in by_name:
                i = by_name[tok]
                piece = tr(i.label, lang) if words else quantity(i.value, i.unit, lang)
            elif tok in _FUNCS:
                piece = _FUNCS[tok].get(lang, tok)
            else:
                piece = _OPS.get(tok, tok)
            if tok in "*-/+":
                out += f" {piece} "
            elif tok == ",":
                out += piece
            else:
                out += piece
        return out

    def formula_words(self, lang: str) -> str:
        return self._render(lang, words=True)

    def formula_numbers(self, lang: str) -> str:
        return self._render(lang, words=False)

    @property
    def verify(self) -> bool:
        return any(r.verify for r in self.rules)

    def source_text(self, lang: str) -> str:
        texts = [tr(s, lang) for s in self.sources] + [tr(r.source, lang) for r in self.rules]
        return "; ".join(dict.fromkeys(t for t in texts if t))

    def row(self, lang: str) -> dict[str, str]:
        return {
            "key": self.key,
            "label": tr(self.label, lang),
            "formula": self.formula_words(lang),
            "numbers": self.formula_numbers(lang),
            "result": quantity(self.result, self.unit, lang),
            "rounding": ""
            if self.rounding == "none" or self.exact == self.result
            else ROUNDINGS[self.rounding].say(lang),
            "source": self.source_text(lang),
            "note": tr(self.note, lang),
            "verify": "⚠" if self.verify else "",
        }


@dataclass
class Trace:
    """Collects steps while a result is computed. A country may bring its own ``glossary`` (names,
    labels and units of its quantities, e.g. ``calc/vn/glossary.yaml``); the shared one by default."""

    steps: list[Step] = field(default_factory=list)
    glossary: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: GLOSSARY)

    def _term(self, name: str) -> Mapping[str, str]:
        try:
            return self.glossary[name]
        except KeyError:
            raise RuleDataError(_("No term '{name}' in glossary.yaml", name=name)) from None

    def _inputs(self, inputs: Mapping[str, Any]) -> tuple[Input, ...]:
        out = []
        for name, v in inputs.items():
            if isinstance(v, Q):
                g = self.glossary.get(name, {})
                out.append(Input(name, v.label or g, v.unit or g.get("unit", "number"), dec(v.value)))
            else:
                g = self._term(name)
                out.append(Input(name, g, g["unit"], dec(v)))
        return tuple(out)

    def calc(
        self,
        key: str,
        formula: str,
        *,
        rounding: str = "kopeck",
        source: Text | Iterable[Text] | None = None,
        rules: Iterable[Dated] = (),
        label: Text | None = None,
        unit: str | None = None,
        note: Text | None = None,
        **inputs: Any,
    ) -> Decimal:
        """Evaluate ``formula`` on ``inputs``, round by ``rounding``, record the step, return the result."""
        ins = self._inputs(inputs)
        values = {i.name: i.value for i in ins}
        fast = _evaluate_decimal(formula, values)
        if fast is None:
            exact = evaluate_exact(formula, values)
            result = round_to(exact, rounding)
        else:
            exact, result = Fraction(fast), _round_decimal(fast, rounding)
        g = self.glossary.get(key, {})
        if not label and not g:
            self._term(key)  # raises a clear error for an unknown name
        self.steps.append(
            Step(
                key,
                label or g,
                unit or g["unit"],
                formula,
                ins,
                to_decimal(exact),
                result,
                rounding,
                _texts(source),
                tuple(rules),
                note,
            )
        )
        return result

    def given(
        self,
        key: str,
        value: Any,
        *,
        source: Text | Iterable[Text] | None = None,
        rules: Iterable[Dated] = (),
        label: Text | None = None,
        unit: str | None = None,
        note: Text | None = None,
    ) -> Decimal:
        """Record a value that is an input or looked up in the rules (no formula)."""
        g = self.glossary.get(key) or ({} if label else self._term(key))
        v = dec(value)
        self.steps.append(
            Step(key, label or g, unit or g["unit"], None, (), v, v, "none", _texts(source), tuple(rules), note)
        )
        return v

    def extend(self, steps: Iterable[Step]) -> None:
        self.steps.extend(steps)


def _texts(source: Text | Iterable[Text] | None) -> tuple[Text, ...]:
    if source is None:
        return ()
    if isinstance(source, Mapping | Message | str):
        return (source,)
    return tuple(source)


@dataclass(frozen=True, kw_only=True)
class Explained:
    """Mixin for results: ``steps`` and their rendering in Russian or English."""

    steps: tuple[Step, ...] = ()

    def step(self, key: str) -> Step:
        """The last step computing ``key``."""
        for s in reversed(self.steps):
            if s.key == key:
                return s
        raise KeyError(key)

    def explain_rows(self, lang: str = "ru") -> list[dict[str, str]]:
        check_lang(lang)
        return [s.row(lang) for s in self.steps]

    def explain(self, lang: str = "ru") -> str:
        """Plain text: one block per step — formula in words, numbers, result, rounding, law."""
        check_lang(lang)
        src_word, note_word = _word("source", lang), _word("note", lang)
        lines = []
        for r in self.explain_rows(lang):
            if r["formula"]:
                lines.append(f"{r['label']} = {r['formula']}")
                lines.append(f"    = {r['numbers']} = {r['result']}" + (f" ({r['rounding']})" if r["rounding"] else ""))
            else:
                lines.append(f"{r['label']}: {r['result']}")
            if r["source"]:
                lines.append(f"    {src_word}: {r['source']}" + (" ⚠" if r["verify"] else ""))
            if r["note"]:
                lines.append(f"    {note_word}: {r['note']}")
        return "\n".join(lines)

    def explain_table(self, lang: str = "ru") -> Any:
        import pandas as pd

        cols = ("label", "formula", "numbers", "result", "rounding", "source")
        rows = self.explain_rows(lang)
        return pd.DataFrame([{_word(k, lang): r[k] for k in cols} for r in rows])

    def explain_html(self, lang: str = "ru") -> str:
        """An HTML table of the steps (escaped), for the apps' "How is this computed?" panel."""
        heads = tuple(_word(k, lang) for k in ("label", "formula_numbers", "result", "source"))
        e = html.escape
        out = [
            '<table class="calc-explain"><thead><tr>'
            + "".join(f"<th>{e(h)}</th>" for h in heads)
            + "</tr></thead><tbody>"
        ]
        for r in self.explain_rows(lang):
            formula = f"{e(r['formula'])}<br><span class='numbers'>= {e(r['numbers'])}</span>" if r["formula"] else ""
            rounding = f"<br><small>{e(r['rounding'])}</small>" if r["rounding"] else ""
            note = f"<br><small>{e(r['note'])}</small>" if r["note"] else ""
            flag = ' <span title="verify">⚠</span>' if r["verify"] else ""
            out.append(
                f"<tr><td>{e(r['label'])}</td><td>{formula}</td>"
                f"<td style='white-space:nowrap'><b>{e(r['result'])}</b>{rounding}</td>"
                f"<td><small>{e(r['source'])}</small>{flag}{note}</td></tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)

    def rules_used(self) -> list[Dated]:
        """The dated rule values this result rests on (each once)."""
        seen: dict[tuple[str, Any], Dated] = {}
        for s in self.steps:
            for r in s.rules:
                seen.setdefault((r.name, r.valid_from), r)
        return list(seen.values())
