"""A short self-study quiz at the end of a lesson (issue 15): multiple-choice questions as ipywidgets
(RadioButtons and a *Check* button), the feedback in the page's language, so it works on a Voilà page without code.

Each question's options are computed by ``calc`` (the right answer and the known mistakes), never typed; each has
a one-sentence *why* in both languages. ``quiz(lesson, lang)`` builds the widget; ``QUIZZES`` holds the questions.
Russia's lessons 1–12 each have a quiz."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as widgets

import calc
from calc.core.text import T, Text, money, tr


@dataclass(frozen=True)
class Question:
    """One question: its text, the options (a callable giving each option's text in a language), which one is
    right, and why."""

    text: Text
    options: tuple[Callable[[str], str], ...]
    right: int
    why: Text


def _rub(fn: Callable[[], Any]) -> Callable[[str], str]:
    return lambda lang: money(fn(), lang)


def _words(text: Text) -> Callable[[str], str]:
    return lambda lang: tr(text, lang)


QUIZZES: dict[int, tuple[Question, ...]] = {
    1: (
        Question(
            T("Оклад 52 000 ₽; в марте 2026 года работник отработал 12 рабочих дней из положенных по календарю. "
              "Сколько ему начислят по окладу?",
              "Basic salary 52,000 ₽; in March 2026 the worker worked 12 of the month's working days. What is due "
              "for the time worked?"),
            (
                _rub(lambda: calc.salary_for_days(52000, 12, 31).amount),
                _rub(lambda: calc.salary_for_month(52000, 2026, 3, days_worked=12).amount),
                _rub(lambda: 52000),
            ),
            1,
            T("Оклад делят на рабочие дни месяца по производственному календарю и умножают на отработанные "
              "(ТК РФ ст. 129), а не на календарные дни.",
              "The basic salary is divided by the month's working days in the production calendar and multiplied by "
              "the days worked (Labour Code art. 129), not by calendar days."),
        ),
        Question(
            T("Что служит нормой дней месяца при пятидневной неделе?",
              "What is the month's norm of days for a five-day week?"),
            (
                _words(T("Календарные дни месяца", "The month's calendar days")),
                _words(T("Всегда 30 дней", "Always 30 days")),
                _words(T("Рабочие дни по производственному календарю", "The working days in the production calendar")),
            ),
            2,
            T("Норма — рабочие дни месяца по производственному календарю: в каждом месяце их своё число.",
              "The norm is the month's working days in the production calendar: each month has its own number."),
        ),
        Question(
            T("Оклад 52 000 ₽, апрель 2026 года отработан полностью, вычетов нет. Сколько работник получит на руки "
              "после НДФЛ?",
              "Basic salary 52,000 ₽, the whole of April 2026 worked, no deductions. How much does the worker "
              "receive after income tax?"),
            (
                _rub(lambda: calc.payslip(52000, 2026, 4).net),
                _rub(lambda: 52000),
                _rub(lambda: calc.payslip(52000, 2026, 4).net - calc.payslip(52000, 2026, 4).ndfl),
            ),
            0,
            T("На руки — начисленное за вычетом НДФЛ 13 %, округлённого до рубля; работодатель удерживает его сам.",
              "Net is the gross less income tax of 13%, rounded to the ruble; the employer withholds it."),
        ),
    ),
    2: (
        Question(
            T("Гражданский служащий, оклад 30 000 ₽, стаж — 9 лет и 11 месяцев. Какая у него надбавка за выслугу лет "
              "в месяц?",
              "A civil servant, basic salary 30,000 ₽, service of 9 years and 11 months. What is the monthly "
              "long-service allowance?"),
            (
                _rub(lambda: calc.seniority(30000, 10, "civil_service").bonus),
                _rub(lambda: calc.seniority(30000, 9, "civil_service").bonus),
                _rub(lambda: 30000 + calc.seniority(30000, 9, "civil_service").bonus),
            ),
            1,
            T("Ставку берут по полным годам стажа: 9 лет и 11 месяцев — это 9 полных лет, до следующей ступени "
              "стаж не округляют.",
              "The rate goes by full years of service: 9 years and 11 months is 9 full years; service is not "
              "rounded up to the next step."),
        ),
        Question(
            T("Где записана шкала надбавки за выслугу для работника частной или муниципальной организации?",
              "Where is the long-service scale written for a worker of a private or municipal employer?"),
            (
                _words(T("В Трудовом кодексе — одна шкала для всех", "In the Labour Code — one scale for everyone")),
                _words(T("В законе о гражданской службе (79-ФЗ)", "In the civil service law (79-FZ)")),
                _words(T("В соглашении, коллективном договоре или положении об оплате труда",
                         "In a sector agreement, the collective agreement or the employer's pay rules")),
            ),
            2,
            T("Трудовой кодекс шкалы не устанавливает; законом она задана только для госслужбы, полиции и армии, "
              "а у остальных — в соглашении, колдоговоре или локальном акте.",
              "The Labour Code sets no scale; the law gives one only for the civil service, police and military, and "
              "for everyone else it is in an agreement, the collective agreement or the employer's own rules."),
        ),
        Question(
            T("Работник трудился у двух работодателей с перерывом в полгода. Как считают его стаж для надбавки?",
              "A worker had two employers with a six-month gap between them. How is the service counted for the "
              "allowance?"),
            (
                _words(T("Складывают засчитываемые периоды работы, перерыв не входит",
                         "The periods that count are added up; the gap is left out")),
                _words(T("От даты первого приёма на работу до сегодня", "From the first hiring date until today")),
                _words(T("Только у последнего работодателя, всегда", "Only with the last employer, always")),
            ),
            0,
            T("Стаж — сумма засчитываемых периодов по трудовой книжке; перерыв между ними не считается, а "
              "пересекающиеся периоды считают один раз.",
              "Service is the sum of the periods that count, from the work book; a gap between them is not counted "
              "and overlapping periods are counted once."),
        ),
    ),
    3: (
        Question(
            T("Оклад 58 000 ₽, аванс за апрель 2025 года — 40 % оклада; с 2023 года НДФЛ удерживают и с аванса. "
              "Сколько работник получит в день аванса?",
              "Basic salary 58,000 ₽; the advance for April 2025 is 40% of the salary, and since 2023 income tax is "
              "withheld from the advance too. How much does the worker receive on the advance day?"),
            (
                _rub(lambda: calc.advance(58000, 2025, 4, method="percent", percent="0.40").gross),
                _rub(lambda: calc.advance(58000, 2025, 4, method="percent", percent="0.40").paid),
                _rub(lambda: 58000 * Decimal("0.40") * Decimal("0.87") * 2),
            ),
            1,
            T("Аванс — 40 % оклада, из него удерживают 13 % НДФЛ, округлённого до рубля.",
              "The advance is 40% of the salary, less 13% income tax rounded to the ruble."),
        ),
        Question(
            T("Как часто, по ТК РФ ст. 136, работодатель обязан платить зарплату?",
              "How often must the employer pay wages under Labour Code art. 136?"),
            (
                _words(T("Раз в месяц", "Once a month")),
                _words(T("Как решит работодатель", "As the employer decides")),
                _words(T("Не реже чем каждые полмесяца", "At least every half month")),
            ),
            2,
            T("Статья 136 требует платить не реже чем каждые полмесяца, поэтому аванс обязателен.",
              "Article 136 requires pay at least every half month, so an advance is compulsory."),
        ),
        Question(
            T("Удерживают ли НДФЛ с аванса с 2023 года?", "Since 2023, is income tax withheld from the advance?"),
            (
                _words(T("Да, с каждой выплаты, и с аванса тоже", "Yes, from every payment, the advance included")),
                _words(T("Нет, только с зарплаты в конце месяца", "No, only from the pay at the end of the month")),
                _words(T("Только если аванс больше половины оклада", "Only if the advance is over half the salary")),
            ),
            0,
            T("С 2023 года налог удерживают при каждой выплате дохода, поэтому аванс приходит уже за вычетом НДФЛ.",
              "Since 2023 the tax is withheld from every payment of income, so the advance arrives net of income tax."),
        ),
    ),
    4: (
        Question(
            T("Часовая ставка 200 ₽, работник отработал 3 сверхурочных часа. Какой минимум ему должны заплатить "
              "за эти часы?",
              "Hourly rate 200 ₽, the worker did 3 hours of overtime. What is the minimum due for those hours?"),
            (
                _rub(lambda: Decimal(200) * 3 * Decimal("1.5")),
                _rub(lambda: calc.overtime_pay(200, 3).amount),
                _rub(lambda: Decimal(200) * 3 * 2),
            ),
            1,
            T("Первые два сверхурочных часа — не менее чем в полуторном размере, следующие — не менее чем в "
              "двойном (ТК РФ ст. 152).",
              "The first two overtime hours are paid at least time and a half, the following ones at least double "
              "(Labour Code art. 152)."),
        ),
        Question(
            T("Какое время считается ночным по ТК РФ ст. 96?",
              "What time counts as night work under Labour Code art. 96?"),
            (
                _words(T("С 20:00 до 08:00", "From 20:00 to 08:00")),
                _words(T("С 22:00 до 06:00", "From 22:00 to 06:00")),
                _words(T("С 00:00 до 06:00", "From 00:00 to 06:00")),
            ),
            1,
            T("Ночное время — с 22 до 6 часов; за каждый такой час положена доплата не менее 20 % часовой ставки "
              "(ст. 154).",
              "Night time is from 22:00 to 06:00; each such hour carries a surcharge of at least 20% of the hourly "
              "rate (art. 154)."),
        ),
        Question(
            T("При суммированном учёте рабочего времени за квартал: когда определяют сверхурочные часы?",
              "Under summarised working time with a quarter as the accounting period, when is overtime determined?"),
            (
                _words(T("Каждый месяц, по норме месяца", "Every month, against the month's norm")),
                _words(T("Каждую смену, если она длиннее 8 часов", "Every shift longer than 8 hours")),
                _words(T("По итогам квартала — сверх нормы часов за весь учётный период",
                         "At the end of the quarter — the hours above the norm for the whole accounting period")),
            ),
            2,
            T("При суммированном учёте сверхурочные — это часы сверх нормального числа рабочих часов за учётный "
              "период, поэтому их считают по его итогам (ТК РФ ст. 99 ч. 1, ст. 104). Оплачивают по ст. 152: в "
              "редакции 2026 года первые два часа каждого дня (смены) — не менее чем в полуторном размере, "
              "остальные — не менее чем в двойном.",
              "Under summarised working time overtime is the hours above the normal number of working hours for "
              "the accounting period, so it is counted at the period's end (Labour Code art. 99 part 1, art. 104). "
              "It is paid under art. 152: as worded in 2026, the first two hours of each day (shift) at least time "
              "and a half, the rest at least double."),
        ),
    ),
    5: (
        Question(
            T("2024 год, зарплата 60 000 ₽ в месяц, у работника один ребёнок и заявление на вычет. Сколько НДФЛ "
              "удержат за январь?",
              "2024, pay of 60,000 ₽ a month, the worker has one child and has applied for the deduction. How much "
              "income tax is withheld for January?"),
            (
                _rub(lambda: calc.ndfl_detail(60000, 2024).tax),
                _rub(lambda: calc.ndfl_detail(60000, 2024).tax
                     - calc.withholding([60000], 2024, children=1)[0].deduction),
                _rub(lambda: calc.withholding([60000], 2024, children=1)[0].tax),
            ),
            2,
            T("Вычет на ребёнка уменьшает облагаемый доход, а не сам налог: 13 % берут с дохода за минусом вычета.",
              "The child deduction reduces the taxable income, not the tax: 13% is taken of the income less the "
              "deduction."),
        ),
        Question(
            T("2025 год: доход работника с начала года превысил 2,4 млн ₽ в сентябре. С какого дохода берут 15 %?",
              "2025: the worker's income since January passed 2.4 million ₽ in September. Which income is taxed "
              "at 15%?"),
            (
                _words(T("Со всего дохода за год, с января", "All the year's income, from January")),
                _words(T("Только с части дохода сверх 2,4 млн ₽", "Only the part of the income above 2.4 million ₽")),
                _words(T("С каждой зарплаты, начиная с сентября, целиком", "Each whole pay from September on")),
            ),
            1,
            T("Ступени прогрессивной шкалы применяются к доходу нарастающим итогом: повышенная ставка — только на "
              "часть сверх порога.",
              "The bands apply to the income accumulated since January: the higher rate is only on the part above "
              "the threshold."),
        ),
        Question(
            T("Когда перестают давать стандартный вычет на детей?",
              "When does the standard child deduction stop?"),
            (
                _words(T("С месяца, в котором доход с начала года превысил предел",
                         "From the month in which the income since January passes the limit")),
                _words(T("В месяце, когда зарплата за месяц выше предела",
                         "In any month whose pay is above the limit")),
                _words(T("Никогда, пока ребёнку нет 18 лет", "Never, while the child is under 18")),
            ),
            0,
            T("Предел считают по доходу нарастающим итогом с начала года: с месяца превышения вычет до конца года "
              "не дают.",
              "The limit is checked against the income since January: from the month it is passed, no deduction is "
              "given for the rest of the year."),
        ),
    ),
    6: (
        Question(
            T("2011 год, оклад 25 000 ₽, январь; взносы по общему тарифу 34 % и на травматизм 0,2 %. Во что работник "
              "обходится работодателю за месяц?",
              "2011, basic salary 25,000 ₽, January; contributions at the general 34% and accident insurance at "
              "0.2%. What does the worker cost the employer for the month?"),
            (
                _rub(lambda: calc.employer_cost(25000, 2011).contributions),
                _rub(lambda: Decimal(25000) + calc.employer_cost(25000, 2011).contributions),
                _rub(lambda: calc.employer_cost(25000, 2011).total_cost),
            ),
            2,
            T("Цена для работодателя — зарплата плюс все взносы, включая взносы на травматизм.",
              "The cost to the employer is the pay plus all contributions, accident insurance included."),
        ),
        Question(
            T("Кто платит страховые взносы?", "Who pays the social insurance contributions?"),
            (
                _words(T("Работодатель, сверх зарплаты", "The employer, on top of the pay")),
                _words(T("Работник, из своей зарплаты", "The worker, out of the pay")),
                _words(T("Пополам работник и работодатель", "Half each, worker and employer")),
            ),
            0,
            T("Взносы платит работодатель сверх зарплаты, из зарплаты работника их не удерживают (в отличие от НДФЛ).",
              "The employer pays the contributions on top of the pay; they are not withheld from it (unlike income "
              "tax)."),
        ),
        Question(
            T("Что происходит со взносами, когда выплаты с начала года превышают предельную базу?",
              "What happens to the contributions once the year's pay passes the contribution cap?"),
            (
                _words(T("Ничего, ставка та же", "Nothing, the rate stays the same")),
                _words(T("Взносы уменьшаются: ставка ниже или взносы не платятся",
                         "They fall: a lower rate, or none at all")),
                _words(T("Ставка удваивается", "The rate doubles")),
            ),
            1,
            T("Выше предельной базы взносы меньше: в 2011 году они не платились вовсе (кроме взносов на травматизм), "
              "по нынешнему единому тарифу действует пониженная ставка.",
              "Above the cap contributions fall: in 2011 none were paid (except accident insurance); under today's "
              "unified tariff a lower rate applies."),
        ),
    ),
    7: (
        Question(
            T("В рабочем году работник отработал 4 полных месяца и ещё 20 дней. Сколько месяцев берут для "
              "компенсации неиспользованного отпуска?",
              "In the working year the worker worked 4 full months and another 20 days. How many months count for "
              "the unused leave compensation?"),
            (
                _words(T("4 месяца — неполный месяц отбрасывают", "4 months — a part month is dropped")),
                _words(T("5 месяцев — 20 дней больше половины месяца", "5 months — 20 days is over half a month")),
                _words(T("4 месяца и 20/30 месяца", "4 months and 20/30 of a month")),
            ),
            1,
            T("Остаток меньше половины месяца отбрасывают, а половину месяца и больше округляют до полного месяца.",
              "A remainder under half a month is dropped; half a month or more is rounded up to a full month."),
        ),
        Question(
            T("Когда работодатель обязан выплатить окончательный расчёт?",
              "When must the employer pay the final settlement?"),
            (
                _words(T("В ближайший обычный день выплаты зарплаты", "On the next regular pay day")),
                _words(T("В течение месяца после увольнения", "Within a month of the dismissal")),
                _words(T("В последний день работы", "On the last working day")),
            ),
            2,
            T("Все суммы выплачивают в день увольнения; если работник в тот день не работал — не позднее "
              "следующего дня после его требования (ТК РФ ст. 84.1, 140).",
              "Everything is paid on the day of dismissal; if the worker was not at work that day, no later than "
              "the day after they ask (Labour Code art. 84.1 and 140)."),
        ),
        Question(
            T("Удерживают ли НДФЛ с компенсации за неиспользованный отпуск?",
              "Is income tax withheld from the compensation for unused leave?"),
            (
                _words(T("Да, как с зарплаты", "Yes, as from pay")),
                _words(T("Нет, компенсации налогом не облагаются", "No, compensations are not taxed")),
                _words(T("Только если работник уволился сам", "Only if the worker resigned")),
            ),
            0,
            T("Компенсация за неиспользованный отпуск прямо исключена из освобождённых компенсаций при увольнении "
              "(НК РФ ст. 217 п. 3), поэтому с неё удерживают НДФЛ.",
              "Compensation for unused leave is expressly left out of the tax-free compensations on dismissal (Tax "
              "Code art. 217 para. 3), so income tax is withheld from it."),
        ),
    ),
    8: (
        Question(
            T("2026 год, зарплата 50 000 ₽, общий тариф взносов. Надбавку повышают на 1 000 ₽ в месяц. На сколько "
              "вырастут расходы работодателя?",
              "2026, pay of 50,000 ₽, the general contribution tariff. The allowance is raised by 1,000 ₽ a month. "
              "By how much does the employer's cost rise?"),
            (
                _rub(lambda: Decimal(1000)),
                _rub(lambda: calc.employer_cost(51000, 2026).total_cost - calc.employer_cost(50000, 2026).total_cost),
                _rub(lambda: calc.payslip(51000, 2026, 4).net - calc.payslip(50000, 2026, 4).net),
            ),
            1,
            T("Сверх самой прибавки работодатель платит с неё страховые взносы, поэтому она стоит ему больше "
              "1 000 ₽, а работник получает меньше — после НДФЛ.",
              "On top of the raise itself the employer pays contributions on it, so it costs more than 1,000 ₽, "
              "while the worker gets less — after income tax."),
        ),
        Question(
            T("Предлагают повысить только верхнюю ступень шкалы (самый большой стаж). Кто выиграет?",
              "The proposal raises only the top step of the scale (the longest service). Who gains?"),
            (
                _words(T("Все работники поровну", "All workers equally")),
                _words(T("Только работники со стажем верхней ступени",
                         "Only the workers whose service is on the top step")),
                _words(T("Больше всех — новички", "Newcomers most of all")),
            ),
            1,
            T("Прибавку получают только те, чей стаж попадает на изменённую ступень; поэтому считают выигрыш по "
              "списку работников, а не в среднем.",
              "Only those whose service falls on the changed step gain; that is why the gain is counted from the "
              "staff list, not on average."),
        ),
        Question(
            T("Почему рубль «на руки» обходится работодателю дороже рубля?",
              "Why does a ruble of net pay cost the employer more than a ruble?"),
            (
                _words(T("Из начисленного удерживают НДФЛ, а сверху работодатель платит взносы",
                         "Income tax is withheld from the gross, and the employer pays contributions on top")),
                _words(T("Только из-за НДФЛ", "Only because of income tax")),
                _words(T("Только из-за взносов", "Only because of contributions")),
            ),
            0,
            T("Чтобы работник получил рубль, начислить надо больше на НДФЛ, а с начисленного работодатель ещё "
              "платит взносы.",
              "For the worker to get a ruble the gross must be higher by the income tax, and the employer also pays "
              "contributions on that gross."),
        ),
    ),
    9: (
        Question(
            T("В отпуск с понедельника на 14 календарных дней попадает нерабочий праздничный день. Что с ним?",
              "A 14-calendar-day leave from a Monday includes a public holiday. What happens to it?"),
            (
                _words(T("Входит в отпуск, отпуск не меняется", "It is part of the leave; the leave stays the same")),
                _words(T("Не входит в отпуск — отпуск продлевается на день",
                         "It is not part of the leave — the leave is one day longer")),
                _words(T("Оплачивается в двойном размере", "It is paid double")),
            ),
            1,
            T("Нерабочие праздничные дни в отпуск не включаются и не оплачиваются как дни отпуска, поэтому отпуск "
              "продлевается (ТК РФ ст. 120).",
              "Public holidays are not counted as days of leave nor paid as such, so the leave is extended "
              "(Labour Code art. 120)."),
        ),
        Question(
            T("Страховой стаж работника — 3 года. Какой процент среднего заработка составит больничный по болезни?",
              "The worker's insurance record is 3 years. What percentage of average earnings is the sick pay for "
              "an illness?"),
            (
                _words(T("100 %", "100%")),
                _words(T("80 %", "80%")),
                _words(T("60 %", "60%")),
            ),
            2,
            T("По 255-ФЗ ст. 7 при стаже до 5 лет платят 60 %, от 5 до 8 лет — 80 %, от 8 лет — 100 %.",
              "Under Law 255-FZ art. 7 a record under 5 years gives 60%, 5 to 8 years 80%, 8 years or more 100%."),
        ),
        Question(
            T("Кто оплачивает первые три дня болезни работника?",
              "Who pays the first three days of a worker's illness?"),
            (
                _words(T("Работодатель, остальные дни — Социальный фонд",
                         "The employer; the other days the Social Fund")),
                _words(T("Социальный фонд, все дни", "The Social Fund, all days")),
                _words(T("Никто — первые три дня не оплачиваются", "Nobody — the first three days are unpaid")),
            ),
            0,
            T("Первые три дня болезни оплачивает работодатель за свой счёт, с четвёртого дня — Социальный фонд.",
              "The employer pays the first three days of illness from its own funds; from the fourth day the Social "
              "Fund pays."),
        ),
    ),
    10: (
        Question(
            T("Начислено 50 000 ₽; исполнительных листов нет, а работодатель хочет удержать 30 000 ₽ за "
              "недостачу. Сколько он может удержать из зарплаты этого месяца?",
              "Pay of 50,000 ₽; there are no court orders, but the employer wants to deduct 30,000 ₽ for a "
              "shortage. How much may it deduct from this month's pay?"),
            (
                _rub(lambda: Decimal(50000) * Decimal("0.20")),
                _rub(lambda: calc.deductions(50000, [calc.Deduction("employer", amount=30000)],
                                             on=date(2026, 1, 31)).items[0].requested),
                _rub(lambda: calc.deductions(50000, [calc.Deduction("employer", amount=30000)],
                                             on=date(2026, 1, 31)).items[0].amount),
            ),
            2,
            T("Удержания работодателя — не больше 20 % зарплаты, и считают их от суммы после НДФЛ (ТК РФ ст. 138).",
              "The employer's deductions are at most 20% of the pay, counted on the amount after income tax "
              "(Labour Code art. 138)."),
        ),
        Question(
            T("Сколько составляет минимальная компенсация за каждый день задержки зарплаты?",
              "What is the minimum compensation for each day of late pay?"),
            (
                _words(T("1/300 ключевой ставки от долга", "1/300 of the key rate on the debt")),
                _words(T("1/150 ключевой ставки от долга", "1/150 of the key rate on the debt")),
                _words(T("Ничего, если работодатель не виноват", "Nothing, if the employer is not at fault")),
            ),
            1,
            T("По ст. 236 — не ниже 1/150 ключевой ставки за каждый день со следующего дня после срока по день "
              "выплаты, и вина работодателя не нужна.",
              "Under art. 236 it is at least 1/150 of the key rate for each day from the day after the due date to "
              "the day paid, and the employer's fault is not needed."),
        ),
        Question(
            T("Зарплату задерживают уже 20 дней. Может ли работник не выходить на работу?",
              "Pay is 20 days late. May the worker stay away from work?"),
            (
                _words(T("Да, известив работодателя письменно", "Yes, after notifying the employer in writing")),
                _words(T("Да, без всякого уведомления", "Yes, without any notice")),
                _words(T("Нет, это всегда прогул", "No, it is always absence without leave")),
            ),
            0,
            T("При задержке больше 15 дней работу можно приостановить, письменно известив работодателя; средний "
              "заработок за это время сохраняется (ст. 142).",
              "When pay is over 15 days late work may be suspended after written notice to the employer; the average "
              "earnings are kept meanwhile (art. 142)."),
        ),
    ),
    11: (
        Question(
            T("Где взять ключевую ставку для расчёта компенсации за задержку?",
              "Where to find the key rate for late-pay compensation?"),
            (
                _words(T("На сайте Банка России", "On the Bank of Russia's website")),
                _words(T("В новостях или на форуме", "In the news or on a forum")),
                _words(T("В расчётном листке", "On the payslip")),
            ),
            0,
            T("Ключевую ставку устанавливает Банк России, и её значения по датам — на его официальном сайте.",
              "The key rate is set by the Bank of Russia, and its values by date are on its official website."),
        ),
        Question(
            T("Как устроить список работников для приложения «Переговоры»?",
              "How should the staff list for the bargaining app be laid out?"),
            (
                _words(T("Один работник — один столбец", "One worker per column")),
                _words(T("Одна строка на человека, столбцы с заголовками, сохранить как «CSV UTF-8»",
                         "One row per person, columns with headings, saved as 'CSV UTF-8'")),
                _words(T("Текстом в письме, через запятую", "As text in an e-mail, separated by commas")),
            ),
            1,
            T("Приложение читает таблицу, где каждая строка — работник, а каждый столбец — одно поле; кодировка "
              "UTF-8 сохраняет русские буквы.",
              "The app reads a table where each row is a worker and each column one field; the UTF-8 encoding keeps "
              "Russian letters intact."),
        ),
        Question(
            T("Вы отправляете коллеге ссылку на свой расчёт. Что он увидит?",
              "You send a colleague a link to your calculation. What will they see?"),
            (
                _words(T("Только итог, без введённых данных", "Only the result, without the figures entered")),
                _words(T("Ничего, без пароля ссылка не откроется", "Nothing — the link needs a password")),
                _words(T("Все числа, которые вы ввели", "All the figures you entered")),
            ),
            2,
            T("Ссылка содержит все введённые числа, поэтому отправляйте её только тем, кому доверяете.",
              "The link holds all the figures entered, so send it only to people you trust."),
        ),
    ),
    12: (
        Question(
            T("На что начисляют районный коэффициент?", "What is the regional coefficient applied to?"),
            (
                _words(T("Только на оклад", "The basic salary only")),
                _words(T("На оклад и надбавки, но не на премию", "The salary and allowances, but not the bonus")),
                _words(T("На всю зарплату: оклад, надбавки, премию", "All the pay: basic salary, allowances, bonus")),
            ),
            2,
            T("Районный коэффициент начисляют на всю зарплату, поэтому его пропуск на любой строке — недоплата.",
              "The regional coefficient applies to all the pay, so leaving it off any line is an underpayment."),
        ),
        Question(
            T("В листке оклад поделён на 22 дня, а в месяце по производственному календарю 19 рабочих дней; "
              "работник отработал весь месяц. Что не так?",
              "The payslip divides the salary by 22 days, but the month has 19 working days in the production "
              "calendar; the worker worked the whole month. What is wrong?"),
            (
                _words(T("Ничего: норму дней выбирает бухгалтерия", "Nothing: the accounts office chooses the norm")),
                _words(T("Работнику недоплатили: за полностью отработанный месяц положен весь оклад",
                         "The worker is underpaid: a fully worked month earns the whole salary")),
                _words(T("Работнику переплатили", "The worker is overpaid")),
            ),
            1,
            T("Оклад делят на норму месяца по календарю; при неверной норме 22 за 19 отработанных дней выходит "
              "меньше оклада, и ошибка переходит в НДФЛ и сумму на руки.",
              "The salary is divided by the month's calendar norm; with the wrong norm of 22, the 19 days worked "
              "give less than the salary, and the mistake carries into the income tax and the net pay."),
        ),
        Question(
            T("Вы нашли в листке ошибку. С чего начать?", "You have found a mistake on the payslip. Where to start?"),
            (
                _words(T("Письменное требование работодателю с расчётом; копию с отметкой о получении оставить себе",
                         "A written request to the employer with the calculation; keep a copy marked as received")),
                _words(T("Сразу подать в суд", "Go straight to court")),
                _words(T("Устно сказать бухгалтеру и ждать", "Tell the accountant in passing and wait")),
            ),
            0,
            T("Письменное требование с расчётом фиксирует дату и сумму спора, а отметка о получении нужна для "
              "сроков и для КТС, инспекции или суда.",
              "A written request with the calculation fixes the date and the amount in dispute, and the receipt mark "
              "counts for the deadlines and for the disputes commission, the inspectorate or the court."),
        ),
    ),
}

WORDS = {
    "title": T("Проверьте себя", "Check yourself"),
    "check": T("Проверить", "Check"),
    "right": T("Верно.", "Right."),
    "wrong": T("Неверно.", "Not quite."),
    "empty": T("Выберите ответ.", "Choose an answer."),
    "score": T("Верных ответов: {} из {}.", "Right answers: {} of {}."),
}


class QuizWidget(widgets.VBox):
    """The lesson's quiz: a RadioButtons group per question, one *Check* button, feedback under each."""

    def __init__(self, lesson: int, lang: str = "ru") -> None:
        self.lesson, self.lang = lesson, lang
        self.questions = QUIZZES[lesson]
        self.choices: list[widgets.RadioButtons] = []
        self.feedback: list[widgets.HTML] = []
        rows: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(tr(WORDS['title'], lang))}</h3>")]
        for i, q in enumerate(self.questions, 1):
            radio = widgets.RadioButtons(options=[opt(lang) for opt in q.options], value=None,
                                         layout=widgets.Layout(width="auto"))
            self.choices.append(radio)
            self.feedback.append(widgets.HTML())
            rows += [widgets.HTML(f"<b>{i}.</b> {html.escape(tr(q.text, lang))}"), radio, self.feedback[-1]]
        self.check_button = widgets.Button(description=tr(WORDS["check"], lang), button_style="primary", icon="check")
        self.score = widgets.HTML()
        self.check_button.on_click(lambda _b: self.check())
        super().__init__([*rows, self.check_button, self.score])
        self.add_class("lesson-quiz")

    def check(self) -> int:
        """Judge every answered question; return the number right."""
        lang, right = self.lang, 0
        for q, radio, box in zip(self.questions, self.choices, self.feedback, strict=True):
            if radio.index is None:
                box.value = f"<div style='color:#555'>… {html.escape(tr(WORDS['empty'], lang))}</div>"
                continue
            ok = radio.index == q.right
            right += ok
            word, colour, mark = (WORDS["right"], "#1b7a2e", "✔") if ok else (WORDS["wrong"], "#b3261e", "✘")
            box.value = (f"<div style='color:{colour}'><b>{mark} {html.escape(tr(word, lang))}</b> "
                         f"{html.escape(tr(q.why, lang))}</div>")
        self.score.value = f"<b>{html.escape(tr(WORDS['score'], lang).format(right, len(self.questions)))}</b>"
        return right


def questions_for(lesson: int, series: str = "ru") -> tuple[Question, ...]:
    """The quiz of a series' lesson: Russia's lessons by number (``QUIZZES``); Vietnam's series has none yet."""
    return QUIZZES.get(lesson, ()) if series == "ru" else ()


def quiz(lesson: int, lang: str = "ru") -> QuizWidget:
    """The quiz at the end of lesson ``lesson`` in ``lang``."""
    return QuizWidget(lesson, lang)
