"""Compensation for late pay (ТК РФ ст. 236): interest on each amount paid late, day by day.

- Each day of delay, from the day after the due date up to and including the day of payment, earns
  at least 1/150 of the Bank of Russia key rate in force that day (from 03.10.2016, Law 272-ФЗ);
  before 03.10.2016, 1/300 of the refinancing rate (equal to the key rate from 01.01.2016,
  Указание 3894-У). A collective or labour agreement may set a higher share (``denominator``).
- Partial payments reduce the debt from the next day; they pay the oldest debt first unless a
  payment names its debt.
- The base is the amount due to the worker after НДФЛ (``base="net"``, default) or the accrued
  amount (``base="gross"``); see docs/engine.md for why.
- Each period with one rate and one balance is rounded to kopecks; the total is their sum (the
  practice of the published calculators).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from calc.core.errors import InputError, OutOfRangeError
from calc.core.explain import Explained, Q, Trace
from calc.core.i18n import _
from calc.core.money import ZERO, a_date, amount, dec, items_of, listed, number
from calc.core.rules import Dated, rulebook
from calc.core.text import Text, day

LAW_236 = _("Labour Code art. 236")
KINDS: dict[str, Text] = {
    "wage": _("wages"),
    "advance": _("advance (pay for the first half of the month)"),
    "leave_pay": _("leave pay"),
    "settlement": _("final settlement on dismissal"),
    "sick_pay": _("sick pay (employer's part)"),
    "other": _("another payment due to the worker"),
}
BASE_NOTES: dict[str, Text] = {
    "net": _("the base is the amount due to the worker after НДФЛ (see docs/engine.md)"),
    "gross": _("the base is the accrued amount before НДФЛ (as chosen)"),
}
BASES = tuple(BASE_NOTES)
@dataclass(frozen=True)
class Debt:
    """An amount due on ``due`` (the last day it could be paid on time). ``ndfl``: the tax withheld from it."""

    amount: Any
    due: date
    kind: str = "wage"
    ndfl: Any = 0


@dataclass(frozen=True)
class Payment:
    """A payment made on ``on``; ``debt`` (index in the list of debts) when it pays a named debt."""

    on: date
    amount: Any
    debt: int | None = None


@dataclass(frozen=True)
class RatePeriod:
    """A rate of the caller's own (overrides the data from ``start``): ``rate`` as a fraction (0.16)."""

    start: date
    rate: Any


@dataclass(frozen=True)
class LatePeriod:
    """One row of the table: one debt, one balance, one rate."""

    debt: int
    kind: str
    start: date
    end: date
    days: int
    rate: Decimal
    denominator: int
    base: Decimal
    amount: Decimal
    verify: bool


@dataclass(frozen=True, kw_only=True)
class LatePay(Explained):
    periods: tuple[LatePeriod, ...]
    total: Decimal
    verify: bool
    unpaid: Decimal = ZERO
    bases: tuple[Decimal, ...] = field(default_factory=tuple)


def _rate_table(country: str, own: Sequence[RatePeriod]) -> tuple[list[tuple[date, Decimal, Dated | None]], date]:
    """The key-rate periods (the refinancing rate before 2016 handled in ``_day_rule``) and the known-to day."""
    rb = rulebook(country)
    known_to = rb.params["key_rate.known_to"].values[0].value
    table: list[tuple[date, Decimal, Dated | None]] = [
        (v.valid_from, dec(v.value), v) for v in rb.params["key_rate.key_rate"].values
    ]
    if own:
        for p in own:
            if not isinstance(p, RatePeriod):
                raise InputError(_("Rates are calc.RatePeriod(date, rate)."), "rates")
            a_date(p.start, "rates", _("the start date of the rate"))
        first = min(p.start for p in own)
        table = [t for t in table if t[0] < first]
        for p in sorted(own, key=lambda p: p.start):
            start = a_date(p.start, "rates", _("the start date of the rate"))
            r = number(p.rate, "rates", _("the rate (a fraction, 0.16 = 16%)"), high=1)
            table.append((start, r, None))
        known_to = max(known_to, max(p.start for p in own))
    return table, known_to


