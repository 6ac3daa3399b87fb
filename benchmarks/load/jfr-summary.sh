#!/usr/bin/env bash
# Summarises the jdk.ExecutionSample events of a JFR recording (Java code on CPU, ~every 10-20 ms per
# running thread with settings=profile): self time by top frame and by its package, inclusive time by
# method and by a few component prefixes, and samples per thread pool.
# Usage: jfr-summary.sh <recording.jfr> [top-n]
set -euo pipefail
file=$1
top=${2:-25}
jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | awk -v top="$top" '
function flush(   m, seen, key) {
  if (nframes == 0) return
  total++
  self[frames[1]]++
  pkg = frames[1]; sub(/\.[^.]*\(.*$/, "", pkg)                   # drop method -> class
  n = split(pkg, parts, "."); pkg = parts[1]; for (i = 2; i <= n - 1 && i <= 4; i++) pkg = pkg "." parts[i]
  selfpkg[pkg]++
  delete seen
  for (m = 1; m <= nframes; m++) if (!(frames[m] in seen)) { seen[frames[m]] = 1; incl[frames[m]]++ }
  for (key in comp) { for (m = 1; m <= nframes; m++) if (index(frames[m], comp[key]) > 0) { compn[key]++; break } }
  threads[thread]++
  # exclusive attribution: the innermost frame (from the top of the stack) that belongs to a known
  # component; JDK frames (collections, regex, crypto primitives...) count for their caller
  cat = "JDK / other (no known frame in the stack)"
  for (m = 1; m <= nframes; m++) {
    for (c = 1; c <= ncat; c++) if (index(frames[m], catprefix[c]) == 1) { cat = catname[c]; break }
    if (c <= ncat) break
  }
  bycat[cat]++
  nframes = 0
}
function category(prefix, name) { ncat++; catprefix[ncat] = prefix; catname[ncat] = name }
BEGIN {
  category("org.bouncycastle.", "Ed25519 signature (Bouncy Castle, incl. its SHA-512)")
  category("dev.gatehouse.adapter.out.security.Ed25519Jws", "Ed25519 signature (Bouncy Castle, incl. its SHA-512)")
  category("com.nimbusds.", "Nimbus JOSE: JWT JSON, Base64URL, header (besides the signature)")
  category("dev.gatehouse.adapter.out.security.JwtAccessTokens", "JWT claims building (JwtAccessTokens)")
  category("dev.gatehouse.adapter.out.security.HmacRefreshTokenCodec", "refresh-token codec (regex, HMAC-SHA256, Base64)")
  category("dev.gatehouse.adapter.out.security.SecureRandomIds", "ids (SecureRandom)")
  category("dev.gatehouse.adapter.out.persistence.", "Gatehouse JDBC adapter (statement set-up, row mapping)")
  category("org.postgresql.", "PostgreSQL JDBC driver")
  category("com.zaxxer.hikari.", "HikariCP (connection borrow/return)")
  category("io.micronaut.data.", "Micronaut Data connection/transaction management")
  category("io.micronaut.transaction.", "Micronaut Data connection/transaction management")
  category("dev.gatehouse.adapter.in.web.", "Gatehouse web adapter (controller, form parsing, response)")
  category("dev.gatehouse.application.", "Gatehouse application + domain")
  category("dev.gatehouse.domain.", "Gatehouse application + domain")
  category("dev.gatehouse.", "Gatehouse, other")
  category("com.fasterxml.jackson.", "JSON serialisation (Jackson / Micronaut serde)")
  category("io.micronaut.serde.", "JSON serialisation (Jackson / Micronaut serde)")
  category("io.micronaut.json.", "JSON serialisation (Jackson / Micronaut serde)")
  category("io.netty.", "Netty (HTTP codec, event loop, buffers)")
  category("io.micronaut.", "Micronaut (routing, HTTP layer, executors)")
  category("ch.qos.logback.", "logging")
  category("org.slf4j.", "logging")
  comp["JWT: Bouncy Castle Ed25519 (sign)"] = "org.bouncycastle.math.ec.rfc8032"
  comp["JWT: Nimbus JOSE (all of it)"] = "com.nimbusds."
  comp["refresh-token codec (HMAC)"] = "HmacRefreshTokenCodec"
  comp["SecureRandom"] = "java.security.SecureRandom"
  comp["PostgreSQL JDBC driver"] = "org.postgresql."
  comp["HikariCP"] = "com.zaxxer.hikari."
  comp["Micronaut Data / transactions"] = "io.micronaut.data."
  comp["Netty"] = "io.netty."
  comp["Jackson / serde"] = "com.fasterxml.jackson"
  comp["logging (logback/slf4j)"] = "ch.qos.logback"
  comp["dev.gatehouse (any)"] = "dev.gatehouse."
  comp["TokenController.token"] = "TokenController.token"
  comp["RefreshTokensService"] = "RefreshTokensService"
  comp["JwtAccessTokens.issue"] = "JwtAccessTokens.issue"
}
/^jdk.ExecutionSample/ { flush(); inframes = 0; next }
/sampledThread = / { thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*$/, "", thread); gsub(/[0-9]+/, "N", thread); next }
/stackTrace = \[/ { inframes = 1; next }
inframes && /^[ \t]*\]/ { inframes = 0; next }
inframes {
  f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*$/, "", f)
  if (f == "...") next
  frames[++nframes] = f
}
END {
  flush()
  printf "execution samples: %d\n\n", total
  printf "== self (top frame), top %d ==\n", top
  for (k in self) printf "%7d %5.1f%%  %s\n", self[k], 100 * self[k] / total, k | "sort -rn | head -" top
  close("sort -rn | head -" top)
  printf "\n== self by package of the top frame ==\n"
  for (k in selfpkg) printf "%7d %5.1f%%  %s\n", selfpkg[k], 100 * selfpkg[k] / total, k | "sort -rn | head -" top
  close("sort -rn | head -" top)
  printf "\n== exclusive by component (innermost known frame; JDK frames count for their caller) ==\n"
  for (k in bycat) printf "%7d %5.1f%%  %s\n", bycat[k], 100 * bycat[k] / total, k | "sort -rn"
  close("sort -rn")
  printf "\n== inclusive by component (sample has such a frame anywhere in its stack) ==\n"
  for (k in comp) printf "%7d %5.1f%%  %s\n", compn[k] + 0, 100 * (compn[k] + 0) / total, k | "sort -rn"
  close("sort -rn")
  printf "\n== inclusive by method, top %d ==\n", 2 * top
  for (k in incl) printf "%7d %5.1f%%  %s\n", incl[k], 100 * incl[k] / total, k | "sort -rn | head -" 2 * top
  close("sort -rn | head -" 2 * top)
  printf "\n== samples by thread (digits replaced by N) ==\n"
  for (k in threads) printf "%7d %5.1f%%  %s\n", threads[k], 100 * threads[k] / total, k | "sort -rn | head -15"
  close("sort -rn | head -15")
}'
