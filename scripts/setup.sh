#!/usr/bin/env bash
# Set everything up: a virtual environment in .venv with the pinned packages and `calc` installed.
# `bash scripts/setup.sh` installs what the apps need (requirements.txt); `--dev` adds the tests and
# tools (requirements-dev.txt; scripts/test.sh uses it).
set -euo pipefail
REQS=requirements.txt
if [ "${1:-}" = "--dev" ]; then
  REQS=requirements-dev.txt
fi
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --disable-pip-version-check -r "$REQS"
python -m pip install --quiet --disable-pip-version-check --no-deps -e .
python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (payroll)" >/dev/null
bash scripts/messages.sh compile >/dev/null
python -m payroll_server.enable >/dev/null  # JupyterLab's guards (docs/security.md)
