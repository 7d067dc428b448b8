"""The App base class: language switch, fields, the safe refresh cycle, explanation panel, footer."""

from __future__ import annotations

import functools
import html
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

import ipywidgets as W

import calc
from calc.core.i18n import _
from calc.core.rules import Dated
from calc.core.text import T, Text, tr
from payroll_ui.kit.fields import Field, Param, ParamError, number_or_blank, read_number, read_params
from payroll_ui.kit.html import (
    CSS,
    Figure,
    RuleNote,
    amount_text,
    cards_html,
    esc,
    keys_primer,
    raw_value,
    rules_html,
)
from payroll_ui.kit.share import share_href, share_html, xsrf_primer
from payroll_ui.kit.texts import LANG_NAMES, UI, log


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


PRINT_JS = (
    "var r=this.closest('.payroll-app');"
    "r.querySelectorAll('a.pa-share-link').forEach(function(a){var u=a.parentNode.querySelector('.pa-share-url');"
    "if(u){u.textContent=a.href;}});"
    "var h=r.querySelector('.pa-how .jupyter-widget-Collapse-header');"
    "if(h&&!h.parentNode.classList.contains('jupyter-widget-Collapse-open')){h.click();"
    "setTimeout(function(){window.print();},1500);}"
    "else{window.print();}"
)
"""The print button: the link to the scenario as full text, the explanation opened, then the print dialog."""


@dataclass(frozen=True)
class Example:
    """A worked example an app can load on request: ``values`` are URL parameters (as a link to the
    scenario carries them, e.g. ``{"date": "2017-08-07", "salary": "8300"}``); ``source`` names where it
    comes from (shown on the page while the example is loaded)."""

    values: Mapping[str, str]
    source: Text
    button: Text | None = None
    """The button's words if not "Example from the article" (an example that is not from an article)."""


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


