"""Employer contributions, the cost to the employer, the year month by month, the inverse."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import calc
from calc.core.errors import InputError
from calc.core.rules import rulebook

D = Decimal
KINDS = sorted(calc.KINDS)


@pytest.mark.parametrize(("salary", "contributions", "total"), [(30_000, 10_260, 40_260), (60_000, 20_520, 80_520)])
def test_seed_cost_table_2011(salary: int, contributions: int, total: int) -> None:
    """Seed 002: 34 % contributions + 0.2 % accident insurance."""
    r = calc.employer_cost(salary, 2011, accident_class=1)
    assert r.contributions + r.accident == contributions
    assert r.total_cost == total
    assert r.by_fund == {
        "pension": D("0.26") * salary,
        "social": D("0.029") * salary,
        "medical_federal": D("0.031") * salary,
        "medical_territorial": D("0.02") * salary,
    }


def test_seed_table_holds_only_until_the_2011_cap() -> None:
    """463,000 is crossed in August at 60,000 a month: from then on no contributions above the cap."""
    df = calc.annual_payroll(60_000, 2011)
    assert list(df["contributions"][:7]) == [20_400] * 7
    assert df.loc[8, "contributions"] == D("0.34") * 43_000
    assert list(df["contributions"][8:]) == [0] * 4
    assert list(df["accident"]) == [120] * 12
    assert "cap" in df.loc[8, "events"]


def test_todays_figures_for_the_seed_salaries() -> None:
    assert calc.employer_cost(30_000, 2026).total_cost == D("39060.00")  # 30 % + 0.2 %
    assert calc.employer_cost(60_000, 2026).total_cost == D("78120.00")


def test_unified_tariff_cap_month_is_split() -> None:
    df = calc.annual_payroll(250_000, 2024)
    assert df.loc[9, "contributions"] == D("225000") * D("0.30") + D("25000") * D("0.151")
    assert list(df["contributions"][9:]) == [D("37750.00")] * 3
    assert "cap" in df.loc[9, "events"]


def test_separate_pension_and_social_caps_2015() -> None:
    m9 = calc.year_payroll(80_000, 2015).month(9)
    assert m9.by_fund == {"pension": D("15620") + D("900"), "social": D("870.000"), "medical": D("4080.000")}
    assert len(m9.events) == 2


def test_ndfl_band_event() -> None:
    df = calc.annual_payroll(300_000, 2025)
    assert "15%" in df.loc[9, "events"] and df.loc[9, "ndfl_rate"] == D("0.15")


@pytest.mark.parametrize(
    ("kind", "year", "month", "gross", "expected"),
    [
        ("sme", 2020, 3, 50_000, D("15000.00")),  # reduced tariff only from 1 April 2020
        ("sme", 2020, 4, 50_000, D("12130") * D("0.30") + D("37870") * D("0.15")),
        ("sme", 2022, 7, 50_000, D("13890") * D("0.30") + D("36110") * D("0.15")),  # МРОТ of 1 January
        ("sme", 2024, 1, 100_000, D("19242") * D("0.30") + D("80758") * D("0.15")),
        ("sme", 2025, 1, 100_000, D("33660") * D("0.30") + D("66340") * D("0.15")),  # 1.5 МРОТ
        ("sme", 2026, 1, 100_000, D("30000.00")),  # 2026: general tariff for ordinary SMEs
        ("sme_priority", 2026, 1, 100_000, D("21095.93")),  # 40,639.50 × 30 % + the rest × 15 %
        ("sme_manufacturing", 2026, 1, 100_000, D("16703.25")),  # 7.6 % above 1.5 МРОТ
        ("sme_manufacturing", 2024, 1, 100_000, D("19242") * D("0.30") + D("80758") * D("0.15")),
    ],
)
def test_sme_tariffs(kind: str, year: int, month: int, gross: int, expected: Decimal) -> None:
    assert calc.year_payroll(gross, year, kind=kind).month(month).contributions == expected.quantize(D("0.01"))


def test_accident_classes() -> None:
    assert calc.employer_cost(100_000, 2024, accident_class=32).accident == D("8500.00")
    assert calc.employer_cost(100_000, 2024, accident_rate="0.011").accident == D("1100.00")
    with pytest.raises(InputError):
        calc.employer_cost(100_000, 2024, accident_class=33)
    with pytest.raises(InputError):
        calc.employer_cost(100_000, 2024, accident_rate="0.5")


def test_from_net_and_from_total_cost() -> None:
    r = calc.employer_cost(net=65_250, year=2018)
    assert r.gross == D("75000.00") and r.exact
    r = calc.employer_cost(total_cost=D("40260"), year=2011)
    assert r.gross == D("30000.00") and r.exact


def test_two_gross_amounts_can_give_the_same_net() -> None:
    """НДФЛ in whole rubles makes gross → net many-to-one in places: the smaller gross is returned."""
    hits = {}
    for kop in range(300_000, 301_000):
        g = D(kop) / 100
        hits.setdefault(g - calc.ndfl(g, 2024), []).append(g)
    net, grosses = next((n, gs) for n, gs in hits.items() if len(gs) > 1)
    r = calc.employer_cost(net=net, year=2024)
    assert r.gross == min(grosses) and r.inverse_note is not None


def test_exactly_one_of_gross_net_total() -> None:
    with pytest.raises(InputError):
        calc.employer_cost(1000, 2024, net=900)
    with pytest.raises(InputError):
        calc.employer_cost(year=2024)
    with pytest.raises(InputError, match="employer kind"):
        calc.employer_cost(1000, 2024, kind="charity")


amounts = st.decimals(0, 5_000_000, places=2)


def _contributions_oracle(gross: Decimal, year: int, month: int) -> dict[str, Decimal]:
    """General tariff, written out independently: each fund's contributions on the base to date
    (rate up to the cap, the above-cap rate beyond), rounded to kopecks; this month's share is the
    difference of the amounts to date."""
    funds = calc.tariff("general", date(year, month, 1)).general

    def to_date(base: Decimal) -> dict[str, Decimal]:
        out = {}
        for f in funds:
            under = base if f.cap is None else min(base, f.cap)
            exact = under * f.rate + (base - under) * f.above_cap
            out[f.fund] = exact.quantize(D("0.01"), ROUND_HALF_UP)
        return out

    now, before = to_date(gross * month), to_date(gross * (month - 1))
    return {k: now[k] - before[k] for k in now}


@given(amounts, st.integers(2011, 2026), st.sampled_from(KINDS), st.integers(1, 12))
def test_month_figures_agree_with_independent_formulas(gross: Decimal, year: int, kind: str, month: int) -> None:
    """The month's НДФЛ is the tax on income to date less the tax on income before (НК ст. 226 п. 3),
    via ``calc.ndfl`` on the year's income; the general tariff's funds match a formula written here."""
    r = calc.employer_cost(gross, year, kind=kind, month=month)

    def personal(m: int) -> Decimal:  # 2011: 400 ₽ in each month while income since January ≤ 40,000 (ст. 218 пп. 3)
        return D(400) * sum(1 for k in range(1, m + 1) if gross * k <= 40_000) if year == 2011 else D(0)

    def tax(m: int) -> Decimal:
        return calc.ndfl(max(D(0), gross * m - personal(m)), year)

    assert r.ndfl == tax(month) - tax(month - 1)
    if kind == "general":
        assert r.by_fund == _contributions_oracle(gross, year, month)
    fast = calc.year_payroll(gross, year, kind=kind).months()[month - 1]  # the unexplained fast path agrees
    assert (fast.ndfl, fast.net, fast.by_fund, fast.accident, fast.total_cost) == (
        r.ndfl, r.net, r.by_fund, r.accident, r.total_cost)
    assert r.total_cost == r.gross + r.contributions + r.accident
    assert r.accident == (gross * D("0.002")).quantize(D("0.01"), ROUND_HALF_UP)  # class 1 by default


def _child_deductions(months: list[Decimal], year: int, children: int) -> Decimal:
    """Standard deductions of the year written out: each child's monthly amount while income to date stays
    within the limit (НК ст. 218 п. 1 пп. 4), and in 2011 the worker's 400 ₽ while it stays within 40,000 (пп. 3)."""
    v = rulebook().value("deductions.child", date(year, 1, 1))
    per = [D(v["first"]), D(v["second"]), *[D(v["third_plus"])] * 10][:children]
    total, to_date = D(0), D(0)
    for m in months:
        to_date += m
        if to_date <= D(v["income_limit"]):
            total += sum(per, D(0))
        if year == 2011 and to_date <= 40_000:
            total += 400
    return total


