"""HTML pieces of the apps: the shared CSS, figure cards, tables, the rules footer, amounts."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import calc
from calc.core.rules import Dated
from calc.core.text import Text, day, money, num, quantity, tr
from payroll_ui.kit.texts import UI

CSS = """
<style>
.payroll-app {max-width: 1120px; margin: 0 auto; color: #1f2328; font-size: 14px;}
.payroll-app .widget-html-content {white-space: normal; line-height: 1.4;}
.payroll-app .pa-title h2 {margin: 4px 0 0 0; font-size: 24px; font-weight: 600;}
.payroll-app .pa-title a {font-size: 13px; text-decoration: none;}
.payroll-app .pa-intro {color: #444; margin-bottom: 4px;}
.payroll-app .pa-notice .widget-html-content {background: #fff8e1; border-left: 4px solid #f0b400;
  padding: 4px 8px;}
.payroll-app .pa-notice .widget-html-content:empty {display: none;}
body[data-voila="voila"] .jp-MarkdownCell {display: none;}
.payroll-app .pa-hint {display: inline-block; width: 15px; height: 15px; line-height: 15px; border-radius: 50%;
  background: #ddf4ff; color: #0969da; text-align: center; font-size: 11px; cursor: help; font-weight: 600;}
.payroll-app .pa-inputs {flex: 0 0 330px; max-width: 360px; padding-right: 14px;}
.payroll-app .pa-outputs {flex: 1 1 520px; min-width: 320px;}
.payroll-app .pa-body {flex-wrap: wrap; align-items: flex-start;}
.payroll-app .pa-field {margin: 0 0 6px 0; width: 100%;}
.payroll-app .pa-field > .widget-text, .payroll-app .pa-field > .widget-dropdown,
.payroll-app .pa-field > .widget-datepicker {width: 100%; max-width: 300px; box-sizing: border-box;}
.payroll-app .pa-more .pa-field, .payroll-app .pa-more .widget-vbox {width: 100%; box-sizing: border-box;}
.payroll-app .pa-more .pa-field > .widget-text {width: 96%; max-width: 96%;}
.payroll-app .pa-more {max-width: 310px;}
.payroll-app .pa-label .widget-html-content {font-weight: 600; font-size: 13px; line-height: 1.3;}
.payroll-app .field-error {height: auto; min-height: 0;}
.payroll-app .field-error .widget-html-content {color: #b42318; font-size: 13px; line-height: 1.3;}
.payroll-app .field-error .widget-html-content:empty {display: none;}
.payroll-app .pa-field.has-error input, .payroll-app .pa-field.has-error textarea {border-color: #b42318;
  background: #fff5f5;}
.payroll-app .pa-cards {display: flex; flex-wrap: wrap; gap: 8px; margin: 4px 0 8px 0;}
.payroll-app .pa-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 6px 12px; min-width: 140px;
  background: #f6f8fa;}
.payroll-app .pa-card.main {background: #ddf4ff; border-color: #54aeff;}
.payroll-app .pa-card .pa-k {font-size: 12px; color: #57606a;}
.payroll-app .pa-card .pa-v {font-size: 20px; font-weight: 600; white-space: nowrap;}
.payroll-app .pa-card .pa-n {font-size: 12px; color: #57606a;}
.payroll-app.pa-stale .pa-cards, .payroll-app.pa-stale .pa-chart {opacity: 0.45;}
.payroll-app .pa-warn {background: #fff8e1; border-left: 4px solid #f0b400; padding: 4px 8px; margin: 4px 0;}
.payroll-app .pa-ok {background: #eef9f0; border-left: 4px solid #2da44e; padding: 4px 8px; margin: 4px 0;}
.payroll-app table.pa-table {border-collapse: collapse; margin: 4px 0; font-size: 13px;}
.payroll-app .pa-scroll {overflow-x: auto; max-width: 100%;}
.payroll-app table.pa-table.small {font-size: 12px;}
.payroll-app table.pa-table.small td, .payroll-app table.pa-table.small th {padding: 2px 5px;}
.payroll-app table.pa-table th, .payroll-app table.pa-table td {border-bottom: 1px solid #d8dee4;
  padding: 3px 8px; text-align: left;}
.payroll-app table.pa-table td.num, .payroll-app table.pa-table th.num {text-align: right; white-space: nowrap;}
.payroll-app table.pa-table th.num {white-space: normal; vertical-align: bottom;}
.payroll-app table.pa-table tr.total td {font-weight: 600; border-top: 2px solid #8c959f;}
.payroll-app table.pa-table tr.event td {background: #fff8e1;}
.payroll-app table.calc-explain {border-collapse: collapse; font-size: 12.5px;}
.payroll-app table.calc-explain th, .payroll-app table.calc-explain td {border: 1px solid #d8dee4;
  padding: 3px 6px; vertical-align: top; text-align: left;}
.payroll-app table.calc-explain .numbers {color: #0550ae;}
.payroll-app .pa-rules {font-size: 12px; color: #57606a;}
.payroll-app .pa-rules ul {margin: 2px 0 0 0; padding-left: 18px;}
.payroll-app .pa-verify {color: #9a6700; cursor: help; font-weight: 600;}
.payroll-app .pa-share {font-size: 13px; margin: 6px 0;}
.payroll-app .pa-share code {font-size: 12px; background: #f6f8fa; padding: 1px 4px; word-break: break-all;}
.payroll-app .pa-share button {margin-left: 6px; font-size: 12px; cursor: pointer;}
.payroll-app .pa-chart {border: 1px solid #eaeef2; border-radius: 6px;}
.payroll-app .widget-toggle-buttons .widget-toggle-button {width: auto; min-width: 60px; padding: 0 10px;}
.payroll-app .in-lang {justify-content: flex-end;}
.payroll-app a, .payroll-app a:visited {color: #0969da; text-decoration: underline; text-underline-offset: 2px;
  cursor: pointer;}
.payroll-app a:hover, .payroll-app a:focus {color: #0550ae; text-decoration-thickness: 2px;}
.payroll-app .pa-title a {text-decoration: none;}
.payroll-app .pa-title a:hover {text-decoration: underline;}
.payroll-app .field-prompt .widget-html-content {color: #57606a; font-size: 13px; line-height: 1.3;}
.payroll-app .field-prompt .widget-html-content:empty {display: none;}
.payroll-app .pa-field.has-error .pa-cells input {border-color: var(--jp-border-color1, #bdbdbd); background: #fff;}
.payroll-app .pa-field .pa-cells .cell-error input {border-color: #b42318; background: #fff5f5;}
.payroll-app .pa-chart-note .widget-html-content {font-size: 12.5px; color: #57606a;}
.payroll-app .pa-chart-note .widget-html-content:empty {display: none;}
.payroll-app.pa-chart-failed .pa-chart {opacity: 0.25;}
</style>
"""


def esc(text: Any) -> str:
    """HTML-escape any text (every user- or URL-provided string passes through this)."""
    return html.escape(str(text), quote=True)


def raw_value(value: Any) -> str:
    """The raw value for ``data-value``: a Decimal as is, a date in ISO form."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def figure_span(key: str, value: Any, shown: str) -> str:
    """``<span data-figure=key data-value=raw>shown</span>``: the DOM contract for one figure."""
    return f'<span data-figure="{esc(key)}" data-value="{esc(raw_value(value))}">{esc(shown)}</span>'


@dataclass(frozen=True)
class Figure:
    """A key figure for a card: ``unit`` is a calc unit (rub, rate, days, years…) or ``text``."""

    key: str
    label: Text
    value: Any
    unit: str = "rub"
    main: bool = False
    note: Text | str | None = None

    def shown(self, lang: str) -> str:
        if self.unit == "text":
            return str(self.value)
        if self.unit == "date":
            return day(self.value, lang)
        return quantity(self.value, self.unit, lang)


def cards_html(figures: Sequence[Figure], lang: str) -> str:
    """Figure cards (flex row) in the DOM contract format."""
    out = ['<div class="pa-cards">']
    for f in figures:
        note = f'<div class="pa-n">{esc(tr(f.note, lang))}</div>' if f.note else ""
        out.append(
            f'<div class="pa-card{" main" if f.main else ""}"><div class="pa-k">{esc(tr(f.label, lang))}</div>'
            f'<div class="pa-v">{figure_span(f.key, f.value, f.shown(lang))}</div>{note}</div>'
        )
    out.append("</div>")
    return "".join(out)


def verify_mark(lang: str) -> str:
    """⚠ with a tooltip saying the value is to be checked."""
    return f' <span class="pa-verify" title="{esc(tr(UI["verify"], lang))}">⚠</span>'


def rule_value(rule: Dated, lang: str) -> str:
    """A rule's value in words when it is a single number (rate, amount, days…) or yes/no, else ''."""
    if isinstance(rule.value, bool):
        return {(True, "ru"): "да", (False, "ru"): "нет", (True, "en"): "yes", (False, "en"): "no"}[rule.value, lang]
    if isinstance(rule.value, Decimal | int):
        unit = {"day": "number"}.get(rule.unit, rule.unit)
        try:
            return quantity(Decimal(rule.value), unit, lang)
        except (KeyError, ValueError, InvalidOperation):
            return ""
    return ""


@dataclass(frozen=True)
class RuleNote:
    """A rule shown in the footer that is not a :class:`calc.core.rules.Dated` (e.g. a seniority scale)."""

    label: Text
    source: Text
    verify: bool = False
    valid_from: date | None = None


def rules_html(rules: Iterable[Dated | RuleNote], lang: str) -> str:
    """The footer: "rates valid as of <checked_on>" and the rule values used, ⚠ on those to verify."""
    checked = calc.rulebook().checked_on
    items = []
    seen = set()
    for r in rules:
        key = (tr(r.label, "en"), r.valid_from)
        if key in seen:
            continue
        seen.add(key)
        value = rule_value(r, lang) if isinstance(r, Dated) else ""
        since = f" ({tr(UI['from'], lang)} {day(r.valid_from, lang)})" if r.valid_from else ""
        val = f": <b>{esc(value)}</b>" if value else ""
        items.append(
            f"<li>{esc(tr(r.label, lang))}{val}{esc(since)} — {esc(tr(r.source, lang))}"
            f"{verify_mark(lang) if r.verify else ''}</li>"
        )
    listing = f"<div>{esc(tr(UI['used'], lang))}:</div><ul>{''.join(items)}</ul>" if items else ""
    return (
        f'<div class="pa-rules"><b>{esc(tr(UI["valid_as_of"], lang))} '
        f'<span data-figure="checked_on" data-value="{checked.isoformat()}">{esc(day(checked, lang))}</span></b>'
        f"{listing}</div>"
    )


def table_html(head: Sequence[str], rows: Iterable[Sequence[str]], num_cols: Iterable[int] = (),
               row_classes: Sequence[str] | None = None, small: bool = False) -> str:
    """A simple table; cells are HTML already (escape before); ``num_cols`` are right-aligned."""
    nums = set(num_cols)
    th = "".join(f'<th class="num">{h}</th>' if i in nums else f"<th>{h}</th>" for i, h in enumerate(head))
    body = []
    for j, row in enumerate(rows):
        cls = f' class="{row_classes[j]}"' if row_classes and row_classes[j] else ""
        tds = "".join(f'<td class="num">{c}</td>' if i in nums else f"<td>{c}</td>" for i, c in enumerate(row))
        body.append(f"<tr{cls}>{tds}</tr>")
    cls = "pa-table small" if small else "pa-table"
    return (f'<div class="pa-scroll"><table class="{cls}"><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def pct_text(value: Decimal) -> str:
    """A rate as the text a person types into a percent field: 0.15 → '15'."""
    return format((value * 100).normalize(), "f")


def percent_text(value: Decimal | int, lang: str) -> str:
    """A percentage as typed (15 → '15 %' / '15%', -0.5 → '-0,5 %' / '-0.5%'), digits by babel."""
    shown = num(Decimal(value), lang, "#,##0.####")
    return f"{shown}\u00a0%" if lang == "ru" else f"{shown}%"


def amount_text(value: Decimal) -> str:
    """An amount as the text a person would type: 45000 or 45000.5 (no grouping)."""
    return format(value.normalize(), "f")


def money_html(key: str, value: Decimal, lang: str) -> str:
    """An amount as a figure span (for tables)."""
    return figure_span(key, value, money(value, lang))

