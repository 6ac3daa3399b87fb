#!/usr/bin/env bash
# Per-signature CPU, JDK / Bouncy Castle vs AWS-LC, with the classes of the built jar (~30 s per thread count).
#   benchmarks/sign/run.sh                # 1 thread, then 2 threads (THREADS="1 2")
set -euo pipefail
cd "$(dirname "$0")"
JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$JAR" SignBench.java
for threads in ${THREADS:-1 2}; do java -cp "$JAR:$OUT" SignBench "$threads"; done
