"""The Vietnamese seniority-allowance app: the figures equal calc.vn.seniority_allowance, the coefficient read as
the page's language writes it, the example and the link."""

from __future__ import annotations

from decimal import Decimal

import calc.vn as vn
from payroll_ui.apps.vn_seniority import build


def test_figures_and_languages(text) -> None:
    app = build("vi", {"scale": "teachers", "years": "12", "year": "2026", "month": "8"})
    app.w_coefficient.value = "4,98"  # as Vietnamese write it
    r = vn.seniority_allowance("teachers", 12, "4.98", 2026, 8)
    assert app.figures["allowance"] == r.allowance == Decimal(1_511_928) and app.figures["rate"] == Decimal("0.12")
    assert "1.511.928\u00a0₫" in text(app) and "13 năm" in text(app) and "Phụ cấp thâm niên" in text(app)
    app.set_lang("en")
    app.w_coefficient.value = "4.98"
    assert app.messages() == {} and "1,511,928\u00a0₫" in text(app)
    app.w_scale.value = "beyond_frame"
    app.w_years.value = 2
    assert app.figures["allowance"] == 0 and app.figures["next"] == "3 full years"


def test_example_and_link() -> None:
    app = build("vi")
    app.load_example()
    assert app.figures["allowance"] == Decimal(1_511_928) and app.messages() == {}
    assert "coefficient=4.98" in app.share.value
    again = build("vi", {"coefficient": "4.98", "years": "12", "year": "2026", "month": "8"})
    assert again.figures == app.figures
    app.w_coefficient.value = "ba"
    assert app.field_message("coefficient") and app.figures["allowance"] == Decimal(1_511_928)
