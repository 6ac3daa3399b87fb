#!/usr/bin/env bash
# Closed-loop HTTP load benchmark of POST /auth/token (wrk), with CPU accounting per request.
#
#   benchmarks/load/run.sh                  # default: the README's plain `java -jar`, no JVM flag at all
#   HEAP_OPTS=-Xmx256m GC=serial benchmarks/load/run.sh   # -XX:+UseSerialGC (g1: -XX:+UseG1GC, parallel: ...)
#   PROFILE=1 benchmarks/load/run.sh        # plus an extra, unmeasured refresh load under JFR
#
# Needs: a built bootstrap/target/gatehouse.jar (this script builds nothing), wrk (Debian: apt-get install
# wrk), curl, a free port 8080 (PORT=... to change). Everything talks to 127.0.0.1 only, every loop and wait
# is bounded, and the service (with its embedded PostgreSQL) is stopped on exit, also on Ctrl-C.
#
# Steps: start the service (dev mode: embedded PostgreSQL, ephemeral keys) with the per-address sign-in
# limit raised (GATEHOUSE_THROTTLE_SIGN_IN_REQUESTS_PER_IP_PER_MINUTE=1000000, else the signin scenario
# would measure 429s after 60 requests) -> time from launch to the first 200 of /health -> register a user
# -> unmeasured sign-in warm-up -> signin scenario (password grant) -> unmeasured refresh warm-up -> refresh
# scenario (every request rotates; one refresh-token chain per connection) -> RSS -> [PROFILE=1: JFR'd refresh load] -> stop.
# CPU: utime+stime from /proc/<pid>/stat of the service JVM and of the embedded PostgreSQL (postmaster
# incl. its reaped children, plus every live child), before and after each scenario.
# Output: results/<timestamp>-<gc>/ (summary.txt, wrk outputs, service log; JFR summary with PROFILE=1).
set -euo pipefail
cd "$(dirname "$0")"

JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
PORT=${PORT:-8080}
GC=${GC:-default}
HEAP_OPTS=${HEAP_OPTS:-}
SIGNIN_THREADS=${SIGNIN_THREADS:-2}
SIGNIN_CONNECTIONS=${SIGNIN_CONNECTIONS:-8}
SIGNIN_DURATION=${SIGNIN_DURATION:-20s}
REFRESH_THREADS=${REFRESH_THREADS:-2}
REFRESH_CONNECTIONS=${REFRESH_CONNECTIONS:-16}
REFRESH_DURATION=${REFRESH_DURATION:-30s}
WARMUP_DURATION=${WARMUP_DURATION:-10s}
SIGNIN_WARMUP_DURATION=${SIGNIN_WARMUP_DURATION:-10s}
PROFILE=${PROFILE:-0}
PROFILE_DURATION=${PROFILE_DURATION:-20s}

case "$GC" in
  default) GC_OPTS="" ;;             # the JVM chooses (G1 on this machine)
  g1) GC_OPTS="-XX:+UseG1GC" ;;
  serial) GC_OPTS="-XX:+UseSerialGC" ;;
  parallel) GC_OPTS="-XX:+UseParallelGC" ;;
  *) echo "GC must be default, g1, serial or parallel" >&2; exit 2 ;;
esac

