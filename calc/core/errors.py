"""Typed errors with messages a non-programmer can read, in Russian and in English."""

from __future__ import annotations

from calc.core.i18n import Message


class CalcError(ValueError):
    """Base class: something about the request cannot be computed.

    ``InputError(_("Please enter the salary (a number)."), "salary")``: the message (a gettext
    :class:`~calc.core.i18n.Message`, English id) and the input at fault, for showing the message next
    to it. ``message(lang)`` gives the text in that language.
    """

    def __init__(self, text: Message, field: str | None = None) -> None:
        if isinstance(text, str):  # a text that is not a message of the code (a script's own): shown as given
            text = Message(text)
        super().__init__(str(text))
        self.text = text
        self.field = field

    def message(self, lang: str = "ru") -> str:
        return self.text.render(lang)

    @property
    def ru(self) -> str:
        return self.message("ru")

    @property
    def en(self) -> str:
        return self.message("en")


class InputError(CalcError):
    """An input is missing, of the wrong kind, or outside what is allowed."""


class UnknownScaleError(InputError):
    """A seniority scale id that is not in ``calc.SCALES``."""


class ScaleDefinitionError(InputError):
    """A custom seniority scale that is not well formed (overlapping steps, falling rates…)."""


class OutOfRangeError(InputError):
    """A date or year outside what the rule files cover."""


class RuleDataError(CalcError):
    """A rule file is malformed (a defect in the data, not in the user's input)."""
