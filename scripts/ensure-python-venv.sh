#!/usr/bin/env bash
# The sandbox's contract tests run Razorpay's Python SDK in a venv they create. On Debian that
# needs python3-venv (ensurepip) besides python3; this installs what is missing, else does nothing.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
if command -v "$PYTHON" >/dev/null 2>&1 && "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Python 3 with venv is not available and apt-get is missing: install python3 and its venv module, or the Python SDK contract test is skipped." >&2
  exit 0
fi
echo "Installing Debian's python3 and python3-venv for the Python SDK contract test..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Need root (or sudo) to run: apt-get install -y python3 python3-venv." >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv >/dev/null
python3 --version
