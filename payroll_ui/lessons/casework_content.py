"""Exercises and worked data of lessons 9–12 (casework): leave and sick pay, late pay and remedies,
digital skills, a real payslip with mistakes. Pure: no widgets, no Jupyter.

The exercises use the machinery of :mod:`payroll_ui.lessons.content` (``Exercise``, ``Call``,
``Solution``, ``Trap``); they are registered there by :func:`exercises` (imported lazily, so this
module can be imported first or second). Every answer is computed by ``calc`` each time; the texts
are bilingual here, side by side, like the lesson sources (``T(ru, en)``).

The inputs of the exercises are new: none is the worked example's. The payslip of lesson 12 is
"printed" by :func:`printed_payslip` — the employer's mistaken computation, written out as a wrong
method (a 22-day norm, the district coefficient on the salary only, the income tax to the kopeck,
a deduction over the 20 % limit of Labour Code art. 138) — so its lines always add up and its
errors stay errors when the law's figures move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import calc
from calc.core.text import T, Text, money, month_name, num, tr

D = Decimal
KOP = D("0.01")


def _m() -> Any:
    """The exercise machinery (imported on use: content imports this module at its end)."""
    from payroll_ui.lessons import content

    return content


def _rub(value: Decimal, lang: str) -> str:
    return money(value, lang)


# ---------------------------------------------------------------- lesson 9: leave pay, sick pay

EX9_SICK_EARNINGS = {2024: 480000, 2025: 560000}
EX9_RICH_EARNINGS = {2023: 2900000, 2024: 3100000}


def calendar_days_pay(start: date, end: date, average_daily: Any) -> Decimal:
    """The mistake of paying every calendar day of a leave, public holidays included (ТК ст. 120 ч. 1)."""
    return ((end - start).days + 1) * D(str(average_daily))


def uncapped_daily(earnings: dict[int, Any], share: Any) -> Decimal:
    """The mistake of ignoring the contribution caps (255-ФЗ ст. 14 ч. 3.2): earnings / 730 × share."""
    avg = (sum(D(v) for v in earnings.values()) / 730).quantize(KOP, ROUND_HALF_UP)
    return (avg * D(str(share))).quantize(KOP, ROUND_HALF_UP)


# ---------------------------------------------------------------- lesson 10: late pay and remedies


def share_of_gross(pay: Any, share: Any) -> Decimal:
    """The mistake of taking the art. 138 limit from the accrued pay instead of the pay after НДФЛ."""
    return (D(pay) * D(str(share))).quantize(KOP, ROUND_HALF_UP)


def deduction_solution(pay: Any, wanted: Any, on: date, ndfl: Any = None) -> Any:
    """The most the employer may deduct by its own order this month (ТК ст. 138 ч. 1: 20 % after НДФЛ)."""
    r = calc.deductions(pay, [calc.Deduction("employer", amount=wanted)], on=on, ndfl=ndfl)

    def brief(lang: str) -> str:
        return tr(T(
            f"после НДФЛ = {_rub(r.pay, lang)} − {_rub(r.ndfl, lang)} = {_rub(r.net_before, lang)}; предел ст. 138 — "
            f"20 % = {_rub(r.total, lang)}; остаток {_rub(D(wanted) - r.total, lang)} — в следующие месяцы",
            f"after income tax = {_rub(r.pay, lang)} − {_rub(r.ndfl, lang)} = {_rub(r.net_before, lang)}; the art. "
            f"138 limit — 20% = {_rub(r.total, lang)}; the remaining {_rub(D(wanted) - r.total, lang)} in later months",
        ), lang)

    return _m().Solution(r.total, r.explain, brief)


# ---------------------------------------------------------------- lesson 11: digital skills


def working_days_solution(year: int, month: int) -> Any:
    """Working days of a month by the production calendar (ТК ст. 112, the government's transfer decree)."""
    days = calc.month_days(year, month)
    work = calc.working_days(year, month)
    off = len(days) - work

    def explain(lang: str) -> str:
        m = month_name(month, lang, year)
        return tr(T(
            f"{m}: календарных дней — {len(days)}, из них выходных и нерабочих праздничных — {off}, рабочих — {work} "
            "(производственный календарь: ТК РФ ст. 112 и постановление Правительства РФ о переносе выходных дней).",
            f"{m}: {len(days)} calendar days, {off} of them weekends and public holidays; {work} working days "
            "(the production calendar: Labour Code art. 112 and the government's decree moving days off).",
        ), lang)

    return _m().Solution(D(work), explain, explain)


def hours_norm_solution(year: int, month: int, week_hours: int) -> Any:
    """The month's norm of working hours for a ``week_hours``-hour week (ТК ст. 91; приказ № 588н)."""
    hours = calc.hours_norm(year, month, week_hours)
    work = calc.working_days(year, month)

    def explain(lang: str) -> str:
        m = month_name(month, lang, year)
        return tr(T(
            f"{m}: рабочих дней — {work}; норма часов при {week_hours}-часовой неделе = {week_hours} / 5 часов × "
            f"рабочие дни − 1 час за каждый предпраздничный день = {num(hours, 'ru')} ч (ТК РФ ст. 91, 95; "
            "порядок исчисления нормы — приказ Минздравсоцразвития № 588н).",
            f"{m}: {work} working days; the norm for a {week_hours}-hour week = {week_hours} / 5 hours × working "
            f"days − 1 hour for each day before a public holiday = {num(hours, 'en')} h (Labour Code art. 91 and "
            "95; the method: Order 588n of the Ministry of Health and Social Development).",
        ), lang)

    return _m().Solution(D(hours), explain, explain)


# ---------------------------------------------------------------- lesson 12: a payslip with mistakes


@dataclass(frozen=True)
class SlipCase:
    """The inputs of lesson 12's payslip (what the contract and the time sheet say)."""

    year: int = 2025
    month: int = 11
    salary: int = 46000
    days: int = 15
    long_service: str = "0.15"
    bonus: str = "0.20"
    district: str = "1.15"
    advance: str = "23000"
    deduction: str = "12000"  # the uniform, by the employer's order (ТК ст. 137, 248)
    wrong_norm: int = 22


SLIP = SlipCase()


def slip_allowances() -> list[calc.Allowance]:
    return [calc.Allowance("Надбавка за выслугу лет", "Long-service allowance", percent=SLIP.long_service)]


def slip_lines() -> calc.PayLines:
    """The accrual lines due under the law and the contract (calc.pay_lines)."""
    return calc.pay_lines(SLIP.salary, SLIP.year, SLIP.month, days_worked=SLIP.days, allowances=slip_allowances(),
                          bonus_percent=SLIP.bonus, district_coef=SLIP.district)


def slip_due() -> calc.Payslip:
    """The whole payslip due (calc.payslip; the same pay in every earlier month of the year)."""
    return calc.payslip(SLIP.salary, SLIP.year, SLIP.month, days_worked=SLIP.days, allowances=slip_allowances(),
                        bonus_percent=SLIP.bonus, district_coef=SLIP.district)


def _k(x: Decimal) -> Decimal:
    return x.quantize(KOP, ROUND_HALF_UP)


def printed_payslip() -> dict[str, Decimal]:
    """The payslip as the employer printed it: the planted mistakes, computed as a wrong method.

    1. salary ÷ 22 days × days worked (instead of the month's norm in the production calendar);
    2. the district coefficient on the salary line only (not on the allowance and the bonus);
    3. the income tax 13 % to the kopeck (not to the whole ruble, НК ст. 52 п. 6);
    4. the whole 12,000 ₽ for the uniform deducted at once (over 20 % of the pay, ТК ст. 138).
    """
    salary_pay = _k(D(SLIP.salary) / SLIP.wrong_norm * SLIP.days)
    long_service = _k(salary_pay * D(SLIP.long_service))
    bonus = _k(salary_pay * D(SLIP.bonus))
    district = _k(salary_pay * (D(SLIP.district) - 1))
    gross = salary_pay + long_service + bonus + district
    ndfl = _k(gross * D("0.13"))
    advance, deduction = D(SLIP.advance), D(SLIP.deduction)
    return {"salary_pay": salary_pay, "long_service": long_service, "bonus": bonus, "district": district,
            "gross": gross, "ndfl": ndfl, "advance": advance, "deductions": deduction,
            "paid": gross - ndfl - advance - deduction}


def printed(key: str) -> Decimal:
    return printed_payslip()[key]


SLIP_ROWS: tuple[tuple[str, str, Text], ...] = (
    ("acc", "salary_pay", T("Оклад (отработано 15 дн.)", "Basic salary (15 days worked)")),
    ("acc", "long_service", T("Надбавка за выслугу лет 15 %", "Long-service allowance 15%")),
    ("acc", "bonus", T("Премия 20 %", "Bonus 20%")),
    ("acc", "district", T("Районный коэффициент 1,15", "Regional coefficient 1.15")),
    ("acc", "gross", T("Всего начислено", "Total accrued")),
    ("wh", "ndfl", T("НДФЛ", "Income tax (NDFL)")),
    ("wh", "advance", T("Аванс (выплачен 20.11)", "Advance (paid on 20.11)")),
    ("wh", "deductions", T("Удержание за спецодежду (приказ № 14)", "Deduction for the uniform (order No. 14)")),
    ("paid", "paid", T("К выплате", "To be paid")),
)
SECTIONS: dict[str, Text] = {
    "acc": T("Начислено", "Accrued"),
    "wh": T("Удержано и выплачено", "Withheld and paid"),
    "paid": T("К выплате", "To be paid"),
}


def printed_rows(lang: str) -> list[list[Any]]:
    """The printed payslip as table rows (section, line, amount) — no employer contributions, as on a real one."""
    p = printed_payslip()
    return [[tr(SECTIONS[sec], lang), tr(label, lang), p[key]] for sec, key, label in SLIP_ROWS]


def accrual_gap() -> Any:
    """What the accrual lines of the printed payslip owe the worker in all: due − printed, line by line."""
    due = slip_lines()
    p = printed_payslip()
    keys = {"salary_pay": "salary_pay", "allowance_1": "long_service", "bonus_pay": "bonus",
            "district_pay": "district"}
    rows = [(x, p[keys[x.key]]) for x in due.lines if x.key in keys]
    gap = due.gross - p["gross"]

    def explain(lang: str) -> str:
        head = tr(T("По закону и по договору (расчёт калькулятора):", "Due under the law and the contract "
                    "(the calculator's computation):"), lang)
        lines = [f"{tr(x.label, lang)}: {_rub(x.amount, lang)} − {_rub(pr, lang)} = {_rub(x.amount - pr, lang)}"
                 for x, pr in rows]
        total = tr(T("Всего недоначислено", "Under-accrued in all"), lang)
        return "\n".join([head, due.explain(lang), "", *lines,
                          f"{total}: {_rub(due.gross, lang)} − {_rub(p['gross'], lang)} = {_rub(gap, lang)}"])

    def brief(lang: str) -> str:
        total = tr(T("всего начислено по закону − по листку", "total accrued by law − as printed"), lang)
        return f"{total} = {_rub(due.gross, lang)} − {_rub(p['gross'], lang)} = {_rub(gap, lang)}"

    return _m().Solution(gap, explain, brief)


# ---------------------------------------------------------------- the exercises


def exercises() -> tuple[Any, ...]:
    """Lessons 9–12's exercises (built on use; see the module docstring)."""
    c = _m()
    return (*_lesson9(c), *_lesson10(c), *_lesson11(c), *_lesson12(c))


def _ex(c: Any, ex_id: str, question: Text, solve: Any, unit: str, hint: Text,
        traps: tuple[tuple[Any, Text], ...] = ()) -> Any:
    return c.Exercise(ex_id, question, solve, unit, hint, traps=tuple(c.Trap(v, m) for v, m in traps))


def _lesson9(c: Any) -> list[Any]:
    Call = c.Call
    avg12 = Call(calc.average_daily_earnings, 612000, date(2026, 7, 6), pick="average_daily")
    avg11 = Call(calc.average_daily_earnings, 612000, date(2026, 7, 6), full_months=11, pick="average_daily")
    leave = Call(calc.vacation_pay, date(2026, 6, 1), end=date(2026, 6, 15), average_daily=1850, pick="gross")
    return [
        _ex(c, "L9.1", T(
            "Работник уходит в отпуск на 14 календарных дней с 06.07.2026 (праздников внутри нет). За расчётный "
            "период (12 полных месяцев, с июля 2025 по июнь 2026 года) ему начислено 612 000 ₽ (без больничных и "
            "прошлых отпускных). Сколько отпускных начисляется (до НДФЛ)?",
            "A worker goes on leave for 14 calendar days from 06.07.2026 (no public holidays inside). For the "
            "reference period (12 full months, July 2025 to June 2026) 612,000 ₽ was accrued (without sick pay or "
            "earlier leave pay). How much leave pay is accrued (before income tax)?"),
            Call(calc.vacation_pay, date(2026, 7, 6), 14, average_daily=avg12, pick="gross"), "rub",
            T("средний дневной = заработок за 12 месяцев / 12 / 29,3 (ТК РФ ст. 139), до копеек; × 14 дней.",
              "average daily = the earnings of the 12 months / 12 / 29.3 (Labour Code art. 139), to the kopeck; "
              "× 14 days."),
            ((Call(calc.vacation_pay, date(2026, 7, 6), 14, average_daily=avg11, pick="gross"),
              T("Это деление на 11 месяцев: здесь отработаны все 12.", "That divides by 11 months: all 12 "
                "were worked here.")),)),
        _ex(c, "L9.2", T(
            "По приказу отпуск — с 01.06.2026 по 15.06.2026 включительно, средний дневной заработок — 1 850 ₽. "
            "Сколько отпускных начисляется (до НДФЛ)?",
            "The order grants leave from 01.06.2026 to 15.06.2026 inclusive; average daily earnings are 1,850 ₽. "
            "How much leave pay is accrued (before income tax)?"),
            leave, "rub",
            T("посчитайте календарные дни отпуска и вычтите нерабочие праздничные дни — они не входят в отпуск "
              "(ТК РФ ст. 120).",
              "count the calendar days of the leave and take away the public holidays — they are not part of the "
              "leave (Labour Code art. 120)."),
            ((Call(calendar_days_pay, date(2026, 6, 1), date(2026, 6, 15), 1850),
              T("Оплачены все календарные дни, включая праздник 12 июня: праздник в счёт отпуска не входит, "
                "отпуск продлевается.",
                "Every calendar day is paid, the 12 June public holiday included: a public holiday is not counted "
                "as leave; the leave is extended instead.")),)),
        _ex(c, "L9.3", T(
            "Отпуск 21 календарный день с 14.09.2026 (праздников внутри нет), средний дневной заработок 2 240,50 ₽. "
            "С января по август работнику начислено 440 000 ₽. Сколько он получит на руки (после НДФЛ)?",
            "Leave of 21 calendar days from 14.09.2026 (no public holidays inside), average daily earnings "
            "2,240.50 ₽. From January to August the worker was paid 440,000 ₽. How much does he receive after "
            "income tax?"),
            Call(calc.vacation_pay, date(2026, 9, 14), 21, average_daily="2240.50", prior_income=440000,
                 pick="net"), "rub",
            T("отпускные = 21 × средний дневной заработок; НДФЛ 13 % в целых рублях (доход с начала года меньше "
              "2,4 млн ₽); на руки = отпускные − НДФЛ.",
              "leave pay = 21 × average daily earnings; income tax 13% in whole rubles (the year's income is "
              "under 2.4 million ₽); net = leave pay − tax."),
            ((Call(calc.vacation_pay, date(2026, 9, 14), 21, average_daily="2240.50", prior_income=440000,
                   pick="gross"),
              T("Это отпускные до удержания НДФЛ.", "That is the leave pay before income tax.")),)),
        _ex(c, "L9.4", T(
            "Больничный: 7 календарных дней с 09.02.2026, болезнь (не травма на производстве). Заработок: 2024 — "
            "480 000 ₽, 2025 — 560 000 ₽. Страховой стаж — 3 года 4 месяца. Каково пособие до НДФЛ (работодатель "
            "и Социальный фонд вместе)?",
            "Sick leave: 7 calendar days from 09.02.2026, an illness (not a work injury). Earnings: 2024 — "
            "480,000 ₽, 2025 — 560,000 ₽. Insurance record: 3 years 4 months. What is the benefit before income "
            "tax (the employer's and the Social Fund's parts together)?"),
            Call(calc.sick_pay, date(2026, 2, 9), 7, EX9_SICK_EARNINGS, record_years=3, record_months=4,
                 pick="gross"), "rub",
            T("средний дневной = заработок двух лет / 730; при стаже до 5 лет — 60 % (255-ФЗ ст. 7); × 7 дней.",
              "average daily = the two years' earnings / 730; with a record under 5 years — 60% (Law 255-FZ art. "
              "7); × 7 days."),
            ((Call(calc.sick_pay, date(2026, 2, 9), 7, EX9_SICK_EARNINGS, record_years=8, pick="gross"),
              T("Это 100 % — так платят при стаже 8 лет и больше. При 3 годах 4 месяцах — 60 %.",
                "That is 100% — the rate for a record of 8 years or more. With 3 years 4 months it is 60%.")),)),
        _ex(c, "L9.5", T(
            "Больничный с 10.11.2025, стаж 12 лет. Заработок: 2023 — 2 900 000 ₽, 2024 — 3 100 000 ₽. Каково "
            "дневное пособие?",
            "Sick leave from 10.11.2025, insurance record 12 years. Earnings: 2023 — 2,900,000 ₽, 2024 — "
            "3,100,000 ₽. What is the daily benefit?"),
            Call(calc.sick_pay, date(2025, 11, 10), 5, EX9_RICH_EARNINGS, record_years=12, pick="daily"), "rub",
            T("заработок каждого года учитывается не больше предельной базы взносов этого года (255-ФЗ ст. 14 "
              "ч. 3.2).",
              "each year's earnings count only up to that year's contribution cap (Law 255-FZ art. 14 para. 3.2)."),
            ((Call(uncapped_daily, EX9_RICH_EARNINGS, 1),
              T("Предельная база не учтена: заработок сверх неё в расчёт пособия не входит.",
                "The cap is ignored: earnings above it do not count for the benefit.")),)),
    ]


def _lesson10(c: Any) -> list[Any]:
    Call = c.Call
    debt1 = [calc.Debt(42000, date(2025, 10, 15))]
    pay1 = [calc.Payment(date(2025, 11, 24), 42000)]
    debt2 = [calc.Debt(30000, date(2025, 7, 15))]
    pay2 = [calc.Payment(date(2025, 9, 1), 30000)]
    return [
        _ex(c, "L10.1", T(
            "Зарплату 42 000 ₽ (на руки) должны были выплатить 15.10.2025, а выплатили 24.11.2025. Какая "
            "компенсация положена по ст. 236 ТК РФ (по минимуму закона)?",
            "A wage of 42,000 ₽ (net) was due on 15.10.2025 and was paid on 24.11.2025. What compensation is due "
            "under Labour Code art. 236 (the legal minimum)?"),
            Call(calc.late_pay_compensation, debt1, pay1, pick="total"), "rub",
            T("сумма × ключевая ставка × дни / 150 — по каждому периоду, когда ставка была одной; дни — со "
              "следующего дня после срока по день выплаты включительно.",
              "amount × key rate × days / 150 — for each period with one rate; the days run from the day after "
              "the due date up to and including the day paid.")),
        _ex(c, "L10.2", T(
            "Коллективный договор устанавливает компенсацию за задержку 1/100 ключевой ставки в день. 30 000 ₽ "
            "(на руки) должны были выплатить 15.07.2025, выплатили 01.09.2025. Сколько компенсации?",
            "The collective agreement sets late-pay compensation at 1/100 of the key rate a day. 30,000 ₽ (net) "
            "was due on 15.07.2025 and paid on 01.09.2025. How much compensation?"),
            Call(calc.late_pay_compensation, debt2, pay2, denominator=100, pick="total"), "rub",
            T("ст. 236 — минимум; договор может дать больше: вместо 1/150 берите 1/100.",
              "art. 236 is a minimum; an agreement may give more: use 1/100 instead of 1/150."),
            ((Call(calc.late_pay_compensation, debt2, pay2, pick="total"),
              T("Это минимум закона (1/150). Коллективный договор здесь даёт больше — 1/100.",
                "That is the legal minimum (1/150). The collective agreement gives more here — 1/100.")),)),
        _ex(c, "L10.3", T(
            "Начислено за октябрь 2025 года 70 000 ₽. Работодатель решил удержать 25 000 ₽ недостачи (по своему "
            "распоряжению, ст. 137, 248 ТК РФ). Сколько он может удержать из этой зарплаты?",
            "70,000 ₽ was accrued for October 2025. The employer decided to deduct a 25,000 ₽ shortfall (by "
            "his own order, Labour Code art. 137 and 248). How much may he deduct from this pay?"),
            Call(deduction_solution, 70000, 25000, date(2025, 10, 31)), "rub",
            T("не больше 20 % от зарплаты после удержания НДФЛ (ст. 138 ч. 1); остальное — в следующие месяцы.",
              "no more than 20% of the pay after income tax (art. 138 para. 1); the rest in later months."),
            ((Call(share_of_gross, 70000, "0.2"),
              T("20 % взяты от начисленного. Лимит считается от суммы после удержания НДФЛ.",
                "20% of the accrued pay. The limit is taken from the pay after income tax.")),)),
        _ex(c, "L10.4", T(
            "Работника сокращают (ст. 81 ч. 1 п. 2 ТК РФ), последний день — 27.02.2026, средний дневной "
            "заработок — 2 870,40 ₽. Каково выходное пособие (ст. 178)?",
            "A worker is made redundant (Labour Code art. 81 para. 1 item 2); the last day is 27.02.2026; "
            "average daily earnings are 2,870.40 ₽. What is the severance pay (art. 178)?"),
            Call(calc.severance_pay, date(2026, 2, 27), "redundancy", average_daily="2870.40",
                 pick="payments[0].amount"), "rub",
            T("выходное пособие — средний месячный заработок: средний дневной × среднее число рабочих дней в "
              "месяце года (рабочие дни года / 12).",
              "severance pay is the average monthly earnings: average daily × the year's average working days "
              "a month (working days of the year / 12)."),
            ((Call(calc.severance_pay, date(2026, 2, 27), "redundancy", average_daily="2870.40",
                   pick="payments[1].amount"),
               T("Это средний заработок за второй месяц поиска работы (по рабочим дням того месяца), а не "
                 "выходное пособие.",
                 "That is the average earnings kept for the second month of the job search (by that month's "
                 "working days), not the severance pay.")),)),
    ]


def _lesson11(c: Any) -> list[Any]:
    Call = c.Call
    debt = [calc.Debt(10000, date(2025, 11, 30))]
    pay = [calc.Payment(date(2025, 12, 30), 10000)]
    return [
        _ex(c, "L11.1", T(
            "Найдите производственный календарь на 2026 год (consultant.ru или постановление Правительства о "
            "переносе выходных дней на pravo.gov.ru). Сколько рабочих дней в мае 2026 года при пятидневке?",
            "Find the production calendar for 2026 (consultant.ru, or the government's decree moving days off on "
            "pravo.gov.ru). How many working days does May 2026 have on a five-day week?"),
            Call(working_days_solution, 2026, 5), "days",
            T("посчитайте будни мая и вычтите праздники 1 и 9 мая и перенесённые выходные.",
              "count the weekdays of May and take away the 1 and 9 May holidays and the moved days off.")),
        _ex(c, "L11.2", T(
            "По тому же календарю: какова норма рабочего времени в декабре 2026 года при 40-часовой неделе (в часах)?",
            "From the same calendar: what is the norm of working time in December 2026 for a 40-hour week (in "
            "hours)?"),
            Call(hours_norm_solution, 2026, 12, 40), "hours",
            T("8 часов × рабочие дни, минус час за каждый предпраздничный день (ТК РФ ст. 95).",
              "8 hours × working days, less one hour for each day before a public holiday (Labour Code art. 95).")),
        _ex(c, "L11.3", T(
            "Найдите на cbr.ru ключевую ставку в декабре 2025 года. Зарплату 10 000 ₽ (на руки) задержали: срок — "
            "30.11.2025, выплатили 30.12.2025. Сколько компенсации по ст. 236?",
            "Find the key rate of December 2025 on cbr.ru. A wage of 10,000 ₽ (net) was late: due on 30.11.2025, "
            "paid on 30.12.2025. How much compensation under art. 236?"),
            Call(calc.late_pay_compensation, debt, pay, pick="total"), "rub",
            T("проверьте, не менялась ли ставка внутри периода задержки; по каждому периоду: сумма × ставка × "
              "дни / 150.",
              "check whether the rate changed during the delay; for each period: amount × rate × days / 150.")),
    ]


def _lesson12(c: Any) -> list[Any]:
    Call = c.Call
    slip_gross = Call(slip_due, pick="gross")
    slip_ndfl = Call(slip_due, pick="ndfl")
    return [
        _ex(c, "L12.1", T(
            "Листок Сидоровой за ноябрь 2025 года: какой должна быть строка «Оклад» за 15 отработанных дней?",
            "Sidorova's payslip for November 2025: what should the line 'Basic salary' be for the 15 days "
            "worked?"),
            Call(slip_lines, pick="lines[0].amount"), "rub",
            T("оклад / рабочие дни ноября 2025 года по производственному календарю × 15 (ТК РФ ст. 129, 135).",
              "the salary / the working days of November 2025 in the production calendar × 15 (Labour Code art. "
              "129, 135)."),
            ((Call(printed, "salary_pay"),
              T("Это напечатанная в листке сумма: бухгалтерия делила на 22 дня, а в ноябре 2025 года их меньше.",
                "That is the printed figure: payroll divided by 22 days, and November 2025 has fewer.")),)),
        _ex(c, "L12.2", T(
            "Какой должна быть строка «Районный коэффициент» (1,15) в её листке?",
            "What should the line 'Regional coefficient' (1.15) of her payslip be?"),
            Call(slip_lines, pick="lines[3].amount"), "rub",
            T("коэффициент начисляется на весь заработок — оклад, надбавку за выслугу и премию (ТК РФ ст. 148, "
              "315–317).",
              "the coefficient applies to all the pay — basic salary, long-service allowance and bonus (Labour "
              "Code art. 148, 315–317)."),
            ((Call(printed, "district"),
              T("Это напечатанная сумма: коэффициент начислен только на оклад, да ещё на неверный.",
                "That is the printed figure: the coefficient is applied to the basic salary only, and a wrong "
                "one at that.")),)),
        _ex(c, "L12.3", T(
            "На сколько рублей в её листке недоначислено всего по строкам начислений?",
            "By how many rubles are the accrual lines of her payslip short in all?"),
            accrual_gap, "rub",
            T("пересчитайте каждую строку начислений и сравните «Всего начислено» с напечатанным.",
              "recompute each accrual line and compare the 'Total accrued' with the printed one.")),
        _ex(c, "L12.4", T(
            "Сколько из её ноябрьской зарплаты работодатель может удержать за спецодежду (по верному начислению)?",
            "How much may the employer deduct for the uniform from her November pay (on the correct accrual)?"),
            Call(deduction_solution, slip_gross, int(SLIP.deduction), date(2025, 11, 28), ndfl=slip_ndfl), "rub",
            T("не больше 20 % от зарплаты после НДФЛ (ТК РФ ст. 138 ч. 1).",
              "no more than 20% of the pay after income tax (Labour Code art. 138 para. 1)."),
            ((Call(printed, "deductions"),
              T("Это удержано по листку — больше 20 %, ст. 138 это запрещает.",
                "That is what the payslip deducts — over 20%, which art. 138 forbids.")),)),
    ]


__all__ = [
    "SLIP",
    "accrual_gap",
    "exercises",
    "printed_payslip",
    "printed_rows",
    "slip_due",
    "slip_lines",
]
