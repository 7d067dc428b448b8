#!/usr/bin/env bash
# Set everything up and run every test: lint, the engine, the widget apps (from Python and in
# Debian's Chromium via Playwright), the lessons (nbval) and the bargaining view.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
bash scripts/install-browser.sh
. .venv/bin/activate
ruff check .
# import-linter contracts (pyproject.toml): calc stays pure, the core never imports a country, countries
# never import each other.
lint-imports
# PAYROLL_MIN_TESTS: tests/conftest.py fails the run if fewer tests are collected (an empty or
# half-collected run must never pass).
PAYROLL_MIN_TESTS=${PAYROLL_MIN_TESTS:-150} python -m pytest tests notebooks/lessons \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg "$@"
