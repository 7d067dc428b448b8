"""The Vietnamese lessons' exercises (ids "V1.1"…; lessons vn01–vn05), on the machinery of
:mod:`payroll_ui.lessons.content` (``Call``, ``Exercise``, ``Trap``, ``Solution``). Texts are
``{"vi": …, "en": …}`` (the lessons' own words, not messages of the code). Every answer is computed by
``calc.vn`` each time; none is printed in the lessons (tests/lessons/test_lesson_transfer.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import calc.vn
from calc.core.text import dong


def V(vi: str, en: str) -> dict[str, str]:
    """A text of the Vietnamese lessons in both their languages."""
    return {"vi": vi, "en": en}


def _pay(**kwargs: Any) -> Any:
    return calc.vn.monthly(**kwargs)


def pit_gap(gross: Any, dependants: int, before: tuple[int, int], after: tuple[int, int]) -> Any:
    """How much less tax a month is withheld under the later rules than under the earlier, same pay."""
    from payroll_ui.lessons.content import Solution

    a = calc.vn.monthly(gross=gross, year=before[0], month=before[1], dependants=dependants)
    b = calc.vn.monthly(gross=gross, year=after[0], month=after[1], dependants=dependants)
    words = {
        "vi": ("Thuế theo quy định {y1}", "Thuế theo quy định {y2}", "Chênh lệch mỗi tháng"),
        "en": ("Tax under the {y1} rules", "Tax under the {y2} rules", "Difference a month"),
    }

    def explain(lang: str) -> str:
        w = words.get(lang, words["en"])
        return (f"{w[0].format(y1=before[0])}:\n{a.explain(lang)}\n\n{w[1].format(y2=after[0])}:\n{b.explain(lang)}"
                f"\n\n{w[2]} = {dong(a.pit, lang)} − {dong(b.pit, lang)} = {dong(a.pit - b.pit, lang)}")

    def brief(lang: str) -> str:
        w = words.get(lang, words["en"])
        return (f"{w[0].format(y1=before[0])}: {dong(a.pit, lang)} · {w[1].format(y2=after[0])}: {dong(b.pit, lang)} · "
                f"{w[2]} = {dong(a.pit, lang)} − {dong(b.pit, lang)} = {dong(a.pit - b.pit, lang)}")

    return Solution(a.pit - b.pit, explain, brief)


def line(field: str, **kwargs: Any) -> Any:
    """One line of a month's pay (``field`` of :func:`calc.vn.monthly`), with the engine's own step for it as the
    trainer's key (picked by name: another line may have the same amount)."""
    from payroll_ui.lessons.content import Solution, _step_line

    r = calc.vn.monthly(**kwargs)
    value = getattr(r, field)

    def brief(lang: str) -> str:
        step = next((s for s in r.steps if s.key == field), None)
        return _step_line(step, lang) if step is not None else dong(value, lang)

    return Solution(value, r.explain, brief)