for tool in wrk curl java awk getconf; do
  command -v "$tool" >/dev/null || { echo "missing $tool (wrk: apt-get install -y wrk)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
BASE="http://127.0.0.1:$PORT"
if curl -s -o /dev/null --max-time 1 "$BASE/"; then
  echo "something already listens on 127.0.0.1:$PORT; stop it or set PORT" >&2; exit 2
fi

# The machine may be shared: wait (at most QUIET_WAIT seconds) until it is nearly idle, so that the CPU
# figures are ours; every scenario also reports the CPU used by anything else while it ran ("other").
QUIET_WAIT=${QUIET_WAIT:-600}
busy_percent() {   # machine CPU busy over 3 s
  local b0 i0 b1 i1
  read -r b0 i0 < <(machine_busy_idle); sleep 3; read -r b1 i1 < <(machine_busy_idle)
  echo $(( 100 * (b1 - b0) / (b1 - b0 + i1 - i0 + 1) ))
}
machine_busy_idle() { awk '/^cpu /{idle=$5+$6; busy=0; for(i=2;i<=NF;i++) busy+=$i; print busy-idle, idle}' /proc/stat; }
waited=0
while busy=$(busy_percent) && [ "$busy" -gt 10 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
  [ "$waited" = 0 ] && echo "machine busy ($busy%), waiting up to ${QUIET_WAIT}s for it to calm down" >&2
  sleep 7; waited=$((waited + 10))
done
[ "$busy" -gt 10 ] && echo "WARNING: machine still ${busy}% busy; figures will be disturbed" >&2

OUT="results/$(date -u +%Y%m%dT%H%M%SZ)-$GC"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
HZ=$(getconf CLK_TCK)
SERVICE_PID=""
PG_PID=""
PG_OWNED=0

say() { echo "$*" | tee -a "$SUMMARY"; }

cleanup() {
  set +e
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"                       # graceful: the service stops its embedded PostgreSQL
    for _ in $(seq 1 100); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID"
  fi
  if [ "$PG_OWNED" = 1 ] && [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
    sleep 1
    kill -0 "$PG_PID" 2>/dev/null && kill -INT "$PG_PID"   # fast shutdown of an orphaned postmaster
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- /proc helpers -------------------------------------------------------------------------------------
# fields after "(comm) ": 1=state ... 12=utime 13=stime 14=cutime 15=cstime (man 5 proc, fields 14-17)
own_ticks() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0; }
all_ticks() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}' || echo 0; }
descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
service_ticks() { own_ticks "$SERVICE_PID"; }
service_user_sys() { sed 's/^.*) //' "/proc/$SERVICE_PID/stat" | awk '{print $12, $13}'; }
# GC of the service: young, full and concurrent collection counts and total GC time in ms (jstat -gc)
gc_stats() {
  jstat -gc "$SERVICE_PID" 2>/dev/null | awk 'NR==1{for(i=1;i<=NF;i++) col[$i]=i}
    NR==2{printf "%d %d %d %.0f\n", $col["YGC"], $col["FGC"], ("CGC" in col) ? $col["CGC"] : 0, $col["GCT"]*1000}' || echo "0 0 0 0"
}
# "pid ticks comm" of every process, to find who else used CPU during a scenario
proc_snapshot() {
  awk '{ o = index($0, "("); match($0, /\) [A-Za-z] /); comm = substr($0, o + 1, RSTART - o - 1); gsub(/ /, "_", comm)
         split(substr($0, RSTART + 2), f, " "); print $1, f[12] + f[13], comm; nextfile }' /proc/[0-9]*/stat 2>/dev/null || true
}
# PostgreSQL: the postmaster with the time of its exited (reaped) children, plus every live descendant
pg_ticks() {
  local total pid t
  total=$(all_ticks "$PG_PID")
  for pid in $(descendants "$PG_PID"); do t=$(own_ticks "$pid"); total=$((total + ${t:-0})); done
  echo "$total"
}
machine_busy_idle() { awk '/^cpu /{idle=$5+$6; busy=0; for(i=2;i<=NF;i++) busy+=$i; print busy-idle, idle}' /proc/stat; }
rss_kib() { awk -v key="${2:-VmRSS}:" '$1 == key {print $2}' "/proc/$1/status"; }
ms() { awk -v t="$1" -v hz="$HZ" 'BEGIN{printf "%.0f", t * 1000 / hz}'; }

# --- start the service ----------------------------------------------------------------------------------
say "# Gatehouse load benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine busy before start: ${busy}% (waited ${waited}s)"
say "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), mem=$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
say "jar: $JAR sha256=$(sha256sum "$JAR" | cut -c1-16) built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ)"
say "service: java $HEAP_OPTS $GC_OPTS -jar $JAR, MICRONAUT_SERVER_PORT=$PORT GATEHOUSE_THROTTLE_SIGN_IN_REQUESTS_PER_IP_PER_MINUTE=1000000"
say "database: ${DATASOURCES_DEFAULT_URL:-embedded PostgreSQL (development mode: fsync off, synchronous_commit off)}"

launch_ns=$(date +%s%N)
MICRONAUT_SERVER_PORT=$PORT GATEHOUSE_THROTTLE_SIGN_IN_REQUESTS_PER_IP_PER_MINUTE=1000000 \
  java $HEAP_OPTS $GC_OPTS -jar "$JAR" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
code=000
for _ in $(seq 1 1500); do                       # at most ~60 s
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/health" || true)
  [ "$code" = 200 ] && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died, see $OUT/service.log" >&2; exit 1; }
  sleep 0.02
done
[ "$code" = 200 ] || { echo "no 200 from /health within 60 s" >&2; exit 1; }
ready_ns=$(date +%s%N)
startup_log=$(grep -o 'Startup completed in [0-9]*ms' "$OUT/service.log" | head -1 || true)
say "launch -> first 200 of /health: $(( (ready_ns - launch_ns) / 1000000 )) ms; log: ${startup_log:-n/a}"

if [ -n "${DATASOURCES_DEFAULT_URL:-}" ]; then   # external database (external-pg.sh): its postmaster pid
  PG_PID=${EXTERNAL_PG_PID:?set EXTERNAL_PG_PID to the postmaster pid of the database in DATASOURCES_DEFAULT_URL}
  PG_PORT=$(echo "$DATASOURCES_DEFAULT_URL" | sed -n 's|.*://[^:/]*:\([0-9]*\).*|\1|p')
else
  PG_PORT=$(grep -o 'embedded PostgreSQL on port [0-9]*' "$OUT/service.log" | head -1 | awk '{print $NF}')
  PG_PID=$(pgrep -f -- "postgres -D .* -p $PG_PORT( |\$)" | head -1 || true)
  if [ -z "$PG_PID" ]; then              # fall back to a postgres process below the JVM
    for pid in $(descendants "$SERVICE_PID"); do
      [ "$(cat /proc/$pid/comm 2>/dev/null)" = postgres ] && { PG_PID=$pid; break; }
    done
  fi
  [ -n "$PG_PID" ] || { echo "cannot find the embedded PostgreSQL's postmaster" >&2; exit 1; }
  PG_OWNED=1
fi
say "service pid $SERVICE_PID, postmaster pid $PG_PID (port $PG_PORT)"

# --- a user and its sessions ----------------------------------------------------------------------------
EMAIL="bench-$(date +%s)-$$@example.com"
PASSWORD="bench-password-$(date +%s)"
code=$(curl -s -o "$OUT/register.json" -w '%{http_code}' --max-time 10 -X POST "$BASE/auth/register" \
  -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Bench\",\"clientId\":\"api\"}")
[ "$code" = 201 ] || { echo "register answered $code: $(cat "$OUT/register.json")" >&2; exit 1; }

# writes $2 refresh tokens (one new session each, via the password grant) to file $1
create_sessions() {
  local file=$1 n=$2 i body
  : > "$file"
  for i in $(seq 1 "$n"); do
    body=$(curl -s --max-time 10 -X POST "$BASE/auth/token" -d grant_type=password -d client_id=api \
      --data-urlencode "username=$EMAIL" --data-urlencode "password=$PASSWORD")
    echo "$body" | sed -n 's/.*"refresh_token" *: *"\([^"]*\)".*/\1/p' >> "$file"
  done
  [ "$(grep -c . "$file")" = "$n" ] || { echo "could not create $n sessions: $body" >&2; exit 1; }
}

# --- a scenario: wrk with CPU sampling ------------------------------------------------------------------
# run_scenario <name> <wrk args...>; the last RESULT line of wrk's done() carries requests and latencies
run_scenario() {
  local name=$1; shift
  local s0 p0 m0 s1 p1 m1 t0 t1 result requests
  say ""
  say "load average before $name: $(cut -d' ' -f1-3 /proc/loadavg)"
  proc_snapshot > "$OUT/procs-before-$name.txt"
  local u0 y0 g0 u1 y1 g1 gcs0 gcs1
  read -r u0 y0 < <(service_user_sys); gcs0=$(gc_stats)
  s0=$(service_ticks); p0=$(pg_ticks); read -r mb0 mi0 < <(machine_busy_idle); t0=$(date +%s%N)
  local TIMEFORMAT='%U %S'
  { time wrk "$@" > "$OUT/wrk-$name.txt" 2>&1 ; } 2> "$OUT/wrk-$name.cpu"
  s1=$(service_ticks); p1=$(pg_ticks); read -r mb1 mi1 < <(machine_busy_idle); t1=$(date +%s%N)
  read -r u1 y1 < <(service_user_sys); gcs1=$(gc_stats)
  proc_snapshot > "$OUT/procs-after-$name.txt"
  result=$(grep '^RESULT' "$OUT/wrk-$name.txt" | tail -1)
  [ -n "$result" ] || { echo "wrk ($name) printed no RESULT line:"; cat "$OUT/wrk-$name.txt"; exit 1; }
  requests=$(echo "$result" | sed 's/.* requests=\([0-9]*\).*/\1/')
  local wrk_cpu_ms
  wrk_cpu_ms=$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$OUT/wrk-$name.cpu")
  say "## $name: wrk $*"
  grep -E '^(  Thread|    Latency|    Req/Sec|  Latency Distribution|     [0-9]+%|.*requests in|  Non-2xx|  Socket errors|Requests/sec|Transfer/sec|check:|responses seen|rotations checked|  status|  sample|RAW)' "$OUT/wrk-$name.txt" | tee -a "$SUMMARY"
  say "$result"
  awk -v s="$((s1 - s0))" -v p="$((p1 - p0))" -v hz="$HZ" -v n="$requests" -v w="$wrk_cpu_ms" \
      -v mb="$((mb1 - mb0))" -v mi="$((mi1 - mi0))" -v el="$(( (t1 - t0) / 1000000 ))" -v name="$name" 'BEGIN {
    printf "CPU scenario=%s requests=%d service_cpu_ms=%.0f postgres_cpu_ms=%.0f wrk_cpu_ms=%d elapsed_ms=%d\n", name, n, s*1000/hz, p*1000/hz, w, el
    printf "CPU_PER_REQUEST scenario=%s service_ms=%.4f postgres_ms=%.4f service_plus_postgres_ms=%.4f wrk_ms=%.4f\n", name, s*1000/hz/n, p*1000/hz/n, (s+p)*1000/hz/n, w/n
    # machine: all CPU time spent during the scenario; "other" = kernel work not charged to these processes
    # (e.g. loopback networking in softirq) plus anything else running on the machine
    printf "MACHINE scenario=%s busy=%.0f%% busy_cpu_ms=%.0f other_cpu_ms=%.0f\n", name, 100*mb/(mb+mi), mb*1000/hz, mb*1000/hz - (s+p)*1000/hz - w
  }' | tee -a "$SUMMARY"
  say "SERVICE_CPU_SPLIT scenario=$name user_ms=$(ms $((u1 - u0))) system_ms=$(ms $((y1 - y0)))"
  echo "$gcs0 $gcs1" | awk -v name="$name" '{printf "GC scenario=%s young=%d full=%d concurrent=%d gc_time_ms=%d\n", name, $5-$1, $6-$2, $7-$3, $8-$4}' | tee -a "$SUMMARY"
  # the three busiest processes other than the service and PostgreSQL (wrk has exited by now)
  local ours
  ours=" $SERVICE_PID $PG_PID $(descendants "$PG_PID" | tr '\n' ' ') "
  awk -v ours="$ours" -v hz="$HZ" 'NR==FNR{before[$1]=$2; next}
    index(ours, " " $1 " ") == 0 && ($1 in before) && $2 - before[$1] > 0 {printf "%d %s(%s)\n", ($2 - before[$1]) * 1000 / hz, $3, $1}' \
    "$OUT/procs-before-$name.txt" "$OUT/procs-after-$name.txt" | sort -rn | head -3 | paste -sd, - \
    | sed "s/^/OTHER_TOP scenario=$name (cpu ms, process): /" | tee -a "$SUMMARY"
}