class App:
    """Base of every calculator app.

    A subclass sets ``name``, ``title``, ``intro`` and implements:

    - ``build()`` — create the fields (``self.add_field``) and output widgets;
    - ``inputs()`` / ``outputs()`` — the widgets of the left and right columns;
    - ``compute()`` — read the widgets, call ``calc``, return a result (raise ``calc.CalcError`` on bad input);
    - ``render(result)`` — update figures (``self.show_figures``) and tables; ``render_chart(result)``;
    - ``params()`` — the URL parameters (:class:`Param`);
    - optionally ``relabel()`` — language-specific texts of its own widgets, ``rules(result)``.

    The neutral case and the worked example (every app):

    - ``build()`` creates the fields holding a neutral, current case: today's month
      (``calc.rulebook().default_date()``), a plausible current salary, no bonus, allowance or other
      extra. Never a worked example's figures. The base remembers these values (``reset_inputs``).
    - ``example`` (optional): an :class:`Example` — URL parameters plus the source. The base then shows
      the button "Example from the article" (``.pa-example-btn``) and the banner naming the source while it
      is loaded (``.pa-example-note``); "Clear" (``.pa-clear-btn``) is always there and returns to the
      neutral case — every input, shown or hidden. ``load_example()`` = ``clear()`` and then the example's
      parameters (so nothing of a previous case stays); ``clear()`` = ``reset_inputs()`` and recompute.
    - ``reset_inputs()`` restores the value of every field widget (and every widget given to
      ``watch()``, and their children) saved after ``build()``; override it (calling ``super()``) only
      for inputs created later (rows of a table).
    - Every app also gets "Print / save as PDF" (``.pa-print``: the browser's print dialog; the print CSS
      lays the page out in one column on A4 portrait, opens the explanation, shows the link as text).

    ``self.figures`` holds the raw values last shown (key → Decimal/str), for tests.
    """

    name: ClassVar[str] = "app"
    title: ClassVar[Text] = _("Calculator")
    intro: ClassVar[Text] = ""
    error_fields: ClassVar[Mapping[str, str]] = {}
    """Engine field name (``CalcError.field``) → this app's field key, where they differ."""
    example: ClassVar[Example | None] = None
    """The worked example the button "Example from the article" loads (None: no such button)."""
    langs: ClassVar[tuple[str, ...]] = ("ru", "en")
    """The languages the app speaks (the switch's buttons, ``?lang=``); the first is the default."""
    country: ClassVar[str] = "ru"
    """Whose rules the app applies (``calc.core.rules.rulebook(country)``: the footer's "valid as of")."""
    render_after_request: ClassVar[bool] = False
    """Render again once the visitor's request is known even without URL parameters (the page's own
    address matters, e.g. for links relative to it)."""

    def __init__(self, lang: str | None = None, params: Mapping[str, str] | None = None) -> None:
        self.lang = lang if lang in self.langs else self.langs[0]
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
        self.lang_switch = W.ToggleButtons(options=self.lang_names(), value=self.lang, style={"button_width": "auto"})
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
        self.example_shown = False
        self._watched: list[W.Widget] = []
        self._build_tools()
        with self.hold():
            self.build()
        self._neutral = self._snapshot()
        self.root = W.VBox(self.layout())
        self.root.add_class("payroll-app")
        self.root.add_class(f"app-{self.name}")
        self.lang_switch.observe(self._on_lang, names="value")
        with self.hold():
            self.apply_params(params or {})
        self._relabel_all()
        self.refresh()

    @classmethod
    def lang_names(cls) -> list[tuple[str, str]]:
        """The language switch's buttons: the app's languages, each named in itself."""
        return [(name, code) for name, code in LANG_NAMES if code in cls.langs]

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
        return [self.css, header, self.intro_html, self.tools, self.example_note, self.notice, body,
                self.explain.panel, self.footer, self.share]

    # ------------------------------------------------------------ example, clear, print

    def _build_tools(self) -> None:
        self.example_button = W.Button()
        self.example_button.add_class("pa-example-btn")
        self.example_button.on_click(lambda _b: self.load_example())
        self.clear_button = W.Button()
        self.clear_button.add_class("pa-clear-btn")
        self.clear_button.on_click(lambda _b: self.clear())
        self.print_button = W.HTML()
        self.print_button.add_class("pa-print-box")
        buttons = [self.example_button, self.clear_button] if self.example is not None else [self.clear_button]
        self.tools = W.HBox([*buttons, self.print_button])
        self.tools.add_class("pa-tools")
        self.example_note = W.HTML()
        self.example_note.add_class("pa-example-note")

    def _relabel_tools(self) -> None:
        lang = self.lang
        custom = self.example.button if self.example is not None else None
        self.example_button.description = tr(custom or UI["example"], lang)
        self.example_button.tooltip = tr(UI["example_tip"], lang)
        self.clear_button.description = tr(UI["clear"], lang)
        self.clear_button.tooltip = tr(UI["clear_tip"], lang)
        self.print_button.value = (
            f'<button type="button" class="pa-print" onclick="{esc(PRINT_JS)}">{esc(tr(UI["print"], lang))}</button>'
        )
        self._show_example_note()

    def _show_example_note(self) -> None:
        if self.example_shown and self.example is not None:
            text = tr(UI["example_note"], self.lang).format(source=tr(self.example.source, self.lang))
            self.example_note.value = f'<div class="pa-example">{esc(text)}</div>'
        else:
            self.example_note.value = ""

    def _value_widgets(self) -> list[W.Widget]:
        """Every input widget with a value: the fields' widgets, the watched ones and their children."""
        out: list[W.Widget] = []
        stack = [f.widget for f in self.fields.values()] + list(self._watched)
        while stack:
            w = stack.pop(0)
            if any(w is o for o in out):
                continue
            if hasattr(w, "value") and not isinstance(w, W.HTML | W.Label | W.Button):
                out.append(w)
            stack.extend(getattr(w, "children", ()))
        return out

    def _snapshot(self) -> list[tuple[W.Widget, Any]]:
        return [(w, w.value) for w in self._value_widgets()]

    def reset_inputs(self) -> None:
        """Put every input back to the neutral case built by ``build()`` (shown or hidden)."""
        for w, value in self._neutral:
            try:
                w.value = value
            except Exception:  # an option that no longer exists: leave the widget as it is
                log.exception("reset of %s", type(w).__name__)

    def clear(self) -> None:
        """Back to the neutral current case: every input, also those hidden now; no example banner."""
        self.example_shown = False
        with self.hold():
            self.reset_inputs()
        self._touched.clear()
        self.notices = []
        self._relabel_all()
        self.refresh()

    def load_example(self) -> None:
        """Clear, then load the worked example (``self.example``) and name its source on the page."""
        if self.example is None:
            return
        self.example_shown = False
        with self.hold():
            self.reset_inputs()
            self.apply_params({**self.example.values, "lang": self.lang})
        self._touched.clear()
        self.example_shown = True
        self._relabel_all()
        self.refresh()

    # ------------------------------------------------------------ helpers for subclasses

    def add_field(self, key: str, widget: W.DOMWidget, label: Text, hint: Text | None = None,
                  watch: bool = True) -> Field:
        """Register an input; a change of its value recomputes (``watch``)."""
        f = Field(key, widget, label, hint)
        self.fields[key] = f
        if watch:
            widget.observe(self._on_change, names="value")
        return f

    def number(self, widget: W.Widget, field: str) -> Decimal | str:
        """The number typed into ``widget`` read in the page's language (``read_number``; '' stays '')."""
        return number_or_blank(widget.value, self.lang, field)

    def watch(self, *widgets: W.Widget) -> None:
        for w in widgets:
            self._watched.append(w)
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
        self.footer.value = rules_html(self.rules(result), self.lang, self.country)
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
        if lang not in self.langs:
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
            country = f"&amp;country={self.country}" if self.country != "ru" else ""
            home = (f'<a href="start.ipynb?lang={lang}{country}">{esc(tr(UI["home"], lang))}</a>'
                    if self.name != "start" else "")
            self.title_html.value = f"{home}<h2>{esc(tr(self.title, lang))}</h2>"
            self.css.value = CSS + xsrf_primer() + keys_primer()
            self.intro_html.value = esc(tr(self.intro, lang))
            for f in self.fields.values():
                f.set_lang(lang)
            self.explain.set_lang(lang)
            self._relabel_tools()
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
                out[p.key] = self._canonical(p, v)
        return out

    def _canonical(self, p: Param, value: Any) -> Any:
        """A number field's text as the link carries it ("120,000" on the English page → 120000)."""
        if isinstance(value, str) and value.strip() and getattr(p.parse, "numeric", False):
            try:
                return format(read_number(value, self.lang, p.key), "f")
            except calc.CalcError:
                return value
        return value

    def apply_params(self, params: Mapping[str, str]) -> None:
        """Fill the inputs from URL parameters; a bad value keeps the default and says so."""
        self.notices = []
        lang = params.get("lang")
        if lang is not None:
            if lang in self.langs:
                self.lang = lang
                self.lang_switch.value = lang
            else:
                self._bad_param("lang", lang, _("allowed: {allowed}.", allowed=", ".join(self.langs)), self.lang)
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
             for lang in self.langs}
        )

    def _show_notices(self) -> None:
        self.notice.value = "<br>".join(esc(tr(n, self.lang)) for n in self.notices)

    def load(self, params: Mapping[str, str]) -> None:
        """Apply URL parameters to a built app and re-render (used after a preheated kernel's request).

        Parameters that change nothing (``?lang=ru`` on the Russian page a preheated kernel has built) leave the
        render as it is: that page reaches the visitor without being computed again.
        """
        before = self._state()
        with self.hold():
            self.apply_params(params)
        if not self.render_after_request and not self.notices and self.result is not None and self._state() == before:
            return
        self._relabel_all()
        self.refresh()

    def _state(self) -> tuple[str, list[Any]]:
        """The page's language and every input's value (what ``load`` compares)."""
        return self.lang, [value for _w, value in self._snapshot()]


