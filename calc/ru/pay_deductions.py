"""Deductions from pay (ТК РФ ст. 137, 138, 377; Federal Law 229-ФЗ ст. 99–101, 111; СК РФ ст. 81).

- The base is the pay after НДФЛ less the incomes nothing may be taken from (229-ФЗ ст. 101, the
  payer says which parts of the pay are such).
- Writs are served by priority (229-ФЗ ст. 111): 1 — alimony, harm to health, loss of a breadwinner,
  damage caused by a crime; 2–4 — other writs (the caller gives the priority); then the employer's
  own deductions (ТК ст. 137, 248). Within a priority a short amount is shared in proportion to the
  claims (ст. 111 ч. 3), rounded down to kopecks.
- Each deduction also respects its own limit on the total taken so far (ТК ст. 138, 229-ФЗ ст. 99):
  70 % for priority-1 claims, 50 % for other writs, 20 % for the employer's deductions.
- On the worker's application the subsistence minimum is kept (229-ФЗ ст. 99 ч. 1.1, from
  01.02.2022) — not against alimony, harm to health, loss of a breadwinner or crime damage, and not
  against the employer's own deductions (they are not enforcement under 229-ФЗ).
- Union dues (ТК ст. 377 ч. 5) are transferred on the worker's written application: they are the
  worker's own disposal of the pay, not a deduction under ст. 137, so the limits of ст. 138 do not
  apply (Роструд's guidance on deductions at the worker's will); they are taken last, from what is left.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction
from typing import Any

from calc.core.errors import InputError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import KOPECK, ZERO, a_date, amount, dec, flag, items_of, number, rate
from calc.core.rules import rulebook
from calc.core.text import T, Text, money, tr
from calc.ru.income_tax import ndfl_detail

# kind: (priority or None when the caller gives it, limit key, law, kept-minimum applies)
KINDS: dict[str, tuple[int | None, str, Text, bool]] = {
    "alimony": (
        1,
        "special",
        _("Family Code art. 81; Law 229-FZ art. 99 part 3"),
        False,
    ),
    "harm_health": (1, "special", _("Law 229-FZ art. 99 part 3, art. 111"), False),
    "breadwinner": (1, "special", _("Law 229-FZ art. 99 part 3, art. 111"), False),
    "crime_damage": (1, "special", _("Law 229-FZ art. 99 part 3, art. 111"), False),
    "writ": (
        None,
        "writs",
        _("Law 229-FZ art. 99 part 2, art. 111; Labour Code art. 138 part 2"),
        True,
    ),
    "employer": (5, "general", _("Labour Code art. 137, 138 part 1, 248"), False),
}
KIND_NAMES: dict[str, Text] = {
    "alimony": _("alimony for minor children"),
    "harm_health": _("compensation for harm to health"),
    "breadwinner": _("compensation for the loss of a breadwinner"),
    "crime_damage": _("damage caused by a crime"),
    "writ": _("writ of execution"),
    "employer": _("employer's deduction (art. 137)"),
    "union_dues": _("union dues"),
}


@dataclass(frozen=True)
class Deduction:
    """One deduction: a ``share`` of the base, a fixed ``amount``, or ``children`` for alimony by the СК shares."""

    kind: str
    share: Any = None
    amount: Any = None
    children: int | None = None
    priority: int | None = None
    label: str | None = None


@dataclass(frozen=True)
class DeductionLine:
    kind: str
    label: Text
    priority: int | None
    requested: Decimal
    amount: Decimal
    limit: Decimal | None
    law: Text


@dataclass(frozen=True, kw_only=True)
class Deductions(Explained):
    pay: Decimal
    ndfl: Decimal
    net_before: Decimal
    base: Decimal
    items: tuple[DeductionLine, ...]
    total: Decimal
    received: Decimal


def _floor(x: Decimal) -> Decimal:
    return max(x, ZERO).quantize(KOPECK, rounding=ROUND_FLOOR)


def _requested(
    t: Trace, d: Deduction, i: int, base: Decimal, pay: Decimal, on: date, limits: Mapping[str, Any]
) -> Decimal:
    rb = rulebook()
    name = KIND_NAMES[d.kind]
    label = _("No. {i}: {name} — claimed", i=i + 1, name=lambda lang, name=name: name[lang])
    if d.amount is not None:
        if d.share is not None or d.children is not None:
            raise InputError(_("Give either a share or an amount."), "deductions")
        return t.given(
            "deduction_claim",
            amount(d.amount, "deductions", _("the amount of the deduction")),
            label=label,
            unit="rub",
        )
    if d.kind == "union_dues":
        dues = rb.lookup("pay_deductions.union_dues", on)
        r = (
            dec(dues.value)
            if d.share is None
            else rate(d.share, "deductions", _("the dues rate"), high=1)
        )
        return t.calc(
            "deduction_claim",
            "pay * dues_rate",
            label=label,
            unit="rub",
            rules=[dues],
            pay=Q(pay, "rub", _("pay for the month")),
            dues_rate=Q(r, "rate", _("dues rate")),
        )
    rules = []
    if d.children is not None:
        if d.kind != "alimony" or d.share is not None:
            raise InputError(_("Children are given only for alimony without a share."), "deductions")
        n = int(number(d.children, "children", _("the number of children"), low=1, high=20, integer=True))
        rule = rb.lookup("pay_deductions.alimony_shares", on)
        share = Fraction(rule.value[min(n, 3)])
        rules.append(rule)
    elif d.share is not None:
        share = Fraction(rate(d.share, "deductions", _("the share of the deduction"), high=1))
    else:
        raise InputError(_("Give a share, an amount or the number of children."), "deductions")
    top = Fraction(dec(limits[KINDS[d.kind][1]]))
    if share > top:
        raise InputError(
            _(
                "The share {share:.4g} is above the {top:.0%} limit for '{name}'.",
                share=float(share),
                top=float(top),
                name=lambda lang, name=name: name[lang],
            ),
            "deductions",
        )
    return t.calc(
        "deduction_claim",
        "deduction_base * share_num / share_den",
        label=label,
        unit="rub",
        rules=rules,
        deduction_base=Q(base, "rub", _("base of deductions")),
        share_num=Q(share.numerator, "number", _("share: numerator")),
        share_den=Q(share.denominator, "number", _("share: denominator")),
    )


def deductions(
    pay: Any,
    items: Iterable[Deduction],
    *,
    on: date,
    ndfl: Any = None,
    prior_income: Any = 0,
    resident: bool = True,
    exempt: Mapping[str, Any] | None = None,
    keep_minimum: bool = False,
    minimum: Any = None,
    country: str = "ru",
) -> Deductions:
    """Deductions from one month's ``pay`` (accrued) and what the worker receives.

    ``ndfl``: the tax withheld (computed from ``prior_income`` if not given). ``exempt``: parts of the
    pay nothing may be taken from, by kind of ``pay_deductions.exempt_incomes``. ``keep_minimum``: the
    worker applied to keep the subsistence minimum (``minimum``: the regional figure, else the federal).
    """
    on = a_date(on, "on", _("the date of payment"))
    items = items_of(items, Deduction, "items", _("the deductions"))
    if exempt is not None and not isinstance(exempt, Mapping):
        raise InputError(_("Please give the exempt parts of the pay as a table: kind of income → amount."), "exempt")
    rb = rulebook(country)
    rb.check_date(on)
    p = amount(pay, "pay", _("the pay accrued"))
    t = Trace()
    t.given("deduction_pay", p, label=_("Pay for the month"), unit="rub")
    if ndfl is None:
        prior = amount(prior_income, "prior_income", _("the income earlier this year"))
        tax = ndfl_detail(prior + p, on.year, resident, country=country, trace=t, key="ndfl_to_date").tax
        tax -= ndfl_detail(prior, on.year, resident, country=country).tax if prior else ZERO
    else:
        tax = amount(ndfl, "ndfl", _("the НДФЛ withheld"))
    if tax > p:
        raise InputError(_("The НДФЛ exceeds the pay."), "ndfl")
    t.given(
        "deduction_ndfl",
        tax,
        label=_("НДФЛ"),
        unit="rub",
        source=_("Labour Code art. 138 part 1: after taxes"),
    )
    kinds = rb.lookup("pay_deductions.exempt_incomes", on)
    ex = ZERO
    for k, v in (exempt or {}).items():
        if k not in kinds.value:
            raise InputError(
                _("Unknown kind of income '{k}'; allowed: {value}.", k=k, value=', '.join(kinds.value)),
                "exempt",
            )
        ex += amount(v, "exempt", _("the amount of the income"))
    net_before = t.calc(
        "deduction_net_before",
        "deduction_pay - deduction_ndfl",
        rounding="none",
        label=_("Due after НДФЛ"),
        unit="rub",
        deduction_pay=Q(p, "rub", _("pay")),
        deduction_ndfl=Q(tax, "rub", _("НДФЛ")),
    )
    if ex > net_before:
        raise InputError(_("The protected incomes exceed the pay after НДФЛ."), "exempt")
    base = t.calc(
        "deduction_base",
        "deduction_net_before - exempt_income",
        rounding="none",
        label=_("Base of deductions"),
        unit="rub",
        rules=[kinds] if exempt else [],
        deduction_net_before=Q(net_before, "rub", _("after НДФЛ")),
        exempt_income=Q(ex, "rub", _("art. 101 incomes")),
    )
    limits_rule = rb.lookup("pay_deductions.limits", on)
    limits = limits_rule.value
    keep = None
    if flag(keep_minimum, "keep_minimum", _("whether to keep the minimum")):
        rule = rb.lookup("pay_deductions.subsistence_minimum", on)
        if rule.value is None and minimum is None:
            raise InputError(
                _("Keeping the subsistence minimum applies from 01.02.2022 (Law 229-FZ art. 99 part 1.1)."),
                "keep_minimum",
            )
        keep = t.given(
            "subsistence_minimum",
            amount(minimum, "minimum", _("the subsistence minimum"))
            if minimum is not None
            else dec(rule.value),
            label=_("Subsistence minimum kept for the worker"),
            unit="rub",
            rules=[] if minimum is not None else [rule],
            source=_("Law 229-FZ art. 99 part 1.1"),
        )
    claims: list[tuple[int, Deduction, Decimal]] = []
    dues: list[tuple[int, Deduction, Decimal]] = []
    for i, d in enumerate(items):
        if not isinstance(d, Deduction) or (d.kind not in KINDS and d.kind != "union_dues"):
            known = ", ".join([*KINDS, "union_dues"])
            raise InputError(_("Unknown kind of deduction; allowed: {known}.", known=known), "deductions")
        req = _requested(t, d, i, base, p, on, limits)
        (dues if d.kind == "union_dues" else claims).append((i, d, req))
    lines: dict[int, DeductionLine] = {}
    taken = ZERO
    for prio in sorted({_priority(d) for _i, d, _r in claims}):
        group = [(i, d, r) for i, d, r in claims if _priority(d) == prio]
        room = min(dec(limits[KINDS[d.kind][1]]) * base for _, d, _ in group) - taken
        if keep is not None and any(KINDS[d.kind][3] for _, d, _ in group):
            room = min(room, base - taken - keep)
        room = _floor(room)
        want = sum((r for _, _, r in group), ZERO)
        t.given(
            "deduction_room",
            room,
            label=_("May be deducted in priority {prio}", prio=prio),
            unit="rub",
            rules=[limits_rule],
            source=_("Law 229-FZ art. 99, 111; Labour Code art. 138"),
        )
        for i, d, r in group:
            got = r if want <= room else _floor(room * r / want)
            taken += got
            lines[i] = DeductionLine(d.kind, _label(d), prio, r, got, room, KINDS[d.kind][2])
            t.given(
                "deduction_item",
                got,
                label=_("No. {i}: deducted", i=i + 1),
                unit="rub",
                source=KINDS[d.kind][2],
                note=None
                if want <= room
                else _(
                    "not enough for the whole claim: {room} × {r} / {want}, down to kopecks (Law 229-FZ art. 111 "
                    "part 3)",
                    room=lambda lang, room=room: money(room, lang),
                    r=lambda lang, r=r: money(r, lang),
                    want=lambda lang, want=want: money(want, lang),
                ),
            )
    for i, d, r in dues:
        got = min(r, net_before - taken)
        taken += got
        lines[i] = DeductionLine(
            d.kind, _label(d), None, r, got, None, _("Labour Code art. 377 part 5")
        )
        t.given(
            "deduction_item",
            got,
            label=_("No. {i}: union dues", i=i + 1),
            unit="rub",
            source=_("Labour Code art. 377 part 5: on the worker's application, outside the limits of art. 138"),
        )
    ordered = tuple(lines[i] for i in sorted(lines))
    total = t.calc(
        "deduction_total",
        " + ".join(f"d{k}" for k in range(len(ordered))) or "0",
        rounding="none",
        label=_("Deducted in total"),
        unit="rub",
        **{f"d{k}": Q(x.amount, "rub", _("No. {k}", k=k + 1)) for k, x in enumerate(ordered)},
    )
    received = t.calc(
        "deduction_received",
        "deduction_net_before - deduction_total",
        rounding="none",
        label=_("The worker receives"),
        unit="rub",
        deduction_net_before=Q(net_before, "rub", _("after НДФЛ")),
        deduction_total=Q(total, "rub", _("deducted")),
    )
    return Deductions(
        pay=p,
        ndfl=tax,
        net_before=net_before,
        base=base,
        items=ordered,
        total=total,
        received=received,
        steps=tuple(t.steps),
    )


def _priority(d: Deduction) -> int:
    fixed = KINDS[d.kind][0]
    if fixed is not None:
        return fixed
    if d.priority not in (2, 3, 4):
        raise InputError(_("For a writ give its priority 2, 3 or 4 (Law 229-FZ art. 111)."), "priority")
    return int(d.priority)


def _label(d: Deduction) -> Text:
    name = KIND_NAMES[d.kind]
    return T(d.label or tr(name, "ru"), d.label or tr(name, "en"))
