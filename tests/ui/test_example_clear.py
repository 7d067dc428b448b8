"""The App base's worked example and "Clear" (issue 12): an example is a visible choice, never leaks
into the visitor's own case; Clear puts every input back, shown or hidden."""

from __future__ import annotations

import ipywidgets as W

from calc.core.i18n import _
from calc.core.text import tr
from payroll_ui.kit import App, Example, Param, parse_decimal, setter


class _Toy(App):
    name = "toy"
    example = Example({"amount": "8300", "extra": "150"}, _("the source article"))

    def build(self) -> None:
        self.w_amount = W.Text(value="100000")
        self.w_extra = W.Text(value="")
        self.add_field("amount", self.w_amount, _("Amount, ₽"))
        self.add_field("extra", self.w_extra, _("Amount, ₽"))

    def inputs(self) -> list[W.Widget]:
        return [f.box for f in self.fields.values()]

    def compute(self) -> int:
        return int(self.w_amount.value) + int(self.w_extra.value or 0)

    def render(self, result: int) -> None:
        self.figures["sum"] = result

    def params(self) -> list[Param]:
        return [Param("amount", parse_decimal(0, 10**9), setter(self.w_amount), lambda: self.w_amount.value),
                Param("extra", parse_decimal(0, 10**9), setter(self.w_extra), lambda: self.w_extra.value or None)]


def test_example_loads_with_its_source_and_clear_resets_every_field() -> None:
    app = _Toy("en")
    assert app.figures["sum"] == 100000 and app.example_note.value == ""
    app.fields["extra"].show(False)
    app.load_example()
    assert app.figures["sum"] == 8450
    assert "the source article" in app.example_note.value
    app.w_amount.value = "50000"          # the visitor types their own salary: the example's extra is still shown
    assert app.figures["sum"] == 50150 and app.example_note.value
    app.clear()                           # a hidden field is reset too
    assert app.figures["sum"] == 100000 and app.w_extra.value == "" and app.example_note.value == ""


def test_buttons_are_labelled_in_the_page_language() -> None:
    app = _Toy("ru")
    assert app.example_button.description == "Пример из статьи"
    assert app.clear_button.description == "Очистить"
    assert tr(_("Print / save as PDF"), "ru") in app.print_button.value
    app.set_lang("en")
    assert app.clear_button.description == "Clear" and "window.print()" in app.print_button.value


def test_no_example_no_example_button() -> None:
    class _Plain(_Toy):
        example = None

    app = _Plain("en")
    assert app.example_button not in app.tools.children and app.clear_button in app.tools.children
