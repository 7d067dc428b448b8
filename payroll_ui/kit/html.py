"""HTML pieces of the apps: the shared CSS, figure cards, tables, the rules footer, amounts."""

from __future__ import annotations

import html
import re
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
.payroll-app table.calc-explain td small {white-space: normal;}  /* a rounding note under a nowrap result */
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
.payroll-app .pa-tools {flex-wrap: wrap; gap: 6px; margin: 2px 0 6px 0; align-items: center;}
.payroll-app .pa-tools .widget-button {width: auto; padding: 0 12px;}
.payroll-app button.pa-print {font-size: 13px; padding: 4px 12px; cursor: pointer; border: 1px solid #8c959f;
  border-radius: 4px; background: #f6f8fa; height: 28px;}
.payroll-app .pa-example-note .widget-html-content:empty {display: none;}
.payroll-app .pa-example {background: #ddf4ff; border-left: 4px solid #0969da; padding: 4px 8px; margin: 2px 0 6px 0;}
.payroll-app button.pa-hint, .payroll-app button.pa-verify {border: 0; padding: 0; margin: 0 0 0 2px; font: inherit;
  vertical-align: baseline;}
.payroll-app button.pa-hint {font-size: 11px; width: 18px; height: 18px; line-height: 18px;}
.payroll-app button.pa-verify {background: transparent;}
.payroll-app .pa-tip {display: block; font-weight: normal; font-size: 12.5px; color: #1f2328; background: #f6f8fa;
  border: 1px solid #d0d7de; border-radius: 4px; padding: 4px 6px; margin: 2px 0;}
.payroll-app .pa-tip[hidden] {display: none;}
.payroll-app button:focus-visible, .payroll-app input:focus-visible, .payroll-app select:focus-visible,
.payroll-app .jupyter-widget-Collapse-header:focus-visible, .payroll-app .widget-toggle-button:focus-visible,
.payroll-app a:focus-visible {outline: 3px solid #0969da; outline-offset: 2px;}
.payroll-app .jupyter-widget-Collapse-header:focus {outline: 3px solid #0969da; outline-offset: 1px;}
.payroll-app .pa-share-url {display: none;}
.payroll-app img.pa-chart {max-width: 100%; height: auto;}
@media (max-width: 640px) {
  .payroll-app {font-size: 15px;}
  .payroll-app, .payroll-app .widget-box, .payroll-app .widget-html, .payroll-app .widget-html-content
    {max-width: 100%; min-width: 0; box-sizing: border-box;}
  .payroll-app > .widget-hbox {flex-wrap: wrap;}
  .payroll-app .pa-body {flex-direction: column; flex-wrap: nowrap;}
  .payroll-app .pa-inputs {flex: 1 1 auto; max-width: 100%; width: 100%; padding-right: 0;}
  .payroll-app .pa-outputs {order: -1; flex: 1 1 auto; min-width: 0; width: 100%;}
  .payroll-app .pa-outputs .pa-figures {position: sticky; top: 0; z-index: 3; background: #fff;}
  .payroll-app .pa-card {min-width: 0; flex: 1 1 40%; padding: 4px 8px;}
  .payroll-app .pa-card .pa-v {font-size: 17px; white-space: normal;}
  .payroll-app .pa-more, .payroll-app .pa-field > .widget-text, .payroll-app .pa-field > .widget-dropdown,
  .payroll-app .pa-field > .widget-datepicker {max-width: 100%;}
  .payroll-app .widget-toggle-buttons {flex-wrap: wrap; width: 100%;}
  .payroll-app .widget-toggle-buttons .widget-toggle-button {min-width: 0;}
  .payroll-app .widget-slider {width: 100%; max-width: 100%;}
  .payroll-app table.pa-table, .payroll-app table.pa-table tbody, .payroll-app table.pa-table tr,
  .payroll-app table.pa-table td {display: block; width: 100%; box-sizing: border-box;}
  .payroll-app table.pa-table thead {display: none;}
  .payroll-app table.pa-table tr {border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 6px 0; padding: 2px 6px;}
  .payroll-app table.pa-table td {border: 0; padding: 1px 0; text-align: left;}
  .payroll-app table.pa-table td.num {text-align: left; white-space: normal;}
  .payroll-app table.pa-table td[data-label]::before {content: attr(data-label) ": "; color: #57606a;
    font-size: 12px;}
  .payroll-app table.calc-explain, .payroll-app table.calc-explain tbody, .payroll-app table.calc-explain tr,
  .payroll-app table.calc-explain td, .payroll-app table.calc-explain th {display: block; width: 100%;
    box-sizing: border-box;}
  .payroll-app table.calc-explain thead {display: none;}
  .payroll-app .pa-scroll {overflow-x: visible;}
  .payroll-app pre, .payroll-app code {white-space: pre-wrap; word-break: break-word;}
}
@page {size: A4 portrait; margin: 12mm;}
@media print {
  html, body, body * {overflow: visible !important;}
  html, body, #main, .jp-LabShell, .lm-Widget, .jp-Cell, .jp-OutputArea, .jp-OutputArea-child,
    .jp-OutputArea-output {height: auto !important; max-height: none !important; position: static !important;
    contain: none !important;}
  body {width: auto !important; margin: 0 !important;}
  .jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser {display: none !important;}
  .jp-Cell, .jp-Cell-inputWrapper, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child,
    .jp-OutputArea-output {break-inside: auto !important;}  /* JupyterLab keeps a cell whole: page 1 came out blank */
  .payroll-app {max-width: 100% !important; width: 100% !important; font-size: 11pt; color: #000;}
  .payroll-app .widget-box, .payroll-app .widget-html, .payroll-app .widget-html-content {max-width: 100% !important;
    min-width: 0 !important; width: auto !important; box-sizing: border-box;}
  .payroll-app .pa-body {display: block !important;}
  .payroll-app .pa-inputs, .payroll-app .pa-outputs {display: block !important; max-width: 100% !important;
    width: 100% !important; padding: 0 !important;}
  .payroll-app .pa-tools, .payroll-app .in-lang, .payroll-app .pa-share button, .payroll-app .pa-share small,
    .payroll-app .pa-title a, .payroll-app button.pa-hint {display: none !important;}
  .payroll-app .pa-tip[hidden] {display: none !important;}
  .payroll-app .pa-share-url {display: inline; word-break: break-all; font-size: 9pt;}
  .payroll-app .pa-outputs .pa-figures {position: static !important;}
  .payroll-app .pa-cards {display: block;}
  .payroll-app .pa-card {display: inline-block; break-inside: avoid; margin: 0 6px 6px 0;}
  .payroll-app table {max-width: 100%; break-inside: auto;}
  .payroll-app tr {break-inside: avoid;}
  .payroll-app table.calc-explain {width: 100%; table-layout: fixed; font-size: 9pt;}
  .payroll-app table.calc-explain td, .payroll-app table.calc-explain th {word-break: break-word;}
  .payroll-app img.pa-chart {max-width: 100% !important; height: auto !important; break-inside: avoid;}
  .payroll-app input, .payroll-app select {border: 1px solid #8c959f !important; background: #fff !important;}
  .payroll-app .pa-how .jupyter-widget-Collapse-contents {display: block !important;}
  .payroll-app .pa-share-link::after {content: none;}
}
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


KEYS_JS = (
    "if(!window.__paKeys){window.__paKeys=1;"
    "var fix=function(){document.querySelectorAll('.payroll-app .jupyter-widget-Collapse-header').forEach("
    "function(h){if(!h.hasAttribute('tabindex')){h.setAttribute('tabindex','0');h.setAttribute('role','button');}"
    "var o=h.parentNode.classList.contains('jupyter-widget-Collapse-open')?'true':'false';"
    "if(h.getAttribute('aria-expanded')!==o){h.setAttribute('aria-expanded',o);}});};"
    "document.addEventListener('keydown',function(e){var h=e.target;if(h&&h.classList&&"
    "h.classList.contains('jupyter-widget-Collapse-header')&&(e.key==='Enter'||e.key===' ')){"
    "e.preventDefault();h.click();}},true);"
    "new MutationObserver(fix).observe(document.body,{subtree:true,childList:true,attributes:true,"
    "attributeFilter:['class']});fix();}"
)
"""Folded sections (ipywidgets' Accordion headers are plain divs) become buttons: Tab reaches them,
Enter or Space opens them, ``aria-expanded`` says whether they are open."""


def keys_primer() -> str:
    """A 1-pixel image whose ``onload`` installs :data:`KEYS_JS` once per page (HTML widgets run no
    ``<script>``; an event attribute they do run)."""
    return (f'<img alt="" class="pa-keys" style="display:none" onload="{esc(KEYS_JS)}" '
            'src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">')


TOGGLE_JS = ("var t=this.nextElementSibling;t.hidden=!t.hidden;"
             "this.setAttribute('aria-expanded',t.hidden?'false':'true');")
"""The click of a hint button: show or hide the text after it (a tap, Enter or Space opens it too)."""


def tip_html(mark: str, text: str, cls: str, label: str) -> str:
    """A button (``cls``) showing ``mark`` that opens ``text`` below it: reachable by Tab, Enter and a tap
    (a ``title`` tooltip opens only on hover); ``label`` is what a screen reader says for the button."""
    return (f'<button type="button" class="{cls}" title="{esc(text)}" aria-label="{esc(label)}" '
            f'aria-expanded="false" onclick="{TOGGLE_JS}">{mark}</button>'
            f'<span class="pa-tip" role="note" hidden>{esc(text)}</span>')


def verify_mark(lang: str) -> str:
    """⚠ that opens the note saying the value is to be checked (by Tab + Enter or a tap)."""
    return " " + tip_html("⚠", tr(UI["verify"], lang), "pa-verify", tr(UI["verify_label"], lang))


def rule_value(rule: Dated, lang: str) -> str:
    """A rule's value in words when it is a single number (rate, amount, days…) or yes/no, else ''."""
    if isinstance(rule.value, bool):
        return {(True, "ru"): "да", (False, "ru"): "нет", (True, "en"): "yes", (False, "en"): "no",
                (True, "vi"): "có", (False, "vi"): "không"}[rule.value, lang]
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


def rules_html(rules: Iterable[Dated | RuleNote], lang: str, country: str = "ru") -> str:
    """The footer: "rates valid as of <checked_on>" (of the ``country``'s rules) and the rule values used, ⚠ on
    those to verify."""
    checked = calc.rulebook(country).checked_on
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
    labels = [esc(html.unescape(re.sub(r"<[^>]+>", "", h))) for h in head]
    th = "".join(f'<th class="num">{h}</th>' if i in nums else f"<th>{h}</th>" for i, h in enumerate(head))
    body = []
    for j, row in enumerate(rows):
        cls = f' class="{row_classes[j]}"' if row_classes and row_classes[j] else ""
        tds = "".join(f'<td class="num"{_label(labels, i)}>{c}</td>' if i in nums
                      else f"<td{_label(labels, i)}>{c}</td>" for i, c in enumerate(row))
        body.append(f"<tr{cls}>{tds}</tr>")
    cls = "pa-table small" if small else "pa-table"
    return (f'<div class="pa-scroll"><table class="{cls}"><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _label(labels: Sequence[str], i: int) -> str:
    """``data-label`` of a cell (its column's heading; shown before the value when the table is stacked)."""
    return f' data-label="{labels[i]}"' if i < len(labels) and labels[i] else ""


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


def money_html(key: str, value: Decimal, lang: str, unit: str = "rub") -> str:
    """An amount as a figure span (for tables): rubles, or ``unit="vnd"`` whole đồng (12.345.678 ₫)."""
    return figure_span(key, value, money(value, lang) if unit == "rub" else quantity(value, unit, lang))

