#!/usr/bin/env bash
# Set everything up and start the calculator apps with Voilà (start page: notebooks/apps/start.ipynb).
# Settings (preheated kernels, pool sizes, no tracebacks, kernel culling) come from ./voila.json.
# PORT=8866 by default; IP=0.0.0.0 to serve other machines on the network (default: this machine only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
PORT=${PORT:-8866}
IP=${IP:-localhost}
echo "Open http://localhost:${PORT}/voila/render/start.ipynb"
echo "(English: http://localhost:${PORT}/voila/render/start.ipynb?lang=en)"
exec voila notebooks/apps --port="$PORT" --Voila.ip="$IP" --no-browser "$@"
