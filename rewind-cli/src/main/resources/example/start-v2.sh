#!/bin/sh
# Release v2 of the example shop backend: a bad release, half of its API requests fail.
# PORT, DB and FILES come from the component's `env` in rewind.yaml.
set -eu
here="$(cd -P "$(dirname "$0")" && pwd)"
cd "$here/../../../.."   # the project directory
exec java -jar app/sampleapp.jar --version v2 --port "$PORT" --db "$DB" --files "$FILES" --fail-rate 0.5
