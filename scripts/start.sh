#!/usr/bin/env bash
# Set everything up and start the calculator apps with Voilà (start page: notebooks/apps/start.ipynb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
PORT=${PORT:-8866}
echo "Open http://localhost:${PORT}/voila/render/start.ipynb"
exec voila notebooks/apps --port="$PORT" --no-browser "$@"
