"""Handouts and памятки printed to A4 PDF with Debian's Chromium (issue 15): no table is cut at the page's edge.

The check chosen: before printing, the page is laid out for print (``emulate_media("print")``) in a viewport as wide
as the A4 printable width (210 mm − 2 × 12 mm margins = 186 mm = 703 CSS px at 96 px/in), and every table's
rendered right edge (and its scrolling width) is compared with that width; a wider table would be cut on paper.
Then the page is printed with ``page.pdf`` and the PDF read back with pypdf: A4 pages, text present, and each
памятка on one page (its promise). Handouts are built into a temporary folder from the stored notebooks
(``scripts/build_handouts.py``); памятки are rendered from Markdown with the same print styles."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

KIT = REPO / "notebooks" / "lessons" / "kit"
MM = 96 / 25.4
MARGIN_MM = 12
PRINTABLE_PX = int((210 - 2 * MARGIN_MM) * MM)  # 703
A4_POINTS = (595.28, 841.89)  # Chromium rounds the page to whole CSS px: 595.92 × 842.88
WIDE = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll('table')].map((t, i) => {
    const r = t.getBoundingClientRect();
    return {i, right: Math.ceil(r.right), scroll: t.scrollWidth, limit,
            head: (t.innerText || '').slice(0, 60)};
  }).filter(t => t.right > t.limit + 1 || t.scroll > t.limit + 1);
}"""


def _build_handouts() -> Any:
    spec = importlib.util.spec_from_file_location("build_handouts", REPO / "scripts" / "build_handouts.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pamyatka_html(path: Path) -> str:
    import mistune  # nbconvert's Markdown renderer

    mod = _build_handouts()
    lang = path.name.split(".")[-2]
    body = mistune.html(path.read_text(encoding="utf-8"))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{mod.PRINT_CSS}</head>'
            f"<body>{body}</body></html>")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    mod = _build_handouts()
    out = tmp_path_factory.mktemp("handouts")
    mod.OUT = out
    found = []
    for lang in mod.LANGS:
        for nb in sorted((mod.LESSONS / lang).glob("*.ipynb")):
            found.append(("handout", mod.export(nb, lang)))
    for md in sorted(KIT.glob("*.pamyatka.*.md")):
        target = out / f"{md.stem}.html"
        target.write_text(pamyatka_html(md), encoding="utf-8")
        found.append(("pamyatka", target))
    assert len([k for k, _p in found if k == "handout"]) >= 24 and len([k for k, _p in found if k == "pamyatka"]) >= 8
    return found


def test_handouts_and_pamyatki_print_on_a4_without_cut_tables(browser: Any, pages: list[tuple[str, Path]]) -> None:
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": PRINTABLE_PX, "height": 1000})
    page = context.new_page()
    page.route("http*://**", lambda route: route.abort())  # paper needs no network
    cut, bad_pdf = [], []
    try:
        for kind, path in pages:
            page.goto(path.as_uri())
            page.emulate_media(media="print")
            cut += [f"{path.name}: table {t['i']} ({t['head']!r}) {t['right']}/{t['scroll']} px > {t['limit']} px"
                    for t in page.evaluate(WIDE)]
            margin = f"{MARGIN_MM}mm"
            pdf = page.pdf(format="A4", margin={"top": margin, "bottom": margin, "left": margin, "right": margin})
            reader = PdfReader(io.BytesIO(pdf))
            box = reader.pages[0].mediabox
            if abs(float(box.width) - A4_POINTS[0]) > 2 or abs(float(box.height) - A4_POINTS[1]) > 2:
                bad_pdf.append(f"{path.name}: not A4 ({box.width} × {box.height})")
            if not reader.pages[0].extract_text().strip():
                bad_pdf.append(f"{path.name}: no text on page 1")
            if kind == "pamyatka" and len(reader.pages) != 1:
                bad_pdf.append(f"{path.name}: {len(reader.pages)} pages, a памятка is one A4 page")
    finally:
        context.close()
    assert not cut, "tables wider than the A4 printable width:\n" + "\n".join(cut)
    assert not bad_pdf, "\n".join(bad_pdf)


def test_the_width_check_finds_a_wide_table(browser: Any, tmp_path: Path) -> None:
    """Control: a table of 14 wide columns is reported."""
    cells = "".join(f"<td>{'1 234 567,89 ₽ '}</td>" for _ in range(14))
    path = tmp_path / "wide.html"
    path.write_text(f"<html><body><table><tr>{cells}</tr></table></body></html>", encoding="utf-8")
    context = browser.new_context(viewport={"width": PRINTABLE_PX, "height": 1000})
    page = context.new_page()
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    assert page.evaluate(WIDE)
    context.close()
