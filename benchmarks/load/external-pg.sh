#!/usr/bin/env bash
# The load benchmark against an *external* PostgreSQL with durable commits (fsync on, synchronous_commit
# on: PostgreSQL's defaults), i.e. the production set-up, instead of the embedded development database
# (which zonky starts with fsync off and synchronous_commit off).
#
#   benchmarks/load/external-pg.sh            # then the same knobs as run.sh (GC=..., PROFILE=1, ...)
#   PG_BIN=/usr/lib/postgresql/15/bin benchmarks/load/external-pg.sh    # Debian's PostgreSQL 15
#
# The cluster loads pg_stat_statements (track=all, so BEGIN/COMMIT/SET count too); at the end the script
# prints every statement the service sent with its calls and server time (results/.../statements.txt):
# calls divided by rotations = round trips per rotation.
#
# It uses the PostgreSQL binaries that the service's embedded mode has already unpacked into the temp
# directory (run `java -jar bootstrap/target/gatehouse.jar` once if there are none), starts a throw-away
# cluster on 127.0.0.1 (as root through `unshare -U`, like the embedded mode), generates production keys
# with `java -jar gatehouse.jar --generate-keys`, runs run.sh with DATASOURCES_DEFAULT_URL set, and stops
# and deletes the cluster at the end. PostgreSQL runs on the same 2 cores, as in run.sh.
set -euo pipefail
cd "$(dirname "$0")"

JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
PG_BIN=${PG_BIN:-$(ls -d "${TMPDIR:-/tmp}"/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)}
[ -x "$PG_BIN/postgres" ] || { echo "no PostgreSQL binaries (set PG_BIN, or run the service once in dev mode)" >&2; exit 2; }
PG_PORT=${PG_PORT:-55432}

AS=()
[ "$(id -u)" = 0 ] && AS=(unshare -U)        # PostgreSQL refuses to run as root; an unmapped user is fine
DATA=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench-pg.XXXXXX")
chmod 777 "$DATA"
PG_PID=""
stop_pg() {
  set +e
  if [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID"                        # fast shutdown
    for _ in $(seq 1 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$DATA"
}
trap stop_pg EXIT
trap 'exit 130' INT TERM

"${AS[@]}" "$PG_BIN/initdb" -D "$DATA/db" -A trust -U postgres -E UTF-8 > "$DATA/initdb.log" 2>&1 \
  || { cat "$DATA/initdb.log" >&2; exit 1; }
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -w -t 60 -l "$DATA/postgres.log" \
  -o "-p $PG_PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_utility=on" start > /dev/null \
  || { cat "$DATA/postgres.log" >&2; exit 1; }
PG_PID=$(head -1 "$DATA/db/postmaster.pid")
echo "external PostgreSQL: pid $PG_PID, port $PG_PORT, $("$PG_BIN/postgres" --version), fsync/synchronous_commit: defaults (on)"

# production mode: a database URL and real (throw-away) keys
eval "$(java -jar "$JAR" --generate-keys "${ALGORITHM:-EdDSA}" | sed 's/^/export /')"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=""
# production refuses to start without an SMTP host; nothing listens there, the few verification e-mails of the
# benchmark's registration fail in the background (the outbox) and never touch the measured requests
export GATEHOUSE_MAIL_SMTP_HOST=${GATEHOUSE_MAIL_SMTP_HOST:-127.0.0.1}
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'CREATE EXTENSION pg_stat_statements' postgres
EXTERNAL_PG_PID=$PG_PID JAR="$JAR" ./run.sh
# statements since the cluster started (registration, sessions, sign-ins, warm-up and the measured runs)
OUT=$(ls -td results/*/ | head -1)
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -P pager=off -c "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms,
    round((total_exec_time / calls * 1000)::numeric, 1) AS mean_us, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
  FROM pg_stat_statements WHERE calls > 100 ORDER BY calls DESC" postgres | tee "$OUT/statements.txt"
