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
from calc.core.i18n import _, pgettext
from calc.core.money import ZERO, a_date, amount, dec, number
from calc.core.rules import Dated, rulebook
from calc.ru.income_tax import NDFL_226, ndfl_detail

LAW_14 = _("Law 255-FZ art. 14")
LAW_7 = _("Law 255-FZ art. 7")
CASES = {
    "illness": _("illness or injury (not at work)"),
    "quarantine": _("quarantine"),
    "prosthetics": _("prosthetics in hospital"),
    "aftercare": _("after-care in a sanatorium"),
}
MATERNITY_KINDS = ("normal", "complicated", "multiple")


def _cap(year: int, country: str) -> Dated:
    """The contribution cap of ``year`` limiting the earnings counted for benefits."""
    rb = rulebook(country)
    on = date(year, 1, 1)
    if year < rb.covered_from.year:
        raise OutOfRangeError(
            _(
                "The contribution caps are known from {year}; the calculation needs {year2}.",
                year=rb.covered_from.year,
                year2=year,
            ),
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
        raise InputError(_("Please give the earnings of {year} (0 if there were none).", year=year), "earnings")
    return amount(earnings[year], "earnings", _("the earnings of {year}", year=year))


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
                label=_("Earnings of {y} within the cap", y=y),
                unit="rub",
                rules=[cap],
                source=LAW_14,
                year_earnings=Q(e, "rub", _("earnings of {y}", y=y)),
                year_cap=Q(dec(cap.value), "rub", _("cap of {y}", y=y)),
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
        label=_("Minimum average daily earnings (from the МРОТ)"),
        unit="rub_per_day",
        rules=[mrot, months, div_rule],
        mrot=Q(dec(mrot.value), "rub", _("МРОТ on the first day")),
        district_coef=Q(coef, "coef", _("district coefficient")),
        mrot_months=Q(dec(months.value), "months", _("months")),
        days730=Q(d730, "days", _("days")),
    )
    maximum = tr.calc(
        "benefit_max_daily",
        "cap1 + cap2",
        rounding="none",
        label=_("Sum of the two years' caps"),
        unit="rub",
        source=LAW_14,
        cap1=Q(caps[0], "rub", _("cap of {years}", years=years[0])),
        cap2=Q(caps[1], "rub", _("cap of {years}", years=years[1])),
    )
    maximum = tr.calc(
        "benefit_max_daily",
        "caps / days730",
        label=_("Maximum average daily earnings"),
        unit="rub_per_day",
        source=LAW_14,
        caps=Q(maximum, "rub", _("sum of the caps")),
        days730=Q(d730, "days", _("days")),
    )
    raw = tr.calc(
        "benefit_avg_raw",
        "earned1 + earned2",
        rounding="none",
        label=_("Two years' earnings within the caps"),
        unit="rub",
        earned1=Q(counted[0], "rub", _("{years}", years=years[0])),
        earned2=Q(counted[1], "rub", _("{years}", years=years[1])),
    )
    avg = tr.calc(
        "benefit_avg_daily",
        "max(min(earned / divisor, maximum), minimum)",
        label=_("Average daily earnings"),
        unit="rub_per_day",
        source=LAW_14,
        rules=[rb.lookup("sick_pay.decree", start)],
        earned=Q(raw, "rub", _("two years' earnings")),
        divisor=Q(div, "days", _("days of the reference period")),
        maximum=Q(maximum, "rub_per_day", _("maximum")),
        minimum=Q(minimum, "rub_per_day", _("minimum")),
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
        raise InputError(_("Give the earnings by year: {2023: 900000, 2024: 1000000}."), "earnings")
    usual = (start.year - 2, start.year - 1)
    tr = Trace()
    base = _average(tr, usual, earnings, start, coef, divisor_for(usual) if divisor_for else None, country)
    if not replace_years:
        return tr, base
    chosen = list(usual)
    for old, new in replace_years.items():
        if old not in usual:
            raise InputError(
                _("Only {usual} or {usual2} can be replaced (got {old}).", usual=usual[0], usual2=usual[1], old=old),
                "replace_years",
            )
        if not isinstance(new, int) or new >= old or new in usual:
            raise InputError(
                _(
                    "{old} is replaced by an earlier year outside the reference period (got {new}).",
                    old=old,
                    new=new,
                ),
                "replace_years",
            )
        chosen[usual.index(old)] = new
    years = (min(chosen), max(chosen))
    alt_tr = Trace()
    alt = _average(alt_tr, years, earnings, start, coef, divisor_for(years) if divisor_for else None, country)
    note = _("Years replaced on the worker's application (Law 255-FZ art. 14 part 1): this gives more.")
    if alt.average_daily > base.average_daily:
        alt_tr.given("benefit_years_replaced", 1, label=_("Years replaced"), unit="number", note=note)
        return alt_tr, alt
    tr.given(
        "benefit_years_replaced",
        0,
        label=_("Years replaced"),
        unit="number",
        note=_(
            "Replacing by {years}–{years2} does not raise the benefit — the years are kept (art. 14 part 1).",
            years=years[0],
            years2=years[1],
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
        years, "record_years", _("the insurance record (full years)"), high=80, integer=True
    )
    m = number(
        months,
        "record_months",
        _("the months of record beyond the years"),
        high=11,
        integer=True,
    )
    return int(y) * 12 + int(m)


def _coef(district_coef: Any) -> Decimal:
    return number(district_coef, "district_coef", _("the district coefficient"), low=1, high=3)


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
        label=_("МРОТ for a full month per day ({part_start:%m.%Y})", part_start=part_start),
        unit="rub_per_day",
        rules=[mrot],
        mrot=Q(dec(mrot.value), "rub", _("МРОТ")),
        district_coef=Q(coef, "coef", _("district coefficient")),
        month_days=Q(dim, "days", _("calendar days in the month")),
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
    start = a_date(start, "start", _("the first day of illness"))
    rb = rulebook(country)
    rb.check_date(start)
    if not isinstance(case, str) or case not in CASES:
        raise InputError(
            _(
                "Unknown case '{case}'; allowed: {cases}. Care of a sick family member is not computed here.",
                case=case,
                cases=', '.join(CASES),
            ),
            "case",
        )
    if hired is not None and start < a_date(hired, "hired", _("the hiring date")):
        raise InputError(
            _("The illness began before hiring: the employer pays the benefit only from the start of the contract."),
            "hired",
        )
    n = int(number(days, "days", _("the number of days of illness"), low=1, high=366, integer=True))
    rec = _record_months(record_years, record_months)
    coef = _coef(district_coef)
    tr, base = _base_years(start, earnings, replace_years, coef, country)
    shares = rb.lookup("sick_pay.record_shares", start)
    share = dec([s for m, s in shares.value if rec >= m][-1])
    daily = tr.calc(
        "sick_daily",
        "benefit_avg_daily * record_share",
        label=_("Daily benefit"),
        unit="rub_per_day",
        rules=[shares],
        source=LAW_7,
        benefit_avg_daily=Q(
            base.average_daily, "rub_per_day", _("average daily earnings")
        ),
        record_share=Q(
            share,
            "rate",
            _("share by record ({rec} y {rec2} m)", rec=rec // 12, rec2=rec % 12),
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
                label=_("Paid by the employer ({part_start:%m.%Y})", part_start=part_start),
                unit="rub",
                rules=[rb.lookup("sick_pay.employer_days", start)],
                sick_daily=Q(d, "rub_per_day", _("daily benefit")),
                sick_days=Q(e, "days", _("days")),
            )
        if f:
            fund_amount += tr.calc(
                "sick_fund_part",
                "sick_daily * sick_days",
                label=_("Paid by the Social Fund ({part_start:%m.%Y})", part_start=part_start),
                unit="rub",
                rules=[floor_rule] if floor_rule.value else [],
                sick_daily=Q(d, "rub_per_day", _("daily benefit")),
                sick_days=Q(f, "days", _("days")),
            )
    gross = tr.calc(
        "sick_gross",
        "employer_part + fund_part",
        rounding="none",
        label=_("Sick pay"),
        unit="rub",
        source=_("Law 255-FZ art. 3, 7, 14"),
        employer_part=Q(emp_amount, "rub", _("employer")),
        fund_part=Q(fund_amount, "rub", _("Social Fund")),
    )
    tax = _ndfl(tr, gross, prior_income, start.year, resident, country)
    net = tr.calc(
        "net",
        "sick_gross - ndfl",
        rounding="none",
        label=_("Paid out"),
        unit="rub",
        sick_gross=Q(gross, "rub", _("benefit")),
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
    prior = amount(prior_income, "prior_income", _("the income earlier this year"))
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
            _("Tax Code art. 217 para. 1: sick pay is taxed"),
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
    start = a_date(start, "start", pgettext("calc.ru.sick_pay", "the first day of the leave"))
    rb = rulebook(country)
    rb.check_date(start)
    table = rb.lookup("sick_pay.maternity_days", start)
    if kind not in MATERNITY_KINDS:
        raise InputError(
            _(
                "Kind: {maternity_kinds} (normal, complicated birth, multiple pregnancy).",
                maternity_kinds=', '.join(MATERNITY_KINDS),
            ),
            "kind",
        )
    n = (
        int(table.value[kind])
        if days is None
        else int(number(days, "days", _("the days of leave"), low=1, high=194, integer=True))
    )
    coef = _coef(district_coef)
    rule = rb.lookup("sick_pay.maternity_divisor", start)

    def divisor(years: tuple[int, int]) -> Decimal | None:
        if rule.value["rule"] == "fixed":
            return None
        total = sum(366 if calendar.isleap(y) else 365 for y in years)
        ex = number(
            excluded_days, "excluded_days", _("the excluded days"), high=total - 1, integer=True
        )
        return dec(total) - ex

    tr, base = _base_years(start, earnings, replace_years, coef, country, divisor)
    used = divisor(base.years)
    tr.given(
        "maternity_divisor",
        used if used is not None else rb.value("sick_pay.divisor", start),
        label=_("Days of the reference period (divisor)"),
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
            label=_("Maternity pay"),
            unit="rub",
            source=_("Law 255-FZ art. 11 part 1: 100% of average earnings"),
            rules=[table],
            benefit_avg_daily=Q(d, "rub_per_day", _("average daily earnings")),
            leave_days=Q(part_days, "days", _("days of leave")),
        )
    tr.given(
        "maternity_ndfl",
        0,
        label=_("НДФЛ"),
        unit="rub",
        source=_("Tax Code art. 217 para. 1: maternity pay is not taxed"),
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
