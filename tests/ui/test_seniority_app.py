"""Seniority app driven from Python as a person would: the figures equal what calc computes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import calc
from calc.core.text import tr
from payroll_ui.apps.seniority import DEFAULT_CUSTOM, TXT, build


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
    assert calc.core.text.tr(sc.note, "en")[:30].replace("'", "&#x27;") in app.scale_info.value


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
    assert msg.startswith("Steps overlap or are out of order: row 2 (3\u00a0years)")
    assert not any("а" <= ch <= "я" for ch in msg.lower())


# ---------------------------------------------------------------- the reviewer's findings (own scale, messages, charts)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_choosing_own_scale_computes_the_default_table_at_once(lang: str) -> None:
    app = build(lang)
    app.w_scale.value = "custom"
    assert app.messages() == {}
    assert app.prompts() == {}
    assert "pa-stale" not in app.root._dom_classes
    default = calc.custom_scale([(y, Decimal(p) / 100) for y, p in DEFAULT_CUSTOM])
    assert app.figures["rate"] == default.rate(7)
    assert tr(TXT["custom"], lang) in app.footer.value  # the scale is named in the page's language
    other = "en" if lang == "ru" else "ru"
    app.set_lang(other)
    assert tr(TXT["custom"], other) in app.footer.value
    assert app.messages() == {}


def test_own_scale_chosen_from_a_fresh_english_page_names_the_scale_in_english() -> None:
    app = build("ru")
    app.set_lang("en")
    app.w_scale.value = "custom"
    for row in app.rows_box.children:  # an empty table: the message is in English throughout
        for cell in row.children:
            cell.value = ""
    msg = app.field_message("steps")
    assert msg.startswith("Please fill in at least one step")
    assert not any("а" <= ch <= "я" for ch in msg.lower())


def test_custom_scale_messages_speak_percent_as_typed_and_plural_years() -> None:
    app = build("ru")
    app.w_scale.value = "custom"
    rate3 = app.rows_box.children[2].children[1]
    rate3.value = "-5"
    msg = app.field_message("steps")
    assert msg == "Строка 3: надбавка должна быть от 0 до 300\u00a0%, а введено -5\u00a0%."
    rate3.value = "-12.5"
    assert "введено -12,5\u00a0%" in app.field_message("steps")  # the page's decimal separator
    rate3.value = "15"
    app.rows_box.children[2].children[0].value = "2"
    msg = app.field_message("steps")
    assert "строка 3 (2\u00a0года) начинается не позже строки 2 (3\u00a0года)" in msg
    assert "лет после" not in msg
    app.set_lang("en")
    assert "row 3 (2\u00a0years) does not start after row 2 (3\u00a0years)" in app.field_message("steps")


def test_a_fresh_row_is_ignored_and_only_the_faulty_cell_is_marked() -> None:
    app = build("ru")
    app.w_scale.value = "custom"
    before = dict(app.figures)
    app._add_row()  # "+ step": years guessed, the % empty
    assert app.messages() == {}
    assert app.figures == before
    assert "Строка 6 заполнена не полностью" in app.steps_note.value
    app.rows_box.children[5].children[1].value = "40"
    assert app.steps_note.value == ""
    assert app.rows()[-1] == ("20", "40")
    app.rows_box.children[3].children[1].value = "12"  # falls below row 3's 15 %
    assert "Строка 4" in app.field_message("steps")
    marked = [(i, j) for i, row in enumerate(app.rows_box.children) for j, cell in enumerate(row.children)
              if "cell-error" in cell._dom_classes]
    assert marked == [(3, 1)]
    app.rows_box.children[3].children[1].value = "20"
    assert app.messages() == {}
    assert not any("cell-error" in c._dom_classes for row in app.rows_box.children for c in row.children)


def test_link_holds_only_complete_custom_rows() -> None:
    app = build("en")
    app.w_scale.value = "custom"
    app._add_row()
    assert app.scenario()["steps"] == "1:5,3:10,5:15,10:20,15:30"


def _label_boxes(app, artists):
    from matplotlib.text import Text

    renderer = app.chart.canvas.get_renderer()
    out = []
    for a in artists:
        if isinstance(a, Text) and a.get_text():
            a.update_positions(renderer)
            out.append(Text.get_window_extent(a, renderer))
    return out


@pytest.mark.parametrize(("years", "salary"), [(7, "45000"), (33, "45000"), (33, "1000000000"), (1, "1"), (0, "45000")])
def test_ladder_labels_stay_inside_and_off_the_line(years: int, salary: str) -> None:
    import numpy as np
    from matplotlib.path import Path

    app = build("ru")
    app.w_years.value = years
    app.w_salary.value = salary
    fig = app.chart.fig
    ax = fig.axes[0]
    artists = app._you(fig, app.result)
    try:
        frame = ax.get_window_extent()
        ladder = Path(ax.transData.transform(np.array(app._ladder_xy)))
        boxes = _label_boxes(app, artists)
        assert boxes
        for b in boxes:
            assert frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1
            assert not ladder.intersects_bbox(b, filled=False)
        for i, a in enumerate(boxes):
            assert not any(a.overlaps(b) for b in boxes[i + 1:])
    finally:
        for a in artists:
            a.remove()


def test_money_axis_ticks_are_distinct_even_for_tiny_salaries() -> None:
    from matplotlib.ticker import MaxNLocator

    from payroll_ui.kit import money_formatter

    for lang in ("ru", "en"):
        for top in (0.3, 450.0, 13_500.0, 3e8, 1.25e9):
            locs = MaxNLocator(nbins=8).tick_values(0, top)
            fmt = money_formatter(lang)
            fmt.set_locs(locs)
            labels = [fmt(v) for v in locs]
            assert len(set(labels)) == len(labels), labels
    fmt = money_formatter("ru")
    fmt.set_locs([0, 0.05, 0.1, 0.15])
    assert fmt(0.05) == "0,05\u00a0₽"
    assert money_formatter("ru")(1.5e6) == "1,5\u00a0млн\u00a0₽"
    assert money_formatter("en")(2e9) == "2B\u00a0₽"
