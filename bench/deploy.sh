#!/usr/bin/env bash
# Benchmarks a deploy of a healthy release: `rewind deploy production VERSION --watch 0s --json` and the same deploy
# through a running `rewind serve` (the sample app as backend, a backup set of the shop database and its uploads
# first) beside what it does anyway, the plain stop/activate/start and the backup alone, per backup strategy, on an
# embedded PostgreSQL 15; prints the results as Markdown. See BENCHMARKS.md.
#
#   bench/deploy.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--strategy dump|clone|both] [--repeat 3]
#                   [--work DIR] [--via cli|serve|both]
#
# Needs a JDK >= 21 (found like ./mvnw does) and pg_dump, pg_restore and psql 15 or newer on PATH.
set -euo pipefail

# shellcheck source=app-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/app-bench.sh"
rewind_app_bench deploy.sh DeployBench "$@"
