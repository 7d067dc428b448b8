"""Cost app: any one of gross, net or total cost → the others, equal to calc.employer_cost."""

from __future__ import annotations

from decimal import Decimal

import calc
from payroll_ui.cost_app import build, kinks, sweep


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
    assert calc.text.tr(r.inverse_note, "en")[:40] in app.inverse.value


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
    assert any(calc.text.tr(label, "en") == "SME threshold" for _, label in kinks(2025, "sme"))
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
