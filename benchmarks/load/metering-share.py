#!/usr/bin/env python3
"""Share of a JFR recording's Java execution samples spent in metering code (Micrometer, Micronaut's metrics
binders, Gatehouse's metering decorators): each sample is charged to its innermost frame outside java./jdk./sun.
(JDK code counts for its caller), as jfr-summary.sh does. Usage: metering-share.py <recording.jfr>"""
import subprocess, sys, collections
METERING = ("io.micrometer.", "io.micronaut.configuration.metrics.", "dev.gatehouse.bootstrap.metrics.",
            "dev.gatehouse.adapter.in.web.bff.MeteredUpstreamClient")
JDK = ("java.", "jdk.", "sun.", "javax.", "com.sun.")
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
total = 0; metering = 0; where = collections.Counter(); frames = None
for line in out.splitlines():
    s = line.strip()
    if s.startswith("stackTrace = ["):
        frames = []
    elif frames is not None and s == "]":
        total += 1
        owner = next((f for f in frames if not f.startswith(JDK)), None)
        if owner and owner.startswith(METERING):
            metering += 1; where[owner.split("(")[0]] += 1
        frames = None
    elif frames is not None and s and s != "...":
        frames.append(s)
print(f"samples={total} metering={metering} share={100.0 * metering / max(total, 1):.2f}%")
for frame, n in where.most_common(12):
    print(f"  {n:5d} {frame}")