def _segments(
    start: date,
    end: date,
    country: str,
    table: list[tuple[date, Decimal, Dated | None]],
    denominator: int | None,
    known_to: date,
) -> list[tuple[date, date, Decimal, int, list[Dated]]]:
    """Split [start, end] where the rule (1/300 → 1/150) or the rate changes."""
    rb = rulebook(country)
    rules = rb.params["key_rate.rule"].values
    refi = rb.params["key_rate.refinancing_rate"].values
    cuts = {start}
    cuts |= {r.valid_from for r in rules if start < r.valid_from <= end}
    cuts |= {t[0] for t in table if start < t[0] <= end}
    cuts |= {r.valid_from for r in refi if start < r.valid_from <= end}
    if start <= known_to < end:
        cuts.add(known_to + timedelta(days=1))
    points = sorted(cuts)
    out = []
    for i, s in enumerate(points):
        e = points[i + 1] - timedelta(days=1) if i + 1 < len(points) else end
        rule = [r for r in rules if r.valid_from <= s][-1]
        used: list[Dated] = [rule]
        rate_name = rule.value["rate"]
        ref = [r for r in refi if r.valid_from <= s][-1] if rate_name == "refinancing_rate" else None
        if ref is not None and not isinstance(ref.value, dict):
            rate, src = dec(ref.value), ref
        else:
            if ref is not None:
                used.append(ref)
            found = [t for t in table if t[0] <= s]
            if not found:
                raise OutOfRangeError(_("No Bank of Russia rate for {s}.", s=lambda lang, s=s: day(s, lang)), "due")
            rate, src = found[-1][1], found[-1][2]
        if src is not None:
            used.append(src)
        den = int(rule.value["denominator"])
        if denominator is not None:
            den = min(den, denominator)
        out.append((s, e, rate, den, used))
    return out


def _check_debts(debts: Iterable[Debt], base: str) -> list[tuple[Debt, Decimal]]:
    out = []
    for i, d in enumerate(listed(debts, "debts", _("the amounts paid late"))):
        if not isinstance(d, Debt):
            raise InputError(_("Each amount is calc.Debt(amount, due, kind)."), "debts")
        if not isinstance(d.kind, str) or d.kind not in KINDS:
            raise InputError(
                _("Unknown kind of payment '{kind}'; allowed: {kinds}.", kind=d.kind, kinds=', '.join(KINDS)),
                "kind",
            )
        a_date(d.due, "due", _("the due date"))
        gross = amount(d.amount, "amount", _("the amount due"), allow_zero=False)
        tax = amount(d.ndfl, "ndfl", _("the НДФЛ withheld"))
        if tax >= gross:
            raise InputError(
                _(
                    "The НДФЛ ({tax}) cannot exceed the accrued amount ({gross}) (amount No. {i}).",
                    tax=tax,
                    gross=gross,
                    i=i + 1,
                ),
                "ndfl",
            )
        out.append((d, gross - tax if base == "net" else gross))
    if not out:
        raise InputError(_("Give at least one amount paid late."), "debts")
    return out


