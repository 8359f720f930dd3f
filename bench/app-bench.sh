# Sourced by bench/rollback.sh, bench/deploy.sh and bench/run.sh, which run the sample app under Rewind's CLI: checks
# the tools, builds the bench module, rewind.jar and the sample app, and runs a main class of the bench module from
# private copies of them and of the runbook's scripts, bench/runbook/ (removed at the end).
#
#   rewind_app_bench SCRIPT MAIN_CLASS ARGS...
#
# Needs a JDK >= 21 (found like ./mvnw does) and pg_dump, pg_restore and psql 15 or newer on PATH.

rewind_app_bench() {
  local script="$1" main="$2"
  shift 2
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  # shellcheck source=../scripts/pick-jdk.sh
  . "$repo/scripts/pick-jdk.sh"

  local tool
  for tool in pg_dump pg_restore psql gzip tar setsid; do
    command -v "$tool" >/dev/null || { echo "$script: $tool not found on PATH (apt-get install postgresql-client gzip tar)" >&2; return 2; }
  done

  echo "$script: building the bench module, rewind.jar and the sample app..." >&2
  (cd "$repo" && ./mvnw -B -q -Dmaven.test.skip=true -Pbench-run -pl bench,rewind-cli -am package)

  # Run from private copies: the modules are in the reactor, so another build in this checkout may rewrite their
  # target directories while the benchmark runs.
  rewind_bench_classpath="$(mktemp -d "${TMPDIR:-/tmp}/rewind-bench-classpath.XXXXXX")"
  trap 'rm -rf "$rewind_bench_classpath"' EXIT
  local classpath="$rewind_bench_classpath"
  cp "$repo"/bench/target/rewind-bench-*.jar "$repo"/bench/target/lib/*.jar "$classpath"/
  mkdir "$classpath/run"
  cp "$repo/rewind-cli/target/rewind.jar" "$repo/rewind-sampleapp/target/sampleapp-all.jar" "$classpath/run/"
  cp -r "$repo/bench/runbook" "$classpath/run/runbook"
  # The launcher too: the CLI runs as `./rewind` runs it (REWIND_JAR: this copy of the jar).
  mkdir "$classpath/run/scripts"
  cp "$repo/rewind" "$classpath/run/"
  cp "$repo/scripts/pick-jdk.sh" "$classpath/run/scripts/"

  local java_opts=(--enable-native-access=ALL-UNNAMED)
  # protobuf (under CEL) uses sun.misc.Unsafe; JDK 24+ warns about it unless allowed.
  if [ "$(rewind_jdk_major "$JAVA_HOME")" -ge 24 ]; then
    java_opts+=(--sun-misc-unsafe-memory-access=allow)
  fi

  "$JAVA_HOME/bin/java" "${java_opts[@]}" -Drewind.bench.cli="$classpath/run/rewind.jar" \
    -Drewind.bench.app="$classpath/run/sampleapp-all.jar" -Drewind.bench.runbook="$classpath/run/runbook" \
    -cp "$classpath/*" "dev.rewind.bench.$main" "$@"
}
