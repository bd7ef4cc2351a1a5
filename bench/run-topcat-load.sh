#!/usr/bin/env bash
# Issue 11: the plug-in's loader against TOPCAT's own TAP client (uk.ac.starlink.vo.TapQuery), in one JVM with
# Debian's TOPCAT 4.8.7 on the class path, on a local archive with 40 000 synthetic observations:
# the M31 cone (0.1 deg) and a 40k-row query. Needs Debian's topcat package. Usage: bench/run-topcat-load.sh [RUNS [cone]]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-15}
[ -f target/iso-samp-topcat.jar ] || mvn -B -q package -DskipTests
mkdir -p bench/out
PORT=$(( 20000 + RANDOM % 20000 ))
java -Xmx4g -jar target/iso-samp.jar serve-local --port "$PORT" --synthetic 40000 > bench/out/topcat-load-server.txt &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q "Press Ctrl-C" bench/out/topcat-load-server.txt && break; sleep 0.1; done
URL=$(awk '/^TAP \(ESA flavour/ {print $NF}' bench/out/topcat-load-server.txt)
# TOPCAT's jar first (its manifest brings STIL 4.1.3, JSAMP, ...), then the plug-in: as `topcat -classpath`
java -Xmx2g -cp /usr/share/java/starlink-topcat.jar:target/iso-samp-topcat.jar bench/TopcatLoadBench.java \
  "$URL" "$RUNS" ${2:-} 2>&1 | tee bench/out/topcat-load.txt
