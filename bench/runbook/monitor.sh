#!/usr/bin/env bash
# The runbook's automatic trigger (seed 004, "Automatic Rollback Triggers": 3 consecutive health check failures ->
# immediate rollback), as deploy-with-rollback.sh watches a new release: `curl -f` the health URL every
# HEALTH_CHECK_INTERVAL seconds; on the third failure in a row, run rollback.sh non-interactively
# (ROLLBACK_CONFIRM=yes, seed 004 step 2). Ends with nothing done after MONITOR_DURATION seconds (the flowchart's
# "Monitor for 30 minutes").
#
#   HEALTH_URL=http://localhost:3001/health bench/runbook/monitor.sh
#
# Seed 004 gives the threshold but no interval; the default, 10 s, is the seed's own wait between two looks at a
# service (`sleep 10`) and Rewind's default probe interval. rollback.sh needs its own settings in the environment.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

: "${HEALTH_URL:?set HEALTH_URL}"
HEALTH_CHECK_INTERVAL="${HEALTH_CHECK_INTERVAL:-10}"
MONITOR_DURATION="${MONITOR_DURATION:-1800}"
MAX_FAILURES=3

log INFO "Monitoring $HEALTH_URL every ${HEALTH_CHECK_INTERVAL}s; rollback after $MAX_FAILURES consecutive failures"
failures=0
end=$((SECONDS + MONITOR_DURATION))
while ((SECONDS < end)); do
  if curl -fsS -o /dev/null --max-time 5 "$HEALTH_URL" 2>/dev/null; then
    failures=0
    log INFO "Health check passed"
  else
    failures=$((failures + 1))
    log WARN "Health check failed ($failures/$MAX_FAILURES)"
    if ((failures >= MAX_FAILURES)); then
      log ERROR "$MAX_FAILURES consecutive health check failures: immediate rollback"
      ROLLBACK_CONFIRM=yes exec "$here/rollback.sh"
    fi
  fi
  sleep "$HEALTH_CHECK_INTERVAL"
done
log INFO "No rollback needed after ${MONITOR_DURATION}s of monitoring"
