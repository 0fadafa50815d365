#!/usr/bin/env bash
# Builds both browsers' extensions, then opens the demo (see scripts/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "Debian's chromium is needed: apt-get install -y chromium firefox-esr" >&2; exit 1; }
npm run build
tsx scripts/demo.ts
