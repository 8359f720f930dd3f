#!/usr/bin/env bash
# Detection time of `rewind decide`/`watch`: from the sample app's health starting to fail to ROLLBACK_NOW.
# Usage: bench/detection.sh [TRIALS]   (default 10; each trial takes ~5-8 s)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pick-jdk.sh
./mvnw -B -q -DskipTests -pl rewind-cli -am install >&2
./mvnw -B -q -pl rewind-cli dependency:build-classpath -Dmdep.outputFile=/tmp/rewind-detection.cp -Dmdep.includeScope=test >&2
jvm=(--enable-native-access=ALL-UNNAMED)
[ "$(rewind_jdk_major "$JAVA_HOME")" -ge 24 ] && jvm+=(--sun-misc-unsafe-memory-access=allow)
exec "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "rewind-cli/target/test-classes:rewind-cli/target/classes:$(cat /tmp/rewind-detection.cp)" \
  dev.rewind.cli.DetectionBench "${1:-10}"