@given(st.lists(amounts, min_size=1, max_size=12), st.integers(2011, 2026), st.integers(0, 3))
def test_year_monthly_ndfl_sums_to_the_tax_on_the_years_taxable_income(months: list, year: int, children: int) -> None:
    df = calc.annual_payroll(months, year, children=children)
    taxable = max(D(0), sum(months, D(0)) - _child_deductions(months, year, children))
    assert df["ndfl"].sum() == calc.ndfl(taxable, year)


@given(amounts, amounts, st.integers(2011, 2026), st.sampled_from(KINDS), st.integers(1, 12))
def test_contributions_are_monotone_in_gross(a: Decimal, b: Decimal, year: int, kind: str, month: int) -> None:
    """For the year and for January; in a later month a higher pay may cross the cap earlier."""
    lo, hi = sorted((a, b))
    assert (
        calc.employer_cost(lo, year, kind=kind).contributions <= calc.employer_cost(hi, year, kind=kind).contributions
    )
    year_lo = calc.year_payroll(lo, year, kind=kind).totals()["contributions"]
    assert year_lo <= calc.year_payroll(hi, year, kind=kind).totals()["contributions"]
    months_lo = calc.year_payroll(lo, year, kind=kind).months()[:month]
    months_hi = calc.year_payroll(hi, year, kind=kind).months()[:month]
    assert sum(x.contributions for x in months_lo) <= sum(x.contributions for x in months_hi)


