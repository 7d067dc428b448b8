""""Try it" calculators of lessons 9–10: leave pay, sick pay, compensation for late pay.

They open on neutral values (none is an exercise's input or answer) and are registered in
:data:`payroll_ui.lessons.exercises.TRY_ITS` by :func:`register` (called at the end of that module;
the widget helpers are taken from it on use, so either module may be imported first).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets

import calc
from calc.core.errors import CalcError
from calc.core.i18n import _
from calc.core.text import T, day, money, num, percent, tr


def _x() -> Any:
    from payroll_ui.lessons import exercises

    return exercises


def _date(lang: str, label: Any, value: date) -> widgets.DatePicker:
    return widgets.DatePicker(value=value, description=tr(label, lang), style={"description_width": "10em"})


def _need(d: Any, what: Any) -> date:
    if not isinstance(d, date):
        raise CalcError(_("Please give the date: {what}.", what=lambda lang: what[lang]))
    return d


def try_leave(lang: str) -> Any:
    """Leave pay: the days (public holidays not counted, ТК ст. 120), the pay, the tax and the deadline."""
    x = _x()
    inputs = {
        "start": _date(lang, T("Первый день отпуска", "First day of leave"), date(2026, 2, 2)),
        "days": x._text(lang, T("Календарных дней", "Calendar days"), "14"),
        "average": x._text(lang, T("Средний дневной, ₽", "Average daily, ₽"), "1 200"),
    }

    def compute(v: dict[str, Any]) -> str:
        start = _need(v["start"], T("первый день отпуска", "the first day of leave"))
        days = x._parse(v["days"], lang, T("Дни отпуска", "Leave days"), "days")
        avg = x._money_value(v["average"], lang, T("Средний дневной заработок", "Average daily earnings"))
        r = calc.vacation_pay(start, int(days), average_daily=avg)
        rows = [(T("Последний день отпуска", "Last day of leave"), day(r.end, lang)),
                (T("Оплачиваемых дней", "Days paid"), str(r.days)),
                (T("Отпускные (начислено)", "Leave pay (gross)"), money(r.gross, lang)),
                (T("НДФЛ", "Income tax"), money(r.ndfl, lang)),
                (T("На руки", "Net"), money(r.net, lang)),
                (T("Выплатить не позднее", "To be paid no later than"), day(r.pay_by, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, T("Попробуйте: отпускные", "Try it: leave pay"))


def try_sick(lang: str) -> Any:
    """Sick pay: two years' earnings (capped), the insurance-record share, who pays which days."""
    x = _x()
    inputs = {
        "start": _date(lang, T("Первый день болезни", "First day of illness"), date(2026, 2, 2)),
        "days": x._text(lang, T("Дней болезни", "Days of illness"), "5"),
        "y1": x._text(lang, T("Заработок 2024, ₽", "Earnings 2024, ₽"), "500 000"),
        "y2": x._text(lang, T("Заработок 2025, ₽", "Earnings 2025, ₽"), "500 000"),
        "record": x._text(lang, T("Стаж, полных лет", "Record, full years"), "10"),
    }

    def compute(v: dict[str, Any]) -> str:
        start = _need(v["start"], T("первый день болезни", "the first day of illness"))
        days = x._parse(v["days"], lang, T("Дни болезни", "Days of illness"), "days")
        years = (start.year - 2, start.year - 1)
        earnings = {years[0]: x._money_value(v["y1"], lang, T("Заработок", "Earnings")),
                    years[1]: x._money_value(v["y2"], lang, T("Заработок", "Earnings"))}
        record = x._parse(v["record"], lang, T("Стаж", "Record"), "years")
        r = calc.sick_pay(start, int(days), earnings, record_years=int(record))
        rows = [(T("Средний дневной заработок", "Average daily earnings"), money(r.average_daily, lang)),
                (T("Доля по стажу", "Share by record"), percent(r.share, lang)),
                (T("Дневное пособие", "Daily benefit"), money(r.daily, lang)),
                (T("За счёт работодателя", "Paid by the employer"), money(r.employer_amount, lang)),
                (T("За счёт Социального фонда", "Paid by the Social Fund"), money(r.fund_amount, lang)),
                (T("Пособие (начислено)", "Benefit (gross)"), money(r.gross, lang)),
                (T("На руки", "Net"), money(r.net, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, T("Попробуйте: больничный", "Try it: sick pay"))


def try_late_pay(lang: str) -> Any:
    """Compensation for late pay (ТК ст. 236): one amount, its due day and the day it was paid."""
    x = _x()
    inputs = {
        "amount": x._text(lang, T("Сумма на руки, ₽", "Net amount, ₽"), "10 000"),
        "due": _date(lang, T("Срок выплаты", "Due on"), date(2025, 6, 15)),
        "paid": _date(lang, T("Выплачено", "Paid on"), date(2025, 7, 15)),
    }

    def compute(v: dict[str, Any]) -> str:
        due = _need(v["due"], T("срок выплаты", "the due date"))
        paid = _need(v["paid"], T("день выплаты", "the day paid"))
        amount = x._money_value(v["amount"], lang, T("Сумма", "Amount"))
        r = calc.late_pay_compensation([calc.Debt(amount, due)], [calc.Payment(paid, amount)])
        rows = [(T("Компенсация за задержку", "Compensation for the delay"), money(r.total, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, T("Попробуйте: компенсация за задержку", "Try it: late-pay compensation"))


def try_calendar(lang: str) -> Any:
    """A month of the production calendar: working days and the norm of hours for 40, 36 and 24-hour weeks."""
    x = _x()
    inputs = {"year": x._years(lang, 2026), "month": x._months(lang, 1)}

    def compute(v: dict[str, Any]) -> str:
        year, month = v["year"], v["month"]
        rows = [(T("Рабочих дней", "Working days"), str(calc.working_days(year, month)))]
        for week in (40, 36, 24):
            rows.append((T(f"Норма часов, {week}-часовая неделя", f"Norm of hours, {week}-hour week"),
                         num(calc.hours_norm(year, month, week), lang)))
        return x._summary(lang, rows)

    title = T("Попробуйте: производственный календарь", "Try it: the production calendar")
    return x.TryIt(lang, inputs, compute, title)


def try_deduction(lang: str) -> Any:
    """How much of a month's pay the employer may deduct on its own order (ТК ст. 137, 138 ч. 1)."""
    x = _x()
    inputs = {
        "pay": x._text(lang, T("Начислено за месяц, ₽", "Accrued for the month, ₽"), "40 000"),
        "wanted": x._text(lang, T("Хотят удержать, ₽", "To be deducted, ₽"), "10 000"),
        "on": _date(lang, T("День выплаты", "Pay day"), date(2026, 2, 5)),
    }

    def compute(v: dict[str, Any]) -> str:
        on = _need(v["on"], T("день выплаты", "the pay day"))
        pay = x._money_value(v["pay"], lang, T("Начислено", "Accrued"))
        wanted = x._money_value(v["wanted"], lang, T("Удержание", "Deduction"))
        r = calc.deductions(pay, [calc.Deduction("employer", amount=wanted)], on=on)
        rows = [(T("После НДФЛ", "After income tax"), money(r.base, lang)),
                (T("Можно удержать в этом месяце", "May be deducted this month"), money(r.total, lang)),
                (T("Переносится на следующие месяцы", "Carried to later months"), money(wanted - r.total, lang)),
                (T("Работник получит", "The worker receives"), money(r.received, lang))]
        return x._summary(lang, rows) + x._explain_block(r, lang)

    return x.TryIt(lang, inputs, compute, T("Попробуйте: предел удержаний", "Try it: the deduction limit"))


TRY_ITS: dict[str, Callable[[str], Any]] = {"leave": try_leave, "sick": try_sick, "late_pay": try_late_pay,
                                            "calendar": try_calendar, "deduction": try_deduction}


def register(registry: dict[str, Callable[[str], Any]]) -> None:
    """Add these calculators to the lessons' registry."""
    registry.update(TRY_ITS)
