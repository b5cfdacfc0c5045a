#!/usr/bin/env bash
# Runs every test: typecheck, lint, unit, integration on SQLite and PostgreSQL, and e2e in Chromium against the
# built app. Prepares what a fresh machine lacks (Debian's Chromium, a local PostgreSQL) when
# run as root; ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tests/.tmp
rm -f tests/.tmp/vitest.json tests/.tmp/playwright.json tests/.tmp/typecheck.json tests/.tmp/lint.json tests/.tmp/summary.txt

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] && return 0
  echo "== installing Debian's Chromium for the browser tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "== installing PostgreSQL"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -z "$version" ]; then echo "no PostgreSQL cluster found; set TEST_DATABASE_URL" >&2; return 1; fi
  as_root pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do as_root runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='sipas_test'" | grep -q 1 ||
    as_root runuser -u postgres -- psql -qc "CREATE ROLE sipas_test LOGIN PASSWORD 'sipas_test'"
  as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='sipas_test'" | grep -q 1 ||
    as_root runuser -u postgres -- psql -qc "CREATE DATABASE sipas_test OWNER sipas_test"
  # A database left by someone else on this machine: make sure the test role owns it.
  as_root runuser -u postgres -- psql -qc "ALTER DATABASE sipas_test OWNER TO sipas_test" >/dev/null
  export TEST_DATABASE_URL="postgres://sipas_test:sipas_test@127.0.0.1:5432/sipas_test"
}

status=0
ensure_chromium || { echo "could not install Chromium" >&2; status=1; }
ensure_postgres || { echo "could not start PostgreSQL" >&2; status=1; }

echo "== typecheck"
if npx --no-install tsc -p .; then echo '{"passed":true}' > tests/.tmp/typecheck.json; else echo '{"passed":false}' > tests/.tmp/typecheck.json; status=1; fi

echo "== lint (the direction of the house: app/domain stays pure)"
if npx --no-install eslint .; then echo '{"passed":true}' > tests/.tmp/lint.json; else echo '{"passed":false}' > tests/.tmp/lint.json; status=1; fi

echo "== unit and integration tests (SQLite and PostgreSQL)"
VITE_CJS_IGNORE_WARNING=true npx --no-install vitest run --reporter=default --reporter=json --outputFile=tests/.tmp/vitest.json || status=1

echo "== build and end-to-end tests (Chromium)"
if VITE_CJS_IGNORE_WARNING=true npm run --silent build >/dev/null; then
  npx --no-install playwright test || status=1
else
  echo "build failed" >&2
  status=1
fi

node tests/summarize.mjs | tee tests/.tmp/summary.txt || status=1
exit $status
