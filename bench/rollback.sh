#!/usr/bin/env bash
# Benchmarks a whole rollback: `rewind rollback production --yes --json` (the sample app as backend, the shop database
# and its uploads restored) beside the runbook way of seed 004 (stop, drop and create the database, gunzip | psql,
# rm -rf + tar xzf, switch the release back, start, poll /health), per backup strategy, on an embedded PostgreSQL 15;
# prints the results as Markdown. See BENCHMARKS.md.
#
#   bench/rollback.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--strategy dump|clone|both] [--work DIR]
#
# Needs a JDK >= 21 (found like ./mvnw does) and pg_dump, pg_restore and psql 15 or newer on PATH.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pick-jdk.sh
. "$repo/scripts/pick-jdk.sh"

for tool in pg_dump pg_restore psql gzip tar setsid; do
  command -v "$tool" >/dev/null || { echo "rollback.sh: $tool not found on PATH (apt-get install postgresql-client gzip tar)" >&2; exit 2; }
done

echo "rollback.sh: building the bench module, rewind.jar and the sample app..." >&2
(cd "$repo" && ./mvnw -B -q -Dmaven.test.skip=true -Pbench-run -pl bench,rewind-cli -am package)

# Run from private copies: the modules are in the reactor, so another build in this checkout may rewrite their target
# directories while the benchmark runs.
classpath="$(mktemp -d "${TMPDIR:-/tmp}/rewind-bench-classpath.XXXXXX")"
trap 'rm -rf "$classpath"' EXIT
cp "$repo"/bench/target/rewind-bench-*.jar "$repo"/bench/target/lib/*.jar "$classpath"/
mkdir "$classpath/run"
cp "$repo/rewind-cli/target/rewind.jar" "$repo/rewind-sampleapp/target/sampleapp-all.jar" "$classpath/run/"

java_opts=(--enable-native-access=ALL-UNNAMED)
# protobuf (under CEL) uses sun.misc.Unsafe; JDK 24+ warns about it unless allowed.
if [ "$(rewind_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

"$JAVA_HOME/bin/java" "${java_opts[@]}" -Drewind.bench.cli="$classpath/run/rewind.jar" \
  -Drewind.bench.app="$classpath/run/sampleapp-all.jar" -cp "$classpath/*" dev.rewind.bench.RollbackBench "$@"