def exercises() -> tuple[Any, ...]:
    from payroll_ui.lessons.content import Call, Exercise, Trap

    lesson1 = (
        Exercise(
            "V1.1",
            V("Chị Hoa làm ở một doanh nghiệp tư nhân tại vùng II, tiền lương tháng 4/2026 ghi trong hợp đồng và "
              "dùng để đóng bảo hiểm là 14.600.000 ₫. Tổng ba khoản bảo hiểm bắt buộc (BHXH, BHYT, BHTN) trừ vào lương "
              "của chị là bao nhiêu đồng?",
              "Hoa works for a private company in region II; her April 2026 salary in the contract, which is also "
              "her insurance salary, is 14,600,000 ₫. How many đồng are the three compulsory insurances (social, "
              "health, unemployment) deducted from her pay?"),
            Call(_pay, gross=14600000, year=2026, month=4, region="II", pick="employee_insurance"),
            "vnd",
            V("người lao động đóng 8 % BHXH + 1,5 % BHYT + 1 % BHTN trên tiền lương đóng bảo hiểm.",
              "the employee pays 8% social + 1.5% health + 1% unemployment insurance on the insurance salary."),
            traps=(
                Trap(Call(_pay, gross=14600000, year=2026, month=4, region="II", pick="employer_insurance"),
                     V("Đó là phần người sử dụng lao động đóng — không trừ vào lương.",
                       "That is the employer's share — it is not deducted from the pay.")),
            ),
        ),
        Exercise(
            "V1.2",
            V("Anh Tuấn là đoàn viên công đoàn ở một công ty tư nhân, tiền lương đóng BHXH tháng 5/2026 là "
              "31.400.000 ₫. Đoàn phí công đoàn trừ vào lương tháng đó là bao nhiêu đồng?",
              "Tuấn is a union member at a private company; his May 2026 salary for social insurance is "
              "31,400,000 ₫. How many đồng of union dues are deducted that month?"),
            Call(line, "union_dues", gross=31400000, year=2026, month=5, member_of_union=True),
            "vnd",
            V("đoàn phí là 0,5 % tiền lương đóng BHXH, nhưng không quá 10 % mức lương cơ sở.",
              "the dues are 0.5% of the social-insurance salary, but at most 10% of the base salary."),
            traps=(
                Trap(Call(_pay, gross=31400000, year=2025, month=6, member_of_union=True, pick="union_dues"),
                     V("Đó là mức cũ 1 %; từ 01/7/2025 đoàn phí là 0,5 %.",
                       "That is the old 1% rate; from 1 Jul 2025 the dues are 0.5%.")),
            ),
        ),
        Exercise(
            "V1.3",
            V("Chị Lan, vùng I, tháng 6/2026: tổng thu nhập 21.300.000 ₫ (cũng là tiền lương đóng bảo hiểm), không "
              "đăng ký người phụ thuộc, là đoàn viên công đoàn. Lương thực nhận của chị là bao nhiêu đồng?",
              "Lan, region I, June 2026: gross pay 21,300,000 ₫ (also her insurance salary), no registered "
              "dependants, a union member. How many đồng is her net pay?"),
            Call(_pay, gross=21300000, year=2026, month=6, region="I", member_of_union=True, pick="net"),
            "vnd",
            V("lấy tổng thu nhập trừ bảo hiểm bắt buộc, thuế TNCN (nếu có) và đoàn phí.",
              "take the gross pay minus the compulsory insurance, the income tax (if any) and the union dues."),
            traps=(
                Trap(Call(_pay, gross=21300000, year=2026, month=6, region="I", pick="net"),
                     V("Anh chị quên trừ đoàn phí công đoàn.", "You forgot to deduct the union dues.")),
            ),
        ),
    )
    lesson2 = (
        Exercise(
            "V2.1",
            V("Anh Minh, tháng 3/2026: tổng thu nhập 35.000.000 ₫ (cũng là tiền lương đóng bảo hiểm), đăng ký 1 người "
              "phụ thuộc. Thu nhập tính thuế của anh trong tháng là bao nhiêu đồng?",
              "Minh, March 2026: gross pay 35,000,000 ₫ (also his insurance salary), one registered dependant. How "
              "many đồng is his taxable income for the month?"),
            Call(_pay, gross=35000000, year=2026, month=3, dependants=1, pick="taxable_income"),
            "vnd",
            V("trừ bảo hiểm bắt buộc trước, rồi 15,5 triệu cho bản thân và 6,2 triệu cho mỗi người phụ thuộc.",
              "deduct the compulsory insurance first, then 15.5 million for oneself and 6.2 million per dependant."),
            traps=(
                Trap(Call(_pay, gross=35000000, year=2025, month=12, dependants=1, pick="taxable_income"),
                     V("Đó là mức giảm trừ cũ (11 triệu và 4,4 triệu); từ kỳ tính thuế 2026 là 15,5 triệu và "
                       "6,2 triệu.",
                       "Those are the old deductions (11 and 4.4 million); from the 2026 tax period they are 15.5 and "
                       "6.2 million.")),
            ),
        ),
        Exercise(
            "V2.2",
            V("Cũng anh Minh, tháng 3/2026. Thuế TNCN khấu trừ trong tháng là bao nhiêu đồng?",
              "The same Minh, March 2026. How many đồng of income tax are withheld that month?"),
            Call(_pay, gross=35000000, year=2026, month=3, dependants=1, pick="pit"),
            "vnd",
            V("áp biểu 5 bậc năm 2026 lên thu nhập tính thuế: 5 % đến 10 triệu, 10 % từ 10 đến 30 triệu.",
              "apply the 2026 five-bracket schedule to the taxable income: 5% up to 10 million, 10% from 10 to 30 "
              "million."),
        ),
        Exercise(
            "V2.3",
            V("Chị Thu: tổng thu nhập 42.000.000 ₫ mỗi tháng (cũng là tiền lương đóng bảo hiểm), 2 người phụ thuộc. "
              "Thuế TNCN khấu trừ tháng 1/2026 ít hơn tháng 12/2025 bao nhiêu đồng?",
              "Thu: gross pay 42,000,000 ₫ a month (also her insurance salary), two dependants. By how many đồng is "
              "the income tax withheld in January 2026 lower than in December 2025?"),
            Call(pit_gap, 42000000, 2, (2025, 12), (2026, 1)),
            "vnd",
            V("tính thuế hai lần: với giảm trừ và biểu 7 bậc năm 2025, rồi với giảm trừ và biểu 5 bậc năm 2026.",
              "compute the tax twice: with the 2025 deductions and seven brackets, then with the 2026 deductions "
              "and five brackets."),
        ),
    )
    return (*lesson1, *lesson2, *_lessons_3_to_5())


