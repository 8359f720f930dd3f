#!/usr/bin/env bash
# Stands in for `docker compose` in bench/run.sh: starts and stops the backend whose releases are under ROOT
# (ROOT/current -> releases/<version>, each with its start.sh), detached in a session of its own, with a pid file
# and a log in ROOT. Rewind's `releases` driver runs it as the component's start and stop commands; the runbook's
# rollback.sh runs it where seed 004 runs `docker compose stop` and `docker compose up -d`. The backend's own settings
# (PORT, DB, FILES) come from the environment, as a compose file's would.
#
#   service.sh start|stop ROOT        stop: SIGTERM to the session, SIGKILL after GRACE seconds (default 5)
set -euo pipefail

usage="usage: service.sh start|stop ROOT"
action="${1:?$usage}"
root="${2:?$usage}"
pidfile="$root/service.pid"
grace="${GRACE:-5}"

running() { # any process of the recorded session that is not a zombie
  [ -f "$pidfile" ] && ps -o stat= --sid "$(cat "$pidfile")" 2>/dev/null | grep -qv '^Z'
}

case "$action" in
  start)
    if running; then
      echo "backend already running (session $(cat "$pidfile"))"
      exit 0
    fi
    release="$(readlink -f "$root/current")"
    setsid "$release/start.sh" >>"$root/service.log" 2>&1 </dev/null &
    echo "$!" >"$pidfile"
    echo "backend $(basename "$release") started (pid $!)"
    ;;
  stop)
    if ! running; then
      rm -f "$pidfile"
      echo "backend not running"
      exit 0
    fi
    session="$(cat "$pidfile")"
    kill -TERM -- "-$session" 2>/dev/null || true
    for ((i = 0; i < grace * 20; i++)); do
      running || break
      sleep 0.05
    done
    if running; then
      kill -KILL -- "-$session" 2>/dev/null || true
      for ((i = 0; i < 100; i++)); do
        running || break
        sleep 0.05
      done
    fi
    running && { echo "backend (session $session) still runs after SIGKILL" >&2; exit 1; }
    rm -f "$pidfile"
    echo "backend stopped"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
