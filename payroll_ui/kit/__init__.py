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
class ``in-<key>``. See ``docs/apps.md``."""

from payroll_ui.kit.app import (  # noqa: F401
    App,
    Example,
    Explain,
    KnownAmount,
    run,
    safe,
)
from payroll_ui.kit.charts import (  # noqa: F401
    _UNITS,
    Chart,
    _outside_area,
    _overlap_area,
    money_formatter,
    money_label,
    money_tick,
    nice_ceiling,
    percent_formatter,
    place_text,
)
from payroll_ui.kit.fields import (  # noqa: F401
    _SHARED,
    MAX_PARAM_CHARS,
    Field,
    Param,
    ParamError,
    _clean,
    choice_values,
    covered_years,
    default_year,
    fit_slider,
    month_options,
    number_or_blank,
    options_for,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_percent,
    read_number,
    read_params,
    setter,
    shared,
    slider_setter,
    years_between,
)
from payroll_ui.kit.html import (  # noqa: F401
    CSS,
    Figure,
    RuleNote,
    amount_text,
    cards_html,
    esc,
    figure_span,
    money_html,
    pct_text,
    percent_text,
    raw_value,
    rule_value,
    rules_html,
    table_html,
    verify_mark,
)
from payroll_ui.kit.share import (  # noqa: F401
    share_href,
    share_html,
    xsrf_primer,
)
from payroll_ui.kit.texts import (  # noqa: F401
    LANG_NAMES,
    UI,
    log,
)
