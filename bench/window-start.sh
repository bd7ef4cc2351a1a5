#!/usr/bin/env bash
# Issue 12: cold start to the window shown, iso-samp's (`iso-samp gui`, FlatLaf) against TOPCAT's own start-up
# (Debian's TOPCAT 4.8.7, its ControlWindow), alternating, on one private Xvfb; each run a fresh JVM, from the
# process's launch (date, before `java`) to the frame showing (bench/WindowStart.java polls every 5 ms). The window
# is pointed at a loopback port that refuses (its metadata fetch fails at once), so no network is reached and the
# embedded archive is not started: the window alone is measured. Preferences and HOME in bench/out/window-home.
# iso-samp three times: without class-data sharing (a first start, `java -jar`); with the AppCDS archive its
# launcher (target/iso-samp) makes on a command's first run and uses after (made here once, by a training run); and
# with what the launcher runs the window with, that archive and C1 alone on one compiler thread
# (-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1: LAUNCHER_JIT below, kept as the launcher's).
# Needs xvfb and Debian's topcat. Usage: bench/window-start.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-9}
TOPCAT_JAR=/usr/share/java/starlink-topcat.jar
[ -n "${NO_BUILD:-}" ] || mvn -B -q package -DskipTests   # the window of this checkout, not an older jar
[ -f "$TOPCAT_JAR" ] || { echo "no $TOPCAT_JAR: apt-get install topcat" >&2; exit 1; }
mkdir -p bench/out/classes bench/out/window-home
javac -d bench/out/classes bench/WindowStart.java
jar cf bench/out/window-start.jar -C bench/out/classes WindowStart.class # a jar: CDS takes no directories
HOME_DIR=$(cd bench/out/window-home && pwd)
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3> bench/out/xvfb.display 2> bench/out/xvfb.log &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s bench/out/xvfb.display ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 bench/out/xvfb.display)"
export HOME="$HOME_DIR" XDG_CONFIG_HOME="$HOME_DIR" XDG_CACHE_HOME="$HOME_DIR"
unset ISO_SAMP_ARCHIVE SAMP_HUB

one() { # prints ms from launch to shown
  local start shown
  start=$(date +%s%3N)
  shown=$("$@" 2>>bench/out/window-start.log | awk '/^shown/ {print $2}')
  [ -n "$shown" ] || { echo "no window: $*" >&2; exit 1; }
  echo $(( shown - start ))
}
ISO=(-Djava.util.prefs.userRoot="$HOME_DIR" -cp target/iso-samp.jar:bench/out/window-start.jar WindowStart
     org.isosamp.gui.IsoWindow org.isosamp.IsoSamp gui --archive http://127.0.0.1:9/)
JSA=bench/out/window-start.jsa
rm -f "$JSA"
LAUNCHER_JIT="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1" # as src/main/sh/iso-samp runs gui
WINDOW_START_EXIT=1 java -XX:ArchiveClassesAtExit="$JSA" -Xlog:cds*=off $LAUNCHER_JIT "${ISO[@]}" >/dev/null 2>>bench/out/window-start.log
iso=(); cds=(); c1=(); top=()
for r in $(seq 1 "$ROUNDS"); do
  iso+=("$(one java "${ISO[@]}")")
  cds+=("$(one java -XX:SharedArchiveFile="$JSA" -Xlog:cds*=off "${ISO[@]}")")
  c1+=("$(one java -XX:SharedArchiveFile="$JSA" -Xlog:cds*=off $LAUNCHER_JIT "${ISO[@]}")")
  top+=("$(one java -Duk.ac.starlink.topcat.cmdname=topcat -cp "$TOPCAT_JAR":bench/out/window-start.jar WindowStart \
          uk.ac.starlink.topcat.ControlWindow uk.ac.starlink.topcat.Driver)")
  echo "round $r: iso-samp ${iso[-1]} ms, with CDS ${cds[-1]} ms, CDS + C1 (the launcher) ${c1[-1]} ms," \
       "TOPCAT ${top[-1]} ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mi=$(median "${iso[@]}"); mc=$(median "${cds[@]}"); m1=$(median "${c1[@]}"); mt=$(median "${top[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
echo "median cold start to window shown ($ROUNDS rounds): iso-samp gui $mi ms ($(ratio "$mi" "$mt")x TOPCAT)," \
     "with its launcher's CDS $mc ms ($(ratio "$mc" "$mt")x), CDS + C1 as the launcher runs it $m1 ms" \
     "($(ratio "$m1" "$mt")x), TOPCAT $mt ms"
echo "$(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"
