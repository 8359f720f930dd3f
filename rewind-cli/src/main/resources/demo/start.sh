#!/bin/sh
# Release {{version}} of the demo shop backend: the sample app{{description}}.
# PORT, DB and FILES come from the component's `env` in rewind.yaml.
set -eu
cd "$(dirname "$0")/../../.."   # the project directory
exec "{{java}}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar app/sampleapp.jar --version {{version}} --port "$PORT" --db "$DB" --files "$FILES"{{flags}}
