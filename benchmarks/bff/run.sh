#!/usr/bin/env bash
# Added latency of the /bff proxy per request: 2,000 sequential GETs through /bff/api/orders/42 to a local
# upstream, interleaved with 2,000 GETs straight to that upstream (after 500 warm-up pairs).
#
#   benchmarks/bff/run.sh               # REQUESTS=2000 WARMUP=500 by default
#
# Needs a built bootstrap/target/gatehouse.jar (./mvnw -q -DskipTests package). Starts the upstream
# (Upstream.java, a JDK HttpServer) and the service (development mode: embedded PostgreSQL) on free ports
# of 127.0.0.1, stops both on exit, prints `uptime` before and after: the figure is only as quiet as the
# machine.
set -euo pipefail
cd "$(dirname "$0")"

JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-500}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
UPSTREAM_PORT=$(free_port)
GATEHOUSE_PORT=$(free_port)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx64m -Dsun.net.httpserver.nodelay=true Upstream.java "$UPSTREAM_PORT" & PIDS+=($!)
java -Xmx256m -Dmicronaut.server.port="$GATEHOUSE_PORT" \
     -Dgatehouse.bff.upstream-url="http://127.0.0.1:$UPSTREAM_PORT" -jar "$JAR" > "${TMPDIR:-/tmp}/gatehouse-bff-bench.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$GATEHOUSE_PORT/health" > /dev/null && break
  sleep 1
done
echo "before: $(uptime)"
java Latency.java "http://127.0.0.1:$GATEHOUSE_PORT" "http://127.0.0.1:$UPSTREAM_PORT" "$REQUESTS" "$WARMUP"
echo "after:  $(uptime)"
