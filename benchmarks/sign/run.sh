#!/usr/bin/env bash
# Access-token signing with the classes of the built jar:
#   signature: per-signature CPU, JDK / Bouncy Castle vs AWS-LC (SignBench, ~30 s per thread count)
#   token:     bytes allocated and thread CPU per token the service's JwtAccessTokens issues (AllocProbe, ~30 s)
#   benchmarks/sign/run.sh                # both parts; SignBench on 1, then 2 threads (THREADS="1 2")
#   PARTS=token benchmarks/sign/run.sh    # only the token part
set -euo pipefail
cd "$(dirname "$0")"
JAR=${JAR:-../../bootstrap/target/gatehouse.jar}
[ -f "$JAR" ] || { echo "no $JAR: build it first (cd ../.. && ./mvnw -q -DskipTests package)" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$JAR" SignBench.java AllocProbe.java
for part in ${PARTS:-signature token}; do
  case $part in
    signature) for threads in ${THREADS:-1 2}; do java -cp "$JAR:$OUT" SignBench "$threads"; done ;;
    token) java -cp "$JAR:$OUT" dev.gatehouse.adapter.out.security.AllocProbe EdDSA 200000
           java -cp "$JAR:$OUT" dev.gatehouse.adapter.out.security.AllocProbe RS256 3000 ;;
    *) echo "unknown part $part (signature, token)" >&2; exit 2 ;;
  esac
done
