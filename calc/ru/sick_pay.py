"""Sick pay and maternity pay from compulsory social insurance (Federal Law 255-ФЗ ст. 7, 10, 11, 14;
Положение № 375 of 15.06.2007 until 2021, Положение № 2375 of 11.12.2021 from 01.01.2022).

- Average daily earnings = the earnings of the two calendar years before the year the illness (the
  leave) starts, each year limited to that year's contribution cap, ÷ 730 (maternity from 2013: ÷ the
  calendar days of the two years less the excluded days), not below МРОТ × district coefficient × 24
  / 730 and not above (cap₁ + cap₂) / 730. Rounded to kopecks, as the Social Fund publishes it
  (632.61 ₽ for 2024, 737.75 ₽ for 2025).
- Sick pay: the share by insurance record (60 / 80 / 100 %), the daily benefit rounded to kopecks;
  from 01.04.2020 a full calendar month's benefit is not below the МРОТ (with the district
  coefficient); with a record under 6 months not above it. The first 3 days of the worker's own
  illness or injury are paid by the employer, the rest by the Social Fund; quarantine, prosthetics and
  after-care are paid by the Fund from the first day. Care of a sick family member has its own rules
  (ст. 7 ч. 3–5) and is refused here.
- The worker may replace a year spent on maternity or child-care leave by an earlier year when that
  gives more (ст. 14 ч. 1): ``replace_years={2023: 2021}``; applied only if it raises the benefit.
- Sick pay is taxed (НК ст. 217 п. 1, НДФЛ in whole rubles); maternity pay is not.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError, OutOfRangeError
from calc.core.explain import Explained, Q, Trace
from calc.core.money import ZERO, a_date, amount, dec, number
from calc.core.rules import Dated, rulebook
from calc.core.text import T
from calc.ru.income_tax import NDFL_226, ndfl_detail

LAW_14 = T("255-ФЗ ст. 14", "Law 255-FZ art. 14")
LAW_7 = T("255-ФЗ ст. 7", "Law 255-FZ art. 7")
CASES = {
    "illness": T("болезнь или травма (не производственная)", "illness or injury (not at work)"),
    "quarantine": T("карантин", "quarantine"),
    "prosthetics": T("протезирование в стационаре", "prosthetics in hospital"),
    "aftercare": T("долечивание в санатории", "after-care in a sanatorium"),
}
MATERNITY_KINDS = ("normal", "complicated", "multiple")


def _cap(year: int, country: str) -> Dated:
    """The contribution cap of ``year`` limiting the earnings counted for benefits."""
    rb = rulebook(country)
    on = date(year, 1, 1)
    if year < rb.covered_from.year:
        raise OutOfRangeError(
            f"Предельная база известна с {rb.covered_from.year} г.; для расчёта нужен {year} г.",
            f"The contribution caps are known from {rb.covered_from.year}; the calculation needs {year}.",
            "earnings",
        )
    if 2015 <= year <= 2022:
        return rb.lookup("contributions.cap_social", on)
    return rb.lookup("contributions.cap_single", on)


@dataclass(frozen=True, kw_only=True)
class BenefitBase(Explained):
    years: tuple[int, int]
    average_daily: Decimal
    minimum: Decimal
    maximum: Decimal


def _earnings(earnings: Mapping[int, Any], year: int) -> Decimal:
    if year not in earnings:
        raise InputError(
            f"Укажите заработок за {year} г. (0, если его не было).",
            f"Please give the earnings of {year} (0 if there were none).",
            "earnings",
        )
    return amount(earnings[year], "earnings", f"заработок за {year} г.", f"the earnings of {year}")


def _average(
    tr: Trace,
    years: tuple[int, int],
    earnings: Mapping[int, Any],
    start: date,
    coef: Decimal,
    divisor: Decimal | None,
    country: str,
) -> BenefitBase:
    """Average daily earnings over ``years`` (with the caps, the minimum and the maximum)."""
    rb = rulebook(country)
    counted = []
    caps = []
    for y in years:
        cap = _cap(y, country)
        caps.append(dec(cap.value))
        e = _earnings(earnings, y)
        counted.append(
            tr.calc(
                "benefit_year",
                "min(year_earnings, year_cap)",
                rounding="none",
                label=T(f"Заработок {y} г. в пределах предельной базы", f"Earnings of {y} within the cap"),
                unit="rub",
                rules=[cap],
                source=LAW_14,
                year_earnings=Q(e, "rub", T(f"заработок {y} г.", f"earnings of {y}")),
                year_cap=Q(dec(cap.value), "rub", T(f"предельная база {y} г.", f"cap of {y}")),
            )
        )
    div_rule = rb.lookup("sick_pay.divisor", start)
    d730 = dec(div_rule.value)
    div = d730 if divisor is None else divisor
    mrot = rb.lookup("contributions.mrot", start)
    months = rb.lookup("sick_pay.mrot_months", start)
    minimum = tr.calc(
        "benefit_min_daily",
        "mrot * district_coef * mrot_months / days730",
        label=T("Минимальный средний дневной заработок (из МРОТ)", "Minimum average daily earnings (from the МРОТ)"),
        unit="rub_per_day",
        rules=[mrot, months, div_rule],
        mrot=Q(dec(mrot.value), "rub", T("МРОТ на день начала", "МРОТ on the first day")),
        district_coef=Q(coef, "coef", T("районный коэффициент", "district coefficient")),
        mrot_months=Q(dec(months.value), "months", T("месяцев", "months")),
        days730=Q(d730, "days", T("дней", "days")),
    )
    maximum = tr.calc(
        "benefit_max_daily",
        "cap1 + cap2",
        rounding="none",
        label=T("Сумма предельных баз двух лет", "Sum of the two years' caps"),
        unit="rub",
        source=LAW_14,
        cap1=Q(caps[0], "rub", T(f"база {years[0]} г.", f"cap of {years[0]}")),
        cap2=Q(caps[1], "rub", T(f"база {years[1]} г.", f"cap of {years[1]}")),
    )
    maximum = tr.calc(
        "benefit_max_daily",
        "caps / days730",
        label=T("Максимальный средний дневной заработок", "Maximum average daily earnings"),
        unit="rub_per_day",
        source=LAW_14,
        caps=Q(maximum, "rub", T("сумма предельных баз", "sum of the caps")),
        days730=Q(d730, "days", T("дней", "days")),
    )
    raw = tr.calc(
        "benefit_avg_raw",
        "earned1 + earned2",
        rounding="none",
        label=T("Заработок за два года в пределах баз", "Two years' earnings within the caps"),
        unit="rub",
        earned1=Q(counted[0], "rub", T(f"{years[0]} г.", f"{years[0]}")),
        earned2=Q(counted[1], "rub", T(f"{years[1]} г.", f"{years[1]}")),
    )
    avg = tr.calc(
        "benefit_avg_daily",
        "max(min(earned / divisor, maximum), minimum)",
        label=T("Средний дневной заработок", "Average daily earnings"),
        unit="rub_per_day",
        source=LAW_14,
        rules=[rb.lookup("sick_pay.decree", start)],
        earned=Q(raw, "rub", T("заработок за два года", "two years' earnings")),
        divisor=Q(div, "days", T("дней расчётного периода", "days of the reference period")),
        maximum=Q(maximum, "rub_per_day", T("максимум", "maximum")),
        minimum=Q(minimum, "rub_per_day", T("минимум", "minimum")),
    )
    return BenefitBase(years=years, average_daily=avg, minimum=minimum, maximum=maximum, steps=())


def _base_years(
    start: date,
    earnings: Mapping[int, Any],
    replace_years: Mapping[int, int] | None,
    coef: Decimal,
    country: str,
    divisor_for: Any = None,
) -> tuple[Trace, BenefitBase]:
    """The two years before ``start`` (or the worker's replacements, if they give more)."""
    if not isinstance(earnings, Mapping):
        raise InputError(
            "Заработок укажите по годам: {2023: 900000, 2024: 1000000}.",
            "Give the earnings by year: {2023: 900000, 2024: 1000000}.",
            "earnings",
        )
    usual = (start.year - 2, start.year - 1)
    tr = Trace()
    base = _average(tr, usual, earnings, start, coef, divisor_for(usual) if divisor_for else None, country)
    if not replace_years:
        return tr, base
    chosen = list(usual)
    for old, new in replace_years.items():
        if old not in usual:
            raise InputError(
                f"Заменить можно только {usual[0]} или {usual[1]} г. (получено: {old}).",
                f"Only {usual[0]} or {usual[1]} can be replaced (got {old}).",
                "replace_years",
            )
        if not isinstance(new, int) or new >= old or new in usual:
            raise InputError(
                f"{old} г. заменяется более ранним годом вне расчётного периода (получено: {new}).",
                f"{old} is replaced by an earlier year outside the reference period (got {new}).",
                "replace_years",
            )
        chosen[usual.index(old)] = new
    years = (min(chosen), max(chosen))
    alt_tr = Trace()
    alt = _average(alt_tr, years, earnings, start, coef, divisor_for(years) if divisor_for else None, country)
    note = T(
        "Годы заменены по заявлению работника (255-ФЗ ст. 14 ч. 1): так больше.",
        "Years replaced on the worker's application (Law 255-FZ art. 14 part 1): this gives more.",
    )
    if alt.average_daily > base.average_daily:
        alt_tr.given("benefit_years_replaced", 1, label=T("Замена лет", "Years replaced"), unit="number", note=note)
        return alt_tr, alt
    tr.given(
        "benefit_years_replaced",
        0,
        label=T("Замена лет", "Years replaced"),
        unit="number",
        note=T(
            f"Замена на {years[0]}–{years[1]} гг. не увеличивает пособие — годы не заменены (ст. 14 ч. 1).",
            f"Replacing by {years[0]}–{years[1]} does not raise the benefit — the years are kept (art. 14 part 1).",
        ),
    )
    return tr, base


def _month_parts(start: date, days: int) -> list[tuple[date, int]]:
    """(first day, number of days) of the illness in each calendar month."""
    out = []
    d, left = start, days
    while left > 0:
        last = calendar.monthrange(d.year, d.month)[1]
        n = min(left, last - d.day + 1)
        out.append((d, n))
        d += timedelta(days=n)
        left -= n
    return out


def _record_months(years: Any, months: Any) -> int:
    y = number(
        years, "record_years", "страховой стаж (полных лет)", "the insurance record (full years)", high=80, integer=True
    )
    m = number(
        months,
        "record_months",
        "месяцы стажа сверх лет",
        "the months of record beyond the years",
        high=11,
        integer=True,
    )
    return int(y) * 12 + int(m)


def _coef(district_coef: Any) -> Decimal:
    return number(district_coef, "district_coef", "районный коэффициент", "the district coefficient", low=1, high=3)


@dataclass(frozen=True, kw_only=True)
class SickPay(Explained):
    start: date
    daily: Decimal
    days: int
    employer_days: int
    fund_days: int
    employer_amount: Decimal
    fund_amount: Decimal
    gross: Decimal
    ndfl: Decimal
    net: Decimal
    average_daily: Decimal
    share: Decimal
    years: tuple[int, int]


def _monthly_daily(
    tr: Trace, part_start: date, daily: Decimal, mrot: Dated, coef: Decimal, floor: bool, cap: bool
) -> Decimal:
    """The daily benefit in one calendar month: the МРОТ floor (from 2020) and the short-record cap."""
    if not (floor or cap):
        return daily
    dim = calendar.monthrange(part_start.year, part_start.month)[1]
    month = tr.calc(
        "benefit_mrot_month_daily",
        "mrot * district_coef / month_days",
        label=T(
            f"МРОТ за полный месяц на день ({part_start:%m.%Y})", f"МРОТ for a full month per day ({part_start:%m.%Y})"
        ),
        unit="rub_per_day",
        rules=[mrot],
        mrot=Q(dec(mrot.value), "rub", T("МРОТ", "МРОТ")),
        district_coef=Q(coef, "coef", T("районный коэффициент", "district coefficient")),
        month_days=Q(dim, "days", T("календарных дней в месяце", "calendar days in the month")),
    )
    if cap and daily > month:
        return month
    if floor and daily < month:
        return month
    return daily


def sick_pay(
    start: date,
    days: Any,
    earnings: Mapping[int, Any],
    *,
    record_years: Any,
    record_months: Any = 0,
    case: str = "illness",
    hired: date | None = None,
    district_coef: Any = 1,
    replace_years: Mapping[int, int] | None = None,
    prior_income: Any = 0,
    resident: bool = True,
    country: str = "ru",
) -> SickPay:
    """Sick pay for ``days`` calendar days from ``start``; ``earnings`` by year ({2023: …, 2024: …})."""
    start = a_date(start, "start", "дату начала болезни", "the first day of illness")
    rb = rulebook(country)
    rb.check_date(start)
    if case not in CASES:
        raise InputError(
            f"Неизвестный случай «{case}»; допустимы: {', '.join(CASES)}. "
            "Уход за больным членом семьи здесь не считается.",
            f"Unknown case '{case}'; allowed: {', '.join(CASES)}. Care of a sick family member is not computed here.",
            "case",
        )
    if hired is not None and start < a_date(hired, "hired", "дату приёма", "the hiring date"):
        raise InputError(
            "Болезнь началась до приёма на работу: пособие платит работодатель только с начала трудового договора.",
            "The illness began before hiring: the employer pays the benefit only from the start of the contract.",
            "hired",
        )
    n = int(number(days, "days", "число дней болезни", "the number of days of illness", low=1, high=366, integer=True))
    rec = _record_months(record_years, record_months)
    coef = _coef(district_coef)
    tr, base = _base_years(start, earnings, replace_years, coef, country)
    shares = rb.lookup("sick_pay.record_shares", start)
    share = dec([s for m, s in shares.value if rec >= m][-1])
    daily = tr.calc(
        "sick_daily",
        "benefit_avg_daily * record_share",
        label=T("Дневное пособие", "Daily benefit"),
        unit="rub_per_day",
        rules=[shares],
        source=LAW_7,
        benefit_avg_daily=Q(
            base.average_daily, "rub_per_day", T("средний дневной заработок", "average daily earnings")
        ),
        record_share=Q(
            share,
            "rate",
            T(f"доля по стажу ({rec // 12} лет {rec % 12} мес.)", f"share by record ({rec // 12} y {rec % 12} m)"),
        ),
    )
    mrot = rb.lookup("contributions.mrot", start)
    short = rec < int(rb.value("sick_pay.short_record_months", start))
    floor_rule = rb.lookup("sick_pay.mrot_month_floor", start)
    emp_limit = int(rb.value("sick_pay.employer_days", start)) if case == "illness" else 0
    emp_days = min(emp_limit, n)
    emp_amount = fund_amount = ZERO
    left_emp = emp_days
    for part_start, part_days in _month_parts(start, n):
        d = _monthly_daily(tr, part_start, daily, mrot, coef, bool(floor_rule.value), short)
        e = min(left_emp, part_days)
        left_emp -= e
        f = part_days - e
        if e:
            emp_amount += tr.calc(
                "sick_employer_part",
                "sick_daily * sick_days",
                label=T(f"За счёт работодателя ({part_start:%m.%Y})", f"Paid by the employer ({part_start:%m.%Y})"),
                unit="rub",
                rules=[rb.lookup("sick_pay.employer_days", start)],
                sick_daily=Q(d, "rub_per_day", T("дневное пособие", "daily benefit")),
                sick_days=Q(e, "days", T("дней", "days")),
            )
        if f:
            fund_amount += tr.calc(
                "sick_fund_part",
                "sick_daily * sick_days",
                label=T(
                    f"За счёт Социального фонда ({part_start:%m.%Y})", f"Paid by the Social Fund ({part_start:%m.%Y})"
                ),
                unit="rub",
                rules=[floor_rule] if floor_rule.value else [],
                sick_daily=Q(d, "rub_per_day", T("дневное пособие", "daily benefit")),
                sick_days=Q(f, "days", T("дней", "days")),
            )
    gross = tr.calc(
        "sick_gross",
        "employer_part + fund_part",
        rounding="none",
        label=T("Пособие по временной нетрудоспособности", "Sick pay"),
        unit="rub",
        source=T("255-ФЗ ст. 3, 7, 14", "Law 255-FZ art. 3, 7, 14"),
        employer_part=Q(emp_amount, "rub", T("работодатель", "employer")),
        fund_part=Q(fund_amount, "rub", T("Социальный фонд", "Social Fund")),
    )
    tax = _ndfl(tr, gross, prior_income, start.year, resident, country)
    net = tr.calc(
        "net",
        "sick_gross - ndfl",
        rounding="none",
        label=T("К выплате", "Paid out"),
        unit="rub",
        sick_gross=Q(gross, "rub", T("пособие", "benefit")),
        ndfl=tax,
    )
    return SickPay(
        start=start,
        daily=daily,
        days=n,
        employer_days=emp_days,
        fund_days=n - emp_days,
        employer_amount=emp_amount,
        fund_amount=fund_amount,
        gross=gross,
        ndfl=tax,
        net=net,
        average_daily=base.average_daily,
        share=share,
        years=base.years,
        steps=tuple(tr.steps),
    )


def _ndfl(tr: Trace, gross: Decimal, prior_income: Any, year: int, resident: bool, country: str) -> Decimal:
    """НДФЛ on the benefit: the tax on income to date less the tax before it (whole rubles)."""
    prior = amount(prior_income, "prior_income", "доход с начала года", "the income earlier this year")
    to_date = ndfl_detail(prior + gross, year, resident, country=country, trace=tr, key="ndfl_to_date").tax
    before = ndfl_detail(prior, year, resident, country=country, trace=tr, key="ndfl_before").tax if prior else ZERO
    return tr.calc(
        "ndfl",
        "ndfl_to_date - ndfl_before",
        rounding="none",
        ndfl_to_date=to_date,
        ndfl_before=before,
        source=[
            NDFL_226,
            T(
                "НК РФ ст. 217 п. 1: пособие по нетрудоспособности облагается",
                "Tax Code art. 217 p. 1: sick pay is taxed",
            ),
        ],
    )


@dataclass(frozen=True, kw_only=True)
class MaternityPay(Explained):
    start: date
    days: int
    daily: Decimal
    gross: Decimal
    ndfl: Decimal
    net: Decimal
    years: tuple[int, int]


def maternity_pay(
    start: date,
    earnings: Mapping[int, Any],
    *,
    kind: str = "normal",
    days: Any = None,
    excluded_days: Any = 0,
    record_years: Any = 1,
    record_months: Any = 0,
    district_coef: Any = 1,
    replace_years: Mapping[int, int] | None = None,
    country: str = "ru",
) -> MaternityPay:
    """Maternity pay (255-ФЗ ст. 10, 11, 14): 100 % of average daily earnings for 140 / 156 / 194 days.

    ``excluded_days``: days of the two years spent on sick leave, maternity or child-care leave (from 2013).
    Not taxed (НК ст. 217 п. 1).
    """
    start = a_date(start, "start", "дату начала отпуска", "the first day of the leave")
    rb = rulebook(country)
    rb.check_date(start)
    table = rb.lookup("sick_pay.maternity_days", start)
    if kind not in MATERNITY_KINDS:
        raise InputError(
            f"Вид: {', '.join(MATERNITY_KINDS)} (обычные роды, осложнённые, многоплодная беременность).",
            f"Kind: {', '.join(MATERNITY_KINDS)} (normal, complicated birth, multiple pregnancy).",
            "kind",
        )
    n = (
        int(table.value[kind])
        if days is None
        else int(number(days, "days", "число дней отпуска", "the days of leave", low=1, high=194, integer=True))
    )
    coef = _coef(district_coef)
    rule = rb.lookup("sick_pay.maternity_divisor", start)

    def divisor(years: tuple[int, int]) -> Decimal | None:
        if rule.value["rule"] == "fixed":
            return None
        total = sum(366 if calendar.isleap(y) else 365 for y in years)
        ex = number(
            excluded_days, "excluded_days", "исключаемые дни", "the excluded days", high=total - 1, integer=True
        )
        return dec(total) - ex

    tr, base = _base_years(start, earnings, replace_years, coef, country, divisor)
    used = divisor(base.years)
    tr.given(
        "maternity_divisor",
        used if used is not None else rb.value("sick_pay.divisor", start),
        label=T("Дней расчётного периода (делитель)", "Days of the reference period (divisor)"),
        unit="days",
        rules=[rule],
    )
    rec = _record_months(record_years, record_months)
    short = rec < int(rb.value("sick_pay.short_record_months", start))
    mrot = rb.lookup("contributions.mrot", start)
    gross = ZERO
    for part_start, part_days in _month_parts(start, n) if short else [(start, n)]:
        d = _monthly_daily(tr, part_start, base.average_daily, mrot, coef, False, short)
        gross += tr.calc(
            "maternity_part",
            "benefit_avg_daily * leave_days",
            label=T("Пособие по беременности и родам", "Maternity pay"),
            unit="rub",
            source=T(
                "255-ФЗ ст. 11 ч. 1: 100 % среднего заработка", "Law 255-FZ art. 11 part 1: 100% of average earnings"
            ),
            rules=[table],
            benefit_avg_daily=Q(d, "rub_per_day", T("средний дневной заработок", "average daily earnings")),
            leave_days=Q(part_days, "days", T("дней отпуска", "days of leave")),
        )
    tr.given(
        "maternity_ndfl",
        0,
        label=T("НДФЛ", "НДФЛ"),
        unit="rub",
        source=T(
            "НК РФ ст. 217 п. 1: пособие по беременности и родам не облагается",
            "Tax Code art. 217 p. 1: maternity pay is not taxed",
        ),
    )
    return MaternityPay(
        start=start,
        days=n,
        daily=base.average_daily,
        gross=gross,
        ndfl=ZERO,
        net=gross,
        years=base.years,
        steps=tuple(tr.steps),
    )
