#!/usr/bin/env bash
# Issue 12: search to rows shown in the running window (bench/WindowSearch.java: `iso-samp gui`'s IsoWindow, FlatLaf,
# on a private Xvfb), for the M31 cone (0.1 deg, MAXREC 1000) and a 40k-row result (SELECT * FROM ida.observations,
# MAXREC 100000), alternating, from the Search press to the rows in the StarJTable; then TOPCAT's own TAP load
# (uk.ac.starlink.vo.TapQuery, sync and async, and the plug-in's loader: bench/TopcatLoadBench.java) of the same
# two queries from the same archive, each in one long-running JVM (the first round, which opens the archive, not
# counted), medians. One local archive with 40 000 synthetic observations (serve-local --synthetic 40000).
# TOPCAT's numbers are loads into a table (no window drawn); the window's include drawing the rows.
# Needs xvfb and Debian's topcat. Usage: bench/window-search.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-9}
[ -n "${NO_BUILD:-}" ] || mvn -B -q package -DskipTests
mkdir -p bench/out/search-classes bench/out/search-home
cp target/iso-samp.jar bench/out/search-serve.jar   # the archive runs from a copy: a rebuild cannot pull it away
javac -cp target/iso-samp.jar -d bench/out/search-classes bench/WindowSearch.java
PORT=${PORT:-$(( 20000 + RANDOM % 20000 ))}
java -Xmx2g -jar bench/out/search-serve.jar serve-local --port "$PORT" --synthetic 40000 > bench/out/window-search-server.txt 2>&1 &
SERVER=$!
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3> bench/out/search-xvfb.display 2> bench/out/search-xvfb.log &
XVFB=$!
trap 'kill $SERVER $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s bench/out/search-xvfb.display ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 bench/out/search-xvfb.display)"
for _ in $(seq 1 1200); do grep -q "Press Ctrl-C" bench/out/window-search-server.txt && break; sleep 0.1; done
URL=$(awk '/^TAP \(ESA flavour/ {print $NF}' bench/out/window-search-server.txt)   # .../nida-sl-tap/tap
BASE=${URL%tap}
HOME_DIR=$(cd bench/out/search-home && pwd)
: > bench/out/window-search.txt
# C1 alone is how the launcher (target/iso-samp) runs the window; the full JIT is plain `java -jar`
for jit in -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4; do
  echo "== the window (iso-samp gui, $jit), $ROUNDS rounds after one that opens the archive" \
    | tee -a bench/out/window-search.txt
  java "$jit" -Djava.util.prefs.userRoot="$HOME_DIR" -cp target/iso-samp.jar:bench/out/search-classes \
    org.isosamp.gui.WindowSearch "$BASE" "$BASE" "$ROUNDS" 2>>bench/out/window-search.log | tee -a bench/out/window-search.txt
done
echo "== TOPCAT 4.8.7's TAP load (and the plug-in's loader) of the same queries, one JVM, $ROUNDS runs each"
[ -f target/iso-samp-topcat.jar ] || mvn -B -q package -DskipTests
java -Xmx2g -cp /usr/share/java/starlink-topcat.jar:target/iso-samp-topcat.jar bench/TopcatLoadBench.java \
  "$URL" "$ROUNDS" 2>&1 | tee -a bench/out/window-search.txt
echo "$(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)" \
  | tee -a bench/out/window-search.txt
