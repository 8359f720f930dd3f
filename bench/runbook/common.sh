# Sourced by the runbook's scripts: their log lines as seed 004's scripts print them ("[INFO] ...", "[STEP] ..."),
# each after a UTC timestamp with milliseconds. bench/run.sh times the steps by these lines (RunbookLog reads them).

log() { # LEVEL MESSAGE...
  local level="$1"
  shift
  printf '%s [%s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$level" "$*"
}

fail() { # MESSAGE...: an [ERROR] line on stderr, exit 1
  log ERROR "$@" >&2
  exit 1
}