@settings(max_examples=40)
@given(st.decimals(2, 2_000_000, places=2), st.integers(2011, 2026), st.integers(1, 12), st.integers(0, 2))
def test_net_to_gross_round_trips(gross: Decimal, year: int, month: int, children: int) -> None:
    """Below about 1.15 rubles a month cumulative whole-ruble rounding can tax a month more than it pays
    (0.33 a month in 2011: December's tax is 1 ruble); such a negative net has no gross to go back to."""
    net = calc.employer_cost(gross, year, month=month, children=children).net
    back = calc.employer_cost(net=net, year=year, month=month, children=children)
    assert back.net == net and back.exact
    assert back.gross <= gross


@settings(max_examples=40)
@given(amounts, st.integers(2011, 2026), st.sampled_from(KINDS), st.integers(1, 12))
def test_total_cost_to_gross_round_trips(gross: Decimal, year: int, kind: str, month: int) -> None:
    """Any month: the same total cost comes back, from the given gross or a smaller one."""
    assume(gross > 0)
    total = calc.employer_cost(gross, year, kind=kind, month=month).total_cost
    back = calc.employer_cost(total_cost=total, year=year, kind=kind, month=month)
    assert back.total_cost == total and back.exact
    assert back.gross <= gross
    if month == 1:
        assert back.gross == gross  # January: total cost rises with gross, one gross per total


def test_total_cost_in_september_comes_from_several_distant_grosses() -> None:
    """2023, September, the same pay every month: 212,754.73 stays under the 1,917,000 cap through
    September; 240,248.62 crossed it in August, so September is all at 15.1 % — the same total cost."""
    for g in ("212754.73", "240248.62"):
        assert calc.employer_cost(g, 2023, month=9).total_cost == D("277006.66")
    r = calc.employer_cost(total_cost="277006.66", year=2023, month=9)
    assert r.gross == D("212754.73") and r.exact and D("240248.62") in r.other_grosses
    assert "212,754.73" in r.inverse_note["en"] and "240,248.62" in r.inverse_note["en"]
    assert "предельной базы" in r.inverse_note["ru"]
    for k in range(1, 50):  # nothing just below gives it
        assert calc.employer_cost(D("212754.73") - k * D("0.01"), 2023, month=9).total_cost != D("277006.66")


def test_net_with_a_child_deduction_lost_this_month_has_two_distant_grosses() -> None:
    """2024, one child, December: at 29,166 a month income stays within 350,000 and December keeps
    its 1,400 deduction; a little more loses it (182 rubles of tax), so some net pay comes from two
    gross amounts some 200 rubles apart."""
    low = calc.employer_cost("29166.00", 2024, month=12, children=1)
    r = calc.employer_cost(net=low.net, year=2024, month=12, children=1)
    assert r.gross == D("29165.00") and r.exact  # 29,165 and 29,166 differ by a ruble of tax: the same net
    assert r.other_grosses == (D("29166.00"), D("29374.00"), D("29375.00"))
    assert "for example 29,165.00" in r.inverse_note["en"] and "29,374.00" in r.inverse_note["en"]
    for g in r.other_grosses:
        assert calc.employer_cost(g, 2024, month=12, children=1).net == low.net
