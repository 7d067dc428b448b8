"""Typed errors with messages a non-programmer can read, in Russian and in English."""

from __future__ import annotations

from typing import Any

from calc.core.i18n import Message


class CalcError(ValueError):
    """Base class: something about the request cannot be computed.

    ``InputError(_("Please enter the salary (a number)."), "salary")``: the message (a gettext
    :class:`~calc.core.i18n.Message`, English id) and the input at fault, for showing the message next
    to it. ``message(lang)`` gives the text in that language.
    """

    def __init__(self, text: Message, *args: Any, field: str | None = None) -> None:
        if isinstance(text, str):  # the former (ru, en[, field]) pair, until every caller is converted
            ru, en, *rest = text, *args
            text, args = Message(en, kwargs=()), tuple(rest)
            self._ru = ru
        else:
            self._ru = None
        if args:
            field = args[0]
        super().__init__(str(text))
        self.text = text
        self.field = field

    def message(self, lang: str = "ru") -> str:
        if self._ru is not None and lang == "ru":
            return self._ru
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
