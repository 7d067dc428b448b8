"""НДФЛ and employer contributions on one payment made on top of what was paid earlier in the year.

- НДФЛ (НК РФ ст. 226 п. 3): tax on the income to date including the payment − tax on the income
  before it, each rounded to whole rubles (ст. 52 п. 6).
- Contributions (НК РФ ст. 431 п. 1): in the month accrued, on the base to date (caps and the SME
  threshold of that month): contributions with the payment − without it, each fund to kopecks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calc.core.explain import Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, amount
from calc.core.rules import rulebook
from calc.ru.advance import regional
from calc.ru.contributions import FUNDS, accident_rate, month_parts, tariff
from calc.ru.cost import ACCIDENT_SOURCE, KIND_SOURCE
from calc.ru.income_tax import NDFL_226, NORTHERN_BASE, ndfl_detail


def payment_ndfl(
    tr: Trace,
    taxable: Decimal,
    prior_income: Decimal,
    year: int,
    resident: bool = True,
    country: str = "ru",
    *,
    key: str = "ndfl_payment",
    taxable_name: str = "taxable_part",
    northern: Decimal = ZERO,
    prior_northern: Decimal = ZERO,
) -> Decimal:
    """НДФЛ withheld from a payment of ``taxable`` income after ``prior_income`` earlier in ``year``.

    ``northern`` / ``prior_northern``: the district coefficient and northern allowance within them, a
    separate base from 2025 (НК ст. 210 п. 6.2, ст. 224 п. 1.2).
    """
    rb = rulebook(country)
    on = date(year, 1, 1)
    to_date = tr.calc(
        "income_to_date",
        f"prior_income + {taxable_name}",
        rounding="none",
        prior_income=prior_income,
        **{taxable_name: taxable},
    )
    north = ZERO
    if northern or prior_northern:
        north = tr.calc(
            "northern_to_date",
            "prior_northern + payment_northern",
            rounding="none",
            prior_northern=prior_northern,
            payment_northern=northern,
            source=NORTHERN_BASE,
            rules=[rb.lookup("ndfl.northern_scale", on)],
        )
    tax_to_date = ndfl_detail(
        to_date - north, year, resident, northern=north, country=country, trace=tr, key="ndfl_to_date"
    ).tax
    before = (
        ndfl_detail(
            prior_income - prior_northern,
            year,
            resident,
            northern=prior_northern,
            country=country,
            trace=tr,
            key="ndfl_before",
        ).tax
        if prior_income
        else ZERO
    )
    return tr.calc(
        key,
        "ndfl_to_date - ndfl_before",
        rounding="none",
        ndfl_to_date=tax_to_date,
        ndfl_before=before,
        source=NDFL_226,
        rules=[
            rb.lookup("ndfl.resident_scale" if resident else "ndfl.nonresident_rate", on),
            rb.lookup("ndfl.rounding", on),
        ],
    )


def average_pay_northern(
    tr: Trace, name: str, pay: Decimal, on: date, district_coef: Any, northern_percent: Any, country: str = "ru"
) -> Decimal:
    """The district and northern part of a payment by average earnings (leave pay, leave compensation):
    from 2026 it joins the separate НДФЛ base (НК ст. 210 п. 6.2 as amended by Law 425-FZ of 28.11.2025).
    Its share is the coefficient's and allowance's share of the pay they apply to."""
    rule = rulebook(country).lookup("ndfl.northern_in_average_earnings", on)
    coef, north = regional(district_coef, northern_percent)
    if not rule.value or coef + north == 1 or not pay:
        return ZERO
    share = tr.calc(
        "regional_share",
        "(district_coef - 1 + northern_percent) / (district_coef + northern_percent)",
        rounding="none",
        district_coef=coef,
        northern_percent=north,
        note=_(
            "The average earnings are taken to carry the same district coefficient and northern allowance as the "
            "pay they come from.",
        ),
    )
    return tr.calc(
        f"{name}_northern",
        f"{name} * regional_share",
        rules=[rule],
        regional_share=share,
        **{name: pay},
    )


@dataclass(frozen=True)
class PaymentContributions:
    by_fund: dict[str, Decimal]
    total: Decimal
    accident: Decimal


def payment_contributions(
    tr: Trace,
    pay: Decimal,
    on: date,
    *,
    prior_base: Any = 0,
    month_pay: Any = 0,
    kind: str = "general",
    accident_rate_: Any = None,
    accident_class: Any = None,
    country: str = "ru",
) -> PaymentContributions:
    """Contributions on ``pay`` accrued in the month of ``on``, after ``prior_base`` of earlier months and
    ``month_pay`` accrued earlier in the same month."""
    base = amount(prior_base, "prior_base", _("the contribution base earlier this year"))
    other = amount(month_pay, "month_pay", _("the other pay of this month"))
    t = tariff(kind, on, country)
    rb = rulebook(country)
    rounding = rb.lookup("contributions.rounding", date(on.year, 1, 1))
    with_pay: dict[str, Decimal] = {}
    without: dict[str, Decimal] = {}
    for out, p in ((with_pay, other + pay), (without, other)):
        for part, b in month_parts(t, p, base):
            out[part.fund] = out.get(part.fund, ZERO) + b * part.rate
    by_fund: dict[str, Decimal] = {}
    for fund, v in with_pay.items():
        by_fund[fund] = tr.calc(
            "contribution",
            "with_pay - without_pay",
            rounding=rounding.value,
            label=_("Contributions: {fund}", fund=lambda lang, fund=fund: FUNDS[fund][lang]),
            with_pay=Q(v, "rub", _("the month's contributions with the payment")),
            without_pay=Q(without.get(fund, ZERO), "rub", _("without it")),
            source=[KIND_SOURCE, _("Tax Code art. 424 para. 1, art. 431 para. 1")],
            rules=[*t.rules, rounding],
        )
    total = tr.calc(
        "contributions",
        " + ".join(f"c_{f}" for f in by_fund) or "0",
        rounding="none",
        **{f"c_{f}": Q(v, "rub", FUNDS[f]) for f, v in by_fund.items()},
    )
    acc, acc_rule = accident_rate(accident_rate_, accident_class, on, country)
    accident = tr.calc(
        "accident",
        "gross * accident_rate",
        gross=pay,
        accident_rate=acc,
        source=ACCIDENT_SOURCE,
        rules=[acc_rule] if acc_rule else [],
    )
    return PaymentContributions(by_fund, total, accident)
