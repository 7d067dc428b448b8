#!/usr/bin/env bash
# Messages: extract them from the code into calc/locale/messages.pot, merge them into every
# language's .po (new ones come in untranslated, removed ones become obsolete), and compile the .mo
# files the apps read. `bash scripts/messages.sh compile` only compiles (scripts/setup.sh does that).
set -euo pipefail
cd "$(dirname "$0")/.."
LOCALE=calc/locale
if [ "${1:-all}" != compile ]; then
  pybabel extract --no-default-keywords -k _ -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3 \
    -F babel.cfg --sort-by-file --omit-header -w 0 -o "$LOCALE/messages.pot" .
  # each language's catalogue takes the messages of its countries' code (calc.core.i18n.CATALOGUE_CODE)
  split=$(mktemp -d)
  python scripts/split_pot.py "$LOCALE/messages.pot" "$split" >/dev/null
  for pot in "$split"/*.pot; do
    lang=$(basename "$pot" .pot)
    pybabel update -D messages -i "$pot" -d "$LOCALE" -l "$lang" --no-fuzzy-matching -w 0 --ignore-obsolete
  done
  rm -rf "$split"
  # The messages are str.format templates: "15% of" is not a %-placeholder (babel guesses python-format).
  sed -i -e '/^#, python-format$/d' -e 's/^\(#, .*\), python-format/\1/' "$LOCALE/messages.pot" "$LOCALE"/*/LC_MESSAGES/messages.po
fi
python -c "from calc.core.i18n import compile_all; compile_all()"  # .po -> .mo (pybabel compile misreads "15% of" as a %-format)
