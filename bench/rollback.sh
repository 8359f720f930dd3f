#!/usr/bin/env bash
# Benchmarks a whole rollback: `rewind rollback production --yes --json` (the sample app as backend, the shop database
# and its uploads restored) beside the runbook way of seed 004 (stop, drop and create the database, gunzip | psql,
# rm -rf + tar xzf, switch the release back, start, poll /health), per backup strategy, on an embedded PostgreSQL 15;
# prints the results as Markdown. See BENCHMARKS.md.
#
#   bench/rollback.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--strategy dump|clone|both] [--repeat 3]
#                     [--work DIR]
#
# Needs a JDK >= 21 (found like ./mvnw does) and pg_dump, pg_restore and psql 15 or newer on PATH.
set -euo pipefail

# shellcheck source=app-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/app-bench.sh"
rewind_app_bench rollback.sh RollbackBench "$@"
