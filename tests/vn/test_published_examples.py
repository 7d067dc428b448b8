"""Vietnam: worked examples published by official, press-of-record or firm sources, as tests.

Each test names its source (title, address, the date the stored copy was read), the example's inputs and
the figures the source printed. Where a printed figure disagrees with correct arithmetic or with the law
in force for the period, the test asserts the correct figure and says in a comment what the source
printed and why it is wrong; the engine is never bent to a printed figure.

Searched and found nothing usable (stored pages, 2 Dec 2026): a worked example on chinhphu.vn, gdt.gov.vn
or baohiemxahoi.gov.vn, PwC/KPMG/Deloitte/EY, Acclime, Vietnam Briefing, MISA, TopCV; an example with
figures under the 2026 five-bracket schedule of Law 109/2025/QH15 (the examples below that use the 2026
deductions predate that law).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc.vn as vn

D = Decimal


# --- 1. Ministry of Finance examples for the 15.5 M / 6.2 M deductions (Lao Động) ----------------------
# "Income of 25 million VND/month, one dependent person will pay 33,750 VND in tax", Lao Động (newspaper
# of the Vietnam General Confederation of Labour), Lục Giang, on the Ministry of Finance's draft resolution,
# https://news.laodong.vn/kinh-doanh/thu-nhap-25-trieu-dongthang-co-mot-nguoi-phu-thuoc-se-dong-thue-33750-dong-1573911.ldo
# (seen 2 Dec 2026). Printed: 20 M, no dependant: insurance 10.5 % = 2.1 M, "tax must be paid VND120,000";
# 25 M, one dependant: 33,750; 30 M, one dependant: 265,000; 30 M, two dependants: deductions
# 31.05 M, no tax. The deductions took effect for the 2026 tax period (Resolution 110/2025/UBTVQH15),
# so the engine's 2026 months are the right test (region I: every gross here is under the caps).

def test_mof_20m_no_dependant_pays_120_000() -> None:
    r = vn.monthly(gross=20_000_000, year=2026, month=3, region="I")
    assert r.employee_insurance == 2_100_000  # 10.5 % × 20 M, as printed
    assert r.taxable_income == 2_400_000  # 20 M − 2.1 M − 15.5 M
    assert r.pit == 120_000  # 5 % × 2.4 M, as printed
    assert r.net == 17_780_000  # gross → net: 20 M − 2.1 M − 120 000 (not printed; arithmetic)


def test_mof_25m_one_dependant_pays_33_750() -> None:
    r = vn.monthly(gross=25_000_000, year=2026, month=3, region="I", dependants=1)
    assert r.employee_insurance == 2_625_000
    assert r.taxable_income == 675_000  # 25 M − 2.625 M − 15.5 M − 6.2 M
    assert r.pit == 33_750  # 5 % × 675 000, as printed


def test_mof_30m_one_dependant_under_the_2026_schedule() -> None:
    # The article printed 265,000. That is 5 % × 5 M + 10 % × 0.15 M on a taxable income of 5.15 M under
    # the seven-bracket schedule (5–10 M at 10 %), the schedule in force when the draft was costed. For
    # 2026, Law 109/2025/QH15 art. 29(2) applies the five-bracket schedule (5 % up to 10 M), so the tax
    # on 5.15 M is 257,500. The source's arithmetic is right for the old schedule; the figure is not the
    # 2026 tax.
    r = vn.monthly(gross=30_000_000, year=2026, month=3, region="I", dependants=1)
    assert r.taxable_income == 5_150_000
    assert r.pit == 257_500  # 5 % × 5.15 M (2026)
    assert vn.pit(5_150_000, 2025, 12) == 265_000  # the printed figure, on the 2025 schedule


def test_mof_30m_two_dependants_pay_nothing() -> None:
    r = vn.monthly(gross=30_000_000, year=2026, month=3, region="I", dependants=2)
    deductions = r.employee_insurance + 15_500_000 + 2 * 6_200_000
    assert deductions == 31_050_000  # as printed
    assert r.taxable_income == 0 and r.pit == 0


# --- 2. Tax Department thresholds for the new deductions (Lao Động) --------------------------------------
# "Chi tiết mức giảm trừ gia cảnh mới và các mức thu nhập trường hợp không phải nộp thuế", Lao Động,
# https://news.laodong.vn/kinh-doanh/chi-tiet-muc-giam-tru-gia-canh-moi-va-cac-muc-thu-nhap-truong-hop-khong-phai-nop-thue-1593415.ldo
# (seen 2 Dec 2026), quoting the Tax Department. Printed: no dependant, 17 M a month, after insurance,
# no tax, "the income exceeding VND 17.285 million/month will start to be taxed"; one dependant, 24 M,
# no tax, taxed above 24.22 M; two dependants, 31 M, no tax, taxed above 31.155 M.
#
# The "no tax" cases are right. The thresholds are not: each adds the headroom at the round figure
# (17 M − 1.785 M insurance − 15.5 M = −285 000) to the gross without taking 10.5 % insurance off the
# added pay. The gross at which the taxable income reaches zero is deductions ÷ (1 − 10.5 %):
# 15.5 M ÷ 0.895 = 17 318 436 (rounded), 21.7 M ÷ 0.895 = 24 245 810, 27.9 M ÷ 0.895 = 31 173 184.
# At the printed thresholds the taxable income is still zero.

@pytest.mark.parametrize(("gross", "dependants"), [(17_000_000, 0), (24_000_000, 1), (31_000_000, 2)])
def test_tax_department_no_tax_cases(gross: int, dependants: int) -> None:
    r = vn.monthly(gross=gross, year=2026, month=1, region="I", dependants=dependants)
    assert r.taxable_income == 0 and r.pit == 0


@pytest.mark.parametrize(("printed", "threshold", "dependants"), [
    (17_285_000, 17_318_436, 0), (24_220_000, 24_245_810, 1), (31_155_000, 31_173_184, 2),
])
def test_tax_department_thresholds_are_low(printed: int, threshold: int, dependants: int) -> None:
    at_printed = vn.monthly(gross=printed, year=2026, month=1, region="I", dependants=dependants)
    assert at_printed.taxable_income == 0  # the source says tax starts here; it does not
    at = vn.monthly(gross=threshold, year=2026, month=1, region="I", dependants=dependants)
    above = vn.monthly(gross=threshold + 1_000, year=2026, month=1, region="I", dependants=dependants)
    assert at.taxable_income == 0  # the taxable income reaches zero here, not at the printed figure
    assert 890 <= above.taxable_income <= 900  # 1 000 đ more pay: 895 đ more taxable (89.5 %)


# --- 3. LawNet: PIT on a gross salary under the 2025 schedule --------------------------------------------
# "Calculating Personal Income Tax Based on Gross Salary", LawNet (lawnet.vn, legal Q&A),
# https://lawnet.vn/ngan-hang-phap-luat/en/tu-van-phap-luat/thue--phi--le-phi/calculating-personal-income-tax-based-on-gross-salary-1022918
# (seen 2 Dec 2026). Inputs: gross 30 M a month, compulsory insurance 3,131,000 (as given; not 10.5 % of
# 30 M, so the insurance salary differs from the gross), one dependant, 11 M / 4.4 M (Resolution 954/2020).
# Printed: taxable income 11,469,000 — right; tax 970,000 — wrong: the progressive schedule of art. 22
# gives 5 % × 5 M + 10 % × 5 M + 15 % × 1,469,000 = 250,000 + 500,000 + 220,350 = 970,350 (quick
# formula 15 % × 11,469,000 − 750,000 = 970,350). The source dropped the last 350 đồng.

def test_lawnet_gross_30m_one_dependant_2025() -> None:
    ti = 30_000_000 - 3_131_000 - 11_000_000 - 4_400_000
    assert ti == 11_469_000  # as printed
    assert vn.pit(ti, 2025, 6) == 970_350  # printed 970,000


# --- 4. Night overtime multipliers: Phuoc & Partners (law firm) and LawNet -------------------------------
# "Question 71: How are night work salary and night overtime salary calculated?", lawyer Nguyễn Hữu Phước
# (Phuoc & Partners), https://luatsunguyenhuuphuoc.com/en/question-71-how-are-night-work-salary-and-night-overtime-salary-calculated/
# and the same answer on https://chiaseluatlaodong.com/?p=3822 (both seen 2 Dec 2026). With A the
# normal-day hourly wage, printed: night work 130 % × A; night overtime on a workday without day-time
# overtime 200 % × A, with day-time overtime 210 % × A, on the weekly rest day 270 % × A, on a public
# holiday 390 % × A. On luatsunguyenhuuphuoc.com the first night-overtime line reads
# "(100% * A) + (30% * A) + (20% * 100% * A) = 200% * A": those terms add up to 150 %, not 200 %; the
# first term is 150 % (overtime on a workday, art. 98(1)(a)), as chiaseluatlaodong.com prints it and as
# Decree 145/2020/NĐ-CP art. 57 reads. The total 200 % is right.
# "Guidance on Calculating Overtime Pay for Night Work on Regular Working Days" and "Guidelines on
# Calculating Overtime Pay on Regular Days", LawNet,
# https://lawnet.vn/ngan-hang-phap-luat/en/tu-van-phap-luat/lao-dong--tien-luomg/guidelines-on-calculating-overtime-pay-on-regular-days-1073893
# (seen 2 Dec 2026): T = (150 % × T1) × H by day; at night without day-time overtime
# T = [(150 % × T1) + (30 % × T1) + (20 % × T1)] × H, with it [(150 % × T1) + (30 % × T1) + 20 % ×
# (150 % × T1)] × H — the same 200 % and 210 %.
# "How to calculate overtime payment in Vietnam", Manpower Vietnam, Hung Tran,
# https://manpower.com.vn/blog/2025/05/Overtime-pay-in-vietnam (seen 2 Dec 2026), table: workday
# 150 %, workday night 200 %, weekend 200 %, workday night after day-time overtime 210 %, weekend night
# 270 %, holiday 300 %, holiday night 390 %.

A = 100_000  # one hour at the normal-day wage, so the pay in đồng is the printed percentage × 1 000

@pytest.mark.parametrize(("day", "night", "before", "percent"), [
    ("workday", False, False, 150), ("weekly_rest", False, False, 200), ("holiday", False, False, 300),
    ("workday", True, False, 200), ("workday", True, True, 210), ("weekly_rest", True, False, 270),
    ("holiday", True, False, 390),
])
def test_overtime_multipliers_as_published(day: str, night: bool, before: bool, percent: int) -> None:
    r = vn.overtime_pay(A, 1, 2026, 5, day=day, night=night, day_overtime_before=before)
    assert r.value == A * percent // 100


def test_night_work_130_percent_and_hours() -> None:
    assert vn.night_pay(A, 1, 2025, 9).value == 130_000  # 130 % × A
    # LawNet's T = … × H with H = 3 night hours after day-time overtime: 3 × 210 % × 100 000 = 630 000.
    assert vn.overtime_pay(A, 3, 2025, 9, night=True, day_overtime_before=True).value == 630_000


# --- 5. Insurance caps: Vietnam Social Security (vietnam.vn) ---------------------------------------------
# "Lương đóng bảo hiểm thất nghiệp có thể vượt 100 triệu đồng" (Unemployment insurance salary may exceed
# 100 million), vietnam.vn, quoting Vietnam Social Security,
# https://www.vietnam.vn/en/luong-dong-bao-hiem-that-nghiep-co-the-vuot-100-trieu-dong (seen 2 Dec 2026).
# Printed: the employee's UI is 1 % of the monthly salary, the salary for UI at most 20 × the regional
# minimum wage: with 5.31 M (region I) and 3.7 M (region IV) from 1 Jan 2026, 106.2 M and 74 M; the
# minimum level 2.34 M (the reference level), and "the maximum unemployment insurance contribution level
# for employees subject to the salary regime prescribed by the State is 46.8 million VND" (20 × 2.34 M,
# the same cap as BHXH/BHYT; state-pay employees are not modelled separately, the SI/HI base is checked).

def test_vss_caps_region_i_and_iv_2026() -> None:
    hi = vn.monthly(gross=150_000_000, year=2026, month=2, region="I")
    assert hi.ui_base == 106_200_000 and hi.employee["unemployment"] == 1_062_000  # 1 % × 106.2 M
    assert hi.si_base == 46_800_000  # 20 × 2.34 M
    assert hi.employee["social"] == 3_744_000 and hi.employee["health"] == 702_000  # 8 %, 1.5 % of 46.8 M
    iv = vn.monthly(gross=150_000_000, year=2026, month=2, region="IV")
    assert iv.ui_base == 74_000_000 and iv.employee["unemployment"] == 740_000

