#!/usr/bin/env bash
# Times what every CLI command pays for its JVM: `rewind --version`, `status --json`, `releases production --json`
# and `deploy production v1 --watch 0s --json` (a redeploy of the live release: backup, stop, start, verify) in the
# demo's project, each run N times as ./rewind runs it, process start to exit; for the deploy also process start to
# its first journal step and its last step to exit. Prints median, min and max as Markdown. See BENCHMARKS.md.
#
#   bench/cli-startup.sh [--repeat 5] [--dir DIR]
#
# Without --dir it makes the demo's project in a temporary directory (`rewind demo --keep`, about 20 s) and stops and
# deletes it at the end, also on failure or Ctrl-C; with --dir it uses that demo project (v1 live) and leaves it be.
# What ./rewind keeps beside rewind.jar (the class-data sharing archive) is made afresh as after a build: deleted,
# then an untimed `rewind --version` first.
# Needs a JDK >= 21 (found like ./mvnw does), jq, and for the demo pg_dump and pg_restore 15 or newer on PATH.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rewind="$repo/rewind"
repeat=5
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "usage: bench/cli-startup.sh [--repeat N] [--dir DEMO_DIR]" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "cli-startup.sh: jq not found on PATH (apt-get install jq)" >&2; exit 2; }

made=""
cleanup() {
  if [ -n "$made" ]; then
    "$rewind" demo --stop --dir "$made/demo" >"$made/stop.out" 2>&1 || {
      cat "$made/stop.out" >&2; echo "cli-startup.sh: the demo in $made/demo was not stopped; it is left there" >&2; return; }
    rm -rf "$made"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$dir" ]; then
  made="$(mktemp -d "${TMPDIR:-/tmp}/rewind-cli-startup.XXXXXX")"
  dir="$made/demo"
  echo "cli-startup.sh: making the demo project in $dir (about 20 s)..." >&2
  "$rewind" demo --keep --dir "$dir" >/dev/null 2>"$made/demo.err" || { cat "$made/demo.err" >&2; exit 1; }
fi
cd "$dir"

rm -rf "$repo"/rewind-cli/target/rewind*.jsa "$repo"/rewind-cli/target/rewind*.sqlite
"$rewind" --version >/dev/null 2>&1

now_ms() { date +%s%3N; }
iso_ms() { date -d "$1" +%s%3N; }

# stats MS... → "median | min | max" in seconds
stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%.2f s | %.2f s | %.2f s", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

declare -A times
timed() { # NAME ARGS... : one run, process start to exit, appended to times[NAME]
  local name="$1" start end
  shift
  start="$(now_ms)"
  "$rewind" "$@" >"$dir/.cli-startup.out" 2>"$dir/.cli-startup.err" || {
    echo "cli-startup.sh: \`rewind $*\` failed (exit $?):" >&2; cat "$dir/.cli-startup.err" >&2; exit 1; }
  end="$(now_ms)"
  times[$name]+=" $((end - start))"
  last_start="$start" last_end="$end"
}

echo "cli-startup.sh: $repeat runs of each command..." >&2
load="$(cut -d' ' -f1-3 /proc/loadavg)"
first=() after=()
for _ in $(seq "$repeat"); do
  timed version --version
  timed status status --json
  timed releases releases production --json
  timed deploy deploy production v1 --watch 0s --json
  [ "$(jq -r .status "$dir/.cli-startup.out")" = live ] || { echo "cli-startup.sh: the deploy did not end live" >&2; exit 1; }
  first+=($(($(iso_ms "$(jq -r '.steps[0].started_at' "$dir/.cli-startup.out")") - last_start)))
  after+=($((last_end - $(iso_ms "$(jq -r '.steps[-1].finished_at' "$dir/.cli-startup.out")"))))
done
rm -f "$dir/.cli-startup.out" "$dir/.cli-startup.err"

. "$repo/scripts/pick-jdk.sh"
echo "#### \`bench/cli-startup.sh --repeat $repeat\`"
echo
if checkout="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null)"; then
  git -C "$repo" diff --quiet HEAD || checkout+=" (with changes)"
else
  checkout="not a git checkout"
fi
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); checkout $checkout"
echo "- machine: $(nproc) CPUs, $(uname -sr); load average when the runs started (1, 5, 15 min): $load"
echo "- $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 3p)"
echo
echo "| command (process start → exit) | median | min | max |"
echo "|---|---|---|---|"
echo "| \`rewind --version\` | $(stats ${times[version]}) |"
echo "| \`rewind status --json\` | $(stats ${times[status]}) |"
echo "| \`rewind releases production --json\` | $(stats ${times[releases]}) |"
echo "| \`rewind deploy production v1 --watch 0s --json\` | $(stats ${times[deploy]}) |"
echo "| deploy: process start → first step | $(stats "${first[@]}") |"
echo "| deploy: last step → process exit | $(stats "${after[@]}") |"