def run(app_class: type[App]) -> App:
    """Build the app, then read the visitor's URL parameters and show it (the notebooks call this).

    The app is built before waiting for the request, so a preheated kernel does the slow part early.
    """
    from IPython.display import display

    app = app_class()
    params = read_params()
    if params or app.render_after_request:
        app.load(params)
    display(app.root)  # the server adds the page's watch on its kernel (payroll_server.watch)
    return app


class KnownAmount:
    """For an :class:`App` where one of gross pay, net pay or total cost is given (``w_which``: "gross", "net" or
    "total") and typed into ``w_amount``; the field's label follows the choice (``amount_labels``)."""

    amount_labels: ClassVar[Mapping[str, Text]]

    def label_amount(self) -> None:
        f = self.fields["amount"]  # type: ignore[attr-defined]
        f.label = self.amount_labels[self.w_which.value]  # type: ignore[attr-defined]
        f.set_lang(self.lang)  # type: ignore[attr-defined]

    @safe
    def _on_which(self, change: Any) -> None:
        """Switching the known amount keeps the scenario: the field takes the current value of that amount."""
        r = self.result  # type: ignore[attr-defined]
        if r is not None:
            value = {"gross": r.gross, "net": r.net, "total": r.total_cost}[change["new"]]
            with self.hold():  # type: ignore[attr-defined]
                self.w_amount.value = amount_text(value)  # type: ignore[attr-defined]
        self.label_amount()
        self.refresh()  # type: ignore[attr-defined]
