#!/usr/bin/env bash
# The reference scenario: Rewind beside the runbook way of seed 004, followed literally by the shell scripts in
# bench/runbook/ (backup.sh: pg_dump | gzip and tar czf; monitor.sh: a health check every 10 s, rollback after 3
# consecutive failures; rollback.sh: stop, terminate connections, drop and create, gunzip | psql, files from tar,
# start, poll health), on a generated shop database and uploads on an embedded PostgreSQL 15 and the same bad release.
# Measures backup, detection, the whole rollback, downtime and the data written after the backup, beside the
# physical floor (cp -a), and prints the results as Markdown. See BENCHMARKS.md.
#
#   bench/run.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--strategy dump|clone|both] [--repeat 1]
#                [--work DIR]
#
# Needs a JDK >= 21 (found like ./mvnw does), pg_dump, pg_restore, psql and pg_isready 15 or newer, and curl.
set -euo pipefail

for tool in curl pg_isready ps; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found on PATH (apt-get install curl postgresql-client procps)" >&2; exit 2; }
done

# shellcheck source=app-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/app-bench.sh"
rewind_app_bench run.sh ReferenceBench "$@"
