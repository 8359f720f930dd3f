#!/usr/bin/env bash
# Benchmarks Rewind's backup and restore engine beside the runbook way (pg_dump | gzip, gunzip | psql, tar) on an
# embedded PostgreSQL 15 and prints the results as Markdown; see BENCHMARKS.md.
#
#   bench/backup.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--repeat 3] [--work DIR]
#
# Needs a JDK >= 21 (found like ./mvnw does) and pg_dump, pg_restore and psql 15 or newer on PATH.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pick-jdk.sh
. "$repo/scripts/pick-jdk.sh"

for tool in pg_dump pg_restore psql createdb gzip tar; do
  command -v "$tool" >/dev/null || { echo "backup.sh: $tool not found on PATH (apt-get install postgresql-client gzip tar)" >&2; exit 2; }
done

echo "backup.sh: building the bench module and what it needs..." >&2
(cd "$repo" && ./mvnw -B -q -Dmaven.test.skip=true -Pbench-run -pl bench -am package)

# Run from a private copy of the classpath: the module is in the reactor, so another build in this checkout may
# rewrite bench/target while the benchmark runs.
classpath="$(mktemp -d "${TMPDIR:-/tmp}/rewind-bench-classpath.XXXXXX")"
trap 'rm -rf "$classpath"' EXIT
cp "$repo"/bench/target/rewind-bench-*.jar "$repo"/bench/target/lib/*.jar "$classpath"/

java_opts=(--enable-native-access=ALL-UNNAMED)
# protobuf (under CEL) uses sun.misc.Unsafe; JDK 24+ warns about it unless allowed.
if [ "$(rewind_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

"$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath/*" dev.rewind.bench.BackupBench "$@"
