"""Write one template per language (``<dir>/<lang>.pot``) holding only the messages of the code that the
language's catalogue serves (``calc.core.i18n.CATALOGUE_CODE``), from the full ``messages.pot``.

Used by scripts/messages.sh: ``python scripts/split_pot.py calc/locale/messages.pot OUTDIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from calc.core.i18n import CATALOGUE_CODE, serves


def split(pot: Path, out: Path) -> list[Path]:
    with pot.open("rb") as f:
        full = read_po(f)
    written = []
    for lang in CATALOGUE_CODE:
        cat = Catalog(domain="messages", project=full.project, version=full.version)
        for m in full:
            if not m.id:
                continue
            where = [loc for loc in m.locations if serves(lang, loc[0])]
            if where:
                cat.add(m.id, context=m.context, locations=where, flags=m.flags, auto_comments=m.auto_comments)
        path = out / f"{lang}.pot"
        with path.open("wb") as f:
            write_po(f, cat, width=0, omit_header=True, sort_by_file=True)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in split(Path(sys.argv[1]), Path(sys.argv[2])):
        print(p)
