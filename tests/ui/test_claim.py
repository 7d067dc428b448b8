"""From a result to a claim: the draft letter of the leave, late-pay and payslip-check apps carries the
amounts, dates and articles of the result, in the page's language, as a page section and a DOCX."""

from __future__ import annotations

import base64
import html
import io
import re

import pytest
from docx import Document

from calc.core.text import money
from payroll_ui.apps import late_pay, leave, payslip_check


def docx_text(app) -> str:
    app.claim._make()
    href = re.search(r'href="data:[^;]+;base64,([^"]+)"', app.claim.link.value).group(1)
    doc = Document(io.BytesIO(base64.b64decode(href)))
    return "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("to", ["employer", "ktc", "git"])
def test_late_pay_letter_has_the_amounts_and_articles(to: str) -> None:
    app = late_pay.build("ru")
    app.load_example()
    app.claim.panel.selected_index = 0
    app.claim.w_to.value = to
    app.claim.inputs["name"].value = "Иванова Анна Петровна"
    app.claim.inputs["employer"].value = "ООО «Ромашка»"
    letter = html.unescape(app.claim.letter.value)
    text = docx_text(app)
    for t in (letter, text):
        assert money(app.figures["total"], "ru") in t and "250,00" in t
        assert "ст. 236 ТК РФ" in t and "05.10.2022" in t
        assert "Иванова Анна Петровна" in t and "ООО «Ромашка»" in t
    words = {"employer": "Заявление", "ktc": "ст. 385–390", "git": "ст. 5.27 КоАП"}[to]
    assert words in text
    assert "не юридическая консультация" in app.claim.note.value


def test_leave_letter_in_english_and_printable() -> None:
    app = leave.build("en")
    app.load_example()
    app.claim.panel.selected_index = 0
    text = docx_text(app)
    assert "19,444.32" in text and "23 May 2013" in text and "136 part 9" in text
    assert "pa-letter-print" in app.claim.letter.value and "window.print()" in app.claim.letter.value


def test_payslip_letter_only_for_lines_against_the_member() -> None:
    app = payslip_check.build("en", {"year": "2025", "month": "10", "salary": "60000", "p_salary_pay": "61000"})
    app.claim.panel.selected_index = 0
    assert app.claim.letter.value == ""  # paid more than due: nothing to claim
    app.printed["salary_pay"].value = "50000"
    assert "Salary for time worked: printed 50,000.00" in html.unescape(app.claim.letter.value)
    assert "-10,000.00" in docx_text(app)


def test_the_letter_follows_the_result_and_the_language() -> None:
    app = late_pay.build("en")
    app.claim.panel.selected_index = 0
    first = app.claim.letter.value
    app.w_share.value = "100"
    assert app.claim.letter.value != first and app.claim.link.value == ""  # the old DOCX link is dropped
    app.set_lang("ru")
    assert "Компенсация, всего" in app.claim.letter.value


def test_dismissal_letter_has_the_settlement() -> None:
    from payroll_ui.apps import dismissal

    app = dismissal.build("ru")
    app.load_example()
    app.claim.panel.selected_index = 0
    app.claim.w_to.value = "ktc"
    text = docx_text(app)
    assert money(app.figures["net"], "ru") in text and "07.08.2017" in text
    assert "ст. 84.1, 140 ТК РФ" in text and "ст. 385–390" in text