def demand_cost(workers: int, old: int, new: int, year: int, month: int, region: str = "I") -> Any:
    """What a pay rise from ``old`` to ``new`` (gross, also the insurance salary) for ``workers`` people
    costs the employer a month: the difference in the total cost (pay + insurance + union fund)."""
    from payroll_ui.lessons.content import Solution

    a = calc.vn.monthly(gross=old, year=year, month=month, region=region)
    b = calc.vn.monthly(gross=new, year=year, month=month, region=region)
    one = b.total_cost - a.total_cost
    value = one * workers
    words = {
        "vi": ("Chi phí cho một người trước khi tăng", "Chi phí cho một người sau khi tăng",
               "Tăng thêm cho một người", "Cho {n} người"),
        "en": ("Cost of one worker before the rise", "Cost of one worker after the rise",
               "Extra cost of one worker", "For {n} workers"),
    }

    def brief(lang: str) -> str:
        w = words.get(lang, words["en"])
        return (f"{w[0]}: {dong(a.total_cost, lang)} · {w[1]}: {dong(b.total_cost, lang)} · "
                f"{w[2]} = {dong(one, lang)} · {w[3].format(n=workers)} = {workers} × {dong(one, lang)} = "
                f"{dong(value, lang)}")

    def explain(lang: str) -> str:
        w = words.get(lang, words["en"])
        return f"{w[0]}:\n{a.explain(lang)}\n\n{w[1]}:\n{b.explain(lang)}\n\n{brief(lang)}"

    return Solution(value, explain, brief)


def months_total(grosses: tuple[int, ...], year: int, first_month: int, field: str, **kw: Any) -> Any:
    """The sum of one payslip line over consecutive months (a pay spreadsheet's column total)."""
    from payroll_ui.lessons.content import Solution

    months = [calc.vn.monthly(gross=g, year=year, month=first_month + i, **kw) for i, g in enumerate(grosses)]
    values = [getattr(m, field) for m in months]
    value = sum(values, Decimal(0))

    words = {"vi": ("tháng", "Cộng"), "en": ("month", "Total")}

    def brief(lang: str) -> str:
        w = words.get(lang, words["en"])
        each = " · ".join(f"{w[0]} {first_month + i}/{year}: {dong(v, lang)}" for i, v in enumerate(values))
        return f"{each} · {w[1]} = " + " + ".join(dong(v, lang) for v in values) + f" = {dong(value, lang)}"

    def explain(lang: str) -> str:
        parts = [m.explain(lang) for m in months]
        return "\n\n".join(parts) + "\n\n" + brief(lang)

    return Solution(value, explain, brief)


