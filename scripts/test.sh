#!/usr/bin/env bash
# npm test — every test: Vitest (domain and route handlers on a real database), then Playwright
# (API and browser) against the compiled server, as `npm run build && npm start` runs it. DATABASE_URL
# picks the database; without it, a fresh SQLite file. For PostgreSQL pass an empty database:
# `DATABASE_URL=postgresql://… npm test`. SKIP_BUILD=1 reuses the last `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ -z "${DATABASE_URL:-}" ]; then
  rm -rf data/test && mkdir -p data/test
  export DATABASE_URL="file:./data/test/portcullis.db"
fi
mkdir -p test-results
echo "== tests on ${DATABASE_URL%%://*}"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
[ "${SKIP_BUILD:-}" = 1 ] || npm run build  # the Next app and dist/; neither depends on the database
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
node scripts/summarize-tests.mjs test-results/vitest.json test-results/playwright.json
