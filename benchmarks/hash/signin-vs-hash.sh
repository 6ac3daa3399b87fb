#!/usr/bin/env bash
# Sign-in rate against the hash-only rate, measured in alternating rounds so that both see the same machine.
#
#   benchmarks/hash/signin-vs-hash.sh          # 5 rounds of 10 s each way, after a 40 s sign-in warm-up
#   ROUNDS=7 SECONDS_PER_ROUND=15 benchmarks/hash/signin-vs-hash.sh
#
# The service is started as the README says (`java -jar`, no JVM flag; development mode, embedded PostgreSQL)
# with the per-address sign-in limit raised. Each round first runs HashRate (the service's own Argon2id code from
# the jar, 2 threads, in its own JVM, the service idle meanwhile; see run.sh) and then wrk's password-grant load
# (8 connections, signin.lua; the hashing JVM has exited). A round's ratio is sign-ins/s ÷ hashes/s; the RESULT
# line gives the median ratio. Needs wrk, curl and a built bootstrap/target/gatehouse.jar; 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")"
JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
PORT=${PORT:-8080}
ROUNDS=${ROUNDS:-5}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-10}
WARMUP=${WARMUP:-40s}
BASE="http://127.0.0.1:$PORT"
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
curl -s -o /dev/null --max-time 1 "$BASE/" && { echo "something already listens on $BASE; set PORT" >&2; exit 2; }
mkdir -p target
javac -d target -cp "$JAR" HashRate.java

LOG=$(mktemp /tmp/gatehouse-signin-vs-hash.XXXXXX.log)
MICRONAUT_SERVER_PORT=$PORT GATEHOUSE_THROTTLE_SIGN_IN_REQUESTS_PER_IP_PER_MINUTE=1000000 java -jar "$JAR" > "$LOG" 2>&1 &
SERVICE_PID=$!
trap 'kill "$SERVICE_PID" 2>/dev/null; wait "$SERVICE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null --max-time 1 "$BASE/health" && break; sleep 0.1; done
curl -sf -o /dev/null --max-time 1 "$BASE/health" || { echo "no 200 from /health; see $LOG" >&2; exit 1; }

EMAIL="bench-$$@example.com"; PASSWORD="bench-password-$$"
curl -sf -o /dev/null --max-time 10 -X POST "$BASE/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Bench\",\"clientId\":\"api\"}"
signins() { wrk -t2 -c8 -d"$1" --timeout 10s -s ../load/signin.lua "$BASE" -- "$EMAIL" "$PASSWORD"; }

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$(nproc) $(java -version 2>&1 | head -1) jar sha256=$(sha256sum "$JAR" | cut -c1-16)"
echo "sign-in warm-up $WARMUP: $(signins "$WARMUP" | grep -o 'Requests/sec: *[0-9.]*')"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  hash=$(java -cp "target:$JAR" dev.gatehouse.adapter.out.security.password.HashRate service 2 "$SECONDS_PER_ROUND" 1 \
    | sed -n 's/.*round=1 hashes\/s=\([0-9.]*\).*/\1/p')
  out=$(signins "${SECONDS_PER_ROUND}s")
  echo "$out" | grep -q 'non-200: 0' || { echo "sign-ins answered non-200:"; echo "$out"; exit 1; }
  signin=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  ratio=$(awk -v s="$signin" -v h="$hash" 'BEGIN{printf "%.3f", s / h}')
  ratios+=("$ratio")
  echo "round=$round hashes/s=$hash signins/s=$signin ratio=$ratio loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
echo "RESULT rounds=$ROUNDS median_signin_to_hash_ratio=$median min=$(printf '%s\n' "${ratios[@]}" | sort -n | head -1) max=$(printf '%s\n' "${ratios[@]}" | sort -n | tail -1)"
echo "RSS service JVM: $(awk '/VmRSS/{printf "%d MiB", $2/1024}' "/proc/$SERVICE_PID/status")"
