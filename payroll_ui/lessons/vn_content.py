"""The Vietnamese lessons' exercises (ids "V1.1"…; lessons vn01–vn05), on the machinery of
:mod:`payroll_ui.lessons.content` (``Call``, ``Exercise``, ``Trap``, ``Solution``). Texts are
``{"vi": …, "en": …}`` (the lessons' own words, not messages of the code). Every answer is computed by
``calc.vn`` each time; none is printed in the lessons (tests/lessons/test_lesson_transfer.py).

Lessons 1–2 are here; lessons 3–5 in :mod:`payroll_ui.lessons.vn_content35`.
"""

from __future__ import annotations

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
    from payroll_ui.lessons import vn_content35
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
    return (*lesson1, *lesson2, *vn_content35.exercises())