def late_pay_compensation(
    debts: Iterable[Debt],
    payments: Iterable[Payment] = (),
    *,
    until: date | None = None,
    base: str = "net",
    denominator: Any = None,
    rates: Sequence[RatePeriod] = (),
    country: str = "ru",
) -> LatePay:
    """Compensation under ТК РФ ст. 236 for ``debts`` paid by ``payments`` (and, if unpaid, up to ``until``).

    ``denominator``: a higher compensation set by a collective or labour agreement, as 1/N of the rate
    (e.g. 100 for 1/100); it must not be below the law's minimum. ``rates``: rate periods of your own.
    """
    if not isinstance(base, str) or base not in BASES:
        raise InputError(_("Base: net (after НДФЛ) or gross (accrued)."), "base")
    if until is not None:
        until = a_date(until, "until", _("the date to compute up to"))
        rulebook(country).check_date(until)
    rates = items_of(rates, RatePeriod, "rates", _("the rate periods"))
    den = None
    if denominator is not None:
        den = int(
            number(
                denominator,
                "denominator",
                _("the denominator of the share (1/N)"),
                low=1,
                high=150,
                integer=True,
            )
        )
    rb = rulebook(country)
    items = _check_debts(debts, base)
    for d, _base in items:
        rb.check_date(d.due)
    pays = listed(payments, "payments", _("the payments"))
    for p in pays:
        if not isinstance(p, Payment):
            raise InputError(_("Each payment is calc.Payment(date, amount)."), "payments")
        a_date(p.on, "payments", _("the payment date"))
    pays.sort(key=lambda p: p.on)
    balances = [b for _, b in items]
    events: list[list[tuple[date, Decimal]]] = [[] for _ in items]  # per debt: (day paid, amount)
    order = sorted(range(len(items)), key=lambda i: items[i][0].due)
    for p in pays:
        on = a_date(p.on, "payments", _("the payment date"))
        rb.check_date(on)
        left = amount(p.amount, "payments", _("the payment amount"), allow_zero=False)
        targets = order if p.debt is None else [p.debt]
        if p.debt is not None and not 0 <= p.debt < len(items):
            raise InputError(_("There is no amount No. {debt}.", debt=p.debt), "payments")
        for i in targets:
            if left <= 0:
                break
            if balances[i] <= 0:
                continue
            due = items[i][0].due
            if on < due:
                raise InputError(
                    _(
                        "The payment of {on} is before the due date {due}: a payment on time is not a delay — "
                        "reduce the amount due by it.",
                        on=lambda lang, on=on: day(on, lang),
                        due=lambda lang, due=due: day(due, lang),
                    ),
                    "payments",
                )
            part = min(left, balances[i])
            balances[i] -= part
            left -= part
            events[i].append((on, part))
        if left > 0:
            raise InputError(
                _(
                    "The payment of {on} exceeds the debt left by {left}.",
                    on=lambda lang, on=on: day(on, lang),
                    left=left,
                ),
                "payments",
            )
    if any(b > 0 for b in balances):
        if until is None:
            raise InputError(_("Part of the debt is unpaid: give the date to compute up to (until)."), "until")
        end = a_date(until, "until", _("the date to compute up to"))
        rb.check_date(end)
        for i, b in enumerate(balances):
            if b > 0:
                if end < items[i][0].due:
                    raise InputError(_("The date is before the due date."), "until")
                events[i].append((end, b))
    table, known_to = _rate_table(country, rates)
    tr = Trace()
    rows: list[LatePeriod] = []
    for i, (d, b) in enumerate(items):
        kind = KINDS[d.kind]
        tr.given(
            "late_debt",
            b,
            label=_(
                "Amount No. {i} ({kind}), due {due}",
                i=i + 1,
                kind=lambda lang, kind=kind: kind[lang],
                due=lambda lang, d=d: day(d.due, lang),
            ),
            unit="rub",
            source=LAW_236,
            note=BASE_NOTES[base],
        )
        start, balance = d.due + timedelta(days=1), b
        for paid_on, part in events[i]:
            if paid_on >= start:
                rows += _periods(tr, i, d.kind, start, paid_on, balance, country, table, den, known_to)
            balance -= part
            start = max(start, paid_on + timedelta(days=1))
    total = tr.calc(
        "late_total",
        " + ".join(f"p{k}" for k in range(len(rows))) if rows else "0",
        rounding="none",
        label=_("Late-pay compensation, total"),
        unit="rub",
        source=LAW_236,
        **{f"p{k}": Q(r.amount, "rub", _("period {k}", k=k + 1)) for k, r in enumerate(rows)},
    )
    verify = any(r.verify for r in rows)
    return LatePay(
        periods=tuple(rows),
        total=total,
        verify=verify,
        unpaid=sum(balances, ZERO),
        bases=tuple(b for _, b in items),
        steps=tuple(tr.steps),
    )


def _periods(
    tr: Trace,
    i: int,
    kind: str,
    start: date,
    end: date,
    balance: Decimal,
    country: str,
    table: list[tuple[date, Decimal, Dated | None]],
    den: int | None,
    known_to: date,
) -> list[LatePeriod]:
    rows = []
    for s, e, rate, d, used in _segments(start, end, country, table, den, known_to):
        days = (e - s).days + 1
        beyond = e > known_to
        flagged = beyond or any(u.verify for u in used if u.name != "key_rate.known_to")
        note = (
            _("after the last date the rates are known for — the last known rate is used ⚠ verify")
            if beyond
            else None
        )
        value = tr.calc(
            "late_period",
            "late_base * key_rate * late_days / late_denominator",
            label=_("Compensation for {s}–{e}", s=lambda lang, s=s: day(s, lang), e=lambda lang, e=e: day(e, lang)),
            unit="rub",
            rules=used,
            source=LAW_236,
            note=note,
            late_base=Q(balance, "rub", _("amount unpaid")),
            key_rate=Q(rate, "rate", _("Bank of Russia rate")),
            late_days=Q(days, "days", _("days of delay")),
            late_denominator=Q(d, "number", _("denominator of the share")),
        )
        rows.append(LatePeriod(i, kind, s, e, days, rate, d, balance, value, flagged))
    return rows
