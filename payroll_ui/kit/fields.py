"""Inputs and their parsing: URL parameters (untrusted), the Field widget, sliders, year and month lists."""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs

import ipywidgets as W
from ipywidgets.widgets.widget_string import HTMLStyle

import calc
from calc.core.i18n import _
from calc.core.numbers import read_number
from calc.core.text import Text, day, tr
from payroll_ui.kit.html import esc, percent_text, tip_html
from payroll_ui.kit.texts import UI, log

MAX_PARAM_CHARS = 200


"""URL values longer than this are refused (a link is typed or shared by people, not machines)."""


class ParamError(ValueError):
    """A URL value that cannot be used; ``.text`` says why in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(tr(text, "en"))
        self.text = text


def _clean(raw: str) -> str:
    if len(raw) > MAX_PARAM_CHARS:
        raise ParamError(_("the value is too long."))
    return raw.strip()


def parse_int(low: int, high: int) -> Callable[[str], int]:
    """A parser for a whole number within [low, high]."""

    def parse(raw: str) -> int:
        s = _clean(raw)
        if not s.lstrip("-").isdigit():
            raise ParamError(_("a whole number is needed."))
        v = int(s)
        if not low <= v <= high:
            raise ParamError(_("a number from {low} to {high} is needed.", low=low, high=high))
        return v

    return parse


def parse_decimal(low: Decimal | int = 0, high: Decimal | int = 10**9) -> Callable[[str], str]:
    """A parser for a decimal number within [low, high]; returns the text to put into a Text field."""

    def parse(raw: str) -> str:
        s = _clean(raw).replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise ParamError(_("a number is needed.")) from None
        if not d.is_finite() or not Decimal(low) <= d <= Decimal(high):
            raise ParamError(_("a number from {low} to {high} is needed.", low=low, high=high))
        return s

    parse.numeric = True  # type: ignore[attr-defined]  # the link carries the field's number, canonical
    return parse


def number_or_blank(text: Any, lang: str, field: str) -> Decimal | str:
    """``read_number``, except that an empty field stays '' (the engine then asks for the value)."""
    if text is None or not str(text).strip():
        return ""
    return read_number(text, lang, field)


def parse_choice(choices: Iterable[str]) -> Callable[[str], str]:
    """A parser for one of the given ids."""
    allowed = tuple(choices)

    def parse(raw: str) -> str:
        s = _clean(raw)
        if s not in allowed:
            raise ParamError(_("allowed: {allowed}.", allowed=', '.join(allowed)))
        return s

    return parse


def parse_date(low: date, high: date) -> Callable[[str], date]:
    """A parser for an ISO date (YYYY-MM-DD) within [low, high]."""

    def parse(raw: str) -> date:
        s = _clean(raw)
        try:
            d = date.fromisoformat(s)
        except ValueError:
            raise ParamError(_("a date like 2017-08-07 is needed.")) from None
        if not low <= d <= high:
            raise ParamError(
                _(
                    "a date from {low} to {high} is needed.",
                    low=lambda lang, low=low: day(low, lang),
                    high=lambda lang, high=high: day(high, lang),
                )
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
            raise ParamError(_("no such option."))
        widget.value = value

    return apply


def slider_setter(slider: W.IntSlider) -> Callable[[int], None]:
    """A :class:`Param` ``apply`` for a slider whose maximum depends on other inputs (days of a month)."""

    def apply(value: int) -> None:
        if not slider.min <= value <= slider.max:
            raise ParamError(_("a number from {min} to {max} is needed.", min=slider.min, max=slider.max))
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


def parse_percent(text: Any, field: str, what: Text, high: int = 100, lang: str = "ru") -> Decimal:
    """A percent field's text ('15', '15,5', '') as a fraction (0.15); empty means 0; read in ``lang``."""
    s = str(text or "").strip().replace("%", "")
    if not s:
        return Decimal(0)
    d = read_number(s, lang, field)
    if not 0 <= d <= high:  # said in percent, as typed, with the page's decimal separator
        raise calc.InputError(
            _(
                "Please enter {what} from 0 to {high} (you typed {got}).",
                what=what,
                high=lambda lang: percent_text(high, lang),
                got=lambda lang: percent_text(d, lang),
            ),
            field,
        )
    return d / 100


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
        hint = " " + tip_html("?", tr(self.hint, lang), "pa-hint", tr(UI["hint"], lang)) if self.hint else ""
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


def options_for(pairs: Iterable[tuple[Text | str, Any]], lang: str) -> list[tuple[str, Any]]:
    """Selection options (label, value) in the language."""
    return [(tr(label, lang), value) for label, value in pairs]


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
    from calc.core.text import month_name

    return [(month_name(m, lang).capitalize(), m) for m in range(1, 13)]

