"""Cost app: any one of gross, net or total cost → the others, equal to calc.employer_cost."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calc
from payroll_ui.apps.cost import build, kinks, sweep


def test_default_gross(shown) -> None:
    app = build("ru")
    r = calc.employer_cost(100000, app.w_year.value)
    figs = shown(app)
    for key in ("gross", "ndfl", "net", "contributions", "accident", "total_cost"):
        assert figs[key] == getattr(r, key), key
    for fund, value in r.by_fund.items():
        assert figs[f"row-contrib_{fund}"] == value


def test_seed_2011() -> None:
    app = build("en", {"year": "2011", "amount": "30000"})
    assert app.figures["total_cost"] == Decimal("40260.00")
    assert set(calc.employer_cost(30000, 2011).by_fund) == {k[len("contrib_"):] for k in app.figures
                                                            if k.startswith("contrib_")}


def test_type_net_or_total(shown) -> None:
    app = build("ru")
    app.w_year.value = 2025
    app.w_which.value = "net"
    assert app.w_amount.value == "87000"  # the scenario is kept: the field takes the current net
    app.w_amount.value = "50000"
    r = calc.employer_cost(net=50000, year=2025)
    assert shown(app)["gross"] == r.gross
    assert shown(app)["net"] == 50000
    app.w_which.value = "total"
    app.w_amount.value = "200000"
    r = calc.employer_cost(total_cost=200000, year=2025)
    assert shown(app)["gross"] == r.gross
    assert shown(app)["total_cost"] == r.total_cost


def test_inverse_note_when_no_exact_gross() -> None:
    r = calc.employer_cost(net=30000, year=2025, month=12)
    assert r.inverse_note is not None
    app = build("en", {"which": "net", "amount": "30000", "year": "2025", "month": "12"})
    assert calc.core.text.tr(r.inverse_note, "en")[:40] in app.inverse.value


def test_kind_month_and_accident(shown) -> None:
    app = build("en")
    app.w_year.value = 2025
    app.w_kind.value = "sme"
    app.w_month.value = 12
    app.w_accident.value = 20
    app.w_amount.value = "300000"
    r = calc.employer_cost(300000, 2025, month=12, kind="sme", accident_class=20)
    assert shown(app)["total_cost"] == r.total_cost
    assert shown(app)["accident"] == r.accident
    assert not app.failures


def test_bad_amount_keeps_last_result(shown, text) -> None:
    app = build("ru")
    before = shown(app)["total_cost"]
    for bad in ("-100", "abc", "", "99999999999"):
        app.w_amount.value = bad
        assert app.field_message("amount"), bad
        assert shown(app)["total_cost"] == before
    assert "Traceback" not in text(app)


def test_sweep_and_kinks() -> None:
    ks = kinks(2025, "general")
    assert [x for x, _ in ks][:2] == [Decimal(2_400_000), Decimal(2_759_000)]
    assert any(calc.core.text.tr(label, "en") == "SME threshold" for _, label in kinks(2025, "sme"))
    g, n, _cost, _tax = sweep(2025, "general", 1, 6_000_000)
    assert g[0] == 0 and g[-1] == 6_000_000
    assert 2_400_000.0 in g
    totals = calc.year_payroll(Decimal(2_400_000) / 12, 2025).totals()
    i = g.index(2_400_000.0)
    assert n[i] == float(totals["net"])


def test_language_switch() -> None:
    app = build("ru")
    app.lang_switch.value = "en"
    assert "Total cost" in app.cards.value
    assert "What the employee costs" in app.table.value
    assert app.w_kind.options[0][0] == "General tariff"


def test_huge_amount_shows_a_note_instead_of_someone_elses_sweep() -> None:
    app = build("ru", {"year": "2025", "month": "1"})  # January: a huge pay stays within the year's income limit
    assert app.sweep_chart.image.layout.display != "none"
    sweep_before = bytes(app.sweep_chart.image.value)
    waterfall_before = bytes(app.waterfall.image.value)
    app.w_amount.value = "999999999"
    assert app.messages() == {}
    assert app.figures["total_cost"] == calc.employer_cost(999999999, 2025).total_cost
    assert app.sweep_chart.image.layout.display == "none"  # not the previous person's chart
    note = app.sweep_note.value
    assert "не показан" in note and "12\u00a0млрд\u00a0₽" in note and "120\u00a0млн\u00a0₽" in note
    assert "НДФЛ 22" in note  # every band is behind
    assert bytes(app.waterfall.image.value) != waterfall_before
    assert not app.failures
    app.set_lang("en")
    assert "is not shown" in app.sweep_note.value
    app.w_amount.value = "100000"
    assert app.sweep_chart.image.layout.display == ""
    assert bytes(app.sweep_chart.image.value) == sweep_before or app.sweep_chart.image.value


def test_default_range_says_which_bands_lie_beyond_it() -> None:
    app = build("en", {"year": "2025"})
    note = app.sweep_note.value
    assert "Beyond the right edge of the chart" in note
    assert "Income tax 20% from 20M\u00a0₽ a year" in note and "Income tax 22% from 50M\u00a0₽ a year" in note
    app.w_amount.value = "3000000"  # 36 million a year: the range reaches 54 million, every band shows
    assert app.sweep_note.value == ""


def test_sweep_legend_and_labels_use_the_same_words() -> None:
    app = build("en", {"year": "2025"})
    legend = [t.get_text() for t in app.sweep_chart.fig.axes[1].get_legend().get_texts()]
    assert legend == ["income tax", "contributions"]
    assert all("НДФЛ" not in t.get_text() for ax in app.sweep_chart.fig.axes for t in ax.texts)


def _boxes(texts, renderer):
    from matplotlib.text import Text

    out = []
    for t in texts:
        if hasattr(t, "update_positions"):
            t.update_positions(renderer)
        out.append(Text.get_window_extent(t, renderer))
    return out


def _no_overlaps(boxes) -> bool:
    return not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize(("year", "amount"), [("2025", "100000"), ("2025", "166667"), ("2011", "30000"),
                                              ("2015", "55000"), ("2026", "2500000")])
def test_sweep_labels_do_not_overlap(year: str, amount: str) -> None:
    app = build("ru", {"year": year, "amount": amount})
    fig = app.sweep_chart.fig
    renderer = app.sweep_chart.canvas.get_renderer()
    kink_labels = list(fig.axes[0].texts)
    you = [a for a in app._you(fig, calc.year_payroll(app.result.gross, int(year)).totals()) if hasattr(a, "get_text")]
    try:
        boxes = _boxes([*kink_labels, *you], renderer)
        assert _no_overlaps(boxes)
        legend = fig.axes[0].get_legend().get_window_extent(renderer)
        assert not any(b.overlaps(legend) for b in boxes)
        frame = fig.axes[0].get_window_extent(renderer)
        assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    finally:
        for a in you:
            a.remove()


@pytest.mark.parametrize(("year", "amount", "lang"), [("2011", "30000", "en"), ("2025", "999999999", "ru"),
                                                      ("2015", "55000", "ru")])
def test_waterfall_labels_do_not_collide(year: str, amount: str, lang: str) -> None:
    app = build(lang, {"year": year, "amount": amount, "month": "1"})  # January: within the income limit
    fig = app.waterfall.fig
    ax = fig.axes[0]
    renderer = app.waterfall.canvas.get_renderer()
    categories = _boxes(ax.get_yticklabels(), renderer)
    assert _no_overlaps(categories)
    ticks = _boxes([t for t in ax.get_xticklabels() if t.get_text()], renderer)
    assert _no_overlaps(ticks)
    artists = app._waterfall_bars(fig, app.result)  # drawn on the cached image, then removed
    try:
        boxes = _boxes([a for a in artists if hasattr(a, "get_text")], renderer)
        assert len(boxes) == len(ax.get_yticklabels())
        assert _no_overlaps(boxes)
        frame = ax.get_window_extent(renderer)
        assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)
    finally:
        for a in artists:
            a.remove()
