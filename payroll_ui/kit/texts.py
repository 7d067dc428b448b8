"""Words every app shows (language switch, footer, share link, notices)."""

from __future__ import annotations

import logging

from calc.core.i18n import _
from calc.core.text import Text

log = logging.getLogger("payroll_ui")


log.addHandler(logging.NullHandler())


UI: dict[str, Text] = {
    "lang": _("Language"),
    "how": _("How is this computed?"),
    "valid_as_of": _("Rates valid as of"),
    "used": _("Used in this calculation"),
    "from": _("from"),
    "verify": _("This value could not be confirmed against a primary source — check it before relying on it."),
    "share": _("Link to this scenario"),
    "share_hint": _("Open or copy the link — it opens the same scenario."),
    "copy": _("Copy"),
    "copied": _("Copied"),
    "copy_prompt": _("Copy the link:"),
    "stale": _("Please correct the marked field. The last valid result is shown meanwhile."),
    "oops": _("These inputs could not be computed. Please try other values; the last valid result is shown."),
    "param_bad": _("The link parameter '{key}={value}' was not usable: {why} Kept: {kept}."),
    "home": _("← All calculators"),
    "share_stale": _(
        "Until the result is updated, the link opens the last valid result — the one shown on the page.",
    ),
    "empty": _("empty"),
    "example": _("Example from the article"),
    "example_tip": _("Load the worked example of the source article (every field is set to its values)."),
    "example_note": _(
        "The fields hold the worked example from {source}. Its values stay in every field until you change "
        "them; press \"Clear\" to start your own case.",
    ),
    "clear": _("Clear"),
    "clear_tip": _("Back to a neutral case of this month: no bonuses, allowances or other extras."),
    "print": _("Print / save as PDF"),
    "hint": _("Explanation"),
    "verify_label": _("To be checked"),
}


LANG_NAMES = (("Русский", "ru"), ("English", "en"), ("Tiếng Việt", "vi"))
"""The language switch's buttons (each app shows those of its ``App.langs``)."""

