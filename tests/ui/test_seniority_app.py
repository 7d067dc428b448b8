"""Seniority app driven from Python as a person would: the figures equal what calc computes."""

from __future__ import annotations

from datetime import date

import calc
from payroll_ui.seniority_app import build


def test_default_is_the_seed_example(shown) -> None:
    app = build("ru")
    expected = calc.seniority(45000, 7, "civil_service")
    figs = shown(app)
    assert figs["rate"] == expected.rate
    assert figs["bonus"] == expected.bonus == 6750
    assert figs["yearly"] == expected.yearly
    assert bytes(app.chart.image.value).startswith(b"\x89PNG")


def test_slider_scale_and_salary(shown) -> None:
    app = build("ru")
    app.w_years.value = 12
    app.w_scale.value = "police"
    app.w_salary.value = "50 000"
    r = calc.seniority(50000, 12, "police")
    assert shown(app)["bonus"] == r.bonus
    assert shown(app)["rate"] == r.rate
    assert app.figures["next_step_years"] == r.next_step[0]


def test_every_scale_renders(shown) -> None:
    app = build("en")
    for scale_id in calc.SCALES:
        app.w_scale.value = scale_id
        assert shown(app)["bonus"] == calc.seniority(45000, 7, scale_id).bonus, scale_id
        assert app.messages() == {}
    assert not app.failures


def test_disputed_scale_shows_its_note() -> None:
    app = build("en", {"scale": "education"})
    sc = calc.SCALES["education"]
    assert sc.disputed
    assert "⚠" in app.scale_info.value
    assert calc.text.tr(sc.note, "en")[:30].replace("'", "&#x27;") in app.scale_info.value


def test_by_hire_date(shown) -> None:
    app = build("ru")
    app.w_mode.value = "hire"
    app.w_hire.value = date(2015, 3, 10)
    app.w_on.value = date(2024, 6, 1)
    r = calc.seniority_on(45000, [calc.Period(date(2015, 3, 10))], "civil_service", date(2024, 6, 1))
    figs = shown(app)
    assert figs["bonus"] == r.bonus
    assert figs["service"] == r.service.text("ru")
    assert app.figures["next_step_date"] == r.next_step_date
    assert "10.03.2025" in figs["next_step"]


def test_hire_date_after_calculation_date() -> None:
    app = build("en")
    app.w_mode.value = "hire"
    app.w_hire.value = date(2025, 1, 1)
    app.w_on.value = date(2024, 1, 1)
    assert "after the calculation date" in app.field_message("hire")


def test_custom_scale_table(shown) -> None:
    app = build("ru")
    app.w_scale.value = "custom"
    rows = app.rows()
    expected = calc.seniority(45000, 7, calc.custom_scale([(int(y), int(p) / 100) for y, p in rows]))
    assert shown(app)["bonus"] == expected.bonus
    app._add_row()
    last = app.rows_box.children[-1].children
    last[0].value = "20"
    last[1].value = "35"
    app.w_years.value = 22
    assert shown(app)["rate"] == calc.custom_scale([(1, "0.05"), (20, "0.35")]).rate(22)
    app._remove_row()
    assert len(app.rows_box.children) == len(rows)


def test_overlapping_custom_steps_keep_last_result() -> None:
    app = build("ru")
    app.w_scale.value = "custom"
    good = dict(app.figures)
    app.rows_box.children[2].children[0].value = "2"  # 5 years → 2 years, before the row above (3 years)
    msg = app.field_message("steps")
    assert "строка 3" in msg and "пересекаются" in msg
    assert app.figures == good
    assert "pa-stale" in app.root._dom_classes
    app.rows_box.children[2].children[0].value = "5"
    assert app.messages() == {}
    assert "pa-stale" not in app.root._dom_classes


def test_bad_salary_message_and_last_result_kept(shown, text) -> None:
    app = build("ru")
    before = shown(app)["bonus"]
    for bad in ("-45000", "", "сорок тысяч", "1e12"):
        app.w_salary.value = bad
        assert app.field_message("salary"), bad
        assert shown(app)["bonus"] == before
        assert "Traceback" not in text(app)
    app.w_salary.value = "60000"
    assert shown(app)["bonus"] == calc.seniority(60000, 7, "civil_service").bonus


def test_language_switch(shown) -> None:
    app = build("ru")
    ru = shown(app)
    assert "Надбавка в месяц" in app.cards.value
    app.lang_switch.value = "en"
    assert "Bonus a month" in app.cards.value
    assert "6,750.00" in app.cards.value
    assert shown(app)["bonus"] == ru["bonus"]
    assert app.w_scale.options[0][0] == "Federal civil servants"
    assert "How is this computed?" in app.explain.panel.get_title(0)


def test_language_switch_while_input_is_bad() -> None:
    app = build("ru")
    app.w_salary.value = "-1"
    app.lang_switch.value = "en"
    assert "salary from 0 to" in app.field_message("salary")
    assert "Bonus a month" in app.cards.value


def test_url_params_prefill_and_link_round_trip(shown) -> None:
    app = build("ru", {"lang": "en", "scale": "police", "years": "12", "salary": "50000"})
    assert app.lang == "en"
    assert shown(app)["bonus"] == calc.seniority(50000, 12, "police").bonus
    again = build("ru", {k: str(v) for k, v in app.scenario().items()})
    assert shown(again) == shown(app)
    custom = build("ru", {"scale": "custom", "steps": "1:5,10:25", "years": "11"})
    assert shown(custom)["rate"] == calc.custom_scale([(1, "0.05"), (10, "0.25")]).rate(11)
    hire = build("ru", {"hire": "2010-05-20", "on": "2020-05-20"})
    assert hire.w_mode.value == "hire"
    assert hire.figures["service"] == "10 лет"


def test_bad_url_params_fall_back_with_a_message(shown) -> None:
    app = build("ru", {"scale": "nope", "years": "-3", "salary": "abc", "hire": "yesterday", "steps": "zzz"})
    assert shown(app)["bonus"] == calc.seniority(45000, 7, "civil_service").bonus
    for key in ("scale=nope", "years=-3", "salary=abc", "hire=yesterday"):
        assert key in app.notice.value


def test_explanation_unfolds() -> None:
    app = build("ru")
    assert app.explain.html.value == ""
    app.explain.panel.selected_index = 0
    assert app.explain.html.value == app.result.explain_html("ru")
    app.w_years.value = 16
    assert app.explain.html.value == calc.seniority(45000, 16, "civil_service").explain_html("ru")


def test_custom_scale_message_in_english() -> None:
    app = build("en", {"scale": "custom", "steps": "5:10,3:20"})
    msg = app.field_message("steps")
    assert msg.startswith("Own scale (collective agreement): steps overlap")
    assert not any("а" <= ch <= "я" for ch in msg.lower())
