#!/usr/bin/env bash
# Launch-to-first-request time of Gatehouse against an external PostgreSQL (production mode).
# Starts a throw-away PostgreSQL from the binaries zonky extracted (run the service once in development
# mode first) or from Debian's postgresql package, then launches the jar N times and measures the time
# from process start to the first 200 of /health: first plainly, then with an application class-data
# sharing archive (AppCDS, JDK 17: created by one training run with -XX:ArchiveClassesAtExit).
# Knobs: JAR (default bootstrap/target/gatehouse.jar), PGBIN (e.g. /usr/lib/postgresql/15/bin), RUNS, PORT, PGPORT.
# Loopback only; cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-bootstrap/target/gatehouse.jar}
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-55432}
JAVA_OPTS=${JAVA_OPTS:-}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

PGBIN=${PGBIN:-$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)}
[ -n "$PGBIN" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1 || true)
[ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL binaries found" >&2; exit 1; }
AS=""; [ "$(id -u)" = 0 ] && AS="unshare -U"   # PostgreSQL refuses to run as root

DATA=$(mktemp -d /tmp/gatehouse-startup-pg.XXXXXX)
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  $AS "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT
$AS "$PGBIN/initdb" -D "$DATA" -A trust -U postgres -E UTF-8 --no-sync >/dev/null
$AS "$PGBIN/pg_ctl" -D "$DATA" -w -l "$DATA/log" -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null

eval "$(java -jar "$JAR" --generate-keys EdDSA | sed 's/^/export /')"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" DATASOURCES_DEFAULT_USERNAME=postgres
export MICRONAUT_SERVER_PORT=$PORT
export GATEHOUSE_MAIL_SMTP_HOST=${GATEHOUSE_MAIL_SMTP_HOST:-127.0.0.1}   # production needs one; nothing is sent here

measure() { # $1 = label, $2 = extra JVM options
  for run in $(seq 1 "$RUNS"); do
    launch "$1 run $run" "$2"
  done
}

launch() {
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS $2 -jar "$JAR" > /tmp/gatehouse-startup.log 2>&1 &
  APP=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$APP" 2>/dev/null || { echo "service died:"; tail -20 /tmp/gatehouse-startup.log; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "$1: launch -> first 200 in $(( (end - start) / 1000000 )) ms; $(grep -o 'Startup completed in [0-9]*ms' /tmp/gatehouse-startup.log)"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
}

CDS=$(mktemp -u /tmp/gatehouse-XXXXXX.jsa)
measure "plain" ""
launch "AppCDS training (not counted)" "-XX:ArchiveClassesAtExit=$CDS"
measure "AppCDS" "-XX:SharedArchiveFile=$CDS"
rm -f "$CDS"
