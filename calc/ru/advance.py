"""The advance: pay for the first half of the month (ТК РФ ст. 136 ч. 6), and the final payment.

Methods: ``"days"`` — proportional to working days worked in the first half (Ministry of Labour
letters of 10.08.2017 and 20.03.2019); ``"percent"`` — a fixed share of the basis.
What it is paid on: the salary and the allowances paid for time worked (long-service, class,
qualification…), with the district coefficient and northern allowance on them — the letters leave
out only what depends on the month's results (monthly bonus, overtime, night and holiday work);
``salary_only=True`` keeps the older practice of the salary alone.
Bases: ``"gross"`` — the salary (today's rule: the advance is income when paid and НДФЛ is
withheld from it, in whole rubles, since 2023, Law 263-FZ); ``"net"`` — the salary less the month's
НДФЛ with nothing withheld at the advance (common before 2023, and the seed article's convention).
Whatever the method, advance paid + final payment = the month's net pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, amount, flag, number, rate, round_to
from calc.core.rules import rulebook
from calc.ru.calendar import CALENDAR, calendar_rule, working_days, working_days_between
from calc.ru.income_tax import NDFL_226, NORTHERN_BASE, ndfl

LAW_136 = _(
    "Labour Code art. 136 part 6; Ministry of Labour letters 10.08.2017 No. 14-1/V-725, 20.03.2019 No. 14-1/V-178",
)
ALLOWANCES_NOTE = _(
    "The allowances paid for time worked (long-service, class, qualification and the like) go into the advance; "
    "the monthly bonus, overtime, night and holiday work are paid with the final payment (Ministry of Labour "
    "letters 10.08.2017 No. 14-1/V-725, 20.03.2019 No. 14-1/V-178).",
)
SALARY_ONLY_NOTE = _("On the salary alone, as chosen (the allowances for time worked are left to the final payment).")
REGIONAL_SOURCE = _("Labour Code art. 148 and 315–317")


@dataclass(frozen=True, kw_only=True)
class AdvanceResult(Explained):
    year: int
    month: int
    method: str
    basis: str
    withheld: bool
    norm_days: int
    first_half_days: int
    days_worked: Decimal
    month_gross: Decimal
    month_ndfl: Decimal
    month_net: Decimal
    gross: Decimal  # the part of the month's pay the advance settles
    ndfl: Decimal  # НДФЛ withheld from the advance
    paid: Decimal  # what the worker receives as the advance
    final_gross: Decimal
    final_ndfl: Decimal
    final_payment: Decimal
    first_half_end: int
    salary_only: bool = False
    allowances: Decimal = ZERO  # the month's allowances for time worked that the advance includes
    northern: Decimal = ZERO  # district coefficient and northern allowance in the advance
    month_northern: Decimal = ZERO  # ... in the month's pay


def regional(district_coef: Any = 1, northern_percent: Any = 0) -> tuple[Decimal, Decimal]:
    """The district coefficient (1 to 3) and the northern allowance rate (0 to 100 %), checked."""
    coef = number(district_coef, "district_coef", _("the district coefficient"), low=1, high=3)
    north = rate(northern_percent, "northern_percent", _("the northern allowance"), high=1)
    return coef, north


def _tax_for(
    prior: tuple[Decimal, Decimal], income: tuple[Decimal, Decimal], year: int, resident: bool, country: str
) -> Decimal:
    """Tax on ``income`` (main part, northern part) paid after ``prior`` (the same two parts) this year:
    cumulative, whole rubles; the northern part is a separate base from 2025 (НК ст. 210 п. 6.2)."""
    (pm, pn), (im, inn) = prior, income
    after = ndfl(pm + im, year, resident, northern=pn + inn, country=country)
    return after - ndfl(pm, year, resident, northern=pn, country=country)


def advance(
    salary: Any,
    year: int,
    month: int,
    *,
    method: str = "days",
    basis: str | None = None,
    percent: Any = None,
    days_worked: Any = None,
    days_in_month: Any = None,
    withhold_ndfl: bool | None = None,
    month_gross: Any = None,
    prior_income: Any = 0,
    resident: bool = True,
    month_ndfl: Any = None,
    allowances: Any = 0,
    district_coef: Any = 1,
    northern_percent: Any = 0,
    salary_only: bool = False,
    prior_northern: Any = 0,
    country: str = "ru",
) -> AdvanceResult:
    """The advance for ``month`` of ``year`` and the final payment that remains.

    ``days_worked`` / ``days_in_month`` override the calendar (working days worked in the first half,
    working days in the month); ``month_gross`` overrides the month's total pay (default: the salary);
    ``prior_income`` is income paid earlier in the year (for the cumulative НДФЛ); ``month_ndfl``
    overrides the month's НДФЛ (when the caller computed it with deductions).
    ``allowances``: the month's allowances for time worked (for a whole month); the advance is paid on
    salary + allowances with ``district_coef`` and ``northern_percent`` on them, unless ``salary_only``.
    ``prior_northern``: the district coefficient and northern allowance within ``prior_income``.
    """
    rb = rulebook(country)
    rb.check_year(year)
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise InputError(_("The month must be 1 to 12, got {month}.", month=month), "month")
    s = amount(salary, "salary", _("the salary"), allow_zero=False)
    allow = amount(allowances, "allowances", _("the allowances for time worked"))
    coef, north = regional(district_coef, northern_percent)
    only = flag(salary_only, "salary_only", _("whether the advance is on the salary alone"))
    if only:
        allow, coef, north = ZERO, Decimal(1), ZERO
    factor = coef + north
    share = (factor - 1) / factor  # the district and northern part of the pay they apply to
    month_base = s + allow if factor == 1 else round_to((s + allow) * factor, "kopeck")
    total = month_base
    if month_gross is not None:
        total = amount(month_gross, "month_gross", _("the month's pay"))
    prior = amount(prior_income, "prior_income", _("the income earlier this year"))
    prior_north = amount(prior_northern, "prior_northern", _("the northern part of that income"))
    if prior_north > prior:
        raise InputError(
            _("The district and northern part of earlier income cannot exceed that income."), "prior_northern"
        )
    priors = (prior - prior_north, prior_north)
    on = date(year, month, 1)
    half_end = int(rb.value("labour.advance_first_half_end", on))
    withheld_rule = rb.lookup("ndfl.withheld_from_advance", on)
    withhold = (
        bool(withheld_rule.value)
        if withhold_ndfl is None
        else flag(withhold_ndfl, "withhold_ndfl", _("whether НДФЛ is withheld"))
    )
    basis = basis or ("gross" if withheld_rule.value else "net")
    if basis not in ("gross", "net"):
        raise InputError(_("The advance basis must be gross (the salary) or net (the salary less НДФЛ)."), "basis")
    if basis == "net" and withhold:
        raise InputError(
            _(
                "From 2023 НДФЛ is withheld from the advance (Law 263-FZ), so the 'net, nothing withheld' basis "
                "fits only years before 2023. Choose the gross basis, or switch withholding off to model the old "
                "practice.",
            ),
            "basis",
        )
    tr = Trace()
    net_note = (
        _(
            "The basis is the salary less the month's НДФЛ: the advance is part of the take-home pay, nothing is "
            "withheld from it, and the whole month's НДФЛ is withheld at the final payment.",
        )
        if basis == "net"
        else None
    )
    if prior:
        tr.given("prior_income", prior, source=NDFL_226)
    if prior_north:
        tr.given("prior_northern", prior_north, source=NORTHERN_BASE, rules=[rb.lookup("ndfl.northern_scale", on)])
    tr.given("month_gross", total)
    month_north = round_to(total * share, "kopeck")
    month_tax = (
        _tax_for(priors, (total - month_north, month_north), year, resident, country)
        if month_ndfl is None
        else amount(month_ndfl, "month_ndfl", _("the month's НДФЛ"))
    )
    tr.given("month_ndfl", month_tax, source=NDFL_226, rules=[rb.lookup("ndfl.resident_scale", on)])
    if basis == "gross":
        base = _base(tr, s, allow, only)
    elif allow or factor != 1:
        mb = tr.calc(
            "month_base",
            "(salary + advance_allowances) * (district_coef + northern_percent)",
            salary=s,
            advance_allowances=allow,
            district_coef=coef,
            northern_percent=north,
            source=REGIONAL_SOURCE,
            note=ALLOWANCES_NOTE if allow else None,
        )
        base = tr.calc("advance_base", "month_base - month_ndfl", rounding="none", month_base=mb, month_ndfl=month_tax)
    else:
        base = tr.calc("advance_base", "salary - month_ndfl", rounding="none", salary=s, month_ndfl=month_tax)
    first_key = "advance_main" if basis == "gross" and factor != 1 else "advance_gross"

    norm = (
        working_days(year, month, country)
        if days_in_month is None
        else int(
            number(
                days_in_month,
                "days_in_month",
                _("the working days of the month"),
                low=1,
                high=31,
                integer=True,
            )
        )
    )
    half = working_days_between(on, date(year, month, half_end), country)
    limit = half if days_in_month is None else min(norm, half_end)
    worked = (
        Decimal(min(half, norm))
        if days_worked is None
        else number(
            days_worked,
            "days_worked",
            _("the days worked in the first half"),
            low=0,
            high=31,
        )
    )
    if worked > limit or worked > norm:
        raise InputError(
            _(
                "{worked} days worked is more than the working days of the first half ({limit}).",
                worked=worked,
                limit=min(limit, norm),
            ),
            "days_worked",
        )

    if method == "days":
        if days_in_month is None:
            tr.given("norm_days", norm, source=CALENDAR, rules=[calendar_rule(year, country)])
            tr.given("first_half_days", half, source=CALENDAR, rules=[calendar_rule(year, country)])
        else:
            calendar_norm = working_days(year, month, country)
            tr.given(
                "norm_days",
                norm,
                note=_("entered by hand (the calendar has {calendar_norm})", calendar_norm=calendar_norm),
            )
        if days_worked is not None and worked != half:
            tr.given(
                "days_worked",
                worked,
                note=_("entered by hand (the calendar's first half has {half})", half=half),
            )
        gross = tr.calc(
            first_key,
            "advance_base / norm_days * days_worked",
            advance_base=base,
            norm_days=norm,
            days_worked=worked,
            source=LAW_136,
            note=net_note,
        )
    elif method == "percent":
        p = rate(percent, "percent", _("the advance percentage"), high=1)
        if p <= 0:
            raise InputError(_("The advance percentage must be above 0 and at most 100%."), "percent")
        if days_worked is None:
            gross = tr.calc(
                first_key,
                "advance_base * advance_percent",
                advance_base=base,
                advance_percent=p,
                source=LAW_136,
                note=net_note,
            )
        else:
            tr.given("first_half_days", half, source=CALENDAR, rules=[calendar_rule(year, country)])
            gross = tr.calc(
                first_key,
                "advance_base * advance_percent / first_half_days * days_worked",
                advance_base=base,
                advance_percent=p,
                first_half_days=max(half, 1),
                days_worked=worked,
                source=LAW_136,
                note=net_note,
            )
    else:
        raise InputError(
            _("The advance method must be days (by days worked) or percent (a share of the salary)."),
            "method",
        )
    adv_north = ZERO
    if first_key == "advance_main":
        main = gross
        adv_north = tr.calc(
            "advance_regional",
            "advance_main * (district_coef - 1 + northern_percent)",
            advance_main=main,
            district_coef=coef,
            northern_percent=north,
            source=REGIONAL_SOURCE,
        )
        gross = tr.calc(
            "advance_gross", "advance_main + advance_regional", advance_main=main, advance_regional=adv_north
        )
    if gross > total:
        raise InputError(_("The advance would exceed the month's pay — please check the inputs."), "month_gross")
    adv_tax = ZERO
    if withhold and basis == "gross":
        adv_tax = tr.given(
            "advance_ndfl",
            _tax_for(priors, (gross - adv_north, adv_north), year, resident, country),
            source=NDFL_226,
            rules=[withheld_rule],
        )
    else:
        tr.given("advance_ndfl", ZERO, rules=[withheld_rule])
    paid = tr.calc(
        "advance_paid", "advance_gross - advance_ndfl", rounding="none", advance_gross=gross, advance_ndfl=adv_tax
    )
    final_gross = tr.calc(
        "final_gross", "month_gross - advance_gross", rounding="none", month_gross=total, advance_gross=gross
    )
    final_tax = tr.calc(
        "final_ndfl",
        "month_ndfl - advance_ndfl",
        rounding="none",
        month_ndfl=month_tax,
        advance_ndfl=adv_tax,
        source=NDFL_226,
    )
    final = tr.calc(
        "final_payment", "final_gross - final_ndfl", rounding="none", final_gross=final_gross, final_ndfl=final_tax
    )
    return AdvanceResult(
        year=year,
        month=month,
        method=method,
        basis=basis,
        withheld=withhold,
        norm_days=norm,
        first_half_days=half,
        days_worked=worked,
        month_gross=total,
        month_ndfl=month_tax,
        month_net=total - month_tax,
        gross=gross,
        ndfl=adv_tax,
        paid=paid,
        final_gross=final_gross,
        final_ndfl=final_tax,
        final_payment=final,
        first_half_end=half_end,
        salary_only=only,
        allowances=allow,
        northern=adv_north,
        month_northern=month_north,
        steps=tuple(tr.steps),
    )


def _base(tr: Trace, salary: Decimal, allowances: Decimal, only: bool) -> Decimal:
    """The monthly salary (and allowances) the advance is a share of."""
    if allowances:
        tr.given("advance_allowances", allowances, note=ALLOWANCES_NOTE)
        return tr.calc(
            "advance_base", "salary + advance_allowances", rounding="none", salary=salary, advance_allowances=allowances
        )
    return tr.given("advance_base", salary, note=SALARY_ONLY_NOTE if only else None)
