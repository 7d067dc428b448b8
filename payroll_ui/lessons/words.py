"""The words of the lesson widgets that every lesson shows, whatever its country: the exercise box's buttons and
verdicts, the "try it" boxes' chrome. They are here, in one module, so that the Vietnamese catalogue takes them
(``calc.core.i18n.CATALOGUE_CODE``) without the Russian lessons' own texts."""

from __future__ import annotations

from typing import Any

from calc.core.i18n import Message, _, pgettext

OOPS = _("Something could not be computed. Please check the inputs and try again.")
ANSWER_LABEL = _("Answer:")
CHECK = _("Check")
HINT = _("Hint")
SHOW_SOLUTION = _("Show the solution")
EXERCISE = _("Exercise")
HINT_PREFIX = _("Hint: ")
SOLUTION = _("Solution")
FULL_EXPLANATION = _("The calculator's full explanation: every step and the law")
ANSWER = _("Answer")
HOW_COMPUTED = pgettext("payroll_ui.lessons.exercises", "How it is computed")
YEAR = _("Year")
MONTH = _("Month")
CLOSE_RUB = _(
    "Almost: a ruble or less off. Check the rounding — pay is computed to the kopeck (half a kopeck rounds "
    "up), income tax to the whole ruble.",
)
CLOSE_DAYS = _("Almost: check how the days are rounded.")
CLOSE_VND = _("Almost: a few đồng off. Check the rounding — amounts are in whole đồng (half a đồng rounds up).")


def right(answer: Any) -> Message:
    return _("Right: {answer}.", answer=answer)


def hint(text: Any) -> Message:
    return _("Hint: {hint}", hint=text)


def trap(message: Any, hint_text: Any) -> Message:
    return _("{message} {hint}", message=message, hint=hint_text)


def not_yet(hint_text: Any) -> Message:
    return _("Not yet. {hint}", hint=hint_text)


def field_error(what: Any, message: Any) -> Message:
    return _("{what}: {message}", what=what, message=message)
