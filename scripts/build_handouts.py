#!/usr/bin/env python
"""Printable HTML handouts of every lesson: ``handouts/<lang>/<lesson>.html``.

    python scripts/build_handouts.py            # all lessons, both languages
    python scripts/build_handouts.py --lang ru  # Russian only

Built from the stored (executed) notebooks with nbconvert: the code is hidden, the interactive
widget cells are left out, and each exercise gets a line to write the answer on. The figures are
the notebooks' stored outputs, which nbval keeps in step with the engine. The answers are not in
the handouts; they are in the trainer's guide (``notebooks/lessons/TRAINER.<lang>.md``).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "notebooks" / "lessons"
OUT = ROOT / "handouts"
LANGS = ("ru", "en", "vi")  # vi: the Vietnamese series (vnNN)
REMOTE_SCRIPT = re.compile(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>\s*')  # paper needs no CDN
ANSWER_LINE = {"ru": "Ответ: ______________________", "en": "Answer: ______________________",
               "vi": "Đáp án: ______________________"}
PRINT_CSS = """
<style>
  body { max-width: 52rem; margin: 0 auto; font-size: 15px; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; }
  .jp-RenderedHTMLCommon td.num { text-align: right !important; }
  .lesson-table, .calc-explain { page-break-inside: avoid; }
  h1 { page-break-before: avoid; } h2 { page-break-after: avoid; margin-top: 1.6em; }
  @media print { body { font-size: 12px; } a { color: inherit; text-decoration: none; }
                 .jp-Cell { break-inside: avoid-page; }
                 /* no column cut at the page's edge: tables fit the printable width, long cells wrap */
                 table { width: auto !important; max-width: 100% !important; table-layout: auto; font-size: 10.5px; }
                 td, th { white-space: normal !important; overflow-wrap: anywhere; word-break: normal;
                          padding: 2px 4px !important; }
                 .jp-OutputArea-output, .jp-RenderedHTMLCommon { overflow: visible !important; max-width: 100%; } }
</style>
"""


def handout(nb: Any, lang: str) -> Any:
    """A copy of the notebook fit for paper: no widget cells, a line for each exercise's answer."""
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        tags = cell.metadata.get("tags", [])
        if "widget" in tags or "tryit" in tags:
            continue
        if "exercise" in tags:
            cell.source += f"\n\n{ANSWER_LINE[lang]}"
        cells.append(cell)
    out.cells = cells
    out.metadata.pop("widgets", None)
    return out


def title_of(nb: Any) -> str:
    first = nb.cells[0].source.splitlines()[0] if nb.cells else ""
    return first.lstrip("# ").strip()


def export(path: Path, lang: str) -> Path:
    nb = nbformat.read(path, as_version=4)
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(handout(nb, lang), resources={"metadata": {"name": title_of(nb)}})
    body = REMOTE_SCRIPT.sub("", body)
    body = body.replace("</head>", PRINT_CSS + "</head>", 1).replace("<html>", f'<html lang="{lang}">', 1)
    target = OUT / lang / f"{path.stem}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=LANGS, action="append", help="only this language")
    args = ap.parse_args(argv)
    count = 0
    for lang in args.lang or LANGS:
        notebooks = sorted((LESSONS / lang).glob("*.ipynb"))
        if not notebooks:
            print(f"no notebooks in {LESSONS / lang}: run python scripts/build_lessons.py", file=sys.stderr)
            return 1
        for path in notebooks:
            target = export(path, lang)
            print(f"{target.relative_to(ROOT)}")
            count += 1
    print(f"{count} handouts in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