# --- signin: warm-up (not reported: the JIT compiles the sign-in path), then the measured run ---------------
wrk -t"$SIGNIN_THREADS" -c"$SIGNIN_CONNECTIONS" -d"$SIGNIN_WARMUP_DURATION" --timeout 10s \
  -s signin.lua "$BASE" -- "$EMAIL" "$PASSWORD" > "$OUT/wrk-signin-warmup.txt" 2>&1
say "sign-in warm-up ($SIGNIN_WARMUP_DURATION, not reported): $(grep '^RESULT' "$OUT/wrk-signin-warmup.txt" | tail -1)"
run_scenario signin -t"$SIGNIN_THREADS" -c"$SIGNIN_CONNECTIONS" -d"$SIGNIN_DURATION" --latency --timeout 10s \
  -s signin.lua "$BASE" -- "$EMAIL" "$PASSWORD"

# --- refresh: warm-up (not reported), then the measured run, each on fresh sessions ------------------------
create_sessions "$OUT/tokens-warmup.txt" "$REFRESH_CONNECTIONS"
wrk -t"$REFRESH_THREADS" -c"$REFRESH_CONNECTIONS" -d"$WARMUP_DURATION" --timeout 10s \
  -s refresh.lua "$BASE" -- "$OUT/tokens-warmup.txt" "$REFRESH_THREADS" > "$OUT/wrk-refresh-warmup.txt" 2>&1
