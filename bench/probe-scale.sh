#!/usr/bin/env bash
# Probe runner scale: N HTTP probes at a 1 s interval against a local server; prints scheduling lag p50/p99/max.
# Usage: bench/probe-scale.sh [PROBES] [SECONDS]   (default 2000 20)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pick-jdk.sh
./mvnw -B -q -DskipTests -pl rewind-core -am install >&2
./mvnw -B -q -pl rewind-core dependency:build-classpath -Dmdep.outputFile=/tmp/rewind-probe-scale.cp -Dmdep.includeScope=test >&2
jvm=(--enable-native-access=ALL-UNNAMED)
[ "$(rewind_jdk_major "$JAVA_HOME")" -ge 24 ] && jvm+=(--sun-misc-unsafe-memory-access=allow)
exec "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "rewind-core/target/test-classes:rewind-core/target/classes:$(cat /tmp/rewind-probe-scale.cp)" \
  dev.rewind.core.probe.ProbeScaleBench "${1:-2000}" "${2:-20}"