def _lessons_3_to_5() -> tuple[Any, ...]:
    """Lessons 3–5's exercises, in order."""
    from payroll_ui.lessons.content import Call, Exercise, Trap

    lesson3 = (
        Exercise(
            "V3.1",
            V("Chị Mai làm ở một doanh nghiệp tư nhân tại vùng III, tiền lương đóng bảo hiểm tháng 4/2026 là "
              "11.800.000 ₫. Người sử dụng lao động phải đóng BHXH, BHYT, BHTN phần của mình cho chị là bao nhiêu đồng "
              "(không tính kinh phí công đoàn)?",
              "Mai works for a private company in region III; her April 2026 insurance salary is 11,800,000 ₫. How "
              "many đồng of social, health and unemployment insurance must the employer pay for her as its own share "
              "(the union fund not included)?"),
            Call(_pay, gross=11800000, year=2026, month=4, region="III", pick="employer_insurance"),
            "vnd",
            V("người sử dụng lao động đóng BHXH 17,5 %, BHYT 3 %, BHTN 1 % trên tiền lương đóng bảo hiểm.",
              "the employer pays 17.5% social, 3% health and 1% unemployment insurance on the insurance salary."),
            traps=(
                Trap(Call(_pay, gross=11800000, year=2026, month=4, region="III", pick="employee_insurance"),
                     V("Đó là phần người lao động đóng (10,5 %), không phải phần của người sử dụng lao động.",
                       "That is the worker's share (10.5%), not the employer's.")),
            ),
        ),
        Exercise(
            "V3.2",
            V("Anh Khoa, vùng I, tháng 5/2026: tiền lương đóng bảo hiểm 58.000.000 ₫. Tổng chi phí của người sử "
              "dụng lao động cho anh trong tháng (tiền lương + bảo hiểm phần người sử dụng lao động + kinh phí công "
              "đoàn) là bao nhiêu đồng?",
              "Khoa, region I, May 2026: insurance salary 58,000,000 ₫. How many đồng does the employer spend on him "
              "that month in all (the pay + its share of the insurances + the union fund)?"),
            Call(_pay, gross=58000000, year=2026, month=5, region="I", pick="total_cost"),
            "vnd",
            V("nhớ mức trần: BHXH, BHYT tính tối đa trên 20 lần lương cơ sở, BHTN trên 20 lần lương tối thiểu vùng.",
              "mind the ceilings: social and health insurance on at most 20 base salaries, unemployment insurance "
              "on at most 20 regional minimum wages."),
        ),
        Exercise(
            "V3.3",
            V("Công đoàn cơ sở đề nghị tăng lương cho 25 công nhân ở vùng II từ 7.500.000 ₫ lên 8.200.000 ₫ mỗi tháng "
              "(tiền lương đóng bảo hiểm bằng tiền lương), từ tháng 7/2026. Mỗi tháng người sử dụng lao động phải chi "
              "thêm bao nhiêu đồng (tiền lương, bảo hiểm phần người sử dụng lao động và kinh phí công đoàn)?",
              "The grassroots union asks for a rise for 25 workers in region II from 7,500,000 ₫ to 8,200,000 ₫ a "
              "month (the insurance salary is the pay), from July 2026. How many đồng more a month does the employer "
              "spend (the pay, its share of the insurances and the union fund)?"),
            Call(demand_cost, 25, 7500000, 8200000, 2026, 7, "II"),
            "vnd",
            V("tính tổng chi phí cho một người trước và sau khi tăng, lấy hiệu rồi nhân với số người.",
              "compute one worker's total cost before and after the rise, take the difference, multiply by the "
              "number of workers."),
        ),
    )
    lesson4 = (
        Exercise(
            "V4.1",
            V("Anh Phúc có tiền lương giờ 42.000 ₫. Tháng 3/2026 anh làm thêm 6 giờ ban ngày vào ngày nghỉ hằng tuần. "
              "Tiền lương làm thêm giờ tối thiểu của anh là bao nhiêu đồng?",
              "Phúc's hourly wage is 42,000 ₫. In March 2026 he works 6 hours of overtime in the daytime on his weekly "
              "rest day. How many đồng is his overtime pay at the least?"),
            Call(calc.vn.overtime_pay, 42000, 6, 2026, 3, day="weekly_rest", pick="value"),
            "vnd",
            V("ngày nghỉ hằng tuần: ít nhất 200 % tiền lương giờ.", "the weekly rest day: at least 200% of the hourly "
              "wage."),
            traps=(
                Trap(Call(calc.vn.overtime_pay, 42000, 6, 2026, 3, day="workday", pick="value"),
                     V("Đó là mức ngày thường (150 %); ngày nghỉ hằng tuần là 200 %.",
                       "That is the workday rate (150%); the weekly rest day is 200%.")),
            ),
        ),
        Exercise(
            "V4.2",
            V("Chị Ngọc làm ca đêm theo lịch (không phải làm thêm giờ) từ 22 giờ đến 6 giờ, 8 giờ một ca, 20 ca trong "
              "tháng 4/2026; tiền lương giờ 35.000 ₫. Tiền lương tối thiểu cho các giờ làm ban đêm đó là bao nhiêu "
              "đồng?",
              "Ngọc works scheduled night shifts (not overtime) from 22:00 to 06:00, 8 hours a shift, 20 shifts in "
              "April 2026; her hourly wage is 35,000 ₫. How many đồng is the pay for those night hours at the least?"),
            Call(calc.vn.night_pay, 35000, 160, 2026, 4, pick="value"),
            "vnd",
            V("giờ làm ban đêm được trả thêm ít nhất 30 % tiền lương giờ ban ngày.",
              "night hours are paid at least 30% more than the day-time hourly wage."),
        ),
        Exercise(
            "V4.3",
            V("Anh Hải làm thêm 3 giờ ban ngày vào ngày Quốc khánh 2/9/2026; tiền lương giờ 50.000 ₫. Tiền lương làm "
              "thêm giờ tối thiểu (chưa kể tiền lương của ngày lễ) là bao nhiêu đồng?",
              "Hải works 3 hours of overtime in the daytime on National Day, 2 Sep 2026; his hourly wage is "
              "50,000 ₫. How many đồng is his overtime pay at the least (the holiday's own pay not counted)?"),
            Call(calc.vn.overtime_pay, 50000, 3, 2026, 9, day="holiday", pick="value"),
            "vnd",
            V("ngày lễ, tết: ít nhất 300 % tiền lương giờ.", "a public holiday: at least 300% of the hourly wage."),
        ),
        Exercise(
            "V4.4",
            V("Chị Yến làm hỏng thiết bị và phải bồi thường. Tiền lương thực trả tháng 6/2026 của chị sau khi trích "
              "BHXH, BHYT, BHTN và thuế TNCN là 9.450.000 ₫. Mỗi tháng người sử dụng lao động được khấu trừ tối đa "
              "bao nhiêu đồng?",
              "Yến damaged equipment and must pay compensation. Her June 2026 pay after social, health and "
              "unemployment insurance and income tax is 9,450,000 ₫. How many đồng may the employer deduct a month "
              "at most?"),
            Call(calc.vn.deduction_limit, 9450000, 2026, 6, pick="value"),
            "vnd",
            V("khấu trừ không quá 30 % tiền lương thực trả hằng tháng sau bảo hiểm và thuế (Điều 102).",
              "at most 30% of the monthly pay actually paid after insurance and tax (art. 102)."),
        ),
    )
    lesson5 = (
        Exercise(
            "V5.1",
            V("Trên ứng dụng VssID, quá trình tham gia của anh Đức ghi tiền lương đóng BHXH tháng 2/2026 là "
              "9.800.000 ₫, vùng IV. Tổng ba khoản bảo hiểm phải trừ vào lương của anh tháng đó là bao nhiêu đồng? "
              "(Dùng số này để đối chiếu với phiếu lương.)",
              "In the VssID app, Đức's contribution record shows a social-insurance salary of 9,800,000 ₫ for "
              "February 2026, region IV. How many đồng of the three insurances should have been deducted from his pay "
              "that month? (Compare this with the payslip.)"),
            Call(_pay, gross=9800000, year=2026, month=2, region="IV", pick="employee_insurance"),
            "vnd",
            V("10,5 % tiền lương đóng bảo hiểm ghi trên VssID.", "10.5% of the insurance salary shown in VssID."),
        ),
        Exercise(
            "V5.2",
            V("Bảng tính lương chị Hương lưu thành tệp CSV có ba dòng: tổng thu nhập tháng 1, 2, 3/2026 là "
              "30.000.000 ₫, 30.000.000 ₫ và 36.000.000 ₫ (cũng là tiền lương đóng bảo hiểm), không người phụ thuộc. "
              "Cột thuế TNCN của ba tháng cộng lại là bao nhiêu đồng? (Đối chiếu với số thuế đã khấu trừ trên eTax "
              "Mobile.)",
              "Hương's pay spreadsheet saved as CSV has three rows: gross pay for January, February and March 2026 "
              "of 30,000,000 ₫, 30,000,000 ₫ and 36,000,000 ₫ (also the insurance salary), no dependants. How many "
              "đồng is the income-tax column's total for the three months? (Compare with the tax withheld shown in "
              "eTax Mobile.)"),
            Call(months_total, (30000000, 30000000, 36000000), 2026, 1, "pit"),
            "vnd",
            V("tính thuế từng tháng (bảo hiểm, giảm trừ 15,5 triệu, biểu 5 bậc) rồi cộng ba tháng.",
              "compute each month's tax (insurance, the 15.5 million deduction, five brackets), then add the three."),
        ),
        Exercise(
            "V5.3",
            V("Một đồng nghiệp chia sẻ đường liên kết đến phép tính của mình: lương thực nhận 18.000.000 ₫, vùng I, "
              "tháng 3/2026, không người phụ thuộc, không phải đoàn viên. Người nhận được liên kết có thể suy ra tổng "
              "thu nhập của anh ấy là bao nhiêu đồng?",
              "A colleague shares a link to his calculation: net pay 18,000,000 ₫, region I, March 2026, no "
              "dependants, not a union member. What gross pay, in đồng, can whoever gets the link work out?"),
            Call(_pay, net=18000000, year=2026, month=3, region="I", pick="gross"),
            "vnd",
            V("đi ngược: tìm tổng thu nhập mà sau bảo hiểm và thuế còn đúng số thực nhận đó.",
              "work backwards: find the gross that leaves exactly that net after insurance and tax."),
        ),
    )
    return (*lesson3, *lesson4, *lesson5)
