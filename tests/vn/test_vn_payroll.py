"""Vietnam, one month: gross ⇄ net ⇄ cost to the employer (calc.vn.monthly).

Published worked examples (Lao Động, LawNet, Phuoc & Partners, Manpower, Vietnam Social Security) are in
test_published_examples.py; the expected figures below are worked by hand from the published rates, caps, schedules
and quick formulas that the reference cites: PwC Tax Summaries Vietnam (rates, 7-bracket schedule,
deductions), Vietnam Social Security via vietnam.vn (caps), laodong.vn and vietnam.vn (2026 schedule,
15.5 M / 6.2 M deductions, Decision 61/QĐ-TLĐ dues), Mondaq (46.8 M and UI caps). Each figure is
written out in its comment so it can be checked with a pencil.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc.vn as vn

D = Decimal


def test_2025_gross_30m_region_i_no_dependants() -> None:
    # Reference §3.5 chain; PwC rates 8 / 1.5 / 1 % and 17.5 / 3 / 1 %; PwC 7-bracket quick formula.
    r = vn.monthly(gross=30_000_000, year=2025, month=3, region="I")
    assert r.employee == {"social": 2_400_000, "health": 450_000, "unemployment": 300_000}
    assert r.employee_insurance == 3_150_000
    assert r.taxable_income == 15_850_000  # 30 M − 3.15 M − 11 M
    assert r.pit == 1_627_500  # 15 % × 15.85 M − 0.75 M
    assert r.net == 25_222_500
    assert r.employer == {"retirement": 4_200_000, "sickness": 900_000, "accident": 150_000, "health": 900_000,
                          "unemployment": 300_000}
    assert r.employer_insurance == 6_450_000  # 21.5 %
    assert r.union_fund == 600_000  # 2 % (KPCĐ)
    assert r.total_cost == 37_050_000  # 30 M × 123.5 %
    assert r.union_dues == 0 and not r.below_minimum


def test_2026_gross_30m_one_dependant_union_member() -> None:
    # 2026: 15.5 M + 6.2 M deductions (Resolution 110/2025), 5-bracket schedule (Law 109/2025), dues 0.5 %.
    r = vn.monthly(gross=30_000_000, year=2026, month=3, region="I", dependants=1, member_of_union=True)
    assert r.taxable_income == 5_150_000  # 30 M − 3.15 M − 15.5 M − 6.2 M
    assert r.pit == 257_500  # 5 % × 5.15 M
    assert r.union_dues == 150_000  # 0.5 % × 30 M (cap 10 % × 2.34 M = 234 000)
    assert r.net == 26_442_500  # 30 M − 3.15 M − 257 500 − 150 000
    assert r.total_cost == 37_050_000


def test_2026_august_high_pay_region_ii_caps() -> None:
    # From 1 Jul 2026: SI/HI cap 20 × 2.53 M = 50.6 M (derived, verify); UI cap 20 × 4.73 M = 94.6 M.
    r = vn.monthly(gross=120_000_000, year=2026, month=8, region="II", dependants=2, member_of_union=True)
    assert (r.si_base, r.ui_base) == (50_600_000, 94_600_000)
    assert r.employee == {"social": 4_048_000, "health": 759_000, "unemployment": 946_000}
    assert r.taxable_income == 86_347_000  # 120 M − 5 753 000 − 15.5 M − 2 × 6.2 M
    assert r.pit == 16_404_100  # 30 % × 86 347 000 − 9.5 M
    assert r.union_dues == 253_000  # min(0.5 % × 50.6 M, 10 % × 2.53 M)
    assert r.net == 120_000_000 - 5_753_000 - 16_404_100 - 253_000
    assert r.employer_insurance == 8_855_000 + 1_518_000 + 946_000
    assert r.union_fund == 1_012_000
    assert r.total_cost == 132_331_000
    assert r.step("si_cap").verify  # the 50.6 M cap rests on a derived figure


def test_ui_caps_2025_and_2026() -> None:
    # Mondaq: 99.2 M / 69.0 M (2024–25); vietnam.vn (Vietnam Social Security): 106.2 M region I, 74.0 M region IV.
    for year, region, cap in ((2025, "I", 99_200_000), (2025, "IV", 69_000_000), (2026, "I", 106_200_000),
                              (2026, "IV", 74_000_000)):
        r = vn.monthly(gross=200_000_000, year=year, month=2, region=region)
        assert r.ui_base == cap
        assert r.si_base == 46_800_000  # 20 × 2.34 M (Mondaq)


def test_dues_before_july_2025_are_one_percent_capped() -> None:
    # Guidance 258/HD-TLĐ: 1 % of the insurance salary, at most 10 % of the base salary (234 000).
    assert vn.monthly(gross=20_000_000, year=2025, month=6, member_of_union=True).union_dues == 200_000
    assert vn.monthly(gross=30_000_000, year=2025, month=6, member_of_union=True).union_dues == 234_000
    # Decision 61/QĐ-TLĐ from 1 Jul 2025: 0.5 %.
    assert vn.monthly(gross=20_000_000, year=2025, month=7, member_of_union=True).union_dues == 100_000


def test_state_enterprise_dues_on_take_home_and_state_budget_none() -> None:
    r = vn.monthly(gross=20_000_000, year=2025, month=9, member_of_union=True, employer="state_enterprise")
    take_home = r.gross - r.employee_insurance - r.pit
    assert r.union_dues == (take_home * D("0.005")).quantize(D(1))
    b = vn.monthly(gross=20_000_000, year=2025, month=9, member_of_union=True, employer="state_budget")
    assert b.union_dues == 0 and b.union_fund == 0  # Official Letter 4133/TLĐ-ToC, from 1 Jun 2025
    assert vn.monthly(gross=20_000_000, year=2025, month=5, employer="state_budget").union_fund == 400_000


def test_reduced_accident_rate() -> None:
    r = vn.monthly(gross=30_000_000, year=2026, month=1, reduced_accident_rate=True)
    assert r.employer["accident"] == 90_000  # 0.3 % (Decree 58/2020 art. 4(3))


def test_foreign_employee_non_resident() -> None:
    # A foreigner with a 12-month contract: SI and HI (capped at 46.8 M), no UI; non-resident: 20 % flat.
    r = vn.monthly(gross=50_000_000, year=2025, month=10, foreign=True, contract_months=12, resident=False)
    assert r.employee == {"social": 3_744_000, "health": 702_000, "unemployment": 0}
    assert r.pit == 10_000_000
    assert r.net == 35_554_000
    assert r.employer["unemployment"] == 0 and r.employer["retirement"] == 6_552_000
    short = vn.monthly(gross=50_000_000, year=2025, month=10, foreign=True, contract_months=6)
    assert short.employee["social"] == 0 and short.employee["health"] == 702_000 and short.union_fund == 0
    assert len(short.notes) == 2


def test_minimum_wage_warning() -> None:
    r = vn.monthly(gross=5_000_000, year=2026, month=1, region="I")
    assert r.below_minimum and r.minimum_wage == 5_310_000 and r.pit == 0
    assert "5.310.000" in r.notes[0].render("vi") and "lương tối thiểu vùng" in r.notes[0].render("vi")
    assert not vn.monthly(gross=5_000_000, year=2026, month=1, region="II").below_minimum


@pytest.mark.parametrize("field", ["net", "total_cost"])
def test_inverse_gives_the_same_month(field: str) -> None:
    r = vn.monthly(gross=120_000_000, year=2026, month=8, region="II", dependants=2, member_of_union=True)
    back = vn.monthly(year=2026, month=8, region="II", dependants=2, member_of_union=True,
                      **{field: getattr(r, field)})
    assert back.exact and getattr(back, field) == getattr(r, field) and back.gross == 120_000_000


def test_explanation_in_vietnamese_and_english() -> None:
    r = vn.monthly(gross=30_000_000, year=2026, month=3, dependants=1, member_of_union=True)
    vi, en = r.explain("vi"), r.explain("en")
    for word in ("bảo hiểm xã hội do người lao động đóng", "giảm trừ cho bản thân người nộp thuế",
                 "thuế thu nhập cá nhân", "kinh phí công đoàn", "đoàn phí công đoàn", "Căn cứ",
                 "30.000.000\u00a0₫", "Luật Thuế thu nhập cá nhân số 109/2025/QH15"):
        assert word in vi, word
    for word in ("personal income tax", "union fund", "Source", "30,000,000\u00a0₫", "Law on PIT 109/2025/QH15"):
        assert word in en, word
    assert "thu nhập tính thuế ở bậc 1" in vi  # a message of the code, translated
    assert "≈" not in vi


def test_inverse_says_when_several_gross_amounts_give_the_net() -> None:
    # 26 000 001 net comes from 31 022 018 and 31 022 019 gross (each contribution and the tax in whole đồng).
    r = vn.monthly(net=26_000_001, year=2025, month=3)
    assert r.exact and r.gross == 31_022_018 and r.net == 26_000_001
    assert "31.022.019" in r.inverse_note.render("vi")
    assert vn.monthly(gross=31_022_019, year=2025, month=3).net == 26_000_001


def test_inverse_without_an_exact_gross_gives_the_nearest_above() -> None:
    # The total cost rises by 1 đồng of gross plus up to 6 rounded employer parts: some costs are skipped.
    # (A net is never skipped: the deductions only grow, so the net rises by at most 1 đồng a step.)
    found = 0
    for n in range(37_000_000, 37_000_060):
        r = vn.monthly(total_cost=n, year=2025, month=3)
        assert r.total_cost >= n
        if not r.exact:
            found += 1
            assert r.total_cost > n and "gần nhất" in r.inverse_note.render("vi")
            assert vn.monthly(gross=r.gross - 1, year=2025, month=3).total_cost < n
    assert found, "no cost in the range lacks an exact gross: the test checks nothing"
