"""Shared pieces of the calculator apps (Voilà / ipywidgets 8): one place for what every app needs.

- :class:`App` — the base class: language switch (``ru``/``en``), URL parameters, fields with their
  error messages, a safe refresh cycle that keeps the last good result, figure cards, the
  "How is this computed?" panel, the "rates valid as of" footer and the link to the scenario.
- :class:`Field` — an input with a label above it and an error message below it (``.field-error``).
- :class:`Param` — one URL parameter: how to read it (untrusted) and which widget it fills.
- :class:`Chart` — a matplotlib figure shown as a PNG ``Image`` widget (no flicker, no SVG).
- :class:`Explain` — the folding panel that shows ``result.explain_html(lang)`` when opened.
- Helpers: :func:`cards_html`, :func:`rules_html`, :func:`share_html`, :func:`read_params`, :func:`run`,
  :func:`safe` (a decorator for callbacks), parsers ``parse_*`` for URL values.

DOM contract (for browser tests): the root widget has the classes ``payroll-app`` and ``app-<name>``
and, once a computation has rendered, ``app-ready``; figures are ``<span data-figure=key
data-value=raw>``; error messages are in elements with the class ``field-error``; inputs carry the
class ``in-<key>``. See ``docs/apps.md``.
"""

from __future__ import annotations

import functools
import html
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlencode

import ipywidgets as W
from ipywidgets.widgets.widget_string import HTMLStyle

import calc
from calc.rules import Dated
from calc.text import LANGS, T, Text, day, money, money_short, num, percent, quantity, tr

log = logging.getLogger("payroll_ui")
log.addHandler(logging.NullHandler())

MAX_PARAM_CHARS = 200
"""URL values longer than this are refused (a link is typed or shared by people, not machines)."""

UI: dict[str, Text] = {
    "lang": T("Язык", "Language"),
    "how": T("Как это посчитано?", "How is this computed?"),
    "valid_as_of": T("Ставки действуют на", "Rates valid as of"),
    "used": T("В расчёте использованы", "Used in this calculation"),
    "from": T("с", "from"),
    "verify": T(
        "Значение не удалось сверить с первоисточником — проверьте его перед тем, как опираться на него.",
        "This value could not be confirmed against a primary source — check it before relying on it.",
    ),
    "share": T("Ссылка на этот расчёт", "Link to this scenario"),
    "share_hint": T(
        "Откройте ссылку или скопируйте её — по ней откроется тот же расчёт.",
        "Open or copy the link — it opens the same scenario.",
    ),
    "copy": T("Копировать", "Copy"),
    "copied": T("Скопировано", "Copied"),
    "copy_prompt": T("Скопируйте ссылку:", "Copy the link:"),
    "stale": T(
        "Исправьте отмеченное поле. Пока показан последний верный расчёт.",
        "Please correct the marked field. The last valid result is shown meanwhile.",
    ),
    "oops": T(
        "Не получилось посчитать с этими данными. Попробуйте другие значения; показан последний верный расчёт.",
        "These inputs could not be computed. Please try other values; the last valid result is shown.",
    ),
    "param_bad": T("Параметр ссылки «{key}={value}» не подошёл: {why} Оставлено: {kept}.",
                   "The link parameter '{key}={value}' was not usable: {why} Kept: {kept}."),
    "home": T("← Все калькуляторы", "← All calculators"),
    "share_stale": T(
        "Пока расчёт не обновлён, ссылка ведёт к последнему верному расчёту — тому, что показан на странице.",
        "Until the result is updated, the link opens the last valid result — the one shown on the page.",
    ),
    "empty": T("пусто", "empty"),
}

LANG_NAMES = (("Русский", "ru"), ("English", "en"))

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


# ---------------------------------------------------------------- parsing untrusted values


