#!/usr/bin/env bash
# The whole test suite: build both browsers, type-check, unit tests, Firefox lint, then the
# end-to-end tests in real Chromium and Firefox ESR against the built extension.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== node $(node -v)"
# Builds both browsers and the store zips (Chrome, Firefox, and the sources zip Firefox review needs).
npm run zip
npm run typecheck
# ESLint, with the layout rules (eslint.config.js): 0 errors.
npm run lint
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
# web-ext lint must report 0 errors on the Firefox build (warnings are printed).
npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --output json 2>/dev/null | node scripts/check-lint.mjs
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json
