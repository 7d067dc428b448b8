""""Try it" calculators of the Vietnamese lessons (vn01–vn02 here, vn03–vn05 in
:mod:`payroll_ui.lessons.vn_tryits35`). They open on neutral values (none is an exercise's input or answer)
and are registered in :data:`payroll_ui.lessons.exercises.TRY_ITS` by :func:`register`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

import calc.vn
from calc.core.text import dong, tr
from payroll_ui.lessons.vn_content import V


def _x() -> Any:
    from payroll_ui.lessons import exercises

    return exercises


def _amount(x: Any, text: str, lang: str, what: Any) -> Any:
    return x._parse(text, lang, what, "vnd")


def try_vn_payslip(lang: str) -> Any:
    """A month's payslip lines: gross, BHXH, BHYT, BHTN, PIT, union dues, net."""
    x = _x()
    inputs = {
        "gross": x._text(lang, V("Tổng thu nhập, ₫", "Gross pay, ₫"), "10 000 000"),
        "region": widgets.Dropdown(options=[("I", "I"), ("II", "II"), ("III", "III"), ("IV", "IV")], value="I",
                                   description=tr(V("Vùng", "Region"), lang)),
        "dependants": widgets.BoundedIntText(value=0, min=0, max=20,
                                             description=tr(V("Người phụ thuộc", "Dependants"), lang)),
        "member": widgets.Checkbox(value=False, description=tr(V("Đoàn viên công đoàn", "Union member"), lang)),
        "year": x._years(lang, 2026),
        "month": x._months(lang, 1),
    }

    def compute(v: dict[str, Any]) -> str:
        gross = _amount(x, v["gross"], lang, V("Tổng thu nhập", "Gross pay"))
        r = calc.vn.monthly(gross=gross, year=v["year"], month=v["month"], region=v["region"],
                            dependants=v["dependants"], member_of_union=v["member"])
        rows = [(V("Tổng thu nhập", "Gross pay"), dong(r.gross, lang)),
                (V("BHXH (8 %)", "Social insurance (8%)"), dong(r.employee["social"], lang)),
                (V("BHYT (1,5 %)", "Health insurance (1.5%)"), dong(r.employee["health"], lang)),
                (V("BHTN (1 %)", "Unemployment insurance (1%)"), dong(r.employee["unemployment"], lang)),
                (V("Thu nhập tính thuế", "Taxable income"), dong(r.taxable_income, lang)),
                (V("Thuế TNCN", "Income tax"), dong(r.pit, lang)),
                (V("Đoàn phí công đoàn", "Union dues"), dong(r.union_dues, lang)),
                (V("Thực nhận", "Net pay"), dong(r.net, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, V("Tự tính thử: các dòng của phiếu lương", "Try it: the payslip's lines"))


def try_vn_pit(lang: str) -> Any:
    """The monthly tax on one gross pay under the 2025 and the 2026 rules side by side."""
    x = _x()
    inputs = {
        "gross": x._text(lang, V("Tổng thu nhập, ₫", "Gross pay, ₫"), "25 000 000"),
        "dependants": widgets.BoundedIntText(value=0, min=0, max=20,
                                             description=tr(V("Người phụ thuộc", "Dependants"), lang)),
    }

    def compute(v: dict[str, Any]) -> str:
        gross = _amount(x, v["gross"], lang, V("Tổng thu nhập", "Gross pay"))
        old = calc.vn.monthly(gross=gross, year=2025, month=12, dependants=v["dependants"])
        new = calc.vn.monthly(gross=gross, year=2026, month=1, dependants=v["dependants"])
        rows = [(V("Thu nhập tính thuế, quy định 2025", "Taxable income, 2025 rules"), dong(old.taxable_income, lang)),
                (V("Thuế TNCN tháng, biểu 7 bậc (2025)", "Monthly tax, seven brackets (2025)"), dong(old.pit, lang)),
                (V("Thu nhập tính thuế, quy định 2026", "Taxable income, 2026 rules"), dong(new.taxable_income, lang)),
                (V("Thuế TNCN tháng, biểu 5 bậc (2026)", "Monthly tax, five brackets (2026)"), dong(new.pit, lang)),
                (V("Chênh lệch mỗi tháng", "Difference a month"), dong(old.pit - new.pit, lang))]
        return x._summary(lang, rows) + x._explain_block(new, lang)

    return x.TryIt(lang, inputs, compute, V("Tự tính thử: thuế TNCN 2025 và 2026", "Try it: income tax 2025 and 2026"))


def register(registry: dict[str, Callable[[str], Any]]) -> None:
    from payroll_ui.lessons import vn_tryits35

    registry.update({"vn_payslip": try_vn_payslip, "vn_pit": try_vn_pit})
    vn_tryits35.register(registry)