class ParamError(ValueError):
    """A URL value that cannot be used; ``.text`` says why in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(tr(text, "en"))
        self.text = text


def _clean(raw: str) -> str:
    if len(raw) > MAX_PARAM_CHARS:
        raise ParamError(T("слишком длинное значение.", "the value is too long."))
    return raw.strip()


def parse_int(low: int, high: int) -> Callable[[str], int]:
    """A parser for a whole number within [low, high]."""

    def parse(raw: str) -> int:
        s = _clean(raw)
        if not s.lstrip("-").isdigit():
            raise ParamError(T("нужно целое число.", "a whole number is needed."))
        v = int(s)
        if not low <= v <= high:
            raise ParamError(T(f"нужно число от {low} до {high}.", f"a number from {low} to {high} is needed."))
        return v

    return parse


def parse_decimal(low: Decimal | int = 0, high: Decimal | int = 10**9) -> Callable[[str], str]:
    """A parser for a decimal number within [low, high]; returns the text to put into a Text field."""

    def parse(raw: str) -> str:
        s = _clean(raw).replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise ParamError(T("нужно число.", "a number is needed.")) from None
        if not d.is_finite() or not Decimal(low) <= d <= Decimal(high):
            raise ParamError(T(f"нужно число от {low} до {high}.", f"a number from {low} to {high} is needed."))
        return s

    return parse


def parse_choice(choices: Iterable[str]) -> Callable[[str], str]:
    """A parser for one of the given ids."""
    allowed = tuple(choices)

    def parse(raw: str) -> str:
        s = _clean(raw)
        if s not in allowed:
            raise ParamError(T(f"допустимо: {', '.join(allowed)}.", f"allowed: {', '.join(allowed)}."))
        return s

    return parse


def parse_date(low: date, high: date) -> Callable[[str], date]:
    """A parser for an ISO date (YYYY-MM-DD) within [low, high]."""

    def parse(raw: str) -> date:
        s = _clean(raw)
        try:
            d = date.fromisoformat(s)
        except ValueError:
            raise ParamError(T("нужна дата вида 2017-08-07.", "a date like 2017-08-07 is needed.")) from None
        if not low <= d <= high:
            raise ParamError(
                T(f"нужна дата с {day(low, 'ru')} по {day(high, 'ru')}.",
                  f"a date from {day(low, 'en')} to {day(high, 'en')} is needed.")
            )
        return d

    return parse


@dataclass(frozen=True)
class Param:
    """One URL parameter of an app: ``parse`` checks the untrusted text, ``apply`` puts the value into
    the widgets, ``current`` reads the value back for the link to the scenario (None = leave out);
    ``kept`` (optional) reads the value the page keeps when a URL value is refused, for the notice
    (default: ``current``; use it when ``current`` leaves a default value out of the link)."""

    key: str
    parse: Callable[[str], Any]
    apply: Callable[[Any], None]
    current: Callable[[], Any]
    kept: Callable[[], Any] | None = None


def choice_values(widget: W.Widget) -> list[Any]:
    """The values of a selection widget's options (options may be plain values or (label, value) pairs)."""
    return [o[1] if isinstance(o, tuple) else o for o in widget.options]


def setter(widget: W.Widget) -> Callable[[Any], None]:
    """A :class:`Param` ``apply`` that puts a parsed value into ``widget`` (checked against its options)."""

    def apply(value: Any) -> None:
        if hasattr(widget, "options") and value not in choice_values(widget):
            raise ParamError(T("такого варианта нет.", "no such option."))
        widget.value = value

    return apply


def slider_setter(slider: W.IntSlider) -> Callable[[int], None]:
    """A :class:`Param` ``apply`` for a slider whose maximum depends on other inputs (days of a month)."""

    def apply(value: int) -> None:
        if not slider.min <= value <= slider.max:
            raise ParamError(T(f"нужно число от {slider.min} до {slider.max}.",
                               f"a number from {slider.min} to {slider.max} is needed."))
        slider.value = value

    return apply


