# Sourced by ./mvnw, ./rewind and .ci/run: makes JAVA_HOME a JDK ≥ 21.
# Keeps JAVA_HOME (or the `java` on PATH) when it is new enough, otherwise takes the newest JDK ≥ 21
# under /usr/lib/jvm. Rewind targets Java 21; the machine's default `java` may be older.

rewind_jdk_major() { # JDK_HOME → major version, or nothing
  [ -f "$1/release" ] && [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

rewind_pick_jdk() {
  local candidate major best="" best_major=0
  if [ -z "${JAVA_HOME:-}" ] && command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    [ "$(rewind_jdk_major "$candidate")" -ge 21 ] 2>/dev/null && JAVA_HOME="$candidate"
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ "$(rewind_jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    best="$JAVA_HOME"
  else
    for candidate in /usr/lib/jvm/*; do
      major="$(rewind_jdk_major "$candidate")"
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  fi
  if [ -z "$best" ]; then
    echo "rewind: needs a JDK 21 or newer; found none in JAVA_HOME, on PATH or in /usr/lib/jvm." >&2
    echo "        install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  # Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every build unless allowed.
  if [ "$(rewind_jdk_major "$best")" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

rewind_pick_jdk
