""""Try it" calculators of the Vietnamese lessons vn01–vn05. They open on neutral values (none is an
exercise's input or answer) and are registered in :data:`payroll_ui.lessons.exercises.TRY_ITS` by :func:`register`."""

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


def _region(lang: str) -> Any:
    return widgets.Dropdown(options=[("I", "I"), ("II", "II"), ("III", "III"), ("IV", "IV")], value="I",
                            description=tr(V("Vùng", "Region"), lang))


def try_vn_employer(lang: str) -> Any:
    """What the employer pays on one salary: its insurance shares, the union fund, the total cost; and
    the monthly cost of a rise for a number of workers."""
    x = _x()
    inputs = {
        "gross": x._text(lang, V("Tiền lương, ₫", "Salary, ₫"), "10 000 000"),
        "rise": x._text(lang, V("Tăng thêm, ₫", "Rise, ₫"), "0"),
        "workers": widgets.BoundedIntText(value=1, min=1, max=100000,
                                          description=tr(V("Số người", "Workers"), lang)),
        "region": _region(lang),
        "year": x._years(lang, 2026),
        "month": x._months(lang, 1),
    }

    def compute(v: dict[str, Any]) -> str:
        gross = _amount(x, v["gross"], lang, V("Tiền lương", "Salary"))
        rise = _amount(x, v["rise"], lang, V("Tăng thêm", "Rise"))
        r = calc.vn.monthly(gross=gross, year=v["year"], month=v["month"], region=v["region"])
        after = calc.vn.monthly(gross=gross + rise, year=v["year"], month=v["month"], region=v["region"])
        extra = (after.total_cost - r.total_cost) * v["workers"]
        rows = [(V("Tiền lương", "Salary"), dong(r.gross, lang)),
                (V("BHXH, BHYT, BHTN phần người sử dụng lao động", "Employer's social, health, unemployment insurance"),
                 dong(r.employer_insurance, lang)),
                (V("Kinh phí công đoàn (2 %)", "Union fund (2%)"), dong(r.union_fund, lang)),
                (V("Tổng chi phí cho một người", "Total cost of one worker"), dong(r.total_cost, lang)),
                (V("Chi thêm mỗi tháng khi tăng lương, cho số người đã nhập",
                   "Extra cost a month of the rise, for the workers entered"), dong(extra, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, V("Tự tính thử: người sử dụng lao động trả bao nhiêu",
                                            "Try it: what the employer pays"))


def try_vn_overtime(lang: str) -> Any:
    """Overtime pay by the kind of day, day or night, and the regional minimum wage check."""
    x = _x()
    inputs = {
        "hourly": x._text(lang, V("Tiền lương giờ, ₫", "Hourly wage, ₫"), "30 000"),
        "hours": widgets.BoundedIntText(value=1, min=1, max=300, description=tr(V("Số giờ", "Hours"), lang)),
        "day": widgets.Dropdown(options=[(tr(V("Ngày thường", "Workday"), lang), "workday"),
                                         (tr(V("Ngày nghỉ hằng tuần", "Weekly rest day"), lang), "weekly_rest"),
                                         (tr(V("Ngày lễ, tết", "Public holiday"), lang), "holiday")],
                                value="workday", description=tr(V("Ngày", "Day"), lang)),
        "night": widgets.Checkbox(value=False, description=tr(V("Làm thêm vào ban đêm", "Overtime at night"), lang)),
        "salary": x._text(lang, V("Tiền lương tháng, ₫", "Monthly salary, ₫"), "6 000 000"),
        "region": _region(lang),
        "year": x._years(lang, 2026),
        "month": x._months(lang, 1),
    }

    def compute(v: dict[str, Any]) -> str:
        hourly = _amount(x, v["hourly"], lang, V("Tiền lương giờ", "Hourly wage"))
        salary = _amount(x, v["salary"], lang, V("Tiền lương tháng", "Monthly salary"))
        ot = calc.vn.overtime_pay(hourly, v["hours"], v["year"], v["month"], day=v["day"], night=v["night"])
        mw = calc.vn.minimum_wage(v["region"], v["year"], v["month"], salary=salary)
        ok = V("đạt", "reaches it") if mw.ok else V("THẤP HƠN mức tối thiểu", "BELOW the minimum")
        rows = [(V("Tiền lương làm thêm giờ tối thiểu", "Overtime pay at the least"), dong(ot.value, lang)),
                (V("Lương tối thiểu vùng (tháng)", "Regional minimum wage (month)"), dong(mw.monthly, lang)),
                (V("Tiền lương tháng đã nhập", "Monthly salary entered"), tr(ok, lang))]
        return x._summary(lang, rows) + x._explain_block(ot, lang)

    return x.TryIt(lang, inputs, compute, V("Tự tính thử: làm thêm giờ và lương tối thiểu vùng",
                                            "Try it: overtime and the regional minimum wage"))


def try_vn_reveal(lang: str) -> Any:
    """What a shared net pay reveals: the gross, the insurance and the tax behind it."""
    x = _x()
    inputs = {
        "net": x._text(lang, V("Lương thực nhận, ₫", "Net pay, ₫"), "10 000 000"),
        "region": _region(lang),
        "dependants": widgets.BoundedIntText(value=0, min=0, max=20,
                                             description=tr(V("Người phụ thuộc", "Dependants"), lang)),
        "year": x._years(lang, 2026),
        "month": x._months(lang, 1),
    }

    def compute(v: dict[str, Any]) -> str:
        net = _amount(x, v["net"], lang, V("Lương thực nhận", "Net pay"))
        r = calc.vn.monthly(net=net, year=v["year"], month=v["month"], region=v["region"],
                            dependants=v["dependants"])
        rows = [(V("Tổng thu nhập suy ra", "Gross pay it reveals"), dong(r.gross, lang)),
                (V("Bảo hiểm người lao động đóng", "Worker's insurance"), dong(r.employee_insurance, lang)),
                (V("Thuế TNCN", "Income tax"), dong(r.pit, lang)),
                (V("Chi phí của người sử dụng lao động", "The employer's cost"), dong(r.total_cost, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, V("Tự tính thử: một số thực nhận cho biết những gì",
                                            "Try it: what a net pay figure gives away"))


def register(registry: dict[str, Callable[[str], Any]]) -> None:
    """Add the Vietnamese lessons' try-its to ``registry``."""
    registry.update(
        {
            "vn_payslip": try_vn_payslip,
            "vn_pit": try_vn_pit,
            "vn_employer": try_vn_employer,
            "vn_overtime": try_vn_overtime,
            "vn_reveal": try_vn_reveal,
        }
    )