say ""
say "refresh warm-up ($WARMUP_DURATION, not reported): $(grep '^RESULT' "$OUT/wrk-refresh-warmup.txt" | tail -1)"

create_sessions "$OUT/tokens.txt" "$REFRESH_CONNECTIONS"
run_scenario refresh -t"$REFRESH_THREADS" -c"$REFRESH_CONNECTIONS" -d"$REFRESH_DURATION" --latency --timeout 10s \
  -s refresh.lua "$BASE" -- "$OUT/tokens.txt" "$REFRESH_THREADS"

say ""
say "RSS service JVM after the benchmark: $(( $(rss_kib "$SERVICE_PID") / 1024 )) MiB (VmRSS), peak $(( $(rss_kib "$SERVICE_PID" VmHWM) / 1024 )) MiB (VmHWM)"

# --- optional: where the CPU goes in refresh (JFR, unmeasured run) ----------------------------------------
if [ "$PROFILE" = 1 ]; then
  create_sessions "$OUT/tokens-profile.txt" "$REFRESH_CONNECTIONS"
  jcmd "$SERVICE_PID" JFR.start name=refresh settings=profile filename="$PWD/$OUT/refresh.jfr" > /dev/null
  wrk -t"$REFRESH_THREADS" -c"$REFRESH_CONNECTIONS" -d"$PROFILE_DURATION" --timeout 10s \
    -s refresh.lua "$BASE" -- "$OUT/tokens-profile.txt" "$REFRESH_THREADS" > "$OUT/wrk-refresh-profile.txt" 2>&1
  jcmd "$SERVICE_PID" JFR.stop name=refresh > /dev/null
  say "profiled refresh run (JFR on, not reported above): $(grep '^RESULT' "$OUT/wrk-refresh-profile.txt" | tail -1)"
  ./jfr-summary.sh "$OUT/refresh.jfr" > "$OUT/jfr-summary.txt"
  say "JFR execution-sample summary: $OUT/jfr-summary.txt"
fi

say ""
say "results: $PWD/$OUT"
