#!/usr/bin/env bash
# Set everything up and start the calculator apps with Voilà (start page: notebooks/apps/start.ipynb).
# Settings (preheated kernels, pool sizes, no tracebacks, kernel culling, payroll_server's guards) come from
# ./voila.json.
# PORT=8866 by default. IP=0.0.0.0 serves other machines on the network (default: this machine only); then a
# class code is required: CLASS_CODE=… or one is generated, and the address to share is printed.
# PARTICIPANTS=30 sizes the preheated kernels for a class; PAYROLL_MAX_KERNELS caps the kernels (README, "Run a class").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
PORT=${PORT:-8866}
IP=${IP:-localhost}
args=()
case "$IP" in
  localhost|127.0.0.1|::1)
    echo "Open http://localhost:${PORT}/voila/render/start.ipynb"
    echo "(English: http://localhost:${PORT}/voila/render/start.ipynb?lang=en)"
    ;;
  *)
    CLASS_CODE=${CLASS_CODE:-$(python -c "import secrets; print(secrets.token_urlsafe(6))")}
    if [ "${#CLASS_CODE}" -lt 8 ]; then
      echo "CLASS_CODE must have at least 8 characters (letters, digits, - or _)" >&2
      exit 2
    fi
    HOST=$(hostname -I 2>/dev/null | awk '{print $1}')
    HOST=${HOST:-$(hostname)}
    echo "Class code: ${CLASS_CODE}"
    echo "Share with the class: http://${HOST}:${PORT}/voila/render/start.ipynb?token=${CLASS_CODE}"
    echo "(or the address without ?token=…: the page then asks for the class code)"
    args+=("--Voila.token=${CLASS_CODE}")
    ;;
esac
exec voila notebooks/apps --port="$PORT" --Voila.ip="$IP" --no-browser "${args[@]}" "$@"
