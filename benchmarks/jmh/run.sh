#!/usr/bin/env bash
# JMH benchmarks: access-token sign/verify per algorithm and provider (Argon2id: benchmarks/hash/).
# Usage (from anywhere):  benchmarks/jmh/run.sh [extra JMH options, e.g. AccessTokenSigning]
# Builds target/benchmarks.jar with the repository's Maven wrapper (not part of the root build; it depends on adapters-web),
# runs it, and writes results.json (machine-readable) and results.txt (the human-readable log).
# A whole run takes about 5 minutes on 2 cores (plus the build, and a wait while the machine is busy).
set -euo pipefail
cd "$(dirname "$0")"

# The benchmark measures the service's own Ed25519Jws: install adapters-web (and what it needs) first,
# build, then drop the installed snapshots so no later build of the service picks up stale ones.
(cd ../.. && ./mvnw -B -q install -DskipTests -pl adapters-web -am)
../../mvnw -B -q -f pom.xml package -DskipTests
rm -rf ~/.m2/repository/dev/gatehouse

# The machine may be shared: wait (at most QUIET_WAIT seconds) until it is nearly idle before measuring.
QUIET_WAIT=${QUIET_WAIT:-600}
busy_percent() {   # machine CPU busy over 3 s, from /proc/stat
  local a b
  a=$(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat); sleep 3
  b=$(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat)
  echo "$a $b" | awk '{printf "%d", 100 * ($3 - $1) / ($4 - $2 + 1)}'
}
waited=0
while busy=$(busy_percent) && [ "$busy" -gt 10 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
  [ "$waited" = 0 ] && echo "machine busy ($busy%), waiting up to ${QUIET_WAIT}s for it to calm down" >&2
  sleep 7; waited=$((waited + 10))
done
[ "$busy" -gt 10 ] && echo "WARNING: machine still ${busy}% busy; results will be disturbed" >&2

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "# $(java -version 2>&1 | head -1); machine busy before start: ${busy}%"
} > results.txt
java -jar target/benchmarks.jar -rf json -rff results.json "$@" 2>&1 | tee -a results.txt
echo "results: $(pwd)/results.json and $(pwd)/results.txt"
