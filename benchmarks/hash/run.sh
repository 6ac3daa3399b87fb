#!/usr/bin/env bash
# Hash-only rate of Argon2id at the service's cost, with the service's own code (NativeArgon2id from the jar)
# or the former Bouncy Castle generator, in a JVM started without flags (like the service in the README).
#
#   benchmarks/hash/run.sh                       # service, 2 threads, 5 rounds of 5 s (after a warm-up round)
#   IMPL=bouncycastle THREADS=1 benchmarks/hash/run.sh
#
# Needs a built bootstrap/target/gatehouse.jar (./mvnw -q -DskipTests package). Prints one line per round with
# the load average, and a RESULT line with the median.
set -euo pipefail
cd "$(dirname "$0")"
JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
IMPL=${IMPL:-service}
THREADS=${THREADS:-2}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-5}
ROUNDS=${ROUNDS:-5}
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
mkdir -p target
javac -d target -cp "$JAR" HashRate.java
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$(nproc) $(java -version 2>&1 | head -1) jar sha256=$(sha256sum "$JAR" | cut -c1-16)"
java -cp "target:$JAR" dev.gatehouse.adapter.out.security.password.HashRate "$IMPL" "$THREADS" "$SECONDS_PER_ROUND" "$ROUNDS"
