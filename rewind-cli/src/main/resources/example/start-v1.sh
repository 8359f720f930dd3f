#!/bin/sh
# Release v1 of the example shop backend: the sample app, healthy.
# PORT, DB and FILES come from the component's `env` in rewind.yaml.
set -eu
here="$(cd -P "$(dirname "$0")" && pwd)"
cd "$here/../../../.."   # the project directory
exec java -jar app/sampleapp.jar --version v1 --port "$PORT" --db "$DB" --files "$FILES"