def read_params() -> dict[str, str]:
    """The page's URL parameters (last value of each). In Voilà with preheated kernels this first waits
    for the visitor's request (``voila.utils.wait_for_request``); outside Voilà it returns ``{}``."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        try:
            from voila.utils import wait_for_request

            wait_for_request()
        except Exception:  # pragma: no cover - depends on the server
            log.exception("wait_for_request failed")
    qs = os.environ.get("QUERY_STRING", "") or ""
    return {k: v[-1] for k, v in parse_qs(qs[:4000], keep_blank_values=True).items()}


# ---------------------------------------------------------------- HTML helpers


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
    """A rule shown in the footer that is not a :class:`calc.rules.Dated` (e.g. a seniority scale)."""

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


def xsrf_primer() -> str:
    """A prefetch of Voilà's file list, which sets the ``_xsrf`` cookie.

    Voilà shuts a page's kernel down on leaving the page with a POST that carries the ``_xsrf`` cookie;
    a page opened directly at ``/voila/render/...`` has no such cookie, the POST is refused (403) and the
    kernel lives on until culled (voila-dashboards/voila#1458). Prefetching ``/voila/tree`` sets it.
    """
    path = os.environ.get("SCRIPT_NAME", "") or ""
    prefix = path.split("/voila/render/")[0] if "/voila/render/" in path else os.environ.get("VOILA_BASE_URL", "/")
    return f'<link rel="prefetch" href="{esc(prefix.rstrip("/"))}/voila/tree">'


def share_href(name: str, params: Mapping[str, Any]) -> str:
    """The link to the scenario: the page's own path (from Voilà's SCRIPT_NAME) plus the parameters."""
    qs = urlencode({k: raw_value(v) for k, v in params.items() if v is not None and v != ""})
    path = os.environ.get("SCRIPT_NAME", "") or ""
    if not path.endswith(".ipynb"):
        path = f"{name}.ipynb"
    return f"{path}?{qs}"


def share_html(href: str, lang: str) -> str:
    """The link to the scenario with a copy button (the button uses the browser's clipboard)."""
    done = tr(UI["copied"], lang)
    ask = tr(UI["copy_prompt"], lang)
    copy_js = (
        "var a=this.parentNode.querySelector('a'),b=this;"
        f"function ask(){{window.prompt('{ask}',a.href);}}"
        "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(a.href)"
        f".then(function(){{b.textContent='{done} ✓';}},ask);}}else{{ask();}}"
    )
    return (
        f'<div class="pa-share"><a class="pa-share-link" href="{esc(href)}" target="_blank" rel="noopener">'
        f'{esc(tr(UI["share"], lang))}</a><button type="button" onclick="{esc(copy_js)}">'
        f"{esc(tr(UI['copy'], lang))}</button><br><small>{esc(tr(UI['share_hint'], lang))}</small></div>"
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


def parse_percent(text: Any, field: str, what_ru: str, what_en: str, high: int = 100) -> Decimal:
    """A percent field's text ('15', '15,5', '') as a fraction (0.15); empty means 0."""
    s = str(text or "").strip().replace("%", "")
    if not s:
        return Decimal(0)
    from calc.money import number

    d = number(s, field, what_ru, what_en, low=-(10**12), high=10**12)  # "not a number" from calc
    if not 0 <= d <= high:  # said in percent, as typed, with the page's decimal separator
        raise calc.InputError(
            f"Укажите {what_ru} от 0 до {percent_text(high, 'ru')} (введено: {percent_text(d, 'ru')}).",
            f"Please enter {what_en} from 0 to {percent_text(high, 'en')} (you typed {percent_text(d, 'en')}).",
            field,
        )
    return d / 100


def percent_text(value: Decimal | int, lang: str) -> str:
    """A percentage as typed (15 → '15 %' / '15%', -0.5 → '-0,5 %' / '-0.5%'), digits by babel."""
    shown = num(Decimal(value), lang, "#,##0.####")
    return f"{shown}\u00a0%" if lang == "ru" else f"{shown}%"


# ---------------------------------------------------------------- widgets


_SHARED: dict[str, Any] = {}


def shared(kind: str) -> Any:
    """One Layout / HTMLStyle model shared by every label and error text (fewer widget models to load)."""
    if kind not in _SHARED:
        _SHARED[kind] = W.Layout() if kind == "layout" else HTMLStyle()
    return _SHARED[kind]


class Field:
    """An input with its label above and its error message below.

    The input gets the class ``in-<key>``; the error is an HTML widget with the class ``field-error``
    (empty when all is well); the whole box gets ``has-error`` while a message is shown.
    """

    def __init__(self, key: str, widget: W.DOMWidget, label: Text, hint: Text | None = None) -> None:
        self.key = key
        self.widget = widget
        self.label = label
        self.hint = hint
        widget.add_class(f"in-{key}")
        self.head = W.HTML(layout=shared("layout"), style=shared("style"))
        self.head.add_class("pa-label")
        self.error = W.HTML(layout=shared("layout"), style=shared("style"))
        self.error.add_class("field-error")
        self._prompt = False
        self.box = W.VBox([self.head, widget, self.error])
        self.box.add_class("pa-field")
        self.box.add_class(f"field-{key}")

    def set_lang(self, lang: str) -> None:
        hint = f' <span class="pa-hint" title="{esc(tr(self.hint, lang))}">?</span>' if self.hint else ""
        self.head.value = f"{esc(tr(self.label, lang))}{hint}"

    def set_error(self, message: str) -> None:
        """Show an error below the input (red; '' clears it and any prompt)."""
        if self._prompt:
            self._prompt = False
            self.error.remove_class("field-prompt")
            self.error.add_class("field-error")
        self.error.value = esc(message)
        if message:
            self.box.add_class("has-error")
        else:
            self.box.remove_class("has-error")

    def set_prompt(self, message: str) -> None:
        """Ask for a value not given yet (grey, class ``field-prompt``): not an error, the visitor has not
        typed anything wrong — e.g. a field that appeared when another option was chosen."""
        if not self._prompt:
            self._prompt = True
            self.error.remove_class("field-error")
            self.error.add_class("field-prompt")
        self.box.remove_class("has-error")
        self.error.value = esc(message)

    @property
    def message(self) -> str:
        """The error shown now ('' if none; a prompt is not an error)."""
        return "" if self._prompt else html.unescape(self.error.value)

    @property
    def prompt(self) -> str:
        """The prompt shown now ('' if none)."""
        return html.unescape(self.error.value) if self._prompt else ""

    def show(self, visible: bool) -> None:
        self.box.layout.display = "" if visible else "none"


class Chart:
    """A matplotlib figure (no pyplot state) shown as a PNG in an ``Image`` widget of fixed size.

    :meth:`draw` splits a chart into a static part (axes, curves, labels — redrawn only when ``key``
    changes) and a dynamic part (e.g. the person's own point) drawn on a cached copy of the static
    image, so moving a slider redraws in a few milliseconds.
    """

    def __init__(self, width: float = 6.6, height: float = 3.4, dpi: int = 100, cls: str = "chart") -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure as MplFigure

        self.dpi = dpi
        self.fig = MplFigure(figsize=(width, height), dpi=dpi)
        self.canvas = FigureCanvasAgg(self.fig)
        self._key: Any = None
        self._background: Any = None
        self.image = W.Image(format="png", layout=W.Layout(width="100%", max_width=f"{int(width * dpi)}px",
                                                             height="auto"))
        self.image.add_class("pa-chart")
        self.image.add_class(cls)

    def draw(self, key: Any, static: Callable[[Any], None], dynamic: Callable[[Any], list[Any]] | None = None) -> None:
        """Draw the chart: ``static(fig)`` when ``key`` changed, then ``dynamic(fig)`` → artists on top."""
        if key != self._key or self._background is None:
            self._key = None
            self.fig.clear()
            static(self.fig)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            self._key = key
        else:
            self.canvas.restore_region(self._background)
        if dynamic is not None:
            artists = dynamic(self.fig)
            renderer = self.canvas.get_renderer()
            for a in artists:
                a.draw(renderer)
            for a in artists:
                a.remove()
        self.publish()

    def publish(self) -> None:
        """Encode what the canvas holds as PNG (fast compression) and send it to the page."""
        import io

        from PIL import Image

        w, h = self.canvas.get_width_height()
        im = Image.frombuffer("RGBA", (w, h), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
        buf = io.BytesIO()
        im.save(buf, format="png", compress_level=1)
        self.image.value = buf.getvalue()


def nice_ceiling(value: float) -> float:
    """The smallest 'round' number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above ``value``.

    Used as an axis limit so that the static part of a chart (axes, ticks) stays the same while the
    bars move, and only the bars need drawing.
    """
    import math

    if value <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(value))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * k >= value:
            return m * k
    return 10 * k


_UNITS = {"ru": ((10**9, "\u00a0млрд"), (10**6, "\u00a0млн")), "en": ((10**9, "B"), (10**6, "M"))}


def money_tick(value: float, lang: str, scale: str = "auto", step: float | None = None) -> str:
    """A compact amount for a chart: '45 000 ₽', '1,5 млн ₽' / '1.5M ₽', '2 млрд ₽' / '2B ₽', '0,05 ₽'.

    ``scale``: ``auto`` (millions and billions from 1 million), ``millions`` (always in millions, for an
    axis of yearly sums) or ``rubles``. ``step`` (the distance between neighbouring ticks) sets how many
    decimals are shown, so that neighbouring ticks never read the same (salary 1 ₽: 0,05 ₽, 0,1 ₽ …).
    Digits are grouped and decimals separated by babel (``calc.text.num``) in the page's language.
    """
    import math

    v = float(value)
    if v == 0:
        return "0"
    divisor, unit = 1, ""
    if scale == "millions":
        divisor, unit = 10**6, _UNITS[lang][1][1]
    elif scale == "auto":
        for d, u in _UNITS[lang]:
            if abs(v) >= d:
                divisor, unit = d, u
                break
    if step and step > 0:
        digits = max(0, min(4, math.ceil(-math.log10(step / divisor) - 1e-9)))
    else:
        digits = 2 if divisor > 1 or abs(v) < 1 else 0
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    shown = num(Decimal(str(round(v / divisor, digits))), lang, pattern)
    return f"{shown}{unit}\u00a0₽"


def money_formatter(lang: str, scale: str = "auto") -> Any:
    """A matplotlib tick formatter for rubles (see :func:`money_tick`): precise enough for the ticks shown."""
    from matplotlib.ticker import Formatter

    class MoneyFormatter(Formatter):
        step: float | None = None

        def set_locs(self, locs: Any) -> None:
            super().set_locs(locs)
            values = sorted({float(x) for x in locs})
            gaps = [b - a for a, b in itertools.pairwise(values) if b > a]
            self.step = min(gaps) if gaps else None

        def __call__(self, v: float, pos: Any = None) -> str:
            return money_tick(v, lang, scale, self.step)

    return MoneyFormatter()


def money_label(value: Decimal | float, lang: str) -> str:
    """An amount for a label on a chart: whole rubles up to 10 million, compact above ('1,15 млрд ₽')."""
    import math

    v = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if abs(v) < 10**7:
        return money_short(v.quantize(Decimal(1)), lang)
    rounded = float(f"{float(v):.4g}")  # 4 significant digits; 999 999 999 → 1 млрд, not 1 000 млн
    return money_tick(rounded, lang, "auto", step=10 ** (math.floor(math.log10(abs(rounded))) - 3))


def place_text(ax: Any, make: Callable[[Any], Any], options: Sequence[Any], avoid: Sequence[Any] = (),
               lines: Sequence[Any] = (), inside: Any = None, pad: float = 2.0) -> tuple[Any, Any]:
    """Add a label where it does not collide: ``make(option)`` adds a text artist for one candidate place;
    the first that stays ``inside`` (a display-coordinate Bbox; default: the axes) and overlaps neither
    the boxes in ``avoid`` nor the ``lines`` (arrays of display points) is kept. If none fits, the one
    that collides least is kept. Returns (artist, its box) — add the box to ``avoid`` for the next label.
    """
    from matplotlib.path import Path as MplPath
    from matplotlib.text import Text

    renderer = ax.figure.canvas.get_renderer()
    frame = inside if inside is not None else ax.get_window_extent(renderer)
    paths = [MplPath(pts) for pts in lines if len(pts) > 1]
    best: tuple[float, Any, Any] | None = None
    for option in options:
        artist = make(option)
        if hasattr(artist, "update_positions"):  # an annotation: place its text first
            artist.update_positions(renderer)
        box = Text.get_window_extent(artist, renderer).padded(pad)  # the text, not an annotation's leader
        score = _outside_area(box, frame) * 10
        score += sum(_overlap_area(box, b) * 10 for b in avoid)
        score += sum(400.0 for path in paths if path.intersects_bbox(box, filled=False))
        if score == 0:
            if best is not None:
                best[1].remove()
            return artist, box
        if best is None or score < best[0]:
            if best is not None:
                best[1].remove()
            best = (score, artist, box)
        else:
            artist.remove()
    if best is None:
        raise ValueError("no place to try")
    return best[1], best[2]


def _overlap_area(a: Any, b: Any) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _outside_area(box: Any, frame: Any) -> float:
    return box.width * box.height - _overlap_area(box, frame)


def percent_formatter(lang: str) -> Any:
    """A matplotlib tick formatter for a fraction shown as percent."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos=None: percent(Decimal(str(round(float(v), 4))), lang))


class Explain:
    """The folding "How is this computed?" panel; the HTML is built only while the panel is open."""

    def __init__(self, source: Callable[[str], str]) -> None:
        self.source = source
        self.html = W.HTML()
        self.html.add_class("pa-explain")
        self.panel = W.Accordion(children=[self.html], selected_index=None)
        self.panel.add_class("pa-how")
        self.lang = "ru"
        self.panel.observe(self._on_open, names="selected_index")

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.panel.set_title(0, tr(UI["how"], lang))
        self.update()

    @property
    def is_open(self) -> bool:
        return self.panel.selected_index == 0

    def update(self) -> None:
        """Rebuild the HTML if the panel is open (called after every new result)."""
        if self.is_open:
            try:
                self.html.value = self.source(self.lang)
            except Exception:
                log.exception("explanation failed")
                self.html.value = ""

    def _on_open(self, _change: Any) -> None:
        self.update()


def safe(method: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a callback of an :class:`App`: an exception never reaches the page; it shows a message."""

    @functools.wraps(method)
    def wrapper(self: App, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except calc.CalcError as e:
            error: calc.CalcError | None = e
        except Exception as e:
            log.exception("callback failed")
            self.failures.append(repr(e))
            error = None
        try:
            self.show_error(error)
        except Exception as e:  # never let anything reach the page
            log.exception("showing the error failed")
            self.failures.append(repr(e))
        return None

    return wrapper


def options_for(pairs: Iterable[tuple[Text | str, Any]], lang: str) -> list[tuple[str, Any]]:
    """Selection options (label, value) in the language."""
    return [(tr(label, lang), value) for label, value in pairs]


# ---------------------------------------------------------------- the app


class App:
    """Base of every calculator app.

    A subclass sets ``name``, ``title``, ``intro`` and implements:

    - ``build()`` — create the fields (``self.add_field``) and output widgets;
    - ``inputs()`` / ``outputs()`` — the widgets of the left and right columns;
    - ``compute()`` — read the widgets, call ``calc``, return a result (raise ``calc.CalcError`` on bad input);
    - ``render(result)`` — update figures (``self.show_figures``) and tables; ``render_chart(result)``;
    - ``params()`` — the URL parameters (:class:`Param`);
    - optionally ``relabel()`` — language-specific texts of its own widgets, ``rules(result)``.

    ``self.figures`` holds the raw values last shown (key → Decimal/str), for tests.
    """

    name: ClassVar[str] = "app"
    title: ClassVar[Text] = T("Калькулятор", "Calculator")
    intro: ClassVar[Text] = T("", "")
    error_fields: ClassVar[Mapping[str, str]] = {}
    """Engine field name (``CalcError.field``) → this app's field key, where they differ."""
    render_after_request: ClassVar[bool] = False
    """Render again once the visitor's request is known even without URL parameters (the page's own
    address matters, e.g. for links relative to it)."""

    def __init__(self, lang: str = "ru", params: Mapping[str, str] | None = None) -> None:
        self.lang = lang if lang in LANGS else "ru"
        self.fields: dict[str, Field] = {}
        self.result: Any = None
        self.figures: dict[str, Any] = {}
        self.failures: list[str] = []
        self.notices: list[Text] = []
        self.timing: dict[str, float] = {}
        self._hold = 0
        self._t0: float | None = None
        self._rendered_lang = ""
        self._touched: set[int] = set()
        self._good_scenario: dict[str, Any] | None = None
        self.lang_switch = W.ToggleButtons(options=LANG_NAMES, value=self.lang, style={"button_width": "auto"})
        self.lang_switch.add_class("in-lang")
        self.title_html = W.HTML()
        self.title_html.add_class("pa-title")
        self.intro_html = W.HTML()
        self.intro_html.add_class("pa-intro")
        self.notice = W.HTML()
        self.notice.add_class("pa-notice")
        self.general_error = W.HTML()
        self.general_error.add_class("field-error")
        self.general_error.add_class("field-general")
        self.cards = W.HTML()
        self.cards.add_class("pa-figures")
        self.explain = Explain(self._explain_html)
        self.footer = W.HTML()
        self.footer.add_class("pa-footer")
        self.share = W.HTML()
        self.share.add_class("pa-share-box")
        self.css = W.HTML(CSS)
        with self.hold():
            self.build()
        self.root = W.VBox(self.layout())
        self.root.add_class("payroll-app")
        self.root.add_class(f"app-{self.name}")
        self.lang_switch.observe(self._on_lang, names="value")
        with self.hold():
            self.apply_params(params or {})
        self._relabel_all()
        self.refresh()

    # ------------------------------------------------------------ to implement

    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def inputs(self) -> list[W.Widget]:  # pragma: no cover - abstract
        raise NotImplementedError

    def outputs(self) -> list[W.Widget]:
        return [self.general_error, self.cards]

    def compute(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self, result: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def render_chart(self, result: Any) -> None:
        """Redraw the chart(s); called after the figures are on the page."""

    def params(self) -> list[Param]:
        return []

    def relabel(self) -> None:
        """Language-specific texts of the subclass's own widgets."""

    def rules(self, result: Any) -> list[Dated | RuleNote]:
        return list(result.rules_used())

    def explain_source(self, result: Any, lang: str) -> str:
        return result.explain_html(lang)

    # ------------------------------------------------------------ layout

    def layout(self) -> list[W.Widget]:
        header = W.HBox([self.title_html, self.lang_switch],
                        layout=W.Layout(justify_content="space-between", align_items="flex-start"))
        left = W.VBox(self.inputs())
        left.add_class("pa-inputs")
        right = W.VBox(self.outputs())
        right.add_class("pa-outputs")
        body = W.HBox([left, right])
        body.add_class("pa-body")
        return [self.css, header, self.intro_html, self.notice, body, self.explain.panel, self.footer, self.share]

    # ------------------------------------------------------------ helpers for subclasses

    def add_field(self, key: str, widget: W.DOMWidget, label: Text, hint: Text | None = None,
                  watch: bool = True) -> Field:
        """Register an input; a change of its value recomputes (``watch``)."""
        f = Field(key, widget, label, hint)
        self.fields[key] = f
        if watch:
            widget.observe(self._on_change, names="value")
        return f

    def watch(self, *widgets: W.Widget) -> None:
        for w in widgets:
            w.observe(self._on_change, names="value")

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Change several widgets without recomputing after each change."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1

    def set_options(self, widget: W.Widget, options: list[tuple[str, Any]]) -> None:
        """Replace a selection widget's options (e.g. labels in another language), keeping its value."""
        value = widget.value
        with self.hold():
            widget.options = options
            if value in [v for _, v in options]:
                widget.value = value

    def show_figures(self, figures: Sequence[Figure]) -> None:
        """Render figure cards and remember their raw values."""
        self.figures.update({f.key: f.value for f in figures})
        self.cards.value = cards_html(figures, self.lang)

    def field_message(self, key: str) -> str:
        """The error text shown next to a field ('' if none); ``general`` for the message above the figures."""
        if key == "general":
            return html.unescape(self.general_error.value)
        return self.fields[key].message

    def messages(self) -> dict[str, str]:
        """Every error message shown now, by field key."""
        out = {k: f.message for k, f in self.fields.items() if f.message}
        if self.general_error.value:
            out["general"] = self.field_message("general")
        return out

    def prompts(self) -> dict[str, str]:
        """Every prompt shown now (a value still to give, not an error), by field key."""
        return {k: f.prompt for k, f in self.fields.items() if f.prompt}

    def touched(self, widget: W.Widget) -> bool:
        """True once the visitor has changed ``widget`` (URL values and the app's own changes do not count)."""
        return id(widget) in self._touched

    def _untouched_blank(self, field: Field) -> bool:
        if not hasattr(field.widget, "value"):  # a box of several inputs
            return False
        value = field.widget.value
        blank = value is None or (isinstance(value, str) and not value.strip())
        return blank and not self.touched(field.widget)

    # ------------------------------------------------------------ the cycle

    def _clear_errors(self) -> None:
        for f in self.fields.values():
            if f.error.value:
                f.set_error("")
        self.general_error.value = ""
        self.root.remove_class("pa-stale")
        self.root.remove_class("pa-chart-failed")

    def show_error(self, error: calc.CalcError | None) -> None:
        """Show an error next to its field (or above the figures) and mark the result as stale."""
        if error is None:
            self.general_error.value = esc(tr(UI["oops"], self.lang))
        else:
            key = self.error_fields.get(error.field or "", error.field or "")
            field = self.fields.get(key)
            if field is not None and field.box.layout.display != "none":
                if self._untouched_blank(field):  # not the visitor's mistake: ask for the value, in grey
                    field.set_prompt(error.message(self.lang))
                else:
                    field.set_error(error.message(self.lang))
                    self.general_error.value = esc(tr(UI["stale"], self.lang)) if self.result is not None else ""
            else:
                self.general_error.value = esc(error.message(self.lang))
        if self.result is not None:
            self.root.add_class("pa-stale")
            if self._rendered_lang != self.lang:
                self._render(self.result)
            self._show_share(stale=True)

    def refresh(self) -> None:
        """Recompute from the widgets and re-render; on bad input show the message, keep the last result."""
        if self._hold:
            return
        self._refresh()

    @safe
    def _refresh(self) -> None:
        self._t0 = time.perf_counter()
        self._clear_errors()
        result = self.compute()
        self.result = result
        self._good_scenario = self.scenario()
        self._render(result)

    def _render(self, result: Any) -> None:
        """Figures first (cards, tables, footer, link), then the explanation if open, then the charts.

        ``self.timing`` holds seconds since the refresh began: ``figures`` (figures on the page) and
        ``chart`` (charts redrawn too).
        """
        t0 = getattr(self, "_t0", None) or time.perf_counter()
        self.render(result)
        self.footer.value = rules_html(self.rules(result), self.lang)
        self._show_share()
        self.root.add_class("app-ready")
        self.timing["figures"] = time.perf_counter() - t0
        self.explain.update()
        try:
            self.render_chart(result)
        except Exception as e:  # a chart must never hide the figures, nor contradict them: dim it
            log.exception("chart failed")
            self.failures.append(repr(e))
            self.root.add_class("pa-chart-failed")
        self.timing["chart"] = time.perf_counter() - t0
        self._rendered_lang = self.lang
        self._t0 = None

    def shown_scenario(self) -> dict[str, Any]:
        """The inputs of the result on the page (the last one computed without error), as URL parameters."""
        good = self._good_scenario if self._good_scenario is not None else self.scenario()
        return {**good, "lang": self.lang}

    def _show_share(self, stale: bool = False) -> None:
        """The link to the scenario on the page: the last good inputs, never the faulty ones being typed."""
        markup = share_html(share_href(self.name, self.shown_scenario()), self.lang)
        if stale:
            markup += f'<div class="pa-share-note"><small>{esc(tr(UI["share_stale"], self.lang))}</small></div>'
        self.share.value = markup

    def _explain_html(self, lang: str) -> str:
        return self.explain_source(self.result, lang) if self.result is not None else ""

    def _on_change(self, change: Any) -> None:
        owner = change.get("owner") if isinstance(change, Mapping) else None
        if owner is not None and not self._hold:
            self._touched.add(id(owner))
        self.refresh()

    @safe
    def _on_lang(self, change: Any) -> None:
        self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Switch every text to ``lang`` and re-render."""
        if lang not in LANGS:
            return
        self.lang = lang
        if self.lang_switch.value != lang:
            with self.hold():
                self.lang_switch.value = lang
        self._relabel_all()
        self.refresh()

    def _relabel_all(self) -> None:
        lang = self.lang
        with self.hold():
            home = f'<a href="start.ipynb?lang={lang}">{esc(tr(UI["home"], lang))}</a>' if self.name != "start" else ""
            self.title_html.value = f"{home}<h2>{esc(tr(self.title, lang))}</h2>"
            self.css.value = CSS + xsrf_primer()
            self.intro_html.value = esc(tr(self.intro, lang))
            for f in self.fields.values():
                f.set_lang(lang)
            self.explain.set_lang(lang)
            self.relabel()
            self._show_notices()

    # ------------------------------------------------------------ URL parameters

    def scenario(self) -> dict[str, Any]:
        """The current inputs as URL parameters (for the link to the scenario)."""
        out: dict[str, Any] = {"lang": self.lang}
        for p in self.params():
            try:
                v = p.current()
            except Exception:
                log.exception("param %s", p.key)
                v = None
            if v is not None:
                out[p.key] = v
        return out

    def apply_params(self, params: Mapping[str, str]) -> None:
        """Fill the inputs from URL parameters; a bad value keeps the default and says so."""
        self.notices = []
        lang = params.get("lang")
        if lang is not None:
            if lang in LANGS:
                self.lang = lang
                self.lang_switch.value = lang
            else:
                self._bad_param("lang", lang, T("допустимо: ru, en.", "allowed: ru, en."), self.lang)
        by_key = {p.key: p for p in self.params()}
        for key, p in by_key.items():
            if key not in params:
                continue
            raw = params[key]
            try:
                p.apply(p.parse(raw))
            except ParamError as e:
                self._bad_param(key, raw, e.text, (p.kept or p.current)())
            except calc.CalcError as e:
                self._bad_param(key, raw, T(e.message("ru"), e.message("en")), (p.kept or p.current)())

    def _bad_param(self, key: str, raw: str, why: Text, kept: Any) -> None:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"

        def kept_text(lang: str) -> str:
            if kept is None:
                return "—"
            if isinstance(kept, str) and not kept.strip():
                return tr(UI["empty"], lang)
            return raw_value(kept)

        self.notices.append(
            {lang: tr(UI["param_bad"], lang).format(key=key, value=shown, why=tr(why, lang), kept=kept_text(lang))
             for lang in LANGS}
        )

    def _show_notices(self) -> None:
        self.notice.value = "<br>".join(esc(tr(n, self.lang)) for n in self.notices)

    def load(self, params: Mapping[str, str]) -> None:
        """Apply URL parameters to a built app and re-render (used after a preheated kernel's request)."""
        with self.hold():
            self.apply_params(params)
        self._relabel_all()
        self.refresh()


def run(app_class: type[App]) -> App:
    """Build the app, then read the visitor's URL parameters and show it (the notebooks call this).

    The app is built before waiting for the request, so a preheated kernel does the slow part early.
    """
    from IPython.display import HTML, display

    from payroll_server.watch import watch_html

    app = app_class("ru")
    params = read_params()
    if params or app.render_after_request:
        app.load(params)
    display(app.root)
    display(HTML(watch_html()))  # a message with a reload button if the kernel dies or the connection drops
    return app


def fit_slider(slider: W.IntSlider, new_max: int) -> None:
    """Set a days slider's maximum to a new month's norm; a slider at its maximum stays at the maximum."""
    was_full = slider.value == slider.max
    if new_max > slider.max:
        slider.max = new_max
        if was_full:
            slider.value = new_max
    else:
        slider.value = new_max if was_full else min(slider.value, new_max)
        slider.max = new_max


def years_between(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


def covered_years() -> list[int]:
    """The years the rule data covers (2011…2026)."""
    rb = calc.rulebook()
    return years_between(rb.covered_from.year, rb.covered_to.year)


def default_year() -> int:
    """The current year, or the last covered one."""
    return calc.rulebook().default_date().year


def month_options(lang: str) -> list[tuple[str, int]]:
    from calc.text import month_name

    return [(month_name(m, lang).capitalize(), m) for m in range(1, 13)]


def amount_text(value: Decimal) -> str:
    """An amount as the text a person would type: 45000 or 45000.5 (no grouping)."""
    return format(value.normalize(), "f")


def money_html(key: str, value: Decimal, lang: str) -> str:
    """An amount as a figure span (for tables)."""
    return figure_span(key, value, money(value, lang))
