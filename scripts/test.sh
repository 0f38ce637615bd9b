#!/usr/bin/env bash
# What `npm test` runs: typecheck, build, then every test project: unit and integration on PGlite,
# integration again on a throwaway PostgreSQL cluster, e2e in Chromium. Ends with one line
# "N passed, N failed[, N skipped]" summed over all runs; exits non-zero if anything failed.
#
# Environment:
#   TEST_DATABASE_URL  use this (empty) PostgreSQL database instead of starting a cluster; the tests
#                      create and drop databases next to it
#   CHROMIUM_PATH      the browser for e2e (default /usr/bin/chromium)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

WORK=$(mktemp -d -t yiwang-test.XXXXXX)
PG_DIR=
PG_BIN=
PASSED=0
FAILED=0
SKIPPED=0
FAILED_STEPS=()
STARTED=$SECONDS

banner() { printf '\n== %s ==\n\n' "$*"; }
die() { printf '\ntest.sh: %s\n' "$*" >&2; exit 1; }
root_on_debian() { [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; }

APT_UPDATED=
apt_install() {
  if [[ -z $APT_UPDATED ]]; then apt-get -q update; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Runs a command as the cluster's owner: PostgreSQL refuses to run as root. From / so the
# postgres user never needs access to the current directory.
as_pg() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

cleanup() {
  local status=$?
  if [[ -n $PG_DIR ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- a. PostgreSQL server binaries (unless TEST_DATABASE_URL names a server) ----------------------

# The bin directory of the highest PostgreSQL >= 15 installed the Debian way, or nothing.
find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    local major=${dir#/usr/lib/postgresql/}
    major=${major%%/*}
    if [[ ${major%%.*} -ge 15 && -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return
    fi
  done
}

ensure_postgres() {
  PG_BIN=$(find_pg_bin)
  if [[ -z $PG_BIN ]] && root_on_debian; then
    banner "installing PostgreSQL (apt-get install postgresql)"
    apt_install postgresql
    PG_BIN=$(find_pg_bin)
  fi
  if [[ -z $PG_BIN ]]; then
    die "PostgreSQL 15+ server binaries not found under /usr/lib/postgresql/*/bin.
Install them (apt-get install postgresql), or set TEST_DATABASE_URL to an empty PostgreSQL
database the tests may create databases in."
  fi
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root, but there is no 'postgres' user to run the test cluster as (PostgreSQL refuses root)."
  fi
}

# --- b. Chromium ----------------------------------------------------------------------------------

ensure_chromium() {
  CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
  export CHROMIUM_PATH
  [[ -x $CHROMIUM_PATH ]] && return
  if [[ $CHROMIUM_PATH == /usr/bin/chromium ]] && root_on_debian; then
    banner "installing Chromium (apt-get install chromium fonts-noto-cjk)"
    # The CJK fonts make the pages render Chinese as users see it (screenshots, layout checks).
    apt_install chromium fonts-noto-cjk
  fi
  [[ -x $CHROMIUM_PATH ]] || die "Chromium not found at $CHROMIUM_PATH.
Install it (apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary."
}

# --- e. A throwaway PostgreSQL cluster ------------------------------------------------------------

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Durability is switched off: the cluster lives for one run and is deleted by the trap.
start_cluster() {
  PG_DIR=$(mktemp -d -t yiwang-pg.XXXXXX)
  if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_DIR"; fi
  local port
  port=$(free_port)
  as_pg "$PG_BIN/initdb" -D "$PG_DIR" -A trust -U postgres --no-sync >"$WORK/initdb.log" 2>&1 ||
    { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w start -o "-p $port -k $PG_DIR \
-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; die "the test PostgreSQL cluster did not start"; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

# "15.10 (127.0.0.1:5432)": the server's version and where it is, without credentials. Also proves
# the URL works before any test relies on it.
describe_postgres() {
  node -e "
    const pg = require('pg')
    const url = new URL(process.env.TEST_DATABASE_URL)
    const client = new pg.Client({ connectionString: url.href })
    client.connect()
      .then(() => client.query('show server_version'))
      .then((r) => { console.log(r.rows[0].server_version.split(' ')[0] + ' (' + (url.host || 'local socket') + ')'); return client.end() })
      .catch((e) => { console.error('cannot reach TEST_DATABASE_URL: ' + e.message); process.exit(1) })"
}

# --- f. Test runs ---------------------------------------------------------------------------------

# Runs vitest with a JSON report beside the usual output and adds its counts to the totals. A file
# that fails to load, or an error outside any test, fails the run without failing a test: such a
# run counts as one failure so the summary never reads "0 failed" for a red run.
run_vitest() {
  local name=$1
  shift
  local report="$WORK/$name.json" status=0
  npx --no -- vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
  local counts
  counts=$(node -e "
    const fs = require('fs')
    const [report, status] = process.argv.slice(1)
    const r = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null
    const passed = r ? r.numPassedTests : 0
    const skipped = r ? r.numPendingTests + r.numTodoTests : 0
    let failed = r ? r.numFailedTests : 0
    const broken = r ? r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')) : []
    failed += broken.length
    if (failed === 0 && status !== '0') failed = 1
    console.log(passed, failed, skipped)" "$report" "$status")
  local passed failed skipped
  read -r passed failed skipped <<<"$counts"
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SKIPPED=$((SKIPPED + skipped))
  if [[ $status -ne 0 ]]; then FAILED_STEPS+=("$name test run"); fi
}

pglite_version() {
  node -p "JSON.parse(require('fs').readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version"
}

# --- main -----------------------------------------------------------------------------------------

main() {
  if [[ -n ${TEST_DATABASE_URL:-} ]]; then
    echo "using TEST_DATABASE_URL; no PostgreSQL cluster of our own"
  else
    ensure_postgres
  fi
  ensure_chromium

  banner "typecheck (tsc)"
  npx --no -- tsc --noEmit -p tsconfig.json || FAILED_STEPS+=("typecheck")

  local built=1
  if [[ -f vite.config.ts ]]; then
    banner "build the web app (vite build)"
    npx --no -- vite build || { FAILED_STEPS+=("web build"); built=; }
  fi

  if [[ -z ${TEST_DATABASE_URL:-} ]]; then start_cluster; fi
  local postgres
  postgres=$(describe_postgres)
  # The PGlite template is built by the first vitest run and reused by the later ones.
  export TEST_PGLITE_TEMPLATE="$WORK/pglite-template.tar"

  banner "unit tests, and integration tests on PGlite $(pglite_version)"
  TEST_DATABASE_URL='' run_vitest pglite --project unit --project integration

  banner "integration tests on PostgreSQL $postgres"
  run_vitest postgres --project integration

  if [[ -n $(find test/e2e -name '*.e2e.test.ts' -print -quit 2>/dev/null) ]]; then
    if [[ -n $built ]]; then
      banner "e2e tests in $("$CHROMIUM_PATH" --version 2>/dev/null || echo "$CHROMIUM_PATH")"
      TEST_DATABASE_URL='' run_vitest e2e --project e2e
    else
      echo "e2e tests not run: the web app did not build"
    fi
  fi

  summarise
}

summarise() {
  echo
  local step
  for step in "${FAILED_STEPS[@]}"; do echo "failed: $step"; done
  echo "took $((SECONDS - STARTED))s"
  local summary="$PASSED passed, $FAILED failed"
  if [[ $SKIPPED -gt 0 ]]; then summary+=", $SKIPPED skipped"; fi
  echo "$summary"
  if [[ $FAILED -gt 0 || ${#FAILED_STEPS[@]} -gt 0 ]]; then exit 1; fi
}

main "$@"
