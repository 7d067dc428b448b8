#!/usr/bin/env bash
# Printable HTML handouts of every lesson in both languages: handouts/<lang>/<lesson>.html
# (built from the stored, executed notebooks; rebuild those first with scripts/build_lessons.py).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then bash scripts/setup.sh; fi
. .venv/bin/activate
python scripts/build_handouts.py "$@"
