#!/usr/bin/env bash
# Bytes allocated and thread CPU per issued access token (EdDSA, RS256), with the classes of the built jar (~30 s).
#   benchmarks/alloc/run.sh
set -euo pipefail
cd "$(dirname "$0")"
JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$JAR" AllocProbe.java
java -cp "$JAR:$OUT" dev.gatehouse.adapter.out.security.AllocProbe EdDSA 200000
java -cp "$JAR:$OUT" dev.gatehouse.adapter.out.security.AllocProbe RS256 3000
