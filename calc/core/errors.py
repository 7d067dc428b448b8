"""Typed errors with messages a non-programmer can read, in Russian and in English."""

from __future__ import annotations


class CalcError(ValueError):
    """Base class: something about the request cannot be computed.

    ``message(lang)`` gives the text in Russian (``"ru"``) or English (``"en"``);
    ``field`` names the input at fault (for showing the message next to it).
    """

    def __init__(self, ru: str, en: str, field: str | None = None) -> None:
        super().__init__(en)
        self.ru = ru
        self.en = en
        self.field = field

    def message(self, lang: str = "ru") -> str:
        return self.ru if lang == "ru" else self.en


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
